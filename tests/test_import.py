"""`catalog import`: adding, re-importing, updating, moving, and bad input that never stops a run."""

from __future__ import annotations

import json
import os
import shutil

from sqlalchemy import func, select

from catalog.models import Photo
from tests.helpers import jpeg_with_metadata, plain_jpeg


def _count(lib) -> int:
    with lib.session() as s:
        return s.scalar(select(func.count(Photo.id)))


def test_import_the_samples(cli, lib, samples):
    result = cli("import", str(samples))
    assert result.exit_code == 0, result.output
    assert "3 added, 0 updated, 0 moved, 0 unchanged, 0 failed" in result.output
    assert "other files passed over" in result.output  # the press release and README are not images
    assert _count(lib) == 3


def test_reimport_adds_nothing_and_opens_nothing(cli, lib, samples):
    cli("import", str(samples))
    # Garble a file but keep its size and modification time: a re-import that judged by stat alone
    # does not open it, so the record keeps what was read the first time.
    train = samples / "gansu-bullet-train.jpg"
    info = train.stat()
    train.write_bytes(b"\0" * info.st_size)
    os.utime(train, ns=(info.st_atime_ns, info.st_mtime_ns))
    result = cli("import", str(samples))
    assert result.exit_code == 0, result.output
    assert "0 added, 0 updated, 0 moved, 3 unchanged, 0 failed" in result.output
    assert lib.get(str(train)).caption.startswith("A bullet train")
    assert _count(lib) == 3


def test_changed_file_is_updated(cli, lib, samples):
    cli("import", str(samples))
    train = samples / "gansu-bullet-train.jpg"
    jpeg_with_metadata(train, iptc={"Iptc.Application2.Caption": "A bullet train in Jiuquan, Gansu province, "
                                    "Aug. 4, 2025. (Photo/Xu Gang)"})
    result = cli("import", str(samples))
    assert "0 added, 1 updated" in result.output
    photo = lib.get(str(train))
    assert photo.taken == "2025-08-04"
    assert _count(lib) == 3


def test_moved_file_keeps_its_record(cli, lib, samples, tmp_path):
    cli("import", str(samples))
    before = lib.get(str(samples / "hefei-aircraft.jpg"))
    moved = tmp_path / "elsewhere" / "renamed.jpg"
    moved.parent.mkdir()
    shutil.move(samples / "hefei-aircraft.jpg", moved)
    result = cli("import", str(moved.parent))
    assert "1 moved" in result.output, result.output
    after = lib.get(str(moved))
    assert after.id == before.id
    assert after.city == "Hefei"
    assert _count(lib) == 3


def test_a_record_with_a_legacy_fingerprint_is_still_recognised_when_its_file_moves(cli, lib, samples, tmp_path):
    # A catalogue made before fingerprints were XXH3 holds blake2b ones of the same samples.
    from sqlalchemy import update

    from catalog.scan import fingerprint, legacy_fingerprint

    cli("import", str(samples))
    source = samples / "hefei-aircraft.jpg"
    size = source.stat().st_size
    old = legacy_fingerprint(str(source), size)
    assert len(old) == 40 and len(fingerprint(str(source), size)) == 32
    before = lib.get(str(source))
    with lib.session() as s, s.begin():
        s.execute(update(Photo).values(fingerprint=old).where(Photo.id == before.id))
    moved = tmp_path / "elsewhere" / "renamed.jpg"
    moved.parent.mkdir()
    shutil.move(source, moved)
    result = cli("import", str(moved.parent))
    assert "1 moved" in result.output, result.output
    after = lib.get(str(moved))
    assert after.id == before.id
    assert after.fingerprint == fingerprint(str(moved), size)  # the record now has the new kind
    assert _count(lib) == 3


def test_legacy_fingerprints_are_found_among_new_ones_on_either_side_of_them(cli, lib, samples):
    # The check reads the fingerprint index in order; a legacy one sorting first, last or between new ones
    # is found, and none is reported when every record has the new kind.
    from sqlalchemy import update

    from catalog.store import has_legacy_fingerprints

    cli("import", str(samples))
    with lib.session() as s:
        assert not has_legacy_fingerprints(s)
        ids = list(s.scalars(select(Photo.id).order_by(Photo.id)))
    for legacy in ("0" * 40, "f" * 40, "8" * 40):
        with lib.session() as s, s.begin():
            s.execute(update(Photo).values(fingerprint=legacy).where(Photo.id == ids[0]))
        with lib.session() as s:
            assert has_legacy_fingerprints(s), legacy


def test_byte_identical_copy_is_a_second_photo_not_a_move(cli, lib, samples, tmp_path):
    cli("import", str(samples))
    copy = tmp_path / "copy.jpg"
    shutil.copy(samples / "hefei-aircraft.jpg", copy)
    result = cli("import", str(copy))
    assert "1 added" in result.output
    assert _count(lib) == 4


def test_bad_files_are_named_with_a_reason_and_the_rest_imported(cli, lib, tmp_path):
    folder = tmp_path / "incoming"
    plain_jpeg(folder / "good.jpg")
    (folder / "empty.jpg").write_bytes(b"")
    (folder / "notes.jpg").write_text("this is a text file, not a photo\n")
    whole = plain_jpeg(tmp_path / "whole.jpg", size=(400, 300)).read_bytes()
    (folder / "truncated.jpg").write_bytes(whole[:40])
    (folder / "readme.txt").write_text("not an image and not a failure")
    result = cli("import", str(folder))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    failed = [line for line in result.output.splitlines() if line.startswith("FAILED")]
    lines = {line.split(":")[0].split("/")[-1]: line for line in failed}
    assert set(lines) == {"empty.jpg", "notes.jpg", "truncated.jpg"}
    assert "empty" in lines["empty.jpg"]
    assert "not an image" in lines["notes.jpg"] or "text" in lines["notes.jpg"]
    assert "1 added" in result.output and "3 failed" in result.output
    assert _count(lib) == 1


def test_missing_folder_is_a_clear_failure(cli, tmp_path, samples):
    result = cli("import", str(tmp_path / "no-such-folder"), str(samples))
    assert result.exit_code == 1
    assert "no-such-folder: no such file or folder" in result.output
    assert "3 added" in result.output


def test_usage_error_exits_2(cli):
    result = cli("import")
    assert result.exit_code == 2
    result = cli("import", "x", "--workers", "0")
    assert result.exit_code == 2


def test_captions_file_gives_the_probe_its_caption(cli, lib, samples):
    result = cli("import", str(samples), "--captions", str(samples / "tianwen2-press-release.txt"))
    assert result.exit_code == 0, result.output
    probe = lib.get("tianwen2-probe.jpg")
    assert probe.caption.startswith("This image released by the China National Space Administration")
    assert probe.sources["caption"] == "manual"
    assert probe.provider == "China National Space Administration"
    assert probe.photographer is None
    assert probe.released == "2025-10-01"
    assert probe.taken is None


def test_captions_csv(cli, lib, samples, tmp_path):
    table = tmp_path / "captions.csv"
    table.write_text('file,caption\ntianwen2-probe.jpg,"The probe, seen in 2025. (Photo/Li Xin)"\n', encoding="utf-8")
    result = cli("import", str(samples), "--captions", str(table))
    assert result.exit_code == 0, result.output
    assert lib.get("tianwen2-probe.jpg").photographer == "Li Xin"


def test_captions_file_that_names_nothing_is_a_usage_error(cli, samples, tmp_path):
    empty = tmp_path / "captions.txt"
    empty.write_text("just prose\n\nmore prose\n")
    result = cli("import", str(samples), "--captions", str(empty))
    assert result.exit_code == 2
    assert "names no photo" in result.output


def test_a_sidecar_added_after_import_is_read_on_the_next_import(cli, lib, samples):
    cli("import", str(samples))
    probe = samples / "tianwen2-probe.jpg"
    assert lib.get(str(probe)).caption is None
    (samples / "tianwen2-probe.xmp").write_text(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt>'
        '<rdf:li xml:lang="x-default">The probe and Earth. (Photo provided by the China National Space '
        'Administration)</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>',
        encoding="utf-8")
    result = cli("import", str(samples))
    assert "0 added, 1 updated" in result.output, result.output
    photo = lib.get(str(probe))
    assert photo.caption.startswith("The probe and Earth.")
    assert photo.sources["caption"] == "sidecar"
    assert "0 updated, 0 moved, 3 unchanged" in cli("import", str(samples)).output
    assert "0 updated, 0 moved, 1 unchanged" in cli("import", str(probe)).output


def test_a_photo_renamed_and_a_new_one_under_its_old_name_keep_apart(tmp_path, samples):
    """A picture kept under a new name (a-kept.jpg, z-kept.jpg: before and after the old name) while a new
    picture arrives under the old one: what was set by hand, the kill and the story belong to the renamed
    picture. By path, the new picture took them all (killed, credited to Jane Smith) and the renamed one came
    back as a new photo without them. The same by the library's own import, without the early start."""
    from catalog.importer import import_paths
    from catalog.library import Library
    from tests.cli_process import run_catalog

    db = tmp_path / "catalog.db"
    for kept_as in ("a-kept.jpg", "z-kept.jpg", "library.jpg"):
        folder = tmp_path / kept_as.split(".")[0]
        folder.mkdir()
        target = folder / "photo.jpg"
        shutil.copy(samples / "gansu-bullet-train.jpg", target)
        assert run_catalog("--db", db, "import", folder).returncode == 0
        for args in (("set", target, "photographer=Jane Smith"), ("kill", target, "--reason", "altered"),
                     ("story", "add", kept_as, target)):
            assert run_catalog("--db", db, *args).returncode == 0
        os.rename(target, folder / kept_as)
        shutil.copy(samples / "hefei-aircraft.jpg", target)
        if kept_as == "library.jpg":
            library = Library.open(str(db))
            try:
                report = import_paths(library, [str(folder)])
            finally:
                library.close()
            assert (report.added, report.updated, report.moved) == (1, 0, 1)
        else:
            done = run_catalog("--db", db, "import", folder)
            assert done.returncode == 0, done.stderr.decode()
            assert "1 added, 0 updated, 1 moved" in done.stdout.decode()
        shown = run_catalog("--db", db, "search", f"used:{kept_as}", "--format", "json")
        [renamed] = json.loads(shown.stdout)
        assert renamed["path"] == str(folder / kept_as)
        assert renamed["credit"]["photographer"] == "Jane Smith"
        assert renamed["caption"].startswith("A bullet train")
        killed = json.loads(run_catalog("--db", db, "search", "killed:yes", "--format", "json").stdout)
        assert str(target) not in [photo["path"] for photo in killed]
        assert str(folder / kept_as) in [photo["path"] for photo in killed]
        new = json.loads(run_catalog("--db", db, "show", target, "--format", "json").stdout)
        assert new["caption"].startswith("Researchers") and new["credit"]["photographer"] != "Jane Smith"

"""A full disk or a read-only catalogue: a clear error, exit 1, no traceback, and the catalogue unchanged.

How each condition is made real, on any machine the tests run on:

- A full database, everywhere: SQLite's `PRAGMA max_page_count` caps the file at its current size, so the
  next page SQLite needs fails exactly as a full disk does (SQLITE_FULL, "database or disk is full").
- A full disk, when the tests run as root and may mount: a 1 MiB tmpfs holding the catalogue, filled up.
  Skipped elsewhere.
- A read-only catalogue: the file made 0444 and/or its folder 0555. Root ignores permissions, so as root the
  `catalog` process first gives up the capabilities that let it (where it cannot, the test is skipped).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import event

from catalog import db, quick_store
from catalog.cli import main
from catalog.cli.base import LazyLibrary
from catalog.library import Library
from tests.cli_process import catalog_command, environment, integrity, rows_digest, run_catalog, unprivileged
from tests.image_bytes import press_jpeg


def _photos(folder: Path, count: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(start, start + count):
        (folder / f"p{index:03d}.jpg").write_bytes(press_jpeg(index, city="Hefei", caption=f"Photo number {index}"))
    return folder


def _catalogue_at(path: Path, photos: Path) -> Path:
    """A SQLite catalogue of the photos, made in this process and closed (no -wal or -shm left beside it)."""
    library = Library.open(str(path))
    try:
        assert library.import_paths([str(photos)], workers=1).added == len(list(photos.iterdir()))
    finally:
        library.close()
    return path


@pytest.fixture
def catalogue(tmp_path):
    return _catalogue_at(tmp_path / "catalog.db", _photos(tmp_path / "first", 5))


def _assert_unchanged(path: Path, before: tuple) -> None:
    assert integrity(path) == "ok"
    assert rows_digest(path) == before


# --- full --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["quick", "full"])
def test_a_full_database_is_a_clear_error_and_the_catalogue_is_unchanged(catalogue, tmp_path, monkeypatch, path):
    """The catalogue may not grow by a page: on the quick path (catalog.quick_store, new photos without SQLAlchemy)
    and on the full one (the Library), as the import takes one or the other."""
    before = rows_digest(catalogue)

    def fill(dbapi_connection) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    if path == "quick":
        real_connect = quick_store.connect

        def capped_connect(catalogue_file):
            connection = real_connect(catalogue_file)
            fill(connection)
            return connection

        monkeypatch.setattr(quick_store, "connect", capped_connect)
    else:
        real_engine = db._sqlite_engine

        def capped_engine(url, **options):
            engine = real_engine(url, **options)
            event.listen(engine, "connect", lambda dbapi_connection, _record: fill(dbapi_connection))
            return engine

        monkeypatch.setattr(db, "_sqlite_engine", capped_engine)
        monkeypatch.setattr(LazyLibrary, "quick_import", lambda self, early: None)
    more = _photos(tmp_path / "more", 40, start=100)
    result = CliRunner().invoke(main, ["--db", str(catalogue), "import", str(more)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "Error: the disk is full" in result.output
    assert "unchanged" in result.output
    _assert_unchanged(catalogue, before)


def _can_mount() -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    probe = tempfile.mkdtemp()
    try:
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe],
                                 check=False, capture_output=True).returncode == 0
        if mounted:
            subprocess.run(["umount", probe], check=True)
        return mounted
    finally:
        os.rmdir(probe)


@pytest.fixture
def tiny_disk(tmp_path):
    """A 1 MiB tmpfs, unmounted afterwards."""
    if not _can_mount():
        pytest.skip("mounting a tmpfs needs root and the mount capability")
    mount_point = tmp_path / "tiny"
    mount_point.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)], check=True)
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(folder: Path) -> Path:
    """Write a file until the filesystem has no space left."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as out:
        try:
            while out.write(b"\0" * 4096):
                pass
        except OSError:  # no space left: full, as wanted
            pass
    return filler


def test_a_full_disk_is_a_clear_error_and_the_catalogue_is_unchanged(tiny_disk, tmp_path):
    path = _catalogue_at(tiny_disk / "catalog.db", _photos(tmp_path / "first", 3))
    before = rows_digest(path)
    filler = _fill(tiny_disk)

    result = run_catalog("--db", path, "import", _photos(tmp_path / "more", 40, start=100))

    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err
    assert "the disk is full" in err, err
    filler.unlink()
    _assert_unchanged(path, before)


# --- read-only -------------------------------------------------------------------------------------------


@pytest.fixture
def shared_folder(tmp_path):
    """A folder for a catalogue made read-only; its permissions are put back afterwards for the clean-up."""
    yield tmp_path
    for path in [tmp_path, *tmp_path.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o755 if path.is_dir() else 0o644)


def _read_only_catalogue(shared_folder: Path, *, file_mode: int, folder_mode: int) -> tuple[Path, Path]:
    home = shared_folder / "catalogue"
    home.mkdir()
    home.chmod(0o755)
    path = home / "catalog.db"
    _catalogue_at(path, _photos(shared_folder / "photos", 3))
    more = _photos(shared_folder / "more", 10, start=100)
    path.chmod(file_mode)
    home.chmod(folder_mode)
    return path, more


@pytest.mark.parametrize(
    "file_mode, folder_mode",
    [(0o444, 0o555), (0o444, 0o755), (0o644, 0o555)],
    ids=["file-and-folder-read-only", "file-read-only", "folder-read-only"],
)
def test_a_read_only_catalogue_is_a_clear_error_and_is_left_alone(shared_folder, file_mode, folder_mode):
    path, more = _read_only_catalogue(shared_folder, file_mode=file_mode, folder_mode=folder_mode)
    before = _digest_of(path)

    result = run_catalog("--db", path, "import", more, **unprivileged(shared_folder))

    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err
    assert "Error: the catalogue is read-only" in err, err
    assert _digest_of(path) == before


def test_a_read_only_catalogue_can_still_be_searched(shared_folder):
    path, _ = _read_only_catalogue(shared_folder, file_mode=0o444, folder_mode=0o555)
    result = run_catalog("--db", path, "search", "--format", "paths", **unprivileged(shared_folder))
    assert result.returncode == 0, result.stderr.decode()
    assert len(result.stdout.splitlines()) == 3


def _digest_of(path: Path) -> tuple:
    """rows_digest and integrity_check, read with the permissions put back (and then restored)."""
    modes = path.stat().st_mode, path.parent.stat().st_mode
    path.parent.chmod(0o755)
    path.chmod(0o644)
    try:
        assert integrity(path) == "ok"
        return rows_digest(path)
    finally:
        path.chmod(modes[0])
        path.parent.chmod(modes[1])


def test_a_new_catalogue_in_a_read_only_folder_is_a_clear_error(shared_folder):
    folder = shared_folder / "archive"
    folder.mkdir()
    folder.chmod(0o555)
    photos = shared_folder / "incoming"
    photos.mkdir()
    (photos / "one.jpg").write_bytes(press_jpeg(1))
    photos.chmod(0o755)
    result = run_catalog("--db", folder / "catalog.db", "import", photos, **unprivileged(shared_folder))
    assert result.returncode == 1
    assert result.stderr.decode().strip() == (
        f"Error: cannot make a catalogue at {folder / 'catalog.db'}: the folder {folder} is read-only")
    assert list(folder.iterdir()) == []


def test_an_export_that_runs_out_of_room_leaves_the_earlier_export_as_it_was(tmp_path):
    """`catalog export -o FILE` emptied the file first and then wrote: when the disk filled (here the file size
    limit, RLIMIT_FSIZE, the same error EFBIG/ENOSPC at the same moment) or the process was killed half-way,
    yesterday's export was gone and a cut-off one left in its place. Now the new export replaces it whole."""
    import resource

    catalogue = _catalogue_at(tmp_path / "catalog.db", _photos(tmp_path / "wire", 60))  # an export of ~100 KB
    earlier = tmp_path / "export.json"
    earlier.write_text('[{"id": 1}]\n')
    earlier.chmod(0o640)

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))  # room for SQLite's 32 KB -shm file

    done = run_catalog("--db", catalogue, "export", "-o", earlier, preexec_fn=small_files)
    err = done.stderr.decode()
    assert done.returncode == 1 and f"cannot write {earlier}: File too large; it is left as it was" in err, err
    assert "Traceback" not in err
    assert earlier.read_text() == '[{"id": 1}]\n'
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".export.json")] == []
    done = run_catalog("--db", catalogue, "export", "-o", earlier)
    assert done.returncode == 0, done.stderr.decode()
    assert earlier.read_text().startswith("[\n") and (earlier.stat().st_mode & 0o777) == 0o640


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full, a device that is always full")
@pytest.mark.parametrize("args", [["export"], ["search"], ["show", "1"]], ids=["export", "search", "show"])
def test_output_sent_to_a_full_disk_is_a_clear_error(catalogue, args):
    """`catalog export > all.json` on a full disk was "something went wrong inside catalog (OSError: [Errno 28]
    No space left on device) ... please report it", as if the fault were catalog's."""
    with open("/dev/full", "w") as full:
        result = subprocess.run([*catalog_command("--db", catalogue, *args)], stdout=full, stderr=subprocess.PIPE,
                                env=environment(), timeout=60, check=False)
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Error: cannot write: No space left on device (the disk is full" in err and "went wrong" not in err, err


def test_sidecars_that_run_out_of_room_leave_no_half_written_sidecar(tmp_path):
    """`catalog export --format xmp` made each new sidecar in place: when the disk filled half-way through one
    (here the file size limit, RLIMIT_FSIZE), the photo was reported as failed but a cut-off photo.xmp stayed
    beside it, which the next export kept ("it exists") and Lightroom, or catalog's own import, then read. Now a
    sidecar appears whole or not at all, and the same export run again writes it."""
    import resource

    photos = _photos(tmp_path / "wire", 3)
    catalogue = _catalogue_at(tmp_path / "catalog.db", photos)
    library = Library.open(str(catalogue))
    try:  # one photo whose sidecar is larger than the limit below; the others' are a few KB
        library.set_caption(str(photos / "p001.jpg"), "A long caption. " * 6000)
    finally:
        library.close()

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))  # room for SQLite's 32 KB -shm file

    done = run_catalog("--db", catalogue, "export", "--format", "xmp", preexec_fn=small_files)
    err = done.stderr.decode()
    assert done.returncode == 1 and "FAILED" in err and "p001.jpg: cannot write the sidecar (File too large)" in err
    assert "Traceback" not in err
    assert sorted(path.name for path in photos.iterdir() if not path.name.endswith(".jpg")) == ["p000.xmp",
                                                                                                "p002.xmp"]
    done = run_catalog("--db", catalogue, "export", "--format", "xmp")
    assert done.returncode == 0, done.stderr.decode()
    assert (photos / "p001.xmp").read_bytes().rstrip().endswith(b"</x:xmpmeta>")


def test_a_write_of_many_photos_leaves_a_read_only_one_alone_and_writes_the_others(samples, tmp_path):
    """`catalog write` replaces each file by a new one made in its folder, which the file's own permissions do not
    guard: a picture made read-only (an original kept as it came, another user's file on a shared desk) was
    rewritten like the rest, read-only again afterwards as if untouched. It is now refused and named, the
    others are written, the hand-set value stays in the record, and once it is writable the same command
    finishes the job. Root included: the refusal reads the permission bits, not only what root may do."""
    db = tmp_path / "catalog.db"
    photos = [samples / name for name in ("gansu-bullet-train.jpg", "hefei-aircraft.jpg", "tianwen2-probe.jpg")]
    assert run_catalog("--db", db, "import", samples).returncode == 0
    assert run_catalog("--db", db, "set", *photos, "city=Lhasa").returncode == 0
    kept = photos[1]
    kept.chmod(0o444)
    before = kept.read_bytes(), kept.stat().st_ino
    others = [photo.read_bytes() for photo in (photos[0], photos[2])]

    result = run_catalog("--db", db, "write", *photos)
    out, err = result.stdout.decode(), result.stderr.decode()
    assert result.returncode == 1, err
    assert f"FAILED {kept}: the file is read-only; make it writable (chmod u+w) to write it" in err
    assert f"{photos[0]}: wrote" in out and f"{photos[2]}: wrote" in out and f"{kept}:" not in out
    assert (kept.read_bytes(), kept.stat().st_ino) == before and stat.S_IMODE(kept.stat().st_mode) == 0o444
    assert [photo.read_bytes() for photo in (photos[0], photos[2])] != others
    assert "Traceback" not in err and integrity(db) == "ok"
    shown = run_catalog("--db", db, "show", kept)
    assert "Lhasa  [by hand]" in shown.stdout.decode()

    kept.chmod(0o644)
    again = run_catalog("--db", db, "write", *photos)
    assert again.returncode == 0, again.stderr.decode()
    assert f"{kept}: wrote" in again.stdout.decode() and kept.read_bytes() != before[0]

"""`catalog verify`: full SHA-256 per file, missing files, files changed since import, altered bytes, duplicates."""

from __future__ import annotations

import hashlib
import json
import os
import shutil

from tests.helpers import plain_jpeg


def _sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _folder(tmp_path, count=3):
    folder = tmp_path / "wires"
    return folder, [plain_jpeg(folder / f"photo-{i}.jpg", color=(40 * i, 90, 200 - 30 * i)) for i in range(count)]


def test_verify_stores_the_sha256_of_every_file_once(lib, tmp_path):
    folder, files = _folder(tmp_path)
    lib.import_paths([str(folder)])
    report = lib.verify([])
    assert (report.checked, report.hashed, report.already) == (3, 3, 0)
    for path in files:
        assert lib.get(str(path)).content_hash == _sha256(path)
    again = lib.verify([])
    assert (again.checked, again.hashed, again.already) == (3, 0, 3)
    assert not again.problems


def test_missing_file_is_listed_and_the_exit_status_is_1(cli, lib, tmp_path):
    folder, files = _folder(tmp_path)
    cli("import", str(folder))
    files[1].unlink()
    result = cli("verify")
    assert result.exit_code == 1
    assert f"MISSING  {files[1]}" in result.output
    assert "3 photos checked: 2 hashed now, 1 missing, 0 changed since import, 0 duplicate groups" in result.output


def test_byte_identical_files_are_grouped(cli, lib, tmp_path):
    folder, files = _folder(tmp_path)
    copy = folder / "sub" / "copy-of-photo-0.jpg"
    copy.parent.mkdir()
    shutil.copyfile(files[0], copy)
    cli("import", str(folder))
    report = lib.verify([])
    assert report.duplicates == [sorted([str(files[0]), str(copy)])]
    result = cli("verify")
    assert result.exit_code == 0  # duplicates are news, not a failure
    assert f"DUPLICATES  2 byte-identical files:\n  {files[0]}\n  {copy}\n" in result.output
    assert "1 duplicate group (2 files)" in result.output


def test_file_changed_since_import_gets_the_hash_of_what_is_there_now(lib, tmp_path):
    folder, files = _folder(tmp_path)
    lib.import_paths([str(folder)])
    lib.verify([])
    plain_jpeg(files[2], size=(80, 60), color=(1, 2, 3))  # rewritten: another size and time
    report = lib.verify([])
    assert report.changed == [str(files[2])]
    assert report.hashed == 1
    assert lib.get(str(files[2])).content_hash == _sha256(files[2])
    # Importing the changed file refreshes its record; the hash is then computed again by the next verify.
    assert lib.import_paths([str(folder)]).updated == 1
    assert lib.get(str(files[2])).content_hash is None
    assert lib.verify([]).changed == []
    assert lib.get(str(files[2])).content_hash == _sha256(files[2])


def test_rehash_finds_bytes_altered_behind_an_unchanged_size_and_time(cli, lib, tmp_path):
    folder, files = _folder(tmp_path)
    cli("import", str(folder))
    cli("verify")
    target = files[0]
    info = target.stat()
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert lib.verify([]).altered == []  # without --rehash an unchanged stat is trusted
    result = cli("verify", "--rehash")
    assert result.exit_code == 1
    assert f"ALTERED  {target}: other bytes than when it was hashed" in result.output
    assert lib.get(str(target)).content_hash == _sha256(target)


def test_terms_select_the_photos_to_check(cli, lib, samples):
    cli("import", str(samples))
    report = lib.verify(["in:Gansu"])
    assert report.checked == 1
    assert lib.get(str(samples / "gansu-bullet-train.jpg")).content_hash is not None
    assert lib.get(str(samples / "hefei-aircraft.jpg")).content_hash is None


def test_json_output(cli, lib, tmp_path):
    folder, files = _folder(tmp_path, count=2)
    cli("import", str(folder))
    files[0].unlink()
    result = cli("verify", "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.output) == {
        "checked": 2, "hashed": 1, "missing": [str(files[0])], "changed": [], "altered": [], "failed": [],
        "duplicates": [], "interrupted": False,
    }

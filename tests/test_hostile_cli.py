"""What a desk editor or a newsroom's admin mistypes, run as the real `catalog` command: a clear error that
says what to do, the right exit status, no traceback, and nothing lost.

tests/test_hostile.py covers hostile image bytes, tests/test_disk.py full disks and read-only catalogues,
tests/test_search.py and tests/test_no_way_in.py malformed search terms; this file the rest of the audit.
"""

from __future__ import annotations

from tests.cli_process import run_catalog
from tests.image_bytes import press_jpeg
from tests.test_disk import _catalogue_at, _photos, _unprivileged, shared_folder  # noqa: F401 - a fixture


def _output(result) -> str:
    return result.stdout.decode() + result.stderr.decode()


def test_an_unreadable_folder_named_beside_others_fails_alone(shared_folder):  # noqa: F811
    photos = shared_folder / "incoming"
    photos.mkdir()
    for index in range(2):
        (photos / f"p{index}.jpg").write_bytes(press_jpeg(index))
    locked = shared_folder / "locked"
    locked.mkdir()
    (locked / "q.jpg").write_bytes(press_jpeg(5))
    unreadable = shared_folder / "unreadable.jpg"
    unreadable.write_bytes(press_jpeg(6))
    locked.chmod(0o000)
    unreadable.chmod(0o000)
    options = _unprivileged(shared_folder)

    for _ in range(2):  # the second time, through the path that finds nothing changed
        result = run_catalog("--db", shared_folder / "catalog.db", "import", photos, locked, unreadable,
                             **options)
        out = _output(result)
        assert result.returncode == 1, out
        assert "Traceback" not in out and "Invalid value" not in out
        assert f"FAILED  {locked}: folder cannot be read (Permission denied)" in out
        assert f"FAILED  {unreadable}: permission denied" in out
        assert "2 failed" in out
    assert "2 unchanged" in out


def test_a_damaged_catalogue_is_named_with_what_to_do(tmp_path):
    path = _catalogue_at(tmp_path / "catalog.db", _photos(tmp_path / "photos", 5))
    with open(path, "r+b") as handle:  # every other page's header overwritten, as a disk fault would
        for offset in range(8192, path.stat().st_size, 8192):
            handle.seek(offset)
            handle.write(b"\xde\xad\xbe\xef" * 64)

    for command in (["search"], ["show", "1"], ["set", "1", "caption=by hand"], ["story", "list"],
                    ["import", tmp_path / "photos"]):
        result = run_catalog("--db", path, *command)
        err = result.stderr.decode()
        assert result.returncode == 1, (command, err)
        assert "Traceback" not in err and "something went wrong" not in err, (command, err)
        assert f"Error: the catalogue {path} is damaged (SQLite: database disk image is malformed). " \
               "Restore it from a copy" in err, (command, err)
        assert f"sqlite3 {path} .recover | sqlite3 rescued.db" in err, (command, err)

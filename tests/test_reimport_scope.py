"""Re-importing part of a catalogue: only the given folders' records are consulted, and none is missed.

An import reads the catalogue's records for the paths it was given (a range of the path index per folder),
not for every photo. A record it failed to read would show as "updated" instead of "unchanged".
"""

from __future__ import annotations

from tests.helpers import plain_jpeg


def _folders(tmp_path):
    wires = [plain_jpeg(tmp_path / "wires" / f"w{i}.jpg", color=(10 * i, 20, 30)) for i in range(3)]
    wires += [plain_jpeg(tmp_path / "wires" / "2025" / "deep.jpg", color=(1, 2, 3))]
    # A sibling whose name starts with the other folder's: its records are not the wires folder's.
    others = [plain_jpeg(tmp_path / "wires-2" / f"o{i}.jpg", color=(40, 50 + i, 60)) for i in range(2)]
    return wires, others


def test_reimport_of_one_folder_finds_every_record_under_it(lib, tmp_path):
    wires, others = _folders(tmp_path)
    first = lib.import_paths([str(tmp_path)])
    assert first.added == 6
    again = lib.import_paths([str(tmp_path / "wires") + "/"])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    one = lib.import_paths([str(others[1]), str(tmp_path / "wires" / "2025")])
    assert (one.added, one.updated, one.unchanged) == (0, 0, 2)


def test_a_file_moved_into_the_imported_folder_is_still_recognised(lib, tmp_path):
    wires, others = _folders(tmp_path)
    lib.import_paths([str(tmp_path)])
    moved = tmp_path / "wires" / "from-the-other-folder.jpg"
    others[0].rename(moved)
    report = lib.import_paths([str(tmp_path / "wires")])
    assert (report.added, report.moved, report.unchanged) == (0, 1, 4)
    assert lib.get(str(moved)).path == str(moved)

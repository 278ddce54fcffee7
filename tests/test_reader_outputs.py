"""tools/reader_outputs.py: the dump-and-diff that shows a speed change to the reader changed no record."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tools import reader_outputs

IMAGES = Path(__file__).resolve().parent.parent / "images"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "photos"
    folder.mkdir()
    for name in ("gansu-bullet-train.jpg", "hefei-aircraft.jpg"):
        shutil.copy(IMAGES / name, folder / name)
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe1\x00")  # a JPEG cut short in its first segment
    return folder


def test_a_dump_holds_each_files_record_or_failure(tmp_path):
    folder = _folder(tmp_path)
    out = tmp_path / "dump.jsonl"
    assert reader_outputs.dump(out, [str(folder)]) == 0
    lines = {Path(row["path"]).name: row for row in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert set(lines) == {"gansu-bullet-train.jpg", "hefei-aircraft.jpg", "broken.jpg"}
    train = lines["gansu-bullet-train.jpg"]
    assert train["failure"] is None and train["record"]["format"] == "JPEG"
    assert train["record"]["caption"] and len(train["record"]["fingerprint"]) == 32
    assert train["tokens"] == sorted(train["tokens"])
    broken = lines["broken.jpg"]
    assert broken["record"] is None and "JPEG" in broken["failure"]


def test_diff_finds_a_changed_field_and_a_missing_file(tmp_path, capsys):
    folder = _folder(tmp_path)
    before, again = tmp_path / "before.jsonl", tmp_path / "again.jsonl"
    reader_outputs.dump(before, [str(folder)])
    reader_outputs.dump(again, [str(folder)])
    assert reader_outputs.diff(before, again) == 0  # two reads of the same files say the same
    rows = before.read_text(encoding="utf-8").splitlines()
    at = next(index for index, row in enumerate(rows) if json.loads(row)["record"] is not None)
    changed_row = json.loads(rows[at])
    changed_row["record"]["height"] += 1
    changed = tmp_path / "changed.jsonl"
    changed.write_text("\n".join([*rows[:at], json.dumps(changed_row), *rows[at + 1:]]) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert reader_outputs.diff(before, changed) == 1
    printed = capsys.readouterr().out
    assert "record.height" in printed and "1 differ" in printed
    shorter = tmp_path / "shorter.jsonl"
    shorter.write_text("\n".join(rows[1:]) + "\n", encoding="utf-8")
    assert reader_outputs.diff(before, shorter) == 1


def test_time_reads_the_files_and_writes_a_profile(tmp_path, capsys):
    profile = tmp_path / "read.prof"
    assert reader_outputs.timed([str(_folder(tmp_path))], 2, profile) == 0
    assert "2 files" in capsys.readouterr().out and profile.stat().st_size > 0


def test_time_reads_the_files_again_for_each_round(tmp_path, capsys, monkeypatch):
    import catalog.reading

    read = catalog.reading.read_file
    seen: list[str] = []
    def counted(found, *args, **options):
        seen.append(found.path)
        return read(found, *args, **options)

    monkeypatch.setattr(catalog.reading, "read_file", counted)
    assert reader_outputs.timed([str(_folder(tmp_path))], 2, None, rounds=3) == 0
    assert "2 files" in capsys.readouterr().out
    assert len(seen) == 1 + 2 * 3 and seen[1:3] == seen[3:5] == seen[5:7]

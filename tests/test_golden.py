"""The JSON of each sample photo, compared whole with tests/golden/.

Regenerate on purpose only (after a change meant to alter what is read), never to make a test pass:
    CATALOG_REGENERATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
NAMES = ["gansu-bullet-train.jpg", "hefei-aircraft.jpg", "tianwen2-probe.jpg"]


@pytest.fixture
def records(cli, samples):
    result = cli("import", str(samples), "--captions", str(samples / "tianwen2-press-release.txt"))
    assert result.exit_code == 0, result.output
    found = {}
    for name in NAMES:
        record = json.loads(cli("show", name, "--format", "json").output)
        record["path"] = "images/" + Path(record["path"]).name  # the copy's folder differs per run
        record.pop("id")
        found[name] = record
    return found


@pytest.mark.parametrize("name", NAMES)
def test_sample_photo_json_matches_golden(records, name, db_url):
    golden = GOLDEN / (name.rsplit(".", 1)[0] + ".json")
    if os.environ.get("CATALOG_REGENERATE_GOLDEN") and db_url.startswith("sqlite"):
        golden.write_text(json.dumps(records[name], ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert records[name] == json.loads(golden.read_text(encoding="utf-8"))

"""bench/run.py works end to end, at toy size: corpus, imports, clones, searches, start-up, JSON and table.

The figures themselves are not judged here (a test that depends on wall-clock time is flaky); only that
each is measured and that the counts behind them are right.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _smoke(tmp_path, env) -> tuple[dict, str]:
    out = tmp_path / "figures.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--smoke", "--cache", str(tmp_path / "cache"),
         "--json", str(out)],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(out.read_text()), result.stdout


def _check_common(figures: dict, table: str) -> None:
    assert figures["corpus"]["files"] == 20
    # 40 hard links to the 20 corpus files: each file is read, one photo per file (the rest are its links)
    assert figures["memory_import"]["files"] == 40 and figures["memory_import"]["added"] == 20
    assert figures["memory_import"]["peak_rss_mb"] > 10
    assert figures["first_import"]["added"] == 20 and figures["first_import"]["files_per_s"] > 0
    assert figures["reimport"]["unchanged"] == 20 and figures["reimport"]["added"] == 0
    assert figures["clone"]["rows"] == 2000
    assert figures["reimport_large"]["unchanged"] == 20
    kinds = [query["kind"] for query in figures["search"]]
    assert kinds == ["in:", "taken: range", "by:", "word", "combination"]
    for query in figures["search"]:
        assert query["p95_ms"] >= query["median_ms"] > 0
        assert query["count_p95_ms"] > 0
        assert query["page"] == min(query["matches"], 100)
    assert sum(query["matches"] for query in figures["search"]) > 0
    whole = {row["label"]: row for row in figures["whole"]}
    assert "import press JPEGs (20)" in whole and "re-import press JPEGs, unchanged (20)" in whole
    assert "catalog --help" in whole and "places (2,000 photos)" in whole and "timeline (2,000 photos)" in whole
    assert sum(label.startswith("search ") for label in whole) == 6
    for row in figures["whole"]:
        assert row["a"]["wall"] > 0 and row["a"]["cpu"] > 0 and row["a"]["peak_mib"] > 0, row["label"]
        # every read command ran and ended well on the 2,000-photo catalogue (an import may report damaged files)
        assert row["label"].startswith("import") or row["a"]["exit"] == 0, row["label"]
        assert (row["target"] is None) == row["label"].startswith("timeline"), row["label"]
    assert whole["catalog --help"]["met"] in (True, False)
    for label in ("first import, fresh catalogue", "re-import, unchanged folder", "in:Gansu", "catalog --help",
                  "whole commands from the shell"):
        assert label in table


def test_smoke_without_exiftool(tmp_path):
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # no exiftool: the corpus is our own
    figures, table = _smoke(tmp_path, env)
    _check_common(figures, table)
    assert figures["exiftool"] is None
    assert figures["corpus"]["made_by"] == "bench/corpus.py"
    assert figures["verdict"]["met"]["import"] is None
    assert "ExifTool -j -G1 -n -r" in table and "absent" in table
    assert all("b" not in row and row["met"] is None for row in figures["whole"]
               if row["target"] and row["target"][0] == "ratio")


@pytest.mark.skipif(shutil.which("exiftool") is None, reason="ExifTool is not installed")
def test_smoke_with_exiftool(tmp_path):
    figures, table = _smoke(tmp_path, dict(os.environ))
    _check_common(figures, table)
    assert figures["exiftool"]["files_per_s"] > 0
    assert figures["verdict"]["import_ratio"] > 0
    assert "× ExifTool" in table
    assert all(row["wall_ratio"] > 0 and row["met"] in (True, False) for row in figures["whole"] if row["target"])


def test_the_check_benchmark_runs(tmp_path):
    """bench/check.py at toy size: the catalogue is built with the desk's mix, and every figure is measured."""
    out = tmp_path / "check.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "check.py"), "--smoke", "--cache", str(tmp_path / "cache"),
         "--json", str(out)],
        capture_output=True, text=True, env=dict(os.environ), timeout=900,
    )
    assert result.returncode == 0, result.stderr
    figures = json.loads(out.read_text())
    assert figures["photos"] == 500
    assert figures["mix"]["restricted"] > 0 and figures["with_findings"] >= figures["mix"]["restricted"]
    assert figures["blocked"] >= figures["mix"]["killed"]
    for key in ("cold_s", "warm_median_s", "story_median_s", "cli_all_median_s", "cli_story_median_s"):
        assert figures[key] > 0, key
    assert "catalog check --format json, from the shell" in result.stdout

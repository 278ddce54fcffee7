"""catalog.patterns: a pattern built from its kept program is the pattern re.compile makes, in a new process too."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from catalog import patterns

SAMPLES = [
    (r"\b(?P<city>[A-Z][a-z]+), (?P<province>[A-Z][a-z]+)\b", 0),
    (r"(?i)\bphoto(?:graph)?s?\s+by\s+(\w+)", 0),
    (r"(?<=\d)(?=ec)|(?<!\w)Sept\.", re.IGNORECASE),
    (r"""
        (?P<year>\d{4})   # the year
        -(?P<month>\d\d)  # the month
     """, re.VERBOSE),
    (r"[\u4e00-\u9fff]{2,}(?:省|市|县)", 0),
    (r"^\s*(?:OLYMPUS|SONY|SAMSUNG)\s+DIGITAL\s+CAMERA\s*$", re.IGNORECASE | re.MULTILINE),
    ("a|b|" + "|".join(f"word{number}" for number in range(400)), re.ASCII),
    (r"(\w+)\s+\1", 0),
]

TEXTS = ["Lanzhou, Gansu on Monday", "PHOTOS by Zhang", "8 Dec and 1 Sept. 2025", "2025-10-14",
         "甘肃省兰州市", "OLYMPUS DIGITAL CAMERA\nx", "word399 a", "the the end", ""]


def _same(made: re.Pattern, reference: re.Pattern) -> None:
    assert made == reference
    assert (made.pattern, made.flags, made.groups, made.groupindex) == \
        (reference.pattern, reference.flags, reference.groups, reference.groupindex)
    for text in TEXTS:
        assert [m.span() for m in made.finditer(text)] == [m.span() for m in reference.finditer(text)]
        assert [m.groups() for m in made.finditer(text)] == [m.groups() for m in reference.finditer(text)]


@pytest.mark.parametrize(("pattern", "flags"), SAMPLES)
def test_a_pattern_is_the_one_re_makes(pattern, flags):
    made = patterns.compiled(pattern, flags)
    _same(made, re.compile(pattern, flags))
    assert patterns.compiled(pattern, flags) is made  # made once in a process


def test_a_bytes_pattern_and_a_bad_one_behave_as_in_re():
    assert patterns.compiled(rb"\xff+", 0).match(b"\xff\xff").end() == 2
    with pytest.raises(re.error):
        patterns.compiled(r"(unclosed", 0)


_CHILD = """
import json, re, sys
from catalog import patterns
samples = json.loads(sys.argv[1])
made = [patterns.compiled(p, f) for p, f in samples]
for (p, f), pattern in zip(samples, made):
    reference = re.compile(p, f)
    assert pattern == reference and pattern.groupindex == reference.groupindex, p
print(json.dumps(patterns.counts()))
"""


def _child(cache, samples=SAMPLES) -> dict:
    env = {**os.environ, "CATALOG_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", _CHILD, json.dumps(samples)], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_next_process_builds_from_the_kept_programs(tmp_path):
    first = _child(tmp_path)
    assert first == {"kept": 0, "compiled": len(SAMPLES)}
    assert patterns.cache_file().name in os.listdir(tmp_path)
    assert _child(tmp_path) == {"kept": len(SAMPLES), "compiled": 0}
    # A new pattern is compiled and added; the others are still read from the file.
    assert _child(tmp_path, [*SAMPLES, ["new (pattern)", 0]]) == {"kept": len(SAMPLES), "compiled": 1}
    assert _child(tmp_path, [*SAMPLES, ["new (pattern)", 0]]) == {"kept": len(SAMPLES) + 1, "compiled": 0}


def test_a_damaged_cache_file_is_made_again(tmp_path):
    _child(tmp_path)
    kept = tmp_path / patterns.cache_file().name
    kept.write_bytes(b"\x00not marshal at all")
    assert _child(tmp_path) == {"kept": 0, "compiled": len(SAMPLES)}
    assert _child(tmp_path) == {"kept": len(SAMPLES), "compiled": 0}


def test_every_kept_program_rebuilds_the_pattern_re_makes(tmp_path):
    import marshal

    _child(tmp_path)
    kept = tmp_path / patterns.cache_file().name
    entries = marshal.loads(kept.read_bytes())
    assert len(entries) == len(SAMPLES)
    for pattern, flags, program in entries:
        assert patterns._from_kept(pattern, program) == re.compile(pattern, flags)


def test_saving_keeps_what_another_process_added_meanwhile(tmp_path, monkeypatch):
    monkeypatch.setenv("CATALOG_CACHE", str(tmp_path))
    for name, value in (("_made", {}), ("_kept", None), ("_new", {}), ("_saved_at_exit", True)):
        monkeypatch.setattr(patterns, name, value)
    patterns.compiled("mine (a)")  # read the file (empty), compiled here
    _child(tmp_path)  # meanwhile another command keeps its own
    patterns.save()
    assert _child(tmp_path, [*SAMPLES, ["mine (a)", 0]]) == {"kept": len(SAMPLES) + 1, "compiled": 0}


def test_the_caption_parser_is_built_from_kept_programs(tmp_path):
    """The parser's patterns are the same from one command to the next (word lists built from sets are
    sorted fully, not by length alone), so a second command compiles none of them."""
    code = ("import json; import catalog.captions.parser, catalog.reading; catalog.reading._start_method(); "
            "from catalog import patterns; print(json.dumps(patterns.counts()))")
    env = {**os.environ, "CATALOG_CACHE": str(tmp_path)}
    runs = []
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-c", code], env={**env, "PYTHONHASHSEED": seed},
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        runs.append(json.loads(done.stdout))
    assert runs[0]["compiled"] > 200
    assert runs[1] == {"kept": runs[0]["compiled"], "compiled": 0}


_MODULE_CHILD = """
import json, re, sys
from catalog import patterns
with patterns.every_pattern_kept():
    made = re.compile(sys.argv[1], re.IGNORECASE)  # as a module of the standard library compiles at its import
reference = patterns._re_compile(sys.argv[1], re.IGNORECASE)
assert made == reference and made.groupindex == reference.groupindex
print(json.dumps(patterns.counts()))
"""


def test_in_an_import_start_up_every_module_pattern_is_kept(tmp_path):
    """Inside every_pattern_kept, any module's re.compile (not only ours) is built from a kept program in the next
    process; a bytes pattern is compiled as re compiles it; after the block, re is as it was."""
    env = {**os.environ, "CATALOG_CACHE": str(tmp_path)}
    pattern = r"(?P<name>[a-z]+)=(?P<value>\d+) in a module of the standard library"
    runs = []
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", _MODULE_CHILD, pattern], env=env, capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        runs.append(json.loads(done.stdout))
    assert runs == [{"kept": 0, "compiled": 1}, {"kept": 1, "compiled": 0}]
    with patterns.every_pattern_kept():
        assert re.compile(rb"(\xff)+ in bytes").match(b"\xff\xff in bytes").group(1) == b"\xff"
        assert re._compiler.compile is not patterns._re_compile
    assert re._compiler.compile is patterns._re_compile
    outside = r"(?P<x>\d+) compiled after the block"
    re.compile(outside)
    assert (outside, 0) not in patterns._made


_READER_CHILD = """
import os, re
from catalog import patterns, reading
with patterns.every_pattern_kept():
    reading._reader_process(reading.ReaderSetup(), os.getpid())  # a reader forked during the start-up
    assert re._compiler.compile is patterns._re_compile
    re.compile(r"(?<![\\w-])Lanzhou(?![\\w-])")  # made from a place name a caption gave
assert not patterns._new
print("ok")
"""


def test_a_reader_forked_in_the_start_up_keeps_no_pattern_made_from_what_it_reads(tmp_path):
    env = {**os.environ, "CATALOG_CACHE": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", _READER_CHILD], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


#: Captions naming places, in English and Chinese, whose parsing builds the word lists made from sets: the
#: Chinese units, countries and provinces, words of passing and credit labels; background clauses and scene openers.
_PLACE_CAPTIONS = [
    "A high-speed train crosses the desert near Jiuquan, northwest China's Gansu Province, Aug. 3, 2025, after "
    "the line reopened. (Xinhua/Fan Peishen)",
    "The photo was taken in Lucerne, Switzerland, on April 12, 2025, while people gathered at the lakeside. "
    "EPA-EFE/URS FLUEELER",
    "Fans cheer before the final at the Parc des Princes in Paris, France, May 31, 2025. REUTERS/Sarah Meyssonnier",
    "新华社记者 李鑫 摄：游客在甘肃省敦煌市鸣沙山月牙泉景区游览（2025年8月5日）。",
    "8月3日，旅客昨日走过罗湖口岸，来到深圳市罗湖区。（图片来源：深圳市罗湖区委宣传部 王小明 摄）",
    "农民在湖南省张家界市慈利县零溪镇望家桥村收割水稻（9月20日摄）。新华社发（吴勇兵 摄）",
    "车辆行人在英国伦敦牛津街穿行（2025年1月6日摄）。责任编辑：张三",
    "游客在广西壮族自治区桂林市阳朔县遇龙河乘竹筏游览。图片来源：视觉中国",
]

_COUNTING_IMPORT = """
import json, os, sys
from catalog import patterns

log, real_save, parent = sys.argv[1], patterns.save, os.getpid()


def counted_save():  # every process (the readers after each chunk, this one at exit): what it compiled meanwhile
    with open(log, "a") as handle:
        handle.write(json.dumps({"pid": os.getpid(), "compiled": len(patterns._new),
                                 "kept": patterns.counts()["kept"]}) + "\\n")
    real_save()


patterns.save = counted_save
from catalog.cli import main

try:
    main(sys.argv[2:], prog_name="catalog")
finally:
    counted_save()
    print("parent", parent)
"""


def test_a_second_import_under_another_hash_seed_compiles_no_pattern_and_writes_no_file(tmp_path):
    """A real import of English and Chinese captions naming places, then another of the same folder under another
    hash seed: its readers (real forked processes) build every pattern from the kept programs, compile none, and
    so the kept file is left as it was, byte for byte, not even rewritten; nor is anything else in the cache."""
    from catalog.reading import PARALLEL_THRESHOLD
    from tests.cli_process import environment
    from tests.helpers import jpeg_with_metadata

    folder = tmp_path / "photos"
    for number in range(PARALLEL_THRESHOLD + 8):
        jpeg_with_metadata(folder / f"p{number:03d}.jpg", color=(number, 90, 110),
                           iptc={"Iptc.Application2.Caption": _PLACE_CAPTIONS[number % len(_PLACE_CAPTIONS)]})
    # A cache folder of its own, with the run's gazetteer index (built once a run) and no kept patterns.
    cache = tmp_path / "cache"
    cache.mkdir()
    for built in Path(os.environ["CATALOG_CACHE"]).glob("gazetteer-*"):
        if built.is_file():
            shutil.copy2(built, cache / built.name)

    def counted_import(seed: str) -> tuple[list[dict], list[dict]]:
        log = tmp_path / f"counts-{seed}.jsonl"
        done = subprocess.run(
            [sys.executable, "-c", _COUNTING_IMPORT, str(log), "--db", f"sqlite:///{tmp_path / f'{seed}.db'}",
             "import", "--workers", "2", str(folder)],
            env=environment(CATALOG_CACHE=str(cache), PYTHONHASHSEED=seed), capture_output=True, text=True,
            timeout=300)
        assert done.returncode == 0, done.stdout + done.stderr
        assert f"{PARALLEL_THRESHOLD + 8} added" in done.stdout + done.stderr
        parent = int(done.stdout.split("parent")[-1])
        rows = [json.loads(line) for line in log.read_text().splitlines()]
        return [row for row in rows if row["pid"] != parent], [row for row in rows if row["pid"] == parent]

    readers, _ = counted_import("1")
    assert readers  # the count sees the reader processes
    assert sum(row["compiled"] for row in readers) > 0  # a first import compiles what its readers meet
    kept = cache / patterns.cache_file().name
    before = (kept.read_bytes(), kept.stat().st_mtime_ns)
    written = {path.name: path.stat().st_mtime_ns for path in cache.iterdir()}

    readers, importing = counted_import("2")
    assert readers and importing
    assert [row["compiled"] for row in readers + importing] == [0] * len(readers + importing)
    assert max(row["kept"] for row in readers) > 400  # the parser's and the readers' patterns, built from the file
    assert (kept.read_bytes(), kept.stat().st_mtime_ns) == before
    assert {path.name: path.stat().st_mtime_ns for path in cache.iterdir()} == written  # nor any other cache file

"""What a reader process loads once, made lighter without changing an answer (issue 20, target 2): the
countries table without importing pycountry, an AVIF opened without every Pillow plugin, OpenBLAS started with
one thread, the Chinese caption modules only for a Chinese caption. Each is checked in a real process, where
the loading happens."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor

import pytest

from catalog.metadata.countries import NAME_FIELDS, by_code, countries
from catalog.reading import ReaderSetup, _reader_process


def test_the_country_table_is_pycountrys_own():
    import pycountry

    assert len(countries()) == len(pycountry.countries) > 240
    for ours, theirs in zip(countries(), pycountry.countries, strict=True):
        for field in ("alpha_2", "alpha_3", *NAME_FIELDS):
            assert ours.get(field) == getattr(theirs, field, None), (theirs, field)
        assert by_code()[theirs.alpha_2] == by_code()[theirs.alpha_3] == theirs.alpha_2


def _run(script: str) -> str:
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_country_codes_and_names_are_read_without_importing_pycountry():
    said = _run(
        "import sys\n"
        "from catalog.metadata.reconcile import _country_alpha2\n"
        "from catalog.metadata.restrictions import _country_names\n"
        "names = _country_names()\n"
        "print(_country_alpha2('CHN'), _country_alpha2('gb'), _country_alpha2('XYZ'),\n"
        "      'united kingdom' in names, 'bolivia, plurinational state of' in names,\n"
        "      sorted({'pycountry', 'importlib.metadata', 'email'} & set(sys.modules)))\n")
    assert said == "CN GB None True True []"


def _parsed_in_a_new_process(caption: str) -> str:
    return _run("import sys\n"
                "from catalog.captions.parser import parse\n"
                f"facts = parse({caption!r})\n"
                "print(facts.credit.photographer, 'catalog.captions.chinese_credits' in sys.modules)\n")


def test_the_chinese_caption_modules_are_imported_by_a_chinese_caption_only():
    # An import of English captions never compiles their Han character classes (before the fork, in the
    # importing process, on every import); the first Chinese or mixed caption a reader meets imports them.
    assert _parsed_in_a_new_process("Pandas play in Chengdu. Photo by Jane Smith/Reuters") == "Jane Smith False"
    assert _parsed_in_a_new_process("9月17日,一轮圆月与南京阅江楼交相辉映。新华社发(苏阳摄)") == "苏阳 True"


def test_an_avif_is_opened_without_importing_every_pillow_plugin(tmp_path):
    from PIL import Image, features

    if not features.check("avif"):
        pytest.skip("this Pillow cannot write AVIF")
    path = tmp_path / "handout.avif"
    Image.new("RGB", (64, 32), (30, 90, 150)).save(path, "AVIF")
    said = _run(
        "import sys\n"
        "from catalog.metadata import read\n"
        f"meta = read({str(path)!r})\n"
        "print(meta.format, meta.width, meta.height, 'PIL.PdfImagePlugin' in sys.modules)\n")
    assert said == "AVIF 64 32 False"


def _openblas_threads() -> str | None:
    return os.environ.get("OPENBLAS_NUM_THREADS")


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("3", "3")])
def test_a_reader_process_starts_openblas_with_one_thread_unless_told_otherwise(monkeypatch, given, expected):
    if given is None:
        monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    else:
        monkeypatch.setenv("OPENBLAS_NUM_THREADS", given)
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(method), initializer=_reader_process,
                             initargs=(ReaderSetup(), os.getpid())) as pool:
        assert pool.submit(_openblas_threads).result(timeout=60) == expected
    assert os.environ.get("OPENBLAS_NUM_THREADS") == given  # the importing process is left as it was


class _Node:
    """An object that can refer to itself."""


def _a_cycle_through_a_chunk() -> tuple[bool, bool, bool]:
    """In a reader: whether the collector runs on its own, and whether a cycle made before a chunk is still
    there before the chunk ends and gone after it."""
    import gc
    import weakref

    from catalog import reading

    node = _Node()
    node.me = node  # type: ignore[attr-defined]
    ref = weakref.ref(node)
    del node
    for _ in range(100_000):  # enough allocations to set off the collector, were it on
        [].append(None)
    waiting = ref() is not None
    reading._read_chunk([])
    return gc.isenabled(), waiting, ref() is None


def test_a_reader_collects_cyclic_garbage_after_each_chunk_not_while_reading():
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(method), initializer=_reader_process,
                             initargs=(ReaderSetup(), os.getpid())) as pool:
        assert pool.submit(_a_cycle_through_a_chunk).result(timeout=60) == (False, True, True)
    import gc

    assert gc.isenabled()  # the importing process keeps its collector

"""What makes a command start quickly gives the same answers as the slow way it replaced: the agency registry
read from its copy in the cache, Han characters found without a regular expression."""

from __future__ import annotations

import os
import pickle
import re

from hypothesis import given
from hypothesis import strategies as st

from catalog import agencies, people

#: The expression catalog.people used before (it takes 8 ms to compile).
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]+")

#: Characters around each edge of the Han blocks, and others.
EDGES = [chr(c) for low, high in people.HAN_RANGES for c in (low - 1, low, low + 1, high - 1, high, high + 1)]
TEXT = st.text(alphabet=st.sampled_from([*EDGES, "a", " ", "·", "张", "Z", "é", "\U0001f600"]), max_size=20)


@given(TEXT)
def test_han_runs_are_what_the_expression_found(text):
    assert people._han_runs(text) == HAN.findall(text)
    assert people._has_han(text) == bool(HAN.search(text))


def _fresh(monkeypatch, tmp_path):
    monkeypatch.setenv("CATALOG_CACHE", str(tmp_path))
    agencies._registry.cache_clear()


def _same(one, other) -> None:
    assert one[0] == other[0]
    assert list(one[1]) == list(other[1])
    assert all(one[1][key] == other[1][key] for key in one[1])


def test_the_registry_from_the_cache_is_the_registry_from_the_file(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    with open(os.path.join(os.path.dirname(agencies.__file__), "agencies.toml"), encoding="utf-8") as handle:
        parsed = agencies._parse(handle.read(), "catalog/agencies.toml")
    first = agencies._registry()
    assert os.path.exists(agencies.registry_cache_path())
    agencies._registry.cache_clear()
    kept = agencies._registry()
    _same(first, parsed)
    _same(kept, parsed)
    assert agencies.agency("新华社").name == "Xinhua"
    agencies._registry.cache_clear()


def test_a_cache_of_another_file_or_a_damaged_one_is_read_again(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    real = agencies._registry()
    path = agencies.registry_cache_path()
    kept = pickle.loads(path.read_bytes())
    format_, length, crc = kept["stamp"]
    other = {"stamp": (format_, length, crc + 1), "registry": (real[0][:1], {})}  # kept from another file
    damaged = [pickle.dumps(other), b"not a pickle", pickle.dumps([]), pickle.dumps({"stamp": kept["stamp"]})[:9]]
    for content in damaged:
        path.write_bytes(content)
        path.chmod(0o600)
        agencies._registry.cache_clear()
        _same(agencies._registry(), real)
    agencies._registry.cache_clear()


def test_a_cache_folder_that_cannot_be_written_is_no_failure(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    _fresh(monkeypatch, blocker / "cache")
    assert agencies.agency("AP Photo").name == "AP"
    assert not os.path.exists(agencies.registry_cache_path())
    agencies._registry.cache_clear()

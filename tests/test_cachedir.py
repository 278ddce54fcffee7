"""catalog.cachedir's shared cache of small entries (`add_to_plain`, `read_plain_at`): what another process wrote
meanwhile is kept beside this one's, a file grown past its limit keeps only this process's entries, and nothing
is written when nothing is new."""

from __future__ import annotations

import os
from pathlib import Path

from catalog.cachedir import add_to_plain, read_plain_at, write_plain


def _store(path):
    def read() -> dict:
        value = read_plain_at(lambda: path)
        return dict(value) if isinstance(value, dict) else {}

    def save(new: dict, *, limit: int = 100, own=lambda key: True) -> None:
        add_to_plain(new, read, dict, lambda: path, size=len, limit=limit, own=own)

    return read, save


def test_new_entries_join_those_another_process_wrote(tmp_path):
    read, save = _store(tmp_path / "kept.marshal")
    save({"a": 1})
    write_plain({"a": 1, "b": 2}, tmp_path / "kept.marshal")  # another process added one meanwhile
    new = {"c": 3}
    save(new)
    assert read() == {"a": 1, "b": 2, "c": 3}
    assert new == {}  # saved: nothing left to write


def _add_many(path: str, who: int) -> None:
    """One of several processes saving its own entries, one at a time, as readers do after each chunk."""
    _read, save = _store(Path(path))
    for n in range(40):
        save({f"{who}-{n}": n})


def test_processes_saving_at_once_lose_no_entry(tmp_path):
    """Four real processes add 40 entries each, one save at a time, to the same file: every entry is kept (each
    save reads, adds and writes while no other process does; without that, one that wrote between another's
    read and write lost its entries)."""
    import multiprocessing

    path = tmp_path / "kept.marshal"
    context = multiprocessing.get_context("fork")
    processes = [context.Process(target=_add_many, args=(str(path), who)) for who in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    read, _save = _store(path)
    assert read() == {f"{who}-{n}": n for who in range(4) for n in range(40)}


def test_past_its_limit_the_file_keeps_only_this_process_entries(tmp_path):
    read, save = _store(tmp_path / "kept.marshal")
    save({"old1": 1, "old2": 2, "used": 3})
    save({"mine": 4}, limit=3, own=lambda key: key in {"used", "mine"})
    assert read() == {"used": 3, "mine": 4}


def test_nothing_new_writes_nothing(tmp_path):
    _read, save = _store(tmp_path / "kept.marshal")
    save({})
    assert not os.listdir(tmp_path)


def test_no_cache_folder_is_no_failure(tmp_path):
    def nowhere():
        raise KeyError("HOME")

    assert read_plain_at(nowhere) is None
    new = {"a": 1}
    add_to_plain(new, dict, dict, nowhere, size=len, limit=10, own=lambda key: True)
    assert new == {}


def test_a_value_that_cannot_be_kept_leaves_no_file(tmp_path):
    """The pickle is written to the file as it is made: one that fails midway leaves neither the file nor a
    temporary one beside it, and a kept file stays as it was."""
    import pickle

    import pytest

    from catalog.cachedir import read_kept, write_kept

    path = tmp_path / "kept.pickle"
    assert write_kept({"a": list(range(100_000))}, path)
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        write_kept({"a": list(range(100_000)), "b": lambda: None}, path)
    assert read_kept(path) == {"a": list(range(100_000))}
    assert sorted(item.name for item in tmp_path.iterdir()) == ["kept.pickle"]


def test_packed_tables_are_kept_apart_and_read_when_asked(tmp_path):
    """The gazetteer's packed tables are written with their bytes apart from the pickle and read back as tables
    that read the file a few bytes at a time when a look-up asks (the file's pages take none of the process's
    memory): the same answers; a file cut short is not used; pickled the ordinary way they come back as bytes and
    arrays, and kept again they are read from the new file."""
    import pickle
    from array import array

    from catalog._placetables import PackedIndex, PackedLists, PackedStrings
    from catalog.cachedir import FileArray, FileBytes, read_kept, write_kept

    value = {"index": PackedIndex({"hefei": 7, "合肥": 7, "cracow": 3}),
             "lists": PackedLists({"rome": [4, 9], "none": []}), "strings": PackedStrings(["Hefei", "合肥", ""])}
    path = tmp_path / "tables.pickle"
    assert write_kept(value, path)
    assert path.read_bytes().startswith(b"catalog mapped pickle")
    kept = read_kept(path)
    assert isinstance(kept["index"]._slots, FileArray) and isinstance(kept["strings"]._packed, FileBytes)
    assert dict(kept["index"]) == {"hefei": 7, "合肥": 7, "cracow": 3} and "krakow" not in kept["index"]
    assert {key: list(positions) for key, positions in kept["lists"].items()} == {"rome": [4, 9], "none": []}
    assert list(kept["strings"]) == ["Hefei", "合肥", ""]
    again = pickle.loads(pickle.dumps(kept, pickle.HIGHEST_PROTOCOL))  # within the pickle: bytes and arrays
    assert isinstance(again["index"]._slots, array) and isinstance(again["strings"]._packed, bytes)
    assert dict(again["index"]) == dict(kept["index"]) and list(again["strings"]) == list(kept["strings"])
    older = pickle.loads(pickle.dumps(kept, 4))  # (and by protocols without buffers, copy.copy among them)
    assert dict(older["index"]) == dict(kept["index"]) and dict(older["lists"]) == dict(again["lists"])
    other = tmp_path / "again.pickle"
    assert write_kept(kept, other) and other.read_bytes() == path.read_bytes()

    path.write_bytes(path.read_bytes()[:-3])
    assert read_kept(path) is None
    plain = tmp_path / "plain.pickle"  # any other value: a plain pickle, as before
    assert write_kept({"a": [1, 2]}, plain) and read_kept(plain) == {"a": [1, 2]}
    assert not plain.read_bytes().startswith(b"catalog mapped pickle")


def test_the_city_grid_is_kept_apart_and_read_when_asked(tmp_path):
    """The reverse-geocoding grids hand their arrays over as the packed tables do: read back from the file when a
    look-up asks (a reader holds none of the file's pages), they give the same cities as the grids built; pickled
    the ordinary way, arrays.
    """
    import pickle
    from array import array

    from catalog._placegrid import CityGrid
    from catalog.cachedir import FileArray, read_kept, write_kept

    points = [(31.82, 117.23, 5_050_000, "CN-AH"), (31.23, 121.47, 24_000_000, "CN-SH"),
              (50.06, 19.94, 760_000, "PL-12"), (50.08, 19.90, 2_000, "PL-12"), (-33.87, 151.21, 4_600_000, "AU-NSW")]
    built = CityGrid(points)
    path = tmp_path / "grid.pickle"
    assert write_kept(built, path) and path.read_bytes().startswith(b"catalog mapped pickle")
    kept = read_kept(path)
    assert isinstance(kept._reach.values, FileArray) and isinstance(kept._far.ids, FileArray)
    for lat, lon in [(31.8, 117.3), (31.0, 121.0), (50.07, 19.92), (-33.9, 151.0), (0.0, 0.0), (45.0, 100.0)]:
        assert kept.nearest(lat, lon) == built.nearest(lat, lon)
        assert kept.within(lat, lon, 300) == built.within(lat, lon, 300)
    assert kept.nearest(31.8, 117.3)[0] == 0 and kept.nearest(0.0, 0.0) is None
    again = pickle.loads(pickle.dumps(kept, 4))
    assert isinstance(again._reach.values, array) and again.nearest(50.07, 19.92) == built.nearest(50.07, 19.92)


def test_packed_records_and_code_indexes_read_back_from_a_kept_file(tmp_path):
    """The gazetteer's subdivisions and name indexes, kept and read back an entry at a time from the file, answer
    as the dicts they were made from; a city table read back gives the same cities one at a time, a few at once
    (its columns read whole) and in order."""
    from catalog._placedata import SubdivisionRecord
    from catalog._placetables import City, CityTable, CodeIndex, CodeLists, PackedRecords
    from catalog.cachedir import read_kept, write_kept

    subs = {"CN-AH": SubdivisionRecord("CN-AH", "CN", None, "CN-AH", "Province", "Anhui", ["Anhui", "安徽省"],
                                       [], 31.8, 117.2, "安徽省"),
            "US-GA": SubdivisionRecord("US-GA", "US", None, "US-GA", "State", "Georgia", ["Georgia"], ["Ga."])}
    by_name = {"anhui": ["CN-AH"], "georgia": ["US-GA", "GE"]}
    by_country = {"china": "CN", "zhongguo": "CN", "georgia": "GE"}
    cities = [City(f"City {n}", "CN" if n % 2 else "US", f"{n % 7:02}", n / 10, -n / 10, n * 1000, 10_000 + n)
              for n in range(40)]
    path = tmp_path / "tables.pickle"
    assert write_kept({"subs": PackedRecords(subs), "names": CodeLists(by_name), "countries": CodeIndex(by_country),
                       "cities": CityTable(cities)}, path)
    kept = read_kept(path)
    assert dict(kept["subs"]) == subs and kept["subs"]["CN-AH"] is kept["subs"]["CN-AH"]
    assert kept["subs"].get("CN-GS") is None and None not in kept["subs"] and "US-GA" in kept["subs"]
    assert dict(kept["names"]) == by_name and kept["names"].get("peru") is None
    assert dict(kept["countries"]) == by_country and kept["countries"].get(None) is None
    table = kept["cities"]
    assert [table[n] for n in range(40)] == list(table) == cities
    assert table.cities_at(range(3, 40, 2)) == {n: cities[n] for n in range(3, 40, 2)}
    assert table.cities_at([5, 1]) == {5: cities[5], 1: cities[1]}
    assert table._name.run(38, 45) == ["City 38", "City 39"]


def test_builds_of_other_keys_beyond_the_kept_number_go_the_used_last_stay(tmp_path):
    """`drop_old_builds`: after a new build is kept, the other keys' files (parts and locks too) are removed but for
    the KEPT_BUILDS - 1 used last, by their files' times; files of another prefix are not touched."""
    from catalog.cachedir import KEPT_BUILDS, drop_old_builds

    names = {}
    for age, key in enumerate(["aa", "bb", "cc", "dd", "ee"]):  # "aa" used last
        names[key] = [f"thing-{key}.pickle", f"thing-{key}-part.pickle", f"thing-{key}.pickle.lock"]
        for name in names[key]:
            (tmp_path / name).write_bytes(b"x")
            os.utime(tmp_path / name, (1e9, 1e9 - 60 * age))
    os.utime(tmp_path / "thing-dd.pickle.lock", (2e9, 2e9))  # a lock's time is no use: "dd" stays old
    for name in ("thing.pickle", "thing.pickle.lock"):  # a version's from before builds were keyed, used long ago
        (tmp_path / name).write_bytes(b"x")
        os.utime(tmp_path / name, (1e9, 1e9 - 6000))
    (tmp_path / "other-ff.pickle").write_bytes(b"x")
    (tmp_path / "things.pickle").write_bytes(b"x")  # another kind of file, whose name only begins the same
    new = tmp_path / "thing-new.pickle"
    new.write_bytes(b"x")
    drop_old_builds(new, "thing-")
    kept = ["aa", "bb", "cc", "dd", "ee"][:KEPT_BUILDS - 1]
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        ["thing-new.pickle", "other-ff.pickle", "things.pickle", *(name for key in kept for name in names[key])])


def test_an_unkeyed_build_used_lately_counts_as_one_of_the_kept(tmp_path):
    """The file of a version from before builds were keyed ("agency-registry.pickle") is one more build: kept while
    it is among the KEPT_BUILDS - 1 used last, removed with its lock when it is not."""
    from catalog.cachedir import KEPT_BUILDS, drop_old_builds

    new = tmp_path / "agency-registry-0a0b0c0d.pickle"
    new.write_bytes(b"x")
    (tmp_path / "agency-registry.pickle").write_bytes(b"x")
    drop_old_builds(new, "agency-registry-")
    assert (tmp_path / "agency-registry.pickle").exists()
    for key in range(KEPT_BUILDS - 1):  # newer builds of other versions, all used since
        (tmp_path / f"agency-registry-{key}.pickle").write_bytes(b"x")
    os.utime(tmp_path / "agency-registry.pickle", (1e9, 1e9))
    (tmp_path / "agency-registry.pickle.lock").write_bytes(b"")
    drop_old_builds(new, "agency-registry-")
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [new.name, *(f"agency-registry-{key}.pickle" for key in range(KEPT_BUILDS - 1))])


def test_a_kept_file_read_is_marked_used(tmp_path):
    """Reading a kept file sets its time (what drop_old_builds goes by) when it was set more than an hour ago, and
    leaves a recent one alone (no write on every read)."""
    import time

    from catalog.cachedir import read_kept, write_kept

    path = tmp_path / "kept.pickle"
    assert write_kept({"a": 1}, path)
    os.utime(path, (1e9, 1e9))
    assert read_kept(path) == {"a": 1}
    assert time.time() - path.stat().st_mtime < 60
    recent = time.time() - 600
    os.utime(path, (recent, recent))
    assert read_kept(path) == {"a": 1}
    assert path.stat().st_mtime == recent
    assert read_plain_at(lambda: tmp_path / "missing.marshal") is None


def test_two_versions_sharing_the_cache_folder_do_not_rebuild_each_other(tmp_path):
    """Two installs of catalog whose gazetteer code and registries differ (here: two copies of the package, one with
    a line added to places.py, agencies.toml and venues.toml), used in turn with one cache folder: each builds its
    gazetteer and reads its registries once, then reads them from the folder on every later run, instead of each
    removing the other's and building its own again (3 s an import)."""
    import shutil
    import subprocess
    import sys

    from tests.cli_process import ROOT

    copies = {}
    for name in ("a", "b"):
        copies[name] = tmp_path / name
        shutil.copytree(ROOT / "catalog", copies[name] / "catalog", ignore=shutil.ignore_patterns("__pycache__"))
    for changed in ("places.py", "agencies.toml", "rules/venues.toml"):
        with open(copies["b"] / "catalog" / changed, "a", encoding="utf-8") as handle:
            handle.write("\n# the other build\n")
    cache = tmp_path / "cache"
    probe = ("import sys; from catalog.places import get_gazetteer; from catalog import agencies, venues; "
             "g = get_gazetteer(); agencies.all_agencies(); venues.shipped_register(); "
             "print(g.from_cache, 'tomllib' in sys.modules, g.resolve(None, 'Hefei', None, None).province)")
    env = {key: value for key, value in os.environ.items() if key not in ("CATALOG_DB", "PYTHONPATH")}
    env["CATALOG_CACHE"] = str(cache)

    def run(name: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                              timeout=180, check=False, env={**env, "PYTHONPATH": str(copies[name])})
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    def builds() -> dict[str, int]:
        return {path.name: path.stat().st_ino for path in cache.iterdir()
                if path.name.startswith(("gazetteer-", "agency-registry-", "venue-register-"))
                and not path.name.endswith(".lock")}

    assert [run("a"), run("b")] == [["False", "True", "Anhui"]] * 2  # each builds its own
    made = builds()
    assert len([name for name in made if name.startswith("gazetteer-") and name.count("-") == 1]) == 2
    assert len([name for name in made if name.startswith(("agency-registry-", "venue-register-"))]) == 4
    assert [run("a"), run("b"), run("a")] == [["True", "False", "Anhui"]] * 3  # and then reads it, in turn
    assert builds() == made  # not one file written again


def _shipped_files() -> list[str]:
    import catalog

    return sorted(name for name in os.listdir(Path(catalog.__file__).parent / "rules") if name.endswith(".toml"))


def test_a_shipped_data_file_is_what_tomllib_reads_parsed_or_kept(tmp_path, monkeypatch):
    import tomllib

    import catalog
    from catalog import cachedir

    monkeypatch.setenv("CATALOG_CACHE", str(tmp_path))
    for name in _shipped_files():
        with open(Path(catalog.__file__).parent / "rules" / name, "rb") as handle:
            expected = tomllib.load(handle)
        first = cachedir.shipped_toml(name)  # parsed, and kept
        assert first == expected
        assert any(kept.startswith(f"shipped-{name.removesuffix('.toml')}-") for kept in os.listdir(tmp_path))
        with monkeypatch.context() as patched:
            patched.setattr(tomllib, "loads", lambda text: 1 / 0)  # the kept copy is read, nothing parsed
            again = cachedir.shipped_toml(name)
        assert again == expected and again is not first  # a new value each call: a caller may change its own


def test_a_kept_copy_of_other_bytes_or_damaged_is_not_taken(tmp_path, monkeypatch):
    from catalog import cachedir

    monkeypatch.setenv("CATALOG_CACHE", str(tmp_path))
    expected = cachedir.shipped_toml("demonyms.toml")
    (kept,) = [tmp_path / name for name in os.listdir(tmp_path) if name.startswith("shipped-demonyms-")]
    stamp = cachedir.file_stamp(cachedir.TOML_COPY_FORMAT, b"other bytes")
    write_plain((stamp, {"words": ["not", "these"]}), kept)  # a copy made from another version of the file
    assert cachedir.shipped_toml("demonyms.toml") == expected
    kept.write_bytes(b"\x00damaged")
    assert cachedir.shipped_toml("demonyms.toml") == expected

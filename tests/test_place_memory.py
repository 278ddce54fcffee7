"""What the gazetteer holds in less memory answers as before: hanzidentifier's verdicts made from zhon's strings,
a city's position by its GeoNames id from two arrays, the kept tables read back by the process that built them."""

from __future__ import annotations

import random
import subprocess
import sys
from array import array

import hanzidentifier
import pytest
from zhon import cedict

from catalog import _placedata
from catalog._placetables import CityTable, GeonameIds, TownPoints
from tests.cli_process import environment


def test_chinese_variant_is_hanzidentifiers_verdict():
    rng = random.Random(20)
    pool = cedict.all[::7] + "abc 市省-·()○" + "中國台湾合肥臺灣"
    texts = ["", "Hefei", "合肥", "臺灣", "台湾", "中国台灣", "○", "東京都", "우한 시"]
    texts += ["".join(rng.choice(pool) for _ in range(rng.randint(0, 6))) for _ in range(5000)]
    verdicts = [_placedata._chinese_variant(text) for text in texts]
    assert verdicts == [hanzidentifier.identify(text) for text in texts]
    assert set(verdicts) == {hanzidentifier.UNKNOWN, hanzidentifier.TRADITIONAL, hanzidentifier.SIMPLIFIED,
                             hanzidentifier.BOTH, hanzidentifier.MIXED}


def test_a_citys_position_by_geonameid_is_the_dicts():
    ids = [5, 9, 2, 9, 7, 12_000_000]
    table = CityTable.columns(["a"] * 6, ["X"] * 6, ["01"] * 6, [0.0] * 6, [0.0] * 6, [1] * 6, ids)
    found = table.by_geonameid()
    expected = {geonameid: position for position, geonameid in enumerate(ids)}  # a repeated id: its last city
    assert [found.get(geonameid) for geonameid in [*expected, 0, 8, 13_000_000]] == [*expected.values(), None,
                                                                                       None, None]
    assert GeonameIds(array("q"), array("I")).get(5) is None


@pytest.mark.parametrize("protocol", [4, 5])
def test_town_points_pickle_as_they_were(protocol):
    import pickle

    towns = TownPoints([("ketchikan", 55.34, -131.64, "US-AK"), ("park city", 40.65, -111.5, "US-UT"),
                        ("park city", 37.8, -97.32, "US-KS")])
    again = pickle.loads(pickle.dumps(towns, protocol))
    assert [again.find(key) for key in ("park city", "ketchikan", "nowhere")] == [
        towns.find(key) for key in ("park city", "ketchikan", "nowhere")]


def test_the_builder_reads_back_what_it_kept(tmp_path):
    """The process that builds the gazetteer and a part of it holds them as read back from the cache folder, their
    tables read from the file when asked (FileArrays), as the processes after it do; it still says it built the
    gazetteer."""
    probe = ("from catalog.places import get_gazetteer\n"
             "g = get_gazetteer(); towns = g.town_table()\n"
             "print(g.from_cache, type(g._cities._lat).__name__, type(towns._positions).__name__,"
             " g.resolve(None, 'Hefei', None, None).province, towns['ketchikan'] > 0)\n")
    env = environment(CATALOG_CACHE=str(tmp_path))
    runs = [subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=300,
                           check=False) for _ in range(2)]
    assert [run.stdout.split() for run in runs] == [
        ["False", "FileArray", "FileArray", "Anhui", "True"],
        ["True", "FileArray", "FileArray", "Anhui", "True"]], runs[0].stderr


def test_a_builds_garbage_is_collected_when_its_memory_is_given_back():
    """A build runs with the collector paused: the cycles it left are collected before the file is read back
    (which, in an import's reader, freezes whatever is alive), so they do not hold the build's arenas in place."""
    import gc
    import weakref

    from catalog.cachedir import collection_paused, give_back_freed

    class Node:
        pass

    with collection_paused():
        node = Node()
        node.self = node
        gone = weakref.ref(node)
        del node
        assert gone() is not None
        give_back_freed()
        assert gone() is None
    assert gc.isenabled()


@pytest.mark.parametrize("count", [0, 1, 5, 40, 700, 5_000])
def test_gathered_index_is_the_dicts_in_fewer_slots(count):
    """PackedIndex.gathered gathers its pairs into two-thirds-full slots, not a third, and gives the index
    PackedIndex(dict(pairs)) gives, slot for slot, whether it keeps the slots it gathered into or makes them again."""
    from catalog._placetables import PackedIndex, _gathering_slots, _slot_count

    rng = random.Random(count)
    pairs = [(f"name {rng.randrange(max(1, count // 2 + 1))}", rng.randrange(100)) for _ in range(count)]
    gathered, whole = PackedIndex.gathered(pairs, count), PackedIndex(dict(pairs))
    assert dict(gathered) == dict(whole) and list(gathered) == list(whole)
    assert (gathered._mask, gathered._slots) == (whole._mask, whole._slots)
    assert gathered._keys._packed == whole._keys._packed and gathered._positions == whole._positions
    assert 2 * _gathering_slots(count) >= 3 * count and _gathering_slots(count) <= max(8, _slot_count(count))
    assert _gathering_slots(353_126) == _slot_count(296_829) == 1 << 20  # (the alternate index: 2 << 20 before)


def test_name_starts_go_through_the_keys_as_they_are_read():
    """The table of the first two characters of the gazetteer's Chinese names is made going through the name
    indexes once (read a run at a time from the kept files), not from a list of their 380,000 keys."""
    from catalog.captions import han_name_starts

    class OnlyIterated:
        def __init__(self, keys):
            self.keys_, self.passes = keys, 0

        def __iter__(self):
            self.passes += 1
            return iter(self.keys_)

    alternate, primary = OnlyIterated(["合肥", "kraków", "紐約", "岳"]), OnlyIterated(["兰州", "lanzhou"])

    class Gazetteer:
        _country_by_name = {"日本": "JP", "japan": "JP"}
        _index = type("Index", (), {"primary": primary})

        def alternate_index(self):
            return alternate

    import catalog.places

    real = catalog.places.get_gazetteer
    catalog.places.get_gazetteer = Gazetteer
    try:
        names, countries = han_name_starts._build()
    finally:
        catalog.places.get_gazetteer = real
    assert countries == {"日本"}
    assert {"合肥", "纽约", "紐約", "兰州", "日本", "岳市"} <= names and "kr" not in names
    assert (alternate.passes, primary.passes) == (1, 1)


def test_alternate_names_keyed_in_runs_of_names_give_the_same_index(monkeypatch):
    """The alternate index's names are keyed in runs bounded by their number as well as by cities (the most
    populous thousand cities carry 37,000): the index is the same, key for key and slot for slot, whatever the runs."""
    from catalog import _placetables
    from catalog._placetables import City, CityIndex, CityTable, PackedStrings

    rng = random.Random(7)
    words = ["Krakau", "Cracovia", "Kraków", "合肥", "Hefei", "Luzon", "KRK", "Łódź", "Lodz", "Roma", "Rome", "Рим"]
    cities = [City(f"city {n}", "PL", "01", 50.0, 19.0, n * 1000, 1000 + n) for n in range(60)]
    alternates = [rng.sample(words, rng.randrange(0, 9)) for _ in cities]
    index = CityIndex(CityTable(cities), {}, PackedStrings(_placetables._SEPARATOR.join(names) for names in alternates),
                      [len(names) for names in alternates])
    whole = index.built_alternate()
    for cities_at_once, names_at_once in ((1, 1), (7, 3), (1000, 10), (3, 100_000)):
        monkeypatch.setattr(_placetables, "_KEYED_AT_ONCE", cities_at_once)
        monkeypatch.setattr(_placetables, "_NAMES_KEYED_AT_ONCE", names_at_once)
        runs = index.built_alternate()
        assert list(runs.items()) == list(whole.items())
        assert (runs._mask, runs._slots, runs._positions) == (whole._mask, whole._slots, whole._positions)
    assert whole["krakau"] == max(at for at, names in enumerate(alternates) if "Krakau" in names)


def test_the_grid_lets_the_first_reach_cells_go_and_pickles_as_before():
    """The grid's build lets the reach cells of every city go before it gathers those of the cities that are not a
    neighbourhood of another; its attributes stay in the order they were made in, so that it pickles to the same
    bytes as before (a deleted and set again attribute would move to the end)."""
    from catalog._placegrid import CityGrid

    grid = CityGrid([(40.71, -74.0, 8_000_000, ("US", "NY")), (40.758, -73.985, 20_000, ("US", "NY")),
                     (40.73, -74.07, 260_000, ("US", "NJ")), (31.86, 117.28, 7_000_000, ("CN", "01"))])
    assert grid.sections == 1  # (Times Square, in New York City's reach and of its state)
    assert list(vars(grid)) == ["_columns_reach", "_columns_point", "_columns_far", "_reach", "sections", "_point",
                                "_far"]
    assert grid.nearest(40.758, -73.985)[0] == 0

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

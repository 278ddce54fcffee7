"""The quick read path (catalog.quick_search) prints what the full path prints, byte for byte.

One catalogue, built by importing images/ and the shared corpus of real files, then cloned with generated
rows to a few thousand photos by the benchmark's own generator (bench/run.py), with a kill, a story, a variant
group, a missing and a damaged photo added. Each command runs twice through the `catalog` command: as it
runs (the quick path, with the full Library made unable to open for the searches the quick path should answer
alone) and with the quick path switched off; stdout, stderr and the exit status must be the same.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from catalog import quick_search
from catalog.cli import main
from catalog.library import Library
from tests.conftest import IMAGES, ROOT, SHARED

ROWS = 2500

#: Searches the quick path answers alone (every kind of term it knows, negated, with alternatives, sorted,
#: paged, in every format).
QUICK = [
    ["in:Gansu"], ["in:Gansu", "--limit", "50"], ["in:China", "--limit", "20"], ["in:USA"], ["in:美国"],
    ["in:Gansu,Anhui", "-in:Hefei", "--limit", "30"], ["in:Georgia"], ["in:Atlantis"], ["in:Luogang Park"],
    ["in:CN-AH", "--limit", "10"], ["city:Hefei", "--limit", "10"], ["city:Kraków"], ["city:krakow"],
    ["province:Anhui", "--limit", "10"], ["state:Anhui", "--limit", "5"], ["country:Poland"],
    ["country:PL", "--format", "json"], ["sublocation:Luogang Park", "--limit", "5"], ["at:West Lake", "--limit", "5"],
    ["shown:Earth"], ["-in:China", "--limit", "25"], ["by:Xinhua"], ["by:Li", "--limit", "10"],
    ['by:"Zhang Dagang"'], ["by:张大刚"], ["by:Zhang,Xu", "--limit", "10"], ["-by:Zhang", "--limit", "10"],
    ["credit:Xinhua", "--limit", "10"], ["credit:AP", "--limit", "10"], ["credit:新华社", "--limit", "5"],
    ['credit:"Big Newspaper"'], ["credit:REUTERS,AFP", "--limit", "10"], ["-credit:Xinhua", "--limit", "10"],
    ["keyword:news", "--limit", "10"], ["keyword:aircraft"], ["-keyword:news", "--limit", "10"],
    ["taken:2025-08", "--limit", "50"], ["taken:2019-03..2019-08", "--limit", "40"], ["taken:2016"],
    ["taken:2025-10-14"], ['taken:"October 2025"'], ["taken:2024..", "--limit", "10"], ["taken:..2016-02"],
    ["-taken:2016..2024", "--limit", "10"], ["taken:2016-01,2017-05", "--limit", "10"],
    ["released:2025-10-01"], ["released:2020..", "--limit", "5"], ["-released:2025", "--limit", "5"],
    ["train"], ["train", "--limit", "50"], ["bullet train", "--limit", "15"], ['"bullet train"', "--limit", "15"],
    ["train", "-Gansu", "--limit", "20"], ["-train", "--limit", "20"], ["train", "in:Gansu"],
    ["zzzznothing"], ["in:Gansu", "taken:1999"], ["Kraków"], ["krakow", "--limit", "5"],
    ["conflicts:yes", "--limit", "10"], ["conflicts:no", "--limit", "10"], ["missing:yes"],
    ["missing:no", "--limit", "3"],
    ["damaged:yes"], ["damaged:no", "--limit", "3"], ["-conflicts:yes", "--limit", "5"],
    ["in:China", "taken:2018..2024", "by:zhang", "train"],
    ["in:Gansu", "--sort", "path", "--limit", "10"], ["in:Gansu", "--sort", "path", "--reverse", "--limit", "10"],
    ["in:Gansu", "--sort", "date", "--reverse", "--limit", "10"], ["in:Gansu", "--offset", "10", "--limit", "10"],
    ["in:Gansu", "--offset", "5000"], ["train", "--sort", "date", "--limit", "10"],
    ["train", "--sort", "relevance", "--reverse", "--limit", "10"], ["in:Gansu", "--sort", "relevance", "--limit", "5"],
    ["train", "--offset", "3", "--limit", "7"], ["--limit", "10"], ["--sort", "path", "--limit", "5"],
    ["--in", "Gansu", "--from", "2019-01", "--to", "2019-12", "--limit", "5"], ["--by", "Zhang", "--limit", "5"],
    ["--credit", "AP", "--limit", "5"],
    ["in:Gansu", "--limit", "20", "--format", "json"], ["train", "--format", "json", "--limit", "10"],
    ["taken:2025-10", "--format", "json"], ["in:Georgia", "--format", "json"], ["zzzznothing", "--format", "json"],
    ["--format", "json", "--limit", "40"], ["in:Hefei", "--format", "csv"], ["in:Gansu", "--format", "paths"],
    ["in:Gansu", "--format", "paths0", "--limit", "5"], ["train", "--format", "paths0"],
    ["aircraft", "--offset", "1"], ["in:Georgia", "taken:2016..2025", "--reverse"],
    ["in:Gansu", "--format", "template", "--template", "{taken} {location.city}: {credit.line} {match}",
     "--limit", "9"],
    ["train", "--template", "{id}\\t{path}", "--limit", "5"],
    ["in:China", "taken:2018..2024", "by:zhang", "train", "--limit", "5"], ["train", "in:China", "--limit", "10",
    "--offset", "5"], ["train", "-in:Gansu", "--limit", "10", "--reverse"], ["bullet train", "-Gansu", "--limit", "3"],
]

#: Searches the full path answers, wholly or in part (the quick path hands them over): the same all the same.
#: (Not `similar:` and `variants:`: they fingerprint the whole catalogue first, and this one is shared.)
HANDED_OVER = [
    ["restricted:yes"], ["embargoed:no", "--limit", "3"], ["ai:yes"], ["used:yes"], ["killed:yes"],
    ["near:31.82,117.23", "within:50km", "--limit", "5"], ["in:Gansu", "--sort", "distance"],
    ["taken:2025-13"], ["bogus:field"], ["--mistyped"], ["in:"], [], ["in:Kyiv"],
]


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory) -> str:
    """A catalogue of real imported files and generated rows (see the module docstring)."""
    sys.path.insert(0, str(ROOT))
    from bench.run import clone

    folder = tmp_path_factory.mktemp("quick")
    path = folder / "catalog.db"
    library = Library.open(str(path))
    sources = [str(IMAGES)] + ([str(SHARED / "corpus" / "real")] if (SHARED / "corpus" / "real").is_dir() else [])
    report = library.import_paths(sources)
    assert report.added >= 3
    library.close()
    assert clone(f"sqlite:///{path}", ROWS)["rows"] == ROWS
    runner = CliRunner()
    first, second, third = _ids(path, 3)
    for args in (["story", "add", "Gansu trains", str(first)], ["story", "add", "Gansu trains", str(second)],
                 ["kill", str(third), "--reason", "wrong caption"]):
        result = runner.invoke(main, ["--db", str(path), *args])
        assert result.exit_code == 0, result.output
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE photo SET missing_since = '2025-10-20 08:00:00.000000' WHERE id = ?", (second,))
        conn.execute("UPDATE photo SET damaged = 1, extra = json_set(coalesce(extra, '{}'), '$.damage', "
                     "'the image data ends early') WHERE id = (SELECT max(id) FROM photo)")
        grouped = [row[0] for row in conn.execute(  # two photos few searches here find: Kyiv, 2021-2024, no train
            "SELECT id FROM photo WHERE city = 'Kyiv' AND taken_start BETWEEN '2021' AND '2024-12' AND search_text "
            "NOT LIKE '%train%' ORDER BY taken_start LIMIT 2 OFFSET 2")]
        assert len(grouped) == 2
        conn.executemany("INSERT INTO variant_fingerprint (photo_id, fingerprint, file_fingerprint, made_from, "
                         "group_id, placed) VALUES (?, NULL, 'x', 'image', ?, 1)",
                         [(pid, min(grouped)) for pid in grouped])
    return str(path)


def _ids(path: Path, count: int) -> list[int]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM photo WHERE city = 'Lanzhou' ORDER BY id LIMIT ?",
                                               (count,))]


def _run(monkeypatch, args: list[str], *, quick: bool, alone: bool = False) -> tuple[int, str, str]:
    """`catalog ARGS` through the quick path (`alone`: the full Library may not open) or the full path only."""
    with monkeypatch.context() as patch:
        if not quick:
            patch.setattr(quick_search.QuickLibrary, "open", classmethod(lambda cls, *a, **k: None))
        elif alone:
            def refuse(*_args, **_kwargs):
                raise AssertionError("the full path was opened")

            patch.setattr(Library, "open", classmethod(refuse))
        result = CliRunner().invoke(main, args)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("terms", QUICK, ids=" ".join)
def test_quick_search_prints_what_the_full_path_prints(catalogue, monkeypatch, terms):
    args = ["--db", catalogue, "search", *terms]
    assert _run(monkeypatch, args, quick=True, alone=True) == _run(monkeypatch, args, quick=False)


@pytest.mark.parametrize("terms", HANDED_OVER, ids=" ".join)
def test_searches_the_quick_path_hands_over_print_the_same(catalogue, monkeypatch, terms):
    args = ["--db", catalogue, "search", *terms]
    assert _run(monkeypatch, args, quick=True) == _run(monkeypatch, args, quick=False)


def test_a_page_holding_copies_of_one_picture_shows_their_group(catalogue, monkeypatch):
    args = ["--db", catalogue, "search", "in:Kyiv", "--format", "json"]
    quick = _run(monkeypatch, args, quick=True)
    assert quick == _run(monkeypatch, args, quick=False)
    assert '"group"' in quick[1]


def test_house_rules_from_a_file_shape_the_credits_alike(catalogue, monkeypatch, tmp_path):
    rules = tmp_path / "house.toml"
    rules.write_text('[credit_lines.agencies]\nXinhua = "XINHUA / {photographer}"\n', encoding="utf-8")
    args = ["--db", catalogue, "--rules", str(rules), "search", "credit:Xinhua", "--limit", "5"]
    quick = _run(monkeypatch, args, quick=True, alone=True)
    assert quick == _run(monkeypatch, args, quick=False)
    assert "XINHUA / " in quick[1]
    kept = tmp_path / "kept.db"  # the same rules kept in a catalogue (`catalog rules --set`)
    shutil.copy(catalogue, kept)
    assert CliRunner().invoke(main, ["--db", str(kept), "rules", "--set", str(rules)]).exit_code == 0
    args = ["--db", str(kept), "search", "credit:Xinhua", "--limit", "5"]
    assert _run(monkeypatch, args, quick=True, alone=True) == _run(monkeypatch, args, quick=False) == quick


@pytest.mark.parametrize("ref", ["1", "2", "3", "KILLED", "STORY", "MISSING", "DAMAGED", "gansu-bullet-train.jpg",
                                 "images/hefei-aircraft.jpg", "999999", "nothing.jpg", "zhang-dagang_000001.jpg"])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_quick_show_prints_what_the_full_path_prints(catalogue, monkeypatch, ref, fmt):
    with sqlite3.connect(catalogue) as conn:
        named = {"KILLED": "SELECT photo_id FROM kill", "STORY": "SELECT max(photo_id) FROM story_photo",
                 "MISSING": "SELECT id FROM photo WHERE missing_since IS NOT NULL",
                 "DAMAGED": "SELECT id FROM photo WHERE damaged"}
        if ref in named:
            ref = str(conn.execute(named[ref]).fetchone()[0])
    if ref == "images/hefei-aircraft.jpg":
        monkeypatch.chdir(ROOT)
    args = ["--db", catalogue, "show", ref, "--format", fmt]
    assert _run(monkeypatch, args, quick=True, alone=not ref.startswith("images/")) == \
        _run(monkeypatch, args, quick=False)


def test_a_catalogue_the_quick_path_cannot_read_goes_to_the_full_path(tmp_path, monkeypatch):
    missing = ["--db", str(tmp_path / "none.db"), "search", "in:Gansu"]
    assert _run(monkeypatch, missing, quick=True) == _run(monkeypatch, missing, quick=False)
    assert _run(monkeypatch, missing, quick=True)[0] == 1
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("INSERT INTO alembic_version VALUES ('0001')")
    assert quick_search.QuickLibrary.open(str(old), rules=None, full=lambda: None) is None
    assert quick_search.QuickLibrary.open("postgresql+psycopg://x@localhost/news", rules=None,
                                          full=lambda: None) is None
    assert quick_search.QuickLibrary.open(str(tmp_path), rules=None, full=lambda: None) is None


def test_the_shipped_rules_pass_the_checks_their_loading_leaves_out():
    """Loading the shipped house rules (every search's credit column) checks only what a house file changes."""
    from types import SimpleNamespace

    from catalog.captions.notcaptions import _FLAGS, compile_rules
    from catalog.captions.rules import _raw_default
    from catalog.checkrules import validate_table
    from catalog.variant_rules import variant_rules

    shipped = _raw_default()
    rules = compile_rules()
    assert len(rules) > 3 and all(re.compile(rule.source, _FLAGS).pattern == rule.source for rule in rules)
    validate_table(shipped["check"], "catalog/rules/default.toml")
    assert variant_rules(SimpleNamespace(variants=shipped["variants"])).best


def test_when_sqlite_refuses_the_quick_path_the_full_path_answers(catalogue, monkeypatch):
    def locked(*_args, **_kwargs):
        raise sqlite3.OperationalError("database is locked")

    args = ["--db", catalogue, "search", "in:Gansu", "--limit", "5"]
    full = _run(monkeypatch, args, quick=False)
    monkeypatch.setattr(quick_search.QuickLibrary, "_page", locked)
    assert _run(monkeypatch, args, quick=True) == full
    assert full[0] == 0 and "5 of " in full[2]


#: `places` and `timeline` through the quick path (QuickLibrary.count_by), alone: every kind of term, format, period.
QUICK_COUNTS = [
    ["places"], ["places", "--format", "json"], ["places", "--format", "csv"], ["places", "in:China"],
    ["places", "in:Gansu,Anhui", "-in:Hefei"], ["places", "by:Zhang", "taken:2019"], ["places", "train"],
    ["places", "-train", "credit:Xinhua", "--format", "json"], ["places", "zzzznothing"], ["places", "missing:yes"],
    ["places", "--in", "China", "--from", "2019-01", "--to", "2019-12"],
    ["timeline"], ["timeline", "--by", "day"], ["timeline", "--by", "year", "--format", "json"],
    ["timeline", "in:Gansu", "--by", "day", "--format", "csv"], ["timeline", "bullet train"],
    ["timeline", "credit:Xinhua", "-taken:2016..2020"], ["timeline", "zzzznothing"],
]
#: ... and those whose terms the full path answers.
HANDED_OVER_COUNTS = [["places", "restricted:yes"], ["places", "near:31.82,117.23", "within:50km"],
                      ["timeline", "killed:yes"], ["timeline", "taken:2025-13"], ["places", "bogus:field"]]




#: `credits` through the quick path alone (ids in search order, credit columns, other spellings, and the copies
#: check when no photo of the list has a stored fingerprint and more than MADE_NOW lack one: the note).
QUICK_CREDITS = [
    ["credits", "in:Gansu"], ["credits", "in:Gansu", "--group"], ["credits", "in:Gansu", "--inline"],
    ["credits", "in:Gansu", "--format", "json"], ["credits", "train", "--format", "markdown"],
    ["credits", "credit:Xinhua", "--format", "csv"], ["credits", "credit:Xinhua", "--group", "--format", "markdown"],
    ["credits", "in:Gansu,Anhui", "-in:Hefei"], ["credits", "--in", "Gansu", "--group"], ["credits", "zzzznothing"],
]
#: ... and those the full path answers: a list holding a photo with a stored fingerprint (the real files here:
#: they are compared, in numpy), at most MADE_NOW photos (fingerprinted from their files), whole records
#: (--format template), the desk's terms, near:, --files.
HANDED_OVER_CREDITS = [
    ["credits"], ["credits", "in:China", "--group"], ["credits", "-in:China", "--group"],
    ["credits", "taken:2016..2020", "--format", "json"], ["credits", "by:Zhang"], ['credits', 'by:"Zhang Dagang"'],
    ["credits", "--in", "Gansu", "--from", "2019-01", "--to", "2024-12", "--group"], ["credits", "in:Kyiv"],
    ["credits", "killed:yes"], ["credits", "near:31.82,117.23", "within:50km", "--group"],
    ["credits", "in:Gansu", "--format", "template", "--template", "{taken} {line} ({count})"],
    ["credits", "--files", "1", "2", "3", "--inline"], ["credits", "--files", "gansu-bullet-train.jpg", "2"],
    ["credits", "taken:2025-13"],
]


@pytest.mark.parametrize("command", QUICK_COUNTS + QUICK_CREDITS, ids=" ".join)
def test_quick_counts_and_credits_print_what_the_full_path_prints(catalogue, monkeypatch, command):
    args = ["--db", catalogue, *command]
    quick = _run(monkeypatch, args, quick=True, alone=True)
    assert quick == _run(monkeypatch, args, quick=False)
    assert quick[0] == 0 and (quick[1] or "No photos match." in quick[2])


@pytest.mark.parametrize("command", HANDED_OVER_COUNTS + HANDED_OVER_CREDITS, ids=" ".join)
def test_counts_and_credits_the_quick_path_hands_over_print_the_same(catalogue, monkeypatch, command):
    args = ["--db", catalogue, *command]
    assert _run(monkeypatch, args, quick=True) == _run(monkeypatch, args, quick=False)


def test_quick_credits_leave_the_copies_check_to_the_full_path_once_a_photo_has_a_fingerprint(
        catalogue, monkeypatch, tmp_path):
    """A stored fingerprint among the photos: they are compared (numpy), and the warning is the full path's."""
    kept = tmp_path / "printed.db"
    shutil.copy(catalogue, kept)
    with sqlite3.connect(kept) as conn:
        pid = conn.execute("SELECT min(photo_id) FROM place_key WHERE key = 'province:CN-GS'").fetchone()[0]
        conn.execute("INSERT INTO variant_fingerprint (photo_id, fingerprint, file_fingerprint, made_from, placed) "
                     "VALUES (?, x'00', 'x', 'image', 0)", (pid,))
    args = ["--db", str(kept), "credits", "in:Gansu"]
    opened = []
    real_open = Library.open.__func__

    def counted(cls, *a, **k):
        opened.append(a)
        return real_open(cls, *a, **k)

    with monkeypatch.context() as patch:
        patch.setattr(Library, "open", classmethod(counted))
        quick = _run(monkeypatch, args, quick=True)
    assert opened, "the copies check went to the full path"
    assert quick == _run(monkeypatch, args, quick=False)


def test_quick_credit_columns_and_spellings_are_the_full_paths(catalogue):
    """What a credit list reads through sqlite3 (the quick path) equals what it reads through SQLAlchemy: the
    credit columns of every photo, and the other spellings of every photographer written in capitals."""
    from catalog import credits, search

    full = Library.open(catalogue, readonly=True)
    quick = quick_search.QuickLibrary.open(catalogue, rules=None, full=lambda: full)
    try:
        ids = quick.ordered_ids([])
        assert ids == search.ordered_ids(full, []) and len(ids) == ROWS
        assert quick.ordered_ids(["train"]) == search.ordered_ids(full, ["train"])
        rows = credits._credited(quick, ids)
        assert rows == credits._credited(full, ids) and len(rows) == ROWS
        spelled = credits.other_spellings(quick, rows.values())
        assert spelled == credits.other_spellings(full, rows.values())
        assert any(names for names in spelled.values())  # the caption files do spell some capitals otherwise
    finally:
        quick.close()
        full.close()


def test_a_quick_record_holds_each_column_as_the_full_record_does(catalogue):
    """PhotoRecord decodes a JSON column when it is first read (and keeps it): every column of every photo equals
    what SQLAlchemy's Photo holds, read in any order; a name that is no column is an AttributeError."""
    from sqlalchemy import select

    from catalog.models import Photo

    full = Library.open(catalogue, readonly=True)
    quick = quick_search.QuickLibrary.open(catalogue, rules=None, full=lambda: full)
    try:
        ids = quick.ordered_ids([])
        records = quick._photos(ids)
        columns = [column.key for column in Photo.__table__.columns]
        assert set(quick_search.JSON_COLUMNS) <= set(columns)
        with full.session() as session:
            for photo in session.scalars(select(Photo).where(Photo.id.in_(ids[:300]))):
                record = records[photo.id]
                for name in reversed(columns):  # the JSON columns first, before anything else was read
                    assert getattr(record, name) == getattr(photo, name), name
                    assert getattr(record, name) == getattr(photo, name), name  # kept, not decoded again
                assert record.place is record.place
        with pytest.raises(AttributeError):
            record.not_a_column  # noqa: B018
        assert not hasattr(record, "not_a_column")
    finally:
        quick.close()
        full.close()


#: `credits` whose list is counted in SQL on the quick path (catalog.credits.credit_counts) for the formats that print
#: counts, and read photo by photo for the others: every format on several kinds of terms, each over MADE_NOW
#: photos with no stored fingerprint.
COUNTED_TERMS = [["in:Gansu"], ["credit:Xinhua"], ["train"], ["in:Gansu", "-by:Li"], ["credit:Xinhua", "-train"],
                 ["in:Gansu,Anhui", "-in:Hefei", "taken:2016..2024"], ["train", "-credit:AP", "taken:2016..2025"]]
COUNTED_FORMATS = [[], ["--group"], ["--inline"], ["--format", "markdown"], ["--group", "--format", "markdown"],
                   ["--format", "json"], ["--format", "csv"], ["--group", "--format", "csv"]]


def _counted_run(monkeypatch, args: list[str], *, counted: bool) -> tuple[int, str, str]:
    """`catalog ARGS` on the quick path alone; `counted`: the list must be counted in SQL (reading it photo by
    photo fails), else it must be read photo by photo (counting it fails)."""
    from catalog import credits

    def refuse(*_args, **_kwargs):
        raise AssertionError("the list was read the other way")

    with monkeypatch.context() as patch:
        patch.setattr(credits, "_credit_list" if counted else "credit_counts", refuse)
        return _run(monkeypatch, args, quick=True, alone=True)


@pytest.mark.parametrize("how", COUNTED_FORMATS, ids=" ".join)
@pytest.mark.parametrize("terms", COUNTED_TERMS, ids=" ".join)
def test_credits_counted_in_sql_print_what_the_full_path_prints(catalogue, monkeypatch, terms, how):
    args = ["--db", catalogue, "credits", *terms, *how]
    counted = "json" not in how and "csv" not in how
    quick = _counted_run(monkeypatch, args, counted=counted)
    assert quick == _run(monkeypatch, args, quick=False)
    assert quick[0] == 0 and quick[1].count("\n") >= (1 if "--inline" in how else 3), quick
    assert "were not checked for copies" in quick[2]


def test_counted_credits_show_names_in_capitals_as_each_photos_caption_spells_them(catalogue, monkeypatch, tmp_path):
    """A photographer written in capitals is shown as the photo's own caption spells the name, else as another
    photo does, else in title case: such photos are counted one by one, the rest by credit."""
    kept = tmp_path / "capitals.db"
    shutil.copy(catalogue, kept)
    with sqlite3.connect(kept) as conn:
        gansu = "SELECT photo_id FROM place_key WHERE key = 'province:CN-GS'"
        name = conn.execute(f"SELECT photographer FROM photo WHERE id IN ({gansu}) AND photographer IS NOT NULL "
                            "GROUP BY photographer ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        ids = [row[0] for row in conn.execute(f"SELECT id FROM photo WHERE id IN ({gansu}) AND photographer = ? "
                                              "ORDER BY id", (name,))]
        assert len(ids) >= 2
        shouted = name.upper()
        conn.execute(f"UPDATE photo SET photographer = ? WHERE id IN ({', '.join('?' * len(ids))})", [shouted, *ids])
        conn.execute("UPDATE photo SET caption = ? WHERE id = ?", (f"A train in Gansu. ({name.lower()})", ids[1]))
    for how in ([], ["--group"], ["--inline"], ["--format", "markdown"]):
        args = ["--db", str(kept), "credits", "in:Gansu", *how]
        quick = _counted_run(monkeypatch, args, counted=True)
        assert quick == _run(monkeypatch, args, quick=False)
        assert shouted not in quick[1]
        if not how:  # the photo whose caption spells the name in lower case, and the others
            assert name.lower() in quick[1] and name in quick[1]

"""The quick path's ways to a page (catalog.quick_search: DATE_WINDOWS, and the one term that gives the ids when
several could) print what the full path prints, and each is the one that answered: on the catalogue of
tests/test_quick_search.py, with pages small enough that the narrow window fails and the wide one holds."""

from __future__ import annotations

import pytest

from catalog import quick_search
from catalog.entities import search_keys
from catalog.query import parse
from tests.test_quick_search import _run, catalogue  # noqa: F401  (the fixture, shared)

#: (terms, the window, narrow or wide, that must give the page; None: neither, every photo is sorted).
WINDOWED = [
    (["in:Hefei", "--limit", "3"], "ids"),
    (["in:Hefei", "--limit", "3", "--reverse"], "ids"),
    (["credit:AP", "--limit", "4", "--sort", "date"], "ids"),
    (["in:Anhui", "--limit", "3"], "ids"),
    (["in:China", "--limit", "5"], "ids"),
    (["-in:China", "--limit", "3"], "probe"),
    (["in:Kyiv", "--limit", "3"], None),
    (["by:zhang", "--limit", "3"], None),
    (["in:China", "by:zhang", "--limit", "4"], None),
    (["in:Gansu", "credit:Xinhua", "--limit", "2"], None),
    (["by:zhang", "in:China", "taken:2018..2024", "--limit", "6", "--reverse"], None),
    (["in:China", "-by:zhang", "--limit", "3"], None),
]


@pytest.mark.parametrize(("terms", "answered_by"), WINDOWED, ids=lambda value: " ".join(value or ["sorted"])
                         if isinstance(value, list) or value is None else value)
def test_each_way_to_a_page_prints_what_the_full_path_prints(catalogue, monkeypatch, terms, answered_by):  # noqa: F811
    tried = []
    original = quick_search.QuickLibrary._page_from_window

    def recording(self, query, limit, reverse, window, *, by_ids=False, **more):
        found = original(self, query, limit, reverse, window, by_ids=by_ids, **more)
        tried.append(("ids" if by_ids else "probe", found is not None))
        return found

    monkeypatch.setattr(quick_search.QuickLibrary, "_page_from_window", recording)
    args = ["--db", catalogue, "search", *terms]
    quick = _run(monkeypatch, args, quick=True, alone=True)
    assert quick == _run(monkeypatch, args, quick=False)
    assert quick[1].count("\n") >= 3  # a page was printed
    answered = [how for how, found in tried if found]
    assert answered == ([answered_by] if answered_by else [])


@pytest.mark.parametrize(("terms", "driver"), [
    (["in:China", "by:zhang"], "person_token"),
    (["by:zhang", "in:China", "taken:2018..2024"], "person_token"),
    (["in:Gansu", "in:China"], "place_key"),
    (["in:Gansu", "-by:zhang"], "place_key"),
    (["credit:Xinhua", "by:zhang"], "person_token"),
])
def test_one_term_gives_the_ids_and_the_others_are_probed(terms, driver):
    conditions = quick_search._conditions(parse(terms, place_keys=search_keys))
    assert len(conditions) == len(terms)
    driving = [sql for sql, _ in conditions if sql.startswith(("(photo.id IN", "NOT (photo.id IN"))]
    positive = [sql for sql in driving if sql.startswith("(")]
    assert len(positive) == 1
    assert f"FROM {driver}" in positive[0]
    probed = [sql for sql, _ in conditions if sql not in driving and ".photo_id = photo.id" in sql]
    id_terms = [term for term in terms if term.lstrip("-").split(":")[0] in ("in", "by", "credit")]
    assert len(probed) == len(id_terms) - len(driving)


@pytest.mark.parametrize("terms", [["in:Gansu"], ["in:Gansu", "--offset", "30"], ['by:"Zhang Dagang"'], ["in:Hefei"],
                                   ["credit:Xinhua", "--reverse"], ["in:Atlantis"]], ids=" ".join)
def test_a_page_of_one_place_or_credit_lists_its_photos_once(catalogue, monkeypatch, terms):  # noqa: F811
    """One statement lists the term's photos; the windows, the sort and the count beside the page use that list."""
    statements = []
    original = quick_search.QuickLibrary._term_ids

    def listing(self, term):
        statements.append(term.text)
        return original(self, term)

    monkeypatch.setattr(quick_search.QuickLibrary, "_term_ids", listing)
    run = _record_statements(monkeypatch)
    args = ["--db", catalogue, "search", *terms, "--limit", "10"]
    quick = _run(monkeypatch, args, quick=True, alone=True)
    monkeypatch.undo()
    assert quick == _run(monkeypatch, args, quick=False)
    assert len(statements) == 1
    assert not [sql for sql in run if sql.startswith("SELECT count(*)")]  # the count beside the page: the list


@pytest.mark.parametrize("terms", [["in:China", "taken:2018..2024", "by:zhang", "train"], ["train", "in:China"],
                                   ["train", "-Gansu", "--offset", "4"]], ids=" ".join)
def test_a_ranked_page_with_other_terms_counts_what_it_sorted(catalogue, monkeypatch, terms):  # noqa: F811
    """Words with other terms: every match that passes them is sorted for the page; their number is the count."""
    run = _record_statements(monkeypatch)
    args = ["--db", catalogue, "search", *terms, "--limit", "3"]
    quick = _run(monkeypatch, args, quick=True, alone=True)
    monkeypatch.undo()
    assert quick == _run(monkeypatch, args, quick=False)
    assert " of " in quick[2]
    assert not [sql for sql in run if sql.startswith("SELECT count(*)")]


@pytest.mark.parametrize("terms", [["in:Gansu"], ["train"], ["in:Gansu,Anhui", "-in:Hefei"], ["credit:Xinhua"]],
                         ids=" ".join)
def test_a_credit_list_reads_each_photo_once_in_the_statement_that_orders_them(catalogue, monkeypatch, terms):  # noqa: F811
    """`credits`: the statement that puts the photos in search order reads their credit columns too (no second
    look-up by id), and no statement lists thousands of ids as variables (the copies check sends them as one
    JSON array); what it prints is the full path's."""
    run = _record_statements(monkeypatch)
    args = ["--db", catalogue, "credits", *terms, "--format", "json"]
    quick = _run(monkeypatch, args, quick=True, alone=True)
    monkeypatch.undo()
    assert quick == _run(monkeypatch, args, quick=False)
    assert quick[1].count('"paths"') >= 3
    ordered = [sql for sql in run if "ORDER BY" in sql and "photo.credit_line" in sql]
    assert ordered, run
    assert not [sql for sql in run if "FROM photo WHERE photo.id IN (?" in sql]
    assert max(sql.count("?") for sql in run) < 50


def _record_statements(monkeypatch) -> list[str]:
    """The statements the quick path's connection runs from now on (until monkeypatch.undo())."""
    run: list[str] = []
    opened = quick_search.QuickLibrary.open.__func__

    def recorded(cls, *args, **kwargs):
        reader = opened(cls, *args, **kwargs)
        if reader is not None:
            reader.connection = _Recording(reader.connection, run)
        return reader

    monkeypatch.setattr(quick_search.QuickLibrary, "open", classmethod(recorded))
    return run


class _Recording:
    """A sqlite3 connection that keeps the statements it runs."""

    def __init__(self, connection, run: list[str]):
        self.connection = connection
        self.run = run

    def execute(self, sql, params=()):
        self.run.append(sql)
        return self.connection.execute(sql, params)

    def close(self):
        self.connection.close()

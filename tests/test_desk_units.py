"""The desk's parts on their own: the worked examples in their docstrings, the caption-against-file comparisons,
the [check] table's validation, the restriction kinds named in two places, the faster telling-word search, and a
catalogue from before schema 0006 being read again at its next import."""

from __future__ import annotations

import doctest
import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.checkfacts import days_apart, local_days, names_any, writes_day
from catalog.errors import CatalogError


@pytest.mark.parametrize("name", ["checkfacts", "rights", "kills", "render", "checkrules"])
def test_docstring_examples(name):
    module = importlib.import_module(f"catalog.{name}")
    failed, attempted = doctest.testmod(module)
    assert failed == 0
    if name != "checkrules":
        assert attempted > 0, f"{name} has no examples"


@pytest.mark.parametrize(("caption", "day", "writes"), [
    ("HEFEI, China, Tuesday, Oct. 14, 2025 (AP) -- ...", "2025-10-14", True),
    ("... in Nanning, 14 October 2025.", "2025-10-14T08:00:00+08:00", True),
    ("... SEPT. 3, 2025 ...", "2025-09-03", True),
    ("... Sept 03 ...", "2025-09-03", True),
    ("... on Oct. 4, 2025 ...", "2025-10-14", False),     # the 4th is not the 14th
    ("... on Oct. 14th, 2025 ...", "2025-10-14", True),
    ("... 114 October ...", "2025-10-14", False),
    ("... 2025-10-14 ...", "2025-10", False),             # a month is not a day
    ("... in May ...", "2025-05-01", False),
])
def test_a_caption_writes_the_files_day(caption, day, writes):
    assert writes_day(caption, day) is writes


@pytest.mark.parametrize(("said", "taken", "apart"), [
    ("2025-10-14", "2025-10-14T23:59:00+08:00", 0),
    ("2025-10-16", "2025-10-14", 2),
    ("2025-10-12", "2025-10-14T01:00:00+09:00", 2),
    ("2025-10", "2025-11-02", 2),
    ("2025", "2025-10-14", 0),
    ("2025-10-16", "2025-10-14T23:30:00Z", 1),            # UTC: perhaps already the 15th where it was taken
    ("2025-10-13", "2025-10-14T11:00:00+00:00", 0),       # ... or still the 13th, west of Greenwich
    ("2025-10-16", "not a date", 0),
])
def test_days_apart_honours_the_files_zone(said, taken, apart):
    assert days_apart(said, taken) == apart


def test_local_days_of_a_utc_time_span_the_zones():
    first, last = local_days("2025-10-14T05:00:00Z")
    assert (first.isoformat(), last.isoformat()) == ("2025-10-13", "2025-10-14")


def test_names_any_wants_whole_words_at_the_most_precise_level():
    assert names_any("Fans in Hefei cheer.", {"city": "Hefei", "country": "China"}) is True
    assert names_any("Fans in Hefeixi cheer.", {"city": "Hefei"}) is False
    assert names_any("Fans in China cheer.", {"city": "Hefei", "country": "China"}) is False
    assert names_any("Fans in Anhui cheer.", {"province": "Anhui", "country": "China"}) is True


@pytest.mark.parametrize(("table", "says"), [
    ({"severity": {"killed": "maybe"}}, "say block, warn or off"),
    ({"severity": {"killd": "block"}}, "names no check killd"),
    ({"restricted": {"editorial": "warn"}}, "names no kind editorial"),
    ({"place_km": "far"}, "place_km must be a number"),
    ({"colour": "red"}, "unknown key(s) in [check]: colour"),
])
def test_a_bad_check_table_is_refused_with_the_file_named(table, says):
    from catalog.checkrules import validate_table

    with pytest.raises(CatalogError, match=re.escape(says)) as raised:
        validate_table(table, "house.toml")
    assert "house.toml" in str(raised.value)


def test_the_restriction_kinds_are_named_alike_in_both_places():
    from catalog.checkrules import RESTRICTION_KINDS
    from catalog.metadata.restrictions import KINDS

    assert RESTRICTION_KINDS == tuple(KINDS)


def _telling_words_word_by_word(rules, text: str) -> set[str]:
    """The way telling words were found before one pattern did it: each word of letters against each need."""
    needs = tuple({need for rule in rules.rules for need in rule.needs})
    return {word for word in re.findall(r"[A-Z]+", text.upper()) if word.startswith(needs)}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("EDITORIAL USE only, no SALES; JAPAN OUT. embargoed—KILLmags1 'é\n")),
               max_size=80))
def test_the_one_pattern_finds_the_same_telling_words(text):
    from catalog.metadata.restrictions import default_restriction_rules

    rules = default_restriction_rules()
    assert rules.telling_words(text) == _telling_words_word_by_word(rules, text)


def test_a_catalogue_from_before_0006_is_read_again_at_its_next_import(db_url, samples):
    from alembic import command
    from sqlalchemy import select

    from catalog.library import Library
    from catalog.models import Photo
    from tests.test_migrations_safety import _alembic

    lib = Library.open(db_url)
    assert lib.import_paths([str(samples)]).added == 3
    lib.close()
    _alembic(db_url, command.downgrade, "0004")  # as the release before this one left it
    lib = Library.open(db_url)  # upgraded again
    try:
        with lib.session() as session:
            assert set(session.scalars(select(Photo.sidecar_mtime_ns))) == {-1}
            assert set(session.scalars(select(Photo.check_facts))) == {None}
        report = lib.import_paths([str(samples)])
        assert (report.updated, report.unchanged) == (3, 0)
        with lib.session() as session:
            assert None not in list(session.scalars(select(Photo.check_facts)))
        assert lib.import_paths([str(samples)]).unchanged == 3  # and then it is left alone
    finally:
        lib.close()

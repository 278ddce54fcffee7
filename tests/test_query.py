"""The search language, parsed without a database: terms, grouping, negation, errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from catalog.errors import QueryError
from catalog.query import DateTerm, FlagTerm, PlaceTerm, TokenTerm, parse, split_terms


@pytest.mark.parametrize(
    "args, terms",
    [
        (["in:Gansu"], ["in:Gansu"]),
        (["by:Zhang Dagang"], ["by:Zhang Dagang"]),
        (['by:"Zhang Dagang" in:Hefei'], ["by:Zhang Dagang", "in:Hefei"]),
        (["in:Hefei taken:2025"], ["in:Hefei", "taken:2025"]),
        (["bullet train"], ["bullet train"]),
        (['"bullet train"'], ["bullet train"]),
        (["  "], []),
        (["in:Xi'an"], ["in:Xi'an"]),
    ],
)
def test_split_terms(args, terms):
    assert split_terms(args) == terms


def test_field_terms_become_query_objects():
    query = parse(["in:Gansu,Anhui", "-in:Hefei", "taken:2025-08..2025-10", "by:Xu", "credit:Xinhua", "conflicts:yes"])
    kinds = [type(t) for t in query.terms]
    assert kinds == [PlaceTerm, PlaceTerm, DateTerm, TokenTerm, TokenTerm, FlagTerm]
    place, not_hefei, taken, by, credit = query.terms[:5]
    assert place.names == ["anhui", "gansu"] and not place.negated  # as stated: no gazetteer was given
    assert not_hefei.negated and not_hefei.names == ["hefei"]
    assert (taken.start, taken.end) == ("2025-08-01", "2025-10-31")
    assert by.groups == [[("photographer", "xu")]]
    assert credit.groups == [[("agency", "agency:xinhua")]]  # an agency of the registry, not a word


def test_by_and_credit_match_whole_tokens_in_any_order_and_script():
    def groups(term):
        return parse([term]).terms[0].groups

    assert groups('by:"dagang zhang"') == groups("by:Zhang Dagang") == groups("by:张大刚") == [
        [("photographer", "dagang"), ("photographer", "zhang")]]
    assert groups("by:Li,Xu") == [[("photographer", "li")], [("photographer", "xu")]]
    assert groups("credit:新华社") == groups("credit:Xinhua") == groups("credit:Xinhua News Agency")
    assert groups("credit:AP") == [[("agency", "agency:ap")]]
    assert groups('credit:"Big Newspaper"') == [[("credit", "big"), ("credit", "newspaper")]]
    with pytest.raises(QueryError, match="needs a name"):
        parse(["by:..."])


def test_place_terms_mean_entities_when_the_gazetteer_is_asked():
    from catalog.entities import search_keys

    def term(text):
        return parse([text], place_keys=search_keys).terms[0]

    assert term("in:USA").keys == term("in:US").keys == term('in:"United States"').keys == term("in:美国").keys \
        == ["country:US"]
    assert term("in:合肥").keys == term("in:Hefei").keys == ["city:1808722"]
    assert term("in:CN-AH").keys == term("in:Anhui").keys == ["province:CN-AH"]
    assert "province:CA-ON" in term("in:Ontario").keys and term("in:Ont").keys == ["province:CA-ON"]
    assert term("country:Georgia").keys == ["country:GE"] and term("province:Georgia").keys == ["province:US-GA"]
    georgia = term("in:Georgia")
    assert georgia.keys == ["country:GE", "province:US-GA"]
    assert [label for _, _, label in georgia.meanings] == ["Georgia (country)", "Georgia, United States"]
    assert term("in:USA").meanings == []
    venue = term('in:"Luogang Park"')  # the gazetteer knows no such place: matched as stated
    assert venue.keys == [] and venue.names == ["luogang park"]
    assert term("in:Hefei").sublocations == ["hefei"] and term("city:Hefei").sublocations == []


def test_words_are_folded_and_grouped():
    query = parse(["Kraków", "-train", "bullet train"])
    assert [(w.words, w.negated, w.phrase) for w in query.words] == [
        (["krakow"], False, False), (["train"], True, False), (["bullet", "train"], False, True)]


def test_near_with_coordinates_and_within():
    query = parse(["near:31.82,117.23", "within:20km"])
    assert (query.near.lat, query.near.lon, query.near.km) == (31.82, 117.23, 20.0)
    assert parse(["near:31.82,117.23"]).near.km == 50.0
    assert parse(["near:0,0", "within:500m"]).near.km == 0.5


@pytest.mark.parametrize(
    "term, message",
    [
        ("taken:2025-13", "not a real date"),
        ("colour:red", "unknown field"),
        ("in:", "needs a value"),
        ("conflicts:maybe", "yes or no"),
        ("within:5km", "needs a near"),
        ("near:91,0", "latitude"),
        ("within:lots", "distance"),
        ("!!!", "no letters"),
    ],
)
def test_errors_point_at_the_term(term, message):
    with pytest.raises(QueryError) as caught:
        parse([term] if term != "within:5km" else ["within:5km"])
    assert message in str(caught.value)
    assert caught.value.term.split(":")[0] in term


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=4))
def test_any_input_parses_or_raises_a_query_error(args):
    try:
        parse(args)
    except QueryError as error:
        assert str(error)

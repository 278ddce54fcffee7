"""English cities read by who is where (catalog/captions/city_reading.py): when no place phrase gives a city, the one
city a caption's sentences put the photo in, and the cities they name as someone's home, a point of reference or a
route, which give none. Captions written for these tests; the fit's tool (tools/city_reading.py) on rows made up here.
"""

from __future__ import annotations

from collections import Counter

import pytest

from catalog.captions import parse
from catalog.captions.city_reading import SIGNALS, named_cities, read_city, signals, weights
from tools import city_reading as fit


def city(text: str) -> str | None:
    return parse(text).location.city


@pytest.mark.parametrize("text, expected", [
    # the subject of a verb in the present, opening a clause: the city itself, seen now
    ("Skyscrapers to cranes, Nairobi wakes to a thick fog this morning.", "Nairobi"),
    ("Rooftops and minarets: Cairo bakes under a heavy heat today.", "Cairo"),
    # after "at" in the first sentence, written again
    ("A jockey poses at Kisumu racecourse in June 2015. Racing has been held at Kisumu for a century.", "Kisumu"),
    # the only city named, a large one, written twice, under a heading that places nothing
    ("Evening light\n\nPorters carry the catch past the old fish market gates; Karachi eats well tonight, and "
     "Karachi sleeps late.", "Karachi"),
])
def test_the_city_the_sentences_put_the_photo_in(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text", [
    # a point of reference, in one mention: every mention is one
    "A field of rice lies flooded some 40 km north of Nairobi. Heavy rain fell on Nairobi again, the worst in years.",
    # someone's home
    "The Nairobi-born singer waves to fans at a stadium. Nairobi turned out to greet her.",
    # a route
    "A freight train runs on the Nairobi to Mombasa line at dawn, as it has for years.",
    # two cities named: neither is the only one
    "Skyscrapers to cranes, Nairobi wakes to a thick fog this morning, as Cairo bakes.",
    # a team
    "Commuters wait for a bus as Toronto fans celebrate. Toronto won the cup.",
])
def test_a_city_named_for_something_else_gives_none(text):
    assert city(text) is None


@pytest.mark.parametrize("text, expected", [
    # the city's own country written after it with a comma, in a title line whose first words place nothing
    ("Harvest Festival, Kano, Nigeria | A man rides a horse past the palace gates.", "Kano"),
    ("Night market stalls, Hanoi, Vietnam\n\nVendors light their lamps as the crowds arrive.", "Hanoi"),
    ("Morning prayers, Lahore, Pakistan | Worshippers gather at dawn.", "Lahore"),
    # a chain of places that the readers give only a venue, a province and a country of
    ("Tennis - Open Championships - Flushing Meadows, New York, United States - August 30, 2023. A fan waves a "
     "flag.", "New York"),
    # the chain read, not the sentence's full stop after it
    ("Tea stalls at dawn, Nairobi, Kenya. Traders wait for the first boats.", "Nairobi"),
])
def test_a_city_its_own_country_or_province_follows(text, expected):
    assert city(text) == expected


@pytest.mark.parametrize("text", [
    # a person's home: an appositive's "of" after the name, or after the age
    "Amina Bello, 31, of Kano, Nigeria, sells tea at a market stall in the rain.",
    "Amina Bello, of Kano, Nigeria, sells tea at a market stall in the rain.",
    # another country's name after the city: no chain of its places
    "Harvest Festival, Kano, Ghana | A man rides a horse past the palace gates.",
])
def test_a_chain_that_names_a_home_or_another_country_gives_none(text):
    assert city(text) is None


def test_a_city_of_another_country_than_the_one_read_is_not_taken():
    text = "Skyscrapers to cranes, Nairobi wakes to a thick fog this morning."
    assert read_city(text) == "Nairobi"
    assert read_city(text, "TZ") is None
    assert read_city(text, "KE") == "Nairobi"


@pytest.mark.parametrize("text, names", [
    # a sentence's full stop inside a run of capitalised words, and a possessive owning a name, cut the run
    ("Flooded fields north of Nairobi. Heavy rain fell.", ["Nairobi"]),
    ("Likely the best-known view: Samarkand's Registan at dawn.", ["Samarkand"]),
    # not a short word's full stop ("St. Petersburg"), nor a month
    ("Crowds in St. Petersburg in March.", ["St. Petersburg"]),
])
def test_the_cities_named(text, names):
    assert [name for name, _, _ in named_cities(text)] == names


@pytest.mark.parametrize("text, on", [
    ("Skyscrapers to cranes, Nairobi wakes to a thick fog.", {"subject", "alone", "large"}),
    ("A man sells tea in Nairobi on Monday, as he has for years.", {"first_in", "alone", "large"}),
    ("Nairobi\n\nA man sells tea on a corner, as he has for years.", {"opening", "alone", "large"}),
    ("A herd grazes 40 km south of Kisumu, as it has for years.", {"reference", "alone"}),
    ("A train runs from Kisumu to Nairobi, as it has for years.", {"route"}),
    ("The Ruler of Nairobi greets guests, as he has for years.", {"home", "alone", "large"}),
    ("A fiesta in San Ignacio de Moxos, as there has been for years.", {"first_in", "longer", "alone"}),
    ("Harvest Festival, Kisumu, Kenya | A man rides past.", {"chain", "alone"}),
    ("Harvest Festival, Kisumu, western Kenya | A man rides past.", {"chain", "alone"}),
    ("Harvest Festival, Kisumu, Ghana | A man rides past.", {"alone"}),
    ("Tea stalls, Kisumu, Kenya. Traders wait for the boats.", {"chain", "alone"}),
    ("Amina Bello, 31, of Kisumu, Kenya, sells tea.", {"chain", "home", "alone"}),
])
def test_the_signals_of_a_named_city(text, on):
    found = named_cities(text)
    assert {k for k, v in signals(text, found)[0].items() if v} == on


def test_every_signal_has_a_shipped_weight_and_none_alone_reaches_the_threshold():
    w = weights()
    assert set(SIGNALS) <= set(w)
    assert all(w[name] < w["threshold"] for name in SIGNALS)


def _row(key: int, outcome: str, *on: str) -> fit.Row:
    reading = fit.Reading("Quorvabad", 0, 9, outcome, {name: int(name in on) for name in SIGNALS})
    return fit.Row(f"made-up:{key}", "", None, [reading], key)


def test_the_fit_takes_a_kind_that_gains_and_leaves_one_that_loses():
    rows = [_row(k, "gain", "subject", "alone", "large") for k in range(10)]
    rows += [_row(10 + k, "loss", "reference", "alone", "large") for k in range(10)]
    weights_, threshold = fit.fit(rows)
    counts = fit.outcomes(rows, weights_, threshold)
    assert counts == Counter(gain=10)
    total, each = fit.out_of_fold(rows, 5)
    assert total["gain"] == 10 and not total["loss"] and len(each) == 5


def _cities_read_plainly(text: str) -> list[tuple[str, int, int]]:
    """`named_cities` as it reads without its shortcuts: every run cut at its stops, every piece asked."""
    from catalog.captions import city_reading as reading
    from catalog.captions.gazetteer import name_levels

    found = []
    for run in reading._RUN.finditer(text):
        written = run.group()
        cuts = [0, *(m.end() for m in reading._STOP.finditer(written)), len(written)]
        for a, b in zip(cuts, cuts[1:]):
            name = written[a:b].rstrip(" \t.,").removesuffix("’s").removesuffix("'s").removesuffix("`s")
            if name and name.casefold() not in reading._CALENDAR:
                known = name_levels(name)
                if known.city_population and not known.country:
                    found.append((name, run.start() + a, run.start() + a + len(name)))
    return found


#: Captions whose runs of capitals take each shortcut of `named_cities`: one word, several words with no stop or
#: apostrophe (read whole), with a stop or a possessive inside (cut), tabs between words, a month, none at all.
_RUNS = [
    "Flooded fields north of Nairobi. Heavy rain fell on Nairobi again.",
    "Likely the best-known view: Samarkand’s Registan at dawn, and Samarkand`s old town.",
    "Crowds in St. Petersburg in March, as Kisumu\tNairobi traders wait.",
    "Fans of Nairobi United FC cheer as Cairo Tower lights up in Cairo.",
    "a quiet lane with no name at all, at dusk.",
    "MOMBASA, KENYA. Dhows sail past Fort Jesus. Mombasa's harbour is busy.",
]


@pytest.mark.parametrize("text", _RUNS)
def test_the_cities_named_are_those_a_plain_reading_finds(text):
    from catalog.captions import city_reading as reading

    reading._cities_in_run.cache_clear()
    assert named_cities(text) == _cities_read_plainly(text)
    assert named_cities(text) == _cities_read_plainly(text)  # (the runs' answers kept)


@pytest.mark.parametrize("text", [
    *_RUNS,
    "Skyscrapers to cranes, Nairobi wakes to a thick fog this morning.",
    "A man sells tea in Nairobi on Monday, as he has for years.",
    "IN Nairobi the market opens early; at\tKisumu it closes late.",
    "x|In Nairobi vendors sell tea, as they have for years.",
    "Harvest Festival, Kano, Nigeria | A man rides a horse past the palace gates.",
])
def test_the_cheap_test_never_refuses_a_signal_the_sentence_shows(text):
    """`read_city` refuses a caption before cutting its sentences when no city could reach the threshold; the
    subject's verb and the word "in" or "at" it looks for then hold wherever `_for` reads them in the sentence."""
    from catalog.captions import city_reading as reading

    found = named_cities(text)
    names = Counter(name.casefold() for name, _, _ in found)
    spans = reading._sentences(text)
    first_prose = next((s for s in spans if reading._prose(text, s)), None)
    for city_ in found:
        read = reading._for(text, city_, spans, first_prose, names)
        assert not read["subject"] or reading._could_be_subject(text, city_[2])
        assert not read["first_in"] or reading._could_follow_in(text, city_[1])
        assert not read["chain"] or text[city_[2]:city_[2] + 1] == ","

"""Values the caption parser must not take wrong (issue 14, precision): captions written for these tests, one
row per kind of wrong value that a reader used to take, with the value it now takes (or leaves out)."""

from __future__ import annotations

import pytest

from catalog.captions import parse


def found(text: str) -> dict:
    facts = parse(text)
    got = {"photographer": facts.credit.photographer, "agency": facts.credit.agency,
           "provider": facts.credit.provider, "date": facts.date, "date_kind": facts.date_kind}
    got.update(vars(facts.location))
    return got


#: (why, caption, the fields expected)
TAKEN = [
    # --- a provider of several sources joined by slashes: the first, the one that hands the picture out ----------
    ("a space agency and two partners",
     "The rover's tracks wind across the dunes of the crater floor. Photo: NASA/JPL/Brown University",
     {"provider": "NASA", "photographer": None, "agency": None}),
    ("an image credit of three bodies",
     "Ice geysers rise from the moon's south pole. Image: NASA/JPL-Caltech/Southwest Research Institute",
     {"provider": "NASA"}),
    ("two agencies in closing brackets",
     "The probe's camera catches the asteroid's shadow. (Photo: JAXA/ESA)",
     {"provider": "JAXA"}),
    ("sources parted by commas stay as the credit writes them",
     "Smoke from the fires drifts over the coast. (NASA Earth Observatory, MODIS via AP)",
     {"provider": "NASA Earth Observatory, MODIS", "agency": "AP"}),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in TAKEN], ids=[case[0] for case in TAKEN])
def test_values_taken(text, expected):
    got = found(text)
    assert {k: got[k] for k in expected} == expected, got


#: A brand the registry held as another agency's alias, labelled under its own name as the credit writes it.
BRANDS = [
    ("a sport desk's brand after its photographer",
     "A goalkeeper dives for the ball in the second half. Mandatory Credit: Dana Morrow-USA TODAY Sports",
     {"photographer": "Dana Morrow", "agency": "USA TODAY Sports"}),
    ("its owner written as itself stays its owner",
     "A goalkeeper dives for the ball in the second half. Mandatory Credit: Dana Morrow-Imagn Images",
     {"photographer": "Dana Morrow", "agency": "Imagn Images"}),
    ("a broadcaster's news channel in an English credit",
     "Rescue teams search the collapsed bridge on Tuesday. (Photo/CCTV News)",
     {"agency": "CCTV News"}),
    ("the broadcaster itself",
     "Rescue teams search the collapsed bridge on Tuesday. (Photo/CCTV)",
     {"agency": "CCTV"}),
    ("a broadcaster by the name it credits with",
     "Protesters march through the city centre on Sunday. Photo: DW/Dana Morrow",
     {"photographer": "Dana Morrow", "agency": "DW"}),
    ("the same broadcaster written out",
     "Protesters march through the city centre on Sunday. (Photo: Deutsche Welle)",
     {"agency": "DW"}),
    ("a paper's short name and its word for pictures, known whole to the registry",
     "Devotees carry the idol through the old city's lanes on Friday. (Express photo)",
     {"agency": "The Indian Express", "photographer": None}),
    ("an outlet the registry does not know keeps its name without the word",
     "Crowds fill the fairground on the last night. (Quorva Ledger photo)",
     {"agency": "Quorva Ledger"}),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in BRANDS], ids=[case[0] for case in BRANDS])
def test_brands_under_their_own_names(text, expected):
    got = found(text)
    assert {k: got[k] for k in expected} == expected, got


#: A photographer's own studio ("Name Photography") is the credit's outlet, as the sets label it: no person.
STUDIOS = [
    ("a studio alone in closing brackets",
     "Volunteers plant oaks along the river path on Saturday. (Dana Morrow Photography)",
     {"photographer": None, "agency": "Dana Morrow Photography"}),
    ("a studio after a lead-in and a copyright sign",
     "The lighthouse keeper's cottage after its restoration. Photograph: © Owen Pryce Photography",
     {"photographer": None, "agency": "Owen Pryce Photography"}),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in STUDIOS], ids=[case[0] for case in STUDIOS])
def test_studios_are_outlets(text, expected):
    got = found(text)
    assert {k: got[k] for k in expected} == expected, got


#: A sentence's full stop beside a photographer's name is no part of it; an initial's stop and "Jr." are.
STOPS = [
    ("a stop after the name before a file tag",
     "Fans cheer in the first half in Kansas City, Mo. (AP Photo/Dana Morrow. File)",
     {"photographer": "Dana Morrow", "agency": "AP"}),
    ("a town and its stop before the name",
     "A man waits outside the old fort museum. Tuesday, March 6th, 2018. Ajman. Dana Morrow / The Gulf Herald",
     {"photographer": "Dana Morrow"}),
    ("an initial's stop stays",
     "Crews clear the road after the storm. (AP Photo/Dana K.)",
     {"photographer": "Dana K."}),
    ("a junior's stop stays",
     "Crews clear the road after the storm. (AP Photo/Dana Morrow Jr.)",
     {"photographer": "Dana Morrow Jr."}),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in STOPS], ids=[case[0] for case in STOPS])
def test_stops_beside_a_name(text, expected):
    got = found(text)
    assert {k: got[k] for k in expected} == expected, got


#: "Name/via REUTERS" is "Name via REUTERS": the agency after "via" sends the picture on, whatever is before it.
SENT_ON = [
    ("an agency and its photographer, sent on after a slash",
     "Children wait to break the fast near a mosque in Palu, Indonesia, April 13, 2021. "
     "Antara Foto/Dana Morrow/via REUTERS",
     {"photographer": "Dana Morrow", "agency": "Reuters"}),
    ("an agency alone, sent on after a slash: no provider",
     "Leaders open the party congress in Aalborg, Denmark, September 18, 2021. Ritzau Scanpix/via REUTERS",
     {"agency": "Reuters", "provider": None}),
    ("a zoo's picture sent on after a slash stays the provider",
     "Two red pandas play in the first snow of the winter. (Quorva Zoo/via AP)",
     {"agency": "AP", "provider": "Quorva Zoo"}),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in SENT_ON], ids=[case[0] for case in SENT_ON])
def test_sent_on_after_a_slash(text, expected):
    got = found(text)
    assert {k: got[k] for k in expected} == expected, got


#: A house's word for a supplied picture, in pinyin ("Ti Gong", 提供): the provider as written, no outlet.
SUPPLIED = [
    ("after the photographer on a line of its own",
     "Dana Morrow / Ti Gong\n\nChildren ride a rice transplanter with a farmer in the fields of a suburban town.",
     {"photographer": "Dana Morrow", "agency": None, "provider": "Ti Gong"}),
    ("alone on the first line",
     "Ti Gong\n\nVolunteers from the university help visitors at the lantern festival.",
     {"photographer": None, "agency": None, "provider": "Ti Gong"}),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in SUPPLIED], ids=[case[0] for case in SUPPLIED])
def test_a_word_for_supplied(text, expected):
    got = found(text)
    assert {k: got[k] for k in expected} == expected, got

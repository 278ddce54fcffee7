"""Property tests: parse() never raises, and what it returns is always well formed."""

from __future__ import annotations

import datetime
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from catalog.captions import parse
from catalog.captions.vocabulary import COUNTRY_ALIASES

# Fragments in the shapes captions use, so the generated text reaches deep into every reader.
FRAGMENTS = [
    "(Xinhua/Li Xin)", "(Photo/Zhang Dagang)", "[Photo by Wang Jing/China Daily]",
    "(Photo provided by the CNSA)", "(AP Photo/Andy Wong, File)", "REUTERS/Go Nakamura/File Photo",
    "ATTENTION EDITORS", "EPA-EFE/WU HAO", "(Photo by VCG/VCG via Getty Images)", "© Geoff ROBIN / AFP",
    "Image copyrightAFPImage caption", "Photo: NASA", "/ China OUT", "Handout via REUTERS",
    "in Hefei, east China's Anhui province,", "at the Luogang Park",
    "in Zhongchuan township, Lanzhou New Area,", "in Rome, New York", "Oct. 14, 2025",
    "Tuesday, March 4, 2014", "19 January 2023", "Sept. 31, 2025", "Feb. 29, 2023", "Oct. 1-7, 2025",
    "released on", "taken on", "undated", "in 1937", "in August 2022", "yesterday", "on Thursday", "(L)",
    "(1368-1644)", "(D-CA)", "by police", "URUMQI, Sept. 22, 2023 (Xinhua) --",
    "BEIJING, CHINA - OCTOBER 14:", "MOSCOW (Reuters) -",
    "of the", "'s", "’s", ",", ".", "\n", "(", ")", "[", "]", "/", " via ",
    "Province of China", "Autonomous Region", "40km from", "capital of", "Xincheng County of Laibin City",
    "the ancient town of", "Beijing's northern suburb", "and", "UAE",
]
captions = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=14).map(" ".join)
ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def squeeze(text: str) -> str:
    """Spaces collapsed and case folded: "BEIJING, CHINA - ..." gives the city "Beijing"."""
    return re.sub(r"\s+", " ", text).casefold()


def valid_iso(value: str) -> bool:
    if not ISO.fullmatch(value):
        return False
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        datetime.date(*parts)  # raises if the day does not exist
    return len(parts) < 2 or 1 <= parts[1] <= 12


def check(text: str) -> None:
    facts = parse(text)
    assert facts.text == text
    credit, place = facts.credit, facts.location
    if credit.raw is not None:
        assert credit.raw and credit.raw in text
    for date in (facts.date, facts.released):
        assert date is None or valid_iso(date), date
    assert facts.date_kind in (None, "taken", "released")
    if facts.date is None and facts.date_text is None:
        assert facts.date_kind is None
    if facts.date is not None:
        assert facts.date_text is None and facts.date_kind is not None
    if facts.date_kind == "released" and facts.date:
        assert facts.released == facts.date
    if facts.description is not None:
        assert facts.description.strip() and len(facts.description) <= len(text)
    written = squeeze(text.replace("’", "'"))
    for value in (place.sublocation, place.city, place.province):
        assert value is None or squeeze(value.replace("’", "'")) in written, value
    country = place.country
    assert country is None or squeeze(country) in written or country in COUNTRY_ALIASES.values()


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_any_text(text):
    check(text)


@settings(max_examples=600, deadline=None)
@given(captions)
# Found by this test: a day the confidence gate leaves out (a date on a line of its own, another day written)
# kept its kind "taken" with no date at all.
@example("Oct. 14, 2025 Tuesday, March 4, 2014")
@example("Oct. 14, 2025 in August 2022")
# A wire story's dateline ("MOSCOW (Reuters) - ...") has no date group: parse raised IndexError on it.
@example("MOSCOW (Reuters) - A man walks on Red Square.")
# A name on one line and an agency on the next: the raw credit was joined with " / ", not the text as written.
@example("A\rÆ\nAA")
# One country written twice: the first was read as a region of the second, under the country's standard name
# ("United Arab Emirates", a province not written in the caption).
@example("UAE , UAE")
# A "#" glued to a word was read as a hashtag's mark and blanked: "town of 0#À" gave the city "0 À", not written.
@example("the ancient town of 0#À")
def test_caption_like_text(text):
    check(text)

"""``parse(text)``: a caption's credit, date and place, each found by its own reader.

The readers run in this order because each narrows the text for the next: the credit and the wire
dateline are cut out first (so "(Xinhua)" and "URUMQI, Sept. 22, 2023" are not read as the scene), then
the dates are found and the photo's date chosen, then the place is read from the sentence that holds
that date.
"""

from __future__ import annotations

import re

from catalog.captions.chinese import language, parse_chinese
from catalog.captions.notcaptions import compile_rules, house_rules, not_a_caption
from catalog.captions.credits import Found, find_credit, photographer_in_text
from catalog.captions.dates import Dateline, choose_dates, find_dateline, find_dates
from catalog.captions.locations import find_place, place_from_dateline
from catalog.captions.rules import Rules, default_rules
from catalog.captions.text import blank, sentences
from catalog.captions.types import CaptionFacts, Place

_UNDATED = re.compile(r"\bundated\b", re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")


def parse(text: str, rules: Rules | None = None, *, places: bool = True, dates: bool = True) -> CaptionFacts:
    """What a caption says about its photo: credit, date and place, as written (never guessed).

    `rules` are the house rules for agency names (``load_rules()``); the shipped default when None.
    `places=False` skips reading the place (half the work) for a caller that will not use it, such as the
    importer when the file states its place itself; `dates=False` likewise skips the dates (only together
    with `places=False`: the place is read from the sentence that holds the date).

    >>> facts = parse("A bullet train crosses the Gobi in Zhongchuan township, Lanzhou New Area, "
    ...               "northwest China's Gansu province, Aug. 3, 2025. (Photo/Xu Gang)")
    >>> facts.credit.photographer, facts.date, facts.date_kind, facts.location.province
    ('Xu Gang', '2025-08-03', 'taken', 'Gansu')
    """
    rules = rules or default_rules()
    if not text or not text.strip():
        return CaptionFacts(text=text)
    written_in = language(text)
    why = not_a_caption(text, compile_rules(house_rules(rules.not_captions)))
    if why is not None:
        facts = CaptionFacts(text=text, language=written_in)
        facts.notes.append(f"not a caption ({why}): nothing is read from it")
        return facts
    if written_in == "zh":
        facts = parse_chinese(text, rules, places=places, dates=dates)
        facts.language = "zh"
        return facts
    facts = _parse_english(text, rules, places=places, dates=dates)
    if written_in == "mixed":
        facts = _merged(facts, parse_chinese(text, rules, places=places, dates=dates))
    facts.language = written_in
    return facts


def _merged(english: CaptionFacts, chinese: CaptionFacts) -> CaptionFacts:
    """A caption with a Chinese and an English part: each field from the part that states it, the Chinese
    credit first (its names are the ones as written), the English date and place first."""
    facts = english
    if chinese.credit.photographer or chinese.credit.agency or chinese.credit.provider:
        if not (english.credit.photographer and english.credit.agency):
            facts.credit = chinese.credit
    if facts.date is None and facts.date_text is None and (chinese.date or chinese.date_text):
        facts.date, facts.date_kind, facts.date_text, facts.released = (
            chinese.date, chinese.date_kind, chinese.date_text, chinese.released)
    if facts.location == Place():
        facts.location = chinese.location
    return facts


def _parse_english(text: str, rules: Rules, *, places: bool, dates: bool) -> CaptionFacts:
    """The English reader (see parse)."""
    facts = CaptionFacts(text=text)
    work = text  # the text the readers see: same offsets, with the credit and dateline blanked out
    found = find_credit(text, rules)
    if found is not None:
        facts.credit = found.credit
        work = blank(work, found.cut_start, found.cut_end, mark="\n")
    dateline = find_dateline(work)
    if dateline is not None:
        work = blank(work, dateline.start, dateline.end)
    facts.description = description(text, found)
    if facts.credit.photographer is None:
        facts.credit.photographer = photographer_in_text(work, rules)

    if not (places or dates):
        return facts  # the credit is all the caller wants
    paragraphs = [(m.start(), m.end()) for m in _LINE.finditer(work) if m.group().strip()]
    spans = sentences(work)
    found_dates = choose_dates(find_dates(work, spans), paragraphs, undated=bool(_UNDATED.search(work)),
                               spans=spans)
    facts.date, facts.date_kind, facts.date_text, facts.released = (
        found_dates.date, found_dates.date_kind, found_dates.date_text, found_dates.released,
    )
    if places:
        anchor = found_dates.anchor
        facts.location = find_place(work, spans, paragraphs, anchor and (anchor.start, anchor.end)).place
    if dateline is not None and dateline.scene:
        _use_scene_dateline(facts, dateline, places=places)
    return facts


def _use_scene_dateline(facts: CaptionFacts, dateline: Dateline, *, places: bool = True) -> None:
    """'SHANGHAI, CHINA - OCTOBER 14:' gives the place and the date when the text itself gives none."""
    if facts.date is None and facts.date_text is None and dateline.date_text:
        mention = next(iter(find_dates(dateline.date_text)), None)
        if mention is not None:
            facts.date, facts.date_kind = mention.iso, "taken"
            facts.date_text = None if mention.iso else mention.text
    if places and facts.location == Place():
        facts.location = place_from_dateline(dateline.place)


def description(text: str, found: Found | None) -> str | None:
    """The caption without its credit (and without the brackets and full stop around the credit)."""
    if found is None:
        return text.strip() or None
    before, after = text[: found.cut_start].rstrip(), text[found.cut_end:].lstrip()
    gap = text[found.cut_end: len(text) - len(after)]
    joiner = "\n\n" if "\n\n" in gap else "\n" if "\n" in gap else " "
    joined = (before + joiner + after) if before and after else before or after
    return joined.strip() or None

"""``parse(text)``: a caption's credit, date and place, each found by its own reader.

The readers run in this order because each narrows the text for the next: the credit and the wire
dateline are cut out first (so "(Xinhua)" and "URUMQI, Sept. 22, 2023" are not read as the scene), then
the dates are found and the photo's date chosen, then the place is read from the sentence that holds
that date.
"""

from __future__ import annotations

import html
import html.entities
import re
from collections.abc import Callable
from functools import cache

from catalog.captions.chinese import language, parse_chinese
from catalog.captions.city_reading import read_city
from catalog.captions.confidence import credit_kinds, date_kind, date_spot, gate, place_kinds
from catalog.captions.credit_names import outlet_in_text, provider_in_text
from catalog.captions.credits import Found, find_credit, photographer_in_text
from catalog.captions.dates import (
    DateFacts,
    Dateline,
    Mention,
    choose_dates,
    find_dateline,
    find_dates,
    open_order,
    slashed_day_first,
)
from catalog.captions.gazetteer import name_levels
from catalog.captions.locations import find_place, place_from_dateline
from catalog.captions.notcaptions import not_a_caption_under
from catalog.captions.place_capitals import check_capital_country
from catalog.captions.place_checks import (
    check_province,
    check_region,
    check_sides,
    check_state_named_as_country,
    check_town,
)
from catalog.captions.place_evidence import house_weights
from catalog.captions.rules import Rules, default_rules
from catalog.captions.text import blank, sentences
from catalog.captions.types import CaptionFacts, Credit, Place
from catalog.patterns import compiled

_UNDATED = compiled(r"\bundated\b", re.IGNORECASE)


def _undated(text: str) -> bool:
    """Whether the text says "undated" (a search without regard to case is slow in `re`: the letters are
    looked for first, in both cases the word is written in)."""
    return ("ndated" in text or "NDATED" in text) and _UNDATED.search(text) is not None
_LINE = compiled(r"[^\n]+")
#: A word in small letters after its capital, run into a capitalised word with no space ("Lyon County,
#: KansasThese young goats", "heavy rain in DunedinThursday, 3rd October"): where a line break was lost.
_GLUED_WORD = compiled(r"(?<![\w'’#@-])[A-Z][a-z]+(?=[A-Z][a-z])")  # (not in a hashtag: "#NoToPoverty")
_GLUED = compiled(r"[A-Z][a-z]+[A-Z]")  # (the cheap look first: a capital after small letters after one)
#: A place run into the next sentence is split from it only when the gazetteer knows it well (a country, a
#: province or state, a city of this many people): "LaMancha", "MacDonald", "NurPhoto" stay one word each.
GLUED_CITY = 100_000


def parse(text: str, rules: Rules | None = None, *, places: bool = True, dates: bool = True,
          explain: bool = False, known_caption: bool = False) -> CaptionFacts:
    """What a caption says about its photo: credit, date and place, as written (never guessed).

    `rules` are the house rules for agency names (``load_rules()``); the shipped default when None.
    `places=False` skips reading the place (half the work) for a caller that will not use it, such as the
    importer when the file states its place itself; `dates=False` likewise skips the dates (only together
    with `places=False`: the place is read from the sentence that holds the date). With `explain`, the
    facts' ``notes`` say why each value was taken and what was left out (``parse-caption --explain``).
    `known_caption` says the caller has already asked ``not_a_caption_under`` of this text under these
    rules and found it may be a caption (the record builder does, to mark the record), so it is not asked again.
    A value whose evidence is weaker than its field's threshold is left out (``confidence.py``).

    >>> facts = parse("A bullet train crosses the Gobi in Zhongchuan township, Lanzhou New Area, "
    ...               "northwest China's Gansu province, Aug. 3, 2025. (Photo/Xu Gang)")
    >>> facts.credit.photographer, facts.date, facts.date_kind, facts.location.province
    ('Xu Gang', '2025-08-03', 'taken', 'Gansu')
    """
    rules = rules or default_rules()
    if not text or not text.strip():
        return CaptionFacts(text=text)
    whole = len(text)
    text = within_reading_length(text)
    if "&" in text and ";" in text:
        text = decoded_references(text)
    written_in = language(text)
    why = None if known_caption else not_a_caption_under(text, rules)
    if why is not None:
        facts = CaptionFacts(text=text, language=written_in)
        facts.notes.append(f"not a caption: {why}; no credit, date or place is read from it")
        return facts
    if written_in == "zh":
        facts = parse_chinese(text, rules, places=places, dates=dates, explain=explain)
    else:
        facts = _parse_english(text, rules, places=places, dates=dates, explain=explain)
        if written_in == "mixed":
            # The Chinese part is read only for what _merged can take from it: its place where the English part
            # names no city, province or sublocation of its own, its date where the English part has none (its
            # credit always).
            place_wanted = places and not (_own_sublocation(facts) or facts.location.city or facts.location.province)
            date_wanted = dates and facts.date is None and facts.date_text is None
            chinese = parse_chinese(text, rules, places=place_wanted, dates=dates if place_wanted else date_wanted,
                                    explain=explain)
            facts = _merged(facts, chinese)
    facts.language = written_in
    gate(facts, rules, explain)
    if explain and whole > READING_LENGTH:
        facts.notes.insert(0, f"read as its first {HEAD_READ:,} and last {TAIL_READ:,} characters: the text is "
                              f"{whole:,} characters long, longer than any caption")
    if explain:
        facts.notes.insert(0, {"en": "language: English", "zh": "language: Chinese",
                               "mixed": "language: Chinese and English (each field from the part that states it)"}
                           [written_in])
    return facts


#: Longer than any caption (the longest of the labelled set's 11,000 is 1,167 characters): a text past this is
#: an article, a dump or a hostile file's field, and is read as its head, where the scene and its date are, and
#: its tail, where a credit is. Some readers' patterns take time that grows faster than the text (a word of
#: 8,000 letters with no space took seconds, 200,000 characters minutes): the bound keeps any one text cheap.
READING_LENGTH = 4_000
HEAD_READ, TAIL_READ = 3_000, 1_000


#: An HTML character reference, by number or by name, closed by its semicolon: a caption copied from a web page's
#: source or from a CMS's field keeps them ("AP Photo&#47; Ana Ruiz", "&#40;Xinhua&#41;", "Tom &amp; Jerry").
_REFERENCE = compiled(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});")


def decoded_references(text: str) -> str:
    """The text with its HTML character references written as the characters they stand for, so that a credit's
    slash and brackets are read as a slash and brackets. A name HTML does not know, or a bare "&" ("AT&T", "Q&A"),
    stays as it is.

    >>> decoded_references("&#40;AP Photo&#47; Ana Ruiz&#41; Tom &amp; Jerry, AT&T &notaname;")
    '(AP Photo/ Ana Ruiz) Tom & Jerry, AT&T &notaname;'
    """
    return _REFERENCE.sub(_character, text)


def _character(found: re.Match) -> str:
    """What one character reference stands for; a name HTML does not know whole stays written."""
    reference = found.group()
    if reference[1] != "#" and reference[1:] not in html.entities.html5:
        return reference  # ("&notaname;": html.unescape would read its head, "&not", as "¬")
    return html.unescape(reference)


def within_reading_length(text: str) -> str:
    """The text, or for a text longer than READING_LENGTH its first HEAD_READ and last TAIL_READ characters (cut
    at white space where there is some near the cut), as two paragraphs.

    >>> within_reading_length("Hefei. " * 2) == "Hefei. " * 2
    True
    >>> cut = within_reading_length("word " * 2_000 + "(Xinhua/Li Xin)")
    >>> len(cut) <= 4_002, cut.endswith("(Xinhua/Li Xin)"), "\\n\\n" in cut
    (True, True, True)
    """
    if len(text) <= READING_LENGTH:
        return text
    head, tail = text[:HEAD_READ], text[-TAIL_READ:]
    space = max(head.rfind(" "), head.rfind("\n"))
    if space > HEAD_READ // 2:
        head = head[:space]
    first = min((i for i in (tail.find(" "), tail.find("\n")) if i >= 0), default=-1)
    if 0 <= first < TAIL_READ // 2:
        tail = tail[first + 1:]
    return f"{head.rstrip()}\n\n{tail.lstrip()}"


def _merged(english: CaptionFacts, chinese: CaptionFacts) -> CaptionFacts:
    """A caption with a Chinese and an English part: each field from the part that states it, the Chinese
    credit first (its names are the ones as written), the English date and place first."""
    facts = english
    taken_from_chinese: tuple[str, ...] = ()
    if chinese.credit.photographer or chinese.credit.agency or chinese.credit.provider:
        if not (english.credit.photographer and english.credit.agency):
            facts.credit = chinese.credit
            taken_from_chinese += ("photographer", "agency", "provider")
    if facts.date is None and facts.date_text is None and (chinese.date or chinese.date_text):
        facts.date, facts.date_kind, facts.date_text, facts.released = (
            chinese.date, chinese.date_kind, chinese.date_text, chinese.released)
        taken_from_chinese += ("date", "date_kind")
    if facts.location == Place():
        facts.location = chinese.location
        taken_from_chinese += ("sublocation", "city", "province", "country")
    elif not (_own_sublocation(facts) or facts.location.city or facts.location.province) and (
            chinese.location.sublocation):
        # "梵净山,中国西南部 Mount Fanjing in southwest China": the English part names only the country, the
        # Chinese part the site
        facts.location.sublocation = chinese.location.sublocation
        taken_from_chinese += ("sublocation",)
    for name in taken_from_chinese:  # each value keeps the evidence of the part it came from
        facts.evidence.pop(name, None)
        if name in chinese.evidence:
            facts.evidence[name] = chinese.evidence[name]
    return facts


def _venues(rules: Rules):
    """The venue register in force (read on the first caption whose place is read, not when the parser is
    imported)."""
    return _register_for()(rules)


@cache
def _register_for():
    """`catalog.venues.register_for`, imported on the first call (an import statement run for every caption
    cost about a microsecond each time)."""
    from catalog.venues import register_for

    return register_for


def _own_sublocation(facts: CaptionFacts) -> bool:
    """Whether the English part names its sublocation itself, not only through the venue register (the Chinese
    part's site, as written, goes first then: "玉龙雪山，中国西南部 Jade Dragon Snow Mountain in southwest China")."""
    return bool(facts.location.sublocation) and "the venue register" not in facts.evidence.get("sublocation", "")


#: A camera's or an archive's file number glued to the word before it, as a page's caption field runs the
#: place into the picture's name ("Galle Road, ColomboA_07631", "Sunset over LimaIMG_2044"): capitals, an
#: underscore and four digits or more after a word in small letters. Blanked for the readers (same offsets).
_FILE_NAME_GLUED = compiled(r"(?<=[a-z])[A-Z]{1,4}_\d{4,}(?:_\w+)?(?:\.(?:jpe?g|JPE?G|png|PNG|tiff?|TIFF?))?\b")


def _blanked(match: re.Match) -> str:
    return " " * len(match.group())


def _parse_english(text: str, rules: Rules, *, places: bool, dates: bool, explain: bool = False) -> CaptionFacts:
    """The English reader (see parse)."""
    facts = CaptionFacts(text=text)
    note = facts.notes.append if explain else None
    work = text  # the text the readers see: same offsets, with the credit and dateline blanked out
    found = find_credit(text, rules)
    if found is not None:
        facts.credit = found.credit
        facts.evidence.update(credit_kinds("en", found.credit, found.spot, rules, strong=found.strong,
                                           shaped=found.shaped))
        work = blank(work, found.cut_start, found.cut_end, mark="\n")
        if note:
            note(credit_note(found, rules))
    elif (wire := _wire_of_the_dateline(text, rules)) is not None:
        facts.credit = Credit(raw=wire, agency=rules.standard_agency(wire))
        facts.evidence["agency"] = "en / text"
        if note:
            note(f"agency {facts.credit.agency!r}: the wire its dateline names ('TEHRAN ({wire}) –'), no credit else")
    elif note:
        note("credit: none found (no credit line, lead-in or known agency at the end, a line or brackets)")
    dateline = find_dateline(work)
    if dateline is not None:
        work = blank(work, dateline.start, dateline.end)
        if note and not dateline.scene:
            note(f"dateline {text[dateline.start:dateline.end].strip()!r} left out: when the story was filed, "
                 "not the photo's date or place")
    if "_" in work:
        work = _FILE_NAME_GLUED.sub(_blanked, work)  # "on Galle Road, ColomboA_07631": no "ColomboA_07631" town
    facts.description = description(text, found)
    if facts.credit.photographer is None:
        facts.credit.photographer = photographer_in_text(work, rules)
        if facts.credit.photographer:
            facts.evidence["photographer"] = "en / text"
        if note and facts.credit.photographer:
            note(f"photographer {facts.credit.photographer!r}: named in the text ('photo taken by ...')")
        if facts.credit.photographer and facts.credit.agency is None:
            facts.credit.agency = outlet_in_text(work, rules)  # "photographed for the Hull Courier by Ana Ruiz"
            if facts.credit.agency:
                facts.evidence["agency"] = "en / text"
            if note and facts.credit.agency:
                note(f"agency {facts.credit.agency!r}: named in the text ('photographed for ... by')")
    if facts.credit.provider is not None and facts.credit.raw and facts.credit.raw.rstrip().endswith(
            facts.credit.provider):
        # "AFP PHOTO /Queensland Fire" cut at "and" before a note: the text's "provided by the Queensland Fire and
        # Emergency Services" names the same body whole
        fuller = provider_in_text(work, rules)
        if fuller and fuller.startswith(facts.credit.provider + " "):
            facts.credit.provider = fuller
    if facts.credit.provider is None:
        facts.credit.provider = provider_in_text(work, rules)
        if facts.credit.provider:
            facts.evidence["provider"] = "en / text"
        if note and facts.credit.provider:
            note(f"provider {facts.credit.provider!r}: named in the text ('photo released by ...')")

    if not (places or dates):
        return facts  # the credit is all the caller wants
    paragraphs = [(m.start(), m.end()) for m in _LINE.finditer(work) if m.group().strip()]
    spans = sentences(work)
    mentions = find_dates(work, spans)
    found_dates = choose_dates(mentions, paragraphs, undated=_undated(work), spans=spans)
    scene_anchor = found_dates.anchor  # where the place is read: the text's own date, not the credit's
    in_credit = None
    if found is not None and found_dates.date is None and found_dates.date_kind != "released":
        in_credit = _date_in_credit(text, found)
        if in_credit is not None:
            found_dates = DateFacts(in_credit.iso, "taken", None, found_dates.released, None)
    facts.date, facts.date_kind, facts.date_text, facts.released = (
        found_dates.date, found_dates.date_kind, found_dates.date_text, found_dates.released,
    )
    if found_dates.date or found_dates.date_kind:
        anchor = found_dates.anchor
        spot: tuple[str, ...] = ()
        if anchor is not None and found_dates.date:
            date_line = next(((a, b) for a, b in paragraphs if a <= anchor.start < b), (anchor.start, anchor.end))
            others = any(m.has_year and m.iso != anchor.iso and m.cue != "background" for m in mentions)
            spot = date_spot(work, date_line, (anchor.start, anchor.end), others)
        kind = date_kind("en", "credit" if in_credit else "text", anchor.cue if anchor is not None else None,
                         found_dates.date, *spot)
        facts.evidence["date"] = facts.evidence["date_kind"] = kind
    if note:
        if in_credit is not None:
            note(f"date {in_credit.text!r} → {found_dates.date} (taken): written in the credit line, and the text "
                 "gives no date with a year")
        for line in date_notes(work, spans, found_dates):
            if in_credit is None or not line.startswith("date: none"):
                note(line)
    if places:
        anchor = scene_anchor
        at = (anchor.start, anchor.end) if anchor is not None else None
        weights = rules.built("place weights", lambda r: house_weights(r.place_weights))
        read = _countries_in_brackets(work) if "(" in work else work
        reading = find_place(read, spans, paragraphs, at, weights, _venues(rules))
        placed = reading.place
        if not (placed.sublocation or placed.city or placed.province or placed.country) and (
                split := _split_at_glued_places(read, spans)) is not spans:
            # (asked only when nothing was placed: the look for glued words costs a pass over the whole text)
            reading = find_place(read, split, paragraphs, at, weights, _venues(rules))
        facts.location = reading.place
        check_province(facts.location, note)
        check_sides(facts.location, work, note)
        check_region(facts.location, work, note)
        check_town(facts.location, note, work)
        check_capital_country(facts.location, work, note)
        check_state_named_as_country(facts.location, facts.credit.agency, note)
        facts.evidence.update(place_kinds("en", reading.how, reading.place, dict(reading.found_by)))
        if note:
            note(reading.place.note(reading.how, reading.written))
            for doubt in reading.doubts:
                note(str(doubt))
    if dates and places and facts.date is None and facts.date_text is None and open_order(work):
        _date_in_the_countrys_order(facts, work, paragraphs, spans)
    if dates and places and facts.date and "." in work:
        _dotted_date_in_the_countrys_order(facts, work)
    if dateline is not None and dateline.scene:
        _use_scene_dateline(facts, dateline, places=places)
    if places and facts.location.city is None:
        _city_by_who_is_where(facts, text, note)
    return facts


def _city_by_who_is_where(facts: CaptionFacts, text: str, note: Callable[[str], None] | None) -> None:
    """The city, when nothing else read one, of the cities the caption names, scored by who is where
    (``city_reading.read_city``): "Skyscrapers to highways, Dubai fights dusty weather today" is Dubai."""
    place = facts.location
    code = name_levels(place.country).country if place.country else None
    city = read_city(text, code)
    if city is None:
        return
    place.city = city
    facts.evidence["city"] = place_kinds("en", "who is where", place)["city"]
    if note:
        note(f"city {city!r}: of the cities the caption names, the one its sentences place the photo in (who is where)")


#: A wire's dateline opening a line: the town in capitals (maybe its date after a comma), the agency in brackets
#: and a dash: "TEHRAN (Tasnim) –", "MASHHAD (Quorva News) --".
_WIRE_DATELINE = compiled(r"(?m)^[ \t]*[A-Z][A-Z .'’-]{1,40}(?:,[^()\n]{1,40})?[ \t]*"
                          r"\((?P<wire>[A-Z][A-Za-z .]{1,30})\)[ \t]*(?:--|[-–—])[ \t]")

#: A wire's dateline with its agency unbracketed after the date: "NAHA, Japan, Aug. 13 Kyodo - ", "KOBE, Sept. 19
#: Quorva -" (the town in capitals, maybe its country, the month and day, maybe the year, the wire, a dash).
_WIRE_AFTER_THE_DATE = compiled(r"(?m)^[ \t]*[A-Z][A-Z .'’-]{1,40}(?:,[^()\n,]{1,40})?,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]*"
                                r"\d{1,2}(?:,[ \t]*\d{4})?[ \t]+(?P<wire>[A-Z][A-Za-z]{1,30})[ \t]*(?:--|[-–—])[ \t]")


def _wire_of_the_dateline(text: str, rules: Rules) -> str | None:
    """The agency a wire's dateline names, when the caption has no credit of its own: the story's and its
    picture's wire ("TEHRAN (Tasnim) – Crowds ..."); an agency the registry knows, within the first lines."""
    head = text[:400]
    match = _WIRE_DATELINE.search(head) if "(" in head else None
    if match is None:
        match = _WIRE_AFTER_THE_DATE.search(head)
    return match.group("wire") if match and rules.standard_agency(match.group("wire")) else None


#: A country's name in brackets right after a word: "Kyiv (Ukraine) December 14, 2018", "in Avdiivka (Ukraine)".
_BRACKETED_NAME = compiled(r"(?<=[\w.’'])\s\((?P<name>[A-Z][A-Za-z .'’-]{2,40})\)")


def _countries_in_brackets(work: str) -> str:
    """The text as the place readers see it, a country's name in brackets after a town written as after a comma
    ("Kyiv (Ukraine) December 14" -> "Kyiv, Ukraine  December 14", the same length): the bracket is the town's
    country, as "Kyiv, Ukraine" is. Brackets holding anything else (a gloss, "(L)", a name the gazetteer holds
    as no country) stay."""
    found = [match for match in _BRACKETED_NAME.finditer(work) if _after_a_name(work, match.start()) and (
        not match.group("name").replace(".", "").isupper()) and name_levels(match.group("name").strip()).country]
    # ("the Democratic Republic of the Congo (DRC)": a short form in capitals glosses the name before it; "walk to
    # school at dawn (Kenya)": after a word in small letters the bracket places the whole line, as it is read)
    if not found:
        return work
    pieces, at = [], 0
    for match in found:
        pieces += [work[at:match.start()], ", ", match.group("name"), " "]
        at = match.end()
    return "".join(pieces) + work[at:]


def _after_a_name(work: str, at: int) -> bool:
    """Whether the word ending at `at` opens with a capital, as a town's name does."""
    words = work[max(0, at - 40):at].split()
    return bool(words) and words[-1][:1].isupper()


def _date_in_the_countrys_order(facts: CaptionFacts, work: str, paragraphs: list[tuple[int, int]],
                                spans: list[tuple[int, int]]) -> None:
    """A caption whose only date is slashed with its order left open ("Quorva, Russia, 12/06/2010.") is dated once
    its place is read, in the order its country writes dates: 12 June there, December 6 in the United States."""
    day_first = slashed_day_first(_country_code(facts.location))
    if day_first is None:
        return
    mentions = find_dates(work, spans, day_first=day_first)
    found = choose_dates(mentions, paragraphs, undated=_undated(work), spans=spans)
    if found.date and found.date_kind == "taken" and found.anchor is not None and open_order(found.anchor.text):
        facts.date, facts.date_kind = found.date, "taken"
        facts.evidence["date"] = facts.evidence["date_kind"] = date_kind("en", "text", None, found.date)


#: A dotted date whose first two numbers may both be the month: "02.12.2021".
_OPEN_DOTS = compiled(r"(?<![\d.])(?P<first>0?[1-9]|1[0-2])\.(?P<second>0?[1-9]|1[0-2])\.(?P<year>(?:19|20)\d\d)\b")
#: What every such date holds, a figure, a stop, one or two figures, a stop and a century: the look for it skips to
#: the figures, where _OPEN_DOTS, opening with a look-behind, is tried at every character (a text without one is
#: let by at once: most captions).
_DOTTED_FIGURES = compiled(r"[0-9]\.[0-9]{1,2}\.(?:19|20)")


def _dotted_date_in_the_countrys_order(facts: CaptionFacts, work: str) -> None:
    """A dotted date is read day first, as Europe writes it ("30.04.2019"); one whose numbers leave the order open
    ("Date Taken: 02.12.2021") is month first when the caption's place is in a country that writes dates so (a
    base in North Carolina: February 12, not 2 December), as a slashed one is (`_date_in_the_countrys_order`)."""
    if _DOTTED_FIGURES.search(work) is None:
        return
    for match in _OPEN_DOTS.finditer(work):
        first, second, year = int(match["first"]), int(match["second"]), int(match["year"])
        if first != second and f"{year}-{second:02d}-{first:02d}" == facts.date:
            if slashed_day_first(_country_code(facts.location)) is False:
                facts.date = f"{year}-{first:02d}-{second:02d}"
            return


def _date_in_credit(text: str, found: Found) -> Mention | None:
    """A full date written in the credit line ("CNA photo March 22, 2026", "- The Malaysian Insider pic by Nazir
    Sufari, July 26, 2014.") is the photo's when the caption's text gives no date with a year: the credit is cut
    out before the text's dates are read, so it is looked at only then. Only a day or a month counts: a year
    alone beside a name ("© Reuters, 2023") is a copyright's."""
    if _undated(text):
        return None
    return next((m for m in find_dates(text[found.cut_start:found.cut_end]) if m.has_year and not m.is_range
                 and m.cue in (None, "taken") and m.shape.precision in ("day", "month")), None)


def credit_note(found: Found, rules: Rules) -> str:
    """Why a credit was taken: where it sat, and what each name was read as."""
    credit = found.credit
    parts = [f"{name} {value!r}" for name, value in (
        ("photographer", credit.photographer), ("agency", credit.agency), ("provider", credit.provider)) if value]
    known = " (a standard name from the agency registry)" if credit.agency and rules.agency_kind(
        credit.agency) else ""
    return f"credit {credit.raw!r} read from the {found.spot} spot: {', '.join(parts) or 'nobody named'}{known}"


def date_notes(text: str, spans: list[tuple[int, int]], chosen) -> list[str]:
    """Why the date was taken, and which dates were left out as background."""
    lines = []
    anchor = chosen.anchor
    if chosen.date:
        cue = anchor.cue if anchor is not None else None
        why = {"taken": "a word such as 'taken' says so", "released": "a release word governs it",
               "heading": "the dated heading above a caption that dates nothing itself"}.get(
            cue or "", "the first date of the scene")
        lines.append(f"date {anchor.text if anchor else chosen.date!r} → {chosen.date} ({chosen.date_kind}): {why}")
    elif chosen.date_text:
        lines.append(f"date {chosen.date_text!r} has no year: kept as date_text, date left empty"
                     + (f" ({chosen.date_kind})" if chosen.date_kind else "; another day's date, so no kind"))
    why_out = {"background": "background (a date of something else than the photo)",
               "page": "the page's date (a posting time stamp or a wire dateline above the caption)",
               "heading": "a heading's date (a post's or gallery's day; the caption dates the photo itself)"}
    for mention in find_dates(text, spans):
        if mention.cue in why_out and (anchor is None or mention.start != anchor.start):
            lines.append(f"date {mention.text!r} left out: {why_out[mention.cue]}")
    if not lines:
        lines.append("date: none written")
    return lines


def _use_scene_dateline(facts: CaptionFacts, dateline: Dateline, *, places: bool = True) -> None:
    """'SHANGHAI, CHINA - OCTOBER 14:' gives the place and the date when the text itself gives none."""
    if facts.date is None and facts.date_text is None and dateline.date_text:
        mention = next(iter(find_dates(dateline.date_text)), None)
        if mention is not None:
            facts.date, facts.date_kind = mention.iso, "taken"
            facts.date_text = None if mention.iso else mention.text
            facts.evidence["date"] = facts.evidence["date_kind"] = date_kind("en", "dateline", None, mention.iso)
    elif facts.date is None and facts.date_text and dateline.date_text:
        _year_from_scene_dateline(facts, dateline)
    if places and "," not in dateline.place:
        headed = place_from_dateline(dateline.place)
        if headed.city and not (headed.province or headed.country) and not _a_counted_town(headed.city):
            places = False  # ("FILE PHOTO (March 12, 2021)": words in capitals before the date, no town)
    written = facts.location
    if places and written.sublocation and not (written.city or written.province or written.country) and (
            _folded(written.sublocation) == _folded(place_from_dateline(dateline.place).city or "")):
        # "PORT CANAVERAL, Fla. (Sept. 24, 2020) ... commissioned in Port Canaveral": the text's "venue" is the
        # dateline's town named again, not a site in it
        written.sublocation = None
    if places and written.country and not (written.city or written.province):
        _city_from_scene_dateline(facts, dateline)
        return
    if places and (written.city or written.sublocation) and not (written.province or written.country):
        _levels_from_scene_dateline(facts, dateline)
        return
    if places and not (written.city or written.province or written.country) and not _own_sublocation(facts):
        # (a venue the register knows, named alone in the text, stays: "SHANGHAI, CHINA - ...: Tourists walk
        # along the Bund")
        facts.location = place_from_dateline(dateline.place)
        facts.evidence.update(place_kinds("en", "dateline", facts.location))
        if written.sublocation and facts.location.sublocation is None:
            facts.location.sublocation = written.sublocation
            facts.evidence["sublocation"] = place_kinds("en", "scene sentence", written,
                                                        {"sublocation": "the venue register"})["sublocation"]


def _city_from_scene_dateline(facts: CaptionFacts, dateline: Dateline) -> None:
    """A scene dateline's city and province, when the text names only the dateline's own country ("BEIRUT, LEBANON –
    AUGUST 10, 2020: People protest outside the offices of Lebanon's Parliament."): the text's venue and country
    stay, the dateline says in which town. A dateline of another country gives nothing."""
    headed = place_from_dateline(dateline.place)
    if not headed.city or not headed.country:
        return
    theirs, ours = name_levels(headed.country).country, name_levels(facts.location.country or "").country
    if theirs is None or theirs != ours:
        return
    facts.location.city, facts.location.province = headed.city, headed.province
    facts.evidence.update({level: kind for level, kind in place_kinds("en", "dateline", facts.location).items()
                           if level in ("city", "province")})


def _a_counted_town(name: str) -> bool:
    """Whether the gazetteer holds a city or a town of this name with its people counted."""
    levels = name_levels(name)
    return bool(levels.city_population or levels.town_population)


def _levels_from_scene_dateline(facts: CaptionFacts, dateline: Dateline) -> None:
    """A scene dateline's state and country, when the text names the dateline's own town again without them
    ("FARMINGTON HILLS, MI - MAY 16: ... at the courthouse in Farmington Hills.": city Farmington Hills, state MI),
    or names only its venue ("LONDON, ENGLAND - MAY 16: Fans gather outside Wembley Stadium."): the dateline is the
    scene, the text the part of it the picture shows. A text naming another town keeps its own."""
    headed = place_from_dateline(dateline.place)
    if not headed.city or not (headed.province or headed.country):
        return
    place = facts.location
    if place.city is not None and _folded(place.city) != _folded(headed.city):
        return
    filled = ("city", "province", "country") if place.city is None else ("province", "country")
    codes = {part.strip().casefold(): part.strip() for part in dateline.place.split(",") if len(part.strip()) <= 3}
    for level in filled:
        value = getattr(headed, level)
        setattr(place, level, codes.get(value.casefold(), value) if value else value)  # ("MI" as written)
    facts.evidence.update({level: kind for level, kind in place_kinds("en", "dateline", place).items()
                           if level in filled and getattr(place, level)})


def _folded(name: str) -> str:
    """A town's name as two writings of it compare: "NEW YORK CITY" == "New York"."""
    return re.sub(r"\s+city$", "", " ".join(name.casefold().split()))


def _country_code(place: Place) -> str | None:
    """The ISO code of the place's country: named, or the one that holds its province or (the most populous of
    that name) its city."""
    from catalog.captions.gazetteer import name_levels

    if place.country:
        return name_levels(place.country).country
    if place.province:
        province = name_levels(place.province).province
        return province.split("-")[0] if province else None
    return name_levels(place.city).city_country if place.city else None


def _year_from_scene_dateline(facts: CaptionFacts, dateline: Dateline) -> None:
    """A scene dateline's full date gives its year to the text's own date of the same day written without one:
    "Quorva, Zembla – March 23,2014: Fans marched ... on March 23." is 2014-03-23, taken. Another day in the text
    ("... on March 21") is left as written: which of the two is the photo's, the words do not say."""
    mention = next(iter(find_dates(dateline.date_text or "")), None)
    own = next(iter(find_dates(facts.date_text or "")), None)
    if mention is None or own is None or not mention.iso or own.iso or own.shape.precision != "none":
        return
    dated = find_dates(f"{own.text}, 2000")  # (a leap year: "February 29" too)
    if mention.shape.precision == "day" and dated and dated[0].iso and dated[0].iso[5:] == mention.iso[5:]:
        facts.date, facts.date_kind, facts.date_text = mention.iso, "taken", None
        facts.evidence["date"] = facts.evidence["date_kind"] = date_kind("en", "dateline", None, mention.iso)


def description(text: str, found: Found | None) -> str | None:
    """The caption without its credit (and without the brackets and full stop around the credit)."""
    if found is None:
        return text.strip() or None
    before, after = text[: found.cut_start].rstrip(), text[found.cut_end:].lstrip()
    if before.endswith(" |") or before.endswith((" -", " –", " —")) and not after:
        # "Flooded bus stand | Photo: PTI", "Drugs to be destroyed - PSNI Facebook": the bar or dash set the closing
        # credit apart, and goes with it
        before = before[:-2].rstrip()
    gap = text[found.cut_end: len(text) - len(after)]
    joiner = "\n\n" if "\n\n" in gap else "\n" if "\n" in gap else " "
    joined = (before + joiner + after) if before and after else before or after
    return joined.strip() or None


def _split_at_glued_places(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, each split after a place the gazetteer knows well run into a capitalised word with no space
    ("Salina, KansasWhen we were young": "Salina, Kansas" and "When we were young"), so that the place closes its
    sentence as it would before the lost line break (see GLUED_CITY)."""
    if not _GLUED.search(text):
        return spans
    cuts = []
    for match in _GLUED_WORD.finditer(text):
        levels = name_levels(match.group())
        if levels.country or levels.province or levels.city_population >= GLUED_CITY:
            cuts.append(match.end())
    if not cuts:
        return spans
    split: list[tuple[int, int]] = []
    for start, end in spans:
        for cut in cuts:
            if start < cut < end:
                split.append((start, cut))
                start = cut
        split.append((start, end))
    return split if len(split) > len(spans) else spans

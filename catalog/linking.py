"""Linking captions to photos: find the caption paragraphs of an article, weigh what ties each to each photo.

The flow is article text → ``find_captions`` → ``score`` (one ``Pairing`` per caption and candidate photo,
each with its ``Evidence``) → ``link_probabilities`` (every possible assignment at once) → ``choose``.
Nothing here prints or writes: ``Library.link_captions`` stores the links, ``catalog link`` shows them.

**Which paragraphs are captions.** A paragraph is a caption when ``catalog.captions.parse`` finds a credit
in it ("(Photo/Zhang Dagang)", "(Xinhua/Li Xin)", "REUTERS/...", "(Photo provided by ...)") or when its first
line is a ``File: NAME`` label (the format of ``catalog import --captions``). Paragraphs are separated by
blank lines; in a file that writes one paragraph per line (no blank lines, long lines) each line is one.
Markdown headings, images, emphasis, links, quotes and list markers are read through, not stored.

**Evidence, in points.** Each clue adds points to a (caption, photo) pair. A point is a unit of log-odds:
+1 makes the link e ≈ 2.7 times likelier, +3 about 20 times, −3 about 20 times less likely.

==========================  ======  ========================================================================
clue                        points  why
==========================  ======  ========================================================================
file name named             +6.0    ``File: a1.jpg``, ``![..](a1.jpg)`` or "a1.jpg" in the paragraph or the
                                    line before it: the writer said which photo, nearly conclusive
another file named          −2.0    the caption names a candidate file, and it is not this one
same caption inside         +6.0    the photo's own caption is the same text (similarity ≥ 0.9): conclusive
similar caption inside      +3.0    similarity ≥ 0.6: an edited or shortened version of the same caption
other caption inside        −2.0    similarity < 0.3: the photo already describes another scene (agencies
                                    re-caption, so this is no veto)
taken the same day          +3.0    caption date and photo date cover the same day
one day apart               +1.0    a caption's local date against a camera clock in another time zone
same month                  +1.5    when one of the two dates is only that precise
same year                   +0.5    likewise
month and day, no year      +2.0    "Oct. 14" against the photo's day (−1.5 when it is another day)
dates contradict            −3.0    more than a day apart: one of the two would have to be wrong
taken after release         −3.0    the photo's date is after the date the caption says it was released
handout without a date      +1.5    the caption is a handout (a release date, "provided by") and the photo has
                                    no date and no camera: handouts reach editors with their EXIF stripped
dated caption, bare photo   −0.5    the caption says when it was taken, the photo carries no date or camera
GPS near the place          +3.0    within 30 km of the caption's city (+1.0 within 300 km of its province)
GPS close                   +1.5    within 100 km of the caption's city
GPS far                     −3.0    over 300 km from the caption's city (1,500 km from its province's middle)
same city                   +2.0    the photo's own place names (never the gazetteer's fill-ins) agree; used
same province / country     +1.0 / +0.3   only when GPS cannot be compared, as both usually say the same
other city                  −1.0    another city (the province the same or unknown): could be next door
other province              −2.0
other country               −3.0
by-line matches             +2.0    the photo's embedded photographer is the credited photographer
by-line differs             −1.5    weaker: an agency may credit a photo differently from its by-line
order                       +0.6    the nth caption and the nth PHOTO named on the command line
==========================  ======  ========================================================================

**From points to confidence.** Each caption may also describe a photo that is not among the candidates;
that possibility scores ``NOT_HERE`` = 0.7 points. Every one-to-one assignment of captions to photos (or to
"not here") is weighed by e^(sum of its points), and a link's confidence is the share of the total weight
held by the assignments that contain it: its probability, given the evidence for every other pair. So
elimination is built in: when the other photos are surely another caption's, the last caption's choice
narrows to what is left, without any rule saying so. A photo with no evidence either way, alone, gets
1 / (1 + e^0.7) ≈ 0.33, below the default threshold 0.5. The Tianwen-2 handout of the sample set has no
date, no GPS and no caption: its caption reaches it with +1.5 against 0.7 for "not here", 0.69, because the
two other photos score below zero for that caption (their own captions differ, the aircraft was
photographed after the release date) and are surely the other captions' anyway.
Links are chosen greedily by confidence (each caption and photo used once) and only at or above the
threshold; with a threshold of 0.5 or more no two chosen links can conflict.

**Candidates.** The PHOTO arguments, or else every photo in the catalogue. A photo whose caption was
typed by hand or linked before is not offered another caption unless it is named as a PHOTO (a link never
overwrites someone's caption quietly); the same caption again is fine. Photos that carry a different
caption of their own stay candidates, disfavoured by the −2.0 above: photos without a caption are preferred.
Each caption keeps its best ``KEEP`` candidates for the exact computation; the rest add their weight to
"not here", so in a large catalogue a clue shared by thousands of photos rightly links nothing.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from catalog.captions import CaptionFacts, parse
from catalog.dates import MONTHS, span
from catalog.errors import CatalogError, NotFound
from catalog.models import Photo

# --- the weights (see the table above) ----------------------------------------------------------------------

WEIGHTS = {
    "file_named": 6.0,
    "other_file_named": -2.0,
    "caption_same": 6.0,
    "caption_similar": 3.0,
    "caption_other": -2.0,
    "same_day": 3.0,
    "one_day_apart": 1.0,
    "same_month": 1.5,
    "same_year": 0.5,
    "dates_contradict": -3.0,
    "taken_after_release": -3.0,
    "handout_bare": 1.5,
    "dated_caption_bare": -0.5,
    "gps_near": 3.0,
    "gps_close": 1.5,
    "gps_province_near": 1.0,
    "gps_far": -3.0,
    "same_city": 2.0,
    "same_province": 1.0,
    "same_country": 0.3,
    "other_city": -1.0,
    "other_province": -2.0,
    "other_country": -3.0,
    "byline_matches": 2.0,
    "byline_differs": -1.5,
    "month_day_matches": 2.0,
    "month_day_differs": -1.5,
    "order": 0.6,
}
#: Points for "this caption's photo is not among the candidates".
NOT_HERE = 0.7
#: Caption similarity: at least SAME is the same caption, at least SIMILAR an edited one, below OTHER another.
SAME, SIMILAR, OTHER = 0.9, 0.6, 0.3
#: GPS distances in km: (near, close, far) for a caption's city; (near, far) for a province.
CITY_KM = (30.0, 100.0, 300.0)
PROVINCE_KM = (300.0, 1500.0)
#: Candidates per caption in the exact computation; the rest count towards "not here".
KEEP = 6
#: Assignments enumerated per group of captions that compete for photos before falling back (see below).
ENUMERATION_LIMIT = 200_000
#: Caption sources that are someone's decision, not the file's: not overwritten unless the photo is named.
DECIDED = ("manual", "linked")

IMAGE_NAME = re.compile(r"[\w.\-]+\.(?:jpe?g|jpe|jfif|png|tiff?|webp|heic|heif|hif|gif|dng)\b", re.I)


# --- values -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Caption:
    """A caption paragraph of the article: where it is, its text as it will be stored, and what it states."""

    number: int  # 1, 2, ... in the order of the article
    line: int  # first line of the paragraph in the file
    text: str
    facts: CaptionFacts
    label: str | None = None  # NAME of a "File: NAME" first line
    mentions: tuple[str, ...] = ()  # image file names in the paragraph or the line before it

    def start(self, width: int = 60) -> str:
        """The first words, for lists: 'Researchers take a test drive on a new-generation…'."""
        if len(self.text) <= width:
            return self.text
        return self.text[:width].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class Evidence:
    """One clue for or against a link: its kind, its points, and a sentence a photo editor can check."""

    kind: str  # "file", "caption", "date", "place", "credit", "order", "elimination"
    points: float
    reason: str


def _clue(kind: str, weight: str, reason: str) -> Evidence:
    """Evidence worth ``WEIGHTS[weight]`` points."""
    return Evidence(kind, WEIGHTS[weight], reason)


@dataclass
class Pairing:
    """One caption against one candidate photo: the evidence, its sum, and the confidence in the link."""

    caption: Caption
    photo: Photo
    evidence: list[Evidence] = field(default_factory=list)
    allowed: bool = True  # False when the photo's caption is someone's decision (see DECIDED)
    confidence: float = 0.0

    @property
    def points(self) -> float:
        return sum(item.points for item in self.evidence)


@dataclass
class Link:
    """A caption linked to a photo; ``status`` is "stored", "unchanged", "dry run" or "failed: reason"."""

    caption: Caption
    photo: Photo
    confidence: float
    evidence: list[Evidence]
    status: str = "dry run"


@dataclass
class Unlinked:
    """A caption left alone: no candidate reached the threshold; ``best`` is the likeliest one, if any."""

    caption: Caption
    best: Pairing | None


@dataclass
class LinkReport:
    """What ``catalog link`` found: the links, the captions left alone, and how it decided."""

    article: str
    links: list[Link]
    unlinked: list[Unlinked]
    threshold: float
    candidates: int
    dry_run: bool = False


# --- reading the article ------------------------------------------------------------------------------------


def read_article(path: str) -> str:
    """The text of an article or caption file (UTF-8, a BOM allowed)."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise NotFound(f"{path} does not exist") from error
    except IsADirectoryError as error:
        raise CatalogError(f"{path} is a folder; give the article or caption file") from error
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogError(f"{path} cannot be read as UTF-8 text: {error}") from error


_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}(#{1,6}\s|#{1,6}$)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_FILE_LABEL = re.compile(r"^\s*(?:[-*+]\s*)?(?:\*\*|__)?file:(?:\*\*|__)?\s*(\S.*?)\s*$", re.I)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
#: A line at most this long that ends a sentence may close a paragraph written on one line; longer lines are
#: whole paragraphs (files that put one paragraph per line and no blank lines between).
_PARAGRAPH_LINE = 160


@dataclass
class _Paragraph:
    line: int
    raw: list[str]
    kind: str = "prose"  # "prose", "heading", "pointer" (an image or a bare file name on its own line)
    before: str | None = None  # the nearest non-blank line above, raw
    before_index: int | None = None  # the paragraph that line belongs to


def find_captions(text: str) -> list[Caption]:
    """The caption paragraphs of an article or caption file, in order.

    >>> [c.text for c in find_captions("Running text.\\n\\nA train in Gansu, Aug. 3, 2025. (Photo/Xu Gang)")]
    ['A train in Gansu, Aug. 3, 2025. (Photo/Xu Gang)']
    >>> find_captions("File: a1.jpg\\nA probe in space.")[0].label
    'a1.jpg'
    """
    paragraphs = _paragraphs(text)
    facts_of: dict[int, tuple[CaptionFacts, str, str | None]] = {}
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind != "prose":
            continue
        label, body = _label(paragraph.raw)
        cleaned = clean_markdown(body)
        if not cleaned:
            continue
        facts = parse(cleaned)
        if label or has_credit(facts):
            facts_of[index] = (facts, cleaned, label)
    captions = []
    for index, (facts, cleaned, label) in facts_of.items():
        paragraph = paragraphs[index]
        sources = list(paragraph.raw)
        if paragraph.before is not None and paragraph.before_index not in facts_of:
            sources.append(paragraph.before)
        mentions = [label] if label else []
        mentions += [name for raw in sources for name in image_names(raw)]
        captions.append(
            Caption(
                number=len(captions) + 1,
                line=paragraph.line,
                text=cleaned,
                facts=facts,
                label=label,
                mentions=tuple(dict.fromkeys(os.path.basename(m) for m in mentions)),
            )
        )
    return captions


def has_credit(facts: CaptionFacts) -> bool:
    """Whether the parser found a credit: the mark of a caption among running text."""
    credit = facts.credit
    return bool(credit.raw or credit.photographer or credit.agency or credit.provider)


def image_names(line: str) -> list[str]:
    """Image file names written in a line: Markdown image targets, links, HTML src, bare names."""
    return [os.path.basename(found) for found in IMAGE_NAME.findall(line)]


def _paragraphs(text: str) -> list[_Paragraph]:
    """Blocks of non-blank lines, split into paragraphs; headings, rules and image lines stand alone."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraphs: list[_Paragraph] = []
    block: list[tuple[int, str]] = []
    fenced = False

    def flush() -> None:
        if block:
            paragraphs.extend(_split_block(block))
            block.clear()

    for number, raw in enumerate(lines, 1):
        if _FENCE.match(raw):
            flush()
            fenced = not fenced
            continue
        if fenced:
            continue
        if not raw.strip():
            flush()
            continue
        pointer = _is_pointer(raw)
        if pointer or _HEADING.match(raw) or _RULE.match(raw) or (block and _SETEXT.match(raw)):
            flush()
            paragraphs.append(_Paragraph(number, [raw], "pointer" if pointer else "heading"))
            continue
        block.append((number, raw))
    flush()
    for index in range(1, len(paragraphs)):
        paragraphs[index].before = paragraphs[index - 1].raw[-1]
        paragraphs[index].before_index = index - 1
    return paragraphs


def _split_block(block: list[tuple[int, str]]) -> list[_Paragraph]:
    """One block's paragraphs: a list item, a quote or a ``File:`` label starts a new one; in a block written
    one paragraph per line (many lines longer than any wrapped line) every line does, except the line after
    a label, which is its caption."""
    long_lines = sum(len(raw.strip()) > _PARAGRAPH_LINE for _, raw in block)
    one_per_line = long_lines >= max(1, len(block) // 3)
    paragraphs: list[_Paragraph] = []
    current: list[tuple[int, str]] = []
    for number, raw in block:
        quoted = bool(_QUOTE.match(raw))
        after_label = len(current) == 1 and _FILE_LABEL.match(current[0][1])
        new = (
            _LIST.match(raw)
            or _FILE_LABEL.match(raw)
            or (current and quoted != bool(_QUOTE.match(current[-1][1])))
            or (one_per_line and not after_label)
        )
        if current and new:
            paragraphs.append(_Paragraph(current[0][0], [line for _, line in current]))
            current = []
        current.append((number, raw))
    if current:
        paragraphs.append(_Paragraph(current[0][0], [line for _, line in current]))
    return paragraphs


def _is_pointer(raw: str) -> bool:
    """A line that only shows or names an image: ``![alt](a1.jpg)``, ``<img src=a1.jpg>``, ``a1.jpg``."""
    rest = _MD_IMAGE.sub("", raw)
    rest = re.sub(r"<img\b[^>]*>", "", rest, flags=re.I)
    if rest != raw:
        return not rest.strip(" \t>*_-|")
    return bool(re.fullmatch(r"\s*[`*_]*" + IMAGE_NAME.pattern + r"[`*_]*\s*", raw, re.I))


def _label(raw: list[str]) -> tuple[str | None, list[str]]:
    found = _FILE_LABEL.match(raw[0])
    if found:
        return found[1].strip("`*_ "), raw[1:]
    return None, raw


def clean_markdown(lines: Sequence[str]) -> str:
    """Paragraph lines as plain text: markup dropped, wrapped lines joined with single spaces.

    >>> clean_markdown(["> *A bullet train crosses the Gobi.* [More](x.html)", "(Photo/**Xu Gang**)"])
    'A bullet train crosses the Gobi. More (Photo/Xu Gang)'
    """
    parts = []
    for index, raw in enumerate(lines):
        line = _QUOTE.sub("", raw)
        if index == 0:
            line = _LIST.sub("", line)
        parts.append(line.strip())
    text = " ".join(part for part in parts if part)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>])", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text)
    return text.strip()


# --- where a caption says it is -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CaptionPlace:
    """Where a caption places its photo: a name to show, how precise its point is, and the names by level."""

    name: str  # "Hefei"
    level: str  # "city", "province" or "country": what the point stands for
    lat: float | None = None
    lon: float | None = None
    city: frozenset[str] = frozenset()  # folded forms, the caption's and the gazetteer's
    province: frozenset[str] = frozenset()
    country: str | None = None  # ISO alpha-2 when known, else the folded name


def locate_caption(facts: CaptionFacts, gazetteer) -> CaptionPlace | None:
    """The caption's place, completed by the gazetteer; None when the caption names none."""
    stated = facts.location
    if not any((stated.sublocation, stated.city, stated.province, stated.country)):
        return None
    resolved = gazetteer.resolve(
        stated.sublocation, stated.city, stated.province, stated.country, context=facts.text
    )
    city = _forms(gazetteer, stated.city, getattr(resolved, "city", None))
    province = _forms(gazetteer, stated.province, getattr(resolved, "province", None))
    country = _country_key(gazetteer, getattr(resolved, "country_code", None) or stated.country)
    lat = getattr(resolved, "lat", None)
    lon = getattr(resolved, "lon", None)
    if stated.city or stated.sublocation:
        name = (resolved.city if resolved and resolved.city else None) or stated.city or stated.sublocation
        level = "city" if lat is not None else "unplaced"
    elif stated.province:
        name = (resolved.province if resolved and resolved.province else None) or stated.province
        level = "province"
        point = gazetteer.locate(name)
        lat, lon = point if point else (None, None)
    else:
        name, level, lat, lon = stated.country, "country", None, None
    return CaptionPlace(name, level, lat, lon, city, province, country)


def _forms(gazetteer, *names: str | None) -> frozenset[str]:
    """Folded names, with what the gazetteer takes each for: 'Hefei City' -> {'hefei city', 'hefei'}."""
    from catalog.places import fold

    forms = set()
    for name in names:
        if name:
            forms.add(_plain(fold(name)))
            forms.update(_plain(fold(found)) for found in gazetteer.canonical(name)[:1])
    return frozenset(form for form in forms if form)


_DESIGNATORS = re.compile(r"\b(city|province|sheng|shi|county|district|municipality|prefecture)\b")


def _plain(folded: str) -> str:
    return _DESIGNATORS.sub("", folded).strip(" .,")


def _country_key(gazetteer, name: str | None) -> str | None:
    if not name:
        return None
    from catalog.places import fold

    return gazetteer.country_code(name) or fold(name)


# --- scoring ------------------------------------------------------------------------------------------------


def score(
    captions: Sequence[Caption],
    photos: Sequence[Photo],
    *,
    gazetteer,
    ordered: bool = False,
    named: bool = False,
) -> list[list[Pairing]]:
    """Every caption against every photo: ``result[i][j]`` pairs caption i with photo j.

    ``ordered``: the photos were given in the captions' order (the order clue applies when there are two or
    more). ``named``: the user named the photos, so even those with a caption typed by hand are open to a
    new one.
    """
    places = [locate_caption(caption.facts, gazetteer) for caption in captions]
    photo_words = [caption_words(photo.caption) if photo.caption else None for photo in photos]
    photo_places = [_photo_place(photo, gazetteer) for photo in photos]
    names = {os.path.basename(photo.path).casefold() for photo in photos}
    rows = []
    for i, caption in enumerate(captions):
        words = caption_words(caption.text)
        named_here = [m for m in caption.mentions if m.casefold() in names]
        row = []
        for j, photo in enumerate(photos):
            evidence: list[Evidence] = []
            evidence += file_evidence(named_here, photo)
            similarity = None
            if photo_words[j] is not None:
                similarity = similarity_of(words, photo_words[j])
                evidence += caption_evidence(similarity, (photo.sources or {}).get("caption"))
            evidence += date_evidence(caption.facts, photo)
            evidence += place_evidence(places[i], photo, photo_places[j])
            evidence += credit_evidence(caption.facts, photo)
            if ordered and i == j and len(photos) > 1:
                reason = f"caption {i + 1} and photo {j + 1} in the order given"
                evidence.append(_clue("order", "order", reason))
            decided = (photo.sources or {}).get("caption") in DECIDED and photo.caption
            allowed = named or not decided or (similarity is not None and similarity >= SAME)
            row.append(Pairing(caption, photo, evidence, allowed))
        rows.append(row)
    return rows


def file_evidence(named: Sequence[str], photo: Photo) -> list[Evidence]:
    """The file names the caption mentions (only those among the candidates) against this photo's name."""
    if not named:
        return []
    own = os.path.basename(photo.path)
    if own.casefold() in {name.casefold() for name in named}:
        return [_clue("file", "file_named", f"the article names the file {own}")]
    return [_clue("file", "other_file_named", f"the article names another file: {', '.join(named)}")]


_STOPWORDS = frozenset(
    "a an and are as at be by for from in into is it its of on or s the this that to was were with".split()
)


def caption_words(text: str) -> frozenset[str]:
    """The folded words of a caption that say something: 'Researchers take a test…' -> {'researchers', …}."""
    from catalog.places import fold

    return frozenset(w for w in re.findall(r"\w+", fold(text)) if w not in _STOPWORDS)


def similarity_of(a: frozenset[str], b: frozenset[str]) -> float:
    """How alike two captions are, 0..1: the mean of Dice (shared / average size) and overlap (shared /
    smaller size), so a shortened caption still scores high against the original.

    >>> similarity_of(frozenset({"bullet", "train", "gobi"}), frozenset({"bullet", "train", "gobi"}))
    1.0
    """
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return (2 * shared / (len(a) + len(b)) + shared / min(len(a), len(b))) / 2


def caption_evidence(similarity: float, source: str | None) -> list[Evidence]:
    """The article's caption against the one the photo already has."""
    its = "its " + {"manual": "typed", "linked": "linked"}.get(source or "", "embedded") + " caption"
    measured = f"(similarity {similarity:.2f})"
    if similarity >= SAME:
        return [_clue("caption", "caption_same", f"{its} is the same {measured}")]
    if similarity >= SIMILAR:
        return [_clue("caption", "caption_similar", f"{its} is similar {measured}")]
    if similarity < OTHER:
        return [_clue("caption", "caption_other", f"{its} describes something else {measured}")]
    return []


def date_evidence(facts: CaptionFacts, photo: Photo) -> list[Evidence]:
    """The caption's date (taken or released, with or without a year) against the photo's date."""
    taken = photo.taken
    start, end = span(taken)
    from_caption = (photo.sources or {}).get("taken") == "caption"
    whose = "the date in its own caption" if from_caption else "the photo's date"
    bare = start is None and not photo.make and not photo.model
    released = facts.released or (facts.date if facts.date_kind == "released" else None)
    caption_taken = facts.date if facts.date and facts.date_kind != "released" else None
    evidence: list[Evidence] = []

    released_end = span(released)[1]
    if released_end and start is not None and start > released_end:
        reason = f"{whose} {_day(taken)} is after the release date {released}"
        evidence.append(_clue("date", "taken_after_release", reason))
    if caption_taken and start is not None:
        evidence += _compare_dates(caption_taken, taken, whose)
    elif facts.date_text and not caption_taken and start is not None and start == end:
        month_day = _month_day(facts.date_text)
        if month_day == (int(start[5:7]), int(start[8:10])):
            reason = f"{whose} {start} falls on '{facts.date_text}' (the caption gives no year)"
            evidence.append(_clue("date", "month_day_matches", reason))
        elif month_day:
            evidence.append(_clue("date", "month_day_differs", f"{whose} {start} is not '{facts.date_text}'"))
    if bare and (released or facts.credit.provider):
        what = f"a handout released {released}" if released else "a handout"
        reason = f"the caption is {what}, and the photo has no date or camera, as handouts often have none"
        evidence.append(_clue("date", "handout_bare", reason))
    elif bare and caption_taken:
        reason = f"no date on the photo, though the caption says {caption_taken}"
        evidence.append(_clue("date", "dated_caption_bare", reason))
    return evidence


def _compare_dates(caption_date: str, taken: str, whose: str) -> list[Evidence]:
    c_start, c_end = span(caption_date)
    p_start, p_end = span(taken)
    if c_start is None or p_start is None:
        return []
    both = f"caption {caption_date}, {whose} {_day(taken)}"
    if c_start <= p_end and p_start <= c_end:
        widest = max(_days(c_start, c_end), _days(p_start, p_end))
        if widest == 0:
            return [_clue("date", "same_day", f"taken the same day: {c_start}")]
        if widest <= 30:
            return [_clue("date", "same_month", f"the same month: {both}")]
        return [_clue("date", "same_year", f"the same year: {both}")]
    gap = _days(c_end, p_start) if c_end < p_start else _days(p_end, c_start)
    if gap <= 1 and c_start == c_end and p_start == p_end:
        return [_clue("date", "one_day_apart", f"one day apart: {both} (time zones?)")]
    return [_clue("date", "dates_contradict", f"the dates disagree: {both}")]


def _days(first: str, last: str) -> int:
    return (date.fromisoformat(last) - date.fromisoformat(first)).days


def _day(value: str | None) -> str:
    """'2025-10-14T10:32:00+08:00' -> '2025-10-14' for reasons."""
    return (value or "")[:10]


def _month_day(text: str) -> tuple[int, int] | None:
    found = re.search(r"([A-Za-z]+)\.?\s+(\d{1,2})\b|\b(\d{1,2})\s+([A-Za-z]+)", text)
    if not found:
        return None
    name, day = (found[1], found[2]) if found[1] else (found[4], found[3])
    month = MONTHS.get(name.lower())
    return (month, int(day)) if month else None


@dataclass(frozen=True)
class _PhotoPlace:
    city: frozenset[str]
    province: frozenset[str]
    country: str | None
    blocks: str  # where the names came from, for reasons: "IPTC", "its caption"


def _photo_place(photo: Photo, gazetteer) -> _PhotoPlace | None:
    """The photo's own place names: embedded or from its caption, never those the gazetteer filled in."""
    sources = photo.sources or {}

    def own(level: str) -> str | None:
        value = getattr(photo, level)
        return value if value and sources.get(f"location.{level}") not in (None, "gazetteer") else None

    city, province = own("city"), own("province")
    country = own("country") or own("country_code")
    if not (city or province or country):
        return None
    levels = ("city", "province", "country", "country_code")
    used = {sources.get(f"location.{level}") for level in levels if own(level)}
    blocks = ", ".join(sorted(_BLOCK_NAMES.get(block, block) for block in used if block))
    return _PhotoPlace(
        _forms(gazetteer, city) if city else frozenset(),
        _forms(gazetteer, province) if province else frozenset(),
        _country_key(gazetteer, country),
        blocks,
    )


_BLOCK_NAMES = {"exif": "EXIF", "iptc": "IPTC", "xmp": "XMP", "sidecar": "sidecar", "caption": "its caption",
                "manual": "its caption", "linked": "its caption"}


def place_evidence(place: CaptionPlace | None, photo: Photo, names: _PhotoPlace | None) -> list[Evidence]:
    """The caption's place against the photo's GPS when both give a point, else against its place names."""
    if place is None:
        return []
    if place.lat is not None and photo.lat is not None and not photo.location_approx:
        return gps_evidence(place, photo.lat, photo.lon)
    if names is None:
        return []
    return names_evidence(place, names)


def gps_evidence(place: CaptionPlace, lat: float, lon: float) -> list[Evidence]:
    """Distance from the photo's GPS to the caption's city (or province) point."""
    from catalog.places import distance_km

    km = distance_km(place.lat, place.lon, lat, lon)
    shown = f"{km:,.0f} km" if km >= 10 else f"{km:.1f} km"
    if place.level == "province":
        near, far = PROVINCE_KM
        if km <= near:
            return [_clue("place", "gps_province_near", f"GPS {shown} from the middle of {place.name}")]
        if km > far:
            return [_clue("place", "gps_far", f"GPS {shown} from {place.name}")]
        return []
    near, close, far = CITY_KM
    if km <= near:
        return [_clue("place", "gps_near", f"GPS {shown} from {place.name}")]
    if km <= close:
        return [_clue("place", "gps_close", f"GPS {shown} from {place.name}")]
    if km > far:
        return [_clue("place", "gps_far", f"GPS {shown} from {place.name}, too far")]
    return []


def names_evidence(place: CaptionPlace, names: _PhotoPlace) -> list[Evidence]:
    """The caption's country, province and city against the photo's, the most telling level decides."""
    where = f" ({names.blocks})" if names.blocks else ""
    if place.country and names.country and place.country != names.country:
        return [_clue("place", "other_country", f"another country: the photo's is {names.country}{where}")]
    if place.province and names.province and not place.province & names.province:
        reason = f"another province: the photo's is {_one(names.province)}{where}"
        return [_clue("place", "other_province", reason)]
    if place.city and names.city:
        if _overlap(place.city, names.city):
            return [_clue("place", "same_city", f"the photo's city is {_one(names.city)} too{where}")]
        return [_clue("place", "other_city", f"another city: the photo's is {_one(names.city)}{where}")]
    if place.province and names.province:
        return [_clue("place", "same_province", f"the photo's province is {_one(names.province)} too{where}")]
    if place.country and names.country:
        return [_clue("place", "same_country", f"the photo's country is {names.country} too{where}")]
    return []


def _overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    """The same city, 'lanzhou new area' for 'lanzhou' too: a shared form, or one's words in the other's."""
    if a & b:
        return True
    return any(set(x.split()) <= set(y.split()) or set(y.split()) <= set(x.split()) for x in a for y in b)


def _one(forms: frozenset[str]) -> str:
    return min(forms, key=len).title()


def credit_evidence(facts: CaptionFacts, photo: Photo) -> list[Evidence]:
    """The credited photographer against the photo's embedded by-line (not one read from its own caption)."""
    from catalog.places import fold

    credited = facts.credit.photographer
    source = (photo.sources or {}).get("credit.photographer")
    if not credited or not photo.photographer or source not in ("exif", "iptc", "xmp", "sidecar"):
        return []
    if fold(credited) == fold(photo.photographer):
        return [_clue("credit", "byline_matches", f"its by-line is {photo.photographer} too")]
    return [_clue("credit", "byline_differs", f"its by-line is {photo.photographer}")]


# --- from points to confidence ------------------------------------------------------------------------------


def link_probabilities(
    points: Sequence[Sequence[float | None]], *, not_here: float = NOT_HERE, keep: int = KEEP
) -> list[list[float]]:
    """The probability of each link, ``points[i][j]`` being the evidence for caption i and photo j.

    None marks a pair that may not be linked. Every one-to-one assignment (a caption may also go to "not
    here", worth ``not_here``) is weighed by e^(its points); a link's probability is the weight of the
    assignments holding it over the total. Captions that compete for no photo are computed apart; a group
    too large to enumerate falls back to each caption on its own (its competitors ignored).

    >>> [round(p, 2) for p in link_probabilities([[0.0]])[0]]
    [0.33]
    >>> [[round(p, 2) for p in row] for row in link_probabilities([[5.0, 4.0], [4.5, None]])]
    [[0.09, 0.9], [0.91, 0.0]]
    """
    m = len(points)
    n = max((len(row) for row in points), default=0)
    options: list[list[tuple[int, float]]] = []
    nothing: list[float] = []
    for row in points:
        scored = sorted(((j, s) for j, s in enumerate(row) if s is not None), key=lambda js: -js[1])
        top = max([not_here] + [s for _, s in scored[:1]])
        kept = [(j, math.exp(s - top)) for j, s in scored[:keep]]
        tail = sum(math.exp(s - top) for _, s in scored[keep:])
        options.append(kept)
        nothing.append(math.exp(not_here - top) + tail)
    result = [[0.0] * n for _ in range(m)]
    for group in _groups(options):
        if math.prod(len(options[i]) + 1 for i in group) <= ENUMERATION_LIMIT:
            _enumerate(group, options, nothing, result)
        else:
            for i in group:
                total = nothing[i] + sum(w for _, w in options[i])
                for j, w in options[i]:
                    result[i][j] = w / total
    return result


def _groups(options: list[list[tuple[int, float]]]) -> list[list[int]]:
    """Captions that share a candidate photo, directly or through others."""
    parent = list(range(len(options)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[int, int] = {}
    for i, kept in enumerate(options):
        for j, _ in kept:
            if j in owner:
                parent[root(i)] = root(owner[j])
            else:
                owner[j] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(options)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _enumerate(group, options, nothing, result) -> None:
    totals: list[dict[int | None, float]] = [{} for _ in group]
    used: set[int] = set()
    chosen: list[int | None] = []
    grand = 0.0

    def visit(k: int, weight: float) -> None:
        nonlocal grand
        if k == len(group):
            grand += weight
            for position, j in enumerate(chosen):
                totals[position][j] = totals[position].get(j, 0.0) + weight
            return
        i = group[k]
        chosen.append(None)
        visit(k + 1, weight * nothing[i])
        chosen.pop()
        for j, w in options[i]:
            if j not in used:
                used.add(j)
                chosen.append(j)
                visit(k + 1, weight * w)
                chosen.pop()
                used.discard(j)

    visit(0, 1.0)
    for position, i in enumerate(group):
        for j, weight in totals[position].items():
            if j is not None:
                result[i][j] = weight / grand


def choose(pairings: list[list[Pairing]], threshold: float) -> tuple[list[Pairing], list[Pairing | None]]:
    """The links (greedy by confidence, each caption and photo once, at or above ``threshold``), and for every
    caption left alone its likeliest candidate (None when it had none)."""
    flat = sorted((p for row in pairings for p in row if p.allowed), key=lambda p: -p.confidence)
    taken_captions: set[int] = set()
    taken_photos: set[int] = set()
    links = []
    for pairing in flat:
        if pairing.confidence < threshold:
            break
        if pairing.caption.number in taken_captions or id(pairing.photo) in taken_photos:
            continue
        links.append(pairing)
        taken_captions.add(pairing.caption.number)
        taken_photos.add(id(pairing.photo))
    best = []
    for row in pairings:
        if row and row[0].caption.number in taken_captions:
            continue
        allowed = [p for p in row if p.allowed]
        best.append(max(allowed, key=lambda p: (p.confidence, p.points)) if allowed else None)
    return links, best


def link(
    captions: Sequence[Caption],
    photos: Sequence[Photo],
    *,
    gazetteer,
    threshold: float = 0.5,
    ordered: bool = False,
    named: bool = False,
    article: str = "",
) -> LinkReport:
    """Weigh every caption against every photo and link those whose confidence reaches ``threshold``."""
    pairings = score(captions, photos, gazetteer=gazetteer, ordered=ordered, named=named)
    points = [[p.points if p.allowed else None for p in row] for row in pairings]
    probabilities = link_probabilities(points)
    alone = [link_probabilities([row])[0] for row in points]
    for i, row in enumerate(pairings):
        for j, pairing in enumerate(row):
            pairing.confidence = probabilities[i][j]
    chosen, best = choose(pairings, threshold)
    links = []
    for pairing in chosen:
        i = pairing.caption.number - 1
        j = next(k for k, p in enumerate(pairings[i]) if p is pairing)
        evidence = list(pairing.evidence)
        if pairing.confidence - alone[i][j] >= 0.1:
            others = [
                os.path.basename(other.photo.path)
                for other in chosen
                if other is not pairing and alone[i][_index(pairings[i], other.photo)] >= 0.05
            ]
            reason = "the other candidates are better matches for other captions"
            reason += f" ({', '.join(others)})" if others else ""
            evidence.append(Evidence("elimination", 0.0, reason))
        links.append(Link(pairing.caption, pairing.photo, pairing.confidence, evidence))
    linked = {link.caption.number for link in links}
    unlinked = [Unlinked(c, b) for c, b in zip([c for c in captions if c.number not in linked], best)]
    links.sort(key=lambda found: found.caption.number)
    return LinkReport(article, links, unlinked, threshold, len(photos))


def _index(row: list[Pairing], photo: Photo) -> int:
    return next(k for k, p in enumerate(row) if p.photo is photo)

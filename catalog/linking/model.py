"""The weights of each clue, and the values linking passes around: captions, evidence, pairings, links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from catalog.captions import CaptionFacts
from catalog.models import Photo
from catalog.patterns import compiled

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

IMAGE_NAME = compiled(r"[\w.\-]+\.(?:jpe?g|jpe|jfif|png|tiff?|webp|heic|heif|hif|gif|dng)\b", re.I)


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
    """A caption linked to a photo; ``status`` is "stored", "unchanged", "kept" (the photo's caption was typed by
    hand, and stays), "dry run" or "failed: reason". ``kept``: what was set by hand that the caption says otherwise,
    each "FIELD 'value' (the caption says 'other')"; the hand value stays."""

    caption: Caption
    photo: Photo
    confidence: float
    evidence: list[Evidence]
    status: str = "dry run"
    kept: list[str] = field(default_factory=list)


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

"""Linking captions to photos: find the caption paragraphs of an article, weigh what ties each to each photo.

The flow is article text → ``find_captions`` → ``score`` (one ``Pairing`` per caption and candidate photo,
each with its ``Evidence``) → ``link_probabilities`` (every possible assignment at once) → ``choose``.
``link_captions`` is the use case: it reads the article, weighs its captions against the photos, and stores
the links; ``catalog link`` shows them. The parts: ``article`` (which paragraphs are captions), ``evidence``
(the clues and their points), ``assign`` (from points to confidence), ``model`` (the weights and values).

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
overwrites someone's caption quietly); the same caption again is fine. Even a named photo keeps a caption typed by
hand (a glob names every photo of a folder): the link is shown as kept, with the way to take the article's
instead; a linked caption is replaced. Whatever else was set by hand (a credit, a date, a place) stays, and the
link lists each such value the caption says otherwise. Photos that carry a different
caption of their own stay candidates, disfavoured by the −2.0 above: photos without a caption are preferred.
Each caption keeps its best ``KEEP`` candidates for the exact computation; the rest add their weight to
"not here", so in a large catalogue a clue shared by thousands of photos rightly links nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from catalog.errors import CatalogError, NotFound, UsageError
from catalog.linking.article import clean_markdown, find_captions, has_credit, image_names, read_article
from catalog.linking.assign import choose, link, link_probabilities
from catalog.linking.evidence import (
    CaptionPlace,
    caption_evidence,
    caption_words,
    credit_evidence,
    date_evidence,
    file_evidence,
    gps_evidence,
    locate_caption,
    names_evidence,
    place_evidence,
    score,
    similarity_of,
)
from catalog.linking.model import (
    DECIDED,
    NOT_HERE,
    OTHER,
    SAME,
    SIMILAR,
    WEIGHTS,
    Caption,
    Evidence,
    Link,
    LinkReport,
    Pairing,
    Unlinked,
)
from catalog.records import CaptionInput

if TYPE_CHECKING:
    from catalog.library import Library

__all__ = [
    "DECIDED", "NOT_HERE", "OTHER", "SAME", "SIMILAR", "WEIGHTS", "Caption", "CaptionPlace", "Evidence", "Link",
    "LinkReport", "Pairing", "Unlinked", "caption_evidence", "caption_words", "choose", "clean_markdown",
    "credit_evidence", "date_evidence", "file_evidence", "find_captions", "gps_evidence", "has_credit",
    "image_names", "link", "link_captions", "link_probabilities", "locate_caption", "names_evidence",
    "place_evidence", "read_article", "score", "similarity_of",
]


def link_captions(
    library: Library, article: str, photos: list[str] | None = None, *, threshold: float = 0.5, dry_run: bool = False
) -> LinkReport:
    """Link the caption paragraphs of an article to the photos they describe.

    The candidates are `photos` (paths, names or ids, in the captions' order) or every photo in the
    catalogue. Each link reaching `threshold` is stored as the photo's caption, source `linked`, unless
    `dry_run`; a link that cannot be stored is reported in its status, the others still are.
    """
    captions = find_captions(read_article(article))
    if not captions:
        raise UsageError(
            f"{article} holds no caption: a caption paragraph carries a credit such as '(Photo/NAME)' "
            "or starts with a 'File: NAME' line"
        )
    if photos:
        candidates = list({photo.id: photo for photo in (library.get(ref) for ref in photos)}.values())
    else:
        candidates = library.all_photos()
    if not candidates:
        raise NotFound("the catalogue holds no photos to link to; `catalog import` them first")
    report = link(captions, candidates, gazetteer=library.gazetteer, threshold=threshold,
                  ordered=bool(photos), named=bool(photos), article=article)
    report.dry_run = dry_run
    for found in report.links:
        found.status = _store_link(library, found, dry_run)
    return report


#: What a caption's facts (CaptionFacts.to_json) say, by the record's field name: a value set by hand there wins.
CAPTION_FIELDS = (
    ("credit.line", ("credit", "raw")), ("credit.photographer", ("credit", "photographer")),
    ("credit.agency", ("credit", "agency")), ("credit.provider", ("credit", "provider")),
    ("released", ("released",)), ("location.sublocation", ("location", "sublocation")),
    ("location.city", ("location", "city")), ("location.province", ("location", "province")),
    ("location.country", ("location", "country")),
)


def hand_values_kept(photo, facts: dict) -> list[str]:
    """What was set by hand on `photo` that the caption (its facts as JSON) says otherwise, each as "FIELD 'value'
    (the caption says 'other')": the hand value stays, and `catalog link` says so."""
    manual = photo.manual or {}
    wanted = [(name, path) for name, path in CAPTION_FIELDS]
    if facts.get("date_kind") == "taken" and facts.get("date"):
        wanted.append(("taken", ("date",)))
    kept = []
    for name, path in wanted:
        said: object = facts
        for key in path:
            said = said.get(key) if isinstance(said, dict) else None
        entry = manual.get(name)
        if not said or not isinstance(entry, dict) or entry.get("by") != "hand":
            continue
        value = entry.get("value")
        if str(value).strip().casefold() != str(said).strip().casefold():
            kept.append(f"{name} {value!r} (the caption says {said!r})")
    return kept


def _store_link(library: Library, found: Link, dry_run: bool) -> str:
    """Store one link as its photo's caption (source `linked`), unless `dry_run`; the link's status.

    A caption typed by hand is never replaced, not even on a photo named as a PHOTO (a glob names every photo in a
    folder): the link is "kept" and says so; `catalog set PHOTO --revert caption` first takes the article's. What
    else was set by hand stays as well, and is listed in ``found.kept`` where the caption says otherwise.
    """
    from catalog.importer import reimport_one

    try:
        photo = library.get(found.photo.id)  # as it is now: a caption typed since the candidates were read counts
    except CatalogError as error:
        return f"failed: {error}"
    sources = photo.sources or {}
    if sources.get("caption") == "manual" and photo.caption != found.caption.text:
        found.kept = [f"caption {_start(photo.caption)!r}; `catalog set {photo.path} --revert "
                      f"caption` and link again to take the article's"]
        return "kept"
    found.kept = hand_values_kept(photo, found.caption.facts.to_json())
    if dry_run:
        return "dry run"
    if photo.caption == found.caption.text and sources.get("caption") == "linked":
        return "unchanged"
    try:
        stored = reimport_one(library, photo.path, CaptionInput(found.caption.text, "linked"))
    except CatalogError as error:
        return f"failed: {error}"
    return f"failed: {stored.failures[0].reason}" if stored.failures else "stored"


def _start(text: str | None, length: int = 60) -> str:
    """The start of a caption, to name it on one line."""
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1] + "…"

"""Find a caption's credit line and split it into photographer, agency and provider.

Ordered tables drive it. ``CREDIT_SPOTS`` says where a credit may sit in a caption (closing brackets, an
agency-led tail, the last line, the first line...), each with an example; every spot proposes spans, and
the span whose reading scores best wins. ``LEAD_INS`` says what the words opening a credit mean ("Photo by",
"Photo provided by", "courtesy of", "©"). Between the lead-in and the end, a credit is a chain of parts
separated by "/" and "via"; each part is a person, an agency (named in the house rules), another
organisation, or a tag such as "File Photo". ``CREDIT_RULES`` and ``SOURCE_RULES`` then say who is the
photographer, the agency and the provider. Worked examples, one per agency style::

    (Xinhua/Li Xin)                                  photographer Li Xin, agency Xinhua
    (Photo/Zhang Dagang)                             photographer Zhang Dagang
    [Photo by Wang Jing/China Daily]                 photographer Wang Jing, agency China Daily
    (Photo provided by the China National Space Administration)
                                                     provider China National Space Administration
    [Photo provided to China Daily]                  agency China Daily (the recipient), nobody else
    (AP Photo/Andy Wong)   (Photo by Andy Wong/AP Photo)       photographer Andy Wong, agency AP
    REUTERS/Go Nakamura/File Photo ATTENTION EDITORS ...        raw stops before the editors' note
    (Photo by Lian Guoqing/VCG via Getty Images)     agency Getty Images: the last distributor
    (Photo by VCG/VCG via Getty Images)              an organisation as photographer: no photographer
    AFP PHOTO / SAID KHATIB    © Geoff ROBIN / AFP   agency AFP
    EPA-EFE/WU HAO                                   agency EPA-EFE
    Image copyrightAFPImage caption...               agency AFP (a web page's label glued to the text)
    Photo: China Manned Space Agency                 provider: an organisation that is not an outlet
    BELGA PHOTO DIRK WAEM    AJP Yoo Na-hyun         an agency, then its photographer with nothing between
    (Source: Express Photo by Amit Mehra)            agency The Indian Express (the registry's "Express Photo")
    (Photo by Mattel/Petra Rajnicova/Handout via Reuters)
                                                     photographer Petra Rajnicova, provider Mattel, agency Reuters
    Oliver Berg/picture alliance via Getty Images hide caption
                                                     agency Getty Images; a page's "hide caption" is no part of it

The work is split by job: ``credit_spots`` proposes the spans where a credit may sit; ``credit_reader``
reads a span as a credit (with ``credit_leadins`` for the opening words, ``credit_names`` for the shape of
a name, ``credit_roles`` for who is who); this module scores the readings and keeps the best one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from catalog.captions.credit_names import looks_like_person, photographer_in_text
from catalog.captions.credit_reader import Reading, agency_for, read_credit, reading_of, without_page_controls
from catalog.captions.credit_spots import CREDIT_SPOTS, SITE_NOTICE, Candidate, before_handout_notes
from catalog.captions.notcaptions import no_credit_line
from catalog.captions.rules import Rules
from catalog.captions.types import Credit
from catalog.patterns import compiled

#: The names callers import from here (parser, chinese, catalog.captions).
__all__ = ["CREDIT_SPOTS", "Found", "agency_for", "find_credit", "photographer_in_text", "read_credit"]


@dataclass(frozen=True)
class Found:
    """A credit found in a caption: the facts, and the span to cut from the caption for its description."""

    credit: Credit
    cut_start: int  # the span the description leaves out (brackets and closing full stop included)
    cut_end: int
    spot: str = ""  # where it sat (a CREDIT_SPOTS name), for `parse-caption --explain`
    score: float = 0.0
    strong: bool = True  # a lead-in or a known agency said it is a credit (the confidence gate weighs it)
    shaped: bool = True  # more than a person's name alone


def _score(text: str, candidate: Candidate, reading: Reading, rules: Rules) -> float | None:
    """How sure a reading is to be the caption's credit; None when it cannot be one."""
    credit = reading.credit
    if not (credit.photographer or credit.agency or credit.provider or reading.strong):
        return None
    score = candidate.weight
    if reading.strong:
        score += 2.0
    else:
        if not candidate.standalone:
            return None
        if not reading.shaped:  # a person alone: only at the very end, not a sentence of its own
            alone = credit.photographer and not (credit.agency or credit.provider)
            if candidate.enclosed and credit.provider and not credit.photographer:
                return score - 0.5  # "(LOC)", "(Library of Congress)": a source in the closing brackets
            at_end = candidate.end == len(text) or candidate.closing  # (or only a place line after it)
            if not alone:
                return None
            if not (at_end and _person_alone_ok(text, candidate)) and not (
                    candidate.start == 0 and _signed_by_handle(text, credit.photographer)):
                return None
            score -= 1.0
    if credit.agency and rules.standard_agency(credit.agency):
        score += 0.5
    if credit.photographer:
        score += 0.3
    words = len(candidate.content.split())
    if words > 12:
        score -= 0.2 * (words - 12)
    return score


def _person_alone_ok(text: str, candidate: Candidate) -> bool:
    """A name alone may close the caption: four words at most, at its end; with a stop after it only on a line of
    its own or after a dash ("...on Sunday\nAna Ruiz.", "... — ANA RUIZ."), not after a sentence of the line."""
    content = candidate.content.rstrip()
    if _EMOTICON.search(content):
        return False  # "Top costume? Vladimir Putin. :)": a blog's answer, with a smile, no credit
    before = text[:candidate.start].rstrip(" \t")
    if before[-1:] == "?":
        return False  # "Best costume? Ana Ruiz": the answer to the page's question, no credit
    apart = not before or before[-1] in "\n—–-"
    if apart and before and before[-1] in "—–-":
        line = before[:-1].rsplit("\n", 1)[-1].strip()
        if looks_like_person(line):
            return False  # "Veysel Korkmaz – Rahmi Meyveci" on a line: two names, which one took it unsaid
        if line[-1:] in "”\"’'":
            return False  # "“We won,” – Ana Ruiz": who said the words quoted before the dash
    return (apart or not content.endswith(".")) and len(content.split()) <= 4 and candidate.weight >= 2.2


#: A social-media handle written in the caption: "@edward_echwalu", "@i_am_idil".
_HANDLE = compiled(r"(?<![\w@])@([A-Za-z0-9_.]{3,30})")


def _signed_by_handle(text: str, name: str | None) -> bool:
    """Whether a name on the caption's first line is signed again by the photographer's handle in it: a name of a
    word of four letters or more that the handle holds ("Edward Echwalu" / "... @edward_echwalu", "Idil Ibrahim" /
    "... @i_am_idil"). A first line alone is as often a title ("Plaza Mayor") as a name: the handle tells.

    >>> _signed_by_handle("Edward Echwalu\\nA boxer trains in Kampala. @edward_echwalu", "Edward Echwalu")
    True
    >>> _signed_by_handle("Plaza Mayor\\nThe square at noon. @limatravel", "Plaza Mayor")
    False
    """
    if not name or "@" not in text:
        return False
    words = [word.casefold() for word in name.split() if len(word) >= 4]
    return any(word in handle.casefold() for handle in _HANDLE.findall(text) for word in words)


def _site_notice(text: str, candidate: Candidate) -> bool:
    """Whether a candidate is (the end of) a web page's copyright notice: the word "Copyright", the sign and a year
    ("Copyright © 2016, Sun Sentinel"). A photographer's own "Copyright © 2012 Ana Ruiz" names a person (the
    caller asks only of a reading that names none)."""
    content = candidate.content
    if content[:1] not in "©Cc":
        return False
    line = text[text.rfind("\n", 0, candidate.start) + 1:candidate.start] + content
    return SITE_NOTICE.search(line) is not None


#: A line saying whom or what the picture shows, no credit: "Photo of Pastor Ana Ruiz and Mayor Li Wei", "Pictures
#: of the winners" (two words at least after "of", no "by", slash or sign naming who took it: not "Photo of Long Yi /
#: for", "Photo of Tom Lamb by Ana Ruiz", nor an outlet's own name, "Image of Sport").
_WHOM_IT_SHOWS = compiled(r"(?i)(?:photo(?:graph)?|picture|image)s?\s+of\s+(?![^\n]*\bby\b)"
                          r"[^/|©:\n]*\w\s+\w[^/|©:\n]*$")


#: A company's legal form closing the credit with its abbreviation's stop: "..., Ltd.", "Lindt Motors, Inc.".
_LEGAL_FORM_STOP = compiled(r"\b(?:Inc|Ltd|Corp|Co)\.$")


def _legal_form_stop_kept(credit: Credit) -> None:
    """The stop of "Ltd." or "Inc." closing a company's name, which the credit's closing stop was taken for, given
    back to the provider or agency that ends with it: "Photo provided by Quorva Aircraft Corporation, Ltd." gives
    the provider "Quorva Aircraft Corporation, Ltd."."""
    for field in ("provider", "agency"):
        value = getattr(credit, field)
        if value and _LEGAL_FORM_STOP.search(value + "."):
            setattr(credit, field, value + ".")


#: A smile or a wink typed in the text: ":)", ";-)", ":D", "^^".
_EMOTICON = compiled(r"(?:^|\s)(?:[:;=]-?[)(DPp]|\^\^)(?=\s|$)")


#: The circled capital and small C, typed for the copyright sign.
_CIRCLED_C = str.maketrans({"Ⓒ": "©", "ⓒ": "©"})


def _circled_c_as_written(found: Found | None, text: str) -> Found | None:
    """The credit read with the circled C as the copyright sign, its raw text as the caption writes it ("ⓒ Name")."""
    raw = found.credit.raw if found is not None else None
    if found is not None and raw:
        at = text.translate(_CIRCLED_C).find(raw)
        if at >= 0:
            found.credit.raw = text[at:at + len(raw)]
    return found


def find_credit(text: str, rules: Rules) -> Found | None:
    """The caption's credit and the span it takes: the best-scoring reading of the spots' candidates.

    >>> from catalog.captions.rules import load_rules
    >>> found = find_credit("Pandas play in Chengdu, Oct. 2, 2025. (Xinhua/Li Xin)", load_rules())
    >>> found.credit
    Credit(raw='Xinhua/Li Xin', photographer='Li Xin', agency='Xinhua', provider=None)
    """
    if "Ⓒ" in text or "ⓒ" in text:
        # "Photo:Ⓒ Ana Ruiz", "ⓒ Quorva News": the circled letter some pages type for the copyright sign, read as
        # the sign (one character for one: the spans hold), the raw credit given back as written
        return _circled_c_as_written(find_credit(text.translate(_CIRCLED_C), rules), text)
    note = _RIGHTS_NOTE.search(text) if _RIGHTS_WORDS.search(text) else None
    if note is not None:
        # "© Ana Ruiz. All rights reserved.", "Photo: Ana Ruiz. No copying without permission.": a rights note
        # closes the caption after its credit; the spots read the caption as if it ended before the note, and the
        # credit's cut runs on over the note
        closed = find_credit(text[:note.start()], rules)
        if closed is not None and closed.cut_end >= note.start() - 1:
            return replace(closed, cut_end=len(text))
    found: list[Found] = []
    seen: set[tuple[str, int]] = set()
    for spot in CREDIT_SPOTS:
        for candidate in spot.find(text, rules):
            if (candidate.content, candidate.start) in seen:
                continue
            seen.add((candidate.content, candidate.start))
            reading = reading_of(candidate.content, rules)
            if reading is None:
                continue
            # (the score first: it is the cheapest of the three tests that drop a reading, and each is pure)
            score = _score(text, candidate, reading, rules)
            if score is None or no_credit_line(candidate.content, rules):
                continue  # "SAMSUNG CAMERA PICTURES", "Image Code: MHM0136311" on a line of their own
            if _WHOM_IT_SHOWS.match(candidate.content):
                continue  # "Photo of Pastor Ana Ruiz and Mayor Li Wei": whom the picture shows, no credit
            if not reading.credit.photographer and _site_notice(text, candidate):
                continue  # "Copyright © 2016, Sun Sentinel": the page's own notice, no credit
            written = candidate.written or candidate.content  # raw is the credit as written, lines and all
            reading.credit.raw = before_handout_notes(without_page_controls(written)).strip().rstrip(".").rstrip()
            if written[-1:] == "." and _LEGAL_FORM_STOP.search(written):
                _legal_form_stop_kept(reading.credit)
            found.append(Found(reading.credit, candidate.start, candidate.end, spot.name, score, reading.strong,
                               reading.shaped))
    if not found:
        return None
    best = max(found, key=lambda f: (f.score, f.cut_start))
    whole = [f for f in found if f.cut_end == best.cut_end and f.cut_start < best.cut_start and f.score == best.score
             and f.credit.agency == best.credit.agency and f.credit.photographer
             and f.credit.photographer != best.credit.photographer]
    if whole and best.spot in ("tail", "own line"):
        # "MA WEI / LI NA / FOR CHINA DAILY": the tail after the first " / " reads as well; the whole credit names
        # its first photographer
        best = min(whole, key=lambda f: f.cut_start)
    best = _led_whole(found, best)
    if best.credit.agency and not best.credit.photographer:
        # The same agency credited twice, once with its photographer ("REUTERS/Thomas Mukoya Image copyright
        # Reuters"): the fuller credit.
        fuller = [f for f in found if f.credit.agency == best.credit.agency and f.credit.photographer
                  and (f.score >= best.score - 1.0 or f.cut_end <= best.cut_start and not (
                      text[f.cut_end:best.cut_start].strip()))
                  and not _title_before_lead_in(text, f, best)]
        # (right before it, a reseller's tag after the credit: "(Maro Kouri/Polaris) (FOTO:DUKAS/POLARIS)")
        if fuller:
            best = max(fuller, key=lambda f: (f.score, f.cut_start))
        else:
            # A photo bank's labelled lines name the two apart ("- Author: Dmitry Astakhov" / "- Credit:
            # Sputnik"), a feature's byline its photographer ("(Yonhap)" / "photos by Lee Sang-hak"): that line
            # gives the photographer.
            author = next((f.credit.photographer for f in found if f.credit.photographer and not (
                f.credit.agency or f.credit.provider) and _AUTHOR_LINE.match(f.credit.raw or "")), None)
            if author is None and best.credit.agency and rules.agency_kind(best.credit.agency) == "photo agency":
                author = _byline_above_library(found, best)
            best.credit.photographer = author
    if best.credit.photographer:
        best.credit.photographer = _as_named(best.credit.photographer)
    return best


def _title_before_lead_in(text: str, whole: Found, best: Found) -> bool:
    """Whether `whole` is `best`'s line read with the picture's title before a bar ("Kerala CM Ana Ruiz | Photo:
    PTI"): a lead-in after the bar opens the credit, and the words before it are the title, not a photographer."""
    if not (whole.cut_start < best.cut_start < whole.cut_end and best.cut_end <= whole.cut_end):
        return False
    return text[whole.cut_start:best.cut_start].rstrip().endswith("|")


def _led_whole(found: list[Found], best: Found) -> Found:
    """The whole credit a lead-in opens when the best reading is only its tail: "Photo: Ana Ruiz / TASS / Forum"
    reads from "Photo:" to the end, and its tail "TASS / Forum" (a wire, then one word read as its photographer,
    as in "Xinhua/Chogo") is a part of it, not a credit of its own."""
    if best.spot != "tail":
        return best
    led = [f for f in found if f.spot == "lead-in" and f.cut_end == best.cut_end and f.cut_start < best.cut_start
           and f.strong and f.credit.photographer and f.score >= best.score - 0.5]
    return min(led, key=lambda f: f.cut_start) if led else best


#: A rights note that closes a caption after its credit, in mixed case (the wires' shouted notes are
#: ``credit_spots.without_wire_notes``'): "All rights reserved.", "No copying, screen grabbing, transmission ...",
#: "Not for resale.", "Do not reproduce.", "Used with permission." It follows a stop or a line break and runs to
#: the end (a page may cut it off mid-word).
_RIGHTS_NOTE = compiled(
    r"(?:(?<=[.!?])[ \t]+|\s*\n\s*)(?:all rights reserved|no (?:copying|reproduction|unauthori[sz]ed)"
    r"|not (?:for (?:re)?sale|to be (?:reproduced|copied|used))|do not (?:copy|reproduce|republish|use)"
    r"|(?:reproduction|copying) (?:is )?(?:prohibited|forbidden|not permitted)|used (?:with|by) (?:kind )?permission)"
    r"\b[^\n]{0,200}$", re.IGNORECASE)
#: A word every rights note holds: a caption without one is let by without the pattern tried at every stop.
#: (reserved, copying, reproduc, unauthori, resale, sale, republish, permission: a word's first letter, in any case,
#: as one character class, which the engine skips to at once (ignoring case, "ſ" is an "s" too), then the rest of
#: a word it opens, its case ignored; where a word boundary opened the pattern the engine tried every character.)
_RIGHTS_WORDS = compiled(r"[CPRSUcprsuſ](?<!\w.)(?i:(?<=r)e(?:served|produc|sale|publish)|(?<=c)opying"
                         r"|(?<=u)nauthori|(?<=s)ale|(?<=p)ermission)")


#: A line that names the photographer alone, beside an agency credited elsewhere: a photo bank's "- Author: Name", a
#: wire feature's "photos by Name" under its "(Yonhap)", an archive's "Photo: Name." over its "© dpa-Bildarchiv".
_AUTHOR_LINE = compiled(r"[-•*]?\s*(?:(?:author|photographer)\s*:|(?:photo|picture|photograph)s?\s*(?:by\b|:))",
                          re.IGNORECASE)


#: "photo by" inside a credit: the picture's own byline ("Army National Guard photo by Ana Ruiz/Released").
_PHOTO_BY_INSIDE = compiled(r"\b(?:photo|photograph|picture)s?\s+by\b", re.IGNORECASE)


def _byline_above_library(found: list[Found], best: Found) -> str | None:
    """The photographer of the picture's own byline earlier in the caption when the credit that wins is a stock
    library's line naming a collection and no person: "(Army National Guard photo by Ana Ruiz/Released) ...
    Photo credit: © Military Collection / Alamy": the library sells the picture Ana Ruiz took."""
    return next((f.credit.photographer for f in found if f.credit.photographer and f.strong
                 and f.cut_end <= best.cut_start and _PHOTO_BY_INSIDE.search(f.credit.raw or "")), None)


def _as_named(name: str) -> str:
    """A photographer's name without what a page glued to it: written twice without a space ("CHRISTOF
    STACHECHRISTOF STACHE") or with one ("Ana Ruiz Ana Ruiz"), or after a second label ("Photo/Bild: TES").

    >>> _as_named("CHRISTOF STACHECHRISTOF STACHE"), _as_named("Bild: TES"), _as_named("Andy Wong")
    ('CHRISTOF STACHE', 'TES', 'Andy Wong')
    >>> _as_named("Ana Ruiz Ana Ruiz"), _as_named("Aung Aung")
    ('Ana Ruiz', 'Aung Aung')
    """
    half = len(name) // 2
    if len(name) % 2 == 0 and len(name) >= 6 and name[:half] == name[half:] and " " in name[:half]:
        name = name[:half]
    words = name.split()
    if len(words) >= 4 and len(words) % 2 == 0 and words[:len(words) // 2] == words[len(words) // 2:]:
        name = " ".join(words[:len(words) // 2])  # "Ana Ruiz Ana Ruiz / Daily Ledger": a byline printed twice
    label, colon, rest = name.partition(":")
    if colon and rest.strip() and len(label.split()) == 1:
        name = rest.strip()
    return name

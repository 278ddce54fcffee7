"""Where in a caption a credit may sit: the spans each ``CREDIT_SPOTS`` entry proposes, with their weight.

A spot knows only positions and punctuation (closing brackets, an agency-led tail, a lead-in wherever it
stands, a line of its own, what follows the last sentence, a web page's glued labels); whether a span reads
as a credit is the reader's question (``credit_reader``), and which reading wins is ``credits.find_credit``'s.
Each spot has a worked example in the table at the end::

    >>> from catalog.captions.rules import load_rules
    >>> [c.content for c in _brackets("Pandas in Chengdu. (Xinhua/Li Xin)", load_rules())]
    ['Xinhua/Li Xin']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from catalog.captions.credit_leadins import name_closer, strip_lead_in
from catalog.captions.credit_names import is_media, known_place, looks_like_person, names_a_region
from catalog.captions.rules import Rules
from catalog.captions.text import CAPITALS, is_person_word, scan
from catalog.captions.vocabulary import (
    ABBREVIATIONS,
    COUNTRIES,
    CREDIT_TAGS,
    EDITOR_NOTES,
    MONTHS,
    NAME_PARTICLES,
    SENTENCE_OPENERS,
    VENUE_PREFIXES,
    VENUE_WORDS,
    WEEKDAYS,
)
from catalog.patterns import compiled


@dataclass(frozen=True)
class Candidate:
    """A span of the caption that may hold its credit, and how likely a credit is to sit there."""

    content: str  # the credit as written there (without enclosing brackets)
    start: int  # the span the description leaves out if this is the credit
    end: int
    weight: float  # where it sits: the end of the caption weighs most
    standalone: bool  # on a line of its own, in closing brackets, or after a separator at a line's end
    enclosed: bool = False  # in brackets that close the caption: "(LOC)", "(Library of Congress)"
    written: str | None = None  # the credit as the text writes it, where `content` joins its lines to be read
    closing: bool = False  # on the line above a place line that closes the caption: as good as its end


@dataclass(frozen=True)
class CreditSpot:
    """One kind of place a credit may sit; every spot proposes candidates and the best reading wins."""

    name: str
    example: str
    find: Callable[[str, Rules], Iterator[Candidate]]


#: Brackets holding a credit; one level of inner brackets is allowed ("WANA (West Asia News Agency)"). (A run of
#: plain characters is taken whole, "++": the closing bracket can never stand inside one, so giving back its
#: characters one by one could only fail again.)
_BRACKET_GROUP = compiled(r"[(\[（]((?:[^()\[\]（）\n]++|\([^()\n]*\))+)[)\]）]")
#: A credit in angle brackets closing the caption, as some pages set the wires' parentheses: "... <AP Photo/Name>".
#: Only at the very end: elsewhere angle brackets are a page's markup.
_ANGLE_CLOSING = compiled(r"<([^<>\n]{2,160})>[\s.]*$")
_LABEL_BEFORE = compiled(
    r"(?:(?:photo|image|picture)\s+credits?|credits?|photos?|source)\s*:\s*$", re.IGNORECASE
)
_RESTRICTION_TAIL = compiled(r"\s*/\s*(?:[A-Z][A-Za-z]*(?:,?\s+[A-Z][A-Za-z]*)*\s+OUT|RESTRICTED\b.*)\s*$")
_JUNK_AFTER = compiled(  # "(Kyodo) ==Kyodo", "...Swapan Mahapatra)(", "(U.S. Army photo by ...) (Released)"
    r"[\s.#(]*(?:==\s*\S+)?[\s.#(]*(?:[(\[]\s*(?:released?|file|handout|ho)\s*[)\]][\s.]*)?", re.IGNORECASE)
_DATELINE_AFTER = compiled(r"\s*[-–—]{1,3}\s")
_GLUED_LABEL = compiled(
    r"^\s*(Image\s*(?:copyright|source)\s*,?\s*(.+?))\s*Image\s*caption\s*,?\s*", re.IGNORECASE
)
_SENTENCE_STOP = compiled(rf"[.!?][\"”’)]*(?:\s+|(?=[{CAPITALS}©]))")  # (glued: "2020.ŁUKAS LINDT/...")
#: Marks after which the rest of a line is the credit: " | ", an em dash, " / ", " -- ", and " /" glued to a
#: capital ("... in the central bazaar /CGTN Photo."). (The look-ahead on the characters a mark can begin with
#: lets the regex engine pass over the other positions at once.)
_SEPARATOR = compiled(r"(?=[\s—–/=])(?:\s\|\s|\s?[—–]\s?|\s/(?:\s|(?=[A-Z]))|(?<=[.!?])/\s?|\s--?\s|==)")
#: Words that say "a credit starts here" wherever they stand, even glued to the word before ("rubblePhotograph:")
#: or to a date's year ("8 November 2022Credit:Ana Ruiz").
_LEAD_ANYWHERE = compiled(
    r"(?<=\d)©|(?:(?<=[a-z0-9.,;:)\]”\"'’_*])|(?<![\w]))"
    r"(?:Photo(?:graph|s)?\s*(?:[Bb]y\b|:|/|©)|PHOTO(?:GRAPH|S)?\s*(?:BY\b|:|/)"
    rf"|PHOTO\s+(?=[{CAPITALS}][{CAPITALS}'’-]+(?:\s+[{CAPITALS}][{CAPITALS}'’.-]*){{1,4}}\s*$)"
    r"|(?<=[,.]\s)photo(?:graph|s)?\s*:|IMAGES?\s*:|PICTURES?\s*(?:BY\b|:)"
    r"|Photographer\s*:|Image\s*copyright|©"
    r"|Credit\s*(?::|\.{2,}|…)|CREDIT\s*:|credit:|Foto\s*:|FOTO\s*:|(?:Photo|Picture|Image)\s+[Cc]redits?|Pics?\s*[/:]|Pictures?\s*(?:[Bb]y\b|:)|Pix\s+by\b|(?:Photos?|Pictures?)\s+and\s+(?:text|captions?)\b|(?:Photo|Picture)s?\s+(?:is\s+|was\s+)?taken\s+by\b"
    r"|(?:All|Cover|File|Staff|Pool)\s+(?:photo(?:graph)?s?|pictures?)\s*(?:by\b|:|@)"
    r"|(?:Photo(?:graph)?|Picture|Image)s?\s+courtesy\b|Supplied\s*:|Image\s*:|Image\s+source|Photographed\s+by|Source\s*:"
    r"|originally\s+uploaded\s+by\b|(?:photo(?:graph)?|picture|image)s?\s+(?:above|below|here)\s+(?:is|was)\s+by\b)"
)
#: "The Hill Times photograph by Andrew Meade", "ST PHOTO: SHINTARO TAY", "Quorva Gazette PHOTO / Ana Ruiz": an
#: outlet's words open the credit.
_OUTLET_LEAD = compiled(r"\b(?:photo|photograph|picture|PHOTO|Photo|video)s?\s+(?:is\s+)?(?:by|BY)\b|\bPHOTO\s*:"
                        r"|\b(?:PHOTO|Photo)\s*/"
                        rf"|\bPHOTO\s+(?=[{CAPITALS}][{CAPITALS}'’-]+(?:\s+[{CAPITALS}][{CAPITALS}'’.-]*){{1,4}}\s*$)")
#: An outlet's initials in capitals, a word or two ("LNA", "AU-UN IST"): before "PHOTO /" they name the outlet as a
#: paper's words do ("LNA Photo / Ana Ruiz").
_OUTLET_INITIALS = compiled(r"[A-Z]{2,6}(?:-[A-Z]{2,6})?(?: [A-Z]{2,6})?")
#: At most this many characters after an outlet's "PHOTO /" (the photographer's name, a tag): more is prose.
_NAMES_AFTER_SLASH = 48
#: The characters the two patterns above can begin with, each with the letters its words go on with (see
#: text.scan): the pattern is tried at "Photo", "Credit", "Source", not at every capital P, C or S of the prose.
#: (Every alternative opens with its own letter: the engine skips to those letters at once, and at one tries only
#: the alternative it opens.)
#: A label opening the description after a credit at the caption's start: "... Press Photo: Mabel reads ...".
_LABEL_AFTER_CREDIT = compiled(r"\s(?:Photo|Caption|Pictured|PHOTO|CAPTION):\s")
_LEAD_STARTS = compiled(r"P(?=ho|HO|ic|IC|ix|ool)|I(?=mage|MAGE)|C(?=redit|REDIT|over)|S(?=upplied|ource|taff)"
                          r"|F(?=oto|OTO|ile)|©|A(?=ll\s)|c(?=redit:)|p(?=hoto|ictures?\s+[abh])|i(?=mages?\s+[abh])|o(?=riginally\s)")
_OUTLET_STARTS = compiled(r"p(?=hoto|icture)|P(?=HOTO|hoto)|v(?=ideos?\s+by)")
#: A word every match of _OUTLET_STARTS holds, as written: a text without one holds no outlet's lead-in.
_OUTLET_WORDS = ("photo", "picture", "PHOTO", "Photo", "video")


def _holds_an_outlet_word(text: str) -> bool:
    """Whether `text` holds one of ``_OUTLET_WORDS`` (five substring tests written out: a generator over the tuple
    cost more than the tests, on every caption)."""
    return "photo" in text or "picture" in text or "PHOTO" in text or "Photo" in text or "video" in text


_CLOSERS = ("Image caption", "Image copyright", "Purchase Licensing", "Special instruction")


def _standalone(text: str, start: int) -> bool:
    """Nothing but a sentence end, a line break or the start of the caption before `start`."""
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"”:;|—–"


#: A wire's or a page's closing tag after the credit: the story's end mark, the editor's name ("... (Yonhap)
#: (END)", "... (Name/Name)  [ Editor: Name ]"); only these two, each in its own brackets.
_PAGE_TAGS_AFTER = compiled(
    r"(?:[\s.]*[(\[][ \t]*(?:END|(?:Editor|Edited by|Editing)[ \t]*:?[ \t]*[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})"
    r"[ \t]*[)\]])+[\s.]*")


def _page_tags_after(rest: str) -> bool:
    """Only a wire's end mark or an editor's tag, in brackets, in `rest` (see ``_PAGE_TAGS_AFTER``)."""
    return ("END" in rest or "dit" in rest) and _PAGE_TAGS_AFTER.fullmatch(rest) is not None


def _at_end(text: str, end: int) -> bool:
    """Only punctuation, a CMS's "==Agency", a restriction note, the page's copyright notice or its closing tags
    after `end`."""
    rest = text[end:]
    return not rest.strip(" \t\n.#|") or _JUNK_AFTER.fullmatch(rest) is not None or _page_tags_after(rest) or bool(
        _RESTRICTION_TAIL.fullmatch(rest)) or rest[:1] == "." and _PLACE_YEAR_AFTER.match(rest) is not None or (
        "opyright" in rest and _NOTICE_AFTER.fullmatch(rest) is not None) or (
        ":" in rest and _EMPTY_FIELD_AFTER.fullmatch(rest) is not None)


#: The same, closing a lead-in's span after its credit's stop (the stop kept): "... Quorva Press. Photo: -".
_EMPTY_FIELD_CLOSING = compiled(r"[.|][ \t]*(?i:photo|picture|image|credit)s?[ \t]*:[ \t]*[-–—]?[\s.]*$")
#: A page's empty credit field closing the text after a credit: ". Photo: -", " Credit:".
_EMPTY_FIELD_AFTER = compiled(r"[\s.|]*(?i:photo|picture|image|credit)s?[ \t]*:[ \t]*[-–—]?[\s.]*")


#: The word, the sign and a year of a web page's copyright notice ("Copyright © 2016, Sun Sentinel"): no credit.
SITE_NOTICE = compiled(r"(?i:copyright)\s*(?:©|\(c\))\s*(?:19|20)\d\d\b")
#: A page's copyright notice closing the text after a credit.
_NOTICE_AFTER = compiled(r"[\s.|]*(?i:copyright)\s*(?:©|\(c\))\s*(?:19|20)\d\d\b[^\n]{0,60}\s*")


def _brackets(text: str, rules: Rules) -> Iterator[Candidate]:
    """'(Xinhua/Li Xin)', '[Photo by Wang Jing/China Daily]' at the end, at a paragraph's end, at the start or
    inside; '<AP Photo/Andy Wong>' in angle brackets at the very end."""
    for match in _BRACKET_GROUP.finditer(text):
        content = match.group(1).strip()
        if not 2 <= len(content) <= 160 or _DATELINE_AFTER.match(text, match.end()):
            continue  # a dateline's "(Xinhua) --"
        if _names_places_only(content, rules):
            continue  # "Haarlemmerstraat (Amsterdam)", "Fishing boats at dawn (Mombasa, Kenya)": the place set apart
        start = match.start()
        if ":" in text[max(0, start - 62):start] and _PLACE_LABEL_BEFORE.search(
                text, max(text.rfind("\n", 0, start) + 1, start - 80), start):
            continue  # "location: Haarlemmerstraat (Papendrecht)": the labelled place's larger part, any town
        label = _LABEL_BEFORE.search(text, max(0, start - 20), start) if ":" in text[max(0, start - 20):start] else None
        if label:  # "Photo Credit: (NASA/Joel Kowsky)": the brackets do not enclose the whole credit
            start = label.start()
            content = text[start: match.end()]
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        if _at_end(text, match.end()):
            yield Candidate(content, start, len(text), 3.0, True, enclosed=not label)
        elif not text[match.end():line_end].strip(" .\t"):
            yield Candidate(content, start, match.end(), 2.5, True)  # the end of a paragraph
        elif text[match.end():match.end() + 1].isalpha() and text[match.end()].isupper():
            yield Candidate(content, start, match.end(), 1.5, True)  # glued: "...Hunan Daily)This article"
        elif not text[:start].strip():
            # opening the caption: "(Karen Whitfield/The Gazette) Volunteers clear ..."
            yield Candidate(content, start, match.end(), 1.5, True)
        elif _standalone(text, start) and _ASSIGNMENT_NOTE.fullmatch(text, match.end()):
            # after the last sentence, an assignment note closing the caption: "(Betty Cauler/TMC) for Adventures
            # story."
            yield Candidate(content, start, match.end(), 1.5, True)
        elif _standalone(text, start) and _NEXT_SENTENCE.match(text, match.end()):
            # between two sentences: "... Province. (Quorva Daily/Wang Gang)  Xitang is ...", "... Region.(QNS/Ana
            # Ruiz) LHASA, July 27 (Xinhua) -- ...", "... month. [QNS/Ana Ruiz]  Previous Page 1 2"; only a
            # reading sure of itself or shaped as a credit wins from here ("(Ana Ruiz) He said ..." stays prose)
            yield Candidate(content, start, match.end(), 1.5, True)
        else:
            yield Candidate(content, start, match.end(), 0.5, False)
    angle = _ANGLE_CLOSING.search(text) if text.rstrip(" \t\n.").endswith(">") else None
    if angle:
        yield Candidate(angle.group(1).strip(), angle.start(), len(text), 3.0, True, enclosed=True)


#: At most this many characters after an unclosed bracket closing the caption: more is prose.
_UNCLOSED_CREDIT_LENGTH = 60


def _unclosed_bracket(text: str, rules: Rules) -> Iterator[Candidate]:
    """'... during the open house. (Ana Ruiz/', '... on June 3, 2013. (Photo by STR/AFP': a credit's bracket left
    open at the very end of the caption (a page cut its close off), or at the end of its first paragraph, after a
    sentence's end; the reader decides whether it holds a credit."""
    ends = [(len(text), 3.0)]
    paragraph = text.find("\n\n")
    if paragraph > 0 and text[:paragraph].rstrip()[-1:] not in ")]":
        # "... in bloom. (Photo by Ana Ruiz/for⏎⏎While most of ...": left open at its paragraph's end, the story's
        # text after it (weighed below a credit closing the caption)
        ends.append((len(text[:paragraph].rstrip()), 2.0))
    for end, weight in ends:
        at = max(text.rfind("(", 0, end), text.rfind("[", 0, end))
        if at < 0 or end - at > _UNCLOSED_CREDIT_LENGTH + 3 or ")" in text[at:end] or "]" in text[at:end] or (
                "\n" in text[at:end]) or not _standalone(text, at):
            continue
        content = text[at + 1:end].strip().rstrip("/ ").strip()
        if 3 <= len(content) <= _UNCLOSED_CREDIT_LENGTH:
            yield Candidate(content, at, end, weight, True, enclosed=True)


#: What opens the next sentence after brackets: spaces, then a capital (not more brackets: "(PHOTO NOT FOR SALE)
#: (Quorva Daily)" is a note before the credit).
_NEXT_SENTENCE = compiled(r"[ \t]+[A-Z]")
#: A place's label, then a name, on the line before brackets: what the brackets hold is that place's town or
#: region ("location: Haarlemmerstraat (Papendrecht)"), whatever the gazetteer knows of it.
_PLACE_LABEL_BEFORE = compiled(r"\b(?i:location|place)[ \t]*:[ \t]*[^()\[\]\n:]{1,60}$")

#: Brackets hold a place rather than a credit when each name in them is a country or a city of this many people.
BRACKETED_CITY = 100_000


#: A short note in small letters after closing brackets, to the caption's end: the story the picture was made for
#: ("for Adventures story.", "for the Sunday edition").
_ASSIGNMENT_NOTE = compiled(r"[ \t]+for[ \t][^\n()\[\]]{2,40}?[.]?[ \t]*")


def _names_places_only(content: str, rules: Rules) -> bool:
    """Whether brackets hold only places the gazetteer knows well, no agency the registry holds: "(Amsterdam)",
    "(Mombasa, Kenya)", not "(Xinhua)", "(Pool)" or "(Everett Collection)"."""
    if "/" in content or not content[:1].isupper() or len(content) > 60 or rules.agency_kind(content):
        return False
    from catalog.captions.gazetteer import name_levels  # (the credit reader loads no gazetteer otherwise)

    for name in content.split(","):
        known = name_levels(name.strip())
        if not (known.country or known.city_population >= BRACKETED_CITY):
            return False
    return True


def _inside_brackets(text: str, pos: int) -> bool:
    """Whether `pos` sits inside brackets opened earlier on its line (those are read whole by _brackets)."""
    line = text[text.rfind("\n", 0, pos) + 1:pos]
    return line.count("(") + line.count("[") + line.count("（") > (
        line.count(")") + line.count("]") + line.count("）"))


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


#: A label in capitals that opens the caption of another picture on the same line: " INSET:", " ABOVE:",
#: " MAIN PICTURE:"; or a photo site's next field after the credit: "Image: © Gordon Hatton Taken: 21 May 2008".
_NEXT_LABEL = compiled(r"\s(?:INSET|ABOVE|BELOW|LEFT|RIGHT|TOP|MAIN(?: PICTURE| PHOTO)?|PICTURED|Taken|Date taken)\s*:")
#: A copyright sign after a sentence's stop, opening a second credit on the line: "Photo: Ana Ruiz. © dpa".
_RIGHTS_AFTER_STOP = compiled(r"\.[ \t]+©")
#: A line that stops on a word no name ends with: the credit goes on on the next line.
_BROKEN_OFF = compiled(r"\s(?:of|the|and|for|to|de|du|at|&)[ \t]*$")


def _tail_end(text: str, pos: int) -> int:
    """Where a credit that starts at `pos` ends: at the line's end (the next one's when the line breaks off
    after "of", "the", "and": "Picture Credit: The Permanent Mission of\nthe Netherlands ..."), or where an
    editors' note begins."""
    end = _line_end(text, pos)
    while end < len(text) and _BROKEN_OFF.search(text, pos, end):
        end = _line_end(text, end + 1)
    cut = end
    for note in (*EDITOR_NOTES, *_CLOSERS):
        at = text.find(note, pos + 1, end)
        if 0 <= at < cut:
            cut = at
    label = _NEXT_LABEL.search(text, pos + 1, cut)
    if label:  # "Picture: Melissa Mobbs INSET: Brisbane-based storm chaser ...": the next picture's label
        cut = label.start()
    if "©" in text[pos + 1:cut]:
        rights = _RIGHTS_AFTER_STOP.search(text, pos + 1, cut)
        if rights:  # "Photo: Ana Ruiz. © dpa": the rights holder's credit of its own after the byline's stop
            cut = rights.start()
    depth = 0
    for at in range(pos, cut):  # a credit opened inside brackets ends with them
        ch = text[at]
        if ch in "([（":
            depth += 1
        elif ch in ")]）":
            if depth == 0:
                return at
            depth -= 1
    return cut


def _weight_at(text: str, end: int, base: float) -> float:
    if _at_end(text, end):
        return base + 0.5
    if not text[end:_line_end(text, end)].strip(" .\t"):
        return base
    return base - 1.0


_CREDIT_WORD = compiled(r"[^\s/()\[\]]+")
_SLASH = compiled("/")
#: Marks before an agency's name that are no part of it ("—AFP/...").
_LEADING_MARKS = ".,;:—–-"
_SLASH_OR_WORD = compiled(r"/|[^\s/]+")
_WORD = compiled(r"\S+")
_LINE = compiled(r"[^\n]+")


def _agency_leads(text: str, rules: Rules) -> Iterator[Candidate]:
    """'... March 11, 2025. REUTERS/Tingshu Wang', 'REUTERS/Go Nakamura/File Photo ATTENTION EDITORS ...'."""
    for slash in _SLASH.finditer(text):
        at = slash.start()
        line_start = text.rfind("\n", 0, at) + 1
        # an agency's name is at most four words: the words of the 120 characters before the slash do, unless
        # the window cuts into the fourth-last word
        window = max(line_start, at - 120)
        # Only the last four words count: found first in the 40 characters before the slash, which give the same
        # four when they hold a fifth (only the first word a window finds can be cut short by its start).
        near = max(window, at - 40)
        words = list(_CREDIT_WORD.finditer(text, near, at))
        if near > window and len(words) < 5:
            words = list(_CREDIT_WORD.finditer(text, window, at))
        if window > line_start and len(words) < 5:
            window = line_start
            words = list(_CREDIT_WORD.finditer(text, window, at))
        words = words[-4:]
        start = None
        for n in range(len(words), 0, -1):
            first = words[-n]
            if first.group() == "&":
                continue  # "News & Observer/MCT": the end of a longer name, no agency of its own
            name = text[first.start(): at].strip()
            if rules.standard_agency(name.lstrip(_LEADING_MARKS)):
                start = first.start()
                while start < at and text[start] in ".,;:—–-":
                    start += 1
                break
        if start is None:
            start = _outlet_after_a_stop(text, words, at)
            if start is None:
                continue
        before = text[:start].rstrip(" \t")
        written = text[start:at]
        if before.endswith("/") or before and before[-1] not in ".!?\n\"”|—–:" and not written[:3].isupper() and (
                not _spaced_slash_closing(text, at)):
            continue  # "Tayfun Salci/ZUMA Press Wire/...": the agency does not lead
        if _inside_brackets(text, start):
            continue  # brackets are read whole
        if text[-1:].isdigit() and _a_closing_stamp(text, start):
            continue  # "Reuters / Friday, October 13, 2017": a gallery's stamp, read as a line of its own
        end = _credit_tail_end(text, at + 1)
        content = text[start:end].rstrip(" ,;")
        cut_end = end + 1 if text[end:end + 1] == "." else end
        yield Candidate(content, start, cut_end if not _at_end(text, cut_end) else len(text),
                        _weight_at(text, cut_end, 2.5), True)


def _outlet_after_a_stop(text: str, words: list[re.Match[str]], at: int) -> int | None:
    """Where an outlet the registry does not know starts, leading a credit before the "/" at `at` right after a
    sentence's stop: a paper by its words ("... 2012. THE QUORVA POST-COURIER/Ana Ruiz </p>") or its initials
    ("... garden. QNS/Ana Ruiz SEARCH ..."), so that the credit's names end where an agency's would (the page's
    leftovers after them are no part of it); else None."""
    if not words or words[-1].end() != at:
        return None
    for n in range(min(4, len(words)), 0, -1):
        first = words[-n].start()
        if text[first - 2:first] != ". " and text[first - 1:first] != "\n":
            continue
        name = text[first:at]
        if ":" in name or not all(word[:1].isupper() for word in name.split()) or _abbreviation_before(
                text, first - 2) or not (
                is_media(name) and name[:1].isupper() or n == 1 and _OUTLET_INITIALS.fullmatch(name)):
            return None
        return first
    return None


def _a_closing_stamp(text: str, start: int) -> bool:
    """Whether the caption's last line, from `start`, is a gallery's stamp of an outlet and a date (see
    ``_AGENCY_DATE_STAMP``)."""
    return "\n" not in text[start:] and _AGENCY_DATE_STAMP.fullmatch(text[start:].rstrip()) is not None


def _spaced_slash_closing(text: str, at: int) -> bool:
    """A " / " at `at` on the caption's last line with no other "/" after it: an agency set apart from the
    photographer by a spaced slash leads the credit even when the prose runs into it with no stop ("... at
    Cheltenham Reuters / Ana Ruiz"), where "Ana Ruiz/ZUMA Press Wire" (no spaces) names the photographer first."""
    return text[at - 1:at] == " " and text[at + 1:at + 2] == " " and "\n" not in text[at:].rstrip() and (
        "/" not in text[at + 1:])


_GLUED_TAG = compiled(r"(?:File|Pool|Handout|FILE|POOL|HANDOUT)(?=[A-Z]{2,})")


#: Words in title case that open a sentence and are never a word of a person's name ("A" and "An" may be:
#: an initial, a Vietnamese name).
_OPENERS_AFTER_NAME = frozenset(word.title() for word in SENTENCE_OPENERS if word not in ("a", "an"))


#: A name's word after initials on the same line: "REUTERS/M.V. Thorvaldt".
_NAME_AFTER_INITIALS = compiled(rf"[ \t]+[{CAPITALS}][a-z\u00DF-\u00FF\u0100-\u017F'’-]")


def _initials_then_a_name(text: str, start: int, word: str) -> bool:
    """The word at ``start`` is a person's initials with their stops ("M.V.") and a name's word follows on its line:
    the stop is the initial's, no sentence's ("REUTERS/M.V. Thorvaldt\nWednesday, March 27")."""
    return _INITIALS.fullmatch(word) is not None and _NAME_AFTER_INITIALS.match(text, start + len(word)) is not None


def _credit_tail_end(text: str, pos: int) -> int:
    """Where the "/"-parts after an agency end: at an editors' note, a line break or a sentence's end."""
    end = pos
    words = 0
    for match in _SLASH_OR_WORD.finditer(text[pos:]):
        start = pos + match.start()
        gap = text[end:start]
        if "\n" in gap:
            break
        word = match.group()
        if word == "/":
            words = 0
            continue
        if any(text.startswith(note, start) for note in (*EDITOR_NOTES, *_CLOSERS)):
            break
        glued = _GLUED_TAG.match(word)
        if glued:  # "AFP/FileLAHORE: Police have ...": the next story's dateline glued to the tag
            end = start + glued.end()
            break
        if not (is_person_word(word) or word.casefold() in CREDIT_TAGS or word.isupper()):
            break
        if words and word in _OPENERS_AFTER_NAME:
            break  # "AP Photo/Jon Gambrell The Al Noor Mosque glows ...": the prose starts after the name
        words += 1
        if words > 5:
            break
        if word.endswith(".") and len(word) > 2 and word.casefold() not in ("jr.", "sr.") \
                and not _initials_then_a_name(text, start, word):
            end = start + len(word) - 1
            break
        end = start + len(word)
    return end


#: A place and a year closing the line after a credit's stop: "Image by Ana Ruiz. Tajikistan, 2009.", the picture's
#: own place and date, no part of the credit. (Not after an initial's stop: "Photo by V. Brannagh, 2014." is a
#: person's initial and surname, then the year.)
_PLACE_YEAR_AFTER = compiled(r"(?<!\b[A-Z])\.[ \t]+[A-Z][\w'’ -]{1,40},[ \t]*(?:[A-Z][a-z]+\.?[ \t]+)?"
                             r"(?:1[89]|20)\d\d\.?[ \t]*$")


#: A country in brackets after a name: "Ana Ruiz (France)", "Ana Ruiz (United Kingdom)".
_COUNTRY_CLOSES = compiled(r"(?<=[^\W\d_])[ \t]\(([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\)")


def _lead_ins(text: str, rules: Rules) -> Iterator[Candidate]:
    """'Photo: Nutthawat Wicheanbut', '...the rubblePhotograph: Dimitar Dilkoff/AFP', '© Geoff ROBIN / AFP',
    'The Hill Times photograph by Andrew Meade', wherever they stand."""
    lead_end = -1
    for match in scan(_LEAD_ANYWHERE, _LEAD_STARTS, text):
        start = match.start()
        follows, lead_end = lead_end >= 0 and not text[lead_end:start].strip(), match.end()
        if _inside_brackets(text, start) or follows:
            continue  # read whole by _brackets; "Photo: Photograph courtesy of ...": one credit, read from "Photo:"
        start = _agency_before(text, start, rules)
        end = _tail_end(text, start)
        if match.group()[-2:] in ("by", "BY"):
            end = _name_run_on_end(text, match.end(), end)
        if text[end - 1:end] in (".", "") or text[end - 1:end].isdigit():
            closing = _PLACE_YEAR_AFTER.search(text, start, end)  # "Image by Ana Ruiz. Tajikistan, 2009."
            end = closing.start() if closing else end
        if ":" in text[match.end():end]:  # "Picture by: Ana Ruiz/Quorva Press. Photo: -": a page's empty field after
            empty = _EMPTY_FIELD_CLOSING.search(text[match.end():end])
            end = match.end() + empty.start() + 1 if empty else end
        content = text[start:end].rstrip(" ,;|")  # "Photo: Hung Cuong |": a table's bar after the credit
        if content:
            yield Candidate(content, start, _cut_end(text, end), _weight_at(text, end, 2.0),
                            _standalone(text, start) or text[start - 1:start].isalpha())
        closer = name_closer(text, match.end(), end) if end - match.end() > 6 else None
        if closer is not None and looks_like_person(text[match.end():closer.start()].strip()):
            # "Credit: Ana Ruiz, CC BY 2.0, via ...", "Photographer: Ana Ruiz from Norway": the person's name, then
            # who they are, where the picture came from or its licence (credit_leadins.toml's [[name_closer]]); read
            # when the whole credit is not, and taken out of the caption whole
            outlet = closer.groupdict().get("outlet")
            named = text[start:closer.start()] + (f"/{outlet.strip()}" if outlet else "")
            yield Candidate(named, start, _cut_end(text, end), _weight_at(text, end, 2.0),
                            _standalone(text, start) or text[start - 1:start].isalpha())
        closed = _COUNTRY_CLOSES.search(text, match.end(), end) if ")" in content else None
        if closed is not None and closed.group(1).casefold() in COUNTRIES and text[closed.end():end].strip(" ."):
            # "Credit: Ana Ruiz (France) Find all of our photos here.": a contest's entrant and her country, then the
            # page's own words run on after the bracket, no stop between: the credit ends with the bracket
            close = closed.end()
            yield Candidate(text[start:close], start, _cut_end(text, close), _weight_at(text, close, 2.0),
                            _standalone(text, start) or text[start - 1:start].isalpha())
        label = _LABEL_AFTER_CREDIT.search(text, match.end(), end) if start == 0 and ":" in text[
            match.end():end] else None
        if label is not None and text[match.end():label.start()].strip(" ,;|"):
            # "Photo Credit: Ana Ruiz, Quorva Press Photo: Mabel Cameron reads ...": a credit opening the caption,
            # then the picture's own label before its description; the credit ends where that label begins
            yield Candidate(text[:label.start()].rstrip(" ,;|"), 0, label.start(), 1.5, True)
    # (a text without one of _OUTLET_WORDS holds no start of an outlet's lead-in: not scanned)
    for match in scan(_OUTLET_LEAD, _OUTLET_STARTS, text) if _holds_an_outlet_word(text) else ():
        line_start = text.rfind("\n", 0, match.start()) + 1
        stop = max((m.end() for m in _SENTENCE_STOP.finditer(text, line_start, match.start())
                    if not _abbreviation_before(text, m.start())), default=line_start)
        slashed, bare = match.group().endswith("/"), match.group()[-1:].isspace()
        if bare or slashed and match.group()[0] == "P":
            # "... de la Cambre  QUORVA PRESS AGENCY PHOTO ANA RUIZ": a paper in capitals after the prose, no stop
            stop = _capitals_outlet_before(text, stop, match.start())
        before = text[stop:match.start()]
        outlet = before.lstrip(_MARKS_BEFORE + "/").rstrip()  # ("... in Lima. / Quorva Gazette PHOTO / Ana Ruiz")
        if not outlet or len(outlet) > 40 or not (outlet[0].isupper() or _a_domain(outlet)):
            continue  # ("quorvanews.com Photo/Ana Ruiz": a paper's address, in small letters)
        if (slashed or bare) and not (is_media(outlet) or _a_papers_chain(outlet, rules) or (
                _OUTLET_INITIALS.fullmatch(outlet))) or bare and not outlet.isupper():
            # "Quorva Gazette PHOTO / Ana Ruiz", "LNA Photo / Ana Ruiz": a paper's, by its words or its initials;
            # "QUORVA PRESS AGENCY PHOTO ANA RUIZ": the same in capitals with no mark between
            continue
        start = stop + len(before) - len(before.lstrip(_MARKS_BEFORE + "/"))
        if _inside_brackets(text, start):
            continue
        tail = _tail_end(text, match.end())
        if slashed and tail - match.end() > _NAMES_AFTER_SLASH:
            if start > line_start:
                continue
            # "Quorva Daily Photo/Ana Ruiz The mosque glows ...": the credit opens the line and the prose runs on
            # after the name, where the agency-led credits end
            tail = _credit_tail_end(text, match.end())
            if tail - match.end() > _NAMES_AFTER_SLASH or not text[match.end():tail].strip():
                continue
        end = _name_run_on_end(text, match.end(), tail)
        # a little above the bare lead-in inside it ("Photo by Name"): the outlet's name is part of the credit
        yield Candidate(text[start:end].rstrip(" ,;"), start, _cut_end(text, end), _weight_at(text, end, 2.1),
                        True)


#: A word of an outlet's name set in capitals ("QUORVA", "POST-COURIER", "AU-UN").
_CAPITALS_WORD = compiled(r"[A-Z][A-Z&'’.-]*")


def _capitals_outlet_before(text: str, stop: int, at: int) -> int:
    """Where a paper's name in capitals, by its words, starts right before `at` when the prose runs into it with no
    stop ("... Mamerenbos  QUORVA PRESS AGENCY PHOTO ANA RUIZ"): the first of the two to five words in capitals
    there; else `stop`."""
    words = text[stop:at].split()
    if len(words) < 3 or not words[-1].isupper():
        return stop
    run = 0
    while run < min(5, len(words) - 1) and _CAPITALS_WORD.fullmatch(words[-run - 1]):
        run += 1
    if run < 2 or words[-run - 1].isupper() or not is_media(" ".join(words[-run:])):
        return stop
    return text.rindex(words[-run], stop, at)


def _a_domain(outlet: str) -> bool:
    """Whether `outlet` is a paper's web address, one word ending in a media domain ("quorvanews.com")."""
    return " " not in outlet and "." in outlet and is_media(outlet)


#: An outlet's acronym in a chain: "QNS", "VMP".
_CHAIN_ACRONYM = compiled(r"[A-Z]{2,6}")


def _a_papers_chain(outlet: str, rules: Rules) -> bool:
    """Whether `outlet` is a chain of two outlets before "Photo/", the first a paper by its words or one the
    registry knows, the second a paper too or an acronym: "Quorva Herald/QNS Photo/Ana Ruiz"."""
    first, slash, second = outlet.partition("/")
    first, second = first.strip(), second.strip()
    if not slash or not first or not second or "/" in second:
        return False
    return bool(is_media(first) or rules.standard_agency(first)) and bool(
        is_media(second) or _CHAIN_ACRONYM.fullmatch(second) or rules.standard_agency(second))


#: A byline's name, two to four capitalised words, then a sentence run on after it with no stop: a capitalised
#: word and a word in small letters ("Story and photos by Bebi Oosman Known as ‘Coco Belly Village’ ...").
_NAME_THEN_SENTENCE = compiled(r"[ \t]*((?:[A-Z][\w’'.-]*[ \t]+){1,3}?[A-Z][\w’'-]+)[ \t]+[A-Z][a-z]+[ \t]+([a-z]+)")


def _name_run_on_end(text: str, name_start: int, end: int) -> int:
    """Where a byline's name after "by" at `name_start` ends when a page ran the next paragraph on after it, with no
    stop nor line break (the name, then a capitalised word and one in small letters, not a name's particle);
    else `end`.

    >>> text = "Story and photos by Ana Ruiz Known as the fish village, Quorva lies by the sea."
    >>> text[:_name_run_on_end(text, 19, len(text))]
    'Story and photos by Ana Ruiz'
    """
    if end - name_start < 24:  # (a name alone is shorter: nothing runs on after it)
        return end
    run_on = _NAME_THEN_SENTENCE.match(text, name_start, end)
    if run_on is None or run_on.group(2) in NAME_PARTICLES or not looks_like_person(run_on.group(1)):
        return end
    return run_on.end(1)


def _run_on_bylines(text: str, rules: Rules) -> Iterator[Candidate]:
    """'Snowy scenery on Yulong Snow Mountain photo by Ma Dengke': a byline in small letters run on after the prose
    with no stop, read from its "photo by"; a little below an outlet's byline that the words before it may make
    ("Gn photo by Rasheed", ``_lead_ins``), and not standalone: only a reading sure of itself wins from here."""
    if "photo" not in text and "picture" not in text:
        return
    for match in scan(_OUTLET_LEAD, _OUTLET_STARTS, text):
        if match.group()[:1] != "p" or match.start() == 0 or not text[match.start() - 1].isspace() or (
                _inside_brackets(text, match.start())):
            continue
        end = _tail_end(text, match.end())
        dash = _SPACED_DASH.search(text, match.end(), end)
        if dash:  # "A Wild Ride, July 13: photo by John Leyba – Shot around 9:30 p.m. ...": the account goes on
            end = dash.start()
        yield Candidate(text[match.start():end].rstrip(" ,;"), match.start(), _cut_end(text, end),
                        _weight_at(text, end, 1.4), False)


_SPACED_DASH = compiled(r"\s[-–—]{1,2}\s")


def _agency_before(text: str, start: int, rules: Rules) -> int:
    """Where a credit opened by a lead-in at `start` begins when a known agency stands just before it on the
    same line ("... Mamerenbos  BELGA PHOTO THIERRY ROGE"): the agency's first word; else `start`."""
    line_start = text.rfind("\n", 0, start) + 1
    words = list(_WORD.finditer(text[max(line_start, start - 40):start]))
    offset = max(line_start, start - 40)
    if not words or not words[-1].group()[-1].isalnum() or not text[start - 1].isspace():
        return start  # "... the Associated Press. Photo by ...": a sentence ends there; "dawnPhotograph:" glued
    for n in range(min(3, len(words)), 0, -1):
        first = words[-n]
        if not first.group()[0].isalnum():
            continue  # "— Kt photo by": the agency's name starts after the dash
        if rules.standard_agency(text[offset + first.start():start].strip()):
            return offset + first.start()
    return start


def _abbreviation_before(text: str, stop: int) -> bool:
    """The stop at `stop` ends an abbreviation ("U.S.", "Jr.", "Sept."), not a sentence."""
    word = text[max(0, stop - 12):stop + 1].split()
    return bool(word) and (word[-1].casefold().lstrip("(\"“") in ABBREVIATIONS or len(word[-1]) == 2)


_INITIALS = compiled(r"(?:[A-Z]\.)+")


#: A person's name (its first word no initial), then a comma, a dash or a slash and what closes the caption:
#: "Ana Ruiz, Getty Images", "Ana Ruiz—Reuters", "Ana Ruiz / AP".
_NAME_THEN_CLOSING = compiled(r"([A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){1,3})(?:, |\s*[—–/|]\s*)([^,—–/|\n]{2,40})")


def _name_then_known_agency(text: str, start: int, rules: Rules) -> bool:
    """Whether the text from `start` to its end is a person's name, a separator and an agency the registry knows
    (what the place's initials before it, "D.C.", leave as a credit)."""
    match = _NAME_THEN_CLOSING.fullmatch(text, start)
    return match is not None and looks_like_person(match.group(1)) and bool(
        rules.standard_agency(match.group(2).strip()))


def _initials_before(text: str, stop: int) -> bool:
    """The stop at `stop` ends a name's initials ("U.S.", "U."), not a sentence."""
    word = text[max(0, stop - 12):stop + 1].split()
    return bool(word) and _INITIALS.fullmatch(word[-1].lstrip("(\"“")) is not None


def _saint_or_mount_before(text: str, stop: int) -> bool:
    """The stop at `stop` ends the "St." or "Mt." that opens a place's name ("in St. Stephens Green"), not a
    sentence: the words after it are the place, never a credit."""
    return text[max(0, stop - 3):stop + 1].lstrip(" (\"“").casefold() in _SAINT_OR_MOUNT


_SAINT_OR_MOUNT = frozenset({"st.", "mt.", "ft.", "ste."})
#: A web address's ending right after its stop: "LINDTPOST.NET/Ana Ruiz", "(Photo: QUORVANEWS.COM)".
_ADDRESS_END = compiled(r"(?:com|net|org|co|cn|tv|news|gov|info)\b", re.IGNORECASE)


def _web_address_at(text: str, stop: int) -> bool:
    """The stop at `stop` is a web address's, glued between its name and its ending ("QUORVANEWS.COM/Ana Ruiz":
    an outlet set in capitals), not a sentence's: the credit starts before the name, never at "COM"."""
    return text[stop - 1:stop].isalnum() and _ADDRESS_END.match(text, stop + 1) is not None


def _cut_end(text: str, end: int) -> int:
    return len(text) if _at_end(text, end) else end


#: A plain "By" opening a line under a headline, above more lines of text: the story's byline, its writers (a
#: picture's byline says "Photo by").
_STORY_BYLINE = compiled(r"(?:By|BY)\s+\S")


def _lines(text: str, rules: Rules) -> Iterator[Candidate]:
    """A credit on a line of its own: '© Sameer Al-DOUMY / AFP' last, 'Jiang Xiaowei / SHINE' first."""
    spans = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
    if len(spans) < 2:
        return
    # "Petrut Calinescu" then "Agdam, Nagorno Karabakh": a gallery's name line, then its place line, close it
    above_place = len(spans) - 2 if len(spans) >= 3 and _place_closes(text[spans[-1][0]:spans[-1][1]]) else -1
    for number, (start, end) in enumerate(spans):
        line = text[start:end].strip()
        if len(line) > 120:
            continue
        start += len(text[start:end]) - len(text[start:end].lstrip())
        if line.endswith("/") and number + 1 < len(spans) and len(line) > 1:
            # "Dax Melmer /" then "Windsor Star": a credit broken after its slash goes on on the next line
            number, end = number + 1, spans[number + 1][1]
            line = f"{line} {text[spans[number][0]:end].strip()}"
            written = text[start:end].strip()
        else:
            written = None
        last = number == len(spans) - 1
        if number and len(text[spans[number - 1][0]:spans[number - 1][1]]) <= 24 and text[
                spans[number - 1][0]:spans[number - 1][1]].strip(_LABEL_MARKS).casefold() in _OTHER_FIELDS:
            continue  # "Genre" then "Street Photography": the value of a field table's other field, no credit
        if ">" in line and _BREADCRUMB.fullmatch(line):
            continue  # "Guangming Online> Picture": a site's breadcrumb over the caption, no credit
        if number <= 1 and len(spans) - number > 2 and _STORY_BYLINE.match(line):
            continue  # "Pay tribute to China's farmers" / "By Huang Jingjing and Long Wei" / ...: a story's writers
        closing = number == above_place
        weight = 2.5 if last or closing else 1.5 if number == 0 else 1.2 if number <= 3 else 0.8
        if last and number and "/" in line and line[-1].isdigit() and _AGENCY_DATE_STAMP.fullmatch(line):
            # "Reuters / Wednesday, February 25, 2015": a gallery's stamp under the caption, below any credit the
            # caption holds above it, even one the reader is unsure of; alone, it still names the agency
            weight = -0.5
        yield Candidate(line, start, len(text) if last else end, weight, True, written=written, closing=closing)
        if last and number > 0 and len(line) <= 40 and rules.standard_agency(line):
            # "Noah Berger" then "AP Photo": a gallery sets the photographer and the agency on two lines
            above = text[spans[number - 1][0]:spans[number - 1][1]]
            before = above.strip()
            if 2 <= len(before.split()) <= 4 and len(before) <= 40:
                at = spans[number - 1][0] + len(above) - len(above.lstrip())
                yield Candidate(f"{before} / {line}", at, len(text), weight, True, written=text[at:end].strip())
        elif not last and 2 <= number <= 3 and len(line) <= 40 and _a_papers_line(line):
            # "LAKESIDE" / "ANA B. RUIZ" / "The Quorva Sentinel" over the prose: a paper's page sets its slug, its
            # photographer's name and the paper's own on lines above the caption, as "Ana Ruiz / The Quorva
            # Sentinel" on one (not the caption's first line: "Harbour Days" over the paper's name is a title)
            above = text[spans[number - 1][0]:spans[number - 1][1]]
            before = above.strip()
            if 2 <= len(before.split()) <= 4 and len(before) <= 40 and looks_like_person(before):
                at = spans[number - 1][0] + len(above) - len(above.lstrip())
                yield Candidate(f"{before} / {line}", at, end, weight, True, written=text[at:end].strip())
        if not last:
            yield from _after_a_separator(text, start, end, weight, rules)
            if len(line) <= 16 and line.strip(_LABEL_MARKS).casefold() in _LABEL_ALONE:
                # "- Copyright" then "- George Steinmetz": a picture library's field table, the label on a line
                # and its value on the next
                after = text[spans[number + 1][0]:spans[number + 1][1]]
                value = after.strip().lstrip(_LABEL_MARKS)
                if value and len(value) <= 60:
                    closes = number + 1 == len(spans) - 1
                    yield Candidate(f"{line.strip(_LABEL_MARKS)}: {value}", start,
                                    len(text) if closes else spans[number + 1][1],
                                    2.5 if closes else 1.2, True, written=text[start:spans[number + 1][1]].strip())


#: A paper's name alone on a line, its article first and a paper's title noun in it: "The Quorva Sentinel", "The
#: Quorvan-Pilot".
_PAPERS_LINE = compiled(r"The [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}")


def _a_papers_line(line: str) -> bool:
    """Whether a line is a paper's name and nothing else: "The" and capitalised words, a media word among them."""
    return line[:4] == "The " and _PAPERS_LINE.fullmatch(line) is not None and is_media(line)


#: A site's breadcrumb on a line of its own, words parted by ">" and nothing else: "Guangming Online> Picture",
#: "Home > News > Photos".
_BREADCRUMB = compiled(r"[\w .,&'’-]+(?:>[\w .,&'’-]+)+>?")


#: A gallery's stamp of who and when on the last line, an outlet then a date: "Reuters / Wednesday, February 25,
#: 2015". It names the agency, but a credit in the caption above it says more.
_AGENCY_DATE_STAMP = compiled(r"[A-Z][\w.&' -]{1,38}\s/\s(?:[A-Z][a-z]+day,\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?|"
                              r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?)\s+(?:19|20)\d\d")


#: A credit's label alone on a line, its value on the next (a picture library's field table); and the marks that
#: open such a table's lines.
_LABEL_ALONE = frozenset({"copyright", "photographer", "credit", "credits", "photo credit", "image credit", "author"})
_LABEL_MARKS = " \t-•*:"
#: The labels of a field table's other fields, alone on a line above their value ("Genre" then "Street
#: Photography", "Camera" then "CANON EOS 1V"): the value below is no credit.
_OTHER_FIELDS = frozenset({"genre", "camera", "lens", "place", "location", "category", "categories", "tags",
                           "keywords", "title", "subject", "posted on", "modified on", "shooting date", "date",
                           "exposure", "aperture", "focal length", "iso", "shutter speed", "format", "size"})


def _place_closes(line: str) -> bool:
    """Whether the caption's last line is a place line alone, a city then its region, all capitalised ("Agdam,
    Nagorno Karabakh", "Dakar, Senegal"): the cheap tests (one comma, a short line, no digit) before the gazetteer.

    >>> _place_closes("Dakar, Senegal"), _place_closes("Li Jian, Hunan Daily"), _place_closes("Senegal")
    (True, False, False)
    """
    line = line.strip()
    if line.count(",") != 1 or len(line) > 50 or any(ch.isdigit() for ch in line):
        return False
    city, region = (item.strip() for item in line.split(","))
    if not (city[:1].isupper() and region[:1].isupper()) or len(city.split()) > 3 or len(region.split()) > 3:
        return False
    return names_a_region(region) or not is_media(region) and known_place(city, 10_000)


#: A "/" or a hyphen after a space or a stop: how _SEPARATOR's slashes and double hyphens begin ("in Lagos / Ana
#: Ruiz", "... on Monday./Ana Ruiz", "... -- Ana Ruiz"), unlike the slash of "Xinhua/Li Xin" or a name's hyphen.
_SLASH_OR_HYPHEN_APART = compiled(r"[\s.!?][/-]")


def _may_hold_separator(text: str, start: int, end: int | None = None) -> bool:
    """Whether text[start:end] may hold one of ``_SEPARATOR``'s marks: a few substring tests spare the pattern's
    tries at every space of a line that has none (most lines of prose). (From the character before `start`: the
    pattern's look-behind sees it.)"""
    span = text[max(0, start - 1):end]
    if "|" in span or "—" in span or "–" in span or "==" in span:
        return True
    return ("/" in span or "-" in span) and _SLASH_OR_HYPHEN_APART.search(span) is not None


def _after_a_separator(text: str, start: int, end: int, weight: float, rules: Rules) -> Iterator[Candidate]:
    """A credit closing a line above more text after a separator, opened by a lead-in: a photo blog's title
    line "Young monks changing their robes – Photo Mari Nicholson", then the story (the last line's are
    ``_tails``'), or set as "Name/Outlet" with an outlet the registry or a media word names ("Day in Photos –
    May 11, 2020 - Russ Dillingham/Sun Journal"). Without either the words after a title's dash are its place
    ("... - Valencia, Spain")."""
    marks = list(_SEPARATOR.finditer(text, start, end)) if _may_hold_separator(text, start, end) else []
    if not marks:
        return
    at = marks[-1].end()
    while at < end and text[at] in " \t—–-|=":
        at += 1
    content = text[at:end].strip()
    if content and len(content) <= 60 and (strip_lead_in(content, rules)[1] is not None
                                           or _name_then_outlet(content, rules)):
        yield Candidate(content, at, end, weight, True)


#: A "file" tag after an outlet's name in small letters: "Russ Dillingham/Sun Journal file".
_FILE_AFTER = compiled(r"\s+(?:file|staff)$", re.IGNORECASE)


def _name_then_outlet(content: str, rules: Rules) -> bool:
    """Whether `content` is "Name/Outlet": a person's name, one slash, then an outlet the registry knows or a media
    word names ("Russ Dillingham/Sun Journal", "ANA RUIZ / Daily Graphic file"); not "Smith/Lee", a title's pair."""
    name, slash, outlet = content.partition("/")
    if not slash or "/" in outlet:
        return False
    outlet = _FILE_AFTER.sub("", outlet.strip())
    return bool(outlet) and (rules.standard_agency(outlet) is not None or is_media(outlet)) and looks_like_person(
        name.strip())


#: A wire's notes after its credit, shouted: its archive's subject tags ("(CHINA - Tags: SOCIETY)") and its
#: restriction notes ("CHINA OUT.", "NO COMMERCIAL OR EDITORIAL SALES IN CHINA", "EDITORIAL USE ONLY", "MANDATORY
#: CREDIT", "JAPAN OUT, CREDIT MANDATORY", a comma or a semicolon between them): capitals only, so a credit's
#: names never end in one (the rights reader keeps the restrictions).
_WIRE_NOTES = compiled(r"(?:\s*\((?:[A-Z][A-Z .&'/-]*\s+-\s+)?Tags:[^)]*\)|[,;]?\s+(?:[A-Z]+ )*(?:OUT|ONLY)\b\.?"
                         r"|[,;]?\s+NO (?:[A-Z]+ )*[A-Z]+\b\.?"
                         r"|[,;]?\s+(?:MANDATORY CREDIT|CREDIT MANDATORY)\b\.?)+\s*$")


def without_wire_notes(text: str) -> str:
    """The text without the wire's notes that end it (the archive's tags, restriction notes), and without a
    handout's notes that a wire runs on after its credit, from the first on: "EPA/QUORVA MINISTRY HANDOUT - BEST
    QUALITY AVAILABLE - HANDOUT EDITORIAL USE ONLY/NO SALES" -> "EPA/QUORVA MINISTRY HANDOUT" (a text that opens
    with one is a note, no credit: "")."""
    text = before_handout_notes(text)
    if text[-1:].isupper() and any(word in text for word in _WIRE_NOTE_WORDS) or (
            text.endswith((")", ".")) and "Tags:" in text):
        return _WIRE_NOTES.sub("", text)
    return text


def before_handout_notes(text: str) -> str:
    """`text` up to the first of the notes a wire runs on after a handout's credit (``_HANDOUT_NOTES``)."""
    if "/NO " in text or "QUALITY" in text or "EDITORIAL" in text:  # (cheap tests first: most credits hold none)
        note = _HANDOUT_NOTES.search(text)
        if note:
            return text[:note.start()].rstrip(" -–—/,;")
    return text


#: The notes a wire sets after a handout's credit, in capitals: where the credit's names end.
_HANDOUT_NOTES = compiled(r"(?:^|(?<=[\s/–—-]))(?:BEST QUALITY AVAILABLE|HANDOUT EDITORIAL USE|(?:FOR )?EDITORIAL USE"
                            r"|NO SALES\b|NO ARCHIVES\b)")


#: A word each of _WIRE_NOTES's shapes holds, as written (the pattern heeds case): a text holding none is let by
#: without the pattern tried at every character.
_WIRE_NOTE_WORDS = ("Tags:", "OUT", "ONLY", "NO ", "MANDATORY CREDIT", "CREDIT MANDATORY")


#: Marks a page sets before a credit at the end: dashes, bars, bullets, triangles ("... evening. ▲ Name/Outlet"),
#: colons (a regional paper's "... in San Pedro. :: NAME").
_MARKS_BEFORE = " \t—–-|=•·▲►▶*_:"


#: A name in capitals, then a "/", after a word in small letters: where a credit in capitals starts when the prose
#: before it has no stop ("... in Mumbai CAO XIURU/FOR CHINA DAILY"). (The capital comes first and the look-behind
#: after it reads it again, so the engine skips to capitals at once instead of trying the look-behind at every
#: character; the matches are the same.)
_CAPITALS_RUN_ON = compiled(rf"[{CAPITALS}](?<=[a-z,;] [{CAPITALS}])[{CAPITALS}'’.-]+"
                             rf"(?: [{CAPITALS}][{CAPITALS}'’.-]+){{1,3}} ?/ ?\S[^/\n]*(?:/[^/\n]*)*$")


#: A date ("August 15, 2019 ", or "15, 2019 " when the stop after "Aug." opened the span), then a name and a "/":
#: how the USA TODAY network's papers run the photo's date into the credit. The name opens with a capital of any
#: alphabet and may hold initials, capitals or a particle ("T. Ruiz", "ANA RUIZ", "Søren Lindt", "Ana de Lindt").
_DATE_BEFORE_CREDIT = compiled(r"(?:[A-Z][a-z]{2,8}\.? )?\d{1,2},? \d{4} (?=[^\W\d_a-z][^\s/]* [^/]*/\s?[A-Z])")
#: A date, then a byline "By Name, Outlet" closing the caption with no stop between them: "... stables. April 27,
#: 2019 By Ana Ruiz, Quorva Journal". The date is the photo's, the byline after it the credit.
_DATE_BEFORE_BYLINE = compiled(r"(?:(?:[A-Z][a-z]{2,8}\.? )?\d{1,2},?|\d{1,2} [A-Z][a-z]{2,8}\.?) \d{4} "
                               r"(?=By [A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}, [A-Z][^,\n]{1,40}$)")
_MONTH_STARTS = frozenset(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"))


#: A last line that is a note in brackets, a paper's issue line or the like: "(China Daily Africa Weekly ... page5)".
_NOTE_LINE = compiled(r"[ \t]*[(\[][^()\[\]\n]{3,100}[)\]][ \t.]*")


def _tails(text: str, rules: Rules) -> Iterator[Candidate]:
    """What follows the last sentence or a separator at the end of the caption: '... 2020.MA CHAOWU/...',
    '... in Bahawalpur | Arif Ali/White Star', '... in Kuala Lumpur. — Bernama photo', '... on Wednesday. He Wei'."""
    stripped = text.rstrip(" \t\n#")
    line_start = max(stripped.rfind("\n") + 1, len(stripped) - 160)  # a credit is short: the line's end only
    if line_start and (_NOTE_LINE.fullmatch(stripped, line_start) or _AGENCY_DATE_STAMP.fullmatch(
            stripped, line_start)) and stripped[:line_start].strip():
        # "... on Feb 8. Fabrice Ngon / Xinhua" then "(China Daily Africa Weekly 02/17/2017 page5)": a paper's note
        # in brackets on the last line, or a gallery's stamp "Reuters / Wednesday, February 25, 2015"; the credit
        # closes the line above it
        above = stripped[:line_start].rstrip(" \t\n|")
        weight = 1.8 if stripped[line_start:].lstrip()[:1] in "([" else 2.2  # (above a stamp: the caption's own end)
        above_start = max(above.rfind("\n") + 1, len(above) - 160)
        for match in _SENTENCE_STOP.finditer(above, above_start):
            start = match.end()
            content = above[start:].lstrip(_MARKS_BEFORE)
            if content and len(content) <= 60 and "/" in content:
                start = len(above) - len(content)
                yield Candidate(content, start, len(above), weight, True)
    starts = set()
    for match in _SENTENCE_STOP.finditer(stripped, line_start):
        if not _initials_before(stripped, match.start()) and not _saint_or_mount_before(stripped, match.start()) and (
                not _web_address_at(stripped, match.start())):
            # ("The U.S. Navy photo is by": one credit; "this one in St. Stephens Green": a place's name;
            # "QUORVANEWS.COM/Ana Ruiz": an outlet's address)
            starts.add(match.end())
        elif _initials_before(stripped, match.start()) and _name_then_known_agency(stripped, match.end(), rules):
            # "... in Washington, D.C. Ana Ruiz, Getty Images", "D.C. Ana Ruiz—Reuters": the place's initials end
            # the sentence when what follows is a person's name and an agency the registry knows, set apart
            starts.add(match.end())
    if _may_hold_separator(stripped, line_start):
        for match in _SEPARATOR.finditer(stripped, line_start):
            starts.add(match.end())
    if line_start not in starts and line_start and stripped[line_start - 1] == "\n" and "/" in stripped[line_start:]:
        dated = _DATE_BEFORE_CREDIT.match(stripped, line_start)
        if dated:  # "May 1, 2019 Jeff Faughender/Courier Journal" on a line of its own: the credit after the date
            yield Candidate(stripped[dated.end():], dated.end(), len(text), 2.2, True)
    closing = _PLACE_YEAR_AFTER.search(stripped, line_start) if stripped[-1:] in ".0123456789" else None
    for start in sorted(starts):
        while start < len(stripped) and stripped[start] in _MARKS_BEFORE:
            start += 1
        if closing is not None and start < closing.start():
            # "... of Muhammad.Image by Ana Ruiz. Tajikistan, 2009.": the picture's place and year close the line
            # after the credit, and are left to the place and date readers
            if stripped[start:closing.start()].strip():
                yield Candidate(stripped[start:closing.start()], start, closing.start() + 1, 2.2, True, closing=True)
            continue
        content = stripped[start:]
        if content and (len(content) <= 100 or len(without_wire_notes(content)) <= 100):
            yield Candidate(content, start, len(text), 2.2, True)
            if ("/" in content or " By " in content) and (content[0].isdecimal() or content[:3] in _MONTH_STARTS):
                dated = _DATE_BEFORE_CREDIT.match(content) or _DATE_BEFORE_BYLINE.match(content)
                if dated:  # "... at the fair. Aug. 15, 2019 Jeff Faughender/Courier Journal": the date is the
                    # photo's (left to the description), the credit follows it on the line
                    yield Candidate(content[dated.end():], start + dated.end(), len(text), 2.2, True)
    run_on = _CAPITALS_RUN_ON.search(stripped, line_start) if "/" in stripped[line_start:] else None
    if run_on and run_on.start() not in starts and not _inside_brackets(stripped, run_on.start()):
        # "... on a water-logged street in Mumbai CAO XIURU/FOR CHINA DAILY": a credit in capitals run on after the
        # prose with no stop; its capitals say where it starts
        yield Candidate(stripped[run_on.start():], run_on.start(), len(text), 2.0, True)


def _glued_label(text: str, rules: Rules) -> Iterator[Candidate]:
    """'Image copyrightAFPImage captionWhile ...': a web page's labels run into the caption."""
    match = _GLUED_LABEL.match(text)
    if match:
        yield Candidate(match.group(1), 0, match.end(), 2.5, True)


_GLUED_AT = compiled(r"[A-Z](?<=[a-z][A-Z])(?=[a-z])")
_GLUED_STOP = compiled(r"[a-z]{2}\.[A-Z][a-z]")  # (the capital, consumed: the engine skips to capitals)
#: A photographer's name in capitals, then a "/": how papers that set the credit in capitals open it.
_CAPITALS_CHAIN = compiled(rf"[{CAPITALS}][{CAPITALS}'’.-]+(?: [{CAPITALS}][{CAPITALS}'’.-]+){{1,3}} ?/ ?\S")


#: Words in capitals opening a caption, then a word in title case on the same line: an agency's name set apart
#: from the prose by its capitals ("ASSOCIATED PRESS Workers gather ..."), or a picture desk's slug, the agency and
#: its town in capitals and the day in figures ("QUORVA PRESS BELFAST 08/09/2020 Firefighters ...").
_CAPITALS_HEAD = compiled(r"([A-Z][A-Z&.'’-]+(?: [A-Z][A-Z&.'’-]+){0,3}) +(?:\d{1,2}/\d{1,2}/(?:\d\d){1,2} +)?"
                          r"(?=[A-Z][a-z])")


#: A credit in capitals opening the caption, a name, "/" and an outlet or a role in capitals, then the prose's
#: first word in title case on the same line: "ANA RUIZ / QUORVA FREE PRESS Pelican Lake ...". (With a bar, "ANA
#: RUIZ | QCC Above, ...", it is ``_name_outlet_head``'s.)
_CAPITALS_CHAIN_HEAD = compiled(rf"([{CAPITALS}][{CAPITALS}'’.-]+(?: [{CAPITALS}][{CAPITALS}'’.-]+){{1,3}}"
                                r" ?/ ?"
                                rf"[{CAPITALS}][{CAPITALS}&'’.-]+(?: [{CAPITALS}][{CAPITALS}&'’.-]+){{0,4}}) +"
                                rf"(?=[{CAPITALS}][a-z])")


#: A local paper's credit opening the caption: a name in title case or capitals, "/" or a bar between spaces, the
#: paper in capitals (its initials, or its words), then the prose's first word in title case on the same line:
#: "Ana Ruiz/QUORVA SUN Volunteers sort ...", "ANA RUIZ | QDN Above, members of ...".
_NAME_OUTLET_HEAD = compiled(rf"((?:[{CAPITALS}][\w'’.-]+ ){{1,3}}?[{CAPITALS}][\w'’-]+(?:/| \| )"
                             rf"[{CAPITALS}][{CAPITALS}&'’.-]+(?: [{CAPITALS}][{CAPITALS}&'’.-]+){{0,3}}) +"
                             rf"(?=[{CAPITALS}][a-z])")
#: A web page's template key left in the text before the caption: "story.lead_photo.caption Ana Ruiz/QUORVA SUN ...".
_TEMPLATE_KEY = compiled(r"[a-z_]+(?:\.[a-z_]+)+ +(?=[A-Z])")


def _name_outlet_head(text: str, rules: Rules) -> Iterator[Candidate]:
    """'Ana Ruiz/QUORVA SUN Volunteers sort food ...', 'ANA RUIZ | QDN Above, members ...': a local paper's credit
    opening the caption, a person's name and the paper in capitals, set apart from the prose by those capitals (a
    template key a page left before it, "story.lead_photo.caption", is cut with it)."""
    key = _TEMPLATE_KEY.match(text) if text[:1].islower() else None
    at = key.end() if key else 0
    match = _NAME_OUTLET_HEAD.match(text, at, at + 80)
    if match is None:
        return
    name = re.split(r"/| \| ", match.group(1), maxsplit=1)[0]
    if looks_like_person(name):
        yield Candidate(match.group(1), 0, match.end(1), 1.5, True)


def _glued_head(text: str, rules: Rules) -> Iterator[Candidate]:
    """'The Yomiuri ShimbunFarm fields in ...': a credit at the very start, run into the caption's first word.
    Not standalone: only a reading that is sure of itself (a known agency) can win from here, or a "/" chain
    whose first name is in capitals ('TERESA STEPZINSKI/The Times-UnionAn MRI machine ...')."""
    head = text[:60]
    for match in _GLUED_AT.finditer(head):
        content = head[:match.start()].strip()
        if content and "\n" not in content and not ("." in content and _GLUED_STOP.search(content)):
            # (a stop glued to a capital before it: the prose ran on there, "Staff Photo/Ana Ruiz.Lt. MacKay ...")
            yield Candidate(content, 0, match.start(), 1.5, _CAPITALS_CHAIN.match(content) is not None)
    if head[:2].isupper():
        chain = _CAPITALS_CHAIN_HEAD.match(head)
        if chain is not None:
            # "ANA RUIZ / QUORVA FREE PRESS Pelican Lake and ...", "ANA RUIZ / STAFF PHOTOGRAPHER Ruth Tucci, of ...":
            # a paper's credit in capitals, name then outlet or role, set apart from the prose by its capitals
            yield Candidate(chain.group(1), 0, chain.end(1), 1.5, True)
        capitals = _CAPITALS_HEAD.match(head)
        if capitals and rules.standard_agency(capitals.group(1)):
            # "ASSOCIATED PRESS Workers gather cucumbers ...": an agency in capitals, then the prose after a space
            yield Candidate(capitals.group(1), 0, capitals.end(1), 1.5, False)


#: Where a credit opening the caption ends: a dash between spaces, a sentence's stop (not an initial's: "Sudhir
#: R. Bhandari/ON"), a line break. (The pattern opens by taking the one character every way of ending opens with, so
#: the engine skips to such characters at once; what follows is told by that character, each way in its old order:
#: after a space, a dash, a bar or the break itself; after a dash, spaces; after a stop, no initial before it, or
#: a capital glued to it after a word's small letters: "Staff Photo/Ana Ruiz.Lt. Cole of ...", the prose run on.)
_HEAD_END = compiled(r"[\s—–.](?:(?<=\s)(?:\s*[-–—]{1,2}\s+|\s*[—–]\s*|\s*\|\s+|(?<=\n))|(?<=[—–])\s*"
                       r"|(?<=\.)(?<!\s[A-Z]\.)(?<!^[A-Z]\.)(?=\s)|(?<=[a-z]{2}\.)(?=[A-Z][a-z]))")


_HEAD_LEAD = compiled(r"(?:photo|picture|image|pic|credit|©)", re.IGNORECASE)


def _head(text: str, rules: Rules) -> Iterator[Candidate]:
    """'JOSELITO VILLASIS/PN - PASSERSBY BEWARE. Keep clear ...', 'Photo: Ana Ruiz – Volunteers clear ...': a
    credit opening the caption, up to the first dash, stop or line break; the prose runs on after it. A person's
    name alone there is the caption's subject (``credits._score`` takes it only at the end), and so are two names
    in title case ("John Smith/Ann Lee - The couple married ...")."""
    match = _HEAD_END.search(text, 0, 100)
    if match is None or match.start() < 3 or text[match.start()] == "\n":
        return  # a line of its own is ``_lines``' business
    content = text[:match.start()].strip()
    # (only a chain whose first name is in capitals, as wire-style credits set it, or that ends with an outlet
    # the registry knows or a media word names, or a lead-in: a headline's
    # "Smith/Lee - ..." or "Photo Essay - ..." is no credit, and the first sentence of every other caption is
    # left unread, which keeps the import's credit reading as fast as it was)
    if not content or _inside_brackets(text, match.start()):
        return
    outlet = content.rsplit("/", 1)[-1].strip() if "/" in content else ""
    if _CAPITALS_CHAIN.match(content) or (outlet and (rules.standard_agency(outlet) or is_media(outlet))) or (
            _HEAD_LEAD.match(content) and strip_lead_in(content, rules)[1]) or (
            outlet and content.split("/", 1)[0].strip().casefold() in CREDIT_TAGS):
        # (the last: a tag, a "/" and a name, "Staff Photo/Ana Ruiz.Lt. Cole of Columbus shows ...")
        yield Candidate(content, 0, match.end(), 1.5, True)


_TAG_HEAD = compiled(r"(?:pool|file|handout)\s+photo\s*/\s*", re.IGNORECASE)


def _tagged_head(text: str, rules: Rules) -> Iterator[Candidate]:
    """'Pool photo / The Yomiuri Shimbun The Emperor and ...': a tag and an agency open the caption and the
    prose runs on after them; the longest known agency name after the tag ends the credit."""
    match = _TAG_HEAD.match(text)
    if match is None:
        return
    words = list(_WORD.finditer(text[match.end(): match.end() + 60]))
    for n in range(min(4, len(words)), 0, -1):
        end = match.end() + words[n - 1].end()
        if rules.standard_agency(text[match.end():end]):
            yield Candidate(text[:end], 0, end, 1.5, False)
            return


#: A title line's byline: the title (a quoted one, or words in title case with only the small words of a title in
#: lower case) and "by" with a name of two to five words (``text.is_person_word``: "Ana de la Cruz") closing the
#: caption's first line.
_TITLE_BYLINE = compiled(r"[ \t]+by[ \t]+([A-Z]\S*(?:[ \t]+\S+){1,4})[ \t]*$")
_TITLE_SMALL_WORDS = frozenset({"of", "the", "and", "in", "at", "on", "a", "an", "for", "to", "with", "from", "de",
                                "la", "del", "da", "di", "du", "van", "von", "y", "e"})
_QUOTED_TITLE = compiled(r"[“\"‘'][^“”\"\n]{1,60}[”\"’']")


def _a_title(title: str) -> bool:
    """Whether the words before a first line's "by" read as a picture's title, not a sentence: a quoted title
    ("“Breath of Spring”") or words in title case ("Badshahi Mosque, Lahore", "Fiat 500, Amalfi"); a sentence
    ("Dubai Creek crossing by Abra", "Boats were hit by Heavy Rain") has a word in small letters that no title's
    small word is."""
    if _QUOTED_TITLE.fullmatch(title):
        return True
    words = title.replace(",", " ").split()
    return 0 < len(words) <= 8 and words[0][:1].isupper() and all(
        word[:1].isupper() or word[:1].isdigit() or word in _TITLE_SMALL_WORDS for word in words)


def _title_bylines(text: str, rules: Rules) -> Iterator[Candidate]:
    """'Ontario Legislative Building by Roland Shainidze' then the caption: a contest's or a readers' gallery's
    entry names its photographer after the title, on the first line; the caption follows on the next. Only a
    title (``_a_title``) and a person's name that is no place ("by Lake Placid" is where, not who)."""
    first_end = text.find("\n")
    if first_end < 0 or first_end > 100 or " by " not in text[:first_end] or not text[first_end:].strip():
        return
    line = text[:first_end].rstrip()
    match = _TITLE_BYLINE.search(line)
    if match is None or not _a_title(line[:match.start()].strip()):
        return
    name = match.group(1)
    words = name.casefold().split()
    if words[0] in VENUE_PREFIXES or words[-1] in VENUE_WORDS or not all(map(is_person_word, name.split())) or (
            not looks_like_person(name) or known_place(name)):
        return  # ("by Lake Geneva", "by Quorva Bridge": where it was taken from)
    at = match.start() + len(match.group()) - len(match.group().lstrip())
    yield Candidate(line[at:], at, first_end, 1.5, True)


#: A readers' gallery's entry: the sender's name and a colon open the caption ("Ana Ruiz: My son bowls on the
#: beach"), and the entry's line speaks of the picture as the sender's own.
_SENDER_HEAD = compiled(r"((?:[^\W\d_][\w.'’-]*[ \t]+){1,3}[^\W\d_][\w'’-]*):[ \t]+")
#: A heading's words that no sender's name holds: the days and months ("Silent Sunday:", "Golden October:").
_CALENDAR_WORDS = frozenset([day.casefold() for day in WEEKDAYS] + [
    month.casefold().rstrip(".") for names in MONTHS.values() for month in names])
_FIRST_PERSON = compiled(r"\b(?:[Mm]y|me|I|[Ww]e|[Oo]ur|us)\b|\b(?:picture|photo|shot)\s+(?:was\s+)?taken\b")


def _sender_heads(text: str, rules: Rules) -> Iterator[Candidate]:
    """'Hassan Kausar: Can he bag a wicket? - A game between my son and ...': a readers' gallery names the sender,
    who took the picture, before a colon, and the entry speaks in the first person on that line ("my son", "asked
    me", "This picture was taken"). A heading before a colon ("Silent Sunday: The domes of ...", "Downtown Tirana:
    a statue ...") is told apart by that voice, a kicker ("SAD SIGHT:") by its capitals, and both by their words
    (a weekday, a place, a venue's word). The name alone would read as no credit, so the candidate is read as the
    sender's byline ("Photo by" the name) and keeps the name as written."""
    match = _SENDER_HEAD.match(text)
    if match is None:
        return
    line_end = text.find("\n", match.end())
    if _FIRST_PERSON.search(text, match.end(), line_end if line_end >= 0 else len(text)) is None:
        return
    name = match.group(1)
    if name.isupper():
        return  # "FINAL BREAKTHROUGH: Tanks reach the palace ...": a kicker in capitals, no sender
    words = name.casefold().split()
    if any(word in _CALENDAR_WORDS for word in words) or words[0] in VENUE_PREFIXES or (
            words[-1] in VENUE_WORDS) or not looks_like_person(name) or known_place(name):
        return
    yield Candidate(f"Photo by {name}", 0, match.end(), 1.5, True, written=name)


def _line_end_agencies(text: str, rules: Rules) -> Iterator[Candidate]:
    """'A cow looks into the lens Pacemaker' then a blank line: a gallery's caption with the picture agency's name
    run on after its last word, no stop or mark between them, above the paragraph that follows. Only a wire or a
    photo agency the registry knows, after a word in small letters that is no word leading to a name ("by", "to",
    "told": "... first reported by Reuters" is prose), on a line with no stop at its end."""
    if "\n\n" not in text and "\n \n" not in text:
        return
    for match in _LINE_BEFORE_BLANK.finditer(text):
        line = match.group(1)
        if line[-1:] in _LINE_END_MARKS:
            continue
        words = line.split()
        for count in (3, 2, 1):
            if len(words) < count + 3:
                continue
            before = words[-count - 1]
            if not before.isalpha() or not before.islower() or before in _WORDS_LEADING_TO_A_NAME:
                continue
            name = " ".join(words[-count:])
            if name[:1].isupper() and rules.agency_kind(name) in ("wire", "photo agency"):
                at = match.start(1) + line.rindex(name)
                yield Candidate(name, at, match.end(1), 1.2, True)
                break


#: A line with a blank line after it: the line's text in group 1.
_LINE_BEFORE_BLANK = compiled(r"(?m)^[ \t]*([^\n]*\S)[ \t]*\n[ \t]*\n(?=[ \t]*\S)")
#: Marks that end a line of prose or a credit of another shape.
_LINE_END_MARKS = frozenset(".!?:;,)]\"”’'/|")
#: Words after which a name is whom the prose speaks of or to, not a credit run on after a caption.
_WORDS_LEADING_TO_A_NAME = frozenset({
    "by", "to", "from", "for", "of", "and", "or", "with", "at", "in", "on", "via", "the", "a", "an", "told", "said",
    "says", "tells", "according", "than", "as", "like", "about", "against", "between", "that", "whom",
})


#: Where credits sit. Every spot proposes candidates; each is read as a credit, and the reading that scores
#: best (``credits._score``: the spot's weight, a lead-in or a known agency, a person named) wins.
CREDIT_SPOTS: tuple[CreditSpot, ...] = (
    CreditSpot("brackets", "... Oct. 14, 2025. (Photo/Zhang Dagang)", _brackets),
    CreditSpot("unclosed brackets", "... on June 3, 2013. (Photo by STR/AFP", _unclosed_bracket),
    CreditSpot("agency-led", "... March 11, 2025. REUTERS/Tingshu Wang", _agency_leads),
    CreditSpot("lead-in", "... the rubblePhotograph: Dimitar Dilkoff/AFP/Getty Images", _lead_ins),
    CreditSpot("run-on byline", "... on Yulong Snow Mountain photo by Ma Dengke", _run_on_bylines),
    CreditSpot("own line", "...December 28, 2022.\n© Sameer Al-DOUMY / AFP", _lines),
    CreditSpot("tail", "... Karachi's Taheri Masjid | Fahim Siddiqi/White Star", _tails),
    CreditSpot("glued web label", "Image copyrightAFPImage captionWhile ...", _glued_label),
    CreditSpot("glued head", "The Yomiuri ShimbunFarm fields in the Soga district ...", _glued_head),
    CreditSpot("tagged head", "Pool photo / The Yomiuri Shimbun The Emperor and Empress bow ...", _tagged_head),
    CreditSpot("name and outlet head", "Ana Ruiz/QUORVA SUN Volunteers sort food at the pantry ...",
               _name_outlet_head),
    CreditSpot("head", "JOSELITO VILLASIS/PN - PASSERSBY BEWARE. Keep clear of this hole ...", _head),
    CreditSpot("title byline", "Ontario Legislative Building by Roland Shainidze\nThe building stands ...",
               _title_bylines),
    CreditSpot("sender head", "Ana Ruiz: My son bowls on the beach at dawn", _sender_heads),
    CreditSpot("line-end agency", "A cow looks into the lens Pacemaker\n\nOrganisers expect ...",
               _line_end_agencies),
)

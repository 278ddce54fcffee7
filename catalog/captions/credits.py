"""Find a caption's credit line and split it into photographer, agency and provider.

Ordered tables drive it. ``CREDIT_SPOTS`` says where a credit may sit in a caption (closing brackets, an
agency-led tail, the last line, the first line...), each with an example; the first spot that holds
something that reads as a credit wins. ``LEAD_INS`` says what the words opening a credit mean ("Photo by",
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
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from catalog.captions.rules import Rules
from catalog.captions.text import is_capitalised, is_person_word, scan
from catalog.captions.types import Credit
from catalog.captions.vocabulary import (
    ABBREVIATIONS,
    COUNTRIES,
    CREDIT_TAGS,
    EDITOR_NOTES,
    HANDOUT_TAGS,
    MEDIA_DOMAINS,
    MEDIA_WORDS,
    MONTHS,
    ORGANISATION_WORDS,
    POSITION_WORDS,
    RANKS,
    WEEKDAYS,
)


@dataclass(frozen=True)
class LeadIn:
    """Words that open a credit (or one part of it) and what they make of the names after them."""

    pattern: str  # a regex, matched at the start, case ignored
    role: str  # byline | provider | recipient | courtesy | label | contributor
    example: str


#: Tried in order at the start of the credit, then again at the start of each "/" part.
LEAD_INS: tuple[LeadIn, ...] = (
    LeadIn(r"(?:photo\s+)?credit\s+should\s+read\s*:\s*", "label",
           "Photo credit should read: David Parry/PA Wire"),
    LeadIn(r"(?:photos?|pictures?|images?)\s+and\s+(?:text|words|story)\s+by\s*:?\s+", "byline",
           "Photos and text by Ryan Wilde"),
    LeadIn(r"photographed\s+by\s+", "byline", "Photographed by Andrey Rudakov for Bloomberg"),
    LeadIn(r"photographer\s*:\s*", "label", "Photographer: Ore Huiying/Bloomberg"),
    LeadIn(r"(?:supplied|author)\s*:\s*", "label", "(Supplied: Tracey Nearmy)"),
    LeadIn(r"(?:all\s+)?(?:photos?|images?|pictures?)\s+(?:are\s+|is\s+)?provided\s+by\s+", "provider",
           "(Photo provided by the China National Space Administration)"),
    LeadIn(r"provided\s+by\s+", "provider", "(Provided by Hainan Airlines)"),
    LeadIn(r"(?:all\s+)?(?:photos?|images?|pictures?)\s+(?:are\s+|is\s+)?provided\s+to\s+", "recipient",
           "[All Photos provided to Xinhua]"),
    LeadIn(r"provided\s+to\s+", "recipient", "[Photo by Li Wei/Provided to China Daily]"),
    LeadIn(r"(?:(?:photo|photograph|image|picture)s?\s+)?courtesy(?:\s+of)?\s+", "courtesy",
           "(Photo courtesy of the CMESO)"),
    LeadIn(r"(?:handout\s+)?(?:photo\s+)?(?:released\s+by|handout\s+from)\s+", "provider",
           "(Handout from the Indonesian Navy)"),
    LeadIn(r"(?:all\s+)?(?:photo|photograph|image|picture)s?\s+(?:is\s+)?by\s*:?\s+", "byline",
           "[Photo by Wang Jing/China Daily]"),
    LeadIn(r"(?:photo|image|picture)\s+credits?\s*:\s*", "label", "Photo Credit: (NASA/Joel Kowsky)"),
    LeadIn(r"credits?\s*:\s*", "label", "Credit: NASA/Bill Ingalls"),
    LeadIn(r"(?:photo|photos|photograph|image|picture|pictures|source)\s*:\s*", "label", "Photo: AP"),
    LeadIn(r"image\s*copyright\s*|copyright\s*(?:©\s*)?|©\s*|\(c\)\s+", "label", "© Geoff ROBIN / AFP"),
    LeadIn(r"image\s+source\s*,?\s*", "label", "Image source, Getty Images"),
    LeadIn(r"(?:photo|photograph|picture|pic)\s*/\s*", "photo/", "(Photo/Zhang Dagang), [Photo/IC]"),
    LeadIn(r"(?:photo|image|picture)s?\s+via\s+", "byline", "(Photo via CFP)"),
    LeadIn(r"(?-i:PHOTO|PIC)\s+(?=(?-i:[A-Z]{2,}))", "byline", "PHOTO REBECCA BLISSETT"),
    LeadIn(r"by\s+", "byline", "(By Li Xin)"),
    LeadIn(r"for\s+", "contributor", "ZHANG WEI / FOR CHINA DAILY"),
)

#: All lead-ins as one alternation, tried in table order: the first that matches is the one a loop over
#: LEAD_INS would find, in one call instead of sixteen (group "l3" is the fourth lead-in).
_ANY_LEAD_IN = re.compile("|".join(f"(?P<l{i}>{lead.pattern})" for i, lead in enumerate(LEAD_INS)), re.IGNORECASE)
_VIA = re.compile(r"\s+via\s+", re.IGNORECASE)
_MEDIA_ENDINGS = ("photo", "photos", "foto", "pics", "images", "news", "press")  # "Sipaphoto", "CFOTO"
_SEVERAL = re.compile(r"\s*,\s*|\s+(?:and|&)\s+")
_EXPANSION = re.compile(r"\s*\([^()]*\)$")
#: Kinds of the agency registry that hand pictures out rather than publish them: a provider beside an outlet.
PROVIDER_KINDS = frozenset({"space agency", "government"})
_RANK = re.compile(r"^(?:(?:" + "|".join(RANKS) + r")(?:\s+\([A-Z/]{1,8}\))?\s+)+", re.IGNORECASE)
_SLASH = re.compile(r"\s*/\s*")
_TRAILING_TAG = re.compile(r"(?:,\s*|\s+-\s+|\s+)(File|Pool|Handout|FILE|POOL|HANDOUT)$")
_RESTRICTION = re.compile(r"^[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)? OUT$")  # "CHINA OUT", "China OUT"
_MONTH_OR_DAY = frozenset(n.casefold().rstrip(".") for names in MONTHS.values() for n in names) | frozenset(
    d.casefold() for d in WEEKDAYS
)


@dataclass
class Part:
    """One "/"-separated piece of a credit, with what it was read as."""

    text: str
    kind: str  # person | agency | org | tag
    value: str  # standard agency name, the organisation without "the", the person as written, the tag folded
    segment: int  # which "via" segment it sits in (0 = first)
    role: str | None = None  # a lead-in met at the start of this part ("Provided to China Daily")
    library: bool = False  # an agency the registry calls a photo agency (Getty Images, Shutterstock, VCG)


@dataclass
class Reading:
    """A credit read from some text: the facts, and whether something in it said "this is a credit"."""

    credit: Credit
    strong: bool  # a lead-in ("Photo by", "©") or a known agency; weak readings need a standalone spot
    shaped: bool = True  # more than one name ("Name/Outlet", "Name, Daily"): not a person's name alone


def agency_for(credit_text: str, rules: Rules) -> str | None:
    """The standard agency a credit line names ("AP Photo/Andy Wong" -> "AP"), for embedded credits."""
    credit = read_credit(credit_text, rules, strong_only=False)
    if credit is not None and credit.agency:
        return credit.agency
    return rules.standard_agency(credit_text)


def read_credit(raw: str, rules: Rules, *, strong_only: bool = True) -> Credit | None:
    """The facts in a credit line, or None when the text does not read as a credit.

    >>> from catalog.captions.rules import load_rules
    >>> read_credit("AP Photo/Andy Wong", load_rules())
    Credit(raw='AP Photo/Andy Wong', photographer='Andy Wong', agency='AP', provider=None)
    """
    reading = _read(raw, rules)
    if reading is None or (strong_only and not reading.strong):
        return None
    return reading.credit


#: How many credit texts `rules.readings` keeps before it starts again.
READINGS_KEPT = 1024


def _read(raw: str, rules: Rules) -> Reading | None:
    """`_read_credit`, remembered per text: the credit of one photographer reads the same on every photo."""
    known = rules.readings.get(raw, _UNREAD)
    if known is _UNREAD:
        known = _read_credit(raw, rules)
        if len(rules.readings) >= READINGS_KEPT:
            rules.readings.clear()
        rules.readings[raw] = known
    # A copy: callers set the credit's raw text to what the caption says around it.
    return None if known is None else Reading(dataclasses.replace(known.credit), known.strong, known.shaped)


_UNREAD = object()


def _read_credit(raw: str, rules: Rules) -> Reading | None:
    body = _tidy(raw, rules)
    roles: list[str] = []
    outlet = _OUTLET_BYLINE.match(body)
    if outlet and outlet.group("outlet").casefold() not in _NOT_OUTLETS and not looks_like_person(
            outlet.group("outlet")) and (
            rules.standard_agency(outlet.group("outlet")) or looks_like_organisation(outlet.group("outlet"))):
        # "ST PHOTO: SHINTARO TAY", "U.S. Navy photo by Mass Communication Specialist ...": the outlet, then
        # its photographer
        body = f"{outlet.group('outlet')}/{outlet.group('rest')}"
        roles.append("outlet")
    while True:
        body, role = _strip_lead_in(body)
        if role is None:
            break
        roles.append(role)
        inner = re.fullmatch(r"[(\[]([^()\[\]]+)[)\]]", body)
        if inner:  # "Photo Credit: (NASA/Joel Kowsky)"
            body = inner.group(1).strip()
    if not body:
        return None
    parts: list[Part] = []
    for number, segment in enumerate(_VIA.split(body)):
        for piece in _pieces(segment, rules):
            part = _part(piece, number, rules)
            if part is None:
                return None
            parts.append(part)
    names = [p for p in parts if p.kind != "tag"]
    if not names:  # "Photo: Handout" is a credit naming nobody; "(File photo)" is no credit
        return Reading(Credit(raw=raw), True) if roles else None
    first = names[0]
    if first.kind == "org" and len(names) > 1 and "outlet" not in roles and looks_like_person(first.text,
                                                                                               lenient=True):
        first.kind, first.value = "person", first.text  # "Photo by Sean Weekly/Animal News Agency"
    credit = _decide(raw, parts, roles, rules)
    handout = len(parts) > 1 and any(p.kind == "tag" and p.value in HANDOUT_TAGS for p in parts)
    strong = bool(roles) or handout or any(p.kind == "agency" or p.role for p in parts)
    shaped = (len(names) > 1 and ("/" in body or any(p.kind != "person" and is_media(p.value) for p in names))
              or (len(names) == 1 and names[0].kind == "org" and is_media(names[0].value)))
    return Reading(credit, strong, shaped)


#: What may follow a credit's names and is no part of them: "*MANDATORY CREDIT*", "(RELEASE)", "(Released)".
_NOTE_TAIL = re.compile(r"(?:[,;]?\s*\*[^*]{2,40}\*|\.?\s*[(\[]\s*(?:released?|file|handout|ho)\s*[)\]])+\s*$",
                        re.IGNORECASE)
_KEPT_STOP = re.compile(r"(?:\b(?:Jr|Sr)|\b[A-Z])\.$")  # "Brooks B. Patton Jr.": the stop is the name's
_COPYRIGHT_YEAR = re.compile(r"^((?:©|\(c\)|copyright)\s*)(?:19|20)\d\d\b[,\s]*", re.IGNORECASE)
_MONTH_WORD = "(?:" + "|".join(sorted({re.escape(n.rstrip(".")) for names in MONTHS.values() for n in names},
                                        key=len, reverse=True)) + r")\.?"
#: A date written after a credit: "EPA Photo, 12 April 2017", "CNA photo March 22, 2026".
_DATE_TAIL = re.compile(
    rf"[,\s]+(?:\w+day,?\s+)?(?:\d{{1,2}}\s+{_MONTH_WORD},?\s+\d{{4}}|{_MONTH_WORD}\s*\d{{1,2}},?\s+\d{{4}}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\s*$", re.IGNORECASE)
#: Words before "photo by" that are no outlet: "All Photos by", "File photo by", "This photo by".
_NOT_OUTLETS = CREDIT_TAGS | {"all", "our", "this", "these", "that", "the", "a", "an", "undated", "aerial",
                              "drone", "archive", "archival", "stock", "feature", "other", "more", "top", "main"}
#: "<outlet> photo by <name>", "<OUTLET> PHOTO: <NAME>": the outlet first, then the photographer.
_OUTLET_BYLINE = re.compile(
    r"^(?P<outlet>[^/:()\[\],]{1,40}?)\s+(?:photo|photograph|picture|pic|image)s?\s*(?:(?:is\s+)?by\b\s*:?\s*|:\s*)"
    r"(?P<rest>\S.*)$", re.IGNORECASE)
#: A lower-case letter right before a capital inside a word: where a scraped credit ran two names together
#: ("Sean GallupGetty Images").
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def _tidy(raw: str, rules: Rules) -> str:
    """The credit text without what is around the names: a closing stop, a "==" or dash left by a CMS, a
    copyright year, a date after the credit, and with names that a scraper glued together set apart again.

    >>> from catalog.captions.rules import load_rules
    >>> _tidy("© 2025 Chen Mengtong/VCG via AP Photo.", load_rules())
    '© Chen Mengtong/VCG via AP Photo'
    >>> _tidy("Photograph: Sean GallupGetty Images", load_rules())
    'Photograph: Sean Gallup/Getty Images'
    """
    body = raw.strip().lstrip("=—–-| ").strip()
    body = _NOTE_TAIL.sub("", body).strip()
    if body.endswith(".") and not _KEPT_STOP.search(body):
        body = body.rstrip(".").strip()
    body = _COPYRIGHT_YEAR.sub(r"\1", body)
    body = _DATE_TAIL.sub("", body)
    if _GLUED.search(body):
        body = _unglue(body, rules)
    return body


def _unglue(body: str, rules: Rules) -> str:
    """Set "/" where a known agency's name starts glued to the word before it ("HerreraEuropa Press")."""
    for match in reversed(list(_GLUED.finditer(body))):  # from the right: "YamLos Angeles TimesGetty Images"
        at = match.start()
        rest = re.split(r"\s*(?:/|\bvia\b)\s*", body[at:], maxsplit=1)[0].split()
        word_start = max(body.rfind(" ", 0, at), body.rfind("/", 0, at)) + 1
        if not rest or rules.standard_agency(body[word_start:at] + rest[0]):
            continue  # the whole word is an agency: "NurPhoto", "LightRocket"
        if any(rules.standard_agency(" ".join(rest[:n])) for n in range(len(rest), 0, -1)):
            body = body[:at] + "/" + body[at:]
    return body


def _strip_lead_in(text: str) -> tuple[str, str | None]:
    match = _ANY_LEAD_IN.match(text)
    if match is None:
        return text, None
    if match.end() < len(text):
        assert match.lastgroup is not None  # every lead-in is a named group
        return text[match.end():].strip(), LEAD_INS[int(match.lastgroup[1:])].role
    for lead in LEAD_INS:  # the first lead-in is all there is: a later one may leave some text
        match = re.match(lead.pattern, text, re.IGNORECASE)  # (re's cache keeps them compiled)
        if match and match.end() < len(text):
            return text[match.end():].strip(), lead.role
    return text, None


def _pieces(segment: str, rules: Rules) -> list[str]:
    """The "/" pieces of one segment, with pieces that make one agency name joined again ("EPA/EFE")."""
    pieces = [p for p in _SLASH.split(segment.strip()) if p]
    joined: list[str] = []
    for piece in pieces:
        if joined and rules.standard_agency(f"{joined[-1]}/{piece}"):
            joined[-1] = f"{joined[-1]}/{piece}"
        else:
            joined.append(piece)
    out: list[str] = []
    for piece in joined:
        tag = _TRAILING_TAG.search(piece)  # "(AP Photo/Andy Wong, File)", "EPA-EFE/JAPAN COAST GUARD HANDOUT"
        if tag and tag.start() > 0:
            out.extend([*_split_names(piece[: tag.start()], rules), tag.group(1)])
        else:
            out.extend(_split_names(piece, rules))
    return out


_COMMA = re.compile(r"\s*,\s*")
_FROM_FOR = re.compile(r"\s+(from|for)\s+", re.IGNORECASE)


def _split_names(piece: str, rules: Rules) -> list[str]:
    """One "/" piece as the names it holds: "Li Jian, Hunan Daily" is a person and a newspaper; "Zhang
    Yongtao from People's Daily Online" and "Andrey Rudakov for Bloomberg" a person and the outlet; in
    "Getty Images for Flannels" the client after "for" is no part of the credit."""
    found = _FROM_FOR.search(piece)
    if found and found.start() > 0:
        left, right = piece[: found.start()], piece[found.end():]
        if rules.standard_agency(left) or (looks_like_organisation(left) and not looks_like_person(left)):
            return _split_names(left, rules)  # "Getty Images for Flannels": the client is left out
        if looks_like_person(left) and (rules.standard_agency(right) or is_media(right)):
            return [left, "for " + right]
    if "," in piece and not _standard_with_comma(piece, rules):
        items = [item for item in _COMMA.split(piece) if item]
        if len(items) > 1 and all(_part(item, 0, rules) is not None for item in items):
            return items
    return [piece]


def _standard_with_comma(piece: str, rules: Rules) -> bool:
    return rules.standard_agency(piece) is not None


def _part(piece: str, segment: int, rules: Rules) -> Part | None:
    """Read one piece as a person, an agency, another organisation or a tag; None if it is none of them."""
    text = piece.strip().strip(",;:").strip()
    if re.match(r"(?:HO|Handout)\s*-\s*\S", text):  # "THE CANADIAN PRESS/HO-Annick deGooyer": a handout from
        return Part(text, "org", re.sub(r"^(?:HO|Handout)\s*-\s*", "", text), segment, "handout")
    expanded = _EXPANSION.search(text)
    if expanded and expanded.start() > 0:  # "WANA (West Asia News Agency)": the name, without its expansion
        text = text[: expanded.start()]
    text, role = _strip_lead_in(text)
    if role in ("byline", "label", "photo/"):
        role = None
    folded = text.casefold()
    if not text:
        return None
    if folded in CREDIT_TAGS or _RESTRICTION.match(text):
        return Part(text, "tag", folded, segment, role)
    agency = rules.standard_agency(text)
    if agency:
        if rules.agency_kind(text) in PROVIDER_KINDS:  # "Xinhua/CNSA": a space agency hands out, not an outlet
            return Part(text, "org", agency, segment, role)
        return Part(text, "agency", agency, segment, role, library=rules.agency_kind(text) == "photo agency")
    ranked = _RANK.match(text)
    if ranked and looks_like_person(text[ranked.end():]):  # "Sgt. Calab Franklin"
        return Part(text, "person", text[ranked.end():], segment, role)
    if looks_like_person(text):
        return Part(text, "person", text, segment, role)
    names = _SEVERAL.split(text)
    if len(names) > 1 and all(looks_like_person(name) for name in names):
        return Part(text, "person", names[0], segment, role)  # "Luo Jieke & Zou Hong": the first named
    if looks_like_organisation(text):
        return Part(text, "org", re.sub(r"^the\s+", "", text, flags=re.IGNORECASE), segment, role)
    return None


def looks_like_person(text: str, lenient: bool = False) -> bool:
    """Two to five name words, none of them an organisation's: "Andy Wong", "WU HAO", "Sameer Al-DOUMY".

    `lenient` lets a media word pass ("Sean Weekly"), for the photographer's slot of a byline.
    """
    words = text.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in text) or words[0].casefold() == "the":
        return False
    if sum(1 for w in words if is_capitalised(w)) < 2 or not all(is_person_word(w) for w in words):
        return False
    folded = [w.casefold().strip(".,") for w in words]
    if any((w in MEDIA_WORDS and not lenient) or w in ORGANISATION_WORDS for w in folded):
        return False
    return text.casefold() not in COUNTRIES


def looks_like_organisation(text: str) -> bool:
    """A name that is not a person's: "VCG", "CNSA", "China Manned Space Agency", "eastday.com"."""
    folded = text.casefold()
    if folded in POSITION_WORDS or folded in _MONTH_OR_DAY or len(text) > 80:
        return False
    if "." in text and " " not in text and folded.endswith((*MEDIA_DOMAINS, ".gov", ".org", ".int")):
        return True
    words = text.split()
    if folded in COUNTRIES:
        return False
    if len(words) == 1:
        word = words[0]
        return len(word) >= 2 and word[0].isupper() and not any(ch.isdigit() for ch in word[:1])
    small = {"of", "the", "and", "for", "de", "&", "on", "in", "du", "des", "la", "to", "at"}
    if re.fullmatch(r"\d+(?:st|nd|rd|th)?", words[0]):
        words = words[1:]  # "7th MPAD", "680 NEWS"
    elif not words[0][0].isupper() and words[0].casefold() != "the":
        return False
    return all(is_capitalised(w) or w.casefold() in small for w in words) and len(words) <= 10


def is_media(name: str) -> bool:
    """An organisation that is a news or photo outlet by its name: "Animal News Agency", "eastday.com"."""
    folded = name.casefold()
    if folded.endswith(MEDIA_DOMAINS) and " " not in folded:
        return True
    words = [word.strip(".,") for word in folded.split()]
    return any(word in MEDIA_WORDS or word.endswith(_MEDIA_ENDINGS) for word in words)


@dataclass
class Chain:
    """A read credit's parts sorted for the decision rules below."""

    parts: list[Part]
    role: str | None  # the lead-in that decides: provider, recipient, courtesy, byline, photo/ (or None)

    def __post_init__(self) -> None:
        self.names = [p for p in self.parts if p.kind != "tag"]
        self.people = [p for p in self.names if p.kind == "person"]
        self.outlets = [p for p in self.names if p.kind in ("agency", "org")]
        self.last_segment = max(p.segment for p in self.parts)  # > 0 when there is a "via"
        self.handout = any(p.kind == "tag" and p.value in HANDOUT_TAGS or p.role == "handout" for p in self.parts)
        self.recipient = next((p for p in self.names if p.role == "recipient"), None)

    def distributor(self) -> str | None:
        """The agency after the last "via": "X/China News Service/VCG via Getty Images" -> Getty Images."""
        last = [p for p in self.outlets if p.segment == self.last_segment]
        return last[-1].value if last and self.last_segment else None

    def joined(self, parts: list[Part]) -> str | None:
        return "/".join(p.value for p in parts) or None


def _provided_by(chain: Chain, credit: Credit) -> bool:
    """(Photo provided by the China National Space Administration): a provider, nobody else."""
    if chain.role != "provider":
        return False
    credit.provider = chain.joined([p for p in chain.names if p.segment == 0])
    credit.agency = chain.distributor()
    return True


def _provided_to(chain: Chain, credit: Credit) -> bool:
    """[Photo provided to China Daily]: the recipient distributes it; the supplier is unnamed."""
    if chain.role != "recipient" and chain.recipient is None:
        return False
    target = chain.recipient or (chain.outlets[-1] if chain.outlets else None)
    credit.agency = target.value if target else None
    if chain.people and chain.role != "recipient":  # "Photo by Li Wei/Provided to China Daily"
        credit.photographer = chain.people[0].value
    return True


def _courtesy(chain: Chain, credit: Credit) -> bool:
    """(Photo courtesy of the CMESO): a provider. "courtesy of Edgard Garrido/Reuters" is ordinary."""
    if chain.role != "courtesy":
        return False
    if chain.people and any(p.kind == "agency" or is_media(p.value) for p in chain.outlets):
        return False
    credit.provider = chain.joined([p for p in chain.names if p.segment == 0])
    credit.agency = chain.distributor()
    return True


def _ordinary(chain: Chain, credit: Credit) -> bool:
    """(Xinhua/Li Xin), [Photo by Wang Jing/China Daily], who took it and sent it."""
    outlets = chain.outlets
    credit.photographer = chain.people[0].value if chain.people and not chain.handout else None
    if chain.last_segment:
        credit.agency = chain.distributor()  # the last distributor
    elif outlets and chain.names[0] in outlets and chain.role not in ("byline", "photo/"):
        credit.agency = outlets[0].value  # agency-led: "Xinhua/Li Xin", "AFP PHOTO/ARASH KHAMOOSHI/ISNA"
        libraries = [p for p in outlets if p.library]
        if outlets[0].kind == "org" and libraries and not chain.people:
            credit.agency = libraries[-1].value  # "PinPep/Shutterstock": a contributor, then the library
            return True
    elif outlets:
        credit.agency = outlets[-1].value  # byline-led: "Photo by Wang Jing/China Daily"
    for source in SOURCE_RULES:
        if source.applies(chain, credit):
            break
    return True


@dataclass(frozen=True)
class SourceRule:
    """When an ordinary credit also names an outside source (the provider), and which names that is."""

    name: str
    example: str
    applies: Callable[[Chain, Credit], bool]


def _handout_source(chain: Chain, credit: Credit) -> bool:
    if not chain.handout:
        return False
    names = [p for p in chain.names if p.segment == 0 and p.kind != "agency" and p.value != credit.agency]
    credit.provider = chain.joined(names)
    return True


def _outside_source(chain: Chain, credit: Credit) -> bool:
    outlets = chain.outlets
    if chain.people or not outlets:  # "(Photo/Embassy of Nepal to China)": a provider; "[Photo/IC]" an agency
        return False
    if any(p.kind == "agency" or is_media(p.value) for p in outlets):
        return False
    credit.provider, credit.agency = chain.joined(outlets), None
    return True


def _distributed_source(chain: Chain, credit: Credit) -> bool:
    if chain.people or not credit.agency or chain.role in ("byline", "photo/"):
        return False
    # An organisation, or an agency other than the one that sends it (the registry knows KCNA as a news agency:
    # in "REUTERS/KCNA" Reuters sends what KCNA released), that is not a media outlet by its name.
    sources = [p for p in chain.outlets if p.kind in ("org", "agency") and not is_media(p.value)
               and not is_media(p.text)]
    sources = [p for p in sources if p.value != credit.agency]
    if chain.last_segment:
        sources = [p for p in sources if p.segment < chain.last_segment]
    credit.provider = chain.joined(sources)
    return True


#: Tried in order after an ordinary credit is read; the first that applies decides the provider.
SOURCE_RULES: tuple[SourceRule, ...] = (
    SourceRule("handout", "Maxar Technologies/Handout via REUTERS: provider Maxar Technologies",
               _handout_source),
    SourceRule("outside source alone", "CNSA/CLEP, (LOC), Photo: China Manned Space Agency: no agency",
               _outside_source),
    SourceRule("source sent by an agency", "Xinhua/CNSA, REUTERS/KCNA, (NASA via AP): provider CNSA...",
               _distributed_source),
)

#: How a credit's names are decided, tried in order; see the module docstring for worked examples.
CREDIT_RULES = (_provided_by, _provided_to, _courtesy, _ordinary)


def _decide(raw: str, parts: list[Part], roles: list[str], rules: Rules) -> Credit:
    """Who is who in a read credit, by the first of ``CREDIT_RULES`` that applies."""
    deciding = [r for r in roles if r != "label"]
    role = next((r for r in deciding if r not in ("byline", "photo/")), deciding[0] if deciding else None)
    chain = Chain(parts, role)
    credit = Credit(raw=raw)
    for rule in CREDIT_RULES:
        if rule(chain, credit):
            break
    if credit.photographer and not credit.agency:
        credit.agency = rules.staff_agency(credit.photographer)
    return credit


# --- where a credit sits ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Found:
    """A credit found in a caption: the facts, and the span to cut from the caption for its description."""

    credit: Credit
    cut_start: int  # the span the description leaves out (brackets and closing full stop included)
    cut_end: int
    spot: str = ""  # where it sat (a CREDIT_SPOTS name), for `parse-caption --explain`
    score: float = 0.0


@dataclass(frozen=True)
class Candidate:
    """A span of the caption that may hold its credit, and how likely a credit is to sit there."""

    content: str  # the credit as written there (without enclosing brackets)
    start: int  # the span the description leaves out if this is the credit
    end: int
    weight: float  # where it sits: the end of the caption weighs most
    standalone: bool  # on a line of its own, in closing brackets, or after a separator at a line's end
    enclosed: bool = False  # in brackets that close the caption: "(LOC)", "(Library of Congress)"


@dataclass(frozen=True)
class CreditSpot:
    """One kind of place a credit may sit; every spot proposes candidates and the best reading wins."""

    name: str
    example: str
    find: Callable[[str, Rules], Iterator[Candidate]]


#: Brackets holding a credit; one level of inner brackets is allowed ("WANA (West Asia News Agency)").
_BRACKET_GROUP = re.compile(r"[(\[（]((?:[^()\[\]（）\n]|\([^()\n]*\))+)[)\]）]")
_LABEL_BEFORE = re.compile(
    r"(?:(?:photo|image|picture)\s+credits?|credits?|photos?|source)\s*:\s*$", re.IGNORECASE
)
_RESTRICTION_TAIL = re.compile(r"\s*/\s*(?:[A-Z][A-Za-z]*(?:,?\s+[A-Z][A-Za-z]*)*\s+OUT|RESTRICTED\b.*)\s*$")
_JUNK_AFTER = re.compile(  # "(Kyodo) ==Kyodo", "...Swapan Mahapatra)(", "(U.S. Army photo by ...) (Released)"
    r"[\s.#(]*(?:==\s*\S+)?[\s.#(]*(?:[(\[]\s*(?:released?|file|handout|ho)\s*[)\]][\s.]*)?", re.IGNORECASE)
_DATELINE_AFTER = re.compile(r"\s*[-–—]{1,3}\s")
_GLUED_LABEL = re.compile(
    r"^\s*(Image\s*(?:copyright|source)\s*,?\s*(.+?))\s*Image\s*caption\s*,?\s*", re.IGNORECASE
)
_SENTENCE_STOP = re.compile(r"[.!?][\"”’)]*(?:\s+|(?=[A-Z©]))")
#: Marks after which the rest of a line is the credit: " | ", an em dash, " / ", " -- ".
_SEPARATOR = re.compile(r"\s\|\s|\s?[—–]\s?|\s/\s|(?<=[.!?])/\s?|\s--?\s|==")
#: Words that say "a credit starts here" wherever they stand, even glued to the word before ("rubblePhotograph:").
_LEAD_ANYWHERE = re.compile(
    r"(?<=\d)©|(?:(?<=[a-z.,;:)\]”\"'’])|(?<![\w]))"
    r"(?:Photo(?:graph|s)?\s*(?:by\b|:|/)|PHOTO(?:GRAPH|S)?\s*(?:BY\b|:|/)|PHOTO\s+(?=[A-Z]{2,}\s+[A-Z]{2,}\s*$)"
    r"|Photographer\s*:|Image\s*copyright|©"
    r"|Credit\s*:|CREDIT\s*:|Photo\s+credit|Pic\s*/|Picture\s*(?:by\b|:)|(?:Photos?|Pictures?)\s+and\s+text\s+by"
    r"|Supplied\s*:|Image\s*:|Image\s+source|Photographed\s+by|Source\s*:)"
)
#: "The Hill Times photograph by Andrew Meade", "ST PHOTO: SHINTARO TAY": an outlet's words open the credit.
_OUTLET_LEAD = re.compile(r"\b(?:photo|photograph|picture|PHOTO|Photo)s?\s+(?:is\s+)?(?:by|BY)\b|\bPHOTO\s*:")
#: The characters the two patterns above can begin with (see text.scan).
_LEAD_STARTS = re.compile("[PICS©]")
_OUTLET_STARTS = re.compile("[Pp]")
_CLOSERS = ("Image caption", "Image copyright", "Purchase Licensing", "Special instruction")


def _standalone(text: str, start: int) -> bool:
    """Nothing but a sentence end, a line break or the start of the caption before `start`."""
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"”:;|—–"


def _at_end(text: str, end: int) -> bool:
    """Only punctuation, a CMS's "==Agency" or a restriction note after `end`."""
    rest = text[end:]
    return not rest.strip(" \t\n.#") or _JUNK_AFTER.fullmatch(rest) is not None or bool(
        _RESTRICTION_TAIL.fullmatch(rest))


def _brackets(text: str, rules: Rules) -> Iterator[Candidate]:
    """'(Xinhua/Li Xin)', '[Photo by Wang Jing/China Daily]' at the end, at a paragraph's end or inside."""
    for match in _BRACKET_GROUP.finditer(text):
        content = match.group(1).strip()
        if not 2 <= len(content) <= 160 or _DATELINE_AFTER.match(text, match.end()):
            continue  # a dateline's "(Xinhua) --"
        start = match.start()
        label = _LABEL_BEFORE.search(text, max(0, start - 20), start)
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
        else:
            yield Candidate(content, start, match.end(), 0.5, False)


def _inside_brackets(text: str, pos: int) -> bool:
    """Whether `pos` sits inside brackets opened earlier on its line (those are read whole by _brackets)."""
    line = text[text.rfind("\n", 0, pos) + 1:pos]
    return line.count("(") + line.count("[") + line.count("（") > (
        line.count(")") + line.count("]") + line.count("）"))


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _tail_end(text: str, pos: int) -> int:
    """Where a credit that starts at `pos` ends: at the line's end, or where an editors' note begins."""
    end = _line_end(text, pos)
    cut = end
    for note in (*EDITOR_NOTES, *_CLOSERS):
        at = text.find(note, pos + 1, end)
        if 0 <= at < cut:
            cut = at
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


_CREDIT_WORD = re.compile(r"[^\s/()\[\]]+")


def _agency_leads(text: str, rules: Rules) -> Iterator[Candidate]:
    """'... March 11, 2025. REUTERS/Tingshu Wang', 'REUTERS/Go Nakamura/File Photo ATTENTION EDITORS ...'."""
    for slash in re.finditer(r"/", text):
        at = slash.start()
        line_start = text.rfind("\n", 0, at) + 1
        # an agency's name is at most four words: the words of the 120 characters before the slash do, unless
        # the window cuts into the fourth-last word
        window = max(line_start, at - 120)
        words = list(_CREDIT_WORD.finditer(text, window, at))
        if window > line_start and len(words) < 5:
            window = line_start
            words = list(_CREDIT_WORD.finditer(text, window, at))
        words = words[-4:]
        start = None
        for n in range(len(words), 0, -1):
            first = words[-n]
            name = text[first.start(): at].strip()
            if rules.standard_agency(re.sub(r"^[.,;:—–-]+", "", name)):
                start = first.start()
                while start < at and text[start] in ".,;:—–-":
                    start += 1
                break
        if start is None:
            continue
        before = text[:start].rstrip(" \t")
        written = text[start:at]
        if before.endswith("/") or before and before[-1] not in ".!?\n\"”|—–:" and not written[:3].isupper():
            continue  # "Tayfun Salci/ZUMA Press Wire/...": the agency does not lead
        if _inside_brackets(text, start):
            continue  # brackets are read whole
        end = _credit_tail_end(text, at + 1)
        content = text[start:end].rstrip(" ,;")
        cut_end = end + 1 if text[end:end + 1] == "." else end
        yield Candidate(content, start, cut_end if not _at_end(text, cut_end) else len(text),
                        _weight_at(text, cut_end, 2.5), True)


def _credit_tail_end(text: str, pos: int) -> int:
    """Where the "/"-parts after an agency end: at an editors' note, a line break or a sentence's end."""
    end = pos
    words = 0
    for match in re.finditer(r"/|[^\s/]+", text[pos:]):
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
        if not (is_person_word(word) or word.casefold() in CREDIT_TAGS or word.isupper()):
            break
        words += 1
        if words > 5:
            break
        if word.endswith(".") and len(word) > 2 and word.casefold() not in ("jr.", "sr."):
            end = start + len(word) - 1
            break
        end = start + len(word)
    return end


def _lead_ins(text: str, rules: Rules) -> Iterator[Candidate]:
    """'Photo: Nutthawat Wicheanbut', '...the rubblePhotograph: Dimitar Dilkoff/AFP', '© Geoff ROBIN / AFP',
    'The Hill Times photograph by Andrew Meade', wherever they stand."""
    for match in scan(_LEAD_ANYWHERE, _LEAD_STARTS, text):
        start = match.start()
        if _inside_brackets(text, start):
            continue  # read whole by _brackets
        end = _tail_end(text, start)
        content = text[start:end].rstrip(" ,;")
        if content:
            yield Candidate(content, start, _cut_end(text, end), _weight_at(text, end, 2.0),
                            _standalone(text, start) or text[start - 1:start].isalpha())
    for match in scan(_OUTLET_LEAD, _OUTLET_STARTS, text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        stop = max((m.end() for m in _SENTENCE_STOP.finditer(text, line_start, match.start())
                    if not _abbreviation_before(text, m.start())), default=line_start)
        outlet = text[stop:match.start()].strip()
        if not outlet or len(outlet) > 40 or not outlet[0].isupper():
            continue
        start = stop + (len(text[stop:match.start()]) - len(text[stop:match.start()].lstrip()))
        if _inside_brackets(text, start):
            continue
        end = _tail_end(text, match.end())
        yield Candidate(text[start:end].rstrip(" ,;"), start, _cut_end(text, end), _weight_at(text, end, 2.0),
                        True)


def _abbreviation_before(text: str, stop: int) -> bool:
    """The stop at `stop` ends an abbreviation ("U.S.", "Jr.", "Sept."), not a sentence."""
    word = text[max(0, stop - 12):stop + 1].split()
    return bool(word) and (word[-1].casefold().lstrip("(\"“") in ABBREVIATIONS or len(word[-1]) == 2)


def _cut_end(text: str, end: int) -> int:
    return len(text) if _at_end(text, end) else end


def _lines(text: str, rules: Rules) -> Iterator[Candidate]:
    """A credit on a line of its own: '© Sameer Al-DOUMY / AFP' last, 'Jiang Xiaowei / SHINE' first."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if len(spans) < 2:
        return
    for number, (start, end) in enumerate(spans):
        line = text[start:end].strip()
        if len(line) > 120:
            continue
        start += len(text[start:end]) - len(text[start:end].lstrip())
        last = number == len(spans) - 1
        weight = 2.5 if last else 1.5 if number == 0 else 1.2 if number <= 3 else 0.8
        yield Candidate(line, start, len(text) if last else end, weight, True)


def _tails(text: str, rules: Rules) -> Iterator[Candidate]:
    """What follows the last sentence or a separator at the end of the caption: '... 2020.MA CHAOWU/...',
    '... in Bahawalpur | Arif Ali/White Star', '... in Kuala Lumpur. — Bernama photo', '... on Wednesday. He Wei'."""
    stripped = text.rstrip(" \t\n#")
    line_start = max(stripped.rfind("\n") + 1, len(stripped) - 160)  # a credit is short: the line's end only
    starts = set()
    for match in _SENTENCE_STOP.finditer(stripped, line_start):
        starts.add(match.end())
    for match in _SEPARATOR.finditer(stripped, line_start):
        starts.add(match.end())
    for start in sorted(starts):
        while start < len(stripped) and stripped[start] in " \t—–-|=":
            start += 1
        content = stripped[start:]
        if content and len(content) <= 100:
            yield Candidate(content, start, len(text), 2.2, True)


def _glued_label(text: str, rules: Rules) -> Iterator[Candidate]:
    """'Image copyrightAFPImage captionWhile ...': a web page's labels run into the caption."""
    match = _GLUED_LABEL.match(text)
    if match:
        yield Candidate(match.group(1), 0, match.end(), 2.5, True)


#: Where credits sit. Every spot proposes candidates; each is read as a credit, and the reading that scores
#: best (``_score``: the spot's weight, a lead-in or a known agency, a person named) wins.
CREDIT_SPOTS: tuple[CreditSpot, ...] = (
    CreditSpot("brackets", "... Oct. 14, 2025. (Photo/Zhang Dagang)", _brackets),
    CreditSpot("agency-led", "... March 11, 2025. REUTERS/Tingshu Wang", _agency_leads),
    CreditSpot("lead-in", "... the rubblePhotograph: Dimitar Dilkoff/AFP/Getty Images", _lead_ins),
    CreditSpot("own line", "...December 28, 2022.\n© Sameer Al-DOUMY / AFP", _lines),
    CreditSpot("tail", "... Karachi's Taheri Masjid | Fahim Siddiqi/White Star", _tails),
    CreditSpot("glued web label", "Image copyrightAFPImage captionWhile ...", _glued_label),
)


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
            if not alone or candidate.end < len(text) or not _person_alone_ok(candidate):
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


def _person_alone_ok(candidate: Candidate) -> bool:
    content = candidate.content.rstrip()
    return not content.endswith(".") and len(content.split()) <= 4 and candidate.weight >= 2.2


def find_credit(text: str, rules: Rules) -> Found | None:
    """The caption's credit and the span it takes: the best-scoring reading of the spots' candidates.

    >>> from catalog.captions.rules import load_rules
    >>> found = find_credit("Pandas play in Chengdu, Oct. 2, 2025. (Xinhua/Li Xin)", load_rules())
    >>> found.credit
    Credit(raw='Xinhua/Li Xin', photographer='Li Xin', agency='Xinhua', provider=None)
    """
    found: list[Found] = []
    seen: set[tuple[str, int]] = set()
    for spot in CREDIT_SPOTS:
        for candidate in spot.find(text, rules):
            if (candidate.content, candidate.start) in seen:
                continue
            seen.add((candidate.content, candidate.start))
            reading = _read(candidate.content, rules)
            if reading is None:
                continue
            score = _score(text, candidate, reading, rules)
            if score is None:
                continue
            reading.credit.raw = candidate.content.strip().rstrip(".").rstrip()
            found.append(Found(reading.credit, candidate.start, candidate.end, spot.name, score))
    if not found:
        return None
    best = max(found, key=lambda f: (f.score, f.cut_start))
    if best.credit.agency and not best.credit.photographer:
        # The same agency credited twice, once with its photographer ("REUTERS/Thomas Mukoya Image copyright
        # Reuters"): the fuller credit.
        fuller = [f for f in found if f.credit.agency == best.credit.agency and f.credit.photographer
                  and f.score >= best.score - 1.0]
        if fuller:
            best = max(fuller, key=lambda f: (f.score, f.cut_start))
    return best


_TAKEN_BY = re.compile(
    r"\b(?i:photo|picture|image|photograph)s?\s+(?:(?:was|were)\s+)?(?:taken|shot)\s+by\s+"
    r"((?:[a-z]+\s+){0,2})"
    r"((?:[A-Z][\w’'\-]*\s+){1,3}[A-Z][\w’'\-]*)",
)


def photographer_in_text(text: str, rules: Rules | None = None) -> str | None:
    """A photographer named in the prose: 'Photo taken by astronaut Liu Boming, shows ...' -> 'Liu Boming'."""
    from catalog.captions.vocabulary import PERSON_TITLES

    match = _TAKEN_BY.search(text)
    if not match:
        return None
    titles = match.group(1).split()
    if any(word not in PERSON_TITLES for word in titles):
        return None
    name = match.group(2)
    if rules is not None and rules.standard_agency(name.split()[0]):
        return None  # "in this photo taken by Kyodo August 6": an agency, not a person
    return name if looks_like_person(name) and not any(w.casefold() in _MONTH_OR_DAY for w in name.split()) else None

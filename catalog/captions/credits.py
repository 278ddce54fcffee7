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
from collections.abc import Callable
from dataclasses import dataclass

from catalog.captions.rules import Rules
from catalog.captions.text import is_capitalised, is_person_word
from catalog.captions.types import Credit
from catalog.captions.vocabulary import (
    COUNTRIES,
    CREDIT_TAGS,
    EDITOR_NOTES,
    HANDOUT_TAGS,
    MEDIA_DOMAINS,
    MEDIA_WORDS,
    MONTHS,
    ORGANISATION_WORDS,
    POSITION_WORDS,
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
    LeadIn(r"(?:all\s+)?(?:photo|photograph|image|picture)s?\s+by\s*:?\s+", "byline",
           "[Photo by Wang Jing/China Daily]"),
    LeadIn(r"(?:photo|image|picture)\s+credits?\s*:\s*", "label", "Photo Credit: (NASA/Joel Kowsky)"),
    LeadIn(r"credits?\s*:\s*", "label", "Credit: NASA/Bill Ingalls"),
    LeadIn(r"(?:photo|photos|photograph|image|picture|pictures|source)\s*:\s*", "label", "Photo: AP"),
    LeadIn(r"image\s*copyright\s*|copyright\s*(?:©\s*)?|©\s*|\(c\)\s+", "label", "© Geoff ROBIN / AFP"),
    LeadIn(r"image\s+source\s*,?\s*", "label", "Image source, Getty Images"),
    LeadIn(r"(?:photo|photograph|picture)\s*/\s*", "photo/", "(Photo/Zhang Dagang), [Photo/IC]"),
    LeadIn(r"(?:photo|image|picture)s?\s+via\s+", "byline", "(Photo via CFP)"),
    LeadIn(r"by\s+", "byline", "(By Li Xin)"),
    LeadIn(r"for\s+", "contributor", "ZHANG WEI / FOR CHINA DAILY"),
)

#: All lead-ins as one alternation, tried in table order: the first that matches is the one a loop over
#: LEAD_INS would find, in one call instead of sixteen (group "l3" is the fourth lead-in).
_ANY_LEAD_IN = re.compile("|".join(f"(?P<l{i}>{lead.pattern})" for i, lead in enumerate(LEAD_INS)), re.IGNORECASE)
_VIA = re.compile(r"\s+via\s+", re.IGNORECASE)
_MEDIA_ENDINGS = ("photo", "photos", "foto", "pics", "images", "news", "press")  # "Sipaphoto", "CFOTO"
_SEVERAL = re.compile(r"\s*,\s*|\s+(?:and|&)\s+")
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


@dataclass
class Reading:
    """A credit read from some text: the facts, and whether something in it said "this is a credit"."""

    credit: Credit
    strong: bool  # a lead-in ("Photo by", "©") or a known agency; weak readings need a standalone spot


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
    return None if known is None else Reading(dataclasses.replace(known.credit), known.strong)


_UNREAD = object()


def _read_credit(raw: str, rules: Rules) -> Reading | None:
    body = raw.strip().rstrip(".").strip()
    roles: list[str] = []
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
    if first.kind == "org" and len(names) > 1 and looks_like_person(first.text, lenient=True):
        first.kind, first.value = "person", first.text  # "Photo by Sean Weekly/Animal News Agency"
    credit = _decide(raw, parts, roles, rules)
    handout = len(parts) > 1 and any(p.kind == "tag" and p.value in HANDOUT_TAGS for p in parts)
    strong = bool(roles) or handout or any(p.kind == "agency" or p.role for p in parts)
    return Reading(credit, strong)


def _strip_lead_in(text: str) -> tuple[str, str | None]:
    match = _ANY_LEAD_IN.match(text)
    if match is None:
        return text, None
    if match.end() < len(text):
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
            out.extend([piece[: tag.start()], tag.group(1)])
        else:
            out.append(piece)
    return out


def _part(piece: str, segment: int, rules: Rules) -> Part | None:
    """Read one piece as a person, an agency, another organisation or a tag; None if it is none of them."""
    text = piece.strip().strip(",;:").strip()
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
        return Part(text, "agency", agency, segment, role)
    if looks_like_person(text):
        return Part(text, "person", text, segment, role)
    names = _SEVERAL.split(text)
    if len(names) > 1 and all(looks_like_person(name) for name in names):
        return Part(text, "person", text, segment, role)  # "(Xinhua/Li Xin, Zhang Yu)": kept as written
    if looks_like_organisation(text):
        return Part(text, "org", re.sub(r"^the\s+", "", text, flags=re.IGNORECASE), segment, role)
    return None


def looks_like_person(text: str, lenient: bool = False) -> bool:
    """Two to five name words, none of them an organisation's: "Andy Wong", "WU HAO", "Sameer Al-DOUMY".

    `lenient` lets a media word pass ("Sean Weekly"), for the photographer's slot of a byline.
    """
    words = text.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
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
    if len(words) == 1:
        word = words[0]
        return len(word) >= 2 and word[0].isupper() and not any(ch.isdigit() for ch in word[:1])
    small = {"of", "the", "and", "for", "de", "&", "on", "in", "du", "des", "la"}
    if not words[0][0].isupper() and words[0].casefold() != "the":
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
        self.handout = any(p.kind == "tag" and p.value in HANDOUT_TAGS for p in self.parts)
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
    if chain.role == "photo/" or chain.people or not outlets:
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


@dataclass(frozen=True)
class CreditSpot:
    """One place a credit may sit, tried in the order of ``CREDIT_SPOTS``."""

    name: str
    example: str
    find: Callable[[str, Rules], Found | None]


_CLOSING_BRACKETS = re.compile(r"[(\[]([^()\[\]]{1,160})[)\]][\s.#]*$")
_LABEL_BEFORE = re.compile(
    r"(?:(?:photo|image|picture)\s+credits?|credits?|photos?|source)\s*:\s*$", re.IGNORECASE
)
_RESTRICTION_TAIL = re.compile(r"(?<!\s)\s*/\s*(?:[A-Z][A-Za-z]*\s+OUT|RESTRICTED\b.*)\s*$")
_BRACKETS = re.compile(r"[(\[]([^()\[\]\n]{2,160})[)\]]")
_GLUED_LABEL = re.compile(
    r"^\s*(Image\s*(?:copyright|source)\s*,?\s*(.+?))\s*Image\s*caption\s*,?\s*", re.IGNORECASE
)
_SENTENCE_STOP = re.compile(r"[.!?][\"”’)]*\s")


def _standalone(text: str, start: int) -> bool:
    """Nothing but a sentence end, a line break or the start of the caption before `start`."""
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"”:;"


def _closing_brackets(text: str, rules: Rules) -> Found | None:
    end = len(text)
    restriction = _RESTRICTION_TAIL.search(text, max(0, end - 300))  # "(Photo by STR / AFP) / China OUT"
    if restriction:
        end = restriction.start()
    match = _CLOSING_BRACKETS.search(text, 0, end)
    if not match:
        return None
    start = match.start()
    label = _LABEL_BEFORE.search(text, max(0, start - 20), start)
    if label:  # "Photo Credit: (NASA/Joel Kowsky)": the brackets do not enclose the whole credit
        start = label.start()
        content = text[start: match.start() + len(match.group().rstrip(" \t\n.#"))]
    else:
        content = match.group(1)
    reading = _read(content, rules)
    if reading is None or not (reading.strong or _standalone(text, start)):
        return None
    reading.credit.raw = content.strip().rstrip(".").rstrip()
    return Found(reading.credit, start, len(text))


def _agency_led_tail(text: str, rules: Rules) -> Found | None:
    """'... March 11, 2025. REUTERS/Tingshu Wang', 'REUTERS/Go Nakamura/File Photo ATTENTION EDITORS ...'."""
    best = None
    for match in rules.agency_lead.finditer(text):
        before = text[: match.start()].rstrip(" \t")
        written = match.group()
        if before and before[-1] not in ".!?\n\"”" and not written[:3].isupper():
            continue
        if before.endswith(("(", "[")):
            continue
        best = match
    if best is None:
        return None
    end = _credit_tail_end(text, best.end())
    raw = text[best.start():end].rstrip(" ,;")
    reading = _read(raw, rules)
    if reading is None:
        return None
    cut_end = end + 1 if text[end:end + 1] == "." else end
    return Found(reading.credit, best.start(), cut_end)


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
        if any(text.startswith(note, start) for note in EDITOR_NOTES):
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


def _last_line(text: str, rules: Rules) -> Found | None:
    """'© Sameer Al-DOUMY / AFP' on its own line; 'Photo: AP' or 'CNSA/CLEP' after the last sentence."""
    stripped = text.rstrip(" \t\n#")
    candidates = []
    if "\n" in stripped:
        candidates.append(stripped.rfind("\n") + 1)
    stops = list(_SENTENCE_STOP.finditer(stripped))
    if stops:
        candidates.append(stops[-1].end())
    if not candidates:
        candidates.append(0)  # the caption is nothing but a credit: "Zhang Lei/Xinhua"
    for start in candidates:
        while start < len(stripped) and stripped[start].isspace():
            start += 1
        content = stripped[start:]
        if not content or len(content) > 120:
            continue
        reading = _read(content, rules)
        if reading is None or not (reading.strong or "/" in content):
            continue
        reading.credit.raw = content.rstrip(".").rstrip()
        return Found(reading.credit, start, len(text))
    return None


def _glued_label(text: str, rules: Rules) -> Found | None:
    """'Image copyrightAFPImage captionWhile ...': a web page's labels run into the caption."""
    match = _GLUED_LABEL.match(text)
    if not match:
        return None
    reading = _read(match.group(1), rules)
    if reading is None:
        return None
    reading.credit.raw = match.group(1)
    return Found(reading.credit, 0, match.end())


def _first_line(text: str, rules: Rules) -> Found | None:
    """'Jiang Xiaowei / SHINE' as the first line, above the caption."""
    newline = text.find("\n")
    if newline < 0:
        return None
    line = text[:newline].strip()
    if not line or len(line) > 80:
        return None
    reading = _read(line, rules)
    if reading is None or not ("/" in line or reading.strong):
        return None
    reading.credit.raw = line
    return Found(reading.credit, 0, newline + 1)


def _brackets_inside(text: str, rules: Rules) -> Found | None:
    """'... Oct. 14, 2025. (Xinhua/Li Xin)' at the end of a paragraph, more text after it."""
    found = None
    for match in _BRACKETS.finditer(text):
        if re.match(r"\s*[-–—]{1,3}\s", text[match.end():]):  # a dateline's "(Xinhua) --"
            continue
        reading = _read(match.group(1), rules)
        if reading is None or not reading.strong or "/" not in match.group(1) and not reading.credit.agency:
            continue
        reading.credit.raw = match.group(1).strip().rstrip(".")
        found = Found(reading.credit, match.start(), match.end())
    return found


#: Where credits sit, tried in this order; the first that holds a credit wins.
CREDIT_SPOTS: tuple[CreditSpot, ...] = (
    CreditSpot("closing brackets", "... Oct. 14, 2025. (Photo/Zhang Dagang)", _closing_brackets),
    CreditSpot("agency-led tail", "... March 11, 2025. REUTERS/Tingshu Wang", _agency_led_tail),
    CreditSpot("last line or sentence", "...December 28, 2022.\n© Sameer Al-DOUMY / AFP", _last_line),
    CreditSpot("glued web label", "Image copyrightAFPImage captionWhile ...", _glued_label),
    CreditSpot("first line", "Jiang Xiaowei / SHINE\nA young girl ...", _first_line),
    CreditSpot("brackets inside", "... Oct. 14, 2025. (Xinhua/Li Xin)\n\nThe park ...", _brackets_inside),
)


def find_credit(text: str, rules: Rules) -> Found | None:
    """The caption's credit and the span it takes, from the first spot in ``CREDIT_SPOTS`` that holds one.

    >>> from catalog.captions.rules import load_rules
    >>> found = find_credit("Pandas play in Chengdu, Oct. 2, 2025. (Xinhua/Li Xin)", load_rules())
    >>> found.credit
    Credit(raw='Xinhua/Li Xin', photographer='Li Xin', agency='Xinhua', provider=None)
    """
    for spot in CREDIT_SPOTS:
        found = spot.find(text, rules)
        if found is not None:
            return found
    return None


_TAKEN_BY = re.compile(
    r"\b(?i:photo|picture|image|photograph)s?\s+(?:(?:was|were)\s+)?(?:taken|shot)\s+by\s+"
    r"((?:[a-z]+\s+){0,2})"
    r"((?:[A-Z][\w’'\-]*\s+){1,3}[A-Z][\w’'\-]*)",
)


def photographer_in_text(text: str) -> str | None:
    """A photographer named in the prose: 'Photo taken by astronaut Liu Boming, shows ...' -> 'Liu Boming'."""
    from catalog.captions.vocabulary import PERSON_TITLES

    match = _TAKEN_BY.search(text)
    if not match:
        return None
    titles = match.group(1).split()
    if any(word not in PERSON_TITLES for word in titles):
        return None
    name = match.group(2)
    return name if looks_like_person(name) else None

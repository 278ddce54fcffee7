"""Who is who in a credit read into parts: the photographer, the agency and the provider, by rules as data.

A credit is read (``credit_reader``) into ``Part``s, each a person, an agency, another organisation or a tag,
with the lead-in that opened it. ``CREDIT_RULES`` are tried in order and the first that applies decides the
names; after an ordinary credit ``SOURCE_RULES`` say whether it also names an outside source, the provider.
Examples of what they decide::

    [Photo by Wang Jing/China Daily]                 photographer Wang Jing, agency China Daily (_ordinary)
    (Photo provided by the China National Space Administration)
                                                     provider China National Space Administration (_provided_by)
    [Photo provided to China Daily]                  agency China Daily, nobody else (_provided_to)
    (Photo by Lian Guoqing/VCG via Getty Images)     photographer Lian Guoqing, agency Getty Images (the last
                                                     distributor)
    Maxar Technologies/Handout via REUTERS           agency Reuters, provider Maxar Technologies (handout)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from catalog.captions.credit_names import is_media
from catalog.captions.rules import Rules
from catalog.captions.types import Credit
from catalog.captions.vocabulary import HANDOUT_BODY_WORDS, HANDOUT_TAGS, ORGANISATION_WORDS, PLATFORMS
from catalog.patterns import compiled


@dataclass
class Part:
    """One "/"-separated piece of a credit, with what it was read as."""

    text: str
    kind: str  # person | agency | org | tag | place (where, not who: "Dakar, Senegal" after the credit)
    value: str  # standard agency name, the organisation without "the", the person as written, the tag folded
    segment: int  # which "via" segment it sits in (0 = first)
    role: str | None = None  # a lead-in met at the start of this part ("Provided to China Daily")
    library: bool = False  # an agency the registry calls a photo agency (Getty Images, Shutterstock, VCG)


@dataclass
class Chain:
    """A read credit's parts sorted for the decision rules below."""

    parts: list[Part]
    role: str | None  # the lead-in that decides: provider, recipient, courtesy, byline, photo/ (or None)

    def __post_init__(self) -> None:
        self.names = [p for p in self.parts if p.kind not in ("tag", "place")]
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
        """The names as one provider: "Flickr/The White House" (an organisation's "the" goes only first)."""
        return "/".join(p.value if n == 0 or p.kind != "org" else p.text for n, p in enumerate(parts)) or None


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
    sources = [p for p in chain.outlets if p.segment == 0]
    if any(p.value.casefold() not in PLATFORMS for p in sources):
        # "courtesy of the Transportation Safety Board/Flickr": the site it was posted on gives nothing
        sources = [p for p in sources if p.value.casefold() not in PLATFORMS]
    if sources and chain.people:  # "Picture courtesy of WWF-Malaysia/Eric Madeja": the body gives, she took it
        credit.photographer = chain.people[0].value
    credit.provider = chain.joined(sources or [p for p in chain.names if p.segment == 0])
    credit.agency = chain.distributor()
    return True


def _ordinary(chain: Chain, credit: Credit) -> bool:
    """(Xinhua/Li Xin), [Photo by Wang Jing/China Daily], who took it and sent it."""
    given = [p for p in chain.outlets if p.role in _GIVING and p.kind == "org"]
    if given and len(given) < len(chain.names):
        # "Photo by Ana Ruiz, courtesy of the Harbour Trust": the body that gave it is the provider, no outlet
        chain = Chain([p for p in chain.parts if p not in given], chain.role)
        credit.provider = chain.joined(given)
    outlets = chain.outlets
    # "Maxar Technologies/Handout": nobody took it; "Mattel/Petra Rajnicova/Handout": she did, for the source
    credit.photographer = chain.people[0].value if chain.people and not (
        chain.handout and chain.names[0] in chain.people) else None
    if chain.last_segment:
        credit.agency = chain.distributor()  # the last distributor
    elif outlets and chain.names[0] in outlets and chain.role not in ("byline", "photo/"):
        credit.agency = outlets[0].value  # agency-led: "Xinhua/Li Xin", "AFP PHOTO/ARASH KHAMOOSHI/ISNA"
        leading = _leading_agencies(chain)
        if len(leading) > 1 and chain.people:
            # "APA/EPA/Ana Ruiz", "THE CANADIAN PRESS/AP/Name": a wire that ran it, then the agency whose
            # photographer took it; the last organisation written is the agency, as the sets' contract has it
            credit.agency = leading[-1].value
        libraries = [p for p in outlets if p.library]
        known = [p for p in outlets if p.kind == "agency"]
        if outlets[0].kind == "org" and libraries and not chain.people:
            credit.agency = libraries[-1].value  # "PinPep/Shutterstock": a contributor, then the library
            if _closing_paper(chain.names, chain.names.index(libraries[-1])):
                credit.agency = chain.names[-1].value  # "PinPep/iStock/Quorva Daily": the paper that ran it
            return True
        if outlets[0].kind == "org" and known and not chain.people:
            # "SportImage/Sheffield United FC/Getty Images": sources the registry does not know, then the
            # agency that distributes them
            credit.agency = known[-1].value
        elif outlets[0].kind == "org" and not known and not chain.people and not chain.handout and not is_media(
                outlets[0].value) and _closing_paper(chain.names, 0):
            # "Wimbledon/Quorva Daily News", "SportImage/Sheffield United FC/Lindt Gazette": sources the registry
            # does not know and no paper by their words, then a paper by its words that ran the picture, the
            # chain's last organisation ("Daily Lindt/Vellmar Sentinel", two papers, keeps the first)
            credit.agency = chain.names[-1].value
            return True
        elif _a_paper_closing(chain) and not chain.handout and not given:
            # "AFP/Quorva Gazette": the paper that ran it, the chain's last; the agency before it is no outside source
            credit.agency = chain.names[-1].value
            return True
    elif outlets:
        credit.agency = outlets[-1].value  # byline-led: "Photo by Wang Jing/China Daily"
    if chain.handout and not chain.last_segment and not any(p.kind == "agency" for p in outlets):
        credit.agency = None  # "Handout/Ministry of Culture": the body that handed it out is the provider
    if given:
        return True
    for source in SOURCE_RULES:
        if source.applies(chain, credit):
            break
    return True


def _leading_agencies(chain: Chain) -> list[Part]:
    """The agencies the registry knows that open a chain one after another, before anything else is named:
    "APA/EPA/Ana Ruiz" -> APA, EPA; "Xinhua/Li Xin" -> Xinhua alone. Two of the same agency count once
    ("picture alliance/dpa/dpa-Zentralbild" -> picture alliance, dpa)."""
    run: list[Part] = []
    for part in chain.names:
        if part.kind != "agency" or part.role:
            break
        if not run or part.value != run[-1].value:
            run.append(part)
    return run


def _a_paper_closing(chain: Chain) -> bool:
    """Whether a chain led by an agency the registry knows closes with a paper by its words that the registry does
    not know, after the agency (and any photographer): "AFP/Quorva Gazette", "JUAN PEREZ / AFP/Lindt Media". By
    the sets' contract the last organisation written is the agency of a chain with no "via"."""
    return len(chain.outlets) > 1 and chain.outlets[0].kind == "agency" and _closing_paper(
        chain.names, chain.names.index(chain.outlets[0]))


def _closing_paper(names: list[Part], after: int) -> bool:
    """Whether the names after the one at ``after`` close with a paper by its words the registry does not know
    ("Quorva Gazette", "Lindt Photo Agency"), or with such a paper's acronym after it ("Quorva Sentinel/QNS")."""
    rest = names[after + 1:]
    if not rest:
        return False
    if len(rest) > 1 and _an_acronym(rest[-1]) and _a_paper(rest[-2]):
        return True
    return _a_paper(rest[-1])


def _a_paper(part: Part) -> bool:
    """An organisation the registry does not know that is a paper or an agency by its words, not a picture desk."""
    words = part.value.casefold().split()
    return part.kind == "org" and not part.role and is_media(part.value) and (
        not _PICTURE_STEM.search(part.value) or words[-1] == "agency")


#: A picture word inside a name makes it a picture library or desk ("Afripics", "Quorva File Photos"), no paper.
_PICTURE_STEM = compiled(r"(?i)pic|photo|image|foto|stock|\bfiles?\b")


def _an_acronym(part: Part) -> bool:
    """An organisation the registry does not know written as an acronym: "QNS", "LNA"."""
    return part.kind == "org" and not part.role and 2 <= len(part.value) <= 6 and part.value.isalpha() and (
        part.value.isupper())


#: Words of a picture desk or a file, not a paper's title: "VNS File Photos" is the agency's own archive.
_PICTURE_WORDS = frozenset({"photo", "photos", "image", "images", "picture", "pictures", "file", "files", "stock"})


#: Lead-ins of a part that make it the body that gave the picture: "..., courtesy of X", "/ Provided by X".
_GIVING = frozenset({"courtesy", "provider"})


@dataclass(frozen=True)
class SourceRule:
    """When an ordinary credit also names an outside source (the provider), and which names that is."""

    name: str
    example: str
    applies: Callable[[Chain, Credit], bool]


def _handout_source(chain: Chain, credit: Credit) -> bool:
    if not chain.handout:
        return False
    names = [p for p in chain.names if p.segment == 0 and p.kind != "agency" and p.value != credit.agency
             and p.value != credit.photographer]
    credit.provider = chain.joined(names)
    return True


def _outside_source(chain: Chain, credit: Credit) -> bool:
    outlets = chain.outlets
    if chain.people or not outlets:  # "(Photo/Embassy of Nepal to China)": a provider; "[Photo/IC]" an agency
        return False
    if any(p.kind == "agency" or is_media(p.value) and not _GOVERNMENT_UNIT.search(p.value) for p in outlets):
        return False
    credit.provider, credit.agency = chain.joined(outlets), None
    return True


#: Words of a government's unit: with one, a media word in the name ("President's Media Division", "Media Department
#: of the Ministry", "press service of the governor") names the unit that hands pictures out, not an outlet (not
#: "Office" alone: "China Daily Guizhou Office" is a paper's bureau).
_GOVERNMENT_UNIT = compiled(r"\b(?:Division|Department|Ministry|Secretariat|Directorate"
                              r"|[Pp]ress\s+(?:[Ss]ervice|[Oo]ffice))\b")


def _distributed_source(chain: Chain, credit: Credit) -> bool:
    if not credit.agency:
        return False
    if chain.people or chain.role in ("byline", "photo/"):
        # "Photo by Quorva Fire and Rescue Service/AFP", "(Ana Ruiz, Lindt Zoo / AP)": a body by its words in
        # the photographer's slot, or named after its photographer, before the agency that sent it is the handout's
        # source (another outlet there is the photographer's employer or a reading of a name: no source)
        sources = [p for p in chain.outlets if p.kind == "org" and p.segment == 0 and _a_body(p)]
        if sources and chain.outlets[-1].kind == "agency" and chain.outlets[-1].value == credit.agency:
            credit.provider = chain.joined(sources)
        return True
    # An organisation, or an agency other than the one that sends it (the registry knows KCNA as a news agency:
    # in "REUTERS/KCNA" Reuters sends what KCNA released), that is not a media outlet by its name.
    sources = [p for p in chain.outlets if p.kind in ("org", "agency") and not is_media(p.value)
               and not is_media(p.text)]
    # a picture library the registry knows sells pictures, it does not hand them out ("NAME/AFP/Alamy")
    sources = [p for p in sources if p.value != credit.agency and not p.library]
    if any(p.value.casefold() not in PLATFORMS for p in chain.names if p.segment == 0 and p.kind != "tag"):
        # "Twitter/Dubai Media Office via Storyful": the site an account posted on hands nothing out, the account
        # does (named here or not); "(Photo/Twitter)" alone keeps the site, the one source named
        sources = [p for p in sources if p.value.casefold() not in PLATFORMS]
    if chain.last_segment:
        # "AFP via Daily Monitor": an outlet the registry knows, sent on by another, is no outside source (the
        # distributor is the agency); a body's picture sent on is ("Philippine Coast Guard via AP")
        sources = [p for p in sources if p.segment < chain.last_segment and p.kind != "agency"]
    credit.provider = chain.joined(sources)
    return True


#: A whole word and its full stop opening a name ("Sharjah. Chris Whiteoak": the dateline's town, then the name;
#: an initial, "T. Singaravelou", is one letter, a title, "Dr.", two, and a name of one word, "Chas. Smith", stays).
_WORD_BEFORE_NAME = compiled(r"^[^\W\d_]{3,}\.\s+(?=[^\W\d_][^\s.]+\s+[^\W\d_])")


def _without_stray_stops(name: str) -> str:
    """A photographer's name without a sentence's full stop before or after it (an initial's stop stays, and
    "Jr." and "Sr.", of two letters).

    >>> _without_stray_stops("Sharjah. Chris Whiteoak"), _without_stray_stops("Reed Hoffmann.")
    ('Chris Whiteoak', 'Reed Hoffmann')
    >>> _without_stray_stops("Brooks B. Patton Jr."), _without_stray_stops("John H."), _without_stray_stops("Ma. Cruz")
    ('Brooks B. Patton Jr.', 'John H.', 'Ma. Cruz')
    """
    name = _WORD_BEFORE_NAME.sub("", name, count=1)
    if name.endswith(".") and " " in name:
        last = name[name.rfind(" ") + 1:-1]
        if len(last) > 2 and last.isalpha():
            return name[:-1]
    return name


def _first_source(provider: str, raw: str) -> str:
    """A provider of several sources: as the credit writes them when it parts them with commas, else the first.

    A chain of slashes names the source and the partners whose work went into the picture ("NASA/JPL/Cornell",
    "JAXA/NASA", "Keio University/JAXA"); the sets label the first, the one that hands the picture out, and
    accept the chain only as an alternative at best. A comma-parted list is one body's own credit line, kept.

    >>> _first_source("NASA/JPL/Cornell", "Photo: NASA/JPL/Cornell")
    'NASA'
    >>> _first_source("NASA Worldview/EOSDIS", "(NASA Worldview, EOSDIS via AP)")
    'NASA Worldview, EOSDIS'
    """
    written = provider.replace("/", ", ")
    if provider not in raw and written in raw:
        return written  # "NASA Worldview, EOSDIS via AP": the sources as the credit writes them
    return provider.split("/", 1)[0].strip()


def _a_body(part: Part) -> bool:
    """Whether an organisation's name is a body's by its words ("Queensland Fire and Emergency Services", "Lindt
    Zoo", "Quorva Police Department"), no outlet's ("Lindt Daily Photo Service")."""
    words = {word.strip(".,()").casefold() for word in part.text.split()}
    return bool(words & HANDOUT_BODY_WORDS) and not is_media(part.value) and not is_media(part.text)


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


#: A credit opened by a plain "Photo" word ("Photo: XYZ", "Photo/XYZ", "Photo by XYZ", "Pic XYZ"), as against
#: "Courtesy", "Supplied", "Source", "Handout", "©" or "Image:", which name who gave or owns the picture.
_PHOTO_LEADIN = compiled(r"^\W*(?:[Pp]hoto(?:graph)?s?|PHOTOS?|[Pp]ic(?:ture)?s?|PIC(?:TURE)?S?|[Ff]oto)\b"
                         r"(?:\s*/\s*[Ff]oto)?\s*(?:[:/]|by\b)")
#: Unknown initials, the whole of a credit's name: "YPN", "TES" (an outlet, a desk, a photographer's mark or a body).
_BARE_INITIALS = compiled(r"^[A-Z]{2,5}$")


def _bare_initials_under_photo(raw: str, chain: Chain, credit: Credit, rules: Rules) -> bool:
    """"Photo: YPN", "Photo: YPN/AFP": initials the registry does not know, under a plain photo lead-in, alone or in
    the photographer's slot before an agency the registry knows, are no provider.

    The same initials may be a paper's own desk (an agency), a photographer's mark or a body that handed the
    picture out; nothing in the caption tells these apart, so the provider is left out (never guessed).
    """
    if credit.photographer or chain.handout or len(chain.names) != (2 if credit.agency else 1):
        return False
    if credit.agency and (chain.names[1].kind != "agency" or chain.names[1].value != credit.agency):
        return False  # ("Photo: VNP/VNA", "Photo: WEST / AFP": the photographer's slot of the agency's credit line)
    name = chain.names[0].value
    # initials the registry knows ("Photo by NASA": a space agency) keep their reading as the body that gave it
    return bool(_BARE_INITIALS.match(name) and _PHOTO_LEADIN.match(raw) and rules.agency_kind(name) is None)


#: One name in mixed case, a person's one name or a body's alike: "Thajudeen", "Greenpeace", "Jean-Luc".
_ONE_NAME = compiled(r"[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?")


def _one_name_under_photo(raw: str, chain: Chain, credit: Credit, rules: Rules) -> bool:
    """"PICTURES: Quorvin": one name in mixed case the registry does not know, under a plain photo lead-in, is
    no provider.

    A blog or a paper credits its photographer by one name as often as a body by its one-word name; with no
    word of giving ("courtesy", "provided", "source", "handout") nothing tells the two apart, so the provider is
    left out (never guessed; "Photo by Michelle", a byline's "by", is read as a person before this).
    """
    if credit.agency or credit.photographer or len(chain.names) != 1 or chain.handout:
        return False
    name = chain.names[0].value
    folded = name.casefold()
    return bool(_ONE_NAME.fullmatch(name) and _PHOTO_LEADIN.match(raw) and rules.agency_kind(name) is None
                and folded not in ORGANISATION_WORDS and folded not in PLATFORMS and not is_media(name))


#: Outlets that publish pictures and do not send others' out: after one, a wire or a photo agency is the one that
#: sends the outlet's picture on, not a source it sent.
_CLIENT_KINDS = frozenset({"newspaper", "broadcaster", "magazine", "website"})
#: Outlets that send other bodies' pictures out.
_SENDING_KINDS = frozenset({"wire", "photo agency"})


def _a_wire_after_its_client(chain: Chain, credit: Credit, rules: Rules) -> bool:
    """"The Quorva Shimbun/AP": a wire written after a paper sends the paper's picture on; it is no outside
    source of it, as KCNA is in "REUTERS/KCNA", where the wire comes first and sends what the body released.

    The provider is the wire alone, the agency a paper, a broadcaster, a magazine or a website the registry
    knows, and no "via" or person is written (the contract takes the paper as the agency, the wire as an
    alternative; nothing makes the wire an outside source).
    """
    if chain.people or chain.last_segment or not credit.agency or not credit.provider:
        return False
    sources = [p for p in chain.outlets if p.value == credit.provider]
    return len(sources) == 1 and sources[0].kind == "agency" and (
        rules.agency_kind(credit.provider) or "") in _SENDING_KINDS and (
        rules.agency_kind(credit.agency) or "") in _CLIENT_KINDS


#: "for The Times" closing a credit: "The" and a noun that many papers' names end with, and nothing more (not "for
#: The Guardian", one paper's own name, nor "for The New York Times").
_FOR_A_SHARED_PAPER_NAME = compiled(
    r"(?i)\bfor\s+the\s+(?:times|post|star|herald|news|journal|globe|sun|tribune|chronicle)\W*$")


def decide(raw: str, parts: list[Part], roles: list[str], rules: Rules) -> Credit:
    """Who is who in a read credit, by the first of ``CREDIT_RULES`` that applies."""
    deciding = [r for r in roles if r != "label"]
    role = next((r for r in deciding if r not in ("byline", "photo/")), deciding[0] if deciding else None)
    chain = Chain(parts, role)
    credit = Credit(raw=raw)
    for rule in CREDIT_RULES:
        if rule(chain, credit):
            break
    if credit.provider and (_bare_initials_under_photo(raw, chain, credit, rules)
                            or _one_name_under_photo(raw, chain, credit, rules)
                            or _a_wire_after_its_client(chain, credit, rules)):
        credit.provider = None
    if credit.provider and "/" in credit.provider:
        credit.provider = _first_source(credit.provider, raw)
    if credit.agency and _FOR_A_SHARED_PAPER_NAME.search(raw):
        # "James Ruiz / For The Times": a paper's own page crediting its freelancer by its short name, which many
        # papers share (the Los Angeles Times, the Seattle Times ...): nothing tells which, so no agency
        credit.agency = None
    if credit.photographer and "." in credit.photographer:
        credit.photographer = _without_stray_stops(credit.photographer)
    if credit.photographer and credit.photographer.startswith("@"):
        # "@quorvina / Instagram": an account's handle, which posted the picture, no person's name as written
        # (a person photographed or a page alike)
        credit.photographer = None
    if credit.photographer and not credit.agency:
        credit.agency = rules.staff_agency(credit.photographer)
    return credit

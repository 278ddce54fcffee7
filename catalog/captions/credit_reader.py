"""One credit line read into its facts: tidied, its lead-ins stripped, split into parts, then decided.

``read_credit`` takes the text of a credit (wherever it sat in the caption) and returns the photographer,
agency and provider it names, or None when the text does not read as a credit. The steps: ``_tidy`` takes
away what surrounds the names (a closing stop, a copyright year, a date); the lead-ins (``credit_leadins``)
say what the names after them are; the body splits at "via" and "/" into parts, each read as a person, an
agency the house rules name, another organisation or a tag (``_part``, with ``credit_names``); and
``credit_roles.decide`` says who is who. Readings are remembered per text in ``Rules.readings``::

    >>> from catalog.captions.rules import load_rules
    >>> read_credit("Photo by Wang Jing/China Daily", load_rules())
    Credit(raw='Photo by Wang Jing/China Daily', photographer='Wang Jing', agency='China Daily', provider=None)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from catalog.captions.credit_leadins import LEAD_INS, strip_lead_in
from catalog.captions.credit_names import (
    GIVEN_NAME_ARTICLES,
    STAFF_ROLE,
    an_acronym_within,
    is_media,
    known_place,
    looks_like_organisation,
    looks_like_person,
    names_a_region,
)
from catalog.captions.credit_roles import Part, decide
from catalog.captions.credit_spots import without_wire_notes
from catalog.captions.gazetteer import name_levels
from catalog.captions.rules import PROVIDER_KINDS, Rules
from catalog.captions.types import Credit
from catalog.captions.vocabulary import (
    COUNTRIES,
    CREDIT_TAGS,
    DIRECTIONS,
    EVENT_WORDS,
    HANDOUT_TAGS,
    MEDIA_WORDS,
    MONTHS,
    NOT_NAME_WORDS,
    ORGANISATION_WORDS,
    PERSON_TITLES,
    PLATFORMS,
    RANKS,
    RANKS_WRITTEN_SHORT,
    STREET_WORDS,
    SUPPLIED_WORDS,
    TITLE_INITIALS,
    TITLE_WORDS,
    VENUE_PREFIXES,
    VENUE_WORDS,
    WEEKDAYS,
)
from catalog.patterns import compiled, longest_first

_VIA = compiled(r"\s*/\s*via\s+|\s+via\s+", re.IGNORECASE)
_SEVERAL = compiled(r"\s*,\s*|\s+(?:[Aa]nd|AND|&)\s+")
_EXPANSION = compiled(r"\s*\([^()]*\)$")
_RANK = compiled(r"^(?:(?:" + "|".join(RANKS) + r")(?:\s+\([A-Z/]{1,8}\))?\s+)+", re.IGNORECASE)
#: "Name/Outlet", "Shaun Walker — The Times-Standard", "📷 Frank San Nicolas | The Guam Daily Post"
_SLASH = compiled(r"\s*/\s*|\s+[—–|]\s+")
_TRAILING_TAGS = ("File", "Pool", "Handout", "FILE", "POOL", "HANDOUT", "files", "Files", "FILES", "Livepic", "LIVEPIC")
_TRAILING_TAG = compiled(r"(?:,\s*|\s+-\s+|\s+)(" + "|".join(_TRAILING_TAGS) + ")$")
_BRACKETED = compiled(r"[(\[]([^()\[\]]+)[)\]]")
_AGENCY_DASH = compiled(r"([A-Za-z]{2,8})-(?=[A-Z])")
_HANDOUT_DASH = compiled(r"(?:HO|Handout)\s*-\s*")
_THE = compiled(r"^the\s+", re.IGNORECASE)
_SLASH_OR_VIA = compiled(r"\s*(?:/|\bvia\b)\s*")
_RESTRICTION = compiled(r"^[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)? OUT$")  # "CHINA OUT", "China OUT"


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
    reading = reading_of(raw, rules)
    if reading is None or (strong_only and not reading.strong):
        return None
    return reading.credit


def reading_of(raw: str, rules: Rules) -> Reading | None:
    """`_read_credit`, remembered per text: the credit of one photographer reads the same on every photo."""
    known = rules.readings.get(raw, _UNREAD)
    if known is _UNREAD:
        known = rules.readings.keep(raw, _read_credit(raw, rules))
    if known is None:
        return None
    # A copy: callers set the credit's raw text to what the caption says around it.
    credit = known.credit
    return Reading(Credit(credit.raw, credit.photographer, credit.agency, credit.provider), known.strong,
                   known.shaped)


_UNREAD = object()
#: A reader's or pupil's credit: the name, the age, then the school or town ("Ana Ruiz, 16, Quorva High School").
_NAME_AGE = compiled(r"([^,/|()]+?),\s*(?:[5-9]|1\d)(?:,\s*[^/|]+)?")
#: A page's name for its featured picture, set on a line of its own like a credit: "Photo of the Day".
_FEATURE_TITLE = compiled(r"(?:our\s+)?(?:photo|picture|pic|image|shot)\s+of\s+the\s+(?:day|week|month|year)",
                            re.IGNORECASE)
_FEATURE_ENDS = ("day", "eek", "nth", "ear")
_ARTICLE = compiled(r"^an?\s+", re.IGNORECASE)
#: "Dover Post photo", "Charlotte MacAulay photo", "— Quorvan Daily pic": a name, then the picture's word.
_NAME_THEN_PHOTO = compiled(r"([^/|]+?)\s+(?:photo|photos|photograph|picture|pics?)", re.IGNORECASE)
#: Lead-ins that name a person and nothing else: "Photographer: Mutlu", "Photographed by Kemal", "Photo taken by
#: me, Bolod" (the act of taking the picture: a person's).
_NAMES_A_PERSON = compiled(r"(?:photographer\s*:|photographed\s+by\b|(?:photo|picture|image)s?\s+(?:is\s+|was\s+)?"
                             r"taken\s+by\b)", re.IGNORECASE)
#: A byline's words before the name: "Photo by", "All photos by", "Pictures by".
_PHOTO_BY = compiled(r"(?:all\s+)?(?:photo|picture|pic|pix|image|photograph)s?\s+by\b", re.IGNORECASE)
#: A label in capitals before the name: "PICTURE:", "PHOTOS:". A house that writes its label so writes a body's
#: name in capitals too ("PHOTO: REUTERS", "PHOTO: SUPPLIED"): one word in mixed case after it is a person's.
_CAPITALS_LABEL = compiled(r"(?:PHOTO|PICTURE|PIC|PIX|PHOTOGRAPH)S?\s*:")
#: The second word of a body's name made of two ("Oceanwatch", "Greenpeace", "Techworks"), no given name's ending.
_BODY_ENDINGS = ("watch", "peace", "works", "tech", "labs", "media", "corp", "force", "trust")
#: The roles of the lead-ins a byline's words give ("Photo by": a byline, or a label).
_BYLINE_ROLES = frozenset({"byline", "label", "photo/"})
#: Quotation marks that close a title: a name in them is the picture's title, not its photographer's.
_CLOSING_QUOTES = frozenset("”\"’'»")
_LOWER_NAME = compiled(r"[a-z]{2,}(?: [a-z]{2,}){1,2}")
#: A family as the source of a picture: "Shuck family", "the Castillo family", "the family of Yurancy Castillo".
_FAMILY = compiled(r"(?:(?i:the)\s+)?(?:[A-Z][\w’'-]+\s+){1,3}(?i:family)|(?:(?i:the)\s+)?(?i:family\s+of)\s+"
                     r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}")
#: A name whose first words are in small letters and its last ones capitalised: "mochamad andri Zainul Karim".
_HALF_LOWER_NAME = compiled(r"[a-z]{2,}(?: [a-z]{2,}){0,2}(?: [A-Z][a-z]+){1,2}")
_PHOTO_LEAD = compiled(r"(?:photo|picture|pic)s?\s*(?:by\b|:)", re.IGNORECASE)
#: Words that make small-letter words after a lead-in something other than a name ("staff reporter", "twitter user").
_NOT_NAME_WORDS = PERSON_TITLES | PLATFORMS | CREDIT_TAGS | {"user", "users", "desk", "by", "the", "from", "of"}


#: What may make a text a credit whatever its words: a slash or a bar between names, a sign, a handle, a label's
#: colon, brackets (a name in them, a note after), a dash, a tag's mark, or a picture's or a lead-in's word.
_CREDIT_HINT = compiled(r"[/|\\©@:()\[\]—–_#]|\b(?:photo|pic|image|courtesy|credit|by|via|supplied|handout|file|staff"
                        r"|copyright|source|provided)", re.IGNORECASE)
#: A word in small letters standing alone (not inside a handle, a domain, a hyphened or an elided name).
_SMALL_WORD = compiled(r"(?<![\w'’.-])[a-z]{3,}(?![\w'’.-])")
#: Words in small letters a description's sentence has and no credit does: two outside the readers' own words.
_SENTENCE_WORDS = 2
_READER_MODULES = ("credit_reader", "credit_spots", "credit_leadins", "credit_names", "credit_roles", "vocabulary")


def _readers_words(rules: Rules) -> frozenset[str]:
    """Every word in small letters the credit readers know: their word lists' and patterns' words, the lead-ins'
    (the house's too), and every word of an agency's name or alias in the registry and the house's table (an
    agency's name matches whatever its case)."""
    import sys

    from catalog.agencies import all_agencies

    texts: list[str] = []
    for name in _READER_MODULES:
        for value in vars(sys.modules[f"catalog.captions.{name}"]).values():
            if isinstance(value, re.Pattern):
                texts.append(str(value.pattern))
            elif isinstance(value, (frozenset, set, tuple, list)):
                texts += [item for item in value if isinstance(item, str)]
            elif isinstance(value, dict):
                texts += [item for pair in value.items() for item in pair if isinstance(item, str)]
    texts += [lead.pattern for lead in LEAD_INS]
    texts += [str(lead.get("pattern", "")) for lead in rules.credit_words.get("lead_in", [])]
    texts += [alias for found in all_agencies() for alias in (found.name, *found.aliases)]
    texts += [*rules.agencies, *rules.agencies.values()]
    return frozenset(word for text in texts for word in re.findall(r"[a-z]+", text.casefold()))


def a_sentence(raw: str, rules: Rules) -> bool:
    """Whether a candidate is a description's sentence that cannot read as a credit, told before its reading: no
    credit's mark or word in it, and two words in small letters that no name, lead-in or agency has ("People
    have gathered at the site."). A name the reader takes is capitalised words, the particles and small words of
    a name or a body, an agency's name in any case; a small-letter name comes after a lead-in or a handle's mark.
    About one in seven of the candidates the full reading refuses is so refused, for the cost of a scan or two."""
    small = _SMALL_WORD.findall(raw)
    if len(small) < _SENTENCE_WORDS:
        return False  # (a credit's names: the cheapest test first)
    words = rules.built("credit readers' words", _readers_words)
    return sum(word not in words for word in small) >= _SENTENCE_WORDS and not _CREDIT_HINT.search(raw)


def _read_credit(raw: str, rules: Rules) -> Reading | None:
    """`read_credit`'s work, not remembered: tidy, strip the lead-ins, read the parts, decide who is who."""
    if a_sentence(raw, rules):
        return None  # (the full reading refuses them all: tests/test_captions_sentences.py checks it)
    body = _tidy(raw, rules)
    if body[-3:].casefold() in _FEATURE_ENDS and _FEATURE_TITLE.fullmatch(body):
        return None  # "Photo of the Day": a page's feature, the picture's title line, no credit
    roles: list[str] = []
    pictured = _may_name_pictures(body)
    outlet = _outlet_first(body, rules) if pictured else None
    if outlet is not None:
        body = outlet
        roles.append("outlet")
    named = _NAME_THEN_PHOTO.fullmatch(body) if pictured else None  # (an outlet's byline names pictures too)
    if named and named.group(1)[-1] in _CLOSING_QUOTES:
        return None  # "“Sniper Dog” Photograph": a blog's title for its picture, in quotation marks, names no one
    if named and looks_like_person(named.group(1)) and not rules.standard_agency(named.group(1)):
        body = named.group(1)  # "Charlotte MacAulay photo": a community paper's byline after the name
        roles.append("byline")
    elif named and (is_media(named.group(1)) or an_acronym_within(named.group(1))) and looks_like_organisation(
            _ARTICLE.sub("", named.group(1))) and not rules.standard_agency(body):
        # ("Express photo": the registry knows the words whole, a paper's short name and its word for pictures)
        body = _ARTICLE.sub("", named.group(1))  # "Dover Post photo", "A Tribune photograph": the outlet's own
        roles.append("label")
    while True:
        body, role = strip_lead_in(body, rules)
        if role is None:
            break
        roles.append(role)
        inner = _BRACKETED.fullmatch(body)
        if inner:  # "Photo Credit: (NASA/Joel Kowsky)"
            body = inner.group(1).strip()
    if not body or roles and not body.strip("-–—. "):
        return None  # "Photo: -": a page's empty credit field, no credit (a credit before it may be the one)
    if roles and " " in body:
        body = _service_then_rank(body, rules) or body  # "Photo by U.S. Army Staff Sgt. Ana Ruiz"
    aged = _NAME_AGE.fullmatch(body) if roles and "," in body else None
    if aged and looks_like_person(aged.group(1)):
        body = aged.group(1)  # "Photo: Ana Ruiz, 16, Quorva High School": a young reader's name, age and school
    owned = _rights_holder_by(body, raw, roles)
    if owned is not None:
        body = owned  # "© Sankei by Kan Emori": the rights holder's slot, then its photographer
        roles.append("outlet")
    if roles and body.islower() and _LOWER_NAME.fullmatch(body) and _PHOTO_LEAD.match(raw.lstrip("([ ")) and (
            looks_like_person(body.title())) and not any(w in _NOT_NAME_WORDS for w in body.split()):
        # "photo: vishal kumar": a name typed in small letters, which only a photographer's lead-in makes a name
        # ("photo © hidden europe" names its rights holder, a magazine as often as a person)
        return Reading(decide(raw, [Part(body, "person", body, 0)], roles, rules), True, False)
    if roles and roles[-1] in ("courtesy", "provider") and _FAMILY.fullmatch(body):
        # "(Courtesy of Shuck family)", "courtesy of the family of Ana Ruiz": a family hands its picture out
        return Reading(Credit(raw=raw, provider=_THE.sub("", body, count=1)), True, True)
    if roles and roles[-1] == "byline" and _HALF_LOWER_NAME.fullmatch(body) and looks_like_person(body.title()) and (
            not any(w.casefold() in _NOT_NAME_WORDS for w in body.split())):
        # "Photo and caption by mochamad andri Zainul Karim": a name typed half in small letters after a byline
        return Reading(decide(raw, [Part(body, "person", body, 0)], roles, rules), True, False)
    mailed = _signed_with_mail(body) if "@" in body and not roles else None
    if mailed is not None:
        # "LAURA SIMON ~ lsimon@quorvatimes.com": a photographer signs the picture with the mail address made of
        # the name (a story's writer signs after "By", a lead-in)
        return Reading(decide(raw, [Part(mailed, "person", mailed, 0)], roles, rules), True, False)
    if "@" in body:
        body = _after_an_account(body)  # "INSTAGRAM @QUORVA via REUTERS": the agency that carried an account's post
        signed = _NAME_THEN_HANDLE.fullmatch(body) if roles and roles[-1] == "byline" else None
        if signed and looks_like_person(signed.group(1)):
            body = signed.group(1)  # "Photo by Ana Ruiz @anaruiz": a photographer's post signs with the handle
    paired = _agency_then_person(body, rules)
    if paired is not None and _BUREAU.fullmatch(paired.partition("/")[0]) and not rules.standard_agency(
            paired.partition("/")[0]):
        roles.append("outlet")  # "ABC Rural: Ana Ruiz": the bureau's slot, though its words read as a name's
    if paired is None and " " in body:
        staffed = _outlet_role_person(body, rules)
        if staffed is not None:
            body = staffed  # "ABC Open contributor Ana Ruiz": the outlet's slot, whatever its words read as
            roles.append("outlet")
    body = paired or body
    parts: list[Part] = []
    # (a body with no "v" holds no "via": the split is not tried)
    for number, segment in enumerate(_VIA.split(body) if "v" in body or "V" in body else [body]):
        for piece, after_slash in _pieces(segment, rules):
            part = _part(piece, number, rules)
            if part is None and _a_handle(piece) and (_names_a_platform(body) or _before_a_photo_library(body, rules)):
                # "mtsrs, Flickr": the site's user; "© quorvashots/Shutterstock": a photo library's contributor
                part = Part(piece.strip(), "person", piece.strip(), number)
            elif part is None and not after_slash and _a_contributor_in_small(piece, body, rules):
                # "Credit: ana ruiz/Alamy Live News": a photo library's contributor signs with the name as typed
                part = Part(piece.strip(), "person", piece.strip(), number)
            if part is None:
                return None
            if not parts and "outlet" in roles and part.kind == "person":
                part.kind = "org"  # "White House photo by Adam Rivers": the outlet's slot, whatever it reads as
            if part.kind == "org" and parts and parts[-1].kind == "org" and part.text.endswith(_HOLDINGS):
                # "courtesy of the Library of Congress, Detroit Publishing Company Collection": a collection the
                # archive holds, named after it; the archive gave the picture
                part.kind, part.value = "tag", "collection"
            if part.kind in ("person", "org") and parts and parts[0].kind == "agency" and _a_crew(parts[0].text):
                # "AFPTV TEAMS/QVN/QUORVA STREAM/AFP": a still from the agency's video crews; the names after them
                # are the footage's sources, neither photographer nor provider
                part.kind, part.value = "tag", "footage source"
            if after_slash and part.kind == "person" and any(p.kind == "person" for p in parts):
                # The outlet's slot: "Name/Outlet" puts the outlet after the photographer's slash, so a name
                # there is the outlet even when it reads as a person's ("Peter Segall / Juneau Empire",
                # "Cong Trieu / Tuoi Tre", "BRANDON HARDER/ Regina Leader-Post")
                part.kind, part.value = "org", _THE.sub("", part.text, count=1)
            parts.append(part)
    names = [p for p in parts if p.kind != "tag"]
    _mark_places(names, roles)
    if not roles and len(names) == 2 and _a_site_and_its_town(names):
        return None  # "| Hard Times Mine, Townsville |": where, set apart at the end, not who
    if any(p.kind == "place" for p in names):
        names = [p for p in names if p.kind != "place"]
        if not names:
            return None  # "— Dakar, Senegal", "(Photo: Dakar)": a place, no credit
    if not roles and len(names) == 1 and names[0].kind == "person" and (
            names[0].value.split()[-1].casefold().rstrip(".") in STREET_WORDS or _no_name_alone(names[0].value, rules)):
        # "... Court on St. Vincent Street": a street closing a sentence, with no lead-in nor agency; "— Mount
        # Kenya", "— Last Saturday", "— Tree Planting Day": a site, a day, an event
        return None
    if len(names) == 2 and names[1].text.casefold() in PLATFORMS and names[0].kind == "org" and _a_handle(
            names[0].text):
        names[0].kind, names[0].value = "person", names[0].text  # "mtsrs, Flickr": the user who took the picture
    if len(names) == 2 and names[0].kind == "agency" and rules.agency_kind(names[0].text) in _NEWS_KINDS and (
            names[1].kind == "org" and _one_word_name(names[1].text)):
        names[1].kind, names[1].value = "person", names[1].text  # "Xinhua/Chogo", "Xinhuanet/ZhaoYong"
    elif len(names) >= 2 and names[-1].kind == "org" and _one_word_name(names[-1].text) and (
            body.rpartition("/")[2].strip() == names[-1].text) and all(_an_outlets_name(p, rules) for p in names[:-1]):
        # "Quorva Daily/Chogo", "QNS/ZhaoYong", "Quorva Sentinel/QNS/Chogo": after outlets the registry does not
        # know but their words or initials name, one name in mixed case after the last "/" is their photographer's,
        # as after Xinhua ("Quorva Times, Townsville": the paper's town)
        names[-1].kind, names[-1].value = "person", names[-1].text
    if len(names) == 2 and names[1].kind == "org" and _one_word_name(names[1].text) and any(
            p.value == _FILE_NUMBER_TAG for p in parts if p.kind == "tag"):
        names[1].kind, names[1].value = "person", names[1].text  # "© UNICEF/UN0412233/Okafor": the photographer
    if not names:  # "Photo: Handout" is a credit naming nobody; "(File photo)" is no credit
        return Reading(Credit(raw=raw), True) if roles else None
    first = names[0]
    if first.kind == "org" and len(names) > 1 and "outlet" not in roles and looks_like_person(
            first.text, lenient=True) and not any(p.kind == "person" for p in names[1:]):
        # "Photo by Sean Weekly/Animal News Agency"; but in "Tehran Times/Masud Saki" a person is named after
        # the outlet, so the outlet stays the outlet
        first.kind, first.value = "person", first.text
    opened = raw.lstrip("([ ")
    if len(names) == 1 and first.kind == "org" and (_NAMES_A_PERSON.match(opened) or (
            (_PHOTO_BY.match(opened) or _CAPITALS_LABEL.match(opened)) and set(roles) <= _BYLINE_ROLES
            and not first.text.casefold().endswith(_BODY_ENDINGS))) and (
            _one_word_name(first.text) or _article_then_name(first.text)):
        # "Photographer: Mutlu": the label says a person; "(Photo by Michelle)": a byline's one name in mixed case,
        # as a blog credits a friend (an acronym, "Photo by NASA", a name the registry knows and a body's compound
        # name, "Photo by Oceanwatch", stay outlets); "PICTURE: Thajudeen": a label in capitals, a name in mixed
        # case ("Photo: Inlibris", a dealer's name after a label in mixed case, stays nobody's)
        first.kind, first.value = "person", first.text
    if first.kind == "org" and len(names) > 1 and roles and roles[-1] == "byline" and _PHOTO_BY.match(
            raw.lstrip("([ ")) and _one_word_name(first.text) and not (
            first.text.casefold().endswith(_BODY_ENDINGS)) and all(p.kind == "agency" for p in names[1:]):
        # "(Photo by Mariscal/EPA/EFE)": a byline's one name in mixed case before the wires that carried it is the
        # photographer's, as "(Photo by Michelle)" alone is
        first.kind, first.value = "person", first.text
    last = names[-1]
    if "outlet" in roles and len(names) == 2 and last.kind == "org" and _one_word_name(last.text) and (
            names[0].kind != "person"):
        # "Kt photo by Shihab": an outlet's byline names its photographer, here by one name ("Photo by
        # Greenpeace" alone may name an organisation as well as a person, and stays as it was)
        last.kind, last.value = "person", last.text
    if len(names) == 1 and names[0].role == "courtesy" and not set(roles) - {"label", "byline", "photo/"}:
        roles.append("courtesy")  # "U.S. Fish and Wildlife Service courtesy photo": the words after say who gave it
    credit = decide(raw, parts, roles, rules)
    posted = len(names) == 2 and names[0].kind in ("person", "org") and "byline" not in roles and _an_account_post(
        body, names)
    if posted:
        # "(Ontario Forest Fires/Twitter)", "Wimbledon/Instagram": an account's post hands the picture out and the
        # social site carries it, whoever the account is; who took it is unsaid. A handle ("@quorva / Instagram")
        # names no source by its name.
        account = names[0].text
        credit.photographer = None
        credit.provider = None if account.startswith("@") else _THE.sub("", account, count=1)
        credit.agency = names[1].text
    handout = len(parts) > 1 and any(p.kind == "tag" and p.value in HANDOUT_TAGS for p in parts)
    tagged = len(names) < len(parts) and any(p.kind == "tag" and p.value in _CREDIT_WORDS for p in parts)
    # (a social site after an account's name says that a source is named, as an agency does: no title ends so)
    posted = posted or len(names) == 1 and names[0].kind == "org" and _an_accounts_page(names[0].text)
    strong = bool(roles) or handout or tagged or posted or any(p.kind == "agency" or p.role for p in parts)
    if not strong and "/" not in body and names[0].kind == "org" and any(p.kind == "person" for p in names[1:]):
        return None  # "People Pictures – Street Cleaning": a title before a dash; a credit puts the name first
    if not strong and len(names) == 1 and names[0].kind == "org" and any(
            word in NOT_NAME_WORDS and word not in MEDIA_WORDS for word in names[0].text.casefold().split()) and (
            not _an_edition_paper(names[0].text)):
        return None  # "Next Photo", "Enlarge This Image", "Buy Photo": a web page's controls, no outlet
    shaped = (len(names) > 1 and ("/" in body or any(p.kind != "person" and is_media(p.value) for p in names))
              or (len(names) == 1 and names[0].kind == "org" and is_media(names[0].value))
              or _name_bar_initials(body, names))  # "Jan White | HCC", as "Jan White/HCC" is
    return Reading(credit, strong, shaped)


#: "Ana Ruiz | QDN": a person's name, a bar between spaces, then the outlet by its initials alone.
_NAME_BAR_INITIALS = compiled(r"[^|/]+ \| [A-Z]{2,6}")


def _name_bar_initials(body: str, names: list[Part]) -> bool:
    """Whether `body` is a local paper's credit "Name | QDN": a person's name, a bar between spaces and the paper's
    initials, as "Name/QDN" is (a name and a word in small letters or a title after the bar, "Ana Ruiz | Mayor",
    stay what they were: a caption's title line as often as a credit)."""
    return (len(names) == 2 and names[0].kind == "person" and names[1].kind == "org"
            and _NAME_BAR_INITIALS.fullmatch(body) is not None and looks_like_person(names[0].text)
            and names[1].text not in TITLE_INITIALS and not names_a_region(names[1].text))


#: The edition a paper is named for, before its title noun: "Evening Star", "Morning Herald", "Weekend Post".
_EDITION_WORDS = frozenset({"morning", "evening", "weekend", "night"})


def _an_edition_paper(name: str) -> bool:
    """Whether `name` is a paper named for its edition ("Lindt Evening Star"): the words that would make it a page's
    control or a greeting are only the edition's, right before a paper's title noun that closes the name (not a
    picture's word: "Good Morning Photo" stays a title).

    >>> _an_edition_paper("Quorva Evening Star"), _an_edition_paper("Good Morning Herald")
    (True, False)
    """
    words = name.casefold().split()
    if len(words) < 2 or words[-1] not in MEDIA_WORDS or words[-1] in NOT_NAME_WORDS or words[-2] not in (
            _EDITION_WORDS):
        return False
    return not any(word in NOT_NAME_WORDS and word not in _EDITION_WORDS for word in words[:-1])


#: A web page's controls scraped after a credit, no part of the credit even as written: "hide caption",
#: "| License Photo", a gallery's "Show More Show Less", a wire's "Purchase Licensing Rights", a gallery's link
#: "/ Click to view gallery" or "Click to enlarge".
PAGE_CONTROLS = compiled(r"(?:\s+(?:hide|toggle)\s+caption|\s*\|\s*license\s+photo"
                           r"|\s+(?:show|read|see|view)\s+(?:more|less)"
                           r"|\s+expand(?:\s+close)?"  # an Irish paper's gallery button: "Picture: Name Expand"
                           r"|\s*[/|]?\s*click\s+(?:here\s+)?(?:to\s+)?(?:view|see|open|enlarge|expand|zoom)"
                           r"(?:\s+(?:the\s+)?(?:full\s+|larger\s+)?(?:gallery|image|photo|picture|slideshow))?"
                           r"|\s+(?:purchase|acquire)\s+licensing\s+rights(?:,\s*opens\s+new\s+tab)?)+\s*$",
                           re.IGNORECASE)
_CONTROL_LAST_WORDS = ("caption", "photo", "more", "less", "rights", "tab", "gallery", "enlarge", "expand", "zoom",
                       "image", "picture", "slideshow", "close")
#: The last four letters of those words, in small letters: a credit ending otherwise is let by unsearched.
_CONTROL_ENDINGS = frozenset(word[-4:] for word in _CONTROL_LAST_WORDS) | {" tab"}


def without_page_controls(text: str) -> str:
    """The text without the page's controls that end it (``PAGE_CONTROLS``); the pattern is tried only on a text
    that ends with one of their last words (exact: in ASCII text, ignoring case is comparing lower-case forms).

    >>> without_page_controls("Jane Doe/AP Show More Show Less"), without_page_controls("Xinhua/Li Xin")
    ('Jane Doe/AP', 'Xinhua/Li Xin')
    """
    if text.isascii() and not text.rstrip().lower().endswith(_CONTROL_LAST_WORDS):
        return text
    return PAGE_CONTROLS.sub("", text)


#: The bracket that closes each opening one.
_CLOSING = {"(": ")", "[": "]"}
#: What may follow a credit's names and is no part of them: "*MANDATORY CREDIT*", "(RELEASE)", "(Released)",
#: a page's controls, a notice (", Crown copyright").
_NOTE_TAIL = compiled(r"(?:[,;]?\s*\*[^*]{2,40}\*|\.?\s*[(\[]\s*(?:released?|file|handout|ho)\s*[)\]]"
                        r"|\s+(?:hide|toggle)\s+caption|\s*\|\s*license\s+photo|,\s*crown\s+copyright)+\s*$",
                        re.IGNORECASE)
#: The last character of each of _NOTE_TAIL's shapes ("*", a bracket, "caption", "photo", "copyright").
_NOTE_LAST = compiled(r"[*)\]not]", re.IGNORECASE)
#: The last words of _NOTE_TAIL's shapes that end in a letter, in small letters.
_NOTE_LAST_WORDS = ("caption", "photo", "copyright")


def _may_end_in_note(body: str) -> bool:
    """Whether a stripped credit may end with one of ``_NOTE_TAIL``'s shapes: most credits are let by with a test
    of their last word rather than the pattern tried at every character (a name ends in "n", "o" or "t" as often
    as not). Exact: in ASCII text, ignoring case is comparing lower-case forms; outside ASCII the last character
    decides, as it did."""
    if not body.isascii():
        return _NOTE_LAST.match(body, len(body) - 1) is not None
    last = body[-1]
    if last in ")]":  # "(Released)": the word in the last brackets (the shape holds no other bracket)
        return body[max(body.rfind("("), body.rfind("[")) + 1:-1].strip().lower() in _NOTE_BRACKETED
    return last == "*" or body[-9:].lower().endswith(_NOTE_LAST_WORDS)


#: The words of _NOTE_TAIL's bracketed shape, in small letters.
_NOTE_BRACKETED = frozenset({"release", "released", "file", "handout", "ho"})
_KEPT_STOP = compiled(r"(?:\b(?:Jr|Sr|JR|SR)|\b[A-Z])\.$")  # "Brooks B. Patton Jr.": the stop is the name's
_COPYRIGHT_YEAR = compiled(r"^((?:©|\(c\)|copyright)\s*)(?:19|20)\d\d\b[,\s]*", re.IGNORECASE)
#: A licence written after the names: "(CC BY 2.0)", ", CC BY-SA 4.0", ", CC0", "/Public Domain", "via Flickr
#: Creative Commons" (the site, then its licence).
_LICENCE = compiled(r"(?:\s*[,;/]\s*|\s+)\(?(?:CC[ -]?(?:BY|0)(?:[ -](?:SA|ND|NC))*(?:[ -]?\d\.\d)?"
                      r"|[Pp]ublic [Dd]omain|[Cc]reative [Cc]ommons(?: [Ll]icen[cs]e)?)\)?\s*$")
#: A licence written before the names, parted from them: "CC BY-NC-ND / Ana Ruiz", "CC BY 4.0 | Quorva Aid / Ana Ruiz".
_LICENCE_FIRST = compiled(r"\(?CC[ -]?(?:BY|0)(?:[ -](?:SA|ND|NC))*(?:[ -]?\d\.\d)?\)?\s*[/|,;]\s*(?=\S)")
_COPYRIGHT_AFTER = compiled(r"(?<=\S)[\s,]*(?:©|\(c\))\s*(?:19|20)\d\d\s*$", re.IGNORECASE)
_MONTH_WORD = "(?:" + "|".join(sorted({re.escape(n.rstrip(".")) for names in MONTHS.values() for n in names},
                                        key=longest_first)) + r")\.?"
#: A date written after a credit: "EPA Photo, 12 April 2017", "CNA photo March 22, 2026", "Photo by Name, Sun Dec
#: 23, 2007" (Sunday's, not the Sun's).
_DATE_TAIL = compiled(
    r"[,\s]+(?:(?:\w+day|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s+)?"  # (a weekday, written short too)
    rf"(?:\d{{1,2}}\s+{_MONTH_WORD},?\s+\d{{4}}|{_MONTH_WORD}\s*\d{{1,2}},?\s+\d{{4}}"
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})\s*$", re.IGNORECASE)
#: The month (and day) an aid agency writes as the last part of its copyright chain, after the photographer: "©
#: UNHCR/V.Tan/January 2006", "UNHCR/H. CAUX/March 2008"; it names nobody.
_SLASH_DATE_TAIL = compiled(rf"\s*/\s*(?:\d{{1,2}}\s+)?{_MONTH_WORD},?\s+(?:18|19|20)\d\d\s*$", re.IGNORECASE)
#: A year written right after the name in a credit that a lead-in opens, after a space or a comma: "Image credit:
#: Clayton Lloyd 2025", "Photo by George Miller, 2014" (the credit's year, the picture's or its copyright's: no
#: name, and no date the parser takes as the photo's).
_YEAR_TAIL = compiled(r"(?<=[^\W\d_])(?:\s*,\s*|\s+)(?:18|19|20)\d\d$")
#: An archive's image number after the credit's last name, capitals then numbers joined by hyphens: "KSC-2010-5032".
_IMAGE_NUMBER_TAIL = compiled(r"(?<=[a-z])\s+[A-Z]{2,6}(?:-\d+){1,3}$")
#: Words before "photo by" that are no outlet: "All Photos by", "File photo by", "This photo by".
_NOT_OUTLETS = CREDIT_TAGS | {"all", "our", "this", "these", "that", "the", "a", "an", "undated", "aerial",
                              "drone", "archive", "archival", "stock", "feature", "other", "more", "top", "main",
                              "credit",  # "Credit Image: © Name/ZUMA Press Wire": a label
                              "cover", "contributed", "submitted", "staff", "pool", "handout", "special"}
_BY = compiled(r"\s+(?:photo|photograph|picture|pic|image|video)s?\s+(?:is\s+)?by\b", re.IGNORECASE)
#: "<outlet> photo by <name>", "<OUTLET> PHOTO: <NAME>": the outlet first, then the photographer; in capitals the
#: mark may be left out ("QUORVA GAZETTE PHOTO ANA RUIZ").
_OUTLET_BYLINE = compiled(
    r"^(?P<outlet>[^/:()\[\],]{1,40}?)\s+(?:(?:photo|photograph|picture|pic|image|video)s?\s*(?:(?:is\s+)?by\b\s*:?\s*|[:/]\s*)"
    r"|(?-i:PHOTO)\s+(?=(?-i:(?!.*\bPHOTO\b)[A-Z][A-Z'’-]+\s+[A-Z][A-Z'’.-]*)))(?P<rest>\S.*)$", re.IGNORECASE)
#: A lower-case letter right before a capital inside a word: where a scraped credit ran two names together
#: ("Sean GallupGetty Images").
_GLUED = compiled(r"[A-Z](?<=[a-z][A-Z])(?=[a-z])")  # (the capital, consumed: the engine skips to capitals)


#: Outlets whose "<outlet>/<one word>" names a photographer by a single name ("Xinhua/Chogo").
_NEWS_KINDS = frozenset({"wire", "newspaper", "website", "broadcaster"})


#: Tags that say the names beside them are a credit: "ERIC WYNNE / Staff Photographer", "Ana Ruiz/File".
_CREDIT_WORDS = frozenset({"staff", "staff photographer", "staff photo", "file", "file photo", "pool",
                           "pool photo", "stringer", "contributed", "submitted", "supplied", "handout"})
_WEEKDAYS = frozenset(day.casefold() for day in WEEKDAYS)
#: The last words of an event's name that are also surnames ("Doris Day"): only in a name of three words or more.
_SURNAME_EVENT_WORDS = frozenset({"day", "fair", "race", "match", "cup", "show", "week", "games", "open", "war"})


#: The last words of a venue's name that no surname is: a name alone ending in one names the venue ("Amber Hotel",
#: "Quorva Stadium"), where "Ana Hall", "Tom Bridge" or "Sam Field" may be a photographer's.
_VENUE_LAST_WORDS = frozenset({"hotel", "motel", "hostel", "stadium", "museum", "temple", "airport", "cathedral",
                               "mosque", "university", "hospital", "restaurant", "cafe", "café", "mall", "resort",
                               "arena", "monastery", "pagoda", "zoo", "aquarium", "casino", "basilica", "synagogue",
                               "shrine", "waterfall", "beach", "airfield"})


def _no_name_alone(name: str, rules: Rules) -> bool:
    """A capitalised name that a person's seldom is, for a name alone with nothing saying it is a credit: a site's
    ("Mount Kenya", "Lake Turkana", "Central Java", a venue the register knows: "Angkor Wat"), a day's ("Last
    Saturday"), an event's ("Tree Planting Day"), a title and its holder's name ("President Ruto"), a page's control
    or a greeting ("Show Caption", "Happy Holidays").

    >>> from catalog.captions.rules import default_rules
    >>> [_no_name_alone(n, default_rules()) for n in ("Mount Kenya", "Tree Planting Day", "Show Caption")]
    [True, True, True]
    >>> _no_name_alone("Doris Day", default_rules()), _no_name_alone("Ana Ruiz", default_rules())
    (False, False)
    """
    words = [word.casefold().strip(".,") for word in name.split()]
    first, last = words[0], words[-1]
    if (f"{first}." if first == "mt" else first) in VENUE_PREFIXES or first in TITLE_WORDS or first in DIRECTIONS:
        return True
    if any(word in _WEEKDAYS or word in NOT_NAME_WORDS for word in words):
        return True
    if last in EVENT_WORDS and (last not in _SURNAME_EVENT_WORDS or len(words) >= 3):
        return True
    if last in _VENUE_LAST_WORDS:
        return True  # "... in Baku – Amber Hotel.": a venue's name closing the title
    from catalog.venues import register_for

    return register_for(rules).venue(name) is not None


def _a_handle(text: str) -> bool:
    """A user's name on a photo site, one word as the site shows it ("mtsrs", "tGenteneeRke", "Savanbanna"), not an
    organisation's word, a site or an outlet: read as a person only beside the site's name, and only where the
    registry knows no agency of that name (the caller reads the agencies first).

    >>> _a_handle("mtsrs"), _a_handle("Savanbanna"), _a_handle("Ana Ruiz"), _a_handle("Flickr")
    (True, True, False, False)
    """
    text = text.strip()
    folded = text.casefold()
    return 3 <= len(text) <= 30 and _HANDLE.fullmatch(text) is not None and any(ch.isalpha() for ch in text) and (
        folded not in ORGANISATION_WORDS and folded not in PLATFORMS and not is_media(text))


#: A name, then a mail address after a tilde, a bar, a dash or in brackets: "LAURA SIMON ~ lsimon@quorva.com".
_NAME_THEN_MAIL = compiled(r"(?P<name>[^@~|()<>/]+?)\s*(?:[~|–—-]\s*|[(<]\s*)?(?P<local>[\w.+-]+)@[\w-]+(?:\.[\w-]+)+"
                           r"\s*[)>]?")


def _signed_with_mail(body: str) -> str | None:
    """The person's name before a mail address made of it ("lsimon" for Laura Simon: a name's word of three letters
    or more, or its initials, opens or ends the address's letters); None for anything else."""
    signed = _NAME_THEN_MAIL.fullmatch(body)
    if signed is None or not looks_like_person(signed.group("name")):
        return None
    name = signed.group("name").strip()
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+", name)]
    local = "".join(ch for ch in signed.group("local").casefold() if ch.isalpha())
    initials = "".join(w[0] for w in words)
    if any(len(w) >= 3 and (local.startswith(w) or local.endswith(w)) for w in words) or (
            len(local) >= 2 and (local.startswith(initials) or initials.startswith(local))):
        return name
    return None


def _an_accounts_page(name: str) -> bool:
    """Whether a body's name closes with the social site it posted on ("PSNI Facebook", "Quorva Fire Rescue
    Facebook Page"): the account's page names the picture's source, as "/Twitter" after it does."""
    words = name.split()
    if len(words) > 2 and words[-1].casefold() in ("page", "account"):
        words = words[:-1]
    return len(words) >= 2 and words[-1].casefold() in _SOCIAL_SITES and words[-1] not in ("x", "X") and (
        words[-2][:1].isupper())


def _names_a_platform(body: str) -> bool:
    """Whether a credit's last word is a photo or social site ("mtsrs, Flickr", "Savanbanna via Facebook")."""
    last = body.rsplit(None, 1)[-1:]
    return bool(last) and last[0].strip(".,;").casefold() in PLATFORMS


def _before_a_photo_library(body: str, rules: Rules) -> bool:
    """Whether a credit ends with a slash and a photo library the registry knows ("© quorvashots/Shutterstock",
    "© name/Getty Images"), whose contributors sign with their user names."""
    head, slash, last = body.rpartition("/")
    return bool(slash and head.strip()) and rules.agency_kind(last.strip(" .,;)")) == "photo agency"


_HANDLE = compiled(r"@?[\w.\-]+")


def _a_contributor_in_small(piece: str, body: str, rules: Rules) -> bool:
    """Whether a name typed in small letters is a photo library's contributor's: two or three words, a name's shape
    in title case, alone before the slash and the library the registry knows that closes the credit ("ana
    ruiz/Alamy Live News", "tamsin orr / Shutterstock"), none of them a word no name holds ("staff", "user")."""
    name = piece.strip()
    return name.islower() and _LOWER_NAME.fullmatch(name) is not None and body.rpartition("/")[0].strip() == name \
        and looks_like_person(name.title()) and not any(w in _NOT_NAME_WORDS for w in name.split()) \
        and _before_a_photo_library(body, rules)


def _an_outlets_name(part: Part, rules: Rules) -> bool:
    """Whether `part` names a news outlet: a news agency the registry holds ("Xinhua"), or an organisation it does
    not hold named by a paper's words or initials ("Quorva Daily", "quorvanews.com", "QNS")."""
    if part.kind == "agency":
        return rules.agency_kind(part.text) in _NEWS_KINDS
    return part.kind == "org" and not rules.agency_kind(part.text) and (
        is_media(part.text) or _ACRONYM.fullmatch(part.text) is not None)


def _article_then_name(text: str) -> bool:
    """Whether `text`, two words read as a paper's name for the article opening it, is a person's in a byline's
    slot: the article is a given name too ("All photos by Les Everett"; "Photo by Le Soleil" stays the paper)."""
    words = text.split()
    return len(words) == 2 and words[0].casefold() in GIVEN_NAME_ARTICLES and looks_like_person(text, lenient=True)


def _one_word_name(text: str) -> bool:
    """A single name as a photographer writes it ("Chogo", "ZhaoYong"): one capitalised word in mixed case, not
    an acronym ("KCNA"), an organisation's word or a site ("Weibo").

    >>> _one_word_name("Chogo"), _one_word_name("ZhaoYong"), _one_word_name("KCNA"), _one_word_name("Weibo")
    (True, True, False, False)
    """
    folded = text.casefold()
    if "-" in text and not all(piece[:1].isupper() and piece[1:].islower() for piece in text.split("-")):
        return False  # "Jean-Luc" is a name; "HO-Annick" a handout tag glued to one
    return (text.replace("-", "").isalpha() and text[0].isupper() and any(ch.islower() for ch in text)
            and len(text) >= 3
            and folded not in ORGANISATION_WORDS and folded not in PLATFORMS and not is_media(text))


def _may_name_pictures(text: str) -> bool:
    """Whether `text` may hold one of the words for pictures that ``_OUTLET_BYLINE`` and ``_NAME_THEN_PHOTO``
    look for ("photo", "picture", "pic", "image", "video"), case ignored: most credits and all prose without
    them are let by with four substring tests instead of two patterns tried at every character. Exact: in ASCII
    text, ignoring case is comparing lower-case forms; outside ASCII (a dotless "ı" matches "i" when case is
    ignored) the patterns decide.

    >>> _may_name_pictures("Xinhua/Li Xin"), _may_name_pictures("ST PHOTO: SHINTARO TAY"), _may_name_pictures("Işık")
    (False, True, True)
    """
    if not text.isascii():
        return True
    low = text.lower()
    return "photo" in low or "pic" in low or "image" in low or "video" in low


def _outlet_first(body: str, rules: Rules) -> str | None:
    """An outlet's byline as "outlet/rest", or None: "ST PHOTO: SHINTARO TAY", "U.S. Navy photo by Mass
    Communication Specialist ...", also after a label ("Source: Express Photo by Amit Mehra", where the
    registry knows the outlet by its "Express Photo").

    >>> from catalog.captions.rules import load_rules
    >>> _outlet_first("Source: Express Photo by Amit Mehra", load_rules())
    'Express Photo/Amit Mehra'
    """
    outlet = _OUTLET_BYLINE.match(body)
    if outlet is None:  # after a label, then?
        after, role = strip_lead_in(body, rules)
        outlet = _OUTLET_BYLINE.match(after) if role == "label" else None
    if outlet is None:
        return _chain_byline(body, rules) if "/" in body else None
    name = outlet.group("outlet")
    # "Charlotte MacAulay photo: ..." names her; "White House photo by Adam Rivers" names the outlet, then him
    by_person = _BY.match(body, outlet.end("outlet")) is not None and looks_like_person(
        _RANK.sub("", outlet.group("rest")))
    if name.casefold() in _NOT_OUTLETS or looks_like_person(name) and not by_person or (
            name.split()[-1].casefold() in ("and", "&", "of", "the", "for")):
        return None  # ("Text and photo: Name": no outlet's name ends with "and")
    if not rules.standard_agency(name):
        if rules.standard_agency(f"{name} Photo"):
            name = f"{name} Photo"
        elif not looks_like_organisation(name):
            return None
    return f"{name}/{outlet.group('rest')}"


#: The last words of an armed service's name, before its member's rank in a byline: "U.S. Army", "Royal Australian
#: Navy", "U.S. Air Force", "Air National Guard", "Japan Ground Self-Defense Force".
_SERVICE_ENDS = compiled(r"(?:army|navy|air\s+force|marine\s+corps|marines|coast\s+guard|national\s+guard|space\s+force"
                         r"|self-defen[cs]e\s+forces?|defen[cs]e\s+forces?|armed\s+forces)$", re.IGNORECASE)


def _service_then_rank(body: str, rules: Rules) -> str | None:
    """A byline naming the service, then its member by rank, as "service/rest", or None: "U.S. Army Staff Sgt. Ana
    Ruiz" (after "Photo by") -> "U.S. Army/Staff Sgt. Ana Ruiz", read then as "U.S. Army photo by Staff Sgt. ..." is.
    The service is an armed service by its last words, or an outlet the registry knows ("AP Photographer Ana Ruiz");
    what follows the rank is a person's name.

    >>> from catalog.captions.rules import load_rules
    >>> _service_then_rank("U.S. Air Force Senior Airman Ana Ruiz", load_rules())
    'U.S. Air Force/Senior Airman Ana Ruiz'
    >>> _service_then_rank("Fire Chief Ana Ruiz", load_rules()) is None
    True
    """
    words = body.split(" ")
    for cut in range(1, min(len(words), 6)):
        service, rest = " ".join(words[:cut]), " ".join(words[cut:])
        ranked = _RANK.match(rest)
        if ranked is None or "/" in service:
            continue
        name = rest[ranked.end():].partition("/")[0].strip().rstrip(".,")
        if name and looks_like_person(name) and (_SERVICE_ENDS.search(service) or rules.standard_agency(service)):
            return f"{service}/{rest}"
    return None


#: "<outlet>/<outlet> photo by <name>": a chain of two outlets, the second often an acronym ("Quorva Sentinel/QNS
#: photo by Ana Ruiz"), before an outlet's "photo by".
_CHAIN_BYLINE = compiled(
    r"^(?P<first>[^/:()\[\],]{2,40}?)\s*/\s*(?P<second>[^/:()\[\],]{2,40}?)\s+"
    r"(?:photo|photograph|picture|pic|image)s?\s+(?:is\s+)?by\b\s*:?\s*(?P<rest>\S.*)$", re.IGNORECASE)
#: An outlet's acronym: "QNS", "VMP".
_ACRONYM = compiled(r"[A-Z]{2,6}")


def _chain_outlet(name: str, rules: Rules) -> bool:
    """Whether `name`, one link of a chain before "photo by", names an outlet: one the registry knows, one named
    by a paper's words, an acronym, or an organisation by its words (never a person's name)."""
    if rules.standard_agency(name) or is_media(name) or _ACRONYM.fullmatch(name):
        return True
    return looks_like_organisation(name) and not looks_like_person(name)


def _chain_byline(body: str, rules: Rules) -> str | None:
    """A chain of two outlets before an outlet's "photo by" as "first/second/rest", or None: "Quorva Sentinel/QNS
    photo by Ana Ruiz" (the first an outlet the registry or a paper's words name, the second an outlet too).

    >>> from catalog.captions.rules import load_rules
    >>> _chain_byline("Quorva Sentinel/QNS photo by Ana Ruiz", load_rules())
    'Quorva Sentinel/QNS/Ana Ruiz'
    """
    chain = _CHAIN_BYLINE.match(body)
    if chain is None:
        return None
    first, second = chain.group("first").strip(), chain.group("second").strip()
    if not (rules.standard_agency(first) or is_media(first)) or not _chain_outlet(second, rules) or (
            not looks_like_person(_RANK.sub("", chain.group("rest")))):
        return None
    return f"{first}/{second}/{chain.group('rest')}"


#: After a copyright sign, the rights holder and "by" its photographer: "© Sankei by Kan Emori", "©JAPAN Forward by
#: Agnes Tandler"; or "by" how the picture was taken ("©Kyodo by helicopter").
_RIGHTS_HOLDER_BY = compiled(r"(?P<holder>[^/,:()\[\]]{2,40}?)\s+by\s+(?P<rest>[^/,:()\[\]]{2,60})")
_COPYRIGHT = compiled(r"[(\[]?\s*(?:©|\(c\)|(?i:copyright\b))")


#: Words for how a work was made, before "by" after a copyright sign: no rights holder's name.
_MADE_BY_WORDS = frozenset({"reported", "written", "photographed", "taken", "shot", "edited", "produced", "filmed",
                            "captured", "posted", "shared", "photo", "photos", "text"})


def _rights_holder_by(body: str, raw: str, roles: list[str]) -> str | None:
    """A copyright credit "© <holder> by <name>" as "holder/name" (the holder in the outlet's slot, whatever its
    words read as: "JAPAN Forward" has a person's shape), or the holder alone when "by" says how the picture was
    taken, in small letters ("by helicopter", "by drone"); None for any other credit.

    >>> _rights_holder_by("Sankei by Kan Emori", "© Sankei by Kan Emori", ["label"])
    'Sankei/Kan Emori'
    >>> _rights_holder_by("Kyodo by helicopter", "©Kyodo by helicopter", ["label"])
    'Kyodo'
    """
    if roles != ["label"] or " by " not in body or not _COPYRIGHT.match(raw):
        return None
    owned = _RIGHTS_HOLDER_BY.fullmatch(body)
    if owned is None or not owned.group("holder")[:1].isupper() or (
            owned.group("holder").casefold() in _MADE_BY_WORDS):
        return None  # ("© Reported by Ana Ruiz": how the work was made, no holder)
    rest = owned.group("rest").strip()
    if rest.islower() and len(rest.split()) <= 2:
        # ("© Ana Ruiz by drone" names its photographer as the holder: left to the other readings)
        return None if looks_like_person(owned.group("holder")) else owned.group("holder")
    return f"{owned.group('holder')}/{rest}" if looks_like_person(rest) else None


#: The social sites whose accounts post pictures they did not take; a photo site's user (Flickr's) took them.
_SOCIAL_SITES = PLATFORMS - {"flickr", "unsplash", "pexels", "pixabay"}


#: A social account's handle, its site's name before it or not, then "via" the agency that carried its post.
_ACCOUNT_VIA = compiled(r"(?:[A-Za-z]+[ \t]+|[A-Za-z]+[ \t]*/[ \t]*)?@[\w.]{2,40}[ \t]*/?[ \t]*(?i:via)[ \t]+"
                        r"(?P<rest>\S.*)")


#: A byline's name then the photographer's own handle, as a post on a photo site signs ("Ana Ruiz @anaruiz").
_NAME_THEN_HANDLE = compiled(r"([^@/|]+?)\s+@[\w.]{2,40}")


def _after_an_account(body: str) -> str:
    """What follows "via" when a social account's handle comes before it, else the body: "INSTAGRAM @QUORVA via
    REUTERS" gives "REUTERS" (the account posted the picture, a handle names no source by its name, and the agency
    carried it).

    >>> _after_an_account("INSTAGRAM @QUORVA via REUTERS"), _after_an_account("@quorva via Reuters")
    ('REUTERS', 'Reuters')
    >>> _after_an_account("Ana Ruiz via Reuters")
    'Ana Ruiz via Reuters'
    """
    account = _ACCOUNT_VIA.fullmatch(body)
    if account is None or account.group().split("@")[0].strip(" /").casefold() not in PLATFORMS | {""}:
        return body
    return account.group("rest").strip()


def _an_account_post(body: str, names: list[Part]) -> bool:
    """Whether a credit of two names is an account and the social site it posted on, parted by a slash:
    "Ontario Forest Fires/Twitter", "@quorva / Instagram" (not "mtsrs, Flickr", a photo site's user)."""
    return names[1].text.casefold() in _SOCIAL_SITES and "/" in body


def _agency_then_person(body: str, rules: Rules) -> str | None:
    """A known agency and its photographer with nothing between them, or only a colon (an outlet the words for
    media name, too: "ABC News: Nathan Morris"), as "agency/person"; else None.

    >>> from catalog.captions.rules import load_rules
    >>> rules = load_rules()
    >>> _agency_then_person("BELGA PHOTO YVES BOUCAU", rules), _agency_then_person("AJP Yoo Na-hyun", rules)
    ('BELGA PHOTO/YVES BOUCAU', 'AJP/Yoo Na-hyun')
    """
    if "/" in body or "," in body:
        return None
    outlet, colon, name = body.partition(":")
    if colon and (rules.standard_agency(outlet) or is_media(outlet.strip()) or _BUREAU.fullmatch(outlet.strip())
                  or _OUTLET_INITIALS.fullmatch(outlet.strip())) and looks_like_person(name.strip()):
        # "(ABC News: Nathan Morris)": the outlet, a colon, its photographer; "(ABC Western Plains: Ana Ruiz)": a
        # broadcaster's regional bureau, its letters then the region
        return f"{outlet.strip()}/{name.strip()}"
    words = body.split()
    for n in range(1, min(4, len(words) - 1)):
        head = " ".join(words[:n])
        if rules.standard_agency(head) and looks_like_person(rest := " ".join(words[n:])):
            return f"{head}/{rest}"
    head, photo, rest = body.partition(" PHOTO ")
    if photo and rest.isupper() and (_ACRONYM.fullmatch(head) or is_media(head)) and looks_like_person(rest):
        return f"{head}/{rest}"  # "(QPA PHOTO YVES BOUCAU)": Belga's form, from an outlet the registry does not know
    return None


#: An outlet's name, the role its photographer had there, then the name: "Quorva News correspondent Ana Ruiz",
#: "ABC Open contributor Ana Ruiz", "Reuters staff photographer Ana Ruiz".
_OUTLET_ROLE_PERSON = compiled(
    r"(?P<outlet>(?:[A-Z][\w’'.&-]*\s+){1,4}?)(?i:" + STAFF_ROLE + r")\s+(?P<name>[A-Z].*)")


def _outlet_role_person(body: str, rules: Rules) -> str | None:
    """An outlet, its photographer's role there and the photographer, as "outlet/person"; else None. The outlet
    is one the registry knows, one a paper's words name, or one opened by a known agency's name or by initials
    ("ABC Open"); the name must read as a person's.

    >>> from catalog.captions.rules import load_rules
    >>> _outlet_role_person("Quorva News correspondent Ana Ruiz", load_rules())
    'Quorva News/Ana Ruiz'
    >>> _outlet_role_person("ABC Open contributor Ana Ruiz", load_rules())
    'ABC Open/Ana Ruiz'
    >>> _outlet_role_person("Ana Ruiz photographer Tom Lindt", load_rules()) is None
    True
    """
    if "/" in body or "," in body:
        return None
    match = _OUTLET_ROLE_PERSON.fullmatch(body)
    if match is None:
        return None
    outlet, name = match.group("outlet").strip(), match.group("name").strip()
    head = outlet.split()[0]
    if not (rules.standard_agency(outlet) or is_media(outlet) or rules.standard_agency(head)
            or _ACRONYM.fullmatch(head)) or not looks_like_person(name):
        return None
    return f"{outlet}/{name}"


#: Not the initials of a space agency or of the UN, whose pictures are handed out, not taken by an outlet's staff.
_NO_HANDING_OUT_BODY = r"(?!NASA\b|UN\b|ESA\b)"
#: An outlet's one word then a place's one or two: "Sputnik Georgia", "Sputnik Kazakhstan".
_OUTLET_AND_PLACE = compiled(r"[A-Z][\w.-]+ [A-Z][a-z]+(?: [A-Z][a-z]+)?")
#: A broadcaster's or an outlet's bureau: its letters in capitals, then a region's words in title case ("ABC
#: Western Plains", "CBC Manitoba", "BBC Scotland").
_BUREAU = compiled(_NO_HANDING_OUT_BODY + r"[A-Z]{2,5}(?: (?:[A-Z][a-z]+|[A-Z]{2,3})){1,3}")
#: An outlet's initials alone before the colon of "(QPA: Ana Ruiz)", as the ABC's "(ABC News: Name)" sets it.
_OUTLET_INITIALS = compiled(_NO_HANDING_OUT_BODY + r"[A-Z]{2,5}")


_BACKSLASH = compiled(r"\s*\\\s*")
#: Marks a page's markup or quotes leave around a credit: "*Photo: Name*", "<Photo: Name>", '"Photo: Name"'.
_MARKUP = "*_\"“”{}<>•·▲►▶"


#: A client's "for" after the credit's last slash with the client's name cut off ("Photo by Ana Ruiz/for"): a
#: contributor's credit ("Name/for China Daily") left unfinished; the name stands, no outlet is named.
_CLIENT_CUT_OFF = compiled(r"\s*/\s*[Ff](?:or|OR)\Z")


def _tidy(raw: str, rules: Rules) -> str:
    """The credit text without what is around the names: a closing stop, a "==" or dash left by a CMS, a
    copyright year, a date after the credit, and with names that a scraper glued together set apart again.

    >>> from catalog.captions.rules import load_rules
    >>> _tidy("© 2025 Chen Mengtong/VCG via AP Photo.", load_rules())
    '© Chen Mengtong/VCG via AP Photo'
    >>> _tidy("Photograph: Sean GallupGetty Images", load_rules())
    'Photograph: Sean Gallup/Getty Images'
    >>> _tidy("Image credit: Clayton Lloyd 2025.", load_rules()), _tidy("Raffles Hotel 1887", load_rules())
    ('Image credit: Clayton Lloyd', 'Raffles Hotel 1887')
    """
    body = raw.strip().lstrip("=—–-| ").strip().lstrip(_MARKUP).strip()
    if "ermission" in body or "eserved" in body or "copying" in body or "eproduc" in body:
        # "© Ana Ruiz. All rights reserved.", "© Ana Ruiz. No copying ... without permission": the rights notice
        # after the names, no part of them (a text that is only a notice reads as nothing)
        body = _RIGHTS_NOTICE.sub("", body).strip()
    if "\\" in body:  # "Photo by Amal Farid\\ ENS": a backslash typed for the slash between names
        body = _BACKSLASH.sub("/", body)
    if body.endswith("|"):  # "Ana Ruiz / Daily Ledger |": a page's bar after the credit, no part of a name
        body = body.rstrip("| ")
    if "|" in body:  # "Photo credit: Ana Ruiz| Daily Ledger": a bar glued to the name, set for the slash
        body = _GLUED_BAR.sub("/", body)
    if "—" in body or "–" in body:  # "Ana Ruiz—AFP/Getty Images": a magazine's dash between the name and the agency
        body = _GLUED_DASH.sub("/", body)
    if body and _may_end_in_note(body):  # (a cheap test first: most credits end otherwise)
        body = _NOTE_TAIL.sub("", body).strip()
    if body and body[-1] in _MARKUP:
        body = body.rstrip(_MARKUP).strip()  # "*Photo: Name*", '"Photo: Name"': the page's markup, no name
    noted = body
    body = without_wire_notes(body)  # "REUTERS/Name (CHINA - Tags: SOCIETY) CHINA OUT. NO ... SALES IN CHINA"
    if body is not noted and body[:1] in "([" and body[-1:] == _CLOSING.get(body[:1]) and (
            body.count(body[0]) == 1 and body.count(body[-1]) == 1):
        body = body[1:-1].strip()  # "(AP Photo/Kyodo News) JAPAN OUT": the credit in its brackets, notes after them
    if body[-4:].casefold() in _CONTROL_ENDINGS:
        body = PAGE_CONTROLS.sub("", body)  # "Jane Doe/AP Show More Show Less": a gallery's buttons after it
    if body and body[-1] in ")]" and body.count(body[-1]) > body.count("(" if body[-1] == ")" else "["):
        body = body[:-1].rstrip()  # "Photo by Xinhua/ABACAPRESS.COM/Zhang Xiaoyu)": a bracket never opened
    if body and body[-1] in "([":
        body = body[:-1].rstrip()  # "PTI Photo/Swapan Mahapatra(": a bracket the next line's text opened
    if body.endswith(".") and not _KEPT_STOP.search(body):
        body = body.rstrip(".").strip()
    year = _COPYRIGHT_YEAR.match(body)
    if year:
        body = year.group(1) + body[year.end():]
    if ("©" in body or "(" in body) and body.rstrip()[-1:].isdecimal():  # (a year ends it; \d is a decimal digit)
        body = _COPYRIGHT_AFTER.sub("", body)  # "Photos by Sally Rice ©2012": the notice after the name
    if ("CC" in body or "omain" in body or "ommons" in body) and _LICENCE.search(body):
        body = _LICENCE.sub("", body)  # "Photo by Ana Ruiz/Flickr, CC BY-SA 2.0": the licence, not a name
    licence = _LICENCE_FIRST.match(body) if body[:3] in ("CC ", "CC-", "CC0", "(CC") else None
    if licence:
        body = body[licence.end():]  # "CC BY-NC-ND / ICRC / Ana Ruiz": the licence first, no name
    if body[-3:].casefold() == "for" and _CLIENT_CUT_OFF.search(body) and looks_like_person(
            strip_lead_in(_CLIENT_CUT_OFF.sub("", body), rules)[0]):
        body = _CLIENT_CUT_OFF.sub("", body)  # "Photo by Ana Ruiz/for": "/for China Daily" cut off by the page
    if body.endswith("©"):  # "Photo by Vladimir Prokopenko©": the sign glued after the name
        body = body[:-1].rstrip()
    if body.rstrip()[-1:].isdecimal():  # a date ends in a digit (and \d is a decimal digit)
        body = _DATE_TAIL.sub("", body)
        if "/" in body:
            body = _SLASH_DATE_TAIL.sub("", body)  # "© UNHCR/V.Tan/January 2006": the month, a part of its own
        if _YEAR_TAIL.search(body) and strip_lead_in(body, rules)[1] is not None:
            body = _YEAR_TAIL.sub("", body)  # "Image credit: Clayton Lloyd 2025": the year of the picture
        elif "-" in body:
            body = _IMAGE_NUMBER_TAIL.sub("", body)  # "NASA/Ana Ruiz KSC-2010-5032": the archive's image number
    if _GLUED.search(body):
        body = _unglue(body, rules)
    if _TWO_CAPITALS.search(body) and _CAPITALS_GLUED.search(body):
        body = _unglue_capitals(body, rules)
    if "©" in body[1:]:
        body = _RIGHTS_AFTER_NAME.sub("/", body)  # "Photo: Ana Ruiz. © dpa": the byline, then the rights holder
    if "ourtesy" in body and _COURTESY_SENTENCE.search(body) and strip_lead_in(body, rules)[1] is not None:
        # "Photo by: Cpl. Connor. Image courtesy of CAF": two sentences, one credit (after a lead-in only)
        body = _COURTESY_SENTENCE.sub("/courtesy of ", body, count=1)
    if body.count(":") > 1:  # "Picture: Ana Ruiz Source: Supplied", "Photo: Ana Ruiz. Story: Li Wen": a second label
        second = _SECOND_LABEL.search(body, body.index(":") + 1)
        if second:
            body = body[: second.start()].rstrip(" .,;")
    if "(" in body:  # "Pictures by Liam Clayton (above) and Ben Cowper": which picture each took
        body = _WHICH_PICTURE.sub("", body)
    if " - " in body:  # "Photo and caption by Chiba Sunao - National Geographic Traveler Photo Contest": the contest
        body = _CONTEST_TAIL.sub("", body)
    if ". " in body:  # "Photo / Ana Ruiz. Ana Ruiz": the page's byline field after the credit, the name once more
        body = _name_once(body)
    return body


def _name_once(body: str) -> str:
    """The credit without its last name written again after a full stop: "Photo / Ana Ruiz. Ana Ruiz" (a page's
    byline field after its caption's credit), "Orrin J. Talvassy. Orrin J. Talvassy"; a name of two words or more,
    whole before the stop. Else the credit as it is."""
    at = body.find(". ")
    while at > 0:
        name = body[at + 2:]
        before = at - len(name)
        if " " in name and name[:1].isalpha() and body.endswith(name, 0, at) and (
                before == 0 or body[before - 1] in " /:"):
            return body[:at]
        at = body.find(". ", at + 2)
    return body


#: A second sentence of the credit that says who handed the picture out: "Photo by: Cpl. Connor. Image courtesy of
#: CAF", "Photo by Ana Ruiz. Courtesy of the Quorva Trust" (read as "Name/courtesy of Body").
_COURTESY_SENTENCE = compiled(r"(?<=[^\W\d_]{2})\.\s+(?:(?:[Ii]mage|[Pp]hoto|[Pp]icture|[Pp]hotograph)s?\s+)?"
                              r"(?:[Cc]ourtesy|COURTESY)\s+(?:(?:of|OF)\s+)?(?=\S)")
#: A long dash glued between two names: a magazine's "Name—Agency" for "Name/Agency".
_GLUED_DASH = compiled(r"(?<=[^\W\d_])[—–](?=[A-Z])")
#: A bar glued to the name before it, a capital after it: a page's "Name| Outlet" for "Name/Outlet".
_GLUED_BAR = compiled(r"(?<=[^\W\d_])\|[ \t]*(?=[A-Z])")


#: A rights notice written after a credit's names: "All rights reserved", "No copying, screen grabbing or publication
#: without permission", "Used with permission", "Not to be reproduced".
_RIGHTS_NOTICE = compiled(r"(?:^|[.,;]?\s+)(?:all\s+rights\s+reserved|no\s+(?:copying|reproduction|unauthori[sz]ed)"
                          r"|(?:used|reproduced|reprinted)\s+with\s+(?:kind\s+)?permission|not\s+to\s+be\s+reproduced"
                          r"|do\s+not\s+(?:copy|reproduce))\b.*$", re.IGNORECASE | re.DOTALL)


#: A contest or award named after the credit, after a dash: " - National Geographic Traveler Photo Contest".
_CONTEST_TAIL = compiled(r"\s+-\s+[^-/]*\b(?:[Cc]ontest|[Cc]ompetition|[Aa]wards?|[Pp]rize)$")


#: A second label after the credit's names, of its source or of other work: "... Source: Supplied", ". Story: Name".
_SECOND_LABEL = compiled(r"(?:\.\s+|\s+)(?:Source|Story|Text|Words|Report|Reporting|Editor|Editing|Video|Design|"
                           r"Caption|Graphics?|Interview|Writer|Written by|Additional reporting)\s*:")
#: A note in brackets of which picture a name took: "(above)", "(left)", "(top right)", "(main picture)"; or of the
#: order of its words: "(surname first)".
_WHICH_PICTURE = compiled(r"\s*\((?:above|below|left|right|top|bottom|centre|center|main|inset|top left|top right|"
                            r"bottom left|bottom right|main picture|main photo|pictured"
                            r"|(?:surname|family name|last name) first)\)", re.IGNORECASE)


def _unglue(body: str, rules: Rules) -> str:
    """Set "/" where a known agency's name starts glued to the word before it ("HerreraEuropa Press")."""
    for match in reversed(list(_GLUED.finditer(body))):  # from the right: "YamLos Angeles TimesGetty Images"
        at = match.start()
        rest = _SLASH_OR_VIA.split(body[at:], maxsplit=1)[0].split()
        word_start = max(body.rfind(" ", 0, at), body.rfind("/", 0, at)) + 1
        if not rest or rules.standard_agency(body[word_start:at] + rest[0]):
            continue  # the whole word is an agency: "NurPhoto", "LightRocket"
        longest = next((n for n in range(len(rest), 0, -1) if rules.standard_agency(" ".join(rest[:n]))), 0)
        if longest == 1 and is_media(body[word_start:at]):
            continue  # an outlet's name in one word: "Saskatoon StarPhoenix", not "Star" and the agency "Phoenix"
        if longest:
            body = body[:at] + "/" + body[at:]
    return body


#: A sentence's stop after a name's word, then a copyright sign: a rights holder's credit after the byline, as a
#: slash would part them ("Photo: Ana Ruiz. © dpa"); not after an initial ("A. ©").
_RIGHTS_AFTER_NAME = compiled(r"(?<=[^\W\d_]{2})\.[ \t]+©[ \t]*(?=\S)")


#: A word in capitals glued to a name in mixed case, before it or after it: a scraped credit's "REUTERSSusana Vera"
#: or "Ana RuizLEHTIKUVA" (the capitals' run, then the name's capital and a small letter; or a small letter, then the
#: run to the word's end).
_CAPITALS_GLUED = compiled(r"(?<![\w])([A-Z]{2,})(?=[A-Z][a-z])|(?<=[a-z])([A-Z]{2,})(?![\w])")
#: Two capitals where _CAPITALS_GLUED can match: before a capital and a small letter, or after a small letter. Every
#: match holds such a pair; the look for it skips to capitals, where _CAPITALS_GLUED, opening with look-behinds, is
#: tried at every character of every credit read.
_TWO_CAPITALS = compiled(r"[A-Z][A-Z](?:(?=[A-Z][a-z])|(?<=[a-z][A-Z][A-Z]))")


def _unglue_capitals(body: str, rules: Rules) -> str:
    """Set "/" between a known agency's name in capitals and the name it is glued to ("REUTERSSusana Vera" ->
    "REUTERS/Susana Vera", "Ana RuizLEHTIKUVA" -> "Ana Ruiz/LEHTIKUVA"); a run of capitals the registry does not know
    ("MAXime", "McDONALD") is left as written.

    >>> from catalog.captions.rules import load_rules
    >>> _unglue_capitals("REUTERSSusana Vera", load_rules()), _unglue_capitals("Ana RuizAFP", load_rules())
    ('REUTERS/Susana Vera', 'Ana Ruiz/AFP')
    """
    for match in reversed(list(_CAPITALS_GLUED.finditer(body))):
        if match.group(1) and rules.standard_agency(match.group(1)):
            body = body[:match.end()] + "/" + body[match.end():]
        elif match.group(2) and rules.standard_agency(match.group(2)):
            body = body[:match.start()] + "/" + body[match.start():]
    return body


def _pieces(segment: str, rules: Rules) -> Iterator[tuple[str, bool]]:
    """The "/" pieces of one segment, with pieces that make one agency name joined again ("EPA/EFE"), each
    with whether it is the first name after a slash (the outlet's slot in "Name/Outlet"). Given one by one: the
    reader stops at the first piece that reads as nothing (most of the description's sentences the spots propose),
    and the pieces after it are not split."""
    segment = segment.strip()
    pieces = [p for p in _SLASH.split(segment) if p] if _may_hold_slash(segment) else [segment] if segment else []
    joined: list[str] = []
    for piece in pieces:
        if joined and rules.standard_agency(f"{joined[-1]}/{piece}"):
            joined[-1] = f"{joined[-1]}/{piece}"
        else:
            joined.append(piece)
    for number, piece in enumerate(joined):
        dashed = _AGENCY_DASH.match(piece) if "-" in piece else None  # (the pattern needs the dash)
        if dashed and rules.standard_agency(dashed.group(1)) and not rules.standard_agency(piece) and (
                looks_like_person(piece[dashed.end():])):  # "AP-James Manning": the agency, its photographer
            yield dashed.group(1), number > 0
            yield piece[dashed.end():], False
            continue
        bracketed = _NAME_BRACKETED.fullmatch(piece.strip()) if piece.rstrip().endswith(")") else None
        if bracketed and looks_like_person(bracketed.group(1)) and (
                rules.standard_agency(bracketed.group(2)) or is_media(bracketed.group(2))):
            # "Kwame Mensah (Reuters)", "Ana Ruiz (Daily Graphic)": the outlet in brackets after the name
            yield bracketed.group(1), number > 0
            yield bracketed.group(2), True
            continue
        split = _name_then_agency(piece, rules)
        if split:  # "Anupam Nath AP Photo", "Siago Cece I Nation Media Group"
            yield split[0], number > 0
            yield split[1], True
            continue
        initials = _name_then_initials(piece, rules)
        if initials:  # "Photo by Ana Ruiz FEMA": an agency by its initials after the name, no slash between
            yield initials[0], number > 0
            yield initials[1], True
            continue
        led = _agency_then_person(piece, rules)
        if led:  # "Xinhua via AP Ding Haitao": the last distributor, then its photographer with nothing between
            agency, person = led.split("/", 1)
            yield agency, number > 0
            yield person, False
            continue
        dash = piece.rfind("-")
        if 0 < dash < len(piece) - 1 and " " in piece[:dash] and rules.standard_agency(piece[dash + 1:].strip()) and (
                looks_like_person(piece[:dash].strip())) and not rules.standard_agency(piece):
            # "Karen Whitfield-USA TODAY Sports", "Name-Imagn Images": the photographer, then the agency
            yield piece[:dash].strip(), number > 0
            yield piece[dash + 1:].strip(), True
            continue
        # "(AP Photo/Andy Wong, File)", "EPA-EFE/JAPAN COAST GUARD HANDOUT"; searched only when a tag ends it
        tag = _TRAILING_TAG.search(piece) if piece.rstrip("\n").endswith(_TRAILING_TAGS) else None
        names = _split_names(piece[: tag.start()], rules) if tag and tag.start() > 0 else _split_names(piece, rules)
        for n, name in enumerate(names):
            yield name, number > 0 and n == 0
        if tag and tag.start() > 0:
            yield tag.group(1), False


_COMMA = compiled(r"\s*,\s*")
#: " in " after a photographer's name, and the place it names: "Photos by Victoria Nampala in Kampala".
_IN_PLACE = compiled(r"\s+(?:in|IN)\s+(?=[A-Z])")
_PLACE_NAME = compiled(r"[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+){0,2}(?:,\s*[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)?")
_ON_SITE = compiled(r"\s+(?:on|from|via)\s+(?=\S+$)", re.IGNORECASE)
_FROM_FOR = compiled(r"\s+(from|for)\s+", re.IGNORECASE)
#: An organisation by its initials alone: "VPO", "UNICEF".
_INITIALS = compiled(r"[A-Z]{2,7}")


_NAME_BRACKETED = compiled(r"([^()]*\S)\s*\(([^()]+)\)")


def _name_then_agency(piece: str, rules: Rules) -> tuple[str, str] | None:
    """A photographer's name and a known agency with no "/" between them: "Anupam Nath AP Photo" (a scraped
    credit that lost its slash), "Siago Cece I Nation Media Group" (a pipe typed as a capital I), "Farhan Khan APP
    Hyderabad" (the agency's initials, then its bureau's town); else None."""
    words = piece.split()
    if len(words) < 3 or rules.standard_agency(piece):
        return None
    if len(words) > 3 and words[-2].isupper() and rules.standard_agency(words[-2]) and (
            name_levels(words[-1]).city_population):
        words = words[:-1]  # "Farhan Khan APP Hyderabad": the wire's bureau after its initials, no part of a name
    for n in range(min(4, len(words) - 2), 0, -1):
        head, tail = words[:-n], words[-n:]
        if head[-1] in ("I", "|") and len(head) > 2:
            head = head[:-1]
        elif not (tail[0].isupper() or n > 1):
            continue  # a last word in title case may be the surname itself ("Mark Times"); an acronym is not
        name, agency = " ".join(head), " ".join(tail)
        if rules.standard_agency(agency) and looks_like_person(name):
            return name, agency
    return None


def _name_then_initials(piece: str, rules: Rules) -> tuple[str, str] | None:
    """A person's name in mixed case, then a body's initials the registry need not know, with no slash between
    ("Steve Ruiz FEMA", "Ana Ruiz USDA"): the name of two or three words and the initials (three to six capitals,
    no generational suffix such as "III"); else None. A name all in capitals ("MA WEI LI") gives no such split."""
    words = piece.split()
    if not 3 <= len(words) <= 4 or not _INITIALS_AFTER_NAME.fullmatch(words[-1]) or words[-1] in _SUFFIXES:
        return None
    name = " ".join(words[:-1])
    if any(w.isupper() and len(w) > 1 for w in words[:-1]) or rules.standard_agency(piece) or is_media(piece) or (
            _an_edition_paper(piece)):
        return None  # (a paper's name with its title noun in capitals, "Brannock Evening STAR", is no name's)
    return (name, words[-1]) if looks_like_person(name) else None


#: A body's initials after a name: "FEMA", "USDA", "NOAA".
_INITIALS_AFTER_NAME = compiled(r"[A-Z]{3,6}")
#: Generational suffixes and ranks written after a name in capitals, which are no body's initials.
_SUFFIXES = frozenset({"III", "VII", "VIII", "XIV", "JNR", "SNR", "RET", "USN", "USMC", "USAF", "MBE", "OBE", "CBE"})


def _split_names(piece: str, rules: Rules) -> list[str]:
    """One "/" piece as the names it holds: "Li Jian, Hunan Daily" is a person and a newspaper; "Zhang
    Yongtao from People's Daily Online" and "Andrey Rudakov for Bloomberg" a person and the outlet; in
    "Getty Images for Flannels" the client after "for" is no part of the credit."""
    placed = _IN_PLACE.search(piece) if "in" in piece or "IN" in piece else None  # (it needs one of the two)
    if placed and looks_like_person(piece[: placed.start()]) and _PLACE_NAME.fullmatch(piece, placed.end()):
        piece = piece[: placed.start()]  # "Photos by Victoria Nampala in Kampala": where, not who
    home = _OF.search(piece) if " of " in piece else None
    if home and looks_like_person(piece[: home.start()]) and _PLACE_NAME.fullmatch(piece, home.end()) and (
            _a_home_town(piece[home.end():], rules)):
        piece = piece[: home.start()]  # "Photo courtesy: Ana Ruiz of Knoxville": the sender's town, not who
    user, comma, site_name = piece.rpartition(", ")
    if comma and site_name.strip().casefold() in PLATFORMS and _a_handle(user) and not rules.standard_agency(user):
        return [user.strip(), site_name.strip()]  # "mtsrs, Flickr": a user's name, then the site
    if "," in piece and not _standard_with_comma(piece, rules):
        # "Dave Ellifrit, Center for Whale Research": a person, then their organisation, each read apart before
        # any "for" ("Jane Doe, Getty Images for Flannels" still leaves the client out)
        items = [item for item in _COMMA.split(piece) if item]
        if len(items) > 1 and looks_like_person(items[0]):
            names = [name for item in items for name in _split_names(item, rules)]
            if all(_part(name, 0, rules) is not None for name in names):
                return names
    # (the site is the piece's last word: a piece whose last word names none is let by without the pattern)
    last = piece.rsplit(None, 1)[-1:]
    site = _ON_SITE.search(piece) if last and last[0].casefold() in PLATFORMS else None
    if site and (looks_like_person(piece[: site.start()]) or _a_handle(piece[: site.start()])) and (
            piece[site.end():].casefold() in PLATFORMS):
        # "Ana Ruiz on Unsplash", "Ana Ruiz from Pixabay", a user's name on the site: "Savanbanna via Facebook"
        return [piece[: site.start()], piece[site.end():]]
    # (no character but "F", "R", "O", "M" is one of "from", "for" in small letters, nor matches one when case is
    # ignored: the substring tests say what the pattern would)
    low = piece.lower()
    found = _FROM_FOR.search(piece) if "from" in low or "for" in low else None
    if found and found.start() > 0:
        left, right = piece[: found.start()], piece[found.end():]
        # an organisation of one generic word before "for" is the start of its name ("Center for Whale Research")
        if rules.standard_agency(left) or (looks_like_organisation(left) and not looks_like_person(left)
                                           and len(left.split()) > 1):
            return _split_names(left, rules)  # "Getty Images for Flannels": the client is left out
        if looks_like_person(left) and (rules.standard_agency(right) or is_media(right) or _a_body(
                right, found.group(1).casefold())):
            # "Andrey Rudakov for Bloomberg", "Ana Ruiz for the Quorva Heritage Foundation": the person, then the
            # outlet or the body she took it for
            return [left, "for " + right]
    of = _OF.search(piece) if " of " in piece else None
    if of and looks_like_person(piece[: of.start()]) and (rules.standard_agency(piece[of.end():]) or is_media(
            piece[of.end():]) or _INITIALS.fullmatch(piece, of.end()) is not None):
        # "Jane Doe of The Herald": a person and her paper; "Ana Ruiz of VPO": and her office, by its initials
        return [piece[: of.start()], piece[of.end():]]
    if "," in piece and not _standard_with_comma(piece, rules):
        items = [item for item in _COMMA.split(piece) if item]
        if len(items) > 1 and all(_part(item, 0, rules) is not None for item in items) and not _place_pair(
                items, rules):
            return items
    return [piece]


def _a_body(name: str, word: str) -> bool:
    """Whether a name after "Ana Ruiz for" or "from" is a body's, never a title's words ("Boiling Water for Tea"):
    by an organisation's word in it ("the Quorva Heritage Foundation"), or, after "for", by a name of two words or
    more shaped as an organisation's ("Tony Smith for Quorva Today", "Ann Ray for the Office of War Information")."""
    if not looks_like_organisation(name):
        return False
    if word == "for" and len(_THE.sub("", name, count=1).split()) > 1:
        return True
    return not looks_like_person(name) and any(part.strip(".,").casefold() in ORGANISATION_WORDS
                                               for part in name.split())


def _place_pair(items: list[str], rules: Rules) -> bool:
    """Whether the comma's items are an unknown name, then a person's: a place line ("Photo: Çeşme, Boyalık Bay"),
    for a credit names the person first ("Li Jian, Hunan Daily")."""
    if items[0].startswith("The ") or is_media(items[0]):
        return False  # "The Oklahoman, Chris Landsberger", "Daily Herald, Ana Ruiz": a paper, its photographer
    if items[0].split()[-1:] and items[0].split()[-1].casefold() in _HANDOUT_BODY_HEADS:
        return False  # "U.S. Coast Guard, Petty Officer Tim Kuklewski": a body handing pictures out, its photographer
    if len(items) < 2:
        return False
    first = _part(items[0], 0, rules)  # (the others are read only when the first is an unknown name's)
    return first is not None and first.kind == "org" and first.role is None and any(
        part is not None and part.kind == "person" for part in (_part(item, 0, rules) for item in items[1:]))


#: Last words of a body's name that hand pictures out with its own photographer's name ("U.S. Coast Guard", "Quorva
#: Police Department"): such a name before a comma is no place's.
_HANDOUT_BODY_HEADS = frozenset({"guard", "army", "navy", "police", "ministry", "department", "agency", "service",
                                 "force", "forces", "corps", "command", "bureau", "administration", "authority"})


_OF = compiled(r"\s+of\s+")


def _a_home_town(name: str, rules: Rules) -> bool:
    """Whether `name`, after "Ana Ruiz of", is the person's town or region, which a local paper writes after a
    reader's name ("Ana Ruiz of Knoxville", "Ana Ruiz of Lindt, Ohio"), not the body she works for: a place the
    gazetteer knows, no agency the registry holds and no organisation's or media word in it ("of VPO", "of Quorva
    Fire Department", "of The Herald" stay the outlet)."""
    town = name.split(",", 1)[0].strip()
    return (known_place(town) and not rules.standard_agency(name) and not is_media(name)
            and not any(word.casefold() in ORGANISATION_WORDS for word in name.split()))


def _may_hold_slash(segment: str) -> bool:
    """Whether a segment may hold one of ``_SLASH``'s marks ("/", a dash or a bar between spaces)."""
    return "/" in segment or "—" in segment or "–" in segment or "|" in segment


def _may_list_several(text: str) -> bool:
    """Whether a text may hold one of ``_SEVERAL``'s marks (a comma, "and" in one of its cases, "&")."""
    return "," in text or "&" in text or "and" in text or "And" in text or "AND" in text


#: The words ``_STUDIO`` and ``_STAFF`` end with, in small letters: in ASCII text (where ignoring case is comparing
#: lower-case forms) one of them must end the text for the pattern to match. (The text is stripped.)
_STUDIO_WORDS = ("photography", "photographer", "photographics")
#: The words after an agency's name that make it its crews ("AFPTV TEAMS", "Reuters TV crew"): the agency, no
#: person.
_CREW_WORDS = frozenset({"team", "teams", "crew", "crews"})
def _a_crew(text: str) -> bool:
    """Whether a credit's part is an agency's crews by its last word ("AFPTV TEAMS"; the agency itself is checked
    by the caller)."""
    return " " in text and text.rpartition(" ")[2].casefold() in _CREW_WORDS


_STAFF_WORDS = ("staff", "file", "photo", "photos", "photograph", "photographer", "photographers", "picture",
                "pictures", "image")
#: The longest of those words.
_TAIL_WORD = max(len(word) for word in (*_STUDIO_WORDS, *_STAFF_WORDS))


def _may_end_in(text: str, low: str, words: tuple[str, ...]) -> bool:
    """Whether a credit's part (`low` its small letters) may end in one of ``_STUDIO``'s or ``_STAFF``'s `words`
    (ignoring case, before one line break at most, as "$" reads): in ASCII text, when its small letters end so (the
    text is stripped); in another, when they end so or its end is no ASCII, where ignoring case is comparing
    small letters too. (The pattern was searched through every text with a "’" or an "é" in a name.)"""
    if low.endswith(words):
        return True
    if text.isascii():
        return False
    return (low[:-1] if low.endswith("\n") else low).endswith(words) or not text[-_TAIL_WORD - 1:].isascii()


def _standard_with_comma(piece: str, rules: Rules) -> bool:
    """Whether a piece's comma is inside one name: an agency the registry knows by it, or a company's name with its
    legal form after the comma ("Lindt Motors, Inc.", "Quorva Aircraft Corporation, Ltd.", "Lindt Aviation Co.,
    Ltd."), which is no person and an outlet."""
    return rules.standard_agency(piece) is not None or _COMPANY_FORM.search(piece) is not None


#: A company's legal form after the comma that closes its name: ", Inc.", ", Ltd.", ", LLC", ", Co., Ltd.".
_COMPANY_FORM = compiled(r"^[^,]+,\s*(?:Inc|Ltd|LLC|PLC|Corp|GmbH|Pty\.?\s+Ltd|S\.A|AG)\.?$")


#: The words of a weekday and a month, in small letters ("friday", "oct."), which together name no one.
_DAY_AND_MONTH_WORDS = frozenset(_WEEKDAYS | {name.casefold() for names in MONTHS.values() for name in names})


def _a_day_and_month(folded: str) -> bool:
    """Whether `folded` (in small letters) is a weekday and a month, a date whose digits a spot cut off: "friday,
    october" (one word alone, "May", may be a name: not this)."""
    words = folded.replace(",", " ").split()
    return len(words) == 2 and words[0] in _WEEKDAYS and words[1] in _DAY_AND_MONTH_WORDS


def _part(piece: str, segment: int, rules: Rules) -> Part | None:
    """Read one piece as a person, an agency, another organisation or a tag; None if it is none of them."""
    text = piece.strip().strip(",;:").strip()
    handout = _HANDOUT_DASH.match(text) if text.startswith(("HO", "Handout")) else None  # (as the pattern opens)
    if handout and handout.end() < len(text):  # "THE CANADIAN PRESS/HO-Annick deGooyer": a handout from
        return Part(text, "org", text[handout.end():], segment, "handout")
    expanded = _EXPANSION.search(text) if text.endswith(")") else None  # (the text is stripped)
    if expanded and expanded.start() > 0:  # "WANA (West Asia News Agency)": the name, without its expansion
        text = text[: expanded.start()]
    text, role = strip_lead_in(text, rules)
    if role in ("byline", "label", "photo/"):
        role = None
    folded = text.casefold()
    if folded in SUPPLIED_WORDS:
        return Part(text, "org", text, segment, role or "courtesy")  # "Name / Ti Gong": supplied, the word the provider
    if not text:
        return None
    if folded[-1:].isalpha() and _a_day_and_month(folded):
        return Part(text, "tag", "date", segment, role)  # "Reuters / Friday, October": a date cut short, no name
    label = _OTHER_LABEL.match(text) if ":" in text else None
    if label and any(word in _OTHER_ROLES or word in _FACT_LABELS for word in label.group(1).casefold().split()):
        # "Feature Presentation: Aslam Hunani", "Design: Ana Ruiz": who did other work; "Location: Istiqlal
        # Mosque, Jakarta", "Category: People": a contest's or a library's other facts; no credit
        return None
    if folded in CREDIT_TAGS or " OUT" in text and _RESTRICTION.match(text) or len(text) == 4 and (
            _YEAR_PART.fullmatch(text)):
        return Part(text, "tag", folded, segment, role)  # "File", "CHINA OUT", "© UNICEF/2018/Name": no name
    mark = _picture_mark(text) if text[-1:].isdecimal() else None
    if mark is not None:
        return Part(text, "tag", mark, segment, role)  # "© UNICEF/UN0412233/Name": the picture's number
    agency = rules.standard_agency(text)
    if agency is None and _a_crew(text):
        agency = rules.standard_agency(text.rpartition(" ")[0])  # "AFPTV TEAMS": the agency's crews, no person
        if agency:
            return Part(text, "agency", agency, segment, role)
    if agency is None and " " in text and (
            text[:2].isupper() and _BUREAU.fullmatch(text) or _OUTLET_AND_PLACE.fullmatch(text)):
        office = _outlet_office(text, rules)
        if office is not None:  # "(CTV London)", "GPJ Mexico": an outlet's station in a city, its desk in a country
            return Part(text, "agency", office, segment, role)
    if agency is None and rules.agency_kind(text) == "aid agency":
        # "© UNICEF/UN0412233/Okafor", "Photo by Ana Ruiz/UNHCR via AP": the body gave the picture its
        # photographer took for it (the provider), whoever sent it on
        return Part(text, "org", _registry_name(text), segment, role or "courtesy")
    if agency is None and " " in text and _country_office(text, rules):
        return Part(text, "org", text, segment, role or "courtesy")  # "© UNICEF Malawi/2018/Name": its office
    if agency is None and _place_line(text):  # "Senegal", "Dakar, Senegal": where, not who
        return Part(text, "place", text, segment, role)
    if agency:
        if rules.agency_kind(text) in PROVIDER_KINDS:  # "Xinhua/CNSA": a space agency hands out, not an outlet
            return Part(text, "org", agency, segment, role)
        return Part(text, "agency", agency, segment, role, library=rules.agency_kind(text) == "photo agency")
    # (a rank before a name is three words at least: a rank, then the two a name needs)
    ranked = _RANK.match(text) if len(text.split()) > 2 else None
    if ranked and looks_like_person(text[ranked.end():]):  # "Sgt. Calab Franklin"
        return Part(text, "person", text[ranked.end():], segment, role)
    surname = _surname_after_rank(text) if "." in text or " " in text else None
    if surname:  # "Photo by: Cpl. Connor": the corporal, by the surname alone
        return Part(text, "person", surname, segment, role)
    if looks_like_person(text) or _glued_initials(text):
        return Part(text, "person", text, segment, role)
    names = _SEVERAL.split(text) if _may_list_several(text) else [text]
    if len(names) > 1 and all(looks_like_person(name) for name in names):
        return Part(text, "person", names[0], segment, role)  # "Luo Jieke & Zou Hong": the first named
    low = text.lower()
    studio = _STUDIO.search(text) if _may_end_in(text, low, _STUDIO_WORDS) else None
    if studio and looks_like_person(text[: studio.start()]):
        if studio.group().strip().lower() == "photographer":  # "Karen Whitfield Photographer": her, by her trade
            return Part(text, "person", text[: studio.start()], segment, role)
        # "© Karen Whitfield Photography": her own studio, the outlet that credits the picture (the sets label the
        # studio the agency and no photographer: the studio may be more than her)
        return Part(text, "org", text, segment, role)
    if "," in text and _place_pair(_COMMA.split(text), rules):
        return Part(text, "place", text, segment, role)  # "Photo: Çeşme, Boyalık Bay": where, not who
    courtesy = _COURTESY_PHOTO.search(text) if "ourtesy" in text else None
    if courtesy and courtesy.start() > 0 and looks_like_organisation(text[: courtesy.start()]):
        # "U.S. Fish and Wildlife Service courtesy photo": a body's picture handed out, the body the provider
        return Part(text, "org", _THE.sub("", text[: courtesy.start()], count=1), segment, "courtesy")
    if looks_like_organisation(text):
        # "Gazette Photo", "MVA Photos": the outlet's name without the word for its pictures (not "PRESIDENTIAL
        # PHOTO", where the word is the outlet's own name)
        name = _THE.sub("", text, count=1)
        bare = _PHOTO_WORD.sub("", name)
        if bare == name and low.endswith(" staff"):
            bare = name[:-6].rstrip()  # "COURIER STAFF": the outlet's own people, in capitals an organisation's shape
        if bare != name and (_ACRONYM.fullmatch(bare) or is_media(bare)):
            name, role = bare, role or "label"  # the outlet's word for its pictures says it is a credit
        return Part(text, "org", name, segment, role)
    staff = _STAFF.search(text) if _may_end_in(text, low, _STAFF_WORDS) else None
    if staff and looks_like_organisation(text[: staff.start()]):
        # "Gazette staff", "Herald photo", "Herald file photo": the outlet, by its own words for its pictures
        named = _THE.sub("", text[: staff.start()], count=1)
        wire = rules.standard_agency(named.strip())
        if wire:  # "Reuters file photo": an agency the registry knows, its own picture from its files
            return Part(text, "agency", wire, segment, role or "label")
        return Part(text, "org", named, segment, role or "label")
    return None


def _surname_after_rank(text: str) -> str | None:
    """The surname after a rank written short that no given name is ("Cpl. Connor", "MCpl Roy" -> the surname),
    a military imaging service's credit of one of its own by rank and surname; else None.

    >>> _surname_after_rank("Cpl. Connor"), _surname_after_rank("Major Tom"), _surname_after_rank("Sgt. NASA")
    ('Connor', None, None)
    """
    rank, _, surname = text.partition(" ")
    if rank.rstrip(".").casefold() not in RANKS_WRITTEN_SHORT or not _one_word_name(surname):
        return None
    return surname


#: Initials each written with its stop, as a person's are: "C.P.", "A.P.".
_STOPPED_INITIALS = compiled(r"(?:[A-Z]\.){2,3}")


def _outlet_office(text: str, rules: Rules) -> str | None:
    """A known outlet's letters, then a place the gazetteer knows: its desk in a country, named as the outlet ("GPJ
    Mexico" -> Global Press Journal), or its station in a city, named as written ("CTV London"); else None.

    >>> from catalog.captions.rules import load_rules
    >>> _outlet_office("CTV London", load_rules()), _outlet_office("CTV Quorva", load_rules())
    ('CTV London', None)
    """
    head, _, rest = text.partition(" ")
    if rules.agency_kind(head) not in _NEWS_KINDS:
        return None
    if rest.casefold() in COUNTRIES:
        return rules.standard_agency(head)
    if _STOPPED_INITIALS.fullmatch(head) and not (names_a_region(rest) or known_place(rest, 100_000)):
        return None  # "C.P. Pallister": a person's initials, each with its stop, then the surname; no wire's desk
    if rules.agency_kind(head) == "wire":
        # "Sputnik Georgia", "GPJ Mexico": the outlet's desk in a country; "Xinhua Africa": a wire's desk wherever
        return rules.standard_agency(head)
    if not head.isupper():
        return None  # "Reuters Smith": a name after the outlet's, no station
    return text if names_a_region(rest) or known_place(rest, 100_000) else None


def _country_office(text: str, rules: Rules) -> bool:
    """Whether a name is an aid agency's office in a country, written as the agency, then the country: "UNICEF
    Malawi", "WFP South Sudan"."""
    head, _, country = text.partition(" ")
    return country.casefold() in COUNTRIES and rules.agency_kind(head) == "aid agency"


def _registry_name(text: str) -> str:
    """The registry's standard name of an agency it knows ("United Nations Children's Fund" -> "UNICEF")."""
    from catalog.agencies import agency

    found = agency(text)
    return found.name if found is not None else text


#: "courtesy photo" after a body's name: "U.S. Fish and Wildlife Service courtesy photo".
_COURTESY_PHOTO = compiled(r"\s+courtesy\s+(?:photo|photograph|image|picture)s?$", re.IGNORECASE)
#: A year written as a part of its own in a credit's chain: "© UNICEF Malawi/2018/Andrew Brown".
_YEAR_PART = compiled(r"(?:18|19|20)\d\d")
#: The last words of a collection an archive or a library holds, named after the archive in a credit.
_HOLDINGS = (" Collection", " Collections", " collection", " collections")
#: A picture library's number for the picture, a part of its own in the chain: "© UNICEF/UN0412233/Okafor",
#: "UNICEF/NYHQ2011-0112/Noorani". The person after it is named by the surname alone.
_FILE_NUMBER = compiled(r"[A-Z]{2,6}\d{4,}(?:[-–]\d{2,})?")
_FILE_NUMBER_TAG = "file number"
#: Any other number a library or an army gives the picture, one token of capitals, digits and hyphens with four
#: digits in a row: "23010204" ("Picture: CAMERON SCOTT/23010204"), "130424-Z-XO647-055" (a military VIRIN).
_PICTURE_NUMBER = compiled(r"(?=[A-Z\d–-]*\d{4})[A-Z\d]+(?:[-–][A-Z\d]+)*")


def _picture_mark(text: str) -> str | None:
    """The tag of a part that numbers the picture rather than naming anyone (a part that ends in a digit): its
    number in a library or an army's register ("UN0412233", "NYHQ2015–1513", "23010204"); else None.

    >>> _picture_mark("NYHQ2015–1513"), _picture_mark("130424-Z-XO647-055"), _picture_mark("Ana Ruiz 2")
    ('file number', 'file number', None)
    """
    if _FILE_NUMBER.fullmatch(text) or " " not in text and _PICTURE_NUMBER.fullmatch(text):
        return _FILE_NUMBER_TAG
    return None


#: A name written as initials glued to the surname: "V.Tan", "G.M.B.Akash" (an aid agency's copyright chains).
_GLUED_INITIALS = compiled(r"(?:[A-Z]\.){1,3}[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?")


def _glued_initials(text: str) -> bool:
    """Whether a part is a person's initials glued to the surname ("V.Tan"); not a body's ("U.S.Army") nor an
    outlet's ("N.Y.Times")."""
    if not _GLUED_INITIALS.fullmatch(text):
        return False
    last = text.rpartition(".")[2]
    return last.casefold() not in ORGANISATION_WORDS and not is_media(last)
#: A label of one to three words before a colon inside a part ("Feature Presentation: Name").
_OTHER_LABEL = compiled(r"((?:[\w’'-]+\s+){0,2}[\w’'-]+)\s*:\s*\S")
#: Labels of work other than the picture's: the person after them designed, wrote or edited, and took nothing.
_OTHER_ROLES = frozenset({
    "design", "designer", "designed", "graphic", "graphics", "text", "words", "story", "editing", "editor",
    "edited", "layout", "presentation", "illustration", "illustrations", "produced", "producer", "production",
    "curated", "curator", "reporting", "reporter", "writer", "written", "caption", "captions", "video", "styling",
    "stylist", "makeup", "interview", "translation", "translated",
})


#: Labels of a picture's other facts that a contest entry or a picture library sets on lines like a credit's: the
#: words after them are a place, a title or a class, never who took the picture.
_FACT_LABELS = frozenset({
    "location", "place", "where", "venue", "category", "title", "subject", "camera", "lens", "date", "taken",
    "filename", "keywords", "size",
})


def _place_line(text: str) -> bool:
    """A country or a region ("Senegal", "California"), or a place line that ends with one ("Dakar, Senegal",
    "Santa Cruz, California"): a photo blog's or a paper's note of where, set after the credit or alone.

    >>> _place_line("Dakar, Senegal"), _place_line("Senegal"), _place_line("Li Jian, Hunan Daily")
    (True, True, False)
    """
    if "," not in text:
        return names_a_region(text)
    *before, last = text.split(",")
    return names_a_region(last) and all(item.strip()[:1].isupper() for item in before)


#: A city's people an outlet's one word must pass to be read as the city ("Metro", "Sun" are small cities' names).
_CITY_OVER_OUTLET = 200_000


def _mark_places(names: list[Part], roles: list[str]) -> None:
    """Read as places (in place) the names of a credit that the gazetteer knows as a place where only a place would
    stand: a name alone with nothing saying it is a credit ("... on the beach — New Delhi"), a name before a country
    ("Lagos, Nigeria", "Santa Cruz, California"), an outlet's slot after the photographer's name ("Photo: Awa
    Ndiaye — Dakar"), the one name after a lead-in ("(Photo: Dakar)"). An outlet the registry knows, a media word,
    initials and an institution's name ("City of Austin") are never asked."""
    named = [p for p in names if p.kind != "place"]
    for number, part in enumerate(names):
        before_region = any(p.kind == "place" for p in names[number + 1: number + 2])
        if part.kind == "person":
            doubtful = before_region or not roles and len(named) == 1
            least = 1
        elif part.kind == "org" and part.role is None and all(w[:1].isupper() for w in part.value.split()):
            doubtful = before_region or len(named) == 1 or any(p.kind == "person" for p in names[:number])
            least = _CITY_OVER_OUTLET
        else:
            continue
        if doubtful and not is_media(part.value) and not _ACRONYM.fullmatch(part.value) and known_place(
                part.value, least):
            part.kind = "place"


def _a_site_and_its_town(names: list[Part]) -> bool:
    """Whether a credit's two names, with no lead-in, are a site then its town: the first an organisation's whose
    last word is a site's and no body's (a name holding a paper's word reads as an outlet's: "Hard Times Mine",
    "Herald Square"; "Quorva Museum" or "Quorva University" give pictures out and stay), the second a place the
    gazetteer knows as a city, a province or a country, or GeoNames as a town. A gallery sets its place so ("... |
    Hard Times Mine, Townsville |"); an outlet's own name before a town stays a credit ("Quorva Times, Townsville")."""
    site, town = names
    if site.kind != "org" or town.kind not in ("org", "person", "place"):
        return False
    last = site.value.rsplit(None, 1)[-1].casefold()
    if last not in VENUE_WORDS or last in ORGANISATION_WORDS:
        return False
    if town.kind == "place":
        return True
    levels = name_levels(town.value.strip())
    return bool(levels.city_population or levels.town_population or levels.province or levels.country)


_PHOTO_WORD = compiled(r"(?<=\w)\s+(?:photos?|pictures?|images?)$", re.IGNORECASE)
#: "Gazette staff", "Courier staff photographer": the outlet's own people, unnamed; "Herald photo", "Herald file
#: photo": the outlet's words for its pictures, in small letters.
_STAFF = compiled(r"\s+(?:(?:staff|file)(?:\s+(?:photo|photos|photographer|photographers|picture|image))?"
                    r"|(?:photo|photos|photograph|picture|pictures|photographer))$", re.IGNORECASE)


#: A photographer's own business after their name: "Karen Whitfield Photography".
_STUDIO = compiled(r"\s+(?:photography|photographer|photographics)$", re.IGNORECASE)

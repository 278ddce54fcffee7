"""The words that open a credit, as data: "Photo by", "Photo provided by", "courtesy of", "©", "Photo/".

``LEAD_INS`` is tried in order at the start of a credit, then again at the start of each "/" part; each
lead-in says what the names after it are (a byline, a provider, the recipient, a courtesy...). Kept apart
from the reader so that a new agency style's opening words are one row here, with its example::

    >>> strip_lead_in("Photo provided by the China National Space Administration")
    ('the China National Space Administration', 'provider')
    >>> strip_lead_in("Xinhua/Li Xin")
    ('Xinhua/Li Xin', None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass


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
    LeadIn(r"(?:photos?|pictures?|images?)\s+and\s+(?:text|words|story)(?:\s+by)?\s*:?\s+", "byline",
           "Photos and text by Ryan Wilde, Photo and text Christina Koutsospyrou"),
    LeadIn(r"photographed\s+by\s+", "byline", "Photographed by Andrey Rudakov for Bloomberg"),
    LeadIn(r"photographer\s*:\s*", "label", "Photographer: Ore Huiying/Bloomberg"),
    LeadIn(r"(?:supplied|author)\s*:\s*", "label", "(Supplied: Tracey Nearmy)"),
    LeadIn(r"(?:all\s+)?(?:photos?|images?|pictures?)\s+(?:are\s+|is\s+)?provided\s+by\s+", "provider",
           "(Photo provided by the China National Space Administration)"),
    LeadIn(r"provided\s+by\s+", "provider", "(Provided by Hainan Airlines)"),
    LeadIn(r"(?:(?:photo|photograph|image|picture)s?\s+)?(?:submitted|supplied|contributed)\s+by\s+", "provider",
           "Submitted by Kyle Sheppard, Photo supplied by the Fire Service"),
    LeadIn(r"(?:all\s+)?(?:photos?|images?|pictures?)\s+(?:are\s+|is\s+)?provided\s+to\s+", "recipient",
           "[All Photos provided to Xinhua]"),
    LeadIn(r"provided\s+to\s+", "recipient", "[Photo by Li Wei/Provided to China Daily]"),
    LeadIn(r"(?:(?:photo|photograph|image|picture)s?\s+)?courtesy(?:\s+of)?\s+", "courtesy",
           "(Photo courtesy of the CMESO)"),
    LeadIn(r"(?:handout\s+)?(?:photo\s+)?(?:released\s+by|handout\s+from)\s+|handout\s+(?:photo|picture|image)\s+from\s+",
           "provider", "(Handout from the Indonesian Navy), (Handout photo from the State Police)"),
    LeadIn(r"(?:all\s+|staff\s+|file\s+|pool\s+|contributed\s+|submitted\s+)?"
           r"(?:photo|photograph|photography|image|picture|video|pic|pix)(?:s|['’]s)?\s+(?:is\s+)?by\s*:?\s+",
           "byline", "[Photo by Wang Jing/China Daily], video by Name, Pix by Name, Photo's by Name, Staff photo by"
           " Name, File photo by Name, Photography by Name"),
    LeadIn(r"(?:photo|image|picture)\s+credits?\s*:\s*", "label", "Photo Credit: (NASA/Joel Kowsky)"),
    LeadIn(r"credit\s+(?:image|photo)\s*:\s*", "label", "(Credit Image: © Carol Guzy/ZUMA Press Wire)"),
    LeadIn(r"credits?\s*:\s*", "label", "Credit: NASA/Bill Ingalls"),
    LeadIn(r"(?:all\s+|cover\s+|top\s+|main\s+)?"
           r"(?:photo|photos|photograph|image|picture|pictures|source|foto|fotos|pic|pics|pix)\s*:\s*",
           "label", "Photo: AP, Foto: Name, Pic: Name, All photos: Name / Outlet, Cover photo: Name / Outlet"),
    LeadIn(r"image\s*copyright\s*|copyright\s*(?:©\s*)?|(?:photo|image|picture)?\s*©\s*|\(c\)\s+", "label",
           "© Geoff ROBIN / AFP, Photo © Ron Zmiri/123rf"),
    LeadIn(r"image\s+source\s*,?\s*", "label", "Image source, Getty Images"),
    LeadIn(r"(?:photo|photograph|picture|pic)\s*/\s*", "photo/", "(Photo/Zhang Dagang), [Photo/IC]"),
    LeadIn(r"(?:photo|image|picture)s?\s+via\s+", "byline", "(Photo via CFP)"),
    LeadIn(r"(?-i:PHOTO|PIC)\s+(?=(?-i:[A-Z]{2,}))", "byline", "PHOTO REBECCA BLISSETT"),
    LeadIn(r"(?-i:Photo)\s+(?=(?-i:[A-Z][a-z]+\s+[A-Z][a-z]+$))", "byline", "– Photo Mari Nicholson"),
    LeadIn(r"(?-i:P[Ii][Cc])\s+(?=(?-i:[A-Z]))", "byline",
           "(Pic Adriana Groisman), (Pic FIG), PIC Shepherd Tozvireva, PIc Larry Cummins"),
    LeadIn(r"[\U0001F4F7\U0001F4F8]\ufe0f?\s*:?\s*", "label", "📸 Mohammed Yassin/L'Orient Today, 📷: Name"),
    LeadIn(r"by\s+", "byline", "(By Li Xin)"),
    LeadIn(r"(?-i:via)\s+(?=[A-Z])", "byline", "... their grievances. | via King Rodriguez"),
    LeadIn(r"for\s+|special\s+to\s+", "contributor", "ZHANG WEI / FOR CHINA DAILY, Name/Special to The Gazette"),
)

#: All lead-ins as one alternation, tried in table order: the first that matches is the one a loop over
#: LEAD_INS would find, in one call instead of sixteen (group "l3" is the fourth lead-in).
_ANY_LEAD_IN = re.compile("|".join(f"(?P<l{i}>{lead.pattern})" for i, lead in enumerate(LEAD_INS)), re.IGNORECASE)


def strip_lead_in(text: str) -> tuple[str, str | None]:
    """The text after the lead-in it opens with, and that lead-in's role (None when it opens with none)."""
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

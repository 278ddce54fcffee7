"""Text helpers the caption readers share: sentence spans, word tokens, capitalised words.

Offsets always index the caption as given, so what one reader finds (a date at 120..132) can be placed
in the sentence another reader works on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from catalog.captions.vocabulary import (
    ABBREVIATIONS,
    NAME_PARTICLES,
    PLACE_ABBREVIATIONS,
    SENTENCE_OPENERS,
    STATES,
)
from catalog.patterns import compiled


class Token(NamedTuple):
    """A word or a punctuation mark, with where it sits in the caption (and its case-folded form)."""

    text: str
    start: int
    end: int
    lower: str


#: (Every token opens with a character that is no space: the look-ahead saying so lets the engine pass over the
#: spaces between words before trying the three kinds: a tenth faster. A word's characters are ASCII's letters and
#: digits, or \w's others: the same set, tested by one bitmap before the costlier \w for most words' characters;
#: the escaped possessive is an alternative or nothing, not "(...)?", which the engine enters as a loop at every
#: word's end: a seventh fewer instructions together.)
_TOKEN = compiled(
    r"(?=\S)(?:[^\W\d_]\.[^\W\d_]\.(?:[^\W\d_]\.)*"  # initialisms: U.S., D.C.
    # words, hyphenated, with apostrophes, maybe an abbreviation's dot
    r"|[0-9A-Za-z\w][0-9A-Za-z\w’'\-&]*(?:\\[’'][sS]\b|)(?<![’'\-])\.?"
    r"|[^\w\s])"  # punctuation
)
#: The same for a text holding a double hyphen, which parts words ("OSAKA,Japan--Some"); a little slower, so
#: used only then.
_TOKEN_DOUBLE_HYPHEN = compiled(
    r"(?=\S)(?:(?:[^\W\d_]\.){2,}"
    r"|\w[\w’'&]*(?:-[\w’'&]+)*(?:\\[’'][sS]\b)?(?<![’'\-])\.?"
    r"|[^\w\s])"
)
#: (an ellipsis ends a sentence before a capital, a space after it or not: "as well as two…Porus, Manchester")
_SENTENCE_END = compiled(r"[.!?\n…](?:(?<=\n)\s*|(?<=…)(?=\s*[\"“(\[]?[A-Z])"
                           r"|(?<![\n…])[\"”’)\]]*(?=\s+[\"“(\[]?[A-Z0-9]))")
_INITIAL = compiled(r"[^\W\d_]\.")
_PARTICLES = ("al", "el", "ad", "as", "ash", "at", "an", "ar", "az", "ibn", "bin", "de", "da", "di", "du", "van", "von",
              "d")
_PARTICLE_NAME = compiled(f"^(?:{'|'.join(_PARTICLES)})[-’'][^\\W\\d_]")
#: The particles' first letters: a word that opens with none of them is no particle name, without a regex call
#: (the place and credit readers ask of tens of thousands of small words a second).
_PARTICLE_FIRSTS = frozenset(p[0] for p in _PARTICLES)


#: Two-letter state abbreviations that are written with a stop in small letters ("Vt.", "Pa.") and without one
#: as capital postal codes ("VT", "PA").
_STATE_CODES = frozenset(word for word in ABBREVIATIONS if len(word) == 3 and word in STATES)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words and punctuation of text[start:end]; a dot stays on a word only when it abbreviates.

    The list is shared with the caption's other readers that ask for the same span (read it, never change it): the
    venue readers tokenise the scene's sentence after one another (``venue_spots.english_spots``, then
    ``named_site_english``, then ``locations._a_venue_named_again``), a sixth of a caption's calls.

    >>> [t.text for t in tokens("in Portland, Ore. on Oct. 3.")]
    ['in', 'Portland', ',', 'Ore.', 'on', 'Oct.', '3', '.']
    """
    key = (text, start, end)
    found = _recent_tokens.get(key)
    if found is None:
        if len(_recent_tokens) >= _RECENT_TOKENS:
            _recent_tokens.clear()  # (the last caption's spans: a caption asks for a few at a time)
        found = _recent_tokens[key] = _tokens(text, start, end)
    return found


#: The token lists of the last few spans asked for (`tokens`), by text and span.
_recent_tokens: dict[tuple[str, int, int | None], list[Token]] = {}
_RECENT_TOKENS = 8


def _tokens(text: str, start: int, end: int | None) -> list[Token]:
    """`tokens`' work, not remembered."""
    found: list[Token] = []
    append = found.append
    make = tuple.__new__  # Token(...) without the generated __new__'s Python frame: tokens are many
    pattern = _TOKEN_DOUBLE_HYPHEN if "--" in text else _TOKEN
    for match in pattern.finditer(text, start, len(text) if end is None else end):
        word = match.group()
        begin, at = match.span()
        lower = word.casefold()
        if word[-1] == "." and at - begin > 1 and word.count(".") == 1 and (
                lower not in ABBREVIATIONS or (at - begin == 3 and word[:2].isupper() and lower in _STATE_CODES)):
            # (a state's code in capitals, "VT.", is a postal code closing a sentence: "Burlington, VT.")
            append(make(Token, (word[:-1], begin, at - 1, lower[:-1])))
            append(make(Token, (".", at - 1, at, ".")))
        elif lower == "va." and len(found) > 1 and found[-2].lower == "w" and found[-1].lower == "." and (
                begin - found[-1].end <= 1):
            # "Charleston, W.Va.", "W. Va.": West Virginia's AP form, one word (the "W." alone is an initial)
            first = found[-2].start
            del found[-2:]
            append(make(Token, (text[first:at], first, at, text[first:at].casefold())))
        else:
            append(make(Token, (word, begin, at, lower)))
    return found


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split at a full stop before a capital, and at line breaks.

    A dot that ends an abbreviation ("Sept.", "U.S.", "Jr.") or an initial ("J.") does not end a sentence.

    >>> text = "Tourists visit Beijing, Sept. 22, 2023. The U.S. Embassy is near."
    >>> [text[a:b] for a, b in sentences(text)]
    ['Tourists visit Beijing, Sept. 22, 2023.', 'The U.S. Embassy is near.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith("."):
            # the word the stop closes: the last run of non-spaces up to it, within 40 characters (the stop is one)
            before = text[max(0, match.start() - 40):match.start() + 1].rsplit(None, 1)[-1].lstrip(
                "(\"“[").casefold()
            if (before in ABBREVIATIONS or _INITIAL.fullmatch(before)) and not (
                    _closes_a_place(text, match.end(), before)):
                continue
        end = match.end() if not match.group().startswith("\n") else match.start()
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


#: The word after a sentence's end.
_NEXT_WORD = compiled(r"\s+[\"“(\[]?([A-Za-z]+)\b")


def _closes_a_place(text: str, at: int, before: str) -> bool:
    """Whether a place's short form ("Calif.", "D.C.") ends the sentence too: the next word is one that opens
    sentences ("... in Yucaipa, Calif. A couple's party at the park set off the fire")."""
    if before not in PLACE_ABBREVIATIONS:
        return False
    following = _NEXT_WORD.match(text, at)
    return following is not None and following.group(1).casefold() in SENTENCE_OPENERS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end



#: The capitals of the Latin alphabets a name in capitals is written in, as a regex class's body (no brackets): ASCII's,
#: Latin-1's and Latin Extended-A's ("JÓZEF RUŞKANI", "ŁUKASZ GĄGULSKI", "SØREN"), for the patterns that find a credit
#: by its capitals.
CAPITALS = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x180)) if ch.isupper() and ch not in "×")

def is_capitalised(word: str) -> bool:
    """A word that can be part of a proper name: "Hefei", "WU", "al-Our", "Huai’an", "13th" is not."""
    first = word[:1]  # ("" for no word: neither upper nor a particle's letter)
    return first.isupper() or first in _PARTICLE_FIRSTS and _PARTICLE_NAME.match(word) is not None


def is_person_word(word: str) -> bool:
    """A word of a person's name as credits write them: "Andy", "WANG", "Al-DOUMY", "Jr.", "de", "R."."""
    return is_capitalised(word) or word.casefold() in NAME_PARTICLES


def blank(text: str, start: int, end: int, mark: str = "") -> str:
    """text with text[start:end] replaced by spaces (after `mark`), so every other offset stays valid.

    A mark such as "\n" keeps the words on either side from running into one name.
    """
    if end <= start:
        return text
    filler = (mark + " " * (end - start))[: end - start]
    return text[:start] + filler + text[end:]


def strip_possessive(word: str) -> str | None:
    """'China' for "China's" / "China’s"; None when the word is not a possessive."""
    if len(word) > 2 and word[-2] in "'’" and word[-1] in "sS":
        return word[:-2].rstrip("\\") or None  # "China\’s" on a site that escaped its apostrophes
    return None


def scan(pattern: re.Pattern, starts: re.Pattern, text: str, before: bool = False) -> Iterator[re.Match]:
    """pattern.finditer(text), trying the pattern only where `starts` (one character class, which the
    regex engine skips to at once) finds a character that can begin a match.

    The matches are the same as finditer's when every match of `pattern` begins with a character `starts`
    finds; a pattern that opens with lookbehinds and a long alternation is thus not tried at every character.
    With `before`, `starts` finds the character before one that can begin a match, the text's start being
    read as a space (it is run over " " + text, so that its match's start is the place in text).

    >>> [m.start() for m in scan(re.compile(r"(?<!\\w)Photo:"), re.compile("P"), "Photo: A, xPhoto: B/Photo: C")]
    [0, 20]
    """
    after = 0
    for candidate in starts.finditer(" " + text if before else text):
        at = candidate.start()
        if at < after:
            continue
        match = pattern.match(text, at)
        if match is not None:
            after = max(match.end(), at + 1)
            yield match

"""The keys every place name is indexed and looked up by: folding, punctuation, and designator words.

Every spelling a caption, a file or a search box may use for a place is turned into one key, so "Kraków",
"KRAKOW" and "Krakow " meet, and "Anhui Province", "Anhui Sheng" and "安徽省" all come down to "anhui".
The gazetteer (``catalog.places``) indexes its names under these keys and the look-ups key what they are
given the same way; modules that only compare names (search, people, agencies) use ``fold`` without loading
the gazetteer.

    >>> name_key("Washington, D.C.")
    'washington dc'
    >>> strip_designators(name_key("Anhui Province"), PROVINCE_SUFFIXES)
    ['anhui']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

# --- text -------------------------------------------------------------------------------------------------

#: Combining marks ``fold`` removes: Latin, Greek and Cyrillic diacritics, Arabic harakat, Hebrew points.
_MARKS_CLASS = "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u064b-\u065f\u0670\u0591-\u05c7]"
#: Letters that carry a stroke rather than a combining accent, so NFKD leaves them alone ("Łódź" → "lodz").
_STROKED = {
    "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŧ": "t", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe",
}
#: (the marks, the stroked letters) compiled when a text that is not ASCII is first folded (`_accents`): a search or a
#: credit list of ASCII names never needs them, and the class of marks costs more to compile than this module to import.
_ACCENTS: tuple[re.Pattern, re.Pattern] | None = None


def _accents() -> tuple[re.Pattern, re.Pattern]:
    global _ACCENTS
    if _ACCENTS is None:
        _ACCENTS = (re.compile(_MARKS_CLASS), re.compile("[" + "".join(_STROKED) + "]"))
    return _ACCENTS


#: Punctuation a name key drops ("D.C." → "dc", "Xi'an" → "xian") or turns into a space ("Ho-Chi-Minh").
_KEY_DROP = re.compile("[.'’ʼ`´]")
_KEY_SPACE = re.compile("[-‐‑–—,/_()\\[\\]:;\"“”\t\r\x0b\x0c\x1c-\x1f\x85\u1680\u2028\u2029]")


def _strip_accents(text: str) -> str:
    """Casefolded, compatibility-decomposed text without its accents (left decomposed: see ``name_key``)."""
    marks, stroked = _ACCENTS or _accents()
    folded = marks.sub("", unicodedata.normalize("NFKD", text.casefold()))
    return stroked.sub(lambda m: _STROKED[m.group()], folded)


def fold(text: str) -> str:
    """Casefold, strip accents and collapse spaces, so two spellings of a name compare equal.

    >>> fold("Kraków ")
    'krakow'
    >>> fold("ŁÓDŹ")
    'lodz'
    >>> fold("합비")
    '합비'
    """
    if text.isascii():
        return " ".join(text.lower().split())
    return " ".join(unicodedata.normalize("NFC", _strip_accents(text)).split())


def name_key(text: str) -> str:
    """``fold`` without punctuation: the key under which a place name is indexed and looked up.

    Unlike ``fold`` it leaves Hangul and kana decomposed (recomposing 350,000 names costs a tenth of the
    load); keys are only ever compared with keys, so that is invisible.

    >>> name_key("St. John's")
    'st johns'
    >>> name_key("Ho-Chi-Minh-Stadt")
    'ho chi minh stadt'
    """
    folded = text.lower() if text.isascii() else _strip_accents(text)
    return " ".join(_KEY_SPACE.sub(" ", _KEY_DROP.sub("", folded)).split())


def name_keys(texts: Sequence[str]) -> list[str]:
    """``name_key`` of many names at once: one pass of each step over the joined text, for the load.

    Keying the 350,000 city names one by one costs about a second; this does it in a fifth of that.
    """
    folded = _KEY_SPACE.sub(" ", _KEY_DROP.sub("", _strip_accents("\n".join(texts))))
    while "  " in folded:
        folded = folded.replace("  ", " ")
    keys = folded.replace(" \n", "\n").replace("\n ", "\n").strip(" ").split("\n")
    if len(keys) != len(texts):
        return [name_key(text) for text in texts]  # a name held a line break
    return keys


# --- designators: the words around a name that say what kind of place it is -----------------------------
# All in key form (folded, no punctuation). Stripped from typed names and indexed names alike, so
# "Anhui Province", "Anhui Sheng", "安徽省" and "Anhui" share the key "anhui".

#: Trailing words of a province's name: "Anhui Sheng", "Guangxi Zhuang Autonomous Region", "Gyeonggi-do".
PROVINCE_SUFFIXES = (
    "special administrative region", "autonomous region", "autonomous province", "autonomous community",
    "municipality", "province", "prov", "sheng", "shi", "zizhiqu", "sar", "s a r", "state", "prefecture",
    "oblast", "oblys", "krai", "kray", "region", "governorate", "voivodeship", "voivodship", "wojewodztwo",
    "county", "department", "departement", "district", "territory", "do", "to", "fu", "ken",
)
#: Words of an ethnic autonomous region's official name that come before "Zizhiqu"/"Autonomous Region".
PROVINCE_ETHNIC = ("uygur", "uyghur", "uighur", "zhuangzu", "zhuang", "huizu", "hui")
#: ("Co Cork", "County Wexford": Ireland's counties as the Irish press writes them, the word first)
PROVINCE_PREFIXES = ("province of", "state of", "region of", "autonomous region of", "county", "co")
#: The same in Chinese script, which has no spaces: "新疆维吾尔自治区" → "新疆", "安徽省" → "安徽".
CJK_SUFFIXES = (
    "特别行政区", "特別行政區", "维吾尔自治区", "維吾爾自治區", "壮族自治区", "壯族自治區", "回族自治区",
    "回族自治區", "自治区", "自治區", "省", "市",
)
#: "Hefei City", "Hefei Shi", "City of London", "合肥市", "Hong Kong SAR".
CITY_SUFFIXES = ("city", "shi", "municipality", "special administrative region", "sar", "s a r")
CITY_PREFIXES = ("city of",)
#: Designators GeoNames sometimes glues to a Chinese city's name ("Yulinshi", "Wanxian"); the name without
#: one counts as the city's own only where the city also carries it as an alternate name.
GLUED_SUFFIXES = ("shi", "xian", "zhen")
#: Words after a town's name that say what kind of unit it is, looked past on both sides ("Anping County").
TOWN_UNIT_WORDS = frozenset({"county", "district", "town", "township", "village", "city", "municipality",
                             "xian", "qu", "zhen"})
#: "The Netherlands", "Kingdom of Bahrain", "Republic of Korea".
COUNTRY_PREFIXES = ("the", "republic of", "kingdom of", "state of", "commonwealth of")
#: Abbreviated words of place names, spelt out ("St. Petersburg" → "saint petersburg").
ABBREVIATED_WORDS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}


def strip_designators(key: str, suffixes: Iterable[str], prefixes: Iterable[str] = ()) -> list[str]:
    """The shorter keys left after taking designator words off ``key``, longest first.

    >>> strip_designators("xinjiang uygur zizhiqu", PROVINCE_SUFFIXES)
    ['xinjiang uygur', 'xinjiang']
    >>> strip_designators("安徽省", PROVINCE_SUFFIXES)
    ['安徽']
    """
    if not key:
        return []
    first, _, _ = key.partition(" ")
    _, _, last = key.rpartition(" ")
    designated = last in _DESIGNATOR_LAST_WORDS or first in _DESIGNATOR_FIRST_WORDS or key[-1] in _CJK_LAST
    if not designated:
        return []  # the common case, decided without trying every designator
    found: list[str] = []
    current = key
    changed = True
    while changed:
        changed = False
        for prefix in prefixes:
            if current.startswith(prefix + " ") and len(current) > len(prefix) + 1:
                current = current[len(prefix) + 1:]
                found.append(current)
                changed = True
        for suffix in suffixes:
            if current.endswith(" " + suffix) and len(current) > len(suffix) + 1:
                current = current[: -len(suffix) - 1]
                found.append(current)
                changed = True
                if suffix in ("zizhiqu", "autonomous region"):
                    for ethnic in PROVINCE_ETHNIC:
                        if current.endswith(" " + ethnic):
                            current = current[: -len(ethnic) - 1]
                            found.append(current)
                            break
        for suffix in CJK_SUFFIXES:
            if current.endswith(suffix) and len(current) > len(suffix) and not current.isascii():
                current = current[: -len(suffix)]
                found.append(current)
                changed = True
                break
    return found


_ABBREVIATED_RE = re.compile("(?:^| )(?:" + "|".join(ABBREVIATED_WORDS) + ")(?: |$)")
_DESIGNATOR_LAST_WORDS = {d.rpartition(" ")[2] for d in PROVINCE_SUFFIXES + CITY_SUFFIXES}
_DESIGNATOR_FIRST_WORDS = {d.partition(" ")[0] for d in PROVINCE_PREFIXES + CITY_PREFIXES + COUNTRY_PREFIXES}
_CJK_LAST = {suffix[-1] for suffix in CJK_SUFFIXES}


#: The Arabic article as place names carry it in Latin letters: "al", its older "el", and the forms that take on the
#: next word's first sound ("ad-Dawhah", "ash-Shariqah", "an-Najaf"). Sources spell one name each their own way
#: ("Deir al-Balah", "Deir el-Balah", GeoNames' "Dayr al Balah"), so a name not found is tried with the others.
ARABIC_ARTICLES = frozenset({
    "al", "el", "ul", "ad", "ed", "adh", "ar", "er", "as", "es", "ash", "esh", "at", "et", "ath", "az", "ez",
    "an", "en",
})
#: The spellings of the article tried in place of the one written.
_ARTICLE_SPELLINGS = ("al", "el")


def article_variants(key: str) -> list[str]:
    """Other spellings of ``key``'s Arabic article, for a name found under none of its own keys.

    Only a word after the name's first is taken for an article ("Deir al Balah", not "El Paso"), and each
    article is respelt on its own, so a name with two keeps the other as written.

    >>> article_variants("deir al balah")
    ['deir el balah']
    >>> article_variants("ras an naqb")
    ['ras al naqb', 'ras el naqb']
    >>> article_variants("kansas city")
    []
    """
    words = key.split(" ")
    if len(words) < 3 or ARABIC_ARTICLES.isdisjoint(words[1:-1]):
        return []  # the common case: no article between a name's first and last word
    variants: list[str] = []
    for index in range(1, len(words) - 1):
        if words[index] in ARABIC_ARTICLES:
            for spelling in _ARTICLE_SPELLINGS:
                if spelling != words[index]:
                    variant = " ".join([*words[:index], spelling, *words[index + 1:]])
                    if variant not in variants:
                        variants.append(variant)
    return variants


def spell_out(key: str) -> str:
    """``key`` with abbreviated words spelt out: "st petersburg" → "saint petersburg"."""
    if not _ABBREVIATED_RE.search(key):
        return key
    return " ".join(ABBREVIATED_WORDS.get(word, word) for word in key.split(" "))


#: The letters a near spelling may change, add or drop (``near_spellings``): vowels, which transliteration
#: scatters; a consonant changed is another name as often as not (Gangasagar, Ganganagar).
_SPELLING_VOWELS = "aeiouy"
#: The fewest letters a name needs before a spelling one slip away is taken for it: "Naka" and "Nara" are
#: two places, "Sulaimaniyah" and "Sulaymaniyah" one.
NEAR_SPELLING_LETTERS = 7


def near_spellings(key: str) -> list[str]:
    """The keys one slip of transliteration away from `key`: a vowel changed, dropped or added, two vowels
    swapped, a letter doubled or a double letter single, a space dropped or added between words ("Sulaimaniyah",
    "Sulaymaniyah"; "Kitzbuehel", "Kitzbuhel"; "Lillongwe", "Lilongwe"; "Morigoan", "Morigaon"; "Hulun Buir",
    "Hulunbuir"). [] for a key with other characters than Latin letters and spaces, or shorter than
    ``NEAR_SPELLING_LETTERS`` letters.

    >>> "sulaymaniyah" in near_spellings("sulaimaniyah"), "lilongwe" in near_spellings("lillongwe")
    (True, True)
    >>> "ganganagar" in near_spellings("gangasagar"), near_spellings("naka"), near_spellings("合肥市中心")
    (False, [], [])
    """
    letters = key.replace(" ", "")
    if len(letters) < NEAR_SPELLING_LETTERS or not (letters.isascii() and letters.isalpha()):
        return []
    vowels = _SPELLING_VOWELS
    found: dict[str, None] = {}
    for at, char in enumerate(key):
        head, tail = key[:at], key[at + 1:]
        if char in vowels or char == " " or (tail and tail[0] == char):
            found[head + tail] = None  # (a vowel, a space or one of a double letter dropped)
        found[head + char + char + tail] = None
        if char in vowels:
            found.update((head + other + tail, None) for other in vowels if other != char)
            if tail and tail[0] in vowels:
                found[head + tail[0] + char + tail[1:]] = None
        if at and char != " " and key[at - 1] != " ":
            found[head + " " + char + tail] = None
    for at in range(len(key) + 1):
        found.update((key[:at] + vowel + key[at:], None) for vowel in vowels)
    found.pop(key, None)
    return [spelling for spelling in found if spelling.strip() == spelling and "  " not in spelling]

"""Other forms of a place's name in Chinese characters, for finding it where GeoNames writes it otherwise.

GeoNames gives a city of China its Chinese name in one script or with its designator only (麗江 and 丽江市 for
Lijiang, 枣庄市 for Zaozhuang), gives many cities abroad no Chinese name at all, and gives nearly every city
the sounds of its Chinese name in toneless pinyin among its other names ("li jiang", "niu yue"). A caption
writes the name bare, in its own script. These are the forms tried, in order, when the name as written is not
found: the cheap ones first (OpenCC's conversions, the designator), the sounds last.

    >>> [form for form, _ in han_forms("丽江")]
    ['麗江', '丽江市', '麗江市']
    >>> han_forms("永修县")[:3]
    [('永修縣', 'script'), ('永修市', 'stem'), ('永修', 'stem')]
    >>> pinyin_keys("纽约")
    ['niu yue', 'niu yue shi']
"""

from __future__ import annotations

from functools import cache

#: The places whose own names are written in Chinese characters of Chinese (a stem or a name with 市 is looked
#: for among their cities only).
HAN_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "SG"})
#: The countries whose places' names are written in Chinese characters of their own: a Chinese name of one of their
#: towns is that town's, where a Chinese name of a town elsewhere renders its name's sounds, which its namesakes share.
NAMES_IN_HAN = frozenset({*HAN_COUNTRIES, "JP", "KR", "KP", "VN"})
#: Designators of a unit that a city of the same name holds without (永修县, its seat 永修), simplified and
#: traditional; 市 itself is the one tried after a bare name.
_UNIT_ENDS = ("县", "縣", "区", "區", "市")
#: The same and a town's 镇: the designators a town of countrystatecity's table is named without.
TOWN_UNIT_ENDS = (*_UNIT_ENDS, "镇", "鎮")


@cache
def _converters():
    import opencc

    return opencc.OpenCC("s2t"), opencc.OpenCC("t2s")


@cache
def _regional_converter():
    """OpenCC's simplified-to-traditional conversion as Hong Kong and Taiwan write it (台灣 where s2t gives 臺灣)."""
    import opencc

    return opencc.OpenCC("s2hk")


def converters_loaded() -> bool:
    """Whether this process holds OpenCC's converters (about 30 MB of dictionaries once loaded)."""
    return _converters.cache_info().currsize > 0


def drop_converters() -> None:
    """Let OpenCC's converters go (the next conversion loads them again): for a process that loaded them only to
    build the gazetteer, which needs the memory for the cities next. What OpenCC's C++ code frees stays in the C
    allocator's heap, where Python's own objects do not go (they live in mapped arenas), so the heap is handed
    back to the system too (glibc's malloc_trim; elsewhere nothing more is done)."""
    from catalog.cachedir import give_back_freed

    _converters.cache_clear()
    _regional_converter.cache_clear()
    give_back_freed()


def is_han(text: str) -> bool:
    """Whether every character of ``text`` is a Han character of the basic block (no kana, no Latin)."""
    return bool(text) and all("\u4e00" <= char <= "\u9fff" for char in text)


def traditional_forms(names: list[str]) -> list[str]:
    """The traditional forms of the names written wholly in simplified Han characters that differ from them
    (甘肃省 → 甘肅省, 俄罗斯 → 俄羅斯): what a caption from Taiwan, Hong Kong or Macau writes where the data
    packages give a province's or a country's name in simplified characters only. For the gazetteer's build.

    >>> traditional_forms(["甘肃省", "Gansu", "台湾", "東京都"])
    ['甘肅省', '臺灣']
    """
    to_traditional, _ = _converters()
    found = []
    for name in names:
        if is_han(name):
            converted = to_traditional.convert(name)
            if converted != name and converted not in names and converted not in found:
                found.append(converted)
    return found


def script_variants(names: list[str]) -> list[str]:
    """Every other form of the names written wholly in Han characters, in either script, that differs from them:
    the traditional forms (``traditional_forms``), the forms Hong Kong and Taiwan write (台灣), and a traditional
    name's simplified form (臺灣 → 台湾). For the gazetteer's build, where a data package gives a country's or a
    province's name in one script only, while captions write it in theirs.

    >>> script_variants(["台湾", "Gansu"]), script_variants(["臺灣"])
    (['臺灣', '台灣'], ['台湾', '台灣'])
    """
    to_traditional, to_simplified = _converters()
    regional = _regional_converter()
    found: list[str] = []
    for name in names:
        if is_han(name):
            simplified = to_simplified.convert(name)
            for converted in (to_traditional.convert(simplified), simplified, regional.convert(simplified)):
                if converted != name and converted not in names and converted not in found:
                    found.append(converted)
    return found


def unit_stem(name: str, ends: tuple[str, ...] = _UNIT_ENDS) -> str:
    """A unit's name without its designator (永修县 → 永修), or the name as written when it ends in none of
    ``ends`` or is too short to have a stem (市 alone, 东区).

    >>> unit_stem("永修县"), unit_stem("东区"), unit_stem("丽江")
    ('永修', '东区', '丽江')
    """
    return name[:-1] if len(name) >= 3 and name.endswith(ends) else name


def script_forms(name: str) -> list[str]:
    """The name as written, in traditional and in simplified characters, each once."""
    to_traditional, to_simplified = _converters()
    return list(dict.fromkeys((name, to_traditional.convert(name), to_simplified.convert(name))))


def han_forms(name: str) -> list[tuple[str, str]]:
    """The other forms of a name, each with what it is: "script" (the name in the other script), "city" (a bare
    name with 市: the city of that name) and "stem" (a unit's name without its 县 or 区, alone or with 市:
    永修县's seat 永修, but also a town of that name elsewhere, which GeoNames may write with 市 too)."""
    scripts = script_forms(name)
    forms = [(form, "script") for form in scripts[1:]]
    for written in scripts:
        stem = unit_stem(written)
        if stem != written:
            forms += [(stem + "市", "stem"), (stem, "stem")]
        else:
            forms.append((written + "市", "city"))
    return list(dict.fromkeys(forms))


def pinyin_keys(name: str, *, stems: bool = False) -> list[str]:
    """The name's sounds as GeoNames writes them among a city's other names: toneless pinyin syllables apart
    (pypinyin's reading of the phrase), then with "shi"; with ``stems``, for a unit's name (县, 区) its stem's
    sounds too."""
    from catalog import _pinyindata

    _pinyindata.load()  # its dictionaries packed: 56 -> 5 MB
    from pypinyin import Style, lazy_pinyin

    def sounds(text: str) -> str:
        return " ".join(lazy_pinyin(text, style=Style.NORMAL, errors="ignore"))

    keys = [sounds(name)]
    if stems and unit_stem(name, _UNIT_ENDS[:-1]) != name:
        keys.append(sounds(unit_stem(name, _UNIT_ENDS[:-1])))
    keys += [key + " shi" for key in list(keys)]
    return [key for key in dict.fromkeys(keys) if key]

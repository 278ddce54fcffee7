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


#: What Hong Kong and Taiwan commonly write where the standard traditional script (OpenCC's s2t) has another
#: character: among the subdivisions' native names, the only names `script_variants` is asked about, the one such
#: character is 臺, written 台 (台灣, 台北市, 台東縣); `tests/test_place_units.py` checks this against OpenCC's s2hk on
#: every one of them. A table of one character rather than s2hk's dictionaries, whose loading put 12 MB on the peak
#: of the process that builds the gazetteer (the first import after an install: 251-260 MB summed, over 250).
_REGIONAL_FORMS = str.maketrans({"臺": "台"})


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
    found: list[str] = []
    for name in names:
        if is_han(name):
            simplified = to_simplified.convert(name)
            traditional = to_traditional.convert(simplified)
            for converted in (traditional, simplified, traditional.translate(_REGIONAL_FORMS)):
                if converted != name and converted not in names and converted not in found:
                    found.append(converted)
    return found


#: What a unit of China's administration is called after its name, by level, the longest first where one ends
#: another: a prefecture's (阿克苏地区, 锡林郭勒盟, 海北藏族自治州, 凉山州), a county's (缙云县, 东西湖区, 阿巴嘎旗,
#: 三江侗族自治县, 雄安新区) and a township's (鹿谷鄉, 虎尾鎮). 市 is not among them: a name with 市 is a city's.
UNIT_DESIGNATORS: tuple[tuple[str, str], ...] = (
    *((end, "prefecture") for end in ("自治州", "地区", "地區", "盟", "州")),
    *((end, "county") for end in ("自治县", "自治縣", "自治旗", "新区", "新區", "县", "縣", "区", "區", "旗")),
    *((end, "township") for end in ("乡", "鄉", "镇", "鎮")),
)
#: The peoples an autonomous unit is named for, written between its name and its designator (海北藏族自治州,
#: 木垒哈萨克自治县), in both scripts where they differ. One of a single character counts only with 族 after it.
_PEOPLES = tuple("""
蒙古 回 藏 维吾尔 維吾爾 苗 彝 壮 壯 布依 朝鲜 朝鮮 满 滿 侗 瑶 瑤 白
土家 哈尼 哈萨克 哈薩克 傣 黎 傈僳 佤 畲 拉祜 水 东乡 東鄉 纳西 納西 景颇
景頗 柯尔克孜 柯爾克孜 土 达斡尔 達斡爾 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 錫伯
阿昌 普米 塔吉克 怒 乌孜别克 烏孜別克 俄罗斯 俄羅斯 鄂温克 鄂溫克 德昂 保安
裕固 京 塔塔尔 塔塔爾 独龙 獨龍 鄂伦春 鄂倫春 赫哲 门巴 門巴 珞巴 基诺 基諾
""".split())
_PEOPLES_LONGEST_FIRST = tuple(sorted(_PEOPLES, key=len, reverse=True))
#: The fewest characters a unit's name keeps without its designator (区 of 东区 is no designator of 东).
_SHORTEST_STEM = 2


def _without_peoples(name: str) -> str:
    """An autonomous unit's name without the peoples written after it (海北藏族 → 海北, 木垒哈萨克 → 木垒)."""
    stripped = True
    while stripped:
        stripped = False
        for people in _PEOPLES_LONGEST_FIRST:
            for written in (people + "族", people) if len(people) > 1 else (people + "族",):
                if name.endswith(written) and len(name) - len(written) >= _SHORTEST_STEM:
                    name, stripped = name[: -len(written)], True
                    break
            if stripped:
                break
    return name


def unit_stems(name: str) -> list[tuple[str, str]]:
    """The name of a unit of China's administration without its designator, with the unit's level
    ("prefecture", "county" or "township", ``UNIT_DESIGNATORS``), and without the peoples an autonomous unit is
    named for; [] for a name that ends in no designator or would keep fewer than two characters. A prefecture's
    stem is its seat's name as often as not (阿克苏地区, seat 阿克苏), a county's a town's (缙云县, seat 缙云).

    >>> unit_stems("海北藏族自治州"), unit_stems("阿克苏地区"), unit_stems("东乡族自治县")
    ([('海北', 'prefecture')], [('阿克苏', 'prefecture')], [('东乡族', 'county'), ('东乡', 'county')])
    >>> unit_stems("东区"), unit_stems("杭州"), unit_stems("合肥")
    ([], [], [])
    """
    for end, level in UNIT_DESIGNATORS:
        if name.endswith(end) and len(name) - len(end) >= _SHORTEST_STEM:
            stem = name[: -len(end)]
            if end.startswith("自治") or end == "州":
                stem = _without_peoples(stem)
            stems = [stem]
            if stem.endswith("族") and len(stem) > _SHORTEST_STEM:  # 东乡族自治县: named for its people alone
                stems.append(stem[:-1])
            return [(found, level) for found in stems]
    return []


def readings(name: str, most: int = 16) -> list[str]:
    """The name's readings in pinyin, syllables run together: pypinyin's reading of the phrase first, then the
    other readings of its characters (什邡: shenfang, then shifang), at most `most` in all.

    >>> readings("什邡")[:2]
    ['shenfang', 'shifang']
    """
    from itertools import islice, product

    from catalog import _pinyindata
    from catalog.people import pinyin as phrase_reading

    _pinyindata.load()  # its dictionaries packed: 56 -> 5 MB
    from pypinyin import Style, pinyin

    found = [phrase_reading(name)]
    syllables = pinyin(name, style=Style.NORMAL, heteronym=True, errors="ignore")
    if len(syllables) == len(name):
        found += ["".join(parts) for parts in islice(product(*syllables), most)]
    return [reading for reading in dict.fromkeys(found) if reading][:most]


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
    name with 市: the city of that name), "stem" (a county's or a township's name without its designator, alone or
    with 市: 永修县's seat 永修, but also a town of that name elsewhere, which GeoNames may write with 市 too) and
    "seat" (a prefecture's name without its designator, ``unit_stems``: 阿克苏地区's seat 阿克苏).

    >>> [form for form, kind in han_forms("阿克苏地区") if kind == "seat"][:2]
    ['阿克苏市', '阿克苏']
    """
    scripts = script_forms(name)
    forms = [(form, "script") for form in scripts[1:]]
    for written in scripts:
        stem = unit_stem(written)
        if stem != written:
            forms += [(stem + "市", "stem"), (stem, "stem")]
        else:
            forms.append((written + "市", "city"))
    for written in scripts:
        for stem, level in unit_stems(written):
            kind = "seat" if level == "prefecture" else "stem"
            forms += [(stem + "市", kind), (stem, kind)]
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

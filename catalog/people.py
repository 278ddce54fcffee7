"""People as entities: a photographer's name as the tokens search matches, and as a person reads it.

A name is matched by whole tokens, in any order and case, with or without accents; a Chinese name written
in characters and in pinyin gives the same tokens, its given name one token however it is split:

    >>> sorted(name_tokens("Li Xin")), sorted(name_tokens("Julie V. Early")), sorted(name_tokens("Byline"))
    (['li', 'xin'], ['early', 'julie', 'v'], ['byline'])
    >>> name_tokens("张大刚") == name_tokens("Zhang Dagang") == name_tokens("Dagang ZHANG")
    True
    >>> name_tokens("Zhang Da-gang") == name_tokens("Zhang Da Gang") == name_tokens("ZHANG DAGANG")
    True
    >>> sorted(name_tokens("欧阳娜娜")), sorted(name_tokens("Ouyang Nana"))
    (['nana', 'ouyang'], ['nana', 'ouyang'])

So ``by:Li`` (tokens {"li"}) finds "Li Xin" ({"li", "xin"}) and never "Byline" or "Julie V. Early", and
``by:"dagang zhang"`` finds Zhang Dagang: a name matches when its tokens include all the typed ones.

A given name is one token ("Dagang", "Da-gang" and "Da Gang" are all "dagang"), so ``by:Gang`` does not find
Zhang Dagang, and ``by:Li`` does not find Wang Lixin. Names in Chinese characters are read with pypinyin
(imported only for them), with surnames' own readings (单 is Shan, 曾 Zeng, 区 Ou); pinyin does not tell
张 from 章, so ``by:张`` finds every Zhang.

``display_name`` shows a name written in capitals ("DUANE A. LAVERTY") as another photo or the caption
spells it, else in title case that minds "McDONALD", "van der", "O'BRIEN" and the Chinese convention of a
surname in capitals ("WANG Zhao" is Wang Zhao).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import groupby

from catalog.place_keys import fold

__all__ = ["display_name", "name_tokens", "person_key", "same_person"]

# --- rules as data -----------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Every syllable of Mandarin pinyin (from pypinyin's dictionary, tones and ü folded), for telling a Chinese
#: name in Latin letters: "Dagang" is da + gang, "Julie" and "Early" are no pinyin.
PINYIN_SYLLABLES = _words("""
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen
ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo ci
cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du
duan dui dun duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong
gou gu gua guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang
hui hun huo ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken
keng kong kou ku kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie
lin ling liu lo long lou lu luan lue lun luo ma mai man mang mao me mei men meng mi mian miao mie min ming
miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nue
nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin
qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao
se sen seng sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
si song sou su suan sui sun suo ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun
tuo wa wai wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan
yang yao ye yi yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang
zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui
zun zuo
""")
#: Syllables of the other romanisations Chinese names are written in (Hong Kong's Cantonese, Taiwan's Wade-
#: Giles, Singapore's): "Chan Tai-man", "Hsieh Chang-ting", "Ng Kit".
OTHER_SYLLABLES = _words("""
ng au ip yip chan wong cheung leung lau lam ho tsang yeung chow chau tse lai kwok mak fung tang law chu hui
siu tam ko kwan lui choi poon cheng yuen kong so tsui shum hung chiu pang szeto lee hsu hsieh tsai chiang
kuo yeh chou huang hsiao hsien hsin hsing hsiung chih tsz tsze sze yiu wing fai hing keung yee kin kit lok
hei kei wah hoi shing ching pui tak yuk sum chak pak sau tin tsoi koo woo loo soo tung chun man kam yan ka
wai sai lun on ming mei yin chung hon kiu kai fook sing suet ying yun
""")
#: Chinese surnames as romanised (pinyin and the other romanisations), for finding the surname in a name.
SURNAMES = _words("""
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang
han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai du ye cheng su wei lu ding ren shen yao cui
zhong tan qiu fan jin shi liao jia xia fu fang bai zou meng xiong qin yan xue lei hou long duan hao shao mao
gong kong wan qian yin chang kang shi niu ge xing an qi qiao wen pang ni zhuang nie zhan jiao lan geng ou
guan ning shang fu shu ruan ke ji mei tong ling bi shan ji pei tu miao gu sheng qu weng ran lu mu nong zhuo
jing bao chai meng ba zhai mi bu leng che shan xian zang bian ji shi he rong gou sang lang zhen cong zhong
ao gong ming she chi kuang lv dou qu ai yue xiang chu lou di chan wong cheung leung lau lam ng ho tsang
yeung chow chau tse lai kwok mak fung yip ip law lo chu hui siu tam ko kwan lui choi poon yuen kong so tsui
shum au hung chiu szeto lee hsu hsieh tsai chiang kuo yeh chou
""")
#: Two-character surnames, in characters and romanised: 欧阳 is one surname, Ouyang, not Ou + Yang.
COMPOUND_SURNAMES = {
    "欧阳": "ouyang", "歐陽": "ouyang", "司马": "sima", "司馬": "sima", "诸葛": "zhuge", "諸葛": "zhuge",
    "上官": "shangguan", "司徒": "situ", "东方": "dongfang", "東方": "dongfang", "皇甫": "huangfu",
    "公孙": "gongsun", "公孫": "gongsun", "慕容": "murong", "夏侯": "xiahou", "长孙": "zhangsun",
    "長孫": "zhangsun", "宇文": "yuwen", "令狐": "linghu", "端木": "duanmu", "西门": "ximen", "西門": "ximen",
    "南宫": "nangong", "南宮": "nangong", "独孤": "dugu", "獨孤": "dugu", "闻人": "wenren", "聞人": "wenren",
    "钟离": "zhongli", "鍾離": "zhongli", "尉迟": "yuchi", "尉遲": "yuchi", "澹台": "tantai", "澹臺": "tantai",
    "公冶": "gongye", "濮阳": "puyang", "濮陽": "puyang", "淳于": "chunyu", "单于": "chanyu", "單于": "chanyu",
    "申屠": "shentu", "轩辕": "xuanyuan", "軒轅": "xuanyuan", "呼延": "huyan", "万俟": "moqi", "萬俟": "moqi",
    "司空": "sikong", "太史": "taishi", "范姜": "fanjiang", "张简": "zhangjian", "張簡": "zhangjian",
}
_COMPOUND_ROMANISED = frozenset(COMPOUND_SURNAMES.values()) | {"szeto"}
#: Characters read differently as a surname than pypinyin reads them alone (单 is Shan, not Dan).
SURNAME_READINGS = {
    "单": "shan", "單": "shan", "曾": "zeng", "区": "ou", "區": "ou", "查": "zha", "仇": "qiu", "解": "xie",
    "朴": "piao", "盖": "ge", "蓋": "ge", "乐": "yue", "樂": "yue", "覃": "qin", "翟": "zhai", "缪": "miao",
    "繆": "miao", "种": "chong", "種": "chong", "员": "yun", "員": "yun", "召": "shao", "秘": "bi", "柏": "bai",
    "薄": "bo", "长": "chang", "長": "chang", "那": "na", "华": "hua", "華": "hua", "任": "ren", "沈": "shen",
    "吕": "lu", "呂": "lu", "女": "nu",
}
#: Spellings of ü in Latin letters, as whole tokens: 吕 is written Lü, Lu, Lv or Lyu.
_U_FORMS = {"lv": "lu", "lyu": "lu", "nv": "nu", "nyu": "nu"}

#: Words of European names that stay lower case inside a name ("Jan van der Berg", "Leonardo da Vinci").
NAME_PARTICLES = frozenset({
    "van", "von", "der", "den", "de", "del", "della", "dello", "di", "da", "du", "la", "le", "dos", "das",
    "do",
    "y", "e", "bin", "binti", "ibn", "al", "el", "ter", "ten", "zu", "af", "av",
})
#: Words kept in capitals however the name is written.
_KEEP_UPPER = frozenset({"ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii"})
_SUFFIXES = {"jr": "Jr", "sr": "Sr"}

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
#: The Han ideographs: CJK Unified Ideographs Extension A, the Unified Ideographs, the Compatibility Ideographs,
#: Extensions B to F and the Compatibility Supplement. Tested by code point: a regular expression of these ranges
#: takes 8 ms to compile (re expands each range character by character), a twentieth of a whole `catalog search`.
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))


def _is_han(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in HAN_RANGES)


def _has_han(text: str) -> bool:
    return any(map(_is_han, text))


def _han_runs(text: str) -> list[str]:
    """The runs of Han characters in `text`, in order ("Zhang 张大刚 and 李" -> ["张大刚", "李"])."""
    return ["".join(run) for han, run in groupby(text, _is_han) if han]


# --- tokens ------------------------------------------------------------------------------------------------


def _syllables(word: str, limit: int = 3) -> bool:
    """True when a folded word is one to `limit` syllables of pinyin or another Chinese romanisation."""
    count = _syllable_count(word)
    return count is not None and count <= limit


@lru_cache(maxsize=100_000)
def _syllable_count(word: str) -> int | None:
    """The fewest Chinese syllables a folded word splits into ("dagang" → 2), None if it splits into none."""
    if not word or not word.isascii() or not word.isalpha():
        return None
    fewest: list[int | None] = [0] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            before, piece = fewest[start], word[start:end]
            known = piece in PINYIN_SYLLABLES or piece in OTHER_SYLLABLES
            current = fewest[end]
            if before is not None and known and (current is None or before + 1 < current):
                fewest[end] = before + 1
    return fewest[-1]


def _is_surname(word: str) -> bool:
    return word in SURNAMES or word in _COMPOUND_ROMANISED


def _latin_words(name: str) -> list[list[str]]:
    """Folded words of a Latin-script name, each a list of its hyphen-joined parts ("Da-gang" → da, gang)."""
    words = []
    for raw in re.split(r"[\s,./]+", name):
        parts = [_U_FORMS.get(p, p) for p in (_WORD.findall(fold(raw).replace("'", "").replace("’", "")))]
        parts = [p for p in "-".join(parts).split("-") if p]
        if parts:
            words.append(parts)
    return words


def _chinese_order(words: list[list[str]], name: str) -> tuple[str, str] | None:
    """(surname, given name) of a Chinese name in Latin letters, or None when it does not read as one.

    The surname is the word in capitals ("ZHANG Dagang", "Dagang ZHANG"), else the first word if it is a
    surname, else the last; the given name is every other part joined ("Da-gang", "Da Gang" → "dagang").
    Every part must be a Chinese syllable, and the given name at most three of them.
    """
    if not 2 <= len(words) <= 4 or not all(_syllables(part) for word in words for part in word):
        return None
    joined = ["".join(w) for w in words]
    raw_words = [w for w in re.split(r"[\s,./]+", name) if w]
    shouted = [i for i, w in enumerate(raw_words[: len(words)]) if len(w) > 1 and w.isupper()]
    candidates = []
    if len(shouted) == 1 and len(raw_words) == len(words):
        candidates.append(shouted[0])
    candidates += [0, len(words) - 1]
    # A compound surname written in two words: "Ou Yang Na Na", "Sima Qian"
    if len(words) >= 3 and joined[0] + joined[1] in _COMPOUND_ROMANISED:
        given = "".join(joined[2:])
        return (joined[0] + joined[1], given) if _syllables(given) else None
    for at in candidates:
        if _is_surname(joined[at]):
            given = "".join(joined[:at] + joined[at + 1:])
            if _syllables(given):
                return joined[at], given
    return None


def pinyin(text: str) -> str:
    """pypinyin's reading of Han characters, its syllables run together without tones ("大刚" → "dagang").

    Remembered between processes (``catalog.place_memo``, kind "readings"): importing pypinyin costs 0.2-0.3 s
    of CPU, its phrase dictionary read from JSON, in every reader process of an import that meets one name in
    characters, while a desk's photographers' names repeat from import to import. The memo is trusted only
    while the installed pypinyin is the one that gave the answers (its stamp).

    >>> pinyin("张大刚")
    'zhangdagang'
    """
    from catalog import place_memo

    memo = place_memo.current()
    known = memo.get("readings", text)
    if known is None:
        from catalog import _pinyindata

        _pinyindata.load()  # its dictionaries packed: 56 -> 5 MB
        from pypinyin import Style, lazy_pinyin

        known = "".join(lazy_pinyin(text, style=Style.NORMAL, v_to_u=True, errors="ignore"))
        memo.remember("readings", text, known)
    return known


def _han_tokens(run: str) -> list[str]:
    """A name in Chinese characters as pinyin tokens: surname and given name ("张大刚" → zhang, dagang)."""
    def reading(text: str) -> str:
        return fold(pinyin(text))

    if run.endswith("·"):  # one part of a foreign name written in characters: its syllables as one token
        return [reading(run[:-1])]
    if len(run) > 4:  # not one person's name in the usual shape: its syllables as one token
        return [reading(run)]
    if run[:2] in COMPOUND_SURNAMES and len(run) > 2:
        return [COMPOUND_SURNAMES[run[:2]], reading(run[2:])]
    first = SURNAME_READINGS.get(run[0]) or reading(run[0])
    if len(run) == 1:
        return [first]
    if first in SURNAMES:
        return [first, reading(run[1:])]
    return [reading(run)]  # "大刚": a given name alone


@lru_cache(maxsize=50_000)
def name_tokens(name: str | None) -> frozenset[str]:
    """The folded tokens a person's name is matched by (see the module docstring); empty for no name.

    Han characters are read as pinyin, a foreign name written in them split at its "·" (约翰·史密斯 →
    yuehan, shimisi); a name in another script (Hangul, Cyrillic) is its folded words.
    """
    if not name or not name.strip():
        return frozenset()
    tokens: list[str] = []
    latin = name
    transcribed = "·" in name or "・" in name or "•" in name  # a foreign name in characters: 约翰·史密斯
    for run in _han_runs(name):
        tokens.extend(_han_tokens(run) if not transcribed else _han_tokens(run + "·"))
        latin = latin.replace(run, " ")
    latin = latin.replace("·", " ").replace("・", " ")
    words = _latin_words(latin)
    if words:
        chinese = _chinese_order(words, " ".join(latin.split())) if not tokens else None
        if chinese is not None:
            tokens.extend(chinese)
        else:
            tokens.extend(part for word in words for part in word)
    return frozenset(t for t in tokens if t)


def person_key(name: str | None) -> str:
    """One key per person however the name is written: "张大刚", "Dagang ZHANG" → "dagang zhang"."""
    return " ".join(sorted(name_tokens(name)))


def same_person(first: str | None, second: str | None) -> bool:
    """True when two spellings name the same person by their tokens ("Zhang Da-gang" and "张大刚")."""
    key = person_key(first)
    return bool(key) and key == person_key(second)


# --- display -----------------------------------------------------------------------------------------------

_LETTERS = re.compile(r"[^\W\d_]")
#: The prefix of "McDONALD" and "MacLEAN", which a name in capitals keeps in mixed case.
_MAC = re.compile(r"^(?:Mc|Mac)(?=[A-Z])")


def _shouted(word: str) -> bool:
    """A word written in capitals, beyond an initial: "LAVERTY", "McDONALD", "O'BRIEN"; not "A." or "Li"."""
    letters = _LETTERS.findall(word)
    if len(letters) < 2:
        return False
    body = _MAC.sub("", word)
    return all(not ch.isalpha() or ch.isupper() for ch in body) and any(ch.isalpha() for ch in body)


def _title_word(word: str, first: bool, chinese: bool) -> str:
    """One word of a shouted name in title case: "DUANE" → "Duane", "McDONALD" → "McDonald"."""
    folded = word.casefold()
    if folded.strip(".") in _KEEP_UPPER:
        return word.upper()
    if folded.strip(".") in _SUFFIXES:
        return _SUFFIXES[folded.strip(".")] + ("." if word.endswith(".") else "")
    if not first and not chinese and folded in NAME_PARTICLES:
        return folded
    mac = re.match(r"^(Mc|Mac)(?=[A-Z])", word)
    if word.upper().startswith("MC") and len(word) > 2:
        return "Mc" + _title_word(word[2:], True, chinese)
    if mac:
        return mac.group(1) + _title_word(word[len(mac.group(1)):], True, chinese)
    parts = re.split(r"([-'’])", word)
    out = []
    for index, part in enumerate(parts):
        if part in "-'’":
            out.append(part)
        elif index >= 2 and parts[index - 1] in "'’" and len(parts[index - 2]) > 1 and part.lower() in ("s",):
            out.append(part.lower())  # a possessive never appears in a name, but "JOHN'S" stays John's
        else:
            out.append(part[:1].upper() + part[1:].lower())
    return "".join(out)


def display_name(name: str | None, other_spellings: Iterable[str | None] = ()) -> str | None:
    """A name as a person reads it: a name in capitals shown as another source spells the same person,
    else in title case; a name not in capitals as it is.

    >>> display_name("DUANE A. LAVERTY", ["Duane A. Laverty"])
    'Duane A. Laverty'
    >>> display_name("DUANE A. LAVERTY"), display_name("WANG Zhao"), display_name("JAN VAN DER BERG")
    ('Duane A. Laverty', 'Wang Zhao', 'Jan van der Berg')
    >>> display_name("McDONALD"), display_name("O'BRIEN"), display_name("张大刚")
    ('McDonald', "O'Brien", '张大刚')
    """
    if name is None:
        return None
    cleaned = " ".join(name.split())
    words = cleaned.split(" ")
    if not any(_shouted(word) for word in words):
        return cleaned
    key = person_key(cleaned)
    han = _has_han(cleaned)
    # The same person spelled in the same script: "ZHANG DAGANG" is shown as "Zhang Dagang", never "张大刚".
    spellings = [" ".join(other.split()) for other in other_spellings if other and other.strip()]
    for spelled in (s for s in spellings if _has_han(s) == han):
        if not any(_shouted(w) for w in spelled.split(" ")) and person_key(spelled) == key:
            return spelled
    chinese = _chinese_order(_latin_words(cleaned), cleaned) is not None
    return " ".join(
        _title_word(word, index == 0, chinese) if _shouted(word) else word for index, word in enumerate(words)
    )

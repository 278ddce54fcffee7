"""The credit of a Chinese caption: photographer, agency or provider, from the shapes the Chinese press writes.

Each shape is a pattern built from the word lists (``chinese_words.py``); they are tried in ``_CREDIT_ORDER`` and
the first that matches (its last match in the caption) gives the credit. Agencies are given by their standard
English name through the agency registry. Worked examples::

    新华社记者 李鑫 摄                photographer 李鑫, agency Xinhua
    新华社发（陈熙 摄）                photographer 陈熙, agency Xinhua (a contributor's picture)
    王 哲摄(人民视觉)                  photographer 王 哲, agency People Visual
    （受访者供图）                     provider 受访者
    中国青年报 李隽辉/摄               photographer 李隽辉, agency China Youth Daily (the outlet before the name)
    新華社記者 彭源 徐欽 劉磊 攝影報導  photographer 彭源 (the first of several)
    （攝：林小華/端傳媒）               photographer 林小華, agency 端傳媒

A credit that ends the caption (short notes such as "（无人机照片）" aside) is preferred to one inside the prose
("图为一名记者在拍摄..."); a "name" that is a role (记者), a word (翻摄画面) or an outlet (中评社) is no person.
A name is told from words by the structure around it (记者 ... 摄, 发, the brackets) and by the surname list of
``chinese.toml``: "记者在拍摄" is words, "记者 向君玲 摄" a person, though 在 and 向 both begin words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from catalog.captions.chinese_words import HAN, Patterns, Words, han_char, simplified
from catalog.captions.credit_names import looks_like_person
from catalog.captions.credits import Found, read_credit
from catalog.captions.rules import Rules
from catalog.captions.types import Credit
from catalog.patterns import compiled, longest_first


def _an_outlet_provides(credit: Credit, rules: Rules) -> None:
    """A provider that is a news or photo agency the registry knows ("视觉中国供图", "(美联社提供)") is the credit's
    agency: the contract keeps providers for the outside sources of handouts (an office, a space agency, an
    archive), and an agency handing on its picture is its distributor. Changed in place."""
    from catalog.captions.rules import PROVIDER_KINDS

    standard = rules.standard_agency(simplified(credit.provider or "")) or rules.standard_agency(credit.provider or "")
    if standard and not credit.agency and rules.agency_kind(standard) not in PROVIDER_KINDS:
        credit.agency, credit.provider = standard, None


def _agency_name(written: str | None, rules: Rules, words: Words) -> str | None:
    """The standard name of an agency written in a Chinese credit; None for "本报" unless the house names it."""
    if not written:
        return None
    written = written.strip(" ·")
    while len(written) > 2 and simplified(written).endswith(words.words("credit.use_notes")):
        # "ASSOCIATED PRESS授权,下同": licensed by the outlet, and the same for the pictures below
        cut = next(len(w) for w in words.words("credit.use_notes") if simplified(written).endswith(w))
        written = written[:-cut].rstrip(" ,，、·")
    if len(written) > 2 and simplified(written).startswith(words.words("credit.all_pictures")):
        cut = next(len(w) for w in words.words("credit.all_pictures") if simplified(written).startswith(w))
        if len(written) - cut >= 2:
            written = written[cut:]  # "（均侨报记者X摄）": the credit is every picture's, 均 no part of the outlet
    standard = rules.standard_agency(written) or rules.standard_agency(simplified(written))
    if standard:
        return standard
    if simplified(written) in words.set("credit.file_photo") | words.set("credit.notes"):
        return None  # "圖/資料照片": a file picture, its outlet unnamed
    filed = next((w for w in words.longest_first("credit.file_photo") if simplified(written).endswith(w)), None)
    if filed and len(written) - len(filed) >= 2:  # "聯合報系資料照片": the outlet's file picture, the outlet named
        return _agency_name(written[: -len(filed)], rules, words)
    if simplified(written).endswith("报系") and len(written) > 3:  # "联合报系": the paper's group, the paper named
        standard = rules.standard_agency(simplified(written)[:-1])
        if standard:
            return standard
    if simplified(written).endswith(tuple(words["credit.sent"])) and len(written) > 2:
        standard = rules.standard_agency(simplified(written)[:-1])  # "张斌 摄（新华社发）"
        if standard:
            return standard
        if len(written) > 3 and simplified(written)[:-1].endswith(words.words("credit.bracketed_outlet_endings")
                                                                  + words.words("credit.sending_desks")):
            return _agency_name(written[:-1], rules, words)  # "张斌 摄（某某日报发）": an outlet the registry lacks
            # (or its desk: "（某某图片库发）", "（某某县融媒体中心发）")
    plain = simplified(written)
    if not rules.standard_agency(plain) and _a_place_alone(plain, words):
        return None  # "丽江记者": a place's name before the role names no outlet (but see [credit] brand_roles)
    if any(role.startswith(plain) for role in words["credit.staff"]):
        return None  # "特约摄影师 王小明": 特约 ("contributing") begins the role, it is no outlet
    if simplified(written) in words["credit.this_paper"] or simplified(written) in words.set("credit.outlet_endings"):
        return None  # ("晚报首席记者...": "the evening paper", a kind of outlet, names none)
    standard = _outlet_and_desk(simplified(written), rules, words)
    if standard:
        return standard
    if len(written) == 2 and han_char().fullmatch(written[0]) and simplified(written).endswith(
            words.words("credit.outlet_endings")):
        return None  # "郑报全媒体记者": a short form the registry does not know (郑州日报? 郑州晚报?) names none
    bureau = _outlet_of_its_bureau(plain, words)
    if bureau:  # "某某日报梅列记者站": the outlet, then its bureau's place and the bureau
        return _agency_name(written[:bureau], rules, words)
    parts = [part.strip() for part in re.split("[·•]", written) if part.strip()]
    if len(parts) > 1:  # a brand of two outlets ("新甘肃·甘肃日报"): the one the registry knows, else the last
        # that is written as an outlet's name (日报, 网)
        known = next((rules.standard_agency(simplified(p)) for p in parts if rules.standard_agency(simplified(p))),
                     None)
        if known:
            return known
        outlet = [p for p in parts if simplified(p).endswith(words.words("credit.outlet_endings"))]
        if outlet:
            return outlet[-1]
    ending = _known_ending(plain, rules)
    if ending:
        return ending  # "...放飛和平鴿中央社記者X攝": an archive's text run into the agency, which ends it
    posted = next((plain.find(w, 2) for w in words.words("credit.stationed") if plain.find(w, 2) > 0), -1)
    if posted > 0:  # "某某日报驻东京": the outlet, then where its reporter is posted
        return _agency_name(written[:posted], rules, words)
    if plain.endswith(words.words("credit.event_endings")):
        return None  # "台赛摄影师 王小明": the photographer of a contest (台赛), an event, no outlet
    if plain.endswith("报社") and len(plain) > 3:  # "某某日报社融媒体记者": the paper's office, named as the paper
        return rules.standard_agency(plain[:-1]) or written[:-1]
    paper = _paper_then_its_brand(plain, words)
    if paper:  # "某某都市报某某新闻记者": a paper, then its app's or site's brand, run together: the paper
        return rules.standard_agency(plain[:paper]) or written[:paper]
    return written


def _outlet_of_its_bureau(plain: str, words: Words) -> int | None:
    """Where an outlet's name ends when its bureau follows it, the bureau's place (four characters at most) between
    ("某某日报梅列记者站", "某某晚报北京分社": ``credit.bureaus``): after an ending of a paper's, a site's, a station's
    or a media centre's (``credit.run_in_outlet_endings``), three characters in at least; None otherwise."""
    bureau = next((w for w in words.longest_first("credit.bureaus") if plain.endswith(w)), None)
    if bureau is None:
        return None
    head = plain[: -len(bureau)]
    endings = words.words("credit.run_in_outlet_endings")
    for cut in range(len(head), max(2, len(head) - 4) - 1, -1):
        if head[:cut].endswith(endings) and all(han_char().fullmatch(ch) for ch in head[cut:]):
            return cut
    return None


def _paper_then_its_brand(plain: str, words: Words) -> int | None:
    """Where a paper's name ends when another outlet's name is run into it ("奎城都市报奎目新闻", "奎沃日报奎眼新闻",
    "奎民晚报奎民网": the paper's app or site): after its 报, at least two characters in, with three or more after
    that end as outlets' names end; None when the name holds no such paper."""
    at = plain.find("报", 2)
    if at < 0 or len(plain) - at - 1 < 3:
        return None
    rest = plain[at + 1:]
    if not rest.endswith(words.words("credit.outlet_endings")) or rest in words.set("credit.outlet_endings") or (
            not han_char().match(rest)):
        return None
    return at + 1




def _known_ending(plain: str, rules: Rules) -> str | None:
    """The standard name of an agency the registry knows that ends `plain` after other characters (the longest),
    or None."""
    for start in range(1, len(plain) - 1):
        if han_char().match(plain, start):
            standard = rules.standard_agency(plain[start:])
            if standard:
                return standard
    return None


def _outlet_then_name(both: str, rules: Rules, words: Words) -> tuple[str, int] | None:
    """A known outlet run into a name ("北京日报张风"): (the outlet's standard name, the name's length), the name
    two or three characters beginning with a surname; None when no split leaves an outlet the registry knows."""
    for length in (3, 2):
        outlet, name = both[:-length], both[-length:]
        if len(outlet) >= 2 and _a_surname_first(name, words.set("credit.surnames")) and not _words_not_name(
                name, words):
            standard = rules.standard_agency(outlet)
            if standard:
                return standard, length
    for length in (3, 2):  # "某某经济网王小波摄": an outlet the registry does not know, named as outlets are
        outlet, name = both[:-length], both[-length:]
        if len(outlet) >= 3 and _a_surname_first(name, words.set("credit.surnames")) and not _words_not_name(
                name, words) and not _words_not_name(outlet, words) and outlet.endswith(
                words.words("credit.run_in_outlet_endings")):
            written = _agency_name(outlet, rules, words)
            if written:
                return written, length
    return None


#: The words of a line right before a credit's name and a space, after a stop, a bracket or the line's start
#: ("。中国某某网 王小明 摄"): an outlet's name when they end as outlets' names end (up to twelve characters: a
#: city's or a prefecture's media centre, "某某市新闻传媒中心", "某某回族自治州融媒体中心").
_WORDS_BEFORE_NAME = compiled(f"(?:^|(?<=[。！？!?)）】\n]))[ \u3000]*([{HAN}]{{3,12}})[ \u3000]+\\Z")


def _an_unknown_paper(written: str, words: Words) -> bool:
    """Whether words written alone before a photographer's name are an outlet's name the registry does not know:
    three characters or more ending as a paper's, a site's or a station's (扬州日报, 中国某某网,
    ``credit.run_in_outlet_endings``), with no word that names no one (在, 记者) and no place alone (丽江网 is a
    site, 丽江 no outlet)."""
    plain = simplified(written).strip()
    return len(plain) >= 3 and plain.endswith(words.words("credit.run_in_outlet_endings")) and not (
        _words_not_name(plain, words)) and not _a_place_alone(plain, words)


def _paper_then_names(listed: str, words: Words) -> tuple[str, str] | None:
    """A paper the registry does not know, then the names of its photographers, space apart, in the names of a
    bare credit ("扬州日报 凌小兵 冒小异 摄"): (the paper as written, the first name); None when the first part
    is no outlet's name or no name beginning with a surname follows it."""
    parts = listed.strip().split(None, 1)
    if len(parts) < 2 or not _an_unknown_paper(parts[0], words):
        return None
    person = _first_name(parts[1], words)
    if person is None or not _PERSON.fullmatch(person) or not _a_surname_first(person, words.set("credit.surnames")):
        return None
    return parts[0], person


def _paper_before(text: str, plain: str, at: int, words: Words) -> tuple[str, int] | None:
    """An outlet the registry does not know written alone right before a bare credit's name on its line ("。中国
    某某网 王小明 摄"): (its name as written, where it starts), or None."""
    found = _WORDS_BEFORE_NAME.search(plain, max(0, at - 16), at)
    if found is None or not _an_unknown_paper(found.group(1), words):
        return None
    return text[found.start(1):found.end(1)], found.start(1)


#: A person's name in Latin letters of two to four capitalised words, ending the caption's line or its bracket:
#: "圖片來源:Andrew Quorv" (the source shape reads one word of it, a name in Latin letters alone being an outlet's).
_LATIN_PERSON_ENDING = compiled(r"[A-Z][a-z'-]{1,20}(?: [A-Z][a-z'-]{1,20}){1,3}(?=[ \u3000]*[)）]?[ \u3000]*$)",
                                re.MULTILINE)


#: A credit chain in Latin letters: names parted by "/" or " via " ("KCNA via REUTERS", "Ana Ruiz/AFP").
_LATIN_CHAIN = compiled(r"[A-Za-z][A-Za-z .'’&-]*(?:(?:\s*/\s*|\s+via\s+)[A-Za-z][A-Za-z .'’&-]*)+")


def _latin_chain(listed: str, rules: Rules) -> Credit | None:
    """A label's value that is a credit chain in Latin letters naming a known agency, read by the English credit
    reader ("KCNA via REUTERS": agency Reuters, no photographer); None for anything else."""
    written = listed.strip()
    if not _LATIN_CHAIN.fullmatch(written):
        return None
    credit = read_credit(written, rules, strong_only=False)
    return credit if credit is not None and credit.agency and rules.standard_agency(credit.agency) else None


def _latin_person_at(plain: str, at: int) -> re.Match | None:
    """A person's full name in Latin letters written at `at` after a source label and ending its line ("圖片來源:
    Andrew Quorv"), as the English reader's test of a person's name says (not "Global News", "Getty Images");
    None otherwise."""
    found = _LATIN_PERSON_ENDING.match(plain, at)
    return found if found is not None and looks_like_person(found.group()) else None


def _name_before_place(both: str, words: Words) -> str | None:
    """The name in a correspondent's name run into the city filed from ("王小明台北", "潘柏林吉隆坡"): the two or
    three characters, beginning with a surname, before a place the gazetteer or the word lists know; None when no
    split leaves a place."""
    for length in (3, 2):
        name, place = both[:length], both[length:]
        if len(place) >= 2 and _a_surname_first(name, words.set("credit.surnames")) and _a_place_alone(place, words):
            return name
    return None


#: A word of a name in Latin letters (Petrov), and the given names written before it, each capitalised and followed
#: by a space, right after a label, a stop or a bracket ("图片来源:Ivan Petrov/塔斯社").
_LATIN_WORD = compiled(r"[A-Z][a-z'-]{1,20}")
#: An outlet's initials or brand in capitals, a picture word run on or not ("QPA", "QPAPHOTO", "QNS PHOTO"): before
#: "/" and a Chinese name, the outlet (a person's name in Latin letters is written in words, "Ana RUIZ").
_LATIN_INITIALS = compiled(r"[A-Z][A-Z0-9&]{1,11}(?: ?PHOTO| Photo)?")
#: Chinese words, a slash, then a name of two or three words in Latin letters: "某某署/Ana Ruiz".
_HAN_THEN_LATIN_PERSON = compiled(f"[{HAN}]{{2,12}}/[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){{1,2}}")
_LATIN_GIVEN = compiled(r"(?<=[:：\s(（])(?:[A-Z][a-z'.-]{0,20} ){1,3}\Z")
#: An agency's name, then 照片 or 图片 (its picture): "(美联社照片)".
_AGENCYS_PICTURE = compiled("(.{2,12}?)(?:照片|图片)")
#: An outlet's name in Latin letters (and digits): "9NEWS", "CP24", "Global News".
_LATIN_OUTLET = compiled(r"(?=[^\s]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9 .&'-]{1,24}[A-Za-z0-9]")
#: One word in Latin letters written as a name ("图/Jacky") after 图 alone, which labels the photographer as well as
#: the source ("图/王刚"): a person's given name, not an outlet, unless the registry knows it ("图/Reuters"; "9NEWS"
#: and names after 图片来源 stay outlets').
_ONE_LATIN_NAME = compiled(r"[A-Z][a-z]{2,}")
_PICTURE_LABEL_ALONE = compiled(r"(?<![片源])[图圖]\s*[/／:：]")
#: An outlet in brackets right after a credit ("(潘柏林吉隆坡傳真)(蘋果日報)").
_OUTLET_NOTE = compiled(r"\s*[)）]?\s*[(（]([^()（）]{2,12})[)）]")


def _a_place_alone(plain: str, words: Words) -> bool:
    """Whether an outlet's "name" is a place's name alone (丽江, 湖南, 香港): a province, a city that stands alone,
    or a city the gazetteer knows; no outlet is named so."""
    from catalog.captions.chinese_chain import cjk_population

    places = words.lists["places"]
    if not 2 <= len(plain) <= 4:
        return False
    if plain in places["provinces"] or plain in places["municipalities"] or simplified(plain) in words.set(
            "places.cities") or simplified(plain) in words.set("places.taiwan_counties") or cjk_population(plain) > 0:
        return True  # (花莲, 屏东: counties of Taiwan the word lists name, though the gazetteer may not)
    unit = next((w for w in ("县", "市") if plain.endswith(w)), None)  # "宜兰县": the place and its unit
    return unit is not None and len(plain) >= 3 and _a_place_alone(plain[:-1], words)




def _a_place_or_short_paper(plain: str, words: Words) -> bool:
    """Whether an outlet's "name" before a role is a place's name alone (丽江) or a paper's short form (徐报), which
    a brand of its media centre completes."""
    return _a_place_alone(plain, words) or (len(plain) == 2 and plain.endswith("报") and han_char().fullmatch(plain[0])
                                            is not None)


def _outlet_and_desk(plain: str, rules: Rules, words: Words) -> str | None:
    """The standard name of a known outlet written with its desk, app or pictures after it ("大众日报客户端",
    "法新社图片"), with its posting ("新华社驻台"), or after a date's last character ("2023年新华社记者...": the
    credit's words began after the year's digits); None when no known outlet is written so."""
    plain = plain.strip(" ·")
    if plain[:1] in "年月日号" and len(plain) > 3:
        standard = rules.standard_agency(plain[1:])
        if standard:
            return standard
    for cut in range(len(plain) - 1, 1, -1):  # the longest outlet first
        rest = plain[cut:]
        if rest in words.set("credit.desks") or rest.startswith(words.words("credit.stationed")):
            standard = rules.standard_agency(plain[:cut])
            if standard:
                return standard
    return None


def _a_papers_name(written: str, words: Words) -> bool:
    """Whether a "name" after a photographer's label is an outlet's: four characters or more ending as outlets'
    names end (星洲日报, 欧洲时报), or an ending of two characters or more (日报, 新闻); a person's name ends so
    rarely, and never in those longer endings."""
    plain = simplified(written).strip()
    if not han_char().match(plain[-1:]):
        return False
    return plain.endswith(words.words("credit.outlet_endings")) and (len(plain) >= 4 or plain.endswith(tuple(
        w for w in words.words("credit.outlet_endings") if len(w) >= 2)) or _a_places_outlet(plain, words))


def _a_places_outlet(plain: str, words: Words) -> bool:
    """Whether a name of three characters is a place's name and an outlet's ending of one (泉州网, 丽江台): a city's
    site or station, as "图 | 泉州网" credits it; a person's name of three is a surname and a given name."""
    return len(plain) == 3 and _a_place_alone(plain[:2], words)


def _name_then_agency(first: str, second: str, rules: Rules, words: Words) -> bool:
    """Whether "first/second" is a person's name, then an agency the registry knows ("王小明/视觉中国"): a name of
    two to four characters beginning with a surname, no word of the credit lists."""
    labels = words.set("credit.photographer_labels") | words.set("credit.text_labels")
    return bool(rules.standard_agency(simplified(second))) and _PERSON.fullmatch(first) is not None and (
        _a_surname_first(first, words.set("credit.surnames"))) and not _words_not_name(first, words) and (
        simplified(first) not in labels) and not _a_place_alone(simplified(first), words)


def _outlet_named(written: str, rules: Rules, words: Words) -> bool:
    """Whether a credit's part names an outlet: the registry knows it, or it ends as outlets' names end
    (光明图片, 立场新闻; ``credit.outlet_endings``)."""
    plain = simplified(written)
    return bool(rules.standard_agency(plain)) or plain.endswith(words.words("credit.outlet_endings"))


def _unbracketed(written: str) -> str:
    """The credit without the marks that enclose it whole: "（受访者供图）" → "受访者供图", "［王小明 摄］" →
    "王小明 摄"."""
    written = written.strip()
    if len(written) > 2 and written[0] in _ENCLOSING and written[-1] in _ENCLOSING[written[0]] and not any(
            ch in "（()）【】［］[]" for ch in written[1:-1]):
        return written[1:-1].strip()
    return written


#: The marks that may enclose a credit, by their opening one, and the closing ones that end it: brackets (of
#: either width, as captions mix them: "（攝影：洪書瑱)"), quotation and angle marks.
_ENCLOSING = {"（": "）)", "(": ")）", "【": "】", "［": "］]", "[": "]］", "“": "”", "「": "」", "『": "』", "<": ">",
              "〈": "〉"}


def _an_outlet_sending(part: str, words: Words) -> bool:
    """Whether a word of a credit's names is an outlet's name and the word of sending ("中新社发", "新華社發"): the
    outlet that sent the picture, written before the photographer's name, no name of a person."""
    written = simplified(part)
    sent = next((w for w in words.words("credit.sent") if written.endswith(w)), None)
    return sent is not None and len(written) > len(sent) + 1 and written[:-len(sent)].endswith(
        words.words("credit.outlet_endings"))


def _first_name(names: str | None, words: Words | None = None, bare: bool = False) -> str | None:
    """The first of the names a credit lists ("彭源 徐欽 劉磊", "张三、李四"); "伊 霄" is one padded name; a role
    written before it is no name ("记者 王小明", "本报记者 陈明"). Names `bare` (no role or outlet before them,
    "罍街夜市 蒋新军摄") may follow words of the caption's line, which begin with no surname."""
    if not names:
        return None
    first = _BETWEEN_NAMES.split(names.strip())[0].strip()
    joined = _JOINED.match(first)
    if joined:
        first = joined.group(1)  # "王小明和李小强": two people joined by 和 or 与, the first named
    parts = first.split()
    if words is not None:
        roles = words.words("credit.staff")
        while len(parts) > 1 and (simplified(parts[0]).endswith(roles) or _an_outlet_sending(parts[0], words)):
            parts = parts[1:]  # (and an outlet that sent the picture: "中新社发 王小明 摄", no person)
        first = " ".join(parts)
    if words is not None and simplified(first) in words.set("credit.use_notes"):
        return None  # "（图/路透社 下同）": the same credit for the pictures below, no name
    people = _people(parts)
    if bare and len(people) > 1 and words is not None:
        surnames = words.set("credit.surnames")
        while len(people) > 1 and (not _a_surname_first(people[0], surnames) or _a_place_not_a_name(
                people[0], words)) and not _DOTTED.search(people[0]) and (
                _a_surname_first(people[1], surnames)) and not simplified(people[0]).endswith(
                words.words("credit.outlet_endings")):  # ("新华网 耿小宇 摄": the outlet, then the name)
            people = people[1:]  # "罍街夜市 蒋新军摄": the words of the caption's line, then the photographer
            first = people[0]
    if len(people) > 1:
        first = people[0]  # "彭源 徐欽 劉磊"; "鲜 敢 赵 耀" and "肖家鑫 雷 捷": names of two padded with a space
    return first or None


def _a_place_not_a_name(written: str, words: Words) -> bool:
    """Whether a "name" of a bare list is a place's (杭州西湖, 黄山云海: 杭 and 黄 are surnames too): four characters
    with no compound surname first, or a name the place lists or the gazetteer know as a city's."""
    from catalog.captions.chinese_chain import cjk_population

    plain = simplified(written)
    if len(plain) == 4 and plain[:2] not in words.set("credit.surnames"):
        return True  # (a person's name of four characters begins with a compound surname: 欧阳小明)
    places = words.lists["places"]
    return plain in places["provinces"] or plain in places["municipalities"] or cjk_population(plain) > 0


def _transliterated_name(written: str, words: Words) -> bool:
    """Whether a name of four or five characters with no dot is a transliterated one (巴特奎拉, 巴特奎古楞: Mongolian,
    Tibetan, Uyghur names): all but at most two of its characters those of foreign sounds (places.transliteration),
    three at least, and no place the word lists or the gazetteer know."""
    from catalog.captions.chinese_chain import cjk_population

    plain = simplified(written)
    sounds = sum(ch in words.set("places.transliteration") for ch in plain)
    places = words.lists["places"]
    return sounds >= max(3, len(plain) - 2) and not _words_not_name(plain, words) and not (
        plain in places["provinces"] or plain in places["municipalities"] or cjk_population(plain) > 0)


def _a_surname_first(name: str, surnames: frozenset[str]) -> bool:
    """Whether a name begins with a surname of the list (one character, or two: 欧阳)."""
    plain = simplified(name)
    return plain[:1] in surnames or plain[:2] in surnames


def _people(parts: list[str]) -> list[str]:
    """The names that the space-separated parts of a credit's names make: a part of two to four characters is a
    name, and two parts of one character in a row are a name padded with a space (伊 霄); [] when the parts
    pair up no way (a character left alone)."""
    people, at = [], 0
    while at < len(parts):
        if len(parts[at]) >= 2 and _PERSON.fullmatch(parts[at]):
            people.append(parts[at])
            at += 1
        elif len(parts[at]) == 1 and at + 1 < len(parts) and len(parts[at + 1]) == 1:
            people.append(f"{parts[at]} {parts[at + 1]}")
            at += 2
        else:
            return []
    return people


#: A name right before a photographer's label and a space, after a stop or a space ("...。王小明 摄 / 新华社";
#: not "文并图/新华社", where 图 ends the words 文并图, "text and picture").
_NAME_BEFORE_LABEL = compiled(f"(?:^|(?<=[\\s。，,；;)）!！?？■]))([{HAN}]{{2,4}})[ \u3000]+\\Z")


#: The middle dot between the parts of a transliterated foreign name (阿卜杜勒·贾瓦德), as the press writes it.
_DOTTED = compiled("[·•‧・]")


#: What separates the names a credit lists: 、 or a comma, or 和 and 与 ("and") written with a space
#: before them ("万和 与 李强": the first named; 和 right after a name may be its own character, 万和, 王和平).
_BETWEEN_NAMES = compiled(r"\s*[、,，]\s*|\s+[和与]\s*")


#: Two names joined by 和 or 与 (each of two characters or more, so that 李和平 stays one name).
_JOINED = compiled(f"([{HAN}]{{2,4}}?)[和与][{HAN}]{{2,4}}$")


#: A person's name as a credit writes it: two to four characters, or a two-character name padded with a space.
_PERSON = compiled(f"[{HAN}]{{2,4}}|[{HAN}][ \u3000][{HAN}]")
_OUTLET_BEFORE = compiled(f"[{HAN}A-Za-z·]{{2,15}}[ \u3000]*$")


def _outlet_before(text: str, plain: str, at: int, rules: Rules,
                   lists: Words | None = None) -> tuple[str, int] | None:
    """A known outlet written right before a credit's name on its line ("中国青年报 李隽辉/摄"), as (standard
    name, where it starts); the longest known name that ends the words before the name."""
    found = _OUTLET_BEFORE.search(plain, max(0, at - 16), at)
    if found is None:
        return None
    words = plain[found.start():at].rstrip(" \u3000")
    if lists is not None and words.endswith(lists.words("credit.staff")):
        # "新华网记者(郑磊摄)": the outlet's role before the bracket that holds the name; the outlet before the role
        role = next(w for w in lists.longest_first("credit.staff") if words.endswith(w))
        words = words[: -len(role)]
    for begin in range(len(words) - 2 + 1):
        standard = rules.standard_agency(words[begin:])
        if standard:
            return standard, found.start() + begin
    for begin in range(len(words) - 2 + 1):  # "中国网图片库 李斌/摄": the outlet and its desk
        standard = _outlet_and_desk(words[begin:], rules, lists) if lists is not None else None
        if standard:
            return standard, found.start() + begin
    return None


#: The shapes whose name follows a label or opens the caption's words: the name must begin with a surname (or be a
#: foreign name's parts joined by a dot), as the words of a caption after a label do not.
_LABELLED_SHAPES = ("opening_label", "opening_spaced", "field_label", "name_took_colon", "name_took_at")


#: Credit shapes in the order they are tried; the first that matches (its last match in the caption) wins.
_CREDIT_ORDER = ("name_over_outlet", "writer_then_photographer", "sent_brackets", "brackets_sent", "staff",
                 "sent_name", "name_then_agency", "filed_from", "outlet_name", "brackets_name_outlet", "brackets",
                 "outlet_staff",
                 "name_took", "taken_by", "byline", "byline_end", "name_took_at",
                 "outlet_brackets", "name_brackets", "name_latin_agency", "titled", "name_took_inline", "provided_by",
                 "provided_label", "provided",
                 "source", "photographer_label", "outlet_label", "two_agencies", "agency_sent", "agency_alone",
                 "released_by", "field_label", "name_took_colon")


#: The word lists (or "/") of which each credit shape's matches hold at least one word: a shape is not
#: tried on a caption that has none (most captions have no 发, many no 记者). Some keys are marks found by a
#: cheap search of their own (find_chinese_credit): "took_then_bracket", "took_ends_line", "filed_or_staff",
#: "took_at".
_CREDIT_NEEDS: dict[str, tuple[str, ...]] = {
    "sent_brackets": ("sent", "took"), "brackets_sent": ("sent", "took"), "staff": ("staff", "took"),
    "sent_name": ("sent", "took"), "name_then_agency": ("took_then_bracket",), "brackets": ("took",),
    "name_took": ("took",), "name_took_at": ("took_at",),
    "byline": ("staff",), "byline_end": ("staff",), "provided": ("provided",), "source": ("source_labels",),
    "taken_by": ("took",), "provided_by": ("provided",), "titled": ("took",), "released_by": ("released",),
    "name_took_inline": ("took",), "writer_then_photographer": ("writer",),
    "brackets_name_outlet": ("took",), "outlet_staff": ("staff", "took"), "filed_from": ("took", "filed_or_staff"),
    "outlet_name": ("took_ends_line",), "provided_label": ("provided",),
    "two_agencies": ("/",), "outlet_label": ("/",), "field_label": ("field",), "name_took_colon": ("took", ":"),
    "agency_sent": ("sent",), "name_latin_agency": ("latin_closes",),
}


#: The word lists whose words a caption holds or not, which say which credit shapes are worth trying on it.
_PRESENT_LISTS = ("took", "reported", "sent", "staff", "provided", "source_labels", "released")


def _took_then_bracket(words: Words) -> re.Pattern:
    """A word for taking (摄) right before an opening bracket, as the name_then_agency shape writes it."""
    return words.made(("credit", "took_then_bracket"), lambda: compiled(
        f"(?:{words.any('credit.took')})\\s*[（(【［\\[]"))


def _took_ends_line(words: Words) -> re.Pattern:
    """A word for taking (摄) that ends a line."""
    return words.made(("credit", "took_ends_line"), lambda: compiled(
        f"(?:{words.any('credit.took')})[ \u3000]*$", re.MULTILINE))


#: A web address: "www.chinanews.com", "img.example.com.cn".
_DOMAIN = compiled(r"(?:[A-Za-z0-9-]+\.)+(?:com|net|org|cn|hk|tw|gov|edu|info)(?:\.[a-z]{2})?/?", re.IGNORECASE)


def _domain_agency(address: str, rules: Rules) -> str | None:
    """The standard name of the outlet whose web address a source label names, its hosts dropped one by one
    ("www.chinanews.com", "img.people.com.cn"); None when the registry knows none of them."""
    host = address.strip().rstrip("/").lower()
    while "." in host:
        standard = rules.standard_agency(host)
        if standard:
            return standard
        host = host.split(".", 1)[1]
    return None




def _the_person_described(provider: str, rules: Rules, words: Words) -> str:
    """The person a provider's words name after a description and 的, with a courtesy title or not ("由...遷居到
    台北的鄭某某先生提供": 鄭某某); the words as they are when no person's name is left so ("某县的文化馆",
    "市民李小姐")."""
    person = provider[provider.rfind("的") + 1:]
    title = next((t for t in words.words("credit.courtesy_titles") if person.endswith(t)), None)
    if title:
        person = person[: -len(title)]
    if person != provider and 2 <= len(person) <= 3 and _a_person_alone(person, rules, words) and not (
            words.pattern("places.venue").search(simplified(person))):  # (not "文化馆", a venue's kind)
        return person
    return provider


_ANY_LATIN_WORD = compiled(r"[A-Za-z][A-Za-z&'.-]*")


def _written_length(name: str) -> int:
    """A name's length with each Latin word counted as one character ("Uncle Tetsu": 3, the space between
    included; "某某的on AIR Channel": 9), so that a brand in Latin letters is held to the length a Chinese name is."""
    return len(_ANY_LATIN_WORD.sub("a", name))


def _person_after_a_role(provider: str, words: Words) -> str:
    """The person a provider's words name after an outlet and a staff role ("央视记者陈明磊提供": 陈明磊, the reporter
    who provided the picture; the outlet is his employer, not the provider), else the words as they are ("通讯员",
    a role alone, stays)."""
    plain = simplified(provider)
    for role in words.longest_first("credit.staff"):
        at = plain.find(role, 1)
        name = plain[at + len(role):] if at > 0 else ""
        if 2 <= len(name) <= 4 and all(han_char().fullmatch(character) for character in name):
            return provider[at + len(role):].strip()
    return provider


#: What follows 提供 ("provided") when it says who provided the picture: the end of the credit (a stop, a bracket, a
#: slash, the line's end) or the picture itself ("提供图片", "提供的照片"); not "提供咨询服务", the prose's.
_AFTER_PROVIDED = compiled(r"[ \u3000]*(?:[)）〉>」』\]】。.,，;；/／\n]|\Z"
                           r"|的?(?:图片|照片|图像|画面|资料|视频|影像|图))")
#: Words before the provider's name in the provided shape: "图片由X提供", "这张由X提供的照片", "这是X提供的照片",
#: "照片为X提供" (the picture is X's handout).
_PROVIDED_LEAD = compiled(r"^(?:这是|這是|这张|這張|此)?"
                          r"(?:(?:图片|照片|圖片|图|圖)?由|(?:图片|照片|圖片|图|圖)[为為])?")


#: A Latin letter, then a closing bracket ending the caption.
_LATIN_CLOSES = compiled(r"[A-Za-z]\s*[)）]\s*\Z")
#: The full stops a caption may end with.
_FULL_STOPS = ("。", ".", "．")


def _stop_after_took(words: Words) -> re.Pattern:
    """A word for taking (摄) and the full stop after it that ends a line ("王小明摄。"); not 拍摄, a verb of the
    prose ("游客驻足拍摄。")."""
    return words.made(("credit", "stop_after_took"), lambda: compiled(
        f"(?<!拍)(?:{words.any('credit.took')})[ \u3000]*[{''.join(_FULL_STOPS)}](?=[ \u3000]*$)", re.MULTILINE))


@lru_cache(maxsize=512)
def _shapes_for(present: frozenset[str]) -> tuple[str, ...]:
    """The credit shapes worth trying on a caption that holds the words of `present` (``_CREDIT_NEEDS``), in
    order; the same few sets of words come back caption after caption, so each is worked out once."""
    return tuple(name for name in _CREDIT_ORDER if all(key in present for key in _CREDIT_NEEDS.get(name, ())))


#: A story's source closing the caption: "文章来源: 新华网", "来源:某某网" (in the simplified form).
_ARTICLE_SOURCE = compiled(r"(?:文章|新闻)?来源[ \t\u3000]*[:：][ \t\u3000]*(?P<outlet>[^\s:：()（）/]{2,12})"
                           r"[ \t\u3000。.]*\Z")


def find_chinese_credit(text: str, plain: str, rules: Rules, words: Words, patterns: Patterns) -> Found | None:
    """The credit of a Chinese caption (matched on `plain`, its simplified form; values from `text`).

    >>> from catalog.captions.rules import load_rules
    >>> from catalog.captions.chinese_words import words_for
    >>> rules = load_rules()
    >>> text = "9月17日,一轮圆月与南京阅江楼交相辉映。新华社发(苏阳摄)"
    >>> find_chinese_credit(text, text, rules, *words_for(rules)).credit
    Credit(raw='新华社发(苏阳摄)', photographer='苏阳', agency='Xinhua', provider=None)
    """
    related = words.pattern("credit.related").search(plain)
    if related is not None and related.start() > 0:
        # "...记者 邓志宏 摄⏎新闻推荐⏎...(记者王旭东摄)": a page's links to other stories, copied with the caption;
        # their credits are other pictures'
        text, plain = text[:related.start()], plain[:related.start()]
    if "(" in plain or "（" in plain:
        # "新華社發(fā)(張鷹攝)": a mirror's pinyin after a character, read as spaces (the offsets hold)
        plain = _PINYIN.sub(lambda found: " " * len(found.group()), plain)
    if "∕" in plain or "⁄" in plain or "╱" in plain or "／" in plain:
        # "圖∕路透", "(記者王小明╱攝影)", "王小明／視覺中國": the division and fraction slashes, the box-drawing
        # diagonal, the full-width slash
        plain = plain.replace("∕", "/").replace("⁄", "/").replace("╱", "/").replace("／", "/")
    if "│" in plain:
        plain = plain.replace("│", "|")  # "攝影│王小明": the box-drawing line some pages write for the bar
    unknown = words.pattern("credit.unknown").search(plain) is not None
    present = {key for key in _PRESENT_LISTS if words.pattern(f"credit.{key}").search(plain) is not None}
    if "/" in plain:
        present.add("/")
    if ":" in plain or "：" in plain:
        present.add(":")
    if ":" in present or words.pattern("dates.labels").search(plain) is not None:
        present.add("field")  # (a colon, or a date's field label: "創作者 王小明 拍攝時間 1983")
    if _WRITER_MARK.search(plain) is not None:  # (文 and a space: "王小明 文 李小红 摄")
        present.add("writer")
    if "reported" in present:  # (记者 X 报道)
        present.add("took")
    if "staff" in present or words.pattern("credit.filed").search(plain) is not None:
        present.add("filed_or_staff")  # (记者X台北摄, (X吉隆坡传真): a city filed from after a role, or 传真)
    if "took" in present and _took_then_bracket(words).search(plain) is not None:
        present.add("took_then_bracket")  # (王 哲摄(人民视觉): a bracket right after 摄)
    if "took" in present and _took_ends_line(words).search(plain) is not None:
        present.add("took_ends_line")  # (北京日报张风摄: a shape that ends its line with 摄)
    if _LATIN_CLOSES.search(plain, max(0, len(plain) - 4)) is not None:
        present.add("latin_closes")  # ((徐小德CFP): Latin letters close the caption's last bracket)
    if "took" in present and "摄于" in plain:
        present.add("took_at")  # (唐小峰摄于某村: 摄 and where it was taken)
    if "took" in present and plain.rstrip()[-1:] in _FULL_STOPS:
        # "...围坐在一起。王小明摄。": a full stop after the credit's word for taking, read as a space (the offsets
        # hold), so that the credit ends its line as the shapes ask
        plain = _stop_after_took(words).sub(lambda found: found.group()[:-1] + " ", plain)
    shapes = _shapes_for(frozenset(present))
    source = _ARTICLE_SOURCE.search(plain) if "took" in present and "来源" in plain else None
    if source is not None and source.start() > 0:
        # "...新华社记者王小明 摄 文章来源: 新华网", "摄影:王小明(某某日报记者站)来源:某某网": the page's source of the
        # story closes the caption after the picture's own credit, which is the credit; the source names its outlet
        # when the credit names none
        cut = source.start()
        found = _credit_of_shapes(text[:cut], plain[:cut], rules, words, patterns, shapes,
                                  max(0, len(plain[:cut].rstrip()) - _LONGEST_CREDIT), unknown, True)
        if found is not None and found.credit.photographer:
            if not found.credit.agency:
                found.credit.agency = rules.standard_agency(source.group("outlet"))
            return found
    # a credit that ends the caption first (any shape, looked for in the caption's tail), then one elsewhere:
    # "图为一名记者在拍摄...。中新社发 X 摄"
    tail = max(0, len(plain.rstrip()) - _LONGEST_CREDIT)
    found = _credit_of_shapes(text, plain, rules, words, patterns, shapes, tail, unknown, True)
    if found is not None:
        return _a_name_before_the_role(found, text, plain, rules, words)
    issue = _PAPER_ISSUE.search(plain) if "版" in plain and plain.rstrip()[-1:] in (")", "）") else None
    if issue is not None and issue.start() > 0:
        # "...肖家鑫 雷 捷摄影报道( 人民日报2020年10月27日1版)": the credit ends the caption before the citation
        # of the paper's issue, and the paper is its outlet when the credit names none
        cut = issue.start()
        found = _credit_of_shapes(text[:cut], plain[:cut], rules, words, patterns, shapes,
                                  max(0, len(plain[:cut].rstrip()) - _LONGEST_CREDIT), unknown, True)
        if found is not None:
            if not found.credit.agency:
                found.credit.agency = _agency_name(text[issue.start("paper"):issue.end("paper")], rules, words)
            return found
    labelled = any(w in plain[:12] for w in words["credit.photographer_labels"])
    for shape in ("opening_label", "opening_spaced") if labelled else ():
        # "(摄影:朴峰)6月16日傍晚,...", "摄影张平宽 图说...": a photographer's label opening the caption
        if patterns[shape].match(plain) is not None:
            found = _credit_of_shapes(text, plain, rules, words, patterns, [shape], 0, unknown, False)
            if found is not None:
                return found
    bylines = list(_story_bylines(plain, words))
    if bylines:
        # "新华社发⏎⏎本报讯(记者 任珊)...": the story's byline names who wrote it; the picture's credit is
        # another, when the caption holds one
        blanked = plain
        for begin, end in bylines:
            blanked = blanked[:begin] + " " * (end - begin) + blanked[end:]
        found = _credit_of_shapes(text, blanked, rules, words, patterns, shapes, 0, unknown, False)
        if found is not None:
            return found
    found = _credit_of_shapes(text, plain, rules, words, patterns, shapes, 0, unknown, False)
    if found is not None:
        return found
    found = _outlet_then_names_in_brackets(text, plain, rules, words)
    if found is not None:
        return found
    found = _label_then_unknown_outlet(text, plain, rules, words)
    if found is not None:
        return found
    found = _social_post(text, plain)
    if found is not None:
        return found
    if plain.rstrip().endswith(_SPACED_PICTURE):
        # "澎湃新闻 吴栋 图", "某某报记者 王小明 图": 图 ("picture") after a name and a space closes the credit as 摄
        # would; read with 摄 in its place (the offsets hold), the name must still be a person's
        cut = len(plain.rstrip())
        found = _credit_of_shapes(text, plain[:cut - 1] + "摄" + plain[cut:], rules, words, patterns,
                                  _shapes_for(frozenset(present | {"took", "took_ends_line"})),
                                  max(0, cut - _LONGEST_CREDIT), unknown, True)
        if found is not None and found.credit.photographer and _a_person_alone(found.credit.photographer, rules,
                                                                                 words):
            return found  # (a person's name, no place or word of the lists: "见下 图" is a caption's words)
    marked = _MARKED_NAME.search(plain, max(0, len(plain) - 12)) if "■" in plain or "□" in plain else None
    if marked is not None and _a_person_alone(marked.group("name").replace(" ", "").replace("\u3000", ""), rules,
                                              words):
        # "...新风尚。 ■ 周小诚": a city paper's square mark before the photographer's bare name closes the caption
        # (a person's name alone: "■ 资料图" is no one)
        name = text[marked.start("name"):marked.end("name")]
        return Found(Credit(raw=name, photographer=name), marked.start(), marked.end(), "chinese marked_name")
    alone = _NAME_CLOSING.search(plain, max(0, len(plain) - 8))
    group = "drawn" if alone is not None and alone.group("drawn") else "name"
    if alone is not None and _a_name_closing(alone.group(group), plain, rules, words, patterns):
        # "...位列第一。朱小桐", "鹬群归来 孙小敏", "...的功能。冯小飞图": a person's name of three characters alone
        # closes the caption after a full stop, a space or a line's end, or a name with 图 ("picture") run into
        # it, as papers print a picture story's photographer
        name = text[alone.start(group):alone.end(group)]
        return Found(Credit(raw=text[alone.start(group):alone.end()].strip(), photographer=name),
                     alone.start(group), alone.end(), "chinese name_alone")
    if plain.rstrip().endswith((" 发", "\u3000发", " 图", "\u3000图")):
        spaced = _SPACED_SENT.search(plain, max(0, len(plain) - 30))
        agency = rules.standard_agency(spaced.group("agency")) if spaced else None
        if spaced is not None and agency:
            # "新华社 发", "视觉中国 图": only after a known agency ("王小明 发" is prose, "见下 图" a caption's words)
            return Found(Credit(raw=text[spaced.start():spaced.end()].strip(), agency=agency), spaced.start(),
                         spaced.end(), "chinese agency_sent")
    initials = _PICTURE_THEN_INITIALS.search(plain, max(0, len(plain) - 24)) if "图" in plain else None
    agency = rules.standard_agency(initials.group("agency")) if initials is not None else None
    if initials is not None and agency:
        # "...迎接新年 图CFP", "...迎接新年图IC": 图 ("picture") right before a picture agency's Latin initials
        # closes the caption; only an agency the registry knows ("图A" in prose is no credit)
        return Found(Credit(raw=text[initials.start():initials.end()].strip(), agency=agency), initials.start(),
                     initials.end(), "chinese picture_agency")
    if unknown:
        match = re.search("|".join(map(re.escape, words["credit.unknown"])), plain)
        assert match is not None  # `unknown` says one of the words is in plain
        return Found(Credit(raw=text[match.start():match.end()]), match.start(), match.end(), "chinese unknown")
    return None


def _newsroom_desk(words: Words) -> re.Pattern:
    """An outlet's name and one of its newsroom's departments (``credit.newsroom_desks``), 制作 or 出品 perhaps
    after it, closing the caption after a space or on a line of its own ("⏎新华社音视频部", "  新华社摄影部制作")."""
    return words.made(("credit", "newsroom_desk"), lambda: compiled(
        f"\\s+(?P<outlet>[{HAN}A-Za-z·]{{2,12}}?)(?:{words.any('credit.newsroom_desks')})(?:制作|出品)?"
        f"[\\s。.]*\\Z"))


def desk_outlet(plain: str, start: int, rules: Rules, words: Words) -> str | None:
    """The agency of the newsroom department closing the caption after its bylines, from `start` (the credit's
    start) on ("记者:王小明  新华社音视频部": Xinhua), when the registry knows the outlet; None otherwise."""
    if "部" not in plain[start:]:
        return None
    desk = _newsroom_desk(words).search(plain, start)
    return rules.standard_agency(desk.group("outlet")) if desk is not None else None


#: A person's bare name of two or three characters, then spaces, right before a credit (after a stop, a space or
#: the line's start).
_NAME_BEFORE = compiled(f"(?:^|(?<=[\\s。，,；;)）]))(?P<name>[{HAN}]{{2,3}})[ \u3000]+\\Z", re.MULTILINE)


def _a_name_before_the_role(found: Found, text: str, plain: str, rules: Rules, words: Words) -> Found:
    """The credit with a contributor's bare name written before an outlet's staff credit on its line ("周某某
    某某日报记者 孙某某 摄", "程某某 某某晨报首席记者张某某"): two photographers, and the first named is the
    credit's (the contract's rule for two); the outlet stays the agency. The credit as found otherwise."""
    credit = found.credit
    if found.spot not in ("chinese staff", "chinese byline_end") or not (credit.photographer and credit.agency and (
            credit.raw and text.startswith(credit.raw, found.cut_start))):
        return found
    before = _NAME_BEFORE.search(plain, max(0, found.cut_start - 6), found.cut_start)
    if before is None or not _a_person_alone(text[before.start("name"):before.end("name")], rules, words) or (
            _words_not_name(plain[before.start("name"):before.end("name")], words)):
        return found
    credit.photographer = text[before.start("name"):before.end("name")]
    credit.raw = text[before.start("name"):found.cut_start] + credit.raw
    return replace(found, cut_start=before.start("name"))


#: A space, then 图 ("picture"), closing the caption after a photographer's name (and a closing bracket).
_SPACED_PICTURE = (" 图", "\u3000图", " 图)", " 图）", "\u3000图）")

#: A name of three characters (or of two or three, then 图) alone closing the caption after a full stop, spaces or
#: a line's end: "...位列第一。朱小桐", "鹬群归来 孙小敏", "...的功能。冯小飞图".
_NAME_CLOSING = compiled(f"(?:(?<=[。！？!?])|(?<=[ \u3000\n]))[ \u3000]*"
                         f"(?:(?P<drawn>[{HAN}]{{2,3}})图|(?P<name>[{HAN}]{{3}}))[ \u3000]*\\Z")
#: A square mark, then a person's bare name (two or three characters, or two spaced) closing the caption: how some
#: city papers credit the photographer ("■ 周小诚", "□王 昊").
_MARKED_NAME = compiled(f"[■□][ \u3000]*(?P<name>[{HAN}]{{2,3}}|[{HAN}][ \u3000][{HAN}])[ \u3000]*\\Z")
#: A known agency, a space, then 发 or 图, closing the caption: "新华社 发", "视觉中国 图" (the agency_sent shape
#: has no space).
_SPACED_SENT = compiled(f"(?P<agency>[{HAN}A-Za-z·]{{2,15}})[ \u3000][发图]\\s*\\Z")

#: 图 ("picture"), then an agency's Latin initials or name, closing the caption ("图CFP", "图 IC").
_PICTURE_THEN_INITIALS = compiled(r"图[ \u3000]*(?P<agency>[A-Za-z][A-Za-z ]{0,14}[A-Za-z])\s*\Z")

#: Characters that make a clause of the words before a site's name ("他在微博", "我们的微博"): no account's name.
_CLAUSE_CHARACTERS = frozenset("在的了发从于把被和")
#: The words for the picture after an account's post: "李某FB图片".
_PICTURE_WORDS = "图片|相片|照片|截图"
#: The words saying where a picture was copied from (in the simplified form): "（图/翻摄自某某新闻）",
#: "（圖/翻攝某某臉書）", "（擷取自某某社團）", "圖／取自某某臉書".
_COPIED_FROM = "翻摄自|翻摄|撷取自|截取自|截图自|取自"
#: A social site's or a post's word, as Chinese pages write them after the account's name.
_SOCIAL_WORDS = "FB|Facebook|facebook|IG|Instagram|脸书|推特|Twitter|微博|推文|贴文|帖文"
#: An account's post closing the caption (in the simplified form): after a source label, "来源:某某推文"; after
#: the last stop, with a word for the picture, "李某FB图片"; or "(图/翻摄自某某新闻)": the account, or the page the
#: picture was copied from, handed the picture out.
_SOCIAL_POST = compiled(
    f"(?:图片)?来源[:：][ \u3000]*(?P<labelled>[{HAN}A-Za-z·]{{2,12}}?)(?:{_SOCIAL_WORDS})(?:{_PICTURE_WORDS})?"
    f"[ \u3000。.]*\\Z"
    f"|(?:(?<=[。.!！?？\\s])|^)(?P<who>[{HAN}A-Za-z·]{{2,12}}?)(?:{_SOCIAL_WORDS})(?:{_PICTURE_WORDS})"
    f"[ \u3000。.]*\\Z"
    f"|(?:[(（](?:图)?[/／:：]?|图[/／:：])[ \u3000]*(?:{_COPIED_FROM})(?P<copied>[{HAN}A-Za-z0-9·-]{{2,14}}?)"
    f"[)）]?[ \u3000。.]*\\Z")
#: A site alone, named as where a picture was copied from ("（图/取自小红书）", "（撷取自推特）"): it names no one who
#: handed the picture out (an account on it does: "（圖/翻攝台灣某某臉書）").
_PLATFORMS = frozenset({"FB", "Facebook", "facebook", "IG", "Instagram", "脸书", "推特", "Twitter", "微博", "小红书",
                        "抖音", "快手", "YouTube", "社交媒体", "社群媒体", "社交平台", "网络", "网路", "网上",
                        "互联网"})


def _social_post(text: str, plain: str) -> Found | None:
    """The provider of a picture an account posted or a page printed first, closing the caption: "李某FB图片" (李某),
    "来源:某某推文" (某某), "（图/翻摄自某某新闻）" (某某新闻); None otherwise.

    >>> _social_post("李某探访老人。李某FB圖片", "李某探访老人。李某FB图片").credit
    Credit(raw='李某FB圖片', photographer=None, agency=None, provider='李某')
    """
    tail = plain.rstrip(" \u3000。.")
    if not tail.endswith(("图片", "推文", "FB", "）", ")", "截图", "相片", "照片", "贴文", "帖文", "脸书")):
        return None  # (a cheap test first)
    match = _SOCIAL_POST.search(plain, max(0, len(plain) - 40))
    if match is None:
        return None
    group = next(name for name in ("labelled", "who", "copied") if match.group(name))
    who = text[match.start(group):match.end(group)].strip()
    if any(char in _CLAUSE_CHARACTERS for char in simplified(who)):
        return None  # "他在微博照片": a clause, no account's name
    if group == "copied" and (simplified(who) in _PLATFORMS or simplified(who) in ("照片", "图片", "画面")):
        return None  # "（图/取自小红书）": a site alone names no one; "翻摄照片" names nothing
    start = match.start() + (plain[match.start()] in "(（")
    raw = text[start:match.end()].strip(" \u3000。.)）")
    return Found(Credit(raw=raw, provider=who), match.start(), match.end(), "chinese social post")


#: The caption's last bracket holding an outlet or an office (two parts at most, joined by a dot) and, a space
#: after it, the names of its photographers, with no word of taking: "（奎沃网·某某视频 王小明 李小红）",
#: "（某某州宣传部 王小明）".
_OUTLET_THEN_NAMES = compiled(f"[(（](?P<outlet>[{HAN}]{{2,12}}(?:[·•‧・][{HAN}]{{2,8}})?)[ \u3000]+"
                              f"(?P<names>[{HAN}]{{2,3}}(?:[ \u3000、，,]+[{HAN}]{{2,3}}){{0,3}})[)）]\\s*\\Z")


def _offices_named(words: Words) -> tuple[str, ...]:
    """The endings of offices' names of two characters or more (宣传部, 委员会, 政府): a name of a person ends in
    none of them, as it may in one character of the list (处, 局)."""
    return tuple(w for w in words.words("credit.offices") if len(w) >= 2)


def _outlet_then_names_in_brackets(text: str, plain: str, rules: Rules, words: Words) -> Found | None:
    """The credit of a caption whose last bracket holds an outlet or an office, then its photographers' names with no
    word of taking ("（奎沃网·某某视频 王小明 李小红）": the outlet as written, or the one the registry knows; "（某某州
    纪委宣传部 王小明）": the office handed the picture out, its provider). The outlet's part must end as outlets'
    or offices' names end (``credit.bracketed_outlet_endings``, ``credit.offices``) and each name begin with a
    surname; None otherwise."""
    if not plain.rstrip().endswith((")", "）")):
        return None
    found = _OUTLET_THEN_NAMES.search(plain, max(0, len(plain.rstrip()) - 40))
    if found is None:
        return None
    names = _BETWEEN_NAMES.split(found.group("names").strip()) if "、" in found.group("names") or "，" in found.group(
        "names") or "," in found.group("names") else found.group("names").split()
    surnames = words.set("credit.surnames")
    if not all(_a_surname_first(n, surnames) and not _words_not_name(n, words) and not _a_place_alone(n, words)
               and not rules.standard_agency(n) for n in names):
        return None
    parts = [p for p in re.split("[·•‧・]", found.group("outlet")) if p]
    credit = Credit(raw=_unbracketed(text[found.start():found.end()]))
    credit.photographer = text[found.start("names"):found.start("names") + len(names[0])]
    endings = words.words("credit.bracketed_outlet_endings")
    outlets = [p for p in parts if rules.standard_agency(p) or p.endswith(endings)]
    at = found.start("outlet")
    if outlets:  # (in a chain, the last outlet written, as the contract reads "X/China News Service/VCG")
        begin = at + found.group("outlet").rfind(outlets[-1])
        credit.agency = _agency_name(text[begin:begin + len(outlets[-1])], rules, words)
    elif len(parts) == 1 and parts[0].endswith(_offices_named(words)):
        credit.provider = text[at:found.end("outlet")]
    else:
        return None
    return Found(credit, found.start(), found.end(), "chinese outlet_then_names")


def _label_outlet_closing(words: Words) -> re.Pattern:
    """A photographer's label, a mark, then an outlet's name (a brand of two joined by a dot, perhaps) closing the
    caption: "（图/某某县融媒体中心）", "图 | 某某新闻网", "作者:某某日报". Not a source's label alone: the labels read
    "（来源:某某区融媒体中心）" as the provider first, the agency second, and the source shape keeps known outlets."""
    def build() -> re.Pattern:
        labels = "|".join(re.escape(w) for w in words.longest_first("credit.photographer_labels"))
        return compiled(f"(?:^|(?<=[\\s。，,；;（(【■]))(?:{labels})[ \u3000]*[/:：|｜][ \u3000]*"
                        f"(?P<outlet>[{HAN}]{{2,12}}(?:[·•‧・][{HAN}]{{2,12}})?)[ \u3000]*[)）】]?[\\s。.]*\\Z")

    return words.made(("credit", "label_outlet_closing"), build)


def _label_then_unknown_outlet(text: str, plain: str, rules: Rules, words: Words) -> Found | None:
    """The credit of a caption closed by a label and an outlet the registry does not know ("（图/某某县融媒体中心）",
    "图 | 某某新闻网", "作者:某某日报"): the outlet as written, when its name ends as a paper's, a site's, a
    station's or a media centre's (``credit.run_in_outlet_endings``; the source shape keeps only known outlets
    after a label, where other words may follow it, and the label shape only names of a person's length);
    None otherwise."""
    if plain.rstrip(" \t\r\n\u3000。.)）】")[-1:] not in tuple("网报闻台心"):
        return None  # (a cheap test first: the outlet's last character)
    found = _label_outlet_closing(words).search(plain, max(0, len(plain) - 40))
    if found is None:
        return None
    parts = [p for p in re.split("[·•‧・]", found.group("outlet")) if p]
    if found.group("outlet") in _PLATFORMS:
        return None  # "（图源:互联网）": the internet, no outlet
    if not _an_unknown_paper(parts[-1], words) and not (len(parts) > 1 and _an_unknown_paper(parts[0], words)):
        return None
    agency = _agency_name(text[found.start("outlet"):found.end("outlet")], rules, words)
    if not agency:
        return None
    start, end = found.start(), found.end("outlet")  # (a closing bracket left after it, as its opening one before)
    return Found(Credit(raw=text[start:end], agency=agency), start, end, "chinese label_outlet")


def _source_office_before(words: Words) -> re.Pattern:
    """A source label and an office's name (``credit.offices``) right before a photographer's name:
    "来源：某某县委宣传部 王小明 摄"."""
    def build() -> re.Pattern:
        labels = "|".join(re.escape(w) for w in sorted(
            {*words["credit.outlet_source_labels"], *words["credit.source_labels"]}, key=longest_first))
        return compiled(
            f"(?:{labels})\\s*[:：]\\s*([^\\s:：/／()（）]{{1,20}}?(?:{words.any('credit.offices')}))[ \u3000]+\\Z")

    return words.made(("credit", "source_office_before"), build)


def _provided_before(words: Words) -> re.Pattern:
    """Who provided a picture, in brackets right before a reporter's credit ("（嘉义县政府提供） 中央社记者X传真"): a
    body whose name ends as offices' names end (``credit.offices``: 政府, 局), then a word of ``credit.provided``."""
    return words.made(("credit", "provided_before"), lambda: compiled(
        f"[（(]([^（()）\\s]{{1,20}}?(?:{words.any('credit.offices')}))(?:{words.any('credit.provided')})"
        f"[)）]\\s*\\Z"))


#: The stops and brackets the source shape's match may begin with, before its label: no part of the credit (its
#: raw begins at the label, "图源于X县农业局").
_BEFORE_LABEL = "。，,；;（(【"


#: 文 ("text") and what follows it in a writer's credit before the photographer's: the writer_then_photographer
#: shape is tried only on a caption that has one (a search for it costs what the shape's would on every caption).
_WRITER_MARK = compiled(r"文[\s、，,/／]")
#: 文 ("text") right after a byline's name: the reporter wrote the words ("（记者 王小明 文）").
_WRITER_AFTER = compiled(r"[ \u3000]*(?:文|撰文|采写)(?=[\s)）。]|\Z)")
#: "Picture:" opening a caption: the description follows, not a photographer's name ("图：黄山日出").
_DESCRIPTION_LABEL = compiled(r"\s*图\s*[:：]")
#: A mirror's pinyin for the character before it, in brackets: "發(fā)", "區(qū)".
_PINYIN = compiled(f"(?<=[{HAN}])\\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{{1,6}}\\)")


def _story_bylines(plain: str, words: Words) -> list[tuple[int, int]]:
    """Where the story's bylines are: the brackets right after a dateline's last word ("本报讯(记者 任珊)", "中評社西安
    1月31日電（記者 陳思遠）") that hold no word for taking a picture ("云南网讯(通讯员 X 摄影报道)" credits one)."""
    found = []
    for byline in _BYLINE_AFTER_DATELINE.finditer(plain):
        inside = byline.group(1)
        if any(w in inside for w in words["credit.staff"]) and not any(
                w in inside for w in (*words["credit.took"], *words["credit.reported"])):
            found.append(byline.span())
    ends = words.words("places.dateline_ends")
    return [(begin, end) for begin, end in found if plain[:begin].rstrip().endswith(ends)]


#: Brackets of a few words (a byline's role and names).
_BYLINE_AFTER_DATELINE = compiled(r"[(（]([^()（）\n]{2,30})[)）]")


#: The citation of a paper's issue that ends a caption reposted from it: "( 人民日报2020年10月27日1版)",
#: "《 人民日报海外版 》( 2023年06月21日 第 06 版)".
_PAPER_ISSUE = compiled(
    f"[(（]?\\s*《?\\s*(?P<paper>[{HAN}]{{2,12}}?)\\s*》?\\s*[(（]?\\s*\\d{{4}}\\s*年\\s*\\d{{1,2}}\\s*月\\s*\\d{{1,2}}\\s*日"
    f"\\s*(?:第\\s*)?\\d{{1,3}}\\s*版\\s*[)）]\\s*\\Z")


def source_outlet(text: str, plain: str, rules: Rules, words: Words) -> str | None:
    """The outlet a label names as the caption's source ("（出处:中国社会科学报 本报记者 王小明/摄）"): its standard
    name, else as written when the name ends as outlets' names end (日报, 网); None when no label names one. The
    outlet of a credit that names none ("本报记者", this paper: the one the label names)."""
    if not any(label in plain for label in words["credit.outlet_source_labels"]):
        return None
    made = words.made(("credit", "source_outlet"), lambda: compiled(
        f"(?:{words.any('credit.outlet_source_labels')})\\s*[:：]\\s*([\u4e00-\u9fff]{{2,12}}?"
        f"(?:{words.any('credit.outlet_endings')}))(?=[\\s)）/／,，。]|\\Z)"))
    found = made.search(plain)
    if found is None or found.group(1) in words.set("credit.this_paper"):
        return None
    written = text[found.start(1):found.end(1)]
    return rules.standard_agency(found.group(1)) or rules.standard_agency(written) or written


def dateline_outlet(plain: str, rules: Rules, words: Words) -> str | None:
    """The standard name of the outlet whose dateline opens the caption ("人民网北京10月14日电", "央广网沙洋9月22日
    消息"), or None: the outlet that filed the story, and so the agency of a credit that names none."""
    from catalog.captions.chinese_places import wire_dateline

    opening = wire_dateline(words).match(plain)
    if opening is None:
        return None
    head = opening.group(1)
    for cut in range(len(head) - 2, 1, -1):  # the longest outlet first: "新华网" before "新华"
        standard = rules.standard_agency(head[:cut])
        if standard:
            return standard
    return None


def _ends(plain: str, at: int) -> bool:
    """Whether nothing but spaces, stops, closing brackets, short notes in brackets ("（无人机照片）", "（局部）")
    and the picture's date stamp ("...记者X摄 110年2月26日") follow `at`: a credit there ends the caption."""
    rest = _NOTE.sub("", plain[at:]).strip(_CREDIT_TAIL)
    return not rest or (plain[at:at + 1].isspace() and _STAMP.fullmatch(rest) is not None)


#: A whole date alone after a credit, as a wire stamps it on its picture: "110年2月26日" (Taiwan's calendar),
#: "2019年5月1日", "2019/05/12", "113/3/14".
_STAMP = compiled(r"(?:\d{2,4}年\d{1,2}月\d{1,2}日|\d{4}[./-]\d{1,2}[./-]\d{1,2}|1[01]\d/\d{1,2}/\d{1,2})")


#: A closing bracket, spaces before it.
_CLOSING = compiled(r"\s*[)）]")
#: A short note in brackets after a credit: "（无人机照片）", "（局部）", "(资料图片)".
_NOTE = compiled(r"[（(][^（()）]{1,8}[)）]")
#: The most characters a credit that ends the caption runs to.
_LONGEST_CREDIT = 60
#: The most characters an agency written alone at the end runs to (the "agency_alone" shape: 21 and spaces).
_LONGEST_ALONE = 24

#: The shapes whose match holds a word of credit.staff at most this many characters after its start (an outlet's
#: name of up to 14 characters, then 记者: "staff", "byline_end"). No match of one starts farther than that before
#: the first such word, so _credit_of_shapes starts them there: the same matches, without trying the outlet's
#: name at every character of a caption that names its reporter at the end.
_ROLE_WITHIN = {"staff": 14, "byline_end": 14}
#: The most characters an outlet and its posting abroad run past those 14 ("長城國際傳播中心駐加拿大萬錦市").
_LONGER_POSTED = 8
#: What may follow a credit that ends the caption: spaces, a full stop, closing brackets.
_CREDIT_TAIL = " \t\r\n\u3000。.)）]】"


def _office_picture(written: str, words: Words) -> str | None:
    """The office in "X图片" when X is a government office's name (政府新闻处, 警察局, 卫生署), as written; else None:
    an office hands out its pictures, it is no outlet."""
    plain = simplified(written.strip())
    if not plain.endswith(_PICTURE) or not plain[:-len(_PICTURE)].endswith(words.words("credit.offices")):
        return None
    return written.strip()[:-len(_PICTURE)]


def _an_office_alone(written: str, words: Words) -> bool:
    """Whether a name of two or three characters alone in brackets is an office's (宣传部, 新闻处): it ends with a word
    of ``credit.offices`` longer than one character, or is three characters ending with a one-character office
    word (a person's name of three characters ends in 局 or 署 too rarely to tell; of two, 王局 is a title)."""
    plain = simplified(written).strip()
    ending = next((w for w in words.longest_first("credit.offices") if plain.endswith(w)), None)
    return ending is not None and (len(ending) > 1 or len(plain) == 3)


def _latin_run_after_source(text: str, cut: int, written: str) -> str | None:
    """The whole of a name in Latin letters ("Associated Press") of which a source label's shape read
    the first word alone (it stops at a space), when capitalised words alone follow it to the line's end or a
    closing bracket; else None."""
    first = written.strip()
    if not _ONE_LATIN_NAME.fullmatch(first):
        return None
    more = _LATIN_NAME_REST.match(text, cut)
    return first + more.group() if more is not None else None


#: The rest of a name in Latin letters after its first word (" Tan", " Yut Shing", " Press"), to the line's end or a
#: bracket.
_LATIN_NAME_REST = compiled(r"(?: [A-Z][a-z]+(?:-[A-Z]?[a-z]+)?){1,3}(?=[ \t]*(?:$|[)）\n]))", re.MULTILINE)


#: "A picture" after a name in brackets ("（政府新闻处图片）").
_PICTURE = "图片"


#: Numerals and 起 ("from"): who is where in the picture ("（左一）", "（右起）"), not a name.
_COUNTED = compiled("[一二三四五六七八九十两起0-9]")


def _sent_before(plain: str, at: int, rules: Rules, patterns: dict) -> tuple[str, int, bool] | None:
    """A known agency and its word for sending written right before `at` ("央广网发 滨海新区供图", "新华社发(某某州政府
    供图)"), as (standard name, where its name starts, whether an opening bracket stands between); the longest known
    name that ends the words before 发."""
    found = patterns["sent_before"].search(plain, max(0, at - 24), at)
    if found is None:
        return None
    for begin in range(found.start("agency"), found.end("agency") - 1):
        standard = rules.standard_agency(plain[begin:found.end("agency")])
        if standard:
            return standard, begin, found.group("open") is not None
    return None


def _sent_by_an_agency(written: str, rules: Rules, words: Words) -> str | None:
    """The agency's standard name when a credit's "name" is an agency and its word for sending (新华社发), else
    None."""
    plain = simplified(written).strip()
    sent = next((word for word in words.longest_first("credit.sent") if plain.endswith(word)), None)
    if not sent or len(plain) <= len(sent):
        return None
    standard = rules.standard_agency(plain[: -len(sent)].strip())
    if standard is None and _an_unknown_outlet_sending(plain[: -len(sent)].strip(), words):
        return written.strip()[: -len(sent)].strip()  # "（某某新闻网发）": an outlet the registry lacks, as written
    return standard


def _an_unknown_outlet_sending(plain: str, words: Words) -> bool:
    """Whether the words before 发 are an outlet's name the registry does not know: three characters or more
    ending as an outlet's name in brackets ends (某某日报, 某某新闻网, 某某县融媒体中心,
    ``credit.bracketed_outlet_endings``), with no word that names no one and no place alone."""
    return len(plain) >= 3 and plain.endswith(words.words("credit.bracketed_outlet_endings")) and not (
        _words_not_name(plain, words)) and not _a_place_alone(plain, words)


def _a_releasing_body(written: str, rules: Rules, words: Words) -> bool:
    """Whether the name before "发布的这张照片" is a body that hands out pictures: one the agency registry knows
    (an agency, a space agency, a government), or a name ending as offices' and outlets' names end (朝鲜中央通讯社,
    美国国家航空航天局)."""
    from catalog.agencies import agency

    plain = simplified(written)
    if plain.startswith(("当地", *words.words("places.determiners"))):
        return False  # "当地政府发布的图片", "该局发布的": a body referred to, not named
    return len(plain) >= 2 and (agency(plain) is not None or agency(written) is not None or plain.endswith(
        words.words("credit.offices")) or plain.endswith(words.words("credit.outlet_endings")))


def _a_person_alone(written: str, rules: Rules, words: Words) -> bool:
    """Whether a name written alone in brackets at the end ("（郑子颜）") is a person's: it starts with a surname,
    and is no outlet, place, day (周一), position in the picture (左一) or word of the credit lists."""
    from catalog.captions.chinese_chain import cjk_population

    plain = simplified(written)
    places = words.lists["places"]
    listed = words.set("dates.named_days") | words.set("credit.notes") | words.set("credit.not_names")
    return plain[:1] in words.set("credit.surnames") and not _COUNTED.search(plain) and not (
        plain in listed or plain in places["provinces"] or plain in places["municipalities"]
        or rules.standard_agency(plain) or _outlet_named(written, rules, words) or cjk_population(plain)
        or plain.endswith(_offices_named(words)))  # ("（宣传部）": an office that handed the picture out)


def _a_name_closing(written: str, plain: str, rules: Rules, words: Words, patterns: Patterns) -> bool:
    """Whether a name alone closing the caption (_NAME_CLOSING) is a person's: one _a_person_alone takes, no words
    (_words_not_name), no unit (云林县) and no venue (高铁站, by its venue word; 王府井, by the venue register), no
    word in foreign sounds (马拉松: two characters of three those of places.transliteration), and named nowhere else
    in the caption (a name the prose names too is its subject)."""
    from catalog.venues import register_for

    name = simplified(written)
    return _a_person_alone(written, rules, words) and not _words_not_name(written, words) and not (
        patterns["venue_end"].search(name) or patterns["units"].fullmatch(name)) and register_for(
        rules).venue(name) is None and sum(
        ch in words.set("places.transliteration") for ch in name) < 2 and plain.count(name) == 1


def _words_not_name(written: str, words: Words) -> bool:
    """Whether a credit's "name" is words rather than a person: it holds a word no name holds ("翻摄画面"), or
    it begins with a character that begins words (在, 向, 于: "记者在拍摄") and that is no surname of
    ``credit.surnames`` (向君玲, 于洋, 和苗 are people), or it holds a role (记者). The lists are data
    (``chinese.toml``)."""
    plain = simplified(written)
    if words.pattern("credit.not_names").search(plain) or words.pattern("credit.staff").search(plain):
        return True  # (and a role: "记者和通讯员摄" names no one, 记者 is no name)
    return plain[:1] in words.set("credit.not_name_first") and plain[:1] not in words.set("credit.surnames")


def _without_took(name: str, words: Words) -> str:
    """A name after a label without the word of taking run into its end ("图／李小明攝": 李小明), when two characters
    or more are left (a name of two characters ending in 摄 is no name's)."""
    plain = simplified(name).rstrip()
    took = next((w for w in ("摄影", "摄") if plain.endswith(w)), None)
    if took is None or len(plain) - len(took) < 2:
        return name
    return name.rstrip()[: len(plain) - len(took)].rstrip()


def _credit_of_shapes(text: str, plain: str, rules: Rules, words: Words, patterns: Patterns,
                      shapes: Sequence[str], begin: int, unknown: bool, ending: bool) -> Found | None:
    """The credit of the first shape that matches (its last match), only among matches that end the caption
    when `ending`."""
    first_role: int | None = None
    for name in shapes:
        if not patterns.could_match(name, plain):
            continue  # the text lacks what every match of the shape holds (摄, 由, a bracket): no scan
        at = max(begin, len(plain.rstrip()) - _LONGEST_ALONE) if name == "agency_alone" else begin
        if name in _ROLE_WITHIN:
            if first_role is None:
                role = words.pattern("credit.staff").search(plain, begin)
                first_role = role.start() if role is not None else len(plain)
            at = max(at, first_role - _ROLE_WITHIN[name])
        every = list(patterns[name].finditer(plain, at))
        matches = [m for m in every if not ending or _ends(plain, m.end())]
        if not matches:
            continue
        match = matches[-1]
        if name in ("byline", "byline_end") and _WRITER_AFTER.match(plain, match.end()):
            continue  # "（记者 王小明 文）": the reporter wrote the text; the picture is not theirs
        if name == "byline":  # "记者 冯树风 通讯员 李勇": bylines written one after another, the first named
            before = every[:every.index(match)]
            while before and not plain[before[-1].end():match.start() + 1].strip():
                match = before.pop()
        groups = match.groupdict()
        start = match.start("agency") if groups.get("agency") and name in (
            "staff", "sent_name", "sent_brackets", "agency_sent", "byline", "byline_end") else match.start()
        start = match.start(next((g for g in ("first", "agency", "provider", "name") if groups.get(g)), 0)) \
            if name in ("byline", "byline_end", "source", "provided", "two_agencies", "titled") else start
        end = match.end()
        credit = Credit(raw=_unbracketed(text[start:end]))
        agency_written = text[match.start("agency"):match.end("agency")] if groups.get("agency") else None
        if name == "staff" and agency_written and len(agency_written) >= _ROLE_WITHIN["staff"] and any(
                w in simplified(agency_written) for w in words.words("credit.stationed")):
            # "長城國際傳播中心駐加拿大萬錦市報道員 X 攝": an outlet and its posting run past the 14 characters the
            # shape reads; the outlet's name begins at the run's start
            while start > 0 and start > match.start("agency") - _LONGER_POSTED and han_char().match(text, start - 1):
                start -= 1
            agency_written = text[start:match.end("agency")]
            credit.raw = _unbracketed(text[start:end])
        if name == "released_by":
            provider = text[match.start("provider"):match.end("provider")].strip()
            if not _a_releasing_body(provider, rules, words):
                continue  # "...游客在此发布的照片": whoever posted it is no body handing out pictures
            credit.provider = provider
        elif name == "provided_label":
            group = "provider" if groups.get("provider") else "before"
            provider = text[match.start(group):match.end(group)].strip()
            if simplified(provider) in words.set("credit.pictures") or (_words_not_name(provider, words) and (
                    simplified(provider) not in words.set("credit.interviewee"))):
                continue  # "图片提供" names no one
            credit.provider = provider  # (the credit's raw and start are the match's: the label is in it)
            _an_outlet_provides(credit, rules)
        elif name in ("provided", "provided_by"):
            provider = text[match.start("provider"):match.end("provider")].strip()
            if simplified(provider) in words.set("credit.pictures"):
                continue  # "图片提供：X": the label, the provider after it
            if name == "provided" and plain[end - 2:end] == "提供" and not _AFTER_PROVIDED.match(plain, end):
                continue  # "志愿者为游客提供咨询服务": 提供 of the prose, something else than the picture provided
            lead = _PROVIDED_LEAD.match(provider)
            if lead is not None and lead.end() and name == "provided":  # "这张由X提供的照片": the words before the
                start += lead.end()  # provider are no part of the credit
                credit.raw = _unbracketed(text[start:end])
            provider = provider[lead.end():] if lead is not None else provider  # "图片由X提供", "这张由X提供的照片"
            provider = _the_person_described(_person_after_a_role(provider, words), rules, words)
            if not provider or _written_length(provider) > (30 if name == "provided_by" else 12):
                continue
            credit.provider = provider
            sender_at = _sent_before(plain, start, rules, patterns)
            if sender_at is not None:  # "（央广网发 滨海新区供图）": the outlet sent a picture someone provided
                credit.agency, start, opened = sender_at
                closing = _CLOSING.match(plain, end) if opened else None
                if closing is not None:  # "新华社发(某某州政府供图)": the bracket after 发 holds the provider
                    end = closing.end()
                credit.raw = _unbracketed(text[start:end])
            _an_outlet_provides(credit, rules)
        else:
            if name in ("source", "two_agencies") and agency_written and re.match(
                    _COPIED_FROM, simplified(agency_written).lstrip()):
                continue  # "圖／取自某某臉書": the page it was copied from (_social_post), no outlet
            sender = _sent_by_an_agency(agency_written, rules, words) if agency_written and name in (
                "outlet_brackets", "source") else None
            if sender and agency_written:  # "（新华社发）", "图片来源：新华社发": the agency that sent it
                last_words = simplified(agency_written).rstrip()
                sent = next(w for w in words.longest_first("credit.sent") if last_words.endswith(w))
                agency_written = agency_written.rstrip()[: -len(sent)]
            credit.agency = _agency_name(agency_written, rules, words)
            brand = next((role for role in words.words("credit.brand_roles") if plain.startswith(
                role, match.end("agency"))), None) if credit.agency is None and agency_written else None
            if brand and agency_written and _a_place_or_short_paper(simplified(agency_written.strip()), words):
                credit.agency = agency_written.strip() + brand.removesuffix("记者")  # "丽江融媒记者": the media
                # centre's brand, its place and 融媒, read whole (the role's first word is the brand's last)
            latin = _latin_person_at(plain, match.start("agency")) if name == "source" and agency_written else None
            if latin is not None:  # "圖片來源:Andrew Quorv": a person's full name in Latin letters, no outlet
                credit.agency, credit.photographer, end = None, text[latin.start():latin.end()], latin.end()
                credit.raw = _unbracketed(text[start:end])
            if name == "outlet_name":
                split = _outlet_then_name(plain[match.start("name"):match.end("name")], rules, words)
                if split is None:
                    continue  # no outlet the registry knows, then a name
                credit.agency, length = split
                if credit.agency == plain[match.start("name"):match.end("name") - length]:
                    credit.agency = text[match.start("name"):match.end("name") - length]  # (as written)
                credit.photographer = text[match.end("name") - length:match.end("name")]
            elif name == "filed_from":
                person = _name_before_place(plain[match.start("name"):match.end("name")], words)
                if person is None or (not groups.get("role") and plain[match.start() - 1:match.start()] not in "(（"):
                    continue  # the name and a city the gazetteer knows, after a role or in brackets
                credit.photographer = text[match.start("name"):match.start("name") + len(person)]
                after = _OUTLET_NOTE.match(plain, match.end())
                if not credit.agency and after is not None:  # "(潘柏林吉隆坡傳真)(蘋果日報)": the outlet after it
                    credit.agency = rules.standard_agency(after.group(1))
            elif name not in ("source", "two_agencies", "agency_sent") and groups.get("name"):
                listed = text[match.start("name"):match.end("name")]
                written = _first_name(listed, words, bare=name == "name_took")
                outlet_first = _outlet_before(text, plain, match.start("name"), rules, words) if written and (
                    listed.strip() == written and _PERSON.fullmatch(written) and rules.standard_agency(
                        simplified(written)) and _a_surname_first(written, words.set("credit.surnames"))) else None
                chain = _latin_chain(listed, rules) if name == "photographer_label" else None
                if chain is not None:
                    # "攝影師:KCNA via REUTERS", "攝影:Ana Ruiz/AFP": a credit chain in Latin letters after the label
                    # reads as an English credit does (who took it, who sent it), never whole as a person's name
                    credit.photographer, credit.agency, credit.provider = (
                        chain.photographer, chain.agency, chain.provider)
                elif outlet_first is not None:
                    # "新华网 彭博 摄": a name the registry knows as an agency's (彭博, Bloomberg) after a known outlet
                    # and a space is the outlet's photographer, as any name there is
                    credit.agency, start = outlet_first
                    credit.photographer = written
                    credit.raw = _unbracketed(text[start:end])
                elif written and rules.standard_agency(simplified(written)):
                    credit.agency = credit.agency or rules.standard_agency(simplified(written))  # (中央社摄)
                    rest = listed.strip()[len(written):]  # "新华网 王小明 摄": the outlet, then the photographer
                    credit.photographer = _first_name(rest, words) if rest[:1].isspace() else None
                elif written and (sender := _sent_by_an_agency(written, rules, words)):
                    credit.agency = credit.agency or sender  # "图/新华社发"
                elif name == "name_took" and written and (paper := _paper_then_names(listed, words)):
                    credit.agency, credit.photographer = paper  # "扬州日报 凌小兵 冒小异 摄": a paper the
                    # registry does not know, as written, then its photographers
                    start = match.start("name") + listed.find(paper[0])
                    credit.raw = _unbracketed(text[start:match.end()])
                else:
                    credit.photographer = written
                    skipped = listed.find(written) if name == "name_took" and written else 0
                    if skipped > 0 and listed[:skipped].strip():  # "罍街夜市 蒋新军摄": the caption's words
                        start = match.start("name") + skipped  # before the name are no part of the credit
                        credit.raw = _unbracketed(text[start:match.end()])
                if name == "photographer_label" and credit.photographer and not groups.get("agency"):
                    credit.photographer = _without_took(credit.photographer, words)
                if name == "photographer_label" and credit.photographer and not credit.agency and (
                        _a_papers_name(credit.photographer, words)) and not _words_not_name(credit.photographer, words):
                    # "（图：星洲日报）": a paper's name after the label, its picture; no person
                    credit.agency, credit.photographer = _agency_name(credit.photographer, rules, words), None
            if name == "staff" and 4 <= len(credit.photographer or "") <= 5 and not plain[
                    match.start("name") - 1:match.end("name") + 1].count(" ") and (
                    filed := _name_before_place(simplified(credit.photographer or ""), words)) and (
                    filed not in words.set("credit.surnames")):
                # "中央社記者王某花蓮攝": a correspondent's name run into the place filed from (no space around it),
                # as the filed_from shape reads it after a longer name
                credit.photographer = (credit.photographer or "")[:len(filed)]
            if name == "staff" and len(simplified(credit.photographer or "")) == 5 and not _transliterated_name(
                    credit.photographer or "", words):
                continue  # "记者巴特奎古楞摄": a name of five characters is a transliterated one (Mongolian, Tibetan),
                # most of its characters those of foreign sounds; other words of five are no name
            if name == "name_latin_agency" and (not rules.standard_agency(agency_written or "") or _a_place_alone(
                    simplified(credit.photographer or ""), words)):
                continue  # "(王小明ABC)": Latin letters the registry knows as no agency; "(北京IC)": a place's picture
            if name == "brackets" and groups.get("slash") and agency_written and "《" not in agency_written and not (
                    _outlet_named(agency_written.strip(), rules, words)):
                continue  # "(图/王小明 摄)", "(文/李红 王小明 摄)": a label before the slash, no outlet
            joined = _JOINED.fullmatch(agency_written.strip()) if agency_written else None
            if name == "brackets" and agency_written and credit.agency == agency_written.strip(" ·") and (
                    _PERSON.fullmatch(agency_written.strip()) or joined) and not simplified(
                    agency_written.strip()).endswith(words.words("credit.outlet_endings")):
                # (not "（中评社 王小明摄）")
                # "(胡建华 祁宗珠 摄)", "（王小明与李小强 摄）": two people, the first named
                credit.agency, credit.photographer = None, joined.group(1) if joined else agency_written.strip()
            if credit.photographer and simplified(credit.photographer).endswith(words.words("credit.contributors")):
                credit.provider, credit.photographer = credit.photographer, None  # "攝影:本報讀者": a reader's
            if credit.photographer and _words_not_name(credit.photographer, words):
                continue  # "记者在拍摄", "图／翻摄画面": words, not a name
            if name in _LABELLED_SHAPES and credit.photographer and (
                    not _DOTTED.search(credit.photographer)) and not (
                    _a_surname_first(credit.photographer, words.set("credit.surnames"))):
                continue  # "(摄影:朴峰)..." names a person; a caption's words after a label do not begin so
            if name == "name_brackets" and credit.photographer and _an_office_alone(credit.photographer, words):
                credit.provider, credit.photographer = credit.photographer.strip(), None
                # "（宣传部）": an office in brackets at the end handed the picture out; no person
            if name == "name_took_inline" and len(simplified(credit.photographer or "")) == 4:
                if not _transliterated_name(credit.photographer or "", words):
                    continue  # "...散步。王小明 摄 当日": four characters are a name only when transliterated
            elif name in ("name_brackets", "name_took_inline") and credit.photographer and not credit.agency and (
                    not _a_person_alone(credit.photographer or "", rules, words)):
                continue  # "（北京）", "（央视）": a place or an outlet in brackets, no person
            if name == "brackets_name_outlet" and agency_written and (simplified(agency_written).strip() in (
                    words.set("credit.notes") | words.set("credit.file_photo")) or not _outlet_named(
                    agency_written.strip(), rules, words)):
                credit.agency = None  # "（王小明 摄/无人机照片）": a note after the slash, no outlet
            if name == "name_then_agency" and agency_written and credit.agency == agency_written.strip(" ·") and (
                    simplified(agency_written).strip() in words.set("credit.notes")):
                credit.agency = None  # "王小明 摄（无人机照片）": a note in brackets, not an outlet
            if name == "photographer_label" and not plain[:match.start()].strip() and _DESCRIPTION_LABEL.match(
                    plain, match.start()):
                continue  # "图：黄山日出⏎...": "picture:" opening the caption introduces its description
            if name == "photographer_label" and plain[max(0, match.start() - 4):match.start()].rstrip(
                    " \u3000").endswith(words.words("credit.video_words")):
                continue  # "视频拍摄:X": the label names who filmed the video, not who took the picture
            if name == "photographer_label" and credit.agency and simplified(
                    plain[match.start("name"):match.end("name")]).rstrip().endswith(words.words("credit.text_labels")):
                credit.agency = None  # "摄影/王小明 编辑/李小红": after the slash, the editor's name, no outlet
            if name == "photographer_label" and groups.get("desk") and not credit.agency:
                desk = simplified(plain[match.start("desk"):match.end("desk")]).strip()
                credit.agency = rules.standard_agency(desk) or _outlet_and_desk(desk, rules, words)
                # ("摄影:楚天都市报记者姚岗": a known outlet, else none: its desk's brand is no outlet's name)
            if name == "photographer_label" and groups.get("outlet") and not credit.agency:
                bracketed = text[match.start("outlet"):match.end("outlet")].strip()
                credit.agency = rules.standard_agency(bracketed) or rules.standard_agency(simplified(bracketed))
                bureau = _outlet_of_its_bureau(simplified(bracketed), words) if not credit.agency else None
                if bureau:  # ("摄影:王小明（某某日报甘肃记者站）": the outlet's bureau, the outlet named before it)
                    credit.agency = _agency_name(bracketed[:bureau], rules, words)
                # ("摄影：王小鹏（新华社）": a known outlet in brackets after the name; a note is none)
            if name == "two_agencies" and plain[match.end() - 1:match.end()] in ")）]］" and not (
                    plain[match.start() - 1:match.start()] in "(（[［" and (rules.standard_agency(
                        simplified(plain[match.start("first"):match.end("first")]).strip()) or _name_then_agency(
                        plain[match.start("first"):match.end("first")].strip(),
                        plain[match.start("agency"):match.end("agency")].strip(), rules, words))):
                continue  # "(大纪元/李小丹)", "(王小明/视觉中国)": in brackets, a known outlet opens them or a person's
                # name then a known agency ("(圖/翻攝自X)" is a label's)
            if name == "two_agencies" and simplified(agency_written or "").strip() in (
                    words.set("credit.photographer_labels") | words.set("credit.text_labels")):
                continue  # "IC photo/图": the label that says who took it, no second outlet ("X/文": who wrote)
            if name == "two_agencies" and simplified(plain[match.start("first"):match.end("first")]).strip().endswith(
                    words.words("credit.text_labels")):
                continue  # "文/李小红": who wrote the text, no outlet and no photographer
            if name == "two_agencies" and credit.agency and groups.get("first"):
                first = text[match.start("first"):match.end("first")].strip()
                took = next((w for w in words.longest_first("credit.took") if simplified(first).endswith(w)), "")
                if took and len(first) > len(took) + 1:
                    first = first[: len(first) - len(took)].rstrip(" /／")  # "王小斌摄/光明图片": the name before 摄
                second = text[match.start("agency"):match.end("agency")].strip()
                if _HAN_THEN_LATIN_PERSON.fullmatch(f"{first}/{second}") and not rules.standard_agency(second) and (
                        looks_like_person(second)):
                    # "某某署/Ana Ruiz": an outlet or a body in Chinese, then its photographer's full name in Latin
                    # letters (no agency's and no Chinese person's name is so written after a Chinese one)
                    credit.agency, credit.photographer = _agency_name(first, rules, words), second
                elif not rules.standard_agency(simplified(first)) and _PERSON.fullmatch(first) and not (
                        _outlet_named(first, rules, words)):
                    credit.photographer = first  # "赵军/视觉中国": the photographer, then the agency
                elif " " in first and first.isascii() and not rules.standard_agency(first) and looks_like_person(first):
                    credit.photographer = first  # "Sergey Petrov/俄新社": a name in Latin letters, then the agency
                elif (_outlet_named(first, rules, words) or _LATIN_INITIALS.fullmatch(first) or (
                        _LATIN_OUTLET.fullmatch(first) and words.pattern("credit.took").search(
                            simplified(plain[match.end("agency"):match.end()])))) and not (
                        rules.standard_agency(simplified(second))) and (
                        _PERSON.fullmatch(second) and simplified(second)[:1] in words.set("credit.surnames")):
                    # "光明图片/王小鹏": the outlet, then the photographer ("星洲日报/王小明摄": 摄 run into the name).
                    # An outlet the registry lacks, in Latin letters: by its initials in capitals ("QPAPHOTO/王小明
                    # 摄"), or any word of them when 摄 after the name says the person took it ("Cicphoto/冉小川 摄")
                    credit.agency, credit.photographer = _agency_name(first, rules, words), _without_took(
                        second, words)
                elif _LATIN_WORD.fullmatch(first) and not rules.standard_agency(first) and (rules.standard_agency(
                        simplified(second)) or _outlet_named(second, rules, words)):
                    given = _LATIN_GIVEN.search(text, max(0, match.start("first") - 40), match.start("first"))
                    if given is not None:  # "图片来源:Ivan Petrov/塔斯社": a foreign photographer's full name,
                        credit.photographer = given.group() + first  # which the shape cut at its space
                        start = given.start()
                        credit.raw = _unbracketed(text[start:end])
            if name == "outlet_label" and agency_written and not rules.standard_agency(simplified(agency_written)):
                written = agency_written.strip()
                credit.agency = None
                if _PERSON.fullmatch(written) and simplified(written)[:1] in words.set("credit.surnames") and not (
                        _outlet_named(written, rules, words)):
                    credit.photographer = written  # "王小明/图": a person, then the label
                else:
                    continue  # "...发展/图": no outlet the registry knows, nor a person
            if name == "outlet_brackets" and agency_written and not rules.standard_agency(
                    simplified(agency_written).strip()):
                known = _AGENCYS_PICTURE.fullmatch(simplified(agency_written or "").strip())
                if known is not None and rules.standard_agency(known.group(1)):
                    credit.agency = rules.standard_agency(known.group(1))  # "(美聯社照片)": the agency's picture
                    agency_written = agency_written.strip()[:len(known.group(1))]
            if name in ("source", "two_agencies", "agency_sent", "outlet_brackets") and credit.agency is None and (
                    credit.provider is None) and not credit.photographer:
                continue
            if name == "outlet_brackets" and words.pattern("credit.provided").search(simplified(agency_written or "")):
                continue  # "（主办单位提供图片）": who provided the picture, no outlet
            if name == "outlet_brackets" and simplified(agency_written or "").strip() in (
                    words.set("credit.notes") | words.set("credit.file_photo")):
                continue  # "（资料图片）": a note about the picture alone in brackets, no outlet
            office = _office_picture(agency_written or "", words)
            if name == "outlet_brackets" and office and not rules.standard_agency(simplified(agency_written or "")):
                credit.agency, credit.provider = None, office  # "（政府新闻处图片）": the office handed it out
            if name in ("agency_alone", "outlet_staff") and not (agency_written and (rules.standard_agency(
                    agency_written.strip()) or rules.standard_agency(simplified(agency_written).strip()))):
                continue  # a caption's last words are an agency only when the registry knows them
            if name == "source" and agency_written and simplified(agency_written) in words.set("credit.interviewee"):
                credit.agency, credit.provider = None, agency_written  # "（图片来源：受访者）"
            elif name == "source" and agency_written and len(agency_written.strip()) > 2 and not (
                    rules.standard_agency(simplified(agency_written).strip())) and (
                    simplified(agency_written).strip().endswith(words.words("credit.offices"))):
                # "（图源于花垣县农业局）": the office handed the picture out, no outlet
                credit.agency, credit.provider = None, agency_written.strip()
                start = match.start() + (plain[match.start()] in _BEFORE_LABEL or plain[match.start()].isspace())
                credit.raw = _unbracketed(text[start:match.end()])
            elif name == "source" and _DOMAIN.fullmatch((agency_written or "").strip()):
                credit.agency = _domain_agency((agency_written or "").strip(), rules)
                if credit.agency is None:
                    continue  # "来源: img.example.com": a web address the registry knows as no outlet's
            elif name in ("source", "name_over_outlet", "outlet_brackets") and not (
                    agency_written and rules.standard_agency(simplified(agency_written))) and not (
                    name == "source" and credit.agency and rules.standard_agency(credit.agency)) and not (
                    name == "outlet_brackets" and (groups.get("role") or simplified(agency_written or "").endswith(
                        words.words("credit.outlet_endings")))) and not (
                    name == "source" and _LATIN_OUTLET.fullmatch((agency_written or "").strip()) and not (
                        _ONE_LATIN_NAME.fullmatch((agency_written or "").strip())
                        and _PICTURE_LABEL_ALONE.search(plain, match.start(), match.end()))):
                # ("HK01记者摄", "立场新闻": an outlet; "（图片来源:9NEWS）": a name in Latin letters after a source
                # label is an outlet's, as written, where Chinese words after it may be prose)
                continue  # "图/..." naming something that is no known outlet
        whole = _latin_run_after_source(text, match.end("agency"), agency_written) if (
            name == "source" and agency_written and credit.photographer is None) else None
        if whole and rules.standard_agency(whole):
            # "圖片來源:Associated Press": the outlet's whole name (a person's is read above, _latin_person_at)
            credit.agency = rules.standard_agency(whole)
            credit.raw = _unbracketed(text[start:match.start("agency") + len(whole)])
        if name in ("source", "two_agencies", "agency_sent", "outlet_brackets") and credit.photographer is None:
            head = match.start() + (name != "outlet_brackets" and plain[match.start()] in "（(")
            before = patterns["name_took_tail"].search(plain, max(0, head - 24), head) or patterns[
                "label_name_tail"].search(plain, max(0, head - 24), head)  # "摄影：王小鹏（新华社）"
            if before is not None:  # "周凯威 摄(图片来源:中国军网)", "袁小国摄 新华网发": the photographer first
                credit.photographer = _first_name(text[before.start("name"):before.end("name")], words)
                start = before.start()
                credit.raw = _unbracketed(text[start:match.end()])
        if name == "photographer_label" and credit.photographer is None and credit.agency:
            named = _NAME_BEFORE_LABEL.search(plain, max(0, start - 8), start)
            if named is not None and simplified(named.group(1))[:1] in words.set("credit.surnames"):
                # "王小明 摄 / 新华社": the photographer's name, then the label and the agency
                credit.photographer = text[named.start(1):named.end(1)]
                start = named.start(1)
                credit.raw = _unbracketed(text[start:match.end()])
        if unknown:
            credit.photographer = None
        if not (credit.photographer or credit.agency or credit.provider):
            continue
        if credit.photographer and not credit.agency:
            outlet = _outlet_before(text, plain, start, rules, words)
            if outlet is not None:  # "中国青年报 李隽辉/摄": the outlet written before the name
                credit.agency, start = outlet
                credit.raw = _unbracketed(text[start:match.end()])
            elif name in ("name_took", "staff") and (
                    unknown_outlet := _paper_before(text, plain, start, words)) is not None:
                credit.agency, start = unknown_outlet  # "。中国某某网 王小明 摄": an outlet the registry does not
                credit.raw = _unbracketed(text[start:match.end()])  # know, named as outlets are, before the name
                # (or before its reporter's role: "。某某日报 记者 王小明 摄")
            else:
                credit.agency = rules.staff_agency(credit.photographer)
        if credit.photographer and not credit.agency and not credit.provider and start > 0:
            handing = _source_office_before(words).search(plain, max(0, start - 30), start)
            if handing is not None:  # "（来源：某某县委宣传部 王小明 摄）": the office handed the picture out
                credit.provider = text[handing.start(1):handing.end(1)]
                start = handing.start()
                credit.raw = _unbracketed(text[start:match.end()])
        if credit.raw and start > 0 and credit.raw[-1] in _ENCLOSING.get(text[start - 1], "") and not any(
                mark in credit.raw for mark in _ENCLOSING):
            # "（圖：王小明）": the credit took its closing bracket, its opening one was left before it
            start -= 1
            credit.raw = credit.raw[:-1].rstrip()
        if credit.agency and not credit.provider and name in ("staff", "byline", "byline_end") and (
                ")" in plain[max(0, start - 4):start] or "）" in plain[max(0, start - 4):start]):
            handed = _provided_before(words).search(plain, max(0, start - 40), start)
            if handed is not None and not _a_place_alone(simplified(handed.group(1)), words):
                # "（嘉義縣政府提供） 中央社記者X傳真": a body handed the picture out, a reporter sent it in
                credit.provider = text[handed.start(1):handed.end(1)]
                if simplified(credit.raw or "").rstrip().endswith(words.words("credit.filed")):
                    credit.photographer = None  # (faxed, 传真: the reporter passed the handout on, no one's picture)
        if credit.raw and credit.raw[-1] in _FULL_STOPS and plain[start + len(credit.raw) - 1:][:1] == " ":
            credit.raw = credit.raw[:-1].rstrip()  # "王小明摄。": the stop read as a space is no part of the credit
        if name == "released_by":  # the release is a sentence of the caption, its date the release date: the
            # description and the date keep it ("朝鲜中央通讯社2017年8月11日发布的这张照片显示...")
            end = len(text.rstrip())
            return Found(credit, end, end, f"chinese {name}")
        if name == "outlet_name" and groups.get("year"):  # "北京日报张风1998年摄": the year and 摄 stay for the
            # reader of dates (the photo's year)
            return Found(credit, start, match.start("year"), f"chinese {name}")
        return Found(credit, start, end, f"chinese {name}")
    return None

"""The agency registry (catalog/agencies.toml through catalog.agencies): every spelling, one agency; never a
part of a longer name."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from catalog import agencies
from catalog.agencies import (
    KINDS,
    Agency,
    RegistryError,
    agency,
    agency_key,
    agency_keys,
    all_agencies,
    key_of,
)
from catalog.captions.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]

# (every way credits write it, the standard name)
SPELLINGS = [
    (["Xinhua", "XINHUA", "Xinhua News Agency", "新华社", "新華社", "Xinhua Photo"], "Xinhua"),
    (["China News Service", "CNS", "中新社", "中国新闻社", "chinanews.com", "ECNS"], "China News Service"),
    (["China Daily", "chinadaily.com.cn", "中国日报", "CHINA DAILY"], "China Daily"),
    (["CFP", "China Foto Press"], "CFP"),
    (["VCG", "Visual China Group", "视觉中国", "視覺中國"], "VCG"),
    (["IC", "Imagine China", "Imaginechina", "东方IC"], "IC"),
    (["AP", "A.P.", "Associated Press", "The Associated Press", "AP Photo", "AP PHOTO", "ap photo", "美联社"], "AP"),
    (["Reuters", "REUTERS", "Thomson Reuters", "路透社"], "Reuters"),
    (["AFP", "Agence France-Presse", "Agence France Presse", "AFP PHOTO", "法新社"], "AFP"),
    (["Getty Images", "Getty", "GETTY IMAGES"], "Getty Images"),
    (["EPA-EFE", "EPA", "EPA/EFE", "epa efe"], "EPA-EFE"),
    (["Kyodo", "Kyodo News", "共同社", "共同通信"], "Kyodo"),
    (["Yonhap", "Yonhap News Agency", "연합뉴스", "韩联社"], "Yonhap"),
    (["Anadolu Agency", "Anadolu", "AA", "Anadolu Ajansı"], "Anadolu Agency"),
    (["dpa", "DPA", "Deutsche Presse-Agentur"], "dpa"),
    (["ANSA"], "ANSA"),
    (["PA Wire", "PA", "PA Images", "Press Association", "PA Media", "Press Association Images"], "PA Wire"),
    (["Panay News", "PN", "panaynews.net"], "Panay News"),
    (["Bloomberg", "Bloomberg News"], "Bloomberg"),
    (["Sipa USA", "Sipa", "SIPA"], "Sipa USA"),
    (["NurPhoto"], "NurPhoto"),
    (["SOPA Images"], "SOPA Images"),
    (["ZUMA Press", "ZUMA Wire", "Zuma", "ZUMAPRESS.com"], "ZUMA Press"),
    (["UPI", "United Press International"], "UPI"),
    (["Global Times", "GT", "环球时报"], "Global Times"),
    (["SHINE", "shine.cn"], "SHINE"),
    (["Keystone", "KEYSTONE"], "Keystone"),
    (["APA Images", "APAimages"], "APA Images"),
    (["The Yomiuri Shimbun", "Yomiuri Shimbun", "読売新聞"], "The Yomiuri Shimbun"),
    (["Mainichi", "The Mainichi", "毎日新聞"], "The Mainichi"),
    (["TASS", "ITAR-TASS", "ТАСС"], "TASS"),
    (["Sputnik", "RIA Novosti", "РИА Новости"], "Sputnik"),
    (["Jiji", "Jiji Press", "時事通信"], "Jiji Press"),
    (["KCNA", "Korean Central News Agency", "朝中社"], "KCNA"),
    (["Canadian Press", "The Canadian Press", "THE CANADIAN PRESS", "CP"], "The Canadian Press"),
    (["AAP", "AAP Image", "Australian Associated Press"], "AAP"),
    (["NASA"], "NASA"),
    (["ČTK", "CTK"], "ČTK"),
    (["CGTN Photo", "CGTN"], "CGTN"),
    (["Reference News", "参考消息"], "Reference News"),
    (["Anhui Daily", "安徽日报"], "Anhui Daily"),
    # two papers share the name (Sydney's, and London's of old): kept as written, not guessed to be The Telegraph
    (["The Daily Telegraph", "Daily Telegraph"], "The Daily Telegraph"),
    (["The Telegraph", "telegraph.co.uk"], "The Telegraph"),
]


@pytest.mark.parametrize(("spellings", "name"), SPELLINGS, ids=lambda v: v if isinstance(v, str) else None)
def test_every_spelling_is_one_agency(spellings, name):
    for spelling in spellings:
        found = agency(spelling)
        assert found is not None and found.name == name, spelling
        assert agency_key(spelling) == found.key


@pytest.mark.parametrize("text", [
    "Photographer", "Minneapolis", "Big Newspaper", "Byline", "APA", "Apple", "Snapshot", "Reutersville",
    "Xinhua Daily", "AP Photo/Andy Wong", "Map", "CAP", "Paris", "", None, "   ", "Photo",
])
def test_never_a_part_of_a_longer_name(text):
    found = agency(text)
    # "APA" (Austria's agency) and "Xinhua Daily" (Jiangsu's paper) are agencies of their own, not AP nor Xinhua.
    assert found is None or found.name in ("APA", "Xinhua Daily"), (text, found)


def test_the_registry_is_large_and_well_formed():
    every = all_agencies()
    assert len(every) >= 100
    assert {a.kind for a in every} <= set(KINDS)
    assert {"wire", "photo agency", "newspaper", "broadcaster", "space agency"} <= {a.kind for a in every}
    names = [a.name for a in every]
    assert len(names) == len(set(names))
    for found in every:
        assert "{photographer}" in found.credit_line and found.credit_alone, found.name
        assert agency(found.name) is found
        for alias in found.aliases:
            assert agency(alias) is found, (found.name, alias)
        assert found.owner is None or agency(found.owner) is not None


def test_aliases_in_several_scripts():
    scripts = {"han": 0, "hangul": 0, "cyrillic": 0, "arabic": 0}
    for found in all_agencies():
        for alias in found.aliases:
            if any("\u4e00" <= ch <= "\u9fff" for ch in alias):
                scripts["han"] += 1
            if any("\uac00" <= ch <= "\ud7a3" for ch in alias):
                scripts["hangul"] += 1
            if any("\u0400" <= ch <= "\u04ff" for ch in alias):
                scripts["cyrillic"] += 1
            if any("\u0600" <= ch <= "\u06ff" for ch in alias):
                scripts["arabic"] += 1
    assert scripts["han"] >= 50 and all(count >= 1 for count in scripts.values()), scripts


@pytest.mark.parametrize(("name", "photographer", "line"), [
    ("Xinhua", "Li Xin", "Xinhua/Li Xin"),
    ("AP", "Andy Wong", "AP Photo/Andy Wong"),
    ("AP", None, "AP Photo"),
    ("Reuters", "Tingshu Wang", "REUTERS/Tingshu Wang"),
    ("Reuters", "", "REUTERS"),
    ("AFP", "Greg Baker", "Greg Baker/AFP"),
    ("EPA-EFE", "Wu Hao", "EPA-EFE/Wu Hao"),
    ("Getty Images", "Kevin Frayer", "Kevin Frayer/Getty Images"),
    ("China Daily", "Wang Jing", "Wang Jing/China Daily"),
    ("PA Wire", "Yui Mok", "Yui Mok/PA Wire"),
    ("The Canadian Press", "Nathan Denette", "THE CANADIAN PRESS/Nathan Denette"),
    ("AAP", "Dean Lewins", "AAP Image/Dean Lewins"),
])
def test_the_credit_line_it_prints(name, photographer, line):
    assert agency(name).credit(photographer) == line


def test_agency_keys_lay_under_the_house_rules():
    keys = agency_keys()
    assert keys[key_of("AP Photo")] == "AP" and keys[key_of("新华社")] == "Xinhua"
    assert len(keys) >= 500
    # The standard names agree with the house rules' defaults, so stored agencies keep their names.
    rules = load_rules()
    for alias, standard in rules.agencies.items():
        found = agency(alias)
        if found is not None:
            assert found.name == standard, (alias, found.name, standard)


def test_key_is_the_house_rules_key_plus_accents():
    assert key_of("EPA/EFE") == key_of("epa-efe") == "epaefe"
    assert key_of("Anadolu Ajansı") == "anadoluajansi"
    assert key_of("People’s Daily") == key_of("People's Daily")


@pytest.mark.parametrize(("text", "message"), [
    ("[[agency]]\nname = 'X'\nkind = 'wire'\naliases = ['Y']\n[[agency]]\nname = 'Z'\nkind = 'wire'\naliases = ['y']\n",
     "'y' is already an alias of 'X'"),
    ("[[agency]]\nname = 'X'\nkind = 'blog'\n", "'kind' must be one of"),
    ("[[agency]]\nname = 'X'\nkind = 'wire'\ncredit_line = 'X'\n", "'credit_line' must hold {photographer}"),
    ("[[agency]]\nname = 'X'\nkind = 'wire'\nowner = 'Nobody'\n", "owned by 'Nobody'"),
    ("name = ", "not valid TOML"),
    ("", "has no [[agency]] tables"),
])
def test_a_broken_registry_says_what_is_wrong(text, message):
    with pytest.raises(RegistryError, match=message.replace("[", r"\[").replace("{", r"\{")):
        agencies._parse(text, "test.toml")


def test_a_parsed_registry_defaults():
    every, index = agencies._parse("[[agency]]\nname = 'Example Wire'\nkind = 'wire'\n", "test.toml")
    assert every == (Agency("Example Wire", "wire", None, (), "{photographer}/Example Wire", "Example Wire"),)
    assert index == {"examplewire": every[0]}


def test_the_registry_ships_in_the_wheel():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "agencies.toml" in project["tool"]["setuptools"]["package-data"]["catalog"]
    assert (ROOT / "catalog" / "agencies.toml").is_file()

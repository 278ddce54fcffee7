"""People as entities (catalog.people): whole-token matching in any order, case, accent and script, and
names in capitals shown as a person reads them."""

from __future__ import annotations

import pytest

from catalog.people import display_name, name_tokens, person_key, same_person


def matches(typed: str, name: str) -> bool:
    """What `by:` will do: a name matches when its tokens hold every typed token."""
    wanted = name_tokens(typed)
    return bool(wanted) and wanted <= name_tokens(name)


# (typed, names it finds, names it must not find)
SEARCHES = [
    # A hyphenated surname holds Li ("Li-Wong"); a given name that starts with it does not ("Lixin").
    ("Li", ["Li Xin", "LI Xin", "Xin Li", "李欣", "Li Wenliang", "Lindsey Li-Wong"],
     ["Byline", "Julie V. Early", "This is a by-line", "Wang Lixin", "Eli Smith"]),
    ("dagang zhang", ["Zhang Dagang", "ZHANG Dagang", "Dagang Zhang", "Zhang Da-gang", "Zhang Da Gang",
                      "张大刚", "張大剛", "Da-Gang ZHANG"], ["Zhang Gang", "Zhang Dawei", "Dagang Li"]),
    ("张大刚", ["Zhang Dagang", "ZHANG DAGANG", "Dagang Zhang"], ["Zhang Gang", "Zhang Daming"]),
    ("Zhang Da-gang", ["张大刚", "Zhang Dagang"], ["Zhang Da"]),
    ("张", ["Zhang Dagang", "Zhang Yu", "章子怡"], ["Wang Zhangyu"]),  # 章 reads zhang too: pinyin cannot tell
    ("大刚", ["Zhang Dagang", "Li Dagang"], ["Zhang Gang"]),
    ("Ouyang", ["欧阳娜娜", "Ouyang Nana", "OUYANG Nana", "Ou Yang Na Na"], ["Ou Nana"]),
    ("欧阳娜娜", ["Ouyang Nana", "Nana Ouyang"], ["Yang Nana"]),
    ("martinez", ["José Martínez", "JOSE MARTINEZ"], ["Martin Ezra"]),
    ("Laverty", ["DUANE A. LAVERTY", "Duane A. Laverty"], ["Duane Lavert"]),
    ("Andy Wong", ["Andy Wong", "WONG, Andy"], ["Andy Wongsakul"]),
    ("o'brien", ["Liam O'Brien", "LIAM O’BRIEN"], ["Brien Liam"]),
    ("Chan", ["Chan Tai-man", "Chan Tai Man", "CHAN Tai-man"], ["Chang Tai"]),
    ("Lü", ["Lü Bu", "Lu Bu", "Lyu Bu", "吕布"], ["Bu Lun"]),
    ("Shan", ["单雄信"], ["Dan Xiongxin"]),  # 单 is Shan as a surname
]


@pytest.mark.parametrize(("typed", "found", "missed"), SEARCHES, ids=lambda v: v if isinstance(v, str) else None)
def test_by_matches_whole_tokens(typed, found, missed):
    for name in found:
        assert matches(typed, name), (typed, name, name_tokens(typed), name_tokens(name))
    for name in missed:
        assert not matches(typed, name), (typed, name, name_tokens(typed), name_tokens(name))


@pytest.mark.parametrize(("name", "tokens"), [
    ("Li Xin", {"li", "xin"}),
    ("Julie V. Early", {"julie", "v", "early"}),
    ("Byline", {"byline"}),
    ("张大刚", {"zhang", "dagang"}),
    ("司马迁", {"sima", "qian"}),
    ("Sima Qian", {"sima", "qian"}),
    ("曾国藩", {"zeng", "guofan"}),
    ("Lian Guoqing", {"lian", "guoqing"}),
    ("Hsieh Chang-ting", {"hsieh", "changting"}),
    ("Kim Jong-un", {"kim", "jong", "un"}),
    ("Jean-Pierre Dupont", {"jean", "pierre", "dupont"}),
    ("约翰·史密斯", {"yuehan", "shimisi"}),
    ("김정은", {"김정은"}),
    ("", set()),
    (None, set()),
])
def test_name_tokens(name, tokens):
    assert name_tokens(name) == tokens


def test_one_person_in_every_spelling():
    spellings = ["张大刚", "張大剛", "Zhang Dagang", "ZHANG Dagang", "Dagang ZHANG", "Zhang Da-gang",
                 "zhang  da gang", "Da Gang Zhang"]
    assert {person_key(s) for s in spellings} == {"dagang zhang"}
    assert same_person("Zhang Dagang", "张大刚")
    assert not same_person("Zhang Dagang", "Zhang Gang")
    assert not same_person("", "")


@pytest.mark.parametrize(("name", "others", "shown"), [
    ("DUANE A. LAVERTY", ["Duane A. Laverty"], "Duane A. Laverty"),
    ("DUANE A. LAVERTY", ["Jane Doe", None, ""], "Duane A. Laverty"),
    ("DUANE A. LAVERTY", [], "Duane A. Laverty"),
    ("ANDY WONG", ["andy wong"], "andy wong"),  # another photo's spelling, as it is
    ("WANG Zhao", [], "Wang Zhao"),  # the Chinese convention: the surname in capitals
    ("Geoff ROBIN", [], "Geoff Robin"),
    ("ZHANG DAGANG", ["张大刚", "Zhang Dagang"], "Zhang Dagang"),
    ("ZHANG DAGANG", ["张大刚"], "Zhang Dagang"),  # never another script
    ("McDONALD", [], "McDonald"),
    ("RONALD MCDONALD", [], "Ronald McDonald"),
    ("MacDONALD", [], "MacDonald"),
    ("O'BRIEN", [], "O'Brien"),
    ("D'ALESSANDRO", [], "D'Alessandro"),
    ("JAN VAN DER BERG", [], "Jan van der Berg"),
    ("VAN DER BERG", [], "Van der Berg"),
    ("LEONARDO DA VINCI", [], "Leonardo da Vinci"),
    ("ZHANG DA GANG", [], "Zhang Da Gang"),  # "Da" is a Chinese syllable here, not a particle
    ("JEAN-PIERRE DUPONT", [], "Jean-Pierre Dupont"),
    ("MARTIN LUTHER KING JR.", [], "Martin Luther King Jr."),
    ("HENRY VIII", [], "Henry VIII"),
    ("JOSÉ MARTÍNEZ", [], "José Martínez"),
    ("Duane A. Laverty", ["DUANE A. LAVERTY"], "Duane A. Laverty"),
    ("Li Xin", [], "Li Xin"),
    ("  Li   Xin ", [], "Li Xin"),
    ("张大刚", ["Zhang Dagang"], "张大刚"),
    ("A. B.", [], "A. B."),
    (None, [], None),
])
def test_display_name(name, others, shown):
    assert display_name(name, others) == shown


def test_readings_of_names_in_characters_are_remembered_between_processes(tmp_path):
    """A name read once with pypinyin is read from the cache folder's memo by the next process, which then
    need not import pypinyin (0.2-0.3 s); a name it has not met still goes to pypinyin, with the same tokens."""
    import os
    import subprocess
    import sys

    env = dict(os.environ, CATALOG_CACHE=str(tmp_path))
    code = ("import sys; from catalog import place_memo; from catalog.people import name_tokens; "
            "print(sorted(name_tokens(sys.argv[1])), 'pypinyin' in sys.modules); place_memo.save()")

    def tokens_in_a_new_process(name: str) -> str:
        return subprocess.run([sys.executable, "-c", code, name], capture_output=True, text=True, env=env,
                              check=True).stdout.strip()

    assert tokens_in_a_new_process("张大刚") == "['dagang', 'zhang'] True"
    assert tokens_in_a_new_process("张大刚") == "['dagang', 'zhang'] False"
    assert tokens_in_a_new_process("单雄信") == "['shan', 'xiongxin'] True"  # not met before: pypinyin again
    assert tokens_in_a_new_process("單雄信") == "['shan', 'xiongxin'] False"  # 單 is a surname read by rule

"""Places abroad in Chinese captions: a foreign city written in the sounds of its name, which the gazetteer's Chinese
names often lack, read from where it stands (after its country or its province, ending its clause); the areas of a
foreign city; a country named again after its city. Every caption here was written for these tests in the style of
the wire pictures that print such captions."""

from __future__ import annotations

import pytest

from tests.test_captions_shapes import check

ABROAD = [
    ("a small town in sounds after its country, ending the caption",
     "当地时间3月9日,法国圣卢西拉。", {"city": "圣卢西拉", "country": "法国"}),
    ("the same, ending its clause before the scene", "当地时间3月9日,德国巴特恩斯,民众在河边散步。",
     {"city": "巴特恩斯", "country": "德国"}),
    ("a city in sounds after a foreign province's short name and 在, inside its clause",
     "周三,一辆新电车在维州卡斯尔梅恩正式上路。", {"city": "卡斯尔梅恩", "province": "维州"}),
    ("a short name in sounds inside a clause is no city (a brand's, a person's)",
     "5月3日,在美国特斯拉公司的工厂里,工人在组装汽车。", {"city": None}),
    ("nor is a name that a venue word follows: the venue's", "1月21日,在美国普莱西德湖举行的比赛中,选手滑行。",
     {"city": None, "sublocation": "普莱西德湖"}),
    ("a name in sounds after China is no foreign city", "5月3日,中国马拉。", {"city": None}),
    ("the country named again after its city begins another clause: the city stays",
     "当地时间3月9日,土耳其伊斯坦布尔,土耳其民众在广场集会。", {"city": "伊斯坦布尔", "country": "土耳其"}),
    ("an area of a foreign city (地区) is the site, below the city",
     "3月9日,在日本东京银座地区,日本民众在街头购物。", {"sublocation": "银座地区", "city": "东京", "country": "日本"}),
    ("a prefecture of China (地区) stays no site", "5月20日,游客在新疆喀什地区游览。", {"sublocation": None}),
    ("a foreign city whose Chinese name GeoNames gives to a small namesake only (华盛顿) is as big as the biggest",
     "10月3日,民众在华盛顿街头集会。", {"city": "华盛顿"}),
    ("the same for another namesake (波特兰, Portland)", "游客在波特兰街头散步。", {"city": "波特兰"}),
    ("many of a kind after a conjunction are no venue's name", "日前,但各大商场客流如织。", {"sublocation": None}),
    ("a parliament's house (议院) is a venue", "民众聚集在众议院前抗议。", {"sublocation": "众议院"}),
    ("a venue word inside a name in sounds (路) ends no venue's name", "5月30日,在美国圣路维斯,警察在街头巡逻。",
     {"sublocation": None, "country": "美国"}),
    ("nor does 山 there, at the caption's head", "亚历山德罗纳,1月5日。一名男子跑过海滩。", {"sublocation": None}),
    ("a Chinese venue's name goes on past one such character to the next venue word",
     "5月30日,游客在西山森林公园游玩。", {"sublocation": "西山森林公园"}),
    ("and one sound character after its venue word is no name going on", "5月30日,游客在西湖苏堤散步。",
     {"sublocation": "西湖"}),
    ("a capital abroad written in sounds at length (seven characters), after its country and 首都",
     "3月5日,在阿根廷首都布宜诺斯艾利斯,民众在总统府外集会。", {"city": "布宜诺斯艾利斯", "country": "阿根廷"}),
    ("the same after 在 alone, inside its clause", "3月5日,民众在达累斯萨拉姆街头集会。", {"city": "达累斯萨拉姆"}),
    ("a ministry's last character beginning a minister's title (国防部长) ends no venue's name, nor runs one over 与",
     "3月5日,美军将领在邑川与韩国国防部长会面。", {"sublocation": None}),
    ("the ministry's building stays a venue", "3月5日,在韩国国防部大楼前,民众集会。",
     {"sublocation": "国防部大楼", "country": "韩国"}),
    ("a Japanese prefecture's suffix (道) ends its name, and begins no city's",
     "3月5日,在日本北海道札幌市,民众集会。", {"city": "札幌", "province": "北海道", "country": "日本"}),
    ("the same for 府", "3月5日,在日本大阪府大阪市,民众集会。", {"city": "大阪", "province": "大阪府"}),
    ("a province abroad and its suffix (道) run into a city with 市: the province, then the city",
     "3月5日,在韩国京畿道水原市,民众集会。", {"city": "水原", "province": "京畿道", "country": "韩国"}),
    ("the same for a state (州)", "3月5日,在马来西亚槟城州乔治市,游客观光。",
     {"city": "乔治", "province": "槟城州", "country": "马来西亚"}),
    ("a county abroad (郡) is read with its suffix, never as a bare city named without it (standing in for the "
     "city, as the sets label Kenya's counties)",
     "这是在肯尼亚卡基皮亚郡拍摄的一处水塘。", {"city": "卡基皮亚郡", "country": "肯尼亚"}),
    ("a capital no table knows, after 首都 and before the words of taking the photograph (拍攝)",
     "這是在緬甸首都內比都拍攝的議會大廈。", {"city": "內比都", "country": "緬甸"}),
    ("a city no table knows, after 城市 and before 航拍", "这是在哈萨克斯坦南部城市突厥斯坦航拍的陵墓(无人机照片)。",
     {"city": "突厥斯坦", "country": "哈萨克斯坦"}),
    ("a town no table knows, after 小城 and before 拍摄", "这是在法国中部小城维希拍摄的温泉公园。",
     {"city": "维希", "country": "法国"}),
    ("a venue named after the capital before 航拍 stays the venue's, no city",
     "这是在韩国首都体育馆航拍的比赛现场。", {"city": None}),
]


def test_a_chinese_name_of_a_small_namesake_counts_the_biggest_in_its_country():
    from catalog.captions.gazetteer import chinese_name_cities

    population, country = chinese_name_cities("华盛顿")
    assert country == "US" and population > 500_000  # Washington, DC, not the town of 24,000 GeoNames names so
    assert chinese_name_cities("巴黎")[1] == "FR"


def test_a_chinese_name_is_converted_to_traditional_only_when_the_gazetteer_lacks_it():
    """OpenCC's simplified-to-traditional converter (15 MB in each reader that loads it) is loaded for a name the
    gazetteer knows only in traditional characters (纽约 as 紐約), not for one it knows as written (合肥)."""
    from catalog import han_text
    from catalog.captions.gazetteer import _chinese_name_cities

    han_text._to_traditional.cache_clear()
    assert _chinese_name_cities("合肥")[1] == "CN"
    assert han_text._to_traditional.cache_info().currsize == 0
    assert _chinese_name_cities("纽约")[1] == "US"
    assert han_text._to_traditional.cache_info().currsize == 1


@pytest.mark.parametrize("text, expected", [c[1:] for c in ABROAD], ids=[c[0] for c in ABROAD])
def test_places_abroad(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("2月17日,在菲律宾马尼拉中国城,一位女子在灯笼前留影。", {"city": "马尼拉", "country": "菲律宾"}),
    ("在美国奎沃市中国城,民众观看舞狮。", {"country": "美国"}),
    ("游客在中国城里购物。", {"country": None}),
    ("1月1日,在中国北京,民众观看升旗。", {"city": "北京", "country": "中国"}),
])
def test_a_chinatown_names_no_country(text, expected):
    """A quarter of a city abroad named after a country (中国城, Chinatown) is no country of the scene: the country
    and the city named before it stay the scene's (a capital named for its country, 科威特城, is still a city)."""
    check(text, expected)

"""Kinds of Chinese captions the reader must handle by design, not case by case: credit shapes of many outlets,
days written relative to the caption's, administrative chains down to the village, venues and what is no venue.
Every caption here was written for these tests in the style of the outlets that print such captions."""

from __future__ import annotations

import pytest

from catalog.captions import parse


def found(text: str) -> dict:
    facts = parse(text)
    got = {"photographer": facts.credit.photographer, "agency": facts.credit.agency,
           "provider": facts.credit.provider, "date": facts.date, "date_kind": facts.date_kind,
           "date_text": facts.date_text}
    got.update(vars(facts.location))
    return got


def check(text: str, expected: dict) -> None:
    got = found(text)
    assert {k: got[k] for k in expected} == expected, got


CREDITS = [
    ("an outlet's desk between the outlet and the role",
     "8月1日，选手在长沙参加比赛。湖南日报全媒体记者 傅明 通讯员 张亮 摄影报道",
     {"photographer": "傅明", "agency": "Hunan Daily"}),
    ("an intern of an outlet",
     "11月17日，北京延庆，一辆货车接受检测。\n中国青年报实习生 刘立安/摄",
     {"photographer": "刘立安", "agency": "China Youth Daily"}),
    ("an intern with no outlet", "2021年8月17日，北京市海淀区，一间空置教室。實習生 王一帆/攝",
     {"photographer": "王一帆", "agency": None}),
    ("the outlet written before the name, apart", "11月18日，北京市光华路，高楼隐没在雾霾之中。\n中国青年报 李隽明/摄",
     {"photographer": "李隽明", "agency": "China Youth Daily"}),
    ("several photographers separated by spaces: the first",
     "↑村民在活动室里拍照（8月20日攝）。 新華社記者 彭遠 徐勤 劉明 攝影報導",
     {"photographer": "彭遠", "agency": "Xinhua"}),
    ("a two-character name padded with a space is one name", "四川宜宾，工人们正在酿酒。   本报记者 伊 明摄",
     {"photographer": "伊 明"}),
    ("Name/agency", "11月3日，市民在湖北武汉东湖绿道骑行。 赵小军/视觉中国",
     {"photographer": "赵小军", "agency": "VCG"}),
    ("摄影：a Chinese name", "11月3日，市民在成都宽窄巷子游玩。摄影：王小刚", {"photographer": "王小刚"}),
    ("(图/a person)", "11月3日，市民在成都宽窄巷子游玩。(图/王小刚)", {"photographer": "王小刚"}),
    ("a credit ending the caption beats a 记者...摄 inside the prose",
     "十二月五日，台北街头聚集大批民众。圖為一名電子媒體記者在拍攝民眾抗議的場面。中新社發 董明峰 攝",
     {"photographer": "董明峰", "agency": "China News Service"}),
    ("a byline with no 摄 at the end", "11月16日，河北队选手夺冠后庆祝。新华社记者李小博",
     {"photographer": "李小博", "agency": "Xinhua"}),
    ("a note before the name in the brackets", "“青春无限”贴纸相店已在2月底结业。(资料图片;余俊明摄)",
     {"photographer": "余俊明"}),
    ("two people in brackets: the first, and no agency", "昨天，施工人员在高架段作业。(胡建明 祁宗华 摄)",
     {"photographer": "胡建明", "agency": None}),
    ("the photographer written before a source credit", "图为徒步行军中的官兵。周凯明 摄(图片来源:视觉中国)",
     {"photographer": "周凯明", "agency": "VCG"}),
    ("the agency's 发 after the name", "5月1日，在厦门鼓浪屿，游客游览。 张小斌 摄（新华社发）",
     {"photographer": "张小斌", "agency": "Xinhua"}),
    ("the outlet alone in brackets", "圖為市民在北京市東城區南鑼鼓巷遊覽。（新華社）", {"agency": "Xinhua"}),
    ("an outlet's staff with no name", "市民昨日在維多利亞公園參加年宵市場。（HK01記者攝）",
     {"photographer": None, "agency": "HK01"}),
    ("a role before the name is no name", "市民在公园里散步。 新华社发（记者 王小明 摄）",
     {"photographer": "王小明", "agency": "Xinhua"}),
    ("this paper's reporter after 图/", "市民在公园里散步。图/本报记者 陈小明",
     {"photographer": "陈小明", "agency": None}),
    ("an outlet, then the photographer, with no role", "市民在公园里散步。 新华网 王小明 摄",
     {"photographer": "王小明", "agency": "Xinhuanet"}),
    ("the interviewee as the picture's source", "市民在公园里散步。 （图片来源：受访者）",
     {"photographer": None, "agency": None, "provider": "受访者"}),
    ("摄：a name/an outlet", "大批市民在铜锣湾时代广场一带游行。（攝：林小華/端傳媒）",
     {"photographer": "林小華", "agency": "端傳媒"}),
    ("摄: an English name and its outlets: the last",
     "调查人员走访华南海鲜市场。攝:Thomas Peter /Reuters/Example Images",
     {"photographer": "Thomas Peter"}),
    ("an outlet that is no person, before the name in brackets", "旅客湧入航廈。（中評社 王小明攝）",
     {"photographer": "王小明", "agency": "中評社"}),
    ("an outlet alone in brackets, known by how its name ends", "警方在街头清场。（立場新聞）",
     {"photographer": None, "agency": "立場新聞"}),
    ("文/图 after the name", "6月5日，市民在公园里散步。本报记者 王小明 文/图",
     {"photographer": "王小明", "agency": None}),
    ("a note in brackets after the credit", "6月5日，市民在公园里散步。新华社记者 王小明 摄（无人机照片）",
     {"photographer": "王小明", "agency": "Xinhua"}),
    ("a credit in 【】", "6月5日，市民在公园里散步。【王小明 摄】", {"photographer": "王小明"}),
    ("words after 图／ are no name", "新北市板橋區今天發生火警。（圖／翻攝畫面）", {"photographer": None}),
    ("a provider written with 图片由...提供", "小朋友在上海迪士尼乐园游玩。（图片由上海迪士尼度假区提供）",
     {"provider": "上海迪士尼度假区"}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CREDITS], ids=[c[0] for c in CREDITS])
def test_credit_kinds(text, expected):
    check(text, expected)


DATES = [
    ("昨天 opening the caption", "昨天，施工人员在轨道交通1号线高架段作业。(胡建明 摄)",
     {"date": None, "date_text": "昨天", "date_kind": "taken"}),
    ("今天 inside the first sentence", "懸日景觀今天在台北上演。（記者蔡明培攝）",
     {"date": None, "date_text": "今天", "date_kind": "taken"}),
    ("a part of a month with no year", "1月初，戈壁的气温跌至零下20摄氏度。\n陈 明摄",
     {"date": None, "date_text": "1月初", "date_kind": "taken"}),
    ("a year alone that the text says the photo was taken in", "晚报到了 北京日报张小风1998年摄",
     {"date": "1998", "date_kind": "taken"}),
    ("taken in a year", "↑ 这两张照片分别摄于2017年(图左)和2022年(图右)。", {"date": "2017", "date_kind": "taken"}),
    ("a year alone of history is no date", "该寺始于1914年，香火不断。", {"date": None, "date_kind": None}),
    ("a date written with dots", "▲大游行，广场前挤满民众。(图/记者陈明安摄,2017.08.31)",
     {"date": "2017-08-31", "date_kind": "taken"}),
    ("当天 in a later sentence is no date of its own",
     "四季分明的农场以樱花最有名。当天更创下单日入园新高。(黄小麒摄)", {"date": None, "date_kind": None}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in DATES], ids=[c[0] for c in DATES])
def test_date_kinds(text, expected):
    check(text, expected)


PLACES = [
    ("a village is one name, not a city and a village", "在白音特拉村的活动室里，村民化妆（8月20日摄）。",
     {"city": None, "sublocation": "白音特拉村"}),
    ("the chain of another sentence completes the village's",
     "↑在白音特拉村的活动室里，村民化妆（8月20日摄）。在内蒙古乌兰察布市化德县白音特拉村，第一书记忙着布景。",
     {"sublocation": "白音特拉村", "city": "乌兰察布", "province": "内蒙古"}),
    ("a bare name below a county is no city", "近日拍摄的江西省上饶市婺源县秋口镇王村石门自然村。",
     {"city": "上饶", "province": "江西"}),
    ("a verb before the county", "从空中俯瞰婺源县王村石门自然村(2023年10月11日摄)。", {"city": "婺源县"}),
    ("a mountain area is no district", "位於太行山區的山西省壺關縣五龍山鄉水池村，過去山多地少。",
     {"city": "壺關縣", "province": "山西", "sublocation": "水池村"}),
    ("a district named after a mountain is one", "11月3日，在山东省青岛市崂山区沙子口街道，渔民晾晒海带。",
     {"city": "青岛", "province": "山东", "sublocation": "沙子口街道"}),
    ("a resort town is a venue, not a town", "11月3日，在河北省张家口市崇礼区太舞滑雪小镇，爱好者滑雪。",
     {"city": "张家口", "province": "河北", "sublocation": "太舞滑雪小镇"}),
    ("a prefecture written with 州 before its county", "2020年9月16日，四川凉山州越西县，大瑞苹果基地推行规模化管理。",
     {"city": "越西县", "province": "四川", "sublocation": "大瑞苹果基地"}),
    ("a county after an autonomous prefecture, beginning with a linking character",
     "5月20日，在贵州省黔东南苗族侗族自治州从江县加榜乡，梯田景色如画。",
     {"city": "从江县", "province": "贵州", "sublocation": "加榜乡"}),
    ("a prefecture whose name holds a position character",
     "5月20日，游客在吉林省延边朝鲜族自治州延吉市游玩。", {"city": "延吉", "province": "吉林"}),
    ("a six-character region suffix", "5月20日，游客在新疆维吾尔自治区喀什地区喀什古城游览。",
     {"province": "新疆", "sublocation": "喀什古城"}),
    ("a 片区 is below the new area", "↑ 对比显示雄安新区容东片区的变化（5月1日摄）。",
     {"city": "雄安新区", "sublocation": "容东片区"}),
    ("a bare city right after its province", "11月3日，在西藏拉萨布达拉宫广场，游客拍照。",
     {"city": "拉萨", "province": "西藏", "sublocation": "布达拉宫广场"}),
    ("a district after a municipality, written bare", "9月3日，北京东城，两名记者站在文化中心观景平台上远眺。",
     {"city": "北京"}),
    ("a district written bare before a venue is part of its name", "11月3日，一架飞机在北京大兴国际机场起飞。",
     {"city": "北京", "sublocation": "大兴国际机场"}),
    ("a city with its suffix before 市民", "台北市民20日在大安森林公园赏花。（中央社记者张新明摄）",
     {"city": "台北", "sublocation": "大安森林公园"}),
    ("a market is no city",
     "夏天早市\n每到夏天清晨，逛早市已是许多居民的日常。图为近日，辽宁锦州凌河区的凌河早市，一片热闹景象。",
     {"city": "锦州", "province": "辽宁"}),
    ("a military district is no district", "1月初，新疆戈壁的气温跌至零下20摄氏度。新疆军区某团在雪野拉练。",
     {"province": "新疆", "city": None}),
    ("the photo's own sentence (图为) is the scene", "每到清晨，逛早市已是日常。图为福建省福州市的一处早市。",
     {"city": "福州", "province": "福建"}),
    ("a clause after a comma is no venue", "11月3日，在福建省福州市仓山区，志愿者清理河道。",
     {"city": "福州", "province": "福建", "sublocation": "仓山区"}),
    ("a venue after a comma that begins a clause", "2020年9月16日，四川省越西县，大瑞苹果基地推行规模化管理。",
     {"city": "越西县", "sublocation": "大瑞苹果基地"}),
    ("the venue after a verb of passing", "当地时间5月20日，美国纽约，行人走过时报广场。",
     {"city": "纽约", "country": "美国", "sublocation": "时报广场"}),
    ("a venue's name ends before what people do there", "5月20日，市民在香港维多利亚公园参加年宵市场。",
     {"city": "香港", "sublocation": "维多利亚公园"}),
    ("a clause with a quantity is no venue",
     "新疆某摩托车有限公司已建起1.6万平方米标准化厂房。图为工人在测试摩托车。", {"sublocation": None}),
    ("站 as a verb is no station", "8月17日，赵小帅站在颁奖台上。", {"sublocation": None}),
    ("an event held in a city named like a mountain", "8月1日，第五届红色故事讲解大赛在韶山举办。",
     {"city": "韶山", "sublocation": None}),
    ("a quoted venue after a big city named mid-sentence",
     "十二月五日，当局坚持拆除台北“中正纪念堂”牌楼上的四字。", {"city": "台北", "sublocation": "中正纪念堂"}),
    ("中国 naming an institution is no country", "11月3日，工作人员在中国科学院植物研究所工作。",
     {"country": None, "sublocation": "中国科学院植物研究所"}),
    ("a country the gazetteer lacks", "5月1日，在俄罗斯莫斯科红场，人们参加活动。",
     {"city": "莫斯科", "country": "俄罗斯"}),
    ("a later sentence on the same day names the scene despite its year",
     "5月1日，中国选手在比赛中回球。当日，在沙特阿拉伯吉达举行的2025年大满贯比赛中，她获胜。",
     {"city": "吉达", "country": "沙特阿拉伯"}),
    ("a reference point is no scene", "5月1日，在距离北京200公里的地方，工人施工。", {"city": None}),
    ("an origin is no scene", "5月1日，来自广东的游客在西湖边拍照。", {"province": None, "sublocation": "西湖"}),
    ("a landmark with no venue word, before 一带", "5月1日，游客在北京什刹海一带游览。",
     {"city": "北京", "sublocation": "什刹海"}),
    ("a municipality before a district whose name begins with a venue word", "5月1日，市民在香港湾仔会展中心参观。",
     {"city": "香港", "country": None}),
    ("a town's name with the city's suffix after it", "5月1日，在景德镇市，游客参观。", {"city": "景德镇"}),
    ("a country's chain does not jump to a town", "5月1日，工人在中国石化镇海炼化公司作业。", {"city": None}),
    ("a linking character inside a venue's name", "6月5日，游人在北京颐和园游览。",
     {"city": "北京", "sublocation": "颐和园"}),
    ("a county seat is the county", "这是6月5日拍摄的贵州省黔东南苗族侗族自治州榕江县城（无人机照片）。",
     {"city": "榕江县", "province": "贵州", "sublocation": None}),
    ("a common noun is no venue", "颱風過後，花蓮縣秀林鄉道路坍方。（圖／花蓮縣消防局提供）",
     {"city": "花蓮縣", "sublocation": "秀林鄉", "provider": "花蓮縣消防局"}),
    ("the first venue after 在, not a later one",
     "3月5日上午，全国人民代表大会第二次会议在人民大会堂开幕，记者在会议间隙抓拍大会堂各处。",
     {"sublocation": "人民大会堂"}),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in PLACES], ids=[c[0] for c in PLACES])
def test_place_kinds(text, expected):
    check(text, expected)

"""Kinds of wrong values the caption parser used to state, each with captions written for these tests (issue 14:
an empty answer is better than a wrong one). Every kind has a caption of the same shape whose value is right,
so that abstaining cannot grow into losing good values: places from background sentences, one of a listed pair,
an event's centre, a person's possessive, an office's place, dates of what the scene remembers, a page's time
stamp, credits cut after initials or written twice."""

from __future__ import annotations

import pytest

from catalog.captions import parse
from catalog.places import get_gazetteer


def place_of(text: str) -> dict:
    return vars(parse(text).location)


PLACES = [
    ("a nation's short name before words in lower case is a kind of place, no site",
     "Riders race in the north-western Saudi city of Quorvabad during stage one of the rally.",
     {"sublocation": None, "city": "Quorvabad"}),
    ("a known city's name before a craft's word in small letters is the craft's, no city",
     "An astronaut circles the earth in his Aurora 7 spacecraft on May 24, 1962.",
     {"city": None}),
    ("...the city named after 'in' with the craft elsewhere is the city",
     "Engineers test a satellite in Denver on Monday.",
     {"city": "Denver"}),
    ("...the same short name opening a venue's name keeps it",
     "Fans gather at the Saudi Aramco Stadium in Quorvabad on Monday.",
     {"sublocation": "Saudi Aramco Stadium", "city": "Quorvabad"}),
    ("one of a listed pair beside the date is no country",
     "Visitors look at glass at a show marking 30 years of ties between Korea and the Czech Republic, Monday. "
     "/ Yonhap",
     {"country": None}),
    ("...a country written after the scene's city is",
     "Visitors look at glass at a show in Seoul, South Korea, Monday. / Yonhap",
     {"city": "Seoul", "country": "South Korea"}),
    ("two cities joined by 'and': neither is the scene",
     "Flights resume in Beijing and Shanghai on March 7, 2025. (AP Photo/Ann Ray)",
     {"city": None}),
    ("...one city is",
     "Flights resume in Beijing on March 7, 2025. (AP Photo/Ann Ray)",
     {"city": "Beijing"}),
    ("a place in a clause of background after the scene's is not the scene, though nearer the date",
     "Fans celebrate in Buenos Aires after their team beat France in the final in Qatar, Dec. 18, 2022. "
     "(Photo by Ann Ray/Getty Images)",
     {"city": "Buenos Aires", "country": None}),
    ("...a place phrase of its own after the clause is the scene again",
     "A sea lion is fed at the Marineland Zoo in Antibes ahead of its reopening, six months after the floods "
     "that hit the Riviera in October 2015, in Antibes, France, March 17, 2016. REUTERS/Ann Ray",
     {"city": "Antibes", "country": "France"}),
    ("a sentence opening 'Here,' is the scene, before a background sentence",
     "The week's best pictures came from the fighting in the Central African Republic. Here, singers attend a "
     "mass at the Regina Mundi church in Soweto, Johannesburg Photograph: Ann Ray/AP",
     {"sublocation": "Regina Mundi church", "country": None}),
    ("...with no such opener the first sentence stays the scene",
     "Singers attend a mass at the Regina Mundi church in Soweto, South Africa. Photograph: Ann Ray/AP",
     {"sublocation": "Regina Mundi church", "country": "South Africa"}),
    ("an event's centre ('centred in') is not where the photo was taken",
     "The quake struck at dawn on April 3rd, centred in Shoufeng Township, Hualien County, Taiwan, and shook "
     "the island.",
     {"sublocation": None, "city": None, "province": None}),
    ("...the same chain after a plain 'in' is",
     "Rescuers search rubble on April 3rd in Shoufeng Township, Hualien County, Taiwan.",
     {"sublocation": "Shoufeng Township", "province": "Hualien County", "country": "Taiwan"}),
    ("where a thing 'was built' is its history, not where the photo was taken",
     "The old ferry was built at the Harland Yard in Belfast, Northern Ireland. It now rests in the Telmoka Museum "
     "in Oslo, Norway.",
     {"sublocation": "Telmoka Museum", "city": "Oslo", "province": None, "country": "Norway"}),
    ("...a thing 'being built' there is the scene",
     "Workers walk past a bridge being built at Telmoka village, Cambodia, on May 3, 2020.",
     {"sublocation": "Telmoka village", "country": "Cambodia"}),
    ("where someone means to go or serve ('his decision to serve at') is not the scene",
     "The mayor thanks Ana Ruiz for her decision to serve the country at the Telmoka Naval Academy.",
     {"sublocation": None}),
    ("...the scene's phrase after such a clause is",
     "Students who plan to study in Beijing attend a class in Kabul on May 3, 2020.",
     {"city": "Kabul"}),
    ("where something was done to the subject, in an aside between commas, is not where it is pictured",
     "Two rifles, recovered by soldiers in Kandahar, lie on a table at the Quorvo Army Barracks on Monday.",
     {"sublocation": "Quorvo Army Barracks", "city": None}),
    ("...a place after the main verb, the aside closed, is the scene",
     "A man, injured by shelling in Gaza, receives treatment at a hospital in Cairo on May 3, 2020.",
     {"city": "Cairo"}),
    ("the original a thing is 'modelled on' is elsewhere, not the scene",
     "Telmoka Square\n\nThe square dates from the 1930s and is modelled on the Place de la Concorde in Paris; "
     "its fountain never runs.",
     {"sublocation": "Telmoka Square", "city": None}),
    ("...a thing set 'on' a place is there",
     "Tourists pose on the Place de la Concorde in Paris on May 3, 2020.",
     {"sublocation": "Place de la Concorde", "city": "Paris"}),
    ("a person's home after a comma, with the larger places of that home, is not the scene",
     "Ana Ruiz, 34, from the village of Telmoka in Quorvo county, waits for the bus.",
     {"sublocation": None, "city": None}),
    ("...the scene's phrase after the home is",
     "Ana Ruiz, 34, from Leeds, England, waits at Kings Cross station in London on May 3, 2020.",
     {"sublocation": "Kings Cross station", "city": "London", "country": None}),
    ("a person's possessive is no place",
     "Singers attend a mass in Mandela's memory at the Regina Mundi church in Soweto, Johannesburg "
     "Photograph: Ann Ray/AP",
     {"city": "Johannesburg"}),
    ("a kind of place after plain words: 'Iraq's southern port city of Basra'",
     "A buffalo grazes near Iraq's southern port city of Basra, on April 4, 2023. © Ann RAY / AFP",
     {"city": "Basra", "province": None, "country": "Iraq"}),
    ("a kind of place after two qualifiers is no venue",
     "A woman waits beside a road near the Syrian Kurdish town of Quorvantia, on the border with Turkey.",
     {"sublocation": None, "city": "Quorvantia"}),
    ("a people's adjective of any ending after a side word qualifies the kind: the province is the name after 'of'",
     "Monks wade past a shrine in the central Thai province of Quorvantia on May 3, 2024.",
     {"province": "Quorvantia", "country": None}),
    ("...and so for another such adjective",
     "Herders cross a river in the western Iraqi province of Belmesquita, March 2, 2023.",
     {"province": "Belmesquita", "country": None}),
    ("a name ending in 'Day' is an event, not a province",
     "At the airport terminal in Pasay City, World Wildlife Day (March 3) is marked by a seizure of turtles.",
     {"city": "Pasay", "province": None}),
    ("a village named alone is the sublocation, with no city made of it",
     "In the village of Quorvantia, residents eat lunch at a centre for the elderly. Image: Associated Press",
     {"sublocation": "Quorvantia", "city": None}),
    ("...a province after a known city is kept",
     "A worker drapes a display at a mall in Tangerang, Banten, on Aug. 6. JP/Ann Ray",
     {"city": "Tangerang", "province": "Banten"}),
    ("a first sentence telling of another year than the photo's dated sentence is background",
     "The baker opened her first shop in Winnipeg in 2015. She is seen at her new counter on May 3, 2021. "
     "Photo: Ann Ray",
     {"city": None}),
    ("...a first sentence of the photo's own year is not",
     "The baker opened her second shop in Winnipeg in 2021. She is seen at her new counter on May 3, 2021. "
     "Photo: Ann Ray",
     {"city": "Winnipeg"}),
    ("a sentence after a first that places nothing, opening with the year a thing happened, is history",
     "The old ferry carries up to 300 passengers. In 2016 it ran aground off the coast of Norway. Photo: Ann Ray",
     {"country": None}),
    ("...and so with its month", "The bakery sells rye bread every morning. In March 2012, the first shop "
     "opened in Winnipeg.", {"city": None}),
    ("...but a first sentence opening with its year is the scene", "In April 2011 crowds marched through "
     "Winnipeg to protest the closure.", {"city": "Winnipeg"}),
    ("...and a sentence after it without a year still places the scene", "The bakery sells rye bread. Crowds "
     "queue outside the shop in Winnipeg, Canada.", {"city": "Winnipeg", "country": "Canada"}),
    ("a place after 'to' right before the date is where something goes, not the scene",
     "Volunteers load blankets onto trucks bound for the border and on to Moldova, March 2022.",
     {"country": None}),
    ("...but the larger places written after it stay", "Riders climb the last pass of the stage from Tarbes "
     "to Quorvantia-les-Bains, France, 19 July 2024.", {"city": None, "country": "France"}),
    ("...but one a word of arriving leads to is where the photo shows it arriving",
     "The patrol boat returns to Quorvantia-les-Bains, France, 19 July 2024.",
     {"city": "Quorvantia-les-Bains", "country": "France"}),
    ("...and a place with no 'to' before it is the scene", "Volunteers load blankets onto trucks in Chisinau, "
     "Moldova, March 2022.", {"city": "Chisinau", "country": "Moldova"}),
    ("a person described in an appositive as working 'in' a city is placed there, not the scene",
     "Lena Hart, an aid worker in Nairobi, and a driver set out for the camps in Dadaab, Kenya.",
     {"city": "Dadaab", "country": "Kenya"}),
    ("...and the only place named so is left out", "Lena Hart, a nurse in Kabul, treats a boy at a clinic.",
     {"city": None}),
    ("...but a sentence's subject 'in' a city is the scene", "A nurse in Kabul treats a boy at a clinic.",
     {"city": "Kabul"}),
    ("a venue written before a person's noun is their employer, not the scene",
     "Mourners gather for the funeral of Quorvan University professor Lena Hart, in Nairobi on May 2, 2023.",
     {"sublocation": None, "city": "Nairobi"}),
    ("...the same venue after 'at' is", "Mourners gather at Quorvan University in Nairobi on May 2, 2023.",
     {"sublocation": "Quorvan University", "city": "Nairobi"}),
    ("a province's word with the next word run into it is the province's word, the name kept",
     "Farmers pick tea in the hills of Quorva County in south China's Fujian Provinceon April 2, 2024.",
     {"province": "Fujian", "country": "China"}),
    ("...and so with a stray letter typed after it",
     "Children play in a field of Quorva Village in northwest China's Gansu Provincej, Nov. 3, 2017.",
     {"province": "Gansu"}),
    ("...but a plural is no slip: the provinces named are no one province",
     "Floods hit the Quorva and Quorvan Provinces of the north on Monday.",
     {"province": None}),
]


@pytest.mark.parametrize("text, expected", [pytest.param(t, e, id=i) for i, t, e in PLACES])
def test_english_places_of_the_scene_only(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


def test_a_hyphenated_name_is_not_a_country_code_and_a_name():
    gazetteer = get_gazetteer()
    assert gazetteer.name_levels("al-Ghouta").country is None
    assert gazetteer.name_levels("FRA - France").country == "FR"
    assert place_of("A girl is treated at a clinic in eastern al-Ghouta, a rebel-held area.")["country"] is None


def test_a_small_town_is_known_only_as_a_town():
    """A place of 1,000 to 15,000 people is no city of the gazetteer's, so nothing resolves to it; the caption
    parser only hears that GeoNames has such a town."""
    gazetteer = get_gazetteer()
    town = gazetteer.name_levels("Grindelwald")
    assert (town.city_population, town.town_population > 1000) == (0, True)
    assert gazetteer.name_levels("Kovalinska").town_population == 0
    assert gazetteer.name_levels("Geneva").town_population == 0  # a city is reported as a city, not twice


DATES = [
    ("the day an event happened, after 'of', is background",
     "Volunteers set out flags on the town green in memory of those killed in the attacks of Sept. 11, 2001. "
     "(Ann Ray/Globe Staff)",
     (None, None)),
    ("...a part of the day before 'of' is the photo's own date",
     "Fog covers the river on the morning of Oct. 14, 2025 in Hefei. (Photo/Ann Ray)",
     ("2025-10-14", "taken")),
    ("an anniversary's date is background",
     "Students ride a bus in Jakarta before a rally marking the anniversary of the declaration of the state on "
     "Dec. 1, 1965. JP/Ann Ray",
     (None, None)),
    ("...unless a place stands between the anniversary and the date",
     "People mark the anniversary of the end of the war in Moscow, Russia, May 9, 2025. REUTERS/Ann Ray",
     ("2025-05-09", "taken")),
    ("a page's time stamp opening a line gives no date kind",
     "11 May,2025 07:01 AM IST | Mumbai | Team\nPic/Ann Ray\nA mother and daughter practise together in a park.",
     (None, None)),
    ("...a date opening a line without a clock time is the photo's",
     "11 May 2025 | Mumbai\nPic/Ann Ray\nA mother and daughter practise together in a park.",
     ("2025-05-11", "taken")),
    ("'shot' a person or 'dead' is a gun's shot: the shooting's day, not the photo's",
     "The old bridge in Quorvan, now named after the two first victims. Gunmen shot them here on 5 April 1992.",
     (None, None)),
    ("...'shot' a place or a time is the camera's", "The old bridge in Quorvan was shot here on 5 April 1992.",
     ("1992-04-05", "taken")),
    ("a weekday after 'a' is any such day, not the photo's",
     "Walk down Quorva Street on a Saturday and you will meet the town's piper. Photo: Ann Ray",
     (None, None)),
    ("...after an ordinal it is a season's day, not the photo's",
     "Fans fill the stands at Brelm Park for the first Friday night game of the season. Photo: Ann Ray",
     (None, None)),
    ("a year alone after a firm's name dates what the firm did, not the photo",
     "Fans rate the beach the best in the land, according to the Traveler Choice of Brelmvisor in 2015.",
     (None, None)),
    ("...after a town the gazetteer knows it is the photo's",
     "Fishermen mend nets on the quay in Hefei in 2015.", ("2015", "taken")),
    ("...and after a venue's word", "Fishermen mend nets on the quay at Quorva Harbour in 2015.", ("2015", "taken")),
    ("...after 'on' it is the photo's day (no year: a kind, no date)",
     "Walk down Quorva Street on Saturday to meet the town's piper. Photo: Ann Ray",
     (None, "taken")),
    ("a date in a clause opened by 'that' after a disaster's noun is the disaster's",
     "Monks pray among the ruins of a Quorva temple hit by the earthquake that rocked the region in October. "
     "(Photo: Ann Ray)", (None, None)),
    ("...with its year",
     "Boats lie on a road in Brelm, swept inland by the tsunami that struck the coast on March 11, 2011. "
     "Photo: Ann Ray",
     (None, None)),
    ("'Today a' opens a clause about the present, not the photo's day",
     "Today a school anyone can attend, Quorva College, founded 1903, once took only the elite.", (None, None)),
    ("...but a clause of someone's who lost a home in it leaves the photo's day",
     "A man who lost his home in the earthquake walks through Quorva on Monday. Photo: Ann Ray",
     (None, "taken")),
    ("a posting stamp beside a photographer's web address is the page's, not the photo's day",
     "Morning Bath\nAnn RAY http://www.quorvapix.org 2014-05-02 10:21:07\nPilgrims bathe in the river at Quorvapur, "
     "India, on March 3, 2013.", ("2013-03-03", "taken")),
    ("...as it is without one",
     "Morning Bath\n2014-05-02 10:21:07\nPilgrims bathe in the river at Quorvapur, India, on March 3, 2013.",
     ("2013-03-03", "taken")),
    ("...but a line of prose with a clock time is the caption's own",
     "Morning Bath\nPilgrims bathe in the river at Quorvapur on 2013-03-03 10:21 as the sun rises over the ghats.",
     ("2013-03-03", "taken")),
]


@pytest.mark.parametrize("text, expected", [pytest.param(t, e, id=i) for i, t, e in DATES])
def test_dates_of_something_else_are_left_out(text, expected):
    facts = parse(text)
    assert (facts.date, facts.date_kind) == expected


CREDITS = [
    ("a credit sentence is not cut after initials",
     "Ships sail in the strait.\n\nThe U.S. Navy photo is by Mass Communication Specialist 2nd Class Ann Ray.",
     ("Ann Ray", "U.S. Navy")),
    ("a name written twice without a space is named once",
     "A skier trains in Kitzbuehel, Austria, on January 22, 2015. AFP PHOTO / ANN RAYANN RAY/AFP",
     ("ANN RAY", "AFP")),
    ("a second label before the name is not part of it",
     "Geneva, a portrait of a statesman (1755-1824). Photo/Bild: ARY.",
     ("ARY", None)),
    ("...a name with no label stays whole",
     "Geneva, a portrait of a statesman (1755-1824). Photo/Ann Ray.",
     ("Ann Ray", None)),
    ("a name in capitals before a large city abroad is a station, not a person",
     "A road was closed after a crash near Quorvan, Ont. (QTV Chicago)", (None, None)),
    ("...a surname in capitals before a given name a Chinese city shares is a person",
     "A road was closed after a crash near Quorvan. (CHEN Jian)", ("CHEN Jian", None)),
]


@pytest.mark.parametrize("text, expected", [pytest.param(t, e, id=i) for i, t, e in CREDITS])
def test_credits_read_whole_and_once(text, expected):
    credit = parse(text).credit
    assert (credit.photographer, credit.agency) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Rescuers search a collapsed house in Quorvashi, Japan, on Monday. Mainichi/AP",
                 ("The Mainichi", None), id="a wire after a paper sends the paper's picture on: no outside source"),
    pytest.param("A bus waits at a stop in Quorvan on Monday. The Straits Times/AFP", ("The Straits Times", None),
                 id="...another paper, another wire"),
    pytest.param("Leaders wave at a parade in Pyongyang on Monday. REUTERS/KCNA", ("Reuters", "KCNA"),
                 id="...but a body's agency after the wire that sends it is the source"),
])
def test_a_wire_after_a_paper_is_no_provider(text, expected):
    credit = parse(text).credit
    assert (credit.agency, credit.provider) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Boats wait at a pier on the Quorva River. (Photo: QNP/VNA)", ("VNA", None),
                 id="unknown initials in the photographer's slot under 'Photo:' are no provider"),
    pytest.param("A rally in Quorvan on Monday. Photo:QRT / AFP", ("AFP", None), id="...spaced, glued to the lead-in"),
    pytest.param("A rally in Quorvan on Monday. Photo: Quorva Fire Service/AFP", ("AFP", "Quorva Fire Service"),
                 id="...but a body named in words is the source the agency sent"),
    pytest.param("A rally in Quorvan on Monday. Photo: NASA/AFP", ("AFP", "NASA"),
                 id="...and so are initials the registry knows"),
])
def test_initials_before_an_agency_under_a_photo_lead_in(text, expected):
    credit = parse(text).credit
    assert (credit.agency, credit.provider) == expected


@pytest.mark.parametrize("text, expected", [
    pytest.param("Waves crash on the pier in Quorvashi, Japan, July 8, 2014. (AP Photo/Kyodo News) JAPAN OUT, CREDIT "
                 "MANDATORY", (None, "AP", None), id="restriction notes after a bracketed credit, a comma between"),
    pytest.param("Waves crash on the pier in Quorvashi, Japan, July 8, 2014. (AP Photo/Ann Ray) MANDATORY CREDIT",
                 ("Ann Ray", "AP", None), id="...the credit's brackets are no part of its names"),
    pytest.param("Waves crash on the pier in Quorvashi, Japan, July 8, 2014. (AP Photo/Ann Ray)",
                 ("Ann Ray", "AP", None), id="...as with no notes"),
])
def test_a_bracketed_credit_before_restriction_notes(text, expected):
    credit = parse(text).credit
    assert (credit.photographer, credit.agency, credit.provider) == expected


CHINESE = [
    ("a city before an office is a title, not the scene",
     "前合肥市卫生局长出席记者会时表示，疫情已可收尾。新华社记者王明摄",
     {"city": None}),
    ("...the same city with a venue is the scene",
     "在合肥市骆岗公园，市民赏花。新华社记者王明摄",
     {"city": "合肥", "sublocation": "骆岗公园"}),
    ("one of a list joined by 和 is no scene; the province holding them stays",
     "建设中的大桥把江苏常州和泰州两市连在一起。王明摄",
     {"city": None, "province": "江苏"}),
    ("a place and 与 before a person is the scene (met someone there)",
     "代表团团长在首尔与韩国国防部长会面(2017年8月14日)。",
     {"city": "首尔"}),
    ("a place 'between' two things is no scene",
     "副总统出席酒会，肯定这家通讯社作为台湾与世界之间的桥梁。图/中央社",
     {"province": None}),
    ("a number and a measure word start no venue name",
     "我在一位热心港警指引下，独自穿过空无一人的马路。(王明摄影)",
     {"sublocation": None}),
    ("a clause of setting out for a place is no venue's name; the port the boats are seen leaving is the scene",
     "8月6日，渔船从象山石浦渔港驶出，出发前往东海渔场。(新华社记者 王明摄)",
     {"sublocation": "象山石浦渔港"}),
    ("a route between two cities is no venue's name (the bridge the project names after it is)",
     "7月29日,G205凤阳至蚌埠段改线工程奎尔瓦大桥主桥合龙。通讯员 王明 摄",
     {"sublocation": "奎尔瓦大桥"}),
    ("a route between two cities is no venue's name",
     "7月29日,G205凤阳至蚌埠段改线工程主桥合龙。通讯员 王明 摄",
     {"sublocation": None}),
    ("a storm's name is no venue, though a tower's word (塔) is in it",
     "熱帶風暴塔巴襲港，天文台改掛8號風球，市民在奎爾瓦海傍聚集。(王明攝)",
     {"sublocation": None}),
    ("every fishing port of a town is no one venue",
     "奎尔瓦各处渔港，汽笛长鸣。",
     {"sublocation": None}),
    ("an alliance's word closing in 盟 is no league of Inner Mongolia",
     "画中一名工人在凿掉欧盟旗上的一颗星。(2017年5月7日)",
     {"city": None}),
    ("an ice zone is no district",
     "考察船日前到达距离中山站44公里处的陆缘冰区。新华社记者 王明摄",
     {"city": None}),
    ("a direction alone before 区 is no district; the venue stays",
     "东南区邻里嘉年华星期天在奎尔瓦大厦举行。",
     {"city": None, "sublocation": "奎尔瓦大厦"}),
    ("...a district the gazetteer knows stays",
     "西城区邻里嘉年华星期天在奎尔瓦大厦举行。",
     {"city": "西城区", "sublocation": "奎尔瓦大厦"}),
    ("a country named only as a visitor's home is no scene",
     "現居韓國的美國遊客昨晚特意到奎爾瓦觀賞舞火龍。(王明攝)",
     {"country": None}),
    ("...a country the scene is in stays",
     "美國遊客昨晚在韓國首爾觀賞舞火龍。(王明攝)",
     {"country": "韓國"}),
]


@pytest.mark.parametrize("text, expected", [pytest.param(t, e, id=i) for i, t, e in CHINESE])
def test_chinese_places_of_the_scene_only(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


def test_a_mixed_caption_takes_no_chinese_city_from_english_words():
    text = "亚军:\n\n王明 Wang Ming\n\nA quake hit at 7:58 AM local time on April 3rd. Workers cleared the streets."
    assert place_of(text)["city"] is None


def test_the_name_checks_examples_hold():
    import doctest

    from catalog.captions import chinese_name_checks

    result = doctest.testmod(chinese_name_checks)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("text, expected", [
    # a Japanese or Korean paper's own file photo: the paper is the agency, not a provider that handed it out
    ("Pupils re-enact a pilgrimage in Naha on Dec. 12, 1930. (Quorva Shimbun file photo)", ("Quorva Shimbun", None)),
    ("Pupils re-enact a pilgrimage in Seoul on Dec. 12, 1990. (Brelm Ilbo file photo)", ("Brelm Ilbo", None)),
    # ...a museum's file photo is a body's handout
    ("Pupils re-enact a pilgrimage in Naha on Dec. 12, 1930. (Quorva Museum file photo)", (None, "Quorva Museum")),
])
def test_a_papers_own_file_photo_is_no_handout(text, expected):
    credit = parse(text).credit
    assert (credit.agency, credit.provider) == expected


@pytest.mark.parametrize("why, text, expected", [
    ("a word of a state's own name is no province",
     "Nurses wait outside a clinic in Skopje, Republic of North Macedonia, March 3, 2021. Photo: EPA-EFE/ANN RAY",
     {"city": "Skopje", "province": None, "country": "North Macedonia"}),
    ("a region named for its country, cut short of its qualifier, is left out",
     "Rescuers evacuate residents of a flood zone in Quorva, West Kazakhstan region, Kazakhstan, 08 April 2024. "
     "EPA/ANN RAY",
     {"city": "Quorva", "province": None, "country": "Kazakhstan"}),
    ("a city of millions after the scene's town is no province",
     "A man tends the community garden in Brelmdorp, Delft, Cape Town. Photo: Ann Ray",
     {"province": None}),
    ("...a province the gazetteer knows stays",
     "A man tends the community garden in Brelmdorp, Mitchells Plain, Western Cape. Photo: Ann Ray",
     {"province": "Western Cape"}),
    ("an ordinal opening a venue's name is an era's (or an event's edition), not the venue's",
     "A cow walks past the ruins of the town. The minarets behind are those of the 19th Century Brelm Mosque.",
     {"sublocation": None}),
    ("...but a street numbered by one is named so",
     "Shoppers stroll along 5th Avenue in New York, May 2, 2024. Photo: Ann Ray",
     {"sublocation": "5th Avenue", "city": "New York"}),
])
def test_a_province_or_venue_that_names_none_is_left_out(why, text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


def test_the_province_checks_examples_hold():
    import doctest

    from catalog.captions import place_checks

    result = doctest.testmod(place_checks)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("text, expected", [
    ("The old bridge at dusk, captured on camera by Ana Lindt. The bridge opened in 1901.", "Ana Lindt"),
    ("Snow on the old bridge, in a photo taken by Ana Lindt\n\nThe Quorva bridge opened in 1901.", "Ana Lindt"),
    ("In this photograph, taken by Yoichi R. Okamoto on the lawn, the family plays.", "Yoichi R. Okamoto"),
])
def test_a_photographer_named_in_prose_ends_with_the_sentence(text, expected):
    assert parse(text).credit.photographer == expected


@pytest.mark.parametrize("text, expected", [
    ("10月14日，游客在奎尔瓦公园游玩。新华社记者 王明摄", {"sublocation": "zh / scene sentence / venue"}),
    ("10月14日，游客在陆家嘴游玩。新华社记者 王明摄",
     {"sublocation": "zh / scene sentence / the venue register / venue"}),
    ("美国 · 洛杉矶\n10月14日，游客在奎尔瓦公园游玩。新华社记者 王明摄",
     {"sublocation": "zh / scene sentence / venue", "city": "zh / scene sentence / the heading / bare name",
      "country": "zh / scene sentence / the heading / known"}),
    ("10月14日，游客在奎尔瓦公园游玩。（中央社记者黄兆平纽约摄）",
     {"city": "zh / scene sentence / the credit line / bare name"}),
])
def test_a_chinese_place_says_which_step_read_it(text, expected):
    """The evidence kind (for tools/precision_tiers.py and the confidence gate) names the step that filled a level
    after the scene sentence's chain: the venue register, the heading's place line, the credit line."""
    evidence = parse(text).evidence
    assert {level: evidence.get(level) for level in expected} == expected


# capprec2: a place the subject belongs to or is bound for, not where the photo was made (issue 14).
NOT_THE_SCENE = [
    ("a place in a clause of what is to come ('is set to study at') is where someone will be, not the scene",
     "Ana Quorvik, a trainee nurse, is set to study midwifery at the Lindt Institute of Health in September. "
     "Photo by Jo Ruiz",
     {"sublocation": None}),
    ("...'is due to dock at' too",
     "The ferry Quorva Star is due to dock at Lindt Pier on Friday. Photo by Jo Ruiz",
     {"sublocation": None}),
    ("...the same place after a verb of the present is the scene",
     "Ana Quorvik, a trainee nurse, studies midwifery at the Lindt Institute of Health. Photo by Jo Ruiz",
     {"sublocation": "Lindt Institute of Health"}),
    ("a venue after a person's name and ', of' is their school or club, not the scene",
     "Tamsin Orrery, of Quorva Valley High School, shows her prize calf at the county fair. (Photo submitted)",
     {"sublocation": None}),
    ("...the same venue after 'at' is the scene, the person's home town set off before it",
     "Tamsin Orrery, of Sydney, shows her prize calf at Quorva Valley High School. (Photo submitted)",
     {"sublocation": "Quorva Valley High School", "city": None}),
    ("...and a place's name before ', of' is no person's",
     "Crowds watch a parade in Quorva City, of Lindt County, on Monday.",
     {"city": "Quorva"}),
]


@pytest.mark.parametrize("why, text, expected", NOT_THE_SCENE, ids=[why for why, _, _ in NOT_THE_SCENE])
def test_a_place_the_subject_belongs_to_or_is_bound_for_is_not_the_scene(why, text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


SIDES_OF_A_MATCH = [
    ("a province written only as a side of a match ('vs') is a team's, not the scene",
     "A wide view of the Connacht/Munster vs Leinster/Ulster game at the Aviva Stadium. Picture: INPHO/Jo Ruiz",
     {"sublocation": "Aviva Stadium", "province": None}),
    ("...as is a city before 'v'",
     "Fans at the Cork v Kerry final at the Quorva Grounds. Picture: Jo Ruiz",
     {"sublocation": "Quorva Grounds", "city": None}),
    ("...the same province written as the scene's is kept",
     "A wide view of the game at the Galway Sportsground in Connacht, Ireland. Picture: INPHO/Jo Ruiz",
     {"province": "Connacht", "country": "Ireland"}),
    ("...and a city that is a side and the scene too is the scene",
     "France vs Argentina in Doha, Qatar, on Dec. 18, 2022. Picture: Jo Ruiz",
     {"city": "Doha", "country": "Qatar"}),
    ("a Chinese province written only as a side (对阵) is a team's",
     "10月14日，广东对阵辽宁的比赛中，球员在拼抢。新华社记者 王明摄",
     {"province": None}),
    ("...the same province in the scene's chain is kept",
     "10月14日，在广东东莞，球员在拼抢。新华社记者 王明摄",
     {"city": "东莞", "province": "广东"}),
]


@pytest.mark.parametrize("why, text, expected", SIDES_OF_A_MATCH, ids=[why for why, _, _ in SIDES_OF_A_MATCH])
def test_a_side_of_a_match_is_not_the_scene(why, text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got
    assert "a side of a match" in " ".join(parse(text, explain=True).notes) or all(expected.values())


@pytest.mark.parametrize("text, expected", [
    ("花季將持續到1月底，遊客在奎爾瓦鄉的花田裡合影。記者王明攝", (None, None)),  # the day the season lasts until
    ("展览将持续到2026年1月16日。图为游客在奎尔瓦博物馆参观。李明 摄", (None, None)),
    ("7月16日消息，受连日暴雨影响，奎尔瓦乡一座桥被冲毁。李明 摄", (None, None)),  # the day the news came
    ("1月底，遊客在奎爾瓦鄉的花田裡合影。記者王明攝", ("taken", "1月底")),  # ...the same days as the scene's
    ("7月16日，受连日暴雨影响，奎尔瓦乡一座桥被冲毁。李明 摄", ("taken", "7月16日")),
])
def test_a_chinese_day_something_lasts_until_or_news_came_is_not_the_photos(text, expected):
    facts = parse(text, explain=True)
    assert (facts.date_kind, facts.date_text) == expected
    assert expected[0] or any("left out: background" in n for n in facts.notes)


@pytest.mark.parametrize("text, expected", [
    # a picture firm's name ("Photographic") is the agency, no person's
    ("(c) Quorva Photographic\nA driver speaks to media in the paddock on Thursday.",
     (None, "Quorva Photographic", None)),
    ("(c) Ana Quorvik\nA driver speaks to media in the paddock on Thursday.", ("Ana Quorvik", None, None)),
    # a possessive makes a name a place's or a body's own (a tourism board's), no person's
    ("Mount Quorva reflected in Lindt Lake\nCredit: Oregon's Quorva Territory\n\nThe mountain mirrored in the lake.",
     (None, None, "Oregon's Quorva Territory")),
    ("Mount Quorva reflected in Lindt Lake\nCredit: Jo O'Brien\n\nThe mountain mirrored in the lake.",
     ("Jo O'Brien", None, None)),
    # a city's name and 网: a city's news site after "图 |", no person's
    ("古城泉州迎来客流高峰,游客体验非遗。\n图 | 泉州网", (None, "泉州网", None)),
    ("古城泉州迎来客流高峰,游客体验非遗。\n图 | 王泉州", ("王泉州", None, None)),
    # a body's handout a reporter faxed in (传真): no one's picture; the reporter's own (摄) stays theirs
    ("龙舟赛3日起在爱河开锣。(高雄市政府提供)\n\n中央社记者王小明传真 111年6月3日", (None, "CNA", "高雄市政府")),
    ("龙舟赛3日起在爱河开锣。\n\n中央社记者王小明传真 111年6月3日", ("王小明", "CNA", None)),
    ("龙舟赛3日起在爱河开锣。(高雄市政府提供)\n\n中央社记者王小明摄 111年6月3日", ("王小明", "CNA", "高雄市政府")),
])
def test_an_organisation_in_the_photographers_slot_is_no_photographer(text, expected):
    credit = parse(text).credit
    assert (credit.photographer, credit.agency, credit.provider) == expected


@pytest.mark.parametrize("text, expected", [
    # a body's name after "through": the channel something was given by, not where the photo was made
    ("Residents of Quorva took their dogs to the village court for shots given free by the town through the "
     "Municipal Lindt Office. (Photo by Jo Ruiz)", {"sublocation": None}),
    ("Residents of Quorva take their dogs for shots at the Municipal Lindt Office. (Photo by Jo Ruiz)",
     {"sublocation": "Municipal Lindt Office"}),
    ("Visitors stroll through the Quorva Garden on Sunday. (Photo by Jo Ruiz)", {"sublocation": "Quorva Garden"}),
])
def test_a_body_something_was_done_through_is_not_the_scene(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a Chinese place followed by its founding's years names an anniversary, not where the photo was made
    ("8月4日，青海省玉树藏族自治州成立70周年庆祝大会举行，当地群众献上节目。（王明摄）",
     {"city": None, "province": "青海"}),
    ("游客在参观湘西土家族苗族自治州成立60周年成就展。", {"city": None}),
    # ...and a city that only the venue left out gave (西贡, Sai Kung: 香港, written nowhere)
    ("市民参观西贡-堤岸成立300周年摄影展。", {"sublocation": None, "city": None}),
    # ...the same place written as the scene's is kept
    ("8月4日，青海省玉树藏族自治州成立70周年庆祝大会在玉树藏族自治州举行。（王明摄）",
     {"city": "玉树藏族自治州", "province": "青海"}),
])
def test_a_chinese_place_that_names_an_anniversary_is_not_the_scene(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a name no gazetteer level knows, written after a direction: a region or an island with parts, no city
    ("Marines take part in a live-fire exercise in central Quorva on May 3, 2023. (AP Photo/Jo Ruiz)",
     {"city": None}),
    ("Farmers plant rice in northern Quorva on May 3, 2023. (AP Photo/Jo Ruiz)", {"city": None}),
    # ...a city the gazetteer knows keeps its level ("central Tokyo" is Tokyo)
    ("Commuters cross a street in central Tokyo on May 3, 2023. (AP Photo/Jo Ruiz)", {"city": "Tokyo"}),
    # ...and the unknown name written once without a direction is read as before
    ("Farmers plant rice in Quorva on May 3, 2023. (AP Photo/Jo Ruiz)", {"city": "Quorva"}),
])
def test_an_unknown_name_after_a_direction_is_no_city(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # 地区 after a place the gazetteer knows only outside the mainland: the area of it, no prefecture
    ("台中地區的農民在田裡採收高麗菜。(記者王明攝)", {"city": "台中"}),
    ("马尼拉地区一座商场的美食广场仍不开放。(王明摄)", {"city": "马尼拉"}),
    # ...a prefecture of the mainland, and a name the gazetteer does not know, keep their suffix
    ("阿克苏地区的农民在果园里采摘苹果。新华社记者 王明 摄", {"city": "阿克苏地区"}),
    ("奎尔瓦地区的农民在田里抢收蔬菜。(王明摄)", {"city": "奎尔瓦地区"}),
    # ...a prefecture called 地区 until lately keeps it too; a mainland county or city that is none is its area,
    # and so is "Greater" and a city abroad (Metro Manila)
    ("山南地区的农民在收割青稞。(王明摄)", {"city": "山南地区"}),
    ("勐腊地区的茶农在雾中采茶。(王明摄)", {"city": "勐腊"}),
    ("承德地区连日降雪,道路结冰。(王明摄)", {"city": "承德"}),
    ("大马尼拉地区的一座商场门前排起长队。(王明摄)", {"city": "大马尼拉"}),
])
def test_an_area_abroad_or_in_taiwan_is_no_prefecture(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a bare name GeoNames knows as a town, its country written and no city: the town is the city level
    ("Christmas lights up at Oistins in Barbados on December 20, 2021. (Photo by Jo Ruiz)",
     {"sublocation": None, "city": "Oistins"}),
    # ...an unknown name keeps its reading as a venue
    ("Christmas lights up at Quorva Lindt in Barbados on December 20, 2021. (Photo by Jo Ruiz)",
     {"sublocation": "Quorva Lindt", "city": None}),
    # ...and a venue's word keeps it a venue
    ("Christmas lights up at Oistins Market in Barbados on December 20, 2021. (Photo by Jo Ruiz)",
     {"sublocation": "Oistins Market"}),
])
def test_a_town_with_its_country_and_no_city_is_the_city(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # unknown initials under a plain photo lead-in: an outlet's desk, a mark or a body; nothing tells them apart
    ("Ferry passengers wait at the Quorva pier on a wet morning. Photo: QVN", (None, None, None)),
    ("Ferry passengers wait at the Quorva pier on a wet morning. Photo/Foto: QVN.", (None, None, None)),
    ("Ferry passengers wait at the Quorva pier on a wet morning. (Photo: QVN Photo)", (None, None, None)),
    # ...a word that says who handed it out or owns it keeps the provider
    ("Ferry passengers wait at the Quorva pier on a wet morning. (Photo courtesy of QVN)", (None, None, "QVN")),
    ("Ferry passengers wait at the Quorva pier on a wet morning. Image: QVN", (None, None, "QVN")),
    # ...and so does a body's name under the same lead-in
    ("Ferry passengers wait at the Quorva pier on a wet morning. Photo: Quorva Harbour Authority",
     (None, None, "Quorva Harbour Authority")),
])
def test_bare_initials_after_photo_are_no_provider(text, expected):
    credit = parse(text).credit
    assert (credit.photographer, credit.agency, credit.provider) == expected, credit


@pytest.mark.parametrize("text, expected", [
    # one unknown name in mixed case under a plain photo lead-in: a person's one name or a body's, no provider
    ("Fans gather Wednesday at the Quorva Cafe for a manga contest. Pictures: Thajorvin", (None, None, None)),
    # ...under a label in capitals, where a house writes a body's name in capitals too, the one name is a person's
    # (capen81: "PICTURE: Name" closes a Gulf paper's captions; still no provider)
    ("Fans gather Wednesday at the Quorva Cafe for a manga contest. PICTURES: Thajorvin", ("Thajorvin", None, None)),
    ("Fans gather at the Quorva Cafe for a manga contest. Photo: Brelmwatch", (None, None, None)),
    ("Photo/BrelmorianRika Quorva skates in a gala at the Lindt rink on Dec. 9", (None, None, None)),
    # ...a word of giving keeps the provider
    ("Fans gather at the Quorva Cafe for a manga contest. (Photo courtesy of Brelmwatch)",
     (None, None, "Brelmwatch")),
    # ...and a byline's one name stays the photographer's
    ("Fans gather at the Quorva Cafe for a manga contest. (Photo by Thajorvin)", ("Thajorvin", None, None)),
])
def test_one_unknown_name_after_photo_is_no_provider(text, expected):
    credit = parse(text).credit
    assert (credit.photographer, credit.agency, credit.provider) == expected, credit


@pytest.mark.parametrize("text, expected", [
    # a name closing in a word of towns' names as often as sites', written only after a bare "in", no city: the
    # caption's town or a site, nothing tells which, so no venue
    ("Volunteers throw a cookout in Quorva Springs on June 9, 2021, for the new ferry. (Ann Ray / Lindt Courier)",
     {"sublocation": None, "city": None}),
    ("A 40-year resident of Upper Quorva Creek told me the bridge went in a night. Pictured: a washed-out bridge "
     "on the way to their home in Upper Quorva Creek",
     {"sublocation": None, "city": None}),
    # ...a site's preposition keeps the venue
    ("Volunteers throw a cookout at Quorva Springs on June 9, 2021, for the new ferry. (Ann Ray / Lindt Courier)",
     {"sublocation": "Quorva Springs"}),
    # ...and so does a made site's word, or a town named beside it
    ("Volunteers throw a cookout in Quorva Park on June 9, 2021, for the new ferry. (Ann Ray / Lindt Courier)",
     {"sublocation": "Quorva Park"}),
    ("Volunteers throw a cookout in Quorva Springs near Seattle on June 9, 2021. (Ann Ray / Lindt Courier)",
     {"city": "Seattle"}),
])
def test_a_town_or_a_site_after_in_with_no_town_is_left_out(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a county written right before a township inside it: the scene is in the township (the labels' venue is the
    # smallest unit named), not the county read as a venue
    ("福建泉州安溪縣的秋茶採製已近尾聲,位于安溪縣奎爾鄉的茶莊園里,茶農正忙著採摘。 新華網 王小明 攝",
     {"sublocation": "奎爾鄉", "city": "泉州"}),
    # ...a 里 that means "inside" after a town is no ward: the town stays the venue
    ("10月8日,瑞安市林川鎮山間梯田里的稻谷漸漸換上金裝。瑞安日報記者 王小明 攝",
     {"sublocation": "林川鎮", "city": "瑞安"}),
])
def test_a_chinese_unit_written_before_a_smaller_one_gives_the_smaller(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


def test_a_smaller_unit_is_read_only_after_a_larger_one():
    from catalog.captions.chinese_name_checks import unit_inside

    assert unit_inside("奎尔", "高雄", "高雄奎尔林特裡一帶积水近1米") == "林特裡"  # city, district, ward
    assert unit_inside("奎尔", None, "奎尔林特裡一帶积水近1米") is None  # a bare name's level is unknown
    assert unit_inside("奎尔村", "宁波", "宁波市奎尔村林特镇") is None  # a town is no part of a village


@pytest.mark.parametrize("text, expected", [
    # a place written only with its coast or its interior after its possessive is a land holding the scene
    ("Red rocks on Quorva Point's east coast, near Lindt.", {"sublocation": None}),
    ("Surfers wait for a swell off Quorva Point's far northern shore.", {"sublocation": None}),
    # ...a venue's own part keeps it
    ("Red rocks on Quorva Point's steps on a calm day.", {"sublocation": "Quorva Point"}),
])
def test_a_land_written_with_its_coast_is_no_venue(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # the kind of town the city is, written before "of" and the city, names no venue
    ("Passing above the Quorva port town of Parikia during a flight from Athens.",
     {"sublocation": None, "city": "Parikia"}),
    # ...a name right before the kind's word is a village's own, inside the city
    ("Visitors tour an ancestral hall in Quorva Village of Hangzhou, east China's Zhejiang Province, April 23, 2018.",
     {"sublocation": "Quorva Village", "city": "Hangzhou"}),
])
def test_the_kind_of_town_the_city_is_is_no_venue(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a county written only as the opening of a quoted stream's name is no city of the scene
    ("圖1、鹽水溪上游「林特縣溪」,2015/04/17,王小明攝", {"city": None}),
    # ...written outside the quotation marks too, it is
    ("圖1、鹽水溪上游「林特縣溪」,在林特縣,2015/04/17,王小明攝", {"city": "林特縣"}),
])
def test_a_chinese_city_only_inside_a_quoted_name_is_not_the_scene(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a gallery's title run into a caption opening with the same words: the name twice is no name as written
    ("Quorva Township Quorva Township stretching as far as the eye can see, 30km from the centre of Lindt.",
     {"sublocation": None}),
    # ...a name whose words repeat once is a name ("Walla Walla", "Bora Bora")
    ("Families on the beach at Bora Bora, French Polynesia.", {"city": "Bora Bora"}),
])
def test_a_name_written_twice_in_a_row_is_no_venue(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a procession's or a festival's name in the words of its country (perahera, matsuri, jatra) is an event
    ("Elephants in the Quorva Perahera in Kandy, Sri Lanka. The procession is held every year.",
     {"sublocation": None, "city": "Kandy"}),
    ("Dancers carry a shrine during the Quorva Matsuri in Kyoto, Japan, on July 17, 2023.",
     {"sublocation": None, "city": "Kyoto"}),
    # ...and the venue of the event is still read
    ("Elephants at the Temple of the Tooth during the Quorva Perahera in Kandy, Sri Lanka.",
     {"sublocation": "Temple of the Tooth", "city": "Kandy"}),
])
def test_a_festival_named_in_its_countrys_words_is_no_venue(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a Chinese banner, town or village whose name begins with a country's: the unit, not the country
    ("内蒙古赤峰市巴林右旗的牧民在草原上放牧。（新华社记者 李鑫 摄）", {"country": None, "province": "内蒙古"}),
    ("2024年5月1日，在巴林左旗林东镇拍摄的草原。（新华社发）",
     {"country": None, "city": "巴林左旗", "sublocation": "林东镇"}),
    ("新华社赤峰5月1日电 这是在古巴镇拍摄的景色。", {"country": None, "sublocation": "古巴镇"}),
    ("5月1日，村民在朝鲜族村的田间劳作。", {"country": None, "sublocation": "朝鲜族村"}),
    # ...while the country stays where the suffix opens a word of its own (a county town, the countryside,
    # villagers), and where a place of the country follows it
    ("5月1日，在美国县城的街头拍摄的景色。", {"country": "美国"}),
    ("5月1日，游客在英国乡间小路上骑行。", {"country": "英国"}),
    ("5月1日，在巴林麦纳麦拍摄的景色。", {"country": "巴林", "city": "麦纳麦"}),
    ("5月1日，在泰国清迈府拍摄的景色。", {"country": "泰国"}),
    # ...and where 旗 ends a word before a venue word (升旗, raising the flag: a street so named)
    ("除夕当晚，马来西亚升旗街举行倒数活动。", {"country": "马来西亚"}),
])
def test_a_chinese_unit_named_with_a_countrys_name_is_no_country(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a country's name before a state that holds a town of that name: the town, not the country
    ("Floodwater covers a street in Peru, Indiana, on March 3, 2024. (AP Photo/Quorva Lindt)",
     {"city": "Peru", "province": "Indiana", "country": None}),
    ("Fans cheer at a parade in Lebanon, Pa., on July 4, 2023.", {"city": "Lebanon", "country": None}),
    # ...and a country keeps its name before its own state, or before a state holding no town of its name
    ("Fans gather in Mexico, Jalisco, on May 1, 2024.", {"province": "Jalisco", "country": "Mexico"}),
    ("A market in Peru, Cusco, on May 1, 2024.", {"country": "Peru"}),
])
def test_a_town_named_like_a_country_before_its_state_is_the_town(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a date as the subject of 是: the sentence says what the day is, not that the picture was taken on it
    ("夸尔瓦广场办起庆祝活动。9月7日是「夸尔瓦建城日」,用以纪念当地建城三百年。摄影:Lin Dorva",
     (None, None, None)),
    ("重生的林朵村。\n\n2018年5月9日,是林朵村村史上一个特殊的日子。", (None, None, None)),
    # ...a later word that says the scene is of that day keeps it
    ("9月7日是国际夸尔瓦日,林朵市各博物馆当天免费开放,市民排队参观。", (None, "9月7日", "taken")),
    # ...and so does a day that opens the caption: the festival's day the picture shows
    ("3月12日是夸尔瓦植树节,志愿者在林朵公园植树。", (None, "3月12日", "taken")),
    ("2019年2月14日是情人节。图为市民在林朵花店选购鲜花。", ("2019-02-14", None, "taken")),
    ("△9月7日,是林朵村的丰收节,村民在田间晒秋。", (None, "9月7日", "taken")),
    # ...and a date with no 是 after it stays the photo's
    ("2018年5月9日,林朵村村民在田间插秧。", ("2018-05-09", None, "taken")),
    # two days written as a list: an event's days, no photo date (the scene's place is still read)
    ("林朵市龙舟赛于19日和20日在夸尔瓦港举行,近百支队伍参赛。作者:王小明", (None, None, None)),
    ("林朵市龙舟赛于5月19日及20日举行。", (None, None, None)),
    # ...one day is the photo's
    ("林朵市龙舟赛于19日在夸尔瓦港举行,近百支队伍参赛。作者:王小明", (None, "19日", "taken")),
])
def test_a_chinese_day_defined_or_listed_is_no_photo_date(text, expected):
    facts = parse(text)
    assert (facts.date, facts.date_text, facts.date_kind) == expected, facts


def test_a_chinese_listed_day_still_marks_the_scene():
    got = place_of("悉尼市龙舟赛于19日和20日在达令港举行,近百支队伍参赛。作者:王小明")
    assert (got["sublocation"], got["city"]) == ("达令港", "悉尼"), got


@pytest.mark.parametrize("text, expected", [
    # a mountain range named after a city ("the Cairns range"): a venue, the city only inside its name (the contract
    # copies no such city into `city`)
    ("A soldier searches along Quorva Creek in Lindt Ridge, at the base of the Cairns range, in Queensland, during "
     "an operation.", {"sublocation": "Cairns range", "city": None, "province": "Queensland"}),
    ("Snow covers a village at the foot of the Lindt range, Nepal.",
     {"sublocation": "Lindt range", "country": "Nepal"}),
    # ...a range of things is no place
    ("A wide range of goods is sold in Kabul, Afghanistan.", {"sublocation": None, "city": "Kabul"}),
])
def test_a_range_named_after_a_city_is_a_venue(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # one name in Latin letters after 图 alone, which labels the photographer as it labels a source: a person's
    # given name, no outlet
    ("林朵市夸尔瓦街头。图/Jorvik", ("Jorvik", None)),
    ("林朵市夸尔瓦街头。(圖/Jorvik)", ("Jorvik", None)),
    # ...an outlet the registry knows stays the agency, and so does a name after 图片来源 (a source's label only)
    ("林朵市夸尔瓦街头。图/Reuters", (None, "Reuters")),
    ("林朵市夸尔瓦街头。(图片来源:Jorvik)", (None, "Jorvik")),
    ("林朵市夸尔瓦街头。(图片来源:9NEWS)", (None, "9NEWS")),
])
def test_one_latin_name_after_the_picture_label_is_a_person(text, expected):
    credit = parse(text).credit
    assert (credit.photographer, credit.agency) == expected, credit


@pytest.mark.parametrize("text, expected", [
    # a date in a clause about preparations for something: the day of what is prepared for, not the photo's
    ("Workers clean the square, part of the preparations for the visit of the Quorva president in March, 2016.",
     (None, None)),
    ("Workers clean the square in preparation for the Lindt festival on March 3, 2016.", (None, None)),
    # ...the date of the scene's own clause stays the photo's
    ("Workers clean the square in Lindt, Quorvia, March 3, 2016, in preparation for the festival.",
     ("2016-03-03", "taken")),
])
def test_a_date_prepared_for_is_no_photo_date(text, expected):
    facts = parse(text)
    assert (facts.date, facts.date_kind) == expected, facts


@pytest.mark.parametrize("text, expected", [
    # the anniversary's event named in a long phrase before its date: the day commemorated, not the photo's (the
    # scene's weekday stays the photo's day)
    ("Veterans lay wreaths on Friday to mark the anniversary of the Quorva liberation from the Lindt army "
     "occupation on October 12, 1944.", (None, "Friday", "taken")),
    # ...a place written between the anniversary and the date makes it the scene's
    ("Veterans lay wreaths to mark the anniversary of the liberation in Quorva, Lindtia, October 12, 2024.",
     ("2024-10-12", None, "taken")),
])
def test_a_long_anniversary_phrase_dates_the_event_commemorated(text, expected):
    facts = parse(text)
    assert (facts.date, facts.date_text, facts.date_kind) == expected, facts


@pytest.mark.parametrize("text, expected", [
    # an account's handle in the photographer's slot: who posted the picture, no person's name as written
    ("Fans wait outside the Quorva Mall on Friday. @quorvina / Instagram", (None, "Instagram")),
    # ...a name after "Photo by" stays the photographer; a bare "(Name/Instagram)" is the account that posted it, a
    # source and no photographer (test_captions_shapes.py, social accounts)
    ("Fans wait outside the Quorva Mall on Friday. (Photo by Jo Ruiz/Instagram)", ("Jo Ruiz", "Instagram")),
    ("Fans wait outside the Quorva Mall on Friday. (Jo Ruiz/Instagram)", (None, "Instagram")),
])
def test_a_handle_is_no_photographer(text, expected):
    credit = parse(text).credit
    assert (credit.photographer, credit.agency) == expected, credit


@pytest.mark.parametrize("text, expected", [
    # "For The Times": a paper's own page naming itself by a short name many papers share: no agency
    ("Fans wait outside the Quorva Mall on Friday. (Jo Ruiz / For The Times)", ("Jo Ruiz", None)),
    ("Fans wait outside the Quorva Mall on Friday. (Jo Ruiz for The Star)", ("Jo Ruiz", None)),
    # ...one paper's own name, or a paper named whole, stays the agency
    ("Fans wait outside the Quorva Mall on Friday. (Jo Ruiz for The Guardian)", ("Jo Ruiz", "The Guardian")),
    ("Fans wait outside the Quorva Mall on Friday. (Jo Ruiz for The New York Times)",
     ("Jo Ruiz", "The New York Times")),
])
def test_a_shared_short_paper_name_after_for_is_no_agency(text, expected):
    credit = parse(text).credit
    assert (credit.photographer, credit.agency) == expected, credit


@pytest.mark.parametrize("text, expected", [
    # an outlet's reporter named as the one who provided the picture: the person is the provider, not the outlet
    # and the role run into the name
    ("林朵村的春耕场面。(林朵日报记者王小明提供)", "王小明"),
    # ...a role alone, or a body, stays as written
    ("林朵村的春耕场面。(通讯员提供)", "通讯员"),
    ("林朵村的春耕场面。(林朵县文旅局提供)", "林朵县文旅局"),
])
def test_a_reporter_who_provided_the_picture_is_the_provider(text, expected):
    assert parse(text).credit.provider == expected


@pytest.mark.parametrize("text, expected", [
    # a wire's dateline on the caption's second line, with its day: where the story was filed, not the scene
    ("冰雕(中评社 王小明摄)\n中评社北京2月20日电(实习记者 王小明)小城林朵地处东北边陲,地方不大却很精致。",
     {"city": None}),
    ("冰雕(中评社 王小明摄)\n中评社北京2月20日电(实习记者 王小明)小城夸尔山地处东北边陲,地方不大却很精致。",
     {"city": "夸尔山", "sublocation": None}),
    ("冰雕(新华社 王小明摄)\n新华社北京2月20日电 游客在夸尔瓦山游玩。", {"city": None, "sublocation": "夸尔瓦山"}),
    # ...a town named after its kind in apposition is the city, whatever word its name ends in
    ("小城克山地处东北边陲,地方不大却很精致。", {"city": "克山", "sublocation": None}),
    # ...but not a venue after a town's name that ends in the kind
    ("平遥古城迎薰门城楼。", {"city": None}),
])
def test_a_second_line_dateline_is_no_scene(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a paper the registry does not know, then its photographers, then 摄: the paper is no person
    ("工人排队领取西瓜 林朵日报 凌万兵 冒颖异 摄", ("凌万兵", "林朵日报")),
    # ...a known outlet the same way, and a line's words before a name as before
    ("志愿者竖起大拇指 新华网 耿小宇 摄", ("耿小宇", "Xinhuanet")),
    ("罍街夜市 蒋新军摄", ("蒋新军", None)),
])
def test_an_unknown_papers_name_before_the_photographer_is_no_person(text, expected):
    credit = parse(text).credit
    assert (credit.photographer, credit.agency) == expected, credit


@pytest.mark.parametrize("text, expected", [
    # an office alone in brackets at the end handed the picture out: the provider, no photographer
    ("毕业班逐一合影,拍下全家福。(宣傳部)", (None, "宣傳部")),
    ("学生们在操场合影。(新闻处)", (None, "新闻处")),
    # ...a person's name alone in brackets stays the photographer
    ("学生们在操场合影。(郑子颜)", ("郑子颜", None)),
])
def test_an_office_alone_in_brackets_is_the_provider(text, expected):
    credit = parse(text).credit
    assert (credit.photographer, credit.provider) == expected, credit


@pytest.mark.parametrize("text, expected", [
    # a person's full name in Latin letters after the source label: the photographer, not the first word as an
    # outlet
    ("直升機拖著國旗飛過\n\n圖片來源:Quorva Tellin", ("Quorva Tellin", None)),
    ("直升機拖著國旗飛過\n\n圖片來源:Choo Yut Shing", ("Choo Yut Shing", None)),
    # ...an outlet's name of two words is read whole; one word the registry knows stays the outlet
    ("直升機拖著國旗飛過\n\n圖片來源:Associated Press", (None, "AP")),
    ("直升機拖著國旗飛過\n\n圖片來源:Reuters", (None, "Reuters")),
    ("直升機拖著國旗飛過（圖片來源:Harbour FM）", (None, "Harbour FM")),
])
def test_a_latin_name_after_a_source_label_is_read_whole(text, expected):
    credit = parse(text).credit
    assert (credit.photographer, credit.agency) == expected, credit


@pytest.mark.parametrize("text, expected", [
    # a stretch from one county to the next: neither end is the scene, 至 runs into no county's name; the
    # province that holds them both stays
    ("石牌位置在四川省雅江县至理塘县之间的国道边。", {"city": None, "province": "四川"}),
    ("车队行驶在林朵县至夸尔沃县之间的公路上。", {"city": None}),
    # ...one county alone is read as before
    ("石牌位于四川省雅江县。", {"city": "雅江县", "province": "四川"}),
])
def test_a_stretch_between_two_places_is_no_scene(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a labelled credit of three slash-parts: the tail's reading of its last two takes the last outlet for a
    # photographer of one word; the label's reading names the person and the outlet that sent it
    ("A man looks on at the parade. Photo: Quorva Tellin / TASS / Quorvapix", ("Quorva Tellin", "Quorvapix")),
    # ...two parts as before
    ("A man looks on at the parade. Photo: Quorva Tellin / TASS", ("Quorva Tellin", "TASS")),
])
def test_a_labelled_credits_last_outlet_is_no_photographer(text, expected):
    credit = parse(text).credit
    assert (credit.photographer, credit.agency) == expected, credit


@pytest.mark.parametrize("text, expected", [
    # a body's initials after a photographer's name, no slash between: the body, not the name's last word
    ("The mayor hands a proclamation to the deputy. Photo by Quorva Tellin FEMA", ("Quorva Tellin", "FEMA")),
    # ...a generational suffix is part of the name; a name all in capitals is not split
    ("The mayor hands a proclamation to the deputy. Photo by Quorva Tellin III", ("Quorva Tellin III", None)),
    ("The mayor hands a proclamation to the deputy. Photo by Quorva Tellin AP", ("Quorva Tellin", "AP")),
])
def test_initials_after_a_photographers_name_are_the_body(text, expected):
    credit = parse(text).credit
    assert (credit.photographer, credit.agency) == expected, credit


@pytest.mark.parametrize("text, expected", [
    # "quite a few" before a venue word counts things, naming no venue
    ("这个位置,不少路砖已被撬走。", {"sublocation": None}),
    ("暴雨过后,不少路段积水。", {"sublocation": None}),
    # ...a venue named in the sentence stays
    ("奎尔沃广场对开这个位置,不少路砖已被撬走。", {"sublocation": "奎尔沃广场"}),
])
def test_a_count_of_things_names_no_venue(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a wire the registry knows, then its words for its own pictures: the agency, no provider
    ("People try out phones at the fair in Barcelona. Reuters file photo", ("Reuters", None)),
    ("People try out phones at the fair in Barcelona. XInhua file photo", ("Xinhua", None)),
    # ...a paper the registry does not know stays as it was read
    ("Boats wait in the harbour at dawn. Quorva Gazette file photo", ("Quorva Gazette", None)),
])
def test_a_wires_file_photo_is_the_wires(text, expected):
    credit = parse(text).credit
    assert (credit.agency, credit.provider) == expected, credit


@pytest.mark.parametrize("text, expected", [
    # a gallery's listing date after the headline, then the caption's own date opening its sentence: the own one
    ("林朵故居在夸尔瓦开放 2015年5月25日 2015年5月24日,人们在林朵故居参观。图片来源:AP", "2015-05-24"),
    ("夸尔瓦特种部队举行考核 2016-03-02 2016年2月28日,队员在训练基地参加考核。", "2016-02-28"),
    # ...one date alone after the headline is the caption's
    ("林朵故居在夸尔瓦开放 2015年5月25日,人们在林朵故居参观。", "2015-05-25"),
    # ...and two days the text joins with words are not a listing and its caption
    ("2015年5月25日至2015年5月28日,夸尔瓦举办灯会。", None),
])
def test_a_chinese_listing_date_before_the_captions_own_is_the_pages(text, expected):
    assert parse(text).date == expected


@pytest.mark.parametrize("text, expected", [
    # a first sentence that tells its time by a word (近日, 昨天), then a date of the story on the same line: no date
    # of that story for the photo
    ("发言人林朵近日又一次为位于夸尔瓦县的“夸尔瓦天眼”点赞。这台望远镜2016年9月25日落成启用,至今已有多项发现。",
     (None, None)),
    ("昨天,游客在夸尔瓦公园赏花。这座公园2001年5月1日建成开放。", (None, "taken")),
    # ...a first sentence with no word of time leaves the line's later date the scene's, as before
    ("夸尔瓦公园花开正艳。4月2日,游客在园内赏花。", (None, "taken")),
])
def test_a_chinese_first_sentence_that_tells_its_time_keeps_a_later_date_out(text, expected):
    facts = parse(text)
    assert (facts.date, facts.date_kind) == expected, facts


@pytest.mark.parametrize("text, expected", [
    # a named venue after a verb of moving away and "from" is where it came from, an origin, not the scene
    ("A cow looks into the lens. The show moved from the Quorva Hall in Belfast in 2013.", (None, None)),
    ("Refugees who fled from the Quorva Camp in Aleppo rest on Sunday.", (None, None)),
    ("The Quorva Park, near Lisburn, has hosted the show since it moved from the Lindt Hall in Belfast.",
     ("Quorva Park", "Lisburn")),
    # ...while after a verb of viewing it is the standpoint, the scene
    ("A man watches the parade from the Quorva Tower in Lyon.", ("Quorva Tower", "Lyon")),
])
def test_a_venue_moved_from_is_an_origin(text, expected):
    found = parse(text).location
    assert (found.sublocation, found.city) == expected


@pytest.mark.parametrize("text, expected", [
    # a disaster's word alone, with a capital where a town's name could stand, is the event, never a town
    ("Bushfires in Australia seen in an image from a satellite on Sunday.", (None, "Australia")),
    ("Floods in Quorvania leave many homeless.", (None, None)),
    # ...while a town the gazetteer holds under a storm's name is still the town
    ("Residents clean up in Hurricane, Utah.", ("Hurricane", None)),
])
def test_a_disasters_word_alone_is_no_town(text, expected):
    found = parse(text).location
    assert (found.city, found.country) == expected


@pytest.mark.parametrize("text, expected", [
    # a name with the word "region" before "of" and its country is a region, never a city: the province without
    # "the", a wide area with it
    ("A view of camps in the Quorva region of the Democratic Republic of the Congo.",
     {"city": None, "country": "Democratic Republic of the Congo"}),
    ("Soldiers patrol in Quorva region of Ukraine.", {"city": None, "province": "Quorva region"}),
])
def test_a_region_of_its_country_is_no_city(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a body's people going to a place (前往) or visiting it (参访): the place they go to is the scene, not the
    # body named first
    ("奎沃大学新闻学系的学生9月23日晚间前往奎尔沃棒球场实地教学。", {"sublocation": "奎尔沃棒球场"}),
    ("奎沃大学的国际生参访奎尔沃区,认识当地的防灾规划。", {"sublocation": None, "city": "奎尔沃区"}),
    # ...with no verb of going, the venue named stays
    ("9月23日,奎沃大学的学生在图书馆里读书。", {"sublocation": "奎沃大学"}),
])
def test_the_place_a_body_goes_to_is_the_scene(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a school opening the sentence before one of its pupils or teachers is whose they are, not the scene
    ("Quorva High School sophomore Ana Ruiz stacks the water bottles on Friday.", {"sublocation": None}),
    ("Quorva Academy teachers march along the seafront on Friday.", {"sublocation": None}),
    # ...a school the sentence puts the scene in stays
    ("Pupils play in the yard of Quorva High School on Friday.", {"sublocation": "Quorva High School"}),
])
def test_a_school_before_its_pupils_is_no_scene(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a city abroad written with 州 is the state (or oblast) named after it, the province, not the city
    ("5月3日,游客在纽约州的一处农场采摘苹果。", {"city": None, "province": "纽约州"}),
    ("选民在华盛顿州排队投票。", {"city": None, "province": "华盛顿州"}),
    # ...州长 after it is the state's governor, a title; a city of China ending in 州 stays the city
    ("5月3日,纽约州长奎沃在纽约出席游行。", {"city": "纽约", "province": None}),
    ("5月3日,游客在杭州游览。", {"city": "杭州", "province": None}),
])
def test_a_city_abroad_written_with_zhou_is_its_state(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a span of years back opens a clause about a person, whose name may end in a venue's character (峰, 山)
    ("三年前赵奎峰(左)再次当选,于就职日与李某进行交接。", None),
    ("四年前林某山在奎沃市参选。", None),
    # ...while a venue named after it in a place phrase of its own is read
    ("三年前,选民在奎沃体育馆投票。", "奎沃体育馆"),
])
def test_years_back_open_a_clause_not_a_venue(text, expected):
    assert parse(text).location.sublocation == expected


@pytest.mark.parametrize("text, expected", [
    # a district of a Chinese city written with "District" is a unit below the city, no site within it
    ("Commuters wait for a bus in Quorvan District of southwest China's Chongqing, July 3, 2024.",
     {"sublocation": None, "city": "Chongqing"}),
    ("A vendor sells melons in Quorvan District in Tianjin, north China, Aug. 9, 2021.",
     {"sublocation": None, "city": "Tianjin"}),
    ("Children skate in Quorvan District of Hangzhou, east China's Zhejiang Province, Jan. 5, 2023.",
     {"sublocation": None, "city": "Hangzhou"}),
    # ...a venue of that district is still the site
    ("Visitors tour the Quorva Museum in Quorvan District of Chongqing, July 3, 2024.",
     {"sublocation": "Quorva Museum", "city": "Chongqing"}),
    # ...a district of Hong Kong is the sublocation, as the labelling contract asks; so is a quarter abroad
    ("Shoppers crowd a market in Quorvan District of Hong Kong, July 3, 2024.",
     {"sublocation": "Quorvan District", "city": "Hong Kong"}),
    ("Fishermen unload boats in Quorva district of Dakar, July 3, 2024.",
     {"sublocation": "Quorva district", "city": "Dakar"}),
])
def test_a_district_of_a_chinese_city_is_no_site(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # one word in Latin letters the registry does not know, a slash, then a Chinese name 摄 says took the picture:
    # the outlet, then its photographer (not a second outlet)
    ("3月9日拍摄的春茶。QUORVAPIX/王小川 摄", {"agency": "QUORVAPIX", "photographer": "王小川"}),
    ("游客在花海边观光留影。Quorvafoto/李奎 摄", {"agency": "Quorvafoto", "photographer": "李奎"}),
    # ...a registry agency there reads as before
    ("3月9日拍摄的春茶。CFP/王小川 摄", {"agency": "CFP", "photographer": "王小川"}),
])
def test_a_latin_outlet_then_a_chinese_photographer(text, expected):
    got = vars(parse(text).credit)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a place right before 到 or 至 and another right after it are a route's two ends, neither the scene
    ("9月20日,工人在钱塘江大桥上焊接钢梁,通车后浙江宁波到上海的行程将缩短一半。记者 王明 摄",
     {"city": None, "province": None, "sublocation": "钱塘江大桥"}),
    ("6月8日,京港澳高速公路岳阳至长沙段拓宽工程的一座特大桥合龙。记者 李华 摄", {"city": None}),
    # ...the route named as the venue keeps the province that holds it
    ("4月2日,山东济南至泰安高速公路正式通车。记者 李华 摄", {"city": None, "province": "山东"}),
    # ...到 and 至 that open other words are no route ("到处", "至今"), nor is a verb ending in 到 ("来到")
    ("6月8日,游客在四川成都到处游览。记者 李华 摄", {"city": "成都", "province": "四川"}),
    ("6月8日,记者来到湖南长沙的一处工地。记者 李华 摄", {"city": "长沙", "province": "湖南"}),
])
def test_the_ends_of_a_chinese_route_are_no_scene(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a weekday right before a site held or used on that day names the site, not the photo's day
    ("Worshippers sit in the courtyard of the Friday mosque in Quorvale.", {"date": None, "date_kind": None}),
    ("Shoppers crowd the Sunday bazaar in Quorvale.", {"date": None, "date_kind": None}),
    # ...the day of a prayer or of the scene stays
    ("Muslims attend Friday prayers at the Quorva mosque in Quorvale.", {"date": None, "date_kind": "taken"}),
    ("Protesters march past the market in Quorvale on Sunday.", {"date": None, "date_kind": "taken"}),
])
def test_a_weekday_naming_a_site_is_no_date(text, expected):
    got = parse(text)
    assert {"date": got.date, "date_kind": got.date_kind} == expected


@pytest.mark.parametrize("text, expected", [
    # a news agency's name written only as the picture's source is no place, though a county shares it
    ("Pupils read in the new village library, photo from Xinhua, March 3.", {"city": None}),
    ("Boats wait out the storm in the harbour. Picture courtesy of Kyodo", {"city": None}),
    # ...while a town of that name placed by the caption stays
    ("Farmers plant rice in Xinhua, Hunan, on Monday. Photo from Xinhua", {"city": "Xinhua", "province": "Hunan"}),
])
def test_an_agency_named_as_the_pictures_source_is_no_place(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # an ordinal before "photo" in brackets points at one picture of a set, it names no source
    ("The Quorva County Fair closed with the derby. (First photo) Cars in the first heat and (second photo) "
     "the second heat.", {"provider": None, "agency": None, "photographer": None}),
    ("Quorvale's new bridge opened on Friday (last photo), a year late.",
     {"provider": None, "agency": None, "photographer": None}),
    # ...an outlet's initials before "photo" are a credit as before
    ("Shoppers crowd the bazaar in Quorvale. (QNA Photo)", {"photographer": None}),
])
def test_an_ordinal_before_photo_is_no_credit(text, expected):
    got = vars(parse(text).credit)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a province right before 队 names a team, not the scene, even where a venue is read after it (and "队坐镇" is no
    # town: 镇 there is the verb 坐镇, to hold one's home ground)
    ("3月1日晚,浙江队坐镇主场迎战来访的山西队。记者 李华 摄", {"province": None, "city": None, "sublocation": None}),
    ("3月1日晚,浙江队坐镇宁波奥体中心迎战来访的山西队。记者 李华 摄", {"province": None}),
    # ...the scene's own chain before the team stays
    ("5月2日,在江苏南京奥体中心,江苏队球员在比赛中拼抢。记者 李华 摄",
     {"province": "江苏", "city": "南京", "sublocation": "奥体中心"}),
])
def test_a_province_before_a_team_word_is_no_scene(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a date with a clock time after a slash, on a line of its own below the caption, is a listing's stamp
    ("Two old friends met again at the city museum last spring.\n14.10.2022 / 09:31 ANNA BERG",
     {"date": None, "date_kind": None}),
    # ...and a stamped page line whose only lower-case word is a label's value ("Editor: lixin") is the page's too,
    # so the caption's own date is the photo's
    ("Harvest festival in Quorvale\n\nQuorvanet| 2022-10-14 09:31:07|Editor: lixin\n\nFarmers dance at the "
     "harvest festival in Quorvale on Oct. 13, 2022. (Photo by Ann Ray/Xinhua)",
     {"date": "2022-10-13", "date_kind": "taken"}),
    # ...while a date and a clock time inside the caption's sentence stay the photo's
    ("Fans cheer the home side in the square, Quorvale 13/10/2022, 7:18pm. Photo: Ann Ray",
     {"date": "2022-10-13", "date_kind": "taken"}),
])
def test_a_page_stamp_after_a_slash_or_beside_a_labels_value_is_no_photo_date(text, expected):
    facts = parse(text)
    got = {"date": facts.date, "date_kind": facts.date_kind}
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a city-state's name is never the country, wherever the chain reads it at that level
    ("8月15日,旅客们在香港国际机场候机大厅走动。新华社记者 李明摄", {"country": None}),
    ("8月15日,观众在香港会展中心参观展览。新华社记者 李明摄", {"country": None, "city": "香港"}),
    ("8月15日,旅客們在澳門國際機場走動。記者 李明攝", {"country": None}),
    # ...a country written before its city stays
    ("8月15日,观众在法国巴黎参观展览。新华社记者 李明摄", {"country": "法国", "city": "巴黎"}),
])
def test_a_city_state_is_no_country(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a person's picture "for" a body or an outlet the registry lacks: the person took it, no provider handed it out
    ("Women build a bomber in the plant, October 1942. Photo by Ann Ray for the Quorva Office of War Information.",
     {"photographer": "Ann Ray", "provider": None}),
    ("Hilde, 10, marches in the rally. Picture: Tony Smith for Quorva Today", {"photographer": "Tony Smith",
                                                                             "provider": None}),
    # ...an outlet after "for" is the agency as before, and a client after an agency stays out
    ("A boy plays in the park. Photo: Jan Novak for Quorva Daily", {"photographer": "Jan Novak",
                                                                  "agency": "Quorva Daily", "provider": None}),
    ("Models walk the runway. Photo by Ann Ray/Getty Images for Flannels",
     {"photographer": "Ann Ray", "agency": "Getty Images", "provider": None}),
    # ...and a title line "X for Y" with one word after "for" is no credit at all
    ("Fresh Bread for Breakfast\nA baker lifts loaves from the oven in Quorvale before dawn.",
     {"photographer": None, "agency": None, "provider": None, "raw": None}),
])
def test_a_persons_picture_for_a_body_names_no_provider(text, expected):
    got = vars(parse(text).credit)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # 发布会 after a date is a press conference or a launch held that day: the event's date, taken, no release
    ("市政府新闻办公室2021年6月3日10时召开新闻发布会,介绍防汛工作。图为发布会现场。记者 李明 摄",
     {"date": "2021-06-03", "date_kind": "taken"}),
    ("新產品2019年9月10日舉行發布會,吸引大批媒體。記者 陳明 攝", {"date": "2019-09-10", "date_kind": "taken"}),
    # ...while a picture released that day stays released
    ("这是某航天局2021年6月3日发布的照片。", {"date": "2021-06-03", "date_kind": "released"}),
    ("某航天局2021年6月3日公布了一张火星照片。", {"date": "2021-06-03", "date_kind": "released"}),
])
def test_a_launch_or_press_conference_is_no_release(text, expected):
    facts = parse(text)
    got = {"date": facts.date, "date_kind": facts.date_kind}
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a Chinese prefecture before its region is the city's stand-in, not a province abroad the gazetteer matches by
    # name (Altai Republic for "Altay Prefecture")
    ("Herders drive sheep across a river in Altay Prefecture, northwest China's Xinjiang Uygur Autonomous Region, "
     "May 3, 2025. (Photo by Ann Ray/Xinhua)",
     {"city": "Altay Prefecture", "province": "Xinjiang", "country": "China"}),
    # ...a prefecture of Guinea sits inside its region of the same name: no province
    ("A girl carries water in Kankan Prefecture, Guinea, on May 3, 2025.", {"province": None, "country": "Guinea"}),
    # ...while Japan's prefectures are its provinces
    ("Rice is planted in a terraced field in Nagano Prefecture, Japan, May 3, 2025.",
     {"province": "Nagano", "country": "Japan"}),
])
def test_a_prefecture_below_its_province_is_no_province(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a country's possessive before its national day names a holiday, no scene: the city after it stays, no country
    ("Cadets march in a parade on Ghana's Independence Day in Accra on Monday. Photo: Ann Ray",
     {"city": "Accra", "country": None}),
    ("Crowds wave flags on India's Republic Day in Kolkata on Tuesday. Photo: Ann Ray",
     {"city": "Kolkata", "country": None}),
    # ...a country's possessive before a place keeps its country
    ("Farmers harvest tea in China's Anhui Province on Monday. Photo: Ann Ray",
     {"province": "Anhui", "country": "China"}),
    ("Fields bloom in Luoping county in Southwest China's Yunnan Province show the season has come.",
     {"city": "Luoping county", "country": "China"}),
])
def test_a_nations_holiday_names_no_country(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a kind of area by what is there (a state farm's reclaimed land, a landing ground, the border): no district's
    # name, so no city; the province before it and the venue after it stay
    ("4月2日,在吉林垦区奎尔瓦农场,职工正在育秧。(新华社 王明 摄)", {"city": None, "province": "吉林"}),
    ("返回舱着陆前,着陆场区的搜救队伍已就位。新华社发", {"city": None}),
    ("5月3日,在云南边境地区,一名牧民赶着羊群。新华社发(王明摄)", {"city": None, "province": "云南"}),
    # ...a district the gazetteer knows, and an unknown name with 区, stay the city
    ("4月2日,在吉林省长春市朝阳区奎尔瓦农场,职工正在育秧。(新华社 王明 摄)", {"city": "长春"}),
    ("4月2日,在奎尔瓦区,职工正在育秧。(新华社 王明 摄)", {"city": "奎尔瓦区"}),
])
def test_a_kind_of_area_is_no_district(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a range's end written as a bare day after a dash ("9月10日-11日") is the range's, as its start is: no date
    ("9月10日-11日,奎尔瓦社区的老人聚在一起过中秋。(王明 摄)", (None, None)),
    # the day a show runs until is its end, not the photo's
    ("图片展呈现历届冬奥会上的精彩时刻,展期到3月15日。", (None, None)),
    ("遊客在奎爾瓦博物館參觀,展覽開放到10月8日。", (None, None)),  # (traditional script too)
    # ...a single day, and a day that opens the scene before a later 到, stay the photo's
    ("9月10日,奎尔瓦社区的老人聚在一起过中秋。(王明 摄)", ("taken", "9月10日")),
    ("9月10日,游客来到奎尔瓦博物馆参观。(王明 摄)", ("taken", "9月10日")),
])
def test_a_chinese_ranges_end_or_a_shows_last_day_is_not_the_photos(text, expected):
    facts = parse(text)
    assert (facts.date_kind, facts.date_text) == expected


@pytest.mark.parametrize("text, expected", [
    # a country or a province written only inside quoted words (a plea, a show's title) is no scene
    ("当局呼吁民众「避免前往日本」,但奎尔瓦机场的旅客仍然大排长龙。(图翻摄自网络)", {"country": None}),
    ("“丝路上的甘肃”摄影展吸引市民驻足观看。(王明 摄)", {"province": None}),
    # ...the same names written outside the quotation marks stay
    ("旅客在日本东京羽田机场排队,呼吁「避免前往」的声音不断。(王明 摄)", {"country": "日本"}),
    ("“丝路印象”摄影展在甘肃兰州开幕。(王明 摄)", {"province": "甘肃"}),
])
def test_a_chinese_country_or_province_only_in_quotation_marks_is_no_scene(text, expected):
    got = place_of(text)
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize("text, expected", [
    # a slashed date with the year first ("2016/08/24", a photo agency's heading) is the photo's day: read whole, the
    # year alone of a background sentence ("in 2009") is no longer taken for it
    ("QUORVA, ITALY - 2016/08/24: The quake struck at 3:36, the hour of the one that hit Zembla in 2009. (Photo by "
     "Ann Ray/Pacific Press/LightRocket via Getty Images)", "2016-08-24"),
    ("Farmers plant rice near Quorva, 2019/10/5. Photo by Le Van", "2019-10-05"),
    # ...a season's two years, and a path of numbers, are no date
    ("Fans cheer the 2018/19 season's last match in Quorva.", None),
    ("The gallery at photos/2016/08/24/quorva shows the fair.", None),
])
def test_a_slashed_date_with_its_year_first(text, expected):
    assert parse(text).date == expected


@pytest.mark.parametrize("text, expected", [
    # a dotted date whose numbers leave the order open is month first where the place's country writes dates so
    ("Marines swim at Camp Quorva, North Carolina. (U.S. Marine Corps photo by Cpl. Ann Ray)\n\nDate Taken: "
     "03.11.2022\nLocation: CAMP QUORVA, NC, US", "2022-03-11"),
    # ...day first elsewhere, and where no country is read; a day over 12 says the order itself
    ("Berlin, Germany - 03.11.2022\nProtesters march through Mitte.", "2022-11-03"),
    ("Protesters march through Quorva. 03.11.2022", "2022-11-03"),
    ("Marines swim at Camp Quorva, North Carolina, 02.19.2026. Photo by Cpl. Ann Ray", "2026-02-19"),
])
def test_a_dotted_date_in_its_countrys_order(text, expected):
    assert parse(text).date == expected


@pytest.mark.parametrize("text, expected", [
    # a month or a year right before a verb of beginning or founding is the pictured thing's history: no date, and
    # the place stays the first sentence's
    ("奎尔瓦大桥全长881米,是亚洲跨径最大的开启型桥梁,2003年7月动工。图为通车典礼后,群众走上大桥。(王明 摄)",
     (None, None, "奎尔瓦大桥")),
    ("这个被叫作保健医院的奎尔瓦动车所2013年5月成立,负责动车组的检修。(王明 摄)", (None, None, None)),
    # ...a date opening its sentence, and a day written, stay the photo's
    ("2003年7月,奎尔瓦大桥动工。(王明 摄)", ("2003-07", "taken", None)),
    ("2019年5月,游客在奎尔瓦公园赏花。(王明 摄)", ("2019-05", "taken", None)),
])
def test_a_chinese_month_when_a_thing_was_begun_is_its_history(text, expected):
    facts = parse(text)
    got = (facts.date, facts.date_kind, facts.location.sublocation)
    assert got[:2] == expected[:2] and (expected[2] is None or got[2] == expected[2]), got


def credit_and_place_of(text: str) -> dict:
    facts = parse(text)
    got = {"photographer": facts.credit.photographer, "agency": facts.credit.agency,
           "provider": facts.credit.provider, "date": facts.date, "date_kind": facts.date_kind}
    got.update(vars(facts.location))
    return got


#: Credits, issue 14 (capprec20): (why, caption, the fields expected).
PROVIDER_CHAINS = [
    # --- a provider of several sources joined by slashes: the first, the one that hands the picture out ----------
    ("a space agency and two partners",
     "The rover's tracks wind across the dunes of the crater floor. Photo: NASA/JPL/Brown University",
     {"provider": "NASA", "photographer": None, "agency": None}),
    ("an image credit of three bodies",
     "Ice geysers rise from the moon's south pole. Image: NASA/JPL-Caltech/Southwest Research Institute",
     {"provider": "NASA"}),
    ("two agencies in closing brackets",
     "The probe's camera catches the asteroid's shadow. (Photo: JAXA/ESA)",
     {"provider": "JAXA"}),
    ("sources parted by commas stay as the credit writes them",
     "Smoke from the fires drifts over the coast. (NASA Earth Observatory, MODIS via AP)",
     {"provider": "NASA Earth Observatory, MODIS", "agency": "AP"}),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in PROVIDER_CHAINS],
                         ids=[case[0] for case in PROVIDER_CHAINS])
def test_a_provider_chain_gives_its_first_source(text, expected):
    got = credit_and_place_of(text)
    assert {k: got[k] for k in expected} == expected, got


#: A brand the registry held as another agency's alias, labelled under its own name as the credit writes it.
BRANDS = [
    ("a sport desk's brand after its photographer",
     "A goalkeeper dives for the ball in the second half. Mandatory Credit: Dana Morrow-USA TODAY Sports",
     {"photographer": "Dana Morrow", "agency": "USA TODAY Sports"}),
    ("its owner written as itself stays its owner",
     "A goalkeeper dives for the ball in the second half. Mandatory Credit: Dana Morrow-Imagn Images",
     {"photographer": "Dana Morrow", "agency": "Imagn Images"}),
    ("a broadcaster's news channel in an English credit",
     "Rescue teams search the collapsed bridge on Tuesday. (Photo/CCTV News)",
     {"agency": "CCTV News"}),
    ("the broadcaster itself",
     "Rescue teams search the collapsed bridge on Tuesday. (Photo/CCTV)",
     {"agency": "CCTV"}),
    ("a broadcaster by the name it credits with",
     "Protesters march through the city centre on Sunday. Photo: DW/Dana Morrow",
     {"photographer": "Dana Morrow", "agency": "DW"}),
    ("the same broadcaster written out",
     "Protesters march through the city centre on Sunday. (Photo: Deutsche Welle)",
     {"agency": "DW"}),
    ("a paper's short name and its word for pictures, known whole to the registry",
     "Devotees carry the idol through the old city's lanes on Friday. (Express photo)",
     {"agency": "The Indian Express", "photographer": None}),
    ("an outlet the registry does not know keeps its name without the word",
     "Crowds fill the fairground on the last night. (Quorva Ledger photo)",
     {"agency": "Quorva Ledger"}),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in BRANDS], ids=[case[0] for case in BRANDS])
def test_brands_under_their_own_names(text, expected):
    got = credit_and_place_of(text)
    assert {k: got[k] for k in expected} == expected, got


#: A photographer's own studio ("Name Photography") is the credit's outlet, as the sets label it: no person.
STUDIOS = [
    ("a studio alone in closing brackets",
     "Volunteers plant oaks along the river path on Saturday. (Dana Morrow Photography)",
     {"photographer": None, "agency": "Dana Morrow Photography"}),
    ("a studio after a lead-in and a copyright sign",
     "The lighthouse keeper's cottage after its restoration. Photograph: © Owen Pryce Photography",
     {"photographer": None, "agency": "Owen Pryce Photography"}),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in STUDIOS], ids=[case[0] for case in STUDIOS])
def test_studios_are_outlets(text, expected):
    got = credit_and_place_of(text)
    assert {k: got[k] for k in expected} == expected, got


#: A sentence's full stop beside a photographer's name is no part of it; an initial's stop and "Jr." are.
STOPS = [
    ("a stop after the name before a file tag",
     "Fans cheer in the first half in Kansas City, Mo. (AP Photo/Dana Morrow. File)",
     {"photographer": "Dana Morrow", "agency": "AP"}),
    ("a town and its stop before the name",
     "A man waits outside the old fort museum. Tuesday, March 6th, 2018. Ajman. Dana Morrow / The Gulf Herald",
     {"photographer": "Dana Morrow"}),
    ("an initial's stop stays",
     "Crews clear the road after the storm. (AP Photo/Dana K.)",
     {"photographer": "Dana K."}),
    ("a junior's stop stays",
     "Crews clear the road after the storm. (AP Photo/Dana Morrow Jr.)",
     {"photographer": "Dana Morrow Jr."}),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in STOPS], ids=[case[0] for case in STOPS])
def test_stops_beside_a_name(text, expected):
    got = credit_and_place_of(text)
    assert {k: got[k] for k in expected} == expected, got


#: "Name/via REUTERS" is "Name via REUTERS": the agency after "via" sends the picture on, whatever is before it.
SENT_ON = [
    ("an agency and its photographer, sent on after a slash",
     "Children wait to break the fast near a mosque in Palu, Indonesia, April 13, 2021. "
     "Antara Foto/Dana Morrow/via REUTERS",
     {"photographer": "Dana Morrow", "agency": "Reuters"}),
    ("an agency alone, sent on after a slash: no provider",
     "Leaders open the party congress in Aalborg, Denmark, September 18, 2021. Ritzau Scanpix/via REUTERS",
     {"agency": "Reuters", "provider": None}),
    ("a zoo's picture sent on after a slash stays the provider",
     "Two red pandas play in the first snow of the winter. (Quorva Zoo/via AP)",
     {"agency": "AP", "provider": "Quorva Zoo"}),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in SENT_ON], ids=[case[0] for case in SENT_ON])
def test_sent_on_after_a_slash(text, expected):
    got = credit_and_place_of(text)
    assert {k: got[k] for k in expected} == expected, got


#: A house's word for a supplied picture, in pinyin ("Ti Gong", 提供): the provider as written, no outlet.
SUPPLIED = [
    ("after the photographer on a line of its own",
     "Dana Morrow / Ti Gong\n\nChildren ride a rice transplanter with a farmer in the fields of a suburban town.",
     {"photographer": "Dana Morrow", "agency": None, "provider": "Ti Gong"}),
    ("alone on the first line",
     "Ti Gong\n\nVolunteers from the university help visitors at the lantern festival.",
     {"photographer": None, "agency": None, "provider": "Ti Gong"}),
]


@pytest.mark.parametrize("text, expected", [case[1:] for case in SUPPLIED], ids=[case[0] for case in SUPPLIED])
def test_a_word_for_supplied(text, expected):
    got = credit_and_place_of(text)
    assert {k: got[k] for k in expected} == expected, got

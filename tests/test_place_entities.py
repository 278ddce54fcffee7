"""Places as entities: one United States, one Hefei, one Anhui however a file or a person writes them.

Gazetteer.place (a stated place → its entity), search_keys (a typed name → the entities it may mean),
place_keys (the keys stored per photo), reverse (a GPS point → its city), conflict and distance_to.
"""

from __future__ import annotations

import json
import math
import pickle
import random

import pytest

from catalog.places import PLACEHOLDERS, Place, distance_km, get_gazetteer, is_placeholder


@pytest.fixture(scope="module")
def gazetteer():
    return get_gazetteer()


# --- countries: every spelling, one entity --------------------------------------------------------------

COUNTRY_SPELLINGS = {
    "US": ["USA", "U.S.", "US", "us", "U.S.A.", "United States", "United States of America", "UNITED STATES",
           "USA - United States", "美国", "アメリカ合衆国", "미국", "Соединенные Штаты", "Georgia, USA"],
    "FR": ["France", "FRA - France", "FRA", "FR", "france", "法国", "フランス", "프랑스"],
    "CA": ["Canada", "CANADA", "CAN - Canada", "加拿大"],
    "CN": ["China", "CHINA", "CHN", "People's Republic of China", "中国", "PRC - China"],
    "GB": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain", "GBR - United Kingdom", "英国"],
    "HK": ["Hong Kong", "Hong Kong SAR", "HONG KONG SAR", "Hong Kong SAR, China", "Hong Kong, China", "香港"],
    "DE": ["Germany", "Deutschland", "DEU - Germany", "德国"],
    "JP": ["Japan", "日本", "JPN"],
    "KR": ["South Korea", "Korea, Republic of", "Republic of Korea", "대한민국", "韩国"],
}


@pytest.mark.parametrize(
    ("code", "spelling"), [(c, s) for c, spellings in COUNTRY_SPELLINGS.items() for s in spellings]
)
def test_every_country_spelling_is_one_entity(gazetteer, code, spelling):
    place = gazetteer.place(country=spelling)
    assert place is not None, spelling
    assert (place.id, place.country_code, place.level) == (code, code, "country")
    assert place.country == gazetteer.country_name(code)  # one canonical English short name


def test_country_names_are_canonical_and_carry_other_scripts(gazetteer):
    us = gazetteer.place(country="U.S.A.")
    assert us.country == "United States" and us.name == "United States"
    assert us.names["zh"] == "美国" and us.names["ja"] == "アメリカ合衆国" and us.names["ko"] == "미국"
    assert all(not name.isascii() for name in us.names.values())  # other scripts only


def test_a_disagreeing_code_and_name_is_not_guessed(gazetteer):
    assert gazetteer.place(country="DEU - France") is None
    assert gazetteer.country_code("DEU - France") is None


# --- UK nations: the country is the United Kingdom, the nation its province ----------------------------

@pytest.mark.parametrize(("nation", "code"), [
    ("England", "GB-ENG"), ("Scotland", "GB-SCT"), ("Wales", "GB-WLS"), ("Northern Ireland", "GB-NIR"),
])
def test_uk_nations_are_provinces_of_the_united_kingdom(gazetteer, nation, code):
    place = gazetteer.place(country=nation)
    assert (place.country, place.country_code, place.province_code, place.province) == (
        "United Kingdom", "GB", code, nation)
    city = gazetteer.place(city="London", country="England")
    assert (city.city, city.province_code, city.country_code, city.level) == ("London", "GB-ENG", "GB", "city")


# --- provinces: every spelling, one entity ----------------------------------------------------------------

PROVINCE_SPELLINGS = {
    "CN-AH": ["Anhui", "Anhui Province", "Anhui Sheng", "ANHUI", "安徽省", "安徽", "Province of Anhui"],
    "CA-ON": ["Ontario", "Ont", "Ont.", "ONT.", "ON"],
    "CA-QC": ["Quebec", "Québec", "Que.", "QC"],
    "CA-BC": ["British Columbia", "B.C.", "BC"],
    "US-OR": ["Oregon", "Ore.", "OR"],
    "US-CA": ["California", "Calif.", "CA"],
    "CN-XJ": ["Xinjiang", "Xinjiang Uygur Zizhiqu", "Xinjiang Uyghur Autonomous Region", "新疆维吾尔自治区", "新疆"],
    "CN-GD": ["Guangdong", "Guangdong Province", "广东省", "广东"],
    "AU-NSW": ["New South Wales", "NSW", "N.S.W."],
    "AU-VIC": ["Victoria", "Vic."],
}


@pytest.mark.parametrize(
    ("code", "spelling"), [(c, s) for c, spellings in PROVINCE_SPELLINGS.items() for s in spellings]
)
def test_every_province_spelling_is_one_entity(gazetteer, code, spelling):
    country = code.split("-")[0]
    place = gazetteer.place(province=spelling, country=country)
    assert (place.id, place.province_code, place.country_code, place.level) == (code, code, country, "province")


def test_province_entity_fields(gazetteer):
    anhui = gazetteer.place(province="安徽省")
    assert anhui.to_json() == {
        "id": "CN-AH", "name": "Anhui", "sublocation": None, "city": None, "province": "Anhui",
        "province_code": "CN-AH", "country": "China", "country_code": "CN", "lat": anhui.lat, "lon": anhui.lon,
        "approximate": False, "distance_km": None, "how": "file", "names": {"zh": "安徽省"},
    }
    assert distance_km(anhui.lat, anhui.lon, 31.86, 117.28) < 200  # Anhui's point, near Hefei


# --- cities ----------------------------------------------------------------------------------------------

CITY_SPELLINGS = [
    # (stated as sublocation/city/province/country, city, province code, country code)
    ({"city": "Hefei"}, "Hefei", "CN-AH", "CN"),
    ({"city": "合肥"}, "Hefei", "CN-AH", "CN"),
    ({"city": "合肥市"}, "Hefei", "CN-AH", "CN"),
    ({"city": "HEFEI CITY", "province": "Anhui Sheng", "country": "PRC - China"}, "Hefei", "CN-AH", "CN"),
    ({"city": "Wuhan", "province": "湖北省"}, "Wuhan", "CN-HB", "CN"),
    ({"city": "武汉"}, "Wuhan", "CN-HB", "CN"),
    ({"city": "Toronto", "province": "Ont"}, "Toronto", "CA-ON", "CA"),
    ({"city": "Toronto", "province": "Ontario", "country": "CANADA"}, "Toronto", "CA-ON", "CA"),
    ({"city": "Portland", "province": "Ore."}, "Portland", "US-OR", "US"),
    ({"city": "Portland", "province": "Oregon", "country": "USA"}, "Portland", "US-OR", "US"),
    ({"city": "Paris", "country": "FRA - France"}, "Paris", "FR-IDF", "FR"),
    ({"city": "Guildford", "province": "Surrey", "country": "England"}, "Guildford", "GB-SRY", "GB"),
    ({"city": "Edinburgh", "country": "Scotland"}, "Edinburgh", "GB-SCT", "GB"),
    ({"city": "Hong Kong SAR"}, "Hong Kong", None, "HK"),
    ({"city": "Kraków"}, "Kraków", "PL-12", "PL"),
    ({"city": "Cracow"}, "Kraków", "PL-12", "PL"),
    ({"city": "東京"}, "Tokyo", "JP-13", "JP"),
    ({"city": "서울"}, "Seoul", "KR-11", "KR"),
    ({"city": "Beijing"}, "Beijing", "CN-BJ", "CN"),
]


@pytest.mark.parametrize(("given", "city", "province_code", "country_code"), CITY_SPELLINGS,
                         ids=lambda v: "/".join(map(str, v.values())) if isinstance(v, dict) else str(v))
def test_cities_resolve_to_one_entity(gazetteer, given, city, province_code, country_code):
    place = gazetteer.place(**given)
    assert (place.city, place.province_code, place.country_code, place.level) == (
        city, province_code, country_code, "city")
    assert place.id.isdigit() and place.approximate is False


def test_a_city_entity_whole(gazetteer):
    hefei = gazetteer.place("Luogang Park", "合肥", how="caption")
    assert hefei.to_json() == {
        "id": "1808722", "name": "Hefei", "sublocation": "Luogang Park", "city": "Hefei", "province": "Anhui",
        "province_code": "CN-AH", "country": "China", "country_code": "CN", "lat": hefei.lat, "lon": hefei.lon,
        "approximate": False, "distance_km": None, "how": "caption", "names": hefei.names,
    }
    assert hefei.names["zh"] == "合肥"
    assert distance_km(hefei.lat, hefei.lon, 31.86, 117.28) < 5
    assert json.loads(json.dumps(hefei.to_json(), ensure_ascii=False)) == hefei.to_json()
    assert pickle.loads(pickle.dumps(hefei)) == hefei  # it crosses to and from reader processes


def test_names_in_other_scripts(gazetteer):
    wuhan = gazetteer.place(city="Wuhan")
    assert wuhan.names == {"zh": "武汉", "zh-Hant": "武漢", "ko": "우한"}
    tokyo = gazetteer.place(city="Tokyo")
    assert tokyo.names["ja"] == "東京" and tokyo.names["zh"] == "东京"
    assert gazetteer.place(city="Seoul").names["ko"] == "서울"


def test_the_same_entity_whatever_the_spelling(gazetteer):
    ids = {gazetteer.place(**given).id for given in (
        {"city": "Hefei"}, {"city": "合肥"}, {"city": "hefei shi"}, {"city": "Hefei", "province": "安徽"},
        {"city": "Hefei", "country": "中国"},
    )}
    assert ids == {"1808722"}


def test_a_city_the_gazetteer_does_not_know_is_placed_in_its_province(gazetteer):
    place = gazetteer.place(city="Deqing County", province="Zhejiang", country="China")
    assert (place.id, place.city, place.province_code, place.approximate) == ("CN-ZJ", None, "CN-ZJ", True)
    place = gazetteer.place(city="Anytown", country="Poland")
    assert (place.id, place.city, place.country_code, place.approximate) == ("PL", None, "PL", True)


@pytest.mark.parametrize("given", [
    {"city": "Qwxzyville"}, {"country": "Narnia"}, {"sublocation": "Tiananmen Square"}, {},
])
def test_nothing_known_is_no_entity(gazetteer, given):
    assert gazetteer.place(**given) is None


def test_the_caption_is_weak_evidence_for_the_entity_as_for_resolve(gazetteer):
    assert gazetteer.place(city="Valencia").country_code == "VE"
    assert gazetteer.place(city="Valencia", context="Fans in Valencia, Spain.").country_code == "ES"
    assert gazetteer.place(city="Paris", context="A visitor from Texas in Paris.").country_code == "FR"


# --- placeholders ------------------------------------------------------------------------------------------

PLACEHOLDER_VALUES = [
    "City", "city", "CITY", "State", "state", "Province", "Country", "country name", "Country Name", "Caption",
    "Unknown", "UNKNOWN", "N/A", "n/a", "NA", "None", "none", "-", "--", "?", "...", "", "   ", "[City]",
    "<country>", "{state}", "Sub-location", "TBD", "未知", "无", "無", "不详", "不明", "미상", "unbekannt",
]


@pytest.mark.parametrize("value", PLACEHOLDER_VALUES)
def test_placeholders_are_never_resolved_nor_geocoded(gazetteer, value):
    assert is_placeholder(value)
    assert gazetteer.place(value, value, value, value) is None
    assert gazetteer.resolve(None, value, value, value) is None
    assert gazetteer.locate(value) is None
    assert gazetteer.search_keys(value).all == frozenset()


def test_city_placeholder_no_longer_lands_in_yemen(gazetteer):
    """'City' was read as a province of Yemen (Amanat Al Asimah, the capital's district)."""
    assert gazetteer.resolve(city="City") is None
    assert gazetteer.place(city="City", province="state", country="country name") is None


def test_a_placeholder_beside_a_real_value_is_ignored(gazetteer):
    place = gazetteer.place(None, "City", "Anhui", "country name")
    assert (place.id, place.country_code) == ("CN-AH", "CN")
    place = gazetteer.place("Unknown", "Hefei", "N/A", "China")
    assert (place.id, place.sublocation) == ("1808722", None)


@pytest.mark.parametrize("value", ["Hefei", "Mexico City", "Washington State", "Country Club Hills", "Nowa Sól",
                                   "Unity", "Na Dinh", "São Tomé"])
def test_real_places_are_not_placeholders(value):
    assert not is_placeholder(value)


def test_every_listed_placeholder_is_one():
    assert all(is_placeholder(value) for value in PLACEHOLDERS)


# --- search keys -----------------------------------------------------------------------------------------

SAME_KEYS = [
    (["USA", "US", "us", "U.S.", "United States", "United States of America", "美国"], {"country:US"}),
    (["合肥", "Hefei", "HEFEI", "hefei city", "合肥市"], {"city:1808722"}),
    (["CN-AH", "cn-ah", "Anhui", "Anhui Province", "Anhui Sheng", "安徽", "安徽省"], {"province:CN-AH"}),
    (["Ont", "Ont.", "ON", "CA-ON"], {"province:CA-ON"}),
    (["France", "FRA - France", "法国"], {"country:FR"}),
    (["England", "GB-ENG"], {"province:GB-ENG"}),
    (["Wuhan", "武汉", "武漢"], {"city:1791247"}),
]


@pytest.mark.parametrize(("spellings", "keys"), SAME_KEYS, ids=lambda v: v[0] if isinstance(v, list) else None)
def test_every_alias_gives_the_same_keys(gazetteer, spellings, keys):
    for spelling in spellings:
        found = gazetteer.search_keys(spelling)
        assert found.all >= keys, spelling
        assert not found.ambiguous, (spelling, found.labels())
    assert {frozenset(k for k in gazetteer.search_keys(s).all if k in keys) for s in spellings} == {frozenset(keys)}


def test_ontario_also_means_the_californian_city(gazetteer):
    ontario = gazetteer.search_keys("Ontario")
    assert "province:CA-ON" in ontario.at("province")
    assert ontario.at("city") and ontario.ambiguous
    assert ontario.labels()[0] == "Ontario, Canada"


def test_georgia_is_ambiguous_and_says_so(gazetteer):
    georgia = gazetteer.search_keys("Georgia")
    assert georgia.all == {"country:GE", "province:US-GA"}
    assert georgia.ambiguous
    assert georgia.labels() == ["Georgia (country)", "Georgia, United States"]
    assert georgia.at("country") == {"country:GE"} and georgia.at("province") == {"province:US-GA"}


@pytest.mark.parametrize(("typed", "keys"), [
    ("New York", {"province:US-NY", "city:5128581"}),  # the city lies in the state: not ambiguous
    ("Beijing", {"province:CN-BJ", "city:1816670"}),
    ("Hong Kong", {"country:HK", "city:1819729"}),
])
def test_nested_meanings_are_not_ambiguous(gazetteer, typed, keys):
    found = gazetteer.search_keys(typed)
    assert found.all == keys and not found.ambiguous


def test_a_postal_code_is_read_before_a_name_of_the_same_letters(gazetteer):
    """"OR" is Oregon to a US caption, though a Nigerian state is also named "Or"."""
    assert gazetteer.resolve(city="Portland", province="OR").province == "Oregon"
    assert gazetteer.place(province="OR", country="US").province_code == "US-OR"


def test_a_place_written_whole_means_one_place(gazetteer):
    assert gazetteer.search_keys("Portland, Ore.").all == {"city:5746545"}
    assert gazetteer.search_keys("Portland, Maine").all == {"city:4975802"}
    assert gazetteer.search_keys("Rome, Italy").all == {"city:3169070"}
    assert len(gazetteer.search_keys("Portland").at("city")) >= 2


@pytest.mark.parametrize("typed", ["Qwxzyville", "Photographer", "", "City", "N/A"])
def test_unknown_names_mean_nothing(gazetteer, typed):
    assert gazetteer.search_keys(typed).all == frozenset()


def test_two_letter_postal_codes_only_in_capitals(gazetteer):
    assert "province:US-CA" in gazetteer.search_keys("CA").all
    assert gazetteer.search_keys("CA").ambiguous  # Canada, California
    assert gazetteer.search_keys("ca").all == {"country:CA"}


# --- the keys stored per photo ---------------------------------------------------------------------------

def test_place_keys_hold_every_level(gazetteer):
    assert gazetteer.place_keys(gazetteer.place(city="合肥")) == ["country:CN", "province:CN-AH", "city:1808722"]
    guildford = gazetteer.place(None, "Guildford", "Surrey", "England")
    assert gazetteer.place_keys(guildford) == [
        "country:GB", "province:GB-ENG", "province:GB-SRY", f"city:{guildford.id}"]
    assert gazetteer.place_keys(gazetteer.place(country="USA")) == ["country:US"]
    assert gazetteer.place_keys(None) == []


def test_place_keys_from_stored_json(gazetteer):
    place = gazetteer.place(city="Toronto", province="Ont")
    stored = json.loads(json.dumps(place.to_json()))
    assert gazetteer.place_keys(stored) == gazetteer.place_keys(place) == [
        "country:CA", "province:CA-ON", f"city:{place.id}"]


@pytest.mark.parametrize(("stated", "typed"), [
    ({"city": "Hefei", "country": "China"}, ["in:合肥", "Anhui", "安徽", "CN-AH", "中国", "China"]),
    ({"country": "USA"}, ["US", "United States", "美国"]),
    ({"city": "Toronto", "province": "Ont"}, ["Ontario", "Ont", "Canada", "CANADA"]),
    ({"city": "Guildford", "province": "Surrey", "country": "England"}, ["England", "UK", "Surrey"]),
    ({"city": "Portland", "province": "Ore."}, ["Oregon", "Ore.", "Portland", "USA"]),
])
def test_a_typed_name_finds_the_stored_place(gazetteer, stated, typed):
    """What the search will do: a photo matches when its keys and the typed name's keys meet."""
    stored = set(gazetteer.place_keys(gazetteer.place(**stated)))
    for text in typed:
        text = text.removeprefix("in:")
        assert stored & gazetteer.search_keys(text).all, (stated, text)
    assert not stored & gazetteer.search_keys("Georgia").all


# --- reverse geocoding ------------------------------------------------------------------------------------

REVERSE_CASES = [
    # (lat, lon, city, province code, country code): a point in the city's centre, not a neighbourhood
    (30.5928, 114.3055, "Wuhan", "CN-HB", "CN"),
    (31.8206, 117.2272, "Hefei", "CN-AH", "CN"),
    (51.5115, -0.1310, "London", "GB-ENG", "GB"),  # Soho
    (40.7580, -73.9855, "New York City", "US-NY", "US"),  # Times Square
    (43.6532, -79.3832, "Toronto", "CA-ON", "CA"),  # GeoNames' nearest is "Bay Street Corridor"
    (48.8606, 2.3376, "Paris", "FR-IDF", "FR"),  # the Louvre, in the 1st arrondissement
    (35.6595, 139.7005, "Tokyo", "JP-13", "JP"),  # Shibuya
    (40.7440, -74.0324, "Hoboken", "US-NJ", "US"),  # another state's city beside New York
    (22.2855, 114.1577, "Hong Kong", None, "HK"),
    (39.9042, 116.4074, "Beijing", "CN-BJ", "CN"),
]


@pytest.mark.parametrize(("lat", "lon", "city", "province_code", "country_code"), REVERSE_CASES)
def test_reverse_gives_the_city(gazetteer, lat, lon, city, province_code, country_code):
    place = gazetteer.reverse(lat, lon)
    assert (place.city, place.province_code, place.country_code) == (city, province_code, country_code)
    assert (place.how, place.approximate, place.level) == ("gps", True, "city")
    assert place.distance_km == pytest.approx(distance_km(lat, lon, place.lat, place.lon), abs=0.01)


def test_reverse_is_the_same_entity_as_the_stated_city(gazetteer):
    assert gazetteer.reverse(31.8206, 117.2272).id == gazetteer.place(city="合肥").id
    wuhan = gazetteer.reverse(30.5928, 114.3055)
    assert gazetteer.place_keys(wuhan) == ["country:CN", "province:CN-HB", "city:1791247"]
    assert "city:1791247" in gazetteer.search_keys("Wuhan").all  # a GPS-only photo is found by in:Wuhan


def test_reverse_outside_every_city(gazetteer):
    assert gazetteer.reverse(0.0, -140.0) is None  # the middle of the Pacific
    remote = gazetteer.reverse(64.0, -150.0)  # Alaska's interior: the nearest town, however far
    assert remote is not None and remote.country_code == "US" and remote.distance_km > 20


@pytest.mark.parametrize("point", [(91, 0), (0, 181), (math.nan, 0), (0, math.inf), ("a", 0), (None, None)])
def test_reverse_of_no_point(gazetteer, point):
    assert gazetteer.reverse(*point) is None


def test_reverse_across_the_antimeridian(gazetteer):
    """Fiji lies on both sides of 180°: a point just east of it still finds Fiji's towns."""
    place = gazetteer.reverse(-16.5, -179.9)
    assert place is not None and place.country_code == "FJ"


def test_reverse_near_its_own_cities(gazetteer):
    """The gazetteer's own cities of 500,000 or more, 1 km off their point: each gives itself back."""
    rng = random.Random(4)
    cities = [c for c in gazetteer._cities if c.population >= 500_000]
    wrong = []
    for city in rng.sample(cities, 200):
        angle = rng.uniform(0, 2 * math.pi)
        lat = city.lat + math.cos(angle) / 111.2
        lon = city.lon + math.sin(angle) / (111.2 * math.cos(math.radians(city.lat)))
        found = gazetteer.reverse(lat, lon)
        if found is None or found.id != str(city.geonameid):
            wrong.append((city.name, found and found.city))
    assert len(wrong) <= 10, wrong  # GeoNames lists some of them twice (Shanghai and Puxi, 2.5 km apart)


# --- conflicts ---------------------------------------------------------------------------------------------

def test_a_stated_city_far_from_the_gps_point_is_a_conflict(gazetteer):
    hefei = gazetteer.place(city="Hefei")
    assert gazetteer.distance_to(hefei, 30.5928, 114.3055) == pytest.approx(316, abs=10)
    assert gazetteer.conflict(hefei, 30.5928, 114.3055) == "Hefei is 316 km from the GPS point"
    assert gazetteer.conflict(hefei, 31.80, 117.20) is None  # 9 km: the same city
    near = gazetteer.place(city="Hefei", gps=(31.80, 117.20))
    assert near.distance_km == pytest.approx(gazetteer.distance_to(hefei, 31.80, 117.20), abs=0.01)


def test_a_stated_country_or_province_conflicts_only_when_the_point_is_elsewhere(gazetteer):
    tokyo = (35.68, 139.69)
    assert gazetteer.conflict(gazetteer.place(country="China"), *tokyo) == "the GPS point is in Japan, not China"
    assert gazetteer.conflict(gazetteer.place(country="Japan"), *tokyo) is None
    assert gazetteer.conflict(gazetteer.place(province="Anhui"), 30.59, 114.30) == (
        "the GPS point is in Hubei, China, not Anhui")
    assert gazetteer.conflict(gazetteer.place(province="Hubei"), 30.59, 114.30) is None
    # Near a border a stated country with a city within 50 km is no conflict (Strasbourg, by Kehl).
    assert gazetteer.conflict(gazetteer.place(country="Germany"), 48.5734, 7.7521) is None


def test_a_reverse_geocoded_place_never_conflicts(gazetteer):
    place = gazetteer.reverse(30.5928, 114.3055)
    assert gazetteer.conflict(place, 30.5928, 114.3055) is None
    assert gazetteer.conflict(None, 0, 0) is None


def test_place_entity_is_frozen(gazetteer):
    place = gazetteer.place(city="Hefei")
    assert isinstance(place, Place)
    with pytest.raises(AttributeError):
        place.city = "Elsewhere"  # type: ignore[misc]


def test_how_is_recorded_and_checked(gazetteer):
    assert [gazetteer.place(city="Hefei", how=how).how for how in ("file", "caption", "manual")] == [
        "file", "caption", "manual"]
    with pytest.raises(ValueError, match="how must be one of"):
        gazetteer.place(city="Hefei", how="guess")


@pytest.mark.parametrize("given", [{"city": "合肥"}, {"province": "Ont", "country": "CA"}, {"country": "USA"},
                                   {"city": "Guildford", "province": "Surrey", "country": "England"}])
def test_an_entity_from_its_stored_id(gazetteer, given):
    place = gazetteer.place(**given)
    again = gazetteer.place_by_id(place.id)
    assert again.how == "manual" and again.id == place.id and again.country_code == place.country_code
    assert gazetteer.place_keys(again)[-1] == gazetteer.place_keys(place)[-1]


@pytest.mark.parametrize("entity_id", ["", "0", "XX", "CN-ZZ", None])
def test_an_unknown_id_is_no_entity(gazetteer, entity_id):
    assert gazetteer.place_by_id(entity_id) is None


def test_a_territory_id_is_its_country(gazetteer):
    assert gazetteer.place_by_id("CN-HK").id == "HK"


@pytest.mark.parametrize("value", ["City (Core) (ref2021.1)", "Province/State(Core)(ref2021.1)",
                                   "Country (Core) (ref2023.2)", "city value", "country value",
                                   "RIGHT-IPTC-Country", "RIGHT-XMP-City"])
def test_test_files_placeholders(gazetteer, value):
    """The IPTC reference images and metadata test suites fill every place field with such labels."""
    assert is_placeholder(value) and gazetteer.place(city=value, country=value) is None


def test_the_files_country_code_stands_in_for_a_missing_country(gazetteer):
    assert gazetteer.place(city="Neuss", country_code="DEU").country_code == "DE"
    assert gazetteer.place(city="Kingston", country="Country", country_code="CAN").country_code == "CA"
    assert gazetteer.place(city="Kingston", country="Jamaica", country_code="CAN").country_code == "JM"


def test_a_city_field_holding_its_province(gazetteer):
    place = gazetteer.place(city="Princeton, NJ", country="USA")
    assert (place.city, place.province_code) == ("Princeton", "US-NJ")
    assert gazetteer.place(city="Washington, D.C.").province_code == "US-DC"

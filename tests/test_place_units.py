"""The gazetteer on Chinese place names as captions write them: a name of a city abroad in sounds among its
namesakes, a territory listed apart written as a province, and units of China's administration written with their
designators (地区, 自治州, 县, 区, 鄉), found by their stems. Cases written for these tests."""

from __future__ import annotations

import pytest

from catalog.place_han import readings, unit_stems
from catalog.places import get_gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return get_gazetteer()


def placed(place) -> tuple | None:
    """A resolved place as (city, province, country code, rounded point), or None for no place."""
    if place is None:
        return None
    point = None if place.lat is None else (round(place.lat, 1), round(place.lon, 1))
    return place.city, place.province, place.country_code, point


@pytest.mark.parametrize("given, city, province, code", [
    # GeoNames gives 波特兰 to a Portland of 16,000 in Texas and 剑桥 to Cambridge, Ontario: the sounds are every
    # namesake's, so population decides, as for the name in English, and the stated country filters
    ({"city": "波特兰"}, "Portland", "Oregon", "US"),
    ({"city": "波特蘭", "country": "美國"}, "Portland", "Oregon", "US"),
    ({"city": "剑桥", "country": "英国"}, "Cambridge", "England", "GB"),
    ({"city": "华盛顿", "country": "美国"}, "Washington", "District of Columbia", "US"),
])
def test_a_name_in_sounds_means_its_largest_namesake_in_the_stated_place(gazetteer, given, city, province, code):
    found = placed(gazetteer.resolve(**given))
    assert found is not None and found[:3] == (city, province, code) and found[3] is not None


def test_a_city_of_china_keeps_its_own_chinese_name_not_a_namesake(gazetteer):
    # (a Chinese name of a city of China is that city's: no namesake elsewhere stands for it)
    assert placed(gazetteer.resolve(city="合肥"))[:3] == ("Hefei", "Anhui", "CN")


@pytest.mark.parametrize("given, city, code", [
    ({"city": "新北", "province": "台湾"}, "New Taipei City", "TW"),
    ({"city": "新北市", "province": "臺灣"}, "New Taipei City", "TW"),
    ({"city": "沙田", "province": "香港"}, "Sha Tin", "HK"),
    ({"city": "氹仔", "province": "澳门"}, "Taipa", "MO"),
    ({"city": "Sha Tin", "province": "Hong Kong", "country": "China"}, "Sha Tin", "HK"),
])
def test_a_territory_written_as_a_province_keeps_its_city(gazetteer, given, city, code):
    found = placed(gazetteer.resolve(**given))
    assert found[0] == city and found[2] == code and found[3] is not None


@pytest.mark.parametrize("province, code", [("台湾", "TW"), ("香港", "HK"), ("Macau", "MO")])
def test_a_territory_written_alone_as_a_province_is_the_territory(gazetteer, province, code):
    place = gazetteer.resolve(province=province)
    assert (place.province, place.country_code) == (None, code)


def test_a_province_of_china_stays_a_province(gazetteer):
    place = gazetteer.resolve(province="安徽")
    assert (place.province, place.country_code) == ("Anhui", "CN")


@pytest.mark.parametrize("given, province, point", [
    # a prefecture by its seat (the city of its stem) or, where no city bears it, the town of its stem's reading
    ({"city": "喀什地区"}, "Xinjiang", (39.5, 76.0)),
    ({"city": "喀什地區", "province": "新疆"}, "Xinjiang", (39.5, 76.0)),
    ({"city": "黔东南苗族侗族自治州", "province": "贵州"}, "Guizhou", (26.6, 108.0)),
    ({"city": "红河哈尼族彝族自治州", "province": "云南"}, "Yunnan", (23.4, 103.4)),
    ({"city": "延边朝鲜族自治州", "province": "吉林"}, "Jilin", (42.9, 129.5)),
    # a county found by its stem across the provinces, where one province holds the towns of that name
    ({"city": "永嘉县"}, "Zhejiang", (28.2, 120.7)),
    ({"city": "桐廬縣"}, "Zhejiang", (29.8, 119.7)),
])
def test_a_unit_written_with_its_designator_is_placed_by_its_stem(gazetteer, given, province, point):
    found = placed(gazetteer.resolve(**given))
    assert found[1:] == (province, "CN", point)


@pytest.mark.parametrize("city", [
    "金乡县",   # Jinxiang: a county of Shandong and a town of Zhejiang
    "江北区",   # districts of Chongqing and of Ningbo
    "市中区",   # a district of several cities
    "东区",     # too short to have a stem
])
def test_a_unit_whose_stem_is_not_unique_or_no_unit_stays_unplaced(gazetteer, city):
    place = gazetteer.resolve(city=city)
    assert place.lat is None and place.country_code is None


def test_a_stem_with_another_reading_is_found_under_it(gazetteer):
    # 什 reads shen in a phrase, shi in 什邡: each reading of the stem is tried
    assert "shifang" in readings("什邡")
    assert placed(gazetteer.resolve(city="什邡市", province="四川"))[1:3] == ("Sichuan", "CN")


@pytest.mark.parametrize("name, stems", [
    ("恩施土家族苗族自治州", [("恩施", "prefecture")]),
    ("伊犁哈萨克自治州", [("伊犁", "prefecture")]),
    ("巴音郭楞蒙古自治州", [("巴音郭楞", "prefecture")]),
    ("兴安盟", [("兴安", "prefecture")]),
    ("峨边彝族自治县", [("峨边", "county")]),
    ("鄂伦春自治旗", [("鄂伦春", "county")]),
    ("浦东新区", [("浦东", "county")]),
    ("池上鄉", [("池上", "township")]),
    ("泉州", []), ("合肥市", []), ("东区", []),
])
def test_a_units_stem_drops_its_designator_and_its_peoples(name, stems):
    assert unit_stems(name) == stems


def test_the_regional_forms_are_opencc_s2hk_on_every_subdivision_name():
    """`script_variants` writes the Hong Kong and Taiwan form of a name with one character's table (臺 as 台) rather
    than OpenCC's s2hk dictionaries, which cost 12 MB of the gazetteer build's peak: on every Han native name of
    the subdivisions (what the build asks it about), the table's form is s2hk's."""
    import opencc

    from catalog._placedata import _csc_data_dir, _read_json
    from catalog.place_han import _REGIONAL_FORMS, _converters, is_han

    to_traditional, to_simplified = _converters()
    regional = opencc.OpenCC("s2hk")
    natives = {state["native"] for states in (_csc_data_dir() / "by-country").glob("*/states.json")
               for state in _read_json(states) if state.get("iso3166_2") and is_han(state.get("native") or "")}
    assert len(natives) > 80
    differing = 0
    for name in natives:
        simplified = to_simplified.convert(name)
        ours = to_traditional.convert(simplified).translate(_REGIONAL_FORMS)
        assert ours == regional.convert(simplified), name
        differing += ours != to_traditional.convert(simplified)
    assert differing >= 4  # 台灣, 台北市, 台中市, 台南市, 台東縣

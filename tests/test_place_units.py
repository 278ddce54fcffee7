"""The gazetteer on Chinese place names as captions write them: a name of a city abroad in sounds among its
namesakes, a territory listed apart written as a province. The names are ones the labelled captions do not hold."""

from __future__ import annotations

import pytest

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

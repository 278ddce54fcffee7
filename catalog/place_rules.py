"""The gazetteer's rules as data: press spellings no package carries, and what counts as no place at all.

Each table is read by ``catalog.places`` when it builds its indexes (and so is part of the gazetteer's
cache key); ``is_placeholder`` is asked of every stated place before anything is looked up:

    >>> COUNTRY_ALIASES["U.S."], PROVINCE_ABBREVIATIONS["CA-ON"]
    ('US', ('Ont.',))
    >>> is_placeholder("City"), is_placeholder("N/A"), is_placeholder("未知"), is_placeholder("Hefei")
    (True, True, True, False)
"""

from __future__ import annotations

import re
from functools import lru_cache

from catalog import place_keys

#: Press forms of country names that no package carries. "UAE" → AE, "U.S." → US.
COUNTRY_ALIASES = {
    "UAE": "AE", "U.A.E.": "AE", "USA": "US", "U.S.": "US", "U.S.A.": "US", "UK": "GB", "U.K.": "GB",
    "Britain": "GB", "Great Britain": "GB", "DRC": "CD", "DR Congo": "CD", "Congo-Kinshasa": "CD",
    "Congo-Brazzaville": "CG", "Holland": "NL", "Burma": "MM", "Swaziland": "SZ", "East Timor": "TL",
    "Vatican City": "VA", "Palestine": "PS", "Macau": "MO",
    # (the name before 2019, still written: "Skopje, Macedonia")
    "Macedonia": "MK",
    # the short forms Chinese captions write where the package's translation is the official name (俄罗斯联邦,
    # 阿拉伯联合酋长国) or another country's usage (澳大利亚, 新西兰); their traditional forms are indexed too
    "俄罗斯": "RU", "沙特": "SA", "阿联酋": "AE", "老挝": "LA", "印尼": "ID", "孟加拉国": "BD", "澳洲": "AU",
    "纽西兰": "NZ", "中华人民共和国": "CN", "澳门": "MO", "波黑": "BA",
}
#: Display names where press style (AP, Reuters) differs from GeoNames' short name ("Macao", "Timor Leste").
#: A leading "The" is dropped from every display name as well ("The Netherlands" → "Netherlands").
COUNTRY_DISPLAY = {"MO": "Macau", "TL": "East Timor"}
#: ISO 3166-2 types (pycountry's, folded) of subdivisions that are a city in themselves. When the city has the
#: subdivision's name, the province is left empty rather than repeat it: "Beijing, China", not "Beijing,
#: Beijing, China". Other types keep it: "Québec, Quebec", "Kyoto, Kyoto", "São Paulo, São Paulo".
CITY_LEVEL_TYPES = frozenset({
    "municipality", "special municipality", "autonomous municipality", "city", "capital city",
    "autonomous city", "special city", "metropolitan city", "federal territory", "capital district",
    "federal district", "capital territory", "federal capital territory", "special administrative region",
    "metropolitan administration", "administration", "city corporation", "land",
})

#: Forms of "Hong Kong SAR" and "Macao S.A.R." taken off a country name before looking it up.
COUNTRY_SUFFIXES = ("special administrative region", "sar", "s a r")
#: "FRA - France", "CHN: China", "USA | United States": an agency's country code beside the name.
#: A hyphen joining letters with no space is part of a name, not a separator: "al-Ghouta" is no "AL - Ghouta".
_CODE_AND_NAME = re.compile(r"^\s*([A-Za-z]{2,3})(?:\s*[–—:|/]\s*|\s+-\s*|-\s+)(\S.*?)\s*$")

#: Press abbreviations of provinces that no package carries (the ``us`` package has the US states'):
#: Canadian Press style for Canada, and the usual short forms in Australia. Like "Ore.", each is matched
#: with or without its full stop: "Ont." and "Ont" are Ontario.
PROVINCE_ABBREVIATIONS = {
    "CA-ON": ("Ont.",), "CA-QC": ("Que.", "Qué."), "CA-BC": ("B.C.",), "CA-AB": ("Alta.",),
    "CA-SK": ("Sask.",), "CA-MB": ("Man.",), "CA-NS": ("N.S.",), "CA-NB": ("N.B.",),
    "CA-NL": ("N.L.", "Nfld.", "Nfld. and Lab."), "CA-PE": ("P.E.I.",), "CA-NT": ("N.W.T.",),
    "CA-YT": ("Y.T.",), "AU-NSW": ("N.S.W.",), "AU-VIC": ("Vic.",), "AU-QLD": ("Qld.",), "AU-TAS": ("Tas.",),
}

#: Short names by which the press writes provinces and states whose names in the data packages are the long
#: official ones: Mexico's "Veracruz de Ignacio de la Llave", "Michoacán de Ocampo" and "Coahuila de Zaragoza" (an
#: honoured person's name after the state's own), as datelines write them: "Apatzingán, Michoacán".
PROVINCE_NAMES = {
    "MX-VER": ("Veracruz",), "MX-MIC": ("Michoacán",), "MX-COA": ("Coahuila",),
}
#: Ukraine's oblasts as the English press names them, after their capital ("Donetsk Oblast", "the Kharkiv
#: region"), where ISO and countrystatecity give the Ukrainian adjective ("Donetska oblast"): the display name
#: and, with "Oblast", "Region" and "Province" after it, names matched whole (PROVINCE_WHOLE_NAMES: "Kyiv
#: region" is the oblast, not the city of Kyiv, a subdivision of its own; and "Kharkiv" alone stays the city).
UKRAINE_OBLASTS = {
    "UA-05": "Vinnytsia", "UA-07": "Volyn", "UA-09": "Luhansk", "UA-12": "Dnipropetrovsk", "UA-14": "Donetsk",
    "UA-18": "Zhytomyr", "UA-21": "Zakarpattia", "UA-23": "Zaporizhzhia", "UA-26": "Ivano-Frankivsk",
    "UA-32": "Kyiv", "UA-35": "Kirovohrad", "UA-46": "Lviv", "UA-48": "Mykolaiv", "UA-51": "Odesa",
    "UA-53": "Poltava", "UA-56": "Rivne", "UA-59": "Sumy", "UA-61": "Ternopil", "UA-63": "Kharkiv",
    "UA-65": "Kherson", "UA-68": "Khmelnytskyi", "UA-71": "Cherkasy", "UA-74": "Chernihiv", "UA-77": "Chernivtsi",
}
PROVINCE_WHOLE_NAMES: dict[str, tuple[str, ...]] = {
    code: tuple(f"{city} {kind}" for kind in ("Oblast", "Region", "Province")) for code, city in UKRAINE_OBLASTS.items()
}
#: Display names where press style differs from the data packages' (the first of PROVINCE_NAMES' forms).
PROVINCE_DISPLAY = {code: f"{city} Oblast" for code, city in UKRAINE_OBLASTS.items()}

#: The kinds of ISO 3166-2 subdivision (as pycountry names them) that a caption writes as the province when ISO
#: lists them below a first level that groups them: Indonesia's and the Philippines' provinces under their islands
#: and regions ("Aceh", "Bohol"), England's counties ("Devon", "Cornwall"), Ireland's ("Kerry"), Iraq's governorates
#: under Kurdistan ("Dohuk"). Districts and municipalities are left out: they share their seat town's name and stand
#: in for the city ("in Bogura").
PROVINCE_KINDS = frozenset({
    "province", "prefecture", "county", "two-tier county", "unitary authority", "council area",
    "metropolitan department", "region", "governorate", "autonomous province",
})

#: What a template or a careless export leaves in a place field: never resolved, never geocoded.
#: Compared whole, by name key (case, accents and punctuation aside: "N/A" = "n.a." = "N.A."); a value of
#: punctuation alone ("-", "?", "...") or in brackets ("[City]", "<country>") is one too.
PLACEHOLDERS = (
    # a template's field labels
    "City", "City name", "Town", "Village", "State", "State name", "Province", "Province name",
    "Province/State", "State/Province", "Region", "Country", "Country name", "Country/Region", "Country code",
    "Sublocation", "Sub-location", "Location", "Location name", "Place", "Place name", "Address", "Street",
    "Venue", "Caption", "Headline", "Title", "Description", "Keywords", "Enter city", "Your city",
    # nothing known
    "Unknown", "Unknown location", "Not known", "Not available", "Not applicable", "Unspecified",
    "Undisclosed", "Undisclosed location", "N/A", "NA", "None", "Null", "Nil", "TBD", "TBA", "TBC",
    "Various", "Various locations", "Anywhere", "Somewhere", "Nowhere", "Placeholder", "Untitled",
    "Test", "XX", "XXX",
    # the same in other languages and scripts
    "未知", "不详", "不詳", "无", "無", "暂无", "暫無", "空", "城市", "省", "省份", "国家", "國家", "地点", "地點",
    "地区", "地區", "位置", "不明", "なし", "都市", "国", "場所", "미상", "없음", "알 수 없음", "도시", "unbekannt",
    "keine", "inconnu", "inconnue", "aucun", "aucune", "desconocido", "desconocida", "ninguno", "sconosciuto",
    "desconhecido", "неизвестно", "нет", "غير معروف",
)
_PLACEHOLDER_KEYS = frozenset(place_keys.name_key(text) for text in PLACEHOLDERS)
_PLACEHOLDER_TRIM = re.compile(r"[<>{}*#?!…]+")
#: Placeholders by shape, on the name key: the IPTC reference images' "City (Core) (ref2021.1)", and test
#: files' "city value", "RIGHT-IPTC-State".
PLACEHOLDER_PATTERNS = re.compile(
    r"\b(?:core|extension) ref\d{4,6}$|^(?:city|state|province|country|sublocation|location) value$"
    r"|^(?:right|wrong) (?:iptc|xmp|exif) "
)

#: Look-ups remembered per gazetteer before the memo is cleared (a long-running server meets many names).
CACHE_LIMIT = 200_000


@lru_cache(maxsize=4096)
def is_placeholder(value: str | None) -> bool:
    """True for a place value that says nothing: a template's label, "Unknown", "N/A", "-", "未知", "".

    >>> is_placeholder("country name"), is_placeholder("[City]"), is_placeholder("无"), is_placeholder("Hefei")
    (True, True, True, False)
    """
    if value is None:
        return True
    key = " ".join(_PLACEHOLDER_TRIM.sub(" ", place_keys.name_key(str(value))).split())
    return not any(ch.isalnum() for ch in key) or key in _PLACEHOLDER_KEYS or bool(PLACEHOLDER_PATTERNS.search(key))


def clean_level(value: str | None) -> str | None:
    """A stated level with its white space made single; None for nothing: "  Hefei \n" → "Hefei"."""
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def stated_levels(*levels: str | None) -> tuple[str | None, ...]:
    """A stated place's levels cleaned, placeholders as not stated: ("", "City", "Hefei") → (None, None,
    "Hefei")."""
    return tuple(None if is_placeholder(cleaned := clean_level(level)) else cleaned for level in levels)



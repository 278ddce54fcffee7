"""A country written only where the caption calls the photo's city its capital, in another sentence than the scene's:

    A woman dances at the festival in Accra on August 19, 2017.
    In Ghana's capital Accra, a woman is dressed up ...           country "Ghana"
    ... in Ankara. In Turkey's capital city, Ankara, protesters   country "Turkey"

The place is read from the scene sentence, so a country named in a later sentence (a second caption paragraph, an
"Image caption" line) is not seen there; "<country>'s capital <city>" with the scene's own city names the country
all the same (the label's "Country from 'Ghana's capital Accra'"). Only a country's name before the possessive
counts, and only the plain "capital" or "capital city" right before the city ("Lebanon's northern capital" is a
second city's title, "Turkey's capital" alone names no city), and only when the gazetteer puts the city in that
country.
"""

from __future__ import annotations

from catalog.captions.types import Place
from catalog.captions.vocabulary import COUNTRIES
from catalog.patterns import compiled

#: A country's possessive, the word "capital" (and "city"), a comma perhaps, and what follows: the words before
#: the possessive are checked against the country names, the text after against the scene's city.
_CAPITAL = compiled(r"((?:[A-Z][\w-]*\s){0,3}[A-Z][\w-]*)['’]s\s+capital(?:\s+city)?,?\s+")


def capital_country_check(place: Place, text: str) -> str | None:
    """The country a caption names by calling the scene's city its capital, when the scene names no country.

    >>> capital_country_check(Place(city="Accra"), "Dancers in Accra. In Ghana's capital Accra, a woman smiles.")
    'Ghana'
    >>> capital_country_check(Place(city="Ankara"), "Crowds in Ankara. In Turkey's capital city, Ankara, crowds.")
    'Turkey'
    >>> capital_country_check(Place(city="Accra"), "Dancers in Accra. Ghana's capital Kumasi hosts a fair.") is None
    True
    """
    city = place.city
    if not city or place.country or "capital" not in text:
        return None
    for found in _CAPITAL.finditer(text):
        if not text.startswith(city, found.end()):
            continue
        after = text[found.end() + len(city):found.end() + len(city) + 1]
        if after.isalnum():
            continue  # ("Ghana's capital Accras": another word)
        words = found.group(1).split()
        country = next((" ".join(words[i:]) for i in range(len(words))
                        if " ".join(words[i:]).casefold() in COUNTRIES), None)
        if country is not None and _in_country(city, country):
            return country
    return None


def _in_country(city: str, country: str) -> bool:
    """Whether the gazetteer puts a city of that name in the country."""
    from catalog.captions.gazetteer import name_levels

    code = name_levels(country).country
    return code is not None and name_levels(city).city_country == code


def check_capital_country(place: Place, text: str, note=None) -> None:
    """Write the country that ``capital_country_check`` finds into `place`, with the reason in `note`."""
    country = capital_country_check(place, text)
    if country is None:
        return
    place.country = country
    if note:
        note(f"country {country!r}: the caption calls the city {place.city!r} its capital ('{country}'s capital')")

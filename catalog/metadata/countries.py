"""ISO 3166-1 countries, read from pycountry's own data file without importing pycountry.

Importing pycountry imports importlib.metadata (for its version), and with it email, csv and socket: about
25 ms in every reader process that meets a restriction or a country code, for a table of 249 rows that is one
JSON file inside the package. The file is found through the import system's spec (nothing is executed) and
read as pycountry reads it; when it is not where pycountry 22+ keeps it, pycountry itself is imported.

>>> by_code()["CHN"], by_code()["CN"]
('CN', 'CN')
"""

from __future__ import annotations

import json
import os
from functools import cache

#: The fields of a country record that are names.
NAME_FIELDS = ("name", "common_name", "official_name")


@cache
def countries() -> tuple[dict[str, str], ...]:
    """Every ISO 3166-1 country as pycountry has it: alpha_2, alpha_3, name, and common_name and
    official_name where the country has them."""
    import importlib.util

    spec = importlib.util.find_spec("pycountry")
    places = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in places:
        try:
            with open(os.path.join(folder, "databases", "iso3166-1.json"), encoding="utf-8") as handle:
                return tuple(dict(record) for record in json.load(handle)["3166-1"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
    import pycountry  # another layout: let pycountry read its data

    return tuple({key: value for key in ("alpha_2", "alpha_3", *NAME_FIELDS)
                  if (value := getattr(country, key, None))} for country in pycountry.countries)


@cache
def by_code() -> dict[str, str]:
    """The alpha-2 code of every country by its alpha-2 and alpha-3 codes, upper case."""
    codes: dict[str, str] = {}
    for country in countries():
        codes[country["alpha_2"].upper()] = country["alpha_2"]
        codes[country["alpha_3"].upper()] = country["alpha_2"]
    return codes

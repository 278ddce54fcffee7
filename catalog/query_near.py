"""`near:` and `within:`: a point and a radius for catalog.query, from coordinates or a place the gazetteer knows.

>>> near("31.82,117.23", distance("within:50km", "50km"), None)
Near(lat=31.82, lon=117.23, km=50.0, label='31.82,117.23')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalog.errors import QueryError


@dataclass
class Near:
    """`near:` with `within:`: a point and a radius; filtered by a box in SQL, then exactly by distance."""

    lat: float
    lon: float
    km: float
    label: str


def distance(text: str, value: str) -> float:
    """The km of a `within:` value (50km, 500m, 20mi; a bare number is km); QueryError when it is none."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(km|m|mi)?\s*", value.lower())
    if not match:
        raise QueryError(text, "within: takes a distance such as 50km, 500m or 20mi")
    amount = float(match[1])
    return {"km": amount, None: amount, "m": amount / 1000, "mi": amount * 1.609344}[match[2]]


def near(value: str, km: float, gazetteer) -> Near:
    """The point of a `near:` value: LAT,LON, or a place the gazetteer locates; QueryError when neither."""
    coordinates = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*", value)
    if coordinates:
        lat, lon = float(coordinates[1]), float(coordinates[2])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise QueryError(f"near:{value}", "latitude must be within ±90 and longitude within ±180")
        return Near(lat, lon, km, value)
    located = gazetteer.locate(value) if gazetteer is not None else None
    if located is None:
        raise QueryError(f"near:{value}", "the gazetteer does not know this place; try near:LAT,LON")
    return Near(located[0], located[1], km, value)


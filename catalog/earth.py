"""The Earth's size and the great-circle distance, in one place: the city grid (`catalog._placegrid`, loaded by
every reader) and the place entities (`catalog.place_entities`, and through it `catalog.places`) both measure with
it, and this module imports nothing of the catalogue's, so either can load it first."""

from __future__ import annotations

import math

#: The mean radius of the WGS 84 ellipsoid, as GeoNames' and OpenStreetMap's distances use it.
EARTH_RADIUS_KM = 6371.0088
#: How long one degree of latitude is (and one of longitude on the equator).
KM_PER_DEGREE = EARTH_RADIUS_KM * math.pi / 180


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance by the haversine formula: Hefei to Lanzhou is about 1,320 km.

    >>> round(distance_km(31.82, 117.23, 36.06, 103.83))
    1322
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))

"""Reverse geocoding in microseconds: the gazetteer's cities in latitude/longitude grids.

This module is geometry only; ``catalog.places`` turns the position it finds into a place entity.

Which city a GPS point is in. GeoNames lists the sections of large cities beside the cities ("Soho" by
London, "Times Square" by New York City, "Paris 04 Hôtel-de-Ville" by Paris, "Bay Street Corridor" by
Toronto), so the city whose point is nearest is often a neighbourhood, and a photo in central London placed
in Soho would be missed by ``in:London``. Two rules, both from population:

- each city has a *reach*, 10 km for a million people, growing with the square root of its population
  (``reach_km``: London's 8.96 million → 30 km, 264,000 → 5 km, a town → the 2 km floor), and a point is
  given the city it is relatively nearest to (distance / reach) among those whose reach holds it;
- a place in the reach of a city of the same region (country and GeoNames admin1) with ten times its
  people or more is a *section* of it and is never chosen by reach: its photos belong to the city.

    Times Square, New York (a section)       → New York City (5.2 km from its point; reach 30 km)
    Soho, London (a section)                  → London
    Hoboken, New Jersey (another state)       → Hoboken
    Thane, 2 km from its point                → Thane (2 / 13.6; Mumbai, 16 km off, 16 / 35.6)
    a field 20 km from the nearest town       → that town (no reach holds it: plainly the nearest)

The price: a separate town well inside a big city's reach with a tenth of its people (Boulogne-Billancourt
by Paris) is given the big city. ``bench/reverse_geocode.py`` measures the rules against plain nearest.

The reach grid has every city in each cell its reach touches, so a look-up reads one cell; the point and
far grids have each city in the cell of its point, for the nearest search outside every reach (rings of
point cells, then far cells best first). Inside a reach cell distances are equirectangular (under 0.1%
off at these ranges); the distance reported is haversine.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from catalog._placetables import _array, _buffer
from catalog.cachedir import FileArray
from catalog.earth import KM_PER_DEGREE, distance_km

#: A city's reach (see the module docstring): REACH_KM_AT_MILLION × (population / 1,000,000) **
#: REACH_EXPONENT, at least MIN_REACH_KM (a town's point is its centre, not its edge).
REACH_KM_AT_MILLION = 10.0
REACH_EXPONENT = 0.5
MIN_REACH_KM = 2.0
#: A place in the reach of a city of its region with this many times its people is a section of that city.
SECTION_RATIO = 10
#: Beyond this from every city a point is in no place the gazetteer can name (at sea, in a desert).
MAX_NEAREST_KM = 250.0
#: Cell sizes in degrees: reach cells are about 11 km, point cells 28 km, far cells 111 km (north–south).
REACH_CELL = 0.1
POINT_CELL = 0.25
FAR_CELL = 1.0
#: Rings of point cells searched before the far cells take over (a point at sea, in a desert).
_NEAR_RINGS = 2
_KM2_PER_DEGREE2 = KM_PER_DEGREE * KM_PER_DEGREE


def reach_km(population: int) -> float:
    """How far from its point a city of this population reaches: 9 million → 30 km, 20,000 → 2 km."""
    return max(MIN_REACH_KM, REACH_KM_AT_MILLION * (max(population, 0) / 1e6) ** REACH_EXPONENT)


class _Cells:
    """Cell id → a run of numbers (``width`` per city), in three flat arrays: a sorted array of the cell ids,
    where each cell's run starts, and the runs one after another. Unpickled in milliseconds (arrays pickle
    as bytes), where a dict of 60,000 tuples takes a fifth of a second; at pickle protocol 5 the arrays are
    handed over as buffers, as the packed tables' are (catalog._placetables), so that a process reading the kept
    grids reads only the cells it looks at, a few bytes at a time (``catalog.cachedir.FileArray``)."""

    def __init__(self, cells: dict[int, list[float]], width: int) -> None:
        self.width = width
        self.ids = array("q", sorted(cells))
        self.starts = array("q", [0])
        self.values = array("d")
        for cell in self.ids:
            self.values.extend(cells[cell])
            self.starts.append(len(self.values))

    def __len__(self) -> int:
        return len(self.ids)

    def __reduce_ex__(self, protocol):
        return _cells, (self.width, *(_buffer(part, protocol) for part in (self.ids, self.starts, self.values)))

    def __contains__(self, cell: int) -> bool:
        at = _search(self.ids, cell)
        return at < len(self.ids) and self.ids[at] == cell

    def get(self, cell: int) -> array:
        """The run of one cell (empty if the cell holds no city)."""
        ids = self.ids
        at = _search(ids, cell)
        if at == len(ids) or ids[at] != cell:
            return _EMPTY
        start, end = self.starts[at:at + 2]
        return self.values[start:end]


def _search(ids, cell: int, right: bool = False) -> int:
    """``bisect_left(ids, cell)`` (``bisect_right`` if `right`): of a kept file's ids (a FileArray) in one short read
    (``FileArray.bisect``), where bisect would read them one at a time."""
    if isinstance(ids, FileArray):
        return ids.bisect(cell, right)
    return (bisect_right if right else bisect_left)(ids, cell)


_EMPTY = array("d")


def _cells(width: int, ids, starts, values) -> _Cells:
    cells = _Cells.__new__(_Cells)
    cells.width = width
    cells.ids, cells.starts, cells.values = _array(ids, "q"), _array(starts, "q"), _array(values, "d")
    return cells


class CityGrid:
    """The cities' reach, point and far cells; ``nearest(lat, lon)`` → (position, distance in km) or None.

    Built once from (lat, lon, population, region) per city position; the gazetteer keeps it in its cache
    folder. A reach cell holds (lat, lon, 1 / reach², position) per city, point and far cells (lat, lon,
    position).
    """

    def __init__(self, points: Sequence[tuple[float, float, int, object]]) -> None:
        """`points`: (lat, lon, population, region) per city position; `region` is any value that two
        cities of one first-level division share (the gazetteer passes country and GeoNames admin1)."""
        self._columns_reach = round(360 / REACH_CELL)
        self._columns_point = round(360 / POINT_CELL)
        self._columns_far = round(360 / FAR_CELL)
        everyone = range(len(points))
        self._reach = _Cells(self._reach_cells(points, everyone), 4)
        sections = {position for position in everyone if self._section(points, position)}
        self.sections = len(sections)
        if sections:
            # (the reach cells of every city let go first: held while the others' were gathered, they were 3 MB
            # of the build's peak; set to None, not deleted, so that the attributes pickle in the same order)
            self._reach = None  # type: ignore[assignment]
            self._reach = _Cells(self._reach_cells(points, [p for p in everyone if p not in sections]), 4)
        self._point = _Cells(self._point_cells(points, POINT_CELL, self._columns_point), 3)
        self._far = _Cells(self._point_cells(points, FAR_CELL, self._columns_far), 3)

    def __len__(self) -> int:
        return len(self._point.values) // 3

    # --- building -------------------------------------------------------------------------------------

    @staticmethod
    def _point_cells(points, size: float, columns: int) -> dict[int, list[float]]:
        cells: dict[int, list[float]] = {}
        for position, (lat, lon, *_) in enumerate(points):
            cell = math.floor((lat + 90.0) / size) * columns + math.floor((lon + 180.0) / size) % columns
            cells.setdefault(cell, []).extend((lat, lon, position))
        return cells

    def _reach_cells(self, points, positions) -> dict[int, list[float]]:
        """Each reach cell → (lat, lon, 1/reach², position, ...) of the cities whose reach touches it."""
        columns = self._columns_reach
        floor, cos, radians = math.floor, math.cos, math.radians
        reach: dict[int, list[float]] = {}
        for position in positions:
            lat, lon, population, _ = points[position]
            radius = reach_km(population)
            entry = (lat, lon, 1.0 / (radius * radius), position)
            # The reach cells the disc touches: its bounding box, widest at the latitude nearer the pole.
            d_lat = radius / KM_PER_DEGREE
            widest = abs(lat) + d_lat
            d_lon = 180.0 if widest >= 89.0 else min(180.0, radius / (KM_PER_DEGREE * cos(radians(widest))))
            first_row = floor((max(-90.0, lat - d_lat) + 90.0) / REACH_CELL)
            last_row = floor((min(89.999, lat + d_lat) + 90.0) / REACH_CELL)
            first_column = floor((lon - d_lon + 180.0) / REACH_CELL)
            last_column = min(floor((lon + d_lon + 180.0) / REACH_CELL), first_column + columns - 1)
            for row in range(first_row, last_row + 1):
                for column in range(first_column, last_column + 1):
                    reach.setdefault(row * columns + column % columns, []).extend(entry)
        return reach

    def _section(self, points, position: int) -> bool:
        """A neighbourhood GeoNames lists beside its city: in the reach of a city of the same region with
        SECTION_RATIO times its people or more ("Times Square" in New York City; not Jersey City, in
        another state; not Thane, a city of 1.8 million by Mumbai)."""
        lat, lon, population, region = points[position]
        it = iter(self._reach.get(self._reach_cell(lat, lon)))
        scale = math.cos(math.radians(lat)) * KM_PER_DEGREE
        for c_lat, c_lon, inverse_reach_2, other in zip(it, it, it, it):
            other = int(other)
            larger = points[other]
            if other == position or larger[3] != region or larger[2] < SECTION_RATIO * population:
                continue
            d_lat, d_lon = (lat - c_lat) * KM_PER_DEGREE, (lon - c_lon) * scale
            if (d_lat * d_lat + d_lon * d_lon) * inverse_reach_2 <= 1.0:
                return True
        return False

    # --- look-ups -------------------------------------------------------------------------------------

    def _reach_cell(self, lat: float, lon: float) -> int:
        row = math.floor((lat + 90.0) / REACH_CELL)
        return row * self._columns_reach + math.floor((lon + 180.0) / REACH_CELL) % self._columns_reach

    def _point_entries(self, row: int, column: int, far: bool = False):
        """(lat, lon, position) of the cities whose point is in one point cell (or far cell)."""
        if far:
            entries = self._far.get(row * self._columns_far + column % self._columns_far)
        else:
            entries = self._point.get(row * self._columns_point + column % self._columns_point)
        it = iter(entries)
        return zip(it, it, it)

    def nearest(self, lat: float, lon: float) -> tuple[int, float] | None:
        """The city a point is in by the reach rule, else the nearest within MAX_NEAREST_KM; None if none."""
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            return None
        scale = math.cos(math.radians(lat))
        best_ratio = 1.0
        best = -1.0
        best_lat = best_lon = 0.0
        it = iter(self._reach.get(self._reach_cell(lat, lon)))
        for c_lat, c_lon, inverse_reach_2, position in zip(it, it, it, it):
            d_lon = lon - c_lon
            if d_lon > 180.0:
                d_lon -= 360.0
            elif d_lon < -180.0:
                d_lon += 360.0
            d_lon *= scale
            d_lat = lat - c_lat
            ratio = (d_lat * d_lat + d_lon * d_lon) * _KM2_PER_DEGREE2 * inverse_reach_2
            if ratio <= best_ratio:
                best_ratio, best, best_lat, best_lon = ratio, position, c_lat, c_lon
        if best >= 0:
            return int(best), distance_km(lat, lon, best_lat, best_lon)
        return self._nearest_point(lat, lon)

    def _nearest_point(self, lat: float, lon: float) -> tuple[int, float] | None:
        """The plain nearest city within MAX_NEAREST_KM: rings of point cells, then the far cells."""
        found = self._ring_search(lat, lon)
        if found is None or not found[2]:
            far = self._far_search(lat, lon, found[0] if found else MAX_NEAREST_KM)
            if far is not None:
                found = (*far, True)
        if found is None or found[0] > MAX_NEAREST_KM:
            return None
        return found[1], found[0]

    def _ring_search(self, lat: float, lon: float) -> tuple[float, int, bool] | None:
        """(distance, position, sure) of the nearest city in _NEAR_RINGS rings of point cells around a point;
        ``sure`` when no city outside them can be nearer."""
        row = math.floor((lat + 90.0) / POINT_CELL)
        column = math.floor((lon + 180.0) / POINT_CELL)
        rows = round(180 / POINT_CELL)
        scale = math.cos(math.radians(lat))
        # Candidates are ranked by equirectangular distance (a few metres off within these ~80 km); the
        # distance returned for the best is haversine.
        best_2 = math.inf
        best = -1.0
        best_lat = best_lon = 0.0
        for ring in range(_NEAR_RINGS + 1):
            for d_row in range(-ring, ring + 1):
                r = row + d_row
                if r < 0 or r >= rows:
                    continue
                steps = range(-ring, ring + 1) if abs(d_row) == ring else (-ring, ring)
                for d_column in steps:
                    for c_lat, c_lon, position in self._point_entries(r, column + d_column):
                        d_lon = lon - c_lon
                        if d_lon > 180.0:
                            d_lon -= 360.0
                        elif d_lon < -180.0:
                            d_lon += 360.0
                        d_lon *= scale
                        d_lat = lat - c_lat
                        distance_2 = d_lat * d_lat + d_lon * d_lon
                        if distance_2 < best_2:
                            best_2, best, best_lat, best_lon = distance_2, position, c_lat, c_lon
            # Every city not yet seen lies beyond `ring` whole cells in some direction.
            widest = min(89.0, abs(lat) + (ring + 1) * POINT_CELL)
            edge = ring * POINT_CELL * KM_PER_DEGREE * math.cos(math.radians(widest))
            if best >= 0 and 1.01 * math.sqrt(best_2) * KM_PER_DEGREE <= edge:
                return distance_km(lat, lon, best_lat, best_lon), int(best), True
        if best < 0:
            return None
        return distance_km(lat, lon, best_lat, best_lon), int(best), False

    def _far_search(self, lat: float, lon: float, within_km: float) -> tuple[float, int] | None:
        """The nearest city within `within_km`, best first over the far cells: a cell is read only when its
        nearest edge is nearer than the best city found so far."""
        d_lat = within_km / KM_PER_DEGREE
        widest = min(89.0, abs(lat) + d_lat)
        d_lon = min(180.0, within_km / (KM_PER_DEGREE * math.cos(math.radians(widest))))
        first_row = max(0, math.floor((lat - d_lat + 90.0) / FAR_CELL))
        last_row = min(round(180 / FAR_CELL) - 1, math.floor((lat + d_lat + 90.0) / FAR_CELL))
        first_column = math.floor((lon - d_lon + 180.0) / FAR_CELL)
        last_column = min(math.floor((lon + d_lon + 180.0) / FAR_CELL), first_column + self._columns_far - 1)
        cells = []
        columns = self._columns_far
        ids = self._far.ids
        for row in range(first_row, last_row + 1):
            south = row * FAR_CELL - 90.0
            north = south + FAR_CELL
            gap_lat = max(0.0, south - lat, lat - north) * KM_PER_DEGREE
            narrow = math.cos(math.radians(min(89.9, max(abs(south), abs(north)))))
            # The row's cells from first_column to last_column, as one or two runs of ids (across ±180°).
            start, end = first_column % columns, last_column % columns
            if last_column - first_column >= columns - 1:
                runs = [(0, columns - 1)]
            elif start <= end:
                runs = [(start, end)]
            else:
                runs = [(start, columns - 1), (0, end)]
            for low, high in runs:
                base = row * columns
                for cell in ids[_search(ids, base + low):_search(ids, base + high, right=True)]:
                    column = cell - row * columns
                    west = column * FAR_CELL - 180.0
                    offset = (lon - west) % 360.0  # degrees east of the cell's west edge, across ±180°
                    gap_lon = 0.0 if offset <= FAR_CELL else min(offset - FAR_CELL, 360.0 - offset)
                    gap_lon *= KM_PER_DEGREE * narrow
                    cells.append((0.99 * math.hypot(gap_lat, gap_lon), row, column))
        cells.sort()
        best: tuple[float, int] | None = None
        limit = within_km
        for gap, row, column in cells:
            if gap > limit:
                break
            for c_lat, c_lon, position in self._point_entries(row, column, far=True):
                distance = distance_km(lat, lon, c_lat, c_lon)
                if distance < limit:
                    best, limit = (distance, int(position)), distance
        return best

    def within(self, lat: float, lon: float, km: float) -> list[tuple[int, float]]:
        """Every city whose point is within `km` of a point (km up to a few hundred), nearest first."""
        rings = math.ceil(km / (POINT_CELL * KM_PER_DEGREE * max(0.05, math.cos(math.radians(
            min(89.0, abs(lat) + km / KM_PER_DEGREE)))))) + 1
        row = math.floor((lat + 90.0) / POINT_CELL)
        column = math.floor((lon + 180.0) / POINT_CELL)
        found = {}
        for r in range(row - rings, row + rings + 1):
            if r < 0 or r * POINT_CELL >= 180.0:
                continue
            for c in range(column - rings, column + rings + 1):
                for c_lat, c_lon, position in self._point_entries(r, c):
                    distance = distance_km(lat, lon, c_lat, c_lon)
                    if distance <= km:
                        found[int(position)] = distance
        return sorted(found.items(), key=lambda item: item[1])


#: The classes whose pickles hand buffers over (see catalog.cachedir.write_kept).
HANDS_BUFFERS = (CityGrid,)

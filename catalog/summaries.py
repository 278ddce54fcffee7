"""How many photos a search holds per place and per period: the filters of the contact sheet, and
the data behind `catalog places` and `catalog timeline`.

Both take the Library and the same query terms as `catalog search`; the `*_of` forms count a list of
photos already fetched (the contact sheet counts the photos it is about to show, without a second query).

Places are counted by entity (catalog.entities): each country once, by its ISO code and canonical name
("USA", "U.S." and "CANADA" are United States and Canada), provinces and cities under it; a level the
gazetteer does not know is counted as the photos state it ("Lanzhou New Area" under Gansu).

The three sample photos (the probe's caption names no place and no date taken)::

>>> [(c.name, c.count) for c in place_counts(lib, [])]                       # doctest: +SKIP
[('China', 2), (None, 1)]
>>> [(c.name, c.count, c.term) for c in place_counts(lib, [])[0].children]   # doctest: +SKIP
[('Anhui', 1, 'province:Anhui'), ('Gansu', 1, 'province:Gansu')]
>>> [(p.label, p.count) for p in timeline_counts(lib, [], by="month")]       # doctest: +SKIP
[('2025', 2), (None, 1)]
>>> [(p.label, p.count, p.term) for p in timeline_counts(lib, [])[0].children]  # doctest: +SKIP
[('2025-08', 1, 'taken:2025-08'), ('2025-10', 1, 'taken:2025-10')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from catalog.dates import precision
from catalog.errors import UsageError

#: The place levels counted, outermost first, and the query field that selects each one.
PLACE_LEVELS = (("country", "country"), ("province", "province"), ("city", "city"))

#: `by=` values of timeline_counts, and how many parts of an ISO date each keeps.
PERIODS = {"year": 1, "month": 2, "day": 3}


@dataclass
class PlaceCount:
    """One place at one level, how many photos were taken there, and the places inside it.

    ``name`` is None for the photos whose place is not known at this level (shown last); ``key`` is the
    entity's key ("country:US", "province:CN-AH", "city:1808722"), None for a place counted as stated;
    ``term`` is the search term that selects the place (``province:Gansu``; the code or id when the name
    means more than one place at its level, ``city:5746545``), None for the unknown.
    """

    level: str
    name: str | None
    count: int = 0
    children: list[PlaceCount] = field(default_factory=list)
    key: str | None = None
    #: The value of ``term`` when it is not the name (set by ``_entity_terms``).
    value: str | None = field(default=None, repr=False)

    @property
    def term(self) -> str | None:
        if self.name is None:
            return None
        return f"{dict(PLACE_LEVELS)[self.level]}:{quote_value(self.value or self.name)}"


@dataclass
class PeriodCount:
    """One year, month or day, how many photos were taken in it, and the shorter periods inside it.

    ``label`` is the ISO period (``2025``, ``2025-10``, ``2025-10-14``), or None for photos with no date,
    or whose date is less precise than this level (a photo dated only ``2025`` has no month).
    """

    level: str
    label: str | None
    count: int = 0
    children: list[PeriodCount] = field(default_factory=list)

    @property
    def term(self) -> str | None:
        return f"taken:{self.label}" if self.label else None


def quote_value(value: str) -> str:
    """A value as it must be typed in a search term: quoted when it holds a space.

    >>> quote_value("Gansu"), quote_value("Inner Mongolia")
    ('Gansu', '"Inner Mongolia"')
    """
    return f'"{value}"' if any(c.isspace() for c in value) else value


def place_counts(library, args: list[str]) -> list[PlaceCount]:
    """Photos per country > province > city for the photos the query terms select (counted by the database,
    by entity: see the module docstring)."""
    from catalog.entities import read_place_group

    # One indexed column holds what the tree reads of each photo (catalog.entities.place_group, alembic 0010):
    # the database counts off the index, reading no photo's row or JSON (bench/README.md, "places").
    rows = library.count_by(list(args), ["place_group"])
    return _entity_terms(_place_tree(sorted(((*read_place_group(group), count) for group, count in rows),
                                            key=_null_first)))


def _null_first(row: tuple) -> tuple:
    """The order SQLite's GROUP BY gave the rows (NULL first, then by code point), so the first spelling of a
    name seen, which the tree keeps, is the same whatever the database or the query's shape."""
    return tuple((value is not None, value if value is not None else "") for value in row[:-1])


def timeline_counts(library, args: list[str], *, by: str = "month") -> list[PeriodCount]:
    """Photos per year (> month (> day)) taken, for the photos the query terms select (counted by the database)."""
    rows = library.count_by(list(args), ["taken_start", "taken_end"])
    return _period_tree(((_span_parts(start, end), count) for start, end, count in rows), by=by)


def place_counts_of(photos: Iterable) -> list[PlaceCount]:
    """The place tree of photos already fetched; each level sorted by count, then name; unknown last."""
    from catalog.entities import PLACE_GROUP, place_group_values

    def row(photo) -> tuple:  # what place_counts reads of each photo's place_group column, from the photo
        return (*place_group_values({column: getattr(photo, column, None) for column, _ in PLACE_GROUP}), 1)

    return _entity_terms(_place_tree(row(photo) for photo in photos))


def timeline_counts_of(photos: Iterable, *, by: str = "month") -> list[PeriodCount]:
    """The timeline of photos already fetched, oldest first, undated last."""
    return _period_tree(((_date_parts(photo.taken), 1) for photo in photos), by=by)


def _place_tree(rows: Iterable[tuple]) -> list[PlaceCount]:
    """(entity country code, country, province code, province, city id, city, stated country, stated province,
    stated city, count) rows -> the tree: the entity's levels, and the stated names below the entity's last
    level (a city the gazetteer does not know, in the province it does). Placeholders count as unknown."""
    root = PlaceCount("root", None)
    for code, country, province_code, province, entity_id, city, *stated, count in rows:
        city_id = entity_id if entity_id and str(entity_id).isdigit() else None  # a city's is its GeoNames id
        country_at = (f"country:{code}", country) if code else _stated(stated[0])
        province_at = (f"province:{province_code}", province) if province_code else (
            _stated(stated[1]) if not city_id else (None, None))
        city_at = (f"city:{city_id}", city) if city_id else _stated(stated[2])
        node = root
        node.count += count
        for (level, _field), (key, name) in zip(PLACE_LEVELS, (country_at, province_at, city_at)):
            node = _place_child(node.children, level, key, name)
            node.count += count
    _sort_places(root.children)
    _prune(root.children)
    return root.children


def _stated(name: str | None) -> tuple[None, str | None]:
    from catalog.place_rules import is_placeholder

    return (None, None) if not name or is_placeholder(name) else (None, name)


def _place_child(children: list[PlaceCount], level: str, key: str | None, name: str | None) -> PlaceCount:
    """The child for an entity (by key) or a stated name (by its folded spelling); made when new."""
    from catalog.place_keys import fold

    for child in children:
        if (key is not None and child.key == key) or (key is None and child.key is None and (
                (fold(child.name) if child.name else None) == (fold(name) if name else None))):
            return child
    child = PlaceCount(level, name, key=key)
    children.append(child)
    return child


def _entity_terms(nodes: list[PlaceCount]) -> list[PlaceCount]:
    """Give each entity the term that selects it: its name when the name means that one entity at its level
    ("province:Anhui"), else its code or id ("province:IN-PB", "city:5746545")."""
    from catalog.entities import search_keys

    for node in _walk_nodes(nodes):
        if node.key is None or node.name is None:
            continue
        meant = search_keys(node.name).at(node.level)
        if meant != {node.key}:
            node.value = node.key.split(":", 1)[1]
    from catalog import place_memo

    place_memo.save()
    return nodes


def _walk_nodes(nodes: list[PlaceCount]):
    for node in nodes:
        yield node
        yield from _walk_nodes(node.children)


def _period_tree(rows: Iterable[tuple[list[str], int]], *, by: str) -> list[PeriodCount]:
    """(date parts, count) rows -> the tree, `by` year, month or day deep."""
    if by not in PERIODS:
        raise UsageError(f"count by one of {', '.join(PERIODS)}, not {by!r}")
    depth = PERIODS[by]
    root = PeriodCount("root", None)
    for parts, count in rows:
        node = root
        node.count += count
        for index, level in enumerate(list(PERIODS)[:depth]):
            label = "-".join(parts[: index + 1]) if len(parts) > index else None
            node = _child(node.children, level, label, PeriodCount)
            node.count += count
    _sort_periods(root.children)
    _prune(root.children)
    return root.children


def _span_parts(start: str | None, end: str | None) -> list[str]:
    """The date parts a stored span is precise to: a whole year gives ["2025"], a whole month ["2025", "10"]."""
    if not start or not end:
        return []
    if start == end:
        return start.split("-")
    if start[5:] == "01-01" and end[5:] == "12-31" and start[:4] == end[:4]:
        return [start[:4]]
    return start.split("-")[:2]


def _date_parts(taken: str | None) -> list[str]:
    """["2025", "10", "14"] for 2025-10-14T10:32+08:00; as many parts as the date's precision allows."""
    kind = precision(taken)
    if kind is None or taken is None:
        return []
    parts = taken.split("T")[0].split(" ")[0].split("-")
    keep = {"year": 1, "month": 2, "day": 3, "time": 3}[kind]
    return [parts[0], *[p.zfill(2) for p in parts[1:keep]]]


def _child(children: list, level: str, name: str | None, kind):
    key = name.casefold() if name else None
    for child in children:
        current = getattr(child, "name" if kind is PlaceCount else "label")
        if (current.casefold() if current else None) == key:
            return child
    child = kind(level, name)
    children.append(child)
    return child


def _sort_places(nodes: list[PlaceCount]) -> None:
    nodes.sort(key=lambda n: (n.name is None, -n.count, (n.name or "").casefold()))
    for node in nodes:
        _sort_places(node.children)


def _sort_periods(nodes: list[PeriodCount]) -> None:
    nodes.sort(key=lambda n: (n.label is None, n.label or ""))
    for node in nodes:
        _sort_periods(node.children)


def _prune(nodes: list) -> None:
    """Drop a level that says nothing: a lone 'unknown' child under a known parent."""
    for node in nodes:
        if len(node.children) == 1 and _is_unknown(node.children[0]):
            node.children = []
        _prune(node.children)


def _is_unknown(node) -> bool:
    return (node.name if isinstance(node, PlaceCount) else node.label) is None


# --- output shapes for `catalog places` and `catalog timeline` ---------------------------------------------------

_UNKNOWN = {
    "country": "(country unknown)", "province": "(province unknown)", "city": "(city unknown)",
    "year": "(no date)", "month": "(month unknown)", "day": "(day unknown)",
}


def _label(node) -> str | None:
    return node.name if isinstance(node, PlaceCount) else node.label


def counts_json(nodes: list) -> list[dict]:
    """The tree as JSON: ``[{"level", "name" (places) or "period" (timeline), "count", "term", "children"}]``.

    >>> counts_json([PlaceCount("country", "China", 2, [PlaceCount("province", "Gansu", 2)])])
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'level': 'country', 'name': 'China', 'count': 2, 'term': 'country:China',
      'children': [{'level': 'province', 'name': 'Gansu', 'count': 2, 'term': 'province:Gansu', 'children': []}]}]
    """
    out = []
    for node in nodes:
        key = "name" if isinstance(node, PlaceCount) else "period"
        entry = {"level": node.level, key: _label(node), "count": node.count, "term": node.term,
                 "children": counts_json(node.children)}
        if isinstance(node, PlaceCount) and node.key is not None:
            entry["key"] = node.key
        out.append(entry)
    return out


def counts_text(nodes: list) -> str:
    """The tree as indented lines: count, name, and the search term that selects it.

    >>> print(counts_text([PeriodCount("year", "2025", 2, [PeriodCount("month", "2025-08", 1),
    ...                                                  PeriodCount("month", "2025-10", 1)])]))
    2  2025       taken:2025
    1    2025-08  taken:2025-08
    1    2025-10  taken:2025-10
    """
    flat = list(_walk(nodes, 0))
    width = max(len(str(node.count)) for node, _ in flat)
    labels = ["  " * depth + (_label(node) or _UNKNOWN.get(node.level, "(unknown)")) for node, depth in flat]
    label_width = max(len(label) for label in labels)
    lines = []
    for (node, _), label in zip(flat, labels):
        line = f"{str(node.count).rjust(width)}  {label.ljust(label_width)}  {node.term or ''}"
        lines.append(line.rstrip())
    return "\n".join(lines)


def counts_csv(nodes: list) -> str:
    """One row per node. Places: country,province,city,count,term (a subtotal leaves the deeper levels empty);
    timeline: period,level,count,term.

    >>> print(counts_csv([PlaceCount("country", "China", 2, [PlaceCount("province", "Gansu", 2)])]), end="")
    country,province,city,count,term
    China,,,2,country:China
    China,Gansu,,2,province:Gansu
    """
    from catalog.render import csv_text

    places = not nodes or isinstance(nodes[0], PlaceCount)
    levels = [level for level, _ in PLACE_LEVELS]
    rows = []
    path: list[str] = []
    for node, depth in _walk(nodes, 0):
        del path[depth:]
        path.append(_label(node) or _UNKNOWN.get(node.level, ""))
        if places:
            rows.append([*path, *[""] * (len(levels) - len(path)), node.count, node.term or ""])
        else:
            rows.append([node.label or "", node.level, node.count, node.term or ""])
    return csv_text([*levels, "count", "term"] if places else ["period", "level", "count", "term"], rows)


def _walk(nodes: list, depth: int):
    for node in nodes:
        yield node, depth
        yield from _walk(node.children, depth + 1)

"""The gazetteer's cities as compact tables: packed columns from which a city record, a name or a look-up is made
when asked for, so that every reader process holds tens of megabytes where Python objects took hundreds
(catalog._placedata fills them from the data packages).

>>> names = PackedStrings(["Hefei", "Lanzhou"])
>>> names[1], len(names)
('Lanzhou', 2)
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import accumulate
from pickle import PickleBuffer
from typing import Any, NamedTuple, TypeVar, overload

from catalog.cachedir import FileArray, FileBytes, KeptBuffer
from catalog.place_keys import name_keys


class City(NamedTuple):
    """One GeoNames city of 15,000 people or more."""

    name: str
    country_code: str
    admin1: str  # GeoNames admin1 code: a bare number for most countries ("01" is Anhui in China)
    lat: float
    lon: float
    population: int
    geonameid: int  # GeoNames' own id: stable across releases, the id of the city's place entity


_Item = TypeVar("_Item")


class _Packed(Sequence[_Item]):
    """A sequence whose items are made when asked for (``_item``), from columns that hold no Python objects."""

    def _item(self, index: int) -> _Item:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> _Item: ...
    @overload
    def __getitem__(self, index: slice) -> list[_Item]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._item(i) for i in range(len(self))[index]]
        return self._item(range(len(self))[index])  # negative indexes, IndexError


class PackedStrings(_Packed[str]):
    """Strings kept as one UTF-8 bytes object and where each ends, decoded when asked for.

    Every process that loads the gazetteer holds its cities' names: as str objects (about 60 bytes each
    before their text) 380,000 of them took 30 MB; packed, their text and 8 bytes each.

    >>> names = PackedStrings(["Hefei", "合肥", ""])
    >>> names[1], names[-1], len(names), list(names)
    ('合肥', '', 3, ['Hefei', '合肥', ''])
    """

    def __init__(self, texts: Iterable[str]) -> None:
        packed = bytearray()
        ends = array("Q", [0])
        for text in texts:  # (not each text's bytes first, then joined: the alternate index's keys took 17 MB so)
            packed += text.encode()
            ends.append(len(packed))
        self._ends = ends
        self._packed = bytes(packed)

    @classmethod
    def encoded(cls, chunks: list[bytes]) -> PackedStrings:
        """The strings whose UTF-8 `chunks` are, packed without decoding them."""
        packed = cls.__new__(cls)
        packed._pack(chunks)
        return packed

    def _pack(self, chunks: list[bytes]) -> None:
        self._ends = array("Q", accumulate((len(chunk) for chunk in chunks), initial=0))
        self._packed = b"".join(chunks)

    def __len__(self) -> int:
        return len(self._ends) - 1

    def _item(self, index: int) -> str:
        start, end = self._ends[index:index + 2]  # (one read where the ends are read from a kept file)
        return str(self._packed[start:end], "utf-8")

    def run(self, start: int, stop: int) -> list[str]:
        """``self[start:stop]``, read in two pieces where the table is read from a kept file (not two reads a
        string): for the builds that go through every city of a gazetteer read back from its file.

        >>> PackedStrings(["a", "bc", "", "d"]).run(1, 3)
        ['bc', '']
        """
        stop = max(start, min(stop, len(self)))
        ends = self._ends[start:stop + 1]
        if not ends:
            return []
        texts = self._packed[ends[0]:ends[-1]]
        base = ends[0]
        return [str(texts[ends[at] - base:ends[at + 1] - base], "utf-8") for at in range(len(ends) - 1)]

    def __iter__(self) -> Iterator[str]:
        for start in range(0, len(self), _RUN):
            yield from self.run(start, start + _RUN)

    def __reduce_ex__(self, protocol):
        return _strings, (_buffer(self._packed, protocol), _buffer(self._ends, protocol))


#: How many strings `PackedStrings.__iter__` reads at once.
_RUN = 4096


class PackedIndex(Mapping[str, int]):
    """A read-only dict of name key → position, kept as the keys packed, the positions in an array and a hash
    table of slots (CRC-32 of the key's UTF-8, open addressing): stable across processes, so it is pickled as is.

    The alternate-name index (330,000 keys) took 41 MB as a dict in every process that meets a city by
    another name ("Cracow", "合肥"); packed, 13 MB.

    >>> index = PackedIndex({"hefei": 7, "cracow": 3})
    >>> index["hefei"], "krakow" in index, len(index), dict(index)
    (7, False, 2, {'hefei': 7, 'cracow': 3})
    """

    def __init__(self, found: Mapping[str, int]) -> None:
        self._keys = PackedStrings(found)
        self._positions = array("q", found.values())
        self._mask, self._slots = _slots_of(self._keys)

    @classmethod
    def gathered(cls, pairs: Iterable[tuple[str, int]], most: int) -> PackedIndex:
        """``PackedIndex(dict(pairs))`` (each key where it came first, with the position it came with last), of at
        most `most` pairs, made without the dict: the alternate index's 300,000 keys as a dict took 30 MB.

        >>> dict(PackedIndex.gathered([("a", 1), ("b", 2), ("a", 3)], 3))
        {'a': 3, 'b': 2}
        """
        packed = bytearray()
        ends = array("Q", [0])
        positions = array("q")
        mask = _gathering_slots(most) - 1
        slots = array("I", bytes(4 * (mask + 1)))
        for key, position in pairs:
            wanted = key.encode()
            slot = zlib.crc32(wanted) & mask
            while entry := slots[slot]:
                if packed[ends[entry - 1]:ends[entry]] == wanted:
                    positions[entry - 1] = position
                    break
                slot = (slot + 1) & mask
            else:
                packed += wanted
                ends.append(len(packed))
                positions.append(position)
                slots[slot] = len(positions)
        # The slots as PackedIndex(found) has them: these very ones where they are as many (each key was slotted
        # as it came first, in the order of its entry, as _slots_of slots them), else made again.
        reused = (mask, slots) if mask + 1 == _slot_count(len(positions)) else None
        del slots
        keys = PackedStrings.__new__(PackedStrings)
        keys._ends, keys._packed = ends, bytes(packed)
        del packed
        index = cls.__new__(cls)
        index._keys, index._positions = keys, positions
        index._mask, index._slots = reused or _slots_of(keys)
        return index

    def __reduce_ex__(self, protocol):
        return _index, (self._keys, _buffer(self._positions, protocol), _buffer(self._slots, protocol), self._mask)

    def __getitem__(self, key: str) -> int:
        if not isinstance(key, str):  # (None, a number: not a key, as a dict of strings says)
            raise KeyError(key)
        wanted, packed, ends, slots = key.encode(), self._keys._packed, self._keys._ends, self._slots
        slot = zlib.crc32(wanted) & self._mask
        while entry := slots[slot]:
            start, end = ends[entry - 1:entry + 1]
            if packed[start:end] == wanted:
                return self._positions[entry - 1]
            slot = (slot + 1) & self._mask
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._positions)


# --- pickled with their buffers apart ----------------------------------------------------------------------
# At pickle protocol 5 the packed tables hand their bytes and arrays over as buffers (pickle.PickleBuffer), which
# catalog.cachedir writes apart from the pickle; a process that reads the file back gets each buffer as a
# cachedir.KeptBuffer and reads it a few bytes at a time when a look-up asks (cachedir.FileArray, FileBytes), so
# that it holds none of the file's pages. Pickled with the buffers inside (pickle.dumps without a
# buffer_callback), they come back as bytes and arrays, as before.


def _buffer(value, protocol: int) -> PickleBuffer | bytes:
    """What a packed table pickles of its bytes or an array: the buffer itself from protocol 5 on, else a copy of its
    bytes (a table read from a kept file holds FileArrays and FileBytes, or memoryviews where it is mapped, which
    older protocols and copy.copy cannot pickle)."""
    if not isinstance(value, (array, bytes, memoryview)):  # read from a kept file: read whole, as it was kept
        value = value.whole()
    return PickleBuffer(value) if protocol >= 5 else bytes(value)


def _kept(buffer) -> KeptBuffer | None:
    """The KeptBuffer a buffer pickled apart came back as (pickle hands a read-only one over in a memoryview)."""
    found = buffer.obj if isinstance(buffer, memoryview) else buffer
    return found if isinstance(found, KeptBuffer) else None


def _array(buffer, typecode: str) -> Any:  # an array, a FileArray or a memoryview read as one
    """An array of `typecode` from a buffer pickled apart (read from the file when asked, or a mapped view) or
    inside (its bytes)."""
    if (kept := _kept(buffer)) is not None:
        return kept.array(typecode)
    if isinstance(buffer, memoryview):
        return buffer.cast("B").cast(typecode)  # type: ignore[call-overload]  # (a typecode of array)
    found = array(typecode)
    found.frombytes(buffer)
    return found


def _bytes(buffer) -> Any:  # bytes, FileBytes, or a memoryview read as them
    if (kept := _kept(buffer)) is not None:
        return kept.bytes_()
    return buffer if isinstance(buffer, memoryview) else bytes(buffer)


def _strings(packed, ends) -> PackedStrings:
    strings = PackedStrings.__new__(PackedStrings)
    strings._packed, strings._ends = _bytes(packed), _array(ends, "Q")
    return strings


def _whole(column):
    """A column of a table as it is in memory: a PackedStrings with its bytes and ends, an array, read whole from its
    kept file where it is read from one."""
    if isinstance(column, PackedStrings):
        strings = PackedStrings.__new__(PackedStrings)
        strings._packed, strings._ends = _whole(column._packed), _whole(column._ends)
        return strings
    return column.whole() if isinstance(column, (FileArray, FileBytes)) else column


def _packed_bytes(packed, ends) -> PackedBytes:
    chunks = PackedBytes.__new__(PackedBytes)
    chunks._packed, chunks._ends = _bytes(packed), _array(ends, "Q")
    return chunks


def _code_index(codes: list[str], index: PackedIndex) -> CodeIndex:
    found = CodeIndex.__new__(CodeIndex)
    found._codes, found._index = codes, index
    return found


def _code_lists(codes: list[str], lists: PackedLists) -> CodeLists:
    found = CodeLists.__new__(CodeLists)
    found._codes, found._lists = codes, lists
    return found


def _records(kind, index: PackedIndex, fields: PackedBytes) -> PackedRecords:
    found: PackedRecords = PackedRecords.__new__(PackedRecords)
    found._kind, found._index, found._fields, found._made = kind, index, fields, {}
    return found


def _index(keys: PackedStrings, positions, slots, mask: int) -> PackedIndex:
    index = PackedIndex.__new__(PackedIndex)
    index._keys, index._positions, index._slots, index._mask = keys, _array(positions, "q"), _array(slots, "I"), mask
    return index


def _lists(entries: PackedIndex, starts, positions) -> PackedLists:
    lists = PackedLists.__new__(PackedLists)
    lists._entries, lists._starts, lists._positions = entries, _array(starts, "I"), _array(positions, "I")
    return lists


def _city_table(name: PackedStrings, country_code: PackedStrings, admin1: PackedStrings, lat, lon, population,
                geonameid) -> CityTable:
    table = CityTable.__new__(CityTable)
    table._name, table._country_code, table._admin1 = name, country_code, admin1
    table._lat, table._lon = _array(lat, "d"), _array(lon, "d")
    table._population, table._geonameid = _array(population, "q"), _array(geonameid, "q")
    return table


def _town_points(codes: list[str], lat, lon, code, index: PackedIndex) -> TownPoints:
    towns = TownPoints.__new__(TownPoints)
    towns._codes, towns._lat, towns._lon, towns._code = codes, _array(lat, "f"), _array(lon, "f"), _array(code, "H")
    towns._index = index
    return towns


def _slot_count(keys: int) -> int:
    """The slots of a PackedIndex of `keys` keys: a third full at most, so that a look-up reads one or two."""
    size = 8
    while size < 3 * keys:
        size *= 2
    return size


def _gathering_slots(most: int) -> int:
    """The slots `PackedIndex.gathered` keys at most `most` pairs into: two thirds full at most, where the index it
    makes is a third full at most (`_slot_count`), since its keys are fewer than its pairs (the alternate index's
    353,000 names give 297,000 keys). At a third of `most` the alternate index was gathered into 2,097,152 slots,
    8 MB at the peak of its build, for a table of 1,048,576.

    >>> _gathering_slots(353_126), _slot_count(296_829), _gathering_slots(6), _gathering_slots(0)
    (1048576, 1048576, 16, 8)
    """
    size = 8
    while 2 * size < 3 * most:
        size *= 2
    return size


def _slots_of(keys: PackedStrings) -> tuple[int, array]:
    """The mask and the slots of a PackedIndex of these keys: each slot holds its entry + 1, or 0 when empty."""
    size = _slot_count(len(keys))
    mask = size - 1
    slots = array("I", bytes(4 * size))
    packed, ends = keys._packed, keys._ends
    for entry in range(len(keys)):
        slot = zlib.crc32(packed[ends[entry]:ends[entry + 1]]) & mask
        while slots[slot]:
            slot = (slot + 1) & mask
        slots[slot] = entry + 1
    return mask, slots


class PackedLists(Mapping[str, Sequence[int]]):
    """A read-only dict of name key → positions, packed: the keys in a ``PackedIndex`` of where each one's
    positions start, the positions in one array.

    The primary name index (32,000 keys) took 6.5 MB as a dict of lists in every process that loads the
    gazetteer; packed, 1.3 MB.

    >>> lists = PackedLists({"rome": [4, 9], "hefei": [7]})
    >>> list(lists["rome"]), list(lists.get("hefei", ())), "kraków" in lists, len(lists)
    ([4, 9], [7], False, 2)
    """

    def __init__(self, found: Mapping[str, Sequence[int]]) -> None:
        self._entries = PackedIndex({key: entry for entry, key in enumerate(found)})
        self._starts = array("I", accumulate((len(positions) for positions in found.values()), initial=0))
        self._positions = array("I", (position for positions in found.values() for position in positions))

    def __getitem__(self, key: str) -> Sequence[int]:
        start, end = self._starts[(entry := self._entries[key]):entry + 2]
        return self._positions[start:end]

    def __reduce_ex__(self, protocol):
        return _lists, (self._entries, _buffer(self._starts, protocol), _buffer(self._positions, protocol))

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


class CodeIndex(Mapping[str, str]):
    """A read-only dict of name key → a code of few distinct values ("cn", "CN-AH"), packed: the keys in a
    ``PackedIndex`` of each code's number, the codes once in a list. Read from a kept file a look-up at a time,
    where the dict was unpickled whole by every reader (the countries' names, the provinces' top levels).

    >>> codes = CodeIndex({"china": "CN", "zhongguo": "CN", "france": "FR"})
    >>> codes["zhongguo"], codes.get("peru"), len(codes), dict(codes)
    ('CN', None, 3, {'china': 'CN', 'zhongguo': 'CN', 'france': 'FR'})
    """

    def __init__(self, found: Mapping[str, str]) -> None:
        self._codes = sorted(set(found.values()))
        number = {code: at for at, code in enumerate(self._codes)}
        self._index = PackedIndex({key: number[code] for key, code in found.items()})

    def __getitem__(self, key: str) -> str:
        return self._codes[self._index[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __reduce_ex__(self, protocol):
        return _code_index, (self._codes, self._index)


class CodeLists(Mapping[str, list[str]]):
    """A read-only dict of name key → a list of codes ("CN-AH"), packed as ``CodeIndex`` is: the keys in a
    ``PackedLists`` of the codes' numbers. Each look-up gives a new list.

    >>> lists = CodeLists({"anhui": ["CN-AH"], "georgia": ["US-GA", "GE"]})
    >>> lists["georgia"], lists.get("peru"), "anhui" in lists, len(lists)
    (['US-GA', 'GE'], None, True, 2)
    """

    def __init__(self, found: Mapping[str, Sequence[str]]) -> None:
        self._codes = sorted({code for codes in found.values() for code in codes})
        number = {code: at for at, code in enumerate(self._codes)}
        self._lists = PackedLists({key: [number[code] for code in codes] for key, codes in found.items()})

    def __getitem__(self, key: str) -> list[str]:
        codes = self._codes
        return [codes[at] for at in self._lists[key]]

    def __contains__(self, key: object) -> bool:
        return key in self._lists._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._lists)

    def __len__(self) -> int:
        return len(self._lists)

    def __reduce_ex__(self, protocol):
        return _code_lists, (self._codes, self._lists)


_Record = TypeVar("_Record")


class PackedRecords(Mapping[str, _Record]):
    """A read-only dict of code → record (a dataclass whose fields are strings, numbers, None and lists of
    strings), packed: the codes in a ``PackedIndex``, each record's fields as marshal's bytes, made into a record
    when first asked for and remembered (so one code gives the same record each time).

    The 5,000 ISO subdivisions as objects were the largest part of the gazetteer's pickle, unpickled whole by every
    reader that loads it (2.6 MB of objects); a reader asks for a few dozen.

    >>> records = PackedRecords({"CN-AH": City("Anhui", "CN", "01", 31.8, 117.2, 61_000_000, 1818058)})
    >>> records["CN-AH"].name, records["CN-AH"] is records["CN-AH"], "CN-GS" in records, list(records)
    ('Anhui', True, False, ['CN-AH'])
    """

    def __init__(self, records: Mapping[str, _Record]) -> None:
        import marshal

        kinds = {type(record) for record in records.values()}
        if len(kinds) > 1:
            raise TypeError("records of one kind only")
        self._kind: Any = kinds.pop() if kinds else tuple
        self._index = PackedIndex({code: at for at, code in enumerate(records)})
        self._fields = PackedBytes([marshal.dumps(_fields_of(record)) for record in records.values()])
        self._made: dict[str, _Record] = {}

    def __getitem__(self, code: str) -> _Record:
        record = self._made.get(code)
        if record is None:
            import marshal

            fields = marshal.loads(self._fields[self._index[code]])
            record = self._made[code] = self._kind(*fields)
        return record

    def __contains__(self, code: object) -> bool:
        return code in self._made or code in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def __reduce_ex__(self, protocol):
        return _records, (self._kind, self._index, self._fields)


def _fields_of(record) -> tuple:
    """A record's fields in order (a dataclass's, or a tuple's own items)."""
    from dataclasses import fields, is_dataclass

    if is_dataclass(record):
        return tuple(getattr(record, field.name) for field in fields(record))
    return tuple(record)


class PackedBytes(_Packed[bytes]):
    """Byte strings kept as ``PackedStrings`` keeps text: one bytes object and where each ends.

    >>> chunks = PackedBytes([b"ab", b"", b"c"])
    >>> chunks[0], chunks[2], len(chunks)
    (b'ab', b'c', 3)
    """

    def __init__(self, chunks: list[bytes]) -> None:
        self._ends = array("Q", accumulate((len(chunk) for chunk in chunks), initial=0))
        self._packed = b"".join(chunks)

    def __len__(self) -> int:
        return len(self._ends) - 1

    def _item(self, index: int) -> bytes:
        start, end = self._ends[index:index + 2]
        return bytes(self._packed[start:end])

    def __reduce_ex__(self, protocol):
        return _packed_bytes, (_buffer(self._packed, protocol), _buffer(self._ends, protocol))


class CityTable(_Packed[City]):
    """The cities as columns (packed names, arrays of numbers); ``table[i]`` is a ``City`` made when asked for.

    34,000 cities as tuples of Python objects took 13 MB in every process that loads the gazetteer; as
    columns, 2 MB.
    """

    def __init__(self, cities: Iterable[City]) -> None:
        rows = list(cities)
        self._fill(*(list(column) for column in zip(*rows, strict=True)) if rows else ([],) * 7)

    @classmethod
    def columns(cls, name: list[str], country_code: list[str], admin1: list[str], lat: Sequence[float],
                lon: Sequence[float], population: Sequence[int], geonameid: Sequence[int]) -> CityTable:
        """The table of the cities whose fields these columns are, made without a City for each."""
        table = cls.__new__(cls)
        table._fill(name, country_code, admin1, lat, lon, population, geonameid)
        return table

    def _fill(self, name, country_code, admin1, lat, lon, population, geonameid) -> None:
        self._name = PackedStrings(name)
        self._country_code = PackedStrings(country_code)
        self._admin1 = PackedStrings(admin1)
        self._lat = array("d", lat)
        self._lon = array("d", lon)
        self._population = array("q", population)
        self._geonameid = array("q", geonameid)

    def __len__(self) -> int:
        return len(self._lat)

    def __reduce_ex__(self, protocol):
        return _city_table, (self._name, self._country_code, self._admin1, *(
            _buffer(column, protocol) for column in (self._lat, self._lon, self._population, self._geonameid)))

    def _item(self, index: int) -> City:
        return City(self._name[index], self._country_code[index], self._admin1[index], self._lat[index],
                    self._lon[index], self._population[index], self._geonameid[index])

    def cities_at(self, positions: Iterable[int]) -> dict[int, City]:
        """``{position: self[position] for position in positions}``, each column read once: a table read from a
        kept file reads ten pieces of it for each city otherwise (a country's province map meets thousands).

        >>> table = CityTable([City("Hefei", "CN", "01", 31.9, 117.3, 7_000_000, 1808722)] * 3)
        >>> table.cities_at([2]) == {2: table[2]}
        True
        """
        wanted = list(positions)
        if len(wanted) < 16:  # (a few: read each)
            return {position: self[position] for position in wanted}
        table = CityTable.__new__(CityTable)
        table._name, table._country_code, table._admin1 = map(_whole, (self._name, self._country_code, self._admin1))
        table._lat, table._lon, table._population, table._geonameid = map(_whole, (
            self._lat, self._lon, self._population, self._geonameid))
        return {position: table[position] for position in wanted}

    def by_geonameid(self) -> GeonameIds:
        """Each city's position by its GeoNames id, as ``{city.geonameid: position for position, city in
        enumerate(table)}`` gives it, in two arrays (see GeonameIds)."""
        ids = self._geonameid.tolist()  # (read whole: a kept file's column would be read one id at a time)
        order = sorted(range(len(ids)), key=ids.__getitem__)  # (stable: a repeated id's positions in order)
        return GeonameIds(array("q", (ids[position] for position in order)), array("I", order))

    def __iter__(self) -> Iterator[City]:
        return map(City._make, zip(self._name, self._country_code, self._admin1, self._lat, self._lon,
                                   self._population, self._geonameid, strict=True))


class GeonameIds:
    """A city's position by its GeoNames id: the ids sorted, and the position of each. As a dict of 34,000 ints
    it took 3 MB in every reader that placed a city from its id (a kept place, a photo's conflict distance); as
    arrays 0.4.

    >>> ids = GeonameIds(array("q", [5, 9, 9]), array("I", [2, 0, 1]))
    >>> ids.get(5), ids.get(9), ids.get(7)
    (2, 1, None)
    """

    def __init__(self, ids: array, positions: array) -> None:
        self._ids, self._positions = ids, positions

    def get(self, geonameid: int) -> int | None:
        """The position of the city of that id (the last, where the data repeats an id); None if none has it."""
        at = bisect_right(self._ids, geonameid) - 1
        return self._positions[at] if at >= 0 and self._ids[at] == geonameid else None


#: Between two packed alternate names (GeoNames' names hold no control characters).
_SEPARATOR = "\x00"
#: How many cities' alternate names are keyed at once while the alternate index is built.
_KEYED_AT_ONCE = 1000
#: ... and at most how many of their names, past the first city's (the most populous thousand carry 37,000, whose
#: names and keys at once were 5 MB of the alternate index's build).
_NAMES_KEYED_AT_ONCE = 4096


def _runs(counts: Sequence[int], most: int, most_counted: int) -> Iterator[range]:
    """The positions 0 to len(counts) in runs of at most `most`, and of at most `most_counted` counted between them
    (each run takes one at least).

    >>> [(run.start, run.stop) for run in _runs([1, 5, 2, 2, 0, 9, 1], 3, 4)]
    [(0, 1), (1, 2), (2, 5), (5, 6), (6, 7)]
    """
    start, total = 0, len(counts)
    while start < total:
        stop, counted = start + 1, counts[start]
        while stop < total and stop - start < most and counted + counts[stop] <= most_counted:
            counted += counts[stop]
            stop += 1
        yield range(start, stop)
        start = stop


class CityIndex:
    """The cities, smallest first, and two indexes from name key to position in ``cities``.

    ``primary`` holds each city's own name (and that name spelt out, and without a trailing "City").
    ``alternate()`` holds GeoNames' alternate names (other languages and scripts, old names), each pointing
    at the most populous city that carries it; it is built on first use, since most captions name cities
    by their own names and keying 350,000 names is a third of the load.

    The cities, their alternate names and both indexes are kept packed (``CityTable``, ``PackedStrings``: a
    city's names are one string, split when asked for; ``PackedLists``; ``PackedIndex``), since every process
    that loads the gazetteer holds them (each reader process of an import of photos without GPS): 54 MB as
    Python objects, 10 MB packed; the primary index 6.5 MB as a dict, 1.3 MB packed; the alternate index
    41 MB as a dict, 13 MB packed.
    """

    def __init__(
        self, cities: CityTable, primary: dict[str, list[int]], names: PackedStrings, counts: Sequence[int]
    ) -> None:
        """`names`: each city's alternate names joined by ``_SEPARATOR``; `counts`: how many each has."""
        self.cities = cities
        self.primary = PackedLists(primary)
        self._counts = array("I", counts)  # names per city
        self._names = names
        self._alternate: PackedIndex | None = None

    def alternate_names(self, position: int) -> list[str]:
        """GeoNames' alternate names of one city."""
        return self._names[position].split(_SEPARATOR) if self._counts[position] else []

    @property
    def has_alternate(self) -> bool:
        """Whether ``alternate()`` is built (or was handed one by ``adopt_alternate``)."""
        return self._alternate is not None

    def adopt_alternate(self, found: PackedIndex) -> None:
        """Take an ``alternate()`` built before (kept in the cache folder by catalog.places), not building it."""
        self._alternate = found

    def alternate(self) -> PackedIndex:
        """Alternate name key → the most populous city that has it (built on the first call)."""
        if self._alternate is None:
            self._alternate = self.built_alternate()
        return self._alternate

    def built_alternate(self) -> PackedIndex:
        """``alternate()`` built anew, not kept here (catalog.places keeps it in the cache folder, and adopts it
        from there)."""
        # Cities are smallest first, so a name keeps its most populous owner. Latin-script names of
        # three letters or fewer are mostly airport codes and clipped forms ("KRK", "Luz" for Łódź)
        # that would capture small towns of that name; they are left out. The names are keyed a
        # thousand cities at a time: all 350,000 at once took 25 MB more at the peak.
        counts = self._counts[0:len(self.cities)]  # (read at once: the index is read back from its file)

        def pairs() -> Iterator[tuple[str, int]]:
            for cities in _runs(counts, _KEYED_AT_ONCE, _NAMES_KEYED_AT_ONCE):
                owners = [position for position in cities for _ in range(counts[position])]
                texts = self._names.run(cities.start, cities.stop)  # (read at once, as the counts)
                names = [name for position, text in zip(cities, texts, strict=True) if counts[position]
                         for name in text.split(_SEPARATOR)]
                for key, owner in zip(name_keys(names), owners, strict=True):
                    if len(key) > 3 or not key.isascii():
                        yield key, owner

        return PackedIndex.gathered(pairs(), sum(self._counts))


class TownPoints:
    """Towns and villages under the gazetteer's cities (countrystatecity's 150,000 places), each a point and the
    ISO 3166-2 code of its province, found by name key: where a caption names a place too small for GeoNames'
    15,000-people cities ("Ketchikan, Alaska", "Quilpie", a county seat of China), its province, country and
    point. Rows of one key lie together; the index holds each key's first row and count (``first << 8 |
    count``, a key's count capped at 255).

    >>> towns = TownPoints([("ketchikan", 55.34, -131.64, "US-AK"), ("park city", 40.65, -111.5, "US-UT"),
    ...                     ("park city", 37.8, -97.32, "US-KS")])
    >>> [(round(lat), code) for lat, _, code in towns.find("park city")], towns.find("nowhere")
    ([(41, 'US-UT'), (38, 'US-KS')], [])
    """

    def __init__(self, rows: Iterable[tuple[str, float, float, str]]) -> None:
        keys: list[str] = []
        lat, lon, codes = array("d"), array("d"), []
        for key, row_lat, row_lon, code in rows:
            keys.append(key)
            lat.append(row_lat)
            lon.append(row_lon)
            codes.append(code)
        self._fill(keys, lat, lon, codes)

    @classmethod
    def columns(cls, keys: list[str], lat: array, lon: array, codes: list[str]) -> TownPoints:
        """``TownPoints(zip(keys, lat, lon, codes))`` made from columns (`lat` and `lon` arrays of doubles): the
        150,000 rows as tuples of Python objects, sorted, took the process that builds the table 77 MB at its peak.

        >>> towns = TownPoints.columns(["b", "a"], array("d", [1.0, 2.0]), array("d", [3.0, 4.0]), ["X-1", "X-2"])
        >>> towns.find("a"), towns.find("b")
        ([(2.0, 4.0, 'X-2')], [(1.0, 3.0, 'X-1')])
        """
        towns = cls.__new__(cls)
        towns._fill(keys, lat, lon, codes)
        return towns

    def _fill(self, keys: list[str], lat: array, lon: array, codes: list[str]) -> None:
        order = sorted(range(len(keys)), key=keys.__getitem__)  # (stable: rows of one key keep their order)
        self._codes = sorted(set(codes))
        number = {code: index for index, code in enumerate(self._codes)}
        self._lat = array("f", (lat[row] for row in order))
        self._lon = array("f", (lon[row] for row in order))
        self._code = array("H", (number[codes[row]] for row in order))

        def entries() -> Iterator[tuple[str, int]]:  # each key's first row and count, as the rows of a key lie
            start = 0
            for position in range(1, len(order) + 1):
                if position == len(order) or keys[order[position]] != keys[order[start]]:
                    yield keys[order[start]], start << 8 | min(position - start, 0xFF)
                    start = position

        self._index = PackedIndex.gathered(entries(), len(order))

    def __reduce_ex__(self, protocol):
        return _town_points, (self._codes, _buffer(self._lat, protocol), _buffer(self._lon, protocol),
                              _buffer(self._code, protocol), self._index)

    def find(self, key: str) -> list[tuple[float, float, str]]:
        """The towns of a name key: (latitude, longitude, ISO 3166-2 code of the province)."""
        entry = self._index.get(key)
        if entry is None:
            return []
        rows = slice(entry >> 8, (entry >> 8) + (entry & 0xFF))
        return [(lat, lon, self._codes[code])
                for lat, lon, code in zip(self._lat[rows], self._lon[rows], self._code[rows], strict=True)]


#: The classes whose pickles hand buffers over (see catalog.cachedir.write_kept).
HANDS_BUFFERS = (PackedStrings, PackedBytes, PackedIndex, PackedLists, CityTable, CityIndex, TownPoints, CodeIndex,
                 CodeLists, PackedRecords)

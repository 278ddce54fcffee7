"""exiv2 as the write-back uses it: its keys for the field table's tags, and what its writing is checked for.

exiv2 (through pyexiv2) writes the values, but it keys XMP by its own prefixes, keeps a stale IPTC digest,
re-encodes every IIM dataset and may drop what it cannot parse. So, beside its keys, this module holds the
repairs made after it writes (``set_iptc_digest``: the untouched datasets' own bytes back, the digest made
current) and the check that nothing else changed (``changed_elsewhere``: exiv2's reading and the catalogue's
own readers, before against after). The planning and applying that call these live in catalog.writeback.

    >>> exiv2_xmp_key("Iptc4xmpCore:CountryCode"), iim_numbers()["Iptc.Application2.City"]
    ('Xmp.iptc.CountryCode', (2, 90))
"""

from __future__ import annotations

import io
from collections import Counter

from catalog.metadata import fields as table
from catalog.metadata.jpeg import first_iim, photoshop_resources, replace_photoshop_resources

#: exiv2's key of IIM 1:90, the coded character set.
CHARACTER_SET = "Iptc.Envelope.CharacterSet"

#: exiv2's prefix for each XMP namespace prefix the field table uses.
EXIV2_PREFIXES = {
    "dc": "dc", "photoshop": "photoshop", "Iptc4xmpCore": "iptc", "Iptc4xmpExt": "iptcExt", "plus": "plus",
    "exif": "exif", "tiff": "tiff", "xmp": "xmp", "xmpRights": "xmpRights",
}


def exiv2_xmp_key(path: str) -> str:
    """exiv2's key of an XMP property of the field table.

    >>> exiv2_xmp_key("Iptc4xmpCore:CountryCode"), exiv2_xmp_key("dc:description")
    ('Xmp.iptc.CountryCode', 'Xmp.dc.description')
    """
    prefix, name = path.split(":", 1)
    return f"Xmp.{EXIV2_PREFIXES[prefix]}.{name}"



def set_iptc_digest(data: bytes, keep_from: bytes | None = None, written: frozenset = frozenset()) -> bytes:
    """The JPEG with Photoshop resource 0x0425 set to the MD5 of its IIM block (resource 0x0404).

    With `keep_from` (the IIM block before exiv2 wrote), every dataset but the `written` (record, dataset) pairs
    keeps its original bytes (iim.merge_datasets): exiv2 re-encodes the whole block and "corrects" what it reads,
    such as a time without its UTC offset, which would change values nobody asked to change.
    """
    from catalog.metadata.iim import merge_datasets
    from catalog.metadata.photoshop import IIM, with_iptc_digest

    resources = photoshop_resources(data)
    if resources is None:
        return data
    if keep_from is not None:
        resources = [
            r._replace(data=merge_datasets(keep_from, r.data, written)) if (r.id, r.signature) == (IIM, b"8BIM") else r
            for r in resources
        ]
    return replace_photoshop_resources(data, with_iptc_digest(resources))


#: Tags that hold where other data sits in the file: they change whenever a block grows, and mean nothing alone.
POINTER_TAGS = frozenset({
    "Exif.Image.ExifTag", "Exif.Image.GPSTag", "Exif.Photo.InteroperabilityTag", "Exif.MakerNote.Offset",
    "Exif.Thumbnail.JPEGInterchangeFormat", "Exif.Image.JPEGInterchangeFormat",
})


def changed_elsewhere(before: bytes, after: bytes, written: set[str]) -> list[str]:
    """Tags other than the `written` ones (exiv2 keys) whose value differs between two versions; [] if none.

    Two independent readings are compared: exiv2's own (EXIF with maker notes, IIM, XMP) and the catalogue's own
    readers on the raw bytes (every IIM dataset, every XMP property), which would notice a packet exiv2 could not
    parse and replaced.
    """
    import pyexiv2

    written_structures = {tag.split("[")[0] for tag in written if "[1]/" in tag}
    readings = []
    for data in (before, after):
        image = pyexiv2.ImageData(data)
        try:
            readings.append({**image.read_exif(encoding="iso-8859-1"), **image.read_iptc(encoding="iso-8859-1"),
                             **image.read_xmp()})
        finally:
            image.close()
    old, new = (_meaningful(reading) for reading in readings)
    differences = []
    for key in sorted(set(old) | set(new)):
        if key in written or key in POINTER_TAGS or key.split("[")[0] in written_structures:
            continue
        if old.get(key) != new.get(key):
            differences.append(key)
    numbers = iim_numbers()
    written_iim = {numbers[tag] for tag in written if tag in numbers}
    old_iim, new_iim = (
        Counter(d for d in iim_datasets(data) if d[:2] not in written_iim and d[:2] not in ((1, 0), (2, 0)))
        for data in (before, after)
    )
    differences.extend(sorted({f"IPTC {r}:{n}" for r, n, _ in (old_iim - new_iim) + (new_iim - old_iim)}))
    old_xmp, new_xmp = _meaningful(_xmp_properties(before)), _meaningful(_xmp_properties(after))
    names = xmp_names()
    written_xmp = {names.get(tag.split("[")[0], tag) for tag in written if tag.startswith("Xmp.")}
    for name in sorted((set(old_xmp) | set(new_xmp)) - written_xmp - {"xmpNote:HasExtendedXMP"}):
        if old_xmp.get(name) != new_xmp.get(name):
            differences.append(name)
    return differences


def iim_numbers() -> dict[str, tuple[int, int]]:
    """exiv2's IPTC key of every dataset of the field table, and its (record, dataset) numbers."""
    numbers = {dataset.exiv2_key: dataset.key for row in table.FIELDS for dataset in row.iim}
    numbers[CHARACTER_SET] = (1, 90)
    return numbers


def xmp_names() -> dict[str, str]:
    """exiv2's XMP key of every property (or structure) of the field table, and the catalogue reader's name."""
    return {exiv2_xmp_key(path.split("/")[0]): path.split("/")[0] for row in table.FIELDS for path in row.xmp}


def iim_datasets(data: bytes) -> list[tuple[int, int, bytes]]:
    """Every IIM dataset of a JPEG's first IIM block as (record, dataset, value bytes), in file order."""
    from catalog.metadata.iim import strict_datasets

    block = first_iim(data)
    return [(*d.key, d.value) for d in strict_datasets(block)] if block else []


def _meaningful(values: dict) -> dict:
    """The values that say something: exiv2 drops empty properties ('' or an x-default of ''), and rdf:about
    (an identifier of the packet, not of the photo) is reset by it; neither is a loss."""
    kept = {}
    for key, value in values.items():
        if key in ("about", "rdf:about"):
            continue
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if v not in ("", None)}
        if value in ("", None, [], {}):
            continue
        kept[key] = value
    return kept


def _xmp_properties(data: bytes) -> dict:
    """Every XMP property of a JPEG as the catalogue's own parser reads it (all packets, later ones filling in)."""
    from catalog.metadata.jpeg import walk_jpeg
    from catalog.metadata.xmp import merge_extended, parse_xmp

    blocks = walk_jpeg(io.BytesIO(data))
    properties: dict = {}
    for packet in blocks.xmp:
        merge_extended(properties, parse_xmp(packet, [], "XMP"))
    return properties

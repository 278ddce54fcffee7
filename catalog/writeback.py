"""Write the catalogue's caption, credit, date and place back into the photo file, with EXIF, IIM and XMP in step.

The values are written with exiv2 (through pyexiv2), the library ExifTool's authors and digiKam rely on, which
rewrites only the metadata segments of a JPEG and copies its image data as it is. Where each field goes is the
reverse of what catalog.metadata.reconcile reads (the MWG mapping), written here as data (``TARGETS``)::

    field          EXIF (where present)          IPTC-IIM (limit, octets)        XMP
    caption        ImageDescription              2:120 Caption (2000)            dc:description (x-default)
    photographer   Artist                        2:80 By-line (32 each)          dc:creator
    credit line    -                             2:110 Credit (32)               photoshop:Credit
    source         -                             2:115 Source (32)               photoshop:Source
    copyright      Copyright                     2:116 Copyright (128)           dc:rights (x-default)
    taken          DateTimeOriginal + Offset     2:55 Date (+ 2:60 Time)         photoshop:DateCreated
    sublocation    -                             2:92 Sub-location (32)          Iptc4xmpCore:Location + LocationCreated
    city           -                             2:90 City (32)                  photoshop:City + LocationCreated
    province       -                             2:95 Province/State (32)        photoshop:State + LocationCreated
    country        -                             2:101 Country (64)              photoshop:Country + LocationCreated
    country code   -                             2:100 (ISO alpha-3: CHN)        Iptc4xmpCore:CountryCode (alpha-2: CN)

Rules, each for a reason:

* Only fields the catalogue knows are written, and only tags whose value differs; nothing is deleted.
* An EXIF tag, and the IPTC Extension's LocationCreated, are updated where the file has them (a stale copy
  there would be read first) and not added where it has not: IIM and XMP carry the values. DateTimeOriginal is
  updated only when the time of day is known (EXIF has no date-only form).
* IIM is written even where the file had none (newsroom systems still read IIM first), in UTF-8 (1:90 set), cut
  at its limit on a character boundary while XMP keeps the whole value (readers recover it, as MWG says); a
  file whose IIM is in another character set is refused rather than mixed. The IPTC digest (Photoshop
  resource 0x0425: the MD5 of the IIM block) is then recomputed, because exiv2 keeps the old one, which would
  tell every MWG reader that the IIM was changed behind the XMP's back.
* Only JPEG is written. exiv2 can write TIFF, PNG and WebP too, but it rebuilds a TIFF's whole directory
  structure and keeps a stale digest in its Photoshop resources; PNG has no standard place for IIM and WebP
  none at all; HEIF is read-only. For those, `catalog export --format xmp` writes a sidecar instead.
* The new file is made in the photo's folder and replaces it with os.replace, so a reader sees the old file or
  the new one, never half of one; before that, the image data (every segment but APPn/COM, and the scan) is
  checked to be byte-identical. A file changed since it was imported is refused: the catalogue is older.
"""

from __future__ import annotations

import hashlib
import os
import stat
import struct
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from catalog.files import write_atomically

#: The one format written; the others and why not.
WRITABLE = "JPEG"
NOT_WRITABLE = {
    "TIFF": "exiv2 rebuilds a TIFF's directories and leaves a stale IPTC digest in them",
    "PNG": "PNG has no standard place for IPTC-IIM",
    "WEBP": "WebP has no place for IPTC-IIM",
    "HEIF": "HEIF files are read-only in exiv2",
    "AVIF": "AVIF files are read-only in exiv2",
    "PSD": "Photoshop files are best edited in Photoshop",
}

UTF8 = "\x1b%G"  # IIM 1:90: ISO 2022 escape sequence for UTF-8
PHOTOSHOP = b"Photoshop 3.0\x00"
IRB_IIM, IRB_DIGEST = 0x0404, 0x0425


@dataclass(frozen=True)
class Target:
    """Where one catalogue field is written: its EXIF tag, IIM dataset (with its limit) and XMP properties."""

    field: str
    exif: str | None = None
    iptc: str | None = None
    limit: int | None = None
    xmp: str | None = None
    kind: str = "text"  # "text", "langalt" (XMP x-default), "people" ("; "-joined list)
    location_created: str | None = None  # the IPTC Extension LocationCreated field, for places


TARGETS: tuple[Target, ...] = (
    Target("caption", "Exif.Image.ImageDescription", "Iptc.Application2.Caption", 2000, "Xmp.dc.description",
           "langalt"),
    Target("photographer", "Exif.Image.Artist", "Iptc.Application2.Byline", 32, "Xmp.dc.creator", "people"),
    Target("credit_line", None, "Iptc.Application2.Credit", 32, "Xmp.photoshop.Credit"),
    Target("source", None, "Iptc.Application2.Source", 32, "Xmp.photoshop.Source"),
    Target("copyright", "Exif.Image.Copyright", "Iptc.Application2.Copyright", 128, "Xmp.dc.rights", "langalt"),
    Target("sublocation", None, "Iptc.Application2.SubLocation", 32, "Xmp.iptc.Location",
           location_created="Sublocation"),
    Target("city", None, "Iptc.Application2.City", 32, "Xmp.photoshop.City", location_created="City"),
    Target("province", None, "Iptc.Application2.ProvinceState", 32, "Xmp.photoshop.State",
           location_created="ProvinceState"),
    Target("country", None, "Iptc.Application2.CountryName", 64, "Xmp.photoshop.Country",
           location_created="CountryName"),
    Target("country_code", None, "Iptc.Application2.CountryCode", 3, "Xmp.iptc.CountryCode",
           location_created="CountryCode"),
)
LOCATION_CREATED = "Xmp.iptcExt.LocationCreated"
X_DEFAULT = 'lang="x-default"'


@dataclass
class Change:
    """One tag to write: its block ("EXIF", "IPTC", "XMP"), exiv2 key, the value there now and the new one."""

    block: str
    tag: str
    old: Any
    new: Any


@dataclass
class WritePlan:
    """What writing one photo changes (empty when the file is already in step), with notes on what was not."""

    path: str
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class WriteFailure:
    """A photo that was not written, and why, in words for the person at the keyboard."""

    path: str
    reason: str


@dataclass
class WriteReport:
    """What `write_photos` did: files written (or that would be, with dry_run), files already in step, failures."""

    written: list[WritePlan] = field(default_factory=list)
    unchanged: list[WritePlan] = field(default_factory=list)
    failures: list[WriteFailure] = field(default_factory=list)
    dry_run: bool = False


class WriteRefused(Exception):
    """This photo cannot be written safely; the message says why."""


def write_photos(library, refs: list[str], *, dry_run: bool = False) -> WriteReport:
    """Write the catalogue's values into each photo (paths, names or ids); one refusal never stops the others.

    After a file is written it is read again into the catalogue, so its size, time and fingerprint are current
    and the next import sees it unchanged (a caption typed by hand or linked from an article keeps that source).
    """
    from catalog.errors import CatalogError
    from catalog.records import CaptionInput

    report = WriteReport(dry_run=dry_run)
    seen: set[int] = set()
    for ref in refs:
        try:
            photo = library.get(ref)
        except CatalogError as error:  # not catalogued, or a name that several photos share
            report.failures.append(WriteFailure(str(ref), str(error)))
            continue
        if photo.id in seen:
            continue
        seen.add(photo.id)
        try:
            data, info = read_unchanged(photo)
            plan = plan_write(photo, data)
            if not plan.changes:
                report.unchanged.append(plan)
                continue
            if not dry_run:
                replace_file(photo.path, apply_plan(data, plan), info)
        except WriteRefused as refused:
            report.failures.append(WriteFailure(photo.path, str(refused)))
            continue
        except OSError as error:
            report.failures.append(WriteFailure(photo.path, f"cannot write the file ({error.strerror or error})"))
            continue
        report.written.append(plan)
        if not dry_run:
            kept = (photo.sources or {}).get("caption")
            caption = CaptionInput(photo.caption, kept) if photo.caption and kept in ("manual", "linked") else None
            try:
                stored = library.reimport_one(photo.path, caption)
            except CatalogError as error:
                report.failures.append(WriteFailure(photo.path, f"written, but not read again: {error}"))
                continue
            if stored.failures:
                report.failures.append(WriteFailure(photo.path, f"written, but not read again: "
                                                                f"{stored.failures[0].reason}"))
    return report


def read_unchanged(photo) -> tuple[bytes, os.stat_result]:
    """The photo's bytes, refusing a file that is not a plain JPEG or that changed since it was imported."""
    from catalog.metadata.sniff import sniff

    try:
        info = os.lstat(photo.path)
    except FileNotFoundError:
        raise WriteRefused("the file is no longer there; import its new location first") from None
    if stat.S_ISLNK(info.st_mode):
        raise WriteRefused("the path is a symbolic link; write the file it points to")
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefused("not a plain file")
    if info.st_size != photo.size or info.st_mtime_ns != photo.mtime_ns:
        raise WriteRefused("the file changed since it was imported; `catalog import` it first, then write")
    with open(photo.path, "rb") as handle:
        data = handle.read()
    file_format, reason = sniff(data[:64])
    if file_format != WRITABLE:
        why = NOT_WRITABLE.get(file_format or "", reason or "not an image")
        raise WriteRefused(
            f"only JPEG files are written ({why}); `catalog export --format xmp` writes a sidecar instead"
        )
    return data, info


def plan_write(photo, data: bytes) -> WritePlan:
    """The tags to change so the JPEG `data` says what the catalogue says about `photo`."""
    import pyexiv2

    pyexiv2.set_log_level(4)  # exiv2's own warnings would go to stderr; failures still raise
    plan = WritePlan(photo.path)
    try:
        image = pyexiv2.ImageData(data)
    except Exception as error:  # noqa: BLE001 - exiv2 raises RuntimeError for a damaged file
        raise WriteRefused(f"exiv2 cannot open the file: {error}") from None
    try:
        exif, iptc, xmp = _read_exif(image), _read_iptc(image), image.read_xmp()
    except WriteRefused:
        raise
    except Exception as error:  # noqa: BLE001
        raise WriteRefused(f"exiv2 cannot read the file's metadata: {error}") from None
    finally:
        image.close()
    for target in TARGETS:
        value = getattr(photo, target.field)
        if value in (None, "", []):
            continue
        _plan_field(plan, target, str(value), exif, iptc, xmp)
    _plan_taken(plan, photo.taken, exif, iptc, xmp)
    if any(change.block == "IPTC" for change in plan.changes) and iptc.get("Iptc.Envelope.CharacterSet") != UTF8:
        plan.changes.insert(0, Change("IPTC", "Iptc.Envelope.CharacterSet", iptc.get("Iptc.Envelope.CharacterSet"),
                                      UTF8))
    return plan


def _read_exif(image) -> dict:
    """The EXIF tags, text as UTF-8 where it is, else one character per byte (old cameras wrote Latin-1)."""
    try:
        return image.read_exif()
    except UnicodeDecodeError:
        return image.read_exif(encoding="iso-8859-1")


def _read_iptc(image) -> dict:
    """The IIM datasets, refusing a block in a character set other than UTF-8 (ours would be mixed into it)."""
    raw = image.read_iptc(encoding="iso-8859-1")  # bytes as they are, one character per byte
    if not raw:
        return {}
    if raw.get("Iptc.Envelope.CharacterSet") == UTF8:
        return image.read_iptc()
    for value in raw.values():
        for text in value if isinstance(value, list) else [value]:
            try:
                text.encode("iso-8859-1").decode("utf-8")
            except UnicodeDecodeError:
                raise WriteRefused(
                    "its IPTC-IIM is in a legacy character set, not UTF-8; writing UTF-8 values into it would "
                    "garble the others (write an XMP sidecar instead: `catalog export --format xmp`)"
                ) from None
    return image.read_iptc()


def _plan_field(plan: WritePlan, target: Target, value: str, exif: dict, iptc: dict, xmp: dict) -> None:
    people = [p.strip() for p in value.split(";") if p.strip()] if target.kind == "people" else None
    if target.exif and exif.get(target.exif) is not None:
        new = "; ".join(people) if people else value
        if exif.get(target.exif) != new:
            plan.changes.append(Change("EXIF", target.exif, exif.get(target.exif), new))
    if target.iptc:
        if people:
            new_iptc: Any = [_cut(p, target.limit) for p in people]
            current = iptc.get(target.iptc)
            current = current if isinstance(current, list) else [current] if current else []
        else:
            new_iptc = _iim_country(value) if target.field == "country_code" else _cut(value, target.limit)
            current = iptc.get(target.iptc)
            if target.field == "country_code" and current and _iim_country(current) == new_iptc:
                current = new_iptc  # CN and CHN name the same country
        if current != new_iptc and new_iptc:
            plan.changes.append(Change("IPTC", target.iptc, iptc.get(target.iptc), new_iptc))
            if not people and target.limit and len(value.encode("utf-8")) > target.limit:
                plan.notes.append(f"IPTC {target.iptc.rsplit('.', 1)[-1]} cut to {target.limit} bytes (the IIM "
                                  "limit); XMP holds the whole value")
    if target.xmp:
        current = xmp.get(target.xmp)
        if target.kind == "langalt":
            old_text = current.get(X_DEFAULT) if isinstance(current, dict) else current
            if old_text != value:
                others = {k: v for k, v in current.items() if k != X_DEFAULT} if isinstance(current, dict) else {}
                plan.changes.append(Change("XMP", target.xmp, current, {X_DEFAULT: value, **others}))
        elif people:
            if current != people:
                plan.changes.append(Change("XMP", target.xmp, current, people))
        elif current != value:
            plan.changes.append(Change("XMP", target.xmp, current, value))
    if target.location_created and LOCATION_CREATED in xmp:
        key = _location_created_key(xmp, target.location_created)
        if xmp.get(key) != value:
            plan.changes.append(Change("XMP", key, xmp.get(key), value))


def _location_created_key(xmp: dict, name: str) -> str:
    """exiv2's key for a field of the first LocationCreated, with the prefix the file's XMP uses for it."""
    prefix = "iptcExt"
    for key in xmp:
        if key.startswith(f"{LOCATION_CREATED}[1]/") and ":" in key:
            prefix = key.split("/", 1)[1].split(":", 1)[0]
            break
    return f"{LOCATION_CREATED}[1]/{prefix}:{name}"


def _plan_taken(plan: WritePlan, taken: str | None, exif: dict, iptc: dict, xmp: dict) -> None:
    from catalog.dates import precision
    from catalog.metadata.reconcile import xmp_datetime

    kind = precision(taken)
    if kind is None:
        return
    date = taken[:10]
    clock = taken[11:] if kind == "time" else ""
    time_of_day, fraction, offset = _split_clock(clock)
    if xmp_datetime(xmp.get("Xmp.photoshop.DateCreated")) != xmp_datetime(taken):
        plan.changes.append(Change("XMP", "Xmp.photoshop.DateCreated", xmp.get("Xmp.photoshop.DateCreated"), taken))
    iim_date = {"year": f"{taken[:4]}-00-00", "month": f"{taken[:7]}-00"}.get(kind, date)
    if iptc.get("Iptc.Application2.DateCreated") != iim_date:
        plan.changes.append(Change("IPTC", "Iptc.Application2.DateCreated", iptc.get("Iptc.Application2.DateCreated"),
                                   iim_date))
    if time_of_day and offset:
        iim_time = f"{time_of_day}{offset}"
        if iptc.get("Iptc.Application2.TimeCreated") != iim_time:
            plan.changes.append(Change("IPTC", "Iptc.Application2.TimeCreated",
                                       iptc.get("Iptc.Application2.TimeCreated"), iim_time))
    elif time_of_day:
        plan.notes.append("IPTC Time Created not written: the time's UTC offset is unknown")
    if not exif.get("Exif.Photo.DateTimeOriginal"):
        return
    if not time_of_day:
        plan.notes.append("EXIF DateTimeOriginal left as it is: EXIF needs the time of day, the catalogue has none")
        return
    wanted = {
        "Exif.Photo.DateTimeOriginal": f"{date.replace('-', ':')} {time_of_day}",
        "Exif.Photo.OffsetTimeOriginal": offset,
        "Exif.Photo.SubSecTimeOriginal": fraction,
    }
    for tag, new in wanted.items():
        if new and exif.get(tag) != new:
            plan.changes.append(Change("EXIF", tag, exif.get(tag), new))


def _split_clock(clock: str) -> tuple[str, str, str]:
    """"10:32:00.5+08:00" -> ("10:32:00", "5", "+08:00"); missing parts are ""."""
    if not clock:
        return "", "", ""
    offset = ""
    for sign in ("+", "-", "Z"):
        if sign in clock:
            clock, _, rest = clock.partition(sign)
            offset = "+00:00" if sign == "Z" else sign + rest
            break
    clock, _, fraction = clock.partition(".")
    return clock, fraction, offset


def _cut(value: str, limit: int | None) -> str:
    """The value in at most `limit` UTF-8 bytes, cut on a character boundary."""
    if limit is None:
        return value
    return value.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def _iim_country(code: str) -> str:
    """IIM 2:100 holds the ISO 3166-1 alpha-3 code (CHN) where XMP holds alpha-2 (CN)."""
    import pycountry

    code = code.strip().upper()
    found = pycountry.countries.get(alpha_2=code) if len(code) == 2 else pycountry.countries.get(alpha_3=code)
    return found.alpha_3 if found else code[:3]


def apply_plan(data: bytes, plan: WritePlan) -> bytes:
    """The JPEG `data` with the plan's changes, its IPTC digest current and its image data untouched."""
    import pyexiv2

    by_block: dict[str, dict[str, Any]] = {"EXIF": {}, "IPTC": {}, "XMP": {}}
    for change in plan.changes:
        by_block[change.block][change.tag] = change.new
    image = pyexiv2.ImageData(data)
    try:
        if by_block["EXIF"]:
            image.modify_exif(by_block["EXIF"])
        if by_block["IPTC"]:
            image.modify_iptc(by_block["IPTC"])
        if by_block["XMP"]:
            xmp = by_block["XMP"]
            created = {k: v for k, v in xmp.items() if k.startswith(LOCATION_CREATED)}
            image.modify_xmp({k: v for k, v in xmp.items() if k not in created})
            if created:
                if LOCATION_CREATED not in image.read_xmp():
                    image.modify_xmp({LOCATION_CREATED: 'type="Bag"'})
                image.modify_xmp(created)
        encoded = image.get_bytes()
    except Exception as error:  # noqa: BLE001 - exiv2 raises RuntimeError with its own message
        raise WriteRefused(f"exiv2 could not write the metadata: {error}") from None
    finally:
        image.close()
    kinds = {kind for kind, block in (("exif", "EXIF"), ("iim", "IPTC"), ("xmp", "XMP")) if by_block[block]}
    written = splice(data, encoded, kinds)
    if by_block["IPTC"]:
        numbers = frozenset(IIM_NUMBERS[tag] for tag in by_block["IPTC"])
        written = set_iptc_digest(written, keep_from=iim_block(data), written=numbers)
    if image_data(written) != image_data(data):
        raise WriteRefused("exiv2 would have changed the image data; the file was left alone")
    others = changed_elsewhere(data, written, plan)
    if others:
        shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        raise WriteRefused(f"writing would also change {shown}; the file was left alone")
    return written


#: Tags that hold where other data sits in the file: they change whenever a block grows, and mean nothing alone.
POINTER_TAGS = frozenset({
    "Exif.Image.ExifTag", "Exif.Image.GPSTag", "Exif.Photo.InteroperabilityTag", "Exif.MakerNote.Offset",
    "Exif.Thumbnail.JPEGInterchangeFormat", "Exif.Image.JPEGInterchangeFormat",
})


def changed_elsewhere(before: bytes, after: bytes, plan: WritePlan) -> list[str]:
    """Tags other than the plan's whose value differs between two versions of a file; [] when none does.

    Two independent readings are compared: exiv2's own (EXIF with maker notes, IIM, XMP) and the catalogue's XMP
    parser on the raw packets, which would notice a packet exiv2 could not parse and replaced.
    """
    import pyexiv2

    written = {change.tag for change in plan.changes}
    readings = []
    for data in (before, after):
        image = pyexiv2.ImageData(data)
        try:
            readings.append({**image.read_exif(encoding="iso-8859-1"), **image.read_iptc(encoding="iso-8859-1"),
                             **image.read_xmp()})
        finally:
            image.close()
    old, new = readings
    old, new = _meaningful(old), _meaningful(new)
    differences = []
    for key in sorted(set(old) | set(new)):
        if key in written or key in POINTER_TAGS or key.startswith(LOCATION_CREATED) and any(
            tag.startswith(LOCATION_CREATED) for tag in written
        ):
            continue
        if old.get(key) != new.get(key):
            differences.append(key)
    written_iim = {IIM_NUMBERS[tag] for tag in written if tag in IIM_NUMBERS}
    old_iim, new_iim = (
        Counter(d for d in iim_datasets(data) if d[:2] not in written_iim and d[:2] not in ((1, 0), (2, 0)))
        for data in (before, after)
    )
    differences.extend(sorted({f"IPTC {r}:{n}" for r, n, _ in (old_iim - new_iim) + (new_iim - old_iim)}))
    old_xmp, new_xmp = _meaningful(_xmp_properties(before)), _meaningful(_xmp_properties(after))
    written_xmp = {_XMP_NAMES.get(tag.split("[")[0], tag) for tag in written if tag.startswith("Xmp.")}
    for name in sorted((set(old_xmp) | set(new_xmp)) - written_xmp - {"xmpNote:HasExtendedXMP"}):
        if old_xmp.get(name) != new_xmp.get(name):
            differences.append(name)
    return differences


#: exiv2's XMP keys and the catalogue XMP parser's names for the properties written.
_XMP_NAMES = {
    "Xmp.dc.description": "dc:description", "Xmp.dc.creator": "dc:creator", "Xmp.dc.rights": "dc:rights",
    "Xmp.photoshop.Credit": "photoshop:Credit", "Xmp.photoshop.Source": "photoshop:Source",
    "Xmp.photoshop.DateCreated": "photoshop:DateCreated", "Xmp.photoshop.City": "photoshop:City",
    "Xmp.photoshop.State": "photoshop:State", "Xmp.photoshop.Country": "photoshop:Country",
    "Xmp.iptc.Location": "Iptc4xmpCore:Location", "Xmp.iptc.CountryCode": "Iptc4xmpCore:CountryCode",
    LOCATION_CREATED: "Iptc4xmpExt:LocationCreated",
}


#: exiv2's IPTC keys of the datasets written, and their (record, dataset) numbers.
IIM_NUMBERS = {
    "Iptc.Envelope.CharacterSet": (1, 90), "Iptc.Application2.Caption": (2, 120), "Iptc.Application2.Byline": (2, 80),
    "Iptc.Application2.Credit": (2, 110), "Iptc.Application2.Source": (2, 115),
    "Iptc.Application2.Copyright": (2, 116), "Iptc.Application2.DateCreated": (2, 55),
    "Iptc.Application2.TimeCreated": (2, 60), "Iptc.Application2.SubLocation": (2, 92),
    "Iptc.Application2.City": (2, 90), "Iptc.Application2.ProvinceState": (2, 95),
    "Iptc.Application2.CountryName": (2, 101), "Iptc.Application2.CountryCode": (2, 100),
}


def iim_block(data: bytes) -> bytes | None:
    """The first IIM block (Photoshop resource 0x0404) of a JPEG, or None."""
    from catalog.metadata.photoshop import read_resources

    segments, _ = jpeg_segments(data)
    resources = b"".join(seg[4 + len(PHOTOSHOP):] for marker, seg in segments if segment_kind(marker, seg) == "iim")
    blocks = read_resources(resources, []).get(IRB_IIM, [])
    return blocks[0] if blocks else None


def iim_records(block: bytes) -> list[tuple[tuple[int, int], bytes, bytes]]:
    r"""An IIM block's datasets as ((record, dataset), the dataset's bytes with its header, its value), in order.

    >>> iim_records(b"\x1c\x02\x5a\x00\x05Hefei")
    [((2, 90), b'\x1c\x02Z\x00\x05Hefei', b'Hefei')]
    """
    found, pos = [], 0
    while pos + 5 <= len(block) and block[pos] == 0x1C:
        start = pos
        key, size = (block[pos + 1], block[pos + 2]), struct.unpack(">H", block[pos + 3:pos + 5])[0]
        pos += 5
        if size & 0x8000:  # extended length: the next (size & 0x7FFF) bytes hold the length
            count = size & 0x7FFF
            size = int.from_bytes(block[pos:pos + count], "big")
            pos += count
        if pos + size > len(block):
            raise WriteRefused("its IPTC-IIM block is damaged (a dataset runs past its end); left alone")
        found.append((key, block[start:pos + size], block[pos:pos + size]))
        pos += size
    if block[pos:].strip(b"\0"):
        raise WriteRefused("its IPTC-IIM block holds data that is not a dataset; left alone")
    return found


def merge_iim(original: bytes, encoded: bytes, written: frozenset) -> bytes:
    """The original IIM block with the `written` datasets taken from exiv2's `encoded` block.

    A written dataset takes the place of its first original occurrence; one the original lacked goes in order of
    record and dataset number; exiv2's record-version datasets (1:00, 2:00) are kept only where the original had
    none for a record it now has.
    """
    old, new = iim_records(original), iim_records(encoded)
    out: list[tuple[tuple[int, int], bytes]] = []
    placed: set[tuple[int, int]] = set()
    for key, raw, _ in old:
        if key in written:
            if key not in placed:
                out.extend((k, r) for k, r, _ in new if k == key)
                placed.add(key)
            continue
        out.append((key, raw))
    versions = {(1, 0), (2, 0)}
    adding = [(k, r) for k, r, _ in new if (k in written and k not in placed)
              or (k in versions and all(o[0] != k for o in old) and k[0] in {w[0] for w in written})]
    for key, raw in adding:
        at = next((i for i, (other, _) in enumerate(out) if other > key), len(out))
        out.insert(at, (key, raw))
    return b"".join(raw for _, raw in out)


def iim_datasets(data: bytes) -> list[tuple[int, int, bytes]]:
    """Every IIM dataset of a JPEG's first IIM block as (record, dataset, value bytes), in file order."""
    block = iim_block(data)
    return [(*key, value) for key, _, value in iim_records(block)] if block else []


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
    import io

    from catalog.metadata.jpeg import walk_jpeg
    from catalog.metadata.xmp import merge_extended, parse_xmp

    blocks = walk_jpeg(io.BytesIO(data))
    properties: dict = {}
    for packet in blocks.xmp:
        merge_extended(properties, parse_xmp(packet, [], "XMP"))
    return properties


def segment_kind(marker: int, segment: bytes) -> str | None:
    """"exif", "xmp" (main or extended packet) or "iim" (Photoshop resources) for a metadata segment, else None."""
    body = segment[4:]
    if marker == 0xE1 and body.startswith(b"Exif\0"):
        return "exif"
    if marker == 0xE1 and body.startswith((b"http://ns.adobe.com/xap/1.0/\0", b"http://ns.adobe.com/xmp/extension/\0")):
        return "xmp"
    if marker == 0xED and body.startswith(PHOTOSHOP):
        return "iim"
    return None


def splice(original: bytes, encoded: bytes, kinds: set[str]) -> bytes:
    """The original JPEG with only its `kinds` of metadata segments taken from exiv2's `encoded` version.

    Every other segment (JFIF, ICC profile, MPF, Adobe, comments, and EXIF when no EXIF tag is written) keeps its
    bytes and its place; a kind the original lacked goes after its leading APP0/APP1 segments. A multi-picture file
    (MPF) whose offsets would shift is refused.
    """
    old_segments, old_scan = jpeg_segments(original)
    new_segments, _ = jpeg_segments(encoded)
    replacement = {kind: [seg for marker, seg in new_segments if segment_kind(marker, seg) == kind] for kind in kinds}
    out: list[bytes] = []
    placed: set[str] = set()
    insert_at, leading = 0, True
    for marker, segment in old_segments:
        kind = segment_kind(marker, segment)
        leading = leading and 0xE0 <= marker <= 0xEF
        if kind in kinds:
            if kind not in placed:
                out.extend(replacement[kind])
                placed.add(kind)
            continue
        out.append(segment)
        if leading and marker in (0xE0, 0xE1):
            insert_at = len(out)  # after JFIF and EXIF, before ICC, MPF and the rest
    missing = [seg for kind in sorted(kinds - placed) for seg in replacement[kind]]
    out[insert_at:insert_at] = missing
    if _after_mpf([seg for _, seg in old_segments]) != _after_mpf(out):
        raise WriteRefused("it is a multi-picture file (MPF) whose image offsets would shift; left alone")
    return original[:2] + b"".join(out) + original[old_scan:]


def _after_mpf(segments: list[bytes]) -> int | None:
    """How many bytes of segments follow the MPF segment (its offsets count across them); None without MPF."""
    for index, segment in enumerate(segments):
        if segment[1] == 0xE2 and segment[4:8] == b"MPF\0":
            return sum(len(later) for later in segments[index + 1:])
    return None


def jpeg_segments(data: bytes) -> tuple[list[tuple[int, bytes]], int]:
    """The JPEG's segments before the scan as (marker, whole segment bytes), and where the scan begins."""
    if data[:2] != b"\xff\xd8":
        raise WriteRefused("not a JPEG")
    segments, pos = [], 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise WriteRefused("the JPEG's segments are damaged")
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            segments.append((marker, data[pos:pos + 2]))
            pos += 2
            continue
        if marker in (0xDA, 0xD9):
            return segments, pos
        (length,) = struct.unpack(">H", data[pos + 2:pos + 4])
        segments.append((marker, data[pos:pos + 2 + length]))
        pos += 2 + length
    raise WriteRefused("the JPEG ends before its image data")


def image_data(data: bytes) -> bytes:
    """Everything but the metadata: the segments other than APPn and COM, and the scan to the end of the file."""
    segments, scan = jpeg_segments(data)
    kept = b"".join(body for marker, body in segments if not (0xE0 <= marker <= 0xEF or marker == 0xFE))
    return kept + data[scan:]


def set_iptc_digest(data: bytes, keep_from: bytes | None = None, written: frozenset = frozenset()) -> bytes:
    """The JPEG with Photoshop resource 0x0425 set to the MD5 of its IIM block (resource 0x0404).

    With `keep_from` (the IIM block before exiv2 wrote), every dataset but the `written` (record, dataset) pairs
    keeps its original bytes: exiv2 re-encodes the whole block and "corrects" what it reads, such as a time
    without its UTC offset, which would change values nobody asked to change.

    Each resource is "8BIM", a 2-byte id, an even-padded Pascal name, a 4-byte size and the data padded to an
    even length. A JPEG whose Photoshop resources span several APP13 segments is refused (exiv2 writes one).
    """
    segments, _ = jpeg_segments(data)
    photoshop = [(i, body) for i, (marker, body) in enumerate(segments) if marker == 0xED and body[4:18] == PHOTOSHOP]
    if not photoshop:
        return data
    if len(photoshop) > 1:
        raise WriteRefused("its Photoshop resources span several segments; the IPTC digest cannot be set safely")
    _, segment = photoshop[0]
    body = segment[4 + len(PHOTOSHOP):]
    resources, pos = [], 0
    while pos + 12 <= len(body) and body[pos:pos + 4] == b"8BIM":
        (rid,) = struct.unpack(">H", body[pos + 4:pos + 6])
        name_length = 1 + body[pos + 6]
        name_length += name_length % 2
        name = body[pos + 6:pos + 6 + name_length]
        (size,) = struct.unpack(">I", body[pos + 6 + name_length:pos + 10 + name_length])
        start = pos + 10 + name_length
        if start + size > len(body):
            raise WriteRefused("its Photoshop resources are damaged; the IPTC digest cannot be set safely")
        resources.append((rid, name, body[start:start + size]))
        pos = start + size + size % 2
    if body[pos:].strip(b"\0"):
        raise WriteRefused("its Photoshop resources hold data that is not a resource block; left alone")
    if keep_from is not None:
        resources = [(rid, name, merge_iim(keep_from, block, written) if rid == IRB_IIM else block)
                     for rid, name, block in resources]
    iim = [data_ for rid, _, data_ in resources if rid == IRB_IIM]
    resources = [r for r in resources if r[0] != IRB_DIGEST]
    if iim:
        resources.append((IRB_DIGEST, b"\x00\x00", hashlib.md5(iim[0]).digest()))
    new_body = PHOTOSHOP + b"".join(
        b"8BIM" + struct.pack(">H", rid) + name + struct.pack(">I", len(block)) + block + b"\x00" * (len(block) % 2)
        for rid, name, block in resources
    )
    if len(new_body) + 2 > 0xFFFF:
        raise WriteRefused("its IPTC block is too large for one JPEG segment")
    new_segment = b"\xff\xed" + struct.pack(">H", len(new_body) + 2) + new_body
    start = data.index(segment)
    return data[:start] + new_segment + data[start + len(segment):]


def replace_file(path: str, content: bytes, before: os.stat_result) -> None:
    """Put `content` in place of the file at `path` atomically and durably (catalog.files.write_atomically).

    The new file gets the old one's permission bits. If the file changed while we worked, nothing is replaced.
    """

    def unchanged() -> None:
        now = os.lstat(path)
        if (now.st_size, now.st_mtime_ns, now.st_ino) != (before.st_size, before.st_mtime_ns, before.st_ino):
            raise WriteRefused("the file changed while it was being written; nothing was replaced")

    write_atomically(path, content, mode=stat.S_IMODE(before.st_mode), durable=True, before_replace=unchanged)

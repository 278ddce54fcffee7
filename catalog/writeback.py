"""Write the catalogue's caption, credit, date and place back into the photo file, with EXIF, IIM and XMP in step.

Planning and applying; the byte editing is done beside the byte reading, in catalog.metadata (jpeg.py: a strict
segment walk and segment replacement; photoshop.py: resource blocks read and written; iim.py: datasets merged;
exiv2.py: exiv2's keys, the repairs after it writes and the check that nothing else changed).
Where each field goes is the field table's to say (catalog.metadata.fields: the rows with ``writeback``): its
EXIF tag, IIM dataset and length limit, and XMP properties, the reverse of what the reader reads. For example
the caption goes to EXIF ImageDescription (where present), IIM 2:120 (cut at 2000 octets) and dc:description
(x-default); the city to IIM 2:90, photoshop:City and LocationCreated's City (where present).

The values are written with exiv2 (through pyexiv2), the library ExifTool's authors and digiKam rely on.

Rules, each for a reason:

* Only fields the catalogue knows are written, and only tags whose value differs; nothing is deleted.
* A value the person at the desk did not set (its source is not "manual" or "linked") never replaces a longer
  one in the file: a copy the catalogue read short (an IIM caption cut at a NUL by an older reader, an XMP
  value shorter than its IIM twin) would otherwise overwrite the whole text. The tag is left with a note.
* An EXIF tag, and an XMP structure such as the IPTC Extension's LocationCreated, are updated where the file has
  them (a stale copy there would be read first) and not added where it has not: IIM and XMP carry the values.
  DateTimeOriginal is updated only when the time of day is known (EXIF has no date-only form).
* IIM is written even where the file had none (newsroom systems still read IIM first), in UTF-8 (1:90 set), cut
  at its limit on a character boundary while XMP keeps the whole value (readers recover it, as MWG says); a
  file whose IIM is in another character set is refused rather than mixed. Datasets not written keep their
  bytes, and the IPTC digest (Photoshop resource 0x0425: the MD5 of the IIM block) is recomputed, because exiv2
  keeps the old one, which would tell every MWG reader that the IIM was changed behind the XMP's back.
* Only JPEG is written. exiv2 can write TIFF, PNG and WebP too, but it rebuilds a TIFF's whole directory
  structure and keeps a stale digest in its Photoshop resources; PNG has no standard place for IIM and WebP
  none at all; HEIF is read-only. For those, `catalog export --format xmp` writes a sidecar instead.
* The new file is made in the photo's folder and replaces it with os.replace, so a reader sees the old file or
  the new one, never half of one; before that, the image data (every segment but APPn/COM, and the scan) is
  checked to be byte-identical. A file changed since it was imported is refused: the catalogue is older. So is
  a read-only file: replacing it would override the protection its permissions give it.
* A dry run makes the new file in memory and runs every check a real write runs: what it promises, `write`
  does, and what `write` would refuse, it refuses.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from typing import Any

from catalog.files import write_atomically
from catalog.metadata import fields as table
from catalog.metadata.blocks import Malformed
from catalog.metadata.exiv2 import CHARACTER_SET, changed_elsewhere, exiv2_xmp_key, iim_numbers, set_iptc_digest
from catalog.metadata.fields import Field
from catalog.metadata.jpeg import first_iim, image_data
from catalog.metadata.jpeg import replace_segments as splice
from catalog.metadata.jpeg import segments as jpeg_segments
from catalog.metadata.text import keep_nul

__all__ = ["WriteRefused", "apply_plan", "image_data", "jpeg_segments", "plan_write", "splice", "write_photos"]

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

#: What every refusal of a file's own structure ends with: the way that always works.
SIDECAR_INSTEAD = "write an XMP sidecar instead: `catalog export ... --format xmp`"

#: Sources of a value that a person set; only such a value may replace a longer one in the file.
SET_BY_HAND = ("manual", "linked")

UTF8 = "\x1b%G"  # IIM 1:90: ISO 2022 escape sequence for UTF-8
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
    #: Whether Ctrl-C stopped the write between two photos (catalog.ctrl_c), and how many named were not reached.
    interrupted: bool = False
    not_reached: int = 0


class WriteRefused(Exception):
    """This photo cannot be written safely; the message says why."""


class ChangedInPlace(WriteRefused):
    """The file changed since it was imported though its size and time did not (another program kept them)."""



def write_photos(library, refs: list[str], *, dry_run: bool = False, force: bool = False) -> WriteReport:
    """Write the catalogue's values into each photo (paths, names or ids); one refusal never stops the others.

    A file whose C2PA Content Credentials validate (or cannot be checked) is refused unless `force`: any change
    to its bytes breaks their signature (catalog.metadata.provenance.would_break_c2pa says why).

    A dry run goes as far as the new file's bytes, in memory, so it refuses what a write would refuse. After a
    file is written it is read again into the catalogue, so its size, time and fingerprint are current and the
    next import sees it unchanged (a caption typed by hand or linked from an article keeps that source).
    """
    from catalog.ctrl_c import BetweenItems

    report = WriteReport(dry_run=dry_run)
    seen: set[int] = set()
    reached = 0
    try:
        with BetweenItems() as ctrl_c:  # a file written is also read again before Ctrl-C stops the write
            for ref in refs:
                if ctrl_c.pressed:
                    break
                _write_one(library, ref, report, seen, dry_run=dry_run, force=force)
                reached += 1
    except KeyboardInterrupt:  # pressed twice: the file in hand may or may not be written
        ctrl_c.pressed = True
    report.interrupted = ctrl_c.pressed
    report.not_reached = len(refs) - reached if ctrl_c.pressed else 0
    return report


def _write_one(library, ref: str, report: WriteReport, seen: set[int], *, dry_run: bool, force: bool) -> None:
    from catalog.errors import CatalogError

    if os.path.islink(str(ref)):  # the catalogue knows the file by its real path; never write through a link
        report.failures.append(WriteFailure(str(ref), "the path is a symbolic link; write the file it points to"))
        return
    try:
        photo = library.get(ref)
    except CatalogError as error:  # not catalogued, or a name that several photos share
        report.failures.append(WriteFailure(str(ref), str(error)))
        return
    if photo.id in seen:
        return
    seen.add(photo.id)
    try:
        data, info = read_unchanged(photo)
        plan = plan_write(photo, data)
        if not plan.changes:
            report.unchanged.append(plan)
            return
        _refuse_to_break_credentials(photo, plan, force)
        if info.st_nlink > 1:
            plan.notes.append(_other_names(info.st_nlink - 1, dry_run))
        content = apply_plan(data, plan)
        if not dry_run:
            replace_file(photo.file_path, content, info)
    except ChangedInPlace as changed:
        report.failures.append(WriteFailure(photo.path, _read_again(library, photo, changed, dry_run)))
        return
    except WriteRefused as refused:
        report.failures.append(WriteFailure(photo.path, str(refused)))
        return
    except Malformed as damaged:
        report.failures.append(WriteFailure(photo.path, f"{damaged.what}; {SIDECAR_INSTEAD}"))
        return
    except OSError as error:
        report.failures.append(WriteFailure(
            photo.path, f"the file could not be read or replaced ({error.strerror or error}); nothing was changed"))
        return
    report.written.append(plan)
    if not dry_run:
        try:  # what a person set is kept in the record's manual values, and read again with the file
            stored = library.reimport_one(photo.file_path, None)
        except CatalogError as error:
            report.failures.append(WriteFailure(photo.path, f"written, but not read again: {error}"))
            return
        if stored.failures:
            report.failures.append(WriteFailure(photo.path, f"written, but not read again: "
                                                            f"{stored.failures[0].reason}"))


def _read_again(library, photo, changed: ChangedInPlace, dry_run: bool) -> str:
    """A file changed behind the catalogue's back, read again (not in a dry run) so the next write starts from what
    it says now; what to tell the person. `catalog import` cannot do it: it goes by size and time, which are the
    same."""
    from catalog.errors import CatalogError

    if dry_run:
        return f"{changed}; `catalog write` without --dry-run reads it again into the catalogue first"
    try:
        stored = library.reimport_one(photo.file_path, None)
    except CatalogError as error:
        return f"{changed}; it could not be read again ({error})"
    if stored.failures:
        return f"{changed}; it could not be read again ({stored.failures[0].reason})"
    return (f"{changed}; it was read again into the catalogue, what was set by hand kept: check it "
            f"(`catalog show`) and write again")


def _other_names(others: int, dry_run: bool) -> str:
    """The note for a file with other names (hard links), which the new file does not replace.

    The file is replaced by a new one, as every editor's safe save does, so its other names keep the old bytes:
    writing through them instead would change every backup snapshot made with hard links (rsync --link-dest,
    rsnapshot, Time Machine) along with the picture.
    """
    names, they = ("another name", "it") if others == 1 else (f"{others} other names", "they")
    verb = "would keep" if dry_run else ("keeps" if others == 1 else "keep")
    return (f"the file has {names} (a hard link); {they} {verb} the old bytes, so a backup made with hard links "
            f"stays as it was (write or import that name too if it is a working copy)")


def _refuse_to_break_credentials(photo, plan: WritePlan, force: bool) -> None:
    """Refuse to write a file whose Content Credentials would be broken, unless forced (then say so)."""
    from catalog.metadata.provenance import would_break_c2pa

    reason = would_break_c2pa(photo.file_path)
    if reason is None:
        return
    if not force:
        raise WriteRefused(f"{reason}. Nothing was written; `catalog write --force` writes it anyway, "
                           "or `catalog export --format xmp` writes a sidecar and leaves the file as it is")
    plan.notes.append("written with --force: its C2PA Content Credentials no longer match the file")


def read_unchanged(photo) -> tuple[bytes, os.stat_result]:
    """The photo's bytes, refusing a file that is not a plain JPEG or that changed since it was imported."""
    from catalog.metadata.sniff import sniff

    try:
        info = os.lstat(photo.file_path)
    except FileNotFoundError:
        raise WriteRefused("the file is no longer there; import its new location first") from None
    if stat.S_ISLNK(info.st_mode):
        raise WriteRefused("the path is a symbolic link; write the file it points to")
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefused("this is not a plain file (a folder or a device, perhaps); nothing was written")
    if info.st_size != photo.size or info.st_mtime_ns != photo.mtime_ns:
        raise WriteRefused("the file changed since it was imported; `catalog import` it first, then write")
    if not info.st_mode & 0o222 or not os.access(photo.file_path, os.W_OK):
        # Replacing a file is a change of its folder, which the file's own permissions do not guard: a picture
        # someone made read-only (an original kept as it came, another user's file on a shared desk) was
        # rewritten all the same. Lightroom and the taggers refuse it; so does catalog.
        raise WriteRefused("the file is read-only; make it writable (chmod u+w) to write it, or "
                           "`catalog export --format xmp` writes a sidecar and leaves the file as it is")
    with open(photo.file_path, "rb") as handle:
        data = handle.read()
    if _replaced_or_edited(photo, info, data):
        # ExifTool's -P, and taggers' "keep the file's date", keep the size and time a catalogue goes by: writing
        # the catalogue's older values would undo that program's edit without a word.
        raise ChangedInPlace("the file was changed by another program since it was imported, which kept its size "
                             "and time")
    file_format, reason = sniff(data[:64])
    if file_format != WRITABLE:
        why = NOT_WRITABLE.get(file_format or "", reason or "not an image")
        raise WriteRefused(
            f"only JPEG files are written ({why}); `catalog export --format xmp` writes a sidecar instead"
        )
    return data, info


def _replaced_or_edited(photo, info: os.stat_result, data: bytes) -> bool:
    """Whether the file is no longer the one imported though its size and time are: another file put in its place
    (its identity on the same file system differs), bytes changed where the fingerprint samples them (the first
    16 KiB hold the EXIF and IIM of nearly every JPEG), or anywhere at all when `catalog verify` has hashed the file
    as it was read (a record read again has no hash until the next verify)."""
    import hashlib

    from catalog.scan import fingerprint, legacy_fingerprint

    if photo.inode is not None and photo.device == info.st_dev and photo.inode != info.st_ino:
        return True
    if photo.content_hash and hashlib.sha256(data).hexdigest() != photo.content_hash:
        return True
    if not photo.fingerprint:
        return False
    sampled = legacy_fingerprint if len(photo.fingerprint) == 40 else fingerprint
    return sampled(photo.file_path, info.st_size) != photo.fingerprint


# -- planning --------------------------------------------------------------------------------------------------


def plan_write(photo, data: bytes) -> WritePlan:
    """The tags to change so the JPEG `data` says what the catalogue says about `photo` (each field-table row
    with ``writeback``, read from the photo's ``column``)."""
    import pyexiv2

    pyexiv2.set_log_level(4)  # exiv2's own warnings would go to stderr; failures still raise
    plan = WritePlan(photo.path)
    try:
        image = pyexiv2.ImageData(data)
    except Exception:  # noqa: BLE001 - exiv2 raises RuntimeError for a damaged file
        raise WriteRefused(f"this file's metadata is too damaged to edit safely; {SIDECAR_INSTEAD}") from None
    try:
        exif, iptc, xmp = _read_exif(image), _read_iptc(image), image.read_xmp()
    except WriteRefused:
        raise
    except Exception:  # noqa: BLE001
        raise WriteRefused(f"this file's metadata is too damaged to read safely; {SIDECAR_INSTEAD}") from None
    finally:
        image.close()
    sources = photo.sources or {}
    for row in table.FIELDS:
        if not row.writeback or row.column is None:
            continue
        value = getattr(photo, row.column, None)
        if value in (None, "", []):
            continue
        if row.kind == "date":
            _plan_taken(plan, row, value, exif, iptc, xmp)
            continue
        by_hand = (sources.get(row.record or "") or sources.get(row.column)) in SET_BY_HAND
        _plan_field(plan, row, value, exif, iptc, xmp, by_hand)
    if any(change.block == "IPTC" for change in plan.changes) and iptc.get(CHARACTER_SET) != UTF8:
        plan.changes.insert(0, Change("IPTC", CHARACTER_SET, iptc.get(CHARACTER_SET), UTF8))
    return plan


def _read_exif(image) -> dict:
    """The EXIF tags, text as UTF-8 where it is, else one character per byte (old cameras wrote Latin-1)."""
    try:
        return image.read_exif()
    except UnicodeDecodeError:
        return image.read_exif(encoding="iso-8859-1")


def _read_iptc(image) -> dict:
    """The IIM datasets as the catalogue reads them (whole, NULs kept visible: text.keep_nul), refusing a block in
    a character set other than UTF-8 (ours would be mixed into it)."""
    raw = image.read_iptc(encoding="iso-8859-1")  # bytes as they are, one character per byte
    if not raw:
        return {}
    if raw.get(CHARACTER_SET) != UTF8:
        for value in raw.values():
            for text in value if isinstance(value, list) else [value]:
                try:
                    text.encode("iso-8859-1").decode("utf-8")
                except UnicodeDecodeError:
                    raise WriteRefused(f"this file's IPTC uses an old character set; {SIDECAR_INSTEAD}") from None
    return {key: [keep_nul(v) for v in value] if isinstance(value, list) else keep_nul(value)
            for key, value in image.read_iptc().items()}


def _plan_field(plan: WritePlan, row: Field, value: Any, exif: dict, iptc: dict, xmp: dict, by_hand: bool) -> None:
    """The EXIF, IIM and XMP changes for one text, list or people field."""

    def add(block: str, tag: str, old: Any, new: Any) -> None:
        if not by_hand and len(_text_of(new)) < len(_text_of(old)):
            plan.notes.append(f"{block} {_short(tag)} left as it is: the file's value is longer than the "
                              f"catalogue's, which was not set by hand")
            return
        plan.changes.append(Change(block, tag, old, new))

    items = None
    if row.kind in ("list", "people"):
        items = [v.strip() for v in (value if isinstance(value, list) else str(value).split(";")) if v.strip()]
    text = "; ".join(items) if items is not None else str(value)
    if row.exif:
        tag = row.exif[0].key
        if exif.get(tag) is not None and exif.get(tag) != text:
            add("EXIF", tag, exif.get(tag), text)
    if row.iim:
        dataset = row.iim[0]
        tag, limit = dataset.exiv2_key, dataset.limit
        current = iptc.get(tag)
        if items is not None:
            new: Any = [_cut(item, limit) for item in items]
            current = current if isinstance(current, list) else [current] if current else []
        elif row.kind == "country":
            new = _iim_country(text)
            if current and _iim_country(current) == new:
                current = new  # CN and CHN name the same country
        else:
            new = _cut(text, limit)
        if current != new and new:
            add("IPTC", tag, iptc.get(tag), new)
            if items is None and len(text.encode("utf-8")) > limit:
                plan.notes.append(f"IPTC {_short(tag)} cut to {limit} bytes (the IIM limit); XMP holds the whole value")
            cut = [item for item in items or () if limit is not None and len(item.encode("utf-8")) > limit]
            if cut:  # a by-line of a photographer's name and desk: each item has the limit (32 octets for 2:80)
                plan.notes.append(f"IPTC {_short(tag)} cut to {limit} bytes (the IIM limit) for "
                                  f"{', '.join(repr(item) for item in cut)}; XMP holds the whole value")
    for path in row.written_xmp:
        if "/" in path:
            struct, name = path.split("/", 1)
            struct_key = exiv2_xmp_key(struct)
            if struct_key in xmp:  # a structure is updated where the file has one, not added
                key = _struct_key(xmp, struct_key, name.split(":", 1)[1])
                if xmp.get(key) != text:
                    add("XMP", key, xmp.get(key), text)
            continue
        key = exiv2_xmp_key(path)
        current = xmp.get(key)
        if row.form == "alt":
            old_text = current.get(X_DEFAULT) if isinstance(current, dict) else current
            if old_text != text:
                others = {k: v for k, v in current.items() if k != X_DEFAULT} if isinstance(current, dict) else {}
                add("XMP", key, current, {X_DEFAULT: text, **others})
        elif items is not None:
            if current != items:
                add("XMP", key, current, items)
        elif current != text:
            add("XMP", key, current, text)


def _struct_key(xmp: dict, struct_key: str, name: str) -> str:
    """exiv2's key for a field of the first item of an XMP structure, with the prefix the file's XMP uses for it."""
    prefix = None
    for key in xmp:
        if key.startswith(f"{struct_key}[1]/") and ":" in key:
            prefix = key.split("/", 1)[1].split(":", 1)[0]
            break
    return f"{struct_key}[1]/{prefix or struct_key.split('.')[1]}:{name}"


def _plan_taken(plan: WritePlan, row: Field, taken: str, exif: dict, iptc: dict, xmp: dict) -> None:
    """The date's changes: XMP at its precision, IIM date ("00" for what is unknown) and time with its offset,
    EXIF's date, sub-seconds and offset where the file has a DateTimeOriginal and the time of day is known."""
    from catalog.dates import precision
    from catalog.metadata.reconcile import xmp_datetime

    kind = precision(taken)
    if kind is None:
        return
    date = taken[:10]
    clock = taken[11:] if kind == "time" else ""
    time_of_day, fraction, offset = _split_clock(clock)
    xmp_key = exiv2_xmp_key(row.xmp[0])
    if xmp_datetime(xmp.get(xmp_key)) != xmp_datetime(taken):
        plan.changes.append(Change("XMP", xmp_key, xmp.get(xmp_key), taken))
    date_key, time_key = (dataset.exiv2_key for dataset in row.iim[:2])
    iim_date = {"year": f"{taken[:4]}-00-00", "month": f"{taken[:7]}-00"}.get(kind, date)
    if iptc.get(date_key) != iim_date:
        plan.changes.append(Change("IPTC", date_key, iptc.get(date_key), iim_date))
    if time_of_day and offset:
        iim_time = f"{time_of_day}{offset}"
        if iptc.get(time_key) != iim_time:
            plan.changes.append(Change("IPTC", time_key, iptc.get(time_key), iim_time))
    elif time_of_day:
        plan.notes.append("IPTC Time Created not written: the time's UTC offset is unknown")
    stamp_key, subsec_key, offset_key = (tag.key for tag in row.exif[:3])
    if not exif.get(stamp_key):
        return
    if not time_of_day:
        plan.notes.append("EXIF DateTimeOriginal left as it is: EXIF needs the time of day, the catalogue has none")
        return
    wanted = {stamp_key: f"{date.replace('-', ':')} {time_of_day}", offset_key: offset, subsec_key: fraction}
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


def _text_of(value: Any) -> str:
    """A tag's value as one text, to compare lengths: a list joined, a language alternative's x-default."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = value.get(X_DEFAULT, "")
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _short(tag: str) -> str:
    """Iptc.Application2.Caption -> Caption."""
    return tag.split("[")[0].rsplit(".", 1)[-1]


# -- applying --------------------------------------------------------------------------------------------------


def apply_plan(data: bytes, plan: WritePlan) -> bytes:
    """The JPEG `data` with the plan's changes, its IPTC digest current and its image data untouched.

    Raises WriteRefused, or Malformed (from the byte editors) when the file's structure cannot be rewritten.
    """
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
            in_structures = {k: v for k, v in xmp.items() if "[1]/" in k}
            image.modify_xmp({k: v for k, v in xmp.items() if k not in in_structures})
            for struct_key in sorted({k.split("[")[0] for k in in_structures}):
                if struct_key not in image.read_xmp():
                    image.modify_xmp({struct_key: f'type="{_structure_array(struct_key).capitalize()}"'})
            if in_structures:
                image.modify_xmp(in_structures)
        encoded = image.get_bytes()
    except Exception:  # noqa: BLE001 - exiv2 raises RuntimeError with its own message
        raise WriteRefused(f"the new metadata could not be put into this file; {SIDECAR_INSTEAD}") from None
    finally:
        image.close()
    kinds = {kind for kind, block in (("exif", "EXIF"), ("iim", "IPTC"), ("xmp", "XMP")) if by_block[block]}
    written = splice(data, encoded, kinds)
    if by_block["IPTC"]:
        numbers = iim_numbers()
        written = set_iptc_digest(written, keep_from=first_iim(data),
                                  written=frozenset(numbers[tag] for tag in by_block["IPTC"]))
    if image_data(written) != image_data(data):
        raise WriteRefused("writing would have changed the picture itself; the file was left alone")
    tags = {change.tag for change in plan.changes}
    others = list(dict.fromkeys(_local_name(name) for name in changed_elsewhere(data, written, tags)))
    if others:
        shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        raise WriteRefused(f"writing would also change other metadata in this file ({shown}); the file was left "
                           f"alone; {SIDECAR_INSTEAD}")
    return written


def _local_name(key: str) -> str:
    """A tag's name without its namespace, as a person knows it.

    >>> _local_name("{http://ns.microsoft.com/photo/1.0/}Rating"), _local_name("Xmp.MicrosoftPhoto.Rating")
    ('Rating', 'Rating')
    >>> _local_name("Exif.Photo.UserComment"), _local_name("xmpMM:History"), _local_name("IPTC 2:122")
    ('UserComment', 'History', 'IPTC 2:122')
    """
    if key.startswith("IPTC "):
        return key
    key = key.rsplit("}", 1)[-1]
    return key.replace(":", ".").rsplit(".", 1)[-1]


def _structure_array(struct_key: str) -> str:
    """The array that holds an XMP structure of the field table ("bag" for LocationCreated)."""
    for path, array in table.STRUCTURES.items():
        if exiv2_xmp_key(path) == struct_key:
            return array
    return "bag"


def replace_file(path: str, content: bytes, before: os.stat_result) -> None:
    """Put `content` in place of the file at `path` atomically and durably (catalog.files.write_atomically).

    The new file gets the old one's permission bits, owner and group, and extended attributes. If the file changed
    while we worked, nothing is replaced.
    """

    def unchanged() -> None:
        now = os.lstat(path)
        if (now.st_size, now.st_mtime_ns, now.st_ino) != (before.st_size, before.st_mtime_ns, before.st_ino):
            raise WriteRefused("the file changed while it was being written; nothing was replaced")

    write_atomically(path, content, mode=stat.S_IMODE(before.st_mode), durable=True, before_replace=unchanged,
                     like=before)

"""XMP sidecars: the catalogue's record of a photo written beside it, for Lightroom, darktable or digiKam.

The sidecar of ``/news/photo.jpg`` is ``/news/photo.xmp`` (``naming="stem"``: the name Adobe's programs,
Capture One and digiKam's "photo.xmp" setting use, and the name the catalogue's own reader prefers) or
``/news/photo.jpg.xmp`` (``naming="full"``: darktable's, and digiKam's default). Its name comes only from the
catalogued path's folder and stem; a name that is odd (control characters, a photo that is not a plain file, a
sidecar that is a link or a folder, a stem shared with another image in the folder) is refused, not guessed at.

What is written is the field table's to say (catalog.metadata.fields: the rows with ``sidecar``, each read from
the JSON record at its ``record`` path and written to its XMP properties, LocationCreated's fields inside one
structure). For the Hefei sample, for example::

    caption       dc:description (x-default)        "Researchers take a test drive …"
    photographer  dc:creator (Seq)                  ["Zhang Dagang"]
    credit line   photoshop:Credit                  "Zhang Dagang"
    taken         photoshop:DateCreated             "2025-10-14T10:32:00+08:00" (or 2025-10 at month precision)
    city          photoshop:City, and City in Iptc4xmpExt:LocationCreated
    GPS           exif:GPSLatitude/GPSLongitude     only from the camera's GPS, never the gazetteer's point
    keywords      dc:subject (Bag)

The XML is built with xml.etree, which escapes every value; characters XML 1.0 cannot hold (most control
characters) are dropped.
"""

from __future__ import annotations

import errno
import os
import tempfile
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree

from catalog.errors import UsageError
from catalog.files import write_atomically
from catalog.patterns import compiled

NAMINGS = ("stem", "full")
TOOLKIT = "catalog"

#: Extensions of image files that could share a stem sidecar with a photo (RAW + JPEG pairs, TIFF masters).
IMAGE_EXTENSIONS = frozenset({
    ".jpg", ".jpeg", ".jpe", ".tif", ".tiff", ".png", ".webp", ".heic", ".heif", ".avif", ".psd", ".dng", ".cr2",
    ".cr3", ".nef", ".nrw", ".arw", ".raf", ".orf", ".rw2", ".pef", ".srw", ".x3f", ".gif", ".bmp", ".jxl",
})
#: Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = compiled("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
#: Characters no file name of ours should hold.
_ODD_NAME = compiled(r"[\x00-\x1f\x7f]")

#: The hemisphere letters of each GPS coordinate property.
HEMISPHERES = {"exif:GPSLatitude": "NS", "exif:GPSLongitude": "EW"}


@dataclass
class SidecarFailure:
    """A photo whose sidecar was not written, and why."""

    path: str
    reason: str


@dataclass
class SidecarReport:
    """What `export_sidecars` did: sidecars written, existing ones kept, photos refused."""

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    failures: list[SidecarFailure] = field(default_factory=list)
    #: Ctrl-C stopped the export between two photos; how many photos it did not reach.
    interrupted: bool = False
    not_reached: int = 0


class SidecarRefused(Exception):
    """This photo's sidecar cannot be written safely; the message says why."""


def sidecar_path(photo_path: str, naming: str = "stem") -> str:
    """Where the sidecar of a catalogued photo goes: beside it, named from its stem (or its full name).

    >>> sidecar_path("/news/gansu-bullet-train.jpg"), sidecar_path("/news/a.b.jpg", "full")
    ('/news/gansu-bullet-train.xmp', '/news/a.b.jpg.xmp')
    >>> sidecar_path("/news/README")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    SidecarRefused: the file name 'README' has no extension to replace; use --sidecar-name full
    """
    if naming not in NAMINGS:
        raise UsageError(f"the sidecar name is one of {', '.join(NAMINGS)}, not {naming!r}")
    if not os.path.isabs(photo_path) or os.path.normpath(photo_path) != photo_path:
        raise SidecarRefused(f"{photo_path!r} is not a plain absolute path")
    folder, name = os.path.split(photo_path)
    if not name or name in (".", "..") or _ODD_NAME.search(name):
        raise SidecarRefused(f"the file name {name!r} holds characters a sidecar should not be named with")
    stem, extension = os.path.splitext(name)
    if naming == "stem":
        if not extension:
            raise SidecarRefused(f"the file name {name!r} has no extension to replace; use --sidecar-name full")
        if extension.lower() == ".xmp":
            raise SidecarRefused(f"{name} is itself an XMP file")
        sidecar = os.path.join(folder, stem + ".xmp")
    else:
        sidecar = os.path.join(folder, name + ".xmp")
    if os.path.dirname(sidecar) != folder or os.path.basename(sidecar) in ("", ".", ".."):
        raise SidecarRefused(f"the sidecar of {name} would not be in its folder")  # pragma: no cover - a guard
    return sidecar


def build_xmp(record: dict[str, Any]) -> bytes:
    """A sidecar's bytes for one photo's record (the JSON contract of catalog.render.photo_json).

    >>> b"<photoshop:City>Hefei</photoshop:City>" in build_xmp({"location": {"city": "Hefei"}})
    True
    >>> b"Tom &amp; Jerry &lt;AP&gt;" in build_xmp({"credit": {"line": "Tom & Jerry <AP>"}})
    True
    """
    from catalog.metadata import fields as table
    from catalog.render import lookup

    rows = [(row, row.record) for row in table.FIELDS if row.sidecar and row.record]
    namespaces = _namespaces([path for row, _ in rows for path in row.written_xmp] + ["xmp:CreatorTool"])
    root = ElementTree.Element("x:xmpmeta", {"xmlns:x": "adobe:ns:meta/", "x:xmptk": TOOLKIT})
    rdf = ElementTree.SubElement(root, "rdf:RDF", {"xmlns:rdf": namespaces.pop("rdf")})
    attributes = {"rdf:about": ""}
    attributes.update({f"xmlns:{prefix}": uri for prefix, uri in namespaces.items()})
    description = ElementTree.SubElement(rdf, "rdf:Description", attributes)
    location = record.get("location") or {}
    exact_position = location.get("lat") is not None and location.get("lon") is not None and not location.get(
        "approximate")
    structures: dict[str, ElementTree.Element] = {}
    for row, path_in_record in rows:
        value = lookup(record, path_in_record)
        if value in (None, "", []) or (row.kind == "degrees" and not exact_position):
            continue
        for path in row.written_xmp:
            parent = description
            name = path
            if "/" in path:
                structure, name = path.split("/", 1)
                if structure not in structures:
                    array = ElementTree.SubElement(ElementTree.SubElement(description, structure),
                                                   f"rdf:{table.STRUCTURES.get(structure, 'bag').capitalize()}")
                    structures[structure] = ElementTree.SubElement(array, "rdf:li", {"rdf:parseType": "Resource"})
                parent = structures[structure]
            if row.kind == "degrees":
                _simple(parent, name, gps_coordinate(value, HEMISPHERES.get(path, "NS")))
            elif row.kind in ("people", "list"):
                items = value if isinstance(value, list) else str(value).split(";")
                _array(parent, name, "rdf:Seq" if row.form == "seq" else "rdf:Bag", [v.strip() for v in items])
            elif row.form == "alt":
                _lang_alt(parent, name, value)
            else:
                _simple(parent, name, value)
    _simple(description, "xmp:CreatorTool", TOOLKIT)
    ElementTree.indent(root, space=" ")
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def _namespaces(paths: list[str]) -> dict[str, str]:
    """{prefix: namespace URI} for rdf and every prefix of `paths`, in order, from the XMP reader's own list."""
    from catalog.metadata.xmp import NAMESPACES

    uris = {prefix: uri for uri, prefix in NAMESPACES.items()}
    found = {"rdf": uris["rdf"]}
    for path in paths:
        for step in path.split("/"):
            prefix = step.split(":", 1)[0]
            found.setdefault(prefix, uris[prefix])
    return found


def gps_coordinate(degrees: float, hemispheres: str) -> str:
    """Decimal degrees as XMP's GPSCoordinate "DDD,MM.mmmmmmK".

    >>> gps_coordinate(31.7795, "NS"), gps_coordinate(-117.2925, "EW")
    ('31,46.770000N', '117,17.550000W')
    """
    letter = hemispheres[0] if degrees >= 0 else hemispheres[1]
    whole = int(abs(degrees))
    minutes = (abs(degrees) - whole) * 60
    return f"{whole},{minutes:.6f}{letter}"


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = _NOT_XML.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n")).strip()
    return text or None


def _simple(parent: ElementTree.Element, name: str, value: Any) -> None:
    text = _clean(value)
    if text is not None:
        ElementTree.SubElement(parent, name).text = text


def _lang_alt(parent: ElementTree.Element, name: str, value: Any) -> None:
    text = _clean(value)
    if text is not None:
        alt = ElementTree.SubElement(ElementTree.SubElement(parent, name), "rdf:Alt")
        ElementTree.SubElement(alt, "rdf:li", {"xml:lang": "x-default"}).text = text


def _array(parent: ElementTree.Element, name: str, kind: str, values: list) -> None:
    items = [text for text in (_clean(v) for v in values) if text is not None]
    if items:
        array = ElementTree.SubElement(ElementTree.SubElement(parent, name), kind)
        for text in items:
            ElementTree.SubElement(array, "rdf:li").text = text


def write_sidecar(photo_path: str, content: bytes, *, force: bool = False, naming: str = "stem") -> tuple[str, bool]:
    """Write `content` as the photo's sidecar; (sidecar path, whether it was written).

    An existing sidecar is left alone (False) unless `force`, when the catalogue's properties are put into it and
    everything else it holds is kept (merged), and it is replaced atomically through a temporary file in the same
    folder. Raises SidecarRefused when the photo or the sidecar's place is not what it should be.
    """
    sidecar = sidecar_path(photo_path, naming)
    try:
        info = os.lstat(photo_path)
    except FileNotFoundError:
        raise SidecarRefused("the photo is no longer there; import its new location first") from None
    import stat

    if not stat.S_ISREG(info.st_mode) and not stat.S_ISLNK(info.st_mode):
        raise SidecarRefused("the photo is not a plain file")
    if naming == "stem":
        other = _same_stem(photo_path)
        if other:
            raise SidecarRefused(
                f"{os.path.basename(sidecar)} would also be read as the sidecar of {other}; "
                "use --sidecar-name full (photo.jpg.xmp)"
            )
    try:
        existing = os.lstat(sidecar)
    except FileNotFoundError:
        existing = None
    if existing is not None:
        if not stat.S_ISREG(existing.st_mode):
            raise SidecarRefused(f"{os.path.basename(sidecar)} exists and is not a plain file; it was left alone")
        if not force:
            return sidecar, False
        _replace(sidecar, content, existing)
        return sidecar, True
    try:
        _create(sidecar, content)
    except FileExistsError:  # made by someone else meanwhile
        if not force:
            return sidecar, False
        _replace(sidecar, content, os.lstat(sidecar))
    return sidecar, True


def _create(target: str, content: bytes) -> None:
    """Make a new sidecar whole or not at all, never over one that appeared meanwhile (FileExistsError).

    Written to a temporary file beside it, then given its name by a hard link, which fails if the name is taken:
    a full disk, Ctrl-C or a kill half-way leaves no cut-off sidecar, which the next export would keep ("it
    exists") and every reader would read. Where the folder takes no hard links (FAT, some shares), the sidecar
    is made in place and removed again if its writing fails.
    """
    folder, name = os.path.split(target)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or None)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
        try:
            os.link(temporary, target)
        except FileExistsError:
            raise
        except OSError as error:
            if error.errno not in _NO_LINKS:
                raise
            _create_in_place(target, content)
    finally:
        with suppress(OSError):
            os.unlink(temporary)


#: errno values of a link(2) that the folder's filesystem does not support.
_NO_LINKS = (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK, errno.ENOSYS)


def _create_in_place(target: str, content: bytes) -> None:
    """Make a new sidecar in place (FileExistsError if there is one), removing it again if the writing fails."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(target, flags, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with suppress(OSError):
            os.unlink(target)
        raise


def _opened(pyexiv2, sidecar: bytes):
    """exiv2's view of a sidecar's bytes; one with no XML declaration or packet header ("<x:xmpmeta ...>" alone,
    as some programs write it) is not known to exiv2 as XMP until it is given one."""
    try:
        return pyexiv2.ImageData(sidecar)
    except Exception:  # noqa: BLE001
        text = sidecar.lstrip(b"\xef\xbb\xbf \t\r\n")
        if text.startswith(b"<?xml"):
            raise
        return pyexiv2.ImageData(b'<?xml version="1.0" encoding="UTF-8"?>\n' + text)


#: The largest sidecar read to be merged; a real one is a few kilobytes, Lightroom's with masks a few hundred.
MERGE_LIMIT = 16 * 1024 * 1024


def _replace(target: str, content: bytes, existing: os.stat_result) -> None:
    """Replace a sidecar by the old one with `content`'s properties merged in (merged), made beside it and renamed
    over it, with the old one's permission bits, owner and extended attributes: a reader sees the old sidecar or
    the new, never half of one."""
    import stat

    if existing.st_size > MERGE_LIMIT:
        raise SidecarRefused(f"{os.path.basename(target)} is larger than any sidecar (over 16 MB); it was left alone")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    with os.fdopen(os.open(target, flags), "rb") as handle:
        old = handle.read(MERGE_LIMIT + 1)
    write_atomically(target, merged(old, content, os.path.basename(target)), mode=stat.S_IMODE(existing.st_mode),
                     durable=True, like=existing)


def merged(old: bytes, ours: bytes, name: str = "the sidecar") -> bytes:
    """The sidecar `old` with every property of `ours` (build_xmp's) put in, and everything else it holds kept.

    `export --format xmp --force` used to replace the sidecar whole: Lightroom's develop settings (crs:*), a rating,
    colour labels, darktable's history, another program's keywords, all kept there, were gone. Now only the
    catalogue's own properties change; a structure or an array the old sidecar already has is filled in, not
    declared again, and a list that is the same is left as it is; a caption's other languages and the sidecar's
    xmp:CreatorTool stay. Raises SidecarRefused when the old sidecar holds a DTD (never read:
    an entity bomb would be expanded) or cannot be read, leaving it alone.
    """
    import pyexiv2

    head = old[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in old.lower():
        raise SidecarRefused(f"{name} holds a DTD, which catalog never reads; it was left alone (move it aside to "
                             "write a new one)")
    pyexiv2.set_log_level(4)
    try:
        ours_image = pyexiv2.ImageData(ours)
        try:
            wanted = ours_image.read_xmp()
        finally:
            ours_image.close()
        theirs = _opened(pyexiv2, old)
    except Exception:  # noqa: BLE001 - exiv2 raises RuntimeError for what it cannot read
        raise SidecarRefused(f"{name} could not be read, so what it holds could not be kept; it was left alone (move "
                             "it aside to write a new one)") from None
    try:
        held = theirs.read_xmp()
        declared = {k: v for k, v in wanted.items() if isinstance(v, str) and v.startswith("type=")}
        for key, value in declared.items():
            if key not in held:
                theirs.modify_xmp({key: value})
        plain: dict[str, Any] = {}
        for key, new in wanted.items():
            if key in declared or "[" in key or held.get(key) == new:  # the same list keeps its Bag or Seq
                continue
            if key == "Xmp.xmp.CreatorTool" and key in held:
                continue
            if isinstance(new, dict) and isinstance(held.get(key), dict):  # a caption's other languages stay
                new = {**new, **{k: v for k, v in held[key].items() if k not in new}}
            plain[key] = new
        if plain:
            theirs.modify_xmp(plain)
        inside = {k: v for k, v in wanted.items() if k not in declared and "[" in k}
        if inside:
            theirs.modify_xmp(inside)
        return theirs.get_bytes()
    except Exception:  # noqa: BLE001
        raise SidecarRefused(f"the catalogue's values could not be put into {name}; it was left alone") from None
    finally:
        theirs.close()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _same_stem(photo_path: str) -> str | None:
    """Another image file in the folder whose stem is the photo's (a.jpg beside a.tif would share a.xmp)."""
    folder, name = os.path.split(photo_path)
    stem = os.path.splitext(name)[0]
    try:
        entries = os.listdir(folder)
    except OSError:
        return None
    for entry in sorted(entries):
        entry_stem, extension = os.path.splitext(entry)
        if entry != name and entry_stem == stem and extension.lower() in IMAGE_EXTENSIONS:
            return entry
    return None


def export_sidecars(library, args: list[str], *, force: bool = False, naming: str = "stem") -> SidecarReport:
    """Write the sidecar of every photo the query terms select; one photo's refusal never stops the others."""
    from catalog import render

    if naming not in NAMINGS:
        raise UsageError(f"the sidecar name is one of {', '.join(NAMINGS)}, not {naming!r}")
    from catalog.ctrl_c import BetweenItems

    report = SidecarReport()
    photos = library.search(list(args)).photos
    reached = 0
    try:
        with BetweenItems() as ctrl_c:  # Ctrl-C stops between two sidecars, so the report lists each one written
            for photo in photos:
                if ctrl_c.pressed:
                    break
                _export_one(photo, report, render.photo_json(photo), force=force, naming=naming)
                reached += 1
    except KeyboardInterrupt:  # pressed twice: the sidecar in hand is whole or not there (_create)
        ctrl_c.pressed = True
    report.interrupted = ctrl_c.pressed
    report.not_reached = len(photos) - reached if ctrl_c.pressed else 0
    return report


def _export_one(photo, report: SidecarReport, record: dict, *, force: bool, naming: str) -> None:
    """Write one photo's sidecar, noting it in `report` as written, kept or failed."""
    try:
        sidecar, written = write_sidecar(photo.path, build_xmp(record), force=force, naming=naming)
    except SidecarRefused as refused:
        report.failures.append(SidecarFailure(photo.path, str(refused)))
        return
    except OSError as error:
        report.failures.append(SidecarFailure(photo.path, f"cannot write the sidecar ({error.strerror or error})"))
        return
    (report.written if written else report.kept).append(sidecar)

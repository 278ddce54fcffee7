"""The benchmark's corpus: a folder of press JPEGs with EXIF, IPTC-IIM and XMP, made once and cached.

With ../shared/tools/make_perf_corpus.py and ExifTool present, that tool makes the files (its metadata is
written by ExifTool, the reference writer). Without them, `write_press_jpeg` here makes the same kind of
file with Pillow alone: EXIF through Pillow, the IPTC-IIM block (APP13, Photoshop 3.0 / 8BIM 0x0404) and
the XMP packet (APP1) assembled byte by byte below. Both cycle through the same places, credits and dates.

>>> build("/tmp/catalog-bench/corpus-smoke-20", 20, (320, 213))   # doctest: +SKIP
PosixPath('/tmp/catalog-bench/corpus-smoke-20')
"""

from __future__ import annotations

import os
import random
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
SHARED_TOOL = Path(os.environ.get("CATALOG_SHARED", ROOT.parent / "shared")) / "tools" / "make_perf_corpus.py"

#: The same table as make_perf_corpus.py: (sublocation, city, province, country, code, lat, lon).
PLACES = [
    ("Luogang Park", "Hefei", "Anhui", "China", "CN", 31.78, 117.30),
    ("Zhongchuan township", "Lanzhou", "Gansu", "China", "CN", 36.50, 103.62),
    ("Tiananmen Square", "Beijing", "Beijing", "China", "CN", 39.90, 116.39),
    ("The Bund", "Shanghai", "Shanghai", "China", "CN", 31.24, 121.49),
    ("Old Town", "Kraków", "Lesser Poland", "Poland", "PL", 50.06, 19.94),
    ("Times Square", "New York", "New York", "United States", "US", 40.76, -73.99),
]
CREDITS = [("Zhang Dagang", "Photo"), ("Xu Gang", "Photo"), ("Li Xin", "Xinhua"),
           ("Andy Wong", "AP Photo"), ("Go Nakamura", "REUTERS"), ("José Núñez", "AFP")]


def build(folder: str | os.PathLike, count: int, size: tuple[int, int], *, own_writer: bool = False) -> Path:
    """The corpus folder, made now unless a complete one is cached there (made in FOLDER.partial, then renamed)."""
    folder = Path(folder)
    if folder.is_dir():
        return folder
    partial = folder.with_name(folder.name + ".partial")
    partial.mkdir(parents=True, exist_ok=True)
    if not own_writer and SHARED_TOOL.exists() and shutil.which("exiftool"):
        subprocess.run([sys.executable, str(SHARED_TOOL), str(partial), str(count), str(size[0]), str(size[1])],
                       check=True)
    else:
        base = _base_image(size)
        rnd = random.Random(42)
        for i in range(count):
            write_press_jpeg(partial / f"press_{i:05d}.jpg", i, size, rnd, base)
    partial.rename(folder)
    return folder


def _base_image(size):
    from PIL import Image

    return Image.linear_gradient("L").resize(size).convert("RGB")


def write_press_jpeg(path: Path, i: int, size: tuple[int, int], rnd: random.Random, base=None) -> None:
    """One press JPEG like make_perf_corpus.py's i-th file: distinct pixels, EXIF + GPS, IPTC-IIM, XMP."""
    import io

    from PIL import Image

    base = base if base is not None else _base_image(size)
    sub, city, province, country, code, lat, lon = PLACES[i % len(PLACES)]
    name, agency = CREDITS[i % len(CREDITS)]
    day, month = 1 + i % 28, 1 + (i // 28) % 12
    date = f"2025-{month:02d}-{day:02d}"
    caption = f"Frame {i}: people gather at {sub} in {city}, {province}, {country}, {date}. ({agency}/{name})"
    lat, lon = lat + rnd.random() / 100 * (1 if lat >= 0 else -1), lon + rnd.random() / 100 * (1 if lon >= 0 else -1)

    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Nikon", "Z 9"
    exif_ifd = exif.get_ifd(0x8769)
    exif_ifd[0x9003] = f"{date.replace('-', ':')} 10:{i % 60:02d}:00"  # DateTimeOriginal
    exif_ifd[0x9011] = "+08:00"  # OffsetTimeOriginal
    gps = exif.get_ifd(0x8825)
    gps[0x0000] = b"\x02\x03\x00\x00"
    gps[0x0001], gps[0x0002] = ("N" if lat >= 0 else "S"), _dms(abs(lat))
    gps[0x0003], gps[0x0004] = ("E" if lon >= 0 else "W"), _dms(abs(lon))

    noise = Image.effect_noise(size, 40 + i % 30).convert("RGB")
    buffer = io.BytesIO()
    Image.blend(base, noise, 0.35).save(buffer, "JPEG", quality=88, exif=exif.tobytes())
    iim = iim_block([
        (1, 90, b"\x1b%G"), (2, 0, b"\x00\x04"),
        (2, 120, caption), (2, 80, name), (2, 110, agency), (2, 90, city), (2, 95, province),
        (2, 101, country), (2, 92, sub), (2, 55, date.replace("-", "")), (2, 25, "news"),
    ])
    xmp = xmp_packet({
        "dc:description": caption, "dc:creator": name, "photoshop:Credit": agency, "photoshop:City": city,
        "photoshop:State": province, "photoshop:Country": country, "Iptc4xmpCore:Location": sub,
        "Iptc4xmpCore:CountryCode": code,
    })
    segments = [_segment(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + xmp), _segment(0xED, iim)]
    path.write_bytes(insert_segments(buffer.getvalue(), segments))


def _dms(value: float):
    from PIL.TiffImagePlugin import IFDRational

    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round(((value - degrees) * 60 - minutes) * 60 * 10000)
    return (IFDRational(degrees, 1), IFDRational(minutes, 1), IFDRational(seconds, 10000))


def iim_block(datasets: list[tuple[int, int, str | bytes]]) -> bytes:
    """An APP13 payload: 'Photoshop 3.0', one 8BIM 0x0404 resource holding the IIM datasets."""
    data = b""
    for record, number, value in datasets:
        raw = value.encode("utf-8") if isinstance(value, str) else value
        data += struct.pack(">BBBH", 0x1C, record, number, len(raw)) + raw
    if len(data) % 2:
        data += b"\0"
    return b"Photoshop 3.0\0" + b"8BIM" + struct.pack(">H", 0x0404) + b"\0\0" + struct.pack(">I", len(data)) + data


def xmp_packet(properties: dict[str, str]) -> bytes:
    """An XMP packet: dc:description and dc:creator as their proper containers, the rest as simple values."""
    body = []
    for name, value in properties.items():
        value = escape(value)
        if name == "dc:description":
            body.append(f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{value}</rdf:li></rdf:Alt>'
                        "</dc:description>")
        elif name == "dc:creator":
            body.append(f"<dc:creator><rdf:Seq><rdf:li>{value}</rdf:li></rdf:Seq></dc:creator>")
        else:
            body.append(f"<{name}>{value}</{name}>")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
        ' xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">'
        + "".join(body)
        + '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode("utf-8")


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def insert_segments(jpeg: bytes, segments: list[bytes]) -> bytes:
    """The JPEG with the segments placed after its leading APPn segments (JFIF, Exif), before the tables."""
    position = 2
    while jpeg[position] == 0xFF and 0xE0 <= jpeg[position + 1] <= 0xEF:
        position += 2 + struct.unpack(">H", jpeg[position + 2:position + 4])[0]
    return jpeg[:position] + b"".join(segments) + jpeg[position:]


def fresh_copies(source: Path, folder: Path) -> Path:
    """A copy of every corpus JPEG that is a new file to the catalogue: the same metadata and pixels, with a
    comment segment of its own, so that no copy is taken for a file already catalogued (moved or linked).

    Used for an incremental import into a big catalogue: the new arrivals of a day on a large archive.
    """
    if folder.is_dir():
        return folder
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for path in sorted(p for p in source.iterdir() if p.is_file()):
        data = path.read_bytes()
        note = _segment(0xFE, f"a new arrival: {path.name}".encode())
        (partial / path.name).write_bytes(insert_segments(data, [note]) if data[:2] == b"\xff\xd8" else data)
    partial.rename(folder)
    return folder


def link_copies(source: Path, folder: Path, count: int) -> Path:
    """A folder of `count` files made of hard links to the corpus, in sub-folders of len(source) each.

    Used for the memory figure at 10,000 files: the importer's memory depends on how many files a folder
    holds, not on their pixels, and links cost no disk space. Every link is read; the catalogue keeps one
    photo per file and reports its other links as the same file (README: a hard link is not a second photo).
    """
    if folder.is_dir():
        return folder
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    files = sorted(p for p in source.iterdir() if p.is_file())
    for n in range(count):
        target = partial / f"copy-{n // len(files):03d}" / files[n % len(files)].name
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(files[n % len(files)], target)
    partial.rename(folder)
    return folder

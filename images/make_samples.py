"""Generate the three sample photos of the story in ../shared/seed/story.txt, with their metadata.

The pictures are stand-ins drawn with Pillow, not the agency photos: simple shapes and gradients that suggest
each scene, labelled "SAMPLE – generated stand-in" in a corner. What matters for the catalogue is the metadata,
which covers the three ways a press photo arrives:

* ``hefei-aircraft.jpg``: full metadata, consistent across EXIF, IPTC-IIM (declared UTF-8) and XMP, with a
  current IPTC digest (Photoshop resource 0x0425).
* ``gansu-bullet-train.jpg``: the caption only (IIM 2:120 with 1:90 = UTF-8, and XMP dc:description).
* ``tianwen2-probe.jpg``: a handout with no caption inside (EXIF Software and the resolution tags the standard
  requires, nothing else: no date, no IPTC, no XMP). Its caption comes from the press release
  ``tianwen2-press-release.txt`` beside it, read by ``catalog import --captions FILE``.

Regenerate (from the repository root)::

    .venv/bin/python images/make_samples.py

The output is deterministic: the same bytes on every run with the same Pillow and pyexiv2 (exiv2) versions.
Nothing is random except a seeded ``random.Random``; no timestamps are written.

Captions file format (read by ``catalog import --captions FILE``)
------------------------------------------------------------------
A UTF-8 plain-text file (LF or CRLF line ends) made of paragraphs separated by one or more blank lines (lines
that are empty or hold only whitespace).

* A *caption paragraph* is a paragraph whose first line is ``File: NAME`` (the label ``File:`` is matched
  case-insensitively, spaces around NAME are ignored). NAME is the base name of a photo in the imported folder,
  e.g. ``File: tianwen2-probe.jpg``.
* The paragraph's following line(s) are the caption. When the caption is wrapped over several lines, the lines are
  joined with single spaces and surrounding whitespace is stripped. A ``File:`` line with nothing after it in its
  paragraph gives no caption. Each name should appear in one caption paragraph only.
* Every other paragraph (one whose first line is not a ``File:`` line) is ignored, so the captions can live inside
  an ordinary press release.

Example::

    The agency released the picture today.

    File: tianwen2-probe.jpg
    This image released by the China National Space Administration on Oct. 1, 2025 shows ...

The press release itself is ``PRESS_RELEASE`` below, written out with the photos so that it stays in step.
"""

from __future__ import annotations

import hashlib
import io
import math
import random
import struct
from pathlib import Path

import pyexiv2
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent

WIDTH, HEIGHT = 1600, 1067
JPEG_QUALITY = 85
LABEL = ("SAMPLE", "generated stand-in")  # drawn with an en dash between them

HEFEI_CAPTION = (
    "Researchers take a test drive on a new-generation long-range autonomous passenger aircraft at the "
    "Luogang Park in Hefei, east China's Anhui province, Oct. 14, 2025. (Photo/Zhang Dagang)"
)
GANSU_CAPTION = (
    "A bullet train cuts across the vast Gobi landscape in Zhongchuan township, Lanzhou New Area, northwest "
    "China's Gansu province, Aug. 3, 2025. (Photo/Xu Gang)"
)
TIANWEN_CAPTION = (
    "This image released by the China National Space Administration on Oct. 1, 2025 shows a view of the "
    "Tianwen-2 probe alongside Earth, captured by the probe during its deep-space journey. "
    "(Photo provided by the China National Space Administration)"
)

SOFTWARE = "catalog images/make_samples.py (generated stand-in)"

# --------------------------------------------------------------------------------------------------------------
# Drawing helpers
# --------------------------------------------------------------------------------------------------------------

RGB = tuple[int, int, int]


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """The colour a fraction ``t`` (0..1) of the way from ``a`` to ``b``."""
    t = min(1.0, max(0.0, t))
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))  # type: ignore[return-value]


def vertical_gradient(
    draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], top: RGB, bottom: RGB
) -> None:
    """Fill ``box`` (x0, y0, x1, y1; x1/y1 exclusive) with a top-to-bottom gradient, one line per row."""
    x0, y0, x1, y1 = box
    span = max(1, y1 - y0 - 1)
    for y in range(y0, y1):
        draw.line([(x0, y), (x1 - 1, y)], fill=mix(top, bottom, (y - y0) / span))


def shaded_disc(
    draw: ImageDraw.ImageDraw,
    centre: tuple[float, float],
    radius: float,
    rim: RGB,
    core: RGB,
    offset: tuple[float, float] = (0.0, 0.0),
    steps: int = 40,
) -> None:
    """A disc shaded from ``rim`` to ``core`` by concentric circles whose centres drift by ``offset``."""
    cx, cy = centre
    for i in range(steps):
        t = i / (steps - 1)
        r = radius * (1 - t * 0.85)
        x = cx + offset[0] * t
        y = cy + offset[1] * t
        draw.ellipse([x - r, y - r, x + r, y + r], fill=mix(rim, core, t))


def star_points(
    cx: float, cy: float, outer: float, rotation: float = -math.pi / 2
) -> list[tuple[float, float]]:
    """The ten corners of a five-pointed star centred on (cx, cy), first point at angle ``rotation``."""
    inner = outer * 0.382
    points = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        a = rotation + i * math.pi / 5
        points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return points


def label(image: Image.Image) -> None:
    """Stamp "SAMPLE – generated stand-in" on a dark plate in the bottom-left corner.

    Pillow's bundled font has no en dash, so the dash is drawn as a bar; the bundled font keeps the output
    independent of the fonts installed on the machine.
    """
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=26)
    left, right = LABEL
    gap = 10
    dash = 16
    w_left = draw.textlength(left, font=font)
    w_right = draw.textlength(right, font=font)
    x0, y0 = 24, HEIGHT - 24 - 44
    width = round(w_left + gap + dash + gap + w_right + 28)
    draw.rectangle([x0, y0, x0 + width, y0 + 44], fill=(20, 20, 20), outline=(235, 235, 235), width=2)
    tx, ty = x0 + 14, y0 + 8
    draw.text((tx, ty), left, font=font, fill=(255, 255, 255))
    dx = round(tx + w_left + gap)
    _, top, _, bottom = draw.textbbox((tx, ty), "x", font=font)
    mid = (top + bottom) // 2
    draw.rectangle([dx, mid - 1, dx + dash - 1, mid + 1], fill=(255, 255, 255))
    draw.text((dx + dash + gap, ty), right, font=font, fill=(255, 255, 255))


def to_jpeg(image: Image.Image) -> bytes:
    """Encode as a baseline JPEG of quality 85 (4:2:0), optimised Huffman tables, 72 dpi in JFIF (as in EXIF)."""
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True, subsampling="4:2:0", dpi=(72, 72))
    return out.getvalue()


# --------------------------------------------------------------------------------------------------------------
# The three scenes
# --------------------------------------------------------------------------------------------------------------


def draw_probe() -> Image.Image:
    """Tianwen-2: part of the probe (gold foil, a five-star red flag panel, the white return capsule) and a
    distant blue Earth against black space."""
    rng = random.Random(2025_10_01)
    image = Image.new("RGB", (WIDTH, HEIGHT), (0, 0, 0))
    draw = ImageDraw.Draw(image)

    for _ in range(260):  # stars
        x, y = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        v = rng.randrange(90, 230)
        if rng.random() < 0.1:
            draw.ellipse([x - 1, y - 1, x + 1, y + 1], fill=(v, v, v))
        else:
            draw.point((x, y), fill=(v, v, v))

    # Earth: a small blue disc lit from the upper left, with land, clouds and a dark night side, drawn on its own
    # layer and pasted through a round mask so that nothing spills over the rim.
    ex, ey, er = 1230, 250, 110
    size = 2 * er + 2
    day = Image.new("RGB", (size, size), (0, 0, 0))
    globe = ImageDraw.Draw(day)
    shaded_disc(globe, (er, er), er + 12, rim=(10, 40, 110), core=(80, 150, 230), offset=(-40, -35))
    globe.polygon([(70, 60), (120, 40), (150, 80), (130, 130), (95, 150), (80, 110)], fill=(120, 140, 80))
    for _ in range(28):  # cloud wisps
        x, y = rng.randrange(10, size - 10), rng.randrange(10, size - 10)
        w, h = rng.randrange(12, 40), rng.randrange(3, 9)
        globe.ellipse([x - w, y - h, x + w, y + h], fill=(236, 240, 246))
    # the night side shows wherever the day side is not pasted
    earth = Image.new("RGB", (size, size), (5, 14, 40))
    lit = Image.new("L", (size, size), 0)
    ImageDraw.Draw(lit).ellipse([-40, -34, size - 26, size - 20], fill=255)
    earth.paste(day, (0, 0), lit)
    disc = Image.new("L", (size, size), 0)
    ImageDraw.Draw(disc).ellipse([0, 0, size - 1, size - 1], fill=255)
    image.paste(earth, (ex - er, ey - er), disc)

    # Probe body: a gold-foil block filling the lower left, seen at an angle.
    body = [(0, 560), (520, 470), (760, 640), (760, HEIGHT), (0, HEIGHT)]
    draw.polygon(body, fill=(176, 134, 40))
    for i in range(14):  # foil creases
        x = 30 + i * 52
        draw.line([(x, 560 - i * 6 + 20), (x + 40, HEIGHT)], fill=(212, 170, 70), width=3)
        draw.line([(x + 18, 600), (x + 70, HEIGHT)], fill=(140, 100, 25), width=2)
    draw.line(body[:3], fill=(235, 205, 120), width=4)

    # The flag panel on the body: red with one large and four small yellow stars.
    flag_box = (120, 640, 480, 880)
    draw.rectangle(flag_box, fill=(222, 41, 16), outline=(60, 60, 60), width=3)
    fx, fy = flag_box[0], flag_box[1]
    unit = (flag_box[2] - flag_box[0]) / 30  # the flag is 30 x 20 units
    draw.polygon(star_points(fx + 5 * unit, fy + 5 * unit, 3 * unit), fill=(255, 222, 0))
    for sx, sy in ((10, 2), (12, 4), (12, 7), (10, 9)):
        cx, cy = fx + sx * unit, fy + sy * unit
        towards = math.atan2(fy + 5 * unit - cy, fx + 5 * unit - cx)  # one point faces the large star
        draw.polygon(star_points(cx, cy, unit, rotation=towards), fill=(255, 222, 0))

    # The return capsule: a white blunt cone on the body's upper edge.
    capsule = [(560, 520), (700, 430), (820, 500), (800, 610), (620, 640)]
    draw.polygon(capsule, fill=(232, 232, 228))
    draw.polygon([(700, 430), (820, 500), (800, 610), (760, 560)], fill=(190, 192, 196))
    draw.line(capsule + [capsule[0]], fill=(120, 120, 120), width=3)

    # A solar wing reaching out to the right, dark blue cells on a grey frame.
    wing = [(780, 700), (1580, 560), (1600, 700), (800, 830)]
    draw.polygon(wing, fill=(24, 38, 86), outline=(150, 150, 160))
    for k in range(1, 10):
        t = k / 10
        top = mix((780, 700), (1580, 560), t)
        bottom = mix((800, 830), (1600, 700), t)
        draw.line([top, bottom], fill=(110, 120, 150), width=2)
    draw.line(
        [mix((780, 700), (800, 830), 0.5), mix((1580, 560), (1600, 700), 0.5)], fill=(110, 120, 150), width=2
    )

    # The arm holding the monitoring camera, entering from the top left.
    draw.line([(0, 120), (260, 330), (420, 360)], fill=(205, 205, 210), width=26, joint="curve")
    draw.line([(0, 120), (260, 330), (420, 360)], fill=(150, 150, 160), width=6, joint="curve")
    return image


def draw_aircraft() -> Image.Image:
    """Hefei: a small white autonomous passenger aircraft with four rotors over the green lawns of a park."""
    rng = random.Random(2025_10_14)
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    horizon = 640
    vertical_gradient(draw, (0, 0, WIDTH, horizon), (84, 146, 214), (200, 223, 240))
    vertical_gradient(draw, (0, horizon, WIDTH, HEIGHT), (96, 150, 70), (52, 120, 44))

    # a few soft clouds
    for cx, cy, s in ((260, 150, 1.0), (900, 90, 0.8), (1360, 210, 1.2)):
        for dx, dy, r in ((-60, 10, 40), (-20, -10, 55), (30, 0, 50), (75, 15, 38)):
            draw.ellipse(
                [cx + (dx - r) * s, cy + (dy - r * 0.6) * s, cx + (dx + r) * s, cy + (dy + r * 0.6) * s],
                fill=(244, 247, 250),
            )

    # a distant line of city buildings and a tree line at the horizon
    x = 0
    while x < WIDTH:
        w = rng.randrange(40, 110)
        h = rng.randrange(30, 120)
        draw.rectangle([x, horizon - h, x + w - 4, horizon], fill=(150, 165, 182))
        x += w
    for x in range(-20, WIDTH + 40, 34):
        r = rng.randrange(26, 44)
        draw.ellipse([x - r, horizon - r - 8, x + r, horizon + r - 8], fill=(38, 90, 40))

    # a lake and a curving path across the lawn
    draw.ellipse([980, 760, 1560, 900], fill=(118, 168, 200), outline=(80, 130, 70), width=4)
    draw.line(
        [(0, 1000), (400, 880), (760, 840), (1100, 960), (1600, 1040)],
        fill=(214, 204, 176),
        width=22,
        joint="curve",
    )
    # scattered trees on the lawn
    for tx, ty, r in ((140, 760, 48), (330, 720, 36), (620, 780, 54), (860, 700, 30), (1500, 720, 40)):
        draw.rectangle([tx - 5, ty, tx + 5, ty + r], fill=(84, 60, 36))
        draw.ellipse([tx - r, ty - r * 1.4, tx + r, ty + r * 0.4], fill=(34, 98, 42))

    # the aircraft: fuselage, canopy, wing, tail, four rotors on booms
    cx, cy = 800, 380
    draw.line([(cx - 310, cy - 70), (cx + 310, cy - 70)], fill=(70, 74, 80), width=10)  # rotor booms
    for bx in (cx - 310, cx - 150, cx + 150, cx + 310):
        draw.ellipse([bx - 95, cy - 92, bx + 95, cy - 76], fill=(120, 126, 134))  # spinning disc
        draw.rectangle([bx - 6, cy - 84, bx + 6, cy - 62], fill=(50, 52, 58))
    draw.polygon(
        [(cx - 420, cy - 40), (cx + 420, cy - 40), (cx + 380, cy - 20), (cx - 380, cy - 20)],
        fill=(225, 230, 236),
        outline=(120, 126, 134),
    )  # wing
    draw.polygon(
        [(cx + 190, cy - 10), (cx + 300, cy - 110), (cx + 330, cy - 110), (cx + 270, cy)],
        fill=(210, 216, 224),
        outline=(120, 126, 134),
    )  # tail fin
    draw.ellipse(
        [cx - 250, cy - 45, cx + 290, cy + 55], fill=(244, 246, 248), outline=(120, 126, 134), width=3
    )
    draw.chord([cx - 230, cy - 40, cx - 40, cy + 30], 180, 360, fill=(40, 70, 110))  # canopy
    draw.line([(cx - 200, cy + 20), (cx + 260, cy + 20)], fill=(20, 110, 200), width=8)  # livery stripe
    for lx in (cx - 120, cx + 120):  # skids
        draw.line([(lx, cy + 50), (lx - 10, cy + 95)], fill=(70, 74, 80), width=6)
    draw.line([(cx - 190, cy + 95), (cx + 190, cy + 95)], fill=(70, 74, 80), width=8)
    # its shadow on the lawn
    draw.ellipse([cx - 240, 900, cx + 240, 940], fill=(40, 92, 36))
    return image


def draw_train() -> Image.Image:
    """Gansu: a white bullet train on a low embankment crossing the tan Gobi under a deep blue sky."""
    rng = random.Random(2025_8_3)
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    horizon = 560
    vertical_gradient(draw, (0, 0, WIDTH, horizon), (34, 96, 186), (168, 202, 232))
    # bare brown ranges on the horizon
    draw.polygon(
        [
            (0, horizon),
            (0, 470),
            (180, 430),
            (360, 480),
            (560, 410),
            (780, 470),
            (980, 440),
            (1200, 490),
            (1420, 420),
            (1600, 460),
            (1600, horizon),
        ],
        fill=(150, 118, 92),
    )
    draw.polygon(
        [
            (0, horizon),
            (0, 510),
            (300, 490),
            (640, 520),
            (1000, 495),
            (1320, 515),
            (1600, 500),
            (1600, horizon),
        ],
        fill=(176, 140, 104),
    )
    vertical_gradient(draw, (0, horizon, WIDTH, HEIGHT), (214, 186, 140), (190, 152, 100))
    for _ in range(420):  # gravel and scrub
        x, y = rng.randrange(WIDTH), rng.randrange(horizon + 10, HEIGHT)
        r = 1 + (y - horizon) // 160
        shade = rng.choice(((160, 124, 84), (120, 108, 70), (226, 204, 164)))
        draw.ellipse([x - r, y - r * 0.6, x + r, y + r * 0.6], fill=shade)

    # the embankment and track, slightly rising to the right
    def track_y(x: float) -> float:
        return 790 - x * 0.06

    draw.polygon(
        [
            (0, track_y(0) + 10),
            (WIDTH, track_y(WIDTH) + 10),
            (WIDTH, track_y(WIDTH) + 60),
            (0, track_y(0) + 80),
        ],
        fill=(150, 140, 128),
    )
    draw.line([(0, track_y(0) + 10), (WIDTH, track_y(WIDTH) + 10)], fill=(90, 86, 82), width=6)
    for px in range(40, WIDTH, 160):  # catenary masts
        draw.line([(px, track_y(px) + 10), (px, track_y(px) - 170)], fill=(110, 110, 116), width=5)
    draw.line([(0, track_y(0) - 160), (WIDTH, track_y(WIDTH) - 160)], fill=(90, 90, 96), width=2)

    # the train: a long white body with a blue stripe, a window band and a pointed nose heading right
    tail, nose = 60, 1380

    def body_y(x: float) -> float:
        return track_y(x) + 4

    height = 110
    draw.polygon(
        [
            (tail, body_y(tail) - height),
            (nose, body_y(nose) - height),
            (nose, body_y(nose)),
            (tail, body_y(tail)),
        ],
        fill=(246, 247, 248),
    )
    draw.polygon(
        [
            (nose, body_y(nose) - height),
            (nose + 150, body_y(nose + 150) - 25),
            (nose + 170, body_y(nose + 170) - 6),
            (nose, body_y(nose)),
        ],
        fill=(236, 238, 240),
    )
    draw.polygon(
        [
            (nose + 10, body_y(nose) - height + 16),
            (nose + 110, body_y(nose + 110) - 45),
            (nose + 70, body_y(nose + 70) - 40),
            (nose + 10, body_y(nose) - 60),
        ],
        fill=(40, 46, 60),
    )
    draw.polygon(
        [
            (tail, body_y(tail) - 34),
            (nose + 150, body_y(nose + 150) - 34),
            (nose + 160, body_y(nose + 160) - 22),
            (tail, body_y(tail) - 22),
        ],
        fill=(20, 90, 170),
    )
    for wx in range(tail + 30, nose - 40, 44):
        y = body_y(wx) - height + 30
        draw.rectangle([wx, y, wx + 28, y + 22], fill=(44, 52, 70))
    for car in range(1, 5):  # car joints
        jx = tail + car * (nose - tail) // 5
        draw.line([(jx, body_y(jx) - height), (jx, body_y(jx))], fill=(170, 174, 180), width=3)
    # the train's shadow on the embankment
    draw.line(
        [(tail + 40, track_y(tail) + 40), (nose + 120, track_y(nose) + 40)], fill=(120, 110, 98), width=14
    )
    return image


# --------------------------------------------------------------------------------------------------------------
# Metadata
# --------------------------------------------------------------------------------------------------------------

UTF8_ESCAPE = "\x1b%G"  # IIM 1:90 CodedCharacterSet: ISO 2022 escape sequence for UTF-8


def rational_dms(degrees: float) -> str:
    """Decimal degrees as an EXIF GPS triple of rationals, e.g. 31.7795 -> "31/1 46/1 4620/100"."""
    degrees = abs(degrees)
    d = int(degrees)
    minutes_total = (degrees - d) * 60
    m = int(minutes_total)
    centi_seconds = round((minutes_total - m) * 60 * 100)
    return f"{d}/1 {m}/1 {centi_seconds}/100"


def with_metadata(
    jpeg: bytes, exif: dict | None = None, iptc: dict | None = None, xmp: dict | None = None
) -> bytes:
    """Write EXIF, IPTC-IIM and XMP into an encoded JPEG with exiv2 and return the new bytes."""
    image = pyexiv2.ImageData(jpeg)
    try:
        if exif:
            image.modify_exif(exif)
        if iptc:
            image.modify_iptc(iptc)
        if xmp:
            image.modify_xmp(xmp)
        return image.get_bytes()
    finally:
        image.close()


PHOTOSHOP_HEADER = b"Photoshop 3.0\x00"
IRB_IPTC, IRB_IPTC_DIGEST = 0x0404, 0x0425


def with_iptc_digest(jpeg: bytes) -> bytes:
    """Add the IPTC digest (Photoshop resource 0x0425: the MD5 of the IIM block in resource 0x0404) to the APP13
    segment exiv2 wrote, replacing any digest already there.

    exiv2 writes the IIM block but no digest. Photoshop and MWG readers compare the digest with the IIM block to
    tell whether another program changed the IIM after the XMP was last synchronised, so a full-metadata sample
    should carry a current one. Each Photoshop resource is "8BIM", a 2-byte id, an even-padded Pascal name, a
    4-byte size and the data padded to an even length.
    """
    if jpeg[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    pos = 2
    while pos + 4 <= len(jpeg) and jpeg[pos] == 0xFF and jpeg[pos + 1] not in (0xD9, 0xDA):
        marker = jpeg[pos + 1]
        (length,) = struct.unpack(">H", jpeg[pos + 2 : pos + 4])
        body = jpeg[pos + 4 : pos + 2 + length]
        if marker == 0xED and body.startswith(PHOTOSHOP_HEADER):
            resources = []  # (id, name bytes incl. length and padding, data)
            i = len(PHOTOSHOP_HEADER)
            while i + 12 <= len(body) and body[i : i + 4] == b"8BIM":
                (rid,) = struct.unpack(">H", body[i + 4 : i + 6])
                name_len = 1 + body[i + 6]
                name_len += name_len % 2
                name = body[i + 6 : i + 6 + name_len]
                (size,) = struct.unpack(">I", body[i + 6 + name_len : i + 10 + name_len])
                start = i + 10 + name_len
                resources.append((rid, name, body[start : start + size]))
                i = start + size + size % 2
            iim = next(data for rid, _, data in resources if rid == IRB_IPTC)
            resources = [r for r in resources if r[0] != IRB_IPTC_DIGEST]
            resources.append((IRB_IPTC_DIGEST, b"\x00\x00", hashlib.md5(iim).digest()))
            new_body = PHOTOSHOP_HEADER + b"".join(
                b"8BIM"
                + struct.pack(">H", rid)
                + name
                + struct.pack(">I", len(data))
                + data
                + b"\x00" * (len(data) % 2)
                for rid, name, data in resources
            )
            segment = b"\xff\xed" + struct.pack(">H", len(new_body) + 2) + new_body
            return jpeg[:pos] + segment + jpeg[pos + 2 + length :]
        pos += 2 + length
    raise ValueError("no Photoshop APP13 segment to add the IPTC digest to")


HEFEI_LAT, HEFEI_LON = 31.7795, 117.2925  # Luogang Park, Hefei

#: The IFD0 tags the EXIF standard requires in a JPEG (ExifTool's -validate checks for them).
BASELINE_IFD0 = {
    "Exif.Image.XResolution": "72/1",
    "Exif.Image.YResolution": "72/1",
    "Exif.Image.ResolutionUnit": "2",  # inches
    "Exif.Image.YCbCrPositioning": "1",  # centred
}

#: The Exif sub-IFD tags the standard requires; version 2.32 is the first to define OffsetTimeOriginal.
BASELINE_EXIF_IFD = {
    "Exif.Photo.ExifVersion": "48 50 51 50",  # "0232"
    "Exif.Photo.ComponentsConfiguration": "1 2 3 0",  # Y Cb Cr -
    "Exif.Photo.FlashpixVersion": "48 49 48 48",  # "0100"
    "Exif.Photo.ColorSpace": "1",  # sRGB
    "Exif.Photo.PixelXDimension": str(WIDTH),
    "Exif.Photo.PixelYDimension": str(HEIGHT),
}

HEFEI_EXIF = {
    **BASELINE_IFD0,
    **BASELINE_EXIF_IFD,
    "Exif.Image.Make": "SampleCam",
    "Exif.Image.Model": "SampleCam Stand-in 1",
    "Exif.Image.Software": SOFTWARE,
    "Exif.Image.Artist": "Zhang Dagang",
    "Exif.Photo.DateTimeOriginal": "2025:10:14 10:32:00",
    "Exif.Photo.OffsetTimeOriginal": "+08:00",
    "Exif.GPSInfo.GPSVersionID": "2 3 0 0",
    "Exif.GPSInfo.GPSLatitudeRef": "N" if HEFEI_LAT >= 0 else "S",
    "Exif.GPSInfo.GPSLatitude": rational_dms(HEFEI_LAT),
    "Exif.GPSInfo.GPSLongitudeRef": "E" if HEFEI_LON >= 0 else "W",
    "Exif.GPSInfo.GPSLongitude": rational_dms(HEFEI_LON),
    "Exif.GPSInfo.GPSMapDatum": "WGS-84",
}

HEFEI_CREDIT = "Zhang Dagang"
HEFEI_SOURCE = "catalog sample set"  # IIM 2:115 allows 32 bytes
HEFEI_COPYRIGHT = "© 2025 Zhang Dagang (sample metadata on a generated stand-in image)"
HEFEI_KEYWORDS = ["aircraft", "autonomous flight", "Hefei", "Anhui", "Luogang Park"]

HEFEI_IPTC = {
    "Iptc.Envelope.CharacterSet": UTF8_ESCAPE,
    "Iptc.Application2.Caption": HEFEI_CAPTION,
    "Iptc.Application2.Byline": "Zhang Dagang",
    "Iptc.Application2.Credit": HEFEI_CREDIT,
    "Iptc.Application2.Source": HEFEI_SOURCE,
    "Iptc.Application2.Copyright": HEFEI_COPYRIGHT,
    "Iptc.Application2.DateCreated": "2025-10-14",
    "Iptc.Application2.TimeCreated": "10:32:00+08:00",
    "Iptc.Application2.SubLocation": "Luogang Park",
    "Iptc.Application2.City": "Hefei",
    "Iptc.Application2.ProvinceState": "Anhui",
    "Iptc.Application2.CountryName": "China",
    "Iptc.Application2.CountryCode": "CHN",  # IIM 2:100 takes the ISO 3166-1 alpha-3 code
    "Iptc.Application2.Keywords": HEFEI_KEYWORDS,
}

HEFEI_XMP = {
    "Xmp.dc.description": {'lang="x-default"': HEFEI_CAPTION},
    "Xmp.dc.creator": ["Zhang Dagang"],
    "Xmp.dc.rights": {'lang="x-default"': HEFEI_COPYRIGHT},
    "Xmp.dc.subject": HEFEI_KEYWORDS,
    "Xmp.photoshop.Credit": HEFEI_CREDIT,
    "Xmp.photoshop.Source": HEFEI_SOURCE,
    "Xmp.photoshop.DateCreated": "2025-10-14T10:32:00+08:00",
    "Xmp.photoshop.City": "Hefei",
    "Xmp.photoshop.State": "Anhui",
    "Xmp.photoshop.Country": "China",
    "Xmp.iptc.Location": "Luogang Park",
    "Xmp.iptc.CountryCode": "CN",  # the XMP property takes the ISO 3166-1 alpha-2 code
}

GANSU_IPTC = {
    "Iptc.Envelope.CharacterSet": UTF8_ESCAPE,
    "Iptc.Application2.Caption": GANSU_CAPTION,
}
GANSU_XMP = {"Xmp.dc.description": {'lang="x-default"': GANSU_CAPTION}}

TIANWEN_EXIF = {**BASELINE_IFD0, "Exif.Image.Software": SOFTWARE}


PRESS_RELEASE = f"""\
SAMPLE PRESS RELEASE - a generated stand-in for testing the catalog tool.
This is not an official statement of the China National Space Administration.

The China National Space Administration has released a new picture from the Tianwen-2 mission, which left Earth
in 2025 to collect samples from a near-Earth asteroid and later to visit a main-belt comet.

The picture was taken by a monitoring camera on the probe's robotic arm. It shows the national flag on the probe's
side and the white sample-return capsule, with a small blue Earth far in the background.

Editors may use the picture with the credit given in the caption below.

File: tianwen2-probe.jpg
{TIANWEN_CAPTION}

Notes for editors: this release and its picture were written and drawn for the sample set of the catalog
project; images/README.md in the repository describes them.
"""


# --------------------------------------------------------------------------------------------------------------


def build() -> dict[str, bytes]:
    """All generated files, by name: the three JPEGs (with metadata) and the press release."""
    hefei = draw_aircraft()
    gansu = draw_train()
    probe = draw_probe()
    for picture in (hefei, gansu, probe):
        label(picture)
    return {
        "hefei-aircraft.jpg": with_iptc_digest(
            with_metadata(to_jpeg(hefei), exif=HEFEI_EXIF, iptc=HEFEI_IPTC, xmp=HEFEI_XMP)
        ),
        "gansu-bullet-train.jpg": with_metadata(to_jpeg(gansu), iptc=GANSU_IPTC, xmp=GANSU_XMP),
        "tianwen2-probe.jpg": with_metadata(to_jpeg(probe), exif=TIANWEN_EXIF),
        "tianwen2-press-release.txt": PRESS_RELEASE.encode("utf-8"),
    }


def main() -> None:
    for name, data in build().items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data):,} bytes")


if __name__ == "__main__":
    main()

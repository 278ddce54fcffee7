"""Perceptual fingerprints: the same picture recognised after resizing, recompression, cropping and recolouring.

A wire photo reaches the desk many times: the agency's original, a resized web copy, a crop, a black-and-white
version, a re-sent correction. Byte hashes (``importer.fingerprint``, ``catalog verify``) only know identical
files; a perceptual fingerprint is computed from the pixels, so copies of one picture land close together
while a different frame of the same scene a second later does not.

How it is made (numbers from ``bench/variants.py`` and docs/variants.md, on a shared 2-core VM)
-------------------------------------------------------------------------------------------------
1. **Decode small.** A JPEG is decoded at 1/8 scale through ``Image.draft`` (the DCT scaling of libjpeg), in
   YCbCr. That still costs 20-35 ms for a 2.5 MB 3000×2000 file: libjpeg must Huffman-decode every byte,
   whatever the scale, and that is most of the time. The EXIF thumbnail (a 160×120 JPEG inside the
   file, a fraction of a millisecond to decode) is used instead only when ``trusted_thumbnail`` finds it fits the main image (see
   there: whether a thumbnail is stale cannot be known for sure from the file, only made unlikely).
2. **Trim borders** a site or agency added: rows and columns at the edges that are almost all near the
   picture's own black or white are cut (at most a quarter per side), so a framed copy fingerprints like
   the bare one.
3. **Equalise** the grey levels, so brightness, contrast, gamma and most black-and-white conversions vanish.
4. **Window hashes** (stage one, for the index). A 64-bit DCT hash (pHash: signs of the 8×8 lowest
   frequencies of a 16×16 grid against their median) of the whole picture and of nine windows that a crop
   of up to 10% per side leaves (four sides, four corners, the centre 80%). A cropped copy's whole-picture
   hash lands near one of the original's window hashes, so crops are found by exact hash comparison; a
   single whole-picture hash separates crops from unrelated pictures far worse (at the same recall, about
   ten times more unrelated candidates). Measured against dHash (9×8, 9×8 of a smoothed 18×16, 16×16,
   rows and columns) and blockhash (8×8, 16×16) on a set of generated scenes and their copies: pHash
   gave the fewest unrelated pairs at every recall; at 97% of true pairs within the threshold, 1 unrelated
   pair in 790 for pHash, 1 in 35 for the best dHash and 1 in 23 for blockhash.
5. **Signature** (stage two, for the decision). A 32×32 grey image of the trimmed, equalised picture and
   its two 16×16 colour planes (none for a black-and-white picture), kept with the hashes (1.1-1.6 KB).
   Candidates from stage one are aligned (the crop box between them is searched around the window whose
   hash matched) and compared cell by cell: a copy differs a little everywhere; a different frame of the
   same scene differs a lot somewhere (where the subject moved), so the mean difference and the largest
   difference over a patch of cells, in grey and in colour, must all be small. Hashes alone cannot tell a
   10% crop from a burst frame: their distances overlap completely.

The targets of issue 17 are not reached yet (docs/variants.md, "Known limits"): through the groups, 86%
recall at 93% precision on real photos and their copies.

imagehash (numpy, scipy, PyWavelets) was measured and not taken: ``import imagehash`` took 1.0 s against
0.33 s for ``import PIL.Image`` (median of 9 on the loaded VM), its first pHash 3.0 s (it imports
scipy.fftpack), in every reader process, against an import of 1,000 photos that takes 0.4 s; and about
225 MB installed. It would replace only the DCT of one window, not the windows, trimming or alignment.

>>> from PIL import Image
>>> picture = Image.linear_gradient("L").resize((300, 200)).rotate(30)
>>> a = perceptual_fingerprint(picture)
>>> b = perceptual_fingerprint(picture.resize((150, 100)))
>>> is_variant(a, b)
True
"""

from __future__ import annotations

import io
import math
import os
import struct
from dataclasses import dataclass
from operator import mul
from typing import Any

#: Side of the stored grey signature, in cells (SIGNATURE² bytes).
SIGNATURE = 32
#: Side of the grid compared cell by cell in stage two.
GRID = 16
#: Side of the colour planes kept (Cb and Cr), in cells.
CHROMA = 16
#: A picture whose colour planes vary by at most this many levels is black and white.
GREY_CHROMA = 6
#: Side of the grid the DCT hash is computed from.
HASH_GRID = 16
#: Windows hashed for stage one: (left, top, right, bottom) as fractions of the trimmed picture. The first
#: is the whole picture; each other is what a crop of 10% off some sides leaves.
WINDOWS: tuple[tuple[float, float, float, float], ...] = (
    (0.0, 0.0, 1.0, 1.0),
    (0.1, 0.1, 0.9, 0.9),
    (0.1, 0.0, 1.0, 1.0), (0.0, 0.0, 0.9, 1.0), (0.0, 0.1, 1.0, 1.0), (0.0, 0.0, 1.0, 0.9),
    (0.1, 0.1, 1.0, 1.0), (0.0, 0.0, 0.9, 0.9), (0.1, 0.0, 1.0, 0.9), (0.0, 0.1, 0.9, 1.0),
)
#: The 64-bit hashes are split into BANDS bands of 16 bits for the database index (multi-index hashing).
BANDS = 4
BAND_BITS = 16

# --- the thresholds (house-rules-ready: a rules file may override them) ---------------------------------------
#: Stage one: two hashes at most this many bits apart (of 64) make a candidate pair.
CANDIDATE_BITS = 14
#: Stage one, in the index: a candidate shares at least one 16-bit band within this many bits.
BAND_RADIUS = 1
#: Stage two: the largest mean difference per cell (in standard deviations of the grey levels) of a variant.
VARIANT_DISTANCE = 0.30
#: Stage two: the largest mean difference over a patch of 5×5 of the 32×32 cells (a moved subject shows here).
VARIANT_BLOB = 0.60
#: Stage two: the same over a patch of 3×3 of the 16×16 colour cells (both pictures in colour).
VARIANT_COLOUR_BLOB = 1.0
#: Colour planes are compared in units of their spread, but never less than this many levels.
CHROMA_FLOOR = 4.0
#: Stage two: a window's shape further than this (log of the ratio) from the other picture's is refitted.
ASPECT_TOLERANCE = 0.06
#: Stage two: the aligned box may reach this far outside the picture (a rotated copy's corners).
OUTSIDE_TOLERANCE = 0.04

#: Where the JPEG is decoded down to (Image.draft picks the smallest DCT scale at least this large).
DRAFT_SIZE = 96
#: Trimming: a border line is this share of pixels near the picture's darkest or lightest level.
BORDER_SHARE = 0.97
BORDER_MOST = 0.25

_VERSION = 2


@dataclass(frozen=True)
class Fingerprint:
    """A picture's window hashes (stage one), its shape, and its 32×32 grey signature and 16×16 colour
    (stage two)."""

    hashes: tuple[int, ...]
    #: Width / height of the trimmed picture, upright.
    aspect: float
    signature: bytes
    #: "image" (decoded from the main image) or "thumbnail" (from the trusted EXIF thumbnail).
    source: str = "image"
    #: The Cb and Cr planes at CHROMA×CHROMA (2 × 256 bytes), or b"" for a black-and-white picture.
    chroma: bytes = b""

    @property
    def hash(self) -> int:
        """The whole-picture hash."""
        return self.hashes[0]

    def to_bytes(self) -> bytes:
        """The fingerprint as stored: version, source, aspect, hashes, signature, colour (1,110 bytes for a
        black-and-white picture, 1,622 for a colour one)."""
        head = struct.pack("<BBf", _VERSION, self.source == "thumbnail", self.aspect)
        return head + struct.pack(f"<{len(WINDOWS)}Q", *self.hashes) + self.signature + self.chroma

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprint | None:
        """The fingerprint stored by `to_bytes`, or None for bytes of another version or length."""
        head = struct.calcsize("<BBf")
        size = head + 8 * len(WINDOWS) + SIGNATURE * SIGNATURE
        if not data or len(data) not in (size, size + 2 * CHROMA * CHROMA) or data[0] != _VERSION:
            return None
        _, thumb, aspect = struct.unpack_from("<BBf", data)
        hashes = struct.unpack_from(f"<{len(WINDOWS)}Q", data, head)
        start = head + 8 * len(WINDOWS)
        return cls(hashes, aspect, bytes(data[start:start + SIGNATURE * SIGNATURE]),
                   "thumbnail" if thumb else "image", bytes(data[start + SIGNATURE * SIGNATURE:]))


# --- making a fingerprint -------------------------------------------------------------------------------------

def perceptual_fingerprint(source: Any, *, use_thumbnail: bool = True, main_image: bool = True
                           ) -> Fingerprint | None:
    """The fingerprint of a file (path) or an opened PIL image; None when it has no pixels we can read.

    Never raises. For a path, the EXIF thumbnail is used when `trusted_thumbnail` accepts it (and
    `use_thumbnail` is true); otherwise the main image is decoded at the smallest JPEG scale, unless
    `main_image` is false (the cheap pass of an import: None when there is no trusted thumbnail).

    >>> perceptual_fingerprint("/no/such/file.jpg") is None
    True
    """
    try:
        from PIL import Image

        if isinstance(source, Image.Image):
            return _from_image(source, "image")
        with Image.open(os.fspath(source)) as image:
            if use_thumbnail:
                thumbnail = trusted_thumbnail(image)
                if thumbnail is not None:
                    found = _from_image(thumbnail, "thumbnail", orientation=_orientation(image))
                    if found is not None:
                        return found
            return _from_image(image, "image") if main_image else None
    except Exception:  # noqa: BLE001 -- a fingerprint is optional: a damaged or odd file simply has none
        return None


def _orientation(image) -> int:
    try:
        return int(image.getexif().get(0x0112, 1) or 1)
    except Exception:  # noqa: BLE001
        return 1


def trusted_thumbnail(image):
    """The EXIF thumbnail of an opened JPEG as a decoded image, when it is likely to show the main image.

    A thumbnail is stale when a program changed the pixels and copied the EXIF block as it was (a crop or
    retouch in a tool that keeps metadata): nothing in the file says so for certain. Two checks make it
    unlikely, and any doubt falls back to the main image:

    - EXIF PixelXDimension/PixelYDimension, when present, must equal the main image's size: programs that
      copy EXIF without regenerating it (Pillow's ``save(exif=...)``, many web tools) leave the old size.
    - The thumbnail, once its letterbox bars are trimmed, must have the main image's shape within 3%.

    A thumbnail smaller than 96 pixels on its long side is not used (too little to hash).
    """
    from PIL import Image

    if image.format != "JPEG":
        return None
    raw = image.info.get("exif")
    if not raw:
        return None
    exif = image.getexif()
    ifd1 = exif.get_ifd(-1)  # ExifTags.IFD.IFD1: the thumbnail's directory
    offset, length = ifd1.get(0x0201), ifd1.get(0x0202)
    if not offset or not length:
        return None
    start = 6 if raw[:6] == b"Exif\x00\x00" else 0
    data = raw[start + offset:start + offset + length]
    if len(data) != length or data[:2] != b"\xff\xd8":
        return None
    sub = exif.get_ifd(0x8769)
    stated = (sub.get(0xA002), sub.get(0xA003))
    if all(stated) and tuple(stated) != image.size:
        return None
    thumbnail = Image.open(io.BytesIO(data))
    if thumbnail.mode == "RGB":
        thumbnail.draft("YCbCr", thumbnail.size)
    thumbnail.load()
    if max(thumbnail.size) < 96:
        return None
    box = _letterbox(thumbnail.convert("L"))
    shown = (box[2] - box[0]) / max(1, box[3] - box[1])
    if abs(math.log(shown / (image.width / image.height))) > 0.03:
        return None
    return thumbnail.crop(box)


def _letterbox(image) -> tuple[int, int, int, int]:
    """The box inside the black bars a camera pads its 160×120 thumbnail with (the whole image if none)."""
    mask = image.point(lambda v: 255 if v > 24 else 0)
    return mask.getbbox() or (0, 0, image.width, image.height)


def _from_image(image, source: str, orientation: int | None = None) -> Fingerprint | None:
    from PIL import Image, ImageOps

    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)
    if image.format == "JPEG":  # a no-op once the image is loaded
        image.draft("YCbCr" if image.mode in ("RGB", "YCbCr") else "L", (DRAFT_SIZE, DRAFT_SIZE))
    if orientation is None:
        orientation = _orientation(image)
    colour = _ycbcr(image)
    if orientation in _TRANSPOSE:
        colour = colour.transpose(_TRANSPOSE[orientation])
    if colour.width < 16 or colour.height < 16:
        return None
    if max(colour.size) > 4 * DRAFT_SIZE:  # a PNG or TIFF decoded at full size: hashing needs no more
        colour = colour.reduce(max(1, min(colour.size) // (2 * DRAFT_SIZE)))
    grey = colour.getchannel(0) if colour.mode == "YCbCr" else colour
    box = _trim(grey)
    grey = grey.crop(box)
    if grey.width < 8 or grey.height < 8:
        return None
    chroma = _chroma(colour.crop(box)) if colour.mode == "YCbCr" else b""
    grey = ImageOps.equalize(grey)
    width, height = grey.size
    hashes = tuple(_dct_hash(grey.resize((HASH_GRID, HASH_GRID), Image.Resampling.BOX,
                                         box=(l * width, t * height, r * width, b * height)))
                   for l, t, r, b in WINDOWS)
    signature = grey.resize((SIGNATURE, SIGNATURE), Image.Resampling.BOX).tobytes()
    aspect = struct.unpack("<f", struct.pack("<f", width / height))[0]  # as stored
    return Fingerprint(hashes, aspect, signature, source, chroma)


def _ycbcr(image):
    """YCbCr for a colour picture, L for a grey one; transparent pixels count as white (a logo on a page)."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba).convert("RGB")
    if image.mode.startswith("I;16") or image.mode in ("I", "F"):
        return image.convert("I").point(lambda v: v / 256).convert("L")
    if image.mode in ("L", "1", "LA"):
        return image.convert("L")
    return image if image.mode == "YCbCr" else image.convert("RGB").convert("YCbCr")


def _chroma(colour) -> bytes:
    """The Cb and Cr planes at CHROMA×CHROMA, or b"" when the picture has (almost) no colour: a grey
    picture saved as colour JPEG compares as the grey one it is."""
    from PIL import Image

    planes = [colour.getchannel(n).resize((CHROMA, CHROMA), Image.Resampling.BOX).tobytes() for n in (1, 2)]
    if all(max(plane) - min(plane) <= GREY_CHROMA for plane in planes):
        return b""
    return planes[0] + planes[1]


_TRANSPOSE = {2: 0, 3: 3, 4: 1, 5: 5, 6: 4, 7: 6, 8: 2}  # EXIF orientation -> Image.Transpose value


def _trim(grey) -> tuple[int, int, int, int]:
    """The box left when border lines (almost all pixels near the darkest or lightest level) are cut.

    Levels are the picture's own (its 0.5% and 99.5% points), so a white frame on a darkened copy is found
    too; at most BORDER_MOST of each side is cut.
    """
    from PIL import Image

    histogram = grey.histogram()
    total = grey.width * grey.height
    low, high = _percentile(histogram, total, 0.005), _percentile(histogram, total, 0.995)
    if high - low < 32:
        return (0, 0, grey.width, grey.height)
    dark, light = min(low + 16, 96), max(high - 16, 160)
    border = grey.point(lambda v: 255 if v <= dark or v >= light else 0)
    need = 255 * BORDER_SHARE
    rows = border.resize((1, grey.height), Image.Resampling.BOX).tobytes()
    top, bottom = _edges(rows, need)
    border = border.crop((0, top, grey.width, bottom))
    columns = border.resize((grey.width, 1), Image.Resampling.BOX).tobytes()
    left, right = _edges(columns, need)
    return (left, top, right, bottom)


def _edges(means: list[int], need: float) -> tuple[int, int]:
    n = len(means)
    most = int(n * BORDER_MOST)
    start = 0
    while start < most and means[start] >= need:
        start += 1
    end = n
    while end > n - most and means[end - 1] >= need:
        end -= 1
    return start, end


def _percentile(histogram: list[int], total: int, share: float) -> int:
    seen = 0
    for level, count in enumerate(histogram):
        seen += count
        if seen >= share * total:
            return level
    return 255


def _cosines(n: int) -> list[list[float]]:
    return [[math.cos(math.pi * (2 * x + 1) * k / (2 * n)) for x in range(n)] for k in range(8)]


_COS = _cosines(HASH_GRID)


def _dct_hash(cells) -> int:
    """64 bits: the lowest 8×8 DCT frequencies of a HASH_GRID² grey grid (DC left out) above their median."""
    pixels = cells.tobytes()
    n = HASH_GRID
    rows = [pixels[i * n:(i + 1) * n] for i in range(n)]
    by_row = [[sum(map(mul, cos, row)) for cos in _COS] for row in rows]
    columns = list(zip(*by_row))
    coefficients = [sum(map(mul, cos, columns[v])) for cos in _COS for v in range(8)][1:]
    middle = sorted(coefficients)[len(coefficients) // 2]
    bits = 0
    for value in coefficients:
        bits = (bits << 1) | (value > middle)
    return bits << 1


# --- comparing ------------------------------------------------------------------------------------------------------

def hash_distance(a: Fingerprint, b: Fingerprint) -> tuple[int, int, int]:
    """Stage one: the fewest differing bits between a whole-picture hash and a window hash of the other.

    Returns (bits, window of a, window of b); one of the two windows is 0 (the whole picture).
    """
    best = (65, 0, 0)
    for i, ha in enumerate(a.hashes):
        for j, hb in enumerate(b.hashes):
            if i and j:
                continue
            bits = (ha ^ hb).bit_count()
            if bits < best[0]:
                best = (bits, i, j)
    return best


@dataclass(frozen=True)
class Comparison:
    """Stage two's verdict on a pair: the mean and largest-patch differences after alignment, and the box."""

    distance: float
    #: The largest mean difference over a patch of 5×5 of the 32×32 cells: a moved subject shows here.
    blob: float
    #: The part of the larger picture (as fractions) that the other one shows.
    box: tuple[float, float, float, float]
    #: How far that box reaches outside the picture (a fraction of its side).
    outside: float
    #: The same as `blob` for the colour planes, on a 16×16 grid (0 when either picture is black and white).
    colour_blob: float = 0.0

    @property
    def variant(self) -> bool:
        return (self.distance <= VARIANT_DISTANCE and self.blob <= VARIANT_BLOB
                and self.colour_blob <= VARIANT_COLOUR_BLOB
                and self.outside <= OUTSIDE_TOLERANCE)


def compare(a: Fingerprint, b: Fingerprint) -> Comparison:
    """Stage two: align the two signatures (the crop between them) and compare them cell by cell."""
    if (a.aspect, a.hashes) < (b.aspect, b.hashes):  # the same verdict whichever is given first
        a, b = b, a
    _, wa, wb = hash_distance(a, b)
    if wa:  # b shows a window of a
        outer, inner, window = a, b, WINDOWS[wa]
    else:  # a shows a window of b (or both the whole picture)
        outer, inner, window = b, a, WINDOWS[wb]
    try:
        return _align(outer, inner, window)
    except (ValueError, ZeroDivisionError):  # a degenerate signature (one grey level) or shape
        return Comparison(math.inf, math.inf, (0.0, 0.0, 1.0, 1.0), math.inf, math.inf)


def distance(a: Fingerprint, b: Fingerprint) -> float:
    """How far apart two pictures are after alignment (0 for the same pixels; variants stay below
    VARIANT_DISTANCE). Ranks `similar`; the yes/no answer is `is_variant`."""
    return compare(a, b).distance


def is_variant(a: Fingerprint | None, b: Fingerprint | None) -> bool:
    """Whether two fingerprints show the same picture (stage one, then stage two)."""
    if a is None or b is None:
        return False
    if hash_distance(a, b)[0] > CANDIDATE_BITS:
        return False
    return compare(a, b).variant


_STEP = 1 / 64
_PAD = 2
#: A start box this close needs no search (most copies that were not cropped).
_GOOD_ENOUGH = 0.08
#: Differences (in standard deviations) are stored ×40 in a grey image to be box-filtered by Pillow.
_BLOB_SCALE = 40


def _align(outer: Fingerprint, inner: Fingerprint, window) -> Comparison:
    """Search the box of `outer` that `inner` shows, starting at the window whose hash matched, then
    compare the two at the signature's full 32×32.

    The box keeps `inner`'s shape (a copy's shape is its crop's shape), so three numbers move: its centre
    and its width, two then one signature cell at a time, while the mean difference on a 16×16 grid falls.
    """
    from PIL import Image, ImageFilter, ImageOps

    size = (SIGNATURE, SIGNATURE)
    # padded by a few cells of its mean grey, so a box may reach a little outside (a rotated copy)
    big = ImageOps.expand(Image.frombytes("L", size, outer.signature), _PAD,
                          fill=sum(outer.signature) // len(outer.signature))
    small = Image.frombytes("L", size, inner.signature)
    padded = ImageOps.expand(small, _PAD, fill=sum(inner.signature) // len(inner.signature))
    whole = (_PAD, _PAD, _PAD + SIGNATURE, _PAD + SIGNATURE)
    target = _normalised(padded.resize((GRID, GRID), Image.Resampling.BILINEAR, box=whole).tobytes())
    shape = outer.aspect / inner.aspect  # box height = box width × shape
    l, t, r, b = window
    start = ((l + r) / 2, (t + b) / 2, r - l)
    if abs(math.log((r - l) / (b - t) * shape)) > ASPECT_TOLERANCE:  # the window's shape is wrong: fit its height
        start = ((l + r) / 2, (t + b) / 2, (b - t) / shape)

    def fit(centre_x, centre_y, width):  # the start box moved and shrunk to lie inside the picture
        width = min(width, 1.0, 1.0 / shape)
        height = width * shape
        return (min(max(centre_x, width / 2), 1 - width / 2), min(max(centre_y, height / 2), 1 - height / 2), width)

    def box_of(centre_x, centre_y, width):
        height = width * shape
        return (centre_x - width / 2, centre_y - height / 2, centre_x + width / 2, centre_y + height / 2)

    def sample(params, grid, resample):
        left, top, right, bottom = box_of(*params)
        return big.resize((grid, grid), resample, box=(_PAD + left * SIGNATURE, _PAD + top * SIGNATURE,
                                                       _PAD + right * SIGNATURE, _PAD + bottom * SIGNATURE))

    def cost(params):
        cells = _normalised(sample(params, GRID, Image.Resampling.BILINEAR).tobytes())
        return sum(abs(x - y) for x, y in zip(cells, target)) / len(target)

    params = fit(*start)
    best = cost(params)
    for step in (2 * _STEP, _STEP):
        if best < _GOOD_ENOUGH:
            break
        moves = ((step, 0, 1), (-step, 0, 1), (0, step, 1), (0, -step, 1), (0, 0, 1 + step), (0, 0, 1 - step))
        for _ in range(12):
            improved = False
            for dx, dy, scale in moves:
                trial = (params[0] + dx, params[1] + dy, params[2] * scale)
                box = box_of(*trial)
                if min(box[0], box[1], 1 - box[2], 1 - box[3]) < -_PAD / SIGNATURE or trial[2] < 0.6:
                    continue
                value = cost(trial)
                if value < best - 1e-6:
                    best, params, improved = value, trial, True
            if not improved:
                break
    # the verdict, at the full 32×32: where the pictures differ most, over a patch of 5×5 cells
    fine = _normalised(sample(params, SIGNATURE, Image.Resampling.BILINEAR).tobytes())
    mine = _normalised(small.tobytes())
    diffs = bytes(min(255, int(abs(x - y) * _BLOB_SCALE)) for x, y in zip(fine, mine))
    patches = Image.frombytes("L", size, diffs).filter(ImageFilter.BoxBlur(2))
    blob = patches.getextrema()[1] / _BLOB_SCALE
    box = box_of(*params)
    # how far the box had to leave the picture: a copy's box stays inside (a border was trimmed)
    outside = max(0.0, -box[0], -box[1], box[2] - 1, box[3] - 1)
    colour = _colour_blob(outer.chroma, inner.chroma, box) if outer.chroma and inner.chroma else 0.0
    return Comparison(best, blob, box, outside, colour)


def _colour_blob(outer: bytes, inner: bytes, box) -> float:
    """The largest mean difference of the colour planes over a patch of 3×3 of their 16×16 cells, in the
    aligned box: a subject that moved shows here when it has the grey of its background but not its colour."""
    from PIL import Image, ImageFilter, ImageOps

    plane_size = CHROMA * CHROMA
    pad = 1
    worst = 0.0
    for n in range(2):
        mine, theirs = inner[n * plane_size:(n + 1) * plane_size], outer[n * plane_size:(n + 1) * plane_size]
        big = ImageOps.expand(Image.frombytes("L", (CHROMA, CHROMA), theirs), pad, fill=sum(theirs) // plane_size)
        cells = big.resize((CHROMA, CHROMA), Image.Resampling.BILINEAR,
                           box=(pad + box[0] * CHROMA, pad + box[1] * CHROMA,
                                pad + box[2] * CHROMA, pad + box[3] * CHROMA)).tobytes()
        a, b = _normalised(cells, CHROMA_FLOOR), _normalised(mine, CHROMA_FLOOR)
        diffs = bytes(min(255, int(abs(x - y) * _BLOB_SCALE)) for x, y in zip(a, b))
        patches = Image.frombytes("L", (CHROMA, CHROMA), diffs).filter(ImageFilter.BoxBlur(1))
        worst = max(worst, patches.getextrema()[1] / _BLOB_SCALE)
    return worst


def _normalised(values, floor: float = 0.0) -> list[float]:
    n = len(values)
    mean = sum(values) / n
    spread = max(math.sqrt(sum((v - mean) ** 2 for v in values) / n), floor) or 1.0
    return [(v - mean) / spread for v in values]


def bands(value: int) -> list[int]:
    """The BANDS 16-bit bands of a 64-bit hash, each tagged with its band number (band << 16 | bits),
    so one indexed integer column holds them all."""
    mask = (1 << BAND_BITS) - 1
    return [(band << BAND_BITS) | ((value >> (band * BAND_BITS)) & mask) for band in range(BANDS)]


def probes(value: int, radius: int = BAND_RADIUS) -> list[int]:
    """The band keys a hash looks up: each band's own bits and those within `radius` bits of them."""
    keys = []
    for key in bands(value):
        keys.append(key)
        if radius >= 1:
            keys += [key ^ (1 << bit) for bit in range(BAND_BITS)]
        if radius >= 2:
            keys += [key ^ (1 << i) ^ (1 << j) for i in range(BAND_BITS) for j in range(i)]
    return keys

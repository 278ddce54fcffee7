"""Perceptual fingerprints: a picture's pixels made into hashes and a small signature that survive resizing,
recompression, cropping and recolouring.

A wire photo reaches the desk many times: the agency's original, a resized web copy, a crop, a black-and-white
version, a re-sent correction. Byte hashes (``catalog verify``) only know identical files; a perceptual
fingerprint is computed from the pixels, so copies of one picture land close together while a different frame
of the same scene a second later does not. This module makes fingerprints, and the index keys of their hashes
(``bands``, ``probes``); judging whether two fingerprints are one picture (the verdict) is catalog.likeness's job.

How it is made
--------------
1. **Decode small.** A JPEG is decoded at 1/8 scale through ``Image.draft`` (libjpeg's DCT scaling). That
   still costs 10-35 ms for a 2.5 MB 3000×2000 file (libjpeg Huffman-decodes every byte whatever the scale),
   so a trusted embedded thumbnail is used instead when there is one (``trusted_thumbnail``).
2. **Trim borders** a site or agency added: edge lines that are almost all near the picture's own darkest or
   lightest level are cut (at most a quarter per side).
3. **Window hashes** (stage one, for the database index): a 64-bit DCT hash (pHash) of the equalised grey
   picture and of nine windows a crop of up to 10% per side leaves. A cropped copy's whole-picture hash lands
   near one of its original's window hashes. pHash was measured against dHash and blockhash by the first
   version of this module: at 97% of true pairs within the threshold, 1 unrelated pair in 790 for pHash
   against 1 in 35 for the best dHash and 1 in 23 for blockhash.
   The whole picture is hashed once more from the channels' average instead of luma (``AVERAGE``).
4. **Signature** (stage two, for the verdict): the trimmed picture's luma at 32×32 and, for a colour
   picture, its Cb and Cr planes at 16×16 (1.6 KB with the hashes).

Only the DCT of step 3 uses numpy's arithmetic; everything before it is Pillow's (``unhashed_fingerprint``), so an
import's readers make the rest and the importing process the hashes (``Unhashed``), with the OpenBLAS numpy calls,
loaded without numpy where that was checked to give numpy's bits (``catalog.blas_dct``), else with numpy.

>>> from PIL import Image
>>> picture = Image.radial_gradient("L").resize((300, 200)).rotate(30)
>>> a = perceptual_fingerprint(picture)
>>> a.aspect, a.colour, len(a.to_bytes())
(1.5, False, 1118)
>>> Fingerprint.from_bytes(a.to_bytes()) == a
True
>>> b = perceptual_fingerprint(picture.resize((150, 100)))
>>> (a.hash ^ b.hash).bit_count() <= 14
True
"""

from __future__ import annotations

import io
import math
import os
import struct
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, NamedTuple

#: Side of the stored grey signature, in cells (SIGNATURE² bytes).
SIGNATURE = 32
#: Side of the colour planes kept (Cb and Cr), in cells.
CHROMA = 16
#: A picture whose colour planes vary by at most this many levels is black and white.
GREY_CHROMA = 6
#: Side of the grid the DCT hash is computed from.
HASH_GRID = 16
#: Windows hashed for stage one: (left, top, right, bottom) as fractions of the trimmed picture. The first
#: is the whole picture; each other up to AVERAGE is what a crop of 10% off some sides leaves. All are of the
#: luma but the last, AVERAGE: the whole picture again, of the channels' plain average.
WINDOWS: tuple[tuple[float, float, float, float], ...] = (
    (0.0, 0.0, 1.0, 1.0),
    (0.1, 0.1, 0.9, 0.9),
    (0.1, 0.0, 1.0, 1.0), (0.0, 0.0, 0.9, 1.0), (0.0, 0.1, 1.0, 1.0), (0.0, 0.0, 1.0, 0.9),
    (0.1, 0.1, 1.0, 1.0), (0.0, 0.0, 0.9, 0.9), (0.1, 0.0, 1.0, 0.9), (0.0, 0.1, 0.9, 1.0),
    (0.0, 0.0, 1.0, 1.0),
)
#: The hash of the channels' average (R + G + B) / 3: a black-and-white copy some tools make instead of luma's
#: weights. Its equalised grey orders the picture's colours differently (a saturated blue is dark in luma, mid
#: grey in the average), so its hash lands far from the colour original's luma hash: on the benchmark's
#: tuning set 11 of 90 such copies had no candidate at all. A colour original's AVERAGE hash is that copy's
#: whole-picture hash. For a grey picture it repeats the whole-picture hash.
AVERAGE = 10
#: The average's grey is made at this side (then equalised and hashed like the others).
AVERAGE_GRID = 64
#: Fingerprints made before AVERAGE have one hash fewer; they are read as they are (their grey-average
#: copies are found only through other copies).
_OLD_HASHES = 10
#: The 64-bit hashes are split into BANDS bands of 16 bits for the database index (multi-index hashing).
BANDS = 4
BAND_BITS = 16
#: Stage one, in the index: a candidate shares at least one 16-bit band within this many bits.
BAND_RADIUS = 1

#: Where the JPEG is decoded down to (Image.draft picks the smallest DCT scale at least this large).
DRAFT_SIZE = 96
#: Trimming: a border line is this share of pixels near the picture's darkest or lightest level.
BORDER_SHARE = 0.97
BORDER_MOST = 0.25

_VERSION = 3
#: The first byte of an `Unhashed.to_bytes`, which no stored fingerprint has.
_UNHASHED = 0xF0 | _VERSION
_UNHASHED_BYTE = bytes([_UNHASHED])


@dataclass(frozen=True)
class Fingerprint:
    """A picture's window hashes (stage one), its shape, and its 32×32 grey and 16×16 colour (stage two)."""

    hashes: tuple[int, ...]
    #: Width / height of the trimmed picture, upright.
    aspect: float
    #: The trimmed picture's luma at SIGNATURE×SIGNATURE, row by row.
    signature: bytes
    #: "image" (decoded from the main image) or "thumbnail" (from a trusted embedded thumbnail).
    source: str = "image"
    #: The Cb and Cr planes at CHROMA×CHROMA (2 × 256 bytes), or b"" for a black-and-white picture.
    chroma: bytes = b""

    @property
    def hash(self) -> int:
        """The whole-picture hash."""
        return self.hashes[0]

    @property
    def colour(self) -> bool:
        return bool(self.chroma)

    def to_bytes(self) -> bytes:
        """The fingerprint as stored: version, source, aspect, hashes, signature, colour (1,118 bytes for a
        black-and-white picture, 1,630 for a colour one; 8 fewer for one made before AVERAGE)."""
        head = struct.pack("<BBf", _VERSION, self.source == "thumbnail", self.aspect)
        return head + struct.pack(f"<{len(self.hashes)}Q", *self.hashes) + self.signature + self.chroma

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprint | None:
        """The fingerprint stored by `to_bytes`, or None for bytes of another version or length."""
        head = struct.calcsize("<BBf")
        if not data or data[0] != _VERSION:
            return None
        for count in (len(WINDOWS), _OLD_HASHES):
            size = head + 8 * count + SIGNATURE * SIGNATURE
            if len(data) in (size, size + 2 * CHROMA * CHROMA):
                break
        else:
            return None
        _, thumb, aspect = struct.unpack_from("<BBf", data)
        hashes = struct.unpack_from(f"<{count}Q", data, head)
        start = head + 8 * count
        return cls(hashes, aspect, bytes(data[start:start + SIGNATURE * SIGNATURE]),
                   "thumbnail" if thumb else "image", bytes(data[start + SIGNATURE * SIGNATURE:]))


# --- making a fingerprint -------------------------------------------------------------------------------------

def perceptual_fingerprint(source: Any, *, use_thumbnail: bool = True, main_image: bool = True
                           ) -> Fingerprint | None:
    """The fingerprint of a file (path) or an opened PIL image; None when it has no pixels we can read.

    Never raises. For a path, the embedded thumbnail is used when `trusted_thumbnail` accepts it (and
    `use_thumbnail` is true); otherwise the main image is decoded at the smallest JPEG scale, unless
    `main_image` is false (the cheap pass of an import: None when there is no trusted thumbnail).

    >>> perceptual_fingerprint("/no/such/file.jpg") is None
    True
    """
    unhashed = unhashed_fingerprint(source, use_thumbnail=use_thumbnail, main_image=main_image)
    return None if unhashed is None else unhashed.hashed()


def unhashed_fingerprint(source: Any, *, use_thumbnail: bool = True, main_image: bool = True
                         ) -> Unhashed | None:
    """`perceptual_fingerprint` without its last step, the DCT hashes: what is made from the pixels, with the
    grids the hashes are made from (`Unhashed.hashed` makes them). Never raises; imports no numpy.

    >>> unhashed_fingerprint("/no/such/file.jpg") is None
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


def has_thumbnail(image) -> bool:
    """Whether an opened JPEG carries an EXIF thumbnail at all (a look at IFD1, no decoding)."""
    if image.format != "JPEG" or not image.info.get("exif"):
        return False
    ifd1 = image.getexif().get_ifd(-1)
    return bool(ifd1.get(0x0201) and ifd1.get(0x0202))


def embedded_fingerprint(path) -> Fingerprint | None:
    """The fingerprint from a trusted embedded thumbnail (EXIF IFD1, Photoshop's 0x040C), or None: the cheap
    pass an import can afford. A file without such a thumbnail costs a walk over its APP segment headers,
    reading only the EXIF and Photoshop segments the metadata reader has just read (a few µs from the page
    cache; the first version read 128 KB of every file, 1.1 ms a file from a cold disk); one with a
    thumbnail about a millisecond more.
    """
    unhashed = embedded_unhashed(path)
    return None if unhashed is None else unhashed.hashed()


def embedded_unhashed(path) -> Unhashed | None:
    """`embedded_fingerprint` without its DCT hashes (see `Unhashed`): what an import's reader makes, so that
    only the importing process imports numpy."""
    try:
        with open(os.fspath(path), "rb") as handle:
            if not _thumbnail_in(handle):
                return None
    except OSError:
        return None
    return unhashed_fingerprint(path, main_image=False)


def _thumbnail_in(handle) -> bool:
    """Whether a JPEG's APP segments hold an EXIF or Photoshop thumbnail, by their bytes; other segments
    are skipped by their length, unread."""
    if handle.read(2) != b"\xff\xd8":
        return False
    while True:
        head = handle.read(4)
        if len(head) < 4 or head[0] != 0xFF:
            return False
        marker = head[1]
        if marker == 0xFF:  # fill byte: the marker is the next byte
            handle.seek(-3, os.SEEK_CUR)
            continue
        if not 0xE0 <= marker <= 0xEF:  # past the APP segments
            return False
        length = int.from_bytes(head[2:4], "big")
        if marker in (0xE1, 0xED):
            segment = handle.read(length - 2)
            if marker == 0xE1 and segment[:6] == b"Exif\x00\x00" and b"\xff\xd8\xff" in segment[14:]:
                return True
            if marker == 0xED and segment.startswith(b"Photoshop 3.0") and b"8BIM\x04\x0c" in segment:
                return True
        else:
            handle.seek(length - 2, os.SEEK_CUR)


def trusted_thumbnail(image):
    """The EXIF thumbnail of an opened JPEG as a decoded image, when it is likely to show the main image.

    A thumbnail is stale when a program changed the pixels and copied the EXIF block as it was (a crop or
    retouch in a tool that keeps metadata): nothing in the file says so for certain. Two checks make it
    unlikely, and any doubt falls back to the main image:

    - EXIF PixelXDimension/PixelYDimension, when present, must equal the main image's size: programs that
      copy EXIF without regenerating it (Pillow's ``save(exif=...)``, many web tools) leave the old size.
    - The thumbnail, once its letterbox bars are trimmed, must have the main image's shape within 3%.

    A thumbnail smaller than 96 pixels on its long side is not used (too little to compare).
    """
    from PIL import Image

    if not has_thumbnail(image):
        return _photoshop_thumbnail(image)
    raw = image.info["exif"]
    exif = image.getexif()
    ifd1 = exif.get_ifd(-1)  # ExifTags.IFD.IFD1: the thumbnail's directory
    offset, length = ifd1.get(0x0201), ifd1.get(0x0202)
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


def _photoshop_thumbnail(image):
    """Photoshop's thumbnail resource (0x040C: a 28-byte header, then a JPEG), when it has the main image's
    shape within 3%. Photoshop writes it anew on every save; a tool that keeps the resource through a resize
    keeps a thumbnail of the same picture."""
    from PIL import Image

    resources = image.info.get("photoshop") if image.format == "JPEG" else None
    data = (resources or {}).get(0x040C)
    if not data or len(data) < 32 or int.from_bytes(data[:4], "big") != 1 or data[28:30] != b"\xff\xd8":
        return None
    thumbnail = Image.open(io.BytesIO(data[28:]))
    thumbnail.load()
    if max(thumbnail.size) < 96:
        return None
    if abs(math.log((thumbnail.width / thumbnail.height) / (image.width / image.height))) > 0.03:
        return None
    return thumbnail


#: Levels above 24 are picture, the rest a camera's black bar (a table: Pillow calls a function 256 times a picture).
_LIT = [255 if level > 24 else 0 for level in range(256)]


def _letterbox(image) -> tuple[int, int, int, int]:
    """The box inside the black bars a camera pads its 160×120 thumbnail with (the whole image if none)."""
    mask = image.point(_LIT)
    return mask.getbbox() or (0, 0, image.width, image.height)


def _from_image(image, source: str, orientation: int | None = None) -> Unhashed | None:
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
    if max(colour.size) > 4 * DRAFT_SIZE:  # a PNG or TIFF decoded at full size: comparing needs no more
        colour = colour.reduce(max(1, min(colour.size) // (2 * DRAFT_SIZE)))
    grey = colour.getchannel(0) if colour.mode == "YCbCr" else colour
    box = _trim(grey)
    grey = grey.crop(box)
    if grey.width < 8 or grey.height < 8:
        return None
    trimmed = colour.crop(box) if colour.mode == "YCbCr" else None
    chroma = _chroma(trimmed) if trimmed is not None else b""
    signature = grey.resize((SIGNATURE, SIGNATURE), Image.Resampling.BOX).tobytes()
    equalised = ImageOps.equalize(grey)
    average = ImageOps.equalize(_average(trimmed)) if trimmed is not None else equalised
    width, height = grey.size
    grids = _window_grids(equalised, average)
    aspect = struct.unpack("<f", struct.pack("<f", width / height))[0]  # as stored
    return Unhashed(b"".join(grids), aspect, signature, source, chroma)


#: The luma windows' columns (left, right): four, each shared by the windows that differ only in their rows.
_COLUMNS = tuple(dict.fromkeys((left, right) for left, _, right, _ in WINDOWS[:AVERAGE]))


def _window_grids(equalised, average) -> list[bytes]:
    """The HASH_GRID² grids of WINDOWS: `equalised`'s windows, then the whole of `average` (AVERAGE), each the
    bytes of Pillow's BOX ``resize((HASH_GRID, HASH_GRID), box=window)``.

    Pillow resizes in two passes, each rounded to 8 bits, the columns first (the rows first only for a picture
    whose height it reduces much more than its width, since Pillow 13): the window's columns into HASH_GRID
    across, on the rows the window needs, then those rows into HASH_GRID down. The first pass depends on the
    columns alone, and the ten luma windows have four: for a picture at least as wide as it is high, each is
    made once over every row (a resize to HASH_GRID × height with the columns' box, which Pillow makes by the
    first pass alone), and each window's grid from it by the second pass alone (its rows' box, every column):
    the same coefficients on the same rows, the same bytes, with the first pass, most of a thumbnail's
    resampling (its rows are the picture's width long), made four times instead of ten (1.1 M instructions
    less a thumbnail). A taller picture is resized window by window, as Pillow may take its rows first.
    `tests/test_fingerprints.py` compares both ways on pictures of many shapes.
    """
    from PIL import Image

    box_filter = Image.Resampling.BOX
    w, h = equalised.size
    if w >= h:
        strips = {(left, right): equalised.resize((HASH_GRID, h), box_filter, box=(left * w, 0, right * w, h))
                  for left, right in _COLUMNS}
        grids = [strips[left, right].resize((HASH_GRID, HASH_GRID), box_filter,
                                            box=(0, top * h, HASH_GRID, bottom * h)).tobytes()
                 for left, top, right, bottom in WINDOWS[:AVERAGE]]
    else:
        grids = [equalised.resize((HASH_GRID, HASH_GRID), box_filter,
                                  box=(left * w, top * h, right * w, bottom * h)).tobytes()
                 for left, top, right, bottom in WINDOWS[:AVERAGE]]
    left, top, right, bottom = WINDOWS[AVERAGE]
    w, h = average.size
    grids.append(average.resize((HASH_GRID, HASH_GRID), box_filter,
                                box=(left * w, top * h, right * w, bottom * h)).tobytes())
    return grids


class Unhashed(NamedTuple):
    """A fingerprint before its DCT hashes: the HASH_GRID² grey grids of its WINDOWS, and the rest as made.

    An import's readers make these and the importing process `hashed` them: the hashes are numpy's products of
    those grids with the DCT's cosines, whose last bits decide a hash wherever coefficients tie (a flat or
    symmetric grid: 11 of the 71 thumbnails of the benchmark's mixed 400 files), so they are made by numpy's
    OpenBLAS as they always were (through `catalog.blas_dct`, or numpy, whose import is 0.2 G instructions), in one
    process instead of every reader. `to_bytes` is what a reader sends (as bytes, which cost no Python call to pickle).

    >>> from PIL import Image
    >>> unhashed = unhashed_fingerprint(Image.radial_gradient("L").resize((300, 200)))
    >>> Unhashed.from_bytes(unhashed.to_bytes()) == unhashed
    True
    >>> unhashed.hashed() == perceptual_fingerprint(Image.radial_gradient("L").resize((300, 200)))
    True
    """

    #: len(WINDOWS) grids of HASH_GRID² levels, one after the other, row by row.
    grids: bytes
    aspect: float
    signature: bytes
    source: str
    chroma: bytes

    def hashed(self) -> Fingerprint:
        """The fingerprint, its hashes made from the grids."""
        return Fingerprint(_dct_hashes(self.grids), self.aspect, self.signature, self.source, self.chroma)

    def to_bytes(self) -> bytes:
        """The grids and the rest, after a first byte no stored fingerprint starts with (`is_unhashed`)."""
        head = struct.pack("<BBf", _UNHASHED, self.source == "thumbnail", self.aspect)
        return head + self.grids + self.signature + self.chroma

    @classmethod
    def from_bytes(cls, data: bytes) -> Unhashed:
        """The Unhashed that `to_bytes` gave these bytes."""
        _, thumb, aspect = struct.unpack_from("<BBf", data)
        start = struct.calcsize("<BBf")
        grids = len(WINDOWS) * HASH_GRID * HASH_GRID
        middle = start + grids + SIGNATURE * SIGNATURE
        return cls(bytes(data[start:start + grids]), aspect, bytes(data[start + grids:middle]),
                   "thumbnail" if thumb else "image", bytes(data[middle:]))


def is_unhashed(data: bytes) -> bool:
    """Whether bytes are an `Unhashed.to_bytes` (a reader's), not a fingerprint's."""
    return data[:1] == _UNHASHED_BYTE


def hashed_bytes(data: bytes) -> bytes:
    """A fingerprint's bytes (`Fingerprint.to_bytes`) from a reader's `Unhashed.to_bytes`."""
    return Unhashed.from_bytes(data).hashed().to_bytes()


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


def _average(colour):
    """The plain average of a YCbCr picture's R, G and B, as a grey picture of AVERAGE_GRID² cells: only its
    whole-picture hash is made from it, and at the decoded size the conversion cost half a fingerprint. Each
    cell is (R + G + B) // 3: ImageMath's sum in 32-bit integers and its integer division (C's, which floors
    what is not negative), as numpy's ``sum(axis=2) // 3`` made it.
    """
    from PIL import Image, ImageMath

    small = colour.resize((AVERAGE_GRID, AVERAGE_GRID), Image.Resampling.BOX).convert("RGB")
    red, green, blue = small.split()
    total = ImageMath.lambda_eval(lambda args: (args["r"] + args["g"] + args["b"]) / 3, r=red, g=green, b=blue)
    return total.convert("L")


def _chroma(colour) -> bytes:
    """The Cb and Cr planes at CHROMA×CHROMA, or b"" when the picture has (almost) no colour: a grey
    picture saved as colour JPEG compares as the grey one it is."""
    from PIL import Image

    # Resized as one picture, then its two planes taken: Pillow resizes each band by itself, with the same
    # coefficients and rounding as a plane alone, in one pass over the pixels instead of a copy and a pass for
    # each plane (0.18 M instructions less a colour thumbnail).
    small = colour.resize((CHROMA, CHROMA), Image.Resampling.BOX)
    planes = [small.getchannel(n).tobytes() for n in (1, 2)]
    if all(max(plane) - min(plane) <= GREY_CHROMA for plane in planes):
        return b""
    return planes[0] + planes[1]


_TRANSPOSE = {2: 0, 3: 3, 4: 1, 5: 5, 6: 4, 7: 6, 8: 2}  # EXIF orientation -> Image.Transpose value


def _trim(grey) -> tuple[int, int, int, int]:
    """The box left when border lines (almost all pixels near the darkest or lightest level) are cut.

    Levels are the picture's own (its 0.5% and 99.5% points), so a white frame on a darkened copy is found
    too; at most BORDER_MOST of each side is cut. `grey` is an "L" image. The levels come from its histogram
    (`_percentiles`), the same ones ``numpy.percentile`` gave, which sorted the pixels and imported
    ``numpy.ma`` (0.05-0.1 s in every reader process whose first thumbnail paid it); the border lines' shares are
    counted in Pillow's bytes (`_LineShares`), the same floats numpy's means gave, so a reader imports no numpy.
    """
    from PIL import Image

    width, height = grey.size
    low, high = _percentiles(grey.histogram(), width * height, (0.5, 99.5))
    if high - low < 32:
        return (0, 0, width, height)
    dark, light = min(low + 16, 96), max(high - 16, 160)
    border = grey.point([1 if level <= dark or level >= light else 0 for level in range(256)])
    top, bottom = _edges(_LineShares(border))
    left, right = _edges(_LineShares(border.crop((0, top, width, bottom)).transpose(Image.Transpose.TRANSPOSE)))
    return (left, top, right, bottom)


class _LineShares:
    """Each row's share of 1s in an "L" image of 0s and 1s: its count over its width, the float division numpy's
    mean of a boolean row makes (an exact sum, then one division). Counted when `_edges` asks for a row: it reads
    from each end only until a row is no border, a few rows of a hundred."""

    def __init__(self, mask) -> None:
        self.width, self.pixels = mask.width, mask.tobytes()

    def __len__(self) -> int:
        return len(self.pixels) // self.width

    def __getitem__(self, row: int) -> float:
        start = row * self.width
        return self.pixels.count(1, start, start + self.width) / self.width


def _percentiles(histogram: list[int], count: int, percents: tuple[float, ...]) -> list[float]:
    """The percentiles of `count` 8-bit levels given by their histogram, as ``numpy.percentile`` computes them
    (its default "linear" method, the same floating-point steps): the value at index (count - 1) × q of the
    sorted levels, between its two neighbours.

    >>> _percentiles([0] * 10 + [3] + [0] * 89 + [1] + [0] * 155, 4, (0.0, 50.0, 100.0))
    [10.0, 10.0, 100.0]
    """
    ends = list(accumulate(histogram))  # ends[level]: how many levels are at most `level`

    def at(index: int) -> int:  # the index-th smallest level: the first whose end is past it
        return bisect_right(ends, index)

    found = []
    for percent in percents:
        virtual = (count - 1) * (percent / 100)
        if virtual >= count - 1:
            found.append(float(at(count - 1)))
            continue
        previous = math.floor(virtual)
        gamma = virtual - previous
        a, b = at(previous), at(previous + 1)
        found.append(b - (b - a) * (1 - gamma) if gamma >= 0.5 else a + (b - a) * gamma)
    return found


def _edges(means) -> tuple[int, int]:
    n = len(means)
    most = int(n * BORDER_MOST)
    start = 0
    while start < most and means[start] >= BORDER_SHARE:
        start += 1
    end = n
    while end > n - most and means[end - 1] >= BORDER_SHARE:
        end -= 1
    return start, end


def _dct_hashes(grids: bytes) -> tuple[int, ...]:
    """64 bits per grid: the lowest 8×8 DCT frequencies of a HASH_GRID² grey grid (DC left out) above their
    median, the last bit always 0. `grids` holds the grids' levels one after the other (`Unhashed.grids`).

    The products come from numpy's OpenBLAS called without numpy where that was checked to give numpy's bits
    (catalog.blas_dct: numpy's import is 0.2 G instructions), else from numpy; the median and the bits are made from
    them in one way either way."""
    from array import array

    from catalog.blas_dct import numpy_products, products

    made = products(grids)
    if made is None:
        made = array("d", numpy_products(grids).tobytes())  # (C order: 64 products a grid, row by row)
    hashes = []
    for start in range(0, len(made), 64):
        row = made[start + 1:start + 64]  # (the DC term left out)
        middle = sorted(row)[31]  # the median of the 63, their 32nd smallest
        hashes.append(int("".join(["1" if value > middle else "0" for value in row]) + "0", 2))
    return tuple(hashes)


def bands(value: int) -> list[int]:
    """The BANDS 16-bit bands of a 64-bit hash, each tagged with its band number (band << 16 | bits),
    so one indexed integer column holds them all."""
    mask = (1 << BAND_BITS) - 1
    return [(band << BAND_BITS) | ((value >> (band * BAND_BITS)) & mask) for band in range(BANDS)]


def signed(value: int) -> int:
    """A 64-bit hash as the signed integer a BIGINT column holds."""
    return value - (1 << 64) if value >= 1 << 63 else value


#: The variant_band columns, in the order `band_values` gives them.
BAND_COLUMNS = ("key", "window", "photo_id", "hash")


def band_rows(photo_id: int, fp: Fingerprint) -> list[dict]:
    """The variant_band rows of a fingerprint (catalog.variants keeps them; the quick store writes them too)."""
    return [dict(zip(BAND_COLUMNS, values, strict=True)) for values in band_values(photo_id, fp)]


def band_values(photo_id: int, fp: Fingerprint) -> list[tuple[int, int, int, int]]:
    """`band_rows` as tuples in BAND_COLUMNS' order, as a multi-row INSERT binds them (the quick store's: 44
    rows a fingerprint, each a dict made and taken apart again otherwise)."""
    rows = {}
    for window, value in enumerate(fp.hashes):
        stored = signed(value)
        for key in bands(value):
            rows[(key, window)] = (key, window, photo_id, stored)
    return list(rows.values())


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

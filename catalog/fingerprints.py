"""Perceptual fingerprints: the same picture recognised after resizing, recompression, cropping and recolouring.

A wire photo reaches the desk many times: the agency's original, a resized web copy, a crop, a black-and-white
version, a re-sent correction. Byte hashes (``catalog verify``) only know identical files; a perceptual
fingerprint is computed from the pixels, so copies of one picture land close together while a different frame
of the same scene a second later does not.

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
4. **Signature** (stage two, for the verdict): the trimmed picture's luma at 32×32 and, for a colour
   picture, its Cb and Cr planes at 16×16 (1.6 KB with the hashes).

How two are compared (``compare``; numpy, 12 ms a pair on one core of a busy 2-core VM)
------------------------------------------------------------
- **Alignment.** Lucas-Kanade (Gauss-Newton) on the two normalised 32×32 greys, starting from the crop box
  the matching hash window gives: an affine map (crop, scale, a small rotation) and a gain and offset for
  the tone, coarse (smoothed) first, then fine.
- **Tone.** The grey of the one picture is predicted from the other's luma (with a square term: gamma) and,
  when that one is in colour, from its Cb and Cr too, by least squares. Brightness, contrast, gamma, a
  colour cast and *any* black-and-white conversion (by luma, by averaging the channels, with more contrast)
  are such mixes, so they cost nothing.
- **Local residual.** A copy differs a little everywhere (resampling, JPEG noise); another frame of a burst
  differs a lot in a few places (the moved subject). The verdict takes the *worst* 5×5 patch of the
  residual (``blob``), not its mean, in grey and in colour, and the geometry must be a crop or a slight
  rotation (``MAX_ROTATION``; each picture shows at least ``MIN_OVERLAP`` of the other).
- **Capture evidence** (``Capture``): two frames of one camera with different capture times are different
  frames whatever their pixels; copies of one frame that kept EXIF share camera and time, which relaxes the
  pixel thresholds. Without EXIF (wire copies often strip it) the pixels decide alone.

numpy does the verdict (a pure-Python one cost 10-40 ms a pair and could not align rotations). imagehash was
measured and not taken (``import imagehash`` 1.0 s against 0.33 s for PIL, scipy and PyWavelets besides); it
would replace only the DCT of a window.

>>> from PIL import Image
>>> picture = Image.radial_gradient("L").resize((300, 200)).rotate(30)
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
from functools import cached_property
from typing import Any

#: Side of the stored grey signature, in cells (SIGNATURE² bytes).
SIGNATURE = 32
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

# --- the thresholds (house rules may override the verdict's: see catalog.variants.Thresholds) ----------------
#: Stage one: two hashes at most this many bits apart (of 64) make a candidate pair.
CANDIDATE_BITS = 14
#: Stage one, in the index: a candidate shares at least one 16-bit band within this many bits.
BAND_RADIUS = 1
#: Stage two: the largest mean residual (in standard deviations of the grey) over the whole picture.
VARIANT_DISTANCE = 0.30
#: Stage two: the largest mean residual over a patch of 5×5 of the 32×32 cells (a moved subject shows here).
VARIANT_BLOB = 0.30
#: Stage two: the same over a patch of 3×3 of the 16×16 colour cells (both pictures in colour).
VARIANT_COLOUR_BLOB = 1.0
#: The thresholds above are multiplied by this when both files say they are one camera's one moment.
SAME_CAPTURE_RELAX = 1.5
#: Stage two: a copy is turned by at most this many degrees.
MAX_ROTATION = 3.0
#: Stage two: each of two copies shows at least this share of the other's area (a crop of 10% on every side
#: leaves 0.64; a frame or a credit bar added is the other way round).
MIN_OVERLAP = 0.55
#: Colour planes are compared in units of their spread, but never less than this many levels.
CHROMA_FLOOR = 4.0

#: Where the JPEG is decoded down to (Image.draft picks the smallest DCT scale at least this large).
DRAFT_SIZE = 96
#: Trimming: a border line is this share of pixels near the picture's darkest or lightest level.
BORDER_SHARE = 0.97
BORDER_MOST = 0.25

_VERSION = 3


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

    # the arrays stage two works on, made once per fingerprint (a frozen dataclass keeps a cached_property)
    @cached_property
    def _grey(self):
        import numpy as np

        return np.frombuffer(self.signature, np.uint8).reshape(SIGNATURE, SIGNATURE).astype(np.float64)

    @cached_property
    def _planes(self):
        import numpy as np

        if not self.chroma:
            return None
        return np.frombuffer(self.chroma, np.uint8).reshape(2, CHROMA, CHROMA).astype(np.float64)

    @cached_property
    def _levels(self):
        """The grey at the alignment's two levels: smoothed and halved (16×16), and as stored (32×32)."""
        return (_halve(_smooth(self._grey)), self._grey)

    @cached_property
    def _templates(self):
        """Per level, what the inverse-compositional alignment precomputes when this picture is the inner
        one: cell coordinates in pixel units, the normalised template, the steepest-descent images and the
        inverse of their Hessian."""
        import numpy as np

        out = []
        for small in self._levels:
            n = small.shape[0]
            u, v = _grid(n)
            pu, pv = u * self.aspect, v
            template = _normal(small)
            gy, gx = np.gradient(template)
            gx, gy = (gx * n / self.aspect).ravel(), (gy * n).ravel()
            descent = np.stack([gx * pu + gy * pv, gy * pu - gx * pv, gx, gy])
            inverse = np.linalg.inv(descent @ descent.T + np.eye(4) * 1e-6)
            out.append((n, pu, pv, template.ravel(), inverse @ descent))
        return out

    @cached_property
    def _smoothed(self):
        """The grey and colour planes smoothed once, as the residual compares them (and the luma at 16×16)."""
        planes = [_smooth(plane, _SMOOTH) for plane in self._planes] if self.chroma else None
        return _smooth(self._grey, _SMOOTH), planes, _smooth(_halve(self._grey), _SMOOTH)


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
    try:
        with open(os.fspath(path), "rb") as handle:
            if not _thumbnail_in(handle):
                return None
    except OSError:
        return None
    return perceptual_fingerprint(path, main_image=False)


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


def _letterbox(image) -> tuple[int, int, int, int]:
    """The box inside the black bars a camera pads its 160×120 thumbnail with (the whole image if none)."""
    mask = image.point(lambda v: 255 if v > 24 else 0)
    return mask.getbbox() or (0, 0, image.width, image.height)


def _from_image(image, source: str, orientation: int | None = None) -> Fingerprint | None:
    import numpy as np
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
    box = _trim(np.asarray(grey))
    grey = grey.crop(box)
    if grey.width < 8 or grey.height < 8:
        return None
    chroma = _chroma(colour.crop(box)) if colour.mode == "YCbCr" else b""
    signature = grey.resize((SIGNATURE, SIGNATURE), Image.Resampling.BOX).tobytes()
    equalised = ImageOps.equalize(grey)
    width, height = grey.size
    cells = np.stack([np.asarray(equalised.resize((HASH_GRID, HASH_GRID), Image.Resampling.BOX,
                                                  box=(left * width, t * height, r * width, b * height)))
                      for left, t, r, b in WINDOWS]).astype(np.float64)
    aspect = struct.unpack("<f", struct.pack("<f", width / height))[0]  # as stored
    return Fingerprint(_dct_hashes(cells), aspect, signature, source, chroma)


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
    import numpy as np

    height, width = grey.shape
    low, high = np.percentile(grey, (0.5, 99.5))
    if high - low < 32:
        return (0, 0, width, height)
    dark, light = min(low + 16, 96), max(high - 16, 160)
    border = (grey <= dark) | (grey >= light)
    top, bottom = _edges(border.mean(axis=1))
    left, right = _edges(border[top:bottom].mean(axis=0))
    return (left, top, right, bottom)


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


def _cosines():
    import numpy as np

    x = np.arange(HASH_GRID)
    return np.cos(np.pi * (2 * x[None, :] + 1) * np.arange(8)[:, None] / (2 * HASH_GRID))


def _dct_hashes(cells) -> tuple[int, ...]:
    """64 bits per grid: the lowest 8×8 DCT frequencies of a HASH_GRID² grey grid (DC left out) above their
    median, the last bit always 0."""
    import numpy as np

    cos = _cosines()
    coefficients = (cos @ cells @ cos.T).reshape(len(cells), 64)[:, 1:]
    middle = np.median(coefficients, axis=1, keepdims=True)
    bits = coefficients > middle
    weights = [1 << (63 - n) for n in range(63)]
    return tuple(sum(w for w, bit in zip(weights, row) if bit) for row in bits.tolist())


# --- capture evidence -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Capture:
    """What a file says about the moment it shows: the camera (make, model, serial when known) and the
    capture time (EXIF DateTimeOriginal with SubSecTimeOriginal, ISO 8601 as `taken` holds it)."""

    camera: str | None = None
    taken: str | None = None

    @property
    def moment(self) -> tuple[str, str | None] | None:
        """(local date and time to the second, fraction or None), or None when the time is not to the second."""
        if not self.taken or len(self.taken) < 19 or self.taken[10] != "T":
            return None
        rest = self.taken[19:]
        fraction = rest[1:].split("+")[0].split("-")[0].rstrip("Z") if rest.startswith(".") else None
        return self.taken[:19], (fraction.rstrip("0") or "0") if fraction else None


def same_capture(a: Capture | None, b: Capture | None) -> bool | None:
    """True when both files say one camera at one moment, False when one camera at two moments (two frames,
    whatever the pixels say), None when they do not say enough (a copy whose EXIF was stripped).

    >>> same_capture(Capture("nikon z 9", "2025-01-01T10:00:00.25"), Capture("nikon z 9", "2025-01-01T10:00:00.5"))
    False
    >>> same_capture(Capture("nikon z 9", "2025-01-01T10:00:00.25"), Capture("nikon z 9", "2025-01-01T10:00:00"))
    True
    >>> same_capture(Capture(None, "2025-01-01T10:00:00"), Capture("nikon z 9", "2025-01-01T10:00:00")) is None
    True
    """
    if a is None or b is None or not a.camera or not b.camera or a.camera != b.camera:
        return None
    ma, mb = a.moment, b.moment
    if ma is None or mb is None:
        return None
    # the same second, and the same fraction when both give one
    return ma[0] == mb[0] and (ma[1] is None or mb[1] is None or ma[1] == mb[1])


def capture_of(path) -> Capture | None:
    """The capture evidence of a file, read with Pillow (the benchmark's and the tests' way; the catalogue
    takes it from the stored record: see catalog.variants)."""
    try:
        from PIL import Image

        with Image.open(os.fspath(path)) as image:
            exif = image.getexif()
            sub = exif.get_ifd(0x8769)
    except Exception:  # noqa: BLE001
        return None
    from catalog.metadata.exif import exif_datetime

    camera = " ".join(str(v).strip().lower() for v in (exif.get(0x010F), exif.get(0x0110), sub.get(0xA431)) if v)
    taken = exif_datetime(sub.get(0x9003), sub.get(0x9291), None) if sub.get(0x9003) else None
    return Capture(camera or None, taken) if camera or taken else None


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
class Thresholds:
    """The verdict's limits (house rules may set them: see catalog.variants.thresholds)."""

    distance: float = VARIANT_DISTANCE
    blob: float = VARIANT_BLOB
    colour_blob: float = VARIANT_COLOUR_BLOB

    def relaxed(self, factor: float = SAME_CAPTURE_RELAX) -> Thresholds:
        return Thresholds(self.distance * factor, self.blob * factor, self.colour_blob * factor)


DEFAULT_THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Comparison:
    """Stage two's measures on a pair: residuals after alignment, and the geometry of the alignment."""

    #: The mean residual (standard deviations of the grey) over the picture both show.
    distance: float
    #: The largest mean residual over a patch of 5×5 of the 32×32 cells: a moved subject shows here.
    blob: float
    #: The part of the larger picture (as fractions) that the other one shows (its frame's bounding box).
    box: tuple[float, float, float, float]
    #: The share of each picture the other shows too (the smaller of the two): at least 0.64 for a crop of
    #: 10% on every side.
    overlap: float
    #: The same as `blob` for the colour planes, on a 16×16 grid (0 when either picture is black and white).
    colour_blob: float = 0.0
    #: The turn between the two, in degrees.
    rotation: float = 0.0

    @property
    def fits(self) -> bool:
        """Whether the geometry is that of a copy: a crop or a frame (each shows at least MIN_OVERLAP of the
        other), a slight turn."""
        return self.overlap >= MIN_OVERLAP and abs(self.rotation) <= MAX_ROTATION

    def within(self, limits: Thresholds = DEFAULT_THRESHOLDS) -> bool:
        return (self.fits and self.distance <= limits.distance and self.blob <= limits.blob
                and self.colour_blob <= limits.colour_blob)

    @property
    def variant(self) -> bool:
        return self.within(DEFAULT_THRESHOLDS)


FAR = Comparison(math.inf, math.inf, (0.0, 0.0, 1.0, 1.0), 0.0, math.inf, 180.0)


def compare(a: Fingerprint, b: Fingerprint) -> Comparison:
    """Stage two: align the two signatures and measure how they differ, locally and overall.

    The same measures whichever is given first. Never raises (a degenerate signature is far from everything).
    """
    if (a.aspect, a.hashes) < (b.aspect, b.hashes):
        a, b = b, a
    _, wa, wb = hash_distance(a, b)
    if wa:  # b shows a window of a
        outer, inner, window = a, b, WINDOWS[wa]
    else:  # a shows a window of b (or both the whole picture)
        outer, inner, window = b, a, WINDOWS[wb]
    try:
        return _compare(outer, inner, _start(outer, inner, window))[0]
    except (ValueError, ArithmeticError, FloatingPointError):
        return FAR


def distance(a: Fingerprint, b: Fingerprint) -> float:
    """How far apart two pictures are after alignment (0 for the same pixels; ranks `similar`)."""
    return compare(a, b).distance


def is_variant(a: Fingerprint | None, b: Fingerprint | None, capture_a: Capture | None = None,
               capture_b: Capture | None = None, limits: Thresholds = DEFAULT_THRESHOLDS) -> bool:
    """Whether two fingerprints show the same picture: stage one, the capture evidence, then stage two."""
    if a is None or b is None:
        return False
    return verdict(a, b, capture_a, capture_b, limits)[0]


def verdict(a: Fingerprint, b: Fingerprint, capture_a: Capture | None = None, capture_b: Capture | None = None,
            limits: Thresholds = DEFAULT_THRESHOLDS) -> tuple[bool, Comparison | None]:
    """(whether a and b are one picture, the comparison if one was made)."""
    if hash_distance(a, b)[0] > CANDIDATE_BITS:
        return False, None
    evidence = same_capture(capture_a, capture_b)
    if evidence is False:
        return False, None
    comparison = compare(a, b)
    return comparison.within(limits.relaxed() if evidence else limits), comparison


# --- stage two in numpy -------------------------------------------------------------------------------------------

_GRID = None  # (u, v) of the 32×32 cell centres, flattened; made on first use


def _grid(n: int):
    import numpy as np

    centres = (np.arange(n) + 0.5) / n
    v, u = np.meshgrid(centres, centres, indexing="ij")
    return u.ravel(), v.ravel()


_SMOOTH = 1


def _edge_padded(image):
    """The image with its edge cells repeated one cell outwards: np.pad(image, 1, mode="edge") without its
    overhead (a third of a comparison's time went to np.pad)."""
    import numpy as np

    h, w = image.shape
    padded = np.empty((h + 2, w + 2))
    padded[1:-1, 1:-1] = image
    padded[0, 1:-1] = image[0]
    padded[-1, 1:-1] = image[-1]
    padded[:, 0] = padded[:, 1]
    padded[:, -1] = padded[:, -2]
    return padded


def _smooth(image, times: int = 2):
    """A [1 2 1]² blur, `times` times (twice: the coarse level of the alignment)."""

    for _ in range(times):
        padded = _edge_padded(image)
        image = (padded[:-2] + 2 * padded[1:-1] + padded[2:]) / 4
        image = (image[:, :-2] + 2 * image[:, 1:-1] + image[:, 2:]) / 4
    return image


def _sample(image, x, y):
    """Bilinear samples of a square image (n × n) at unit coordinates x, y (edge clamped)."""
    import numpy as np

    n = image.shape[-1]
    px = x * n - 0.5
    py = y * n - 0.5
    np.maximum(px, 0, out=px)
    np.minimum(px, n - 1.000001, out=px)
    np.maximum(py, 0, out=py)
    np.minimum(py, n - 1.000001, out=py)
    x0 = px.astype(np.intp)
    y0 = py.astype(np.intp)
    px -= x0
    py -= y0
    at = y0 * n
    at += x0
    flat = image.ravel()
    a, b = flat.take(at), flat.take(at + 1)
    at += n
    c, d = flat.take(at), flat.take(at + 1)
    b -= a
    b *= px
    a += b
    d -= c
    d *= px
    c += d
    c -= a
    c *= py
    a += c
    return a


def _normal(values):
    spread = values.std()
    return (values - values.mean()) / (spread if spread > 1e-6 else 1.0)


def _halve(image):
    return (image[0::2, 0::2] + image[1::2, 0::2] + image[0::2, 1::2] + image[1::2, 1::2]) / 4


def _align(outer: Fingerprint, inner: Fingerprint, m):
    """Inverse-compositional Lucas-Kanade on a similarity (scale, turn, shift) from the inner picture to the
    outer, in pixel units (height 1, width the aspect): a crop, a resize and a slight rotation are all
    similarities. First on a smoothed 16×16 level, then on the full 32×32; each picture normalised to zero
    mean and unit spread over the overlap, which takes care of brightness and contrast.

    `m` is the 3×3 matrix of the start; returns the refined one, or None when the overlap vanished.
    """
    import numpy as np

    wo = outer.aspect
    for big, (n, pu, pv, template, solve), steps in zip(outer._levels, inner._templates, (10, 6)):
        for _ in range(steps):
            x = (m[0, 0] * pu + m[0, 1] * pv + m[0, 2]) / wo
            y = m[1, 0] * pu + m[1, 1] * pv + m[1, 2]
            inside = (x > 0) & (x < 1) & (y > 0) & (y < 1)
            count = int(inside.sum())
            if count < n * n / 4:
                return None
            warped = _sample(big, x, y)
            values = warped[inside]
            mean = values.sum() / count
            spread = math.sqrt(max(float(values @ values) / count - mean * mean, 1e-12))
            error = (warped - mean) / spread - template
            error[~inside] = 0.0
            step = solve @ error
            a, b = min(max(step[0], -0.05), 0.05), min(max(step[1], -0.05), 0.05)
            tx, ty = min(max(step[2], -0.1), 0.1), min(max(step[3], -0.1), 0.1)
            # m ← m · Δ⁻¹, with Δ the similarity [[1+a, -b, tx], [b, 1+a, ty]]
            scale = (1 + a) ** 2 + b * b
            inverse = np.array([[(1 + a) / scale, b / scale, 0.0], [-b / scale, (1 + a) / scale, 0.0],
                                [0.0, 0.0, 1.0]])
            inverse[0, 2] = -(inverse[0, 0] * tx + inverse[0, 1] * ty)
            inverse[1, 2] = -(inverse[1, 0] * tx + inverse[1, 1] * ty)
            m = m @ inverse
            if max(abs(a), abs(b), abs(tx), abs(ty)) < 2e-4:
                break
    return m


def _start(outer: Fingerprint, inner: Fingerprint, window):
    """The similarity (3×3, pixel units) that puts the inner picture on `window` of the outer, keeping its
    shape (the window's may differ): centred on the window, as high or as wide as it allows."""
    import numpy as np

    left, t, r, b = window
    wo, wi = outer.aspect, inner.aspect
    scale = min((r - left) * wo / wi, b - t)  # inner height 1 -> this much of the outer's height
    cx, cy = (left + r) / 2 * wo, (t + b) / 2
    return np.array([[scale, 0.0, cx - scale * wi / 2], [0.0, scale, cy - scale / 2], [0.0, 0.0, 1.0]])


def _compare(outer: Fingerprint, inner: Fingerprint, start):
    """(the comparison, the map found) of `inner` aligned on `outer` from the map `start`."""
    import numpy as np

    wo, wi = outer.aspect, inner.aspect
    m = _align(outer, inner, start)
    if m is None or not np.isfinite(m).all():
        return FAR, None
    rotation = math.degrees(math.atan2(m[1, 0], m[0, 0]))
    # the map in unit coordinates: x = a·u + b·v + tx, y = c·u + d·v + ty
    p = np.array([m[0, 0] * wi / wo, m[0, 1] / wo, m[0, 2] / wo, m[1, 0] * wi, m[1, 1], m[1, 2]])
    a, bb, tx, c, d, ty = p
    xs = np.array([tx, a + tx, bb + tx, a + bb + tx])
    ys = np.array([ty, c + ty, d + ty, c + d + ty])
    box = (float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()))
    u, v = _grid(SIGNATURE)
    x, y = a * u + bb * v + tx, c * u + d * v + ty
    shown = float(((x > 0) & (x < 1) & (y > 0) & (y < 1)).mean())  # of the inner, what the outer shows too
    overlap = min(shown, shown * abs(a * d - bb * c))  # and of the outer, what the inner shows
    distance_, blob, colour_blob = _residuals(outer, inner, p)
    clipped = (max(box[0], 0.0), max(box[1], 0.0), min(box[2], 1.0), min(box[3], 1.0))
    return Comparison(distance_, blob, clipped, overlap, colour_blob, rotation), m


#: The residual is judged over patches of PATCH×PATCH cells of the 32×32 grid (3×3 of the 16×16 colour).
PATCH = 5
COLOUR_PATCH = 3


def _residuals(outer: Fingerprint, inner: Fingerprint, p) -> tuple[float, float, float]:
    """(mean residual, worst patch, worst colour patch) of `inner` against `outer` warped by `p`.

    The grey of the one picture is fitted from the other's planes by least squares (its luma, luma², and
    when it is in colour its Cb and Cr), once, then again without the worst 15% of cells (a moved subject
    must not bend the fit). Cells outside the other picture and the outermost ring are left out.
    """
    import numpy as np

    n = SIGNATURE
    u, v = _grid(n)
    x = p[0] * u + p[1] * v + p[2]
    y = p[3] * u + p[4] * v + p[5]
    margin = 1.0 / n
    keep = (x > margin) & (x < 1 - margin) & (y > margin) & (y < 1 - margin)
    ring = np.zeros((n, n), bool)
    ring[1:-1, 1:-1] = True
    keep &= ring.ravel()
    if keep.sum() < n * n / 3:
        raise ValueError("too little overlap")
    outer_smooth, outer_planes, outer_luma = outer._smoothed
    inner_smooth, inner_planes, _ = inner._smoothed
    outer_y = _sample(outer_smooth, x, y)
    inner_y = inner_smooth.ravel()
    outer_c = [_sample(plane, x, y) for plane in outer_planes] if outer.colour else None
    inner_c = [_sample(plane, u, v) for plane in inner_planes] if inner.colour else None
    if inner_c is not None and outer_c is None:  # fit the grey one (the outer) from the colour one
        target, planes = outer_y, [inner_y, inner_c[0], inner_c[1]]
    else:
        target, planes = inner_y, [outer_y] + ([outer_c[0], outer_c[1]] if outer_c is not None else [])
    spread = target[keep].std()
    if spread < 2.0:
        raise ValueError("a flat picture")
    scale = [np.maximum(q[keep].std(), 1.0) for q in planes]
    planes = [(q - q[keep].mean()) / s for q, s in zip(planes, scale)]
    features = np.stack([*planes, planes[0] ** 2, np.ones_like(target)], axis=1)
    residual = _robust_fit(features, target, keep) / spread
    mean = float(np.abs(residual[keep]).mean())
    if _EDGE:
        # resampling and a slightly wrong turn err along edges; a moved subject errs across its whole area
        edges = np.maximum(_gradient(target, n), _gradient(outer_y if target is not outer_y else inner_y, n))
        residual = residual / (1 + _EDGE * edges / spread)
    blob = _worst_patch(np.abs(residual), keep, n, PATCH)
    colour_blob = 0.0
    if outer.colour and inner.colour:
        m = CHROMA
        cu, cv = _grid(m)
        cx = p[0] * cu + p[1] * cv + p[2]
        cy = p[3] * cu + p[4] * cv + p[5]
        ckeep = (cx > 0.5 / m) & (cx < 1 - 0.5 / m) & (cy > 0.5 / m) & (cy < 1 - 0.5 / m)
        theirs = [_sample(plane, cx, cy) for plane in outer_planes]
        luma = _sample(outer_luma, cx, cy)
        mine = [plane.ravel() for plane in inner_planes]
        features = np.stack([theirs[0], theirs[1], luma, np.ones_like(cu)], axis=1)
        for k in range(2):
            spread_c = max(mine[k][ckeep].std(), CHROMA_FLOOR)
            residual_c = _robust_fit(features, mine[k], ckeep) / spread_c
            if _EDGE:
                edges = np.maximum(_gradient(mine[k], m), _gradient(theirs[k], m))
                residual_c = residual_c / (1 + _EDGE * edges / spread_c)
            colour_blob = max(colour_blob, _worst_patch(np.abs(residual_c), ckeep, m, COLOUR_PATCH))
    return mean, blob, colour_blob


_EDGE = 1.0
_RATIO = 0


def _gradient(values, n: int):
    """The gradient's size at each cell of an n×n grid given flat, in the values' units per cell."""
    import numpy as np

    gy, gx = np.gradient(values.reshape(n, n))
    return np.hypot(gx, gy).ravel()


def _robust_fit(features, target, keep):
    """The residual of `target` fitted from `features` (cells × k) by least squares over the kept cells, then
    again over the kept cells whose residual is not among the worst 15%."""
    import numpy as np

    used = keep
    k = features.shape[1]
    for _ in range(2):
        chosen = features[used]
        coefficients = np.linalg.solve(chosen.T @ chosen + np.eye(k) * 1e-6, chosen.T @ target[used])
        residual = target - features @ coefficients
        size = np.abs(residual[keep])
        cut = np.partition(size, int(0.85 * (len(size) - 1)))[int(0.85 * (len(size) - 1))]
        used = keep & (np.abs(residual) <= cut)
    return residual


def _worst_patch(values, keep, n: int, size: int) -> float:
    """The largest mean of `values` over size×size patches, counting only kept cells (patches at least
    half kept)."""
    import numpy as np

    grid = (values * keep).reshape(n, n)
    count = keep.reshape(n, n).astype(np.float64)

    def box_sums(a):
        c = np.zeros((n + 1, n + 1))
        c[1:, 1:] = a.cumsum(0).cumsum(1)
        return c[size:, size:] - c[:-size, size:] - c[size:, :-size] + c[:-size, :-size]

    sums, counts = box_sums(grid), box_sums(count)
    full = counts >= size * size / 2
    if not full.any():
        return 0.0
    means = sums[full] / counts[full]
    if _RATIO:
        return float(means.max() / (np.median(means) + _RATIO))
    return float(means.max())


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

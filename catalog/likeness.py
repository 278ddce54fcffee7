"""Likeness: whether two perceptual fingerprints show the same picture (the verdict), and how far apart they are.

catalog.fingerprints makes a fingerprint from a picture's pixels; this module compares two, in two stages. Stage
one (``hash_distance``) counts the differing bits between a whole-picture hash and the other's window hashes: a
cheap filter, which the database index applies too (catalog.variants). Stage two (``compare``) aligns the two
signatures and measures what is left; ``verdict`` and ``is_variant`` weigh that against the thresholds
(``Thresholds``, which the house rules may set) and the capture evidence (``Capture``, ``same_capture``).

How two are compared (``compare``; numpy, 12 ms a pair on one core of a busy 2-core VM)
----------------------------------------------------------------------------------------
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
- **The borderline** (``Comparison.within``): a worst patch up to ``PLAIN_BLOB`` passes on its own; between it
  and ``VARIANT_BLOB`` the pair is a copy only when the residual is spread like a copy's (the worst patch at
  most ``CONCENTRATION`` times the mean), the worst colour patch is small (``BORDERLINE_COLOUR_BLOB``) and so is
  the worst 8×8 block of the residual before the edge allowance (``BORDERLINE_BLOCK``). On the benchmark's
  tuning set, false pairs (burst frames) have a worst patch 3-5 times their mean residual and a colour patch
  above 0.3 in three cases of four; copies with the same worst patch 1.5-2 times, and one in three or fewer.
  Of the borderline pairs that pass those, the false ones have a worst block of 0.41 (median) and the copies
  0.28 (95% of them at most 0.45).
- **Capture evidence** (``Capture``): two frames of one camera with different capture times are different
  frames whatever their pixels; copies of one frame that kept EXIF share camera and time, which relaxes the
  pixel thresholds. Without EXIF (wire copies often strip it) the pixels decide alone.

catalog.likeness_many compares one fingerprint with many candidates at once, with the same measures. numpy does
the verdict (a pure-Python one cost 10-40 ms a pair and could not align rotations). imagehash was
measured and not taken (``import imagehash`` 1.0 s against 0.33 s for PIL, scipy and PyWavelets besides); it
would replace only the DCT of a window.

>>> from PIL import Image
>>> from catalog.fingerprints import perceptual_fingerprint
>>> picture = Image.radial_gradient("L").resize((300, 200)).rotate(30)
>>> a = perceptual_fingerprint(picture)
>>> b = perceptual_fingerprint(picture.resize((150, 100)))
>>> is_variant(a, b)
True
>>> is_variant(a, perceptual_fingerprint(picture.rotate(90)))
False
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from catalog.captures import Capture, same_capture
from catalog.fingerprints import CHROMA, SIGNATURE, WINDOWS, Fingerprint

# --- the thresholds (house rules may override the verdict's: see catalog.variants.variant_rules) -------------
#: Stage one: two hashes at most this many bits apart (of 64) make a candidate pair.
CANDIDATE_BITS = 14
#: Stage two: the largest mean residual (in standard deviations of the grey) over the whole picture.
VARIANT_DISTANCE = 0.30
#: Stage two: the largest mean residual over a patch of 5×5 of the 32×32 cells (a moved subject shows here).
VARIANT_BLOB = 0.35
#: Stage two: the same over a patch of 3×3 of the 16×16 colour cells (both pictures in colour).
VARIANT_COLOUR_BLOB = 1.0
#: Stage two, the borderline: a worst patch up to this passes on its own; above it (up to VARIANT_BLOB) the
#: pair is a copy only when its residual is spread like a copy's, not gathered in one place like a moved
#: subject's: the worst patch at most CONCENTRATION times the mean residual, and the worst colour patch at most
#: BORDERLINE_COLOUR_BLOB.
PLAIN_BLOB = 0.18
CONCENTRATION = 3.0
BORDERLINE_COLOUR_BLOB = 0.4
#: Stage two, the borderline's second measure: a borderline pair is a copy only when the worst 8×8 block of its
#: residual before the edge allowance (Comparison.block) is at most BORDERLINE_BLOCK too.
BORDERLINE_BLOCK = 0.42
#: The thresholds above are multiplied by this when both files say they are one camera's one moment.
SAME_CAPTURE_RELAX = 1.5
#: Stage two: a copy is turned by at most this many degrees.
MAX_ROTATION = 3.0
#: Stage two: each of two copies shows at least this share of the other's area (a crop of 10% on every side
#: leaves 0.64; a frame or a credit bar added is the other way round).
MIN_OVERLAP = 0.55
#: Colour planes are compared in units of their spread, but never less than this many levels.
CHROMA_FLOOR = 4.0


#: The version of stage two's measures (`compare`). catalog.variants keeps comparisons in the catalogue
#: stamped with it and measures a pair again when its stamp differs: raise it whenever a change to the
#: comparison changes what it measures (tests/test_variant_pairs.py pins the measures of a made pair).
MEASURES = 2


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


def close_pairs(prints: Sequence[Fingerprint], bits: int = CANDIDATE_BITS) -> list[tuple[int, int]]:
    """Stage one for many fingerprints at once: the pairs (i, j), i < j, whose `hash_distance` is at most
    `bits`, found in numpy blocks (a story's photos compared with each other without a Python loop over every
    pair: 6,884 photos make 23.7 million pairs).

    >>> from catalog.fingerprints import Fingerprint
    >>> a, b, c = (Fingerprint((h,) * len(WINDOWS), 1.5, b"") for h in (0, 0b111, 2**64 - 1))
    >>> close_pairs([a, b, c]), close_pairs([a, b, c], bits=2)
    ([(0, 1)], [])
    """
    count = len(prints)
    widths = {len(fp.hashes) for fp in prints}
    if count < 2 or len(widths) != 1:
        return [(i, j) for i in range(count) for j in range(i + 1, count)
                if hash_distance(prints[i], prints[j])[0] <= bits]
    import numpy as np

    hashes = np.array([fp.hashes for fp in prints], dtype=np.uint64)  # (photos, windows)
    block = max(1, 2_000_000 // (count * hashes.shape[1]))
    pairs: list[tuple[int, int]] = []
    for start in range(0, count, block):
        rows = hashes[start:start + block]
        # a's whole-picture hash against every window of b, and every window of a against b's whole hash
        whole_a = _popcount(rows[:, None, :1] ^ hashes[None, :, :]).min(axis=2)
        whole_b = _popcount(rows[:, None, :] ^ hashes[None, :, :1]).min(axis=2)
        for i, j in zip(*np.nonzero(np.minimum(whole_a, whole_b) <= bits)):
            if start + i < j:
                pairs.append((int(start + i), int(j)))
    return pairs


def _popcount(values):
    """The set bits of each uint64 (numpy 2's bitwise_count, else a byte table)."""
    import numpy as np

    if hasattr(np, "bitwise_count"):
        return np.bitwise_count(values)
    table = np.array([bin(byte).count("1") for byte in range(256)], dtype=np.uint8)
    return table[values.view(np.uint8)].reshape(*values.shape, 8).sum(axis=-1)


@dataclass(frozen=True)
class Thresholds:
    """The verdict's limits (house rules may set them: see catalog.variants.variant_rules)."""

    distance: float = VARIANT_DISTANCE
    blob: float = VARIANT_BLOB
    colour_blob: float = VARIANT_COLOUR_BLOB
    #: The borderline check (see PLAIN_BLOB): the worst patch that passes on its own, the largest worst patch
    #: over mean residual above it, and the largest worst colour patch above it.
    plain_blob: float = PLAIN_BLOB
    concentration: float = CONCENTRATION
    borderline_colour: float = BORDERLINE_COLOUR_BLOB
    #: The borderline's largest worst 8×8 block before the edge allowance (see BORDERLINE_BLOCK).
    borderline_block: float = BORDERLINE_BLOCK

    def relaxed(self, factor: float = SAME_CAPTURE_RELAX) -> Thresholds:
        """The limits for two files that say they are one camera's one moment (the concentration, a ratio,
        stays)."""
        return Thresholds(self.distance * factor, self.blob * factor, self.colour_blob * factor,
                          self.plain_blob * factor, self.concentration, self.borderline_colour * factor,
                          self.borderline_block * factor)


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
    #: The largest mean residual over a block of BLOCK×BLOCK (8×8) of the 32×32 cells, taken before the edge
    #: allowance that `blob` makes: a subject that steps into the frame errs across an area larger than a
    #: patch, edges and all, which the allowance (meant for resampling's errors along edges) partly forgives.
    #: Consulted only for borderline pairs (`Thresholds.borderline_block`).
    block: float = 0.0

    @property
    def fits(self) -> bool:
        """Whether the geometry is that of a copy: a crop or a frame (each shows at least MIN_OVERLAP of the
        other), a slight turn."""
        return self.overlap >= MIN_OVERLAP and abs(self.rotation) <= MAX_ROTATION

    def within(self, limits: Thresholds = DEFAULT_THRESHOLDS) -> bool:
        """Whether the measures are a copy's: the geometry fits, every residual is within its limit, and a
        borderline worst patch (above `plain_blob`) comes with a residual spread over the whole picture, little
        colour difference and no large block of difference (a burst frame's moved subject gathers its
        difference in one place)."""
        if not (self.fits and self.distance <= limits.distance and self.blob <= limits.blob
                and self.colour_blob <= limits.colour_blob):
            return False
        if self.blob <= limits.plain_blob:
            return True
        return (self.blob <= limits.concentration * self.distance and self.colour_blob <= limits.borderline_colour
                and self.block <= limits.borderline_block)

    @property
    def variant(self) -> bool:
        return self.within(DEFAULT_THRESHOLDS)


FAR = Comparison(math.inf, math.inf, (0.0, 0.0, 1.0, 1.0), 0.0, math.inf, 180.0, math.inf)


def compare(a: Fingerprint, b: Fingerprint) -> Comparison:
    """Stage two: align the two signatures and measure how they differ, locally and overall.

    The same measures whichever is given first (see `ordered`). Never raises (a degenerate signature is far
    from everything).
    """
    a, b = ordered(a, b)
    _, wa, wb = hash_distance(a, b)
    if wa:  # b shows a window of a
        outer, inner, window = a, b, WINDOWS[wa]
    else:  # a shows a window of b (or both the whole picture)
        outer, inner, window = b, a, WINDOWS[wb]
    try:
        return _compare(outer, inner, _start(outer, inner, window))[0]
    except (ValueError, ArithmeticError, FloatingPointError):
        return FAR


def ordered(a: Fingerprint, b: Fingerprint) -> tuple[Fingerprint, Fingerprint]:
    """The two in the order `compare` measures them, whichever is given first: by shape, then hashes, then
    pixels. The pixels matter: two copies often share shape and hashes (a recompressed one), and aligning the
    one on the other or the other way round differs in the last digits; catalog.variants keeps one
    comparison a pair, read from either side."""
    if (a.aspect, a.hashes, a.signature, a.chroma) < (b.aspect, b.hashes, b.signature, b.chroma):
        return b, a
    return a, b


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

_GRIDS: dict = {}  # n -> (u, v) of the n×n cell centres, flattened, read-only; made on first use


def _grid(n: int):
    if n not in _GRIDS:
        import numpy as np

        v, u = np.meshgrid((np.arange(n) + 0.5) / n, (np.arange(n) + 0.5) / n, indexing="ij")
        _GRIDS[n] = u.ravel(), v.ravel()
        _GRIDS[n][0].setflags(write=False), _GRIDS[n][1].setflags(write=False)
    return _GRIDS[n]


def _gradient2(image):
    """(d/dy, d/dx) as np.gradient gives them (central inside, one-sided at the edges), without its overhead."""
    import numpy as np

    out = []
    for f in (image, image.T):
        d = np.empty_like(f)
        d[1:-1], d[0], d[-1] = (f[2:] - f[:-2]) / 2.0, f[1] - f[0], f[-1] - f[-2]
        out.append(d)
    return out[0], out[1].T


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
    """Bilinear samples of a square image (n × n) at unit coordinates x, y (edge clamped); or of a stack of
    square images (k × n × n), each sampled at its own row of x, y (likeness_many's batched alignment)."""
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
    if image.ndim == 3:  # a stack: row k of the coordinates reads image k
        at += (np.arange(image.shape[0]) * (n * n))[:, None]
    flat = image.reshape(-1)
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


class _Arrays:
    """The arrays stage two works on for one fingerprint, made once: a photo compared with forty candidates
    aligns on them forty times. Kept in `_ARRAYS` for as long as the fingerprint lives."""

    def __init__(self, fp: Fingerprint):
        # the fingerprint's values, not the fingerprint: a value holding its key would keep it alive for ever
        self.aspect = fp.aspect
        self.colour = fp.colour
        self.signature = fp.signature
        self.chroma = fp.chroma

    @cached_property
    def grey(self):
        import numpy as np

        return np.frombuffer(self.signature, np.uint8).reshape(SIGNATURE, SIGNATURE).astype(np.float64)

    @cached_property
    def planes(self):
        import numpy as np

        if not self.chroma:
            return None
        return np.frombuffer(self.chroma, np.uint8).reshape(2, CHROMA, CHROMA).astype(np.float64)

    @cached_property
    def levels(self):
        """The grey at the alignment's two levels: smoothed and halved (16×16), and as stored (32×32)."""
        return (_halve(_smooth(self.grey)), self.grey)

    @cached_property
    def templates(self):
        """Per level, what the inverse-compositional alignment precomputes when this picture is the inner
        one: cell coordinates in pixel units, the normalised template, the steepest-descent images and the
        inverse of their Hessian."""
        import numpy as np

        out = []
        for small in self.levels:
            n = small.shape[0]
            u, v = _grid(n)
            pu, pv = u * self.aspect, v
            template = _normal(small)
            gy, gx = _gradient2(template)
            gx, gy = (gx * n / self.aspect).ravel(), (gy * n).ravel()
            descent = np.stack([gx * pu + gy * pv, gy * pu - gx * pv, gx, gy])
            inverse = np.linalg.inv(descent @ descent.T + np.eye(4) * 1e-6)
            out.append((n, pu, pv, template.ravel(), inverse @ descent))
        return out

    @cached_property
    def smoothed(self):
        """The grey and colour planes smoothed once, as the residual compares them (and the luma at 16×16)."""
        planes = [_smooth(plane, _SMOOTH) for plane in self.planes] if self.chroma else None
        return _smooth(self.grey, _SMOOTH), planes, _smooth(_halve(self.grey), _SMOOTH)


#: Each fingerprint's arrays, dropped with the fingerprint.
_ARRAYS: weakref.WeakKeyDictionary[Fingerprint, _Arrays] = weakref.WeakKeyDictionary()


def _arrays(fp: Fingerprint) -> _Arrays:
    found = _ARRAYS.get(fp)
    if found is None:
        found = _ARRAYS[fp] = _Arrays(fp)
    return found


def _align(outer: Fingerprint, inner: Fingerprint, m):
    """Inverse-compositional Lucas-Kanade on a similarity (scale, turn, shift) from the inner picture to the
    outer, in pixel units (height 1, width the aspect): a crop, a resize and a slight rotation are all
    similarities. First on a smoothed 16×16 level, then on the full 32×32; each picture normalised to zero
    mean and unit spread over the overlap, which takes care of brightness and contrast.

    `m` is the 3×3 matrix of the start; returns the refined one, or None when the overlap vanished.
    """
    import numpy as np

    wo = outer.aspect
    for big, (n, pu, pv, template, solve), steps in zip(_arrays(outer).levels, _arrays(inner).templates, (10, 6)):
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
    return _measure(outer, inner, _align(outer, inner, start))


def _measure(outer: Fingerprint, inner: Fingerprint, m):
    """(the comparison, the map) of `inner` on `outer` once aligned by `m` (None: the overlap vanished)."""
    import numpy as np

    wo, wi = outer.aspect, inner.aspect
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
    distance_, blob, colour_blob, block = _residuals(outer, inner, p)
    clipped = (max(box[0], 0.0), max(box[1], 0.0), min(box[2], 1.0), min(box[3], 1.0))
    return Comparison(distance_, blob, clipped, overlap, colour_blob, rotation, block), m


#: The residual is judged over patches of PATCH×PATCH cells of the 32×32 grid (3×3 of the 16×16 colour), and
#: for borderline pairs over blocks of BLOCK×BLOCK cells before the edge allowance (Comparison.block).
PATCH = 5
COLOUR_PATCH = 3
BLOCK = 8


def _residuals(outer: Fingerprint, inner: Fingerprint, p) -> tuple[float, float, float, float]:
    """(mean residual, worst patch, worst colour patch, worst block) of `inner` against `outer` warped by `p`.

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
    outer_smooth, outer_planes, outer_luma = _arrays(outer).smoothed
    inner_smooth, inner_planes, _ = _arrays(inner).smoothed
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
    block = _worst_patch(np.abs(residual), keep, n, BLOCK)  # before the edge allowance: see Comparison.block
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
    return mean, blob, colour_blob, block


_EDGE = 1.0
_RATIO = 0


def _gradient(values, n: int):
    """The gradient's size at each cell of an n×n grid given flat, in the values' units per cell."""
    import numpy as np

    gy, gx = _gradient2(values.reshape(n, n))
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

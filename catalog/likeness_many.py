"""Stage two for one photo against many candidates at once: `similar:` and placement compare a photo with up to
forty candidates, and comparing them one by one spent most of its time in numpy's per-call overhead on small
arrays (a 32×32 alignment step is a few microseconds of arithmetic and forty calls).

``compare_many(fp, others)`` gives what ``[likeness.compare(fp, other) for other in others]`` gives, with the
Lucas-Kanade alignment (about half a comparison) run for every pair in one set of arrays, each pair stopping
when it converges as it would alone; the residuals after it are measured pair by pair (likeness._measure).
The verdicts are the same: the arithmetic per element is the same, only sums over cells may round in another
order (measures agree to about 1e-12; tests/test_variants_lookup.py checks them against `compare` on copies and
other frames made with Pillow). ``verdicts`` is ``likeness.verdict`` for many candidates.

>>> from PIL import Image
>>> from catalog.fingerprints import perceptual_fingerprint
>>> picture = Image.radial_gradient("L").resize((300, 200)).rotate(30)
>>> a = perceptual_fingerprint(picture)
>>> others = [perceptual_fingerprint(picture.resize((150, 100))), perceptual_fingerprint(picture.rotate(90))]
>>> [comparison.variant for comparison in compare_many(a, others)] == [compare(a, b).variant for b in others]
True
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from catalog.captures import Capture, same_capture
from catalog.fingerprints import WINDOWS, Fingerprint
from catalog.likeness import (
    CANDIDATE_BITS,
    DEFAULT_THRESHOLDS,
    FAR,
    Comparison,
    Thresholds,
    _arrays,
    _measure,
    _sample,
    _start,
    compare,
    hash_distance,
    ordered,
)

#: The alignment's levels, as likeness._align runs them: (level, at most this many steps).
_LEVELS = ((0, 10), (1, 6))


def compare_many(fp: Fingerprint, others: Sequence[Fingerprint]) -> list[Comparison]:
    """``likeness.compare(fp, other)`` for each of `others`, in order, aligned all at once."""
    out = [FAR] * len(others)
    pairs = []
    for k, other in enumerate(others):
        a, b = ordered(fp, other)
        _, wa, wb = hash_distance(a, b)
        outer, inner, window = (a, b, WINDOWS[wa]) if wa else (b, a, WINDOWS[wb])
        try:
            pairs.append((k, outer, inner, _start(outer, inner, window)))
        except (ValueError, ArithmeticError, FloatingPointError):
            continue
    if not pairs:
        return out
    try:
        maps = _align_many([outer for _, outer, _, _ in pairs], [inner for _, _, inner, _ in pairs],
                           [start for _, _, _, start in pairs])
    except (ValueError, ArithmeticError, FloatingPointError):  # never expected: then one by one
        return [compare(fp, other) for other in others]
    for (k, outer, inner, _), m in zip(pairs, maps):
        try:
            out[k] = _measure(outer, inner, m)[0]
        except (ValueError, ArithmeticError, FloatingPointError):
            out[k] = FAR
    return out


def verdicts(fp: Fingerprint, others: Sequence[Fingerprint], capture: Capture | None = None,
             captures: Sequence[Capture | None] | None = None, limits: Thresholds = DEFAULT_THRESHOLDS,
             known: Sequence[Comparison | None] | None = None) -> list[tuple[bool, Comparison | None]]:
    """``likeness.verdict(fp, other, capture, other's capture, limits)`` for each of `others`, in order.

    `known` holds, in the same order, what ``compare(fp, other)`` gave earlier (catalog.variants keeps it in
    variant_pair) or None: only the pairs without one are compared now; the verdict is made again from the
    measures (the limits and the capture evidence may have changed since)."""
    theirs = list(captures) if captures is not None else [None] * len(others)
    earlier = list(known) if known is not None else [None] * len(others)
    out: list[tuple[bool, Comparison | None]] = [(False, None)] * len(others)
    chosen, evidence = [], {}
    for k, (other, their) in enumerate(zip(others, theirs)):
        if hash_distance(fp, other)[0] > CANDIDATE_BITS:
            continue
        evidence[k] = same_capture(capture, their)
        if evidence[k] is not False:
            chosen.append(k)
    todo = [k for k in chosen if earlier[k] is None]
    made = dict(zip(todo, compare_many(fp, [others[k] for k in todo])))
    relaxed = limits.relaxed()
    for k in chosen:
        comparison = earlier[k] or made[k]
        out[k] = (comparison.within(relaxed if evidence[k] else limits), comparison)
    return out


def _align_many(outers: list[Fingerprint], inners: list[Fingerprint], starts: list):
    """likeness._align for many pairs at once: the maps found (3×3), None where the overlap vanished."""
    import numpy as np

    count = len(starts)
    m = np.array(starts, dtype=np.float64)
    wo = np.array([outer.aspect for outer in outers])
    alive = np.ones(count, bool)
    for level, steps in _LEVELS:
        big = np.stack([_arrays(outer).levels[level] for outer in outers])
        made = [_arrays(inner).templates[level] for inner in inners]
        n = made[0][0]
        pu, pv = np.stack([t[1] for t in made]), np.stack([t[2] for t in made])
        template, solve = np.stack([t[3] for t in made]), np.stack([t[4] for t in made])
        active = alive.copy()
        for _ in range(steps):
            idx = np.flatnonzero(active)
            if not len(idx):
                break
            mm = m[idx]
            x = (mm[:, 0, 0, None] * pu[idx] + mm[:, 0, 1, None] * pv[idx] + mm[:, 0, 2, None]) / wo[idx, None]
            y = mm[:, 1, 0, None] * pu[idx] + mm[:, 1, 1, None] * pv[idx] + mm[:, 1, 2, None]
            inside = (x > 0) & (x < 1) & (y > 0) & (y < 1)
            counts = inside.sum(axis=1)
            lost = counts < n * n / 4
            if lost.any():
                alive[idx[lost]] = active[idx[lost]] = False
                kept = ~lost
                idx, mm, x, y, inside, counts = idx[kept], mm[kept], x[kept], y[kept], inside[kept], counts[kept]
                if not len(idx):
                    break
            warped = _sample(big[idx], x, y)
            # the sums pair by pair, as likeness._align makes them (a sum's rounding depends on its order)
            mean, spread = np.empty(len(idx)), np.empty(len(idx))
            for row, (values, number) in enumerate(zip(map(np.ndarray.__getitem__, warped, inside), counts.tolist())):
                mean[row] = centre = values.sum() / number
                spread[row] = math.sqrt(max(float(values @ values) / number - centre * centre, 1e-12))
            error = (warped - mean[:, None]) / spread[:, None] - template[idx]
            error[~inside] = 0.0
            step = np.array([solve[k] @ row for k, row in zip(idx.tolist(), error)])
            a, b = np.clip(step[:, 0], -0.05, 0.05), np.clip(step[:, 1], -0.05, 0.05)
            tx, ty = np.clip(step[:, 2], -0.1, 0.1), np.clip(step[:, 3], -0.1, 0.1)
            # m ← m · Δ⁻¹, with Δ the similarity [[1+a, -b, tx], [b, 1+a, ty]] (as likeness._align)
            # a scalar's ** 2 is C's pow, an array's a product: they differ in the last bit now and then
            scale = np.array([value ** 2 for value in (1 + a).tolist()]) + b * b
            inverse = np.zeros((len(idx), 3, 3))
            inverse[:, 0, 0] = inverse[:, 1, 1] = (1 + a) / scale
            inverse[:, 0, 1] = b / scale
            inverse[:, 1, 0] = -b / scale
            inverse[:, 2, 2] = 1.0
            inverse[:, 0, 2] = -(inverse[:, 0, 0] * tx + inverse[:, 0, 1] * ty)
            inverse[:, 1, 2] = -(inverse[:, 1, 0] * tx + inverse[:, 1, 1] * ty)
            for row, k in enumerate(idx.tolist()):
                m[k] = mm[row] @ inverse[row]
            settled = np.maximum(np.maximum(np.abs(a), np.abs(b)), np.maximum(np.abs(tx), np.abs(ty))) < 2e-4
            active[idx[settled]] = False
    return [m[k] if alive[k] else None for k in range(count)]

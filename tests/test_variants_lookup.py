"""The look-up's faster paths give what the plain ones give: stage two for many candidates at once
(catalog.likeness_many) measures exactly what likeness.compare measures, pair by pair, on copies and other frames
made with Pillow; the band look-up in numpy finds the candidates the row-by-row loop found; `similar` on SQLite
and PostgreSQL returns the verdicts of comparing each candidate alone.
"""

from __future__ import annotations

import random
from datetime import datetime

import pytest
from PIL import Image, ImageEnhance, ImageOps

from catalog import likeness, likeness_many, variants
from catalog.captures import Capture
from catalog.fingerprints import Fingerprint, perceptual_fingerprint
from catalog.models import Photo
from tests.test_fingerprints import crop, scene, with_disc

WHEN = datetime(2026, 1, 1)


@pytest.fixture(scope="module")
def prints() -> list[Fingerprint]:
    """Copies of two pictures (resized, cropped, grey, framed, brighter, turned), their next frames, a frame whose
    subject gained a disc, and unrelated pictures."""
    made = []
    for seed in (1, 4):
        picture, later = scene(seed=seed), scene(seed=seed, subject_x=0.52)
        made += [picture, picture.resize((450, 300), Image.Resampling.LANCZOS), crop(picture, left=0.1, top=0.04),
                 picture.convert("L").resize((800, 533)), ImageOps.expand(picture, 20, fill="white"),
                 ImageEnhance.Brightness(picture).enhance(1.3), picture.rotate(1.5, Image.Resampling.BICUBIC),
                 later, later.resize((600, 400)), with_disc(picture, (200, 40, 40), 0.08)]
    made += [scene(seed=5), scene(seed=9).transpose(Image.Transpose.FLIP_LEFT_RIGHT)]
    out = [perceptual_fingerprint(image) for image in made]
    assert all(fp is not None for fp in out)
    return out


def _fresh(fp: Fingerprint) -> Fingerprint:
    """The fingerprint as loaded from the database: a new object, so no arrays are shared with earlier calls."""
    again = Fingerprint.from_bytes(fp.to_bytes())
    assert again is not None
    return again


def test_many_at_once_measure_exactly_what_one_by_one_measures(prints):
    variants_seen = others_seen = 0
    for n, fp in enumerate(prints):
        others = [other for m, other in enumerate(prints) if m != n]
        alone = [likeness.compare(_fresh(fp), _fresh(other)) for other in others]
        together = likeness_many.compare_many(_fresh(fp), [_fresh(other) for other in others])
        assert together == alone
        variants_seen += sum(comparison.variant for comparison in alone)
        others_seen += sum(not comparison.variant and comparison.distance < 1 for comparison in alone)
    assert variants_seen >= 40 and others_seen >= 10, (variants_seen, others_seen)


def test_many_verdicts_are_the_verdicts_with_the_capture_evidence(prints):
    camera = "nikon d5"
    captures = [Capture(camera, f"2024-05-01T10:00:0{n % 3}") if n % 2 else None for n in range(len(prints))]
    limits = likeness.Thresholds(blob=0.3)
    for n in (0, 7, 10):
        others = [other for m, other in enumerate(prints) if m != n]
        theirs = [capture for m, capture in enumerate(captures) if m != n]
        expected = [likeness.verdict(_fresh(prints[n]), _fresh(other), captures[n], capture, limits)
                    for other, capture in zip(others, theirs)]
        found = likeness_many.verdicts(_fresh(prints[n]), [_fresh(other) for other in others], captures[n], theirs,
                                       limits)
        assert found == expected
        assert any(variant for variant, _ in found) and any(comparison is None for _, comparison in found)


def _candidates_row_by_row(session, fp: Fingerprint, exclude: int) -> dict[int, int]:
    """The band look-up as it was written first: each row's bits in Python."""
    from sqlalchemy import select

    from catalog import fingerprints as F
    from catalog.models import VariantBand

    whole = set(F.probes(fp.hashes[0]))
    windows = {key for value in fp.hashes[1:] for key in F.probes(value)} - whole
    band = VariantBand.__table__.c
    found: dict[int, int] = {}
    for keys, whole_only in ((sorted(whole), False), (sorted(windows), True)):
        query = select(band.photo_id, band.window, band.hash).where(band.key.in_(keys))
        if whole_only:
            query = query.where(band.window == 0)
        for photo_id, window, stored in session.execute(query):
            stored = stored + (1 << 64) if stored < 0 else stored
            mine = fp.hashes if window == 0 else fp.hashes[:1]
            bits = min((value ^ stored).bit_count() for value in mine)
            if photo_id != exclude and bits <= likeness.CANDIDATE_BITS and bits < found.get(photo_id, 65):
                found[photo_id] = bits
    return found


def _bits(rng: random.Random) -> int:
    """Up to eleven random bits of 64 set."""
    mask = 0
    for _ in range(rng.randrange(12)):
        mask |= 1 << rng.randrange(64)
    return mask


def _store(lib, fps: list[Fingerprint]) -> list[int]:
    ids = []
    with lib.session(write=True) as session:
        for n, fp in enumerate(fps, start=1):
            photo = Photo(path=f"/made/{n}.jpg", size=1, mtime_ns=1, fingerprint=f"f{n}", imported_at=WHEN,
                          updated_at=WHEN)
            session.add(photo)
            session.flush()
            variants.store(session, photo.id, fp, f"f{n}")
            ids.append(photo.id)
    return ids


def test_the_band_look_up_in_numpy_finds_what_the_loop_found(lib, prints):
    rng = random.Random(3)
    near = []
    for _ in range(150):  # hashes a few bits from the made pictures' (high bits set too: stored signed)
        base = prints[rng.randrange(len(prints))]
        flipped = tuple(value ^ _bits(rng) ^ ((1 << 63) if rng.random() < 0.3 else 0) for value in base.hashes)
        near.append(Fingerprint(flipped, base.aspect, base.signature, base.source, base.chroma))
    ids = _store(lib, list(prints) + near)
    with lib.session() as session:
        for n in (0, 3, 7, 12, 20):
            expected = _candidates_row_by_row(session, prints[n], ids[n])
            assert variants.candidates(session, prints[n], exclude=ids[n]) == expected
            assert len(expected) >= 3 and max(expected.values()) > 3


def test_similar_gives_the_verdicts_of_comparing_each_candidate_alone(lib, prints):
    ids = _store(lib, list(prints))
    with lib.session() as session:
        for n in (0, 10, 7):
            found = variants.similar(session, ids[n])
            expected = []
            for other in _candidates_row_by_row(session, prints[n], ids[n]):
                variant, comparison = likeness.verdict(_fresh(prints[n]), _fresh(prints[ids.index(other)]))
                if comparison is not None and comparison.distance != float("inf"):
                    expected.append((other, comparison.distance, variant))
            assert sorted((alike.photo_id, alike.distance, alike.variant) for alike in found) == sorted(expected)
            assert any(alike.variant for alike in found)


def test_the_docstring_example_holds():
    import doctest

    failed, attempted = doctest.testmod(likeness_many)
    assert attempted > 0 and failed == 0


def test_a_pair_measures_the_same_from_either_side_when_shape_and_hashes_tie(prints):
    """Two copies often share shape and hashes (a recompression): the pixels then decide which is aligned on
    which, so a comparison kept for the pair (variant_pair) is the one either side would measure."""
    import dataclasses

    tied = 0
    for fp in prints[:4]:
        cells = bytearray(fp.signature)
        for cell in range(0, len(cells), 37):  # a few cells a level darker or lighter: the hashes stay
            cells[cell] = cells[cell] + 1 if cells[cell] < 128 else cells[cell] - 1
        other = dataclasses.replace(fp, signature=bytes(cells))
        if other.hashes != fp.hashes or other.aspect != fp.aspect:
            continue
        tied += 1
        assert likeness.compare(_fresh(fp), _fresh(other)) == likeness.compare(_fresh(other), _fresh(fp))
        one, two = likeness_many.compare_many(_fresh(fp), [_fresh(other)]), likeness_many.compare_many(
            _fresh(other), [_fresh(fp)])
        assert one == two == [likeness.compare(_fresh(fp), _fresh(other))]
    assert tied == 4

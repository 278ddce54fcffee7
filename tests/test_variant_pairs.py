"""variant_pair (alembic 0011): the pairs a placement or a look-up measured are kept, `similar` reads them instead
of measuring again and answers what measuring gives, and they stay true: a file fingerprinted again or a photo
removed takes its pairs with it. On SQLite and PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select

from catalog import editing, likeness, likeness_many, variants
from catalog.models import VariantPair
from tests.test_fingerprints import scene
from tests.test_variants import _ids, made, photos  # noqa: F401  (fixtures)


def _pairs(lib) -> dict[tuple[int, int], likeness.Comparison]:
    with lib.session() as session:
        ids = [pid for pid, in session.execute(select(VariantPair.photo_id).distinct())]
        return {(pid, other): comparison for pid in ids
                for other, comparison in variants.pairs_of(session, pid, range(pid + 1, pid + 100)).items()}


def _measured(monkeypatch) -> list[int]:
    """Counts the pairs stage two measures from now on."""
    counted: list[int] = []
    compare_many = likeness_many.compare_many

    def counting(fp, others):
        counted.append(len(others))
        return compare_many(fp, others)

    monkeypatch.setattr(likeness_many, "compare_many", counting)
    return counted


def test_placing_keeps_the_pairs_and_similar_reads_them(lib, photos, monkeypatch):  # noqa: F811
    lib.import_paths([str(photos)], workers=1)
    variants.bring_up_to_date(lib, workers=1)
    ids = _ids(lib)
    assert len(_pairs(lib)) >= 5
    measured = _measured(monkeypatch)
    with lib.session() as session:
        for name in ("crop", "later", "other"):
            before = sum(measured)
            kept = variants.similar(session, ids[name])
            assert sum(measured) == before
            assert kept == variants.similar(session, ids[name], stored=False)
        assert sum(measured) > 0
    assert any(alike.variant for alike in kept) is False  # 'other' has no copy
    with lib.session() as session:
        assert any(alike.variant for alike in variants.similar(session, ids["crop"]))


def test_the_pairs_kept_are_what_comparing_the_stored_fingerprints_gives(lib, photos):  # noqa: F811
    lib.import_paths([str(photos)], workers=1)
    variants.bring_up_to_date(lib, workers=1)
    before = _pairs(lib)
    ids = _ids(lib)
    scene(seed=13).save(photos / "web.jpg", quality=80)  # another picture under the same name
    lib.import_paths([str(photos)], workers=1)
    assert variants.bring_up_to_date(lib, workers=1).fingerprinted == 1
    after = _pairs(lib)
    with lib.session() as session:
        prints = {pid: stored.fp for pid, stored in variants.load(session, ids.values()).items()}
    assert after and all(comparison == likeness.compare(prints[a], prints[b])
                         for (a, b), comparison in after.items())
    changed = {pair for pair in before if ids["web"] in pair}
    assert changed and all(after.get(pair) != before[pair] for pair in changed)
    # a photo removed takes its pairs with it
    assert editing.forget(lib, [lib.get(ids["crop"])]).removed == 1
    assert not [pair for pair in _pairs(lib) if ids["crop"] in pair]
    assert [pair for pair in _pairs(lib) if ids["original"] in pair]


def test_a_look_up_keeps_what_it_measured(lib, photos, monkeypatch):  # noqa: F811
    lib.import_paths([str(photos)], workers=1)
    variants.bring_up_to_date(lib, workers=1)
    ids = _ids(lib)
    with lib.session(write=True) as session:  # as a catalogue upgraded from 0010 has them: none
        session.execute(delete(VariantPair))
    expected = [photo.id for photo in lib.search([f"similar:{ids['grey']}"]).photos]
    with lib.session() as session:
        kept = session.scalar(select(func.count()).select_from(VariantPair))
        assert kept == len(variants.similar(session, ids["grey"])) >= 3
    measured = _measured(monkeypatch)
    assert [photo.id for photo in lib.search([f"similar:{ids['grey']}"]).photos] == expected
    assert sum(measured) == 0


def test_a_pair_is_not_kept_when_a_fingerprint_changed_meanwhile(lib, photos):  # noqa: F811
    lib.import_paths([str(photos)], workers=1)
    variants.bring_up_to_date(lib, workers=1)
    ids = _ids(lib)
    with lib.session(write=True) as session:
        session.execute(delete(VariantPair))
        prints = {pid: stored.fp for pid, stored in variants.load(session, ids.values()).items()}
        a, b, c = prints[ids["original"]], prints[ids["web"]], prints[ids["other"]]
        comparison = likeness.compare(a, b)
        # measured with another fingerprint than the one stored for 'web' (its file changed meanwhile)
        assert variants.keep_pairs(session, ids["original"], a, {ids["web"]: (comparison, c)}) == 0
        assert variants.keep_pairs(session, ids["original"], c, {ids["web"]: (comparison, b)}) == 0
        assert variants.keep_pairs(session, ids["original"], a, {ids["web"]: (comparison, b)}) == 1
        assert variants.pairs_of(session, ids["web"], [ids["original"]]) == {ids["original"]: comparison}
        assert variants.keep_pairs(session, ids["other"], c, {ids["web"]: (likeness.FAR, b)}) == 1
        assert variants.pairs_of(session, ids["other"], [ids["web"], ids["crop"]]) == {ids["web"]: likeness.FAR}


def _made(shift: float, spread: float):
    """A grey fingerprint drawn from a formula (no image library in between): waves and a bright spot."""
    import math

    from catalog.fingerprints import SIGNATURE, WINDOWS, Fingerprint

    n = SIGNATURE
    cells = bytes(max(0, min(255, round(128 + 60 * math.sin((x + shift) / 5.0) * math.cos(y / 7.0)
                                        + 40 * math.exp(-((x - 20) ** 2 + (y - 12) ** 2) / spread))))
                  for y in range(n) for x in range(n))
    return Fingerprint((0,) * len(WINDOWS), 1.5, cells)


def test_the_measures_kept_are_those_of_this_version_of_the_comparison():
    """The comparisons kept in catalogues were measured by likeness.MEASURES: when this test fails, the
    comparison measures something else now. Raise likeness.MEASURES (the pairs kept are then measured again)
    and write the new figures here."""
    a = _made(0, 8)
    found = [likeness.compare(a, _made(0.6, 8)), likeness.compare(a, _made(0, 30))]
    figures = [[round(float(value), 6) for value in (c.distance, c.blob, c.overlap, c.rotation, *c.box, c.block)]
               for c in found]
    assert likeness.MEASURES == 2  # 2: the worst 8×8 block (Comparison.block, alembic 0012)
    assert figures == [[0.013685, 0.074855, 0.962731, 0.071849, 0.018774, 0.000623, 1.0, 0.999386, 0.076214],
                       [0.086595, 0.293685, 0.974027, 0.61768, 0.002859, 0.012983, 1.0, 1.0, 0.283824]]


def test_pairs_measured_by_another_version_are_measured_again(lib, photos, monkeypatch):  # noqa: F811
    lib.import_paths([str(photos)], workers=1)
    variants.bring_up_to_date(lib, workers=1)
    ids = _ids(lib)
    with lib.session(write=True) as session:
        session.execute(VariantPair.__table__.update().values(measured_by=likeness.MEASURES - 1))
    measured = _measured(monkeypatch)
    expected = [photo.id for photo in lib.search([f"similar:{ids['web']}"]).photos]
    assert sum(measured) >= 3
    with lib.session() as session:
        stamps = {stamp: count for stamp, count in session.execute(
            select(VariantPair.measured_by, func.count()).group_by(VariantPair.measured_by))}
    assert stamps.get(likeness.MEASURES, 0) >= 3 and likeness.MEASURES - 1 in stamps
    again = sum(measured)
    assert [photo.id for photo in lib.search([f"similar:{ids['web']}"]).photos] == expected
    assert sum(measured) == again


def test_the_upgrade_to_the_worst_block_measures_the_pairs_again(db_url, photos):  # noqa: F811
    """Alembic 0012 adds variant_pair.block and drops the pairs measured without it (by likeness.MEASURES 1,
    which no reader reads now); the next look-up measures its pairs again and keeps them with the block."""
    from alembic import command
    from sqlalchemy import create_engine, inspect, text

    from catalog.library import Library
    from tests.test_migrations_safety import _alembic

    lib = Library.open(db_url)
    try:
        lib.import_paths([str(photos)], workers=1)
        variants.bring_up_to_date(lib, workers=1)
        ids = _ids(lib)
        expected = [photo.id for photo in lib.search([f"similar:{ids['web']}"]).photos]
        kept = len(_pairs(lib))
    finally:
        lib.close()
    assert kept >= 5
    _alembic(db_url, command.downgrade, "0011")  # as the release before this one left it, with old pairs
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            assert "block" not in {c["name"] for c in inspect(conn).get_columns("variant_pair")}
            conn.execute(text("INSERT INTO variant_pair (photo_id, other_id, measured_by, distance, blob) "
                              "VALUES (:a, :b, 1, 0.5, 0.5)"), {"a": min(ids["web"], ids["original"]),
                                                               "b": max(ids["web"], ids["original"])})
    finally:
        engine.dispose()
    lib = Library.open(db_url)  # upgrades to 0012
    try:
        with lib.session() as session:
            assert session.execute(select(func.count()).select_from(VariantPair)).scalar() == 0
        assert [photo.id for photo in lib.search([f"similar:{ids['web']}"]).photos] == expected
        with lib.session() as session:
            rows = session.execute(select(VariantPair.measured_by, VariantPair.block)).all()
        assert rows and all(stamp == likeness.MEASURES and block is not None for stamp, block in rows)
    finally:
        lib.close()

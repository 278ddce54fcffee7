"""Variant groups in a real database (SQLite and PostgreSQL): the band index, `similar`, `group_for`; and
caption differences between copies.
"""

from __future__ import annotations

import pytest
from PIL import Image, ImageEnhance, ImageOps
from sqlalchemy import create_engine, func, select, text, update

from catalog import fingerprints as F
from catalog import variants
from catalog.variants import Change, caption_diff, caption_diff_text
from tests.test_fingerprints import crop, scene, write


@pytest.fixture(scope="module")
def pictures(tmp_path_factory):
    """Fingerprints of one picture's copies, a later frame of it with its own copy, and two other pictures."""
    folder = tmp_path_factory.mktemp("variants")
    picture, later = scene(), scene(subject_x=0.52)
    made = {
        "original": picture,
        "web": picture.resize((450, 300), Image.Resampling.LANCZOS),
        "crop": crop(picture, left=0.10, top=0.04),
        "grey": picture.convert("L"),
        "framed": ImageOps.expand(ImageEnhance.Brightness(picture).enhance(1.2), 20, fill="white"),
        "later": later,
        "later-web": later.resize((600, 400), Image.Resampling.LANCZOS),
        "other": scene(seed=5),
        "other-2": scene(seed=9).transpose(Image.Transpose.FLIP_LEFT_RIGHT),
    }
    out = {name: F.perceptual_fingerprint(write(folder, name, image, quality=80)) for name, image in made.items()}
    assert all(out.values())
    return out


#: Photo ids in the catalogue for each picture.
IDS = {"original": 1, "web": 2, "crop": 3, "grey": 4, "framed": 5, "later": 6, "later-web": 7, "other": 8,
       "other-2": 9}
COPIES = {"original", "web", "crop", "grey", "framed"}


@pytest.fixture
def engine(db_url):
    engine = create_engine(db_url)
    variants.metadata.create_all(engine)
    yield engine
    engine.dispose()


def test_similar_finds_the_copies_ranked(engine, pictures):
    with engine.begin() as conn:
        for name, photo_id in IDS.items():
            variants.add(conn, photo_id, pictures[name])
    with engine.connect() as conn:
        found = variants.similar(conn, pictures["crop"], exclude=IDS["crop"])
    assert {photo_id for photo_id, _ in found} == {IDS[name] for name in COPIES - {"crop"}}
    distances = [distance for _, distance in found]
    assert distances == sorted(distances) and distances[-1] <= F.VARIANT_DISTANCE
    with engine.connect() as conn:
        assert [photo_id for photo_id, _ in variants.similar(conn, pictures["crop"], limit=2)] == \
            [photo_id for photo_id, _ in variants.similar(conn, pictures["crop"])][:2]
        later = {photo_id for photo_id, _ in variants.similar(conn, pictures["later-web"])}
    assert later == {IDS["later"], IDS["later-web"]}


def test_similar_without_variants_only_also_ranks_near_frames(engine, pictures):
    with engine.begin() as conn:
        for name in ("original", "later", "other"):
            variants.add(conn, IDS[name], pictures[name])
    with engine.connect() as conn:
        strict = variants.similar(conn, pictures["web"])
        loose = variants.similar(conn, pictures["web"], variants_only=False)
    assert [photo_id for photo_id, _ in strict] == [IDS["original"]]
    assert loose[0][0] == IDS["original"]
    assert IDS["other"] not in {photo_id for photo_id, _ in loose}


def test_groups_form_as_photos_arrive(engine, pictures):
    order = ["other", "crop", "later", "web", "grey", "later-web", "other-2", "original", "framed"]
    with engine.begin() as conn:
        for name in order:
            variants.add(conn, IDS[name], pictures[name])
            variants.group_for(conn, IDS[name])
    with engine.connect() as conn:
        groups = {row[0]: row[1] for row in conn.execute(select(variants.variant_fingerprint.c.photo_id,
                                                                variants.variant_fingerprint.c.group_id))}
    copies = {groups[IDS[name]] for name in COPIES}
    assert len(copies) == 1 and None not in copies
    # the group was made when the web copy (2) met the crop (3); the original (1) joined it later
    assert copies == {IDS["web"]}
    assert groups[IDS["later"]] == groups[IDS["later-web"]] not in copies | {None}
    assert groups[IDS["other"]] is None and groups[IDS["other-2"]] is None
    with engine.connect() as conn:
        assert variants.group_members(conn, groups[IDS["crop"]]) == sorted(IDS[name] for name in COPIES)


def test_a_photo_joining_two_groups_merges_them(engine, pictures):
    with engine.begin() as conn:
        for name in ("web", "crop", "grey", "other"):
            variants.add(conn, IDS[name], pictures[name])
        table = variants.variant_fingerprint
        conn.execute(update(table).where(table.c.photo_id.in_([IDS["web"]])).values(group_id=20))
        conn.execute(update(table).where(table.c.photo_id.in_([IDS["crop"], IDS["grey"]])).values(group_id=30))
        variants.add(conn, 40, pictures["original"])
        assert variants.group_for(conn, 40) == 20
        groups = {row[0]: row[1] for row in conn.execute(select(table.c.photo_id, table.c.group_id))}
    assert groups == {IDS["web"]: 20, IDS["crop"]: 20, IDS["grey"]: 20, 40: 20, IDS["other"]: None}


def test_adding_again_replaces_and_remove_forgets(engine, pictures):
    with engine.begin() as conn:
        variants.add(conn, 1, pictures["original"])
        count = conn.execute(select(func.count()).select_from(variants.variant_band)).scalar()
        variants.add(conn, 1, pictures["other"])
        assert conn.execute(select(func.count()).select_from(variants.variant_fingerprint)).scalar() == 1
        assert variants.fingerprint_of(conn, 1) == pictures["other"]
        assert 0 < conn.execute(select(func.count()).select_from(variants.variant_band)).scalar() <= 40
        assert count <= len(F.WINDOWS) * F.BANDS
        assert variants.similar(conn, pictures["web"]) == []
        variants.remove(conn, 1)
        assert conn.execute(select(func.count()).select_from(variants.variant_band)).scalar() == 0
        assert variants.fingerprint_of(conn, 1) is None
        assert variants.group_for(conn, 1) is None


def test_a_photo_without_variants_keeps_no_group(engine, pictures):
    with engine.begin() as conn:
        variants.add(conn, 8, pictures["other"])
        assert variants.group_for(conn, 8) is None


def test_candidates_come_from_the_index_on_sqlite(tmp_path, pictures):
    """The look-up is an index search on the band key, not a scan of the table."""
    engine = create_engine(f"sqlite:///{tmp_path / 'plan.db'}")
    variants.metadata.create_all(engine)
    with engine.connect() as conn:
        plan = " ".join(str(row[-1]) for row in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT photo_id, window, hash FROM variant_band WHERE key IN (1, 2, 3)")))
    engine.dispose()
    assert "SEARCH variant_band USING PRIMARY KEY" in plan, plan


# --- caption differences --------------------------------------------------------------------------------------------

CAPTIONS = [
    # (first copy, second copy, expected runs as (kind, old, new))
    ("Fans cheer in Hefei on May 3.", "Fans cheer in Hefei on May 3.",
     [("same", "Fans cheer in Hefei on May 3.", "Fans cheer in Hefei on May 3.")]),
    ("Fans cheer in Hefei on May 3.", "Fans cheer in Hefei on May 4.",
     [("same", "Fans cheer in Hefei on May ", "Fans cheer in Hefei on May "), ("changed", "3.", "4.")]),
    ("Fans cheer in Hefei.", "Fans cheer loudly in Hefei.",
     [("same", "Fans cheer ", "Fans cheer "), ("added", "", "loudly "), ("same", "in Hefei.", "in Hefei.")]),
    ("CORRECTS name. Zhang Dagang waves.", "Zhang Dagang waves.",
     [("removed", "CORRECTS name. ", ""), ("same", "Zhang Dagang waves.", "Zhang Dagang waves.")]),
    ("Crowds gather in Hefei, Anhui.", "Crowds gather in Lanzhou, Gansu.",
     [("same", "Crowds gather in ", "Crowds gather in "), ("changed", "Hefei, Anhui.", "Lanzhou, Gansu.")]),
    ("合肥 市民", "兰州 市民", [("changed", "合肥", "兰州"), ("same", " 市民", " 市民")]),
    (None, "A caption.", [("added", "", "A caption.")]),
    ("", "", []),
]


@pytest.mark.parametrize("first, second, expected", CAPTIONS)
def test_caption_diff(first, second, expected):
    changes = caption_diff(first, second)
    assert [(c.kind, c.old, c.new) for c in changes] == expected
    assert "".join(c.old for c in changes) == (first or "")
    assert "".join(c.new for c in changes) == (second or "")


def test_caption_diff_text():
    assert caption_diff_text(caption_diff("Fans cheer in Hefei.", "Fans cheer loudly in Hefei.")) == \
        "Fans cheer {+loudly +}in Hefei."
    assert caption_diff_text([Change("removed", "old ", "")]) == "[-old -]"

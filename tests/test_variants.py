"""Variant groups in a real catalogue (SQLite and PostgreSQL): copies made with Pillow and other frames of the
scene imported, fingerprinted on demand, grouped as they arrive; similar:, variants:, the JSON, `catalog
variants` and the credits warning; and caption differences between copies.
"""

from __future__ import annotations

import json
import shutil

import pytest
from PIL import Image, ImageEnhance, ImageOps
from sqlalchemy import select, text

from catalog import likeness, variant_copies, variants
from catalog.errors import CatalogError
from catalog.models import VariantBand, VariantFingerprint
from catalog.variant_copies import Change, caption_diff, caption_diff_text
from tests.test_fingerprints import crop, scene, write

#: The files made for each test: five copies of one picture, a later frame with its own copy, two others.
COPIES = {"original", "web", "crop", "grey", "framed"}
LATER = {"later", "later-web"}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    folder = tmp_path_factory.mktemp("variants")
    picture, later = scene(), scene(subject_x=0.52)
    images = {
        "original": picture,
        "web": picture.resize((450, 300), Image.Resampling.LANCZOS),
        "crop": crop(picture, left=0.10, top=0.04),
        "grey": picture.convert("L").resize((800, 533), Image.Resampling.LANCZOS),
        "framed": ImageOps.expand(ImageEnhance.Brightness(picture).enhance(1.2), 20, fill="white"),
        "later": later,
        "later-web": later.resize((600, 400), Image.Resampling.LANCZOS),
        "other": scene(seed=5),
        "other-2": scene(seed=9).transpose(Image.Transpose.FLIP_LEFT_RIGHT),
    }
    for name, image in images.items():
        write(folder, name, image, quality=80)
    return folder


@pytest.fixture
def photos(made, tmp_path):
    """A private copy of the made files, all but the framed copy (a test adds it later)."""
    folder = tmp_path / "in"
    shutil.copytree(made, folder)
    shutil.move(folder / "framed.jpg", tmp_path / "framed.jpg")
    return folder


def _ids(lib) -> dict[str, int]:
    return {photo.path.rsplit("/", 1)[-1].removesuffix(".jpg"): photo.id for photo in lib.all_photos()}


def _groups(lib) -> dict[str, int | None]:
    names = {pid: name for name, pid in _ids(lib).items()}
    with lib.session() as session:
        rows = session.execute(select(VariantFingerprint.photo_id, VariantFingerprint.group_id)).all()
    return {names[pid]: group for pid, group in rows}


def test_groups_form_on_demand_and_grow_as_photos_arrive(lib, photos, tmp_path):
    assert lib.import_paths([str(photos)], workers=1).added == 8
    done = variants.bring_up_to_date(lib, workers=1)
    assert (done.fingerprinted, done.unreadable, done.placed) == (8, 0, 8)
    groups = _groups(lib)
    copies = {groups[name] for name in COPIES - {"framed"}}
    assert len(copies) == 1 and None not in copies
    assert groups["later"] == groups["later-web"] is not None and groups["later"] not in copies
    assert groups["other"] is None and groups["other-2"] is None
    # nothing new: nothing done
    again = variants.bring_up_to_date(lib, workers=1)
    assert (again.fingerprinted, again.placed) == (0, 0)
    # a copy arriving later joins the group
    shutil.move(tmp_path / "framed.jpg", photos / "framed.jpg")
    assert lib.import_paths([str(photos)], workers=1).added == 1
    assert variants.bring_up_to_date(lib, workers=1).placed == 1
    assert _groups(lib)["framed"] in copies


def test_a_changed_file_is_fingerprinted_again_and_leaves_its_group(lib, photos):
    lib.import_paths([str(photos)], workers=1)
    variants.bring_up_to_date(lib, workers=1)
    scene(seed=13).save(photos / "web.jpg", quality=80)  # another picture under the same name
    lib.import_paths([str(photos)], workers=1)
    done = variants.bring_up_to_date(lib, workers=1)
    assert done.fingerprinted == 1
    groups = _groups(lib)
    assert groups["web"] is None or groups["web"] != groups["original"]
    assert groups["original"] == groups["crop"] is not None


def test_only_photos_stored_since_the_last_pass_are_looked_at_again(lib, photos):
    lib.import_paths([str(photos)], workers=1)
    with lib.session() as session:  # stored long ago, as in a big archive
        session.execute(text("UPDATE photo SET updated_at = '2020-01-01 00:00:00.000000'"))
        session.execute(text("UPDATE photo SET updated_at = '2020-06-01 00:00:00.000000' WHERE path LIKE '%later.jpg'"))
        session.commit()
    assert variants.bring_up_to_date(lib, workers=1).fingerprinted == 8
    assert lib.get_setting(variants.CHECKED).startswith("2020-06-01T00:00:00")
    ids = _ids(lib)
    with lib.session() as session:  # a fingerprint lost behind the catalogue's back, on an old photo
        session.execute(text(f"DELETE FROM variant_fingerprint WHERE photo_id = {ids['other']}"))
        session.commit()
    # the next pass looks past the marks only: the old photo is not seen, a file changed since is
    scene(seed=13).save(photos / "web.jpg", quality=80)
    lib.import_paths([str(photos)], workers=1)
    done = variants.bring_up_to_date(lib, workers=1)
    assert done.fingerprinted == 1 and "other" not in _groups(lib)
    assert lib.get_setting(variants.CHECKED) > "2020-01-02"
    # without marks every photo is looked at
    lib.set_setting(variants.CHECKED, None)
    assert variants.bring_up_to_date(lib, workers=1).fingerprinted == 1 and "other" in _groups(lib)


def test_similar_ranks_the_copies_first_and_variants_yes_finds_them(lib, photos):
    lib.import_paths([str(photos)], workers=1)
    ids = _ids(lib)
    result = lib.search([f"similar:{ids['crop']}"])
    found = [photo.id for photo in result.photos]
    copies = [ids[name] for name in COPIES - {"framed", "crop"}]
    assert set(found[:len(copies)]) == set(copies)
    assert ids["other"] not in found and ids["crop"] not in found
    scores = [hit.score for hit in result.hits]
    assert scores == sorted(scores)
    by_name = lib.search(["similar:" + str(photos / "later.jpg")])
    assert [photo.id for photo in by_name.photos][:1] == [ids["later-web"]]
    grouped = {photo.id for photo in lib.search(["variants:yes"]).photos}
    assert grouped == {ids[name] for name in (COPIES | LATER) - {"framed"}}
    alone = {photo.id for photo in lib.search(["variants:no"]).photos}
    assert alone == {ids["other"], ids["other-2"]}
    # the JSON says which group, how many, which to run (the largest unrestricted: the original)
    info = {photo.id: photo.variant_info for photo in lib.search(["variants:yes"]).photos}
    assert info[ids["web"]] == {"group": info[ids["grey"]]["group"], "of": 4, "best": ids["original"]}


def test_the_variants_command_lists_groups_with_the_copy_to_run(cli, photos, tmp_path):
    assert cli("import", str(photos)).exit_code == 0
    assert cli("set", str(photos / "web.jpg"), "caption=Fans cheer in Hefei on May 4.").exit_code == 0
    assert cli("set", str(photos / "original.jpg"), "caption=Fans cheer in Hefei on May 3.").exit_code == 0
    result = cli("variants")
    assert result.exit_code == 0, result.output
    assert result.output.count("copies of one picture") == 2
    best = next(line for line in result.output.splitlines() if line.lstrip().startswith("*"))
    assert "original.jpg" in best
    assert "[-3.-]{+4.+}" in result.output
    listed = json.loads(cli("variants", "--format", "json").output)
    assert sorted(len(group["copies"]) for group in listed) == [2, 4]
    four = next(group for group in listed if len(group["copies"]) == 4)
    assert four["copies"][0]["best"] and four["copies"][0]["path"].endswith("original.jpg")
    assert json.loads(cli("show", str(photos / "web.jpg"), "--format", "json").output)["variants"]["of"] == 4
    assert json.loads(cli("show", str(photos / "other.jpg"), "--format", "json").output)["variants"] is None


def test_a_restricted_copy_is_not_the_one_to_run(lib, photos):
    """The largest copy says EDITORIAL USE ONLY - NO SALES: the largest unrestricted one (the crop) is run instead."""
    import subprocess

    exiftool = shutil.which("exiftool")
    if exiftool is None:
        pytest.skip("ExifTool writes the restriction")
    subprocess.run([exiftool, "-q", "-overwrite_original", "-IPTC:SpecialInstructions=EDITORIAL USE ONLY. NO SALES.",
                    str(photos / "original.jpg")], check=True)
    lib.import_paths([str(photos)], workers=1)
    groups, _ = variant_copies.list_groups(lib, [])
    four = next(group for group in groups if len(group.copies) == 4)
    assert four.best.photo.path.endswith("crop.jpg")  # 810×576, the largest after the original
    restricted = next(copy for copy in four.copies if copy.photo.path.endswith("original.jpg"))
    assert {r.kind for r in restricted.restrictions} >= {"editorial_only"}


def test_credits_warns_when_a_story_uses_two_copies(cli, photos):
    assert cli("import", str(photos)).exit_code == 0
    two = cli("credits", "--files", str(photos / "web.jpg"), str(photos / "grey.jpg"), str(photos / "other.jpg"))
    assert two.exit_code == 0
    assert "copies of one picture" in two.stderr
    one = cli("credits", "--files", str(photos / "web.jpg"), str(photos / "later.jpg"), str(photos / "other.jpg"))
    assert "copies of one picture" not in one.stderr


def test_an_import_fingerprints_from_a_trusted_thumbnail_and_leaves_the_rest(lib, tmp_path):
    """At import only a file with a trusted embedded thumbnail is fingerprinted (from it); the other waits
    for the first look-up, which fingerprints it and places both."""
    from tests.test_fingerprints import exif_with_thumbnail, letterboxed

    folder = tmp_path / "camera"
    folder.mkdir()
    picture = scene(seed=4)
    write(folder, "with-thumbnail", picture, exif=exif_with_thumbnail(letterboxed(picture), picture.size))
    write(folder, "web", picture.resize((600, 400)), quality=75)
    lib.import_paths([str(folder)], workers=1)
    with lib.session() as session:
        rows = session.execute(select(VariantFingerprint.made_from, VariantFingerprint.placed)).all()
    assert rows == [("thumbnail", False)]
    done = variants.bring_up_to_date(lib, workers=1)
    assert (done.fingerprinted, done.placed) == (1, 2)
    groups = _groups(lib)
    assert groups["with-thumbnail"] == groups["web"] is not None


def test_arrivals_are_fingerprinted_as_they_come_only_when_the_house_rules_say_so(lib, photos, tmp_path):
    """`catalog watch` takes files in through take_in. By default, as an import, it leaves fingerprints to the
    first look-up; with `[variants] after_import = true` the arrivals are fingerprinted and placed at once
    (and only they: the catalogue's backlog waits for a look-up)."""
    from catalog.watch.intake import Ready, take_in
    from catalog.watch.settle import look

    lib.import_paths([str(photos / "other.jpg")], workers=1)  # the backlog: imported, not fingerprinted
    outcomes, _ = take_in(lib, [Ready(look(str(photos / "later.jpg")), "later.jpg")], workers=1)
    assert [o.event for o in outcomes] == ["added"]
    assert _groups(lib) == {}  # the default: nothing fingerprinted on arrival

    house = tmp_path / "house.toml"
    house.write_text("[variants]\nafter_import = true\n", encoding="utf-8")
    lib.use_rules(str(house))
    arriving = [Ready(look(str(photos / name)), name) for name in ("original.jpg", "web.jpg")]
    outcomes, _ = take_in(lib, arriving, workers=1)
    assert sorted(o.event for o in outcomes) == ["added"] * 2
    groups = _groups(lib)
    assert set(groups) == {"original", "web"}
    assert groups["original"] == groups["web"] is not None


def _camera(when: str) -> bytes:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "NIKON CORPORATION", "NIKON Z 9"
    exif.get_ifd(0x8769)[0x9003] = when
    return exif.tobytes()


def test_one_camera_at_two_moments_is_two_frames_whatever_the_pixels(lib, tmp_path):
    """Capture evidence from the stored record: the same pixels stamped by one body a second apart are two
    frames (a tripod shot of a still scene); a resized copy that kept the EXIF of its frame joins it."""
    folder = tmp_path / "burst"
    folder.mkdir()
    picture = scene(seed=3)
    picture.save(folder / "frame-1.jpg", quality=90, exif=_camera("2025:05:03 10:00:00"))
    picture.save(folder / "frame-2.jpg", quality=90, exif=_camera("2025:05:03 10:00:01"))
    picture.resize((450, 300)).save(folder / "frame-1-web.jpg", quality=70, exif=_camera("2025:05:03 10:00:00"))
    lib.import_paths([str(folder)], workers=1)
    variants.bring_up_to_date(lib, workers=1)
    groups = _groups(lib)
    assert groups["frame-1"] == groups["frame-1-web"] is not None
    assert groups["frame-2"] != groups["frame-1"]


def test_story_credits_warns_when_the_story_holds_two_copies(cli, photos):
    assert cli("import", str(photos)).exit_code == 0
    assert cli("story", "add", "Fans", str(photos / "web.jpg"), str(photos / "other.jpg")).exit_code == 0
    assert "copies of one picture" not in cli("story", "credits", "Fans").stderr
    assert cli("story", "add", "Fans", str(photos / "crop.jpg")).exit_code == 0
    warned = cli("story", "credits", "Fans")
    assert warned.exit_code == 0 and "copies of one picture" in warned.stderr


def test_the_band_look_up_is_an_index_search_on_sqlite(lib):
    if lib.dialect != "sqlite":
        pytest.skip("SQLite's plan")
    with lib.session() as session:
        plan = " ".join(str(row[-1]) for row in session.execute(text(
            "EXPLAIN QUERY PLAN SELECT photo_id, window, hash FROM variant_band WHERE key IN (1, 2, 3)")))
    assert "SEARCH variant_band USING PRIMARY KEY" in plan, plan
    assert VariantBand.__tablename__ in plan


def test_bad_variant_rules_are_refused():
    from types import SimpleNamespace

    with pytest.raises(CatalogError, match="best must list"):
        variants.variant_rules(SimpleNamespace(variants={"best": ["prettiest"]}))
    with pytest.raises(CatalogError, match="positive"):
        variants.variant_rules(SimpleNamespace(variants={"blob": -1}))


def test_the_borderline_limits_are_house_rules():
    from types import SimpleNamespace

    limits = variants.variant_rules(SimpleNamespace(variants={
        "plain_blob": 0.2, "concentration": 2.5, "borderline_colour": 0.5, "borderline_block": 0.6})).limits
    assert (limits.plain_blob, limits.concentration, limits.borderline_colour, limits.borderline_block) == (
        0.2, 2.5, 0.5, 0.6)
    assert limits.blob == likeness.VARIANT_BLOB
    with pytest.raises(CatalogError, match="positive"):
        variants.variant_rules(SimpleNamespace(variants={"concentration": 0}))
    with pytest.raises(CatalogError, match="positive"):
        variants.variant_rules(SimpleNamespace(variants={"borderline_block": "big"}))


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


def test_a_long_list_is_checked_on_stored_fingerprints_only(cli, lib, photos, monkeypatch):
    """More photos without a fingerprint than MADE_NOW: none is made on the spot (each costs 10-35 ms), the list
    is checked on the stored ones and the rest are counted; once `catalog variants` has stored them, the copies
    are found again."""
    assert cli("import", str(photos)).exit_code == 0
    monkeypatch.setattr(variants, "MADE_NOW", 2)
    story = [str(photos / name) for name in ("web.jpg", "grey.jpg", "other.jpg")]
    opened: list[str] = []
    real = variants.F.perceptual_fingerprint
    monkeypatch.setattr(variants.F, "perceptual_fingerprint", lambda path, **kw: (opened.append(path), real(path))[1])
    unchecked = cli("credits", "--files", *story)
    assert unchecked.exit_code == 0
    assert "copies of one picture; run one" not in unchecked.stderr
    assert "note: 3 of these photos have no fingerprint yet" in unchecked.stderr
    assert opened == []
    assert cli("variants").exit_code == 0  # fingerprints and stores every photo
    checked = cli("credits", "--files", *story)
    assert "copies of one picture; run one" in checked.stderr and "note:" not in checked.stderr


def test_the_copies_found_are_those_of_every_pair_compared(lib, photos):
    """copies_in compares only the pairs stage one lets through (likeness.close_pairs): the groups are those of
    comparing every pair with is_variant."""
    from catalog import likeness
    from catalog.fingerprints import perceptual_fingerprint

    lib.import_paths([str(photos)], workers=1)
    story = sorted(lib.all_photos(), key=lambda photo: photo.path)
    found = variants.copies_in(lib, story, workers=1)
    prints = {photo.id: perceptual_fingerprint(photo.path) for photo in story}
    pairs = {frozenset((a.id, b.id)) for n, a in enumerate(story) for b in story[n + 1:]
             if likeness.is_variant(prints[a.id], prints[b.id])}
    linked = {frozenset((a.id, b.id)) for same in found.groups for n, a in enumerate(same) for b in same[n + 1:]}
    assert pairs and pairs <= linked
    names = sorted(sorted(photo.path.rsplit("/", 1)[-1] for photo in same) for same in found.groups)
    assert names == [["crop.jpg", "grey.jpg", "original.jpg", "web.jpg"], ["later-web.jpg", "later.jpg"]]
    assert found.unchecked == 0


def test_close_pairs_are_the_pairs_hash_distance_lets_through():
    import random

    from catalog import likeness
    from catalog.fingerprints import WINDOWS, Fingerprint

    rng = random.Random(7)
    prints = []
    for _ in range(60):
        base = rng.getrandbits(64)
        if prints and rng.random() < 0.6:  # near another one: a few bits flipped in some windows
            base = prints[rng.randrange(len(prints))].hashes[rng.randrange(len(WINDOWS))]
            for _ in range(rng.randrange(20)):
                base ^= 1 << rng.randrange(64)
        hashes = tuple(base if rng.random() < 0.5 else base ^ (1 << rng.randrange(64)) for _ in WINDOWS)
        prints.append(Fingerprint(hashes, 1.5, b""))
    expected = [(i, j) for i in range(len(prints)) for j in range(i + 1, len(prints))
                if likeness.hash_distance(prints[i], prints[j])[0] <= likeness.CANDIDATE_BITS]
    assert 20 < len(expected) < len(prints) ** 2 / 4
    assert likeness.close_pairs(prints) == expected
    assert likeness.close_pairs(prints, bits=3) == [pair for pair in expected
                                                    if likeness.hash_distance(*(prints[k] for k in pair))[0] <= 3]

"""How photos are put in variant groups (catalog.variants.placement): one false pair must not merge two pictures'
groups, a copy joins on two matches, and the benchmark's simulation (bench/variants.py) groups a set of files
exactly as the catalogue does, so that its figures are the product's.

The frames are made with Pillow (tests.test_fingerprints.scene): the subject three hundredths of the width
further on is a variant of the frame before by the verdict's limits, six hundredths is not; so a middle frame
matches both ends, which are two pictures.
"""

from __future__ import annotations

from PIL import Image
from sqlalchemy import select

from bench import variants as bench_variants
from catalog import fingerprints, likeness, variants
from catalog.captures import capture_of
from catalog.models import VariantFingerprint
from tests.test_fingerprints import crop, scene, write


def _groups(lib) -> dict[str, int | None]:
    names = {photo.id: photo.path.rsplit("/", 1)[-1].removesuffix(".jpg") for photo in lib.all_photos()}
    with lib.session() as session:
        rows = session.execute(select(VariantFingerprint.photo_id, VariantFingerprint.group_id)).all()
    return {names[pid]: group for pid, group in rows}


def _frame_files(folder, subject_x: float, name: str) -> None:
    """A frame and two copies of it: a web copy and a crop."""
    picture = scene(subject_x=subject_x)
    write(folder, f"{name}-1", picture)
    write(folder, f"{name}-2", picture.resize((450, 300), Image.Resampling.LANCZOS), quality=75)
    write(folder, f"{name}-3", crop(picture, left=0.06), quality=85)


def test_a_frame_between_two_pictures_does_not_merge_their_groups(lib, tmp_path):
    first, later = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    later.mkdir()
    _frame_files(first, 0.30, "a")
    _frame_files(first, 0.36, "b")
    lib.import_paths([str(first)], workers=1)
    variants.bring_up_to_date(lib, workers=1)
    groups = _groups(lib)
    a, b = {groups[f"a-{n}"] for n in (1, 2, 3)}, {groups[f"b-{n}"] for n in (1, 2, 3)}
    assert len(a) == len(b) == 1 and None not in a | b and a != b
    # the middle frame is taken for a copy of both ends (the verdict cannot tell), yet it ties no group to another
    write(later, "middle", scene(subject_x=0.33))
    lib.import_paths([str(later)], workers=1)
    variants.bring_up_to_date(lib, workers=1)
    groups = _groups(lib)
    middle = next(photo.id for photo in lib.all_photos() if photo.path.endswith("middle.jpg"))
    with lib.session() as session:
        matched = {alike.group for alike in variants.similar(session, middle) if alike.variant}
    assert {groups[f"a-{n}"] for n in (1, 2, 3)} == a and {groups[f"b-{n}"] for n in (1, 2, 3)} == b
    assert a | b <= matched
    assert groups["middle"] in a | b


def test_groups_merge_only_when_two_more_pairs_without_a_shared_photo_tie_them():
    verdicts = [(1, 1, True), (2, 1, True), (3, 1, True), (5, 5, True), (6, 5, True)]
    assert variants.placement(9, None, verdicts, tied=lambda a, b: (a, b) in {(1, 5), (2, 6)}).merged == [5]
    # two ties, but both through photo 5 (the one wrong member a chain of copies brought in): no merge
    decided = variants.placement(9, None, verdicts, tied=lambda a, b: b == 5)
    assert (decided.group, decided.merged, decided.joining) == (1, [], [9])
    # one tie is not enough either
    assert variants.placement(9, None, verdicts, tied=lambda a, b: (a, b) == (1, 5)).merged == []


def test_a_copy_joins_on_two_matches_or_on_half_the_group():
    few = [(1, 1, True), (2, 1, True), *((n, 1, False) for n in range(3, 8))]  # 2 of 7
    assert variants.placement(9, None, few).group == 1
    assert variants.placement(9, None, few, matches=3).group is None
    assert variants.placement(9, None, [(1, 1, True), (2, 1, False)], matches=3).group == 1  # half
    assert variants.placement(9, None, [(1, 1, True), (2, 1, False), (3, 1, False)], matches=3).group is None


def test_the_benchmark_groups_files_as_the_catalogue_does(lib, tmp_path):
    folder = tmp_path / "set"
    folder.mkdir()
    _frame_files(folder, 0.30, "a")
    _frame_files(folder, 0.33, "m")
    _frame_files(folder, 0.36, "b")
    other = scene(seed=5)
    write(folder, "o-1", other)
    write(folder, "o-2", other.convert("L"))
    lib.import_paths([str(folder)], workers=1)
    variants.bring_up_to_date(lib, workers=1)
    stored = _groups(lib)
    photos = sorted(lib.all_photos(), key=lambda photo: photo.id)  # the catalogue places them in id order
    fps = [fingerprints.perceptual_fingerprint(photo.path) for photo in photos]
    pairs = bench_variants.candidate_pairs(fps)
    comparisons = {(a, b): likeness.compare(fps[a], fps[b]) for a, b in pairs}
    simulated = bench_variants.simulate(photos, [capture_of(photo.path) for photo in photos], pairs, comparisons,
                                        likeness.DEFAULT_THRESHOLDS, variants.JOIN_SHARE, fps=fps,
                                        order=list(range(len(photos))))
    names = [photo.path.rsplit("/", 1)[-1].removesuffix(".jpg") for photo in photos]

    def partition(group_of):
        together: dict[int, set[str]] = {}
        for name in names:
            if group_of[name] is not None:
                together.setdefault(group_of[name], set()).add(name)
        return sorted(sorted(members) for members in together.values() if len(members) > 1)

    assert partition(stored) == partition(dict(zip(names, simulated)))
    assert len(partition(stored)) >= 2  # the set makes groups, so the comparison says something

"""`catalog link`: the captions of an article given to the photos they describe, on evidence only.

The end-to-end tests copy the three sample photos under names that say nothing (a1, b2, c3, in an order
unlike the article's), so the links must come from the photos' dates, GPS and embedded captions. The unit
tests pin each clue's points and the step from points to confidence (see catalog/linking/).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from catalog import linking
from catalog.captions.types import CaptionFacts, Credit, Place
from catalog.linking import WEIGHTS, CaptionPlace, Evidence, evidence, link_probabilities
from catalog.models import Photo

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "images"
ARTICLE = ROOT / "examples" / "seed-article.md"

#: The sample photos under meaningless names, in a fixed order unlike the article's (probe, aircraft, train).
SHUFFLED = {
    "gansu-bullet-train.jpg": "a1.jpg",
    "tianwen2-probe.jpg": "b2.jpg",
    "hefei-aircraft.jpg": "c3.jpg",
}

PROBE = (
    "This image released by the China National Space Administration on Oct. 1, 2025 shows a view of the "
    "Tianwen-2 probe alongside Earth, captured by the probe during its deep-space journey. "
    "(Photo provided by the China National Space Administration)"
)
AIRCRAFT = (
    "Researchers take a test drive on a new-generation long-range autonomous passenger aircraft at the "
    "Luogang Park in Hefei, east China's Anhui province, Oct. 14, 2025. (Photo/Zhang Dagang)"
)
TRAIN = (
    "A bullet train cuts across the vast Gobi landscape in Zhongchuan township, Lanzhou New Area, northwest "
    "China's Gansu province, Aug. 3, 2025. (Photo/Xu Gang)"
)
#: A caption of our own that none of the samples can be: another country, another year.
KRAKOW = (
    "Shoppers walk along Floriańska Street in the old town of Kraków, southern Poland, May 3, 2019. "
    "(Photo/Anna Nowak)"
)


@pytest.fixture
def photos(tmp_path, cli) -> Path:
    """The three samples, renamed, imported into a fresh catalogue."""
    folder = tmp_path / "photos"
    folder.mkdir()
    for original, name in SHUFFLED.items():
        shutil.copyfile(IMAGES / original, folder / name)
    result = cli("import", str(folder))
    assert result.exit_code == 0, result.output
    return folder


def _json(cli, *args) -> dict:
    result = cli(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _by_file(report: dict) -> dict[str, dict]:
    return {Path(found["photo"]["path"]).name: found for found in report["links"]}


def _reasons(found: dict) -> list[tuple[float, str]]:
    return [(item["points"], item["reason"]) for item in found["evidence"]]


# --- the seed story, end to end -----------------------------------------------------------------------------


def test_the_seed_article_links_each_caption_to_its_photo(cli, photos):
    report = _json(cli, "link", str(ARTICLE))
    links = _by_file(report)
    assert {name: found["caption"]["text"] for name, found in links.items()} == {
        "a1.jpg": TRAIN, "b2.jpg": PROBE, "c3.jpg": AIRCRAFT,
    }
    assert report["not_linked"] == []
    assert [found["status"] for found in report["links"]] == ["stored"] * 3

    aircraft = _reasons(links["c3.jpg"])
    assert (WEIGHTS["caption_same"], "its embedded caption is the same (similarity 1.00)") in aircraft
    assert (WEIGHTS["same_day"], "taken the same day: 2025-10-14") in aircraft
    assert (WEIGHTS["byline_matches"], "its by-line is Zhang Dagang too") in aircraft
    gps = [reason for points, reason in aircraft if reason.startswith("GPS ")]
    assert len(gps) == 1 and re.fullmatch(r"GPS \d+(\.\d)? km from Hefei", gps[0]), gps
    assert float(gps[0].split()[1]) < 30
    assert links["c3.jpg"]["confidence"] > 0.99

    train = _reasons(links["a1.jpg"])
    assert (WEIGHTS["caption_same"], "its embedded caption is the same (similarity 1.00)") in train
    assert (WEIGHTS["same_day"], "taken the same day: 2025-08-03") in train
    assert links["a1.jpg"]["confidence"] > 0.99

    # The probe has no caption, no date, no GPS: the handout clue plus the other two links decide, weakly.
    handout = ("the caption is a handout released 2025-10-01, and the photo has no date or camera, "
               "as handouts often have none")
    assert _reasons(links["b2.jpg"]) == [(WEIGHTS["handout_bare"], handout)]
    assert 0.5 <= links["b2.jpg"]["confidence"] < 0.9


def test_linked_captions_are_stored_with_their_source(cli, photos):
    cli("link", str(ARTICLE))
    probe = _json(cli, "show", str(photos / "b2.jpg"))
    assert probe["caption"] == PROBE
    assert probe["sources"]["caption"] == "linked"
    assert probe["released"] == "2025-10-01"
    assert probe["credit"]["provider"] == "China National Space Administration"
    shown = cli("show", str(photos / "b2.jpg")).output
    assert "[linked from an article]" in shown


def test_the_text_output_shows_each_link_with_its_evidence(cli, photos):
    result = cli("link", str(ARTICLE), "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"{ARTICLE}: 3 captions, 3 candidate photos, 3 linked"
    headers = [line for line in lines if line.startswith("caption ")]
    assert [re.sub(r"confidence \d\.\d\d", "confidence N", line) for line in headers] == [
        "caption 1 (line 14) → photos/b2.jpg  confidence N",
        "caption 2 (line 20) → photos/c3.jpg  confidence N",
        "caption 3 (line 26) → photos/a1.jpg  confidence N",
    ]
    assert "   +3.0  taken the same day: 2025-10-14" in lines
    assert "   +6.0  its embedded caption is the same (similarity 1.00)" in lines
    assert "   +1.5  the caption is a handout released 2025-10-01, and the photo has no date or camera, " \
           "as handouts often have none" in lines
    assert lines[-1] == "Dry run: nothing stored."


def test_dry_run_stores_nothing(cli, photos):
    before = {name: _json(cli, "show", str(photos / name)) for name in SHUFFLED.values()}
    report = _json(cli, "link", str(ARTICLE), "--dry-run")
    assert len(report["links"]) == 3 and report["dry_run"] is True
    assert {found["status"] for found in report["links"]} == {"dry run"}
    after = {name: _json(cli, "show", str(photos / name)) for name in SHUFFLED.values()}
    assert after == before
    assert after["b2.jpg"]["caption"] is None


def test_linking_again_changes_nothing(cli, photos):
    cli("link", str(ARTICLE))
    again = cli("link", str(ARTICLE))
    assert again.exit_code == 0, again.output
    assert again.output.splitlines()[-1] == "Stored 0 captions (source: linked), 3 already linked."


def test_a_caption_that_matches_no_photo_is_refused_not_guessed(cli, photos, tmp_path):
    article = tmp_path / "krakow.txt"
    article.write_text(f"A walk through an old town.\n\n{KRAKOW}\n", encoding="utf-8")
    result = cli("link", str(article))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"{article}: 1 caption, 3 candidate photos, 0 linked"
    refused = [line for line in lines if line.startswith("not linked: ")]
    assert len(refused) == 1
    assert refused[0].startswith("not linked: Shoppers walk along Floriańska Street in the old town of… "
                                 "(caption 1, line 3) — best candidate b2.jpg at 0.")
    confidence = float(re.search(r"at (\d\.\d\d):", refused[0])[1])
    assert confidence < 0.5
    assert lines[-1] == "Nothing stored."
    assert _json(cli, "show", str(photos / "b2.jpg"))["caption"] is None


def test_a_stray_caption_does_not_disturb_the_others(cli, photos, tmp_path):
    article = tmp_path / "article.md"
    article.write_text(ARTICLE.read_text(encoding="utf-8") + f"\n{KRAKOW}\n", encoding="utf-8")
    report = _json(cli, "link", str(article))
    assert {name: found["caption"]["text"] for name, found in _by_file(report).items()} == {
        "a1.jpg": TRAIN, "b2.jpg": PROBE, "c3.jpg": AIRCRAFT,
    }
    [left] = report["not_linked"]
    assert left["caption"]["text"] == KRAKOW
    assert Path(left["best"]["photo"]["path"]).name == "b2.jpg"
    assert left["best"]["confidence"] < 0.5
    assert _reasons(left["best"]) == [(WEIGHTS["dated_caption_bare"],
                                       "no date on the photo, though the caption says 2019-05-03")]


def test_the_evidence_against_a_wrong_photo(cli, photos, tmp_path):
    article = tmp_path / "krakow.txt"
    article.write_text(KRAKOW, encoding="utf-8")
    report = _json(cli, "link", str(article), str(photos / "c3.jpg"))
    assert report["links"] == []
    [left] = report["not_linked"]
    reasons = {item["kind"]: item["points"] for item in left["best"]["evidence"]}
    assert reasons == {"caption": WEIGHTS["caption_other"], "date": WEIGHTS["dates_contradict"],
                       "place": WEIGHTS["gps_far"], "credit": WEIGHTS["byline_differs"]}
    assert left["best"]["confidence"] < 0.01


def test_photos_named_in_order_add_the_order_clue(cli, photos):
    named = [str(photos / name) for name in ("b2.jpg", "c3.jpg", "a1.jpg")]
    report = _json(cli, "link", str(ARTICLE), *named, "--dry-run")
    links = _by_file(report)
    assert {name: found["caption"]["number"] for name, found in links.items()} == {
        "b2.jpg": 1, "c3.jpg": 2, "a1.jpg": 3,
    }
    for found in links.values():
        assert "order" in [item["kind"] for item in found["evidence"]]
    # Named in a misleading order, the evidence still wins over the weak order clue.
    wrong = [str(photos / name) for name in ("a1.jpg", "b2.jpg", "c3.jpg")]
    report = _json(cli, "link", str(ARTICLE), *wrong, "--dry-run")
    assert {name: found["caption"]["number"] for name, found in _by_file(report).items()} == {
        "b2.jpg": 1, "c3.jpg": 2, "a1.jpg": 3,
    }


def test_threshold_turns_a_weak_link_into_a_refusal(cli, photos):
    report = _json(cli, "link", str(ARTICLE), "--threshold", "0.9", "--dry-run")
    assert sorted(_by_file(report)) == ["a1.jpg", "c3.jpg"]
    [left] = report["not_linked"]
    assert left["caption"]["text"] == PROBE
    assert Path(left["best"]["photo"]["path"]).name == "b2.jpg"


def test_a_caption_typed_by_hand_is_kept(cli, photos):
    typed = "A probe in deep space, seen by its own camera. (Photo provided by a reader)"
    assert cli("caption", str(photos / "b2.jpg"), typed).exit_code == 0
    report = _json(cli, "link", str(ARTICLE))
    assert sorted(_by_file(report)) == ["a1.jpg", "c3.jpg"]
    assert [left["caption"]["text"] for left in report["not_linked"]] == [PROBE]
    assert _json(cli, "show", str(photos / "b2.jpg"))["caption"] == typed


def test_an_article_without_captions_is_a_usage_error(cli, photos, tmp_path):
    article = tmp_path / "plain.md"
    article.write_text("# Notes\n\nNothing here carries a credit.\n", encoding="utf-8")
    result = cli("link", str(article))
    assert result.exit_code == 2
    assert "holds no caption" in result.output


def test_a_missing_article_is_exit_1(cli, photos, tmp_path):
    result = cli("link", str(tmp_path / "nowhere.md"))
    assert result.exit_code == 1
    assert "does not exist" in result.output


# --- finding captions in an article ------------------------------------------------------------------------


def test_captions_are_the_credited_paragraphs_and_file_labels():
    article = "\n".join([
        "# A heading (Photo/Not A Caption)",
        "",
        "Running text, short, with no credit at all.",
        "",
        "![the probe](pictures/a1.jpg)",
        "",
        "*This image released by the China National Space Administration on Oct. 1, 2025 shows a probe.",
        "(Photo provided by the China National Space Administration)*",
        "",
        "File: b2.jpg",
        "A bullet train crosses the Gobi.",
        "",
        "More running text.",
        "> A quoted caption: researchers in Hefei, Oct. 14, 2025. (Photo/Zhang Dagang)",
        "",
        "```",
        "A bullet train in Gansu, Aug. 3, 2025. (Photo/Xu Gang)",
        "```",
    ])
    captions = linking.find_captions(article)
    assert [(c.number, c.line, c.label, c.mentions) for c in captions] == [
        (1, 7, None, ("a1.jpg",)),
        (2, 10, "b2.jpg", ("b2.jpg",)),
        (3, 14, None, ()),
    ]
    assert captions[0].text == (
        "This image released by the China National Space Administration on Oct. 1, 2025 shows a probe. "
        "(Photo provided by the China National Space Administration)"
    )
    assert captions[1].text == "A bullet train crosses the Gobi."
    assert captions[2].text == "A quoted caption: researchers in Hefei, Oct. 14, 2025. (Photo/Zhang Dagang)"


def test_a_file_with_one_paragraph_per_line_gives_each_line():
    story = "\n".join([
        ("Some long running text about space exploration and the people behind it, which goes on and on for "
         "well over a hundred and sixty characters, as unwrapped paragraphs do."),
        AIRCRAFT,
        ("Another long paragraph of running text without a credit, long enough that nobody would wrap a line "
         "this long by hand in a text editor, so it is a paragraph of its own."),
        TRAIN,
    ])
    assert [(c.line, c.text) for c in linking.find_captions(story)] == [(2, AIRCRAFT), (4, TRAIN)]


def test_the_seed_article_holds_the_three_captions_verbatim():
    captions = linking.find_captions(ARTICLE.read_text(encoding="utf-8"))
    assert [c.text for c in captions] == [PROBE, AIRCRAFT, TRAIN]


@pytest.mark.parametrize(
    ("lines", "plain"),
    [
        (["**Bold** and *italic* and _under_ and `code`."], "Bold and italic and under and code."),
        (["> quoted", "> on two lines"], "quoted on two lines"),
        (["- a list item with [a link](http://example.com)"], "a list item with a link"),
        (["file_name_with_underscores.jpg stays"], "file_name_with_underscores.jpg stays"),
        (["![alt](a.jpg) A caption <em>here</em>."], "A caption here."),
    ],
)
def test_markdown_is_read_through(lines, plain):
    assert linking.clean_markdown(lines) == plain


# --- the clues, one by one ----------------------------------------------------------------------------------


def _photo(**values) -> Photo:
    values.setdefault("path", "/photos/x.jpg")
    values.setdefault("sources", {})
    return Photo(**values)


def _facts(date=None, kind=None, *, released=None, date_text=None, photographer=None, provider=None):
    return CaptionFacts(text="", credit=Credit(photographer=photographer, provider=provider), date=date,
                        date_kind=kind, released=released, date_text=date_text, location=Place())


@pytest.mark.parametrize(
    ("facts", "photo", "expected"),
    [
        (_facts("2025-10-14", "taken"), _photo(taken="2025-10-14T10:32:00+08:00"), [3.0]),
        (_facts("2025-10-14", "taken"), _photo(taken="2025-10-15"), [1.0]),
        (_facts("2025-10-14", "taken"), _photo(taken="2025-10"), [1.5]),
        (_facts("2025", "taken"), _photo(taken="2025-10-14"), [0.5]),
        (_facts("2025-10-14", "taken"), _photo(taken="2025-08-03"), [-3.0]),
        (_facts("2019-05-03", "taken"), _photo(), [-0.5]),
        (_facts("2019-05-03", "taken"), _photo(make="SampleCam"), []),
        (_facts("2025-10-01", "released"), _photo(taken="2025-10-14"), [-3.0]),
        (_facts("2025-10-01", "released"), _photo(taken="2025-09-30"), []),
        (_facts("2025-10-01", "released"), _photo(), [1.5]),
        (_facts(provider="NASA"), _photo(), [1.5]),
        (_facts("2025-10-14", "taken", released="2025-10-20"), _photo(taken="2025-10-14"), [3.0]),
        (_facts(date_text="Oct. 14"), _photo(taken="2025-10-14T10:32:00"), [2.0]),
        (_facts(date_text="Oct. 14"), _photo(taken="2025-10-16"), [-1.5]),
    ],
)
def test_date_evidence(facts, photo, expected):
    assert [item.points for item in linking.date_evidence(facts, photo)] == expected


def test_a_date_from_the_photos_own_caption_says_so():
    photo = _photo(taken="2025-08-03", sources={"taken": "caption"})
    [item] = linking.date_evidence(_facts("2025-10-14", "taken"), photo)
    reason = "the dates disagree: caption 2025-10-14, the date in its own caption 2025-08-03"
    assert item == Evidence("date", -3.0, reason)


HEFEI = CaptionPlace("Hefei", "city", 31.8639, 117.2808, frozenset({"hefei"}), frozenset({"anhui"}), "CN")
GANSU = CaptionPlace("Gansu", "province", 38.0, 102.0, frozenset(), frozenset({"gansu"}), "CN")


@pytest.mark.parametrize(
    ("place", "lat", "lon", "points"),
    [
        (HEFEI, 31.7795, 117.2925, 3.0),  # Luogang Park, about 10 km
        (HEFEI, 31.30, 117.30, 1.5),  # about 60 km
        (HEFEI, 32.9, 117.4, None),  # about 115 km: says nothing
        (HEFEI, 36.06, 103.83, -3.0),  # Lanzhou
        (GANSU, 36.06, 103.83, 1.0),
        (GANSU, 31.7795, 117.2925, -3.0),
    ],
)
def test_gps_evidence(place, lat, lon, points):
    found = linking.gps_evidence(place, lat, lon)
    assert [item.points for item in found] == ([] if points is None else [points])


def test_gps_is_not_compared_when_it_is_only_the_gazetteers_point():
    approximate = _photo(lat=31.8639, lon=117.2808, location_approx=True)
    assert linking.place_evidence(HEFEI, approximate, None) == []


@pytest.mark.parametrize(
    ("photo_place", "points"),
    [
        (("hefei", "anhui", "CN"), 2.0),
        (("lanzhou new area", "gansu", "CN"), -2.0),
        (("wuhu", "anhui", "CN"), -1.0),
        ((None, "anhui", "CN"), 1.0),
        ((None, None, "CN"), 0.3),
        (("krakow", "lesser poland", "PL"), -3.0),
    ],
)
def test_place_names_evidence(photo_place, points):
    city, province, country = photo_place
    names = evidence._PhotoPlace(frozenset({city}) if city else frozenset(),
                                frozenset({province}) if province else frozenset(), country, "IPTC")
    assert [item.points for item in linking.names_evidence(HEFEI, names)] == [points]


def test_a_city_written_longer_is_the_same_city():
    lanzhou = CaptionPlace("Lanzhou", "city", None, None, frozenset({"lanzhou"}), frozenset({"gansu"}), "CN")
    names = evidence._PhotoPlace(frozenset({"lanzhou new area"}), frozenset({"gansu"}), "CN", "its caption")
    assert [item.points for item in linking.names_evidence(lanzhou, names)] == [WEIGHTS["same_city"]]


def test_caption_similarity():
    same = linking.similarity_of(linking.caption_words(AIRCRAFT), linking.caption_words(AIRCRAFT))
    shortened = linking.similarity_of(
        linking.caption_words(AIRCRAFT.split(" at the Luogang")[0] + ". (Photo/Zhang Dagang)"),
        linking.caption_words(AIRCRAFT),
    )
    other = linking.similarity_of(linking.caption_words(TRAIN), linking.caption_words(AIRCRAFT))
    assert same == 1.0
    assert linking.SIMILAR <= shortened < linking.SAME
    assert other < linking.OTHER
    assert [item.points for item in linking.caption_evidence(other, "iptc")] == [WEIGHTS["caption_other"]]


def test_file_names_beside_a_caption():
    photo = _photo(path="/photos/a1.jpg")
    assert [item.points for item in linking.file_evidence(["A1.JPG"], photo)] == [WEIGHTS["file_named"]]
    assert [item.points for item in linking.file_evidence(["b2.jpg"], photo)] == [WEIGHTS["other_file_named"]]
    assert linking.file_evidence([], photo) == []


def test_by_line_is_compared_only_when_embedded():
    facts = _facts(photographer="Zhang Dagang")
    embedded = _photo(photographer="Zhang Dagang", sources={"credit.photographer": "iptc"})
    other = _photo(photographer="Xu Gang", sources={"credit.photographer": "xmp"})
    from_caption = _photo(photographer="Xu Gang", sources={"credit.photographer": "caption"})
    assert [item.points for item in linking.credit_evidence(facts, embedded)] == [2.0]
    assert [item.points for item in linking.credit_evidence(facts, other)] == [-1.5]
    assert linking.credit_evidence(facts, from_caption) == []


# --- from points to confidence ------------------------------------------------------------------------------


def test_no_evidence_is_not_enough():
    [[alone]] = link_probabilities([[0.0]])
    assert alone == pytest.approx(1 / (1 + 2.718281828 ** linking.NOT_HERE))
    assert alone < 0.5


def test_elimination_settles_a_caption_that_fits_two_photos():
    # Caption 0 fits photo 0 strongly; caption 1 fits both photos equally: photo 0 is taken, so photo 1.
    probabilities = link_probabilities([[8.0, -3.0], [2.0, 2.0]])
    assert probabilities[0][0] > 0.99
    assert probabilities[1][1] > 0.7
    assert probabilities[1][0] < 0.3
    alone = link_probabilities([[2.0, 2.0]])[0]
    assert alone[1] < 0.5 < probabilities[1][1]


def test_two_captions_claiming_one_photo_are_both_refused():
    probabilities = link_probabilities([[3.0], [3.0]])
    assert probabilities[0][0] == pytest.approx(probabilities[1][0])
    assert probabilities[0][0] < 0.5


def test_a_clue_shared_by_many_photos_links_nothing():
    many = [[1.5] * 500]
    probabilities = link_probabilities(many)[0]
    assert max(probabilities) < 0.01
    assert sum(probabilities) < 1


def test_forbidden_pairs_get_nothing():
    assert link_probabilities([[None, 4.0]])[0][0] == 0.0


def test_links_are_one_to_one_and_above_the_threshold():
    captions = [linking.Caption(n, n, f"caption {n}", _facts()) for n in (1, 2)]
    photos = [_photo(path="/p/x.jpg"), _photo(path="/p/y.jpg")]
    rows = [[linking.Pairing(c, p) for p in photos] for c in captions]
    confidences = [[0.9, 0.05], [0.8, 0.15]]
    for row, values in zip(rows, confidences):
        for pairing, value in zip(row, values):
            pairing.confidence = value
    links, best = linking.choose(rows, 0.5)
    assert [(p.caption.number, p.photo.path) for p in links] == [(1, "/p/x.jpg")]
    assert [(b.caption.number, b.photo.path) for b in best] == [(2, "/p/x.jpg")]

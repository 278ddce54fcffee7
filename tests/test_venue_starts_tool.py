"""The readings of where a Chinese venue's name starts (tools/venue_starts.py), on rows and captions made up here."""

from __future__ import annotations

from tools import venue_starts as starts


def _row(key: int, plain: str, taken: str, *labels: str) -> starts.Row:
    return starts.Row(f"zh_fresh9{key % 3}.jsonl:{key}", plain, taken, list(labels), key)


def test_the_pairs_of_han_characters():
    assert starts.pairs("骆岗公园") == ["骆岗", "岗公", "公园"]
    assert starts.pairs("G9高速公路") == ["高速", "速公", "公路"]


def test_the_counts_of_labelled_venues_and_of_the_captions():
    seen = starts.counts([_row(1, "游客在青禾公园赏花,记者拍摄。", "青禾公园", "青禾公园")])
    assert seen.inside["青禾"] == 1 and seen.inside["拍摄"] == 0
    assert seen.written["拍摄"] == 1 and seen.labelled == {"青禾公园"}


def test_an_opening_pair_written_often_and_never_in_a_name_is_cut_off():
    rows = [_row(k, f"第{k}天,记者拍摄游客。游客在青禾公园赏花。", "青禾公园", "青禾公园") for k in range(6)]
    seen = starts.counts(rows)
    assert starts.opening("拍摄青禾公园", seen, 5) == "青禾公园"
    assert starts.opening("拍摄青禾公园", seen, 8) == "拍摄青禾公园"  # written too few times to say
    assert starts.opening("拍摄广场", seen, 5) is None  # a kind of place alone is left: no venue
    assert starts.opening("青禾公园", seen, 5) == "青禾公园"


def test_a_name_grown_leftward_from_its_venue_word_stops_at_a_character_of_no_name():
    rows = [_row(k, "记者拍摄了青禾公园和青禾公园的人。", "青禾公园", "青禾公园") for k in range(6)]
    seen = starts.counts(rows)
    assert starts.grown("拍摄青禾公园", seen, -0.5) == "青禾公园"
    assert starts.grown("青禾公园", seen, -0.5) == "青禾公园"


def test_a_span_written_whole_in_many_captions_and_never_labelled_is_no_venue():
    rows = [_row(k, "球员在篮球场上拼抢。", "篮球场") for k in range(4)]
    seen = starts.counts(rows)
    assert starts.common("篮球场", seen, 3) is None
    assert starts.common("篮球场", seen, 5) == "篮球场"
    assert starts.common("青禾公园", starts.counts([_row(9, "青禾公园。", "青禾公园", "青禾公园")]), 1) == "青禾公园"


def test_the_outcomes_out_of_fold_count_a_wrong_value_removed_and_a_right_one_lost():
    rows = [_row(k, "球员在篮球场上拼抢。", "篮球场") for k in range(10)]
    rows += [_row(10 + k, "市民在篮球场健身。", "篮球场", "青禾村篮球场") for k in range(2)]
    counted, changed = starts.outcomes(rows, "common", 3)
    assert counted["removed"] == 10 and counted["lost"] == 2 and counted["changed"] == 12
    assert all(value is None for _, value in changed)
    assert starts.newest_sets(rows, 1) == {"zh_fresh92.jsonl"}


def test_a_span_ending_inside_a_word_written_often_and_never_at_a_names_end_is_no_venue():
    rows = [_row(k, "工人在新建的厂房里忙碌,青禾河边有人。", "青禾河", "青禾河") for k in range(4)]
    seen = starts.counts(rows)
    assert seen.across["河边"] == 4 and seen.written["厂房"] == 4
    assert starts.ending("标准厂", seen, 3, plain="园区标准厂房已入驻。") is None
    assert starts.ending("青禾河", seen, 3, plain="游客在青禾河边散步。") == "青禾河"  # 河边 ends a labelled name
    assert starts.ending("标准厂", seen, 5, plain="园区标准厂房已入驻。") == "标准厂"  # written too few times

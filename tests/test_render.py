"""The one list of a photo's fields that `catalog show` and the photo page both present."""

import pytest

from catalog import render
from catalog.models import Photo
from catalog.render import photo_fields, photo_json


def test_fields_name_their_source_and_leave_out_the_unknown():
    record = photo_json(Photo(
        id=1, path="/p/a.jpg", format="JPEG", width=1600, height=1067, size=104208,
        caption="A caption. (Photo/Xu Gang)", photographer="Xu Gang", taken="2025-10", keywords=["train"],
        sources={"caption": "linked", "credit.photographer": "caption", "taken": "iptc"}, conflicts=[]))
    rows = {name: (value, source) for name, value, source in photo_fields(record)}
    assert rows["format"] == ("JPEG 1600×1067, 104,208 bytes", None)
    assert rows["caption"] == ("A caption. (Photo/Xu Gang)", "linked from an article")
    assert rows["photographer"] == ("Xu Gang", "caption")
    assert rows["taken"] == ("2025-10 (month)", "IPTC")
    assert rows["keywords"] == ("train", None)
    assert "headline" not in rows and "GPS" not in rows and "camera" not in rows


@pytest.mark.parametrize("columns", [None, "77", "0", "-5", "wide", ""])
def test_the_table_is_as_wide_as_shutil_says_the_terminal_is(monkeypatch, columns):
    import shutil

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    for lines in (None, "0", "30"):
        if lines is None:
            monkeypatch.delenv("LINES", raising=False)
        else:
            monkeypatch.setenv("LINES", lines)
        assert render.terminal_columns(120) == shutil.get_terminal_size((120, 20)).columns


#: Stored dates -> as every table shows them. The usual shape (day, time, offset) is read in one match; every other
#: shape, and a day that does not exist, goes the long way, and both must say the same.
TAKEN = [
    ("2025-10-14T10:32:07+08:00", "2025-10-14 10:32 +08:00"),
    ("2025-10-14T10:32:07-0800", "2025-10-14 10:32 -08:00"),
    ("2025-10-14T10:32:07.25Z", "2025-10-14 10:32 UTC"),
    ("2025-10-14T10:32+05:30", "2025-10-14 10:32 +05:30"),
    ("2025-10-14T10:32:07", "2025-10-14 10:32"),
    ("2025-10-14T10:32:07+08", "2025-10-14 10:32"),        # an offset without minutes is not read as one
    ("2025-10-14 10:32", "2025-10-14 10:32"),
    ("2025-1-4T10:32:07", "2025-1-4 10:32"),
    ("2025-02-30T10:32:07+08:00", "2025-02-30T10:32:07+08:00 (no such date)"),  # no such day: shown as stored, and said
    ("2025-W42-2T10:32:07+08:00", "2025-W42-2T10:32:07+08:00 (no such date)"),  # a week date is not a stored shape
    ("2025-10-14", "2025-10-14"),
    ("2025-10", "2025-10 (month)"),
    ("2025", "2025 (year)"),
    ("", ""),
    (None, ""),
]


@pytest.mark.parametrize(("stored", "shown"), TAKEN)
def test_a_date_is_shown_to_the_minute_in_its_own_offset(stored, shown):
    assert render.taken_text(stored) == shown


def test_a_column_of_dates_is_shown_as_each_date_alone():
    # taken_texts cuts the usual shape into parts and checks each distinct part once: every shape, a day that does
    # not exist, a part shared by a good and a bad value, and a NUL (its own marker) must come out as taken_text.
    stored = [value for value, _ in TAKEN] + [
        "2025-02-30T10:32:07+08:00", "2024-02-29T23:59:59Z", "2025-10-14T10:32:07+08:00 ",
        "2025-10-14T1\x002:07Z", "2025-10-14T10:32:07\x00", "\x00", "２０２５-10-14T10:32:07+08:00",
        "2025-10-14T10:32:07+08:00\n", "2025-10-14T",
    ]
    assert render.taken_texts(stored) == [render.taken_text(value) for value in stored]
    assert render.taken_texts(stored[::-1]) == [render.taken_text(value) for value in stored[::-1]]
    assert render.taken_texts([]) == []



@pytest.mark.parametrize("day", [
    "2025-10-14", "2024-02-29", "2023-02-29", "2025-02-30", "2025-13-01", "2025-00-10", "2025-10-00", "0000-01-01",
    "0001-01-01", "9999-12-31", "２０２５-10-14", "2025-10-1４", "2025-W42-1", "2025-1-014", "20251014", "2025-10-1",
    "2025-10-14 ", "+025-10-14", " 025-10-14", "2025-10-14T", "2025/10/14", "",
])
def test_a_real_day_is_told_as_the_calendar_tells_it(day):
    # _real_day asks date.fromisoformat first (ASCII digits only) and reads any other digits the long way: both
    # must say what the pattern of a day and the calendar say.
    import re
    from datetime import date

    match = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", day)
    try:
        expected = match is not None and bool(date(int(match[1]), int(match[2]), int(match[3])))
    except ValueError:
        expected = False
    assert render._real_day(day) is expected

def test_a_column_of_places_is_shown_as_each_place_alone():
    cities, provinces, countries = [None, "Lanzhou", "", "Lanzhou"], ["Gansu"] * 4, ["China", "China", None, "China"]
    assert render.place_texts(cities, provinces, countries) == ["Gansu, China", "Lanzhou, Gansu, China", "Gansu",
                                                                "Lanzhou, Gansu, China"]


def test_long_cells_are_cut_and_newlines_become_spaces(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    rows = [["1", "a caption\nover two lines " + "x" * 80, "short"], ["22", "", "a"]]
    text = render.table(rows, ["id", "caption", "file"])
    assert text.splitlines() == [  # 60 columns: 2 + 49 + 5 and two gaps of two
        "id  caption                                            file",
        "--  -------------------------------------------------  -----",
        "1   a caption over two lines xxxxxxxxxxxxxxxxxxxxxxx…  short",
        "22                                                     a",
    ]
    assert render.table([], ["id", "file"]).splitlines() == ["id  file", "--  ----"]
    columns = [["1", "22"], [rows[0][1], ""], ["short", "a"]]
    assert render.table_of_columns(columns, ["id", "caption", "file"]) == text

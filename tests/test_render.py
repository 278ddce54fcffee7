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

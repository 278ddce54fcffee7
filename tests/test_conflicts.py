"""Where EXIF, IPTC and XMP disagree: `catalog show` lists each copy with its block; `conflicts:yes` finds them."""

from __future__ import annotations

import json

from tests.helpers import jpeg_with_metadata, plain_jpeg


def test_show_and_search_conflicts(cli, tmp_path):
    jpeg_with_metadata(tmp_path / "split.jpg", iptc={
        "Iptc.Application2.Caption": "Old caption from the wire. (Xinhua/Li Xin)",
        "Iptc.Application2.City": "Lanzhou"},
        xmp={"Xmp.dc.description": "Corrected caption by the desk. (Xinhua/Li Xin)", "Xmp.photoshop.City": "Lanzhou"})
    jpeg_with_metadata(tmp_path / "agreed.jpg", iptc={"Iptc.Application2.City": "Hefei"},
                       xmp={"Xmp.photoshop.City": "Hefei"})
    plain_jpeg(tmp_path / "plain.jpg")
    assert cli("import", str(tmp_path)).exit_code == 0

    shown = cli("show", "split.jpg").output
    assert "The copies disagree" in shown
    block = shown.split("The copies disagree", 1)[1]
    assert "caption" in block
    assert "IPTC: Old caption from the wire." in block
    assert "XMP: Corrected caption by the desk." in block
    assert "city" not in block  # the copies of the city agree

    record = json.loads(cli("show", "split.jpg", "--format", "json").output)
    fields = {c["field"] for c in record["conflicts"]}
    assert fields == {"caption"}

    assert "disagree" not in cli("show", "agreed.jpg").output
    found = cli("search", "conflicts:yes", "--format", "paths").output.split()
    assert [p.rsplit("/", 1)[-1] for p in found] == ["split.jpg"]
    others = cli("search", "conflicts:no", "--format", "paths").output.split()
    assert sorted(p.rsplit("/", 1)[-1] for p in others) == ["agreed.jpg", "plain.jpg"]

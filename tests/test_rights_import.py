"""Restrictions and provenance kept at import, shown, and searched: restriction texts and embargo times in several
zones written with ExifTool, Digital Source Type values, and C2PA Content Credentials signed here and tampered
with; `catalog write` refuses to break a valid signature unless --force. On SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.test_provenance import CAPTURE, TRAINED, picture, sign, signer, tamper  # noqa: F401 (signer: a fixture)
from tests.wire import needs_exiftool, wire_jpeg

OCT10 = datetime(2025, 10, 10, 6, 0, tzinfo=UTC)
DEC01 = datetime(2025, 12, 1, 6, 0, tzinfo=UTC)


def found(cli, *terms: str) -> set[str]:
    result = cli("search", *terms, "--format", "paths")
    assert result.exit_code == 0, result.output
    return {Path(line).name for line in result.stdout.splitlines()}


def record(cli, name: str) -> dict:
    result = cli("show", name, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@needs_exiftool
def test_restrictions_are_kept_shown_and_searched(cli, tmp_path):
    wire_jpeg(tmp_path / "wire.jpg", "-IPTC:SpecialInstructions=MANDATORY CREDIT. NO SALES. JAPAN OUT",
              "-XMP-xmpRights:UsageTerms=Editorial use only",
              "-IPTC:Caption-Abstract=Crowds gather in Tokyo, Oct. 9, 2025. (Kyodo)",
              "-IPTC:OriginalTransmissionReference=tok101", arrived=OCT10)
    wire_jpeg(tmp_path / "free.jpg", "-IPTC:Caption-Abstract=A quiet street in Osaka. (Photo/Zhang Dagang)")
    assert cli("import", str(tmp_path), "-q").exit_code == 0
    restrictions = record(cli, "wire.jpg")["restrictions"]
    assert [(r["kind"], r["region"], r["source"]) for r in restrictions] == [
        ("mandatory_credit", None, "instructions"), ("no_sales", None, "instructions"),
        ("region_out", "JAPAN", "instructions"), ("editorial_only", None, "usage_terms")]
    assert record(cli, "free.jpg")["restrictions"] == []
    assert found(cli, "restricted:yes") == {"wire.jpg"}
    assert found(cli, "restricted:no") == {"free.jpg"}
    assert found(cli, "restricted:region_out,no_archives") == {"wire.jpg"}
    assert found(cli, "restricted:no_archives") == set()
    assert found(cli, "-restricted:editorial_only") == {"free.jpg"}
    shown = cli("show", "wire.jpg").stdout
    assert 'region_out (JAPAN): "JAPAN OUT" [instructions]' in shown
    bad = cli("search", "restricted:sometimes")
    assert bad.exit_code == 2 and "editorial_only" in bad.output


@needs_exiftool
def test_embargoes_in_several_zones_and_the_time_they_are_judged_at(cli, tmp_path):
    for name, note in (("gmt.jpg", "EMBARGOED UNTIL 0001 GMT OCT 14"), ("jst.jpg", "EMBARGOED UNTIL 0900 JST OCT 14"),
                       ("edt.jpg", "EMBARGOED UNTIL 1900 EDT OCT 13")):
        wire_jpeg(tmp_path / name, f"-IPTC:Caption-Abstract=Leaders meet in Tokyo. {note} (Kyodo)", arrived=OCT10)
    # The same year-less note on a picture delivered in December: the next October 14 is in 2026.
    wire_jpeg(tmp_path / "late.jpg", "-IPTC:Caption-Abstract=Leaders meet. EMBARGOED UNTIL 0001 GMT OCT 14 (Kyodo)",
              arrived=DEC01)
    assert cli("import", str(tmp_path), "-q").exit_code == 0
    names = ("gmt.jpg", "jst.jpg", "edt.jpg", "late.jpg")
    until = {name: record(cli, name)["restrictions"][0]["until"] for name in names}
    assert until == {"gmt.jpg": "2025-10-14T00:01:00+00:00", "jst.jpg": "2025-10-14T00:00:00+00:00",
                     "edt.jpg": "2025-10-13T23:00:00+00:00", "late.jpg": "2026-10-14T00:01:00+00:00"}
    assert found(cli, "embargoed:yes", "--at", "2025-10-13T22:59Z") == {"gmt.jpg", "jst.jpg", "edt.jpg", "late.jpg"}
    assert found(cli, "embargoed:yes", "--at", "2025-10-14T08:30+09:00") == {"gmt.jpg", "jst.jpg", "late.jpg"}
    assert found(cli, "embargoed:yes", "--at", "2025-10-14T00:00:30Z") == {"gmt.jpg", "late.jpg"}
    assert found(cli, "embargoed:no", "--at", "2025-10-14T00:00:30Z") == {"jst.jpg", "edt.jpg"}
    assert found(cli, "embargoed:yes") == set()  # today, 2026-12 or later: every one has ended
    assert found(cli, "restricted:embargo", "--at", "2025-10-14T00:00:30Z") == {"gmt.jpg", "late.jpg"}
    bad = cli("search", "embargoed:yes", "--at", "next tuesday")
    assert bad.exit_code == 2 and "--at" in bad.output


@needs_exiftool
@pytest.mark.parametrize(("value", "ai"), [("digitalCapture", False), ("compositeWithTrainedAlgorithmicMedia", True),
                                          ("algorithmicMedia", True), ("dataDrivenMedia", None)])
def test_digital_source_types_are_kept_and_searched(cli, tmp_path, value, ai):
    wire_jpeg(tmp_path / "one.jpg", f"-XMP-iptcExt:DigitalSourceType=http://cv.iptc.org/newscodes/digitalsourcetype/{value}")
    wire_jpeg(tmp_path / "silent.jpg")
    assert cli("import", str(tmp_path), "-q").exit_code == 0
    provenance = record(cli, "one.jpg")["provenance"]
    assert (provenance["source_type"], provenance["ai"]) == (value, ai)
    assert found(cli, "ai:yes") == ({"one.jpg"} if ai else set())
    assert found(cli, "ai:no") == ({"silent.jpg"} if ai else {"one.jpg", "silent.jpg"})
    assert record(cli, "silent.jpg")["provenance"] == {"source_type": None, "ai": None, "c2pa": {
        "present": False, "valid": None, "issuer": None, "generator": None, "actions": [], "errors": []}}


def test_content_credentials_valid_invalid_and_none(cli, tmp_path, signer):  # noqa: F811
    folder = tmp_path / "photos"
    folder.mkdir()
    signed = sign(signer, picture(tmp_path / "plain.jpg"), folder / "signed.jpg", CAPTURE)
    tamper(sign(signer, picture(tmp_path / "plain2.jpg", (10, 200, 10)), tmp_path / "s2.jpg", TRAINED),
           folder / "tampered.jpg")
    picture(folder / "plain.jpg", (10, 10, 200))
    assert cli("import", str(folder), "-q").exit_code == 0
    assert found(cli, "c2pa:valid") == {"signed.jpg"}
    assert found(cli, "c2pa:invalid") == {"tampered.jpg"}
    assert found(cli, "c2pa:none") == {"plain.jpg"}
    c2pa = record(cli, "signed.jpg")["provenance"]["c2pa"]
    assert (c2pa["present"], c2pa["valid"], c2pa["issuer"]) == (True, True, "Catalog Test Desk")
    assert "C2PA Content Credentials: valid, signed by Catalog Test Desk" in cli("show", "signed.jpg").stdout
    result = cli("check", "c2pa:invalid", "--format", "json")
    [photo] = json.loads(result.stdout)
    checks = {finding["check"]: finding for finding in photo["findings"]}
    assert checks["c2pa_invalid"]["severity"] == "warn"
    assert any("mismatch" in error for error in checks["c2pa_invalid"]["evidence"]["errors"])
    assert checks["ai_generated"]["severity"] == "block"  # its manifest records an AI generation
    assert signed.exists()


def test_write_refuses_to_break_valid_credentials_unless_forced(cli, tmp_path, signer):  # noqa: F811
    folder = tmp_path / "photos"
    folder.mkdir()
    signed = sign(signer, picture(tmp_path / "plain.jpg"), folder / "signed.jpg", CAPTURE)
    assert cli("import", str(folder), "-q").exit_code == 0
    assert cli("set", "signed.jpg", "caption=A red square, signed at the desk.").exit_code == 0
    before = hashlib.sha256(signed.read_bytes()).hexdigest()
    for args in (("write", "signed.jpg"), ("write", "signed.jpg", "--dry-run")):
        result = cli(*args)
        assert result.exit_code == 1
        assert "valid C2PA Content Credentials signed by Catalog Test Desk" in result.output
        assert "--force" in result.output
    assert hashlib.sha256(signed.read_bytes()).hexdigest() == before
    result = cli("write", "signed.jpg", "--force")
    assert result.exit_code == 0, result.output
    assert "no longer match" in result.output
    assert hashlib.sha256(signed.read_bytes()).hexdigest() != before
    assert found(cli, "c2pa:invalid") == {"signed.jpg"}  # read again after the write: broken, as warned


@needs_exiftool
def test_a_caption_given_at_import_is_read_for_restrictions_too(cli, tmp_path):
    wire_jpeg(tmp_path / "handout.jpg", arrived=OCT10)
    captions = tmp_path / "captions.txt"
    captions.write_text("File: handout.jpg\nThe probe in orbit. HANDOUT - EDITORIAL USE ONLY. NO SALES. "
                        "(Photo: China National Space Administration)\n", encoding="utf-8")
    assert cli("import", str(tmp_path), "--captions", str(captions), "-q").exit_code == 0
    kinds = [r["kind"] for r in record(cli, "handout.jpg")["restrictions"]]
    assert {"handout", "editorial_only", "no_sales"} <= set(kinds)

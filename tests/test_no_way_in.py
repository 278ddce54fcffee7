"""No way in: search terms are data, never SQL or full-text syntax; exports write only where they were told.

Every query term reaches the database as a bound parameter (LIKE patterns escaped, full-text words quoted),
so quotes, %, _, SQL and FTS5/tsquery operators in a term match literally or not at all. Checked on SQLite
and, when CATALOG_TEST_POSTGRES is set, on PostgreSQL. Exports are run over a catalogue whose paths were
tampered with (as one copied from elsewhere could be). HTML escaping of captions and names, the contact
sheet's confinement against planted symlinks, and the sidecar writer's refusals one by one are tested beside
those features, in test_web.py and test_sidecars.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import inspect, text

from catalog.errors import QueryError, UsageError
from tests.image_bytes import press_jpeg

PHOTOS = {
    "percent.jpg": ("Shares in the maker rose 100% after the test flight.", "Studio 100%"),
    "quotes.jpg": ("O'Brien's photo of the \"quiet\" platform.", "Pat O'Brien"),
    "underscore.jpg": ("The file_name field was empty.", "Under_Score"),
    "sql.jpg": ("Robert'); DROP TABLE photo; -- was the caption.", "Bobby Tables"),
    "plain.jpg": ("A bullet train runs across the plain.", "Xu Gang"),
}


@pytest.fixture
def catalogue(lib, tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    for index, (name, (caption, by_line)) in enumerate(PHOTOS.items()):
        (folder / name).write_bytes(press_jpeg(index, caption=caption, by_line=by_line))
    report = lib.import_paths([str(folder)], workers=1)
    assert (report.added, report.failed) == (len(PHOTOS), 0), report.failures
    return lib


def _names(lib, *terms: str) -> set[str]:
    return {Path(photo.path).name for photo in lib.search(list(terms)).photos}


def _schema(lib) -> tuple:
    with lib.engine.connect() as conn:
        tables = sorted(inspect(conn).get_table_names())
        photos = conn.execute(text("SELECT count(*) FROM photo")).scalar()
    return tables, photos


@pytest.mark.parametrize("terms, found", [
    (["100%"], {"percent.jpg"}),  # the digits are the word; % is not a wildcard
    (["by:100%"], {"percent.jpg"}),
    (["credit:100%"], {"percent.jpg"}),
    (["by:O'Brien"], {"quotes.jpg"}),
    (["O'Brien's"], {"quotes.jpg"}),
    (['"quiet" platform'], {"quotes.jpg"}),
    (["Robert'); DROP TABLE photo; --"], {"sql.jpg"}),  # matched as the words it holds, and nothing runs
    (["by:' OR '1'='1"], set()),
    (["credit:%' OR 1=1 --"], set()),
    (["in:x' OR '1'='1"], set()),
    (["keyword:%"], {"percent.jpg"}),
    (["train OR flight"], set()),  # OR is a word here, not an operator: no caption has all three words
    (["NEAR(train plain)"], set()),  # NEAR is a word to find, not an operator
    (["train*"], {"plain.jpg"}),  # * is not a prefix operator: the word is "train"
    (["trai*"], set()),
    (["file_name"], {"underscore.jpg"}),
    (["-train"], set(PHOTOS) - {"plain.jpg"}),
], ids=lambda value: repr(value) if isinstance(value, list) else None)
def test_terms_match_literally_or_not_at_all(catalogue, terms, found):
    before = _schema(catalogue)
    assert _names(catalogue, *terms) == found
    assert _schema(catalogue) == before


@pytest.mark.parametrize("term", ["by:%", "by:_", "by:%%"])
def test_a_name_of_only_punctuation_is_refused_not_a_wildcard(catalogue, term):
    # by: matches whole name tokens (catalog.entities): a name without letters or digits has none to match
    with pytest.raises(QueryError, match="needs a name with letters"):
        _names(catalogue, term)


@pytest.mark.parametrize("term", ["%", "_", "'", "--", ";", "*", '"', "()", "^", "%%", "_%_"])
def test_a_term_of_only_punctuation_matches_nothing_or_is_refused(catalogue, term):
    try:
        assert _names(catalogue, term) == set()
    except QueryError as error:
        assert term in str(error)


def test_the_cli_treats_sql_as_text(cli, catalogue):
    before = _schema(catalogue)
    result = cli("search", "'; DROP TABLE photo; --", "--format", "paths")
    assert result.exit_code == 0, result.output
    assert [Path(line).name for line in result.output.splitlines()] == ["sql.jpg"]
    assert cli("search", "%").exit_code == 2
    assert _schema(catalogue) == before


ALPHABET = st.sampled_from(list("aeilnoprst %_'\";-*()^:,.\\/|&!<>=~{}[]0123456789") + ["OR", "AND", "NOT", "NEAR",
                                                                                      "DROP", "SELECT"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(ALPHABET, min_size=1, max_size=12).map("".join), min_size=1, max_size=3))
def test_any_terms_select_a_subset_or_are_refused(catalogue, terms):
    """Whatever the terms hold: a subset of the photos, or a usage error naming the term; never a database error."""
    everything = {Path(p.path).name for p in catalogue.search([]).photos}
    try:
        names = _names(catalogue, *terms)
    except UsageError as error:
        assert str(error)
        return
    assert names <= everything
    assert catalogue.count() == len(PHOTOS)


def test_a_json_export_writes_only_the_file_it_was_given(cli, catalogue, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    before = set(tmp_path.rglob("*"))
    result = cli("export", "-o", str(out / "all.json"))
    assert result.exit_code == 0, result.output
    assert set(tmp_path.rglob("*")) - before == {out / "all.json"}


def test_the_contact_sheet_stays_in_its_folder_whatever_the_catalogue_says(cli, catalogue, tmp_path):
    """Paths in a catalogue (one copied from elsewhere, say) may hold '..' and odd names: files are named by id."""
    pytest.importorskip("jinja2")
    with catalogue.engine.begin() as conn:
        for index, (pid,) in enumerate(conn.execute(text("SELECT id FROM photo ORDER BY id")).all()):
            hostile = [f"{tmp_path}/photos/../../../../tmp/escape-{index}.jpg", f"../../escape-{index}.jpg",
                       f"{tmp_path}/photos/sub/../../../outside-{index}.jpg", f"/etc/passwd{index}",
                       f"{tmp_path}/photos/{index}/../../index.html"][index % 5]
            conn.execute(text("UPDATE photo SET path = :p WHERE id = :id"), {"p": hostile, "id": pid})
    out = tmp_path / "sheet"
    before = {p for p in Path(tmp_path).rglob("*") if "cache" not in p.parts}
    result = cli("export", "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    written = {p for p in Path(tmp_path).rglob("*") if "cache" not in p.parts} - before
    assert written and all(out == p or out in p.parents for p in written)
    assert not any(Path("/tmp").glob("escape-*.jpg"))
    assert os.path.exists("/etc/passwd") and not os.path.exists("/etc/passwd0.jpg")


def test_sidecars_are_never_written_where_a_catalogued_path_leads_astray(cli, catalogue, tmp_path):
    """Paths in a catalogue (one copied from elsewhere, say) that climb out with '..', are relative, or hold a
    line break are refused one by one; what is written is only ever beside a photo, under its own name."""
    victim = tmp_path / "elsewhere"
    victim.mkdir()
    (victim / "target.jpg").write_bytes(press_jpeg(77))
    photos = tmp_path / "photos"
    hostile = [f"{photos}/../elsewhere/target.jpg", "elsewhere/target.jpg", f"{photos}/evil\nname.jpg",
               f"{photos}/sub/../../elsewhere/target.jpg"]
    with catalogue.engine.begin() as conn:
        ids = [pid for (pid,) in conn.execute(text("SELECT id FROM photo ORDER BY id")).all()]
        for pid, path in zip(ids, hostile):
            conn.execute(text("UPDATE photo SET path = :p WHERE id = :id"), {"p": path, "id": pid})
        untouched = Path(conn.execute(text("SELECT path FROM photo WHERE id = :id"), {"id": ids[-1]}).scalar())
    before = set(tmp_path.rglob("*"))

    result = cli("export", "--format", "xmp")

    assert result.exit_code == 1
    assert "Traceback" not in result.output
    written = set(tmp_path.rglob("*")) - before
    assert written == {untouched.with_suffix(".xmp")}  # the one record left with its own, plain path
    assert not (victim / "target.xmp").exists()
    assert result.output.count("FAILED") == len(hostile)

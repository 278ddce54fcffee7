"""photo.place_group (alembic 0010), what `catalog places` counts each photo under, on SQLite and PostgreSQL:
it stays what catalog.entities.place_group makes of the photo's place and stated names through import, `set`,
a move, `copy`, `forget` and the re-import of a changed file; the migration fills it as an import writes it;
and `places` counts from it exactly what it counted from each photo's place JSON."""

from __future__ import annotations

import json
import os

from catalog import summaries
from catalog.entities import PLACE_GROUP, place_group, place_group_values
from tests.helpers import jpeg_with_metadata
from tests.test_entities import _iptc, world  # noqa: F401  (world: the photos of places, a fixture)


def _photos(url: str) -> dict[str, object]:
    from catalog.library import Library

    library = Library.open(url)
    try:
        return {photo.path.rsplit("/", 1)[-1]: photo for photo in library.all_photos()}
    finally:
        library.close()


def _in_step(url: str) -> dict[str, str]:
    """Each photo's stored group, checked against the group its columns make now."""
    photos = _photos(url)
    for name, photo in photos.items():
        values = {column: getattr(photo, column) for column, _ in PLACE_GROUP}
        assert photo.place_group == place_group(values), name
    return {name: photo.place_group for name, photo in photos.items()}


def _total(cli) -> int:
    return sum(node["count"] for node in json.loads(cli("places", "--format", "json").output))


def test_the_group_follows_the_place_through_every_change(cli, world, db_url, tmp_path):  # noqa: F811
    groups = _in_step(db_url)
    assert json.loads(groups["hefei-chinese.jpg"])[:6] == ["CN", "China", "CN-AH", "Anhui", "1808722", "Hefei"]
    assert json.loads(groups["placeholders.jpg"])[:6] == [None] * 6
    total = _total(cli)
    assert total == len(groups)

    photo = str(world / "li-xin.jpg")
    assert cli("set", photo, "city=Lanzhou", "province=Gansu").exit_code == 0
    assert "Lanzhou" in _in_step(db_url)["li-xin.jpg"]
    assert cli("set", photo, "--revert", "all").exit_code == 0
    assert _in_step(db_url)["li-xin.jpg"] == groups["li-xin.jpg"]

    os.rename(world / "tbilisi.jpg", world / "tbilisi-moved.jpg")  # a move keeps the record, and its group
    assert cli("import", str(world)).exit_code == 0
    assert _in_step(db_url)["tbilisi-moved.jpg"] == groups["tbilisi.jpg"]

    jpeg_with_metadata(world / "france.jpg", iptc=_iptc("Bridge.", city="Lyon", country="France"))
    assert cli("import", str(world)).exit_code == 0
    changed = _in_step(db_url)
    assert "Lyon" in changed["france.jpg"] and "Paris" not in changed["france.jpg"]

    assert cli("forget", str(world / "hefei-english.jpg")).exit_code == 0
    assert "hefei-english.jpg" not in _in_step(db_url)
    assert _total(cli) == total - 1

    target = tmp_path / "copy.db"
    assert cli("copy", "--to", str(target)).exit_code == 0
    assert _in_step(f"sqlite:///{target}") == _in_step(db_url)


def test_the_migration_fills_the_groups_an_import_writes(cli, world, db_url):  # noqa: F811
    """A catalogue made at the previous head (0009, taken back there) gets each photo's group when it is
    opened, spelt as an import spells it."""
    from alembic import command

    from tests.test_migrations_safety import _alembic

    imported = _in_step(db_url)
    before = cli("places", "--format", "json").output
    _alembic(db_url, command.downgrade, "0009")
    assert _in_step(db_url) == imported
    assert cli("places", "--format", "json").output == before


def test_places_counts_from_the_groups_what_it_counted_from_the_json(cli, world, db_url):  # noqa: F811
    """The count as it was made before 0010: each photo's place JSON and stated names, in the order SQLite's
    GROUP BY gave them, into the same tree."""
    photos = _photos(db_url).values()
    rows = [(*place_group_values({column: getattr(photo, column) for column, _ in PLACE_GROUP}), 1)
            for photo in photos]
    was = summaries._entity_terms(summaries._place_tree(sorted(rows, key=summaries._null_first)))
    result = cli("places", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == summaries.counts_json(was)
    assert len(json.loads(result.output)) >= 5

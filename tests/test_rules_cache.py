"""House rules kept in the cache folder as checked (catalog.captions.rules.kept_rules): the same rules as read from
the files, an edit seen at once, a damaged or foreign cache file ignored and written again."""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys

import pytest

from catalog.cachedir import read_plain
from catalog.captions import rules as rules_module
from catalog.captions.rules import load_rules
from catalog.captions.types import Credit
from catalog.errors import CatalogError
from tests.cli_process import environment


@pytest.fixture
def cache(monkeypatch, tmp_path):
    """A cache folder of the test's own, and no set of rules remembered by this process."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CATALOG_CACHE", str(folder))
    rules_module.default_rules.cache_clear()
    rules_module._raw_default.cache_clear()
    yield folder
    rules_module.default_rules.cache_clear()
    rules_module._raw_default.cache_clear()


def _house(path, agency: str) -> None:
    path.write_text(f'[agencies]\n"Daily Star Photo" = "{agency}"\n\n'
                    '[credit_lines]\nphotographer = "Pic: {photographer}"\n', encoding="utf-8")


def _built(path=None, text=None):
    """The rules read and checked from the files, the cache folder left aside."""
    raw = rules_module._parse_file(rules_module.default_rules_path().read_bytes(), rules_module.default_rules_path())
    files = (str(rules_module.default_rules_path()),)
    if path is not None:
        raw = rules_module._merge(raw, rules_module._parse_file(path.read_bytes(), path))
        files += (str(path),)
    if text is not None:
        raw = rules_module._merge(raw, rules_module._parse_text(text, "the catalogue"))
        files += ("the catalogue",)
    return rules_module._build(raw, files)


def test_kept_rules_are_the_rules_read_from_the_files(cache, tmp_path):
    house = tmp_path / "house.toml"
    _house(house, "Star")
    first = [load_rules(), load_rules(str(house)), load_rules(text=house.read_text(encoding="utf-8"))]
    assert rules_module.rules_cache_path().exists()
    assert len(read_plain(rules_module.rules_cache_path())) == 3
    rules_module.default_rules.cache_clear()
    kept = [load_rules(), load_rules(str(house)), load_rules(text=house.read_text(encoding="utf-8"))]
    built = [_built(), _built(path=house), _built(text=house.read_text(encoding="utf-8"))]
    assert kept == first == built
    assert [rules.files for rules in kept] == [rules.files for rules in built]
    assert kept[1].standard_agency("Daily Star Photo") == "Star"
    assert kept[0].standard_agency("Xinhua News Agency") == "Xinhua"


def test_a_command_whose_rules_are_kept_parses_no_toml(cache):
    probe = ("import sys\nfrom catalog.captions.rules import load_rules\nrules = load_rules()\n"
             "print(rules.standard_agency('REUTERS'), 'tomllib' in sys.modules)")
    env = environment(CATALOG_CACHE=str(cache))
    runs = [subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=True).stdout
            for _ in range(2)]
    assert runs == ["Reuters True\n", "Reuters False\n"]


def test_an_edited_rules_file_is_read_again(cache, tmp_path):
    house = tmp_path / "house.toml"
    _house(house, "Star")
    written = house.stat()
    assert load_rules(str(house)).standard_agency("Daily Star Photo") == "Star"
    _house(house, "Moon")  # as long, and its modification time set back: only the content tells
    os.utime(house, ns=(written.st_atime_ns, written.st_mtime_ns))
    assert load_rules(str(house)).standard_agency("Daily Star Photo") == "Moon"
    text = house.read_text(encoding="utf-8")
    assert load_rules(text=text).standard_agency("Daily Star Photo") == "Moon"
    assert load_rules(text=text.replace("Moon", "Mars")).standard_agency("Daily Star Photo") == "Mars"
    assert load_rules(str(house)).standard_agency("Daily Star Photo") == "Moon"  # the earlier one, still kept


def test_an_edited_shipped_file_is_read_again(cache, tmp_path, monkeypatch):
    shipped = tmp_path / "default.toml"
    shutil.copyfile(rules_module.default_rules_path(), shipped)
    monkeypatch.setattr(rules_module, "default_rules_path", lambda: shipped)
    assert load_rules().credit_line(Credit(photographer="Li Xin")) == "Photo/Li Xin"
    content = shipped.read_text(encoding="utf-8")
    assert 'photographer = "Photo/{photographer}"' in content
    shipped.write_text(content.replace('photographer = "Photo/{photographer}"', 'photographer = "Foto/{photographer}"'),
                       encoding="utf-8")  # an upgrade
    rules_module.default_rules.cache_clear()
    rules_module._raw_default.cache_clear()
    assert load_rules().credit_line(Credit(photographer="Li Xin")) == "Foto/Li Xin"


def test_rules_that_do_not_check_are_never_kept(cache, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[credit_lines]\nphotographer = "{nobody}"\n', encoding="utf-8")
    for _ in range(2):
        with pytest.raises(CatalogError, match="uses {nobody}"):
            load_rules(str(bad))
    assert read_plain(rules_module.rules_cache_path()) is None


@pytest.mark.parametrize("content", [
    b"not marshal at all",
    marshal.dumps([("another key", {"agencies": {}})]),
    marshal.dumps({"a": "dictionary"}),
    b"",
])
def test_a_damaged_cache_file_is_ignored_and_written_again(cache, tmp_path, content):
    house = tmp_path / "house.toml"
    _house(house, "Star")
    load_rules(str(house))
    path = rules_module.rules_cache_path()
    path.write_bytes(content)
    path.chmod(0o600)
    assert load_rules(str(house)) == _built(path=house)
    kept = read_plain(path)
    assert isinstance(kept, list) and kept[0][1]["agencies"]["Daily Star Photo"] == "Star"


def test_a_kept_entry_with_the_right_key_but_wrong_fields_is_not_trusted(cache, tmp_path):
    house = tmp_path / "house.toml"
    _house(house, "Star")
    load_rules(str(house))
    path = rules_module.rules_cache_path()
    (key, values), = read_plain(path)
    tampered = dict(values, extra="field")
    truncated = {name: values[name] for name in list(values)[:3]}
    for wrong in (tampered, truncated):
        path.write_bytes(marshal.dumps([(key, wrong)]))
        path.chmod(0o600)
        assert load_rules(str(house)).standard_agency("Daily Star Photo") == "Star"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file ownership is POSIX")
def test_a_cache_file_others_may_write_is_not_read(cache, tmp_path):
    house = tmp_path / "house.toml"
    _house(house, "Star")
    load_rules(str(house))
    path = rules_module.rules_cache_path()
    (key, values), = read_plain(path)
    path.write_bytes(marshal.dumps([(key, dict(values, agencies={"Daily Star Photo": "Planted"}))]))
    path.chmod(0o666)
    assert load_rules(str(house)).standard_agency("Daily Star Photo") == "Star"


def test_a_cache_folder_that_cannot_be_written_is_no_failure(monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CATALOG_CACHE", str(blocker / "cache"))
    house = tmp_path / "house.toml"
    _house(house, "Star")
    assert load_rules(str(house)).standard_agency("Daily Star Photo") == "Star"
    assert not rules_module.rules_cache_path().exists()


def test_rules_holding_a_date_are_read_each_time(cache, tmp_path):
    house = tmp_path / "house.toml"  # a TOML date cannot be kept with marshal: read from the file every time
    house.write_text('[[arrival]]\nfolder = "in"\nsince = 2025-10-14\n', encoding="utf-8")
    for _ in range(2):
        assert str(load_rules(str(house)).arrival[0]["since"]) == "2025-10-14"
    assert read_plain(rules_module.rules_cache_path()) is None

"""catalog.cachedir's shared cache of small entries (`add_to_plain`, `read_plain_at`): what another process wrote
meanwhile is kept beside this one's, a file grown past its limit keeps only this process's entries, and nothing
is written when nothing is new."""

from __future__ import annotations

import os

from catalog.cachedir import add_to_plain, read_plain_at, write_plain


def _store(path):
    def read() -> dict:
        value = read_plain_at(lambda: path)
        return dict(value) if isinstance(value, dict) else {}

    def save(new: dict, *, limit: int = 100, own=lambda key: True) -> None:
        add_to_plain(new, read, dict, lambda: path, size=len, limit=limit, own=own)

    return read, save


def test_new_entries_join_those_another_process_wrote(tmp_path):
    read, save = _store(tmp_path / "kept.marshal")
    save({"a": 1})
    write_plain({"a": 1, "b": 2}, tmp_path / "kept.marshal")  # another process added one meanwhile
    new = {"c": 3}
    save(new)
    assert read() == {"a": 1, "b": 2, "c": 3}
    assert new == {}  # saved: nothing left to write


def test_past_its_limit_the_file_keeps_only_this_process_entries(tmp_path):
    read, save = _store(tmp_path / "kept.marshal")
    save({"old1": 1, "old2": 2, "used": 3})
    save({"mine": 4}, limit=3, own=lambda key: key in {"used", "mine"})
    assert read() == {"used": 3, "mine": 4}


def test_nothing_new_writes_nothing(tmp_path):
    _read, save = _store(tmp_path / "kept.marshal")
    save({})
    assert not os.listdir(tmp_path)


def test_no_cache_folder_is_no_failure(tmp_path):
    def nowhere():
        raise KeyError("HOME")

    assert read_plain_at(nowhere) is None
    new = {"a": 1}
    add_to_plain(new, dict, dict, nowhere, size=len, limit=10, own=lambda key: True)
    assert new == {}


def test_a_value_that_cannot_be_kept_leaves_no_file(tmp_path):
    """The pickle is written to the file as it is made: one that fails midway leaves neither the file nor a
    temporary one beside it, and a kept file stays as it was."""
    import pickle

    import pytest

    from catalog.cachedir import read_kept, write_kept

    path = tmp_path / "kept.pickle"
    assert write_kept({"a": list(range(100_000))}, path)
    with pytest.raises((pickle.PicklingError, AttributeError, TypeError)):
        write_kept({"a": list(range(100_000)), "b": lambda: None}, path)
    assert read_kept(path) == {"a": list(range(100_000))}
    assert sorted(item.name for item in tmp_path.iterdir()) == ["kept.pickle"]

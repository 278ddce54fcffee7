"""catalog.files.write_atomically: the one way catalog replaces a file."""

from __future__ import annotations

import os

import pytest

from catalog.files import write_atomically


def test_the_new_content_replaces_the_old_and_nothing_is_left_beside_it(tmp_path):
    target = tmp_path / "a.xmp"
    target.write_bytes(b"old")
    write_atomically(target, b"new", mode=0o640, durable=True)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["a.xmp"]


def test_a_refusal_before_the_rename_keeps_the_old_file(tmp_path):
    target = tmp_path / "photo.jpg"
    target.write_bytes(b"old")

    def refuse():
        raise RuntimeError("changed meanwhile")

    with pytest.raises(RuntimeError):
        write_atomically(target, b"new", before_replace=refuse)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["photo.jpg"]


def test_a_symlink_at_the_target_is_replaced_not_followed(tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_bytes(b"keep me")
    target = tmp_path / "thumb.jpg"
    target.symlink_to(elsewhere)
    write_atomically(target, b"jpeg")
    assert not target.is_symlink() and target.read_bytes() == b"jpeg"
    assert elsewhere.read_bytes() == b"keep me"

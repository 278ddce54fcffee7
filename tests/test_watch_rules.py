"""The watcher's rules, without a watcher: temporary names, what makes a file whole, the settle rule, and the
house rules' [[arrival]] tables. Files are built here, byte by byte or with Pillow; time is passed in."""

from __future__ import annotations

import doctest
import importlib
import io
import os
import random

import pytest
from PIL import Image

from catalog.captions import load_rules
from catalog.errors import CatalogError
from catalog.scan import Found
from catalog.watch.arrival import BY, arrival_rules, manual_values
from catalog.watch.complete import ENDINGS, missing_end
from catalog.watch.names import TEMPORARY_NAMES, temporary_name
from catalog.watch.settle import Settling
from tests.image_bytes import comment, jpeg, segment


@pytest.mark.parametrize("name", ["names", "complete", "settle", "arrival"])
def test_docstring_examples(name):
    module = importlib.import_module(f"catalog.watch.{name}")
    failed, attempted = doctest.testmod(module)
    assert attempted > 0, f"catalog.watch.{name} has no examples"
    assert failed == 0


# --- temporary names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", TEMPORARY_NAMES, ids=lambda rule: rule.pattern)
def test_every_rule_matches_its_own_example(rule):
    assert temporary_name(f"wires/{rule.example}") == rule.meaning


@pytest.mark.parametrize("relative", [
    "photo.jpg", "2025-10-14/XIN_20251014_001.JPG", "staff/zhang dagang/DSC_0001.jpg", "a~b.jpg", "v1.2.jpg"])
def test_ordinary_names_are_not_temporary(relative):
    assert temporary_name(relative) is None


@pytest.mark.parametrize("relative, why", [
    (".in.photo.jpg.", "a hidden name (a leading dot)"),           # ProFTPD HiddenStores
    (".photo.jpg.Xa8bQ2", "a hidden name (a leading dot)"),         # rsync
    (".upload/photo.jpg", "a hidden name (a leading dot)"),         # a hidden folder, and all in it
    ("PHOTO.JPG.PART", "a .part name (curl, lftp, browsers, many FTP clients)"),
    ("~$photo.jpg", "a name starting with ~ (Windows' temporary and lock files)"),
])
def test_temporary_names_by_folder_and_case(relative, why):
    assert temporary_name(relative) == why


# --- whole files -------------------------------------------------------------------------------------------


def _noisy(width: int = 320, height: int = 240, fmt: str = "JPEG", **options) -> bytes:
    """A real image of noise (so it does not compress to nothing), in the given format."""
    generator = random.Random(width * height)
    image = Image.frombytes("RGB", (width, height), bytes(generator.getrandbits(8) for _ in range(width * height * 3)))
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def _whole(data: bytes) -> str | None:
    return missing_end(io.BytesIO(data))


def _cuts(data: bytes) -> list[int]:
    """Cut points all through the file: in the header, in the image data, two bytes short of the end."""
    return sorted({64, 100, len(data) // 4, len(data) // 2, len(data) * 3 // 4, len(data) - 2, len(data) - 1})


@pytest.mark.parametrize("fmt, options", [("JPEG", {}), ("JPEG", {"progressive": True}), ("PNG", {}),
                                          ("WEBP", {"quality": 80})])
def test_a_whole_image_is_whole_and_every_cut_is_not(fmt, options):
    data = _noisy(fmt=fmt, **options)
    assert _whole(data) is None
    for cut in _cuts(data):
        assert _whole(data[:cut]) is not None, f"{fmt} cut at {cut} of {len(data)} called whole"


def test_a_jpeg_cut_inside_its_metadata_waits():
    data = jpeg(segment(0xE1, b"Exif\0\0" + b"\0" * 4000), comment("caption"), body=_noisy())
    assert _whole(data) is None
    assert _whole(data[:2000]) == "cut short in its metadata"


def test_a_jpeg_with_a_trailer_or_padding_after_its_end_is_whole():
    data = _noisy()
    assert _whole(data + b"\0" * 60) is None                        # padding
    assert _whole(data + b"\x1c\x02\x00\x00\x02\x00\x04" * 40) is None  # an IPTC trailer (Photo Mechanic)
    assert _whole(data + _noisy(64, 48)) is None                       # a second image (MPF)


def test_a_cut_jpeg_whose_thumbnail_ends_the_bytes_waits():
    """A file cut right after its EXIF thumbnail's end marker ends in FF D9, but not its image's."""
    thumbnail = _noisy(32, 24)
    data = jpeg(segment(0xE1, b"Exif\0\0" + thumbnail), body=_noisy())
    cut = data.index(thumbnail) + len(thumbnail)
    assert data[:cut].endswith(b"\xff\xd9")
    assert _whole(data[:cut]) is not None


def test_heif_boxes_must_reach_the_end():
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    data = _noisy(64, 48, fmt="HEIF")
    assert _whole(data) is None
    assert _whole(data[: len(data) - 10]) == "cut short: its last box runs past the end"


def test_empty_and_tiny_files_wait_and_tiff_has_no_end_to_check():
    assert _whole(b"") == "empty"
    assert _whole(b"\xff\xd8\xff") == "cut short before its image data"
    assert _whole(b"not an image at all, but long enough to say so: " * 3) is None  # the reader says what it is
    tiff = _noisy(64, 48, fmt="TIFF")
    assert ENDINGS["TIFF"].check is None
    assert _whole(tiff[: len(tiff) // 2]) is None


# --- the settle rule -----------------------------------------------------------------------------------------


class Disk:
    """A pretend file system for the settle rule: path -> (size, mtime), and what the format check says."""

    def __init__(self):
        self.files: dict[str, tuple[int, int]] = {}
        self.not_whole: dict[str, str] = {}

    def look(self, path):
        if path not in self.files:
            return None
        size, mtime = self.files[path]
        return Found(path, size, mtime, None, 1, hash(path) % 1000)

    def incomplete(self, path):
        return self.not_whole.get(path)


@pytest.fixture
def disk():
    return Disk()


def _settling(disk, settle=2.0, give_up=10.0):
    return Settling(settle, give_up, look=disk.look, incomplete=disk.incomplete)


def test_a_file_still_growing_is_not_ready_until_it_stands_still(disk):
    settling = _settling(disk)
    disk.files["a.jpg"] = (100, 1)
    assert settling.touch("a.jpg", now=0.0)
    disk.files["a.jpg"] = (200, 2)  # grew, and the system said nothing (a network file system)
    assert settling.due(2.0).ready == []
    assert settling.due(3.9).ready == []
    assert [c.found.size for c in settling.due(4.0).ready] == [200]
    assert len(settling) == 0


def test_an_event_restarts_the_settle_time_only_when_the_file_changed(disk):
    settling = _settling(disk)
    disk.files["a.jpg"] = (100, 1)
    settling.touch("a.jpg", now=0.0)
    settling.touch("a.jpg", now=1.5)  # closed after writing: the same size and time
    assert [c.found.path for c in settling.due(2.0).ready] == ["a.jpg"]
    disk.files["b.jpg"] = (100, 1)
    settling.touch("b.jpg", now=0.0)
    disk.files["b.jpg"] = (150, 2)
    settling.touch("b.jpg", now=1.5)
    assert settling.due(2.0).ready == []
    assert settling.next_check() == 3.5
    assert [c.found.path for c in settling.due(3.5).ready] == ["b.jpg"]


def test_a_file_that_is_not_whole_waits_then_is_given_up(disk):
    settling = _settling(disk, settle=2.0, give_up=10.0)
    disk.files["cut.jpg"] = (100, 1)
    disk.not_whole["cut.jpg"] = "no end-of-image marker"
    settling.touch("cut.jpg", now=0.0)
    due = settling.due(2.0)
    assert (due.ready, [c.reason for c in due.waiting]) == ([], ["no end-of-image marker"])
    assert settling.due(4.0).waiting == []  # said once for this state
    assert settling.due(9.9).given_up == []
    given_up = settling.due(10.0).given_up
    assert [c.found.path for c in given_up] == ["cut.jpg"] and len(settling) == 0


def test_a_file_that_becomes_whole_is_ready(disk):
    settling = _settling(disk)
    disk.files["a.jpg"] = (100, 1)
    disk.not_whole["a.jpg"] = "cut short"
    settling.touch("a.jpg", now=0.0)
    assert len(settling.due(2.0).waiting) == 1
    disk.files["a.jpg"] = (300, 5)
    del disk.not_whole["a.jpg"]
    settling.touch("a.jpg", now=3.0)
    assert settling.due(4.9).ready == []
    assert [c.found.size for c in settling.due(5.0).ready] == [300]


def test_a_renamed_file_says_where_it_came_from_and_a_gone_one_drops_out(disk):
    settling = _settling(disk)
    disk.files["new/a.jpg"] = (100, 1)
    settling.touch("new/a.jpg", now=0.0, moved_from="old/a.jpg")
    assert settling.waiting_for("old/a.jpg") and not settling.waiting_for("new/a.jpg")
    assert [c.moved_from for c in settling.due(2.0).ready] == ["old/a.jpg"]
    assert not settling.touch("never-there.jpg", now=0.0)
    disk.files["b.jpg"] = (1, 1)
    settling.touch("b.jpg", now=0.0)
    del disk.files["b.jpg"]
    assert settling.due(2.0) == ([], [], []) and len(settling) == 0


# --- arrival rules ---------------------------------------------------------------------------------------------


def test_arrival_rules_set_fields_on_matching_paths_later_rules_win():
    rules = arrival_rules([
        {"set": {"copyright": "© Desk", "keywords": ["wire", "incoming"]}},
        {"files": "staff/**", "set": {"credit.agency": "China Daily", "copyright": "© China Daily"}},
    ])
    assert manual_values(rules, "xinhua/a.jpg", "2026-01-01T00:00:00") == {
        "credit.copyright": {"value": "© Desk", "at": "2026-01-01T00:00:00", "by": BY},
        "keywords": {"value": ["wire", "incoming"], "at": "2026-01-01T00:00:00", "by": BY}}
    values = manual_values(rules, "staff/zhang/a.jpg", "t")
    assert {path: entry["value"] for path, entry in values.items()} == {
        "credit.copyright": "© China Daily", "keywords": ["wire", "incoming"], "credit.agency": "China Daily"}


@pytest.mark.parametrize("table, complaint", [
    ({"set": {"colour": "red"}}, "cannot set 'colour'"),
    ({"set": {"taken": "someday"}}, "taken=someday"),
    ({"files": "*"}, "set must be a table"),
    ({"set": {"city": "Hefei"}, "when": "always"}, "unknown key(s) when"),
    ("staff/*", "must be a table"),
])
def test_a_wrong_arrival_rule_is_refused_with_its_number(table, complaint):
    with pytest.raises(CatalogError) as refused:
        arrival_rules([{"set": {"city": "Hefei"}}, table])
    assert "[[arrival]] number 2" in str(refused.value) and complaint in str(refused.value)


def test_the_house_rules_file_holds_arrival_tables(tmp_path):
    house = tmp_path / "house.toml"
    house.write_text('[[arrival]]\nfiles = "staff/*"\nset = { copyright = "© China Daily" }\n', encoding="utf-8")
    rules = load_rules(str(house))
    assert rules.arrival == [{"files": "staff/*", "set": {"copyright": "© China Daily"}}]
    assert load_rules().arrival == []
    house.write_text('[arrival]\nfiles = "staff/*"\n', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"\[\[arrival\]\]"):
        load_rules(str(house))


# --- the watcher's small helpers ------------------------------------------------------------------------------


def test_watched_folders_are_real_each_once_and_a_folder_inside_another_is_dropped(tmp_path):
    from catalog.errors import UsageError
    from catalog.watch.watcher import watched_folders

    (tmp_path / "wires" / "xinhua").mkdir(parents=True)
    (tmp_path / "staff").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "staff")
    assert watched_folders([str(tmp_path / "wires" / "xinhua"), str(tmp_path / "wires"), str(tmp_path / "link"),
                            str(tmp_path / "staff")]) == [str(tmp_path / "staff"), str(tmp_path / "wires")]
    with pytest.raises(UsageError, match="does not exist"):
        watched_folders([str(tmp_path / "nowhere")])
    (tmp_path / "a.jpg").write_bytes(b"")
    with pytest.raises(UsageError, match="is not a folder"):
        watched_folders([str(tmp_path / "a.jpg")])


def test_a_sidecar_names_its_photos(tmp_path):
    from catalog.watch.watcher import photos_of_sidecar

    for name in ("a.jpg", "a.heic", "a.txt", "b.jpg"):
        (tmp_path / name).write_bytes(b"")
    assert photos_of_sidecar(str(tmp_path / "a.xmp")) == [str(tmp_path / "a.heic"), str(tmp_path / "a.jpg")]
    assert photos_of_sidecar(str(tmp_path / "b.jpg.xmp")) == [str(tmp_path / "b.jpg")]
    assert photos_of_sidecar(str(tmp_path / "c.xmp")) == []


def test_file_events_become_messages_for_the_main_thread():
    import queue

    from watchdog.events import DirDeletedEvent, FileClosedEvent, FileDeletedEvent, FileMovedEvent

    from catalog.watch.watcher import _Events

    messages = queue.SimpleQueue()
    handler = _Events(messages)
    for event in (FileClosedEvent("/in/a.jpg"), FileMovedEvent("/in/.a.jpg.x1", "/in/b.jpg"),
                  FileDeletedEvent("/in/c.jpg"), DirDeletedEvent("/in/old")):
        handler.dispatch(event)
    taken = []
    while not messages.empty():
        taken.append(messages.get())
    assert taken == [("touch", "/in/a.jpg", None), ("gone", "/in/.a.jpg.x1"), ("touch", "/in/b.jpg", "/in/.a.jpg.x1"),
                     ("gone", "/in/c.jpg"), ("rescan",)]


def test_by_folder_lists_each_folder_once_with_its_own_files_as_scan_finds_them(tmp_path):
    from catalog.metadata.types import ReadFailure
    from catalog.scan import Found, by_folder, scan

    for name in ("top.jpg", "a/one.jpg", "a/two.tif", "a/notes.txt", "a/b/deep.jpg", "c/three.png"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    (tmp_path / "a" / "b" / "loop").symlink_to(tmp_path / "a")  # back up the tree: not walked again
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "hidden.jpg").write_bytes(b"x")
    os.chmod(tmp_path / "locked", 0)
    try:
        listings = list(by_folder([tmp_path]))
        walked = list(scan([tmp_path]))
    finally:
        os.chmod(tmp_path / "locked", 0o755)
    own = {listing.folder: sorted(os.path.basename(item.path) for item in listing.items
                                  if isinstance(item, Found))
           for listing in listings}
    root = str(tmp_path)
    assert own == {root: ["top.jpg"], f"{root}/a": ["one.jpg", "two.tif"], f"{root}/a/b": ["deep.jpg"],
                   f"{root}/c": ["three.png"], f"{root}/locked": ["hidden.jpg"] if os.geteuid() == 0 else []}
    assert [listing.folder for listing in listings].count(f"{root}/a") == 1
    # the same files as the whole-tree scan, and an unreadable folder said so, not listed as empty
    assert sorted(item.path for listing in listings for item in listing.items if isinstance(item, Found)) == \
        sorted(item.path for item in walked if isinstance(item, Found))
    if os.geteuid() != 0:  # root reads any folder
        locked = next(listing for listing in listings if listing.folder == f"{root}/locked")
        assert not locked.listed and isinstance(locked.items[0], ReadFailure)

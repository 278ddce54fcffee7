"""What a desk editor or a newsroom's admin mistypes, run as the real `catalog` command: a clear error that
says what to do, the right exit status, no traceback, and nothing lost.

tests/test_hostile.py covers hostile image bytes, tests/test_disk.py full disks and read-only catalogues,
tests/test_search.py and tests/test_no_way_in.py malformed search terms; this file the rest of the audit.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.cli_process import capped, catalog_command, environment, rows_digest, run_catalog, unprivileged
from tests.conftest import IMAGES
from tests.image_bytes import UTF8_DECLARED, comment, iim, jpeg, photoshop_segment, press_jpeg, resource
from tests.test_disk import _catalogue_at, _photos, shared_folder  # noqa: F401 - a fixture


def _output(result) -> str:
    return result.stdout.decode() + result.stderr.decode()


def test_an_unreadable_folder_named_beside_others_fails_alone(shared_folder):  # noqa: F811
    photos = shared_folder / "incoming"
    photos.mkdir()
    for index in range(2):
        (photos / f"p{index}.jpg").write_bytes(press_jpeg(index))
    locked = shared_folder / "locked"
    locked.mkdir()
    (locked / "q.jpg").write_bytes(press_jpeg(5))
    unreadable = shared_folder / "unreadable.jpg"
    unreadable.write_bytes(press_jpeg(6))
    locked.chmod(0o000)
    unreadable.chmod(0o000)
    options = unprivileged(shared_folder)

    for _ in range(2):  # the second time, through the path that finds nothing changed
        result = run_catalog("--db", shared_folder / "catalog.db", "import", photos, locked, unreadable,
                             **options)
        out = _output(result)
        assert result.returncode == 1, out
        assert "Traceback" not in out and "Invalid value" not in out
        assert f"FAILED  {locked}: folder cannot be read (Permission denied)" in out
        assert f"FAILED  {unreadable}: permission denied" in out
        assert "2 failed" in out
    assert "2 unchanged" in out


def test_a_damaged_catalogue_is_named_with_what_to_do(tmp_path):
    path = _catalogue_at(tmp_path / "catalog.db", _photos(tmp_path / "photos", 5))
    with open(path, "r+b") as handle:  # every other page's header overwritten, as a disk fault would
        for offset in range(8192, path.stat().st_size, 8192):
            handle.seek(offset)
            handle.write(b"\xde\xad\xbe\xef" * 64)

    for command in (["search"], ["show", "1"], ["set", "1", "caption=by hand"], ["story", "list"],
                    ["import", tmp_path / "photos"]):
        result = run_catalog("--db", path, *command)
        err = result.stderr.decode()
        assert result.returncode == 1, (command, err)
        assert "Traceback" not in err and "something went wrong" not in err, (command, err)
        assert f"Error: the catalogue {path} is damaged (SQLite: database disk image is malformed). " \
               "Restore it from a copy" in err, (command, err)
        assert f"sqlite3 {path} .recover | sqlite3 rescued.db" in err, (command, err)


@pytest.mark.parametrize("url, message", [
    ("postgresql+psycopg://desk:s3cret@db:54x/news",
     "'postgresql+psycopg://desk:***@db:54x/news' is not a database URL"),
    ("postgresql+psycopg://desk@[::1/news", "is not a database URL"),
    ("://news", "'://news' is not a database URL"),
    ("postgresql+psycopg2://desk@db/news", "the database driver 'postgresql+psycopg2' is not installed: write "
                                          "postgresql+psycopg://user@host/news"),
    ("postgresql+nodriver://desk@db/news", "the database driver 'postgresql+nodriver' is not installed"),
    ("postgres://desk@db/news", "not 'postgres': give a file path, or a URL such as postgresql+psycopg://"),
], ids=["bad-port", "open-bracket", "no-scheme", "psycopg2", "unknown-driver", "postgres-scheme"])
@pytest.mark.parametrize("command", [["search"], ["copy", "--to"]], ids=["db", "copy-to"])
def test_a_mistyped_database_url_says_what_a_url_looks_like(tmp_path, url, message, command):
    if command[0] == "copy":
        _catalogue_at(tmp_path / "catalog.db", _photos(tmp_path / "photos", 1))
        args = ["--db", tmp_path / "catalog.db", *command, url]
    else:
        args = ["--db", url, *command]
    result = run_catalog(*args)
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err and "something went wrong" not in err and "s3cret" not in err, err
    assert f"Error: {message}" in err or message in err, err


@pytest.mark.parametrize("url, message", [
    ("sqlite://news.db", "'sqlite://news.db' is not a SQLite URL: a file takes three slashes (sqlite:///news.db here"),
    ("sqlite://", "'sqlite://' is a catalogue in memory, lost as this command ends: give a file path"),
    ("sqlite:///:memory:", "'sqlite:///:memory:' is a catalogue in memory, lost as this command ends"),
], ids=["two-slashes", "memory", "memory-named"])
def test_a_sqlite_url_that_would_keep_nothing_is_refused_before_the_import(tmp_path, url, message):
    photos = _photos(tmp_path / "photos", 2)
    result = run_catalog("--db", url, "import", photos, cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err and "something went wrong" not in err, err
    assert f"Error: {message}" in err, err
    assert "added" not in result.stdout.decode() + err


@pytest.mark.parametrize("name", ["desk?.db", "100%41.db", "a?b=c%2F.db"], ids=["question-mark", "percent", "both"])
def test_a_catalogue_whose_name_holds_a_question_mark_or_a_percent_is_one_catalogue(tmp_path, name):
    """A catalogue path goes into a SQLAlchemy URL, which reads `?` as the start of options and `%41` as "A":
    `import` (which writes a first catalogue without SQLAlchemy) made `desk?.db`, a search found its photos, and
    every other command looked for `desk` ("there is no catalogue"), or for another existing file. Now every
    command opens the file named."""
    photos = _photos(tmp_path / "photos", 2)
    path = tmp_path / name
    assert run_catalog("--db", path, "import", photos, cwd=tmp_path).returncode == 0
    for command in (["set", "1", "city=Lhasa"], ["show", "1"], ["credits"], ["search", "in:Lhasa"],
                    ["search", "in:Lhasa", "--format", "json"], ["forget", "2"]):
        result = run_catalog("--db", path, *command, cwd=tmp_path)
        assert result.returncode == 0, (command, _output(result))
        assert "there is no catalogue" not in _output(result)
    assert [p.name for p in tmp_path.iterdir() if p.is_file() and not p.name.startswith(name)] == []
    assert rows_digest(path)[0] == 1


def test_a_sqlite_url_with_options_is_refused_not_ignored(tmp_path):
    """`--db 'sqlite:////srv/news.db?mode=ro'`, asked for to keep the catalogue from being written, printed a
    warning from SQLAlchemy's insides and opened the file for writing all the same: `set` changed it."""
    path = _catalogue_at(tmp_path / "catalog.db", _photos(tmp_path / "photos", 2))
    before = rows_digest(path)
    for command in (["set", "1", "city=Lhasa"], ["search"], ["import", tmp_path / "photos"]):
        result = run_catalog("--db", f"sqlite:///{path}?mode=ro", *command, cwd=tmp_path)
        assert result.returncode == 1, (command, _output(result))
        assert f"Error: 'sqlite:///{path}?mode=ro': a SQLite URL takes no options (mode); give the file path " \
               "alone" in _output(result)
        assert "Warning" not in _output(result) and "Traceback" not in _output(result)
    assert rows_digest(path) == before


@pytest.mark.parametrize("command", [["search"], ["search", "--format", "json"], ["show", "1"],
                                     ["set", "1", "city=Lhasa"], ["import", "PHOTOS"], ["credits"], ["check"],
                                     ["copy", "--to", "OTHER"]],
                         ids=["search", "search-library", "show", "set", "import", "credits", "check", "copy"])
def test_a_catalogue_named_by_a_pipe_a_socket_or_a_device_is_named_for_what_it_is(tmp_path, command):
    """`--db` naming a named pipe, a socket or a device failed in SQLite's words ("cannot open the catalogue: disk
    I/O error", "unable to open database file", "could not create the catalogue's schema: database or disk is
    full"), which send the reader to the disk. Each is now named as --db's mistake, before anything opens it."""
    import os
    import socket

    photos = _photos(tmp_path / "photos", 2)
    os.mkfifo(tmp_path / "pipe.db")
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(tmp_path / "socket.db"))
    try:
        for path, kind in ((tmp_path / "pipe.db", "a named pipe"), (tmp_path / "socket.db", "a socket"),
                           ("/dev/null", "a device"), ("/dev/full", "a device")):
            args = [str(photos) if arg == "PHOTOS" else str(tmp_path / "other.db") if arg == "OTHER" else arg
                    for arg in command]
            result = run_catalog("--db", path, *args, cwd=tmp_path, timeout=60)
            out = _output(result)
            assert result.returncode == 1, (path, out)
            assert f"Error: {path} is {kind}, not a catalogue file: check --db (or CATALOG_DB)" in out, out
            assert "Traceback" not in out and "I/O error" not in out and "unable to open" not in out, out
    finally:
        listening.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photos", "pipe.db", "socket.db"]


def test_a_copy_to_a_pipe_a_socket_or_a_device_is_named_as_the_target(tmp_path):
    import os
    import socket

    source = _catalogue_at(tmp_path / "catalog.db", _photos(tmp_path / "photos", 2))
    before = rows_digest(source)
    os.mkfifo(tmp_path / "pipe.db")
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(tmp_path / "socket.db"))
    try:
        for path, kind in ((tmp_path / "pipe.db", "a named pipe"), (tmp_path / "socket.db", "a socket"),
                           ("/dev/null", "a device")):
            result = run_catalog("--db", source, "copy", "--to", path, cwd=tmp_path, timeout=60)
            out = _output(result)
            assert result.returncode == 1, out
            assert f"Error: {path} is {kind}, not a catalogue file: check --to" in out, out
    finally:
        listening.close()
    assert rows_digest(source) == before


@pytest.fixture(scope="module")
def five_photos(tmp_path_factory):
    """Five photos, the first three dated by their captions."""
    folder = tmp_path_factory.mktemp("five")
    photos = _photos(folder / "photos", 2, start=3)
    for index in range(3):
        caption = f"A test flight in Hefei, east China's Anhui province, Oct. {10 + index}, 2025. (Photo/Zhang Dagang)"
        (photos / f"dated{index}.jpg").write_bytes(press_jpeg(index, caption=caption))
    return _catalogue_at(folder / "catalog.db", photos)


def _paths(result) -> list[str]:
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode().splitlines()


def test_a_limit_or_offset_too_large_for_the_database_means_all(five_photos):
    every = _paths(run_catalog("--db", five_photos, "search", "--format", "paths"))
    assert len(every) == 5
    huge = "99999999999999999999"
    assert _paths(run_catalog("--db", five_photos, "search", "--format", "paths", "--limit", huge)) == every
    assert _paths(run_catalog("--db", five_photos, "search", "--format", "paths", "--limit", huge,
                              "--offset", "1")) == every[1:]
    assert _paths(run_catalog("--db", five_photos, "search", "--format", "paths", "--offset", huge)) == []
    for terms in (["photo"], ["photo", "--sort", "date"], ["--sort", "path"]):  # each way a page is planned
        assert _paths(run_catalog("--db", five_photos, "search", "--format", "paths", *terms, "--limit", huge,
                                  "--offset", huge)) == []


@pytest.mark.parametrize("extra", [[], ["--format", "json"]], ids=["quick-path", "library"])
def test_a_date_range_from_the_calendars_first_year_is_searched(five_photos, extra):
    dated = _paths(run_catalog("--db", five_photos, "search", "--format", "paths", "taken:1900..2100"))
    assert len(dated) == 3
    for term in ("taken:0001-01-01..9999-12-31", "taken:0001..9999"):
        assert _paths(run_catalog("--db", five_photos, "search", "--format", "paths", term)) == dated
    for term in ("taken:0001", "released:0001-01..0002"):
        result = run_catalog("--db", five_photos, "search", term, *extra)
        assert result.returncode == 0, result.stderr.decode()
        assert ("No photos match." in result.stderr.decode()) if not extra else result.stdout == b"[]\n"


@pytest.mark.parametrize("command, at", [
    ("search", "0001-01-01T00:00+14:00"),
    ("check", "9999-12-31T23:59-14:00"),
])
def test_an_at_moment_off_the_calendar_in_utc_is_a_usage_error(five_photos, command, at):
    result = run_catalog("--db", five_photos, command, "--at", at)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "something went wrong" not in err and "Traceback" not in err, err
    assert f"Error: --at '{at}' falls outside the calendar (years 1 to 9999) once put in UTC; give a moment " \
           "such as 2025-10-14T08:00" in err, err


def test_the_static_contact_sheet_is_written_when_the_catalogue_holds_copies_of_a_picture(tmp_path):
    photos = tmp_path / "photos"
    for folder in ("wire-a", "wire-b"):
        (photos / folder).mkdir(parents=True)
    shutil.copy(IMAGES / "hefei-aircraft.jpg", photos / "wire-a" / "flight.jpg")
    with Image.open(IMAGES / "hefei-aircraft.jpg") as picture:  # the other wire's copy: smaller, recompressed
        picture.resize((800, 533)).save(photos / "wire-b" / "flight.jpg", quality=80)
    assert run_catalog("--db", tmp_path / "catalog.db", "import", photos).returncode == 0
    assert "2 copies of one picture" in run_catalog("--db", tmp_path / "catalog.db", "variants").stdout.decode()

    result = run_catalog("--db", tmp_path / "catalog.db", "export", "--format", "html", "-o", tmp_path / "sheet")
    err = result.stderr.decode()
    assert result.returncode == 0, err
    assert "something went wrong" not in err, err
    assert '<span class="copies">2 copies</span>' in (tmp_path / "sheet" / "index.html").read_text()


@pytest.mark.parametrize("value", ["nan", "NaN", "-nan"])
def test_a_link_threshold_that_is_no_number_is_a_usage_error(tmp_path, value):
    """click's FloatRange lets "nan" through (every comparison with it is false), which linked nothing and said so
    only by its silence; it is refused as "1.5" is, before anything is read or stored."""
    article = tmp_path / "story.txt"
    article.write_text("A train runs through fields in Gansu. (Photo/Ann Lee)\n", encoding="utf-8")
    result = run_catalog("--db", tmp_path / "catalog.db", "link", article, "--threshold", value)
    assert result.returncode == 2, _output(result)
    assert "is not a number between 0 and 1" in _output(result) and "Traceback" not in _output(result)
    assert not (tmp_path / "catalog.db").exists()


@pytest.mark.parametrize("args, code, said", [
    (["search", "taken:-999999999d"], 2, "'-999999999d' reaches back before the year 1"),
    (["search", "released:-99999999999d.."], 2, "'-99999999999d' reaches back before the year 1"),
    (["timeline", "--from", "-99999999999d"], 2, "reaches back before the year 1"),
    (["set", "1", "taken=-99999999999d"], 2, "taken=-99999999999d: '-99999999999d' reaches back before the year 1"),
    (["search", "taken:9999-W52"], 0, "No photos match."),  # its Sunday is the calendar's last day
], ids=["days", "released", "timeline", "set", "last-week"])
def test_a_date_at_the_calendars_ends_is_answered(five_photos, args, code, said):
    """A relative date further back than the year 1 (-999999999d, as a slip of the finger makes) and the last
    week of the year 9999 (whose Sunday would fall in the year 10000) ended in "something went wrong inside
    catalog (OverflowError)"."""
    before = rows_digest(five_photos)
    result = run_catalog("--db", five_photos, *args)
    assert result.returncode == code and said in _output(result), _output(result)
    assert "went wrong" not in _output(result) and "Traceback" not in _output(result)
    assert rows_digest(five_photos) == before


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_an_export_never_writes_over_the_catalogue_or_a_picture(tmp_path, fmt):
    """`catalog export --format csv -o catalog.db` (a slip for catalog.csv, or the shell completing the wrong name)
    replaced the catalogue itself with the CSV: "5 photos written to catalog.db", and every record, hand-set value,
    story and kill gone; `-o photo.jpg` replaced the picture. Both are refused now, before anything is written; an
    earlier export is still replaced as before."""
    photos = _photos(tmp_path / "photos", 3)
    desk = _catalogue_at(tmp_path / "catalog.db", photos)
    before = rows_digest(desk)
    picture = sorted(photos.glob("*.jpg"))[0]
    picture_bytes = picture.read_bytes()
    (tmp_path / "link.db").symlink_to(desk)
    for target, said in ((desk, "is a SQLite database"), (tmp_path / "link.db", "is a SQLite database"),
                         (picture, "is a picture (JPEG)")):
        result = run_catalog("--db", desk, "export", "--format", fmt, "-o", target, cwd=tmp_path, timeout=60)
        out = _output(result)
        assert result.returncode == 2 and said in out and "nothing was written" in out, out
    assert rows_digest(desk) == before
    assert picture.read_bytes() == picture_bytes
    earlier = tmp_path / f"earlier.{fmt}"
    for _ in range(2):
        assert run_catalog("--db", desk, "export", "--format", fmt, "-o", earlier, timeout=60).returncode == 0
    assert str(photos) in earlier.read_text(encoding="utf-8")


@pytest.mark.parametrize("value, said", [
    ("taken=2025-10-14T08:00+25:00", "no time zone is that far from UTC"),
    ("released=2025-10-14T08:00-15:00", "no time zone is that far from UTC"),
    ("taken=2025-10-14T25:00", "is not a real time of day"),
    ("taken=2025-10-14 10:75+08:00", "is not a real time of day"),
], ids=["offset", "released-offset", "hour", "minute"])
def test_a_time_no_clock_shows_is_refused(five_photos, value, said):
    """`set taken=2025-10-14T08:00+25:00` (a slip for +05:00), a 25th hour or a 75th minute were stored as typed,
    "by hand", outranking the file's own date for good, and sorted and compared as some other moment."""
    before = rows_digest(five_photos)
    result = run_catalog("--db", five_photos, "set", "1", value)
    out = _output(result)
    assert result.returncode == 2 and said in out, out
    assert rows_digest(five_photos) == before
    assert run_catalog("--db", five_photos, "set", "1", "taken=2025-10-14T08:00+14:00").returncode == 0


@pytest.mark.parametrize("value", ["country_code=ZZ", "country_code=UK", "location.country_code=QQQ"])
def test_a_country_code_no_country_has_is_refused(five_photos, value):
    """`set country_code=UK` (Britain is GB) or a slip such as ZZ was stored by hand, outranking the file's code for
    good, and `catalog write` put it into IIM 2:100 and XMP CountryCode, where agencies' systems read the country."""
    before = rows_digest(five_photos)
    result = run_catalog("--db", five_photos, "set", "1", value)
    out = _output(result)
    assert result.returncode == 2 and "no country has this code in ISO 3166-1" in out, out
    assert rows_digest(five_photos) == before
    for good in ("country_code=gb", "country_code=CHN", "country_code=XK"):
        assert run_catalog("--db", five_photos, "set", "1", good).returncode == 0


@pytest.mark.parametrize("args", [
    ["link", "/dev/zero"],
    ["import", "PHOTOS", "--captions", "/dev/zero"],
    ["rules", "--set", "/dev/zero"],
    ["--rules", "/dev/zero", "search"],
    ["parse-caption"],  # its standard input is /dev/zero
], ids=["link", "captions", "rules-set", "rules", "parse-caption"])
def test_a_text_that_never_ends_is_refused_not_read_until_memory_runs_out(five_photos, args):
    """An article, captions file, house-rules file or piped caption was read whole into memory: a device, a video
    or a disk image named by mistake took the machine's memory and ended in "something went wrong inside
    catalog (MemoryError)". Each is read to a limit far above any real text (64 MB) and refused past it."""
    before = rows_digest(five_photos)
    args = [str(five_photos.parent / "photos") if arg == "PHOTOS" else arg for arg in args]
    with open("/dev/zero", "rb") as zeros:
        result = subprocess.run(catalog_command("--db", five_photos, *args), stdin=zeros, capture_output=True,
                                timeout=120, env=environment(), check=False,
                                preexec_fn=capped(768 * 1024 * 1024))
    assert result.returncode in (1, 2), _output(result)
    assert "/dev/zero is larger than any text of its kind" in _output(result) or \
        "standard input is larger than any text of its kind" in _output(result), _output(result)
    assert "went wrong" not in _output(result) and "Traceback" not in _output(result)
    assert rows_digest(five_photos) == before


TEXT_FILE_COMMANDS = [
    ["import", "PHOTOS", "--captions", "{file}"],
    ["link", "{file}"],
    ["rules", "--set", "{file}"],
    ["kill", "--advisory", "{file}"],
]
TEXT_FILE_IDS = ["captions", "link", "rules-set", "advisory"]


def _text_file_args(args: list[str], five_photos, file) -> list[str]:
    return [str(five_photos.parent / "photos") if arg == "PHOTOS" else arg.replace("{file}", str(file))
            for arg in args]


@pytest.mark.parametrize("args", TEXT_FILE_COMMANDS, ids=TEXT_FILE_IDS)
def test_a_named_pipe_with_no_writer_says_it_waits_and_ctrl_c_ends_the_wait(five_photos, tmp_path, args):
    """A captions file, article, rules file or advisory that is a named pipe nobody writes to made the command
    wait in silence, for ever, as if it had hung. It waits as `cat` would (a script may be about to write the
    pipe) but says so, and Ctrl-C ends the wait with nothing changed; a pipe written meanwhile is read."""
    import os
    import select
    import signal

    from tests.cli_process import start_catalog

    before = rows_digest(five_photos)
    pipe = tmp_path / "captions.csv"
    os.mkfifo(pipe)
    child = start_catalog("--db", five_photos, *_text_file_args(args, five_photos, pipe),
                          preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        ready, _, _ = select.select([child.stderr], [], [], 60)  # main said nothing here, ever
        said = child.stderr.readline().decode() if ready else "(nothing in 60 s)"
        assert said == f"catalog: waiting for a program to write to {pipe} (a named pipe); Ctrl-C stops…\n"
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate()
    assert child.returncode == 130, err.decode()
    assert "Traceback" not in err.decode() and "went wrong" not in err.decode()
    assert rows_digest(five_photos) == before


@pytest.mark.parametrize("args", TEXT_FILE_COMMANDS, ids=TEXT_FILE_IDS)
def test_a_socket_or_a_folder_or_a_huge_file_given_as_a_text_is_named_at_once(five_photos, tmp_path, args):
    """A socket given where a text file is expected was "cannot be read: No such device or address"; a folder
    "cannot be read: Is a directory" for some commands; a file of gigabytes was read to 64 MB before being
    refused. Each is now named for what it is before anything is read, the catalogue unchanged."""
    import socket

    before = rows_digest(five_photos)
    listening = socket.socket(socket.AF_UNIX)
    listening.bind(str(tmp_path / "s.csv"))
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as handle:
        handle.truncate(100 * 1024 ** 3)  # sparse: 100 GB that take no room
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    try:
        for file, said in ((tmp_path / "s.csv", "is a socket, not a file"),
                           (huge, "is larger than any text of its kind (over 64 MB); nothing was read from it"),
                           (folder, "is a")):
            result = run_catalog("--db", five_photos, *_text_file_args(args, five_photos, file), timeout=60,
                                 memory=256 * 1024 * 1024)
            out = _output(result)
            assert result.returncode in (1, 2) and f"{file.name}" in out and said in out, out
            assert "Traceback" not in out and "went wrong" not in out and "No such device" not in out, out
    finally:
        listening.close()
    assert rows_digest(five_photos) == before


@pytest.mark.parametrize("args", [
    ["import", ""],
    ["import", "PHOTOS", ""],
    ["import", "PHOTOS", "--captions", ""],
    ["watch", ""],
    ["link", ""],
    ["kill", "--advisory", ""],
    ["rules", "--set", ""],
    ["serve", "--cache", "", "--port", "0"],
], ids=["import", "import-beside", "captions", "watch", "link", "advisory", "rules-set", "serve-cache"])
def test_an_empty_path_is_refused_not_read_as_the_current_folder(five_photos, tmp_path, args):
    """Python reads "" as the current folder: `catalog import "$WIRES"` or `catalog watch "$HOTFOLDER"` with the
    variable unset imported, or watched for ever, whatever folder the command ran in, and `--captions ""`
    imported with no captions, silently; `rules --set ""` showed the rules and set none, exit 0, and `serve --cache
    ""` kept its thumbnails in the folder it ran in (audit7). Each is a usage error now, as `ls ""` is, the
    catalogue unchanged."""
    before = rows_digest(five_photos)
    stray = tmp_path / "here"
    stray.mkdir()
    (stray / "stray.jpg").write_bytes(press_jpeg(7))
    args = [str(five_photos.parent / "photos") if arg == "PHOTOS" else arg for arg in args]
    result = run_catalog("--db", five_photos, *args, cwd=stray, timeout=30)
    assert result.returncode == 2, _output(result)
    assert "an empty path names no file or folder (is a shell variable unset?)" in _output(result)
    assert rows_digest(five_photos) == before


@pytest.mark.parametrize("empty", ["", " "])
def test_a_copy_to_an_empty_path_is_refused_not_made_into_the_default_catalogue(tmp_path, empty):
    """`--to ""` (a shell variable unset) meant the default catalogue, CATALOG_DB or catalog.db here: `catalog --db
    old.db copy --to "$NEW" --force` deleted every photo of the desk's own catalogue and put the old one's in."""
    desk = _catalogue_at(tmp_path / "desk.db", _photos(tmp_path / "desk", 3))
    old = _catalogue_at(tmp_path / "old.db", _photos(tmp_path / "old", 2, start=5))
    before = rows_digest(desk)
    result = run_catalog("--db", old, "copy", "--to", empty, "--force", cwd=tmp_path, timeout=60,
                         env=environment(CATALOG_DB=str(desk)))
    assert result.returncode == 2, _output(result)
    assert "an empty path names no catalogue (is a shell variable unset?)" in _output(result)
    assert rows_digest(desk) == before
    assert not (tmp_path / "catalog.db").exists()


@pytest.mark.parametrize("args", [
    ["--db", "", "set", "1", "caption=typed into the wrong catalogue"],
    ["--db", " ", "set", "1", "caption=typed into the wrong catalogue"],
    ["--rules", "", "credits"],
    ["export", "-o", ""],
], ids=["db", "db-blank", "rules", "export-output"])
def test_an_empty_option_path_is_a_usage_error_not_the_default(tmp_path, args):
    """`--db ""` and `--rules ""` were taken as "not given" (audit6 argued it, audit7 left it): `catalog --db "$DESK"
    set ...` with the variable unset changed the default catalogue (CATALOG_DB, else catalog.db here) in silence,
    and `--rules "$RULES"` printed credits by the shipped rules. `export -o "$OUT"` poured the records onto the
    terminal (or a cron job's log) and left the file a script reads as it was. Each is a usage error now, as the
    empty paths of audit6 and audit7 are; an empty CATALOG_DB still means the default."""
    desk = _catalogue_at(tmp_path / "desk.db", _photos(tmp_path / "desk", 2))
    before = rows_digest(desk)
    result = run_catalog(*args, cwd=tmp_path, timeout=60, env=environment(CATALOG_DB=str(desk)))
    out = _output(result)
    assert result.returncode == 2, out
    assert "an empty path names no" in out and "(is a shell variable unset?)" in out, out
    assert result.stdout == b"", out
    assert rows_digest(desk) == before
    assert not (tmp_path / "catalog.db").exists()
    unset = run_catalog("search", cwd=tmp_path, timeout=60, env=environment(CATALOG_DB=""))
    assert unset.returncode == 1 and "no catalogue at" in _output(unset) and str(tmp_path / "catalog.db") in \
        _output(unset), _output(unset)


def test_a_file_named_on_a_mac_is_found_by_the_name_typed_elsewhere(tmp_path):
    """A Mac writes "Kraków.jpg" with the ó as o and a combining accent (NFD) and a share or rsync keeps it so; a
    keyboard on Linux or Windows types the one character (NFC). The two look alike on every screen, but `show`,
    `set` and the rest said "no photo 'Kraków.jpg' in the catalogue". Either spelling now finds the photo, whichever
    way the file was named."""
    import sqlite3
    import unicodedata

    folder = tmp_path / "photos"
    folder.mkdir()
    names = {"Kraków": "NFD", "Zürich": "NFC"}  # one named on a Mac, one elsewhere
    for index, (name, form) in enumerate(names.items()):
        (folder / f"{unicodedata.normalize(form, name)}.jpg").write_bytes(press_jpeg(index))
    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", folder, cwd=tmp_path).returncode == 0
    for name, form in names.items():
        typed = unicodedata.normalize("NFC" if form == "NFD" else "NFD", name) + ".jpg"
        for command in (["show", typed], ["show", typed, "--format", "json"], ["set", typed, "city=Lhasa"],
                        ["show", str(folder / typed)]):
            result = run_catalog("--db", db, *command, cwd=tmp_path)
            assert result.returncode == 0, (name, command, _output(result))
            assert "no photo" not in _output(result)
    connection = sqlite3.connect(db)
    try:
        assert connection.execute("SELECT count(*) FROM photo WHERE city = 'Lhasa'").fetchone()[0] == 2
    finally:
        connection.close()


def test_a_captions_file_in_another_encoding_names_the_byte(five_photos, tmp_path):
    """A captions CSV saved by a spreadsheet in its Windows code page was refused with Python's "'utf-8' codec
    can't decode byte 0xe9 in position 37: invalid continuation byte"; now in the words the rules file uses."""
    captions = tmp_path / "captions.csv"
    captions.write_bytes("file,caption\ndated0.jpg,Caf\u00e9 in Hefei. (Photo/Zhang Dagang)\n".encode("cp1252"))
    result = run_catalog("--db", five_photos, "import", five_photos.parent / "photos", "--captions", captions)
    assert result.returncode == 1, _output(result)
    assert f"captions file {captions} is not UTF-8 text (byte 0xe9 at offset 27): save it as UTF-8" in _output(result)
    article = tmp_path / "article.txt"  # the same for `link`, which gave Python's message after its own
    article.write_bytes("Caf\u00e9 in Hefei, Oct. 3, 2025. (Photo/Zhang Dagang)\n".encode("cp1252"))
    result = run_catalog("--db", five_photos, "link", article)
    assert result.returncode == 1, _output(result)
    assert f"{article} is not UTF-8 text (byte 0xe9 at offset 3): save it as UTF-8" in _output(result)
    assert "codec" not in _output(result)


def test_a_captions_csv_with_a_quote_left_open_is_refused_and_nothing_is_imported(tmp_path):
    """A captions CSV whose quote never closes read the rest of the file as the caption of the row it opened in:
    the second photo got no caption, the first the second's row as part of its own, and the import said nothing."""
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "handout.jpg").write_bytes(press_jpeg(1))
    (photos / "second.jpg").write_bytes(press_jpeg(2))
    captions = tmp_path / "release.csv"
    captions.write_text('file,caption\nhandout.jpg,"A test flight in Hefei, Oct. 14, 2025.\n'
                        'second.jpg,A bullet train in Gansu, Aug. 3, 2025.\n')
    db = tmp_path / "catalog.db"
    result = run_catalog("--db", db, "import", photos, "--captions", captions)
    assert result.returncode == 2, _output(result)
    assert f"captions file {captions} is no valid CSV in the row that begins on line 2 (unexpected end of data)" \
        in _output(result), _output(result)
    assert "went wrong" not in _output(result) and not db.exists()
    captions.write_text('file,caption\nhandout.jpg,"A test flight in Hefei, Oct. 14, 2025."\n'
                        'second.jpg,"A bullet train in Gansu," Aug. 3, 2025.\n')
    result = run_catalog("--db", db, "import", photos, "--captions", captions)
    assert result.returncode == 2 and "in the row that begins on line 3" in _output(result), _output(result)
    captions.write_text('file,caption\nhandout.jpg,"A test flight in Hefei, Oct. 14, 2025."\n'
                        'second.jpg,"A bullet train\nin Gansu, Aug. 3, 2025."\n')  # a caption over two lines: fine
    result = run_catalog("--db", db, "import", photos, "--captions", captions)
    assert result.returncode == 0, _output(result)
    shown = run_catalog("--db", db, "search", "--format", "json").stdout.decode()
    assert "A test flight in Hefei" in shown and "Gansu, Aug. 3, 2025." in shown


@pytest.mark.parametrize("captions", [
    "file,caption\np000.jpg,Set by the desk in a pipe\nphotos/p001.jpg,Named by its path\n",
    "File: p000.jpg\nSet by the desk in a pipe\n\nFile: photos/p001.jpg\nNamed by its path\n",
], ids=["csv", "paragraphs"])
def test_captions_given_through_a_process_substitution_are_read_by_their_content(tmp_path, captions):
    """`--captions <(make-captions)` names /dev/fd/63: no `.csv` in the name, so a CSV was read as paragraphs and
    refused as naming no photo. A name that says nothing is read by its first line; a path in it is the current
    folder's, as the photo paths beside it are (it was taken under /dev/fd)."""
    import sqlite3

    _photos(tmp_path / "photos", 2)
    script = 'exec "$@" --captions <(printf %s "$CAPTIONS")'
    result = subprocess.run(["bash", "-c", script, "bash", *catalog_command("--db", tmp_path / "catalog.db", "import",
                                                                             "photos")],
                            cwd=tmp_path, env=environment(CAPTIONS=captions), capture_output=True, timeout=120)
    assert result.returncode == 0, _output(result)
    connection = sqlite3.connect(tmp_path / "catalog.db")
    try:
        found = dict(connection.execute("SELECT path, caption FROM photo"))
    finally:
        connection.close()
    assert found == {str(tmp_path / "photos" / "p000.jpg"): "Set by the desk in a pipe",
                     str(tmp_path / "photos" / "p001.jpg"): "Named by its path"}


@pytest.mark.parametrize("option", ["--settle", "--give-up", "--rescan"])
def test_a_watch_interval_that_is_no_number_is_a_usage_error(tmp_path, option):
    """The same hole in the watcher's options: `--settle nan` was taken, shown as "settle nan s", and files were
    read without waiting for them to stand still (no elapsed time is "at least NaN", nor less than it)."""
    (tmp_path / "hot").mkdir()
    result = run_catalog("--db", tmp_path / "catalog.db", "watch", tmp_path / "hot", option, "nan", timeout=30)
    assert result.returncode == 2, _output(result)
    assert f"Invalid value for '{option}': nan is not a number between" in _output(result)
    assert not (tmp_path / "catalog.db").exists()


@pytest.mark.parametrize("extra", [[], ["--format", "json"]], ids=["quick-path", "library"])
def test_a_place_the_gazetteer_does_not_know_is_named_when_nothing_matches(five_photos, extra):
    """A typo in a place name finds nothing; the search says which name the gazetteer did not know (near: refuses
    such a name outright), and which is a place of another kind than the field asked for."""
    result = run_catalog("--db", five_photos, "search", "country:Narnia", *extra)
    assert result.returncode == 0, result.stderr.decode()
    err = result.stderr.decode()
    assert "knows no country called Narnia" in err and "Traceback" not in err
    assert ("No photos match." in err) if not extra else result.stdout == b"[]\n"
    one_of_two = run_catalog("--db", five_photos, "search", "in:Narnia,Gansu", "in:Hefei", *extra).stderr.decode()
    assert "knows no place called Narnia" in one_of_two and "called Gansu" not in one_of_two
    other_kind = run_catalog("--db", five_photos, "search", "city:Anhui", *extra).stderr.decode()
    assert "knows no city called Anhui" in other_kind and "in:Anhui finds it" in other_kind
    # Known names, or names that match, say nothing more; neither does a venue, always matched as written.
    assert "Note:" not in run_catalog("--db", five_photos, "search", "in:Hefei", *extra).stderr.decode()
    assert "Note:" not in run_catalog("--db", five_photos, "search", "at:Nowhere", *extra).stderr.decode()
    assert "Note:" not in run_catalog("--db", five_photos, "search", "-country:Narnia", *extra).stderr.decode()


def test_control_characters_in_a_caption_never_reach_a_page(tmp_path):
    """A NUL from a captions file (a spreadsheet's export) is dropped as the file is read; a control character a
    file's own IPTC caption carries is kept in the catalogue as read, and left out of the contact sheet's HTML."""
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "handout.jpg").write_bytes(press_jpeg(1))
    (photos / "wire.jpg").write_bytes(press_jpeg(2, caption="A bullet train\x01 crosses Gansu\x1b, Aug. 3, 2025."))
    captions = tmp_path / "release.csv"
    captions.write_bytes(b'file,caption\nhandout.jpg,"A test flight\x00 in Hefei\x00, Oct. 14, 2025."\n')
    db = tmp_path / "catalog.db"
    result = run_catalog("--db", db, "import", photos, "--captions", captions)
    assert result.returncode == 0, result.stderr.decode()
    shown = run_catalog("--db", db, "search", "--format", "json").stdout.decode()
    assert "A test flight in Hefei, Oct. 14, 2025." in shown and "\\u0000" not in shown
    result = run_catalog("--db", db, "export", "--format", "html", "-o", tmp_path / "sheet")
    assert result.returncode == 0, result.stderr.decode()
    pages = [page.read_text() for page in (tmp_path / "sheet").rglob("*.html")]
    assert pages and any("A test flight in Hefei" in page for page in pages)
    assert any("A bullet train crosses Gansu" in page for page in pages)
    assert not any(char in page for page in pages for char in "\x00\x01\x1b")


@pytest.mark.parametrize("command", [["show"], ["set", "city=Hefei"], ["forget"], ["story", "add", "Desk"],
                                     ["kill", "--reason", "withdrawn"], ["credits", "--files"]])
@pytest.mark.parametrize("ref", ["99999999999999999999999", "²"])
def test_a_photo_number_that_is_no_id_is_a_photo_not_found(five_photos, command, ref):
    """Digits past SQLite's integer range raised OverflowError, and a superscript digit (str.isdigit() says yes,
    int() says no) ValueError: both as "something went wrong". Each is now looked up as a path, and not found."""
    args = [*command[:1], ref, *command[1:]] if command[0] in ("show", "set", "forget", "kill") else [*command, ref]
    result = run_catalog("--db", five_photos, *args)
    err = result.stderr.decode()
    assert result.returncode == 1, (args, err)
    assert "something went wrong" not in err and "Traceback" not in err, (args, err)
    assert f"no photo '{ref}' in the catalogue" in err, (args, err)


def test_a_file_whose_name_is_not_utf8_is_found_by_its_path(tmp_path):
    """Such a file is imported (its path kept with the odd bytes written \\xNN), but naming it to show or set
    it raised UnicodeEncodeError: the path typed was looked up without being spelt as the catalogue keeps it."""
    photos = tmp_path / "photos"
    photos.mkdir()
    name = b"caf\xe9.jpg"  # a name from a Latin-1 machine
    with open(bytes(photos) + b"/" + name, "wb") as handle:
        handle.write(press_jpeg(1))
    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", photos).returncode == 0
    for args in (["show", bytes(photos) + b"/" + name], ["show", name], ["set", name, "city=Lyon"],
                 ["show", "--format", "json", name]):
        result = run_catalog("--db", db, *args, cwd=photos)
        out = _output(result).replace("\\\\", "\\")  # JSON doubles the backslash
        assert result.returncode == 0, (args, out)
        assert "caf\\xe9.jpg" in out and "something went wrong" not in out, (args, out)
    assert "Lyon" in run_catalog("--db", db, "show", "1").stdout.decode()


@pytest.mark.parametrize("how", [["--rules", "{file}", "check"], ["rules", "--set", "{file}"]], ids=["run", "set"])
def test_a_rules_file_saved_by_windows_notepad_is_read_and_one_not_utf8_is_named(five_photos, tmp_path, how):
    """A house-rules file that is not UTF-8 (saved as UTF-16 or Latin-1) raised UnicodeDecodeError through
    --rules ("something went wrong"); one that Notepad saved with a byte-order mark was "not valid TOML:
    Invalid statement (at line 1, column 1)". The mark is no part of the text; other encodings are named."""
    rules = '[check.severity]\nmissing_credit = "warn"\n# Café\n'
    db = tmp_path / "catalog.db"
    shutil.copy(five_photos, db)
    for name, content in (("utf16.toml", rules.encode("utf-16")), ("latin1.toml", rules.encode("latin-1"))):
        (tmp_path / name).write_bytes(content)
        result = run_catalog("--db", db, *[part.format(file=tmp_path / name) for part in how])
        err = result.stderr.decode()
        assert result.returncode == 1, err
        assert "something went wrong" not in err and "Traceback" not in err, err
        assert f"rules file {tmp_path / name} is not UTF-8 text (byte 0x" in err and "save it as UTF-8" in err, err
    (tmp_path / "bom.toml").write_bytes(b"\xef\xbb\xbf" + rules.encode())
    result = run_catalog("--db", db, *[part.format(file=tmp_path / "bom.toml") for part in how])
    assert result.returncode == 0, _output(result)
    if how[0] == "rules":
        result = run_catalog("--db", db, "check")
    assert result.returncode == 0 and "warn   missing_credit" in _output(result), _output(result)
    assert "2 with findings, 0 block" in _output(result), _output(result)


def test_half_a_point_set_by_hand_is_refused_not_ignored(tmp_path):
    """`set PHOTO lat=10` said "1 photo set" and changed nothing: a latitude by hand counts only beside a
    longitude by hand, so the GPS point stayed the gazetteer's, silently. Half a point is now a usage error;
    the other half set by hand before, or given with it, makes it whole."""
    db = _catalogue_at(tmp_path / "catalog.db", _photos(tmp_path / "photos", 1))
    result = run_catalog("--db", db, "set", "1", "lat=10")
    err = result.stderr.decode()
    assert result.returncode == 2, _output(result)
    assert "location.lat is half of a point: give location.lon with it" in err and "photo set" not in err, err
    assert run_catalog("--db", db, "show", "1", "--format", "json").stdout.count(b'"lat": 10.0') == 0
    assert run_catalog("--db", db, "set", "1", "lat=10", "lon=20").returncode == 0
    result = run_catalog("--db", db, "set", "1", "lon=21")  # the latitude is set by hand already
    assert result.returncode == 0, _output(result)
    assert "10.000000, 21.000000  [by hand]" in result.stdout.decode(), _output(result)


def test_a_caption_piped_in_another_encoding_is_named_not_a_crash():
    """`parse-caption` read standard input through a strict UTF-8 text stream, so a caption saved as GBK (a
    Chinese desk's default) or any binary file piped in ended as "something went wrong (UnicodeDecodeError)"."""
    for content in ("新华社记者 李鑫 摄".encode("gbk"), bytes(range(256))):
        process = subprocess.run(catalog_command("parse-caption"), input=content, capture_output=True,
                                 timeout=60, env=environment(), check=False)
        err = process.stderr.decode()
        assert process.returncode == 2, err
        assert "something went wrong" not in err and "Traceback" not in err, err
        assert "Error: standard input is not UTF-8 text (byte 0x" in err, err
    process = subprocess.run(catalog_command("parse-caption"), input="新华社记者 李鑫 摄".encode(),
                             capture_output=True, timeout=60, env=environment(), check=False)
    assert process.returncode == 0 and "李鑫" in process.stdout.decode(), process.stderr.decode()


@pytest.mark.parametrize("args", [
    ["caption", "1", b"Caf\xe9 in Hefei"], ["set", "1", b"city=Caf\xe9"], ["story", "add", b"Caf\xe9", "1"],
    ["story", "show", b"Caf\xe9"], ["kill", "1", "--reason", b"caf\xe9"], ["check", "--story", b"Caf\xe9"],
    ["search", b"in:Caf\xe9"], ["credits", b"caf\xe9"],
], ids=["caption", "set", "story-add", "story-show", "kill", "check", "search", "credits"])
def test_text_typed_in_another_encoding_is_a_usage_error(five_photos, tmp_path, args):
    """A terminal set to Latin-1 or GBK on a UTF-8 system sends bytes Python keeps as lone surrogates; a caption,
    a value, a story's name, a reason or a search term made of them reached SQLite and ended as "something went
    wrong (UnicodeEncodeError)". It is refused as typed, naming the byte, and nothing is stored."""
    db = tmp_path / "catalog.db"
    shutil.copy(five_photos, db)
    before = rows_digest(db)
    result = run_catalog("--db", db, *args)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "something went wrong" not in err and "Traceback" not in err, err
    assert "is not UTF-8 text (byte 0xe9 at character" in err and "set the terminal to UTF-8" in err, err
    assert rows_digest(db) == before


@pytest.mark.parametrize("unit", ["a", "Aa Bb ", "Mr. ", "AP Photo/"])
def test_a_text_far_longer_than_any_caption_is_read_at_once(unit):
    """200,000 characters piped into parse-caption (a dump, an article, a hostile file's field): some readers'
    patterns take time that grows faster than the text (a word of 4,000 letters took two minutes), so a text
    past `parser.READING_LENGTH` is read as its head and its tail. Before, this never finished."""
    text = "A bullet train crosses the Gobi in Zhangye, Gansu province, Aug. 3, 2025. " + unit * (200_000 // len(unit))
    result = subprocess.run(catalog_command("parse-caption", "--explain"), input=(text + " (Photo/Xu Gang)").encode(),
                            capture_output=True, timeout=120, env=environment(), check=False)
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "Xu Gang" in out and "Zhangye" in out  # the scene at the head, the credit at the tail
    assert "read as its first 3,000 and last 1,000 characters" in out


def test_a_kill_reason_is_one_line_and_has_a_limit(tmp_path):
    """A reason typed by hand was kept as typed, however long (a whole article pasted in: every listing of the
    photo printed it) and with its line breaks and control characters, which split `check`'s line for the
    finding and reached the terminal. An advisory's reason was already cut at 500 characters; one typed by
    hand is now refused past them, and kept on one line."""
    db = _catalogue_at(tmp_path / "catalog.db", _photos(tmp_path / "photos", 2))
    before = rows_digest(db)
    done = run_catalog("--db", db, "kill", "1", "--reason", "The picture was altered. " * 40)
    err = done.stderr.decode()
    assert done.returncode == 2 and "a kill's reason is at most 500 characters (this one is 999)" in err, err
    assert rows_digest(db) == before
    done = run_catalog("--db", db, "kill", "1", "--reason", "digitally\n\x1b[2Jaltered\x07 by the sender ")
    assert done.returncode == 0, done.stderr.decode()
    shown = run_catalog("--db", db, "check").stdout.decode()
    assert "killed: digitally [2Jaltered by the sender\n" in shown, shown


def _on_a_terminal(*args) -> tuple[int, bytes]:
    """Run `catalog ARGS` with its standard output on a pseudo-terminal; its exit status and what it showed."""
    import os
    import pty

    master, terminal = pty.openpty()
    try:
        process = subprocess.Popen(catalog_command(*args), stdout=terminal, stderr=subprocess.DEVNULL,
                                   env=environment())
    finally:
        os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal's other end closed: the command ended
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    return process.wait(timeout=60), shown


def test_a_files_escape_sequence_does_not_act_on_the_terminal(tmp_path):
    """A caption in a file's own metadata with an escape sequence (one that retitles the terminal's window) is
    kept as read and goes byte for byte into a pipe, but `show` and `search` on a terminal show each control
    character as U+FFFD, where it reached the desk's terminal and acted on it."""
    from tests.helpers import jpeg_with_metadata

    photo = jpeg_with_metadata(tmp_path / "in" / "boats.jpg",
                               iptc={"Iptc.Application2.Caption": "Boats \x1b]0;pwned\x07 at dusk"})
    db = tmp_path / "c.db"
    assert run_catalog("--db", db, "import", tmp_path / "in").returncode == 0
    piped = run_catalog("--db", db, "show", photo)
    assert b"Boats \x1b]0;pwned\x07 at dusk" in piped.stdout  # a pipe: as read
    for command in (("show", photo), ("search", "boats")):
        status, shown = _on_a_terminal("--db", db, *command)
        assert status == 0 and b"Boats" in shown, shown
        assert b"\x1b" not in shown and b"\x07" not in shown, shown
    assert "Boats \ufffd]0;pwned\ufffd at dusk".encode() in _on_a_terminal("--db", db, "show", photo)[1]


def test_a_forgotten_kill_stays_with_the_picture_wherever_it_comes_back(tmp_path):
    """`forget --drop-kills` of a killed photo dropped the kill with the record: the same file imported again (or
    still in a hot folder a watcher rescans, or a copy from another folder) came back as a new photo, usable, and
    `check` passed it. A kill is now kept by the picture's fingerprint (alembic 0018): `forget` of a killed photo
    goes through and says so, the picture imported again from anywhere comes back killed and `check` stops it;
    only --drop-kills (or `kill --undo`) lifts it."""
    folder = tmp_path / "photos"
    db = _catalogue_at(tmp_path / "catalog.db", _photos(folder, 2))
    assert run_catalog("--db", db, "kill", "p000.jpg", "--reason", "altered by the sender").returncode == 0
    done = run_catalog("--db", db, "forget", "p000.jpg", "p001.jpg", "--drop-kills")
    assert done.returncode == 0, done.stderr.decode()
    assert run_catalog("--db", db, "import", folder).returncode == 0
    assert run_catalog("--db", db, "search", "killed:yes", "--format", "paths").stdout.decode().split() == []
    assert run_catalog("--db", db, "kill", "p000.jpg", "--reason", "altered by the sender").returncode == 0
    done = run_catalog("--db", db, "forget", "p000.jpg", "p001.jpg")
    err = done.stderr.decode()
    assert done.returncode == 0 and "2 photos forgotten" in err, err
    assert "1 of them was killed: its kill is kept" in err and "back killed" in err, err
    elsewhere = tmp_path / "resent"
    elsewhere.mkdir()
    shutil.copy(folder / "p000.jpg", elsewhere / "resent-by-the-wire.jpg")
    for source in (folder, elsewhere):
        again = run_catalog("--db", db, "import", source)
        assert again.returncode == 0, again.stderr.decode()
    killed = run_catalog("--db", db, "search", "killed:yes", "--format", "paths").stdout.decode().split()
    assert sorted(name.rsplit("/", 1)[1] for name in killed) == ["p000.jpg", "resent-by-the-wire.jpg"], killed
    shown = run_catalog("--db", db, "show", "resent-by-the-wire.jpg").stdout.decode()
    assert "KILLED" in shown and "altered by the sender" in shown, shown
    check = run_catalog("--db", db, "check", "--format", "json")
    findings = {item["path"].rsplit("/", 1)[1]: [(f["check"], f["severity"]) for f in item["findings"]]
                for item in json.loads(check.stdout)}
    assert check.returncode == 1 and ("killed", "block") in findings["resent-by-the-wire.jpg"], findings
    # --drop-kills lifts the kill: the picture comes back usable, and a copy of it too.
    done = run_catalog("--db", db, "forget", "p000.jpg", "resent-by-the-wire.jpg", "--drop-kills")
    assert done.returncode == 0 and "kills were lifted" in done.stderr.decode(), done.stderr.decode()
    assert run_catalog("--db", db, "import", folder, elsewhere).returncode == 0
    assert run_catalog("--db", db, "search", "killed:yes", "--format", "paths").stdout.decode().split() == []


def test_a_contact_sheet_export_replaces_only_what_an_export_wrote(tmp_path):
    """`export --format html -o FOLDER` wrote `index.html` and `thumbs/ID.jpg` over whatever had those names: a
    folder of someone's pictures with a `thumbs/1.jpg`, or a page of their own, lost them in silence. Now each file
    in the way must be an export's own (an earlier sheet, or a thumbnail one wrote, which carries a JPEG comment
    saying so); anything else stops the export, nothing written, and --force replaces it and says so."""
    db = _catalogue_at(tmp_path / "catalog.db", _photos(tmp_path / "photos", 2))
    sheet = tmp_path / "sheet"
    (sheet / "thumbs").mkdir(parents=True)
    (sheet / "thumbs" / "1.jpg").write_bytes(b"\xff\xd8 someone's own picture")
    (sheet / "index.html").write_text("<p>the desk's own page</p>")
    before = {path: path.read_bytes() for path in sheet.rglob("*") if path.is_file()}
    done = run_catalog("--db", db, "export", "--format", "html", "-o", sheet)
    err = done.stderr.decode()
    assert done.returncode == 1 and "holds 2 files that no contact sheet export wrote" in err, err
    assert "index.html" in err and "thumbs/1.jpg" in err and "--force" in err and "Traceback" not in err, err
    assert {path: path.read_bytes() for path in sheet.rglob("*") if path.is_file()} == before
    # An export's own files are replaced as before: an earlier sheet, and the thumbnails of one killed before
    # its index.html.
    fresh = tmp_path / "fresh"
    assert run_catalog("--db", db, "export", "--format", "html", "-o", fresh).returncode == 0
    again = run_catalog("--db", db, "export", "--format", "html", "-o", fresh)
    assert again.returncode == 0 and "replaced" not in again.stderr.decode(), again.stderr.decode()
    (fresh / "index.html").unlink()
    again = run_catalog("--db", db, "export", "--format", "html", "-o", fresh)
    assert again.returncode == 0 and "replaced" not in again.stderr.decode(), again.stderr.decode()
    forced = run_catalog("--db", db, "export", "--format", "html", "-o", sheet, "--force")
    err = forced.stderr.decode()
    assert forced.returncode == 0 and f"replaced  {sheet / 'thumbs' / '1.jpg'}" in err, err
    assert f"replaced  {sheet / 'index.html'}" in err and "2 photos written" in err, err


def test_a_story_closes_up_when_one_of_its_photos_is_forgotten(tmp_path):
    """A story that held a forgotten photo numbered the rest with a gap (1, 3), and nothing said the story had
    lost a picture. `forget` now closes the story up as `story remove` does (positions stay 1..N) and names the
    story and the position the photo had."""
    db = _catalogue_at(tmp_path / "catalog.db", _photos(tmp_path / "photos", 3))
    assert run_catalog("--db", db, "story", "add", "Flood", "p000.jpg", "p001.jpg", "p002.jpg").returncode == 0
    done = run_catalog("--db", db, "forget", "p001.jpg")
    err = done.stderr.decode()
    assert done.returncode == 0 and "taken out of story 'Flood' (#2): the photos after it moved up" in err, err
    shown = json.loads(run_catalog("--db", db, "story", "show", "Flood", "--format", "json").stdout)
    assert [(p["position"], p["path"].rsplit("/", 1)[1]) for p in shown["photos"]] == [(1, "p000.jpg"),
                                                                                         (2, "p002.jpg")]
    placed = json.loads(run_catalog("--db", db, "show", "p002.jpg", "--format", "json").stdout)["stories"]
    assert [(use["story"], use["position"]) for use in placed] == [("Flood", 2)]


@pytest.mark.parametrize(("note", "still", "over"), [
    # London's clocks show 01:00-02:00 twice on 26 October 2025: the embargo ends at the second 01:30
    ("EMBARGOED UNTIL 01:30 UK time 26 October 2025", "2025-10-26T01:00Z", "2025-10-26T01:31Z"),
    ("EMBARGOED UNTIL 0130 Eastern time Nov 2 2025", "2025-11-02T06:00Z", "2025-11-02T06:31Z"),
    # a time the clocks skip (01:30 on 30 March 2025 in London) is read at the offset before the change
    ("EMBARGOED UNTIL 01:30 UK time 30 March 2025", "2025-03-30T01:00Z", "2025-03-30T01:31Z"),
])
def test_an_embargo_at_an_hour_the_clocks_show_twice_ends_at_the_later(tmp_path, note, still, over):
    """An embargo to a local time a zone's clocks show twice (the night summer time ends) was read as the first:
    `check --at` between the two said the picture could run, an hour before the embargo ended. It is read as the
    second, as an abbreviation meaning two zones already is (the one that ends the embargo later)."""
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "embargoed.jpg").write_bytes(jpeg(comment("embargo"), photoshop_segment(resource(0x0404, iim(
        UTF8_DECLARED, (2, 120, b"Ministers arrive for talks. (Photo/Ann Lee)"), (2, 40, note.encode()))))))
    db = tmp_path / "catalog.db"
    assert run_catalog("--db", db, "import", photos).returncode == 0
    for at, held in ((still, True), (over, False)):
        done = run_catalog("--db", db, "check", "--at", at, "--format", "json")
        found = [f["check"] for item in json.loads(done.stdout) for f in item["findings"]]
        assert ("embargoed" in found) is held, (at, found, done.stderr.decode())


class _CountingReader:
    """A file that counts the bytes read from it."""

    def __init__(self, handle):
        self.handle, self.read_bytes = handle, 0

    def read(self, size=-1):
        data = self.handle.read(size)
        self.read_bytes += len(data)
        return data

    def __getattr__(self, name):
        return getattr(self.handle, name)


def test_a_sparse_file_of_gigabytes_cut_short_is_read_at_its_end_only(tmp_path):
    """A JPEG cut short inside a 2.2 GB file of zeros (a transfer that preallocated the file and stopped, a sparse
    file) was read whole, backwards, looking for its end-of-image marker, twice per import: 27 s for one file, a
    watcher standing still meanwhile. The marker is looked for in the last 64 MB: the file is named damaged, its
    metadata imported, and the import reads a few megabytes of it."""
    from catalog.metadata.jpeg import image_cut_short

    photos = tmp_path / "photos"
    photos.mkdir()
    big = photos / "preallocated.jpg"
    with open(big, "wb") as handle:
        handle.write((IMAGES / "hefei-aircraft.jpg").read_bytes()[:20_000])
        handle.truncate(2_200 * 1024 * 1024)
    with open(big, "rb") as handle:
        counted = _CountingReader(handle)
        assert image_cut_short(counted, 20_000) and counted.read_bytes <= 65 * 1024 * 1024, counted.read_bytes
    db = tmp_path / "catalog.db"
    done = run_catalog("--db", db, "import", photos, timeout=120)
    err = done.stderr.decode()
    assert done.returncode == 0 and "DAMAGED" in err and "preallocated.jpg" in err, err
    shown = json.loads(run_catalog("--db", db, "search", "damaged:yes", "--format", "json").stdout)
    assert [Path(item["path"]).name for item in shown] == ["preallocated.jpg"]

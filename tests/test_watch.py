"""`catalog watch` as a desk runs it: a real watcher process on a temporary folder, files arriving as FTP
servers and sync clients deliver them.

Every wait is for something observable: a line the watcher prints (`--format json -v`: one object per file,
"waiting" when a file stopped changing but is not whole), a message on its stderr, or a moment it reaches
inside a transaction (the gate of tests/cli_process.py). Deadlines are generous; nothing sleeps hoping the
watcher was quick. The watcher loads the readers and the gazetteer before it says it has caught up, which
takes seconds on a loaded machine, so the tests that need no process of their own share one.
"""

from __future__ import annotations

import io
import json
import os
import queue
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from PIL import Image

from tests.cli_process import Gate, environment, integrity, run_catalog, start_catalog, unprivileged
from tests.image_bytes import UTF8_DECLARED, comment, iim, jpeg, photoshop_segment, resource

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="watches with inotify; signals are POSIX")

POSTGRES = os.environ.get("CATALOG_TEST_POSTGRES")
#: How long a watcher may take to load and catch up, and to report one file (a loaded machine is slow).
START_DEADLINE = 300.0
DEADLINE = 120.0


def photo(index: int, caption: str | None = None, by_line: str | None = None, size=(480, 320)) -> bytes:
    """A real JPEG of noise (about 100 KB at 480 x 320), with an IPTC caption and by-line when given."""
    generator = random.Random(index)
    width, height = size
    image = Image.frombytes("RGB", size, bytes(generator.getrandbits(8) for _ in range(width * height * 3)))
    body = io.BytesIO()
    image.save(body, "JPEG", quality=85)
    records = [UTF8_DECLARED]
    if caption:
        records.append((2, 120, caption.encode()))
    if by_line:
        records.append((2, 80, by_line.encode()))
    return jpeg(comment(f"photo {index}"), photoshop_segment(resource(0x0404, iim(*records))), body=body.getvalue())


class Watching:
    """A running `catalog watch --format json -v`: its file lines and its messages, as they come."""

    def __init__(self, child: subprocess.Popen):
        self.child = child
        self.events: list[dict] = []
        self.messages: list[str] = []
        self._lines: queue.Queue = queue.Queue()
        self._readers = [threading.Thread(target=self._read, args=(stream, kind), daemon=True)
                         for stream, kind in ((child.stdout, "event"), (child.stderr, "message"))]
        for reader in self._readers:
            reader.start()

    @classmethod
    def start(cls, db, *folders, options=(), rules=None, env=None, **popen) -> Watching:
        head = ["--db", db] + (["--rules", rules] if rules else [])
        return cls(start_catalog(*head, "watch", *map(str, folders), "--format", "json", "-v", *options,
                                 env=env or environment(), **popen))

    def _read(self, stream, kind: str) -> None:
        for raw in stream:
            self._lines.put((kind, raw.decode("utf-8", "replace").rstrip("\n")))
        self._lines.put((kind, None))

    def _pump(self, deadline: float) -> bool:
        """Take one line (waiting until `deadline`); False when there was none by then."""
        try:
            kind, line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            return False
        if line is not None:
            if kind == "event":
                self.events.append(json.loads(line))
            else:
                self.messages.append(line)
        return True

    def wait_for(self, event: str, path, *, nth: int = 1, timeout: float = DEADLINE) -> dict:
        """The `nth` line saying `event` about `path`, waiting for it."""
        path = str(path)
        deadline = time.monotonic() + timeout
        while True:
            found = [e for e in self.events if e["event"] == event and e["path"] == path]
            if len(found) >= nth:
                return found[nth - 1]
            if self.child.poll() is not None and self._lines.empty():
                raise AssertionError(f"the watcher ended ({self.child.returncode}) before {event} {path}: "
                                     f"{self.events} {self.messages}")
            if not self._pump(deadline) and time.monotonic() >= deadline:
                raise AssertionError(f"no {event} line for {path} in {timeout:g} s; saw {self.events} "
                                     f"and {self.messages}")

    def wait_message(self, text: str, timeout: float = START_DEADLINE) -> str:
        deadline = time.monotonic() + timeout
        while True:
            for message in self.messages:
                if text in message:
                    return message
            if self.child.poll() is not None and self._lines.empty():
                raise AssertionError(f"the watcher ended ({self.child.returncode}): {self.messages}")
            if not self._pump(deadline) and time.monotonic() >= deadline:
                raise AssertionError(f"no message {text!r} in {timeout:g} s; saw {self.messages}")

    def about(self, path) -> list[str]:
        """The events said so far about one path, in order."""
        return [e["event"] for e in self.events if e["path"] == str(path)]

    def stop(self, number: int = signal.SIGTERM, timeout: float = DEADLINE) -> int:
        """Stop it with a signal; its exit status, once every line it printed has been read."""
        self.child.send_signal(number)
        code = self.child.wait(timeout=timeout)
        deadline = time.monotonic() + 30
        ended = 0
        while ended < 2 and time.monotonic() < deadline:
            try:
                kind, line = self._lines.get(timeout=1)
            except queue.Empty:
                continue
            if line is None:
                ended += 1
            elif kind == "event":
                self.events.append(json.loads(line))
            else:
                self.messages.append(line)
        return code

    def kill(self) -> None:
        """End it (and its reader processes) if it still runs, and close its pipes."""
        try:
            os.killpg(self.child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.child.wait(timeout=30)
        for reader in self._readers:
            reader.join(timeout=30)
        self.child.stdout.close()
        self.child.stderr.close()


def rows(db: Path, sql: str, *args) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def write_slowly(path: Path, data: bytes, parts: int, between) -> None:
    """Write `data` in `parts` chunks, calling `between(n)` after chunk n (the file held open, as FTP does)."""
    cuts = [len(data) * n // parts for n in range(parts + 1)]
    with open(path, "wb") as handle:
        for n in range(parts):
            handle.write(data[cuts[n]:cuts[n + 1]])
            handle.flush()
            if n < parts - 1:
                between(n + 1)


# --- one watcher shared by the tests that need no process of their own --------------------------------------

HOUSE_RULES = '''
[[arrival]]
files = "staff/*"
set = { copyright = "© China Daily", "credit.agency" = "China Daily" }
'''


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """A watcher on incoming/ with a 0.5 s settle time, a 5 s give-up time and house arrival rules."""
    root = tmp_path_factory.mktemp("desk")
    folder = root / "incoming"
    folder.mkdir()
    rules = root / "house.toml"
    rules.write_text(HOUSE_RULES, encoding="utf-8")
    db = root / "catalog.db"
    watching = Watching.start(db, folder, options=("--settle", "0.5", "--give-up", "5"), rules=str(rules))
    try:
        watching.wait_message("caught up")
        yield watching, folder, db
    finally:
        watching.kill()


@pytest.fixture
def room(desk, request):
    """The shared watcher, and a folder of this test's own inside the watched one."""
    watching, folder, db = desk
    own = folder / request.node.name.replace("[", "_").replace("]", "")
    own.mkdir()
    return watching, own, db


def test_a_file_written_slowly_is_read_once_and_whole(room):
    watching, folder, db = room
    target = folder / "slow.jpg"
    data = photo(1, caption="Firefighters at work in Hefei, Anhui Province, Oct. 14, 2025. (Xinhua/Zhang Dagang)")

    def pause(n: int) -> None:  # the watcher saw the part written so far stand still, and refused it
        assert watching.wait_for("waiting", target, nth=n)["reason"]
        assert watching.about(target) == ["waiting"] * n

    write_slowly(target, data, 3, pause)
    added = watching.wait_for("added", target)
    assert watching.about(target) == ["waiting", "waiting", "added"]
    assert rows(db, "SELECT id, size, caption, photographer FROM photo WHERE path = ?", str(target)) == [
        (added["id"], len(data), "Firefighters at work in Hefei, Anhui Province, Oct. 14, 2025. (Xinhua/Zhang Dagang)",
         "Zhang Dagang")]


def test_temporary_names_are_left_alone_until_renamed(room):
    watching, folder, db = room
    hidden, windows = folder / ".in.a.jpg.", folder / "~$b.jpg"
    hidden.write_bytes(photo(2))
    windows.write_bytes(photo(3))
    os.rename(hidden, folder / "a.jpg")
    os.rename(windows, folder / "b.jpg")
    # Renamed from a temporary name, each is a new photo: had the watcher catalogued the temporary file,
    # the rename would be a move.
    assert watching.wait_for("added", folder / "a.jpg")["id"]
    assert watching.wait_for("added", folder / "b.jpg")["id"]
    assert not [e for e in watching.events if e["path"] in (str(hidden), str(windows))]
    assert sorted(r[0] for r in rows(db, "SELECT path FROM photo WHERE path LIKE ?", f"{folder}/%")) == [
        str(folder / "a.jpg"), str(folder / "b.jpg")]


def test_a_file_s_life_corrected_set_by_hand_moved_deleted_and_back(room):
    watching, folder, db = room
    target = folder / "c.jpg"
    target.write_bytes(photo(4, caption="A wrong caption. (Xinhua/Li Xin)"))
    pid = watching.wait_for("added", target)["id"]

    # corrected in place, then again as rsync does (a temporary name, renamed over it)
    target.write_bytes(photo(4, caption="The right caption. (Xinhua/Li Xin)"))
    assert watching.wait_for("updated", target)["id"] == pid
    temporary = folder / ".c.jpg.Xa8bQ2"
    temporary.write_bytes(photo(4, caption="The right caption, and better. (Xinhua/Li Xin)"))
    os.replace(temporary, target)
    assert watching.wait_for("updated", target, nth=2)["id"] == pid
    assert rows(db, "SELECT caption FROM photo WHERE id = ?", pid) == [
        ("The right caption, and better. (Xinhua/Li Xin)",)]

    done = run_catalog("--db", db, "set", str(target), "credit.photographer=Jane Smith", timeout=DEADLINE)
    assert done.returncode == 0, done.stderr.decode()
    (folder / "sorted").mkdir()
    moved_to = folder / "sorted" / "c.jpg"
    os.rename(target, moved_to)
    moved = watching.wait_for("moved", moved_to)
    assert (moved["id"], moved["from"]) == (pid, str(target))
    [(path, photographer, manual, missing)] = rows(
        db, "SELECT path, photographer, manual, missing_since FROM photo WHERE id = ?", pid)
    assert (path, photographer, missing) == (str(moved_to), "Jane Smith", None)
    assert json.loads(manual)["credit.photographer"]["value"] == "Jane Smith"

    kept = moved_to.read_bytes()
    moved_to.unlink()
    assert watching.wait_for("missing", moved_to)["id"] == pid
    assert rows(db, "SELECT missing_since IS NOT NULL FROM photo WHERE id = ?", pid) == [(1,)]
    moved_to.write_bytes(kept)
    assert watching.wait_for("updated", moved_to)["id"] == pid
    assert rows(db, "SELECT missing_since, photographer FROM photo WHERE id = ?", pid) == [(None, "Jane Smith")]
    assert rows(db, "SELECT count(*) FROM photo WHERE path LIKE ?", f"{folder}/%") == [(1,)]



def test_a_photo_renamed_and_a_new_one_sent_under_its_name_keep_apart(room):
    """The desk keeps a picture as d-v1.jpg and the wire sends a new one as d.jpg: what was set by hand, the
    kill and the story went with the name to the new picture (killed, credited to Jane Smith), and the
    renamed picture came back as a new photo without them."""
    watching, folder, db = room
    target = folder / "d.jpg"
    target.write_bytes(photo(5, caption="The first picture. (Xinhua/Li Xin)"))
    pid = watching.wait_for("added", target)["id"]
    for args in (("set", str(target), "credit.photographer=Jane Smith"), ("kill", str(target), "--reason", "altered"),
                 ("story", "add", "Rename", str(target))):
        done = run_catalog("--db", db, *args, timeout=DEADLINE)
        assert done.returncode == 0, done.stderr.decode()
    kept = folder / "d-v1.jpg"
    os.rename(target, kept)
    target.write_bytes(photo(6, caption="Another picture. (Xinhua/Li Xin)"))
    moved = watching.wait_for("moved", kept)
    assert (moved["id"], moved["from"]) == (pid, str(target))
    other = watching.wait_for("added", target, nth=2)["id"]
    assert other != pid
    assert rows(db, "SELECT id, caption, photographer FROM photo WHERE path LIKE ? ORDER BY id", f"{folder}/%") == [
        (pid, "The first picture. (Xinhua/Li Xin)", "Jane Smith"),
        (other, "Another picture. (Xinhua/Li Xin)", "Li Xin")]
    assert rows(db, "SELECT photo_id FROM kill WHERE photo_id IN (?, ?)", pid, other) == [(pid,)]
    assert rows(db, "SELECT photo_id FROM story_photo JOIN story ON story.id = story_id WHERE name = 'Rename'") == [
        (pid,)]

def test_a_file_never_whole_is_reported_not_imported_and_taken_when_finished(room):
    watching, folder, db = room
    target = folder / "stalled.jpg"
    data = photo(5)
    target.write_bytes(data[: len(data) // 2])
    reported = watching.wait_for("incomplete", target)
    assert "no end-of-image marker" in reported["reason"] and "5 s" in reported["reason"]
    assert watching.about(target) == ["waiting", "incomplete"]
    assert rows(db, "SELECT count(*) FROM photo WHERE path = ?", str(target)) == [(0,)]
    with open(target, "ab") as handle:  # the transfer resumes
        handle.write(data[len(data) // 2:])
    assert watching.wait_for("added", target)
    assert rows(db, "SELECT size FROM photo WHERE path = ?", str(target)) == [(len(data),)]


def test_a_file_that_fails_is_retried_when_it_changes(room):
    watching, folder, _ = room
    target = folder / "not-a-photo.jpg"
    target.write_bytes(b"This is a text file someone named .jpg by mistake; long enough to be read. " * 3)
    assert "not an image" in watching.wait_for("failed", target)["reason"]
    target.write_bytes(photo(6))
    assert watching.wait_for("added", target)["id"]
    assert watching.about(target) == ["failed", "added"]


def test_arrival_rules_from_the_house_rules(desk):
    watching, folder, db = desk
    (folder / "staff").mkdir(exist_ok=True)
    arrived = folder / "staff" / "f.jpg"
    arrived.write_bytes(photo(9, by_line="Zhang Dagang"))
    pid = watching.wait_for("added", arrived)["id"]
    [(copyright, agency, manual)] = rows(db, "SELECT copyright, agency, manual FROM photo WHERE id = ?", pid)
    assert (copyright, agency) == ("© China Daily", "China Daily")
    assert {key: entry["by"] for key, entry in json.loads(manual).items()} == {
        "credit.copyright": "arrival rule", "credit.agency": "arrival rule"}

    # a catalogued photo moved into staff/ keeps what it had: it is not a new arrival
    outside = folder / "g.jpg"
    outside.write_bytes(photo(10, by_line="Li Xin"))
    other = watching.wait_for("added", outside)["id"]
    os.rename(outside, folder / "staff" / "g.jpg")
    assert watching.wait_for("moved", folder / "staff" / "g.jpg")["id"] == other
    [(copyright, manual)] = rows(db, "SELECT copyright, manual FROM photo WHERE id = ?", other)
    assert copyright is None and json.loads(manual or "null") is None


def test_a_sidecar_written_beside_a_photo_reads_it_again(room):
    watching, folder, db = room
    target = folder / "h.jpg"
    target.write_bytes(photo(11))
    pid = watching.wait_for("added", target)["id"]
    (folder / "h.xmp").write_text(
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:City="Lanzhou"/>'
        '</rdf:RDF></x:xmpmeta>', encoding="utf-8")
    assert watching.wait_for("updated", target)["id"] == pid
    assert rows(db, "SELECT city, sidecar_mtime_ns IS NOT NULL FROM photo WHERE id = ?", pid) == [("Lanzhou", 1)]


# --- watchers of their own: stops, kills, locks, two on one server --------------------------------------------

#: A gate inside the watcher's batch transaction (rows written, not committed): see tests/cli_process.py.
WATCH_GATE_HOOK = '''
import os

_events, _control = os.environ.get("CATALOG_TEST_EVENTS"), os.environ.get("CATALOG_TEST_CONTROL")
if _events and _control:
    import catalog.watch.intake as intake

    _main = os.getpid()

    def _at(moment):
        if os.getpid() == _main:
            os.write(int(_events), moment.encode() + b"\\n")
            os.read(int(_control), 1)

    _store_batch = intake.store_batch

    def store_batch(*args, **kwargs):
        result = _store_batch(*args, **kwargs)
        _at("writing")
        return result

    intake.store_batch = store_batch
'''


def gated(tmp_path: Path) -> Gate:
    gate = Gate(tmp_path)
    (tmp_path / "gate-hook" / "sitecustomize.py").write_text(WATCH_GATE_HOOK)
    return gate


def gated_watch(tmp_path: Path) -> tuple[Path, Path, Gate, Watching]:
    """A watcher of an empty folder into a new catalogue, with the gate inside its batch transaction:
    (the folder, the catalogue, the gate, the watcher). The caller kills the watcher and closes the gate."""
    folder, db = tmp_path / "incoming", tmp_path / "catalog.db"
    folder.mkdir()
    gate = gated(tmp_path)
    child = gate.start("--db", db, "watch", folder, "--settle", "0.5", "--format", "json",
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return folder, db, gate, Watching(child)


def test_stopped_by_sigterm_after_the_batch_in_hand(tmp_path):
    folder, db, gate, watching = gated_watch(tmp_path)
    child = watching.child
    try:
        (folder / "a.jpg").write_bytes(photo(20))
        assert gate.hold_at("writing", timeout=START_DEADLINE)
        child.send_signal(signal.SIGTERM)  # arrives inside the batch's transaction
        watching.wait_message("SIGTERM: stopping after the batch in hand")
        gate.release_all()
        assert child.wait(timeout=DEADLINE) == 0
        watching.stop(signal.SIGTERM)  # collects the last lines (the process has ended)
    finally:
        watching.kill()
        gate.close()
    assert watching.about(folder / "a.jpg") == ["added"]
    assert any(message.endswith("stopped: 1 added") for message in watching.messages), watching.messages
    assert rows(db, "SELECT path FROM photo") == [(str(folder / "a.jpg"),)]


def test_killed_mid_batch_then_restarted_loses_nothing_and_catches_up(tmp_path):
    folder, db, gate, killed = gated_watch(tmp_path)
    first = [folder / f"first-{n}.jpg" for n in range(5)]
    try:
        for n, path in enumerate(first):
            path.write_bytes(photo(30 + n, caption=f"Photo {n}. (Xinhua/Li Xin)"))
        assert gate.hold_at("writing", timeout=START_DEADLINE)  # the batch's rows written, not committed
    finally:
        killed.kill()  # SIGKILL
        gate.close()
    assert killed.child.returncode == -signal.SIGKILL and killed.events == []
    assert integrity(db) == "ok"
    committed = rows(db, "SELECT count(*) FROM photo")[0][0]
    # while nobody watches: one more arrives, one of the first goes
    late = folder / "late.jpg"
    late.write_bytes(photo(40))
    first[0].unlink()
    wanted = sorted(map(str, [*first[1:], late]))

    watching = Watching.start(db, folder, options=("--settle", "0.5"))
    try:
        watching.wait_message("caught up")
        for path in wanted:
            watching.wait_for("added", path)
        assert watching.stop() == 0
    finally:
        watching.kill()
    assert committed == 0  # killed inside the first batch's transaction: none of it was kept
    assert sorted(r[0] for r in rows(db, "SELECT path FROM photo WHERE missing_since IS NULL")) == wanted
    assert rows(db, "SELECT count(*), count(DISTINCT path) FROM photo") == [(5, 5)]
    sizes = dict(rows(db, "SELECT path, size FROM photo WHERE missing_since IS NULL"))
    assert sizes == {path: os.path.getsize(path) for path in wanted}

    # stopped again: a caption corrected, a photo renamed, one deleted, one new; the next start catches up
    keep = rows(db, "SELECT id FROM photo WHERE path = ?", str(first[1]))[0][0]
    first[2].write_bytes(photo(32, caption="Photo 2, corrected. (Xinhua/Li Xin)"))
    os.rename(first[1], folder / "renamed.jpg")
    first[3].unlink()
    (folder / "new.jpg").write_bytes(photo(41))
    watching = Watching.start(db, folder, options=("--settle", "0.5"))
    try:
        watching.wait_message("caught up")
        assert watching.wait_for("moved", folder / "renamed.jpg")["id"] == keep
        watching.wait_for("updated", first[2])
        watching.wait_for("missing", first[3])
        watching.wait_for("added", folder / "new.jpg")
        assert watching.stop(signal.SIGINT) == 0
    finally:
        watching.kill()
    assert rows(db, "SELECT caption FROM photo WHERE path = ?", str(first[2])) == [
        ("Photo 2, corrected. (Xinhua/Li Xin)",)]


def test_catching_up_folder_by_folder_finds_changes_deep_down_and_a_subfolder_gone_whole(tmp_path):
    folder = tmp_path / "incoming"
    files = {name: folder / name for name in ("top.jpg", "a/one.jpg", "a/b/deep.jpg", "c/x.jpg", "c/d/y.jpg")}
    for n, path in enumerate(files.values()):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(photo(60 + n, caption=f"Photo {n}. (Xinhua/Li Xin)"))
    db = tmp_path / "catalog.db"
    done = run_catalog("--db", str(db), "import", str(folder), timeout=START_DEADLINE)
    assert done.returncode == 0, done.stderr
    # while nobody watches: c/ goes with its subfolder, a deep file is corrected, a new one arrives
    for name in ("c/d/y.jpg", "c/x.jpg"):
        files[name].unlink()
    (folder / "c" / "d").rmdir()
    (folder / "c").rmdir()
    files["a/b/deep.jpg"].write_bytes(photo(70, caption="Deep, corrected. (Xinhua/Li Xin)"))
    (folder / "a" / "b" / "new.jpg").write_bytes(photo(71))

    watching = Watching.start(db, folder, options=("--settle", "0.5"))
    try:
        caught_up = watching.wait_message("caught up")
        watching.wait_for("missing", files["c/x.jpg"])
        watching.wait_for("missing", files["c/d/y.jpg"])
        watching.wait_for("updated", files["a/b/deep.jpg"])
        watching.wait_for("added", folder / "a" / "b" / "new.jpg")
        assert watching.stop() == 0
    finally:
        watching.kill()
    assert "3 photos catalogued here, 2 new or changed files to read, 2 gone" in caught_up
    assert sorted(watching.about(files["top.jpg"]) + watching.about(files["a/one.jpg"])) == []
    assert rows(db, "SELECT count(*) FROM photo WHERE missing_since IS NULL") == [(4,)]
    assert rows(db, "SELECT caption FROM photo WHERE path = ?", str(files["a/b/deep.jpg"])) == [
        ("Deep, corrected. (Xinhua/Li Xin)",)]


def test_a_watched_folder_that_goes_and_comes_back_is_watched_again(tmp_path):
    """A hot folder deleted and made again (an FTP account reset, a share unmounted and mounted again) ended its
    watch for good: photos sent to it afterwards were found only by the next rescan, five minutes later by
    default, or never with --rescan 0, where the watcher promises seconds. It is watched again once it is back,
    and what arrived meanwhile is read at once."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "first.jpg").write_bytes(photo(80))
    db = tmp_path / "catalog.db"
    watching = Watching.start(db, folder, options=("--settle", "0.3", "--rescan", "0"))
    try:
        watching.wait_message("caught up")
        watching.wait_for("added", folder / "first.jpg")
        (folder / "first.jpg").unlink()
        folder.rmdir()
        watching.wait_for("missing", folder / "first.jpg")
        watching.wait_message("no longer there", timeout=DEADLINE)
        folder.mkdir()
        (folder / "meanwhile.jpg").write_bytes(photo(81))
        watching.wait_message("watching it again", timeout=DEADLINE)
        watching.wait_for("added", folder / "meanwhile.jpg")
        (folder / "later.jpg").write_bytes(photo(82))
        watching.wait_for("added", folder / "later.jpg")
        assert watching.stop() == 0
    finally:
        watching.kill()
    assert rows(db, "SELECT count(*) FROM photo WHERE missing_since IS NULL") == [(2,)]


def test_a_burst_after_a_few_files_is_read_by_reader_processes_and_the_watcher_goes_on(tmp_path):
    """A watcher reads a handful of files itself, and a burst (a photographer's card sent whole, a wire's backlog
    after an outage) in reader processes, which it starts from a fresh interpreter (it runs threads, so it cannot
    fork) and hands the house rules pickled. Once it had parsed a caption itself, the rules carried what the parser
    had built, which cannot be pickled: the first burst ended the watcher ("something went wrong inside catalog
    (TypeError: cannot pickle 'mappingproxy' object)"), the burst unread."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    db = tmp_path / "catalog.db"
    watching = Watching.start(db, folder, options=("--settle", "0.5", "--rescan", "0", "--workers", "2"))
    burst = [photo(300 + index, caption=f"Workers at a station in Lanzhou, Gansu, Oct. {index % 28 + 1}, 2025. "
                                        "(Xinhua/Ann Lee)", size=(64, 48)) for index in range(80)]
    try:
        watching.wait_message("caught up")
        (folder / "first.jpg").write_bytes(photo(299, caption="Firefighters in Hefei, Anhui Province, Oct. 14, "
                                                              "2025. (Xinhua/Zhang Dagang)", size=(64, 48)))
        watching.wait_for("added", folder / "first.jpg")
        for index, data in enumerate(burst):
            (folder / f"burst-{index:03d}.jpg").write_bytes(data)
        for index in range(len(burst)):
            watching.wait_for("added", folder / f"burst-{index:03d}.jpg", timeout=START_DEADLINE)
        (folder / "after.jpg").write_bytes(photo(398, size=(64, 48)))
        watching.wait_for("added", folder / "after.jpg")
        assert watching.stop() == 0
    finally:
        watching.kill()
    assert not [m for m in watching.messages if "went wrong" in m or "Traceback" in m], watching.messages
    assert rows(db, "SELECT count(*), count(DISTINCT city) FROM photo WHERE city = 'Lanzhou'") == [(80, 1)]


def test_a_folder_that_cannot_be_read_loses_none_of_the_photos_below_it(tmp_path):
    """A watched folder made unreadable for a while (permissions changed on a share, a folder being copied in
    by another user) was named as failed and its own photos kept, but the photos of every folder below it were
    marked missing, though nothing had gone: only the listing had failed. Nothing below an unreadable folder is
    marked missing now, and once it can be read again a rescan finds a photo that arrived meanwhile. Root reads
    an unreadable folder all the same: the watcher gives up the capabilities that let it (tests/cli_process.py)."""
    folder = tmp_path / "incoming"
    files = {name: folder / name for name in ("top.jpg", "a/one.jpg", "a/b/deep.jpg", "a/b/c/deeper.jpg")}
    for n, path in enumerate(files.values()):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(photo(90 + n))
    db = tmp_path / "catalog.db"
    done = run_catalog("--db", str(db), "import", str(folder), timeout=START_DEADLINE)
    assert done.returncode == 0, done.stderr
    shut = folder / "a"
    options = unprivileged(tmp_path)
    shut.chmod(0)
    try:
        watching = Watching.start(db, folder, options=("--settle", "0.3", "--rescan", "1"), **options)
        try:
            caught_up = watching.wait_message("caught up")
            watching.wait_for("failed", shut)
            shut.chmod(0o755)
            (shut / "b" / "meanwhile.jpg").write_bytes(photo(99))
            watching.wait_for("added", shut / "b" / "meanwhile.jpg")
            assert watching.stop() == 0
        finally:
            watching.kill()
    finally:
        shut.chmod(0o755)
    assert "2 photos catalogued here, 0 new or changed files to read, 0 gone" in caught_up
    assert [e for e in watching.events if e["event"] == "missing"] == []
    assert rows(db, "SELECT count(*) FROM photo WHERE missing_since IS NULL") == [(5,)]


def test_a_catalogue_locked_by_another_writer_is_waited_for(tmp_path):
    folder, db = tmp_path / "incoming", tmp_path / "catalog.db"
    folder.mkdir()
    watching = Watching.start(db, folder, options=("--settle", "0.5"))
    try:
        watching.wait_message("caught up")
        writer = sqlite3.connect(db, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")  # another process holds the write lock (an import, serve --edit)
        try:
            (folder / "a.jpg").write_bytes(photo(50))
            watching.wait_message("waiting for the catalogue", timeout=DEADLINE)
            assert watching.about(folder / "a.jpg") == []
        finally:
            writer.execute("COMMIT")
            writer.close()
        watching.wait_for("added", folder / "a.jpg")
        assert watching.stop() == 0
    finally:
        watching.kill()


@pytest.mark.skipif(not POSTGRES, reason="needs a PostgreSQL server: set CATALOG_TEST_POSTGRES")
def test_two_watchers_on_different_folders_share_one_postgresql_catalogue(tmp_path):
    from sqlalchemy import create_engine, text

    name = f"catalog_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES.rsplit("/", 1)[0] + "/" + name
    xinhua, staff = tmp_path / "xinhua", tmp_path / "staff"
    xinhua.mkdir()
    staff.mkdir()
    watchers = []
    try:
        watchers = [Watching.start(url, folder, options=("--settle", "0.5")) for folder in (xinhua, staff)]
        for watching in watchers:
            watching.wait_message("caught up")
        files = {xinhua: [xinhua / f"x{n}.jpg" for n in range(6)], staff: [staff / f"s{n}.jpg" for n in range(6)]}
        for n in range(6):  # both at once, interleaved
            files[xinhua][n].write_bytes(photo(60 + n))
            files[staff][n].write_bytes(photo(70 + n))
        ids = {path: watching.wait_for("added", path)["id"]
               for watching, folder in zip(watchers, (xinhua, staff)) for path in files[folder]}
        assert len(set(ids.values())) == 12
        # a photo handed from one desk's folder to the other's keeps its record
        handed = files[xinhua][0]
        pid = ids[handed]
        os.rename(handed, staff / "handed.jpg")
        assert watchers[1].wait_for("moved", staff / "handed.jpg")["id"] == pid
        for watching in watchers:
            assert watching.stop() == 0
        engine = create_engine(url)
        try:
            with engine.connect() as conn:
                found = conn.execute(text("SELECT path, missing_since FROM photo")).all()
        finally:
            engine.dispose()
        paths = sorted(path for path, _ in found)
        assert paths == sorted(map(str, [*files[xinhua][1:], *files[staff], staff / "handed.jpg"]))
        assert all(missing is None for _, missing in found)
    finally:
        for watching in watchers:
            watching.kill()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_a_folder_that_does_not_exist_is_refused(tmp_path):
    done = run_catalog("--db", tmp_path / "catalog.db", "watch", tmp_path / "nowhere", timeout=DEADLINE)
    assert done.returncode == 2
    assert b"does not exist" in done.stderr
    assert not (tmp_path / "catalog.db").exists()


def test_a_watcher_opens_its_catalogue_with_a_small_cache(tmp_path):
    """A watcher runs for days: its SQLite connections keep a small page cache and few statements, so its memory
    does not grow with the catalogue (bench/watch.py's soak measures it); a command keeps the large cache."""
    from catalog import db
    from catalog.library import Library

    def tuning(path, settings: db.SqliteTuning = db.COMMAND) -> tuple[int, int]:
        lib = Library.open(str(path), tuning=settings)
        try:
            with lib.engine.connect() as conn:
                return (conn.exec_driver_sql("PRAGMA cache_size").scalar(),
                        conn.exec_driver_sql("PRAGMA mmap_size").scalar())
        finally:
            lib.close()

    assert tuning(tmp_path / "command.db") == (-65536, 268435456)
    assert tuning(tmp_path / "watcher.db", db.LONG_RUNNING) == (-8192, 0)


def test_two_watchers_taking_one_file_say_added_once(tmp_path):
    """Two watchers of one folder (two desks, or one started twice) both read a new file, and both said "added"
    for it: the second found the path inserted meanwhile and updated the record with the same file. Now the one
    whose record went in says "added" and the other, which stored the very same file, says nothing. The first is
    held inside its batch's transaction while the second, having looked and read, waits for the write lock."""
    folder, db, gate, first = gated_watch(tmp_path)
    second = None
    try:
        first.wait_message("caught up")
        second = Watching.start(db, folder, options=("--settle", "5"))  # the first reaches its write first
        second.wait_message("caught up")
        (folder / "a.jpg").write_bytes(photo(50))
        assert gate.hold_at("writing", timeout=START_DEADLINE)
        second.wait_message("waiting for the catalogue")
        gate.release_all()
        first.wait_for("added", folder / "a.jpg")
        assert second.stop() == 0 and first.stop() == 0
    finally:
        first.kill()
        if second is not None:
            second.kill()
        gate.close()
    assert first.about(folder / "a.jpg") == ["added"]
    assert second.about(folder / "a.jpg") == [], second.events
    assert rows(db, "SELECT count(*) FROM photo") == [(1,)]
    assert integrity(db) == "ok"

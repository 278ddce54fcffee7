"""Names a file has while it is still being written: a watcher leaves such a file alone until it is renamed.

Transfer tools write under a temporary name and rename the file when it is whole; a file under such a name
is never read, whatever its size or age. The rules are data (TEMPORARY_NAMES): a glob on one component of
the path below the watched folder, who uses it, and an example. A hidden folder is skipped with everything
in it, as a hidden file is.

>>> temporary_name("wires/.photo.jpg.Xa8bQ2")      # rsync
'a hidden name (a leading dot)'
>>> temporary_name("wires/photo.jpg.filepart")     # WinSCP
'a .filepart name (WinSCP)'
>>> temporary_name("wires/photo.jpg") is None
True
"""

from __future__ import annotations

import fnmatch
import os
from typing import NamedTuple


class TemporaryName(NamedTuple):
    """One rule: a glob on a file or folder name, what it says about the file, and an example name."""

    pattern: str
    meaning: str
    example: str


#: A file whose name, or the name of a folder it is in, matches one of these is still being written.
#: Globs are matched without case ("*.PART" is "*.part").
TEMPORARY_NAMES = (
    TemporaryName(".*", "a hidden name (a leading dot)",
                  # rsync writes .NAME.XXXXXX; ProFTPD's HiddenStores .in.NAME.; Syncthing .syncthing.NAME.tmp;
                  # Pure-FTPd .pureftpd-upload.*; macOS keeps ._NAME resource forks beside copies
                  ".photo.jpg.Xa8bQ2"),
    TemporaryName("*.part", "a .part name (curl, lftp, browsers, many FTP clients)", "photo.jpg.part"),
    TemporaryName("*.partial", "a .partial name (a download in progress)", "photo.jpg.partial"),
    TemporaryName("*.filepart", "a .filepart name (WinSCP)", "photo.jpg.filepart"),
    TemporaryName("*.crdownload", "a .crdownload name (Chrome)", "photo.jpg.crdownload"),
    TemporaryName("*.!sync", "a .!sync name (Resilio Sync)", "photo.jpg.!sync"),
    TemporaryName("*.tmp", "a .tmp name", "photo.jpg.tmp"),
    TemporaryName("*.temp", "a .temp name", "photo.temp"),
    TemporaryName("*~", "a name ending in ~ (a backup or temporary copy)", "photo.jpg~"),
    TemporaryName("~*", "a name starting with ~ (Windows' temporary and lock files)", "~$photo.jpg"),
)


def temporary_name(relative: str) -> str | None:
    """Why a path below a watched folder is a file still being written (the rule's meaning), or None.

    Every component is checked, so a file inside a hidden folder (an FTP server's .upload/ area, .Trash)
    counts as temporary too.
    """
    for part in relative.replace(os.sep, "/").split("/"):
        if not part or part in (".", ".."):
            continue
        lowered = part.lower()
        for rule in TEMPORARY_NAMES:
            if fnmatch.fnmatchcase(lowered, rule.pattern):
                return rule.meaning
    return None

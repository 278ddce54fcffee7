"""Captions that come with an import rather than inside the files: a CSV or a text file naming each photo.

CSV: a header row `file,caption`, then one row per photo (file name or path as given to import).
Text: paragraphs separated by blank lines; a paragraph whose first line is `File: NAME` gives NAME the rest
of the paragraph as its caption; other paragraphs are ignored.
Which of the two a file is comes from its name (`.csv`; `.txt`, `.md`), else from its first line: a file
whose name says nothing (`--captions <(make-captions)` is /dev/fd/63; `captions`, `captions.2026-12-07`) is a
CSV when that line is the `file,caption` header.

>>> captions = Captions({"IMG_7781.JPG": CaptionInput("A train crosses the Gobi.")})
>>> captions.get("/wires/img_7781.jpg").text   # by name, whatever the case
'A train crosses the Gobi.'
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path

from catalog.errors import UsageError, utf8_text
from catalog.records import CAPTION_CONTROL, CaptionInput
from catalog.textfiles import read_text_file


class Captions:
    """Captions by photo: a path relative to the captions file, or a file name (matched ignoring case).

    The one place that decides which caption a file gets, for the readers and for the check that skips
    unchanged files alike.
    """

    def __init__(self, by_name: dict[str, CaptionInput] | None = None):
        self.by_name = dict(by_name or {})
        self._folded = {name.casefold(): name for name in self.by_name if "/" not in name and os.sep not in name}

    def __setitem__(self, name: str, caption: CaptionInput) -> None:
        self.by_name[name] = caption
        if "/" not in name and os.sep not in name:
            self._folded[name.casefold()] = name

    def __bool__(self) -> bool:
        return bool(self.by_name)

    def __len__(self) -> int:
        return len(self.by_name)

    def key(self, path: str) -> str | None:
        """The name under which the file at `path` is given a caption: its path, its file name, or its file
        name in another case; None when it is given none."""
        if path in self.by_name:
            return path
        name = os.path.basename(path)
        if name in self.by_name:
            return name
        return self._folded.get(name.casefold())

    def get(self, path: str) -> CaptionInput | None:
        """The caption given for the file at `path`, or None."""
        key = self.key(path) if self.by_name else None
        return self.by_name[key] if key is not None else None

    def unused(self, paths) -> list[str]:
        """The names given a caption that none of `paths` takes (a typo, a file that was not found)."""
        if not self.by_name:  # no captions file (every import without --captions): no name to look for
            return []
        taken = {self.key(path) for path in paths}
        return [name for name in self.by_name if name not in taken]



def load_captions_file(path: str) -> Captions:
    """Captions from a CSV (`file,caption`) or a text/Markdown file of `File: NAME` paragraphs (see above)."""
    source = Path(path)
    raw = read_text_file(path, f"captions file {path}")
    content = CAPTION_CONTROL.sub("", utf8_text(raw, f"captions file {path}",
                                         "save it as UTF-8 (a spreadsheet's 'CSV UTF-8')"))
    captions: dict[str, CaptionInput] = {}
    if _is_csv(source, content):
        _read_csv(content, path, source, captions)
    else:
        for paragraph in re.split(r"\n\s*\n", content):
            lines = paragraph.strip().splitlines()
            if not lines:
                continue
            label = re.match(r"^\s*(?:[-*]\s*)?(?:\*\*)?file:(?:\*\*)?\s*(\S.*?)\s*$", lines[0], re.I)
            if label and len(lines) > 1:
                text = " ".join(line.strip() for line in lines[1:] if line.strip())
                captions[_caption_key(label[1].strip("`"), source)] = CaptionInput(text, "manual")
    if not captions:
        raise UsageError(
            f"captions file {path} names no photo: use a CSV with a header row 'file,caption' or paragraphs "
            "starting 'File: NAME'"
        )
    return Captions(captions)


#: Names that say a captions file holds paragraphs (a CSV is named .csv); a file of any other name is read by its
#: first line.
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})


def _is_csv(source: Path, content: str) -> bool:
    r"""Whether a captions file is a CSV: by its name when it says (``.csv``; ``.txt``, ``.md``), else by its first
    line being the ``file,caption`` header. A process substitution (``--captions <(make-captions)``, read as
    /dev/fd/63) has no name to go by: its CSV was read as paragraphs and refused as naming no photo.

    >>> _is_csv(Path("/dev/fd/63"), "file,caption\na.jpg,A caption")
    True
    >>> _is_csv(Path("/dev/fd/63"), "File: a.jpg\nA caption")
    False
    >>> _is_csv(Path("notes.txt"), "file,caption\na.jpg,A caption")
    False
    """
    suffix = source.suffix.lower()
    if suffix == ".csv" or suffix in TEXT_SUFFIXES:
        return suffix == ".csv"
    first = next((line for line in content.splitlines() if line.strip()), "")
    try:
        fields = next(csv.reader([first]))
    except (csv.Error, StopIteration):
        return False
    return {"file", "caption"} <= {field.strip().lower() for field in fields}


def _read_csv(content: str, path: str, source: Path, captions: dict[str, CaptionInput]) -> None:
    """The `file,caption` rows of a CSV into `captions`. Read strictly: a quote opened and never closed made the
    rest of the file one caption of the row it opened in, which a desk would then see under that photo; a quoted
    caption with more text after its closing quote was joined up silently. Either is now an error naming the line
    where the row began, and nothing is imported."""
    reader = csv.DictReader(content.splitlines(), strict=True)
    begun = 1
    try:
        if not reader.fieldnames or not {"file", "caption"} <= {f.strip().lower() for f in reader.fieldnames}:
            raise UsageError(f"captions file {path} needs a header row 'file,caption'")
        begun = reader.line_num + 1
        for row in reader:
            row = {k.strip().lower(): (v or "") for k, v in row.items() if k}
            if row["file"].strip() and row["caption"].strip():
                captions[_caption_key(row["file"], source)] = CaptionInput(row["caption"].strip(), "manual")
            begun = reader.line_num + 1
    except csv.Error as error:
        raise UsageError(f"captions file {path} is no valid CSV in the row that begins on line {begun} ({error}): "
                         "is a quote left open, or a quoted caption followed by more text?") from error


def _caption_key(name: str, captions_file: Path) -> str:
    """A photo's name as a captions file gives it: a path is taken relative to the captions file's folder, or, for
    a captions file that is a pipe with no folder of its own (/dev/fd/63 from `<(make-captions)`, /dev/stdin),
    relative to the folder the command runs in, as the photo paths given beside it are."""
    name = name.strip()
    if "/" in name or os.sep in name:
        return str((_folder_of(captions_file) / name).resolve())
    return name


def _folder_of(captions_file: Path) -> Path:
    folder = captions_file.absolute().parent
    if folder in (Path("/dev"), Path("/dev/fd")) or (folder.parts[1:2] == ("proc",) and folder.name == "fd"):
        return Path.cwd()
    return folder

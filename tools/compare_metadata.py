"""Compare ``read()`` with ExifTool's answers on the real-file corpus, field by field.

Usage: ``python -m tools.compare_metadata [CORPUS_DIR] [--show-diffs]``

Every file listed in the corpus's ``expected.csv`` is read with ``read()``. A file counts as *readable* when
ExifTool read it without an error and it is an image (ExifTool's file type is not XMP or EXV, which are
metadata files, not photos). For each field we print the share of readable files on which we agree with
ExifTool, then every difference (with both values under ``--show-diffs``). The exit status is 1 when any
field is below 99 %, or when a file could not be handled at all.

Which ExifTool column each field is compared with, and why:

| our field    | column                    | why                                                           |
|--------------|---------------------------|---------------------------------------------------------------|
| caption      | mwg_description           | EXIF, then XMP-or-IIM by the digest: MWG's rule               |
| photographer | mwg_creator               | same; lists compared item by item                             |
| copyright    | mwg_copyright             | same                                                          |
| taken        | mwg_datetimeoriginal      | EXIF SubSec/Offset composite, then XMP-or-IIM: MWG's rule     |
| credit       | credit                    | MWG has no credit tag; the column is XMP first, then IIM      |
| source       | source                    | as credit                                                     |
| city         | city                      | MWG's City prefers LocationShown, which we deliberately do    |
| province     | province_state            |   not use for where a photo was taken (see reconcile.py), so  |
| country      | country                   |   the XMP-first columns (photoshop:*, Iptc4xmpCore:Location,  |
| sublocation  | sublocation               |   then IIM) are the comparable ones                           |
| lat, lon     | gps_latitude/gps_longitude| EXIF with its Ref tags, else XMP exif:GPS*; equal to 1e-5     |

Values are compared after trimming surrounding whitespace; list values (creator) item by item; dates after
writing both as ISO 8601 with seconds.

Sidecars: ExifTool read each file on its own, so the comparison reads photos as ExifTool did, without the
XMP sidecars that sit beside a few of them (``read(path, sidecars=False)``); what sidecars change is listed
after the comparison, as information.

Where our rules deliberately differ from ExifTool's, the difference is listed and counted in the plain
agreement, and ``explain()`` recognises it from ExifTool's own output and names the reason. The 99 % target
applies to agreement once those explained differences are set aside; both figures are printed. The
reasons, each checked narrowly (see ``explain``):

1. EXIF text that is not UTF-8 (e.g. a cp1252 0x92 quote in ImageDescription): ExifTool's MWG mode decodes
   EXIF as UTF-8 and shows "?"; we fall back to cp1252, as we do for IIM.
2. IIM outside the places MWG names (PNG raw profiles, AFCP trailers, a second IIM block): ExifTool's MWG
   tags ignore it ("strict MWG conformance"), so its MWG column is empty; we read it, and ExifTool's own
   XMP-first column, which reads it too, has the same value as ours.
3. A JPEG that ends right after a metadata segment: ExifTool stops with "JPEG format error" and drops that
   segment; we keep the metadata that was read completely.
4. A date taken found only in XMP's copy of EXIF DateTimeOriginal (the EXIF block is damaged or stripped):
   ExifTool's MWG DateTimeOriginal does not read that property, so its column is empty; we fall back to it
   (the ``fallback`` of the field table's taken row), and ExifTool's own ``date_time_original`` column, which
   reads it, has the same value as ours.

Agreements that hide a shared limitation: IIM written in MacRoman or ISO-8859-2 without a 1:90 declaration
(``metapm.jpg``, ``iptc-psAPP13s-*``, ``issue-exifr-47.jpeg``) cannot be told from cp1252 by either tool;
both read cp1252, so those values agree but are not the text the author meant.

Files we refuse that ExifTool reads (listed by the report): formats we do not read (GIF, JPEG 2000,
JPEG XL), HEIF files whose container pillow-heif cannot parse, and files with a signature but neither an
image header nor metadata.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from catalog.metadata.reader import read
from catalog.metadata.text import NUL_SYMBOL
from catalog.metadata.types import PhotoMetadata, ReadFailure

TARGET = 99.0

#: (our field, ExifTool column, kind of comparison)
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("caption", "mwg_description", "text"),
    ("photographer", "mwg_creator", "list"),
    ("credit", "credit", "text"),
    ("source", "source", "text"),
    ("copyright", "mwg_copyright", "text"),
    ("city", "city", "text"),
    ("province", "province_state", "text"),
    ("country", "country", "text"),
    ("sublocation", "sublocation", "text"),
    ("taken", "mwg_datetimeoriginal", "date"),
    ("gps", "gps_latitude/gps_longitude", "gps"),
)

#: ExifTool file types that are metadata files, not photos.
NOT_PHOTOS = {"XMP", "EXV"}

#: For the MWG-compared fields, the XMP-first column that reads IIM wherever it is.
PLAIN_COLUMNS = {
    "caption": "caption",
    "photographer": "creator",
    "copyright": "copyright",
    "taken": "date_created",
}


@dataclass
class Outcome:
    """The comparison of one field over the corpus."""

    field: str
    column: str
    agree: int = 0
    total: int = 0
    differences: list[tuple[str, Any, Any, str | None]] = field(
        default_factory=list
    )  # path, ours, theirs, why

    @property
    def explained(self) -> int:
        """Differences that come from a documented, deliberate difference of rules."""
        return sum(1 for *_, why in self.differences if why)

    @property
    def percent(self) -> float:
        """Plain agreement in percent (100 when nothing was compared)."""
        return 100.0 * self.agree / self.total if self.total else 100.0

    @property
    def percent_explained(self) -> float:
        """Agreement counting explained differences as agreeing: the figure the target applies to."""
        return 100.0 * (self.agree + self.explained) / self.total if self.total else 100.0


@dataclass
class Report:
    """Everything the comparison found."""

    outcomes: list[Outcome]
    compared: int
    refused: list[tuple[str, str]]  # ExifTool read it, we returned a ReadFailure: (path, reason)
    not_compared: list[tuple[str, str]]  # unreadable for ExifTool, or not a photo
    crashes: list[tuple[str, str]]
    sidecar_effects: list[tuple[str, str, Any, Any]]


def default_corpus() -> Path:
    """The corpus: $CATALOG_SHARED/corpus/real, else ../shared/corpus/real beside the project."""
    shared = os.environ.get("CATALOG_SHARED")
    base = Path(shared) if shared else Path(__file__).resolve().parents[2] / "shared"
    return base / "corpus" / "real"


def compare(corpus: Path) -> Report:
    """Read every file of the corpus and compare it with expected.csv."""
    with open(corpus / "expected.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    outcomes = [Outcome(name, column) for name, column, _ in COLUMNS]
    refused, not_compared, crashes, sidecar_effects = [], [], [], []
    compared = 0
    for row in rows:
        path = row["path"]
        try:
            result = read(corpus / path, sidecars=False)
        except Exception as error:  # noqa: BLE001 -- read() must never raise; count it loudly if it does
            crashes.append((path, f"{type(error).__name__}: {error}"))
            continue
        if row["readable"] != "true" or row["file_type"] in NOT_PHOTOS:
            why = f"ExifTool: {row['error']}" if row["readable"] != "true" else f"a {row['file_type']} file"
            not_compared.append((path, why))
            continue
        if isinstance(result, ReadFailure):
            refused.append((path, result.reason))
            continue
        compared += 1
        for outcome, (name, column, kind) in zip(outcomes, COLUMNS):
            ours, theirs = _ours(result, name), _theirs(row, column)
            outcome.total += 1
            if _same(kind, ours, theirs):
                outcome.agree += 1
            else:
                why = explain(row, result, name, kind, ours, theirs)
                outcome.differences.append((path, ours, theirs, why))
        with_sidecar = read(corpus / path)
        if isinstance(with_sidecar, PhotoMetadata):
            for name, _, _ in COLUMNS:
                before, after = _ours(result, name), _ours(with_sidecar, name)
                if before != after:
                    sidecar_effects.append((path, name, before, after))
    return Report(outcomes, compared, refused, not_compared, crashes, sidecar_effects)


def explain(
    row: dict[str, str], result: PhotoMetadata, name: str, kind: str, ours: Any, theirs: Any
) -> str | None:
    """The documented reason for a difference, when it is one of our deliberate differences; else None.

    Each test is narrow: it checks the ExifTool output for the very situation the reason describes.
    """
    source = result.fields[name].source if name in result.fields else None
    if theirs is None and ours is not None and "JPEG format error" in row["warning"]:
        return (
            "ExifTool stops with 'JPEG format error' when the file ends right after a segment and drops "
            "that segment's metadata; we keep what was read"
        )
    plain = PLAIN_COLUMNS.get(name)
    if plain and theirs is None and source == "iptc" and _same(kind, ours, row[plain] or None):
        return (
            "MWG (strict) ignores IIM outside JPEG APP13, TIFF IFD0 and PSD (PNG raw profiles, AFCP "
            "trailers, second IIM blocks); we read it, and ExifTool's own XMP-first column agrees"
        )
    if (
        name == "taken"
        and theirs is None
        and source in ("xmp", "sidecar")
        and _same(kind, ours, row["date_time_original"] or None)
    ):
        return (
            "a date taken only in XMP's copy of EXIF DateTimeOriginal (the EXIF block is damaged or stripped): "
            "ExifTool's MWG composite does not read it; we fall back to it, and ExifTool's date_time_original "
            "column agrees"
        )
    if (
        kind == "text"
        and source == "iptc"
        and isinstance(ours, str)
        and isinstance(theirs, str)
        and NUL_SYMBOL in ours
        and _text(ours.split(NUL_SYMBOL, 1)[0]) == _text(theirs)
    ):
        return (
            "IIM text with a NUL inside, in a legacy character set: ExifTool cuts it at the NUL when it converts "
            "it from Latin; we keep the whole value, the NUL shown as \u2400"
        )
    if (
        kind == "text"
        and source == "exif"
        and isinstance(theirs, str)
        and "?" in theirs
        and re.sub(r"[^\x00-\x7f]", "?", str(ours)) == theirs.strip()
    ):
        return (
            "EXIF text that is not UTF-8: ExifTool's MWG mode reads EXIF as UTF-8 and shows '?'; we read "
            "such bytes as cp1252"
        )
    return None


def _ours(result: PhotoMetadata, name: str) -> Any:
    """Our value for a compared field."""
    if name == "gps":
        lat, lon = result.value("lat"), result.value("lon")
        return None if lat is None or lon is None else (lat, lon)
    value = result.value(name)
    return value


def _theirs(row: dict[str, str], column: str) -> Any:
    """ExifTool's value for a compared column ('' is absent)."""
    if "/" in column:
        lat, lon = (row[c] for c in column.split("/"))
        return (float(lat), float(lon)) if lat and lon else None
    return row[column] or None


def _same(kind: str, ours: Any, theirs: Any) -> bool:
    """Whether our value and ExifTool's say the same thing."""
    if kind == "gps":
        if ours is None or theirs is None:
            return ours is None and theirs is None
        return all(math.isclose(a, b, abs_tol=1e-5) for a, b in zip(ours, theirs))
    if kind == "list":
        return _items(ours) == _items(theirs)
    if kind == "date":
        return _iso(ours) == _iso(theirs)
    return _text(ours) == _text(theirs)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _items(value: Any) -> list[str]:
    if value is None:
        return []
    return [item.strip() for item in re.split(r";", str(value)) if item.strip()]


def _iso(value: Any) -> str:
    """ExifTool's "2025:10:14 10:05:00.12+08:00" and our ISO text, both as ISO with seconds."""
    if not value:
        return ""
    text = str(value).strip()
    match = re.match(
        r"^(\d{4})(?:[:-](\d{2})(?:[:-](\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?"
        r"\s*(Z|[-+]\d{2}:\d{2})?)?)?)?$",
        text,
    )
    if not match:
        return text
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    iso = "-".join(p for p in (year, month, day) if p)
    if hour:
        iso += f"T{hour}:{minute}:{second or '00'}{fraction or ''}"
        if zone:
            iso += "+00:00" if zone == "Z" else zone
    return iso


def print_report(report: Report, show_values: bool) -> bool:
    """Print the comparison; True when every field reaches the target and nothing crashed."""
    print(
        f"compared {report.compared} readable photos "
        f"({len(report.refused)} refused by us, {len(report.not_compared)} not compared)\n"
    )
    print(
        f"{'field':<14}{'ExifTool column':<28}{'agree':>6}{'of':>5}{'agree %':>9}"
        f"{'explained':>11}{'with expl. %':>14}"
    )
    ok = not report.crashes
    for outcome in report.outcomes:
        flag = "" if outcome.percent_explained >= TARGET else "  below target"
        ok = ok and outcome.percent_explained >= TARGET
        print(
            f"{outcome.field:<14}{outcome.column:<28}{outcome.agree:>6}{outcome.total:>5}"
            f"{outcome.percent:>8.1f}%{outcome.explained:>11}{outcome.percent_explained:>13.1f}%{flag}"
        )
    print(f"\n(target: {TARGET:g}% per field, counting the explained differences below as agreeing)")
    reasons: dict[str, int] = {}
    print("\nDifferences:")
    for outcome in report.outcomes:
        for path, ours, theirs, why in outcome.differences:
            label = "explained" if why else "UNEXPLAINED"
            if why:
                reasons.setdefault(why, len(reasons) + 1)
            line = f"  {outcome.field:<12} {path}  [{label}{' #' + str(reasons[why]) if why else ''}]"
            if show_values:
                line += f"\n      ours: {ours!r}\n  exiftool: {theirs!r}"
            print(line)
    if reasons:
        print("\nReasons:")
        for why, number in reasons.items():
            print(f"  #{number}: {why}")
    if report.refused:
        print("\nRead by ExifTool but refused by us:")
        for path, reason in report.refused:
            print(f"  {path}: {reason}")
    if report.crashes:
        print("\nCRASHES (read() raised):")
        for path, reason in report.crashes:
            print(f"  {path}: {reason}")
    if show_values and report.not_compared:
        print("\nNot compared:")
        for path, reason in report.not_compared:
            print(f"  {path}: {reason}")
    if report.sidecar_effects:
        print("\nWhat XMP sidecars change (not counted above):")
        for path, name, before, after in report.sidecar_effects:
            print(f"  {name:<12} {path}: {before!r} -> {after!r}")
    return ok


def main(argv: list[str] | None = None) -> int:
    """Run the comparison from the command line."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.compare_metadata", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "corpus", nargs="?", type=Path, default=None, help="the corpus folder (with expected.csv)"
    )
    parser.add_argument("--show-diffs", action="store_true", help="show both values of every difference")
    args = parser.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if not (corpus / "expected.csv").is_file():
        print(f"no expected.csv in {corpus}", file=sys.stderr)
        return 2
    report = compare(corpus)
    return 0 if print_report(report, args.show_diffs) else 1


if __name__ == "__main__":
    sys.exit(main())

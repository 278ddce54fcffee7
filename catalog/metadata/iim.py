"""IPTC-IIM (the "IPTC" block of press photos): datasets, the 1:90 character set, text decoding, and rewriting.

A dataset is 0x1C, record number, dataset number, a 2-byte length (or an extended length) and the value.
Text is UTF-8 when 1:90 declares ``ESC % G``; otherwise each value is read as UTF-8 when it is valid UTF-8
and as cp1252 when it is not. For example::

    1C 01 5A 00 03 1B 25 47            1:90 coded character set = ESC % G (UTF-8)
    1C 02 50 00 04 4A 6F 73 C3 A9 ...  2:80 by-line = "José"   (read as UTF-8, declared)
    -> IimBlock(values={(2, 80): ["José"]}, charset="utf-8 (declared)")

Which datasets are kept, and their names, come from the field table (fields.py). A value is kept whole: NULs
that end it are padding and dropped, a NUL inside it becomes "␀" (text.keep_nul), not the end of the text.
A record whose length runs past the end of the block costs that record (a warning), not the block.

``datasets`` is the one walk over a block's bytes: the reader decodes what it yields, and ``merge_datasets``
(the write-back's byte editing) rebuilds a block from what it yields, dataset by dataset.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from catalog.metadata.blocks import Malformed
from catalog.metadata.fields import lookups
from catalog.metadata.text import CP1252_HOLES, NUL_SYMBOL, decode_cp1252, decode_legacy, keep_nul

UTF8_DECLARATION = b"\x1b%G"
CHARACTER_SET = (1, 90)
RECORD_VERSIONS = frozenset({(1, 0), (2, 0)})


class RawDataset(NamedTuple):
    """One dataset where it sits in its block: (record, number), where it starts and ends, and its value bytes."""

    key: tuple[int, int]
    start: int  # the 0x1C tag marker
    end: int  # just past the value
    value: bytes


@dataclass
class IimBlock:
    """The decoded text datasets of one IIM block, with the raw bytes kept for length-limit checks."""

    values: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    raw: dict[tuple[int, int], list[bytes]] = field(default_factory=dict)
    charset: str | None = None  # "utf-8 (declared)", "utf-8", "cp1252" or "mixed"
    digest: bytes = b""  # MD5 of the whole block, compared with Photoshop's stored IPTC digest
    warnings: list[str] = field(default_factory=list)

    def first(self, key: tuple[int, int]) -> str | None:
        """The first value of a dataset, or None."""
        found = self.values.get(key)
        return found[0] if found else None


def read_iim(data: bytes, *more: bytes) -> IimBlock:
    """Parse IIM blocks into one IimBlock; later blocks only fill datasets the first lacks.

    The digest is the MD5 of the first block, the one MWG compares with the stored IPTC digest.
    Problems become warnings, never exceptions.
    """
    block = IimBlock(digest=hashlib.md5(data).digest())
    declared: bytes | None = None
    for index, one in enumerate((data, *more)):
        one_declared, raw = _text_datasets(one, block.warnings)
        if declared is None:
            declared = one_declared
        for key, values in raw.items():
            if index == 0 or key not in block.raw:
                block.raw[key] = values
    _decode(block, declared)
    return block


def dataset_name(key: tuple[int, int]) -> str:
    """A dataset's name for messages: "caption/abstract", or "dataset 2:200" for one the table does not know."""
    known = lookups().datasets.get(key)
    return known.name if known else f"dataset {key[0]}:{key[1]:02d}"


def datasets(data: bytes, warnings: list[str]) -> list[RawDataset]:
    """Every dataset of one block, in order. A problem ends the walk with a warning; what came before is kept.

    >>> [(d.key, d.value) for d in datasets(b"\\x1c\\x02\\x5a\\x00\\x05Hefei", [])]
    [((2, 90), b'Hefei')]
    """
    return [
        RawDataset(key, start, end, data[value_start:end]) for key, start, value_start, end in _walk(data, warnings)
    ]


def _walk(data: bytes, warnings: list[str]) -> Iterator[tuple[tuple[int, int], int, int, int]]:
    """(key, start, value start, end) of each dataset: plain tuples, as every photo's import walks every block."""
    pos, end = 0, len(data)
    while pos + 5 <= end:
        if data[pos] != 0x1C:
            if data[pos:].strip(b"\0"):
                warnings.append(
                    f"IIM: unexpected byte 0x{data[pos]:02x} where a dataset should start; "
                    "the rest of the block is ignored"
                )
            return
        start = pos
        record, number, length = data[pos + 1], data[pos + 2], data[pos + 3] << 8 | data[pos + 4]
        pos += 5
        if length & 0x8000:  # extended dataset: the low bits give the size of the length field
            size = length & 0x7FFF
            if size > 4 or pos + size > end:
                warnings.append(f"IIM {record}:{number:02d}: bad extended length; the rest is ignored")
                return
            length = int.from_bytes(data[pos : pos + size], "big")
            pos += size
        if pos + length > end:
            warnings.append(
                f"IIM {dataset_name((record, number))} ({record}:{number:02d}) says it is {length} bytes but only "
                f"{end - pos} remain in the block; ignored"
            )
            return
        yield (record, number), start, pos, pos + length
        pos += length
    if data[pos:].strip(b"\0"):
        warnings.append("IIM: the block ends in a few bytes that are not a dataset; ignored")


def _text_datasets(data: bytes, warnings: list[str]) -> tuple[bytes | None, dict[tuple[int, int], list[bytes]]]:
    """The 1:90 value and the raw values of the datasets the field table reads, from one block."""
    wanted = lookups().datasets
    raw: dict[tuple[int, int], list[bytes]] = {}
    declared: bytes | None = None
    for key, _, start, end in _walk(data, warnings):
        if key == CHARACTER_SET:
            declared = data[start:end]
        elif key in wanted:
            raw.setdefault(key, []).append(data[start:end].rstrip(b"\0"))  # NULs at the end are padding
    return declared, raw


def _decode(block: IimBlock, declared: bytes | None) -> None:
    """Decode every kept dataset according to 1:90, recording which charset was used."""
    utf8_declared = declared is not None and declared.startswith(UTF8_DECLARATION)
    if declared is not None and not utf8_declared:
        block.warnings.append(
            f"IIM: coded character set {declared!r} is not one we know; "
            "text read as UTF-8 where valid, else cp1252"
        )
    used: set[str] = set()
    for key, values in block.raw.items():
        texts = []
        for raw in values:
            if utf8_declared:
                try:
                    text, kind = raw.decode("utf-8"), "utf-8"
                except UnicodeDecodeError:
                    text, kind = decode_cp1252(raw), "cp1252"
                    block.warnings.append(
                        f"IIM {dataset_name(key)}: not valid UTF-8 although 1:90 says so; read as cp1252"
                    )
            else:
                text, kind = decode_legacy(raw)
            used.add(kind)
            if kind == "cp1252" and any(byte in CP1252_HOLES for byte in raw):
                block.warnings.append(
                    f"IIM {dataset_name(key)}: bytes that cp1252 does not define were read as Latin-1")
            if "\x1b" in text or "\x0e" in text or "\x0f" in text:
                block.warnings.append(f"IIM {dataset_name(key)}: contains ISO 2022 shift codes that are not decoded")
            if "\0" in text:
                text = keep_nul(text)
                block.warnings.append(f"IIM {dataset_name(key)}: holds a NUL character, kept as {NUL_SYMBOL}")
            texts.append(text)
        block.values[key] = texts
    if not block.values:
        block.charset = None
    elif utf8_declared:
        block.charset = "utf-8 (declared)"
    else:
        used.discard("ascii")
        block.charset = "mixed" if len(used) > 1 else (used.pop() if used else "utf-8")


# -- rewriting ------------------------------------------------------------------------------------------------


def strict_datasets(block: bytes) -> list[RawDataset]:
    """Every dataset of a block that is whole; raises Malformed when a dataset is damaged or bytes are left over."""
    problems: list[str] = []
    found = datasets(block, problems)
    if problems:
        raise Malformed("this file's IPTC block is damaged", problems[0])
    return found


def merge_datasets(original: bytes, encoded: bytes, written: frozenset[tuple[int, int]]) -> bytes:
    """The original IIM block with the `written` datasets taken from another encoding of it (exiv2's).

    Every other dataset keeps its original bytes: a writer that re-encodes the whole block "corrects" what it
    reads (a time without its UTC offset, say), changing values nobody asked to change. A written dataset takes
    the place of its first original occurrence; one the original lacked goes in order of record and dataset
    number; the record-version datasets (1:00, 2:00) of the new encoding are kept only where the original had
    none for a record it now has. Raises Malformed when either block is damaged.

    >>> merge_datasets(b"\\x1c\\x02\\x5a\\x00\\x02Wu\\x1c\\x02\\x50\\x00\\x01A",
    ...                b"\\x1c\\x02\\x5a\\x00\\x05Hefei\\x1c\\x02\\x50\\x00\\x01B", frozenset({(2, 90)}))
    b'\\x1c\\x02Z\\x00\\x05Hefei\\x1c\\x02P\\x00\\x01A'
    """
    old = [(d.key, original[d.start : d.end]) for d in strict_datasets(original)]
    new = [(d.key, encoded[d.start : d.end]) for d in strict_datasets(encoded)]
    out: list[tuple[tuple[int, int], bytes]] = []
    placed: set[tuple[int, int]] = set()
    for key, raw in old:
        if key in written:
            if key not in placed:
                out.extend((k, r) for k, r in new if k == key)
                placed.add(key)
            continue
        out.append((key, raw))
    records = {w[0] for w in written}
    adding = [(k, r) for k, r in new if (k in written and k not in placed)
              or (k in RECORD_VERSIONS and all(o[0] != k for o in old) and k[0] in records)]
    for key, raw in adding:
        at = next((i for i, (other, _) in enumerate(out) if other > key), len(out))
        out.insert(at, (key, raw))
    return b"".join(raw for _, raw in out)

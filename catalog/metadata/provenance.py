"""Where a picture came from: the IPTC Digital Source Type, the IPTC AI fields, and its C2PA Content Credentials,
as one ``Provenance`` {source_type, ai, c2pa}. Also ``would_break_c2pa(path)``, for `catalog write`.

The Digital Source Type is read in all its spellings (the URI, the "digsrctype:" QCode, the bare name) and
kept as the bare name; ``ai`` says whether anything in the file says the picture was made by generative AI
or another algorithm rather than captured::

    Iptc4xmpExt:DigitalSourceType = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
    -> Provenance(source_type="trainedAlgorithmicMedia", ai=True, c2pa=C2paInfo(present=False, ...))

    nothing at all                           -> Provenance(source_type=None, ai=None, ...)
    DigitalSourceType digitalCapture         -> ai=False
    a C2PA action "c2pa.created" with digitalSourceType trainedAlgorithmicMedia -> ai=True
    Iptc4xmpExt:AISystemUsed = "Imagen 3"    -> ai=True (the 2025 AI fields), kept in ``ai_fields``

Evidence of AI anywhere wins: a file that says digitalCapture in XMP but whose C2PA manifest records an AI
generation is ``ai=True``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from catalog.metadata import xmp as xmp_values
from catalog.metadata.credentials import C2paInfo, read_c2pa

SOURCE_TYPE_URIS = ("http://cv.iptc.org/newscodes/digitalsourcetype/", "https://cv.iptc.org/newscodes/digitalsourcetype/")
SOURCE_TYPE_QCODE = "digsrctype:"

#: IPTC Digital Source Type -> whether it is AI or algorithmic media rather than a capture (None: says neither).
#: The values are IPTC's NewsCodes (2023 and later), with the retired ones still found in files.
SOURCE_TYPES: dict[str, bool | None] = {
    "digitalCapture": False,  # a digital camera
    "computationalCapture": False,  # a phone's multi-frame capture
    "negativeFilm": False,
    "positiveFilm": False,
    "print": False,
    "screenCapture": False,
    "humanEdits": False,
    "minorHumanEdits": False,
    "compositeCapture": False,  # several captures combined
    "virtualRecording": False,
    "digitalCreation": False,  # made by a person with software (digital art)
    "digitalArt": False,  # the retired name of digitalCreation
    "algorithmicallyEnhanced": False,  # a capture with minor algorithmic correction
    "dataDrivenMedia": None,  # a rendering of data (a chart, a map)
    "trainedAlgorithmicMedia": True,  # generative AI
    "compositeWithTrainedAlgorithmicMedia": True,  # a capture with generative AI parts (in- or outpainting)
    "algorithmicMedia": True,  # made by an algorithm from no captured or trained material
    "compositeSynthetic": True,  # a composite with synthetic parts
    "softwareImage": None,  # retired: "created by software", too vague to say
}

_KNOWN = {name.lower(): name for name in SOURCE_TYPES}

#: The IPTC 2025 AI properties, and the key each is kept under.
AI_FIELDS = {
    "Iptc4xmpExt:AISystemUsed": "ai_system",
    "Iptc4xmpExt:AISystemVersionUsed": "ai_system_version",
    "Iptc4xmpExt:AIPromptInformation": "ai_prompt",
    "Iptc4xmpExt:AIPromptWriterName": "ai_prompt_writer",
}


@dataclass
class Provenance:
    """Where the picture came from: see the module docstring."""

    source_type: str | None = None
    ai: bool | None = None
    c2pa: C2paInfo = field(default_factory=C2paInfo)
    ai_fields: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        found = {"source_type": self.source_type, "ai": self.ai, "c2pa": self.c2pa.as_json()}
        if self.ai_fields:
            found["ai_fields"] = dict(self.ai_fields)
        return found


def source_type_name(value: Any) -> str | None:
    """The bare name of a Digital Source Type in any spelling; an unknown value as written.

    >>> source_type_name("http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia")
    'trainedAlgorithmicMedia'
    >>> source_type_name("digsrctype:digitalCapture"), source_type_name("https://exiftool.org")
    ('digitalCapture', 'https://exiftool.org')
    >>> source_type_name("  ") is None
    True
    """
    text = xmp_values.text(value)
    if text is None:
        return None
    for prefix in (*SOURCE_TYPE_URIS, SOURCE_TYPE_QCODE):
        if text.lower().startswith(prefix):
            text = text[len(prefix) :].strip("/ ")
            break
    return _KNOWN.get(text.lower(), text)


def build_provenance(xmp: dict[str, Any], c2pa: C2paInfo | None = None, source_type_field: Any = None) -> Provenance:
    """Provenance from a photo's XMP properties (embedded, or the sidecar's), its C2PA summary and, when the
    reader reconciled it, the field table's ``digital_source_type`` (a Sourced; else the XMP property is read)."""
    c2pa = c2pa or C2paInfo()
    written = source_type_field.value if source_type_field is not None else xmp.get("Iptc4xmpExt:DigitalSourceType")
    source_type = source_type_name(written)
    ai_fields = {key: text for name, key in AI_FIELDS.items()
                 if name in xmp and (text := xmp_values.text(xmp[name]))}
    verdicts = [SOURCE_TYPES.get(source_type) if source_type else None]
    if ai_fields.get("ai_system") or ai_fields.get("ai_prompt"):
        verdicts.append(True)
    for action in c2pa.actions:
        kind = source_type_name(action.get("digitalSourceType"))
        if kind:
            verdicts.append(SOURCE_TYPES.get(kind))
            if source_type is None and action.get("action") in ("c2pa.created", "c2pa.opened"):
                source_type = kind
    known = [verdict for verdict in verdicts if verdict is not None]
    ai = True if True in known else (False if known else None)
    return Provenance(source_type=source_type, ai=ai, c2pa=c2pa, ai_fields=ai_fields)


def would_break_c2pa(path: str | os.PathLike[str]) -> str | None:
    """Why writing metadata into the file at ``path`` would break valid Content Credentials, or None.

    Any change to the file's bytes outside the manifest breaks the hash that binds a C2PA manifest to its
    image, so a file whose manifest validates today must not be written without the user's say-so. A
    manifest that cannot be checked (no library, a read error) counts as valid: better to ask than to break.
    """
    from catalog.metadata.walkers import c2pa_kind

    kind = c2pa_kind(path)
    if kind != "c2pa":
        return None
    info = read_c2pa(path, kind)
    if info.valid is False:
        return None
    signer = f" signed by {info.issuer}" if info.issuer else ""
    made = f" (made with {info.generator})" if info.generator else ""
    if info.valid is None:
        return (f"{os.fspath(path)} carries C2PA Content Credentials that could not be checked "
                f"({'; '.join(info.errors) or 'unknown reason'}); "
                "writing to it would invalidate them if they are valid")
    return (f"{os.fspath(path)} carries valid C2PA Content Credentials{signer}{made}; writing metadata into the file "
            "changes its bytes and would invalidate their signature")

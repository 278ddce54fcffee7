"""Read a file's C2PA Content Credentials with the official library (c2pa-python), as values that never raise.

Only files in which our own walkers found a C2PA store are read (jumbf.py): the library costs a third of a
second to import and a few milliseconds per file. What a desk needs from the manifest store::

    C2paInfo(present=True, valid=True, issuer="Reuters", generator="Leica M11-P 1.0",
             actions=[{"action": "c2pa.created", "digitalSourceType": ".../digitalCapture"}],
             errors=["signingCredential.untrusted: signing certificate untrusted"])

``valid`` is the library's verdict on the active manifest (its signature, and the hashes that bind it to the
image): "Valid" or "Trusted" is valid, "Invalid" is not. A signer whose certificate is on no trust list the
catalogue knows is still valid, and says so in ``errors`` (the catalogue ships no trust list). Remote
manifests are never fetched: reading a photo never touches the network.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from typing import Any

#: The library's settings for reading: no network (remote manifests, OCSP), trust not required to validate.
READ_SETTINGS = {"verify": {"remote_manifest_fetch": False, "ocsp_fetch": False}}
#: How many actions and errors are kept (a manifest can record hundreds of edits).
MAX_ITEMS = 50


@dataclass
class C2paInfo:
    """What a C2PA manifest store says, or why it could not be read (``errors``)."""

    present: bool = False
    valid: bool | None = None  # None: not present, or could not be checked
    issuer: str | None = None  # the organisation of the signing certificate
    generator: str | None = None  # the claim generator: the app or device that made the claim
    actions: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def read_c2pa(path: str | os.PathLike[str], kind: str | None = "c2pa") -> C2paInfo:
    """The Content Credentials of the file at ``path``, whose walker found a JUMBF store of ``kind``.

    Never raises: a missing library, a damaged store or an unreadable file become ``errors``.
    """
    if kind is None:
        return C2paInfo()
    if kind == "cai":
        return C2paInfo(present=True, errors=[
            "an early Content Authenticity Initiative store (before the C2PA standard), which cannot be checked"])
    if kind != "c2pa":
        return C2paInfo()
    try:
        import c2pa
    except ImportError:
        return C2paInfo(present=True, errors=["c2pa-python is not installed, so the credentials were not checked"])
    try:
        reader = c2pa.Reader.try_create(os.fspath(path), context=_context())
        if reader is None:
            return C2paInfo(present=True, valid=False, errors=["the C2PA store holds no manifest c2pa can read"])
        with reader:
            store = json.loads(reader.json())
    except Exception as error:  # noqa: BLE001 -- c2pa raises its own errors, and a native library may fail
        return C2paInfo(present=True, valid=False, errors=[f"c2pa could not read the store: {_reason(error)}"])
    return summarise(store)


def summarise(store: dict[str, Any]) -> C2paInfo:
    """The parts of a manifest store (c2pa's JSON) a desk needs: see the module docstring."""
    manifests = store.get("manifests") or {}
    active = manifests.get(store.get("active_manifest")) or {}
    state = store.get("validation_state")
    failures = _failures(store)
    if state is not None:
        valid = state in ("Valid", "Trusted")
    else:  # older libraries: valid when nothing failed but trust
        valid = all(code.startswith("signingCredential.untrusted") for code in failures)
    signature = active.get("signature_info") or {}
    return C2paInfo(
        present=True,
        valid=valid and bool(active),
        issuer=signature.get("issuer") or signature.get("common_name"),
        generator=_generator(active),
        actions=_actions(active)[:MAX_ITEMS],
        errors=failures[:MAX_ITEMS] if active else ["the store names no active manifest", *failures][:MAX_ITEMS],
    )


def _generator(manifest: dict[str, Any]) -> str | None:
    """ "Leica M11-P 1.0": the first claim generator's name and version, or the older claim_generator text."""
    for info in manifest.get("claim_generator_info") or []:
        if isinstance(info, dict) and info.get("name"):
            return " ".join(str(part) for part in (info["name"], info.get("version")) if part)
    generator = manifest.get("claim_generator")
    return str(generator) if generator else None


def _actions(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """Every action the c2pa.actions assertions record, with the fields that say how the image was made."""
    actions = []
    for assertion in manifest.get("assertions") or []:
        if not str(assertion.get("label", "")).startswith("c2pa.actions"):
            continue
        for action in (assertion.get("data") or {}).get("actions") or []:
            if not isinstance(action, dict) or "action" not in action:
                continue
            kept = {"action": action["action"]}
            for key in ("digitalSourceType", "softwareAgent", "when", "description"):
                value = action.get(key)
                if isinstance(value, dict):  # softwareAgent is a claim-generator-info structure in v2
                    value = " ".join(str(v) for v in (value.get("name"), value.get("version")) if v)
                if value:
                    kept[key] = value
            actions.append(kept)
    return actions


def _failures(store: dict[str, Any]) -> list[str]:
    """ "code: explanation" for each failure of the active manifest (or each status of older libraries)."""
    results = (store.get("validation_results") or {}).get("activeManifest") or {}
    items = results.get("failure")
    if items is None:
        items = store.get("validation_status") or []
    failures = []
    for item in items:
        code = item.get("code", "unknown")
        explanation = item.get("explanation")
        failures.append(f"{code}: {explanation}" if explanation else code)
    return failures


_CONTEXT: tuple[int, Any] | None = None  # (process id, context)


def _context():
    """One c2pa Context per process, with READ_SETTINGS (a reader process forked from one that made a context
    makes its own rather than share a native handle)."""
    global _CONTEXT
    if _CONTEXT is None or _CONTEXT[0] != os.getpid():
        import c2pa

        _CONTEXT = (os.getpid(), c2pa.Context(c2pa.Settings.from_dict(READ_SETTINGS)))
    return _CONTEXT[1]


def _reason(error: Exception) -> str:
    """The library's message, on one line, without its type prefix when it repeats the class name."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:300]

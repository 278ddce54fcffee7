"""The agency registry: news and photo agencies as entities, from the data file ``catalog/agencies.toml``.

A credit names an agency in many spellings ("AP", "Associated Press", "AP Photo"; "Xinhua", "新华社";
"EPA", "EPA/EFE"); the registry says which agency each is, what kind of outlet it is and the credit line it
prints. Matching is exact on a folded key (case, accents, spaces and punctuation aside), never a substring,
so ``credit:AP`` can mean the Associated Press and nothing else:

    >>> agency("AP Photo").name, agency("a.p.").name, agency("新华社").name, agency("EPA/EFE").name
    ('AP', 'AP', 'Xinhua', 'EPA-EFE')
    >>> agency("Photographer"), agency("Minneapolis"), agency("Big Newspaper")
    (None, None, None)
    >>> agency("Xinhua").credit("Li Xin"), agency("AP").credit("Andy Wong"), agency("Reuters").credit(None)
    ('Xinhua/Li Xin', 'AP Photo/Andy Wong', 'REUTERS')

The file is read once per process, on first use, from a copy kept in the cache folder while the file is unchanged.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from catalog.errors import CatalogError
from catalog.patterns import compiled
from catalog.place_keys import fold

__all__ = ["KINDS", "Agency", "agency", "agency_key", "agency_keys", "all_agencies", "key_of"]

#: What an agency can be; the file may use no other word.
KINDS = (
    "wire", "photo agency", "newspaper", "broadcaster", "website", "magazine", "government", "space agency",
    "aid agency",
)

_NOT_KEY = compiled(r"[\W_]+")
#: A trailing "Photo"/"Photos" ("CGTN Photo", "AFP PHOTO") or "pic" ("AFP pic", as Malaysian papers credit),
#: tried when the whole name is not an alias.
_PHOTO_WORD = compiled(r"\s+(?:photos?|pics?)\s*$", re.IGNORECASE)


def key_of(name: str) -> str:
    """How names are compared: folded (case and accents aside) without spaces or punctuation.

    The same as the house rules' ``alias_key`` for names without accents ("EPA/EFE" → "epaefe"), and
    accent-blind besides ("Anadolu Ajansı" → "anadoluajansi", "ČTK" → "ctk").
    """
    return _NOT_KEY.sub("", fold(name.replace("’", "'")))


@dataclass(frozen=True)
class Agency:
    """One agency of the registry (see catalog/agencies.toml for what each field holds)."""

    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...]
    credit_line: str
    credit_alone: str
    owner: str | None = None

    @property
    def key(self) -> str:
        """The agency's search key, the row to store per photo: "agency:ap", "agency:xinhua"."""
        return f"agency:{key_of(self.name)}"

    def credit(self, photographer: str | None) -> str:
        """The credit line the agency prints: "Xinhua/Li Xin" with a photographer, "Xinhua" without."""
        if photographer and photographer.strip():
            return self.credit_line.replace("{photographer}", photographer.strip())
        return self.credit_alone

    def to_json(self) -> dict:
        return {
            "name": self.name, "kind": self.kind, "country": self.country, "aliases": list(self.aliases),
            "credit_line": self.credit_line, "credit_alone": self.credit_alone, "owner": self.owner,
        }


class RegistryError(CatalogError):
    """The agency registry file is not as it must be (a bug in the shipped file, or in one set by hand)."""


def _parse(text: str, origin: str) -> tuple[tuple[Agency, ...], dict[str, Agency]]:
    import tomllib  # here: a process that finds the registry kept in the cache folder never parses TOML

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RegistryError(f"the agency registry {origin} is not valid TOML: {error}") from error
    entries = data.get("agency")
    if not isinstance(entries, list):
        raise RegistryError(f"the agency registry {origin} has no [[agency]] tables")
    agencies: list[Agency] = []
    index: dict[str, Agency] = {}
    for number, entry in enumerate(entries, 1):
        name = entry.get("name")
        where = f"{origin}, agency {number} ({name!r})"
        if not isinstance(name, str) or not key_of(name):
            raise RegistryError(f"{where}: 'name' must be a name")
        if entry.get("kind") not in KINDS:
            raise RegistryError(f"{where}: 'kind' must be one of {', '.join(KINDS)}")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and key_of(a) for a in aliases):
            raise RegistryError(f"{where}: 'aliases' must be a list of names")
        line = entry.get("credit_line", "{photographer}/" + name)
        if "{photographer}" not in line:
            raise RegistryError(f"{where}: 'credit_line' must hold {{photographer}}")
        found = Agency(
            name=name, kind=entry["kind"], country=entry.get("country"), aliases=tuple(aliases),
            credit_line=line, credit_alone=entry.get("credit_alone", name), owner=entry.get("owner"),
        )
        for alias in (name, *aliases):
            key = key_of(alias)
            other = index.get(key)
            if other is not None and other is not found:
                raise RegistryError(f"{where}: {alias!r} is already an alias of {other.name!r}")
            index[key] = found
        agencies.append(found)
    names = {a.name for a in agencies}
    for found in agencies:
        if found.owner is not None and found.owner not in names:
            raise RegistryError(
                f"{origin}: {found.name!r} is owned by {found.owner!r}, which is not in the registry"
            )
    return tuple(agencies), index


#: The registry as read, kept in the cache folder (catalog.cachedir, as the gazetteer keeps its tables) under
#: the file's length and CRC-32: tomllib takes 35 ms over the 58 KB file and the aliases' keys 10 ms more, a third
#: of a whole `catalog search`; the kept copy loads in about a millisecond. A changed file (or format) is read
#: again and the copy replaced.
REGISTRY_CACHE_FORMAT = 2


def registry_cache_path(stamp: tuple | None = None) -> Path:
    """The kept copy of the registry file whose stamp is `stamp` (by default the file installed here): named by a
    checksum of the stamp, so that versions of catalog whose registries differ, sharing a cache folder, keep a copy
    each instead of reading the file again in turn (catalog.cachedir.drop_old_builds)."""
    from catalog.cachedir import file_stamp, keyed_path

    stamp = file_stamp(REGISTRY_CACHE_FORMAT, _registry_file()) if stamp is None else stamp
    return keyed_path("agency-registry-", stamp, ".pickle")


def _registry_file() -> bytes:
    # Beside this module in the installed package (importlib.resources would say the same, at 15 ms of imports).
    with open(os.path.join(os.path.dirname(__file__), "agencies.toml"), "rb") as handle:
        return handle.read()


@cache
def _registry() -> tuple[tuple[Agency, ...], dict[str, Agency]]:
    from catalog.cachedir import drop_old_builds, file_stamp, read_kept, write_kept

    data = _registry_file()
    stamp = file_stamp(REGISTRY_CACHE_FORMAT, data)
    path = registry_cache_path(stamp)
    kept = read_kept(path)
    if isinstance(kept, dict) and kept.get("stamp") == stamp:
        return kept["registry"]
    found = _parse(data.decode("utf-8"), "catalog/agencies.toml")
    if write_kept({"stamp": stamp, "registry": found}, path):  # a cache that cannot be written is no failure
        drop_old_builds(path, "agency-registry-")
    return found


def all_agencies() -> tuple[Agency, ...]:
    """Every agency of the registry, in the file's order."""
    return _registry()[0]


def agency(alias: str | None) -> Agency | None:
    """The agency a name in a credit means, or None: exact on the folded name, then without a trailing
    "Photo" ("CGTN Photo"); never a part of a longer name."""
    if not alias:
        return None
    index = _registry()[1]
    found = index.get(key_of(alias))
    if found is None:
        bare = _PHOTO_WORD.sub("", alias)
        if bare != alias and bare.strip():
            found = index.get(key_of(bare))
    return found


def agency_key(alias: str | None) -> str | None:
    """The search key of the agency a name means ("AP Photo" → "agency:ap"); None if it is none."""
    found = agency(alias)
    return found.key if found is not None else None


def agency_keys() -> dict[str, str]:
    """Every alias key of the registry → its agency's standard name ({"apphoto": "AP", "新华社": "Xinhua"}).

    The same shape as the house rules' agency table (alias key → standard name), so the rules can be laid
    over it: a house file's [agencies] entry wins over the registry's.
    """
    return {key: found.name for key, found in _registry()[1].items()}

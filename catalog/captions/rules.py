"""House rules for credits, read from TOML: agency aliases, staff bylines and publication-style credit lines.

The shipped rules are ``catalog/rules/default.toml`` (its comments document the format). A house file is
read over them key by key::

    >>> from catalog.captions.types import Credit
    >>> rules = load_rules()
    >>> rules.standard_agency("Xinhua News Agency"), rules.standard_agency("REUTERS"), rules.standard_agency("新华社")
    ('Xinhua', 'Reuters', 'Xinhua')
    >>> rules.credit_line(Credit(photographer="Zhang Dagang"))
    'Photo/Zhang Dagang'
    >>> rules.credit_line(Credit(provider="China National Space Administration"))
    'Photo: China National Space Administration'
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, TypeVar

from catalog.bounded import BoundedMemo
from catalog.errors import CatalogError, utf8_text
from catalog.patterns import compiled

if TYPE_CHECKING:
    from catalog.captions.types import Credit

T = TypeVar("T")

PLACEHOLDERS = frozenset({"photographer", "agency", "provider"})
#: Kinds of the agency registry that hand out pictures rather than distribute them: a credit names them as
#: the provider ("Photo: CNSA", "NASA via AP"), so they are not standard agencies here.
PROVIDER_KINDS = frozenset({"space agency", "government", "aid agency"})
LINE_KEYS = ("photographer", "photographer_agency", "provider", "agency")
#: How many credit texts `Rules.readings` keeps, and agency names `standard_agency` remembers, before each
#: starts again.
READINGS_KEPT = 1024
LEAD_INS_KEPT = 4096
STANDARD_NAMES_KEPT = 50_000

_UNKNOWN: Any = object()  # a memo's "not asked yet" (None is an answer)
_NOT_KEY = compiled(r"[\W_]+")
_PHOTO_WORD = compiled(r"\s+(?:photos?|pics?)$", re.IGNORECASE)  # "CGTN Photo", "AFP pic" (Malaysian papers)
#: The word "agency" opening an agency's name in the languages of its country ("Agencia Cuartoscuro", "Agence Zoom",
#: "Agência Brasil"), before a name the registry knows without it.
_AGENCY_WORD = compiled(r"^(?:Agencia|Agence|Agência|Agenzia|Agentur)\s+(?=\S)")
#: Two letters, the first a capital: an abbreviated word ("St", "Mt", "Dr"), never a registry acronym ("ST"); nor
#: are two small letters ("on", "pa", "ic": words of a sentence, never "PA" or "IC").
_TITLE_CASE_PAIR = compiled(r"[A-Z][a-z]|[a-z]{2}")


def alias_key(name: str) -> str:
    """How agency and staff names are compared, without case, spaces or punctuation: "EPA/EFE" = "epa-efe"."""
    return _NOT_KEY.sub("", name.replace("’", "'").casefold())


@dataclass
class Rules:
    """The house rules in force: what `parse` standardises agencies with and how `credits` prints them."""

    agencies: dict[str, str] = field(default_factory=dict)  # alias as written -> standard name (over the registry)
    staff: dict[str, str] = field(default_factory=dict)  # photographer as credited -> agency
    credit_lines: dict[str, Any] = field(default_factory=dict)
    files: tuple[str, ...] = ()  # the files read, default first
    #: The house file's [restrictions] table, read over catalog/rules/restrictions.toml by
    #: catalog.metadata.restrictions.load_restriction_rules (kept raw here: these rules are for credits).
    restrictions: dict[str, Any] = field(default_factory=dict)
    #: The house file's [chinese] table: word lists read over catalog/rules/chinese.toml by
    #: catalog.captions.chinese (kept raw here).
    chinese: dict[str, Any] = field(default_factory=dict)
    #: The house file's [not_captions] rules, read over catalog/rules/not_captions.toml.
    not_captions: dict[str, Any] = field(default_factory=dict)
    #: The house file's [[arrival]] tables, kept raw here: what `catalog watch` does to a photo that arrives
    #: (read and checked by catalog.watch.arrival.arrival_rules).
    arrival: list[Any] = field(default_factory=list)
    #: The [check] table: each check's severity, each restriction kind's, the thresholds (catalog.checks).
    check: dict[str, Any] = field(default_factory=dict)
    #: The house file's [variants] table (the copy to run, the thresholds), checked by
    #: catalog.variants.variant_rules.
    variants: dict[str, Any] = field(default_factory=dict)
    #: The house file's [place_weights] table: weights of the English place signals read over
    #: catalog/rules/place_evidence.toml (catalog.captions.place_evidence.house_weights).
    place_weights: dict[str, Any] = field(default_factory=dict)
    #: The house file's [confidence] table: thresholds and confidences read over catalog/rules/confidence.toml
    #: by catalog.captions.confidence (kept raw here).
    confidence: dict[str, Any] = field(default_factory=dict)
    #: The house file's [credit_words] table: lead-ins ("Fotograf:") tried before the shipped ones of
    #: catalog/rules/credit_leadins.toml (catalog.captions.credit_leadins.lead_ins_for), kept raw here.
    credit_words: dict[str, Any] = field(default_factory=dict)
    #: The house file's [[venues]] tables: venues added to the venue register catalog/rules/venues.toml
    #: (catalog.venues.register_for), each with the register's fields.
    venues: list[Any] = field(default_factory=list)
    #: Credit texts already read under these rules (credit_reader.py keeps it): a folder from one shoot credits
    #: the same photographer on every photo.
    readings: BoundedMemo = field(default_factory=lambda: BoundedMemo(READINGS_KEPT), repr=False, compare=False)
    #: Texts already tried for a lead-in (credit_leadins.strip_lead_in keeps it): the credit readers ask again of
    #: the same pieces, about twice each.
    lead_ins_tried: BoundedMemo = field(default_factory=lambda: BoundedMemo(LEAD_INS_KEPT), repr=False,
                                        compare=False)
    #: What the readers build from these rules and use on every caption (``built``), by name.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._agency_keys = {alias_key(alias): name for alias, name in self.agencies.items()}
        for name in set(self.agencies.values()):
            self._agency_keys.setdefault(alias_key(name), name)
        self._staff_keys = {alias_key(name): agency for name, agency in self.staff.items()}
        # Names already looked up (the readers ask about each often).
        self._standard: BoundedMemo[str, str | None] = BoundedMemo(STANDARD_NAMES_KEPT)
        self._kinds: BoundedMemo[str, str | None] = BoundedMemo(STANDARD_NAMES_KEPT)

    def __getstate__(self) -> dict[str, Any]:
        """As pickled for a reader process that starts from a fresh interpreter (forkserver: a watcher, which runs
        threads, cannot fork): without what was `built`, which each reader builds again on first use. Some of it
        cannot be pickled at all (the place weights' read-only mappings): a watcher that had read a few files
        itself and then met a burst large enough for reader processes ended with "cannot pickle 'mappingproxy'
        object"."""
        return {**self.__dict__, "derived": {}}

    def built(self, name: str, build: Callable[[Rules], T]) -> T:
        """`build(self)`, made on first use and kept with these rules: what a reader derives from the house
        rules (the not-a-caption patterns combined into one) is made once per set of rules, not per caption.

        >>> rules = load_rules()
        >>> rules.built("agency count", lambda r: len(r.agencies)) == len(rules.agencies)
        True
        """
        try:
            return self.derived[name]
        except KeyError:
            made = self.derived[name] = build(self)
            return made

    def standard_agency(self, name: str) -> str | None:
        """The standard name of a known agency ("Xinhua News Agency" -> "Xinhua", "AFP PHOTO" -> "AFP").

        The house's [agencies] table first; then the agency registry (catalog/agencies.toml: 372 agencies,
        aliases in many scripts, "新华社" -> "Xinhua"; not its space agencies and governments, which are
        providers), named as the house names that agency when its table knows any of the registry's
        spellings of it: the house file wins.
        """
        known = self._standard.get(name, _UNKNOWN)
        if known is not _UNKNOWN:
            return known
        return self._standard.keep(name, self._standard_agency(name))

    def _standard_agency(self, name: str) -> str | None:
        key = alias_key(name)
        if key in self._agency_keys:
            return self._agency_keys[key]
        bare = _PHOTO_WORD.sub("", name)  # "CGTN Photo", "AFP PHOTO", "Reuters pic"; not "Sipaphoto"
        if bare != name and alias_key(bare) in self._agency_keys:
            return self._agency_keys[alias_key(bare)]
        named = _AGENCY_WORD.sub("", name)  # "Agencia Cuartoscuro": the agency's word in its own language first
        if named != name and (found := self._standard_agency(named)) is not None:
            return found
        if _TITLE_CASE_PAIR.fullmatch(name.strip()):
            return None  # "St", "Mt": an abbreviated word ("St Andrew's Church"), not "ST" (The Straits Times)
        return self._registry_agency(name)

    def _registry_agency(self, name: str) -> str | None:
        from catalog.agencies import agency

        found = agency(name)
        if found is None or found.kind in PROVIDER_KINDS:
            return None
        for spelling in (found.name, *found.aliases):
            own = self._agency_keys.get(alias_key(spelling))
            if own:
                return own
        return found.name

    def agency_kind(self, name: str) -> str | None:
        """What kind of outlet the registry says an agency is ("wire", "newspaper", "government", ...)."""
        known = self._kinds.get(name, _UNKNOWN)
        if known is not _UNKNOWN:
            return known
        from catalog.agencies import agency

        found = agency(name)
        return self._kinds.keep(name, found.kind if found is not None else None)

    def staff_agency(self, photographer: str) -> str | None:
        """The agency of a staff photographer listed under [staff], else None."""
        return self._staff_keys.get(alias_key(photographer))

    def credit_line(self, credit: Credit) -> str:
        """The credit in publication style ("Xinhua/Li Xin", "Photo/Zhang Dagang"); "" when nobody is named.

        The first line of [credit_lines] that applies is used (see the comments in default.toml).
        """
        return self.line_of(credit.raw, credit.photographer, credit.agency, credit.provider)

    def line_of(self, raw: str | None, photographer: str | None, agency: str | None, provider: str | None) -> str:
        """`credit_line` of the credit with these parts, for a caller that holds them as columns (a table of
        thousands of photos, which need not make a Credit for each)."""
        lines = self.credit_lines
        if photographer:
            own = lines.get("agencies", {}).get(agency) if agency else None
            template = own or lines.get("photographer_agency" if agency else "photographer")
        elif provider:
            template = lines.get("provider")
        elif agency:
            template = lines.get("agencies_alone", {}).get(agency) or lines.get("agency")
        else:
            return ""
        if not template:
            return raw or ""
        return template.format_map({"photographer": photographer or "", "agency": agency or "",
                                    "provider": provider or ""}).strip(" /")


def default_rules_path() -> Path:
    """Where the shipped rules live (inside the installed package)."""
    return Path(__file__).parent.parent / "rules" / "default.toml"  # as importlib.resources finds it, without it


def load_rules(path: str | None = None, *, text: str | None = None, origin: str = "the catalogue") -> Rules:
    """The default rules, with the file at `path` (or the TOML `text`, kept in `origin`) read over them.

    Raises NotFound when the file does not exist and CatalogError when it is not valid rules TOML. The rules
    as checked are kept in the cache folder (`kept_rules`), so a command whose files are as they were reads no
    TOML.
    """
    if text is not None:
        return kept_rules(origin, text.encode("utf-8", "surrogatepass"),
                          lambda: _build(_merge(_raw_default(), _parse_text(text, origin)),
                                         (str(default_rules_path()), origin)))
    if path is None:
        return default_rules()
    content = _read_bytes(Path(path))
    return kept_rules(str(path), content, lambda: _build(_merge(_raw_default(), _parse_file(content, Path(path))),
                                                         (str(default_rules_path()), str(path))))


@cache
def default_rules() -> Rules:
    """The shipped rules, read once per process."""
    return kept_rules(None, None, lambda: _build(_raw_default(), (str(default_rules_path()),)))


#: Bumped when what `kept_rules` keeps changes shape.
RULES_CACHE_FORMAT = 1
#: How many sets of rules (the shipped ones, a catalogue's stored ones, --rules files) the cache file keeps.
RULES_KEPT = 8
#: The code that reads and checks a rules file, and the shipped data it checks against (paths under catalog/):
#: a kept set of rules is trusted only while each is as it was (size and modification time, as Python trusts
#: its byte code), so an upgrade or an edit checks the files again.
RULES_CODE = ("captions/rules.py", "captions/notcaptions.py", "captions/credit_leadins.py",
              "captions/place_evidence.py", "captions/confidence.py", "checkrules.py", "variant_rules.py", "rules")


def rules_cache_path() -> Path:
    from catalog.cachedir import default_cache_dir

    return default_cache_dir() / "rules.marshal"


def kept_rules(origin: str | None, house: bytes | None, build: Callable[[], Rules]) -> Rules:
    """The rules `build` makes from the shipped file and the house file's bytes `house` (read as `origin`), taken
    from the cache folder when the same bytes were checked before by the same code.

    Parsing and checking default.toml costs a command 50 M instructions, most of them tomllib's import and its
    regular expressions; the kept copy is read with marshal in a fraction of that. The key is the files' whole
    content (not their modification times: two edits in the same clock tick are told apart), the code's
    stamp (`RULES_CODE`) and Python's version. A missing, damaged or foreign cache file is ignored and written
    again; rules that do not check are never kept, so their error is raised on every run.
    """
    from catalog.cachedir import read_plain, write_plain

    try:
        shipped = default_rules_path().read_bytes()
    except OSError:
        return build()  # which says what is wrong with the shipped file
    key = (RULES_CACHE_FORMAT, sys.version_info[:3], _code_stamp(), str(default_rules_path()), shipped, origin,
           house)
    path = rules_cache_path()
    kept = read_plain(path)
    entries = [entry for entry in kept if _is_entry(entry)] if isinstance(kept, list) else []
    for entry_key, values in entries:
        if entry_key == key:
            return Rules(**values)
    rules = build()
    values = {name: getattr(rules, name) for name in _KEPT_FIELDS}
    write_plain([(key, values), *(entry for entry in entries if entry[0] != key)][:RULES_KEPT], path)
    return rules


#: The fields of Rules a cache file holds: what `_build` makes (not what a process learns while it runs).
_KEPT_FIELDS = tuple(item.name for item in fields(Rules) if item.compare)


def _is_entry(entry: Any) -> bool:
    return (isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], dict)
            and tuple(entry[1]) == _KEPT_FIELDS)


def _code_stamp() -> tuple:
    package = Path(__file__).parent.parent
    stamp: list[tuple] = []
    for name in RULES_CODE:
        try:
            if name == "rules":  # the folder of shipped rule files: each file's stamp
                with os.scandir(package / name) as found:
                    stamp.extend(sorted(_stamp(entry.name, entry.stat()) for entry in found))
            else:
                stamp.append(_stamp(name, (package / name).stat()))
        except OSError:
            stamp.append((name, None))
    return tuple(stamp)


def _stamp(name: str, info: os.stat_result) -> tuple:
    return name, info.st_size, info.st_mtime_ns


@cache
def _raw_default() -> dict[str, Any]:
    return _parse_file(_read_bytes(default_rules_path()), default_rules_path())


def _read_bytes(path: Path) -> bytes:
    from catalog.textfiles import read_text_file

    return read_text_file(str(path), f"rules file {path}")


def _parse_file(content: bytes, path: Path) -> dict[str, Any]:
    import tomllib  # here: a command whose rules are kept in the cache folder parses no TOML

    text = utf8_text(content, f"rules file {path}", "save it as UTF-8")  # TOML is UTF-8
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise CatalogError(f"rules file {path} is not valid TOML: {err}") from None


def _parse_text(text: str, origin: str) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise CatalogError(f"the house rules in {origin} are not valid TOML: {err}") from None


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _build(raw: dict[str, Any], files: tuple[str, ...]) -> Rules:
    where = files[-1]
    unknown = set(raw) - {"agencies", "staff", "credit_lines", "restrictions", "chinese", "not_captions", "arrival",
                          "check", "variants", "place_weights",
                          "confidence", "venues", "credit_words"}
    if unknown:
        raise CatalogError(f"rules file {where}: unknown table(s) {', '.join(sorted(unknown))}")
    agencies = _string_table(raw.get("agencies", {}), "agencies", where)
    staff = _string_table(raw.get("staff", {}), "staff", where)
    lines = raw.get("credit_lines", {})
    if not isinstance(lines, dict):
        raise CatalogError(f"rules file {where}: [credit_lines] must be a table")
    for key, value in lines.items():
        if key in ("agencies", "agencies_alone"):
            for agency, template in _string_table(value, f"credit_lines.{key}", where).items():
                _check_template(template, f"credit_lines.{key}.{agency}", where)
        elif key in LINE_KEYS:
            _check_template(value, f"credit_lines.{key}", where)
        else:
            raise CatalogError(f"rules file {where}: unknown key credit_lines.{key}")
    restrictions = raw.get("restrictions", {})
    if not isinstance(restrictions, dict):
        raise CatalogError(f"rules file {where}: [restrictions] must be a table")
    chinese = raw.get("chinese", {})
    if not isinstance(chinese, dict) or not all(
            isinstance(v, dict) and all(isinstance(w, list) and all(isinstance(x, str) for x in w)
                                        for w in v.values()) for k, v in chinese.items() if k != "venue_scores"):
        raise CatalogError(f'rules file {where}: [chinese] must hold tables of word lists, like [chinese.credit] '
                           'staff = ["记者"]')
    scores = chinese.get("venue_scores", {})  # the venue finder's weights (numbers, not words)
    if not isinstance(scores, dict) or not all(
            isinstance(w, int | float) and not isinstance(w, bool) for w in scores.values()):
        raise CatalogError(f"rules file {where}: [chinese.venue_scores] must hold numbers, like accept = 4.0")
    # The tables below are checked by their own modules, when they differ from the shipped ones (which tests
    # check): loading the shipped rules, as every `catalog search` does for its credit column, compiles no
    # patterns and imports no more modules than it must.
    shipped = _raw_default()
    not_captions = raw.get("not_captions", {})
    if not_captions:
        from catalog.captions.notcaptions import compile_rules, house_rules

        try:
            compile_rules(house_rules(not_captions))
        except CatalogError as err:
            raise CatalogError(f"rules file {where}: {err}") from None
    arrival = raw.get("arrival", [])
    if not isinstance(arrival, list):
        raise CatalogError(f"rules file {where}: arrival rules are written [[arrival]] (a list of tables)")
    check = raw.get("check", {})
    if check != shipped.get("check", {}):
        from catalog.checkrules import validate_table

        validate_table(check, where)
    variants = raw.get("variants", {})
    if not isinstance(variants, dict):
        raise CatalogError(f"rules file {where}: [variants] must be a table")
    if variants and variants != shipped.get("variants", {}):
        from catalog.variant_rules import variant_rules

        variant_rules(SimpleNamespace(variants=variants))  # refuse a bad table when the file is loaded
    place_weights = raw.get("place_weights", {})
    if not isinstance(place_weights, dict):
        raise CatalogError(f"rules file {where}: [place_weights] must be a table")
    if place_weights:
        from catalog.captions.place_evidence import house_weights

        house_weights(place_weights, where)  # refuse an unknown weight or a value that is no number
    confidence = raw.get("confidence", {})
    if confidence:
        from catalog.captions.confidence import build_table

        try:
            build_table({}, confidence)
        except CatalogError as err:
            raise CatalogError(f"rules file {where}: {err}") from None
    venues = raw.get("venues", [])
    if venues:
        from catalog.venues import shipped_register

        try:
            shipped_register().extended(venues, where)  # refuse a venue without a city, or of an unknown kind
        except CatalogError as err:
            raise CatalogError(f"rules file {where}: {err}") from None
    credit_words = raw.get("credit_words", {})
    if not isinstance(credit_words, dict):
        raise CatalogError(f"rules file {where}: [credit_words] must be a table")
    if credit_words:
        from catalog.captions.credit_leadins import house_lead_ins

        house_lead_ins(credit_words, where)  # refuse a lead-in whose pattern does not compile or role is unknown
    return Rules(agencies=agencies, staff=staff, credit_lines=lines, files=files, restrictions=restrictions,
                 arrival=arrival, check=check, chinese=chinese, not_captions=not_captions, variants=variants,
                 place_weights=place_weights, confidence=confidence, venues=venues, credit_words=credit_words)


def _string_table(table: Any, name: str, where: str) -> dict[str, str]:
    if not isinstance(table, dict) or not all(isinstance(v, str) for v in table.values()):
        raise CatalogError(f'rules file {where}: [{name}] must hold lines like "name" = "value"')
    return table


def _check_template(template: Any, name: str, where: str) -> None:
    if not isinstance(template, str):
        raise CatalogError(f"rules file {where}: {name} must be a string")
    import string  # here: only a set of rules being checked needs it

    try:
        used = {part[1] for part in string.Formatter().parse(template) if part[1] is not None}
    except ValueError as err:
        raise CatalogError(f"rules file {where}: {name} = {template!r}: {err}") from None
    if used - PLACEHOLDERS:
        raise CatalogError(
            f"rules file {where}: {name} uses {{{', '.join(sorted(used - PLACEHOLDERS))}}}; "
            "the placeholders are {photographer}, {agency} and {provider}"
        )

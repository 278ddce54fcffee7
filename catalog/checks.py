"""`catalog check`: before a picture runs, what stands in its way, photo by photo, with the evidence.

Each finding has a name (the `check`), a severity from the house rules (`block` stops publication: the
command exits 1; `warn` is said; `off` is not checked), a sentence for a person and the evidence::

    missing_credit     nobody to credit: no by-line, credit line, agency or provider
    date_mismatch      the caption's date and the EXIF/IPTC date are more than a day apart (zones honoured)
    year_inferred      the year of the date was not written: it was taken from elsewhere
    place_mismatch     the place stated is more than 50 km from the GPS point (the gazetteer's verdict;
                       evidence has distance_km)
    credit_mismatch    the caption credits someone the by-line or credit field does not
    copies_disagree    the EXIF, IPTC and XMP copies of the caption, credit or date disagree
    restricted         restrictions in force ("EDITORIAL USE ONLY", "JAPAN OUT"); the severity is the
                       strictest of their kinds' (the house rules may make region_out block)
    embargoed          an embargo in force now (or at --at TIME)
    killed             withdrawn by the agency or the desk (`catalog kill`), or a kill note in the file
    ai_generated       the file says generative AI or an algorithm made it
    c2pa_invalid       its C2PA Content Credentials do not validate, or cannot be checked
    no_place_or_date   no caption, or a caption that names no place or no date

It is fast because it reads what the records already hold: the facts an import worked out for each photo
(catalog.checkfacts), its restrictions and provenance (catalog.rights), and the kills. Only the place
check needs the gazetteer; its verdict for a photo is kept (`place_check`), so the gazetteer is loaded
only for photos it has not yet measured.

>>> report = check(lib, [], story="Hefei flying car")    # doctest: +SKIP
>>> report.blocked, [f.check for p in report.photos for f in p.findings]   # doctest: +SKIP
(True, ['killed', 'missing_credit'])
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Row, Table, Text, select, type_coerce

from catalog.checkfacts import VERSION
from catalog.checkrules import RANK, CheckRules, check_rules
from catalog.errors import CatalogError
from catalog.models import Kill, Photo, PlaceCheck
from catalog.rights import c2pa_state, in_force

if TYPE_CHECKING:
    from catalog.library import Library

#: The fields whose disagreeing copies count: the caption, the credit (by-line and credit line) and the date.
COPIED_FIELDS = {"caption": "caption", "photographer": "by-line", "credit": "credit line", "taken": "date"}
#: The columns check reads of each photo (never the whole row).
COLUMNS = ("id", "path", "caption", "photographer", "credit_line", "agency", "provider", "taken", "taken_inferred",
           "sources", "lat", "lon", "location_approx", "sublocation", "city", "province", "country", "country_code",
           "has_conflicts", "conflicts", "restrictions", "source_type", "ai", "c2pa", "check_facts", "missing_since")
#: Of those, the JSON ones: read as text and decoded only where a check needs them (a photo without conflicts
#: never has its conflicts decoded): at 10,000 photos, decoding every one was a third of the time.
JSON_COLUMNS = frozenset({"sources", "conflicts", "restrictions", "c2pa", "check_facts"})


@dataclass
class Finding:
    """One thing in a photo's way: the check's name, its severity, a sentence, and the evidence."""

    check: str
    severity: str
    message: str
    evidence: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"check": self.check, "severity": self.severity, "message": self.message, "evidence": self.evidence}


@dataclass
class PhotoFindings:
    """A photo and its findings, most severe first; `unchecked` says what could not be checked and why."""

    id: int
    path: str
    findings: list[Finding] = field(default_factory=list)
    unchecked: str | None = None

    @property
    def blocked(self) -> bool:
        return any(finding.severity == "block" for finding in self.findings)

    def as_json(self) -> dict[str, Any]:
        found = {"id": self.id, "path": self.path, "findings": [finding.as_json() for finding in self.findings]}
        if self.unchecked:
            found["unchecked"] = self.unchecked
        return found


@dataclass
class CheckReport:
    """What `check` found: the photos with findings (in the order checked), and how many were checked."""

    photos: list[PhotoFindings] = field(default_factory=list)
    checked: int = 0
    at: datetime | None = None
    #: Photos whose file facts predate this version of catalog (their caption checks were not made).
    unchecked: int = 0

    @property
    def blocked(self) -> bool:
        return any(photo.blocked for photo in self.photos)

    def counts(self) -> dict[str, int]:
        """How many findings of each severity."""
        counts = {"block": 0, "warn": 0}
        for photo in self.photos:
            for finding in photo.findings:
                counts[finding.severity] = counts.get(finding.severity, 0) + 1
        return counts


# -- running it ------------------------------------------------------------------------------------------------

def check(library: Library, args: list[str] | None = None, *, story: str | None = None,
          ids: list[int] | None = None) -> CheckReport:
    """Check the photos of a story (in story order), the given `ids`, or those the search terms select (all
    without terms), at `library.as_of` (None: now)."""
    from catalog.rights import now, utc

    at = library.as_of or utc(now())
    if story is not None:
        from catalog.stories import photo_ids

        in_story = photo_ids(library, story)
        if args:
            chosen = set(_selected_ids(library, args))
            in_story = [pid for pid in in_story if pid in chosen]
        wanted: list[int] | object | None = in_story
    elif ids is not None:
        wanted = list(ids)
    else:
        wanted = library.matching_ids(args) if args else None  # a SELECT of ids (a list for near:)
    rows, kills, stories = _load(library, wanted)
    settings = check_rules(library.rules)
    verdicts = _place_verdicts(library, rows, settings)
    report = CheckReport(checked=len(rows), at=at)
    for row in rows:
        found = photo_findings(row, settings, at, kill=kills.get(row["id"]), stories=stories.get(row["id"], []),
                               place=verdicts.get(row["id"]))
        if found.unchecked:
            report.unchecked += 1
        if found.findings or found.unchecked:
            report.photos.append(found)
    return report


def findings_by_id(library: Library, ids: list[int]) -> dict[int, PhotoFindings]:
    """The findings of each of these photos (for the contact sheet and the photo page)."""
    report = check(library, ids=ids)
    return {photo.id: photo for photo in report.photos}


def _selected_ids(library: Library, args: list[str]) -> list[int]:
    selected = library.matching_ids(args)
    if isinstance(selected, list):
        return selected
    with library.session() as session:
        return list(session.scalars(selected))


#: The kept place verdict read with each photo (catalog.models.PlaceCheck), after COLUMNS.
VERDICT_COLUMNS = ("verdict_stated", "verdict_lat", "verdict_lon", "verdict_km", "verdict_conflict", "verdict_entity")


def _load(library: Library, wanted) -> tuple[list[dict], dict[int, dict], dict[int, list[str]]]:
    """The photos' rows with their kept place verdicts (in the order of `wanted`, a list of ids; else by path,
    of every photo or of a SELECT of ids), their kills, and for killed photos their stories."""
    from catalog.store import chunks
    from catalog.stories import stories_using

    table, place = Photo.__table__.c, PlaceCheck.__table__.c
    columns = [type_coerce(table[name], Text) if name in JSON_COLUMNS else table[name] for name in COLUMNS]
    columns += [place.stated, place.lat, place.lon, place.distance_km, place.conflict, type_coerce(place.entity, Text)]
    names = COLUMNS + VERDICT_COLUMNS
    joined = select(*columns).select_from(
        Photo.__table__.outerjoin(PlaceCheck.__table__, place.photo_id == table.id))
    kill_columns = select(Kill.photo_id, Kill.reason, Kill.at, Kill.origin)
    kills: dict[int, dict] = {}
    with library.session() as session:
        if isinstance(wanted, list):
            by_id: dict[int, Row] = {}
            for chunk in chunks(wanted, 900):
                by_id.update((row[0], row) for row in session.execute(joined.where(table.id.in_(chunk))).all())
            rows = [_decoded(dict(zip(names, by_id[pid]))) for pid in dict.fromkeys(wanted) if pid in by_id]
            kill_rows = [row for chunk in chunks(wanted, 900) for row in session.execute(
                kill_columns.where(Kill.photo_id.in_(chunk)))]
        else:
            if wanted is not None:
                joined = joined.where(table.id.in_(wanted))
                kill_columns = kill_columns.where(Kill.photo_id.in_(wanted))
            rows = [_decoded(dict(zip(names, row))) for row in session.execute(joined.order_by(table.path)).all()]
            kill_rows = list(session.execute(kill_columns).all())
        for photo_id, reason, at, origin in kill_rows:
            kills[photo_id] = {"reason": reason, "at": at.isoformat(timespec="seconds"), "origin": origin}
        killed = list(kills) + [row["id"] for row in rows if any(
            r.get("kind") == "kill" for r in row["restrictions"] or [])]
        stories = stories_using(session, killed) if killed else {}
    return rows, kills, stories


def _json(value):
    """A JSON column read as text (SQLite) or already decoded (PostgreSQL's driver decodes json itself)."""
    return json.loads(value) if isinstance(value, str) else value


def _decoded(row: dict) -> dict:
    """The row with the JSON a check will read decoded: its facts, restrictions and credentials; its
    conflicts only if it has some, its sources only if its year was inferred."""
    row["check_facts"] = _json(row["check_facts"])
    row["restrictions"] = _json(row["restrictions"]) if row["restrictions"] is not None else None
    row["c2pa"] = _json(row["c2pa"]) if row["c2pa"] is not None else None
    row["conflicts"] = _json(row["conflicts"]) if row["has_conflicts"] and row["conflicts"] is not None else None
    row["sources"] = (_json(row["sources"]) or {}) if row["taken_inferred"] and row["sources"] is not None else {}
    return row


# -- one photo -------------------------------------------------------------------------------------------------

def photo_findings(row: dict, settings: CheckRules, at: datetime, *, kill: dict | None = None,
                   stories: Sequence[str] = (), place: dict | None = None) -> PhotoFindings:
    """Every finding for one photo's row (the COLUMNS), most severe first."""
    found = PhotoFindings(row["id"], row["path"])
    add = found.findings.append

    def severity(name: str) -> str | None:
        level = settings.of(name)
        return None if level == "off" else level

    facts = row["check_facts"]
    if facts is None or facts.get("v") != VERSION:
        found.unchecked = ("imported before catalog could check captions: import its folder again to check its "
                           "caption, date, place, credit, restrictions and provenance")
        facts = None

    # Kills and restrictions first: they are what a desk must never miss.
    restrictions = [r for r in row["restrictions"] or [] if in_force(r, at)]
    file_kills = [r for r in restrictions if r["kind"] == "kill"]
    if (kill is not None or file_kills) and (shown := severity("killed")):
        if kill is not None:
            message = f"killed: {kill['reason']}"
            evidence = {**kill}
        else:
            message = f"the file carries a kill note: {file_kills[0]['text']}"
            evidence = {"restriction": file_kills[0]}
        evidence["stories"] = list(stories)
        if stories:
            message += f" (used in: {', '.join(stories)})"
        add(Finding("killed", shown, message, evidence))
    embargoes = [r for r in restrictions if r["kind"] == "embargo"]
    if embargoes and (shown := severity("embargoed")):
        first = embargoes[0]
        when = f"until {first['until']}" if first.get("until") else "with no end written"
        add(Finding("embargoed", shown, f"embargoed {when}: {first['text']}",
                    {"restriction": first, "at": at.isoformat(timespec="minutes") + "Z"}))
    others = [r for r in restrictions if r["kind"] not in ("embargo", "kill")]
    if others:
        levels = [settings.restricted.get(r["kind"], settings.of("restricted")) for r in others]
        level = max(levels, key=RANK.__getitem__)
        if level != "off":
            kept = [r for r, lv in zip(others, levels) if lv != "off"]
            add(Finding("restricted", level, "; ".join(dict.fromkeys(r["text"] for r in kept)),
                        {"restrictions": kept}))

    if row["ai"] and (shown := severity("ai_generated")):
        kind = row["source_type"] or "the IPTC AI fields or its Content Credentials"
        add(Finding("ai_generated", shown,
                    f"the file says generative AI or an algorithm made it ({kind})",
                    {"source_type": row["source_type"], "c2pa_actions": (row["c2pa"] or {}).get("actions", [])}))
    if c2pa_state(row["c2pa"]) == "invalid" and (shown := severity("c2pa_invalid")):
        c2pa = row["c2pa"]
        errors = c2pa.get("errors") or []
        why = "could not be checked" if c2pa.get("valid") is None else "do not validate"
        add(Finding("c2pa_invalid", shown,
                    f"its C2PA Content Credentials {why}" + (f": {errors[0]}" if errors else ""),
                    {"valid": c2pa.get("valid"), "issuer": c2pa.get("issuer"), "errors": errors}))

    if not any(row[name] for name in ("photographer", "credit_line", "agency", "provider")) and \
            (shown := severity("missing_credit")):
        add(Finding("missing_credit", shown,
                    "nobody to credit: no by-line, credit line, agency or provider",
                    {"caption": bool(row["caption"])}))

    if facts is not None:
        _caption_findings(found, row, facts, settings, severity, place)
    conflicts = [c for c in row["conflicts"] or [] if not c.get("overridden") and c.get("field") in COPIED_FIELDS]
    if conflicts and (shown := severity("copies_disagree")):
        names = ", ".join(dict.fromkeys(COPIED_FIELDS[c["field"]] for c in conflicts))
        add(Finding("copies_disagree", shown,
                    f"the EXIF, IPTC and XMP copies disagree on the {names}", {"conflicts": conflicts}))
    if row["taken_inferred"] and (shown := severity("year_inferred")):
        add(Finding("year_inferred", shown,
                    f"the caption gives no year: {row['taken']} takes its year from the file's date",
                    {"taken": row["taken"], "source": (row["sources"] or {}).get("taken")}))
    found.findings.sort(key=lambda finding: -RANK[finding.severity])
    return found


def _caption_findings(found: PhotoFindings, row: dict, facts: dict, settings: CheckRules, severity,
                      place: dict | None) -> None:
    add = found.findings.append
    date = facts.get("date")
    if date and date.get("days_apart", 0) > settings.date_days and (shown := severity("date_mismatch")):
        block = {"exif": "EXIF", "iptc": "IPTC", "xmp": "XMP", "sidecar": "XMP sidecar"}.get(date.get("source"), "file")
        add(Finding("date_mismatch", shown,
                    f"the caption says {date['caption']}, the {block} date is {date['file']}: "
                    f"{date['days_apart']} days apart", dict(date)))
    if place is not None and place.get("distance_km") is not None and place.get("conflict") and \
            (shown := severity("place_mismatch")):
        add(Finding("place_mismatch", shown, place["conflict"], {
            "stated": place["stated_text"], "from": place["from"], "entity": place["entity"],
            "gps": [row["lat"], row["lon"]], "distance_km": round(place["distance_km"], 1)}))
    credit = facts.get("credit")
    if credit and (shown := severity("credit_mismatch")):
        add(Finding("credit_mismatch", shown, "; ".join(c["why"] for c in credit),
                    {"disagreements": credit}))
    missing = []
    if facts.get("no_caption"):
        message = "the photo has no caption"
    else:
        missing = [what for what, key in (("place", "no_place"), ("date", "no_date")) if facts.get(key)]
        message = f"the caption names no {' and no '.join(missing)}" if missing else ""
    if message and (shown := severity("no_place_or_date")):
        add(Finding("no_place_or_date", shown, message,
                    {"caption": row["caption"], "missing": missing or ["caption"]}))


# -- the place, through the gazetteer ------------------------------------------------------------------------------

def _stated(row: dict, facts: dict) -> dict[str, str] | None:
    """The place a photo states for the place check: what its caption names, or its file's place."""
    place = facts.get("place")
    if place == "file":
        return {level: row[level] for level in ("sublocation", "city", "province", "country", "country_code")
                if row[level]} or None
    return dict(place) if isinstance(place, dict) else None


def _place_verdicts(library: Library, rows: list[dict], settings: CheckRules) -> dict[int, dict]:
    """photo id -> {"stated_text", "from", "entity", "distance_km", "conflict"} for the photos whose stated place
    conflicts with their GPS point; measured by the gazetteer once per photo and place, then kept in
    `place_check`."""
    wanted: dict[int, tuple[dict, str, dict]] = {}
    for row in rows:
        facts = row["check_facts"]
        if not facts or facts.get("v") != VERSION or row["lat"] is None or row["lon"] is None or row["location_approx"]:
            continue
        stated = _stated(row, facts)
        if stated:
            key = "|".join(f"{level}={stated[level]}" for level in sorted(stated)) + f"|km={settings.place_km:g}"
            wanted[row["id"]] = (row, key, stated)
    verdicts, fresh = {}, []
    for pid, (row, key, stated) in wanted.items():
        if (row["verdict_stated"], row["verdict_lat"], row["verdict_lon"]) == (key, row["lat"], row["lon"]):
            distance, conflict = row["verdict_km"], row["verdict_conflict"]
            entity = _json(row["verdict_entity"]) if conflict else None  # decoded only where it is shown
        else:
            measured = _measure(library, pid, row, key, stated, settings)
            fresh.append(measured)
            distance, conflict, entity = measured.distance_km, measured.conflict, measured.entity
        if not conflict:
            continue
        how = "caption" if isinstance(row["check_facts"].get("place"), dict) else "file"
        verdicts[pid] = {"stated_text": ", ".join(v for k, v in stated.items() if k != "country_code"),
                         "from": how, "entity": entity, "distance_km": distance, "conflict": conflict}
    if fresh:
        _keep(library, fresh)
    return verdicts


_PLACES: dict[str, Any] = {}


def _measure(library: Library, pid: int, row: dict, key: str, stated: dict, settings: CheckRules) -> PlaceCheck:
    """The gazetteer's verdict on one photo's stated place and GPS point."""
    gazetteer = library.gazetteer
    place_key = json.dumps(stated, sort_keys=True, ensure_ascii=False)
    if place_key not in _PLACES:
        _PLACES[place_key] = gazetteer.place(stated.get("sublocation"), stated.get("city"), stated.get("province"),
                                             stated.get("country"), country_code=stated.get("country_code"))
    entity = _PLACES[place_key]
    lat, lon = row["lat"], row["lon"]
    if entity is None:
        return PlaceCheck(photo_id=pid, stated=key, lat=lat, lon=lon, entity=None, distance_km=None, conflict=None)
    distance = gazetteer.distance_to(entity, lat, lon)
    conflict = gazetteer.conflict(entity, lat, lon, limit_km=settings.place_km)
    return PlaceCheck(photo_id=pid, stated=key, lat=lat, lon=lon, distance_km=distance, conflict=conflict,
                      entity={"id": entity.id, "name": entity.name, "level": entity.level,
                              "lat": entity.lat, "lon": entity.lon})


def _keep(library: Library, verdicts: list[PlaceCheck]) -> None:
    """Keep new verdicts; a catalogue that cannot be written (or is busy) only makes the next check slower."""
    from sqlalchemy import delete

    from catalog.store import chunks

    rows = [{"photo_id": v.photo_id, "stated": v.stated, "lat": v.lat, "lon": v.lon, "entity": v.entity,
             "distance_km": v.distance_km, "conflict": v.conflict} for v in verdicts]

    def write(session) -> None:
        for chunk in chunks([row["photo_id"] for row in rows], 500):
            session.execute(delete(PlaceCheck).where(PlaceCheck.photo_id.in_(chunk)))
        present = set()
        for chunk in chunks([row["photo_id"] for row in rows], 500):
            present.update(session.scalars(select(Photo.id).where(Photo.id.in_(chunk))))
        kept = [row for row in rows if row["photo_id"] in present]  # a photo forgotten meanwhile
        if kept:
            session.execute(cast(Table, PlaceCheck.__table__).insert(), kept)

    from sqlalchemy.exc import DBAPIError

    if library.readonly:
        return
    try:  # one try, no waiting: a check must not queue behind an import for the sake of a cache
        with library.session(write=True) as session:
            write(session)
    except (CatalogError, DBAPIError):
        pass

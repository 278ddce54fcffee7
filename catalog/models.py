"""Every table of the catalogue, as typed SQLAlchemy 2 models. The schema itself is made only by alembic/."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

#: Constraint names are spelled out so that migrations and the models name them the same on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with the project's naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Photo(Base):
    """One image file and everything known about it; each field's source is in ``sources``."""

    __tablename__ = "photo"
    if TYPE_CHECKING:
        #: Not a column: the photo's group of copies, set on the photos a search returns (catalog.variants).
        variant_info: dict[str, Any] | None
    #: Pages sorted by date are read in this index's order; `taken:` ranges are counted from it (alembic 0002).
    __table_args__ = (
        Index("ix_photo_taken_order", "taken_start", "taken", "path", "taken_end"),
        #: `timeline` groups by the stored span, read off this index in order (alembic 0009).
        Index("ix_photo_taken_span", "taken_start", "taken_end"),
        #: `places` counts the photos per place_group, read off this index alone, in order (alembic 0010).
        Index("ix_photo_place_group", "place_group"),
        #: A new path with a known file identity is a hard link or a rename, not a new photo (alembic 0004).
        Index("ix_photo_file_identity", "device", "inode"),
        # PostgreSQL alone also has, made by the migrations and not declared here (SQLite visits the photo's
        # row in its rowid table anyway): ix_photo_span_by_id, (id) INCLUDE (taken_start, taken_end), for
        # `timeline` with a term (alembic 0013), and ix_photo_place_group_by_id, (id) INCLUDE (place_group),
        # for `places` with a term (alembic 0014); and the full-text table photo_fts (alembic 0013) with its
        # indexes for ranking one word (alembic 0015), its count of photos per lexeme (alembic 0016) and each
        # photo's credit tokens beside its words (alembic 0017).
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The file. `path` is absolute and unique: the database, not only the importer, refuses a second record.
    # A name that is not valid UTF-8 is kept with \xNN escapes here and as its bytes in raw_path.
    path: Mapped[str] = mapped_column(Text, unique=True)
    raw_path: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: The file's identity on its file system (st_dev, st_ino) when last read.
    device: Mapped[int | None] = mapped_column(BigInteger)
    inode: Mapped[int | None] = mapped_column(BigInteger)
    size: Mapped[int] = mapped_column(BigInteger)
    mtime_ns: Mapped[int] = mapped_column(BigInteger)
    #: Modification time of the XMP sidecar read with the photo (None when it had none): a sidecar added or
    #: edited later (by Lightroom, say) makes the next import read the photo again.
    sidecar_mtime_ns: Mapped[int | None] = mapped_column(BigInteger)
    #: XXH3-128 over the size and three sampled 16 KiB blocks (catalog.scan.fingerprint): recognises moved files
    #: without hashing every byte. Older catalogues may still hold 40-digit blake2b ones.
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    #: Full SHA-256, computed lazily by `catalog verify`.
    content_hash: Mapped[str | None] = mapped_column(String(64))
    format: Mapped[str | None] = mapped_column(String(16))
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)

    # Text fields.
    caption: Mapped[str | None] = mapped_column(Text)
    headline: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)

    # Credit.
    credit_line: Mapped[str | None] = mapped_column(Text)
    photographer: Mapped[str | None] = mapped_column(Text)
    agency: Mapped[str | None] = mapped_column(Text)
    provider: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    copyright: Mapped[str | None] = mapped_column(Text)
    #: Folded photographer, for `by:`.
    photographer_key: Mapped[str | None] = mapped_column(Text, index=True)
    #: Folded photographer, agency, provider, credit line and source, for `by:` and `credit:`.
    credit_key: Mapped[str | None] = mapped_column(Text, index=True)

    # Dates: ISO text at the precision known, plus the first and last day it covers, for range queries.
    taken: Mapped[str | None] = mapped_column(String(40))
    taken_start: Mapped[str | None] = mapped_column(String(10))
    taken_end: Mapped[str | None] = mapped_column(String(10))
    taken_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    released: Mapped[str | None] = mapped_column(String(40))
    released_start: Mapped[str | None] = mapped_column(String(10), index=True)
    released_end: Mapped[str | None] = mapped_column(String(10))

    # Where it was taken.
    sublocation: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(Text)
    province: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)
    country_code: Mapped[str | None] = mapped_column(String(3))
    lat: Mapped[float | None] = mapped_column(Float, index=True)
    lon: Mapped[float | None] = mapped_column(Float)
    #: True when lat/lon are the gazetteer's coordinates for the named place, not the camera's GPS.
    location_approx: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Where the photo shows, when XMP LocationShown says so: {"city": ..., ...}.
    location_shown: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: The place entity the stated place (or the GPS point) means, as catalog.entities makes it: {"id":
    #: "1808722", "name": "Hefei", ..., "how": "file" | "caption" | "gps" | "manual"} (alembic 0005).
    place: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: What `places` counts the photo under: the place entity's codes and names and the stated names, as one
    #: JSON array (catalog.entities.place_group), written with them (catalog.store; alembic 0010).
    place_group: Mapped[str | None] = mapped_column(Text)

    keywords: Mapped[list[str] | None] = mapped_column(JSON)
    make: Mapped[str | None] = mapped_column(Text)
    model: Mapped[str | None] = mapped_column(Text)

    #: field name -> block it came from ("exif", "iptc", "xmp", "sidecar", "caption", "gazetteer", "manual").
    sources: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    #: [{"field": ..., "copies": [[block, value], ...]}, ...]
    conflicts: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    has_conflicts: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    #: Language alternatives, IIM charset and per-field warnings from the reader.
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: What a person set, by JSON field path: {"caption": {"value": ..., "at": ISO time, "by": "hand" | "linked" |
    #: "captions file"}, "credit.photographer": {...}}. These outrank what the file says and survive re-reads
    #: and moves; `catalog set --revert` removes them.
    manual: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    #: The image data is cut short (an interrupted transfer): metadata imported, the reason in extra["damage"].
    damaged: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), index=True)
    #: When an import or a watcher found the file gone (None while it is there).
    missing_since: Mapped[datetime | None] = mapped_column(DateTime)

    # Rights and provenance (alembic 0006): read at import, see catalog.rights. (A JSON column here that holds
    # nothing is SQL NULL, not JSON null: `c2pa:none` asks IS NULL, and an import does not serialise nothing.)
    #: The restrictions the file states, in order: [{"kind", "text", "until", "region", "source"}, ...] (None:
    #: none); each is also a row of `restriction`, which search reads.
    restrictions: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON(none_as_null=True))
    #: IPTC Digital Source Type, bare ("digitalCapture", "trainedAlgorithmicMedia").
    source_type: Mapped[str | None] = mapped_column(String(64))
    #: Whether the file says it was made by generative AI or an algorithm (None: it says nothing either way).
    ai: Mapped[bool | None] = mapped_column(Boolean, index=True)
    #: Its C2PA Content Credentials: {"present", "valid", "issuer", "generator", "actions", "errors"}; None: none.
    c2pa: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    #: The wire's transmission reference (IIM 2:103), in capitals: what a kill advisory names the picture by.
    transmission_reference: Mapped[str | None] = mapped_column(String(64), index=True)
    #: What `catalog check` needs from the file and its caption, worked out at import (catalog.checkfacts).
    check_facts: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    #: Folded caption, headline, credits, keywords and places: the full-text index's input.
    search_text: Mapped[str] = mapped_column(Text, default="")

    imported_at: Mapped[datetime] = mapped_column(DateTime)
    #: Indexed: the contact sheet polls the newest change to show arrivals (catalog.web.live; alembic 0008).
    updated_at: Mapped[datetime] = mapped_column(DateTime, index=True)

    places: Mapped[list[PlaceName]] = relationship(
        back_populates="photo", cascade="all, delete-orphan", passive_deletes=True
    )
    place_keys: Mapped[list[PlaceKey]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    person_tokens: Mapped[list[PersonToken]] = relationship(cascade="all, delete-orphan", passive_deletes=True)

    @property
    def file_path(self) -> str:
        """The path to open the file by (a name that is not UTF-8 is kept as bytes in raw_path)."""
        import os

        return os.fsdecode(self.raw_path) if self.raw_path else self.path


class PlaceName(Base):
    """One folded place name of a photo at one level, so `in:`, `city:` and friends are index look-ups."""

    __tablename__ = "place_name"
    #: `in:` and friends read photo ids from this index alone (alembic 0002).
    __table_args__ = (Index("ix_place_name_lookup", "name", "kind", "level", "photo_id"),)

    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"), primary_key=True)
    #: "taken" (where it was taken) or "shown" (what it shows).
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    #: "sublocation", "city", "province", "country" or "country_code".
    level: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(Text)

    photo: Mapped[Photo] = relationship(back_populates="places")


class PlaceKey(Base):
    """One entity key of a photo's place ("country:US", "province:CN-AH", "city:1808722"): `in:`, `city:`,
    `province:` and `country:` match these, whatever spelling or script the file used (alembic 0005)."""

    __tablename__ = "place_key"
    #: Without a rowid on SQLite: the primary key is the table, one B-tree fewer to write per row at import.
    __table_args__ = (Index("ix_place_key_lookup", "key", "kind", "photo_id"), {"sqlite_with_rowid": False})

    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"), primary_key=True)
    #: "taken" (the photo's place entity) or "shown" (what XMP LocationShown names).
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)


class PersonToken(Base):
    """One token of a photo's credit: a folded name token ("zhang", "dagang") of the photographer or of any
    credit field, or an agency of the registry ("agency:ap"); `by:` and `credit:` match these (alembic 0005).
    """

    __tablename__ = "person_token"
    __table_args__ = (Index("ix_person_token_lookup", "token", "role", "photo_id"), {"sqlite_with_rowid": False})

    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"), primary_key=True)
    #: "photographer", "credit" or "agency" (see catalog.entities.ROLES).
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    token: Mapped[str] = mapped_column(Text, primary_key=True)


class Setting(Base):
    """A catalogue-wide setting, such as the house-rules file (`catalog rules --set FILE`)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PhotoRestriction(Base):
    """One restriction a photo's file states (catalog.metadata.restrictions), for `restricted:` and `embargoed:`."""

    __tablename__ = "restriction"
    #: restricted:KIND reads photo ids from this index alone.
    __table_args__ = (Index("ix_restriction_kind", "kind", "photo_id"),)

    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"), primary_key=True)
    #: Its place in the order the file states them, from 0.
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)
    #: The end of an embargo, in UTC (no zone stored: every value is UTC); None when it names no end.
    until: Mapped[datetime | None] = mapped_column(DateTime)
    region: Mapped[str | None] = mapped_column(Text)
    #: The field it was read from ("instructions", "usage_terms", "caption", ...).
    source: Mapped[str] = mapped_column(String(32))


class Story(Base):
    """A named, ordered list of photos: the pictures of one article (`catalog story`)."""

    __tablename__ = "story"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class StoryPhoto(Base):
    """A photo's use in a story: where it stands and when it was added, so `show` can say where it ran."""

    __tablename__ = "story_photo"
    #: used:yes and `show` read a photo's stories from this index.
    __table_args__ = (Index("ix_story_photo_photo", "photo_id", "story_id"),)

    story_id: Mapped[int] = mapped_column(ForeignKey("story.id", ondelete="CASCADE"), primary_key=True)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"), primary_key=True)
    #: 1 for the first photo of the story.
    position: Mapped[int] = mapped_column(Integer)
    added_at: Mapped[datetime] = mapped_column(DateTime)


class Kill(Base):
    """A photo withdrawn by its agency or by the desk (`catalog kill`): it must not run, and comes out where it has."""

    __tablename__ = "kill"

    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)
    #: "hand", or the advisory file it was read from.
    origin: Mapped[str] = mapped_column(Text)
    #: The advisory's own words, as received (None for a kill by hand).
    advisory: Mapped[str | None] = mapped_column(Text)


class KillPrint(Base):
    """A kill kept by the picture's file fingerprint (photo.fingerprint), so that the same picture catalogued again
    (forgotten and imported, a copy from another folder, a watcher's rescan) comes back killed: triggers on photo
    give a new record, or one whose file became this picture, the kill (alembic 0018). Written by `catalog kill`
    and by `forget` of a killed photo; removed by `kill --undo` and `forget --drop-kills`."""

    __tablename__ = "kill_print"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)
    origin: Mapped[str] = mapped_column(Text)
    advisory: Mapped[str | None] = mapped_column(Text)
    #: The path the picture had when its kill was kept (shown when it is not in the catalogue).
    path: Mapped[str] = mapped_column(Text)


class PlaceCheck(Base):
    """How far a photo's stated place is from its GPS point, as the gazetteer says: kept so that `catalog check`
    loads the gazetteer only for photos it has not measured (catalog.checks). Valid while `stated`, `lat` and
    `lon` are what the photo holds."""

    __tablename__ = "place_check"

    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"), primary_key=True)
    stated: Mapped[str] = mapped_column(Text)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    #: The gazetteer's entity for the stated place ({"id", "name", "lat", "lon"}); None when it knows none.
    entity: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    distance_km: Mapped[float | None] = mapped_column(Float)
    #: Why the place cannot be where the GPS point is, for a person; None when it can be.
    conflict: Mapped[str | None] = mapped_column(Text)
class VariantFingerprint(Base):
    """A photo's perceptual fingerprint (catalog.fingerprints) and its variant group (catalog.variants).

    A row with no fingerprint records that the pixels could not be read, so they are not tried again until the
    file changes (alembic 0008).
    """

    __tablename__ = "variant_fingerprint"

    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"), primary_key=True)
    #: Fingerprint.to_bytes(), or None when the file's pixels could not be read.
    fingerprint: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: The photo's file fingerprint (photo.fingerprint) when this was computed: another one means the file
    #: changed and the pixels are read again.
    file_fingerprint: Mapped[str] = mapped_column(String(64))
    #: "image" (the main image, decoded small) or "thumbnail" (a trusted embedded thumbnail).
    made_from: Mapped[str | None] = mapped_column(String(16))
    #: The variant group: the smallest photo id it held when it was made or merged (None: no variant known).
    group_id: Mapped[int | None] = mapped_column(Integer, index=True)
    #: Whether the photo was compared with the catalogue and put in its group (an import stores a fingerprint
    #: from a thumbnail without comparing: catalog.variants.bring_up_to_date does it).
    placed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), index=True)


class VariantPair(Base):
    """Two fingerprints compared (stage two's measures, catalog.likeness.Comparison), kept so that `similar:`
    reads what a placement or an earlier look-up measured instead of measuring it again (alembic 0011, 0012).

    A row holds the measures of the two fingerprints stored now: it goes with either one (the foreign keys'
    cascade), so a photo fingerprinted again (its file changed) or removed leaves no pair behind. The verdict
    is not kept: it depends on the house rules' thresholds and on the capture evidence, both read when asked.
    """

    __tablename__ = "variant_pair"
    __table_args__ = (Index("ix_variant_pair_other_id", "other_id", "photo_id"), {"sqlite_with_rowid": False})

    #: The smaller photo id of the two (the larger is `other_id`): one row a pair, found from either side.
    photo_id: Mapped[int] = mapped_column(ForeignKey("variant_fingerprint.photo_id", ondelete="CASCADE"),
                                          primary_key=True, autoincrement=False)
    other_id: Mapped[int] = mapped_column(ForeignKey("variant_fingerprint.photo_id", ondelete="CASCADE"),
                                          primary_key=True, autoincrement=False)
    #: likeness.MEASURES when this was measured: a row measured by another version of the comparison is
    #: measured again (and replaced) rather than read.
    measured_by: Mapped[int] = mapped_column(Integer)
    #: The mean residual; None when no alignment was found (likeness.FAR: far from everything).
    distance: Mapped[float | None] = mapped_column(Float)
    blob: Mapped[float | None] = mapped_column(Float)
    colour_blob: Mapped[float | None] = mapped_column(Float)
    overlap: Mapped[float | None] = mapped_column(Float)
    rotation: Mapped[float | None] = mapped_column(Float)
    #: The part of the larger picture the other shows, as fractions (Comparison.box).
    box_left: Mapped[float | None] = mapped_column(Float)
    box_top: Mapped[float | None] = mapped_column(Float)
    box_right: Mapped[float | None] = mapped_column(Float)
    box_bottom: Mapped[float | None] = mapped_column(Float)
    #: The worst 8×8 block of the residual before the edge allowance (Comparison.block, alembic 0012).
    block: Mapped[float | None] = mapped_column(Float)


class VariantBand(Base):
    """The index of the fingerprints' window hashes: one row per 16-bit band of each hash (multi-index
    hashing), so copies are found by exact look-ups of a few hundred keys (alembic 0008)."""

    __tablename__ = "variant_band"
    __table_args__ = (Index("ix_variant_band_photo_id", "photo_id"), {"sqlite_with_rowid": False})

    #: band << 16 | the band's 16 bits
    key: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    #: 0 for the whole picture, 1-9 for the windows a crop leaves, 10 for the whole picture's channel average
    #: (catalog.fingerprints.WINDOWS).
    window: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    photo_id: Mapped[int] = mapped_column(ForeignKey("photo.id", ondelete="CASCADE"), primary_key=True)
    #: The window's whole 64-bit hash as a signed integer: in the key, so a look-up reads the index alone.
    hash: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)


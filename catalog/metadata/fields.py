"""The field table: for each catalogue field, its EXIF tags, IIM datasets (with their length limits) and XMP paths.

One row per field, read by everything that maps fields to tags: the EXIF and IIM readers (which tags and
datasets to keep), the MWG reconciliation (reconcile.py: which copies to compare, in which order), the
write-back (catalog/writeback.py: which tags to change) and the sidecar builder (catalog/sidecars.py: which XMP
properties to write). Adding a row is all it takes for a field to be read, compared, written back and put in
sidecars; ``writeback`` and ``sidecar`` say whether it goes out again.

A worked example, the credit line::

    Field("credit", iim=(Dataset(2, 110, "credit", 32, "Credit"),),
          xmp=("photoshop:Credit", "Iptc4xmpCore:CreditLine"), xmp_written=("photoshop:Credit",),
          column="credit_line", record="credit.line", writeback=True, sidecar=True)

is read from IIM 2:110 and XMP photoshop:Credit (or, failing that, the IPTC Core 1.0 name CreditLine), compared
with the 32-octet IIM limit in mind, stored in the ``credit_line`` column, shown as ``credit.line`` in the JSON
record, and written back to 2:110 (cut at 32 octets on a character boundary) and photoshop:Credit only.

Precedence between the copies is the MWG's (see reconcile.py): EXIF first where the field has an EXIF tag, then
XMP or IIM as the IPTC digest says. XMP paths are tried in order; "a:B/c:D" steps into a structure (the first
item of an array on the way), e.g. the IPTC Extension's LocationCreated.

Rows are data, so that tests can add one (``monkeypatch.setattr(fields, "FIELDS", fields.FIELDS + (row,))``);
what the readers derive from the table (``lookups()``) follows when the tuple is replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

#: How a value is read and compared: one text; a list (keywords); people (a list joined "; "); an ISO 8601 date;
#: signed decimal degrees; a country code (ISO 3166 alpha-2 in XMP, alpha-3 in IIM: CN and CHN agree).
KINDS = ("text", "list", "people", "date", "degrees", "country")

#: How a value is written in XMP: a simple property, a language alternative (x-default), an ordered or
#: unordered array.
FORMS = ("simple", "alt", "seq", "bag")

#: XMP structures that fields write into, and the array that holds them (the IPTC Extension's LocationCreated is
#: a Bag of one location).
STRUCTURES = {"Iptc4xmpExt:LocationCreated": "bag", "Iptc4xmpExt:LocationShown": "bag", "plus:ImageSupplier": "seq"}

LOCATION_CREATED = "Iptc4xmpExt:LocationCreated"


@dataclass(frozen=True)
class ExifTag:
    """An EXIF tag: its IFD as exiv2 names it ("Image" for IFD0, "Photo", "GPSInfo"), its name and number."""

    group: str
    name: str
    number: int

    @property
    def key(self) -> str:
        """exiv2's key: Exif.Image.ImageDescription."""
        return f"Exif.{self.group}.{self.name}"


@dataclass(frozen=True)
class Dataset:
    """An IIM dataset: record and number, its name in the IIM 4.2 standard, its maximum length in octets (per value),
    exiv2's name for it, and whether it may repeat."""

    record: int
    number: int
    name: str
    limit: int
    exiv2: str
    repeatable: bool = False

    @cached_property
    def key(self) -> tuple[int, int]:
        return (self.record, self.number)

    @property
    def exiv2_key(self) -> str:
        """exiv2's key: Iptc.Application2.Caption."""
        return f"Iptc.{'Envelope' if self.record == 1 else 'Application2'}.{self.exiv2}"


@dataclass(frozen=True)
class Field:
    """One catalogue field and every place it lives in a file, in the catalogue and in the JSON record.

    ``exif`` and ``iim`` name the field's own tag or dataset first, then the parts a composite value is built
    from (the date's sub-seconds and offset, the GPS reference letter, IIM's time beside its date).
    """

    name: str  # the PhotoMetadata field
    kind: str = "text"  # one of KINDS
    exif: tuple[ExifTag, ...] = ()
    iim: tuple[Dataset, ...] = ()
    xmp: tuple[str, ...] = ()  # read in this order; the first non-blank value is the XMP copy
    #: XMP paths read only when no copy above gives a value (ExifTool's MWG composite is empty), never compared
    #: with the copies: the date of a file whose EXIF block is damaged or stripped but whose XMP kept it.
    fallback: tuple[str, ...] = ()
    form: str = "simple"  # one of FORMS: how the XMP value is written
    xmp_written: tuple[str, ...] | None = None  # the XMP paths written back and put in sidecars (None: all of xmp)
    column: str | None = None  # the Photo attribute the write-back reads
    record: str | None = None  # the JSON record's path ("credit.line") the sidecar builder reads
    writeback: bool = False  # `catalog write` puts it into the file
    sidecar: bool = False  # `catalog export --format xmp` puts it into the sidecar
    note: str = ""  # why the row is as it is: MWG precedence, differences from ExifTool

    # Derived once per row (the reader asks for them for every row of every photo).

    @cached_property
    def limit(self) -> int | None:
        """The IIM length limit of the field's own dataset, in octets."""
        return self.iim[0].limit if self.iim else None

    @cached_property
    def exif_name(self) -> str | None:
        """The name of the field's own EXIF tag, which ExifValues files the value under."""
        return self.exif[0].name if self.exif else None

    @cached_property
    def iim_key(self) -> tuple[int, int] | None:
        """(record, dataset) of the field's own IIM dataset."""
        return self.iim[0].key if self.iim else None

    @cached_property
    def xmp_roots(self) -> frozenset[str]:
        """The top-level XMP properties the field's paths start from (a structure's name for "a:B/c:D")."""
        return frozenset(path.split("/", 1)[0] for path in self.xmp + self.fallback)

    @cached_property
    def written_xmp(self) -> tuple[str, ...]:
        return self.xmp if self.xmp_written is None else self.xmp_written


def _place(name: str, dataset: Dataset, legacy: str, extension: str) -> Field:
    """A level of where the photo was taken: IIM, the legacy IPTC Core property, then LocationCreated."""
    return Field(
        name, kind="country" if name == "country_code" else "text", iim=(dataset,),
        xmp=(legacy, f"{LOCATION_CREATED}/Iptc4xmpExt:{extension}"), column=name, record=f"location.{name}",
        writeback=True, sidecar=True,
        note="where the photo was taken; ExifTool's MWG tags prefer LocationShown, which the reader reports apart",
    )


FIELDS: tuple[Field, ...] = (
    Field("caption", exif=(ExifTag("Image", "ImageDescription", 0x010E),),
          iim=(Dataset(2, 120, "caption/abstract", 2000, "Caption"),), xmp=("dc:description",), form="alt",
          column="caption", record="caption", writeback=True, sidecar=True, note="MWG Description"),
    Field("photographer", kind="people", exif=(ExifTag("Image", "Artist", 0x013B),),
          iim=(Dataset(2, 80, "by-line", 32, "Byline", repeatable=True),), xmp=("dc:creator",), form="seq",
          column="photographer", record="credit.photographer", writeback=True, sidecar=True,
          note="MWG Creator; several names are joined with '; ' (EXIF Artist's convention)"),
    Field("copyright", exif=(ExifTag("Image", "Copyright", 0x8298),),
          iim=(Dataset(2, 116, "copyright notice", 128, "Copyright"),), xmp=("dc:rights",), form="alt",
          column="copyright", record="credit.copyright", writeback=True, sidecar=True, note="MWG Copyright"),
    Field("taken", kind="date",
          exif=(ExifTag("Photo", "DateTimeOriginal", 0x9003), ExifTag("Photo", "SubSecTimeOriginal", 0x9291),
                ExifTag("Photo", "OffsetTimeOriginal", 0x9011)),
          iim=(Dataset(2, 55, "date created", 8, "DateCreated"), Dataset(2, 60, "time created", 11, "TimeCreated")),
          xmp=("photoshop:DateCreated",), fallback=("exif:DateTimeOriginal",),
          column="taken", record="taken", writeback=True, sidecar=True,
          note="MWG DateTimeOriginal; ISO 8601 at the precision known. When it is empty, XMP's copy of EXIF "
               "DateTimeOriginal (kept when the EXIF block was damaged or stripped)"),
    Field("title", iim=(Dataset(2, 5, "object name", 64, "ObjectName"),), xmp=("dc:title",), form="alt",
          column="title", record="title", sidecar=True),
    Field("headline", iim=(Dataset(2, 105, "headline", 256, "Headline"),), xmp=("photoshop:Headline",),
          column="headline", record="headline", sidecar=True),
    Field("credit", iim=(Dataset(2, 110, "credit", 32, "Credit"),),
          xmp=("photoshop:Credit", "Iptc4xmpCore:CreditLine"), xmp_written=("photoshop:Credit",),
          column="credit_line", record="credit.line", writeback=True, sidecar=True,
          note="MWG has none; XMP or IIM by the digest. CreditLine is IPTC Core 1.0's name: read, not written"),
    Field("source", iim=(Dataset(2, 115, "source", 32, "Source"),), xmp=("photoshop:Source",),
          column="source", record="credit.source", writeback=True, sidecar=True),
    Field("keywords", kind="list", iim=(Dataset(2, 25, "keywords", 64, "Keywords", repeatable=True),),
          xmp=("dc:subject",), form="bag", column="keywords", record="keywords", sidecar=True,
          note="MWG Keywords"),
    _place("sublocation", Dataset(2, 92, "sub-location", 32, "SubLocation"), "Iptc4xmpCore:Location", "Sublocation"),
    _place("city", Dataset(2, 90, "city", 32, "City"), "photoshop:City", "City"),
    _place("province", Dataset(2, 95, "province/state", 32, "ProvinceState"), "photoshop:State", "ProvinceState"),
    _place("country", Dataset(2, 101, "country name", 64, "CountryName"), "photoshop:Country", "CountryName"),
    _place("country_code", Dataset(2, 100, "country code", 3, "CountryCode"), "Iptc4xmpCore:CountryCode",
           "CountryCode"),
    Field("supplier", xmp=("plus:ImageSupplier/plus:ImageSupplierName",)),
    Field("make", exif=(ExifTag("Image", "Make", 0x010F),), xmp=("tiff:Make",), column="make", record="camera.make"),
    Field("model", exif=(ExifTag("Image", "Model", 0x0110),), xmp=("tiff:Model",), column="model",
          record="camera.model"),
    Field("lat", kind="degrees", exif=(ExifTag("GPSInfo", "GPSLatitude", 2), ExifTag("GPSInfo", "GPSLatitudeRef", 1)),
          xmp=("exif:GPSLatitude",), column="lat", record="location.lat", sidecar=True,
          note="only the camera's GPS goes into a sidecar, never the gazetteer's approximate point"),
    Field("lon", kind="degrees",
          exif=(ExifTag("GPSInfo", "GPSLongitude", 4), ExifTag("GPSInfo", "GPSLongitudeRef", 3)),
          xmp=("exif:GPSLongitude",), column="lon", record="location.lon", sidecar=True),
    # Read, not yet stored or written: the IPTC fields a desk asks for next.
    Field("created", kind="date", xmp=("xmp:CreateDate",),
          note="MWG CreateDate's XMP copy: when the file was made (for a scan, the day of the scan). A record "
               "takes it as taken only when neither the file nor the caption says when the photo was taken"),
    Field("instructions", iim=(Dataset(2, 40, "special instructions", 256, "SpecialInstructions"),),
          xmp=("photoshop:Instructions",), note="embargoes and other notes to editors"),
    Field("transmission_reference",
          iim=(Dataset(2, 103, "original transmission reference", 32, "TransmissionReference"),),
          xmp=("photoshop:TransmissionReference",), note="the job or story identifier a wire gives a picture"),
    Field("usage_terms", xmp=("xmpRights:UsageTerms",), form="alt", note="rights usage terms (IPTC Core)"),
    Field("web_statement", xmp=("xmpRights:WebStatement",), note="the URL of the licence or copyright page"),
    Field("digital_source_type", xmp=("Iptc4xmpExt:DigitalSourceType",),
          note="a URI under http://cv.iptc.org/newscodes/digitalsourcetype/ (digitalCapture, "
               "trainedAlgorithmicMedia, ...)"),
)


@dataclass(frozen=True)
class Lookups:
    """What the readers derive from one version of the table: which IIM datasets and EXIF tags to keep."""

    table: tuple[Field, ...]
    by_name: dict[str, Field] = field(default_factory=dict)
    datasets: dict[tuple[int, int], Dataset] = field(default_factory=dict)  # every dataset a field reads
    exif_tags: dict[str, frozenset[int]] = field(default_factory=dict)  # IFD group -> tag numbers read there
    exif_fields: tuple[Field, ...] = ()  # the fields with an EXIF tag
    #: (IFD group, kind, tag numbers, the first tag's name) of each field with an EXIF tag: the EXIF reader's loop
    exif_plan: tuple[tuple[str, str, tuple[int, ...], str], ...] = ()

    @classmethod
    def of(cls, table: tuple[Field, ...]) -> Lookups:
        datasets = {dataset.key: dataset for row in table for dataset in row.iim}
        # IFD0 ("Image") is also where the pointers to the EXIF and GPS IFDs are, and the Orientation.
        groups: dict[str, set[int]] = {"Image": {0x8769, 0x8825, 0x0112}, "Photo": set(), "GPSInfo": set()}
        for row in table:
            for tag in row.exif:
                groups.setdefault(tag.group, set()).add(tag.number)
        # A tag of the EXIF IFD that a writer put in IFD0 instead (DateTimeOriginal in scanners' and some
        # editors' TIFFs) is read there too, as ExifTool does: IFD0 is read for those numbers as well.
        groups["Image"] |= groups["Photo"]
        exif_fields = tuple(row for row in table if row.exif)
        return cls(
            table, {row.name: row for row in table}, datasets,
            {group: frozenset(numbers) for group, numbers in groups.items()}, exif_fields,
            tuple((row.exif[0].group, row.kind, tuple(tag.number for tag in row.exif), row.exif[0].name)
                  for row in exif_fields),
        )


_lookups: Lookups | None = None


def lookups() -> Lookups:
    """The look-ups of the current FIELDS, made again when the tuple has been replaced."""
    global _lookups
    if _lookups is None or _lookups.table is not FIELDS:
        _lookups = Lookups.of(FIELDS)
    return _lookups


def field_named(name: str) -> Field:
    """The row of a field by its name: field_named("credit").column == "credit_line"."""
    return lookups().by_name[name]


def describe(rows: tuple[Field, ...] | None = None) -> str:
    """The table as Markdown, one line per field, for documentation that cannot drift from the rows.

    >>> print(describe((field_named("credit"),)).splitlines()[2])
    | credit | - | 2:110 (32) | photoshop:Credit, Iptc4xmpCore:CreditLine | yes | yes |
    """
    lines = ["| field | EXIF | IIM (octets) | XMP | written back | sidecar |", "|---|---|---|---|---|---|"]
    for row in FIELDS if rows is None else rows:
        exif = " + ".join(tag.name for tag in row.exif) or "-"
        iim = " + ".join(f"{d.record}:{d.number:02d}" for d in row.iim) + (f" ({row.limit})" if row.iim else "-")
        xmp = ", ".join(row.xmp) or "-"
        lines.append(f"| {row.name} | {exif} | {iim} | {xmp} | {'yes' if row.writeback else '-'} | "
                     f"{'yes' if row.sidecar else '-'} |")
    return "\n".join(lines)

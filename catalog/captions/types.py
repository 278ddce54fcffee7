"""What the caption parser finds in caption prose: credit, date and place, as the caption states them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Credit:
    """A caption's credit line split into its parts (../shared/captions/README.md has the labelling rules)."""

    raw: str | None = None  # "Photo/Zhang Dagang", "AP Photo/Andy Wong", "REUTERS/Go Nakamura"
    photographer: str | None = None
    agency: str | None = None  # standardised: "AP", "Reuters", "Xinhua", "Getty Images", "EPA-EFE", ...
    provider: str | None = None  # handout / courtesy source


@dataclass
class Place:
    """A place as written in the caption; no level is guessed from another."""

    sublocation: str | None = None
    city: str | None = None
    province: str | None = None
    country: str | None = None

    def note(self, how: str, written: str) -> str:
        """Where the place was read, for `parse-caption --explain`.

        >>> Place(city="Hefei", province="Anhui").note("dateline", "HEFEI, Anhui")
        "place read from the dateline from 'HEFEI, Anhui': city 'Hefei', province 'Anhui'"
        """
        values = [f"{level} {getattr(self, level)!r}" for level in ("sublocation", "city", "province", "country")
                  if getattr(self, level)]
        if not values:
            return "place: none read (no place phrase the tables or the gazetteer know)"
        where = f" from {written.strip()!r}" if written.strip() else ""
        return f"place read from the {how or 'scene sentence'}{where}: {', '.join(values)}"


@dataclass
class CaptionFacts:
    """The result of ``catalog.captions.parse(text)``.

    ``date`` is ISO at the precision written ("2025-10-14", "2025-10", "2025") or None;
    ``date_kind`` is "taken", "released" or None; ``date_text`` holds a date written without a year.
    ``released`` is the release date whenever the caption gives one: beside a taken date (both can appear
    in one caption), or equal to ``date`` when ``date_kind`` is "released".
    """

    text: str
    description: str | None = None
    credit: Credit = field(default_factory=Credit)
    date: str | None = None
    date_kind: str | None = None
    date_text: str | None = None
    released: str | None = None
    location: Place = field(default_factory=Place)
    language: str = "en"  # "en", "zh" or "mixed" (a caption with a Chinese and an English part)
    #: Why each value was taken or left out, for `parse-caption --explain` (filled when asked).
    notes: list[str] = field(default_factory=list, repr=False, compare=False)
    #: How each value was found, as an evidence kind ("en / credit / a name alone / own line"), which the
    #: confidence gate (``confidence.py``) weighs; by field name.
    evidence: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def to_json(self) -> dict:
        """The ``parse-caption --format json`` object (the contract in the README)."""
        return {
            "text": self.text,
            "description": self.description,
            "credit": asdict(self.credit),
            "date": self.date,
            "date_kind": self.date_kind,
            "date_text": self.date_text,
            "released": self.released,
            "location": asdict(self.location),
            "language": self.language,
        }

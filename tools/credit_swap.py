"""The credit-swap probe: tune captions with the photographer and the outlet of their credit line swapped for
invented names of many shapes, to show where the credit reader reads a name it knows rather than the credit's shape.

    python -m tools.credit_swap                            # the figures: originals beside their variants
    python -m tools.credit_swap --show-lost photographer   # every variant whose photographer the original had right
    python -m tools.credit_swap --write /tmp/swaps.jsonl   # the variants as a labelled set (never under tests/)

Captions from outlets the parser has never met name photographers and outlets no table holds. So this probe
takes the English tune captions whose credit line stands in the text as written, and writes variants of each
with, inside the credit line only, the labels changed to match:

- the **photographer**, where the label stands in the credit as written, replaced by an invented person of one
  of several shapes (two words, three words, initials, a hyphen, a particle such as "van der" or "de",
  diacritics, all in capitals as some wires write them), written in capitals when the original was, and with
  the surname in capitals when the original's was ("Geoff ROBIN");
- the **agency**, where its standard name stands in the credit as written ("Reuters" in "REUTERS/Name", "AP" in
  "AP Photo/Name"), replaced by an invented outlet of one of several shapes ("Quorvan Daily", "The Lindt
  Herald", "Lindt Press Agency", "QPA", a paper's domain, a chain "Quorva Herald/QNS"). The registry cannot know
  an invented outlet, so by the sets' contract (``../shared/captions/README.md``) the agency label is the outlet
  as written and the provider is unchanged; in a chain the agency is the last organisation written, the first
  accepted as an ``alt`` (and the last as the provider, as the contract accepts for "REUTERS/Kyodo"). An
  acronym is swapped in only beside a photographer ("QPA/Ana Ruiz"): alone ("Photo: QPA") it may as well name
  a source.

The choices are seeded per caption (``--seed`` and the caption's key), so a run is repeatable and a caption's
variants do not depend on which others are read. Only the tune split is read. The report gives each field's
accuracy on the originals (counted once per variant) and on the variants, and how many variants *lost* a field
their original had right: a credit the parser reads from the names it knows, not from the credit's shape.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from collections.abc import Sequence

from tools import place_swap
from tools.evaluate_captions import FIELDS
from tools.place_swap import Outcome, Probe, probe_command, probe_of, probe_table

#: The fields a swap changes, whose figures the report leads with.
CREDIT_FIELDS = ("photographer", "agency", "provider")

#: Invented given names and surnames: no table of the parser's holds them.
GIVEN = ("Quorva", "Tovik", "Maren", "Elsabet", "Brisko", "Odalin", "Vessa", "Jorund", "Kalinde", "Ysolde",
         "Parvin", "Tamsk", "Lirio", "Ondreja", "Hesper", "Casimo")
SURNAMES = ("Lindt", "Quorran", "Vellacott", "Brannagh", "Oskvold", "Tremaine", "Dravik", "Halloran", "Mireaux",
            "Kestrin", "Pallister", "Voskuij", "Andrelli", "Thorvaldt", "Ruskani", "Zelenko")
#: Given names and surnames with letters other than ASCII's.
GIVEN_MARKED = ("Zoë", "Józef", "Ağnes", "Renée", "Søren", "Łukas", "Thảo", "Xiména")
SURNAMES_MARKED = ("Quörvá", "Lindtová", "Brännagh", "Oskvøld", "Mireaüx", "Kestrinović", "Ruşkani", "Nguyễn-Vell")
PARTICLES = ("van", "van der", "de", "da", "von", "di", "dos", "le", "bin", "al-")


def _surname(rng: random.Random) -> str:
    return rng.choice(SURNAMES)


def invented_person(rng: random.Random, shape: str) -> str:
    """An invented person's name of the shape asked for ("two", "three", "initials", "hyphen", "particle",
    "diacritics", "capitals")."""
    given, surname = rng.choice(GIVEN), _surname(rng)
    if shape == "three":
        return f"{given} {rng.choice([g for g in GIVEN if g != given])} {surname}"
    if shape == "initials":
        return rng.choice([f"{given[0]}.{rng.choice(GIVEN)[0]}. {surname}", f"{given[0]}. {surname}",
                           f"{given} {rng.choice(GIVEN)[0]}. {surname}"])
    if shape == "hyphen":
        other = rng.choice([g for g in GIVEN if g != given])
        return rng.choice([f"{given}-{other} {surname}", f"{given} {surname}-{rng.choice(SURNAMES)}"])
    if shape == "particle":
        particle = rng.choice(PARTICLES)
        return f"{given} {particle}{surname}" if particle.endswith("-") else f"{given} {particle} {surname}"
    if shape == "diacritics":
        return f"{rng.choice(GIVEN_MARKED)} {rng.choice(SURNAMES_MARKED)}"
    if shape == "capitals":
        return f"{given} {surname}".upper()
    return f"{given} {surname}"


PERSON_SHAPES = ("two", "three", "initials", "hyphen", "particle", "diacritics", "capitals")

#: Invented places for the outlets' names.
OUTLET_TOWNS = ("Quorva", "Lindt", "Brannock", "Vellmar", "Oskeby", "Tremadoc", "Kestrel Bay", "Dravenmoor")
OUTLET_ADJECTIVES = ("Quorvan", "Lindtish", "Vellmarese", "Oskeban")


def invented_outlet(rng: random.Random, shape: str) -> tuple[str, str, list[str]]:
    """An invented outlet of the shape asked for: (as written in the credit, its agency label, other labels
    accepted)."""
    town = rng.choice(OUTLET_TOWNS)
    if shape == "daily":
        name = rng.choice([f"{rng.choice(OUTLET_ADJECTIVES)} Daily", f"{town} Daily News", f"Daily {town}"])
    elif shape == "paper":
        name = rng.choice([f"The {town} Herald", f"{town} Times", f"{town} Gazette", f"The {town} Post-Courier",
                           f"{town} Evening Star", f"{town} Tribune"])
    elif shape == "agency":
        name = rng.choice([f"{town} Press Agency", f"{rng.choice(OUTLET_ADJECTIVES)} News Agency",
                           f"{town} Photo Agency", f"{town} Media"])
    elif shape == "acronym":
        name = rng.choice(["QPA", "LNA", "QNS", "VMP", "OBN"])
    elif shape == "domain":
        name = rng.choice([f"{town.replace(' ', '').lower()}news.com", f"{town.replace(' ', '')}Today.com",
                           f"{town.replace(' ', '').lower()}post.net"])
    elif shape == "chain":
        first = rng.choice([f"{town} Herald", f"The {town} Courier", f"{town} Sentinel"])
        last = rng.choice(["QNS", "LNA", "VMP"])
        return f"{first}/{last}", last, [first]
    else:
        raise ValueError(shape)
    return name, name, []


OUTLET_SHAPES = ("daily", "paper", "agency", "acronym", "domain", "chain")


# --- swapping names in a credit ------------------------------------------------------------------------------


def _word(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'’.-])" + re.escape(name) + r"(?![\w'’-])", re.IGNORECASE)


def _cased(new: str, written: str, outlet: bool = False) -> str:
    """The new name written in the old one's case: all capitals, the surname in capitals, or as invented (an
    outlet's capitals only where the old name was a word in capitals, "REUTERS", not an acronym, "AFP")."""
    letters = [ch for ch in written if ch.isalpha()]
    if len(letters) > (4 if outlet else 1) and all(ch.isupper() for ch in letters):
        return new.upper()
    words = written.split()
    if len(words) >= 2 and words[-1].isupper() and len(words[-1]) > 1 and not words[0].isupper():
        head, _, last = new.rpartition(" ")
        return f"{head} {last.upper()}" if head else new
    return new


def credit_span(item: dict) -> tuple[int, int] | None:
    """Where the credit line stands in the text (its first occurrence), or None when it is not written as is."""
    raw = (item.get("credit") or {}).get("raw")
    if not raw:
        return None
    start = item["text"].find(raw)
    return (start, start + len(raw)) if start >= 0 else None


#: What stands before an outlet that is a whole part of a credit: its start, a separator, a lead-in's last word.
_PART_BEFORE = r"(?:^|(?<=[/|(\[:,—–©])|(?<=[/|(\[:,—–©-] )|(?<=\bby )|(?<=\bvia )|(?<=\bfor )|(?<=\bBY )|(?<=\bVIA ))"
#: What stands after one: its end, a separator, or a picture's word ("AP Photo/Name", "Bernama pic").
_PART_AFTER = r"(?=\s*(?:$|[/|)\]:,—–]|\s-\s)|\s+(?:Photos?|PHOTOS?|photos?|pic|Pic|PIC|Photo by|photo by)\b)"


def swap_in_credit(item: dict, old: str, new: str, whole_part: bool) -> dict | None:
    """The item with ``old`` replaced by ``new`` (in the old one's case) everywhere it stands in the credit line
    (every copy of the credit line in the text), and in ``credit.raw``; None when it does not stand there. A
    person's name must be written as labelled; an outlet (``whole_part``), in any case, must be a whole part of the
    credit ("Reuters" in "REUTERS/Name", "AP" in "AP Photo/Name"; not "AL.com" in "preps@al.com", nor "ZUMA Press"
    in "ZUMA Press Wire", a name the registry reads as one)."""
    raw = (item.get("credit") or {}).get("raw")
    if credit_span(item) is None:
        return None
    if whole_part:
        pattern = re.compile(_PART_BEFORE + re.escape(old) + _PART_AFTER, re.IGNORECASE)
    else:
        pattern = re.compile(r"(?<![\w'’.@-])" + re.escape(old) + r"(?![\w'’@-])")
    if not pattern.search(raw):
        return None
    new_raw = pattern.sub(lambda hit: _cased(new, hit.group(0), whole_part), raw)
    text = item["text"].replace(raw, new_raw)
    return {**item, "text": text, "credit": {**item["credit"], "raw": new_raw}}


def _labelled(item: dict, name: str, value: str | None, alts: list[str] | None = None) -> dict:
    """The item with a credit field's label set and its alts replaced (none when ``alts`` is None)."""
    swapped = {**item, "credit": {**item["credit"], name: value}}
    alt = {key: list(values) for key, values in (item.get("alt") or {}).items() if key != name}
    if alts:
        alt[name] = alts
    if alt:
        swapped["alt"] = alt
    else:
        swapped.pop("alt", None)
    return swapped


def _usable_person(item: dict) -> str | None:
    credit = item.get("credit") or {}
    person = credit.get("photographer")
    if not person or len(person) < 4 or any(person.casefold() == (credit.get(other) or "").casefold()
                                            for other in ("agency", "provider")):
        return None
    return person


def person_variants(item: dict, rng: random.Random, count: int) -> list[tuple[str, dict, list[tuple[str, str]]]]:
    """Up to ``count`` variants of a caption with its photographer swapped for an invented person: (kind, item,
    swaps)."""
    person = _usable_person(item)
    if person is None or credit_span(item) is None:
        return []
    shapes = list(PERSON_SHAPES)
    rng.shuffle(shapes)
    found = []
    for number in range(count):
        shape = shapes[number % len(shapes)]
        new = invented_person(rng, shape)
        variant = swap_in_credit(item, person, new, whole_part=False)
        if variant is None:
            return found
        written = _cased(new, person)
        alts = [a for a in (item.get("alt") or {}).get("photographer", []) if a is None]
        labelled = _labelled(variant, "photographer", written, alts or None)
        for other in ("agency", "provider"):  # ("courtesy of Ana Ruiz": her name may be accepted as the provider)
            if other in labelled.get("alt", {}):
                labelled["alt"][other] = [written if value == person else value for value in labelled["alt"][other]]
        found.append(("person:" + shape, labelled, [(person, written)]))
    return found


def outlet_variants(item: dict, rng: random.Random, count: int) -> list[tuple[str, dict, list[tuple[str, str]]]]:
    """Up to ``count`` variants of a caption with its agency swapped for an invented outlet: (kind, item, swaps)."""
    credit = item.get("credit") or {}
    agency = credit.get("agency")
    person = credit.get("photographer") or ""
    if not agency or credit_span(item) is None or (person and _word(agency).search(person)):
        return []
    shapes = list(OUTLET_SHAPES)
    rng.shuffle(shapes)
    found = []
    for number in range(count):
        shape = shapes[number % len(shapes)]
        if shape == "acronym" and not person:
            shape = "paper"  # (an unknown acronym alone, "Photo: QPA", "(QPA)", may be a source or no credit)
        written, label, others = invented_outlet(rng, shape)
        variant = swap_in_credit(item, agency, written, whole_part=True)
        if variant is None:
            return found
        if written.upper() != written and written.upper() in variant["credit"]["raw"]:
            label, others = label.upper(), [other.upper() for other in others]  # (folded in scoring anyway)
        labelled = _labelled(variant, "agency", label, others or None)
        if shape == "chain" and not credit.get("provider"):
            # "Quorva Herald/QNS": the contract's "news agency in the photographer slot" (REUTERS/Kyodo), where the
            # second may be accepted as the provider
            labelled["alt"] = {**labelled.get("alt", {}), "provider": [label]}
        found.append(("outlet:" + shape, labelled, [(agency, written)]))
    return found


def make_probe(items: Sequence[dict], seed: int = 31, people: int = 3, outlets: int = 2) -> Probe:
    """The variants of every caption that has a photographer or an agency to swap (seeded per caption)."""
    return probe_of(items, str(seed), lambda item, rng: (
        person_variants(item, rng, people) + outlet_variants(item, rng, outlets)))


def report(probe: Probe, outcome: Outcome, title: str = "credit-swap probe: {captions} English tune captions") -> str:
    """The probe's table: each field on the originals and on the variants, and the fields lost by kind of swap
    (`title` names the captions; ``{captions}`` is their count)."""
    kinds = Counter(variant.kind.split(":")[0] for variant in probe.variants)
    title = (f"{title.format(captions=len(probe.originals))}, {len(probe.variants)} variants ({kinds['person']} "
             f"with the photographer swapped, {kinds['outlet']} with the agency)")
    return probe_table(title, probe, outcome, CREDIT_FIELDS, FIELDS)


def around_the_credit(item: dict, longest: int = 300, before: int = 150, after: int = 60) -> str:
    """A variant's text to show: one longer than `longest` characters from `before` characters ahead of its credit
    line to `after` past it."""
    span = credit_span(item)
    text = item["text"].replace("\n", " ")
    if span is not None and len(text) > longest:
        text = "..." + item["text"][max(0, span[0] - before):span[1] + after].replace("\n", " ")
    return text


def show_lost(outcome: Outcome, fields: Sequence[str]) -> str:
    """Each variant that lost one of the fields given: the kind, what the parser read, the credit line."""
    return place_swap.show_lost(outcome, fields, around_the_credit)


#: The probe's options of how many variants a caption gets (both languages' probes): option, default, help.
VARIANT_COUNTS = [("people", 3, "photographer variants per caption"), ("outlets", 2, "agency variants per caption")]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: print the probe's table (and the lost fields, when asked)."""
    return probe_command(argv, prog="python -m tools.credit_swap", doc=__doc__, language="en", seed=31,
                         counts=VARIANT_COUNTS, fields=CREDIT_FIELDS, make=make_probe, report=report,
                         excerpt=around_the_credit)


if __name__ == "__main__":
    sys.exit(main())

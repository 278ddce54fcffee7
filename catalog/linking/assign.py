"""From points to confidence: every assignment of captions to photos weighed at once, then the links chosen."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence

from catalog.linking.evidence import score
from catalog.linking.model import (
    ENUMERATION_LIMIT,
    KEEP,
    NOT_HERE,
    Caption,
    Evidence,
    Link,
    LinkReport,
    Pairing,
    Unlinked,
)
from catalog.models import Photo

# --- from points to confidence ------------------------------------------------------------------------------


def link_probabilities(
    points: Sequence[Sequence[float | None]], *, not_here: float = NOT_HERE, keep: int = KEEP
) -> list[list[float]]:
    """The probability of each link, ``points[i][j]`` being the evidence for caption i and photo j.

    None marks a pair that may not be linked. Every one-to-one assignment (a caption may also go to "not
    here", worth ``not_here``) is weighed by e^(its points); a link's probability is the weight of the
    assignments holding it over the total. Captions that compete for no photo are computed apart; a group
    too large to enumerate falls back to each caption on its own (its competitors ignored).

    >>> [round(p, 2) for p in link_probabilities([[0.0]])[0]]
    [0.33]
    >>> [[round(p, 2) for p in row] for row in link_probabilities([[5.0, 4.0], [4.5, None]])]
    [[0.09, 0.9], [0.91, 0.0]]
    """
    m = len(points)
    n = max((len(row) for row in points), default=0)
    options: list[list[tuple[int, float]]] = []
    nothing: list[float] = []
    for row in points:
        scored = sorted(((j, s) for j, s in enumerate(row) if s is not None), key=lambda js: -js[1])
        top = max([not_here] + [s for _, s in scored[:1]])
        kept = [(j, math.exp(s - top)) for j, s in scored[:keep]]
        tail = sum(math.exp(s - top) for _, s in scored[keep:])
        options.append(kept)
        nothing.append(math.exp(not_here - top) + tail)
    result = [[0.0] * n for _ in range(m)]
    for group in _groups(options):
        if math.prod(len(options[i]) + 1 for i in group) <= ENUMERATION_LIMIT:
            _enumerate(group, options, nothing, result)
        else:
            for i in group:
                total = nothing[i] + sum(w for _, w in options[i])
                for j, w in options[i]:
                    result[i][j] = w / total
    return result


def _groups(options: list[list[tuple[int, float]]]) -> list[list[int]]:
    """Captions that share a candidate photo, directly or through others."""
    parent = list(range(len(options)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[int, int] = {}
    for i, kept in enumerate(options):
        for j, _ in kept:
            if j in owner:
                parent[root(i)] = root(owner[j])
            else:
                owner[j] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(options)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _enumerate(group, options, nothing, result) -> None:
    totals: list[dict[int | None, float]] = [{} for _ in group]
    used: set[int] = set()
    chosen: list[int | None] = []
    grand = 0.0

    def visit(k: int, weight: float) -> None:
        nonlocal grand
        if k == len(group):
            grand += weight
            for position, j in enumerate(chosen):
                totals[position][j] = totals[position].get(j, 0.0) + weight
            return
        i = group[k]
        chosen.append(None)
        visit(k + 1, weight * nothing[i])
        chosen.pop()
        for j, w in options[i]:
            if j not in used:
                used.add(j)
                chosen.append(j)
                visit(k + 1, weight * w)
                chosen.pop()
                used.discard(j)

    visit(0, 1.0)
    for position, i in enumerate(group):
        for j, weight in totals[position].items():
            if j is not None:
                result[i][j] = weight / grand


def choose(pairings: list[list[Pairing]], threshold: float) -> tuple[list[Pairing], list[Pairing | None]]:
    """The links (greedy by confidence, each caption and photo once, at or above ``threshold``), and for every
    caption left alone its likeliest candidate (None when it had none)."""
    flat = sorted((p for row in pairings for p in row if p.allowed), key=lambda p: -p.confidence)
    taken_captions: set[int] = set()
    taken_photos: set[int] = set()
    links = []
    for pairing in flat:
        if pairing.confidence < threshold:
            break
        if pairing.caption.number in taken_captions or id(pairing.photo) in taken_photos:
            continue
        links.append(pairing)
        taken_captions.add(pairing.caption.number)
        taken_photos.add(id(pairing.photo))
    best = []
    for row in pairings:
        if row and row[0].caption.number in taken_captions:
            continue
        allowed = [p for p in row if p.allowed]
        best.append(max(allowed, key=lambda p: (p.confidence, p.points)) if allowed else None)
    return links, best


def link(
    captions: Sequence[Caption],
    photos: Sequence[Photo],
    *,
    gazetteer,
    threshold: float = 0.5,
    ordered: bool = False,
    named: bool = False,
    article: str = "",
) -> LinkReport:
    """Weigh every caption against every photo and link those whose confidence reaches ``threshold``."""
    pairings = score(captions, photos, gazetteer=gazetteer, ordered=ordered, named=named)
    points = [[p.points if p.allowed else None for p in row] for row in pairings]
    probabilities = link_probabilities(points)
    alone = [link_probabilities([row])[0] for row in points]
    for i, row in enumerate(pairings):
        for j, pairing in enumerate(row):
            pairing.confidence = probabilities[i][j]
    chosen, best = choose(pairings, threshold)
    links = []
    for pairing in chosen:
        i = pairing.caption.number - 1
        j = next(k for k, p in enumerate(pairings[i]) if p is pairing)
        evidence = list(pairing.evidence)
        if pairing.confidence - alone[i][j] >= 0.1:
            others = [
                os.path.basename(other.photo.path)
                for other in chosen
                if other is not pairing and alone[i][_index(pairings[i], other.photo)] >= 0.05
            ]
            reason = "the other candidates are better matches for other captions"
            reason += f" ({', '.join(others)})" if others else ""
            evidence.append(Evidence("elimination", 0.0, reason))
        links.append(Link(pairing.caption, pairing.photo, pairing.confidence, evidence))
    linked = {link.caption.number for link in links}
    unlinked = [Unlinked(c, b) for c, b in zip([c for c in captions if c.number not in linked], best)]
    links.sort(key=lambda found: found.caption.number)
    return LinkReport(article, links, unlinked, threshold, len(photos))


def _index(row: list[Pairing], photo: Photo) -> int:
    return next(k for k, p in enumerate(row) if p.photo is photo)

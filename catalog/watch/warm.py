"""Loading, before the first photo arrives, what reading the first one would load.

The first photo a process reads pays for the readers' imports, the caption parser's patterns and the
gazetteer with its index of alternate names: several seconds on a busy machine, which would make the first
arrival of the day late. A watcher pays them when it starts, and so do its reader processes: the forkserver
they are forked from preloads catalog.watch._preload, which calls warm_up.
"""

from __future__ import annotations

import multiprocessing

#: A caption with a credit, a date and a place the gazetteer knows only by an alternate name.
SAMPLE_CAPTION = ("A view of Hefei, capital of east China's Anhui Province, Oct. 14, 2025. "
                  "(Xinhua/Zhang Dagang)")


def warm_up(rules=None) -> None:
    """Import the readers, compile the caption parser, load the gazetteer and build its indexes."""
    import catalog.metadata.reader
    import catalog.records  # noqa: F401
    from catalog.captions import parse
    from catalog.places import get_gazetteer

    parse(SAMPLE_CAPTION, rules)
    gazetteer = get_gazetteer()
    gazetteer.place(city="Hefei", province="Anhui", country="China")
    gazetteer.place(city="Not A Real City Name")  # a miss builds the index of alternate names
    gazetteer.reverse(31.82, 117.23)


def warm_readers() -> None:
    """Have reader processes start warm: they are forked from a forkserver that runs warm_up once, when
    the first batch large enough for reader processes (or a HEIF file, read apart) starts it."""
    multiprocessing.set_forkserver_preload(["catalog.watch._preload"])

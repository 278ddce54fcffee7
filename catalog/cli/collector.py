"""The cyclic garbage collector paused while `catalog` starts: from the import of catalog.cli until the command's
own module is imported (`CatalogGroup.resolve_command`).

Start-up imports click and the command's modules: tens of thousands of functions, classes and dictionaries, none
of them garbage, and the collector walked them again every few hundred allocations, and twice more at exit. When
`catalog` runs as its own process (not under a test's CliRunner) they are then frozen (`gc.freeze`): no later
collection walks them. The command itself runs with the collector on (an import of 10,000 files needs it).

>>> pause(); import gc; gc.isenabled()
False
>>> resume(); gc.isenabled()
True
"""

from __future__ import annotations

import gc

_paused = False
_freeze = False


def pause(*, freeze: bool = False) -> None:
    """Stop the collector, when it runs, until `resume`; `freeze`: `resume` then moves every object made so far out
    of the collector's reach for good (`gc.freeze`): for a process that runs one command and exits, whose start-up
    objects (modules, classes, functions) live to the end. The collections at exit no longer walk them either."""
    global _paused, _freeze
    if gc.isenabled():
        gc.disable()
        _paused, _freeze = True, freeze


def resume() -> None:
    """Start the collector again if `pause` stopped it (a second call does nothing)."""
    global _paused
    if _paused:
        _paused = False
        if _freeze:
            gc.freeze()
        gc.enable()

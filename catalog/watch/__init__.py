"""The hot folder: `catalog watch` keeps the catalogue in step with folders that pictures arrive in.

Files are read only once whole (catalog.watch.settle: size and time stood still for the settle time, not
under a temporary name (catalog.watch.names), the format's end is there (catalog.watch.complete)); they are
imported with the import's own readers and batch writer (catalog.watch.intake), new photos get the house
rules' arrival values (catalog.watch.arrival), and the loop (catalog.watch.watcher) follows the operating
system's file events through watchdog, with a rescan on start and now and then as a safety net.

>>> from catalog.watch import Options, Watcher                                    # doctest: +SKIP
>>> Watcher(lib, ["/srv/ftp/wires"], options=Options(settle=2)).run(stop_event)   # doctest: +SKIP
"""

from catalog.watch.intake import EVENTS, Outcome
from catalog.watch.watcher import Options, Watcher, stop_on_signals

__all__ = ["EVENTS", "Options", "Outcome", "Watcher", "stop_on_signals"]

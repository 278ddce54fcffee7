"""Imported by the forkserver that reader processes are forked from, so that each starts warm (see warm.py)."""

from catalog.watch.warm import warm_up

warm_up()

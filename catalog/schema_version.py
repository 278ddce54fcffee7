"""The schema revision this version of catalog reads and writes, in a module that imports nothing.

`catalog.db` upgrades a catalogue to it; `catalog.quick_search` reads a catalogue without SQLAlchemy only when
the catalogue is at it (one query), and leaves any other to `catalog.db`.

>>> len(SCHEMA_HEAD)
4
"""

#: The newest migration in alembic/versions. A test checks that it is the Alembic head; keeping it here lets
#: an up-to-date catalogue open without importing Alembic at all (start-up time matters for every command).
SCHEMA_HEAD = "0009"

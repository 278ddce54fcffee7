"""Registers every command module on the `catalog` group; a new command module is added here."""

from catalog.cli import importing, photos, searching  # noqa: F401
from catalog.cli import moving  # noqa: F401
from catalog.cli import web  # noqa: F401
from catalog.cli import linking  # noqa: F401
from catalog.cli import maintenance  # noqa: F401
from catalog.cli import writing  # noqa: F401

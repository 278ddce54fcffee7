"""catalog: a catalogue of press photos, with their captions, credits, dates and places."""

__version__ = "0.1.0"

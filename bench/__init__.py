"""The performance benchmark (run.py) and the corpus it builds (corpus.py); see README.md here."""

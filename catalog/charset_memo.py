"""Compiling the Chinese caption patterns without visiting each Han character again for every pattern.

Python's regular-expression compiler (``re._compiler``) turns a character class into a table by setting one
entry per character of each range, in Python: the Han ranges (``[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]``,
28,000 characters) cost about a millisecond each time a pattern holds them, and the Chinese caption patterns
hold them a few hundred times. A reader process meeting its first Chinese caption spent about 0.11 s of CPU there,
half of it on those tables (``python -c`` over one caption after an English one, warm place memo: 0.113 s, 0.064
with this).

``install()`` makes the compiler remember the table of each class it has built, by the class's items, so a class
met again is not rebuilt. The step is a pure function of its arguments (the class's items and the case-folding
functions, which are the same objects for every pattern of a process), so a remembered answer is the answer;
the compiled patterns are the same (tests/test_charset_memo.py compares their code). It is installed only on a
Python whose compiler has the step under the name and parameters it was written for (3.11 to 3.13); elsewhere
nothing changes and patterns compile as before.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import threading
from collections.abc import Callable

#: The step's parameters, as Python 3.11-3.13 name them.
_PARAMETERS = ["charset", "iscased", "fixup", "fixes"]
#: Distinct classes remembered at most (a process compiles a few hundred; a bound keeps a pathological one small).
_MOST = 4096

_lock = threading.Lock()
_installed = False


def install() -> bool:
    """Remember built character classes from now on in this process; False when this Python's compiler is not
    the one this was written for (nothing is changed then). Calling it again does nothing more."""
    global _installed
    with _lock:
        if _installed:
            return True
        try:
            compiler = importlib.import_module("re._compiler")
        except ImportError:  # Python before 3.11 (sre_compile): not ours to patch
            return False
        original = getattr(compiler, "_optimize_charset", None)
        if original is None or list(inspect.signature(original).parameters) != _PARAMETERS:
            return False
        setattr(compiler, "_optimize_charset", _remembering(original))  # noqa: B010 - a private name
        _installed = True
        return True


def _remembering(original: Callable) -> Callable:
    known: dict = {}

    @functools.wraps(original)  # (its __wrapped__ is the compiler's own step)
    def optimize_charset(charset, iscased=None, fixup=None, fixes=None):
        try:
            # (fixes: the compiler's one table of case-insensitive equivalents, the same object every time)
            key = (tuple(charset), iscased, fixup, None if fixes is None else id(fixes))
            found = known.get(key)
        except TypeError:  # an item that cannot be a key: build it as before
            return original(charset, iscased, fixup, fixes)
        if found is None:
            found = original(charset, iscased, fixup, fixes)
            if len(known) >= _MOST:
                known.clear()
            known[key] = found
        return found

    return optimize_charset

"""The remembered character classes: patterns compile to the same code, and faster when Han ranges repeat."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap


def test_patterns_compile_to_the_same_code_with_classes_remembered():
    """In a fresh interpreter: each pattern's compiled code, without and then with the memo, is the same
    (classes met first and met again; case-insensitive ones; the Chinese caption patterns themselves)."""
    probe = textwrap.dedent("""
        import re, sys
        from re import _compiler, _parser
        from catalog.captions.chinese_words import HAN, words_for  # installs the memo
        from catalog.captions.rules import load_rules

        assert hasattr(_compiler._optimize_charset, "__wrapped__")
        _, patterns = words_for(load_rules())
        sources = list(patterns.sources.values())
        sources += [(f"[{HAN}]{{2,4}}", 0), (f"[{HAN}A-Za-z·]+", re.I), ("[a-zß-ÿſK]+", re.I), ("[^a-z]", 0),
                    ("[\\w.]+", 0), ("x[ab]y", 0), ("[a-z]+", re.I | re.ASCII)]

        def code(source, flags):
            return _compiler._code(_parser.parse(source, flags), flags)

        once = [code(*source) for source in sources]
        again = [code(*source) for source in sources]
        _compiler._optimize_charset = _compiler._optimize_charset.__wrapped__  # as Python builds them
        plain = [code(*source) for source in sources]
        print(len(sources), plain == once == again)
    """)
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    count, same = done.stdout.split()
    assert int(count) > 30 and same == "True"


def test_a_remembered_class_matches_as_before():
    from catalog import charset_memo

    assert charset_memo.install()
    assert charset_memo.install()  # a second call changes nothing
    han = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
    first = re.compile(f"{han}{{2,4}}市")
    second = re.compile(f"(?i)(?:{han}|[a-z])+县")  # the same class again, in a case-insensitive pattern
    assert first.search("在合肥市骆岗公园").group() == "在合肥市"
    assert second.search("在Abc肥西县").group() == "在Abc肥西县"
    assert re.compile(f"[^{han[1:]}+").findall("合肥 Hefei 市") == [" Hefei "]

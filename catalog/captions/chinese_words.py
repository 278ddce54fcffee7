"""The Chinese caption reader's word lists and the patterns built from them, and the simplified form it matches.

The lists come from ``catalog/rules/chinese.toml``, with a house rules file's ``[chinese]`` tables laid over them
(``words_for``); the credit and place patterns are built from them once per set of rules, each compiled the
first time a caption asks for it (``Patterns``), since a process that reads no Chinese caption, or captions of
a few shapes, need not compile them all. A caption in traditional characters is matched
through its simplified form (OpenCC; ``catalog.han_text``), so one word list serves both. Example::

    words, patterns = words_for(rules)
    words["credit.took"]                  ["摄影报道", "摄影", "拍摄", "摄"]
    patterns["staff"].search("新华社记者 李鑫 摄")      agency 新华社, name 李鑫
    simplified("中新社記者 李洋 攝")        "中新社记者 李洋 摄" (character for character: offsets hold)
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, TypeVar

from catalog import charset_memo
from catalog.cachedir import shipped_toml
from catalog.captions.rules import Rules
from catalog.han_text import simplified as simplified  # (the form the lists match: re-exported for the readers)
from catalog.patterns import compiled, longest_first

charset_memo.install()  # the patterns below hold the Han ranges hundreds of times: each built once

#: The ranges of Chinese characters (CJK unified ideographs, extension A, compatibility ideographs).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


@cache
def han_char() -> re.Pattern:
    """One Chinese character, compiled on first use (its ranges take milliseconds to compile)."""
    return compiled(f"[{HAN}]")


@cache
def _shipped() -> dict[str, Any]:
    return shipped_toml("chinese.toml")


_Made = TypeVar("_Made")
_MISSING = object()


@dataclass(frozen=True)
class Words:
    """The Chinese word lists in force, compiled."""

    lists: dict[str, dict[str, list[str]]]
    #: Alternations, longest-first lists and compiled patterns already built (the lists never change).
    _made: dict[tuple[str, ...], Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # The tuples, sets and patterns by the list's name alone: the place reader asks for them some 120 times a
        # caption, so each of `words`, `set` and `pattern` is bound to a dict's own look-up (a call into C, where
        # the method's is a call of Python), and the method itself makes an entry the first time it is asked.
        for name in ("words", "set", "pattern"):
            object.__setattr__(self, name, _Kept(getattr(Words, name).__get__(self)).__getitem__)

    def __getitem__(self, key: str) -> list[str]:
        table, name = key.split(".")
        return self.lists[table][name]

    def any(self, key: str) -> str:
        """A regex alternation of a list, longest first (built once: a caption asks for it many times)."""
        made = self._made.get(("any", key))
        if made is None:
            made = self._made[("any", key)] = "|".join(re.escape(w) for w in self.longest_first(key))
        return made

    def guarded(self, key: str) -> str:
        """The list's alternation behind a look-ahead for the words' first characters: ``(?=[记通])(?:记者|通讯员)``.
        Python's ``re`` tries an alternation's words one by one wherever it stands inside a pattern (only a
        pattern that opens with one gets a skip to the words' first characters), so where a pattern tries a
        list at every character of a run ("(?:(?!记者|...)[X]){1,14}?(?:记者|...)") the look-ahead turns the
        words' tries at a character none of them begins with into one test. Same matches as ``any``."""
        made = self._made.get(("guarded", key))
        if made is None:
            firsts = "".join(sorted({re.escape(w[0]) for w in self[key] if w}))
            made = self._made[("guarded", key)] = f"(?=[{firsts}])(?:{self.any(key)})"
        return made

    def longest_first(self, key: str) -> list[str]:
        """The list, longest word first, so that 黔东南苗族侗族自治州 is tried before 自治州."""
        made = self._made.get(("sorted", key))
        if made is None:
            made = self._made[("sorted", key)] = sorted(self[key], key=len, reverse=True)
        return made

    def words(self, key: str) -> tuple[str, ...]:
        """The list as a tuple, built once (for str.startswith and str.endswith; see __post_init__)."""
        return tuple(self[key])

    def set(self, key: str) -> frozenset[str]:
        """The list as a set, built once (for membership; see __post_init__)."""
        return frozenset(self[key])

    def made(self, key: tuple[str, ...], build: Callable[[], _Made]) -> _Made:
        """What a reader derives from the lists (a pattern joining several of them), built by `build` on the
        first call with this `key` and kept: the lists never change, so neither does what is made of them."""
        found = self._made.get(key, _MISSING)
        if found is _MISSING:
            found = self._made[key] = build()
        return found

    def pattern(self, key: str) -> re.Pattern:
        """The list's alternation, compiled once (see __post_init__)."""
        return compiled(f"(?:{self.any(key)})")


class _Kept(dict):
    """Entries made from their key by `make` the first time one is asked for, then kept (``Words``' tuples, sets
    and patterns): the dict's own look-up answers every later call."""

    __slots__ = ("_make",)

    def __init__(self, make: Callable[[str], Any]):
        super().__init__()
        self._make = make

    def __missing__(self, key: str) -> Any:
        made = self[key] = self._make(key)
        return made


@lru_cache(maxsize=8)
def _words(house: tuple[tuple[str, tuple[tuple[str, tuple[str, ...] | float], ...]], ...]) -> tuple[Words, Patterns]:
    lists = {table: dict(values) for table, values in _shipped().items()}
    for table, values in house:
        lists.setdefault(table, {}).update({k: list(v) if isinstance(v, tuple) else v for k, v in values})
    words = Words(lists)
    return words, _patterns(words)


def words_for(rules: Rules) -> tuple[Words, Patterns]:
    """The word lists and patterns for these house rules (the shipped lists with [chinese] laid over)."""
    house = tuple(sorted(
        (table, tuple(sorted((k, tuple(v) if isinstance(v, list) else float(v)) for k, v in values.items()
                             if isinstance(v, list | int | float))))
        for table, values in (rules.chinese or {}).items() if isinstance(values, dict)
    ))  # (word lists, and the numbers of [venue_scores])
    return _words(house)


#: A person's name, the shortest that the credit's words follow ("林坤玮翻摄": 林坤玮, then 翻摄): 李鑫, 阿布都·艾尼
#: (a foreign name transliterated in up to four parts, joined by a middle dot as the press writes it: ·, •, ‧ or ・),
#: or a two-character name padded to three with a space or two (伊 霄, 徐  昱); a space between longer names
#: separates two people (彭源 徐欽 劉磊 攝影報導), as 、 and the words 和 and 与 do (王小明和李小强 摄).
#: Written with as few classes of Chinese characters as the same matches allow, each tried in the same order
#: (a class costs re about 3 ms to compile, see Patterns): the first character is shared by both shapes of a
#: name, and the two separators between names share the name after them.
_NAME = f"[{HAN}](?:[{HAN}]{{1,3}}?|[ \u3000]{{1,2}}[{HAN}]|(?=[·•‧・]))(?:[·•‧・][{HAN}]{{1,7}}){{0,3}}"
_NAMES = f"{_NAME}(?:(?:\\s*[、,，和与]\\s*|[ \u3000]+){_NAME})*"
_ORG = f"[{HAN}A-Za-z·][{HAN}A-Za-z·]{{0,14}}?"
#: A brand or channel written in Latin words with spaces between them, after a few Chinese characters or none
#: ("Uncle Tetsu提供", "某某的on AIR Channel提供"): _ORG stops at a space, and kept only the last word.
_LATIN_ORG = f"[{HAN}]{{0,6}}[A-Za-z][A-Za-z&'.-]*(?: [A-Za-z][A-Za-z&'.-]*){{1,3}}"
#: A person's name in Latin letters, of two to four capitalised words ("Sergey Petrov", "Anna M. Ruiz").
_LATIN_NAME = r"[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){1,3}"
_OPEN, _CLOSE = "[（(【［\\[]", "[)）】］\\]]"  # (and square brackets: "［王小明 摄］", "[王小明 摄]")


class Patterns(dict):
    """The caption reader's patterns by name, each compiled only when a caption could match it.

    Compiling costs: every class of Chinese characters in a pattern makes Python's ``re`` mark each of the
    28,000 characters of the class in a table of the Basic Multilingual Plane, one by one in Python, 1.5-3 ms
    a class on this machine, and the credit shapes hold up to 17 classes each (a name alone holds four); the
    word lists' alternations cost little. Compiling them all took 0.15-0.6 s, in every reader process of an
    import that met one Chinese caption. So a pattern is compiled the first time a caption asks for it, and
    before that a pattern is first tried as its *outline* (``outline``): the same pattern with each class of
    Chinese characters widened to every character beyond ASCII, which compiles in well under a millisecond.
    Whatever the pattern matches, its outline matches too, from the same place; so when the outline finds
    nothing, neither would the pattern, and it is not compiled: a caption of one shape compiles the few
    shapes that could be its own, not every shape it is tried against. Once compiled, the pattern itself
    replaces its entry. Built from (source, flags) pairs; a name not given is a KeyError as for a dict.

    >>> patterns = Patterns({"took": (f"[{HAN}]{{2}} (?:摄|拍摄)$", 0)})
    >>> len(patterns), "took" in patterns.sources
    (0, True)
    >>> patterns["took"].search("no credit here") is None, type(patterns["took"]).__name__
    (True, 'Pending')
    >>> patterns["took"].search("李鑫 摄").group(), type(patterns["took"]).__name__
    ('李鑫 摄', 'Pattern')
    """

    def __init__(self, sources: dict[str, tuple[str, int]]):
        super().__init__()
        self.sources = sources
        self._needs: dict[str, tuple[tuple[str, ...], ...]] = {}

    def __missing__(self, name: str) -> re.Pattern | Pending:
        source, flags = self.sources[name]
        shape = outline(source, flags)
        made = self[name] = compiled(source, flags) if shape is None else Pending(self, name, shape)
        return made

    def needs(self, name: str) -> tuple[tuple[str, ...], ...]:
        """What a text must hold for the pattern `name` to match in it anywhere (``needed_literals``), worked
        out from its source once: the pattern's source is fixed for these words, so the answer is too."""
        found = self._needs.get(name)
        if found is None:
            found = self._needs[name] = needed_literals(*self.sources[name])
        return found

    def could_match(self, name: str, text: str) -> bool:
        """Whether `text` holds what every match of the pattern `name` holds (``needs``): when not, the pattern
        finds nothing in it, and need not scan it."""
        for group in self.needs(name):
            for word in group:
                if word in text:
                    break
            else:
                return False
        return True

    def compiled(self, name: str) -> re.Pattern:
        """The pattern itself, compiled now if it was not."""
        made = self[name]
        if isinstance(made, Pending):
            source, flags = self.sources[name]
            made = self[name] = compiled(source, flags)
        return made


class Pending:
    """A pattern of `Patterns` not compiled yet: each call tries its outline first, and compiles the pattern
    (which then takes its place in `Patterns`) only when the outline finds something. Answers as the
    compiled pattern would, for the calls the caption reader makes (search, match, fullmatch, finditer)."""

    __slots__ = ("_owner", "_name", "_outline", "_shape")

    def __init__(self, owner: Patterns, name: str, shape: str):
        self._owner, self._name, self._outline = owner, name, shape
        self._shape: re.Pattern | None = None

    def _could_match(self, how: str, string: str, pos: int, endpos: int) -> bool:
        if self._shape is None:
            self._shape = compiled(self._outline, self._owner.sources[self._name][1])
        return getattr(self._shape, how)(string, pos, endpos) is not None

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        if not self._could_match("search", string, pos, endpos):
            return None
        return self._owner.compiled(self._name).search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        if not self._could_match("match", string, pos, endpos):
            return None
        return self._owner.compiled(self._name).match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        if not self._could_match("fullmatch", string, pos, endpos):
            return None
        return self._owner.compiled(self._name).fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        if not self._could_match("search", string, pos, endpos):
            return iter(())
        return self._owner.compiled(self._name).finditer(string, pos, endpos)

    def __getattr__(self, name: str) -> Any:  # any other use of a pattern: the pattern itself
        return getattr(self._owner.compiled(self._name), name)


#: The most characters a class may list and still be read as a need of ``needed_literals`` (each is an `in` test).
_FEW_CHARACTERS = 8


def needed_literals(source: str, flags: int = 0) -> tuple[tuple[str, ...], ...]:
    r"""What a text must hold for the pattern to match anywhere in it: groups of strings, the text holding at
    least one string of every group. Read from the pattern's parse: a run of literal characters every match
    holds, a class of a few characters, a word of each alternative of an alternation, what a positive
    look-around asserts (it looks at the same text); nothing is read from what may be left out (optional or
    repeated zero times, a negative look-around, a negated class or a range). So a text that lacks a group's
    every string cannot match, and the pattern need not scan it: the test is a few `in`s.

    >>> needed_literals("(?P<name>[甲-龥]{2,4})\\s*(?:摄影|摄|攝)(?=[于於])")
    (('摄', '攝'), ('于', '於'))
    >>> needed_literals("新华社(?:发)?记者"), needed_literals("(?i)abc"), needed_literals("[^a]b*")
    ((('新华社',), ('记者',)), (), ())
    """
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    if flags & re.IGNORECASE:
        return ()
    try:
        parsed = _parser.parse(source, flags)
    except re.error:
        return ()
    if parsed.state.flags & re.IGNORECASE:
        return ()

    def of_sequence(items: Any) -> list[tuple[str, ...]]:
        groups: list[tuple[str, ...]] = []
        run = ""
        for op, av in items:
            if op is c.LITERAL:
                run += chr(av)
                continue
            if run:
                groups.append((run,))
                run = ""
            groups.extend(of_item(op, av))
        if run:
            groups.append((run,))
        return groups

    def of_item(op: Any, av: Any) -> list[tuple[str, ...]]:
        if op is c.SUBPATTERN:
            _group, add_flags, _del_flags, inner = av
            return [] if add_flags & re.IGNORECASE else of_sequence(inner)
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            least, _most, inner = av
            return of_sequence(inner) if least >= 1 else []
        if op is c.ATOMIC_GROUP:
            return of_sequence(av)
        if op is c.ASSERT:
            _direction, inner = av
            return of_sequence(inner)
        if op is c.BRANCH:
            words: list[str] = []
            for alternative in av[1]:
                needs = of_sequence(alternative)
                if not needs:
                    return []  # an alternative that needs nothing: the alternation needs nothing
                chosen: tuple[str, ...] = min(needs, key=_fewest_and_longest)
                words.extend(chosen)
            return [_fewest(words)]
        if op is c.IN and 0 < len(av) <= _FEW_CHARACTERS and all(kind is c.LITERAL for kind, _ in av):
            return [_fewest(chr(code) for _, code in av)]
        return []  # anything else (any character, a range, a category, a negated class, a position): no need

    return tuple(dict.fromkeys(of_sequence(parsed)))


def _fewest_and_longest(group: tuple[str, ...]) -> tuple[bool, int, int]:
    """How an alternative's group of needs is chosen: one with no space (nearly every caption has one), then
    the fewest words, then the longest shortest word."""
    return any(word.isspace() for word in group), len(group), -min(len(word) for word in group)


def _fewest(words: Iterable[str]) -> tuple[str, ...]:
    """The words of a group of ``needed_literals`` without those that hold another of them (a text that holds
    摄影报道 holds 摄): the same texts hold one of them, tested with fewer `in`s; shortest first."""
    unique = sorted(dict.fromkeys(words), key=len)  # (in the order written, for ties: the same every run)
    kept: list[str] = []
    for word in unique:
        if not any(shorter in word for shorter in kept):
            kept.append(word)
    return tuple(kept)


#: A class of characters that holds the Chinese ranges (HAN) among others: "[" what comes before, HAN, what
#: comes after "]" (the shapes' classes hold no "]" and no nested class).
_HAN_CLASS = compiled(r"\[(?!\^)((?:\\.|[^\]\\\[])*?)" + re.escape(HAN) + r"((?:\\.|[^\]\\\[])*)\]")
#: What can make a wider class match less: atomic groups, possessive repeats, and negative look-arounds
#: (`_negative_spans`); a pattern that has them around a class of Chinese characters gets no outline.
_ATOMIC = compiled(r"\(\?>|[*+?}]\+")


def outline(source: str, flags: int = 0) -> str | None:
    r"""The pattern with every class that holds the Chinese ranges widened to every character beyond ASCII
    (and the ASCII characters it held), or None when it has no such class, or one whose widening could make
    it match less (inside a negative look-around, a negated class, with IGNORECASE, atomic groups).

    Widening a class keeps every match: a string the pattern matches from a place, the outline matches from
    that place too. The outline compiles fast: its classes are negated classes of a few ASCII characters,
    which ``re`` marks one by one, where a class of Chinese characters has 28,000 to mark.

    >>> outline(f"[{HAN}]{{2,4}}摄")
    '[^\\x00-\\x7f]{2,4}摄'
    >>> outline(f"[{HAN}A-Z]").startswith("[^\\x00-\\x40\\x5b-")
    True
    >>> outline("(?:摄|拍摄)$") is None, outline(f"(?![{HAN}])摄") is None, outline(f"[^{HAN}]") is None
    (True, True, True)
    """
    if HAN not in source or flags & re.IGNORECASE or _ATOMIC.search(source):
        return None
    if any(HAN in source[start:end] for start, end in _negative_spans(source)):
        return None
    try:
        widened = _HAN_CLASS.sub(lambda found: _wider_class(found.group(1) + found.group(2)), source)
    except re.error:  # a class this reading does not understand: the pattern is compiled as it is
        return None
    return None if HAN in widened else widened


def _wider_class(others: str) -> str:
    """A class of every character beyond ASCII and the ASCII characters of the class `[others]`."""
    held = compiled(f"[{others}]") if others else None
    left_out = [code for code in range(128) if held is None or not held.match(chr(code))]
    runs: list[list[int]] = []
    for code in left_out:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "[^" + "".join(f"\\x{a:02x}" if a == b else f"\\x{a:02x}-\\x{b:02x}" for a, b in runs) + "]"


def _negative_spans(source: str) -> list[tuple[int, int]]:
    """Where the pattern's negative look-aheads and look-behinds begin and end, as (start, end) of the source."""
    spans = []
    for start in (found.start() for found in re.finditer(r"\(\?<?!", source)):
        depth, at, in_class = 0, start, False
        while at < len(source):
            char = source[at]
            if char == "\\":
                at += 2
                continue
            if in_class:
                in_class = char != "]"
            elif char == "[":
                in_class = True
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    break
            at += 1
        spans.append((start, at + 1))
    return spans


def _source(pattern: str, flags: int = 0) -> tuple[str, int]:
    """A pattern to compile when first asked for (see Patterns)."""
    return pattern, flags


def _patterns(words: Words) -> Patterns:
    staff, took, sent = words.any("credit.staff"), words.any("credit.took"), words.any("credit.sent")
    role = words.guarded("credit.staff")  # (tried at each character of an outlet's name: "(?:(?!{role})X){1,14}?")
    provided, interviewee = words.any("credit.provided"), words.any("credit.interviewee")
    label = words.any("credit.source_labels")
    reported = words.any("credit.reported")
    labels = words.any("credit.photographer_labels")
    date_labels = words.any("dates.labels")
    others, pictures = words.any("credit.text_labels"), words.any("credit.pictures")
    places = words.lists["places"]
    units = {level: words.any(f"places.{level}") for level in ("province", "city", "county", "town", "village")}
    all_units = "|".join(re.escape(w) for w in sorted(
        {w for level in ("province", "city", "county", "town", "village") for w in places[level]},
        key=longest_first))
    unit_firsts = "".join(sorted({re.escape(w[0]) for level in units for w in places[level] if w}))
    return Patterns({
        # 新华社发（陈熙 摄）, 新华社发(苏阳摄)
        "sent_brackets": _source(
            f"(?P<agency>{_ORG})(?:{sent})\\s*{_OPEN}\\s*(?P<name>{_NAMES})\\s*[/／]?\\s*(?:{took}){_CLOSE}"),
        # （新华社发 陈熙摄）
        "brackets_sent": _source(
            f"{_OPEN}\\s*(?P<agency>{_ORG})(?:{sent})\\s*(?P<name>{_NAMES})\\s*[/／]?\\s*(?:{took})\\s*{_CLOSE}"),
        # 新华社记者 李鑫 摄, 中青报·中青网记者 陈剑/摄, 记者 唐俊 通讯员 吴翰 摄影报道, 本报记者 伊 霄摄
        "staff": _source(
            f"(?P<agency>(?:(?!{role})[{HAN}A-Za-z·]){{1,14}}?)?(?:{role})[\\s:：]*"
            f"(?P<name>{_NAMES}|[{HAN}]{{5}}(?=[ \u3000]*(?:{took})))"  # (or a transliterated name of five: 巴特奎古楞)
            f"(?:\\s*[和与、]?\\s*(?:{role})\\s*{_NAMES})*\\s*[/／]?\\s*(?:{took}|{reported})"),
        # 中新社发 刘卫勇 摄
        # (a news agency's 社发 may run into the name: "中新社发王小明 摄")
        "sent_name": _source(f"(?P<agency>{_ORG})[ \u3000]?(?:{sent})(?:\\s+|(?<=社发))(?P<name>{_NAMES})"
                             f"\\s*[/／]?\\s*(?:{took})"),
        # 王 哲摄(人民视觉)
        "name_then_agency": _source(
            f"(?P<name>{_NAMES})\\s*[/／]?\\s*(?:{took})\\s*{_OPEN}(?P<agency>{_ORG}){_CLOSE}"),
        # (龙国雄摄), (武汉晚报 邱焰 摄), (中央社摄), (美國《僑報》/高睿 攝): the outlet before the name after a
        # space, or a slash (an outlet's title in title marks, its country before it)
        "brackets": _source(
            f"{_OPEN}\\s*(?:[^()（）;；]{{1,12}}[;；]\\s*)?(?:(?P<agency>{_ORG}|[{HAN}]{{0,4}}《[^《》()（）]{{1,12}}》)"
            f"(?:\\s+|\\s*(?P<slash>[/／])\\s*))?(?P<name>{_NAMES}|[A-Z][A-Za-z.'-]{{1,20}})?\\s*[/／]?\\s*(?:{took})"
            f"{_CLOSE}"),  # (a name in Latin letters run into 攝: "(Kenji攝)")
        # 肖顺清摄, 田嘉硕/摄, 胡俊英 饶官荣 摄影报道 (at the end; or closing a bracket that holds the caption too:
        # "(图1:农民在稻田中劳作 苏小武摄)")
        "name_took": _source(f"(?:^|(?<=[\\s。，,；;)）!！?？■□◎●▲◆★“「『<〈—]))(?P<name>{_NAMES})"
                                f"(?:\\s+{_NAME})*\\s*[/／]?\\s*(?:{took})\\s*[)）”」』>〉]?\\s*$", re.MULTILINE),
        # (and in quotation or angle marks, after a dash: "“王小明 摄”", "<王小明 摄>", "——王小明 摄")
        # 唐小峰摄于建平乡中伙村: a name and 摄, then where (or when) the picture was taken, ending the caption's line
        # (the place and the day stay the caption's: "于..." is read as the scene's)
        "name_took_at": _source(f"(?:^|(?<=[\\s。，,；;)）]))(?P<name>[{HAN}]{{2,4}})[ \u3000]*摄"
                                f"(?=[于於][^\\n。，,；;]{{2,30}}$)", re.MULTILINE),
        # 记者 陈亮, 记者：陈亮, （记者/陈亮） (a byline with no 摄, before the text or in brackets)
        "byline": _source(f"(?:^|[】）)(（\\s])(?P<agency>{_ORG})?(?:{staff})"
                             f"(?:\\s+|\\s*[:：/／|｜]\\s*)(?P<name>{_NAME})(?=[\\s:：)）]|$)"),
        # (HK01记者摄), (新华社): the outlet alone in brackets, at the end
        "outlet_brackets": _source(f"{_OPEN}\\s*(?P<agency>[{HAN}A-Za-z·][{HAN}A-Za-z0-9·]{{1,14}}?)"
                                      f"(?:(?P<role>{staff})\\s*(?:{took})?)?(?:{words.any('credit.file_photo')})?"
                                      f"\\s*{_CLOSE}\\s*\\Z"),
        # （記者王小明台北傳真）, (潘柏林吉隆坡傳真): a correspondent's name run into the city filed from (split by the
        # gazetteer, chinese_credits._name_before_place), then 传真, 专电 or 摄 (中央社記者X台北攝)
        "filed_from": _source(f"(?:^|(?<=[\\s。，,；;(（]))(?:(?P<agency>(?:(?!{role})[{HAN}A-Za-z·]){{1,14}}?)?"
                              f"(?P<role>{role})\\s*)?(?P<name>[{HAN}]{{4,8}})(?:{words.any('credit.filed')}|{took})"
                              f"(?=\\s*[)）]|[ \u3000]*$|[ \u3000]+\\d)", re.MULTILINE),  # (or the date stamp)
        # 北京日报张风1998年摄: a known outlet run into the photographer's name (split by the agency registry,
        # chinese_credits._outlet_then_name), a year perhaps, then 摄, ending its line
        "outlet_name": _source(f"(?:^|(?<=[\\s。，,；;)）]))(?P<name>[{HAN}]{{4,14}}?)[ \u3000]*"
                               f"(?P<year>\\d{{4}}[ \u3000]*年[ \u3000]*)?(?:{took})[ \u3000]*$", re.MULTILINE),
        # (徐小德CFP): a name run into an agency's Latin letters, alone in brackets at the end (kept when the agency
        # registry knows the agency)
        "name_latin_agency": _source(f"{_OPEN}\\s*(?P<name>[{HAN}]{{2,3}})[ \u3000]*(?P<agency>[A-Z][A-Za-z]{{1,11}})"
                                     f"\\s*{_CLOSE}\\s*\\Z"),
        # （王小斌 摄 / 光明图片）, (記者王小明攝/大紀元): the name (after the role of the outlet's staff, perhaps),
        # its word for taking, then the outlet, in one pair of brackets
        "brackets_name_outlet": _source(f"{_OPEN}\\s*(?:{staff})?\\s*(?P<name>{_NAMES})\\s*(?:{took})\\s*[/／|｜]\\s*"
                                        f"(?P<agency>{_ORG})\\s*{_CLOSE}"),
        # 星岛日报记者摄: an outlet's reporter unnamed, at the end (kept when the agency registry knows the outlet)
        "outlet_staff": _source(f"(?:^|(?<=[\\s。，,；;)）!！?？■]))(?P<agency>{_ORG})(?:{staff})[ \u3000]*(?:{took})"
                                f"[ \u3000]*$", re.MULTILINE),
        # (郑子颜): a person's name alone in brackets, ending the caption
        "name_brackets": _source(f"{_OPEN}\\s*(?P<name>[{HAN}]{{2,3}})\\s*{_CLOSE}\\s*\\Z"),
        # 新华社记者李艺博 (a byline that ends the caption, no 摄)
        "byline_end": _source(f"(?:^|(?<=[\\s。，,；;)）!！?？■◎□●▲◆★：:/／]))"
                                 f"(?P<agency>(?:(?!{role})[{HAN}A-Za-z·]){{1,14}}?)?"
                                 f"(?:{role})\\s*[:：/／|｜]?\\s*(?P<name>[{HAN}]{{2,4}}|[{HAN}][ \u3000][{HAN}])"
                                 f"(?:\\s+(?:{role})\\s*[{HAN}]{{2,4}})*\\s*\\Z"),  # (then 通讯员 Y: the first named)
        # 周凯威 摄(图片来源:中国军网): the photographer written before another credit
        "name_took_tail": _source(f"(?:^|(?<=[\\s。，,；;(（)）!！?？■□◎●▲◆★]))(?P<name>{_NAMES})\\s*[/／]?\\s*"
                                     f"(?:{took})[)）]?[\\s(（]*\\Z"),  # (and "（王小明 摄）⏎来源：新华网")
        # 摄影：王小鹏 (the photographer after a label, written before another credit: "摄影：王小鹏（新华社）")
        "label_name_tail": _source(f"(?:{labels})\\s*[:：/／@|｜]\\s*(?P<name>{_NAMES})\\s*\\Z"),
        # 图片由吉林省某县委宣传部提供: who provided the picture, named after 由 (an office's name may be long)
        "provided_by": _source(
            f"(?:{pictures})[均皆都]?由\\s*(?P<provider>[^\\s，,。；;（()）]{{2,30}}?)\\s*(?:{provided})"),
        # 本文图片均由施佳宇拍摄: who took the pictures, named after 由
        "taken_by": _source(f"(?:{pictures})[均皆都]?由\\s*(?P<name>{_NAMES})\\s*(?:{took})"),
        # (摄影:朴峰)6月16日..., 报导、摄影:谭小瑜⏎..., 圖|梁小樂 文|梁小樂⏎...: a photographer's label opening the
        # caption, the name closed by a bracket, the line's end or another person's label (not "图：", which opens a
        # description: "图：村民晒谷")
        "opening_label": _source(
            f"\\A\\s*[（(【]?\\s*(?:(?:{others})\\s*[、,，/／]\\s*)*"
            f"(?!图\\s*[:：](?![^\\s:：/／]{{2,3}}\\s+(?:{others})\\s*[:：/／]))(?:{labels})\\s*[:：/／|｜@]\\s*"
            f"(?P<name>{_NAMES})"
            f"\\s*(?:[)）】]|(?=[ \u3000]*(?:\\n|\\Z))|(?=[ \u3000]+(?:{others}|{labels})\\s*[:：/／|｜]))"),
        # (图)王小明摄影:10月15日,...: a name and its word for taking opening the caption's words, then a colon
        "name_took_colon": _source(f"(?:^|(?<=[\\s)）】]))(?P<name>{_NAME})[ \u3000]*(?:{took})[ \u3000]*[:：]",
                                   re.MULTILINE),
        # 攝影:麥尚旻 主題:... 地點:元朗, 作者:姜铭杰 年龄:16岁: a photographer's label among a caption's labelled
        # fields, the next field's label after the name (its own label, then a colon)
        "field_label": _source(f"(?:^|(?<=[\\s(（【]))(?:{words.any('credit.field_labels')})"
                               f"(?:\\s*[:：]\\s*|\\s+(?={_NAME}\\s+(?:{date_labels})[\\s:：]))"
                               f"(?P<name>{_NAME})(?=\\s+[{HAN}]{{2,5}}\\s*[:：]|\\s+(?:{date_labels})[\\s:：])",
                               re.MULTILINE),
        # (or with no colons, before the date's field: "創作者 王小明 拍攝時間 1983", each on a line of its own as
        # archives list them)
        # 摄影张平宽⏎图说...: a label written with no colon, opening the caption, right before a name and a space or a
        # line's end
        "opening_spaced": _source(f"\\A\\s*(?:{words.any('credit.spaced_labels')})(?P<name>[{HAN}]{{2,3}})"
                                  f"(?=\\s+\\S)"),
        # ...散步。王小明 摄 当日,...: a name and 摄 alone run into the next sentence (kept only when the name reads
        # as a person's, chinese_credits._a_person_alone; not 拍摄, a verb of the prose: "游客纷纷拍摄")
        "name_took_inline": _source(f"(?:^|(?<=[\\s。，,；;)）!！?？■□◎●▲◆★]))"
                                    f"(?P<name>[{HAN}]{{2,4}}|[{HAN}][ \u3000]{{1,2}}[{HAN}])[ \u3000]*摄"
                                    f"(?=[ \u3000]+[^\\s(（]|[。.][ \u3000]*[^\\s(（])"),
        # （本报记者 王小明 文 李小红 图）, 王小明 文 李小红 摄: the writer (文), then the photographer
        "writer_then_photographer": _source(
            f"(?:(?P<agency>{_ORG})?(?:{staff})\\s*)?{_NAMES}\\s*文[\\s、，,/／]+(?:(?:{staff})\\s*)?(?P<name>{_NAMES})"
            f"\\s*[/／]?\\s*(?:图|{took})(?=\\s*[)）]?\\s*$)", re.MULTILINE),
        # 《丰收季节》曹小国 摄 深秋时节...: the photographer right after the picture's title, the prose after
        "titled": _source(f"》\\s*(?P<name>{_NAMES})\\s*[/／]?\\s*(?:{took})(?=[\\s，,。]|$)"),
        # 朝鲜中央通讯社(KCNA)2017年8月11日发布的这张照片: the body that released the picture, a handout's provider
        "released_by": _source(f"(?P<provider>{_ORG})(?:[(（][A-Za-z]{{2,10}}[)）])?\\s*(?:\\d{{4}}年)?"
                               f"(?:\\d{{1,2}}月)?(?:\\d{{1,2}}日)?(?:{words.any('credit.released')})的(?:这张|这幅|该|此)?"
                               f"(?:{words.any('credit.pictures')}|图像|卫星图像)"),
        # 央广网发 (before who provided the picture: "央广网发 滨海新区供图"; or before the bracket that holds it:
        # "新华社发(某某州政府供图)")
        "sent_before": _source(f"(?P<agency>{_ORG})(?:{sent})[ \u3000]*(?P<open>[（(])?[ \u3000]*\\Z"),
        # 供图：某某县文旅局, 图片提供/王小明, （某某县文旅局/供图）: who provided the picture, after the label or
        # before it with a slash
        "provided_label": _source(f"(?:^|(?<=[\\s。，,；;（(]))(?:(?:{pictures})?(?:{provided})\\s*[:：/／]\\s*"
                                  f"(?P<provider>[^\\s。，,()（）/／:：]{{2,30}})"
                                  f"|(?P<before>[^\\s。，,()（）/／:：]{{2,30}})\\s*[/／]\\s*(?:{provided}))"
                                  f"(?=\\s*[)）]|[ \u3000]*$)", re.MULTILINE),
        # 张三 供图, 受访者供图
        "provided": _source(f"(?P<provider>{interviewee}|{_ORG}|{_LATIN_ORG})\\s*(?:{provided})"),
        # 图/中央社, 图片来源：视觉中国, 【图片=X】 (as Korean pages write the source)
        "source": _source(f"(?:^|[\\s。，,；;（(【])(?:(?:{label})\\s*[/／:：=＝]"
                          f"|(?:{words.any('credit.source_words')}))"
                          f"\\s*(?P<agency>[A-Za-z0-9][A-Za-z0-9 .&'-]{{0,24}}[A-Za-z0-9](?=\\s*[)）])"
                          f"|[^\\s。，,)）】]{{2,20}})"),
        # (a name in Latin letters may hold spaces when the bracket closes after it: "（图片来源：Harbour FM）")
        # 视觉中国/图, (新华社/图): an outlet, or a person, then the label that says it took the picture
        "outlet_label": _source(f"(?:^|(?<=[\\s。，,（(【［\\[]))"
                                f"(?P<agency>{_ORG}|[A-Za-z][A-Za-z .&-]{{1,28}}[A-Za-z])"
                                f"\\s*[/／]\\s*(?:{labels})\\s*[)）】］\\]]?"
                                f"(?:[ \u3000]+{_NAMES}\\s*[/／]\\s*(?:{others}))?\\s*$",
                                re.MULTILINE),  # (then the writer's credit: "李小红/图 王小明/文")
        # 新华社/路透; (大纪元/李小丹): in brackets too, closing the line (an outlet, then its photographer)
        "two_agencies": _source(f"(?P<first>{_ORG}|{_LATIN_NAME})\\s*/\\s*(?P<agency>{_ORG}|{_LATIN_NAME})"
                                f"(?:[ \u3000]*(?:{took}))?\\s*[)）\\]］]?\\s*$", re.MULTILINE),
        # (a name in Latin letters: "Sergey Petrov/俄新社", "王小明 / China Daily"; 摄 after a space,
        # "欧洲时报/王小明 摄"; square brackets: "[王小明 / 中国日报]")
        # 视觉中国, IC photo: a known agency alone on the caption's last line or after its last stop (the reader
        # keeps it only when the agency registry knows the name)
        "agency_alone": _source(f"(?:^|(?<=[\\s。.!！?？]))(?P<agency>[{HAN}A-Za-z][{HAN}A-Za-z ·]{{1,20}}?)"
                                   f"(?:{words.any('credit.file_photo')}|图片|照片)?[ \u3000]*\\Z"),
        # (法新社图片: the agency's picture; 新华社资料图片, its file picture)
        # 新华社发 (the agency alone, at the end)
        "agency_sent": _source(f"(?P<agency>{_ORG})(?:{sent})\\s*$", re.MULTILINE),
        # 赵世勋 Chao Shih Hsun / 中央通讯社 CNA: a photographer's line above the outlet's, as award lists print them
        "name_over_outlet": _source(
            f"^[ \t]*(?P<name>{_NAME})[ \t]+[A-Z][A-Za-z' -]{{2,40}}[ \t]*\n[ \t]*(?P<agency>[{HAN}·]{{2,12}})"
            f"(?:[ \t]+[A-Za-z][A-Za-z.' &-]{{1,50}})?[ \t]*$", re.MULTILINE),
        # 摄影师：Hou Yu, 摄影：王刚, 图/王刚, 文/图 王刚, 摄：林小华/端传媒 (a person after a label, at the end of
        # a line, and the outlets after it: the last is the agency)
        "photographer_label": _source(
            f"(?:(?:{labels})\\s*[:：/／@|｜]|文\\s*/\\s*图\\s*[:：]?"
            f"|(?<![^\\s。.!！?？■□◎●▲△◆★(（【])(?:{words.any('credit.spaced_labels')})(?=[ \u3000]))\\s*"
            f"(?:(?P<desk>{_ORG})?(?:{staff})\\s*)?"  # (摄影:楚天都市报记者姚岗: the outlet's reporter)
            f"(?P<name>[A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){{0,4}}|{_NAMES})"
            f"(?:[ \u3000]*(?:摄影|摄))?"  # ("图／李小明 攝": the word of taking again after the name)
            f"(?:\\s*/\\s*(?!(?:{others})\\s*[:：/／|｜])(?P<agency>[^\\s)）/／][^)）/／\\n]{{1,29}}))*"
            f"(?:\\s*[（(](?P<outlet>[^()（）\\n]{{2,20}})[)）])?\\s*[)）】］\\]]?"
            f"(?:(?:[ \u3000]+|\\s*[/／|｜]\\s*)(?:{others})\\s*[:：/／|｜][^\\n/／|｜]{{1,24}}?)?\\s*(?=[。.]?\\s*$)",
            re.MULTILINE),
        # (the suffixes and the venue words are tried after each character of a lazy run: guarded, as
        # Words.guarded says, with a look-ahead for their first characters; the same matches)
        "units": _source(f"[{HAN}]{{1,10}}?(?=[{unit_firsts}])(?:{all_units})"),
        **{f"unit_{level}": _source(f"(?:{units[level]})$") for level in units},
        "venue_end": _source(f"(?:{words.any('places.venue')})$"),
        "venue_start": _source(f"(?:{words.any('places.venue')})"),
        "venue": _source(f"[{HAN}“”\"0-9A-Za-z·]{{1,16}}?{words.guarded('places.venue')}"),
    })

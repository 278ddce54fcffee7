"""Reading an article: which of its paragraphs are captions, and the text of each as it will be stored."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from catalog.captions import CaptionFacts, parse
from catalog.errors import utf8_text
from catalog.linking.model import IMAGE_NAME, Caption
from catalog.patterns import compiled

# --- reading the article ------------------------------------------------------------------------------------


def read_article(path: str) -> str:
    """The text of an article or caption file (UTF-8, a BOM allowed)."""
    from catalog.textfiles import read_text_file

    return utf8_text(read_text_file(path, path), path, "save it as UTF-8")


_FENCE = compiled(r"^\s{0,3}(```|~~~)")
_HEADING = compiled(r"^\s{0,3}(#{1,6}\s|#{1,6}$)")
_RULE = compiled(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_SETEXT = compiled(r"^\s{0,3}(=+|-+)\s*$")
_LIST = compiled(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = compiled(r"^\s{0,3}(?:>\s?)+")
_FILE_LABEL = compiled(r"^\s*(?:[-*+]\s*)?(?:\*\*|__)?file:(?:\*\*|__)?\s*(\S.*?)\s*$", re.I)
_MD_IMAGE = compiled(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_MD_LINK = compiled(r"\[([^\]]+)\]\([^)]*\)")
_HTML_TAG = compiled(r"</?[A-Za-z][^>]*>")
#: A line at most this long that ends a sentence may close a paragraph written on one line; longer lines are
#: whole paragraphs (files that put one paragraph per line and no blank lines between).
_PARAGRAPH_LINE = 160


@dataclass
class _Paragraph:
    line: int
    raw: list[str]
    kind: str = "prose"  # "prose", "heading", "pointer" (an image or a bare file name on its own line)
    before: str | None = None  # the nearest non-blank line above, raw
    before_index: int | None = None  # the paragraph that line belongs to


def find_captions(text: str) -> list[Caption]:
    """The caption paragraphs of an article or caption file, in order.

    >>> [c.text for c in find_captions("Running text.\\n\\nA train in Gansu, Aug. 3, 2025. (Photo/Xu Gang)")]
    ['A train in Gansu, Aug. 3, 2025. (Photo/Xu Gang)']
    >>> find_captions("File: a1.jpg\\nA probe in space.")[0].label
    'a1.jpg'
    """
    paragraphs = _paragraphs(text)
    facts_of: dict[int, tuple[CaptionFacts, str, str | None]] = {}
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind != "prose":
            continue
        label, body = _label(paragraph.raw)
        cleaned = clean_markdown(body)
        if not cleaned:
            continue
        facts = parse(cleaned)
        if label or has_credit(facts):
            facts_of[index] = (facts, cleaned, label)
    captions: list[Caption] = []
    for index, (facts, cleaned, label) in facts_of.items():
        paragraph = paragraphs[index]
        sources = list(paragraph.raw)
        if paragraph.before is not None and paragraph.before_index not in facts_of:
            sources.append(paragraph.before)
        mentions = [label] if label else []
        mentions += [name for raw in sources for name in image_names(raw)]
        captions.append(
            Caption(
                number=len(captions) + 1,
                line=paragraph.line,
                text=cleaned,
                facts=facts,
                label=label,
                mentions=tuple(dict.fromkeys(os.path.basename(m) for m in mentions)),
            )
        )
    return captions


def has_credit(facts: CaptionFacts) -> bool:
    """Whether the parser found a credit: the mark of a caption among running text."""
    credit = facts.credit
    return bool(credit.raw or credit.photographer or credit.agency or credit.provider)


def image_names(line: str) -> list[str]:
    """Image file names written in a line: Markdown image targets, links, HTML src, bare names."""
    return [os.path.basename(found) for found in IMAGE_NAME.findall(line)]


def _paragraphs(text: str) -> list[_Paragraph]:
    """Blocks of non-blank lines, split into paragraphs; headings, rules and image lines stand alone."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paragraphs: list[_Paragraph] = []
    block: list[tuple[int, str]] = []
    fenced = False

    def flush() -> None:
        if block:
            paragraphs.extend(_split_block(block))
            block.clear()

    for number, raw in enumerate(lines, 1):
        if _FENCE.match(raw):
            flush()
            fenced = not fenced
            continue
        if fenced:
            continue
        if not raw.strip():
            flush()
            continue
        pointer = _is_pointer(raw)
        if pointer or _HEADING.match(raw) or _RULE.match(raw) or (block and _SETEXT.match(raw)):
            flush()
            paragraphs.append(_Paragraph(number, [raw], "pointer" if pointer else "heading"))
            continue
        block.append((number, raw))
    flush()
    for index in range(1, len(paragraphs)):
        paragraphs[index].before = paragraphs[index - 1].raw[-1]
        paragraphs[index].before_index = index - 1
    return paragraphs


def _split_block(block: list[tuple[int, str]]) -> list[_Paragraph]:
    """One block's paragraphs: a list item, a quote or a ``File:`` label starts a new one; in a block written
    one paragraph per line (many lines longer than any wrapped line) every line does, except the line after
    a label, which is its caption."""
    long_lines = sum(len(raw.strip()) > _PARAGRAPH_LINE for _, raw in block)
    one_per_line = long_lines >= max(1, len(block) // 3)
    paragraphs: list[_Paragraph] = []
    current: list[tuple[int, str]] = []
    for number, raw in block:
        quoted = bool(_QUOTE.match(raw))
        after_label = len(current) == 1 and _FILE_LABEL.match(current[0][1])
        new = (
            _LIST.match(raw)
            or _FILE_LABEL.match(raw)
            or (current and quoted != bool(_QUOTE.match(current[-1][1])))
            or (one_per_line and not after_label)
        )
        if current and new:
            paragraphs.append(_Paragraph(current[0][0], [line for _, line in current]))
            current = []
        current.append((number, raw))
    if current:
        paragraphs.append(_Paragraph(current[0][0], [line for _, line in current]))
    return paragraphs


def _is_pointer(raw: str) -> bool:
    """A line that only shows or names an image: ``![alt](a1.jpg)``, ``<img src=a1.jpg>``, ``a1.jpg``."""
    rest = _MD_IMAGE.sub("", raw)
    rest = re.sub(r"<img\b[^>]*>", "", rest, flags=re.I)
    if rest != raw:
        return not rest.strip(" \t>*_-|")
    return bool(re.fullmatch(r"\s*[`*_]*" + IMAGE_NAME.pattern + r"[`*_]*\s*", raw, re.I))


def _label(raw: list[str]) -> tuple[str | None, list[str]]:
    found = _FILE_LABEL.match(raw[0])
    if found:
        return found[1].strip("`*_ "), raw[1:]
    return None, raw


def clean_markdown(lines: Sequence[str]) -> str:
    """Paragraph lines as plain text: markup dropped, wrapped lines joined with single spaces.

    >>> clean_markdown(["> *A bullet train crosses the Gobi.* [More](x.html)", "(Photo/**Xu Gang**)"])
    'A bullet train crosses the Gobi. More (Photo/Xu Gang)'
    """
    parts = []
    for index, raw in enumerate(lines):
        line = _QUOTE.sub("", raw)
        if index == 0:
            line = _LIST.sub("", line)
        parts.append(line.strip())
    text = " ".join(part for part in parts if part)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = re.sub(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", text)
    text = re.sub(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>])", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text)
    return text.strip()


# --- where a caption says it is -----------------------------------------------------------------------------

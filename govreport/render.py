"""Human-readable views of a report: an indented outline (for terminals) and Markdown."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter

from .models import (
    Boilerplate,
    Child,
    Diagnostic,
    GlossaryEntry,
    Heading,
    Report,
    Section,
    Severity,
    Subsection,
)

__all__ = ["markdown", "outline", "printable"]

_RESET = "\033[0m"
_DIM = "\033[2m"
_KIND_COLOUR = {
    "preamble": _DIM,
    "review": "\033[36m",
    "five_year_plan": "\033[35m",
    "annual_plan": "\033[32m",
    "self_improvement": "\033[33m",
    "other": "\033[37m",
    "closing": _DIM,
    "appendix": "\033[34m",
    "glossary": "\033[34m",
}
_SEVERITY_COLOUR = {Severity.WARNING: "\033[33m", Severity.ERROR: "\033[1;31m"}
_SEVERITY_MARK = {Severity.WARNING: "!", Severity.ERROR: "!!"}


#: what must not reach a terminal as it is: C0 and C1 control characters (ESC starts the
#: sequences that move the cursor, clear the screen, set the window title) and the BiDi
#: controls that reorder what is shown (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069)
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                          "\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe to show a person on a terminal: control and BiDi characters written as
    ``\\xNN`` / ``\\uNNNN`` escapes (tabs and line breaks are kept)."""
    if _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
        else f"\\u{ord(m.group()):04x}", text)


def _cells(text: str) -> int:
    """Terminal columns ``text`` takes: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _fit(text: str, cells: int) -> str:
    """``text`` shortened to at most ``cells`` terminal columns (``…`` marks the cut)."""
    if _cells(text) <= cells:
        return text
    out, used = [], 1
    for c in text:
        used += _cells(c)
        if used > cells:
            break
        out.append(c)
    return "".join(out) + "…"


def _pad(text: str, cells: int) -> str:
    return text + " " * max(0, cells - _cells(text))


def _owners(report: Report) -> dict[int, list[Diagnostic]]:
    """Warning and error diagnostics by the ``id`` of the deepest section or subsection whose
    span holds the diagnostic's start (diagnostics of the whole text go to the first section).

    The sections and subsections in document order start in order (parents before their
    children), so the last one starting at or before a position, or one of its ancestors, is
    the deepest that holds it: a bisection and a climb of the tree per diagnostic."""
    branches: list[Section | Subsection] = []
    parent: list[int] = []

    def collect(nodes: tuple[Child, ...] | tuple[Section, ...], up: int) -> None:
        for node in nodes:
            if isinstance(node, (Section, Subsection)):
                parent.append(up)
                branches.append(node)
                collect(node.children, len(branches) - 1)

    collect(report.sections, -1)
    starts = [n.span.start for n in branches]
    owned: dict[int, list[Diagnostic]] = {}
    for d in report.diagnostics:
        if d.severity == Severity.INFO:
            continue
        at = d.span.start
        i = bisect_right(starts, at) - 1
        while i >= 0 and not (at < branches[i].span.end or branches[i].span.start == at
                              == branches[i].span.end):
            i = parent[i]
        owner: Section | Subsection | None = branches[i] if i >= 0 else None
        if owner is None and branches:
            owner = branches[-1] if at >= branches[-1].span.end else branches[0]
        if owner is not None:
            owned.setdefault(id(owner), []).append(d)
    return owned


def outline(report: Report, *, color: bool = False, width: int = 36,
            columns: int | None = None) -> str:
    """An indented tree of the sections and subsections: kind and ordinal, title (shortened to
    ``width`` characters), ``[start:end]`` span (character offsets into ``report.text``), and
    ``! code`` on nodes holding warning diagnostics (``!!`` for errors). The last line counts
    every diagnostic by code. ``color=True`` adds ANSI colours (kinds, marks).

    ``columns`` (a terminal's width) shortens the titles instead to what is left of it after the
    kind, ordinal and span (at least 8 columns; a Han character takes two), so that no line
    without a mark wraps."""
    owned = _owners(report)
    rows: list[tuple[str, str, str, str, str]] = []  # indent+label, kind, title, span, mark

    def visit(node: Section | Subsection, depth: int) -> None:
        kind = node.kind.value if node.kind else ""
        name = kind or "subsection"
        label = "  " * depth + name + ("" if node.ordinal is None else f" {node.ordinal}")
        title = printable(" ".join(node.title.split())) if node.title else ""
        title = _short(title, width) if columns is None else title
        span = f"[{node.span.start}:{node.span.end}]"
        mark = ""
        here = owned.get(id(node), [])
        if here:
            worst = max((d.severity for d in here), key=lambda s: s == Severity.ERROR)
            codes = Counter(d.code for d in here)
            listed = ", ".join(c if n == 1 else f"{c}×{n}" for c, n in sorted(codes.items()))
            mark = f"{_SEVERITY_MARK[worst]} {listed}"
            if color:
                mark = f"{_SEVERITY_COLOUR[worst]}{mark}{_RESET}"
        rows.append((label, name, title, span, mark))
        for child in node.children:
            if isinstance(child, Subsection):
                visit(child, depth + 1)

    for section in report.sections:
        visit(section, 0)
    label_w = max((_cells(r[0]) for r in rows), default=0)
    if columns is not None:
        span_w = max((len(r[3]) for r in rows), default=0)
        room = max(8, columns - label_w - span_w - 4)
        rows = [(label, name, _fit(title, room), span, mark)
                for label, name, title, span, mark in rows]
    title_w = max((_cells(r[2]) for r in rows), default=0)
    lines = []
    for label, name, title, span, mark in rows:
        left = _pad(label, label_w)
        if color:
            colour = _KIND_COLOUR.get(name, "")
            stripped = left.lstrip(" ")
            left = left[: len(left) - len(stripped)] + f"{colour}{stripped}{_RESET}"
            span = f"{_DIM}{span}{_RESET}"
        line = f"{left}  {_pad(title, title_w)}  {span}"
        lines.append(f"{line}  {mark}" if mark else line.rstrip())
    counts = Counter(d.code for d in report.diagnostics)
    if counts:
        summary = ", ".join(f"{code}×{n}" for code, n in sorted(counts.items()))
        lines.append(f"diagnostics: {summary}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- Markdown

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])")
_BLOCK_START = re.compile(r"^(\s*)([#>+=|~-]|\d+[.)])")


def _escape(text: str) -> str:
    """``text`` as literal Markdown: inline markup characters and block markers that would
    start a heading, quote or list (``1.`` at the start of a line) are backslash-escaped."""
    text = _INLINE_SPECIAL.sub(r"\\\1", printable(" ".join(text.split())))
    match = _BLOCK_START.match(text)
    if match:
        marker = match.group(2)
        escaped = marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker
        text = match.group(1) + escaped + text[match.end() :]
    return text


def markdown(report: Report) -> str:
    """The report as Markdown: the title (``metadata.title``, if known) as ``#``, top-level
    sections as ``##``, subsections one level deeper each (down to ``######``), every paragraph
    and item as a paragraph, glossary entries as a list. Boilerplate (site chrome) and the title
    line, when it is the first paragraph, are left out.
    Text is the normalised text of the nodes, escaped so that it renders literally."""
    blocks: list[str] = []
    title = report.metadata.title
    if title:
        blocks.append(f"# {_escape(title)}")

    def heading_line(node: Section | Subsection, depth: int) -> str:
        text = node.heading.text if node.heading is not None else node.title
        return f"{'#' * min(depth + 2, 6)} {_escape(text)}"

    def visit(node: Section | Subsection, depth: int) -> None:
        if node.heading is not None or node.title:
            blocks.append(heading_line(node, depth))
        glossary: list[str] = []
        for child in node.children:
            if not isinstance(child, GlossaryEntry) and glossary:
                blocks.append("\n".join(glossary))
                glossary = []
            _child(child, depth, glossary)
        if glossary:
            blocks.append("\n".join(glossary))

    def _child(child: Child, depth: int, glossary: list[str]) -> None:
        if isinstance(child, Subsection):
            visit(child, depth + 1)
        elif isinstance(child, GlossaryEntry):
            number = f"{child.number}." if child.number is not None else "-"
            glossary.append(f"{number} **{_escape(child.term)}**：{_escape(child.definition)}")
        elif isinstance(child, (Heading, Boilerplate)):
            return  # headings are written by visit(); chrome is left out
        elif not (title and depth == 0 and len(blocks) <= 1 and child.text == title):
            blocks.append(_escape(child.text))  # (the title line is already the # heading)

    for section in report.sections:
        visit(section, 0)
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"

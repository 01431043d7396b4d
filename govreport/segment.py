"""Segmentation: normalised text → blocks (the second stage of the pipeline).

After ``normalize.unwrap`` every paragraph is one line, so a block is a line's content without
its surrounding spaces. Run-on lines — a whole report pasted as one line of 15,000 characters
(seed 001) — are cut where a heading or a salutation starts after a sentence end
(``…提出意见。 一、2020年…``); whether such a cut really is a heading is decided later, by the
outline pass, which knows the numbering sequence.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from . import patterns
from .boundary import embedded_part_title
from .vocabulary import PART_NOUN as _PART_NOUN

__all__ = ["RUN_ON_LENGTH", "Block", "segment"]

#: lines at least this long are searched for embedded headings (and any line that holds
#: more than half of the text, opens with 一、 and holds 二、 after a sentence end, or holds
#: the opening formula and a heading after it)
RUN_ON_LENGTH = 600

_SPACE = patterns.SPACE


class Block:
    """A range ``[start, end)`` of the normalised text holding one paragraph or heading."""

    __slots__ = ("embedded", "end", "start", "title_end")

    def __init__(self, start: int, end: int, embedded: bool = False,
                 title_end: int | None = None) -> None:
        self.start = start
        self.end = end
        self.embedded = embedded  # cut out of a run-on line, not at a line start
        self.title_end = title_end  # cut before a part title without numeral: where it ends

    def __repr__(self) -> str:
        return f"Block({self.start}, {self.end}{', embedded' if self.embedded else ''})"


def segment(text: str) -> list[Block]:
    """Split normalised ``text`` into blocks, in order, non-overlapping, without empty ones."""
    blocks: list[Block] = []
    pos = 0
    size = len(text)
    for line in text.split("\n"):
        length = len(line)
        stripped = line.strip(_SPACE)
        if stripped:
            n = len(stripped)
            start = pos if n == length else pos + length - len(line.lstrip(_SPACE))
            end = start + n
            # a long line, or a line that is most of the text (a short report pasted as one
            # line), is searched for headings; the outline pass decides which cuts are real
            if (n >= RUN_ON_LENGTH or 2 * n > size
                    or (stripped.startswith("一、") and _opens_a_part_sequence(text, start, end))
                    or (n >= _OPENING_LINE and _opening_then_heading(text, start, end))):
                blocks.extend(_split_run_on(text, start, end))
            else:
                blocks.append(Block(start, end))
        pos += length + 1
    return blocks


def _opens_a_part_sequence(text: str, start: int, end: int) -> bool:
    """A short report pasted as one line among web chrome: ``一、…。二、…`` on one line."""
    if not text.startswith("一、", start):
        return False
    return any(m.group("part") == "二、"
               for m in patterns.EMBEDDED_HEADING.finditer(text, start, end))


#: a shorter line is searched too when it holds the opening formula and a heading after it
_OPENING_LINE = 120


def _opening_then_heading(text: str, start: int, end: int) -> bool:
    """A short report pasted as one line (its title, the meeting line, the opening formula
    and a part or two): a heading numeral after a sentence end follows the opening formula."""
    line = text[start:end]
    if "报告" not in line and "eport" not in line:  # what every opening formula says
        return False
    m = patterns.OPENING.search(text, start, end)
    return m is not None and patterns.EMBEDDED_HEADING.search(text, m.end(), end) is not None


def _split_run_on(text: str, start: int, end: int) -> list[Block]:
    cuts = set()
    for m in patterns.EMBEDDED_HEADING.finditer(text, start, end):
        cuts.add(m.start("at"))
    for m in patterns.EMBEDDED_SALUTATION.finditer(text, start, end):
        cuts.add(m.start("at"))
    for m in patterns.EMBEDDED_TITLE.finditer(text, start, end):
        cuts.add(m.start("at"))
    for m in patterns.EMBEDDED_BULLET.finditer(text, start, end):
        cuts.add(m.start())
    titles: dict[int, int] = {}  # part titles without numeral, back matter: cut → title end
    for m in patterns.EMBEDDED_BACK.finditer(text, start, end):
        titles[m.start("at")] = m.end("at")
    for m in _part_nouns(text, start, end):
        at = _sentence_start(text, m.start(), start)
        if at is not None and at not in cuts and at not in titles:
            title_end = embedded_part_title(text, at, end)
            if title_end is not None:
                titles[at] = title_end
    cuts.update(titles)
    for m in patterns.OPENING.finditer(text, start, end):  # the body starts after its sentence
        stop = patterns.SENTENCE_END.search(text, m.end(), min(end, m.end() + 200))
        if stop is not None and stop.end() < end:
            cuts.add(_skip(text, stop.end(), end))
    for title_end in titles.values():  # a subsection numeral right after a part title
        m = patterns.CHAPTER_PAREN_CJK.match(text, _skip(text, title_end, end), end)
        if m:
            cuts.add(m.start())
    if not cuts:
        return [Block(start, end)]
    out = []
    prev = start
    for cut in sorted(cuts):
        if cut <= prev:
            continue
        piece_end = cut
        while piece_end > prev and text[piece_end - 1] in _SPACE:
            piece_end -= 1
        out.append(Block(prev, piece_end, embedded=prev != start, title_end=titles.get(prev)))
        prev = cut
    out.append(Block(prev, end, embedded=prev != start, title_end=titles.get(prev)))
    return out


_SENTENCE_ENDS = "。！？；!?;"
_SENTENCE_END_CHAR = regex.compile("[。！？；!?;]")
#: where a clause ends: no match of ``PART_NOUN`` holds one of these characters (and none is a
#: word character to ``\b``), so a scan of ``PART_NOUN`` reaches the position after each one,
#: and ends at each one, as the scan of the whole line does
_CLAUSE_BREAK = regex.compile("[，,：:。；;]")
_CLAUSE_BREAK_BEFORE = regex.compile("[，,：:。；;]", flags=regex.REVERSE)


def _part_nouns(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """The matches of ``PART_NOUN.finditer(text, start, end)`` in the clauses that start at a
    sentence end or hold one: a part noun elsewhere has a comma or colon between it and the
    sentence end before it, and ``_sentence_start`` finds no sentence start for it. Most of a
    long line is such clauses, and ``PART_NOUN`` (a long alternation) is slow to scan."""
    scanned = start  # the clauses before this position are done
    for stop in _SENTENCE_END_CHAR.finditer(text, start, end):
        at = stop.start()
        if at < scanned:
            continue  # a ！ inside a clause already scanned
        if text[at] in "。；;":  # a clause break: the clause starts after it
            lo = at + 1
        else:  # ！？!?: the clause holding it starts after the break before it
            before = _CLAUSE_BREAK_BEFORE.search(text, scanned, at)
            lo = before.end() if before is not None else scanned
        after = _CLAUSE_BREAK.search(text, at + 1, end)
        hi = after.start() if after is not None else end
        yield from _PART_NOUN.finditer(text, lo, hi)
        scanned = hi


def _skip(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in _SPACE:
        pos += 1
    return pos
_TITLE_BEFORE_NOUN = 32


def _sentence_start(text: str, pos: int, start: int) -> int | None:
    """The start of the sentence that holds ``pos``, if a sentence end lies at most
    ``_TITLE_BEFORE_NOUN`` characters before it (spaces after the end skipped)."""
    lo = max(start, pos - _TITLE_BEFORE_NOUN)
    for i in range(pos - 1, lo - 1, -1):
        c = text[i]
        if c in _SENTENCE_ENDS:
            j = i + 1
            while j < pos and text[j] in _SPACE:
                j += 1
            return j
        if c in "，,：:":
            return None  # inside a sentence
    return None

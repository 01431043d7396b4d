"""Segmentation: normalised text → blocks (the second stage of the pipeline).

After ``normalize.unwrap`` every paragraph is one line, so a block is a line's content without
its surrounding spaces. Run-on lines — a whole report pasted as one line of 15,000 characters
(seed 001) — are cut where a heading or a salutation starts after a sentence end
(``…提出意见。 一、2020年…``); whether such a cut really is a heading is decided later, by the
outline pass, which knows the numbering sequence.
"""

from __future__ import annotations

from . import patterns

__all__ = ["RUN_ON_LENGTH", "Block", "segment"]

#: lines at least this long are searched for embedded headings (and any line that holds
#: more than half of the text, or opens with 一、 and holds 二、 after a sentence end)
RUN_ON_LENGTH = 1200

_SPACE = patterns.SPACE


class Block:
    """A range ``[start, end)`` of the normalised text holding one paragraph or heading."""

    __slots__ = ("embedded", "end", "start")

    def __init__(self, start: int, end: int, embedded: bool = False) -> None:
        self.start = start
        self.end = end
        self.embedded = embedded  # cut out of a run-on line, not at a line start

    def __repr__(self) -> str:
        return f"Block({self.start}, {self.end}{', embedded' if self.embedded else ''})"


def segment(text: str) -> list[Block]:
    """Split normalised ``text`` into blocks, in order, non-overlapping, without empty ones."""
    blocks: list[Block] = []
    pos = 0
    for line in text.split("\n"):
        line_end = pos + len(line)
        stripped = line.strip(_SPACE)
        if stripped:
            start = pos + (len(line) - len(line.lstrip(_SPACE)))
            end = start + len(stripped)
            # a long line, or a line that is most of the text (a short report pasted as one
            # line), is searched for headings; the outline pass decides which cuts are real
            if (len(stripped) >= RUN_ON_LENGTH or 2 * len(stripped) > len(text)
                    or _opens_a_part_sequence(text, start, end)):
                blocks.extend(_split_run_on(text, start, end))
            else:
                blocks.append(Block(start, end))
        pos = line_end + 1
    return blocks


def _opens_a_part_sequence(text: str, start: int, end: int) -> bool:
    """A short report pasted as one line among web chrome: ``一、…。二、…`` on one line."""
    if not text.startswith("一、", start):
        return False
    return any(m.group("part") == "二、"
               for m in patterns.EMBEDDED_HEADING.finditer(text, start, end))


def _split_run_on(text: str, start: int, end: int) -> list[Block]:
    cuts = set()
    for m in patterns.EMBEDDED_HEADING.finditer(text, start, end):
        cuts.add(m.start("at"))
    for m in patterns.EMBEDDED_SALUTATION.finditer(text, start, end):
        cuts.add(m.start("at"))
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
        out.append(Block(prev, piece_end, embedded=prev != start))
        prev = cut
    out.append(Block(prev, end, embedded=prev != start))
    return out

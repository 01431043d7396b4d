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
from .boundary import chapter_options, embedded_part_title
from .vocabulary import PART_NOUN as _PART_NOUN

__all__ = ["RUN_ON_LENGTH", "Block", "CutBlock", "RunOnCuts", "segment"]

#: lines at least this long are searched for embedded headings (and any line that holds
#: more than half of the text, opens with 一、 and holds 二、 after a sentence end, or holds
#: the opening formula and a heading after it)
RUN_ON_LENGTH = 600

_SPACE = patterns.SPACE


class Block:
    """A range ``[start, end)`` of the normalised text holding one paragraph or heading.

    A block that is a whole line carries only its range; one cut out of a run-on line is a
    :class:`CutBlock`, which also says how it was cut (the defaults below: a text of many short
    lines holds one block per line, issue 14, item 7)."""

    __slots__ = ("end", "start")

    embedded: bool = False  # cut out of a run-on line, not at a line start
    title_end: int | None = None  # cut before a part title without numeral: where it ends
    #: cut before a sentence shaped like a title, ahead of a subsection numbering that starts
    #: (1) or restarts (2) with no part numeral before it: maybe a part's heading
    restart: int = 0
    stretch: int = -1  # … and where that numeral stands (the blocks cut before it)

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Block({self.start}, {self.end}{', embedded' if self.embedded else ''})"

    def moved(self, by: int) -> Block:
        """This block ``by`` characters further on (its offsets all moved)."""
        return Block(self.start + by, self.end + by)


class CutBlock(Block):
    """A block cut out of a run-on line, with how it was cut."""

    __slots__ = ("embedded", "restart", "stretch", "title_end")

    def __init__(self, start: int, end: int, embedded: bool, title_end: int | None,
                 restart: int, stretch: int) -> None:
        super().__init__(start, end)
        self.embedded = embedded
        self.title_end = title_end
        self.restart = restart
        self.stretch = stretch

    def moved(self, by: int) -> CutBlock:
        return CutBlock(self.start + by, self.end + by, self.embedded,
                        None if self.title_end is None else self.title_end + by, self.restart,
                        self.stretch if self.stretch < 0 else self.stretch + by)


#: the blocks of run-on lines already cut, by line (offsets in the line): see ``segment``
RunOnCuts = dict[str, list[Block]]


def segment(text: str, known: RunOnCuts | None = None) -> Iterator[Block]:
    """Split normalised ``text`` into blocks, in order, non-overlapping, without empty ones.

    The blocks are made as they are read (classification takes one at a time: a text of many
    short lines does not hold a block for each line at once, nor a list of its lines).
    A run-on line is cut by what it holds alone: the patterns look behind a line's start only
    for punctuation, digits or letters, which the line break and spaces before it never are.
    ``known`` keeps the cuts of the run-on lines of one call for the next calls given it: a
    page and each report on it (``parse_many``) hold the same long lines."""
    pos = 0
    size = len(text)
    while pos <= size:
        stop = text.find("\n", pos)
        if stop < 0:
            stop = size
        line = text[pos:stop]
        length = stop - pos
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
                yield from _run_on(stripped, start, known)
            else:
                yield Block(start, end)
        pos = stop + 1


def _run_on(line: str, start: int, known: RunOnCuts | None) -> list[Block]:
    """The blocks of a run-on ``line`` that starts at ``start`` (``known``: see ``segment``)."""
    cuts = None if known is None else known.get(line)
    if cuts is None:
        cuts = _split_run_on(line, 0, len(line))
        if known is not None:
            known[line] = cuts
    return [block.moved(start) for block in cuts]  # (the blocks in ``known`` stay as cut)


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
    if text.find("报告", start, end) < 0 and text.find("eport", start, end) < 0:
        return False  # (what every opening formula says)
    m = patterns.OPENING.search(text, start, end)
    return m is not None and patterns.EMBEDDED_HEADING.search(text, m.end(), end) is not None


def _split_run_on(text: str, start: int, end: int) -> list[Block]:
    headings = list(patterns.EMBEDDED_HEADING.finditer(text, start, end))
    cuts = {m.start("at") for m in headings}
    for m in patterns.EMBEDDED_SALUTATION.finditer(text, start, end):
        cuts.add(m.start("at"))
    for m in patterns.EMBEDDED_LATIN_PART.finditer(text, start, end):
        cuts.add(m.start("at"))
    for m in patterns.EMBEDDED_TITLE.finditer(text, start, end):
        cuts.add(m.start("at"))
    for m in patterns.EMBEDDED_BULLET.finditer(text, start, end):
        cuts.add(m.start())
    # a part numeral followed by a title that names a part starts the part wherever it
    # stands: a re-posted page's chrome phrase may run into it (…仅供参考二、2025年工作安排)
    for m in _BARE_PART_NUMERAL.finditer(text, start, end):
        at = m.start("numeral")
        if at not in cuts and embedded_part_title(text, m.end(), end) is not None:
            cuts.add(at)
    titles: dict[int, int] = {}  # part titles without numeral, back matter: cut → title end
    for m in patterns.EMBEDDED_BACK.finditer(text, start, end):
        titles[m.start("at")] = m.end("at")
    for m in _GLOSSARY_THEN_ENTRY.finditer(text, start, end):  # …仅供参考名词解释1.新质…
        if not any(a <= m.start() < e for a, e in titles.items()):  # not 附件2 名词解释
            titles[m.start()] = m.end("title")
    noun_starts = {at for m in _part_nouns(text, start, end)
                   if (at := _sentence_start(text, m.start(), start)) is not None}
    for at in sorted(noun_starts):  # (a sentence tried once, however many part nouns it holds)
        if at not in cuts and at not in titles:
            title_end = embedded_part_title(text, at, end)
            if title_end is not None:
                titles[at] = title_end
    cuts.update(titles)
    restarts: dict[int, tuple[int, int]] = {}
    for at, title_end, restart, numeral in _lost_part_titles(text, start, headings, set(titles)):
        if at not in cuts:
            titles[at] = title_end
            restarts[at] = (restart, numeral)
            cuts.add(at)
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
    out: list[Block] = []
    prev = start
    for cut in sorted(cuts):
        if cut <= prev:
            continue
        piece_end = cut
        while piece_end > prev and text[piece_end - 1] in _SPACE:
            piece_end -= 1
        out.append(CutBlock(prev, piece_end, prev != start,
                            _within(titles.get(prev), piece_end),
                            *restarts.get(prev, _NO_RESTART)))
        prev = cut
    out.append(CutBlock(prev, end, prev != start, _within(titles.get(prev), end),
                        *restarts.get(prev, _NO_RESTART)))
    return out


def _within(title_end: int | None, end: int) -> int | None:
    """A title's end inside its block: a title that runs past the next cut (one found by
    another rule) ends with the block."""
    return None if title_end is None else min(title_end, end)


_SENTENCE_ENDS = "。！？；!?;"
#: a part numeral not found after a sentence end (not 第一、: an ordinal inside a sentence),
#: found at its 、 (which the engine finds faster than one of the numerals)
_BARE_PART_NUMERAL = regex.compile(r"(?<=(?<![第\d])(?P<numeral>[一二三四五六七八九十]{1,2}))、")
#: a glossary heading followed by its first numbered entry, whatever precedes it
_GLOSSARY_THEN_ENTRY = regex.compile(
    r"(?P<title>名词解释|名词注释)[ \t]*[:：]?[ \t]*(?=(?:1|１)[.．、]|[（(](?:1|１|一)[）)])")
_NO_RESTART = (0, -1)
#: how far before a (re)starting subsection numeral a lost part title is looked for
_LOST_TITLE_WINDOW = 4000


def _lost_part_titles(text: str, start: int, headings: list[regex.Match[str]],
                      titles: set[int]) -> Iterator[tuple[int, int, int, int]]:
    """Sentences that may open a part whose heading lost its numeral, inside a run-on line.

    A subsection numeral （一） after （二） or later with no part numeral or part title between
    means that a part began in between, and so does the line's first （一） when no part
    numeral stands before it; the title of such a part (a slogan such as ``牢记使命，奋勇争先``
    names no part, so ``embedded_part_title`` does not find it) runs into the sentences of
    its introduction. Every sentence in that stretch that starts like a title (a short clause,
    a comma, a title-long clause, run into the body or ending the sentence) is offered, as
    ``(start, title end, 1 or 2, where the numeral stands)``; the outline pass decides which
    one, if any, is the heading (where the text turns to the next part: ``classify``).
    ``headings`` are the line's matches of ``EMBEDDED_HEADING``, ``titles`` where its part
    titles without numeral start."""
    last = 0  # the last subsection ordinal since a part began, and where that is
    last_at = start
    parted = False  # a part numeral or title stands before
    title_at = sorted(titles)
    t = 0
    for m in headings:
        at = m.start("at")
        while t < len(title_at) and title_at[t] < at:
            last, last_at, parted = 0, title_at[t], True
            t += 1
        if m.group("part"):
            last, last_at, parted = 0, at, True
            continue
        n = patterns.cjk_to_int(m.group("chap")[1:-1])
        if n is None:
            continue
        if n == 1 and (last >= 2 or not parted):
            for stop in _SENTENCE_END_CHAR.finditer(text, max(last_at, at - _LOST_TITLE_WINDOW),
                                                    at):
                s = _skip(text, stop.end(), at)
                title_end = _title_shaped(text, s, at)
                if title_end is not None:
                    yield s, title_end, 2 if last >= 2 else 1, at
            parted = True
        last, last_at = n, at


_OWN_SENTENCE = 30
_TITLE_SEARCH = 120
#: … else the title runs to the next comma: its body's first clause, a few words, with it
_SECOND_CLAUSE = regex.compile(r"[^，,]{4,20}(?=[，,])")


def _title_shaped(text: str, at: int, end: int) -> int | None:
    """Where a title that starts at ``at`` ends, if the sentence there has the shape of a
    slogan title: its own short sentence (``牢记使命，奋勇争先。``) or run into the body
    (``牢记历史使命，在中国式现代化建设中奋勇争先福建是…``: ``boundary.chapter_options``)."""
    m = patterns.SLOGAN_FIRST_CLAUSE.match(text, at, end)
    if m is None:
        return None
    stop = _SENTENCE_END_CHAR.search(text, m.end(), min(end, at + _TITLE_SEARCH))
    first = text[at : stop.start() if stop else min(end, at + _TITLE_SEARCH)]
    best = max(chapter_options(first), key=lambda o: (o[1], -o[0]), default=None)
    if best is not None and best[1] >= 3:
        return at + best[0]
    if stop is not None and len(first) <= _OWN_SENTENCE:
        return int(stop.end())
    second = _SECOND_CLAUSE.match(first, m.end() - at)
    return at + second.end() if second else None


_SENTENCE_END_CHAR = regex.compile("[。！？；!?;]")
#: where a clause ends: no match of ``PART_NOUN`` holds one of these characters (and none is a
#: word character to ``\b``), so a scan of ``PART_NOUN`` reaches the position after each one,
#: and ends at each one, as the scan of the whole line does
_CLAUSE_BREAK = regex.compile("[，,：:。；;]")
_CLAUSE_BREAK_BEFORE = regex.compile("[，,：:。；;]", flags=regex.REVERSE)
#: a sentence end that breaks a clause and the clause after it (group 1, up to the next
#: break), or a sentence end inside a clause: where the clauses ``_part_nouns`` scans are
_CLAUSE_AFTER_END = regex.compile("[。；;]([^，,：:。；;]*)|[！？!?]")


def _part_nouns(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """The matches of ``PART_NOUN.finditer(text, start, end)`` in the clauses that start at a
    sentence end or hold one: a part noun elsewhere has a comma or colon between it and the
    sentence end before it, and ``_sentence_start`` finds no sentence start for it. Most of a
    long line is such clauses, and ``PART_NOUN`` (a long alternation) is slow to scan."""
    scanned = start  # the clauses before this position are done
    for m in _CLAUSE_AFTER_END.finditer(text, start, end):
        lo, hi = m.span(1)  # the clause after 。；; (a ！ inside it is passed over with it)
        if lo < 0:  # ！？!?: the clause holding it starts after the break before it
            at = m.start()
            if at < scanned:
                continue  # a ！ inside a clause already scanned
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
#: the last sentence end or clause break before a position
_STOP_BEFORE = regex.compile("[。！？；!?;，,：:]", flags=regex.REVERSE)


def _sentence_start(text: str, pos: int, start: int) -> int | None:
    """The start of the sentence that holds ``pos``, if a sentence end lies at most
    ``_TITLE_BEFORE_NOUN`` characters before it (spaces after the end skipped)."""
    stop = _STOP_BEFORE.search(text, max(start, pos - _TITLE_BEFORE_NOUN), pos)
    if stop is None or text[stop.start()] not in _SENTENCE_ENDS:
        return None  # inside a sentence (a comma or colon before), or too far in
    return _skip(text, stop.end(), pos)

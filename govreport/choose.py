"""The grammar-guided choice: the readings of every block → the outline the text most plausibly
has (the fourth stage of the pipeline, where every ambiguity is decided).

Each block comes with ranked readings (``classify.offer_readings``). A left-to-right beam search
keeps the best-scoring sequences of readings that ``grammars/report.lark`` accepts: a sequence's
score is the sum of its readings' scores and of what the numbering says about them. Readings the
grammar rejects where they stand (a review heading after the annual plan, a subsection heading in
the preamble, a title line in the body) are never taken.

* **The grammar** is run as a recogniser over lark's own LALR tables (``Recogniser``): a parser
  state is the tuple of LALR states on its stack, so copying one is free and the transitions are
  memoised; lark's ``InteractiveParser`` would deep-copy its value stack at every copy
  (``tests/test_choose.py`` checks that both accept the same sequences).
* **The numbering** (:func:`numbering`) is the one check a context-free grammar cannot say: a
  part numeral continues the part sequence (一 after 〇, 二 after 一, a gap costs), a subsection
  numeral continues its part's sequence in a compatible family (``(1) (2) 3.``), ``1.`` inside
  ``（一）`` starts a nested list, and 一、 restarting under each bare part title means 一、 is a
  subsection there (lost outer numbering).
* **Merging**: two sequences that reach the same parser state and numbering state continue
  alike, so only the better is kept; the beam then holds at most ``BEAM`` states and the search is
  linear in the number of blocks.
* **Confidence**: for a decision worth reporting, the best sequence that reads the block
  otherwise is found by searching again from that block with the chosen reading left out; the
  margin between the two scores gives the confidence, 1 / (1 + e^-margin), and that sequence's
  reading of the block is the runner-up. The beam before the block is not kept for every
  block of a long text (on a text of many headings it would be most of the search's memory):
  past the first few hundred decisions the main run keeps it at checkpoints
  ``_CHECKPOINT`` blocks apart or more, and it is rebuilt by stepping the search on from the
  checkpoint, or from the last beam rebuilt (blocks are assessed in order), which gives the
  same beam as the search is deterministic.
"""

from __future__ import annotations

import math
import operator
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, cast

from .classify import PART_KIND, PART_TERMINAL, PLAIN_READINGS, Candidate, Reading, TokenKind
from .models import SectionKind

__all__ = ["BEAM", "NESTED_FAMILIES", "Choice", "Outcome", "Recogniser", "choose", "numbering"]

#: how many numbering states the search keeps at each block, and how many parser states
#: (sequences that differ in the kinds of their parts, say) for each
_GROUPS = 8
_PER_GROUP = 3
BEAM = _GROUPS * _PER_GROUP
#: sequences that differ only in the subsection numbering: this far below their best dropped
_CHAPTER_PRUNE = 2.0
#: sequences this far below the best are dropped
_PRUNE = 6.0

Stack = tuple[int, ...]


class NumState(NamedTuple):
    """Where the numbering stands after a sequence of readings."""

    part: int = 0  # last part ordinal (0: none yet, -1: a headless part)
    part_family: str | None = None  # numbering family of the parts' numerals
    bare: bool = False  # the current part's heading has no numeral
    chapter: int = 0  # last subsection ordinal in the current part
    chapter_family: str | None = None
    nested: str | None = None  # family of a nested list inside the current subsection
    demoted: str | None = None  # a top-level family (一、) that stands for subsections
    opened: bool = False  # the opening formula has been read
    #: last top-level numeral read as text in the current part (一、 as an item; negative when
    #: it was cut out of a run-on line, where look-alikes are common)
    loose: int = 0


START = NumState()
_AFTER_BODY = NumState(part=-2, opened=True)


def _new(*fields: object) -> NumState:
    """A NumState from its fields in order, without the keyword handling of ``_replace``."""
    return tuple.__new__(NumState, fields)

_PART_FAMILIES = frozenset({"cjk", "di_part", "roman", "en_word"})
_COMPATIBLE = frozenset({frozenset({"paren_arabic", "arabic_dot"})})
#: part numerals whose parts hold subsections numbered like parts: 第一部分 > 一、
NESTED_FAMILIES: dict[str | None, frozenset[str]] = {"di_part": frozenset({"cjk"})}
_BODY = frozenset({TokenKind.PARA, TokenKind.ITEM, TokenKind.SALUTATION,
                   TokenKind.TAIL_SALUTATION})
_TEXT = frozenset({TokenKind.PARA, TokenKind.ITEM, TokenKind.FRONT_TEXT})

# what the numbering adds to a reading's score
_FITS = 0.5
_GAP = -1.0  # per missing number
_BREAKS = -8.0
_FIRST_LATER = -1.0  # a first part numbered 二 or 三 (a fragment)
_AFTER_HEADLESS_ONE = -2.0  # 一、 after text that would be a part of its own
_FAMILY_CHANGE = -2.0
_BARE_AMONG_NUMBERED = -1.0
_BARE_AFTER_BARE = 0.0  # parts without numerals, one after another: a consistent scheme
#: one numeral family serves one level: 一、 as a subsection under a numbered part, as a part
#: after it stood for subsections, as a part continuing 一、二、 read as text just before
_TWO_LEVELS = -6.0
#: 一、 under a part title without numeral is the subsection numeral (a .docx whose automatic
#: outer numbering was lost): as much a subsection there as a part elsewhere (classify.W)
_UNDER_BARE_PART = 0.5
_CONTINUES_RUN_ON = -2.5  # … as a part continuing 一、 read as text inside a run-on line
#: a part numeral read as text whose number a part title without numeral just took
_NUMBER_TAKEN = -2.0
_BARE_SUB_FITS = 2.0  # a bare subsection title just where a numbered sibling is missing
_BARE_SUB_LAST = 1.6  # … or after the last numbered sibling
_BARE_SUB_ALONE = -2.0
#: a subsection numeral that continues the sequence, read as an item
_ITEM_FITS = -1.5
#: the first point of a list nested in a subsection that is numbered like a part
#: (一、 > （一）): what a subsection numeral gains over an item (classify.W "subsection
#: numeral" − "numbered item", and _FITS), so that the points do not outvote the outline (only
#: the first: the state does not count the points, and a bonus for every one would reward a
#: list that runs on across the next subsection's numeral)
_NESTED_UNDER_DEMOTED = 1.8
#: preamble text after the opening formula (an introduction before the first part is short)
_INTRO = -0.35
_LONG_INTRO = -2.0  # … a long paragraph: hardly an introduction
_INTRO_LENGTH = 300
#: … and a part without heading right after the opening formula (its heading is lost) is
#: somewhat less likely than a sentence of introduction
_HEADLESS_AFTER_OPENING = -0.8
#: … that starts with a line that may be a part title: the title is the part's heading
_HEADLESS_UNDER_A_TITLE = -1.0
#: a review heading after a part without heading: that text introduced the report, it was no
#: review of its own (the kind of a part without heading is its content's: transform.py)
_REVIEW_AFTER_HEADLESS = -1.0
_REVIEW = PART_TERMINAL[SectionKind.REVIEW]
#: … that starts with 各位代表： (the salutation before the first part is the preamble's)
_HEADLESS_AT_A_SALUTATION = -1.0

_MISSING: Stack = ()
#: readings that leave the numbering as it is (once the body has begun; not for a block that
#: has a numeral)
_PLAIN = frozenset({TokenKind.PARA, TokenKind.ITEM, TokenKind.SALUTATION,
                    TokenKind.TAIL_SALUTATION, TokenKind.GLOSSARY_ENTRY, TokenKind.BOILERPLATE,
                    TokenKind.TITLE, TokenKind.META, TokenKind.SPEAKER})
#: … and for a block with a numeral that is no part's (（一）, 1.): those but the item, which may
#: continue or start a subsection numbering (a part numeral read as text is remembered)
_PLAIN_AT_A_NUMERAL = _PLAIN - {TokenKind.ITEM}
_NOTHING_PLAIN: frozenset[TokenKind] = frozenset()
#: readings after which no part or subsection can follow: the numbering is over
_ENDS_BODY = frozenset({TokenKind.CLOSING_START, TokenKind.CLOSING_HEADING,
                        TokenKind.APPENDIX_HEADING, TokenKind.GLOSSARY_HEADING})
_NUMBERED_LOOKS = frozenset({TokenKind.PART_HEADING, TokenKind.CHAPTER_HEADING})


def _plain_readings(cand: Candidate | _Run) -> frozenset[TokenKind]:
    """The kinds of reading of ``cand`` that leave the numbering state as it is once the body
    has begun (``numbering`` says 0 of them and returns the state it was given)."""
    if cand.kind not in _NUMBERED_LOOKS:
        return _PLAIN
    return _PLAIN_AT_A_NUMERAL if cand.family not in _PART_FAMILIES else _NOTHING_PLAIN


def _compatible(a: str | None, b: str | None) -> bool:
    return a == b or a is None or b is None or frozenset({a, b}) in _COMPATIBLE


def numbering(state: NumState, reading: Reading, cand: Candidate | _Run
              ) -> tuple[float, NumState, int | None, int | None]:
    """What the numbering says of ``reading`` for ``cand`` after ``state``:
    ``(score, new state, ordinal, gap_from)`` — the ordinal the heading gets (inferred when it
    has no numeral) and, when the numbering jumps, the ordinal it jumps from."""
    kind = reading.kind
    family = cand.family
    numbered = cand.ordinal is not None and family not in (None, "truncated", "bare")
    if kind in PART_KIND:
        score, new, ordinal, gap = _part(state, cand, numbered)
        if state.part == -1 and kind == _REVIEW:  # the text before it was an introduction
            score += _REVIEW_AFTER_HEADLESS
        return score, new, ordinal, gap
    if kind in _ENDS_BODY:  # sequences that differ only in the numbering merge from here
        return 0.0, _AFTER_BODY, None, None
    if kind == TokenKind.CHAPTER_HEADING:
        return _chapter(state, cand, numbered)
    if numbered and kind in _TEXT:
        assert cand.ordinal is not None
        if family in _PART_FAMILIES:  # 一、 read as text: a later 二、 does not continue it
            # … but the numeral of the part a bare title just took the number of (二、 after a
            # part title without numeral read as part 2, 一、 numbered the parts) is that part's
            # own, unless it continues an enumeration read as text (一、 … 二、 in the body)
            score = _NUMBER_TAKEN if (
                state.bare and family == state.part_family and cand.ordinal == state.part
                and abs(state.loose) != cand.ordinal - 1) else 0.0
            loose = cand.ordinal if not cand.embedded else -cand.ordinal
            part = -1 if state.part == 0 and kind != TokenKind.FRONT_TEXT else state.part
            return score, _new(part, state.part_family, state.bare, state.chapter,
                             state.chapter_family, state.nested, state.demoted, state.opened,
                             loose), None, None
        elif kind == TokenKind.ITEM:
            if state.chapter and family != state.chapter_family and cand.ordinal == 1:
                # under a subsection numbered like a part (一、 below a part title without
                # numeral), （一） are its points: as likely items there as subsections
                under = _NESTED_UNDER_DEMOTED if family == "paren_cjk" and state.demoted \
                    is not None and state.chapter_family == state.demoted else 0.0
                return under, _new(state.part, state.part_family, state.bare, state.chapter,
                                   state.chapter_family, family, state.demoted, state.opened,
                                   state.loose), None, None  # a nested list starts
            if family != state.nested and cand.ordinal == state.chapter + 1 and _compatible(
                    family, state.chapter_family):
                return _ITEM_FITS, state, None, None  # the next subsection read as an item
    if state.part == 0 and kind in _BODY:  # text before any part: a part without heading
        score = _HEADLESS_AFTER_OPENING if state.opened else 0.0
        if cand.kind == TokenKind.SALUTATION:
            score += _HEADLESS_AT_A_SALUTATION
        elif cand.kind == TokenKind.BARE and any(r.kind in PART_KIND for r in cand.readings):
            score += _HEADLESS_UNDER_A_TITLE
        return score, _new(
            -1, state.part_family, state.bare, state.chapter, state.chapter_family, state.nested,
            state.demoted, state.opened, state.loose), \
            None, None
    if not state.opened and (kind == TokenKind.OPENING or (
            kind == TokenKind.FRONT_TEXT and cand.kind == TokenKind.SALUTATION)):
        # the opening formula, or the salutation before it, ends the preamble
        return 0.0, _new(state.part, state.part_family, state.bare, state.chapter,
                         state.chapter_family, state.nested, state.demoted, True,
                         state.loose), None, None
    if kind == TokenKind.FRONT_TEXT and state.opened and reading.score >= 0:
        long = cand.end - cand.start > _INTRO_LENGTH
        return (_LONG_INTRO if long else _INTRO) * reading.count, state, None, None
    return 0.0, state, None, None


def _part(state: NumState, cand: Candidate | _Run, numbered: bool
          ) -> tuple[float, NumState, int | None, int | None]:
    expected = state.part + 1 if state.part >= 0 else None
    if not numbered:
        o = expected if expected is not None else 2
        score = _BARE_AMONG_NUMBERED if state.part_family is not None else \
            _BARE_AFTER_BARE if state.bare else 0.0
        return score, NumState(o, state.part_family, True, demoted=state.demoted,
                               opened=state.opened), o, None
    assert cand.ordinal is not None
    o = cand.ordinal
    gap: int | None = None
    if expected is None:  # after a headless part: its ordinal is unknown, but not 1
        score = _FITS if o >= 2 else _AFTER_HEADLESS_ONE
    elif o == expected:
        score = _FITS
    elif state.part == 0 and o <= 3 and not cand.embedded:
        score = _FIRST_LATER
    elif expected < o <= expected + 2 and not cand.embedded:
        score, gap = _GAP * (o - expected), state.part
    else:
        score = _BREAKS
    family = cand.family
    if state.part_family is not None and family != state.part_family:
        score += _FAMILY_CHANGE
    elif state.part_family is None and state.part > 0 and o != expected:
        score += _BARE_AMONG_NUMBERED  # numerals after parts without any, not counting them
    if family == state.demoted or (state.loose > 0 and o == state.loose + 1):
        score += _TWO_LEVELS
    elif state.loose < 0 and o == -state.loose + 1:  # the text was cut out of a run-on line
        score += _CONTINUES_RUN_ON
    return score, NumState(o, family, False, demoted=state.demoted, opened=state.opened), o, gap


def _chapter(state: NumState, cand: Candidate | _Run, numbered: bool
             ) -> tuple[float, NumState, int | None, int | None]:
    part = state.part if state.part != 0 else -1  # a subsection before any part: headless
    chap, chap_family = state.chapter, state.chapter_family
    if not numbered:
        o = chap + 1
        nxt = cand.next_chapter
        if chap == 0:
            score = _BARE_SUB_FITS if nxt == 2 else _BARE_SUB_ALONE
        elif chap_family == "di":  # 第一，第二，… are short points, no sibling of a title line
            score = _BARE_SUB_ALONE
        elif nxt == chap + 2 or cand.family == "truncated":
            score = _BARE_SUB_FITS
        elif nxt is None:
            score = _BARE_SUB_LAST
        else:
            score = _BARE_SUB_ALONE
        return score, _new(part, state.part_family, state.bare, o, chap_family, None,
                           state.demoted, state.opened, state.loose), o, None
    assert cand.ordinal is not None
    o = cand.ordinal
    family = cand.family
    gap = None
    score = 0.0
    demoted = state.demoted
    if family in _PART_FAMILIES:
        if state.bare and family != state.part_family:
            score += _UNDER_BARE_PART
        elif family not in NESTED_FAMILIES.get(state.part_family, ()):
            score += _TWO_LEVELS
        demoted = family
    if chap == 0:
        score += _FITS if o == 1 else (_FIRST_LATER if o <= 3 and not cand.embedded
                                       else _BREAKS)
    elif family == state.nested or not _compatible(family, chap_family) or (
        family != chap_family and o == 1
    ):
        score += _BREAKS
    elif o == chap + 1:
        score += _FITS
    elif chap + 1 < o <= chap + 3:
        score += _GAP * (o - chap - 1)
        gap = chap
    else:
        score += _BREAKS
    return score, _new(part, state.part_family, state.bare, o, chap_family or family, None,
                       demoted, state.opened, state.loose), o, gap


class Recogniser:
    """``report.lark``'s LALR tables, run without building a tree."""

    def __init__(self, states: dict[int, dict[str, tuple[object, object]]], start: int,
                 end: int) -> None:
        # the table as plain data: terminal → (True, next state) or (False, origin, size)
        self._table: dict[int, dict[str, tuple[bool, int | str, int]]] = {}
        for state, actions in states.items():
            row: dict[str, tuple[bool, int | str, int]] = {}
            for symbol, (what, arg) in actions.items():
                if str(what) == "Shift":
                    assert isinstance(arg, int)
                    row[symbol] = (True, arg, 0)
                else:
                    rule = arg
                    row[symbol] = (False, rule.origin.name,  # type: ignore[attr-defined]
                                   len(rule.expansion))  # type: ignore[attr-defined]
            self._table[state] = row
        self.start: Stack = (start,)
        self._end = end
        self._cache: dict[tuple[Stack, str], Stack | None] = {}
        # the search works on interned parser states: a stack's number, and the transitions
        # between numbers (state << 8 | terminals number → state, -1: rejected), memoised
        self._ids: dict[Stack, int] = {}
        self._stacks: list[Stack] = []
        self._moves: dict[int, int] = {}
        self._ends: dict[int, bool] = {}
        self.start_id = self.intern(self.start)

    @classmethod
    def of_lark(cls) -> Recogniser:
        from .grammar import parser

        conf = parser().parse_interactive([]).parser_state.parse_conf
        return cls(conf.states, conf.start_state, conf.end_state)

    def feed(self, stack: Stack, terminals: tuple[str, ...]) -> Stack | None:
        """The stack after ``terminals``, or ``None`` if the grammar rejects them here."""
        cache = self._cache
        for terminal in terminals:
            key = (stack, terminal)
            try:
                nxt = cache[key]
            except KeyError:
                nxt = cache[key] = self._step(stack, terminal)
            if nxt is None:
                return None
            stack = nxt
        return stack

    def intern(self, stack: Stack) -> int:
        """The number of ``stack``."""
        sid = self._ids.get(stack)
        if sid is None:
            sid = self._ids[stack] = len(self._stacks)
            self._stacks.append(stack)
        return sid

    def move(self, sid: int, reading: Reading) -> int:
        """The state after ``reading`` from state number ``sid`` (-1: the grammar rejects it)."""
        key = sid << 8 | reading.tid
        nxt = self._moves.get(key)
        if nxt is None:
            stack = self.feed(self._stacks[sid], reading.terminals)
            nxt = self._moves[key] = -1 if stack is None else self.intern(stack)
        return nxt

    def ends(self, sid: int) -> bool:
        """The text may end in state number ``sid``."""
        done = self._ends.get(sid)
        if done is None:
            done = self._ends[sid] = self.accepts_end(self._stacks[sid])
        return done

    def accepts_end(self, stack: Stack) -> bool:
        return self.feed(stack, ("$END",)) is not None

    def _step(self, stack: Stack, terminal: str) -> Stack | None:
        table = self._table
        st = list(stack)
        while True:
            action = table[st[-1]].get(terminal)
            if action is None:
                return None
            shift, arg, size = action
            if shift:
                assert isinstance(arg, int)
                st.append(arg)
                return tuple(st)
            if size:  # reduce: pop the rule's expansion, go to the state for its origin
                del st[-size:]
            goto = table[st[-1]][str(arg)]
            st.append(int(goto[1]))
            if terminal == "$END" and st[-1] == self._end:
                return tuple(st)


_RECOGNISER: Recogniser | None = None


def recogniser() -> Recogniser:
    global _RECOGNISER
    if _RECOGNISER is None:
        _RECOGNISER = Recogniser.of_lark()
    return _RECOGNISER


class _Run:
    """Consecutive plain blocks (paragraphs, items, boilerplate: ``classify.PLAIN_READINGS``)
    searched as one step. The grammar takes a run of body blocks as it takes one, so a run
    has two readings: every block as text of the body, or every block as preamble text
    (boilerplate stays boilerplate either way); the preamble cannot end inside a run of
    blocks that all read alike."""

    __slots__ = ("embedded", "end", "family", "first", "kind", "last", "next_chapter",
                 "ordinal", "readings", "start")

    def __init__(self, cands: Sequence[Candidate], first: int, last: int) -> None:
        self.first = first
        self.last = last
        self.kind = TokenKind.PARA
        self.family: str | None = None
        self.ordinal: int | None = None
        self.next_chapter: int | None = None
        # what the numbering asks of a block, of the run's first (a long first paragraph makes
        # the run a long introduction)
        head = cands[first]
        self.start, self.end, self.embedded = head.start, head.end, head.embedded
        body = front = 0.0
        n_front = 0
        text = False
        for k in range(first, last + 1):
            readings = cands[k].readings
            b = PLAIN_READINGS[id(readings)]
            body += readings[b].score
            if len(readings) > 1:
                text = True
                f = readings[1 - b]
                front += f.score
                n_front += 1
        if text:
            self.readings = [Reading(TokenKind.PARA, body, "paragraphs", count=last - first + 1),
                             Reading(TokenKind.FRONT_TEXT, front, "preamble text",
                                     count=n_front)]
        else:
            self.readings = [Reading(TokenKind.BOILERPLATE, 0.0, "boilerplate")]

    @property
    def body(self) -> int:
        return 0


def _units(cands: Sequence[Candidate]) -> list[Candidate | _Run]:
    """The steps of the search: each block, or a run of plain blocks."""
    out: list[Candidate | _Run] = []
    i, n = 0, len(cands)
    while i < n:
        if id(cands[i].readings) not in PLAIN_READINGS:
            out.append(cands[i])
            i += 1
            continue
        j = i
        while j + 1 < n and id(cands[j + 1].readings) in PLAIN_READINGS:
            j += 1
        out.append(cands[i] if j == i else _Run(cands, i, j))
        i = j + 1
    return out


_FIRST = operator.itemgetter(0)


class _Hyp:
    __slots__ = ("gap", "index", "nid", "num", "ordinal", "parent", "reading", "score", "stack")

    def __init__(self, score: float, stack: int, num: NumState, nid: int, parent: _Hyp | None,
                 index: int, reading: int, ordinal: int | None, gap: int | None) -> None:
        self.score = score
        self.stack = stack  # the parser state's number (Recogniser.intern)
        self.num = num
        self.nid = nid  # the numbering state's number (_Search.nums)
        self.parent = parent
        self.index = index  # the block
        self.reading = reading  # the index of its reading
        self.ordinal = ordinal
        self.gap = gap


#: a hypothesis before it is kept: the fields of ``_Hyp`` but the block's index, as a tuple
#: (most are pruned right away, and a tuple is cheap to make)
_Next = tuple[float, int, NumState, int, _Hyp, int, "int | None", "int | None"]


def _hyps(kept: Iterable[_Next], i: int) -> list[_Hyp]:
    """The hypotheses after block ``i`` of the candidates ``kept``."""
    return [_Hyp(s, st, nm, ni, p, i, r, o, g) for s, st, nm, ni, p, r, o, g in kept]


class Choice:
    """The reading chosen for a block, with the ordinal the numbering gives it."""

    __slots__ = ("cand", "confidence", "gap", "ordinal", "reading", "runner_up", "unit")

    def __init__(self, cand: Candidate, reading: Reading, ordinal: int | None,
                 gap: int | None, unit: int) -> None:
        self.cand = cand
        self.reading = reading
        self.ordinal = ordinal
        self.gap = gap  # the ordinal the numbering jumps from, if it does
        self.unit = unit  # the step of the search that chose it (a block, or a run of them)
        self.confidence: float | None = None
        self.runner_up: Reading | None = None

    def __repr__(self) -> str:
        return f"Choice({self.reading.kind.value}, ordinal={self.ordinal})"


def _decides(cand: Candidate | _Run) -> bool:
    """Whether ``cand`` has readings to decide between (a plain block's or run's reading is
    whichever the grammar accepts where it stands: no decision to weigh)."""
    return type(cand) is not _Run and id(cand.readings) not in PLAIN_READINGS


#: the main run keeps the beam before each of the first blocks that decide (``_decides``; a
#: report has fewer than this: none is rebuilt, ≤ ~600 KB kept), and past them the beam before
#: a block that decides when the last kept is ``_CHECKPOINT`` blocks before it or more, so a
#: beam rebuilt for ``Outcome.assess`` takes fewer steps of search than that (16: on a text of
#: many headings the beams kept are then ~75 B a heading, 8 ~150 B; blocks assessed in order
#: are stepped through once whatever the spacing)
_KEEP_FIRST = 256
_CHECKPOINT = 16

_Compact = list[tuple[float, int, NumState, int]]


class _Search:
    def __init__(self, cands: Sequence[Candidate | _Run]) -> None:
        self.cands = cands
        self.rec = recogniser()
        #: the beam before some blocks that decide (``_KEEP_FIRST``), kept by the main run for
        #: ``Outcome.assess`` as (score, parser state, numbering state, its number): without
        #: the hypotheses' parents, which would keep every sequence searched alive (peak
        #: memory); ``_marks``: those blocks, in order
        self.beams: dict[int, _Compact] = {}
        self._marks: list[int] = []
        #: the last beam rebuilt (``before``), and the block it is before
        self._cursor: tuple[int, list[_Hyp]] = (-1, [])
        self.nums: dict[NumState, int] = {START: 0}  # numbering states, numbered
        # … and for each, the number of what it says of the parts (the numbering state but
        # for where the subsection numbering stands)
        self._parts: dict[tuple[object, ...], int] = {}
        self.parts_of: list[int] = [self._parts_id(START)]

    def _parts_id(self, num: NumState) -> int:
        key = (num.part, num.part_family, num.bare, num.demoted, num.opened)
        found = self._parts.get(key)
        if found is None:
            found = self._parts[key] = len(self._parts)
        return found

    def step(self, beam: list[_Hyp], i: int, exclude: int = -1) -> list[_Hyp]:
        """The beam after block ``i`` (its reading ``exclude`` left out)."""
        cand = self.cands[i]
        rec = self.rec
        moves = rec._moves
        move = rec.move
        nums = self.nums
        plain_kinds = _plain_readings(cand)
        out: dict[tuple[int, int], _Next] = {}
        readings = cand.readings
        if exclude >= 0:
            body = -1
        elif type(cand) is _Run:
            body = 0
        else:
            body = PLAIN_READINGS.get(id(readings), -1)
        plain = body >= 0
        if plain:  # a plain paragraph: in the body only one of its readings is accepted
            first = readings[body]
            first_tid = first.tid
            first_score = first.score
        all_plain = plain
        said: dict[tuple[int, int], tuple[float, NumState, int, int | None, int | None]] = {}
        for h in beam:
            h_stack, h_nid, h_score = h.stack, h.nid, h.score
            if plain and h.num.part != 0:
                stack = moves.get(h_stack << 8 | first_tid)
                if stack is None:
                    stack = move(h_stack, first)
                if stack >= 0:
                    score = h_score + first_score
                    k = (stack, h_nid)
                    old = out.get(k)
                    if old is None or old[0] < score:
                        out[k] = (score, stack, h.num, h_nid, h, body, None, None)
                continue
            all_plain = False
            h_num = h.num
            in_body = h_num.part != 0
            for r_index, r in enumerate(readings):
                if r_index == exclude:
                    continue
                stack = moves.get(h_stack << 8 | r.tid)
                if stack is None:
                    stack = move(h_stack, r)
                if stack < 0:
                    continue
                if in_body and r.kind in plain_kinds:
                    delta, num, nid, ordinal, gap = 0.0, h_num, h_nid, None, None
                else:  # what the numbering says depends on the numbering state only
                    key = (h_nid, r_index)
                    known = said.get(key)
                    if known is None:
                        delta, num, ordinal, gap = numbering(h_num, r, cand)
                        found = nums.get(num)
                        if found is None:
                            found = nums[num] = len(nums)
                            self.parts_of.append(self._parts_id(num))
                        said[key] = (delta, num, found, ordinal, gap)
                        nid = found
                    else:
                        delta, num, nid, ordinal, gap = known
                score = h_score + r.score + delta
                k = (stack, nid)
                old = out.get(k)
                if old is None or old[0] < score:
                    out[k] = (score, stack, num, nid, h, r_index, ordinal, gap)
        if not out:
            return []
        # the hypotheses are made only for the sequences kept (most candidates are pruned)
        if all_plain:  # each sequence went on by one reading: the beam stays as it was
            return _hyps(out.values(), i)
        ranked = sorted(out.values(), key=_FIRST, reverse=True)
        floor = ranked[0][0] - _PRUNE
        # keep structural variety: the best few sequences of each numbering state (they differ
        # in the parser state, e.g. the kinds of earlier parts), for the best numbering states;
        # but of sequences that agree on the parser state and on the parts, and differ only in
        # where the subsection numbering stands, only those close to their best (reading a
        # fitting subsection numeral as text seldom pays off later)
        groups: dict[int, list[_Next]] = {}
        best_of: dict[tuple[int, int], float] = {}
        parts_of = self.parts_of
        for c in ranked:
            score = c[0]
            if score < floor:
                break
            nid = c[3]
            same = (c[1], parts_of[nid])
            top = best_of.setdefault(same, score)
            if score < top - _CHAPTER_PRUNE:
                continue
            group = groups.setdefault(nid, [])
            if len(group) < _PER_GROUP:
                group.append(c)
        return _hyps([c for group in list(groups.values())[:_GROUPS] for c in group], i)

    def run(self) -> _Hyp | None:
        """The best complete sequence of readings."""
        beam = [_Hyp(0.0, self.rec.start_id, START, 0, None, -1, -1, None, None)]
        marks = self._marks
        for i in range(len(self.cands)):
            if _decides(self.cands[i]) and (
                    len(marks) < _KEEP_FIRST or i - marks[-1] >= _CHECKPOINT):
                self.beams[i] = [(h.score, h.stack, h.num, h.nid) for h in beam]
                marks.append(i)
            beam = self.step(beam, i)
        best = None
        for h in beam:
            if self.rec.ends(h.stack) and (best is None or h.score > best.score):
                best = h
        return best

    def before(self, i: int) -> list[_Hyp]:
        """The beam of the main run before block ``i`` (one that decides), as hypotheses
        without parents: stepped on from the last beam rebuilt if that is before ``i`` and not
        before the checkpoint, else from the checkpoint. The search is deterministic (the
        numbering states met were numbered by the main run), so the beam is the main run's."""
        marks = self._marks
        mark = marks[bisect_right(marks, i) - 1]
        at, beam = self._cursor
        if not mark <= at <= i:
            at = mark
            beam = [_Hyp(score, stack, num, nid, None, -1, -1, None, None)
                    for score, stack, num, nid in self.beams[mark]]
        while at < i:
            beam = self.step(beam, at)
            for h in beam:  # the beam before is not kept alive
                h.parent = None
            at += 1
        self._cursor = (at, beam)
        return beam


#: how far an alternative is followed before its score is compared with the chosen path
_HORIZON = 12
#: blocks of search spent on alternatives, per block of the text
_BUDGET_PER_BLOCK = 16


#: ``None`` in the arrays of ``Outcome`` (ordinals and gaps are small numbers)
_NONE = -(2**63)


class Outcome:
    """The chosen reading of every block, and the search that chose them (to ask how sure it
    was of a decision)."""

    def __init__(self, cands: list[Candidate]) -> None:
        self._units = units = _units(cands)
        self._search = search = _Search(units)
        best = search.run()
        if best is None:  # cannot happen: a paragraph is accepted everywhere
            raise AssertionError("no reading sequence accepted")
        self.score = best.score
        path: list[_Hyp] = []
        h: _Hyp | None = best
        while h is not None and h.index >= 0:
            path.append(h)
            h = h.parent
        path.reverse()
        # the chosen sequence after each unit: its score, parser state and numbering state's
        # number (in arrays: the hypotheses, with their parents, take several times as much)
        self._scores = array("d", [h.score for h in path])
        self._stacks = array("q", [h.stack for h in path])
        self._nids = array("q", [h.nid for h in path])
        # … the reading chosen for each unit, and the numbering's ordinal and gap where it
        # gives them; the choice of each block is made when asked for (``choices``): a text of
        # many short paragraphs would otherwise hold one for each (issue 14, item 7)
        self._picked = array("q", [h.reading for h in path])
        self._ordinals = array("q", [_NONE if h.ordinal is None else h.ordinal for h in path])
        self._gaps = array("q", [_NONE if h.gap is None else h.gap for h in path])
        self._cands = cast("list[Candidate | None]", cands)
        self._budget = _BUDGET_PER_BLOCK * len(units) + 4 * _HORIZON

    def choices(self) -> Iterator[Choice]:
        """The choice of every block, in order (once: the candidates of runs of plain blocks
        are let go from the list given to ``choose`` as their choices are made, so that a text
        of many short paragraphs does not hold them all to the end: issue 14, item 7)."""
        cands = self._cands
        for u, unit in enumerate(self._units):
            pick = self._picked[u]
            if isinstance(unit, _Run):
                front = pick == 1
                for k in range(unit.first, unit.last + 1):
                    cand = cands[k]
                    assert cand is not None, "choices() is read once"
                    cands[k] = None
                    readings = cand.readings
                    b = PLAIN_READINGS[id(readings)]
                    r = readings[1 - b] if front and len(readings) > 1 else readings[b]
                    yield Choice(cand, r, None, None, u)
            else:
                ordinal, gap = self._ordinals[u], self._gaps[u]
                yield Choice(unit, unit.readings[pick], None if ordinal == _NONE else ordinal,
                             None if gap == _NONE else gap, u)

    def assess(self, choice: Choice) -> None:
        """Set the confidence and the runner-up of ``choice`` (one of ``choices``).

        The search is run again from the block with the chosen reading left out, until the
        alternative rejoins the chosen path (same parser and numbering state: from there on
        both continue alike), the text ends, or ``_HORIZON`` steps have passed; the margin is
        the chosen path's score there minus the alternative's. A total budget keeps this linear
        in the length of the text; past it, an alternative is followed for one step only."""
        if choice.confidence is not None:
            return
        u = choice.unit
        units = self._units
        unit = units[u]
        search = self._search
        if not _decides(unit):  # plain text (a run, a paragraph): not a decision to weigh
            choice.confidence = 1.0
            return
        chosen = unit.readings.index(choice.reading)
        horizon = _HORIZON if self._budget > 0 else 1
        beam = search.step(search.before(u), u, exclude=chosen)
        j = u
        last = min(len(units) - 1, u + horizon - 1)
        stacks, nids = self._stacks, self._nids
        while beam and j < last:
            stack, nid = stacks[j], nids[j]
            if any(h.stack == stack and h.nid == nid for h in beam):
                break
            j += 1
            beam = search.step(beam, j)
        self._budget -= j - u + 1
        if j == len(units) - 1:
            beam = [h for h in beam if search.rec.ends(h.stack)]
        if not beam:
            choice.confidence = 1.0
            return
        alt = max(beam, key=lambda h: h.score)
        margin = self._scores[j] - alt.score
        choice.confidence = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, margin))))
        h: _Hyp | None = alt
        while h is not None and h.index > u:
            h = h.parent
        if h is not None and h.index == u:
            choice.runner_up = unit.readings[h.reading]


def choose(cands: list[Candidate]) -> Outcome:
    """The best-scoring sequence of readings that the grammar accepts (reading its
    ``choices()`` empties ``cands`` of the plain blocks' candidates)."""
    return Outcome(cands)

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
  reading of the block is the runner-up.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .classify import PART_KIND, Candidate, Reading, TokenKind

__all__ = ["BEAM", "Choice", "Outcome", "Recogniser", "choose", "numbering"]

#: how many numbering states the search keeps at each block, and how many parser states
#: (sequences that differ in the kinds of their parts, say) for each
_GROUPS = 8
_PER_GROUP = 3
BEAM = _GROUPS * _PER_GROUP
#: sequences this far below the best are dropped
_PRUNE = 6.0

Stack = tuple[int, ...]
#: (last part ordinal (0: none yet, -1: a headless part), the numbering family of the parts'
#: numerals, whether the current part's heading is bare, last subsection ordinal, its family,
#: a nested list family, a top-level family (一、) that stands for subsections, whether the
#: opening formula has been read)
NumState = tuple[int, str | None, bool, int, str | None, str | None, str | None, bool]
START: NumState = (0, None, False, 0, None, None, None, False)

_PART_FAMILIES = frozenset({"cjk", "di_part", "roman", "en_word"})
_COMPATIBLE = frozenset({frozenset({"paren_arabic", "arabic_dot"})})
_BODY = frozenset({TokenKind.PARA, TokenKind.ITEM, TokenKind.SALUTATION,
                   TokenKind.TAIL_SALUTATION})

# what the numbering adds to a reading's score
_FITS = 0.5
_GAP = -1.0  # per missing number
_BREAKS = -8.0
_FIRST_LATER = -1.0  # a first part numbered 二 or 三 (a fragment)
_AFTER_HEADLESS_ONE = -2.0  # 一、 after text that would be a part of its own
_FAMILY_CHANGE = -2.0
_BARE_AMONG_NUMBERED = -1.0
#: 一、 as a subsection under a numbered part, or as a part after it stood for subsections, or
#: as a subsection after it numbered parts: one numeral family serves one level
_TWO_LEVELS = -6.0
_BARE_SUB_FITS = 2.0  # a bare subsection title just where a numbered sibling is missing
_BARE_SUB_LAST = 1.6  # … or after the last numbered sibling
_BARE_SUB_ALONE = -2.0
_MISSING: Stack = ()

#: readings that leave the numbering as it is (once the body has begun; not for a block that
#: has a numeral)
_PLAIN = frozenset({TokenKind.PARA, TokenKind.ITEM, TokenKind.SALUTATION,
                    TokenKind.TAIL_SALUTATION, TokenKind.CLOSING_START, TokenKind.CLOSING_HEADING,
                    TokenKind.APPENDIX_HEADING, TokenKind.GLOSSARY_HEADING,
                    TokenKind.GLOSSARY_ENTRY, TokenKind.BOILERPLATE, TokenKind.TITLE,
                    TokenKind.META, TokenKind.SPEAKER})
_NUMBERED_LOOKS = frozenset({TokenKind.PART_HEADING, TokenKind.CHAPTER_HEADING})
#: a subsection numeral that continues the sequence, read as an item
_ITEM_FITS = -1.5
#: preamble text after the opening formula (an introduction before the first part is short)
_INTRO = -0.6


def _compatible(a: str | None, b: str | None) -> bool:
    return a == b or a is None or b is None or frozenset({a, b}) in _COMPATIBLE


def numbering(state: NumState, reading: Reading, cand: Candidate
              ) -> tuple[float, NumState, int | None, int | None]:
    """What the numbering says of ``reading`` for ``cand`` after ``state``:
    ``(score, new state, ordinal, gap_from)`` — the ordinal the heading gets (inferred when it
    has no numeral) and, when the numbering jumps, the ordinal it jumps from."""
    part_ord, part_fam, part_bare, chap_ord, chap_fam, nested, demoted, opened = state
    kind = reading.kind
    family = cand.family
    numbered = cand.ordinal is not None and family not in (None, "truncated", "bare")
    if kind in PART_KIND:
        expected = part_ord + 1 if part_ord >= 0 else None
        if not numbered:
            o = expected if expected is not None else 2
            score = _BARE_AMONG_NUMBERED if part_fam is not None else 0.0
            return score, (o, part_fam, True, 0, None, None, demoted, opened), o, None
        n = cand.ordinal
        assert n is not None
        o = n
        gap: int | None = None
        if expected is None:  # after a headless part: its ordinal is unknown, but not 1
            score = _FITS if o >= 2 else _AFTER_HEADLESS_ONE
        elif o == expected:
            score = _FITS
        elif part_ord == 0 and o <= 3 and not cand.block.embedded:
            score = _FIRST_LATER
        elif expected < o <= expected + 2 and not cand.block.embedded:
            score, gap = _GAP * (o - expected), part_ord
        else:
            score = _BREAKS
        if part_fam is not None and family != part_fam:
            score += _FAMILY_CHANGE
        elif part_fam is None and part_ord > 0:  # numerals after parts without any
            score += _BARE_AMONG_NUMBERED
        if family == demoted:
            score += _TWO_LEVELS
        return score, (o, family, False, 0, None, None, demoted, opened), o, gap
    if kind == TokenKind.CHAPTER_HEADING:
        part = part_ord if part_ord != 0 else -1  # a subsection before any part: headless
        if not numbered:
            o = chap_ord + 1
            nxt = cand.next_chapter
            if chap_ord == 0:
                score = _BARE_SUB_FITS if nxt == 2 else _BARE_SUB_ALONE
            elif nxt == chap_ord + 2 or family == "truncated":
                score = _BARE_SUB_FITS
            elif nxt is None:
                score = _BARE_SUB_LAST
            else:
                score = _BARE_SUB_ALONE
            return score, (part, part_fam, part_bare, o, chap_fam, None, demoted, opened), o, None
        n = cand.ordinal
        assert n is not None
        o = n
        gap = None
        score = 0.0
        if family in _PART_FAMILIES:
            if not part_bare or family == part_fam:
                score += _TWO_LEVELS
            demoted = family
        if chap_ord == 0:
            score += _FITS if o == 1 else (_FIRST_LATER if o <= 3 and not cand.block.embedded
                                           else _BREAKS)
        elif family == nested or not _compatible(family, chap_fam) or (
            family != chap_fam and o == 1
        ):
            score += _BREAKS
        elif o == chap_ord + 1:
            score += _FITS
        elif chap_ord + 1 < o <= chap_ord + 3:
            score += _GAP * (o - chap_ord - 1)
            gap = chap_ord
        else:
            score += _BREAKS
        return score, (part, part_fam, part_bare, o, chap_fam or family, None, demoted,
                       opened), o, gap
    if kind == TokenKind.ITEM and numbered and family not in _PART_FAMILIES:
        if chap_ord and family != chap_fam and cand.ordinal == 1:  # a nested list starts
            return 0.0, (part_ord, part_fam, part_bare, chap_ord, chap_fam, family, demoted,
                         opened), None, None
        if family != nested and cand.ordinal == chap_ord + 1 and _compatible(family, chap_fam):
            return _ITEM_FITS, state, None, None  # the next subsection read as an item
    if part_ord == 0 and kind in _BODY:
        return 0.0, (-1, part_fam, part_bare, chap_ord, chap_fam, nested, demoted, opened), \
            None, None
    if kind == TokenKind.OPENING and not opened:
        return 0.0, (part_ord, part_fam, part_bare, chap_ord, chap_fam, nested, demoted, True), \
            None, None
    if kind == TokenKind.FRONT_TEXT and opened and reading.score >= 0:
        return _INTRO, state, None, None
    return 0.0, state, None, None


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
        #: (stack, terminals) → stack after them (None: rejected), filled by the search
        self.cache: dict[tuple[Stack, tuple[str, ...]], Stack | None] = {}

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


class _Hyp:
    __slots__ = ("gap", "index", "num", "ordinal", "parent", "reading", "score", "stack")

    def __init__(self, score: float, stack: Stack, num: NumState, parent: _Hyp | None,
                 index: int, reading: int, ordinal: int | None, gap: int | None) -> None:
        self.score = score
        self.stack = stack
        self.num = num
        self.parent = parent
        self.index = index  # the block
        self.reading = reading  # the index of its reading
        self.ordinal = ordinal
        self.gap = gap


class Choice:
    """The reading chosen for a block, with the ordinal the numbering gives it."""

    __slots__ = ("cand", "confidence", "gap", "ordinal", "reading", "runner_up")

    def __init__(self, cand: Candidate, reading: Reading, ordinal: int | None,
                 gap: int | None) -> None:
        self.cand = cand
        self.reading = reading
        self.ordinal = ordinal
        self.gap = gap  # the ordinal the numbering jumps from, if it does
        self.confidence: float | None = None
        self.runner_up: Reading | None = None

    def __repr__(self) -> str:
        return f"Choice({self.reading.kind.value}, ordinal={self.ordinal})"


class _Search:
    def __init__(self, cands: Sequence[Candidate]) -> None:
        self.cands = cands
        self.rec = recogniser()
        self.beams: list[list[_Hyp]] = []  # the beam before each block (kept by the main run)

    def step(self, beam: list[_Hyp], i: int, exclude: int = -1) -> list[_Hyp]:
        """The beam after block ``i`` (its reading ``exclude`` left out)."""
        cand = self.cands[i]
        rec = self.rec
        cache = rec.cache
        numbered = cand.kind in _NUMBERED_LOOKS
        out: dict[tuple[Stack, NumState], _Hyp] = {}
        for h in beam:
            h_stack, h_num, h_score = h.stack, h.num, h.score
            plain_ok = h_num[0] != 0 and not numbered
            for r_index, r in enumerate(cand.readings):
                if r_index == exclude:
                    continue
                key = (h_stack, r.terminals)
                stack = cache.get(key, _MISSING)
                if stack is _MISSING:
                    stack = cache[key] = rec.feed(h_stack, r.terminals)
                if stack is None:
                    continue
                if plain_ok and r.kind in _PLAIN:
                    delta, num, ordinal, gap = 0.0, h_num, None, None  # numbering unchanged
                else:
                    delta, num, ordinal, gap = numbering(h_num, r, cand)
                score = h_score + r.score + delta
                k = (stack, num)
                old = out.get(k)
                if old is None or old.score < score:
                    out[k] = _Hyp(score, stack, num, h, i, r_index, ordinal, gap)
        if not out:
            return []
        floor = max(h.score for h in out.values()) - _PRUNE
        if len(out) <= _PER_GROUP:
            return [h for h in out.values() if h.score >= floor]
        # keep structural variety: the best few sequences of each numbering state (they differ
        # in the parser state, e.g. the kinds of earlier parts), for the best numbering states
        groups: dict[NumState, list[_Hyp]] = {}
        for h in sorted(out.values(), key=lambda h: -h.score):
            if h.score < floor:
                break
            group = groups.setdefault(h.num, [])
            if len(group) < _PER_GROUP:
                group.append(h)
        kept: list[_Hyp] = []
        for group in list(groups.values())[:_GROUPS]:
            kept.extend(group)
        return kept

    def run(self) -> _Hyp | None:
        """The best complete sequence of readings."""
        beam = [_Hyp(0.0, self.rec.start, START, None, -1, -1, None, None)]
        for i in range(len(self.cands)):
            self.beams.append(beam)
            beam = self.step(beam, i)
        best = None
        for h in beam:
            if self.rec.accepts_end(h.stack) and (best is None or h.score > best.score):
                best = h
        return best


#: how far an alternative is followed before its score is compared with the chosen path
_HORIZON = 48
#: blocks of search spent on alternatives, per block of the text
_BUDGET_PER_BLOCK = 16


class Outcome:
    """The chosen reading of every block, and the search that chose them (to ask how sure it
    was of a decision)."""

    def __init__(self, cands: Sequence[Candidate]) -> None:
        self._search = search = _Search(cands)
        self._cands = cands
        best = search.run()
        if best is None:  # cannot happen: a paragraph is accepted everywhere
            raise AssertionError("no reading sequence accepted")
        self.score = best.score
        self.choices: list[Choice] = []
        path: list[_Hyp] = []
        h: _Hyp | None = best
        while h is not None and h.index >= 0:
            path.append(h)
            h = h.parent
        path.reverse()
        self._path = path  # the chosen hypothesis after each block
        for h in path:
            cand = cands[h.index]
            self.choices.append(Choice(cand, cand.readings[h.reading], h.ordinal, h.gap))
        self._budget = _BUDGET_PER_BLOCK * len(cands) + 4 * _HORIZON

    def assess(self, i: int) -> None:
        """Set the confidence and the runner-up of the choice of block ``i``.

        The search is run again from the block with the chosen reading left out, until the
        alternative rejoins the chosen path (same parser and numbering state: from there on
        both continue alike), the text ends, or ``_HORIZON`` blocks have passed; the margin is
        the chosen path's score there minus the alternative's. A total budget keeps this linear
        in the length of the text; past it, an alternative is followed for one block only."""
        choice = self.choices[i]
        if choice.confidence is not None:
            return
        search = self._search
        cands = self._cands
        chosen = cands[i].readings.index(choice.reading)
        horizon = _HORIZON if self._budget > 0 else 1
        beam = search.step(search.beams[i], i, exclude=chosen)
        j = i
        last = min(len(cands) - 1, i + horizon - 1)
        while beam and j < last:
            main = self._path[j]
            if any(h.stack == main.stack and h.num == main.num for h in beam):
                break
            j += 1
            beam = search.step(beam, j)
        self._budget -= j - i + 1
        if j == len(cands) - 1:
            beam = [h for h in beam if search.rec.accepts_end(h.stack)]
        if not beam:
            choice.confidence = 1.0
            return
        alt = max(beam, key=lambda h: h.score)
        margin = self._path[j].score - alt.score
        choice.confidence = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, margin))))
        h: _Hyp | None = alt
        while h is not None and h.index > i:
            h = h.parent
        if h is not None and h.index == i:
            choice.runner_up = cands[i].readings[h.reading]


def choose(cands: Sequence[Candidate]) -> Outcome:
    """The best-scoring sequence of readings that the grammar accepts."""
    return Outcome(cands)

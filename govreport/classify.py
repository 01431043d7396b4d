"""Classification: block → candidate token (the third stage of the pipeline).

An ordered table of named rules, all with the same signature, first match wins, fallback
``PARA`` (the layout of markdown-it's block rules). Classification looks at one block only; what
a candidate *is* in context — a real heading or a look-alike, which level, which ordinal — is
decided by ``outline.py``.
"""

from __future__ import annotations

import enum
import operator
import sys
from collections.abc import Callable, Iterable, Sequence

import regex

from . import kinds, patterns, vocabulary
from .boundary import title_end
from .models import SectionKind
from .patterns import cjk_to_int, roman_to_int
from .segment import Block, CutBlock
from .vocabulary import Strength

__all__ = ["PART_TERMINAL", "Candidate", "HeadingCandidate", "Reading", "TokenKind", "classify",
           "offer_readings"]


class TokenKind(str, enum.Enum):
    """Kinds of blocks. The names are the terminals declared in ``grammars/report.lark``."""

    # front matter
    TITLE = "TITLE"
    META = "META"
    SPEAKER = "SPEAKER"
    OPENING = "OPENING"
    FRONT_TEXT = "FRONT_TEXT"
    # headings
    CHAPTER_HEADING = "CHAPTER_HEADING"
    CLOSING_HEADING = "CLOSING_HEADING"
    APPENDIX_HEADING = "APPENDIX_HEADING"
    GLOSSARY_HEADING = "GLOSSARY_HEADING"
    # body
    PARA = "PARA"
    ITEM = "ITEM"
    SALUTATION = "SALUTATION"
    TAIL_SALUTATION = "TAIL_SALUTATION"
    CLOSING_START = "CLOSING_START"
    GLOSSARY_ENTRY = "GLOSSARY_ENTRY"
    BOILERPLATE = "BOILERPLATE"
    # the part headings, one per kind of part (the grammar orders them)
    REVIEW_HEADING = "REVIEW_HEADING"
    FIVE_YEAR_PLAN_HEADING = "FIVE_YEAR_PLAN_HEADING"
    ANNUAL_PLAN_HEADING = "ANNUAL_PLAN_HEADING"
    SELF_IMPROVEMENT_HEADING = "SELF_IMPROVEMENT_HEADING"
    OTHER_HEADING = "OTHER_HEADING"
    # looks only (what a block looks like on its own; never a reading)
    PART_HEADING = "PART_HEADING"  # a top-level numeral: 一、 I. Second, 第一部分
    BARE = "BARE"  # a short line without sentence punctuation, or a truncated )…


#: the heading terminal of each kind of part
PART_TERMINAL: dict[SectionKind, TokenKind] = {
    SectionKind.REVIEW: TokenKind.REVIEW_HEADING,
    SectionKind.FIVE_YEAR_PLAN: TokenKind.FIVE_YEAR_PLAN_HEADING,
    SectionKind.ANNUAL_PLAN: TokenKind.ANNUAL_PLAN_HEADING,
    SectionKind.SELF_IMPROVEMENT: TokenKind.SELF_IMPROVEMENT_HEADING,
    SectionKind.OTHER: TokenKind.OTHER_HEADING,
}
PART_KIND: dict[TokenKind, SectionKind] = {t: k for k, t in PART_TERMINAL.items()}

# the looks that loops over every block test, named once (in Python 3.11, naming an enum member
# costs a lookup through its metaclass each time: ~70 ns, as much as the rest of such a test)
_NUMBERED = frozenset({TokenKind.PART_HEADING, TokenKind.CHAPTER_HEADING})
_BACK = frozenset({TokenKind.APPENDIX_HEADING, TokenKind.GLOSSARY_HEADING})
#: where the text of a part ends (a part or a back-matter heading)
_ENDS_PART = frozenset({TokenKind.PART_HEADING, TokenKind.APPENDIX_HEADING,
                        TokenKind.GLOSSARY_HEADING, TokenKind.CLOSING_HEADING})


#: every terminal sequence a reading hands to the grammar, numbered (fewer than 256)
_TERMINALS: dict[tuple[str, ...], int] = {}
#: … and the sequence and its number for each (kind, run-in) a reading was made with
_TERMINALS_OF: dict[tuple[TokenKind, bool], tuple[tuple[str, ...], int]] = {}


class Reading:
    """One thing a block may be: a terminal of ``report.lark`` (or boilerplate), a score (higher
    is likelier; the scores of a sequence add up) and the evidence for it, in words.

    ``terminals`` is what the reading hands to the grammar: nothing for boilerplate, the
    heading and then ``PARA`` for a heading whose body runs on in the same block."""

    __slots__ = ("count", "evidence", "kind", "score", "terminals", "tid")

    def __init__(self, kind: TokenKind, score: float, evidence: str, run_in: bool = False,
                 count: int = 1) -> None:
        self.kind = kind
        self.score = score
        # the same words recur across blocks (“part numeral, title names review”): one copy
        self.evidence = sys.intern(evidence)
        self.count = count  # how many blocks it reads (a run of plain paragraphs: choose.py)
        known = _TERMINALS_OF.get((kind, run_in))
        if known is None:
            if kind == TokenKind.BOILERPLATE:
                terminals: tuple[str, ...] = ()
            elif run_in:
                terminals = (kind.value, TokenKind.PARA.value)
            else:
                terminals = (kind.value,)
            tid = _TERMINALS.setdefault(terminals, len(_TERMINALS))  # for choose.py
            known = _TERMINALS_OF[kind, run_in] = (terminals, tid)
        self.terminals, self.tid = known

    @property
    def name(self) -> str:
        """The reading in words: ``review heading``, ``subsection heading``, ``paragraph``."""
        return _READING_NAMES.get(self.kind, self.kind.value.lower().replace("_", " "))

    def __repr__(self) -> str:
        return f"Reading({self.kind.value}, {self.score:+.2f}, {self.evidence!r})"


_READING_NAMES = {
    TokenKind.REVIEW_HEADING: "review heading",
    TokenKind.FIVE_YEAR_PLAN_HEADING: "five-year plan heading",
    TokenKind.ANNUAL_PLAN_HEADING: "annual plan heading",
    TokenKind.SELF_IMPROVEMENT_HEADING: "self-improvement heading",
    TokenKind.OTHER_HEADING: "other part heading",
    TokenKind.CHAPTER_HEADING: "subsection heading",
    TokenKind.PARA: "paragraph",
    TokenKind.ITEM: "item",
    TokenKind.FRONT_TEXT: "preamble text",
    TokenKind.BOILERPLATE: "boilerplate",
    TokenKind.CLOSING_START: "start of the closing",
    TokenKind.TAIL_SALUTATION: "part tail",
}


class Candidate:
    """What a block looks like on its own. Offsets are absolute, in the normalised text.

    A body block's candidate (a paragraph, an item, a preamble line) carries no numeral or title
    of its own: those read as the defaults below (the title ends with the block); a heading's is
    a :class:`HeadingCandidate` (a text of many short paragraphs holds one candidate per block:
    issue 14, item 7)."""

    __slots__ = (
        "cut",
        "end",
        "kind",
        "lead",
        "marker",
        "next_chapter",
        "ordinal",
        "readings",
        "reason",
        "salutation",
        "start",
    )

    family: str | None = None  # numbering family of a heading candidate
    boundary_inferred: bool = False
    #: scored title ends of a run-in heading
    options: Sequence[tuple[int, int]] = ()

    def __init__(self, block: Block, kind: TokenKind) -> None:
        #: how the block was cut out of a run-on line (``None``: it is a whole line); a whole
        #: line's block is not kept (a text of many short lines: issue 14, item 7)
        self.cut = block if isinstance(block, CutBlock) else None
        self.start = block.start
        self.end = block.end
        self.kind = kind
        self.ordinal: int | None = None
        self.marker: str | None = None
        self.lead: str | None = None
        self.reason: str | None = None  # boilerplate rule
        self.salutation = False  # a paragraph led by 各位代表
        #: what the block may be in the outline, best first
        self.readings: Sequence[Reading] = ()
        self.next_chapter: int | None = None  # ordinal of the next subsection numeral in the part

    @property
    def embedded(self) -> bool:
        """Cut out of a run-on line, not at a line start."""
        return self.cut is not None and self.cut.embedded

    @property
    def restart(self) -> int:
        """Cut before a title-shaped sentence ahead of a subsection numbering that starts (1)
        or restarts (2) with no part numeral before it (``segment.Block.restart``)."""
        return 0 if self.cut is None else self.cut.restart

    @property
    def stretch(self) -> int:
        """… and where that numeral stands (-1: not such a cut)."""
        return -1 if self.cut is None else self.cut.stretch

    @property
    def numeral_end(self) -> int:
        """Where the title starts."""
        return self.start

    @property
    def title_end(self) -> int:
        """Where the heading ends (a run-in body follows)."""
        return self.end

    def __repr__(self) -> str:
        return (f"Candidate({self.kind.value}, {self.start}-{self.end}, family={self.family}, "
                f"ordinal={self.ordinal})")


class HeadingCandidate(Candidate):
    """A block that looks like a heading: its numeral, where its title ends, how sure that is."""

    __slots__ = ("boundary_inferred", "family", "numeral_end", "options", "title_end")

    numeral_end: int
    title_end: int

    def __init__(self, block: Block, kind: TokenKind) -> None:
        super().__init__(block, kind)
        self.family = None
        self.numeral_end = block.start
        self.title_end = block.end
        self.boundary_inferred = False
        self.options = ()


Rule = Callable[[str, Block], "Candidate | None"]

# --------------------------------------------------------------------------- helpers

_PART_FAMILIES: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("cjk", patterns.PART_CJK),
    ("di_part", patterns.PART_DI),
    ("roman", patterns.PART_ROMAN),
    ("en_word", patterns.PART_EN_WORD),
)
_CHAPTER_FAMILIES: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("paren_cjk", patterns.CHAPTER_PAREN_CJK),
    ("paren_arabic", patterns.CHAPTER_PAREN_ARABIC),
    ("arabic_dot", patterns.CHAPTER_ARABIC_DOT),
    ("di", patterns.CHAPTER_DI),
)


def _any_of(pats: tuple[regex.Pattern[str], ...]) -> regex.Pattern[str]:
    """One alternation of ``pats``: it matches (at a position) iff one of them does, so one
    call rules a block out instead of one call per pattern (a prefilter, exact by
    construction)."""
    assert all(p.flags == pats[0].flags for p in pats)
    return regex.compile("|".join(f"(?:{p.pattern})" for p in pats), pats[0].flags)


_ANY_HEADING_NUMERAL = _any_of((*(p for _, p in _PART_FAMILIES),
                                *(p for _, p in _CHAPTER_FAMILIES),
                                patterns.CHAPTER_TRUNCATED))


def _ordinal(family: str, numeral: str) -> int | None:
    if family in ("cjk", "di_part", "paren_cjk", "di"):
        return cjk_to_int(numeral)
    if family == "roman":
        return roman_to_int(numeral)
    if family == "en_word":
        return patterns.EN_ORDINALS.get(numeral.lower())
    value = int(numeral)
    return value if 0 < value < 100 else None


# --------------------------------------------------------------------------- rules


def _boilerplate(text: str, block: Block) -> Candidate | None:
    reason = patterns.boilerplate_reason(text)
    if reason is None:
        return None
    if ("我代表" in text or "委托" in text) and patterns.OPENING.search(text):
        return None  # a report's opening behind a list bullet (a listing page on one line)
    cand = Candidate(block, TokenKind.BOILERPLATE)
    cand.reason = reason
    return cand


def _salutation_only(text: str, block: Block) -> Candidate | None:
    if patterns.SALUTATION.fullmatch(text):
        return Candidate(block, TokenKind.SALUTATION)
    return None


def _back_matter(text: str, block: Block) -> Candidate | None:
    if len(text) > 30:
        return None
    if patterns.GLOSSARY_HEADING.fullmatch(text):
        return Candidate(block, TokenKind.GLOSSARY_HEADING)
    if patterns.CLOSING_HEADING.fullmatch(text):
        return Candidate(block, TokenKind.CLOSING_HEADING)
    m = patterns.APPENDIX_HEADING.match(text)
    if m and (m.end() == len(text) or (len(text) <= 24 and not _closed(text))):
        cand = Candidate(block, TokenKind.APPENDIX_HEADING)
        cand.ordinal = int(m.group("n")) if m.group("n") else None
        return cand
    return None


def _numbered_heading(text: str, block: Block) -> Candidate | None:
    first = text[:1]
    if first in patterns.ENCLOSED:
        family, ordinal = patterns.ENCLOSED[first]
        if family == "circled":
            cand = Candidate(block, TokenKind.ITEM)
            cand.marker, cand.ordinal = first, ordinal
            return cand
        return _heading(text, block, TokenKind.CHAPTER_HEADING, family, ordinal, 1)
    if not _ANY_HEADING_NUMERAL.match(text):
        return None
    for families, kind in ((_PART_FAMILIES, TokenKind.PART_HEADING),
                           (_CHAPTER_FAMILIES, TokenKind.CHAPTER_HEADING)):
        for family, pattern in families:
            m = pattern.match(text)
            if m is None or m.end() >= len(text):
                continue
            value = _ordinal(family, m.group("n"))
            if value is None:
                continue
            if family in ("en_word", "roman") and (
                len(text) > 150 or text.rstrip().endswith((".", "。"))
            ) and not block.embedded:
                # "First, we will … ." is a paragraph, not a heading; "II. Work …" and
                # "Second, the main goals …" cut out of a run-on line are headings with their
                # body (the readings and the choice then weigh the title)
                continue
            return _heading(text, block, kind, family, value, m.end())
    m = patterns.CHAPTER_TRUNCATED.match(text)
    if m and len(text) <= 60:
        cand = _heading(text, block, TokenKind.BARE, "truncated", None, m.end())
        return cand
    return None


def _heading(text: str, block: Block, kind: TokenKind, family: str, ordinal: int | None,
             numeral_len: int) -> HeadingCandidate:
    cand = HeadingCandidate(block, kind)
    cand.family = family
    cand.ordinal = ordinal
    cand.numeral_end = block.start + numeral_len
    end, inferred, options = title_end(text[numeral_len:], part=kind == TokenKind.PART_HEADING)
    cand.title_end = cand.numeral_end + end
    cand.boundary_inferred = inferred
    cand.options = [(cand.numeral_end + p, score) for p, score in options]
    return cand


def _item(text: str, block: Block) -> Candidate | None:
    m = patterns.ITEM_ORDINAL.match(text)
    if m:
        ordinal = cjk_to_int(m.group("n"))
        if ordinal is not None:
            cand = Candidate(block, TokenKind.ITEM)
            cand.marker, cand.ordinal = m.group(), ordinal
            return cand
    m = patterns.ITEM_DASH.match(text)
    if m and len(text) > 8:
        cand = Candidate(block, TokenKind.ITEM)
        cand.marker = m.group()
        return cand
    return None


def _front(text: str, block: Block) -> Candidate | None:
    head = text[:240]
    # necessary for OPENING (its two branches start with these words; the English one is
    # ASCII-case-insensitive and no other character case-folds to its letters, nor lowers to
    # them: a head without an f is not lowered)
    if ("我代表" in head or "委托" in head
            or (("f" in head or "F" in head) and "on behalf of the" in head.lower())) \
            and patterns.OPENING.search(text, 0, 240 + 200):
        # the keyword in the block's first 240 characters; the formula runs at most ~200
        # characters on (an English opening after a run-on title and meeting line)
        return Candidate(block, TokenKind.OPENING)
    if len(text) <= 60 and patterns.TITLE_LINE.search(text):
        return Candidate(block, TokenKind.TITLE)
    if len(text) <= 140 and patterns.MEETING_LINE.search(text) and not _closed(text):
        return Candidate(block, TokenKind.META)
    if len(text) <= 80 and patterns.SPEAKER_LINE.search(text) and not _closed(text):
        return Candidate(block, TokenKind.SPEAKER)
    return None


def _closed(text: str) -> bool:
    return any(c in text for c in "。！？!?")


def _salutation_led(text: str, block: Block) -> Candidate | None:
    m = patterns.SALUTATION.match(text)
    if m:
        cand = Candidate(block, TokenKind.PARA)
        cand.salutation = True
        return cand
    return None


def _bare(text: str, block: Block) -> Candidate | None:
    """A short line without sentence punctuation: maybe a heading whose numeral is missing;
    or, cut out of a run-on line, a part title without numeral that runs into its body."""
    if block.title_end is not None:
        head = text[: block.title_end - block.start]
        back = _back_matter(head, Block(block.start, block.title_end))
        cand = HeadingCandidate(block, back.kind if back is not None else TokenKind.BARE)
        if back is not None:
            cand.ordinal = back.ordinal
        cand.title_end = block.title_end
        cand.boundary_inferred = True
        return cand
    if len(text) > 48 or len(text) < 4 or patterns.ENDS_CLOSED.search(text):
        if len(text) <= 150 and text[:40].isascii() and not patterns.ENDS_CLOSED.search(text) \
                and vocabulary.names_part(text):
            return Candidate(block, TokenKind.BARE)  # an English part title (a translation)
        return None
    if any(c in text for c in "。！？!?；;"):
        return None
    if not regex.search(r"\p{Han}", text[:8]):
        return Candidate(block, TokenKind.BARE) if vocabulary.names_part(text) else None
    return Candidate(block, TokenKind.BARE)


_LEAD = regex.compile(r"[^。！？!?；;，,、：:\n]{4,22}[。！？!?]")


def _lead_item(text: str, block: Block) -> Candidate | None:
    m = _LEAD.match(text)
    if m and m.end() < len(text) - 4:
        cand = Candidate(block, TokenKind.ITEM)
        cand.lead = m.group()
        return cand
    return None


RULES: tuple[tuple[str, Rule], ...] = (
    ("salutation_only", _salutation_only),
    ("boilerplate", _boilerplate),
    ("back_matter", _back_matter),
    ("numbered_heading", _numbered_heading),
    ("front", _front),
    ("item", _item),
    ("salutation_led", _salutation_led),
    ("bare", _bare),
    ("lead_item", _lead_item),
)
#: the rules that find a marker at a block's start (a salutation, a numeral, a dash): a block
#: that ``_MARKER`` does not match at its start, most of a report's, is spared them (exact by
#: construction: each of them reads a block only where one of these patterns matches at 0)
_MARKER_RULES = frozenset({"salutation_only", "numbered_heading", "item", "salutation_led"})
_UNMARKED_RULES = tuple((name, rule) for name, rule in RULES if name not in _MARKER_RULES)
_MARKER = _any_of((patterns.SALUTATION, _ANY_HEADING_NUMERAL, patterns.ITEM_ORDINAL,
                   patterns.ITEM_DASH, regex.compile(f"[{''.join(patterns.ENCLOSED)}]")))


def openings(cands: list[Candidate]) -> list[int]:
    """Indices of the opening formulas (现在，我代表…报告工作): one per report. Two within three
    blocks of each other belong to the same preamble."""
    out: list[int] = []
    for i, cand in enumerate(cands):
        if cand.kind == TokenKind.OPENING and (
            not out or i - out[-1] >= 3
            # a title or a navigation line between them starts another report (a listing
            # page of short run-on reports: one block each)
            or any(c.kind == TokenKind.TITLE or c.reason == "navigation"
                   for c in cands[out[-1] + 1 : i])
        ):
            out.append(i)
    return out


def classify(text: str, blocks: Iterable[Block]) -> list[Candidate]:
    """One candidate per block, in order (a whole line's block is not kept: ``Candidate.cut``)."""
    out = []
    for block in blocks:
        body = text[block.start : block.end]
        for _, rule in RULES if _MARKER.match(body) else _UNMARKED_RULES:
            cand = rule(body, block)
            if cand is not None:
                break
        else:
            cand = Candidate(block, TokenKind.PARA)
        out.append(cand)
    _running_headers(text, out)
    return out


_RUNNING_MAX = 30
_RUNNING_MIN_COUNT = 3


def _running_headers(text: str, cands: list[Candidate]) -> None:
    """A short line that stands alone, verbatim, three times or more is the running header or
    footer of a printed document (示例省人民政府公报 at the top of each page): boilerplate."""
    looks = (TokenKind.BARE, TokenKind.PARA)
    short = [c for c in cands if c.kind in looks
             and 4 <= c.end - c.start <= _RUNNING_MAX and not c.embedded]
    if len(short) < _RUNNING_MIN_COUNT:
        return
    counts: dict[str, int] = {}
    for c in short:
        line = text[c.start : c.end]
        counts[line] = counts.get(line, 0) + 1
    if max(counts.values()) < _RUNNING_MIN_COUNT:
        return
    # a line that is also the title of a numbered heading is a sibling heading that lost its
    # numeral (subsection titles repeat in a report; a page's furniture is never numbered)
    titled = {title_of(text, c) for c in cands if c.kind in _NUMBERED}
    for c in short:
        line = text[c.start : c.end]
        if counts[line] >= _RUNNING_MIN_COUNT and not any(p in line for p in "，,。！？!?；;") \
                and vocabulary.name(line).kind is None and line.strip(_TITLE_STRIP) not in titled:
            c.kind = TokenKind.BOILERPLATE
            c.reason = "running header"


# --------------------------------------------------------------------------- readings
#
# Every block is offered the readings it could have in the outline, each with a score; the
# grammar-guided choice (``choose.py``) keeps the best-scoring sequence the grammar accepts,
# adding what the numbering says (``choose.numbering``). Scores are log-odds-like: 0 is
# neutral, +1 is evidence for, -1 against; a sequence's score is the sum of its readings'.
# The weights are named here, in one table, so that a decision can be traced to them.

W = {
    # what a block of this look is, before context
    "part numeral": 1.0,  # 一、 / I. / Second, on a line of its own
    "part numeral run-on": 0.3,  # the same cut out of a run-on line (a look-alike is common)
    "bare part title": -1.0,  # a title that names a part, without its numeral
    "thematic bare part": -2.5,  # a title line followed by a numbering that starts at 1
    "numbering restarts after it": 2.0,  # … after a numbering that had reached 2 or more
    "numbering starts under it": 2.0,  # … the first numbering of the body, after body text
    "part 1 lost its numeral": 3.0,  # … and the body's first part numeral is 二 (_lost_first)
    "the text turns at it": 4.0,  # past words before it, future words after (kinds.turns)
    "a part numeral is missing there": 3.0,  # the only title line between 三、 and 五、
    "no numerals anywhere": 1.5,  # … or any title line, when no heading has a numeral
    "title line as text, no numerals anywhere": -1.0,
    "first part is the review": 0.5,
    "names this kind": 3.0,  # the title names the kind (2025年工作安排)
    "mentions this kind": 1.5,  # a part noun inside a longer title
    "also names this kind": 1.0,  # the second kind a combined title names
    "names another kind": -4.0,
    "content weight": 1.0,  # content evidence (kinds.content_scores) for a thematic title
    "content weight named": 0.25,  # … when the title names its kind
    # a numeral is evidence of a heading, of either level: the subsection reading of a part
    # numeral (lost outer numbering, see choose.numbering) costs only this against the part
    "part numeral as subsection": -0.5,
    "part title as subsection": -2.0,  # 2025年工作安排 as a subsection
    # a numbered line read as text: by its shape (see _shape)
    "numeral as paragraph, title line": -2.5,  # 一、扩大有效需求 on a line of its own
    "numeral as paragraph, sentence": -1.1,  # 一、新建托育机构。… (a heading with a run-in body?)
    "numeral as paragraph, loose": -0.2,  # …。一、… cut out of a run-on line: look-alikes abound
    "part numeral as item, title line": -1.5,
    "part numeral as item, sentence": -1.0,  # 一、新建托育机构。 an enumerated line
    "part numeral as item, loose": -1.5,
    "subsection numeral": 0.5,
    "subsection numeral as item": -0.5,
    "subsection numeral as paragraph": -1.0,
    "run-on subsection numeral as paragraph": -0.6,
    "long 第一， as subsection": -1.0,
    "bare subsection": -1.5,
    "bare part title as paragraph": -2.0,
    "preamble line": 0.0,
    "title line": 2.0,
    "meeting line": 1.5,
    "speaker line": 1.0,
    "opening formula": 4.0,
    "front line in the body": -0.4,
    "opening in the body": -1.0,
    "prose": 0.005,  # a paragraph rather than preamble text, all else equal
    "tail": 0.3,  # a salutation after a part's last subsection starts its tail
    "closing": 1.0,  # a salutation before a final call starts the closing …
    "closing position": 1.0,  # … the later the likelier (times the position, 0…1)
    "heading after the closing": -3.0,  # a heading line follows: not the closing
    "final call": 0.8,  # a 让我们… paragraph with no salutation before it
    "back heading": 2.5,  # 附件, 名词解释, 结束语
    "back heading as paragraph": -0.5,
    "glossary entry": 0.8,  # 1.术语：解释 (a numbered term and its definition)
}

#: （一） is the usual subsection numeral; 1. is as often a list inside one
_FAMILY_PRIOR = {"paren_cjk": 0.3, "arabic_dot": -0.2}
#: a block keeps at most _PART_READINGS part readings (the likeliest kinds) and no reading
#: more than _SPAN below its best, except the text readings (every block can be read as text,
#: so a sequence always exists)
_MAX_READINGS = 6
_PART_READINGS = 3
_SPAN = 7.0
_KEEP = frozenset({TokenKind.PARA, TokenKind.ITEM, TokenKind.SALUTATION, TokenKind.BOILERPLATE,
                   TokenKind.GLOSSARY_ENTRY})


def _prune(readings: list[Reading]) -> list[Reading]:
    """``readings`` (sorted) without the hopeless ones: never worth a search."""
    floor = readings[0].score - _SPAN
    out = []
    parts = 0
    for r in readings:
        if r.kind in _KEEP:
            out.append(r)
        elif r.score >= floor:
            if r.kind in PART_KIND:
                parts += 1
                if parts > _PART_READINGS:
                    continue
            out.append(r)
    return out
_EXHORTATION_WINDOW = 4
_CONTENT_SAMPLE = 3000
#: a stretch shorter than this holds a paragraph or two, not a part of its own
_SHORT_STRETCH = 300
_PLAUSIBLE_TITLE = (6, 44)
#: a line that leads into what follows (…如下, …的目标为), not a title (…展现新作为 is one)
_LEAD_IN = regex.compile(r"以下|如下|下列|[的了于在和与及或而并是，,、]$|(?<!作)为$")
_LET_US = regex.compile(r"让我们|[Ll][Ee][Tt] [Uu][Ss]")  # letters spelled out: a case-blind
# pattern is scanned at every position, and matches ſ or İ too
_TITLE_STRIP = "。：:；;，," + patterns.SPACE
_YEAR = regex.compile(r"((?:19|20)\d{2})[ \t]*年")
_HAN_END = regex.compile(r"\p{Han}[”’」』）)]?$")  # a title ends in a word, not a page number
_PART_KINDS = (SectionKind.REVIEW, SectionKind.FIVE_YEAR_PLAN, SectionKind.ANNUAL_PLAN,
               SectionKind.SELF_IMPROVEMENT, SectionKind.OTHER)


def title_of(text: str, cand: Candidate) -> str:
    """The title of a heading candidate (without numeral and trailing punctuation)."""
    return text[cand.numeral_end : cand.title_end].strip(_TITLE_STRIP)


def report_year(text: str, cands: list[Candidate]) -> int | None:
    """The plan year, from the first title or meeting line that names a year (2025年政府工作报告,
    ——2025年1月14日在…): a year before it in a part title is the past year."""
    front = (TokenKind.TITLE, TokenKind.META, TokenKind.OPENING)
    for cand in cands[:400]:
        if cand.kind in front:
            m = _YEAR.search(text, cand.start, min(cand.end, cand.start + 80))
            if m:
                return int(m.group(1))
    return None


def _look_ahead(text: str, cands: list[Candidate], year: int | None, turns: frozenset[int]
                ) -> tuple[list[int | None], list[int | None], list[int], list[bool]]:
    """Four look-aheads for each index: the ordinal of the next numbered subsection candidate
    before the next part candidate (``None``: there is none), the ordinal of the next
    numbered candidate of any level (a new sequence starting at 1 restarts a part), where
    the next part candidate starts (the end of a part's text, for its content), and whether a
    heading follows before the back matter (the closing comes after the last heading)."""
    n = len(cands)
    chapter: list[int | None] = [None] * (n + 1)
    anything: list[int | None] = [None] * (n + 1)
    part_end = [len(text)] * (n + 1)
    heading_after = [False] * (n + 1)
    later = False
    nxt: int | None = None
    nxt_any: int | None = None
    nxt_part = len(text)
    bare, chapter_heading, closing = (TokenKind.BARE, TokenKind.CHAPTER_HEADING,
                                      TokenKind.CLOSING_HEADING)
    for i in range(n - 1, -1, -1):
        cand = cands[i]
        kind = cand.kind
        chapter[i] = nxt
        anything[i] = nxt_any
        part_end[i] = nxt_part
        heading_after[i] = later
        if kind in _BACK:
            later = False  # back matter: what comes after it is not the body
            nxt_any = None  # … nor is its numbering (1.术语：…)
        elif kind in _NUMBERED or kind == closing:
            later = True
        if kind in _ENDS_PART or i in turns or (
            kind == bare
            and vocabulary.name(title_of(text, cand), year).strength == Strength.NAMES
        ):
            nxt = None
            nxt_part = cand.start
        elif kind == chapter_heading and cand.family != "di":
            nxt = cand.ordinal
        if kind in _NUMBERED and cand.family != "di" and not cand.embedded:
            nxt_any = cand.ordinal
    return chapter, anything, part_end, heading_after


_CLOSERS = "”’」』）)]"
_CLOSED = "。！？!?；;…:："


def _ends_closed(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` ends like a finished sentence or a lead-in (``patterns.ENDS_CLOSED``
    without scanning the block)."""
    while end > start and text[end - 1] in _CLOSERS:
        end -= 1
    return end > start and text[end - 1] in _CLOSED


def _closing_place(i: int, n: int, heading_after: bool) -> float:
    """Where a closing may start: after the last heading, the later the likelier."""
    return (W["heading after the closing"] if heading_after else 0.0) \
        + W["closing position"] * i / max(1, n)


def _shape(text: str, cand: Candidate, title: str) -> str:
    """The shape of a numbered line: a ``title line`` (the whole block is a title), a
    ``sentence`` (a title or an item running on into a body), or ``loose``: cut out of a
    run-on line, or a numeral with nothing after it."""
    if cand.embedded or not title:
        return "loose"
    if cand.title_end < cand.end or _ends_closed(text, cand.start, cand.end):
        return "sentence"
    return "title line"


def _after_finished(text: str, cands: list[Candidate], i: int) -> bool:
    """The block before ``i`` (past boilerplate) ends a sentence: ``i`` is not the rest of a
    line that a page or a quotation broke."""
    j = i - 1
    while j >= 0 and cands[j].kind == TokenKind.BOILERPLATE:
        j -= 1
    return j < 0 or _ends_closed(text, cands[j].start, cands[j].end)


def _followed_by_body(cands: list[Candidate], i: int, *also: TokenKind) -> bool:
    """The next block (past boilerplate) is body text (or one of the looks ``also``)."""
    j = i + 1
    while j < len(cands) and cands[j].kind == TokenKind.BOILERPLATE:
        j += 1
    return j < len(cands) and cands[j].kind in (TokenKind.PARA, TokenKind.ITEM,
                                                 TokenKind.SALUTATION, *also)


def _exhorts(text: str, cands: list[Candidate], i: int) -> bool:
    """A final call (让我们…, …而努力奋斗) in this block or the next few."""
    seen = 0
    for cand in cands[i:]:
        if cand.kind == TokenKind.BOILERPLATE:
            continue
        if patterns.EXHORTATION.search(text, cand.start, cand.end):
            return True
        seen += 1
        if seen >= _EXHORTATION_WINDOW:
            break
    return False


def _part_readings(ctx: _Context, cand: Candidate, title: str, base: float, why: str,
                   run_in: bool, part_end: int) -> list[Reading]:
    """A reading per kind of part for a part heading candidate: what its title names, and for
    a title that names no kind, what its body says."""
    named = vocabulary.name(title, ctx.year)
    content: dict[SectionKind, float] | None = None
    out = []
    for kind in _PART_KINDS:
        score = base
        evidence = [why]
        if named.kind == kind:
            weight = "names this kind" if named.strength == Strength.NAMES \
                else "mentions this kind"
            score += W[weight]
            evidence.append(f"title {'names' if weight[0] == 'n' else 'mentions'} "
                            f"{'/'.join(named.evidence) or kind.value}")
        elif kind in named.kinds:
            score += W["also names this kind"]
            evidence.append("title also names it")
        elif named.kind is not None and named.strength == Strength.NAMES:
            score += W["names another kind"]
            evidence.append(f"title names {named.kind.value}")
        if named.strength < Strength.NAMES or named.kind is None:  # no content if named
            if content is None:
                content = kinds.content_scores(ctx.content.counts(
                    cand.numeral_end, min(part_end, cand.numeral_end + _CONTENT_SAMPLE)))
            share = W["content weight"] if named.kind is None else W["content weight named"]
            score += share * content[kind]
            if named.kind is None:
                evidence.append(f"content {content[kind]:+.1f}")
        if kind == SectionKind.REVIEW and cand.ordinal == 1:
            score += W["first part is the review"]
        out.append(Reading(PART_TERMINAL[kind], score, ", ".join(evidence), run_in))
    return out


_BOILERPLATE = [Reading(TokenKind.BOILERPLATE, 0.0, "web chrome or page furniture")]
#: the readings of a plain paragraph or item (prose or a short line), shared by all of them
_PLAIN: dict[tuple[TokenKind, bool], list[Reading]] = {
    (kind, prose): sorted([Reading(kind, W["prose"] if prose else 0.0, "paragraph"),
                           Reading(TokenKind.FRONT_TEXT, 0.0 if prose else W["prose"],
                                   "preamble text")], key=lambda r: -r.score)
    for kind in (TokenKind.PARA, TokenKind.ITEM) for prose in (True, False)
}
#: the shared reading lists (by ``id``) → the index of the one reading a block in the body
#: can take (the other, preamble text, is only accepted in the preamble)
PLAIN_READINGS: dict[int, int] = {
    id(rs): next(j for j, r in enumerate(rs) if r.kind != TokenKind.FRONT_TEXT)
    for rs in (*_PLAIN.values(), _BOILERPLATE)
}


class _Context:
    """What the readings of every block of one text look at besides the block."""

    __slots__ = ("cands", "content", "in_gaps", "lost_first", "numbered", "opening", "text",
                 "turns", "year")

    def __init__(self, text: str, cands: list[Candidate]) -> None:
        self.text = text
        self.cands = cands
        self.year = report_year(text, cands)
        self.content = kinds.ContentIndex(text)  # the words of each kind, for any stretch
        # some heading of the body has a numeral (else title lines between paragraphs are the
        # headings); the numbered entries of a glossary or an appendix do not count
        self.numbered = False
        for c in cands:
            if c.kind in _BACK:
                break
            if c.kind in _NUMBERED and c.family != "di" and not c.embedded:
                self.numbered = True
                break
        opening = TokenKind.OPENING
        self.opening = next((i for i, c in enumerate(cands) if c.kind == opening), -1)
        self.turns = _turns(self)
        self.lost_first = _lost_first(self)
        self.in_gaps = _in_gaps(self)


def _lost_first(ctx: _Context) -> int:
    """The title line of part 1 when its numeral was lost: the body's first numbered heading
    is 二、 (a part numeral, the first of its family in the text), and this is the last line
    with a title's shape before it, after the opening; -1 if there is none."""
    cands = ctx.cands
    first = -1  # the first numbered heading: part 二, or the subsection 1 of a list before it
    for j, c in enumerate(cands):
        if c.kind not in _NUMBERED or c.family == "di" or c.embedded:
            continue
        if first < 0:
            if c.kind == TokenKind.PART_HEADING or c.ordinal != 1:
                first = j if c.kind == TokenKind.PART_HEADING and c.ordinal == 2 else -1
                break
            first = j
        elif c.kind == TokenKind.PART_HEADING:
            if c.ordinal != 2:
                first = -1
            break
    if first < 0 or any(  # a title naming a part stands before: the parts' headings are
            c.kind == TokenKind.BARE  # there, 二、 is a subsection under one (lost outer
            and vocabulary.name(title_of(ctx.text, c), ctx.year).strength == Strength.NAMES
            for c in cands[max(ctx.opening, 0) : first]):  # numbering), 一、 lost its numeral
        return -1
    for i in range(first - 1, ctx.opening, -1):
        cand = cands[i]
        if cand.kind == TokenKind.BARE and cand.family != "truncated" and _title_line(
                ctx.text, cands, i, title_of(ctx.text, cand)):
            return i
    return -1


def _in_gaps(ctx: _Context) -> frozenset[int]:
    """The title lines without numeral where the part numbering has a gap: between 三、 and
    五、 (of one family) the only title line is part 4, whose numeral was lost; with more title
    lines than missing numerals, the numbering does not say which."""
    text, cands = ctx.text, ctx.cands
    out: list[int] = []
    previous: tuple[int, str | None] | None = None  # the last part numeral: ordinal, family
    lines: list[int] = []
    part, bare = TokenKind.PART_HEADING, TokenKind.BARE
    for i, cand in enumerate(cands):
        if cand.kind == part and not cand.embedded and cand.ordinal is not None:
            if previous is not None and previous[1] == cand.family \
                    and 0 < len(lines) <= cand.ordinal - previous[0] - 1:
                out.extend(lines)
            previous, lines = (cand.ordinal, cand.family), []
        elif cand.kind in _BACK:
            break
        elif previous is not None and cand.kind == bare \
                and cand.family != "truncated" and _title_line(text, cands, i,
                                                               title_of(text, cand)):
            lines.append(i)
    return frozenset(out)


def _title_line(text: str, cands: list[Candidate], i: int, title: str, *also: TokenKind) -> bool:
    """Block ``i`` (title ``title``) has the shape of a heading without numeral: a title's
    length, ending in a word, between a finished sentence and body text."""
    cand = cands[i]
    return (_PLAUSIBLE_TITLE[0] <= len(title) <= _PLAUSIBLE_TITLE[1]
            and not _LEAD_IN.search(title) and _HAN_END.search(title) is not None
            and (cand.title_end < cand.end or _followed_by_body(cands, i, *also))
            and _after_finished(text, cands, i))


def _turns(ctx: _Context) -> frozenset[int]:
    """The title lines without numeral where the text turns to a later part of the outline
    (``kinds.turns``): the words since the last part heading (or the opening) look back, the
    words up to the next one look forward or state the year's targets (the review ends there
    and the annual plan begins, whatever the title says: 坚定信心，奋力开创…新局面), or the plan
    gives way to the government's own conduct."""
    text, cands = ctx.text, ctx.cands
    n = len(cands)
    bare, part, opening = TokenKind.BARE, TokenKind.PART_HEADING, TokenKind.OPENING
    candidates: list[int] = []
    for i, cand in enumerate(cands):
        if cand.kind == bare and cand.family != "truncated" and _title_line(
                text, cands, i, title_of(text, cand)):
            candidates.append(i)
    if not candidates:
        return frozenset()
    ends = [False] * n  # where a part may start (the stretch after a line ends there)
    named = [False] * n  # … and certainly starts: its title names it (the stretch before)
    kind_of: list[SectionKind | None] = [None] * n  # … the kind its title names
    for i, cand in enumerate(cands):
        if (cand.kind in _ENDS_PART and not cand.embedded) or cand.kind == bare:
            title_name = vocabulary.name(title_of(text, cand), ctx.year)
            names = title_name.strength == Strength.NAMES
            ends[i] = cand.kind != bare or names
            named[i] = names or cand.kind != part
            kind_of[i] = title_name.kind if names else None
    since = [0] * n  # where the stretch before block i starts (一、 of a thematic title may
    start = 0        # be a subsection under lost outer numbering: it does not cut it)
    numbered = [0] * n  # … and where the text since the last part numeral starts
    under: list[SectionKind | None] = [None] * n  # … the kind its title names, if any
    last, start_kind = 0, None
    for i, cand in enumerate(cands):
        since[i] = start
        numbered[i] = last
        under[i] = start_kind
        if ends[i] and named[i]:
            start = last = cand.start
            start_kind = kind_of[i]
        elif cand.kind == opening:
            start = last = cand.end
            start_kind = None
        elif ends[i]:
            last = cand.start
    until = [len(text)] * n  # where the stretch after block i ends
    then: list[SectionKind | None] = [None] * n  # … the kind the title there names
    stop, stop_kind = len(text), None
    for i in range(n - 1, -1, -1):
        until[i], then[i] = stop, stop_kind
        if ends[i]:
            stop, stop_kind = cands[i].start, kind_of[i]
    out = []
    # the sentences cut before one restarting numbering (a stretch): the text turns at one of
    # them, where the words on either side differ the most; the kind it turned to is what
    # the text speaks as before the next stretch, when its words say nothing
    best_in: dict[int, tuple[float, int, SectionKind | None]] = {}  # → (contrast, block, kind)
    turned: tuple[int, SectionKind | None] = (-1, None)  # the last stretch's turn: where, to
    parallel = _parallel_titles(text, cands, candidates)
    for i in candidates:
        cand = cands[i]
        if ends[i]:
            continue
        stretch = cand.stretch
        if stretch >= 0 and best_in and stretch not in best_in:
            prior = best_in[max(best_in)]
            turned = (cands[prior[1]].start, prior[2])
        named_before = turned[1] if stretch >= 0 and turned[0] > since[i] else under[i]
        before = ctx.content.counts(max(since[i], cand.start - _CONTENT_SAMPLE), cand.start)
        after = ctx.content.counts(cand.title_end,  # a title run into its body: from its end
                                   min(until[i], cand.title_end + _CONTENT_SAMPLE))
        if not kinds.turns(before, after, named_before):
            continue
        later = kinds.leaning(after)
        if numbered[i] > since[i] and kinds.leaning(ctx.content.counts(
                max(numbered[i], cand.start - _CONTENT_SAMPLE), cand.start)) == later:
            continue  # the text speaks as the later part since the last part numeral: it
            # turned there (a numbered part whose title names no kind), not at this line
        if then[i] == later and until[i] - cand.end < _SHORT_STRETCH:
            continue  # a title naming the later part follows closely: the text turns there
        if stretch >= 0:
            contrast = _contrast(before, after, named_before)
            if contrast > 0 and i in parallel:
                contrast += _PARALLEL
            if stretch not in best_in or contrast >= best_in[stretch][0]:  # ties: the last
                # (the words after it say as much in less text)
                best_in[stretch] = (contrast, i, later)
            continue
        out.append(i)
    out.extend(i for _, i, _ in best_in.values())
    return frozenset(out)


#: what a title parallel to one in another stretch adds to the contrast at it (part titles of
#: one report are parallel: 牢记殷殷嘱托，在… / 牢记历史使命，在… / 牢记人民至上，在…)
_PARALLEL = 2.0


def _parallel_titles(text: str, cands: list[Candidate], candidates: list[int]) -> set[int]:
    """The sentences cut before a restarting numbering whose first clause has the length and
    the first two characters of one cut before another (re)starting numbering."""
    keys: dict[tuple[int, str], set[int]] = {}
    of: dict[int, tuple[int, str]] = {}
    for i in candidates:
        cand = cands[i]
        if cand.stretch < 0:
            continue
        m = patterns.SLOGAN_FIRST_CLAUSE.match(text, cand.start, cand.title_end)
        if m:
            key = of[i] = (m.end() - m.start(), text[cand.start : cand.start + 2])
            keys.setdefault(key, set()).add(cand.stretch)
    return {i for i, key in of.items() if len(keys[key]) > 1}


def _contrast(before: kinds.ContentCounts, after: kinds.ContentCounts,
              named: SectionKind | None) -> float:
    """How clearly two stretches speak as different kinds: the evidence that the first is not
    what the second leans to, plus that the second is not what the first leans to (or is
    named: ``kinds.turns``)."""
    a, b = kinds.leaning(before) or named, kinds.leaning(after)
    if a is None or b is None:
        return 0.0
    return -kinds.content_scores(before)[b] - kinds.content_scores(after)[a]


_SCORE = operator.attrgetter("score")


def offer_readings(text: str, cands: list[Candidate]) -> None:
    """Set ``readings`` of every candidate, best first."""
    ctx = _Context(text, cands)
    next_chapter, next_any, part_end, heading_after = _look_ahead(text, cands, ctx.year,
                                                                  ctx.turns)
    previous: int | None = None  # the ordinal of the last numbered heading candidate
    let_us = [m.start() for m in _LET_US.finditer(text)]  # final calls: rare, found at once
    calls = 0
    stretches: set[int] = set()  # the stretches before a restarting numbering seen so far
    plain_looks = (TokenKind.PARA, TokenKind.ITEM)
    boilerplate = TokenKind.BOILERPLATE
    same: dict[tuple[object, ...], Reading] = {}
    lists: dict[tuple[int, ...], list[Reading]] = {}
    for i, cand in enumerate(cands):
        cand.next_chapter = next_chapter[i]
        while calls < len(let_us) and let_us[calls] < cand.start:
            calls += 1
        calling = calls < len(let_us) and let_us[calls] < cand.end
        look = cand.kind
        if look in plain_looks and not cand.salutation and not calling and not (
            text[cand.start].isdigit() and patterns.GLOSSARY_ENTRY.match(text, cand.start,
                                                                         cand.end)
        ):  # the most common block: a plain paragraph or item, its readings shared
            cand.readings = _PLAIN[(look, cand.end - cand.start > 40
                                    or _ends_closed(text, cand.start, cand.end))]
            continue
        restart = 0 if next_any[i] != 1 else 2 if previous is not None and previous >= 2 else 1
        if i == ctx.lost_first:
            restart = 1  # the body's first part numeral is 二: part 1's title lost its numeral
        elif cand.restart:  # cut out of a run-on line before such a numbering: one
            # of the sentences there opens the part, where the text turns (or the first one
            # after the opening formula, before the body's first numbering)
            stretch = cand.stretch
            first = stretch not in stretches
            stretches.add(stretch)
            restart = cand.restart if i in ctx.turns or (
                first and cand.restart == 1) else 0
        readings = _readings(ctx, i, cand, restart, part_end[i], heading_after[i], calling)
        if look in _NUMBERED and cand.family != "di" and not cand.embedded:
            previous = cand.ordinal
        if look != boilerplate and patterns.GLOSSARY_ENTRY.match(
                text, cand.start, cand.end):
            readings = [*readings, Reading(TokenKind.GLOSSARY_ENTRY, W["glossary entry"],
                                           "glossary entry")]
        if id(readings) not in PLAIN_READINGS:
            readings.sort(key=_SCORE, reverse=True)  # (a stable sort: ties keep their order)
            if len(readings) > _MAX_READINGS or readings[-1].score < readings[0].score - _SPAN:
                readings = _prune(readings)
            # equal readings, and equal lists of them, are one object: sibling headings are
            # often offered the same (and a text of thousands of headings would otherwise
            # hold a list of readings for each: issue 14, item 7)
            readings = [same.setdefault((r.kind, r.score, r.evidence, r.tid, r.count), r)
                        for r in readings]
            readings = lists.setdefault(tuple(map(id, readings)), readings)
        cand.readings = readings


def _readings(ctx: _Context, i: int, cand: Candidate, restart: int, part_end: int,
              heading_after: bool, calling: bool) -> list[Reading]:
    """The readings of block ``i``. ``restart``: the next numbered heading is 1 (1), after a
    sequence that had reached 2 or more (2: a new part begins before it)."""
    text, cands, year = ctx.text, ctx.cands, ctx.year
    look = cand.kind
    K = TokenKind
    if look == K.BOILERPLATE:
        return _BOILERPLATE
    out: list[Reading] = []
    embedded = cand.embedded
    run_in = cand.title_end < cand.end
    if look == K.PART_HEADING:
        title = title_of(text, cand)
        if title:
            base = W["part numeral run-on" if embedded else "part numeral"]
            out += _part_readings(ctx, cand, title, base, "part numeral", run_in,
                                  part_end)
            named = vocabulary.name(title, year)
            sub = base + W["part numeral as subsection"]
            if named.strength == Strength.NAMES and named.kind not in (
                None, SectionKind.SELF_IMPROVEMENT
            ):
                sub += W["part title as subsection"]
            out.append(Reading(K.CHAPTER_HEADING, sub, "part numeral as a subsection", run_in))
        shape = _shape(text, cand, title)
        out.append(Reading(K.ITEM, W[f"part numeral as item, {shape}"], "numbered item"))
        out.append(Reading(K.PARA, W[f"numeral as paragraph, {shape}"], "look-alike numeral"))
        out.append(Reading(K.FRONT_TEXT, W[f"numeral as paragraph, {shape}"], "preamble text"))
        return out
    if look == K.CHAPTER_HEADING:
        title = title_of(text, cand)
        long_di = cand.family == "di" and (cand.title_end - cand.numeral_end > 30
                                           or cand.end - cand.start > 90)
        score = W["long 第一， as subsection"] if long_di else W["subsection numeral"] + \
            _FAMILY_PRIOR.get(cand.family or "", 0.0)
        named = vocabulary.name(title, year)
        if named.strength == Strength.NAMES and named.kind not in (
            None, SectionKind.SELF_IMPROVEMENT
        ):
            score += W["part title as subsection"] / 2
        out.append(Reading(K.CHAPTER_HEADING, score, "subsection numeral", run_in))
        out.append(Reading(K.ITEM, 0.0 if long_di else W["subsection numeral as item"],
                           "numbered item"))
        out.append(Reading(K.PARA, W["run-on subsection numeral as paragraph" if embedded
                                     else "subsection numeral as paragraph"],
                           "look-alike numeral"))
        out.append(Reading(K.FRONT_TEXT, W["subsection numeral as paragraph"], "preamble text"))
        return out
    if look == K.BARE:
        title = title_of(text, cand)
        named = vocabulary.name(title, year)
        truncated = cand.family == "truncated"
        plausible = (_PLAUSIBLE_TITLE[0] <= len(title) <= _PLAUSIBLE_TITLE[1]
                     and (run_in or _followed_by_body(cands, i))
                     and not _LEAD_IN.search(title))
        para = 0.0
        bonus = W["numbering restarts after it"] if restart == 2 and plausible else \
            W["part 1 lost its numeral" if i == ctx.lost_first else "numbering starts under it"] \
            if restart == 1 and plausible and i > ctx.opening else 0.0
        turn = i in ctx.turns
        if turn:
            bonus += W["the text turns at it"]
        gap = i in ctx.in_gaps
        if gap:
            bonus += W["a part numeral is missing there"]
        if not truncated and named.strength == Strength.NAMES:
            out += _part_readings(ctx, cand, title, W["bare part title"] + bonus,
                                  "title without numeral", run_in, part_end)
            para = W["bare part title as paragraph"]
        elif not truncated and plausible and (restart or turn or gap):
            out += _part_readings(ctx, cand, title, W["thematic bare part"] + bonus,
                                  "line where the text turns to another part" if turn
                                  else "line where a part numeral is missing" if gap
                                  else "line before a restarting numbering", run_in, part_end)
        elif not truncated and not ctx.numbered and not cand.restart \
                and i > ctx.opening and _PLAUSIBLE_TITLE[0] <= len(
                title) <= _PLAUSIBLE_TITLE[1] and not _LEAD_IN.search(title) and (
                run_in or _followed_by_body(cands, i, TokenKind.CHAPTER_HEADING)) and \
                _after_finished(text, cands, i) and _HAN_END.search(title):
            # no heading has a numeral: title lines between paragraphs are the headings
            out += _part_readings(ctx, cand, title, W["thematic bare part"]
                                  + W["no numerals anywhere"],
                                  "title line in a report without numerals", run_in, part_end)
            para = W["title line as text, no numerals anywhere"]
        if (plausible or truncated) and not cand.restart:  # (cut as a part title only)
            score = W["bare subsection"]
            if named.strength == Strength.NAMES and named.kind not in (
                None, SectionKind.SELF_IMPROVEMENT
            ):
                score += W["part title as subsection"]
            out.append(Reading(K.CHAPTER_HEADING, score, "subsection title without numeral",
                               run_in))
        out.append(Reading(K.PARA, para, "short line"))
        # a title that names a part is no more preamble text than it is a paragraph
        out.append(Reading(K.FRONT_TEXT, para if para < 0 else W["preamble line"],
                           "preamble text"))
        return out
    if look in (K.APPENDIX_HEADING, K.GLOSSARY_HEADING, K.CLOSING_HEADING):
        out.append(Reading(look, W["back heading"], "back-matter heading"))
        out.append(Reading(K.PARA, W["back heading as paragraph"], "short line"))
        return out
    if look in (K.TITLE, K.META, K.SPEAKER, K.OPENING):
        weight = {K.TITLE: "title line", K.META: "meeting line", K.SPEAKER: "speaker line",
                  K.OPENING: "opening formula"}[look]
        out.append(Reading(look, W[weight], weight))
        out.append(Reading(K.PARA, W["opening in the body" if look == K.OPENING
                                     else "front line in the body"], "paragraph"))
        return out
    # body blocks: paragraphs, items, salutations
    body = K.SALUTATION if look == K.SALUTATION else K.ITEM if look == K.ITEM else K.PARA
    # all else equal, prose is a paragraph and a short unfinished line preamble text
    prose = cand.end - cand.start > 40 or _ends_closed(text, cand.start, cand.end)
    salutation = look == K.SALUTATION or cand.salutation
    if look == K.SALUTATION:
        prose = False  # 各位代表： on its own line: before any part, the preamble's
    if not salutation and not calling:
        return _PLAIN[(body, prose)]  # shared: most blocks of a report are these
    out.append(Reading(body, W["prose"] if prose else 0.0, "paragraph"))
    out.append(Reading(K.FRONT_TEXT, 0.0 if prose else W["prose"], "preamble text"))
    if salutation:
        out.append(Reading(K.TAIL_SALUTATION, W["tail"], "salutation after the subsections"))
        if _exhorts(text, cands, i):
            out.append(Reading(K.CLOSING_START, W["closing"] + _closing_place(
                i, len(cands), heading_after), "salutation before a final call"))
    elif calling:
        out.append(Reading(K.CLOSING_START, W["final call"] + _closing_place(
            i, len(cands), heading_after), "final call"))
    return out

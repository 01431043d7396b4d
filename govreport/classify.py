"""Classification: block → candidate token (the third stage of the pipeline).

An ordered table of named rules, all with the same signature, first match wins, fallback
``PARA`` (the layout of markdown-it's block rules). Classification looks at one block only; what
a candidate *is* in context — a real heading or a look-alike, which level, which ordinal — is
decided by ``outline.py``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

import regex

from . import patterns
from .boundary import title_end
from .patterns import cjk_to_int, roman_to_int
from .segment import Block

__all__ = ["Candidate", "TokenKind", "classify"]


class TokenKind(str, enum.Enum):
    """Kinds of blocks. The names are the terminals declared in ``grammars/report.lark``."""

    # front matter
    TITLE = "TITLE"
    META = "META"
    SPEAKER = "SPEAKER"
    OPENING = "OPENING"
    FRONT_TEXT = "FRONT_TEXT"
    # headings
    PART_HEADING = "PART_HEADING"
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
    # classification only (resolved by the outline pass)
    BARE = "BARE"


class Candidate:
    """What a block looks like on its own. Offsets are absolute, in the normalised text."""

    __slots__ = (
        "block",
        "boundary_inferred",
        "end",
        "family",
        "kind",
        "lead",
        "marker",
        "numeral_end",
        "options",
        "ordinal",
        "reason",
        "salutation",
        "start",
        "title_end",
    )

    def __init__(self, block: Block, kind: TokenKind) -> None:
        self.block = block
        self.start = block.start
        self.end = block.end
        self.kind = kind
        self.family: str | None = None  # numbering family of a heading candidate
        self.ordinal: int | None = None
        self.numeral_end = block.start  # where the title starts
        self.title_end = block.end  # where the heading ends (a run-in body follows)
        self.boundary_inferred = False
        self.options: list[tuple[int, int]] = []  # scored title ends of a run-in heading
        self.marker: str | None = None
        self.lead: str | None = None
        self.reason: str | None = None  # boilerplate rule
        self.salutation = False  # a paragraph led by 各位代表

    def __repr__(self) -> str:
        return (f"Candidate({self.kind.value}, {self.start}-{self.end}, family={self.family}, "
                f"ordinal={self.ordinal})")


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
_ANY_BOILERPLATE = _any_of(tuple(rule for _, rule in patterns.BOILERPLATE_RULES))


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
    if len(text) > patterns.BOILERPLATE_MAX_LEN or not _ANY_BOILERPLATE.search(text):
        return None
    for reason, rule in patterns.BOILERPLATE_RULES:
        if rule.search(text):
            cand = Candidate(block, TokenKind.BOILERPLATE)
            cand.reason = reason
            return cand
    return None


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
            ):
                continue  # "First, we will … ." is a paragraph, not a heading
            return _heading(text, block, kind, family, value, m.end())
    m = patterns.CHAPTER_TRUNCATED.match(text)
    if m and len(text) <= 60:
        cand = _heading(text, block, TokenKind.BARE, "truncated", None, m.end())
        return cand
    return None


def _heading(text: str, block: Block, kind: TokenKind, family: str, ordinal: int | None,
             numeral_len: int) -> Candidate:
    cand = Candidate(block, kind)
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
    # ASCII-case-insensitive and no other character case-folds to its letters)
    if ("我代表" in head or "on behalf of the" in head.lower()) and patterns.OPENING.search(head):
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
    """A short line without sentence punctuation: maybe a heading whose numeral is missing."""
    if len(text) > 48 or len(text) < 4 or patterns.ENDS_CLOSED.search(text):
        return None
    if any(c in text for c in "。！？!?；;") or not regex.search(r"\p{Han}", text[:8]):
        return None
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


def classify(text: str, blocks: list[Block]) -> list[Candidate]:
    """One candidate per block, in order."""
    out = []
    for block in blocks:
        body = text[block.start : block.end]
        for _, rule in RULES:
            cand = rule(body, block)
            if cand is not None:
                break
        else:
            cand = Candidate(block, TokenKind.PARA)
        out.append(cand)
    return out

"""Which part of the outline a section is, from its content: the evidence for a part whose
title does not name its kind (a thematic title: 牢记殷殷嘱托，… is the review, 牢记历史使命，… the
annual plan), and the kind of a part that has lost its heading.

What a *title* names is read by ``vocabulary.py``; this module reads the words of the body: past
tense and achievements (the review), this year and the tasks ahead (the plan), the government's
own conduct (self-improvement), the year's expected targets (the plan). ``content_scores`` turns
them into a score per kind, which the classifier adds to the readings of a part heading.
"""

from __future__ import annotations

from bisect import bisect_left

import regex

from .models import SectionKind

__all__ = ["ContentCounts", "ContentIndex", "content_counts", "content_kind", "content_scores",
           "leaning", "turns"]

_PAST = regex.compile(
    r"过去一年|过去五年|过去的一年|一年来|五年来|去年|刚刚过去|上年|(?:19|20)\d\d年是"
    r"|取得(?:了)?[^，。]{0,8}(?:成效|成绩|进展|成就|突破)|(?:实现|完成|增长|下降|提高|达到|突破)了"
    r"|主要做了|成绩来之不易|清醒(?:地)?(?:看到|认识到)|衷心(?:的)?感谢|崇高(?:的)?敬意"
    r"|(?i:in the past|over the past|last year|has been|have been)"
)
_FUTURE = regex.compile(
    r"今年|明年|今后|预期目标|主要目标是|力争|要(?:坚持|着力|加快|推动|深入|全面|持续|大力)"
    r"|将(?:坚持|着力|加快|推动|深入|全面|持续|大力)|重点(?:抓好|做好)"
    r"|(?i:this year|we will|will be)"
)
_TARGETS_STATEMENT = regex.compile(r"主要预期目标|预期目标是|(?i:main expected targets)")
_GOVERNMENT = regex.compile(
    r"政府系统|依法行政|廉洁|清廉|勤政|作风|履职|形式主义|官僚主义|从严治党|政府自身|党风廉政|政务公开"
    r"|服务型政府|法治政府"
)


def content_kind(title: str, body: str, *, after_review: bool) -> SectionKind:
    """Kind of a thematic part from the words of its title and the start of its body.

    A part that comes before any review is the review unless its words look forward more
    than back; after the review, it is the annual plan unless it is about the government
    itself (a part stating the year's expected targets is the annual plan even when its
    last subsection is about the government).
    """
    sample = title + body[:3000]
    past = len(_PAST.findall(sample))
    future = len(_FUTURE.findall(sample))
    gov = len(_GOVERNMENT.findall(sample))
    if after_review and _TARGETS_STATEMENT.search(sample):
        return SectionKind.ANNUAL_PLAN  # the year's expected targets open the annual plan
    if gov >= 4 and gov * 3 >= past + future:
        return SectionKind.SELF_IMPROVEMENT
    if not after_review:
        return SectionKind.REVIEW if past >= future else SectionKind.ANNUAL_PLAN
    if past > 2 * future + 2:
        return SectionKind.REVIEW
    return SectionKind.ANNUAL_PLAN


class ContentCounts:
    """Counts of the words that point to each kind in a part's first 3,000 characters."""

    __slots__ = ("five", "future", "gov", "past", "targets")

    def __init__(self, past: int, future: int, gov: int, targets: bool, five: int = 0) -> None:
        self.past = past
        self.future = future
        self.gov = gov
        self.targets = targets
        self.five = five  # the coming Five-Year period (今后五年, “十五五”时期)


#: the coming Five-Year period, in a part's body
_FIVE_YEARS = regex.compile(
    r"今后五年|未来五年|[“\"]?十[一二三四五六七八九]?五[”\"]?(?:时期|期间)|本届政府任期|五年规划"
    r"|(?i:\b(?:next|coming) five years|\b\d{1,2}(?:th|st|nd|rd) (?:five-year plan )?period\b)"
)
_WORDS = regex.compile(
    f"(?P<targets>{_TARGETS_STATEMENT.pattern})|(?P<five>{_FIVE_YEARS.pattern})"
    f"|(?P<past>{_PAST.pattern})|(?P<future>{_FUTURE.pattern})|(?P<gov>{_GOVERNMENT.pattern})"
)


def content_counts(sample: str) -> ContentCounts:
    """The counts, in one pass over ``sample`` (where words of two kinds overlap, the first
    listed wins; a targets statement counts as such, not as a future word)."""
    counts = {"past": 0, "future": 0, "gov": 0, "targets": 0, "five": 0}
    for m in _WORDS.finditer(sample):
        counts[m.lastgroup or ""] += 1
    return ContentCounts(counts["past"], counts["future"], counts["gov"], counts["targets"] > 0,
                         counts["five"])


class ContentIndex:
    """Where the words of each kind stand in a whole text: the counts of any stretch of it by
    bisection (the classifier asks for many stretches of one text, most reports for none).

    The text is read in chunks of ``CHUNK`` characters, each when a stretch first needs it, so
    a report whose titles name their parts pays for no pass at all; a word belongs to the chunk
    it starts in (found by reading from the chunk's start)."""

    __slots__ = ("_at", "_text")

    CHUNK = 4096
    #: the longest word of ``_WORDS`` (a word may run past its chunk's end)
    _LONGEST = 64

    def __init__(self, text: str) -> None:
        self._text = text
        self._at: dict[int, dict[str, list[int]]] = {}  # chunk number → name → starts

    def _chunk(self, k: int) -> dict[str, list[int]]:
        at = self._at.get(k)
        if at is None:
            text = self._text
            start = k * self.CHUNK
            end = start + self.CHUNK
            at = {name: [] for name in _WORDS.groupindex}
            for m in _WORDS.finditer(text, start, min(len(text), end + self._LONGEST)):
                if m.start() >= end:
                    break
                at[m.lastgroup or ""].append(m.start())
            self._at[k] = at
        return at

    def _n(self, name: str, start: int, end: int) -> int:
        if end <= start:
            return 0
        n = 0
        for k in range(start // self.CHUNK, (end - 1) // self.CHUNK + 1):
            a = self._chunk(k)[name]
            n += bisect_left(a, end) - bisect_left(a, start)
        return n

    def counts(self, start: int, end: int) -> ContentCounts:
        """The counts of the words that start in ``text[start:end]``."""
        return ContentCounts(self._n("past", start, end), self._n("future", start, end),
                             self._n("gov", start, end), self._n("targets", start, end) > 0,
                             self._n("five", start, end))


#: the part kinds in the outline's order, as far as content tells them apart
_ORDER = {SectionKind.REVIEW: 0, SectionKind.FIVE_YEAR_PLAN: 1, SectionKind.ANNUAL_PLAN: 2,
          SectionKind.SELF_IMPROVEMENT: 3}


def leaning(c: ContentCounts) -> SectionKind | None:
    """The kind a stretch of text clearly speaks as, or ``None``: dense words about the
    government's own conduct, talk of the coming Five-Year period, the year's targets or
    clearly more future than past words, more past than future words."""
    if c.gov >= 4 and c.gov * 3 >= c.past + c.future and not c.targets:
        return SectionKind.SELF_IMPROVEMENT
    if c.five >= 2 and not c.targets:
        return SectionKind.FIVE_YEAR_PLAN
    if c.targets or c.future >= c.past + 2:
        return SectionKind.ANNUAL_PLAN
    if c.past > c.future:
        return SectionKind.REVIEW
    return None


def turns(before: ContentCounts, after: ContentCounts,
          named: SectionKind | None = None) -> bool:
    """The text turns to a later part of the outline between two stretches (the review to
    the plan, the plan to the government's own work). ``named``: the kind the title over the
    first stretch names, which counts when its words say nothing (a review of one short list)."""
    a, b = leaning(before) or named, leaning(after)
    return a in _ORDER and b is not None and _ORDER[b] > _ORDER[a]


def content_scores(c: ContentCounts) -> dict[SectionKind, float]:
    """Log-odds-like evidence per kind from the words of a part's body, relative to the best
    kind (which gets 0).

    Past against future words decide between the review and the plan (each word is worth 0.4,
    at most 2); the statement of the year's expected targets is the plan; words about the
    government's own conduct, dense enough, are self-improvement; talk of the coming Five-Year
    period (今后五年, “十五五”时期) is the Five-Year goals. The `other` matters are named by
    titles, not recognised from a body.
    """
    lean = max(-5, min(5, c.past - c.future)) * 0.4
    dense_gov = c.gov >= 4 and c.gov * 3 >= c.past + c.future
    scores = {
        SectionKind.REVIEW: lean - (1.5 if c.targets else 0.0),
        SectionKind.ANNUAL_PLAN: -lean + (1.5 if c.targets else 0.0),
        SectionKind.SELF_IMPROVEMENT: (1.5 if dense_gov and not c.targets else -1.5),
        SectionKind.FIVE_YEAR_PLAN: 1.2 * min(c.five, 3) - 1.5,
        SectionKind.OTHER: -3.0,
    }
    # relative: the content says which kind a part is, not whether the block is a part
    best = max(scores.values())
    return {kind: score - best for kind, score in scores.items()}

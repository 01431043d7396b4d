"""Several reports on one page: ``split`` and ``parse_many``.

A listing page (seed 001) holds several reports between site chrome, sometimes with an item that
is not a work report (a news article). Every work report has exactly one opening formula
(``现在，我代表县人民政府向大会报告工作``); a report starts at the title, meeting and speaker lines
just before it and ends with its closing exhortation (and any appendix or glossary after it).
What lies between reports is either chrome (boilerplate) or text that is not a report.

``split`` returns every item of the page — reports, other text and chrome — tiling the page, so
nothing is silently lost; ``parse_many`` parses the reports among them.
"""

from __future__ import annotations

import attrs

from . import patterns
from .api import Prepared, _as_text, _parse_text
from .classify import Candidate, TokenKind, classify, openings
from .models import Report, Span
from .normalize import normalize
from .segment import RunOnCuts, segment

__all__ = ["PageItem", "parse_many", "parse_page", "split"]


@attrs.frozen(kw_only=True)
class PageItem:
    """One item of a page: ``kind`` is ``report``, ``text`` (not a work report) or
    ``boilerplate``; ``span`` locates it in the page, ``text`` is its slice of the page."""

    kind: str
    span: Span
    text: str
    title: str | None = None

    @property
    def is_report(self) -> bool:
        return self.kind == "report"


_FRONT = {TokenKind.TITLE, TokenKind.META, TokenKind.SPEAKER, TokenKind.SALUTATION}
_BACK = {TokenKind.APPENDIX_HEADING, TokenKind.GLOSSARY_HEADING}


def _title_like(text: str) -> bool:
    return "工作报告" in text or bool(patterns.TITLE_LINE.search(text))


def _report_ranges(ntext: str, cands: list[Candidate]) -> list[tuple[int, int]]:
    """``(first, last)`` candidate indices of each report, in order."""
    starts: list[int] = []
    bound = 0
    for o in openings(cands):
        j = o
        while j - 1 >= bound:
            prev = cands[j - 1]
            body = ntext[prev.start : prev.end]
            if prev.kind in _FRONT or (prev.kind == TokenKind.BOILERPLATE and _title_like(body)) \
                    or (prev.kind == TokenKind.BARE and len(body) <= 40):
                j -= 1
                continue
            break
        starts.append(j)
        bound = o + 1
    ranges = []
    for k, s in enumerate(starts):
        limit = starts[k + 1] if k + 1 < len(starts) else len(cands)
        ranges.append((s, _report_end(ntext, cands, s, limit)))
    return ranges


def _report_end(ntext: str, cands: list[Candidate], first: int, limit: int) -> int:
    """The last candidate of the report that starts at ``first`` (before ``limit``)."""
    last_part = first
    expected = None
    for i in range(first, limit):  # top-level headings that continue the numbering
        c = cands[i]
        if c.kind == TokenKind.PART_HEADING and c.ordinal is not None and (
            expected is None or c.ordinal == expected
        ):
            last_part, expected = i, c.ordinal + 1
    closing = None
    # the final call after the last part (or, when the parts lost their numerals and a
    # numbered line of the page after the report looks like one, anywhere in the report)
    for lo in (last_part, first):
        for i in range(limit - 1, lo - 1, -1):
            c = cands[i]
            if c.kind != TokenKind.BOILERPLATE and patterns.EXHORTATION.search(
                    ntext, c.start, c.end):
                closing = i
                break
        if closing is not None:
            break
    if closing is None:
        end = limit - 1
        while end > first and cands[end].kind == TokenKind.BOILERPLATE:
            end -= 1
        return end
    end = closing
    in_back = False
    for i in range(closing + 1, limit):  # appendices and glossary belong to the report
        c = cands[i]
        if c.kind in _BACK:
            in_back = True
        if in_back and c.kind != TokenKind.BOILERPLATE:
            end = i
        elif c.kind != TokenKind.BOILERPLATE and not in_back:
            break
    return end


def _between(cands: list[Candidate], lo: int, hi: int) -> list[tuple[str, int, int]]:
    """Items made of candidates ``lo … hi-1`` between reports: chrome runs and text runs (a
    text run takes a title line of chrome just before it)."""
    items: list[tuple[str, int, int]] = []
    i = lo
    while i < hi:
        j = i
        chrome = cands[i].kind == TokenKind.BOILERPLATE
        while j < hi and (cands[j].kind == TokenKind.BOILERPLATE) == chrome:
            j += 1
        if chrome and j < hi and j - 1 >= i and cands[j - 1].reason == "navigation":
            # the last chrome line before a text run is that text's title
            if j - 1 > i:
                items.append(("boilerplate", i, j - 1))
            k = j
            while k < hi and cands[k].kind != TokenKind.BOILERPLATE:
                k += 1
            items.append(("text", j - 1, k))
            i = k
            continue
        items.append(("boilerplate" if chrome else "text", i, j))
        i = j
    return items


def split(text: str | bytes) -> list[PageItem]:
    """Every item of a page, in order, tiling it: reports, other text, chrome."""
    return _split(_as_text(text))[1]


def _split(page: str, known: RunOnCuts | None = None) -> tuple[Prepared, list[PageItem]]:
    """The page's normalised text and candidates (what ``parse()`` of the whole page
    starts from), and its items; ``known`` takes the cuts of the page's run-on lines, for the
    parse of each report (``segment``)."""
    norm = normalize(page)
    ntext = norm.text
    cands = classify(ntext, segment(ntext, known))
    prepared = (norm, cands)
    if not cands:
        return prepared, (
            [PageItem(kind="text", span=Span(0, len(page)), text=page)] if page else [])
    ranges = _report_ranges(ntext, cands)
    raw: list[tuple[str, int, int]] = []  # (kind, first, stop) in candidate indices
    pos = 0
    for first, last in ranges:
        raw.extend(_between(cands, pos, first))
        raw.append(("report", first, last + 1))
        pos = last + 1
    raw.extend(_between(cands, pos, len(cands)))
    if not ranges:
        raw = [("report" if _looks_like_report(ntext, cands) else "text", 0, len(cands))]
    items = []
    for n, (kind, first, stop) in enumerate(raw):
        start = 0 if n == 0 else norm.map(cands[first].start)
        end = len(page) if n + 1 == len(raw) else norm.map(cands[raw[n + 1][1]].start)
        span = Span(start, end)
        items.append(PageItem(kind=kind, span=span, text=span.slice(page),
                              title=_item_title(ntext, cands[first:stop])))
    return prepared, items


def _looks_like_report(ntext: str, cands: list[Candidate]) -> bool:
    parts = sum(1 for c in cands if c.kind == TokenKind.PART_HEADING)
    words = ntext.count("各位代表") + ntext.count("政府工作")
    return parts >= 2 or words >= 2


def _item_title(ntext: str, cands: list[Candidate]) -> str | None:
    for c in cands[:4]:
        body = ntext[c.start : c.end]
        if c.kind in (TokenKind.TITLE, TokenKind.BOILERPLATE) and len(body) <= 80 and (
            c.kind == TokenKind.TITLE or c.reason == "navigation"
        ):
            return body.lstrip("•·▪■◆►▶ \t")
    return None


def parse_many(text: str | bytes, *, source: str | None = None) -> list[Report]:
    """The work reports on a page, in page order. Each report's ``text`` is its slice of the
    page and ``offset`` where that slice starts; items that are not reports are left out
    (see :func:`split`)."""
    page = _as_text(text)
    known: RunOnCuts = {}  # a report on one line is cut once, for the split and its parse
    return [
        _parse_text(item.text, source=source, offset=item.span.start, known=known)
        for item in _split(page, known)[1]
        if item.is_report
    ]


def parse_page(text: str | bytes, *, source: str | None = None) -> list[Report]:
    """:func:`parse_many` when the page holds two or more work reports, else
    ``[parse(text)]`` (the whole text, chrome kept as boilerplate) — for batch jobs that do not
    know what a file holds. The page is normalised and classified once, for both the split and
    the parse of a single report (``split()`` followed by ``parse()`` would do it twice)."""
    page = _as_text(text)
    known: RunOnCuts = {}
    prepared, items = _split(page, known)
    reports = [item for item in items if item.is_report]
    if len(reports) >= 2:
        return [_parse_text(item.text, source=source, offset=item.span.start, known=known)
                for item in reports]
    return [_parse_text(page, source=source, prepared=prepared)]

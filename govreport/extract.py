"""Extraction of facts (seventh stage): metadata, expected targets, achieved indicators.

The stage runs on the normalised text (simplified script, pinyin removed, widths folded) and
reads only the parts it needs: the header for metadata, the annual-plan and Five-Year parts for
targets (``targets.py``), the review for indicators (``indicators.py``). Section spans are source
offsets; they are turned into normalised ranges with ``norm.to_normalized`` (the inverse of the
normalisation's offset map), and every span of the result is mapped back with ``norm.map``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from .diagnostics import CODES
from .indicators import extract_indicators
from .metadata import HeadingRange, extract_metadata
from .models import (
    Diagnostic,
    Indicator,
    Metadata,
    Section,
    SectionKind,
    Span,
    Subsection,
    Target,
)
from .normalize import NormalizedText
from .targets import Part, extract_targets

__all__ = ["extract"]

_KINDS = (SectionKind.ANNUAL_PLAN, SectionKind.FIVE_YEAR_PLAN, SectionKind.REVIEW)


def _parts(sections: list[Section], inv: Callable[[int], int]) -> list[Part]:
    """The review, annual-plan and Five-Year stretches in normalised offsets. A subsection
    with a kind of its own (a 加强政府自身建设 inside the annual plan) is cut out of its parent."""
    out: list[Part] = []

    def visit(node: Section | Subsection, kind: SectionKind | None) -> None:
        own = node.kind or kind
        start, end = inv(node.span.start), inv(node.span.end)
        body = inv(node.heading.span.end) if node.heading is not None else start
        holes = []
        for child in node.children:
            if isinstance(child, Subsection) and child.kind is not None and child.kind != own:
                visit(child, child.kind)
                holes.append((inv(child.span.start), inv(child.span.end)))
        if own not in _KINDS:
            return
        pos = start
        for h_start, h_end in holes:
            if pos < h_start:
                out.append(Part(kind=own, title=node.title, start=pos, end=h_start,
                                body_start=max(pos, min(body, h_start))))
            pos = h_end
        if pos < end:
            out.append(Part(kind=own, title=node.title, start=pos, end=end,
                            body_start=max(pos, min(body, end))))

    for section in sections:
        visit(section, section.kind)
    out.sort(key=lambda p: p.start)
    return out


def _headings(sections: list[Section], inv: Callable[[int], int]) -> list[HeadingRange]:
    out: list[HeadingRange] = []

    def visit(node: Section | Subsection, top: bool) -> None:
        if node.heading is not None:
            out.append(HeadingRange(kind=node.kind, start=inv(node.heading.span.start),
                                    end=inv(node.heading.span.end), top_level=top))
        for child in node.children:
            if isinstance(child, Subsection):
                visit(child, False)

    for section in sections:
        visit(section, True)
    return out


def extract(
    text: str, norm: NormalizedText, sections: list[Section]
) -> tuple[Metadata, tuple[Target, ...], tuple[Indicator, ...], list[Diagnostic]]:
    """Metadata, expected targets and achieved indicators of one report (source spans)."""
    # _parts and _headings map the same offsets (a heading's start is its section's): once each
    inv = functools.cache(norm.to_normalized)
    ntext = norm.text
    to_map = norm.map

    def to_source(start: int, end: int) -> Span:
        return Span(to_map(start), to_map(end))

    metadata, diagnostics = extract_metadata(ntext, norm.script, _headings(sections, inv),
                                             to_source)
    parts = _parts(sections, inv)
    targets = extract_targets(
        ntext, [p for p in parts if p.kind != SectionKind.REVIEW], metadata.plan_year, to_source
    )
    indicators = extract_indicators(
        ntext, [(p.start, p.end) for p in parts if p.kind == SectionKind.REVIEW], to_source
    )
    diagnostics += _suspicious(targets)
    return metadata, targets, indicators, diagnostics


def _suspicious(targets: tuple[Target, ...]) -> list[Diagnostic]:
    """``suspicious_target`` warnings: a doubled ``%%`` read as ``%``, a percentage over 100."""
    out = []
    for t in targets:
        figures = [abs(v) for v in (t.low, t.high) if v is not None]
        if "%%" in t.text:
            why = f"{t.text!r}: the doubled %% was read as %"
        elif t.unit == "%" and figures and max(figures) > 100:
            why = f"{t.text!r}: a target over 100% is implausible; extracted as written"
        else:
            continue
        out.append(Diagnostic(code="suspicious_target", message=why, span=t.span,
                              severity=CODES["suspicious_target"][0],
                              hint="check the figure in the source"))
    return out

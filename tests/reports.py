"""The reports the export, schema and CLI tests run over: the bundled example, the seeds and the
corpus in ../shared (each file parsed with ``parse()`` and, for pages, ``parse_many()``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import govreport
from govreport import Report

from .conftest import REPO, SHARED, SHARED_REASON

EXAMPLE = REPO / "examples" / "sample_report.txt"


def report_files() -> list[object]:
    """``pytest.param`` per input file; one skipped param with a reason when ../shared is
    absent, so the skip shows up in the summary instead of an empty parameter set."""
    params: list[object] = [pytest.param(EXAMPLE, id="example")]
    shared = sorted(SHARED.glob("seeds/*.txt")) + sorted(SHARED.glob("corpus/*/*.txt"))
    params += [pytest.param(p, id=f"{p.parent.name}/{p.stem}") for p in shared]
    if not shared:
        params.append(pytest.param(None, id="shared", marks=pytest.mark.skip(reason=SHARED_REASON)))
    return params


def reports_of(path: Path) -> list[Report]:
    """``parse_file(path)`` and every report ``parse_many`` finds in the same text."""
    text = path.read_text(encoding="utf-8")
    return [govreport.parse_file(path), *govreport.parse_many(text, source=str(path))]


def full_report() -> Report:
    """A hand-built report that uses every model and field (targets, indicators, metadata
    spans, every kind of leaf), so export and schema tests do not depend on extraction."""
    from govreport import (
        Boilerplate,
        Diagnostic,
        GlossaryEntry,
        Heading,
        Indicator,
        Item,
        Metadata,
        Paragraph,
        Section,
        SectionKind,
        Severity,
        Span,
        Subsection,
        Target,
    )

    lines = [
        "2026年某县政府工作报告\n",  # 0
        "一、2025年工作回顾\n",
        "（一）经济平稳。\n",
        "地区生产总值完成151.5亿元，增长7.9%。\n",
        "二、2026年工作安排\n",
        "地区生产总值增长6%左右，一般公共预算收入增长×%。\n",
        "一是稳增长；二是促改革。\n",
        "名词解释\n",
        "1.专精特新：专业化、精细化、特色化、新颖化。\n",
        "来源：县政府网\n",
    ]
    text = "".join(lines)
    starts = [sum(map(len, lines[:i])) for i in range(len(lines) + 1)]

    def span(first: int, last: int | None = None) -> Span:
        return Span(starts[first], starts[(first if last is None else last) + 1])

    def heading(i: int, numeral: str | None) -> Heading:
        return Heading(span=span(i), text=lines[i].strip(), numeral=numeral)

    sub = Subsection(kind=None, level=2, ordinal=1, title="经济平稳", heading=heading(2, "（一）"),
                     span=span(2, 3),
                     children=[heading(2, "（一）"), Paragraph(span=span(3), text=lines[3].strip())])
    sections = [
        Section(kind=SectionKind.PREAMBLE, ordinal=None, title="", heading=None, span=span(0),
                children=[Paragraph(span=span(0), text=lines[0].strip())]),
        Section(kind=SectionKind.REVIEW, ordinal=1, title="2025年工作回顾",
                heading=heading(1, "一、"), span=span(1, 3), children=[heading(1, "一、"), sub]),
        Section(kind=SectionKind.ANNUAL_PLAN, ordinal=2, title="2026年工作安排",
                heading=heading(4, "二、"), span=span(4, 6),
                children=[heading(4, "二、"), Paragraph(span=span(5), text=lines[5].strip()),
                          Item(span=span(6), text=lines[6].strip(), marker="一是", ordinal=1,
                               lead=None)]),
        Section(kind=SectionKind.GLOSSARY, ordinal=None, title="名词解释",
                heading=heading(7, None), span=span(7, 9),
                children=[heading(7, None),
                          GlossaryEntry(span=span(8), text=lines[8].strip(), number=1,
                                        term="专精特新", definition="专业化、精细化、特色化、新颖化。"),
                          Boilerplate(span=span(9), text=lines[9].strip(), reason="source")]),
    ]
    def at(phrase: str) -> Span:
        start = text.index(phrase)
        return Span(start, start + len(phrase))

    return Report(
        text=text,
        sections=sections,
        metadata=Metadata(region="某县", region_level="county", report_year=2026, plan_year=2026,
                          title=lines[0].strip(), script="zh-Hans",
                          spans={"region": at("某县"), "title": span(0)}),
        targets=[
            Target(key="gdp", indicator="地区生产总值", low=6.0, high=6.0, unit="%",
                   qualifier="左右", measure="growth", scope="annual", horizon=2026,
                   text="地区生产总值增长6%左右",
                   span=at("地区生产总值增长6%左右")),
            Target(key="public_budget_revenue", indicator="一般公共预算收入", low=None, high=None,
                   unit="%", qualifier="", measure="growth", scope="annual", horizon=2026,
                   text="一般公共预算收入增长×%",
                   span=at("一般公共预算收入增长×%"), redacted=True),
        ],
        indicators=[Indicator(key="gdp", value=151.5, unit="亿元", growth=7.9,
                              text="地区生产总值完成151.5亿元，增长7.9%",
                              span=at("地区生产总值完成151.5亿元，增长7.9%"))],
        diagnostics=[Diagnostic(code="inferred_ordinal", message="m", span=span(7),
                                severity=Severity.WARNING, hint="h")],
        source="hand-built.txt",
        offset=0,
    )

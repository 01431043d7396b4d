"""Hostile and broken input (issue 8): every case returns a Report whose leaves tile the input
(with the diagnostics it deserves) or raises a specific :class:`govreport.GovReportError`.

Sizes are the issue's. These tests assert outcomes, not times: running time is watched by
``benchmarks/bench.py`` (its scaling section has the worst of these inputs), so a regression to
quadratic time shows there, and as a suite that suddenly takes minutes here.
"""

from __future__ import annotations

import pytest

import govreport
from govreport import Heading, Paragraph, Report, Section, SectionKind, Span, Subsection

from .test_invariants import check_invariants


def parsed(text: str | bytes) -> Report:
    """``parse`` plus the invariants of every parse (leaves tile the text, spans nest …)."""
    report = govreport.parse(text)
    check_invariants(report)
    return report


def subsections(section: Section) -> list[Subsection]:
    return [c for c in section.children if isinstance(c, Subsection)]


# --------------------------------------------------------------------------- many headings


#: a part (its numeral lost) that announces three subsections and shows one, plus one more
#: shaped like its sibling inside a paragraph
ANNOUNCING_PART = ("2025年工作安排\n重点抓好以下三个方面工作。\n"
                   "（一）坚持创新驱动，推动高质量发展\n"
                   "我们要加大投入，做好工作。坚持改革开放，推动经济发展。还要继续努力。\n")


def test_missing_subsections_are_looked_for_inside_their_own_part_only() -> None:
    # part one announces three subsections and shows one; the sibling-shaped sentence
    # 坚持依法行政，建设法治政府。 belongs to part two and must stay a sentence there
    text = ("一、2025年工作安排\n重点抓好以下三个方面工作。\n（一）坚持创新驱动，推动高质量发展\n"
            "创新是第一动力，我们要加大投入力度。\n"
            "二、加强政府自身建设\n我们要始终把人民放在心中最高位置，做好各项工作。"
            "坚持依法行政，建设法治政府。还要继续努力工作。\n")
    report = parsed(text)
    assert report.outline() == [("annual_plan", 1), ("self_improvement", 2)]
    assert [s.ordinal for s in subsections(report.sections[0])] == [1]
    assert subsections(report.sections[1]) == []


def test_many_parts_announcing_more_subsections_than_they_show() -> None:
    # was quadratic: each part's search for its missing subsections ran to the end of the text
    report = parsed(ANNOUNCING_PART * 2000)
    assert len(report.sections) == 2000
    for section in report.sections:
        assert section.kind == SectionKind.ANNUAL_PLAN
        assert [s.ordinal for s in subsections(section)] == [1, 2]
        assert subsections(section)[1].title == "坚持改革开放，推动经济发展"


def test_many_parts_with_a_gap_in_their_subsection_numbering() -> None:
    # was quadratic: every gap looked up the last subsection with list.index from the start
    part = ("2024年工作回顾\n（一）坚持创新，推动发展\n正文。坚持改革，推动开放。\n"
            "（三）坚持改革，深化开放\n正文。\n")
    report = parsed(part * 2000)
    assert len(report.sections) == 2000
    for section in report.sections:
        assert [s.ordinal for s in subsections(section)] == [1, 2, 3]
        hidden = subsections(section)[1]
        assert hidden.title == "坚持改革，推动开放"
        assert hidden.heading is not None
        assert hidden.heading.numeral is None


# --------------------------------------------------------------------------- whitespace


@pytest.mark.parametrize(
    "text",
    [" 1、:", "\t一、经济发展", "\n\n一、2024年工作回顾\n正文。", "\u3000（一）坚持创新\n正文。"],
    ids=["space", "tab", "blank-lines", "ideographic-space"],
)
def test_whitespace_before_an_opening_heading_is_a_leaf_of_its_own(text: str) -> None:
    report = parsed(text)
    first, heading, *_ = report.leaves()
    assert first == Paragraph(span=Span(0, len(text) - len(text.lstrip())), text="")
    assert report.sections[0].kind == SectionKind.PREAMBLE
    assert isinstance(heading, Heading)
    assert heading.span.start == first.span.end


@pytest.mark.parametrize("space", ["\x1c", "\x1d", "\x1e", "\x1f", "\u1680", "\x0c", "\x0b"])
def test_every_python_whitespace_character_is_whitespace(space: str) -> None:
    # str.isspace() characters that normalisation used to keep: alone, around a block, and
    # between a heading's title and its body
    assert [leaf.text for leaf in parsed(space).leaves()] == [""]
    assert [leaf.text for leaf in parsed(f"{space}正文。{space}").leaves()] == ["正文。"]
    report = parsed(f"一、总体要求。{space}正文很长很长。\n二、主要任务。{space}正文。")
    assert report.outline() == [("annual_plan", 1), ("annual_plan", 2)]
    assert [leaf.text for leaf in report.leaves()] == ["一、总体要求。", "正文很长很长。",
                                                       "二、主要任务。", "正文。"]


# --------------------------------------------------------------------------- code points


def test_lone_surrogates_in_a_traditional_text() -> None:
    # OpenCC takes UTF-8, which cannot hold a lone surrogate: it used to raise
    # UnicodeEncodeError; the text around them is converted, the surrogates are kept
    text = "發展經濟\ud800，擴大開放\udfff。"
    report = parsed(text)
    assert report.text == text
    assert [leaf.text for leaf in report.leaves()] == ["发展经济\ud800，扩大开放\udfff。"]
    assert report.metadata.script == "zh-Hant"

"""Hostile and broken input (issue 8): every case returns a Report whose leaves tile the input
(with the diagnostics it deserves) or raises a specific :class:`govreport.GovReportError`.

Sizes are the issue's. These tests assert outcomes, not times: running time is watched by
``benchmarks/bench.py`` (its scaling section has the worst of these inputs), so a regression to
quadratic time shows there, and as a suite that suddenly takes minutes here.
"""

from __future__ import annotations

import govreport
from govreport import Report, Section, SectionKind, Subsection

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

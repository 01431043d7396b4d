"""Invariants of every parse: leaves tile the text, spans nest, headings come first, the
result is deterministic and survives a JSON round trip."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import govreport
from govreport import Heading, Report, Section, Subsection
from govreport.normalize import normalize

from .conftest import REPO, SHARED, SHARED_REASON

EXAMPLE = REPO / "examples" / "sample_report.txt"
SHARED_FILES = sorted(SHARED.glob("corpus/*/*.txt")) + sorted(SHARED.glob("seeds/*.txt"))


def check_invariants(report: Report) -> None:
    text = report.text
    pos = 0
    for leaf in report.leaves():
        assert leaf.span.start == pos, f"gap or overlap before {leaf!r:.120}"
        assert leaf.span.end >= leaf.span.start
        pos = leaf.span.end
    assert pos == len(text)
    norm = normalize(text)

    def check(node: Section | Subsection) -> None:
        assert node.children, node
        assert node.span.start == node.children[0].span.start
        assert node.span.end == node.children[-1].span.end
        if node.heading is not None:
            assert node.children[0] is node.heading
            assert isinstance(node.heading, Heading)
            first = text[node.heading.span.start]
            assert not first.isspace(), "a heading's span starts at its numeral or title"
        for child in node.children:
            assert node.span.contains(child.span)
            if isinstance(child, Subsection):
                check(child)

    for section in report.sections:
        check(section)
    # each leaf's text is the normalised form of its source slice, stripped
    for leaf in report.leaves():
        start = norm.to_normalized(leaf.span.start)
        end = norm.to_normalized(leaf.span.end)
        assert norm.text[start:end].strip() == leaf.text
    for d in report.diagnostics:
        assert 0 <= d.span.start <= d.span.end <= len(text)


def _files() -> list[Path]:
    return [EXAMPLE, *SHARED_FILES]


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_invariants(path: Path) -> None:
    report = govreport.parse_file(path)
    check_invariants(report)
    again = govreport.parse_file(path)
    assert again == report, "parsing is deterministic"
    assert again.to_dict() == report.to_dict()
    assert Report.from_dict(report.to_dict()) == report


def check_page(page: str) -> list[Report]:
    """``parse_many``'s reports are sound slices of the page and ``split``'s items tile it;
    returns the reports."""
    reports = govreport.parse_many(page)
    for report in reports:
        check_invariants(report)
        assert page[report.offset : report.offset + len(report.text)] == report.text
    items = govreport.split(page)
    assert items[0].span.start == 0
    assert items[-1].span.end == len(page)
    for a, b in itertools.pairwise(items):
        assert a.span.end == b.span.start, "items tile the page"
    return reports


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason=SHARED_REASON)
def test_invariants_of_each_report_on_a_page() -> None:
    page = (SHARED / "seeds" / "001_330ca93b427a2047.txt").read_text(encoding="utf-8")
    assert check_page(page)


def test_invariants_of_edge_inputs() -> None:
    for text in ["", " ", "\n\n", "x", "一、", "各位代表：", "（一）\n（二）", "\u200b\n\u200b"]:
        check_invariants(govreport.parse(text))

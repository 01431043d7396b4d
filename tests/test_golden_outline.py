"""Golden outlines of every real report in ../shared.

The expectations in tests/golden/outline/*.json were written by reading each text (kinds,
ordinals, heading offsets, subsection counts — numbers only, no report text). Skipped with a
reason when ../shared is absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import govreport
from govreport import Report, Subsection

from .conftest import GOLDEN, shared_text

GOLDEN_FILES = sorted((GOLDEN / "outline").glob("*.json"))


def _summary(report: Report, offset: int = 0) -> list[dict[str, Any]]:
    out = []
    for s in report.sections:
        d: dict[str, Any] = {"kind": s.kind.value}
        if s.ordinal is not None:
            d["ordinal"] = s.ordinal
        if s.heading is not None and s.kind.value != "closing":
            d["offset"] = s.heading.span.start + offset
        if s.kind.value == "closing":
            d["start"] = s.span.start + offset
        if s.kind.value not in ("preamble", "closing", "appendix", "glossary"):
            d["subsections"] = sum(isinstance(c, Subsection) for c in s.children)
        if s.kind.value == "glossary":
            d["entries"] = len(report.glossary)
        out.append(d)
    return out


def _expected(sections: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for s in sections:
        d: dict[str, Any] = {"kind": s["kind"]}
        if s.get("ordinal") is not None:
            d["ordinal"] = s["ordinal"]
        if s.get("heading") and s["kind"] != "closing":
            d["offset"] = s["heading"]["offset"]
        if s["kind"] == "closing":
            d["start"] = s["start"]["offset"]
        if "subsections" in s:
            d["subsections"] = s["subsections"]
        if "entries" in s:
            d["entries"] = s["entries"]
        out.append(d)
    return out


def _sub_kinds(report: Report) -> list[tuple[int | None, int | None, str]]:
    return sorted(
        (s.ordinal, c.ordinal, c.kind.value)
        for s in report.sections
        for c in s.children
        if isinstance(c, Subsection) and c.kind is not None
    )


def _expected_sub_kinds(golden: dict[str, Any]) -> list[tuple[int, int, str]]:
    return sorted((k["section"], k["subsection"], k["kind"])
                  for k in golden.get("subsection_kinds", []))


@pytest.mark.parametrize("golden_file", GOLDEN_FILES, ids=[p.stem for p in GOLDEN_FILES])
def test_golden_outline(golden_file: Path) -> None:
    golden = json.loads(golden_file.read_text(encoding="utf-8"))
    text = shared_text(golden["path"])
    if "reports" in golden:  # a listing page: several reports
        reports = govreport.parse_many(text)
        assert len(reports) == len(golden["reports"])
        for report, expected in zip(reports, golden["reports"], strict=False):
            assert _summary(report, report.offset) == _expected(expected["sections"]), (
                expected["title_hint"])
            assert _sub_kinds(report) == _expected_sub_kinds(expected), expected["title_hint"]
            inferred = any(d.code == "inferred_ordinal" for d in report.diagnostics)
            assert inferred == expected.get("inferred_ordinals", False), expected["title_hint"]
        return
    report = govreport.parse(text)
    assert _summary(report) == _expected(golden["sections"])
    assert _sub_kinds(report) == _expected_sub_kinds(golden)
    inferred = any(d.code == "inferred_ordinal" for d in report.diagnostics)
    assert inferred == golden.get("inferred_ordinals", False)

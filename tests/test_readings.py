"""Classification: the readings each block is offered (govreport/classify.py), on the cases of
tests/fixtures/readings.txt."""

from __future__ import annotations

import pytest

from govreport.classify import classify, offer_readings
from govreport.normalize import normalize
from govreport.segment import segment

from .fixture_files import Case, params

MARK = "▶"


def readings_of_marked_line(text: str) -> list[str]:
    """The reading names of the block on the line marked ``▶``, best first."""
    at = text.index(MARK)
    norm = normalize(text.replace(MARK, ""))
    cands = classify(norm.text, segment(norm.text))
    offer_readings(norm.text, cands)
    start = norm.to_normalized(at)
    cand = next(c for c in cands if c.start <= start < c.end or c.start >= start)
    return [r.name for r in cand.readings]


@pytest.mark.parametrize("case", params("readings.txt"))
def test_readings(case: Case) -> None:
    expected = case.expected.splitlines()
    assert readings_of_marked_line(case.input)[: len(expected)] == expected


def test_every_block_can_be_read_as_text() -> None:
    """Parsing is total: whatever a block looks like, one of its readings is text of the
    body (or boilerplate), so the grammar always accepts some sequence."""
    text = "一、\n（一）\n2026年工作安排\n各位代表：\n附件1\n名词解释\n1.术语：解释。\n当前位置：首页\n"
    norm = normalize(text)
    cands = classify(norm.text, segment(norm.text))
    offer_readings(norm.text, cands)
    body = {"paragraph", "item", "salutation", "boilerplate"}
    assert all(body & {r.name for r in c.readings} for c in cands)

"""``parse_page``: parse_many for a page of several reports, else parse() of the whole text —
the same results as calling split() and then one of them, with the page prepared once."""

from __future__ import annotations

import attrs
import pytest

import govreport
from govreport.split import parse_page, split

from .conftest import shared_text

SAMPLE = "\n".join([
    "2026年示例市政府工作报告",
    "各位代表：",
    "现在，我代表市人民政府向大会报告工作，请予审议。",
    "一、2025年工作回顾",
    "过去一年，经济平稳。",
    "二、2026年工作安排",
    "今年，我们要稳中求进。",
    "各位代表！让我们团结奋斗，为建设美好家园而努力奋斗！",
])


def test_a_single_report_is_parsed_whole() -> None:
    page = "首页 | 返回顶部\n" + SAMPLE + "\n版权所有 示例市人民政府\n"
    assert [r.to_dict() for r in parse_page(page, source="a.txt")] == [
        govreport.parse(page, source="a.txt").to_dict()]


def test_empty_and_blank_pages() -> None:
    for page in ("", " \n "):
        assert parse_page(page) == [govreport.parse(page)]


def test_a_listing_page_gives_each_report() -> None:
    page = shared_text("seeds/001_330ca93b427a2047.txt")
    assert sum(1 for item in split(page) if item.is_report) >= 2
    assert parse_page(page, source="p") == govreport.parse_many(page, source="p")


def test_a_page_of_one_line_reports_is_cut_once_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # each report of a listing page on one line (seed 001's shape): the split of the page and
    # the parse of each report cut the same lines; the second time comes from what the first
    # found, with the same reports as parsing each item's text
    from govreport import segment

    one_line = (SAMPLE.replace("过去一年，经济平稳。", "过去一年，经济平稳，民生改善。" * 40)
                .replace("\n", "").replace("工作报告各位", "工作报告\n各位"))
    assert max(map(len, one_line.split("\n"))) >= segment.RUN_ON_LENGTH
    page = "首页 | 返回顶部\n" + one_line + "\n• 【相关】\n" + one_line.replace("2026", "2027") + "\n"
    cut: list[str] = []
    plain = segment._split_run_on

    def counted(text: str, start: int, end: int) -> list[segment.Block]:
        cut.append(text[start:end])
        return plain(text, start, end)

    monkeypatch.setattr(segment, "_split_run_on", counted)
    reports = govreport.parse_many(page, source="p")
    assert len(cut) == len(set(cut)) == 2  # no line cut twice by parse_many
    items = [item for item in split(page) if item.is_report]
    assert len(reports) == len(items) == 2
    for report, item in zip(reports, items, strict=True):
        assert report == attrs.evolve(govreport.parse(item.text, source="p"),
                                      offset=item.span.start)

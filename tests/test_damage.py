"""The damage matrix: every real report × every kind of damage real copies of reports suffer.

Rows are the reports described by tests/golden/outline/*.json: each corpus file, seeds 000,
002, 003 and 004 (``govreport.parse``) and each report on the listing page seed 001
(``govreport.parse_many`` of the whole damaged page; rows ``seed_001#NN`` by item number, each
golden report found among the parsed ones by its region name). Columns are the damage
operators of tests/damage.py:

    a  every top-level numeral removed          e  one run-on line, half-width punctuation
    b  numerals of parts 二, 四, … removed       f  hard-wrapped PDF lines with page numbers
    c  (a) + subsections （一） rewritten 一、   g  web page with site chrome
    d  traditional script + pinyin annotations  h  a, then d, then e, then g

A cell passes when the parser's top-level section kinds of the damaged report equal the
golden's, in order (preamble/closing/appendix/glossary included as the golden has them).
Nothing else is compared: no ordinals, offsets, titles or subsections. Every cell runs, also
where the damage hardly applies: (c) of a report without （一） subsections is just (a), (d) of
the already traditional seed 002 converts little, and the English seed 000 gets every column.

Cells that fail with today's parser are listed in :data:`KNOWN_FAILURES` and run as strict
xfails: when a fix makes one pass, the test fails until its entry is removed. Print the whole
matrix with ``python benchmarks/damage_matrix.py [--verbose]``. Skipped with a reason when
../shared is absent.
"""

from __future__ import annotations

import functools

import pytest

from .conftest import shared_text
from .damage import (
    COLUMNS,
    Outcome,
    everything,
    load_cases,
    load_pages,
    lost_outer_numbering,
    one_line_halfwidth,
    pdf_hard_wrap,
    run_page,
    strip_even_part_numerals,
    strip_part_numerals,
    traditional_with_pinyin,
    web_page,
)

#: (report id, column) → what goes wrong today (kinds missing or extra; regenerate with
#: ``python benchmarks/damage_matrix.py --known-failures``). Strict xfails: a fixed cell fails
#: until its entry is removed.
KNOWN_FAILURES: dict[tuple[str, str], str] = {
    ('national_1999', 'h'): 'missing annual_plan×6 self_improvement other×2',
    ('seed_000', 'h'): 'missing review five_year_plan annual_plan self_improvement; extra other',
}

CASES = {case.id: case for case in load_cases()}
PAGES = {page.stem: page for page in load_pages()}


def _params() -> list[object]:
    params = []
    for case in CASES.values():
        for column in COLUMNS:
            reason = KNOWN_FAILURES.get((case.id, column))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(case.id, column, id=f"{case.id}-{column}", marks=marks))
    return params


@functools.cache
def _run(page_stem: str, column: str) -> dict[str, Outcome]:
    """One damaged page parsed once for all its rows (the listing page has nine)."""
    page = PAGES[page_stem]
    return run_page(page, column, shared_text(page.path))


@pytest.mark.parametrize(("case_id", "column"), _params())
def test_damage(case_id: str, column: str) -> None:
    case = CASES[case_id]
    outcome = _run(case.page, column)[case.id]
    assert not outcome.note, outcome.note
    assert list(outcome.kinds) == list(case.kinds)


def test_known_failures_name_cells() -> None:
    """Every KNOWN_FAILURES key is a real (report, column) cell."""
    assert [key for key in KNOWN_FAILURES
            if key[0] not in CASES or key[1] not in COLUMNS] == []


# The operators themselves, on a tiny report of our own (no ../shared needed).

SAMPLE = "\n".join([
    "示例市政府工作报告",
    "各位代表：",
    "现在，我代表市人民政府向大会报告工作。",
    "一、2024年工作回顾",
    "（一）经济平稳增长。全年地区生产总值增长5%。（二）民生持续改善。新增就业1万人。",
    "（1）稳定就业。",
    "二、2025年工作安排",
    "今年是关键之年。",
    "三、加强政府自身建设",
    "各位代表！让我们共同努力！",
])
SAMPLE_PARTS = [(SAMPLE.index(numeral + "、20"), n) for n, numeral in ((1, "一"), (2, "二"))]
SAMPLE_PARTS.append((SAMPLE.index("三、加强"), 3))


def test_strip_part_numerals() -> None:
    damaged = strip_part_numerals(SAMPLE, SAMPLE_PARTS)
    assert "\n2024年工作回顾\n" in damaged
    assert "\n2025年工作安排\n" in damaged
    assert "\n加强政府自身建设\n" in damaged
    assert "（一）经济" in damaged
    half = strip_even_part_numerals(SAMPLE, SAMPLE_PARTS)
    assert "\n一、2024年" in half
    assert "\n2025年工作安排\n" in half
    assert "\n三、加强" in half


def test_strip_part_numerals_other_forms() -> None:
    for numeral in ("I. ", "Second, ", "第二部分 ", "二(èr)、", "2．"):
        text = f"前言。\n{numeral}Title\n正文。"
        assert strip_part_numerals(text, [(text.index(numeral), 2)]) == "前言。\nTitle\n正文。"
    text = "前言。\n2024年工作回顾\n正文。"  # no numeral: the year stays
    assert strip_part_numerals(text, [(text.index("2024"), 1)]) == text


def test_lost_outer_numbering() -> None:
    damaged = lost_outer_numbering(SAMPLE, SAMPLE_PARTS)
    assert "\n一、经济平稳增长。" in damaged
    assert "5%。二、民生持续改善。" in damaged
    assert "（1）稳定就业。" in damaged
    assert "\n2024年工作回顾\n" in damaged


def test_traditional_with_pinyin() -> None:
    damaged = traditional_with_pinyin(SAMPLE * 3)
    assert "報告" in damaged
    assert "(" in damaged or "（" in damaged
    assert any(f"({p})" in damaged or f"（{p}）" in damaged for p in ("nián", "gōng", "rén"))


def test_one_line_halfwidth() -> None:
    damaged = one_line_halfwidth(SAMPLE)
    assert "\n" not in damaged
    assert "各位代表:现在,我代表" in damaged
    assert not any(ch in damaged for ch in "，。：；！？（）“”")
    assert one_line_halfwidth("Fellow Deputies,\nNow I report") == "Fellow Deputies, Now I report"


def test_pdf_hard_wrap() -> None:
    damaged = pdf_hard_wrap(SAMPLE * 20)
    lines = damaged.splitlines()
    assert "- 1 -" in lines
    assert "示例省人民政府公报" in lines
    assert max(len(line) for line in lines) <= 36  # ~35 CJK characters, closing punctuation hangs
    assert not any(line[:1] in "，。、" for line in lines)


def test_web_page() -> None:
    page = web_page(SAMPLE)
    lines = page.splitlines()
    title = lines.index("示例市政府工作报告")
    assert 50 <= title <= 300
    assert "记者" in lines[title + 1]
    assert any(line.startswith("当前位置：") or line.startswith("您的位置：")
               for line in lines[:title])
    assert any("ICP备" in line for line in lines[title:])
    assert "\u200b" in page
    assert max(len(line) for line in lines[:title]) > 80  # a long chrome line


def test_everything() -> None:
    page = everything(SAMPLE, SAMPLE_PARTS).replace("\u200b", "")
    body = [line for line in page.splitlines() if "回顧" in line]
    assert len(body) == 1  # the report on one line, the chrome on lines of its own
    assert "安排" in body[0]
    assert "一、20" not in body[0]
    assert "。" not in body[0]
    assert 50 <= page.splitlines().index(body[0]) - 1 <= 300  # chrome, then the caption

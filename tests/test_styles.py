"""Report styles the real texts in ../shared do not have, written by us, under every damage.

tests/fixtures/styles/*.txt are reports of our own wording, each in a style of its own: a city
report whose .docx lost its automatic part numbering, a county report of 2019 with slogan
titles, a district report scraped with its site chrome, a national report of the 1990s with
parts on defence and foreign affairs, a provincial report on one line with half-width
punctuation, a newspaper's re-post with a photo caption, a report to a standing committee, a
traditional-script page with pinyin and spam, a Five-Year part with a slogan title, a
hard-wrapped PDF, a national report with two annual-plan parts, parts numbered 第一部分,
self-improvement as the plan's last subsection with an appendix, a report of 1985, an
introduction before the first part, a new government's first report, …

Each ``NAME.expect`` holds the outline a careful reader gives the text: one top-level section a
line, ``kind`` or ``kind | heading`` where ``heading`` is how the part's heading line starts in
the text (it tells the damage operators where the part numerals stand). The clean text must
come out with that outline, and so must every damaged copy (the columns of tests/damage.py);
the cells that fail today are strict xfails in :data:`KNOWN_FAILURES`, with what goes wrong.
Needs nothing from ../shared.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import govreport

from .damage import COLUMNS

STYLES = Path(__file__).parent / "fixtures" / "styles"

#: (style, column) → what goes wrong today. Strict xfails: a fixed cell fails until its entry
#: is removed.
KNOWN_FAILURES: dict[tuple[str, str], str] = {
    # parts on defence and foreign affairs with thematic titles and no numeral are read as
    # paragraphs of the annual plan: nothing but the numeral marks them as parts
    ('a4_national_1990s', 'a'): 'missing other×2',
    ('a4_national_1990s', 'c'): 'missing other×2',
    ('a4_national_1990s', 'h'): 'missing other×2',
    # a slogan title without numeral inside a run-on line names no part
    ('b4_five_year_slogan', 'h'): 'missing five_year_plan',
    # thematic titles without numeral inside a run-on line (进一步搞好经济体制改革…, 加强政府
    # 工作为了…): no part noun, or a body that starts with no opener
    ('c4_1985_style', 'h'): 'missing annual_plan×2 self_improvement',
    # an English translation on one line with every top-level numeral gone, traditional
    # script and chrome: its titles inside the line are not found
    ('d1_english_mt', 'h'): 'missing review annual_plan self_improvement; extra other',
    # slogan part titles without numerals inside a run-on line: the Five-Year part's
    # subsections (“十五五”时期的发展目标 …) are taken for parts
    ('d3_docx_mixed', 'e'): 'extra five_year_plan',
    ('d3_docx_mixed', 'h'): 'extra five_year_plan',
    # damaged numerals (二 、 with a space, 三. with a dot) with the other numerals gone or in
    # a run-on line
    ('d4_numbers_redacted', 'c'): 'missing annual_plan',
    ('d4_numbers_redacted', 'e'): 'missing self_improvement',
    # a part title split by a page break (running header and page number between its two
    # lines): its second line is read as a part of its own
    ('d5_wrapped_with_headers', 'f'): 'extra annual_plan×2',
    ('d5_wrapped_with_headers', 'g'): 'extra annual_plan',
    ('d5_wrapped_with_headers', 'h'): 'missing self_improvement',
    # markup, numerals gone, traditional script and one line together
    ('d6_htmlish', 'h'): 'missing five_year_plan annual_plan',
}


@functools.cache
def expected(name: str) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """The kinds of ``name``'s outline and its part headings as ``(offset, ordinal)``."""
    text = (STYLES / f"{name}.txt").read_text(encoding="utf-8")
    kinds, parts = [], []
    pos = 0
    for line in (STYLES / f"{name}.expect").read_text(encoding="utf-8").splitlines():
        kind, _, heading = (x.strip() for x in line.partition("|"))
        kinds.append(kind)
        if heading:
            at = text.index(heading, pos)
            parts.append((at, len(parts) + 1))
            pos = at + len(heading)
    return tuple(kinds), tuple(parts)


NAMES = sorted(p.stem for p in STYLES.glob("*.txt"))


def _params() -> list[object]:
    params = []
    for name in NAMES:
        for column in ("clean", *COLUMNS):
            reason = KNOWN_FAILURES.get((name, column))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            params.append(pytest.param(name, column, id=f"{name}-{column}", marks=marks))
    return params


@pytest.mark.parametrize(("name", "column"), _params())
def test_style_outline_survives_damage(name: str, column: str) -> None:
    kinds, parts = expected(name)
    text = (STYLES / f"{name}.txt").read_text(encoding="utf-8")
    if column != "clean":
        text = COLUMNS[column](text, parts)
    report = govreport.parse(text)
    assert tuple(s.kind.value for s in report.sections) == kinds


def test_every_style_has_its_expectation() -> None:
    assert NAMES, "no style fixtures"
    for name in NAMES:
        kinds, parts = expected(name)
        assert kinds[:1] == ("preamble",), name
        assert len(parts) >= 2, name  # at least two part headings located in the text


def test_known_failures_name_cells() -> None:
    assert [key for key in KNOWN_FAILURES
            if key[0] not in NAMES or key[1] not in ("clean", *COLUMNS)] == []

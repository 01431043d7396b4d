"""Named regressions: parser bugs found by the property tests (``test_properties.py``).

Each test is the shrunk failing example (rewritten by hand where that reads better), with the
property that found it and the mechanism that was fixed.
"""

from __future__ import annotations

import govreport
from govreport import Subsection


def subs(report: govreport.Report) -> list[list[int | None]]:
    return [[c.ordinal for c in s.children if isinstance(c, Subsection)]
            for s in report.sections]


def test_tenth_five_year_plan_title_without_numeral_is_a_part() -> None:
    """recovery: the 2001–2005 plan is “十五” (two characters, not 十.五), so an unnumbered
    “十五”时期主要目标任务 was not recognised as a top-level part and became the preamble."""
    text = ("“十五”时期主要目标任务\n今后五年要坚持创新驱动，构建现代化产业体系。\n"
            "二、2001年工作安排\n今年要坚持稳中求进。\n")
    assert govreport.parse(text).outline() == [("five_year_plan", 1), ("annual_plan", 2)]


def test_parallel_titles_survive_a_paragraph_inserted_before_a_later_sibling() -> None:
    """recovery (crash): three run-in subsection headings; moving the first title's end
    inserted a paragraph token and shifted the indices of its siblings, so ``max()`` ran on
    the (empty) title options of a paragraph: ``ValueError``."""
    head = "（{}）坚持创新驱动，培育发展新动能"
    text = ("一、2001年工作安排\n"
            + head.format("一") + "今年要坚持稳中求进，推动经济实现质的有效提升和量的合理增长。\n"
            + head.format("二") + "要深化重点领域改革，持续优化营商环境。\n"
            + head.format("三") + "今年要坚持稳中求进，推动经济实现质的有效提升和量的合理增长。\n")
    assert subs(govreport.parse(text)) == [[1, 2, 3]]

"""Outline recovery on small texts written for these tests: which lines are headings, at which
level, with which ordinal; look-alikes; damaged numerals; run-in headings; closing."""

from __future__ import annotations

import govreport
from govreport import Report, SectionKind, Subsection

PREAMBLE = "2026年示例市政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n"
FILLER = "我们坚持稳中求进工作总基调，推动经济持续回升向好，各项事业取得新进展。"
CLOSING = "各位代表！让我们在市委的坚强领导下，团结奋斗，为建设美好家园而努力奋斗！\n"


def subsections(report: Report, ordinal: int) -> list[Subsection]:
    section = next(s for s in report.sections if s.ordinal == ordinal)
    return [c for c in section.children if isinstance(c, Subsection)]


def codes(report: Report) -> list[str]:
    return [d.code for d in report.diagnostics]


def test_standard_outline() -> None:
    text = (PREAMBLE + "一、2025年工作回顾\n" + FILLER + "\n（一）产业升级。\n" + FILLER
            + "\n（二）城乡建设。\n" + FILLER + "\n二、2026年工作安排\n今年主要预期目标是：地区生产总值增长5%左右。\n"
            "（一）扩大内需\n" + FILLER + "\n（二）深化改革\n" + FILLER + "\n三、加强政府自身建设\n"
            + FILLER + "\n" + CLOSING)
    report = govreport.parse(text)
    assert report.outline() == [("preamble", None), ("review", 1), ("annual_plan", 2),
                                ("self_improvement", 3), ("closing", None)]
    assert [s.title for s in subsections(report, 2)] == ["扩大内需", "深化改革"]
    assert [s.title for s in subsections(report, 1)] == ["产业升级", "城乡建设"]
    assert report.sections[1].heading is not None
    assert report.sections[1].heading.numeral == "一、"
    assert not [d for d in report.diagnostics if d.severity.value != "info"]


def test_run_on_line_look_alikes_and_run_in_headings() -> None:
    body = FILLER * 20
    line = (
        "2021年4月13日在示例县第十七届人民代表大会第一次会议上县长;张三各位代表:现在,我代表县人民政府向大会作工作报告,"
        "请予审议。 一、2020年工作回顾2020年是极不平凡的一年。" + body
        + "营商环境评价全市第 一、全省前列。开展一对 一、点对点精准招商。组织学习《刑法修正案 (十一)》有关内容。"
        + body + " 二、2021年工作安排各位代表,五年看头年,开局是关键。" + body
        + " (一)实施创新驱动工程,不断激活高质量发展动力源创新是引领发展的第一动力。" + body
        + " (二)实施工业强县工程,奋力跑出产业转型加速度工业是强县建市之本。" + body
        + " 三、切实加强政府自身建设各位代表,越是重任在肩,越要砥砺奋进。" + body
        + "各位代表,让我们团结一致,为全面建成新示例而努力奋斗!"
    )
    report = govreport.parse(line)
    assert report.outline() == [("preamble", None), ("review", 1), ("annual_plan", 2),
                                ("self_improvement", 3), ("closing", None)]
    titles = [s.title for s in report.sections[1:4]]
    assert titles == ["2020年工作回顾", "2021年工作安排", "切实加强政府自身建设"]
    assert [s.title for s in subsections(report, 2)] == [
        "实施创新驱动工程，不断激活高质量发展动力源", "实施工业强县工程，奋力跑出产业转型加速度"]
    assert "inferred_boundary" in codes(report)
    heading = report.sections[1].heading
    assert heading is not None
    assert report.text[heading.span.start] == "一"


def test_missing_truncated_and_unnumbered_headings_get_inferred_ordinals() -> None:
    text = (PREAMBLE + "2025年工作回顾\n" + FILLER + "\n2026年重点工作\n" + FILLER
            + "\n坚持创新驱动以科技赋能高质量发展\n" + FILLER + "\n（二）聚焦项目建设，积蓄发展动能\n"
            + FILLER + "\n行“两山”理念，擦亮高质量发展底色\n" + FILLER
            + "\n)坚持民生为本共享高质量发展成果\n" + FILLER + "\n加强政府自身建设\n" + FILLER + "\n"
            + CLOSING)
    report = govreport.parse(text)
    assert report.outline() == [("preamble", None), ("review", 1), ("annual_plan", 2),
                                ("self_improvement", 3), ("closing", None)]
    assert [s.ordinal for s in subsections(report, 2)] == [1, 2, 3, 4]
    assert subsections(report, 2)[3].title == "坚持民生为本共享高质量发展成果"
    inferred = [d for d in report.diagnostics if d.code == "inferred_ordinal"]
    assert len(inferred) == 6  # three parts, subsections 1, 3, 4
    assert {report.text[d.span.start : d.span.start + 4] for d in inferred} >= {"2025", "行“两山"}


def test_mixed_numbering_families_form_one_sequence_and_nested_lists_do_not() -> None:
    text = (PREAMBLE + "I. Review of the work of last year\nThe economy grew.\n"
            "Second, the main goals of the Five-Year Plan period\nGoals.\n"
            "三、2026 years of work arrangement\n"
            "(1) Implement the innovation action.\nText.\n(2) Upgrade industry.\nText.\n"
            "(3) Cultivate firms.\nText.\n4. Carry out the reform action.\nText.\n"
            "5. Improve projects.\nText.\n(6) Share development.\nText.\n"
            "四、We will strengthen the government's self-improvement\nText.\n")
    report = govreport.parse(text)
    assert report.outline()[1:] == [("review", 1), ("five_year_plan", 2), ("annual_plan", 3),
                                    ("self_improvement", 4)]
    assert [s.ordinal for s in subsections(report, 3)] == [1, 2, 3, 4, 5, 6]
    nested = (PREAMBLE + "一、2026年工作安排\n（一）扩大内需\n1.提振消费。促进消费升级。\n"
              "2.扩大投资。推进重大项目。\n（二）深化改革\n" + FILLER + "\n")
    report = govreport.parse(nested)
    subs = subsections(report, 1)
    assert [s.title for s in subs] == ["扩大内需", "深化改革"]
    items = [c for c in subs[0].children if isinstance(c, govreport.Item)]
    assert [i.marker for i in items] == ["1.", "2."]


def test_self_improvement_as_last_subsection_is_found() -> None:
    text = (PREAMBLE + "一、2025年工作回顾\n" + FILLER + "\n二、2026年工作安排\n（一）扩大内需\n"
            + FILLER + "\n（二）围绕打造人民满意政府，不断加强自身建设\n" + FILLER + "\n" + CLOSING)
    report = govreport.parse(text)
    found = report.find(SectionKind.SELF_IMPROVEMENT)
    assert isinstance(found, Subsection)
    assert found.ordinal == 2
    assert found.title == "围绕打造人民满意政府，不断加强自身建设"


def test_appendix_lists_and_glossary_stay_out_of_the_body() -> None:
    text = (PREAMBLE + "一、2025年工作回顾\n" + FILLER + "\n二、2026年工作安排\n" + FILLER + "\n"
            + CLOSING + "附件1\n2026年十件民生实事\n一、新建托育机构。" + FILLER
            + "\n二、改造老旧小区。" + FILLER + "\n附件2 名词解释\n1.专精特新：专业化、精细化、特色化、新颖化。\n"
            "2.两重：国家重大战略实施和重点领域安全能力建设。\n")
    report = govreport.parse(text)
    assert report.outline() == [("preamble", None), ("review", 1), ("annual_plan", 2),
                                ("closing", None), ("appendix", None), ("glossary", None)]
    assert [(g.number, g.term) for g in report.glossary] == [(1, "专精特新"), (2, "两重")]
    appendix = report.sections[4]
    assert [c.marker for c in appendix.children if isinstance(c, govreport.Item)] == ["一、", "二、"]


def test_gap_in_numbering_finds_a_heading_that_lost_its_numeral() -> None:
    body = FILLER * 8
    line = (PREAMBLE.replace("\n", "") + " 一、2026年工作安排今年重点抓好以下四方面工作: "
            "(一)聚力项目建设,夯实发展基础。" + body + "(二)聚力创新驱动,培育发展动能。" + body
            + "聚力乡村振兴,建设和美乡村。" + body + "(四)聚力民生改善,增进人民福祉。" + body) * 1
    report = govreport.parse(line + FILLER * 10)
    subs = subsections(report, 1)
    assert [s.ordinal for s in subs] == [1, 2, 3, 4]
    assert subs[2].title == "聚力乡村振兴，建设和美乡村"
    assert "inferred_ordinal" in codes(report)


def test_fragment_without_preamble_or_ending() -> None:
    text = ("各位代表！成绩来之不易。我们也清醒认识到，发展不平衡的问题仍然突出，一年来我们做了大量工作。\n"
            "二、2026年工作安排\n（一）扩大内需\n" + FILLER + "\n（二）深化改革\n加快推进国有企业")
    report = govreport.parse(text)
    assert report.outline() == [("review", 1), ("annual_plan", 2)]
    assert report.sections[0].heading is None
    assert codes(report).count("fragment") == 2


def test_no_outline_at_all() -> None:
    report = govreport.parse("今天天气很好。我们去公园散步，看到了很多花。")
    assert report.outline() == [("other", None)]
    assert "no_outline" in codes(report)

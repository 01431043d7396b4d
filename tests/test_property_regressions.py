"""Named regressions: parser bugs found by the property tests (``test_properties.py``).

Each test is the shrunk failing example (rewritten by hand where that reads better), with the
property that found it and the mechanism that was fixed.
"""

from __future__ import annotations

import govreport
from govreport import Subsection
from govreport.normalize import normalize


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


def test_glossary_numbering_does_not_continue_the_last_parts_subsections() -> None:
    """recovery: the last subsection had lost its numeral; the glossary's ``1.一网通办：…``
    was taken as the next subsection numeral (1 after 1: no gap), so the unnumbered heading
    was not inferred. Back matter ends a part's numbering."""
    text = ("一、2026年工作安排\n今年要坚持稳中求进。\n1.坚持创新驱动，培育发展新动能\n一是完善基础设施；二是培育龙头企业。\n"
            "推进城乡融合，提升城市功能品质\n一是完善基础设施；二是培育龙头企业。\n"
            "名词解释\n1.一网通办：政务服务事项在一个平台上办理。\n")
    assert subs(govreport.parse(text)) == [[1, 2], []]


def test_page_break_between_an_unnumbered_heading_and_its_body() -> None:
    """recovery: a first subsection truncated to ``）…`` and followed by a pager line
    (上一页 [1] [2] 下一页) before its body was not inferred — "is it followed by a body?"
    looked at the chrome line. Chrome is skipped."""
    text = ("一、2025年工作回顾\n一是完善基础设施；二是培育龙头企业。\n）创新驱动持续优化\n"
            "上一页 [1] [2] [7] 下一页\n一是完善基础设施；二是培育龙头企业。\n（二）营商环境明显改善\n"
            "过去一年，新登记市场主体12户。\n")
    assert subs(govreport.parse(text)) == [[1, 2]]


def test_hard_wrapped_lines_are_full_in_width_not_in_characters() -> None:
    """recovery: in a hard-wrapped text the lines with digits (…增长0.5%，规模) hold more
    characters than the lines of Han characters only, so no line length was typical, the
    lines were not joined, and a wrapped line 坚持依法行政，自觉接受人大法律监 became an
    unnumbered subsection heading. Line widths are measured in display columns."""
    text = ("一、2001年工作安排\n一是完善基础设施；二是培育龙头企\n业。\n今年全市经济社会发展的主要预期目\n"
            "标是：地区生产总值增长0.5%，规模\n以上工业增加值增长0.5%，固定资产\n投资增长0.5%。\n"
            "（一）围绕建设人民满意政府，全面加强自身建设\n坚持依法行政，自觉接受人大法律监\n"
            "督和政协民主监督。\n一是完善基础设施；二是培育龙头企\n业。")
    report = govreport.parse(text)
    assert subs(report) == [[1]]
    assert "标是：地区生产总值增长0.5%，规模以上工业增加值" in report.sections[0].children[2].text


def test_parallel_titles_in_two_parts() -> None:
    """recovery (crash): the same ``ValueError`` one level up — moving a title end in the
    first part shifted the token indices of the second part's siblings."""
    def heading(n: str, title: str, body: str) -> str:
        return f"（{n}）{title}{body}\n"

    plan = "坚持创新驱动，培育发展新动能"
    law = "坚持依法行政，建设法治政府"
    growth = "今年要坚持稳中求进，推动经济实现质的有效提升和量的合理增长。"
    supervise = "坚持依法行政，自觉接受人大法律监督和政协民主监督。"
    text = ("一、2001年工作安排一是完善基础设施；二是培育龙头企业。\n"
            + heading("一", plan, "要深化重点领域改革，持续优化营商环境。")
            + heading("二", plan, growth) + heading("三", plan, growth)
            + "二、转变作风，坚持廉洁从政" + supervise + "\n"
            + heading("一", law, supervise) + heading("二", law, supervise)
            + heading("三", law, supervise))
    assert subs(govreport.parse(text)) == [[1, 2, 3], [1, 2, 3]]


def test_indented_first_lines_of_a_hard_wrapped_text_are_full_lines() -> None:
    """recovery: a hard-wrapped text whose paragraphs start with an indent (　　); measured
    without it, every first line was short, too few lines had the typical width, nothing was
    joined, and wrapped lines became unnumbered subsection headings."""
    text = ("一、2001年工作安排\n　　一是完善基础设施；二是培育龙\n头企业；三是建设产业园区；四是扩\n大招商引资。\n"
            "　　今年全市经济社会发展的主要预\n期目标是：地区生产总值增长0.5%左\n右。\n"
            "（一）坚持创新驱动，培育发展新动能\n　　今年要坚持稳中求进，推动经济\n实现质的有效提升和量的合理增长。\n"
            "今年要坚持稳中求进，推动经济实现\n质的有效提升和量的合理增长。\n"
            "名词解释\n1.一网通办：政务服务事项在一个平台上办理。")
    assert subs(govreport.parse(text)) == [[1], []]


def test_lines_of_equal_width_that_end_sentences_are_not_hard_wrapping() -> None:
    """recovery: three equal lines 一是…。 and a heading of about their width looked like a
    hard-wrapped text (5 lines near one width), so the lines were joined and a truncated
    heading ）坚持… vanished into a paragraph. The typical width of hard wrapping is taken
    from lines that break mid-sentence."""
    items = "一是完善基础设施；二是培育龙头企业。\n"
    text = ("——2001年1月1日在云溪市第十六届人民代表大会第四次会议上\n一、2001年工作安排\n" + items
            + "今年全市经济社会发展的主要预期目标是：地区生产总值增长0.5%。\n）坚持创新驱动，培育发展新动能\n"
            + items + "（二）坚持创新驱动，培育发展新动能\n" + items
            + "（三）围绕建设人民满意政府，全面加强自身建设\n" + items)
    assert subs(govreport.parse(text)) == [[], [1, 2, 3]]


def test_hard_wrapped_text_of_short_indented_paragraphs() -> None:
    """recovery: in a hard-wrapped text of short paragraphs the indented first lines are the
    most common width, two columns narrower after 　　 is folded to spaces (30, not 32): the
    text was taken as not wrapped, and a wrapped line became an unnumbered subsection."""
    two = "　　一是完善基础设施；二是培育龙\n头企业。\n"
    three = "　　一是完善基础设施；二是培育龙\n头企业；三是建设产业园区；四是扩\n大招商引资。\n"
    five = ("　　过去一年，全市地区生产总值完\n成10亿元，同比增长0.5%。过去一年\n"
            "，全市地区生产总值完成10亿元，同\n比增长0.5%。过去一年，全市地区生\n"
            "产总值完成10亿元，同比增长0.5%。\n")
    bodies = [two, two, three, three, five, five, three + five]
    text = ("一、2000年工作回顾\n" + two
            + "".join(f"（{n}）创新驱动持续优化\n{b}" for n, b in zip("一二三四五六七", bodies, strict=True))
            + "二、2001年工作安排\n" + two * 3 + "三、加强政府自身建设\n" + two * 2)
    assert subs(govreport.parse(text)) == [[1, 2, 3, 4, 5, 6, 7], [], []]


def test_page_furniture_does_not_hide_hard_wrapping() -> None:
    """recovery: pagers, a date and an editor line counted against "most lines have the
    typical width", so a short hard-wrapped text was taken as not wrapped and its wrapped
    lines became unnumbered subsection headings. Chrome lines are left out of that count."""
    pager = "上一页 [1] [2] [7] 下一页\n"
    text = ("2001-01-01 09:58\n责任编辑：周文静\n一、2001年工作安排\n一是完善基础设施；二是培育龙头企\n业。\n"
            "今年全市经济社会发展的主要预期目\n标是：地区生产总值增长0.5%。\n（一）坚持创新驱动，培育发展新动能\n"
            "今年要坚持稳中求进，推动经济实现\n质的有效提升和量的合理增长。今年\n要坚持稳中求进，推动经济实现质的\n"
            + pager + "有效提升和量的合理增长。今年要坚\n持稳中求进，推动经济实现质的有效\n提升和量的合理增长。\n"
            + pager + "名词解释\n1.一网通办：政务服务事项在一个平台上办理。\n" + pager + "联系电话：0597-7793667")
    assert subs(govreport.parse(text)) == [[], [1], []]


def test_unnumbered_heading_after_a_wrapped_line_that_ends_a_sentence() -> None:
    """recovery: in a hard-wrapped text a paragraph ended exactly at the margin with 。 and
    the next line was a subsection heading that had lost its numeral (持创新驱动，…, its first
    character gone too); the full line was joined with it and the heading vanished."""
    items = "一是完善基础设施；二是培育龙头企业。\n"
    text = ("一、2001年工作安排\n　　一是完善基础设施；二是培育龙头企\n业。\n　　今年全市经济社会发展的主要预期目\n"
            "标是：居民消费价格涨幅控制在0.5%左右\n。\n（一）坚持创新驱动，培育发展新动能。\n" + items
            + "（二）坚持创新驱动，培育发展新动能。\n" + items + "持创新驱动，培育发展新动能\n"
            "　　一是完善基础设施；二是培育龙头企\n业。\n（四）围绕建设人民满意政府，全面加强\n"
            "自身建设。一是完善基础设施；二是培育\n龙头企业。\n名词解释\n1.一网通办：政务服务事项在一个平台上办理。")
    assert subs(govreport.parse(text)) == [[1, 2, 3, 4], []]


def test_short_report_on_one_line() -> None:
    """recovery: a report pasted as one line shorter than 1200 characters was not searched
    for headings (only long lines were), so 二、加强政府自身建设 stayed inside part 一. A
    line that holds most of the text is a run-on line whatever its length."""
    text = ("一、2001年工作安排一是完善基础设施；二是培育龙头企业。今年全市经济社会发展的主要预期目标是："
            "地区生产总值增长0.5%。二、加强政府自身建设一是完善基础设施；二是培育龙头企业。\n"
            "名词解释\n1.一网通办：政务服务事项在一个平台上办理。")
    assert govreport.parse(text).outline() == [("annual_plan", 1), ("self_improvement", 2),
                                                ("glossary", None)]


def _hard_wrap(paragraph: str, columns: int = 32) -> str:
    """Lines of at most ``columns`` display columns (ASCII 1, anything else 2)."""
    lines, line, width = [], "", 0
    for c in paragraph:
        w = 1 if c.isascii() else 2
        if width + w > columns:
            lines.append(line)
            line, width = "", 0
        line += c
        width += w
    return "\n".join([*lines, line]) + "\n"


def test_heading_running_into_a_hard_wrapped_paragraph() -> None:
    """recovery: in a hard-wrapped text, headings that run into their paragraph
    （1）标题。正文…, 一、标题正文… wrap at the margin like any line; the heading line was
    never joined with its continuation, so the title was cut (…培育发展新 / 动能。) and a
    part title lost the words that give its kind (…发展的 / 主要目标)."""
    items = "一是完善基础设施；二是培育龙头企业。"
    grow = "今年要坚持稳中求进，推动经济实现质的有效提升和量的合理增长。"
    text = "".join(_hard_wrap(p) for p in [
        "一、“十五”时期经济社会发展的主要目标" + items,
        "二、2001年工作安排" + items,
        "今年全市经济社会发展的主要预期目标是：地区生产总值增长0.5%，固定资产投资增长6%以上。",
        "（1）坚持创新驱动，培育发展新动能。" + items,
        "（2）坚持创新驱动，培育发展新动能。" + grow + grow,
        "三、加强政府自身建设坚持依法行政，自觉接受人大法律监督和政协民主监督。",
    ])
    report = govreport.parse(text)
    assert report.outline() == [("five_year_plan", 1), ("annual_plan", 2), ("self_improvement", 3)]
    assert subs(report) == [[], [1, 2], []]
    assert [s.title for s in report.sections[1].children if isinstance(s, Subsection)] == [
        "坚持创新驱动，培育发展新动能"] * 2


def test_parallel_subsection_titles_are_not_hard_wrapping() -> None:
    """recovery: five subsection headings of one length (parallel titles, no sentence end)
    passed for lines hard-wrapped at one margin; the headings were then joined with their
    bodies and II. disappeared into a paragraph. Numbered headings are no evidence of hard
    wrapping."""
    items = "一是完善基础设施；二是培育龙头企业。\n"
    sub = "（{}）坚持创新驱动，培育发展新动能\n" + items
    text = ("I. “十五”时期主要目标任务\n" + items + "II. 2001年经济社会发展总体要求和政策取向\n" + items
            + "今年全市经济社会发展的主要预期目标是：地区生产总值增长0.5%。\n" + sub.format("一")
            + "III. 2001年政府工作任务\n" + items + "".join(sub.format(n) for n in "一二三")
            + "IV. 加强政府自身建设\n" + items + "（一）坚持依法行政，建设法治政府\n" + items)
    report = govreport.parse(text)
    assert report.outline() == [("five_year_plan", 1), ("annual_plan", 2), ("annual_plan", 3),
                                ("self_improvement", 4)]
    assert subs(report) == [[], [1], [1, 2, 3], [1]]


def test_indented_first_line_ending_in_digits_is_full() -> None:
    """recovery: the indented first line of a hard-wrapped paragraph ended in ASCII digits
    (…完成100 / 亿元…): one column short for the odd remainder, two more because 　　 folds
    to two one-column spaces; it was not taken as full, and became a subsection heading.
    Indentation counts two columns a character."""
    gdp = "过去一年，全市地区生产总值完成{}亿元，同比增长0.5%。"
    text = "".join(_hard_wrap("　　" + p if i else p, 38) for i, p in enumerate([
        "一、2000年工作回顾", gdp.format(10) * 3, "（一）创新驱动持续优化", gdp.format(10) * 2,
        "（二）创新驱动持续优化", gdp.format(100) * 2, gdp.format(10) * 3,
        "二、2001年工作安排", "今年全市经济社会发展的主要预期目标是：地区生产总值增长0.5%。"]))
    text = text.replace("\n　　二、", "\n二、").replace("\n　　（", "\n（")
    assert subs(govreport.parse(text)) == [[1, 2], []]


def test_wrapped_heading_continues_with_words_that_read_like_a_part_title() -> None:
    """recovery: （二）围绕建设人民满意政府，全面 / 加强自身建设 — a subsection heading
    wrapped at the margin; its continuation reads like a top-level part title on its own and
    was made one (self_improvement 2, with the subsection cut short)."""
    items = "一是完善基础设施；二是培育龙头企业。"
    text = "".join(_hard_wrap(p) for p in [
        "现在，我代表云溪市人民政府向大会报告工作，请各位代表审议，也请列席的同志们提出宝贵意见。",
        "一、2001年工作安排", items, "今年全市经济社会发展的主要预期目标是：地区生产总值增长0.5%。",
        "（一）坚持创新驱动，培育发展新动能", items, "（二）围绕建设人民满意政府，全面加强自身建设", items])
    report = govreport.parse(text)
    assert report.outline() == [("preamble", None), ("annual_plan", 1)]
    assert [s.title for s in report.sections[1].children if isinstance(s, Subsection)][1] == (
        "围绕建设人民满意政府，全面加强自身建设")


def test_opening_formula_cut_by_a_page_break() -> None:
    """recovery: a pager line fell inside the opening formula (…向大会报告工 / 上一页 … /
    作，请予审议…); the rest of the sentence became a headless part before 一、 (taken as
    the review). A sentence cut by chrome continues after it."""
    text = ("来源：云溪市人民政府网\n现在，我代表市人民政府向大会报告工\n上一页 [1] [2] [3] 下一页\n"
            "作，请各位代表审议，也请列席的同志们提出宝贵意见。\n一、2001年工作安排\n"
            "今年全市经济社会发展的主要预期目标是：地区生产总值增长0.5%。\n")
    assert govreport.parse(text).outline() == [("preamble", None), ("annual_plan", 1)]


def test_closing_salutation_after_a_line_that_fills_the_margin() -> None:
    """recovery: in a hard-wrapped text without indentation a subsection's last line ended
    with 。 exactly at the margin and the closing 各位代表：让我们… followed; it was joined
    to the subsection and the report lost its closing. After a sentence end, a line led by a
    salutation with its punctuation starts a paragraph."""
    text = "".join(_hard_wrap(p) for p in [
        "现在，我代表云溪市人民政府向大会报告工作，请各位代表审议，也请列席的同志们提出宝贵意见。",
        "一、2001年工作安排", "今年全市经济社会发展的主要预期目标是：地区生产总值增长0.5%。",
        "（一）坚持依法行政，建设法治政府一是完善基础设施；二是培育龙头。",
        "各位代表：让我们在市委的坚强领导下，团结一心，为建设美好云溪市而努力奋斗！"])
    assert "培育龙头。\n各位代表：" in text
    assert "培育龙头。\n各位代表：" in normalize(text).text
    assert govreport.parse(text).outline() == [("preamble", None), ("annual_plan", 1),
                                                ("closing", None)]


def test_listing_page_of_short_run_on_reports() -> None:
    """parse_many: two short reports, each one run-on line after a navigation line, were
    taken as one (their opening formulas are two blocks apart, and two openings within three
    blocks counted as one preamble). A title or navigation line between them separates them."""
    report = ("2001年云溪市政府工作报告——2001年1月1日在云溪市第十六届人民代表大会第四次会议上各位代表："
              "现在，我代表市人民政府向大会报告工作，请予审议。一、2000年工作回顾过去一年，经济运行总体平稳。"
              "二、2001年工作安排今年要坚持稳中求进。各位代表！让我们团结一心，为建设美好云溪市而努力奋斗！")
    nav = "• 【云溪市】2001年云溪市政府工作报告"
    page = "\n".join(["首页 > 政府工作报告", nav, report, nav, report, "共 2 页"])
    reports = govreport.parse_many(page)
    assert [r.outline() for r in reports] == [[("preamble", None), ("review", 1),
                                              ("annual_plan", 2), ("closing", None)]] * 2


def test_short_run_on_report_among_web_chrome() -> None:
    """recovery: a short report pasted as one line (一、…。二、…。三、…) between a page's
    header and footer lines was not searched for headings — a line was searched only when it
    was long or held more than half of the text, and the chrome made up the rest. A line that
    opens with 一、 and holds 二、 after a sentence end is searched too."""
    body = ("一、“十五”时期主要目标任务今后五年要坚持创新驱动。二、2001年经济社会发展总体要求和政策取向"
            "今年要坚持稳中求进。三、加强政府自身建设一是完善基础设施；二是培育龙头企业。")
    chrome = "来源：云溪市人民政府网\n责任编辑：李明远\n联系电话：0490-1182207\n版权所有：云溪市人民政府网\n"
    assert 2 * len(body) < len(chrome * 2 + body)
    report = govreport.parse(chrome + body + "\n" + chrome)
    assert report.outline() == [("preamble", None), ("five_year_plan", 1), ("annual_plan", 2),
                                ("self_improvement", 3)]


def test_part_title_running_into_an_enumeration() -> None:
    """recovery: on a run-on line 三、加强政府自身建设一是完善基础设施；… took 一是完善基础设施
    into the title; 一是 starts a body like 过去 or 今年 do."""
    text = "一、2001年政府工作任务一是完善基础设施；二是培育龙头企业。二、加强政府自身建设一是严格依法行政。\n"
    assert [s.title for s in govreport.parse(text).sections] == ["2001年政府工作任务", "加强政府自身建设"]


def test_plan_part_ending_with_a_self_improvement_subsection() -> None:
    """recovery: a thematic part (坚定信心，奋力开创…) holding the year's expected targets and a
    single subsection on the government's own work (依法行政, 服务型政府, 政务公开) was taken for
    the self-improvement part: its words about the government outnumbered the forward-looking
    ones. A part that states the expected targets after the review is the annual plan."""
    text = ("一、砥砺奋进，发展质效稳步提升过去一年，全市地区生产总值同比增长0.5%。\n"
            "二、坚定信心，奋力开创高质量发展新局面今年要坚持稳中求进。\n"
            "今年全市经济社会发展的主要预期目标是：地区生产总值增长0.5%。\n"
            "（1）坚持依法行政，建设服务型政府深化政务公开，建设人民满意的服务型政府。\n")
    report = govreport.parse(text)
    assert report.outline() == [("review", 1), ("annual_plan", 2)]
    sub = report.sections[1].children[-1]
    assert isinstance(sub, Subsection)
    assert sub.kind == "self_improvement"


def test_hard_wrapped_heading_that_lost_its_numeral_after_a_sentence_end() -> None:
    """recovery: in a hard-wrapped text a first subsection truncated to ``）坚持…`` followed
    a full line ending in 。; the wrapping rule joined the two lines, and the subsection was
    lost (ordinals 2, 3 only). After a finished sentence that left no bracket open, a line
    that is a truncated heading starts anew. (The shrunk example: lines wrapped at 30
    columns, paragraphs cut short.)"""
    text = ("2001年工作安排\n"
            "期目标是：地区生产总值增长0.5%。\n"
            "）坚持创新驱动，筑牢高质量发展根\n"
            "\u3000\u3000一是完善基础设施；二是培育龙\n"
            "（二）坚持创新驱动，培育发展新动\n"
            "（三）坚持创新驱动，培育发展新动\n"
            "律监督和政协民主监督。坚持依法行\n"
            "政，自觉接受人大法律监督和政协民\n"
            "\u3000\u3000一是完善基础设施；二是培育龙\n")
    assert "0.5%。\n）坚持" in normalize(text).text
    assert subs(govreport.parse(text)) == [[1, 2, 3]]


def test_english_title_ending_in_a_bracket_run_into_a_chinese_body() -> None:
    """recovery (mixed translation): an English part title whose last word is in brackets,
    run into a Chinese body (``…on every front (self-construction)坚持廉洁从政，…``), was not
    cut at the bracket: the title swallowed the body's first clause, whose 要求 (a forward
    noun) outvoted the title's own words and made the part an annual plan. A closing bracket
    or quote after a Latin word, glued to Han text or to a capitalised sentence, ends the
    title like the word itself."""
    text = ("一、Review of our work in the past year\nOver the past year, growth held steady.\n"
            "二、Tasks for this year\nThis year we will seek progress while maintaining "
            "stability.\n"
            "三、Building up the government's own capacity in every respect (self-construction)"
            "坚持依法行政，"
            "全面落实各项要求。\nWe will govern according to law.\n")
    report = govreport.parse(text)
    assert [k for k, _ in report.outline()] == ["review", "annual_plan", "self_improvement"]
    assert report.sections[-1].title == ("Building up the government's own capacity in every "
                                         "respect (self-construction)")


def test_a_sentence_naming_a_part_does_not_open_a_part_before_the_first_subsection() -> None:
    """recovery (test_properties_wide, ``explore`` profile, 2026-12-04): a numbered report on
    one line. Part 1's introduction holds 坚持依法行政，自觉接受…监督。 right before （一）; the
    choice read that sentence as a self-improvement heading without numeral (part 2 inferred),
    so （一） fell into it and the real 二、 (a thematic title) was read as text, at no cost.
    A part numeral read as text whose number a part title without numeral just took now costs
    (``choose._NUMBER_TAKEN``), unless it continues an enumeration read as text."""
    text = ("一、2001年的工作安排今年要坚持稳中求进。坚持依法行政，自觉接受人大法律监督和政协民主监督。"
            "（一）坚持创新驱动，培育发展新动能一是完善基础设施；二是培育龙头企业。"
            "二、砥砺奋进勇当排头兵坚持依法行政，自觉接受人大法律监督和政协民主监督。"
            "持之以恒加强党风廉政建设，驰而不息纠治“四风”。深化政务公开，建设人民满意的服务型政府。")
    report = govreport.parse(text)
    assert report.outline() == [("annual_plan", 1), ("self_improvement", 2)]
    assert subs(report) == [[1], []]

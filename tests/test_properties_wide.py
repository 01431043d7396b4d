"""Property-based tests of what the parser was not written for (issue 11).

``tests/test_properties.py`` draws part titles from short closed lists and drops numerals only
from the titles the parser's own pattern knows, so it cannot find a report the parser gets
wrong for a reason it was not told about. These properties use the *wide* generator
(``outlines(wide=…)``, ``styles(wide=True)``, see ``tests/strategies.py``), one failure class
at a time, then all together:

* part titles from a compositional vocabulary (time word × nouns of each kind, adverb + verb +
  the government's own work, the Five-Year goals and the year's work in one title, slogans);
* lost outer numbering (.docx automatic numbering gone: bare part titles, subsections 一、二、…
  restarting in each part);
* captions and other openings (a photo caption, a dateline in Chinese numerals, a report to the
  standing committee, a prefecture's 行署, a preface before the first part, a long web page);
* numerals dropped from any title a reader can still place, not only the parser's own list.

Each class alone and all together pass. What still fails is listed once, as strict xfails on
fixed examples: the rows of the pairwise covering array in ``KNOWN_FAILING_ROWS``.
Combinations a reader could not recover either are left out by the generator
(``valid_style``, ``recoverable``), never marked here.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st

import govreport
from govreport import Report, SectionKind

from . import strategies as gen
from .test_properties import recovered

EXAMPLES = settings.default.max_examples
ROW_EXAMPLES = 8  # per row of the covering array, whatever the profile
WIDE_COVERING = gen.covering_styles(wide=True)


#: fixed examples except when exploring: these properties still find reports the parser gets
#: wrong now and then (issue 11, open), and the suite must not pass or fail by the seed; run
#: HYPOTHESIS_PROFILE=explore to search at random, and pin what it finds in SHRUNK
_FIXED = os.environ.get("HYPOTHESIS_PROFILE", "dev") != "explore"


def slow_ok(**kwargs: object) -> settings:
    """Settings of a property over whole generated reports: generating one is slow-ish."""
    kwargs.setdefault("derandomize", _FIXED)
    return settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much],
                    **kwargs)  # type: ignore[arg-type]


_slow_ok = slow_ok()


def assert_recovers(case: gen.Rendered) -> Report:
    for axis in ("layout", "outer", "drop_parts", "long_chrome", "damage", "part_numerals"):
        event(f"{axis}={getattr(case.style, axis)}")  # --hypothesis-show-statistics
    event(f"front={'+'.join(case.spec.front)}")
    report = govreport.parse(case.text)
    outline, subs = recovered(report)
    assert outline == case.outline
    assert subs == case.sub_ordinals
    assert (report.find(SectionKind.SELF_IMPROVEMENT) is not None) == case.self_improvement
    return report


def _numbered(**fixed: object) -> st.SearchStrategy[gen.Style]:
    """Wide styles with every part numbered: the outer numbering kept, no part numeral dropped
    (``drop`` and the ``none`` family leave titles bare: the other properties' business)."""
    return gen.styles(wide=True, outer="numbered", drop_parts="canonical", **fixed).filter(
        lambda s: s.damage != "drop" and s.part_numerals != "none")


# --------------------------------------------------------------------------- one class at a time


@_slow_ok
@given(case=gen.reports(style=_numbered(long_chrome=False), wide_titles=True,
                        wide_front=False))
def test_recovery_with_wide_part_titles(case: gen.Rendered) -> None:
    """Numbered part titles from the compositional vocabulary: kinds and ordinals come back."""
    assert_recovers(case)


@_slow_ok
@given(case=gen.reports(style=gen.styles(wide=True, outer="lost", long_chrome=False),
                        wide_titles=False, wide_front=False))
def test_recovery_with_lost_outer_numbering(case: gen.Rendered) -> None:
    """A .docx whose automatic outer numbering is lost (narrow titles, narrow front matter)."""
    assert_recovers(case)


@_slow_ok
@given(case=gen.reports(style=_numbered(), wide_titles=False, wide_front=True))
def test_recovery_with_captions_and_other_openings(case: gen.Rendered) -> None:
    """Front matter and page chrome the parser was not written for (narrow part titles)."""
    assert_recovers(case)


@_slow_ok
@given(case=gen.reports(style=gen.styles(wide=True, damage="drop", drop_parts="any",
                                         long_chrome=False),
                        wide_titles=False, wide_front=False))
def test_recovery_with_numerals_dropped_from_any_title(case: gen.Rendered) -> None:
    """``drop`` on every title a reader can still place, narrow titles."""
    assert_recovers(case)


# --------------------------------------------------------------------------- all together


@_slow_ok
@given(case=gen.reports(wide=True))
def test_recovery_with_everything_wide(case: gen.Rendered) -> None:
    assert_recovers(case)


#: Rows of WIDE_COVERING whose fixed examples the parser still gets wrong (issue 11, open).
#: Row 3: introduction paragraphs after the opening, then part 1's slogan title whose numeral
#: (First,) was lost before its numbered subsections and "Second, …": the introduction is read
#: as a part without heading and the slogan as text.
#: Strict: the examples are fixed (``derandomize``, and independent of the package's source:
#: conftest.py), so a row that starts passing must leave this set.
KNOWN_FAILING_ROWS: frozenset[int] = frozenset()
_ROWS_REASON = ("issue 11: two damages together still defeat the outline on this row's fixed "
                "examples (see KNOWN_FAILING_ROWS)")


@pytest.mark.parametrize("style", [
    pytest.param(style, id=f"row{i}", marks=[pytest.mark.xfail(strict=True, reason=_ROWS_REASON)]
                 if i in KNOWN_FAILING_ROWS else [])
    for i, style in enumerate(WIDE_COVERING)])
# the same fixed examples under every profile (a row's verdict must not depend on the seed)
# (no shrinking: a known failing row would spend minutes on it; the one-class properties
# above shrink what they find)
@slow_ok(max_examples=ROW_EXAMPLES, derandomize=True, database=None,
         phases=[Phase.explicit, Phase.generate])
@given(data=st.data())
def test_recovery_in_every_pair_of_wide_styles(style: gen.Style, data: st.DataObject) -> None:
    """Every pairwise combination of the wide style axes, with wide outlines."""
    assert_recovers(data.draw(gen.reports(style=st.just(style), wide=True), label="case"))


# --------------------------------------------------------------------------- shrunk examples
# What the properties above found, shrunk by Hypothesis and then cut down by hand to the lines
# that matter (the generator's own wording): against the parser before the issue 11 rewrite
# (c670c57) and against the rewrite in progress (1c8e1b9). Each is the text, the outline a
# reader recovers and, where it matters, the subsection ordinals, and whether either of those
# parsers got it wrong (kept as a record; the parser now gets every one right).

_PAST = "过去一年，全市地区生产总值完成120亿元，同比增长5.5%。"
_PLAN = "今年要坚持稳中求进，推动经济实现质的有效提升和量的合理增长。"
_TARGETS = "今年全市经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。"
_GOV = "坚持依法行政，自觉接受人大法律监督和政协民主监督。"
_FIVE = "今后五年，我们将锚定目标，接续发力。"
_ITEMS = "一是完善基础设施；二是培育龙头企业。"
_OPENING = "现在，我代表市人民政府向大会报告工作，请各位代表审议，也请列席的同志们提出宝贵意见。"
_REVIEW_THEN_PLAN = f"一、2025年工作回顾\n{_PAST}\n二、2026年工作安排\n{_PLAN}\n{_TARGETS}\n"
_R, _A, _F, _S, _PRE = ("review", 1), ("annual_plan", 2), ("five_year_plan", 2), \
    ("self_improvement", 3), ("preamble", None)

SHRUNK: list[tuple[str, str, list[tuple[str, int | None]], list[tuple[int, ...]] | None,
                   bool | None]] = [
    # (id, text, outline, subsection ordinals or None, failed with either parser; None: the
    # parser still fails it, a strict xfail)
    # -- part titles outside the closed list (numbered)
    ("title-past-year-generic-noun",
     f"一、2025年的主要工作\n{_PAST}\n二、2026年工作安排\n{_PLAN}\n{_TARGETS}\n",
     [_R, ("annual_plan", 2)], None, True),
    ("title-review-work-and-results",
     f"一、2025年的主要工作和成效\n{_PAST}\n二、2026年工作安排\n{_PLAN}\n{_TARGETS}\n",
     [_R, ("annual_plan", 2)], None, True),
    ("title-five-year-considerations",
     f"一、2025年工作回顾\n{_PAST}\n二、“十五五”时期发展的主要考虑\n{_FIVE}\n"
     f"三、2026年工作安排\n{_PLAN}\n{_TARGETS}\n", [_R, _F, ("annual_plan", 3)], None, True),
    ("title-five-year-slogan",
     f"一、2025年工作回顾\n{_PAST}\n二、笃行实干，勇当排头兵\n“十五五”时期是云溪市爬坡过坎、积势蓄能的"
     f"关键五年。今后五年，我们要锚定基本实现现代化的目标，一年接着一年干。\n三、2026年工作安排\n"
     f"{_PLAN}\n{_TARGETS}\n", [_R, _F, ("annual_plan", 3)], None, True),
    ("title-five-year-slogan-first",
     f"{_OPENING}\n一、砥砺奋进勇当排头兵\n“十五五”时期是云溪市爬坡过坎、积势蓄能的关键五年。今后五年，"
     f"我们要锚定基本实现现代化的目标，一年接着一年干。\n二、2026年工作安排\n{_PLAN}\n{_TARGETS}\n",
     [_PRE, ("five_year_plan", 1), ("annual_plan", 2)], None, True),
    ("title-self-work-style",
     f"{_REVIEW_THEN_PLAN}三、加强政府作风建设\n{_GOV}\n", [_R, _A, _S], None, True),
    ("title-review-five-years-course",
     f"一、过去五年的奋斗历程\n{_PAST}\n二、2026年工作安排\n{_PLAN}\n{_TARGETS}\n",
     [_R, _A], None, False),
    ("title-annual-overall-plan",
     f"一、2025年工作回顾\n{_PAST}\n二、今年工作的总体部署\n{_PLAN}\n{_TARGETS}\n", [_R, _A], None,
     False),
    ("title-self-law-based-government",
     f"{_REVIEW_THEN_PLAN}三、奋力建设人民满意的法治政府\n{_GOV}\n", [_R, _A, _S], None, False),
    ("title-combined-goals-and-year",
     f"一、2025年工作回顾\n{_PAST}\n二、“十五五”时期主要目标和2026年重点工作\n{_FIVE}\n{_TARGETS}\n"
     f"三、加强政府自身建设\n{_GOV}\n", [_R, _F, _S], None, False),
    ("plan-with-a-clean-government-paragraph",
     f"一、2025年工作回顾\n{_PAST}\n二、坚定信心，奋力开创高质量发展新局面\n{_PLAN}\n{_TARGETS}\n"
     f"{_GOV}持之以恒加强党风廉政建设，驰而不息纠治“四风”。政府系统要转变作风，以实干实绩取信于民。\n",
     [_R, _A], None, False),
    # -- lost outer numbering
    ("lost-numbering-subsections-restart",
     f"2025年工作回顾\n{_PAST}\n一、创新驱动持续优化\n{_PAST}\n二、营商环境不断优化\n{_PAST}\n"
     f"2026年工作安排\n{_PLAN}\n{_TARGETS}\n一、坚持创新驱动，培育发展新动能\n{_PLAN}\n"
     f"二、深化改革开放，激发市场主体活力\n{_PLAN}\n加强政府自身建设\n{_GOV}\n",
     [_R, _A, _S], [(1, 2), (1, 2), ()], True),
    ("lost-numbering-titles-outside-the-list",
     f"2025年政府工作回顾\n{_PAST}\n一、创新驱动持续优化\n{_PAST}\n2026年主要工作任务\n{_PLAN}\n"
     f"{_TARGETS}\n一、坚持创新驱动，培育发展新动能\n{_PLAN}\n", [_R, _A], [(1,), (1,)], True),
    ("lost-numbering-one-part-with-six-subsections",
     "2026年工作安排\n" + _PLAN + "\n" + _TARGETS + "\n" + "".join(
         f"{n}、{t}\n{_ITEMS}\n" for n, t in zip("一二三四五六", (
             "坚持创新驱动，培育发展新动能", "深化改革开放，激发市场主体活力", "统筹城乡融合，建设美丽宜居家园",
             "强化民生保障，增进人民群众福祉", "优化营商环境，拓展开放合作空间", "守牢安全底线，增强经济发展韧性"),
             strict=True)) + f"加强政府自身建设\n{_GOV}\n",
     [("annual_plan", 1), ("self_improvement", 2)], [(1, 2, 3, 4, 5, 6), ()], True),
    # -- lines before the review that are not part of it
    ("front-caption-reporter-and-correspondent",
     "2026年云溪市政府工作报告\n1月8日，云溪市人民政府市长王立新在云溪市第十届人民代表大会第三次会议上"
     f"作政府工作报告。 本报记者 陈晓华 通讯员 李明远 摄\n{_REVIEW_THEN_PLAN}", [_PRE, _R, _A], None,
     True),
    ("front-caption-photographer",
     "2026年云溪市政府工作报告\n1月8日，云溪市人民政府市长王立新在云溪市第十届人民代表大会第三次会议上"
     f"作政府工作报告。 记者 陈晓华 摄\n{_REVIEW_THEN_PLAN}", [_PRE, _R, _A], None, False),
    ("front-dateline-in-chinese-numerals-alone",
     f"——二〇二六年一月二十八日\n在云溪市第十届人民代表大会第三次会议上\n{_REVIEW_THEN_PLAN}",
     [_PRE, _R, _A], None, True),
    ("front-standing-committee-salutation",
     f"2026年云溪市政府工作报告\n各位主任、委员：\n{_REVIEW_THEN_PLAN}", [_PRE, _R, _A], None, True),
    ("front-standing-committee-entrusted",
     f"各位主任、委员：\n受市人民政府委托，现在向市人大常委会作工作报告，请予审议。\n{_REVIEW_THEN_PLAN}",
     [_PRE, _R, _A], None, True),
    ("front-entrusted-opening",
     f"各位代表：\n受市人民政府委托，现在我向大会报告政府工作，请予审议。\n{_REVIEW_THEN_PLAN}",
     [_PRE, _R, _A], None, True),
    ("front-prefecture-office",
     "云岭地区行政公署专员 李明远\n各位代表：\n现在，我代表行署向大会报告工作，请予审议，并请各位委员和"
     f"列席人员提出意见。\n{_REVIEW_THEN_PLAN}", [_PRE, _R, _A], None, True),
    ("front-preface-paragraph",
     f"{_OPENING}\n这次大会是在云溪市全面推进现代化建设的关键时期召开的一次重要会议。\n{_REVIEW_THEN_PLAN}",
     [_PRE, _R, _A], None, True),
    ("front-salutation-then-bare-titles",
     f"各位代表：\n2026年工作安排\n{_PLAN}\n{_TARGETS}\n加强政府自身建设\n{_GOV}\n",
     [_PRE, ("annual_plan", 1), ("self_improvement", 2)], None, False),
    ("run-on-closing-to-the-standing-committee",
     f"2026年云溪市政府工作报告现在，我代表市人民政府向本次会议作工作报告，请各位主任、委员审议。"
     f"一、2026年工作安排{_PLAN}{_TARGETS}二、加强政府自身建设{_GOV}"
     "各位主任、委员！让我们在市委的坚强领导下，团结一心，为建设美好云溪市而努力奋斗！\n",
     [_PRE, ("annual_plan", 1), ("self_improvement", 2), ("closing", None)], None,
     True),  # passed before the rewrite: the closing is lost in 1c8e1b9
    ("front-preface-then-a-bare-title",
     f"{_OPENING}\n这次大会是在云溪市全面推进现代化建设的关键时期召开的一次重要会议。\n2026年工作安排\n"
     f"{_PLAN}\n{_TARGETS}\n加强政府自身建设\n{_GOV}\n",
     [_PRE, ("annual_plan", 1), ("self_improvement", 2)], None, True),
    ("front-entrusted-opening-preface-then-a-bare-title",
     "受市人民政府委托，现在我向大会报告政府工作，请予审议。\n"
     f"这次大会是在云溪市全面推进现代化建设的关键时期召开的一次重要会议。\n2026年工作安排\n{_PLAN}\n"
     f"{_TARGETS}\n", [_PRE, ("annual_plan", 1)], None, True),
    ("front-web-page-share-line",
     f"分享到：\n2026年云溪市政府工作报告\n{_REVIEW_THEN_PLAN}", [_PRE, _R, _A], None, True),
    # -- numerals dropped from titles outside the list
    ("bare-titles-outside-the-list",
     f"“十五五”时期主要目标任务\n{_FIVE}\n2026年经济社会发展总体要求和政策取向\n{_PLAN}\n{_TARGETS}\n"
     f"2026年政府工作任务\n{_PLAN}\n加强政府自身建设\n{_GOV}\n",
     [("five_year_plan", 1), _A, ("annual_plan", 3), ("self_improvement", 4)], None, True),
    ("bare-slogan-between-numbered-parts",
     f"一、2025年工作回顾\n{_PAST}\n坚定信心，奋力开创高质量发展新局面\n{_PLAN}\n{_TARGETS}\n"
     f"三、加强政府自身建设\n{_GOV}\n", [_R, _A, _S], None, True),
    ("bare-slogan-last-part-with-subsections",
     f"一、砥砺奋进，发展质效稳步提升\n{_PAST}\n坚定信心，奋力开创高质量发展新局面\n{_PLAN}\n{_TARGETS}\n"
     f"（一）坚持创新驱动，培育发展新动能\n{_PLAN}\n", [_R, _A], [(), (1,)], True),
    # -- found by the properties after the shrunk examples above passed (d7ea38d)
    ("lost-numbering-twelve-subsections-under-a-five-year-title",
     "“十五”时期主要目标任务\n" + _FIVE + "\n" + "".join(
         f"{n}、坚持创新驱动，培育发展新动能\n{_ITEMS}\n" for n in
         ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"))
     + f"2001年经济社会发展总体要求和政策取向\n{_TARGETS}\n2001年政府工作任务\n{_ITEMS}\n",
     [("five_year_plan", 1), ("annual_plan", 2), ("annual_plan", 3)],
     [tuple(range(1, 13)), (), ()], True),
    ("lost-numbering-slogan-review-after-the-speaker",
     f"云溪市人民政府市长 王立新\n砥砺奋进，发展质效稳步提升\n{_PAST}\n一、创新驱动持续优化。{_ITEMS}\n"
     f"2026年经济社会发展总体要求和政策取向\n{_TARGETS}\n加强政府自身建设\n{_GOV}\n",
     [_PRE, ("review", 1), ("annual_plan", 2), ("self_improvement", 3)], [(), (1,), (), ()],
     True),
    ("no-numerals-slogan-review-after-the-salutation",
     f"各位代表：\n砥砺奋进，发展质效稳步提升\n{_PAST}\n2026年工作安排\n{_TARGETS}\n名词解释\n"
     "1.一网通办：政务服务事项在一个平台上办理。\n",
     [_PRE, ("review", 1), ("annual_plan", 2), ("glossary", None)], None, True),
    ("bare-slogan-over-the-government-s-own-work",
     f"“十五”时期主要目标和2026年重点工作\n{_ITEMS}\n{_TARGETS}\n砥砺奋进展现新作为\n{_GOV}\n"
     "持之以恒加强党风廉政建设，驰而不息纠治“四风”。\n深化政务公开，建设人民满意的服务型政府。\n"
     "政府系统要转变作风，以实干实绩取信于民。\n",
     [("five_year_plan", 1), ("self_improvement", 2)], None, True),
    ("run-on-closing-to-the-committee-members",
     f"2026年云溪市政府工作报告现在，我代表市人民政府向本次会议作工作报告，请各位主任、委员审议。"
     f"一、2026年工作安排{_PLAN}{_TARGETS}二、加强政府自身建设{_GOV}"
     "各位委员！让我们在市委的坚强领导下，团结一心，为建设美好云溪市而努力奋斗！\n名词解释\n"
     "1.一网通办：政务服务事项在一个平台上办理。",
     [_PRE, ("annual_plan", 1), ("self_improvement", 2), ("closing", None), ("glossary", None)],
     None, True),
    # -- found and not fixed yet (strict xfail: issue 11, open)
    ("bare-slogan-review-before-a-numbered-second-part",
     f"各位代表：\n砥砺奋进勇当排头兵\n{_PAST}\n二、砥砺奋进勇当排头兵\n“十五”时期是云溪市爬坡过坎、积势蓄能的"
     "关键五年。今后五年，我们要锚定基本实现现代化的目标，一年接着一年干。\n",
     [_PRE, ("review", 1), ("five_year_plan", 2)], None, True),
    ("bare-combined-title",
     f"“十五五”时期主要目标和2026年重点工作\n{_FIVE}\n{_TARGETS}\n二、加强政府自身建设\n{_GOV}\n",
     [("five_year_plan", 1), ("self_improvement", 2)], None, True),
]


@pytest.mark.parametrize(("text", "outline", "subs"), [
    pytest.param(text, outline, subs, id=name, marks=[pytest.mark.xfail(strict=True, reason=(
        "issue 11: the parser still gets this shrunk example wrong"))]
        if failed is None else [])
    for name, text, outline, subs, failed in SHRUNK])
def test_shrunk_examples(text: str, outline: list[tuple[str, int | None]],
                         subs: list[tuple[int, ...]] | None) -> None:
    report = govreport.parse(text)
    got_outline, got_subs = recovered(report)
    assert list(got_outline) == outline
    if subs is not None:
        assert list(got_subs) == subs


# --------------------------------------------------------------------------- the generator
# (these pass: they check that the wide generator draws what it says, honestly)


def test_wide_covering_styles_cover_every_allowed_pair() -> None:
    rows = gen.covering_styles(wide=True)
    assert all(gen.valid_style(s) for s in rows)
    for a, values in gen.WIDE_AXES.items():
        for value in values:
            if a not in gen.WIDE_CONSTRAINED or any(
                    c[a] == value for c in gen._valid_constrained(True)):
                assert any(getattr(s, a) == value for s in rows), (a, value)


def _plain(**fixed: object) -> st.SearchStrategy[gen.Style]:
    """Wide styles whose text can be read line by line (no cosmetic damage)."""
    values: dict[str, object] = {
        "script": "hans", "pinyin": False, "punct": "cjk", "layout": "lines", "chrome": False,
        "zero_width": False, "redact": False, "crlf": False, "long_chrome": False,
        "run_in": "none", "indent": False}
    values.update(fixed)
    return gen.styles(wide=True, **values)


@slow_ok(max_examples=max(10, EXAMPLES))
@given(case=gen.reports(style=_plain(outer="lost"), wide=True))
def test_lost_outer_numbering_prints_bare_parts_and_restarting_subsections(
        case: gen.Rendered) -> None:
    lines = case.text.split("\n")
    for part in case.spec.parts:
        assert part.title.zh in lines  # the part title stands bare on a line of its own
        for i, sub in enumerate(part.subs, 1):
            title = sub.title.zh + ("。" if sub.closed else "")
            assert any(line.startswith(gen._cjk(i) + "、" + title) for line in lines)


@slow_ok(max_examples=max(10, EXAMPLES))
@given(case=gen.reports(style=_plain(damage="drop", drop_parts="any"), wide=True))
def test_a_bare_slogan_title_has_numbered_neighbours(case: gen.Rendered) -> None:
    """The narrowing of ``_part_numerals``: a slogan title left bare sits between numbered
    parts (or is the last part, after a numbered one, with subsections of its own)."""
    lines = iter(case.text.split("\n"))
    bare = []
    for part in case.spec.parts:  # each part's heading line, in order (titles may repeat)
        head = next(line for line in lines if line.endswith(part.title.zh))
        bare.append(head == part.title.zh)
    for i, part in enumerate(case.spec.parts):
        if part.thematic and bare[i]:
            assert i == 0 or not bare[i - 1]
            assert (i + 1 < len(bare) and not bare[i + 1]) or (i + 1 == len(bare) and part.subs)
            assert i > 0 or case.spec.front


@_slow_ok
@given(data=st.data())
def test_render_without_draw_is_deterministic(data: st.DataObject) -> None:
    style = data.draw(gen.styles(wide=True))
    spec = data.draw(gen.outlines(wide=True).filter(lambda s: gen.recoverable(s, style)))
    assert gen.render(spec, style).text == gen.render(spec, style).text


def test_wide_vocabulary_composes_titles_outside_any_closed_list() -> None:
    """A few titles of issue 11, composed by the wide vocabulary (the generator reaches them)."""
    names = {"y": "2026", "p": "2025", "plan": "十五五", "plan_en": "15th", "prev": "十四五"}
    reviews = {gen._fmt(t + j + n, names) for t, _ in gen.WIDE_REVIEW_TIMES
               for n, _ in gen.WIDE_REVIEW_NOUNS for j in ("", "的")}
    fives = {gen._fmt(t + j + n, names) for t, _ in gen.WIDE_FIVE_TIMES
             for n, _ in gen.WIDE_FIVE_NOUNS for j in ("", "的")}
    annuals = {gen._fmt(t + j + n, names) for t, _ in gen.WIDE_ANNUAL_TIMES
               for n, _ in gen.WIDE_ANNUAL_NOUNS for j in ("", "的")}
    assert {"过去五年的奋斗历程", "过去一年的主要工作", "2025年工作总结"} <= reviews
    assert {"“十五五”时期发展的主要考虑", "今后五年的发展蓝图"} <= fives
    assert {"2026年发展目标和重点任务", "2026年经济社会发展的主要任务", "今年工作的总体部署"} <= annuals
    selves = {a + v + o for verbs, objects in gen.WIDE_SELF_WORK
              for a in gen.WIDE_SELF_ADVERBS for v in verbs for o in objects}
    assert {"坚定不移加强政府自身建设", "着力加强政府自身建设", "持续推进政府自身建设",
            "建设人民满意政府", "奋力建设人民满意的法治政府"} <= selves


def test_lost_outer_numbering_rendering() -> None:
    """The lost-numbering style on a small hand-made report: bare part titles, 一、 restarting."""
    plan = gen.Para("text", gen.Text("今年要坚持稳中求进。", "We will seek progress."))
    past = gen.Para("text", gen.Text("过去一年，经济运行总体平稳。", "The economy was stable."))
    sub = gen.SubSpec(gen.Text("创新驱动持续优化", "Innovation"), None, (past,))
    task = gen.SubSpec(gen.Text("坚持创新驱动，培育发展新动能", "Innovate"), None, (plan,))
    spec = gen.ReportSpec(
        place="云溪", level="市", place_en="Yunxi", speaker=0, year=2024, month=1, day=8,
        front=(), closing=None, glossary=(), targets=(),
        parts=(gen.PartSpec("review", gen.Text("2023年工作回顾", ""), True, (past,), (sub, sub), ()),
               gen.PartSpec("annual_plan", gen.Text("2024年重点工作", ""), True, (plan,),
                            (task, task), ())))
    style = gen.Style(part_numerals="none", outer="lost")
    assert gen.valid_style(style)
    case = gen.render(spec, style)
    assert case.text.split("\n") == [
        "2023年工作回顾", "过去一年，经济运行总体平稳。", "一、创新驱动持续优化", "过去一年，经济运行总体平稳。",
        "二、创新驱动持续优化", "过去一年，经济运行总体平稳。", "2024年重点工作", "今年要坚持稳中求进。",
        "一、坚持创新驱动，培育发展新动能", "今年要坚持稳中求进。", "二、坚持创新驱动，培育发展新动能",
        "今年要坚持稳中求进。"]
    assert case.outline == (("review", 1), ("annual_plan", 2))
    assert case.sub_ordinals == ((1, 2), (1, 2))

"""Expected targets (``report.targets``): the forms of the issue on small sentences, then the
goldens written from the real reports (``tests/golden/targets``).

Unit sentences are made up for these tests; the goldens hold offsets and short snippets only.
"""

from __future__ import annotations

import json
import time

import pytest

import govreport
from govreport.models import Report, Target
from govreport.normalize import normalize
from govreport.quantities import INDICATOR_KEYS, key_of, scan_items
from govreport.targets import plan_end_year

from .conftest import GOLDEN, SHARED, shared_text

HEADER = (
    "2021年清河县政府工作报告\n"
    "2021年4月13日在清河县第十七届人民代表大会第一次会议上\n"
    "县长 王小明\n"
    "各位代表：\n"
    "现在，我代表县人民政府向大会报告工作，请予审议。\n"
)


def _report(plan: str, *, review: str = "过去一年，全县经济运行总体平稳。",
            five_year: str | None = None, plan_title: str = "2021年工作安排") -> Report:
    parts = [HEADER, "一、2020年工作回顾\n", review + "\n"]
    n = "二"
    if five_year is not None:
        parts += ["二、“十四五”时期主要目标任务\n", five_year + "\n"]
        n = "三"
    parts += [f"{n}、{plan_title}\n", plan + "\n"]
    return govreport.parse("".join(parts))


def _only(report: Report, key: str) -> Target:
    found = [t for t in report.targets if t.key == key]
    assert len(found) == 1, found
    return found[0]


def _fields(t: Target) -> tuple[object, ...]:
    return (t.key, t.low, t.high, t.unit, t.qualifier, t.horizon, t.redacted)


# --------------------------------------------------------------------------- forms of the issue

STATEMENT = "今年全县经济社会发展的主要预期目标是：{}。"


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        pytest.param("地区生产总值增长5%左右", ("gdp", 5.0, 5.0, "%", "左右", 2021, False),
                     id="about"),
        pytest.param("地区生产总值增长6%以上", ("gdp", 6.0, 6.0, "%", "以上", 2021, False),
                     id="at-least"),
        pytest.param("地区生产总值增长6%—6.5%", ("gdp", 6.0, 6.5, "%", "区间", 2021, False),
                     id="range-em-dash"),
        pytest.param("国内生产总值增长6.5-7%", ("gdp", 6.5, 7.0, "%", "区间", 2021, False),
                     id="range-hyphen"),
        pytest.param("国内生产总值增长6.5%－7%", ("gdp", 6.5, 7.0, "%", "区间", 2021, False),
                     id="range-full-width-hyphen"),
        pytest.param("地区生产总值增长6至6.5%", ("gdp", 6.0, 6.5, "%", "区间", 2021, False),
                     id="range-zhi"),
        pytest.param("地区生产总值增长×%", ("gdp", None, None, "%", "", 2021, True),
                     id="redacted"),
        pytest.param("全市生产总值增长7.5%", ("gdp", 7.5, 7.5, "%", "", 2021, False),
                     id="no-qualifier-and-scope"),
        pytest.param("经济增长6%左右", ("gdp", 6.0, 6.0, "%", "左右", 2021, False),
                     id="economic-growth"),
        pytest.param("城镇新增就业1.2万人左右",
                     ("new_urban_jobs", 1.2, 1.2, "万人", "左右", 2021, False),
                     id="about-after-unit"),
        pytest.param("城镇调查失业率控制在5.5%左右",
                     ("unemployment_rate", 5.5, 5.5, "%", "左右", 2021, False),
                     id="unemployment-kept-at"),
        pytest.param("城镇登记失业率4.5%以内",
                     ("unemployment_rate", 4.5, 4.5, "%", "以内", 2021, False),
                     id="within"),
        pytest.param("居民消费价格涨幅3%左右", ("cpi", 3.0, 3.0, "%", "左右", 2021, False),
                     id="cpi"),
        pytest.param("单位地区生产总值能耗降低3%左右",
                     ("energy_intensity", 3.0, 3.0, "%", "左右", 2021, False),
                     id="energy-intensity-decrease-as-written"),
        pytest.param("粮食产量1.3万亿斤以上",
                     ("grain_output", 1.3, 1.3, "万亿斤", "以上", 2021, False),
                     id="grain-level"),
        pytest.param("规上工业增加值增长8%",
                     ("industrial_value_added", 8.0, 8.0, "%", "", 2021, False),
                     id="industrial-value-added"),
        pytest.param("固定资产投资增长7%以上",
                     ("fixed_asset_investment", 7.0, 7.0, "%", "以上", 2021, False),
                     id="fixed-asset-investment"),
        pytest.param("社会消费品零售总额增长9%",
                     ("retail_sales", 9.0, 9.0, "%", "", 2021, False), id="retail-sales"),
        pytest.param("地方一般公共预算收入增长2%",
                     ("public_budget_revenue", 2.0, 2.0, "%", "", 2021, False),
                     id="budget-revenue"),
        pytest.param("居民人均可支配收入增长5%左右",
                     ("per_capita_income", 5.0, 5.0, "%", "左右", 2021, False),
                     id="per-capita-income"),
        pytest.param("城镇居民人均可支配收入增长6%",
                     ("urban_income", 6.0, 6.0, "%", "", 2021, False), id="urban-income"),
        pytest.param("农村居民人均可支配收入增长7%",
                     ("rural_income", 7.0, 7.0, "%", "", 2021, False), id="rural-income"),
        pytest.param("地区生产总值净增7.5亿元",
                     ("gdp", 7.5, 7.5, "亿元", "", 2021, False), id="absolute-increase"),
        pytest.param("城镇新增就业不少于26万人",
                     ("new_urban_jobs", 26.0, 26.0, "万人", "以上", 2021, False),
                     id="implied-at-least"),
        pytest.param("地区生产总值增长百分之六", ("gdp", 6.0, 6.0, "%", "", 2021, False),
                     id="chinese-percent"),
        pytest.param("地区生产总值增长百分之八至百分之九",
                     ("gdp", 8.0, 9.0, "%", "区间", 2021, False), id="chinese-percent-range"),
        pytest.param("地区生产总值增长百分之七点五到八",
                     ("gdp", 7.5, 8.0, "%", "区间", 2021, False), id="chinese-percent-range-dao"),
        pytest.param("城镇新增就业一万人以上",
                     ("new_urban_jobs", 1.0, 1.0, "万人", "以上", 2021, False),
                     id="chinese-counted"),
        pytest.param("地区生产总值增长8%到9%", ("gdp", 8.0, 9.0, "%", "区间", 2021, False),
                     id="range-dao"),
        pytest.param("地区生产总值增长6 - 7 %", ("gdp", 6.0, 7.0, "%", "区间", 2021, False),
                     id="range-spaced"),
        pytest.param("地区生产总值增长保八争九", ("gdp", 8.0, 8.0, "%", "以上", 2021, False),
                     id="stretch-chinese"),
        # a negated comparison is read before the word it holds (不超过 holds 超过)
        pytest.param("城镇调查失业率不超过5.5%",
                     ("unemployment_rate", 5.5, 5.5, "%", "以内", 2021, False), id="not-over"),
        pytest.param("居民消费价格涨幅不高于3%", ("cpi", 3.0, 3.0, "%", "以内", 2021, False),
                     id="not-higher"),
        pytest.param("粮食产量不低于200万吨", ("grain_output", 200.0, 200.0, "万吨", "以上", 2021,
                                          False), id="not-lower"),
    ],
)
def test_statement_forms(clause: str, expected: tuple[object, ...]) -> None:
    report = _report(STATEMENT.format(clause))
    assert len(report.targets) == 1, report.targets
    target = report.targets[0]
    assert _fields(target) == expected
    assert target.text == normalize(clause.removeprefix("全市")).text
    assert normalize(report.text[target.span.start : target.span.end]).text == target.text


@pytest.mark.parametrize(
    ("clause", "key", "measure"),
    [
        pytest.param("地区生产总值增长5%左右", "gdp", "growth", id="growth-verb"),
        pytest.param("地区生产总值6%左右", "gdp", "growth", id="growth-key-without-verb"),
        pytest.param("居民消费价格涨幅3%左右", "cpi", "growth", id="growth-word-in-indicator"),
        pytest.param("单位地区生产总值能耗降低3%", "energy_intensity", "growth",
                     id="decrease-is-growth"),
        pytest.param("地区生产总值净增7.5亿元", "gdp", "increase", id="net-increase"),
        pytest.param("地区生产总值增加20亿元", "gdp", "increase", id="increase-amount"),
        pytest.param("研发经费投入强度提高0.2个百分点", "other", "increase",
                     id="percentage-points"),
        pytest.param("地区生产总值达到240亿元", "gdp", "level", id="level-reached"),
        pytest.param("地区生产总值增长到240亿元", "gdp", "level", id="grows-to-a-level"),
        pytest.param("粮食产量1.3万亿斤以上", "grain_output", "level", id="level-without-verb"),
        pytest.param("城镇调查失业率5.5%左右", "unemployment_rate", "rate", id="rate"),
        pytest.param("森林覆盖率提高到25%", "other", "rate", id="rate-raised-to"),
        pytest.param("服务业增加值占地区生产总值比重45%", "other", "share", id="share"),
    ],
)
def test_measure(clause: str, key: str, measure: str) -> None:
    report = _report(STATEMENT.format(clause))
    (target,) = report.targets
    assert (target.key, target.measure, target.scope) == (key, measure, "annual")


def test_target_returns_the_growth_rate_not_the_level() -> None:
    """地区生产总值达到240亿元，增长21%: a level and a growth rate; target() is the rate."""
    report = _report(STATEMENT.format("地区生产总值达到240亿元，增长21%"))
    assert [(t.low, t.measure) for t in report.targets] == [(240.0, "level"), (21.0, "growth")]
    target = report.target("gdp")
    assert target is not None
    assert target.low == 21.0


def test_target_is_none_for_an_increment_only() -> None:
    report = _report(STATEMENT.format("地区生产总值净增7.5亿元，固定资产投资增长8%"))
    assert report.target("gdp") is None
    assert [t.measure for t in report.targets if t.key == "gdp"] == ["increase"]


def test_five_year_goals_have_their_scope() -> None:
    report = _report(STATEMENT.format("地区生产总值增长6%左右"),
                     five_year="“十四五”时期的主要目标是：地区生产总值年均增长7%左右。")
    assert [(t.low, t.scope, t.horizon) for t in report.targets] == [
        (7.0, "five_year", 2025), (6.0, "annual", 2021)]
    target = report.target("gdp")
    assert target is not None
    assert target.low == 6.0


@pytest.mark.parametrize(
    "before",
    [
        pytest.param("去年全县地区生产总值增长10.3%，经济运行好于预期。", id="last-year"),
        pytest.param("2020年地区生产总值增长10.3%，经济运行好于预期。", id="named-earlier-year"),
        pytest.param("地区生产总值增长了10.3%，经济运行好于预期。", id="past-particle"),
        pytest.param("在地区生产总值增长10.3%的良好基础上，我们要再接再厉。",
                     id="quoted-before-the-statement"),
    ],
)
def test_the_statement_wins_over_an_outcome_quoted_before_it(before: str) -> None:
    report = _report(before + STATEMENT.format("地区生产总值增长8%左右"))
    assert [t.low for t in report.targets if t.key == "gdp"] == [8.0]
    target = report.target("gdp")
    assert target is not None
    assert target.low == 8.0


def test_a_keyed_figure_outside_a_statement_still_counts_when_the_statement_lacks_it() -> None:
    report = _report("确保粮食产量达到12亿斤以上。" + STATEMENT.format("地区生产总值增长8%左右"))
    assert sorted(t.key for t in report.targets) == ["gdp", "grain_output"]


def test_a_base_year_is_not_an_outcome() -> None:
    report = _report("", five_year="“十四五”时期的主要目标是：地区生产总值比2020年增长40%。")
    assert [(t.low, t.scope) for t in report.targets] == [(40.0, "five_year")]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("今年我们没有提出全年经济增速具体目标，主要考虑是稳就业保民生。",
                     id="not-put-forward"),
        pytest.param("今年不设定地区生产总值增长目标，集中精力抓好稳就业。", id="not-set"),
        pytest.param("This year we have not set a specific target for economic growth.",
                     id="english"),
        pytest.param("NO LONGER set a specific target for GDP growth, we focus on jobs.",
                     id="english-capitals"),
    ],
)
def test_a_stated_absence_is_not_nothing_found(sentence: str) -> None:
    report = _report(sentence + "城镇调查失业率6%左右。")
    target = report.target("gdp")
    assert target is not None
    assert target.absent
    assert (target.low, target.high, target.measure, target.scope) == (None, None, "growth",
                                                                       "annual")
    assert report.text[target.span.start:target.span.end] == target.text
    assert _report(STATEMENT.format("城镇调查失业率6%左右")).target("gdp") is None


def test_a_figure_wins_over_a_stated_absence() -> None:
    report = _report("今年不设定地区生产总值增长目标。力争地区生产总值增长5%左右。")
    target = report.target("gdp")
    assert target is not None
    assert not target.absent
    assert target.low == 5.0


def test_targets_in_chinese_numerals() -> None:
    report = _report(
        "今年主要预期目标是：地区生产总值增长百分之六左右，城镇调查失业率控制在百分之五点五以内，"
        "居民消费价格涨幅百分之三左右。"
    )
    assert [_fields(t) for t in report.targets] == [
        ("gdp", 6.0, 6.0, "%", "左右", 2021, False),
        ("unemployment_rate", 5.5, 5.5, "%", "以内", 2021, False),
        ("cpi", 3.0, 3.0, "%", "左右", 2021, False),
    ]
    assert [t.text for t in report.targets] == [
        "地区生产总值增长百分之六左右", "城镇调查失业率控制在百分之五点五以内", "居民消费价格涨幅百分之三左右",
    ]
    assert [report.text[t.span.start : t.span.end] for t in report.targets] == [
        t.text for t in report.targets]


def test_stretch_target_keeps_its_floor() -> None:
    """保8争9: the target is the floor, 8 以上, and 9 is the figure striven for."""
    report = _report(STATEMENT.format("地区生产总值增长保8争9，城镇新增就业5000人以上"))
    assert [(*_fields(t), t.stretch) for t in report.targets] == [
        ("gdp", 8.0, 8.0, "%", "以上", 2021, False, 9.0),
        ("new_urban_jobs", 5000.0, 5000.0, "人", "以上", 2021, False, None),
    ]
    assert report.targets[0].text == "地区生产总值增长保8争9"
    gdp = report.target("gdp")
    assert gdp is not None
    assert (gdp.low, gdp.stretch) == (8.0, 9.0)


def test_spaced_percent_sign() -> None:
    """８ ％ (full-width, a space between) and 3　% (an ideographic space) are read as 8 % and
    3 %; the spans stay on the source characters."""
    report = _report(STATEMENT.format("地区生产总值增长８ ％左右，居民消费价格涨幅3\u3000%左右"))
    assert [_fields(t) for t in report.targets] == [
        ("gdp", 8.0, 8.0, "%", "左右", 2021, False),
        ("cpi", 3.0, 3.0, "%", "左右", 2021, False),
    ]
    assert [t.text for t in report.targets] == ["地区生产总值增长8 %左右", "居民消费价格涨幅3 %左右"]
    assert [report.text[t.span.start : t.span.end] for t in report.targets] == [
        "地区生产总值增长８ ％左右", "居民消费价格涨幅3\u3000%左右"]


def test_chinese_numeral_words_in_the_plan_are_not_targets() -> None:
    report = _report(STATEMENT.format("地区生产总值增长百分之六")
                     + "今年要建设一个中心，实施三年行动，一般公共预算收入稳定增长，抓好“十四五”规划收官。")
    assert [(t.key, t.low) for t in report.targets] == [("gdp", 6.0)]


def test_grows_by_arrangement_is_a_statement() -> None:
    """生产总值按增长5%安排 (a statement without 目标), not the fiscal 赤字率拟按3%安排."""
    report = _report("全年地区生产总值按增长5%左右安排，外贸进出口总额增长3%。")
    assert [(t.key, t.low) for t in report.targets] == [("gdp", 5.0), ("other", 3.0)]


@pytest.mark.parametrize(
    ("sentence", "low", "qualifier"),
    [
        pytest.param("经济增长调控目标定为8%。", 8.0, "", id="regulation-target-set-at"),
        pytest.param("今年的增长目标为5%左右。", 5.0, "左右", id="bare-growth-target"),
        pytest.param("中央提出今年经济增长预期目标为7%左右，我们要努力实现。", 7.0, "左右",
                     id="words-before-the-time-word"),
        pytest.param("今年全县地区生产总值增长目标确定为6.5%以上。", 6.5, "以上",
                     id="target-determined-as"),
    ],
)
def test_cues_other_than_growth_by(sentence: str, low: float, qualifier: str) -> None:
    report = _report(sentence)
    target = report.target("gdp")
    assert target is not None, report.targets
    assert (target.low, target.qualifier, target.measure) == (low, qualifier, "growth")


@pytest.mark.parametrize("base", ["比去年", "较去年", "比上一年", "与上年相比", "比上年"])
def test_a_comparison_with_last_year_is_a_target(base: str) -> None:
    """去年 in 比去年增长6% is the base of the figure, not an outcome of last year."""
    report = _report(STATEMENT.format(f"地区生产总值{base}增长6%左右"))
    target = report.target("gdp")
    assert target is not None, report.targets
    assert target.low == 6.0


def test_a_five_year_goal_against_a_base_year() -> None:
    report = _report(STATEMENT.format("地区生产总值增长6%"),
                     five_year="“十四五”时期的主要目标是：单位地区生产总值能耗与2020年相比降低13.5%。")
    assert [(t.key, t.low, t.scope) for t in report.targets] == [
        ("energy_intensity", 13.5, "five_year"), ("gdp", 6.0, "annual")]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("在不确定性增加的情况下努力实现经济增长预期目标。", id="uncertainty"),
        pytest.param("今年未提出财政收入增长目标。", id="another-indicator"),
    ],
)
def test_no_false_absence(sentence: str) -> None:
    assert _report(sentence).target("gdp") is None


def test_an_absence_does_not_hide_a_statement_in_its_sentence() -> None:
    report = _report("应对不确定因素，今年主要预期目标是：地区生产总值增长6%左右，"
                     "研发经费投入强度达到2.5%。")
    assert [(t.key, t.low) for t in report.targets] == [("gdp", 6.0), ("other", 2.5)]


def test_gnp_is_its_own_key() -> None:
    """国民生产总值 (the 1980s headline) is gnp: target("gdp") does not return it, and a long
    series takes target("gdp") or target("gnp")."""
    report = _report("计划国民生产总值增长4%，工业总产值增长7%。")
    assert report.target("gdp") is None
    gnp = report.target("gnp")
    assert gnp is not None
    assert (gnp.low, gnp.indicator) == (4.0, "国民生产总值")
    assert (report.target("gdp") or report.target("gnp")) == gnp


def test_growth_over_a_base_year() -> None:
    report = _report("", five_year="“十四五”时期的主要目标是：地区生产总值在2020年基础上增长40%。")
    assert [(t.low, t.scope, t.measure) for t in report.targets] == [
        (40.0, "five_year", "growth")]


def test_respectively_gives_two_targets() -> None:
    report = _report(STATEMENT.format(
        "城乡居民人均可支配收入分别增长6%和7%，居民消费价格涨幅、城镇调查失业率分别控制在3%左右、5%以内"
    ))
    assert [_fields(t) for t in report.targets] == [
        ("urban_income", 6.0, 6.0, "%", "", 2021, False),
        ("rural_income", 7.0, 7.0, "%", "", 2021, False),
        ("cpi", 3.0, 3.0, "%", "左右", 2021, False),
        ("unemployment_rate", 5.0, 5.0, "%", "以内", 2021, False),
    ]
    assert report.targets[2].indicator == "居民消费价格涨幅"
    assert report.targets[3].indicator == "城镇调查失业率"


@pytest.mark.parametrize(
    "clause",
    ["城镇和农村居民人均可支配收入分别增长6%和7%以上", "城镇、农村常住居民人均可支配收入分别增长6%、7%以上"],
)
def test_urban_and_rural_pair(clause: str) -> None:
    report = _report(STATEMENT.format(clause))
    assert [(t.key, t.low, t.qualifier) for t in report.targets] == [
        ("urban_income", 6.0, ""), ("rural_income", 7.0, "以上"),
    ]


def test_one_figure_for_both_urban_and_rural() -> None:
    report = _report(STATEMENT.format("城乡居民人均可支配收入均增长8%以上"))
    assert [(t.key, t.low, t.qualifier) for t in report.targets] == [
        ("urban_income", 8.0, "以上"), ("rural_income", 8.0, "以上"),
    ]


def test_redacted_pair_and_list() -> None:
    report = _report("综合考虑各方面因素，今年全市地区生产总值增长×%，城乡居民人均可支配收入分别增长×%、×%以上。")
    assert [(t.key, t.redacted, t.low, t.high, t.qualifier) for t in report.targets] == [
        ("gdp", True, None, None, ""),
        ("urban_income", True, None, None, ""),
        ("rural_income", True, None, None, "以上"),
    ]


def test_statement_without_colon() -> None:
    report = _report("今年的主要预期目标是地区生产总值增长6.5%左右，一般公共预算收入增长7%。")
    assert [(t.key, t.indicator, t.low) for t in report.targets] == [
        ("gdp", "地区生产总值", 6.5), ("public_budget_revenue", "一般公共预算收入", 7.0),
    ]


def test_cue_after_the_indicator() -> None:
    report = _report("今年的经济增长预期为7%左右。实现这一增长速度并不容易。")
    assert [_fields(t) for t in report.targets] == [("gdp", 7.0, 7.0, "%", "左右", 2021, False)]


def test_other_indicator_keeps_its_words() -> None:
    report = _report(STATEMENT.format("进出口总额增长15%，研发经费投入强度达到2.5%"))
    assert [(t.key, t.indicator, t.low) for t in report.targets] == [
        ("other", "进出口总额", 15.0), ("other", "研发经费投入强度", 2.5),
    ]


@pytest.mark.parametrize(
    "indicator",
    ["开发区规上工业增加值", "工业增加值占GDP比重", "全社会研发经费支出相当于生产总值的比例", "第一产业增加值"],
)
def test_key_only_for_the_whole_phrase(indicator: str) -> None:
    assert key_of(indicator) == "other"


def test_restatement_is_kept_once() -> None:
    report = _report(
        "今年发展主要预期目标是：国内生产总值增长5%左右。经济增长预期目标为5%左右，考虑了多方面因素。"
        "经济增速是综合性指标，今年预期目标设定为5%左右。"
    )
    assert [(t.key, t.low, t.qualifier, t.indicator) for t in report.targets] == [
        ("gdp", 5.0, "左右", "国内生产总值"),
    ]


def test_english_machine_translation() -> None:
    report = _report(
        "Main expected targets for the year: GDP growth of 7.2%; raise general public budget "
        "revenue by no less than 4%; 9 per cent growth in fixed-asset investment; the "
        "disposable income per capita of urban and rural residents should rise by over 6% each; "
        "a 6.5% increase in total retail sales."
    )
    assert [(t.key, t.low, t.qualifier) for t in report.targets] == [
        ("gdp", 7.2, ""),
        ("public_budget_revenue", 4.0, "以上"),
        ("fixed_asset_investment", 9.0, ""),
        ("urban_income", 6.0, "以上"),
        ("rural_income", 6.0, "以上"),
        ("retail_sales", 6.5, ""),
    ]
    assert report.targets[0].text == "GDP growth of 7.2%"


def test_keyed_target_outside_the_statement() -> None:
    report = _report(
        STATEMENT.format("地区生产总值增长6%") + "\n（一）推进乡村振兴\n确保粮食产量达到30亿斤。"
        "新建高标准农田8万亩，其中示范区建设2万亩。赤字率拟按3%安排，赤字规模900亿元。"
    )
    assert [(t.key, t.indicator, t.low, t.unit) for t in report.targets] == [
        ("gdp", "地区生产总值", 6.0, "%"),
        ("grain_output", "粮食产量", 30.0, "亿斤"),
        ("other", "赤字率", 3.0, "%"),
    ]


def test_multi_year_goal_in_the_annual_plan_is_not_an_annual_target() -> None:
    report = _report(STATEMENT.format("地区生产总值增长6%") + "力争三年内全市地区生产总值达到500亿元。")
    assert [(t.key, t.low) for t in report.targets] == [("gdp", 6.0)]


def test_review_figures_are_not_targets() -> None:
    report = _report(
        STATEMENT.format("地区生产总值增长6%以上"),
        review="全县地区生产总值完成88.2亿元，同比增长6.4%，完成了年初确定的增长6%的预期目标。",
    )
    assert [(t.key, t.low) for t in report.targets] == [("gdp", 6.0)]
    assert all(t.horizon == 2021 for t in report.targets)


# --------------------------------------------------------------------------- Five-Year goals


def test_five_year_level_target() -> None:
    report = _report(
        STATEMENT.format("地区生产总值增长6%以上"),
        five_year="过去五年，地区生产总值年均增长5%。“十四五”时期的主要目标是：到“十四五”末，"
                  "地区生产总值达到270亿元，年均增长8%左右。",
    )
    assert [_fields(t) for t in report.targets] == [
        ("gdp", 270.0, 270.0, "亿元", "", 2025, False),
        ("gdp", 8.0, 8.0, "%", "左右", 2025, False),
        ("gdp", 6.0, 6.0, "%", "以上", 2021, False),
    ]
    annual = report.target("gdp")
    assert annual is not None
    assert (annual.low, annual.horizon) == (6.0, 2021)
    assert report.target("cpi") is None


def test_five_year_horizon_from_the_sentence() -> None:
    report = _report(
        STATEMENT.format("地区生产总值增长6%"),
        five_year="今后五年的发展目标是：到2026年地区生产总值突破500亿元。",
    )
    first = report.targets[0]
    assert (first.key, first.low, first.qualifier, first.horizon) == ("gdp", 500.0, "以上", 2026)


@pytest.mark.parametrize(("number", "year"), [(13, 2020), (14, 2025), (15, 2030), (10, 2005)])
def test_plan_end_year(number: int, year: int) -> None:
    assert plan_end_year(number) == year


def test_five_year_heading_names_the_plan() -> None:
    doc = (HEADER + "一、“十三五”时期主要目标任务\n“十三五”时期的主要目标是：城镇新增就业5000万人以上。\n"
           "二、2016年工作安排\n今年发展的主要预期目标是：国内生产总值增长6.5%-7%。\n")
    report = govreport.parse(doc)
    assert report.metadata.plan_year == 2016
    assert [(t.key, t.horizon) for t in report.targets] == [
        ("new_urban_jobs", 2020), ("gdp", 2016),
    ]


# --------------------------------------------------------------------------- spans, keys, cost


def test_spans_are_source_offsets_through_normalisation() -> None:
    """Full-width digits, pinyin and traditional script change offsets; spans stay on the input."""
    doc = (HEADER + "一、2020年工作回顧\n過去一年，經濟運行平穩。\n二、2021年工作安排\n"
           "今年的主要預期目標是：地區(qū)生產總值增長６．５％左右，城鎮新增就業５０００人。\n")
    report = govreport.parse(doc)
    assert [(t.key, t.low, t.unit) for t in report.targets] == [
        ("gdp", 6.5, "%"), ("new_urban_jobs", 5000.0, "人"),
    ]
    assert [report.text[t.span.start : t.span.end] for t in report.targets] == [
        "地區(qū)生產總值增長６．５％左右", "城鎮新增就業５０００人",
    ]
    assert [t.text for t in report.targets] == ["地区生产总值增长6.5%左右", "城镇新增就业5000人"]


def test_key_table_is_complete() -> None:
    keys = {"gdp", "gnp", "industrial_value_added", "fixed_asset_investment", "retail_sales",
            "public_budget_revenue", "urban_income", "rural_income", "per_capita_income", "cpi",
            "unemployment_rate", "new_urban_jobs", "energy_intensity", "grain_output", "other"}
    assert set(INDICATOR_KEYS) == keys
    docs = (GOLDEN.parent.parent / "docs" / "targets.md").read_text(encoding="utf-8")
    for key in keys:
        assert f"`{key}`" in docs


def test_adversarial_input_stays_linear() -> None:
    """Long runs that could make a backtracking pattern explode: digits, %, 、 and words."""
    text = ("地区生产总值" * 4000 + "1%、" * 4000 + "从" + "1" * 4000 + "增长到" + "×" * 3000
            + "、和" * 3000 + "%")
    start = time.perf_counter()
    scan_items(text, 0, len(text))
    scan_items(text, 0, len(text), keyed_only=True)
    assert time.perf_counter() - start < 5.0


# --------------------------------------------------------------------------- goldens


def _golden(name: str) -> object:
    return json.loads((GOLDEN / "targets" / name).read_text(encoding="utf-8"))


GDP = _golden("gdp.json")
assert isinstance(GDP, dict)


def _reports(path: str) -> tuple[list[Report], str]:
    text = shared_text(path)
    if path.startswith("seeds/001_"):
        return list(govreport.parse_many(text)), text
    return [govreport.parse(text, source=path)], text


@pytest.mark.parametrize("name", sorted(GDP))
def test_gdp_golden(name: str) -> None:
    expected = GDP[name]
    path, _, number = name.partition("#")
    reports, _ = _reports(path)
    report = reports[int(number) - 1] if number else reports[0]
    target = report.target("gdp")
    if expected["offset"] is None:
        assert target is None
        return
    if expected.get("measure", "growth") != "growth":
        # the report states no growth rate: target() finds none, the figure stays in targets
        assert target is None, f"{name}: target() returned a {target.measure}"
        target = next((t for t in report.targets
                       if t.key == "gdp" and t.span.start + report.offset == expected["offset"]),
                      None)
        assert target is not None, f"no GDP figure in {name}"
        assert target.measure == expected["measure"]
    assert target is not None, f"no GDP target in {name}"
    assert (target.low, target.high, target.unit, target.qualifier, target.redacted,
            target.horizon) == (expected["low"], expected["high"], expected["unit"],
                                expected["qualifier"], expected["redacted"], expected["horizon"])
    assert target.span.start + report.offset == expected["offset"]


@pytest.mark.parametrize(
    "name", ["annual_national_2024.json", "annual_provincial_2025年山西省政府工作报告.json"]
)
def test_annual_targets_golden(name: str) -> None:
    golden = _golden(name)
    assert isinstance(golden, dict)
    (report,), text = _reports(golden["path"])
    assert report.metadata.plan_year == golden["plan_year"]
    by_offset = {t.span.start: t for t in report.targets}
    for exp in golden["targets"]:
        target = by_offset.get(exp["offset"])
        assert target is not None, f"missing {exp['snippet']}"
        assert (target.key, target.indicator, target.low, target.high, target.unit,
                target.qualifier, target.horizon) == (
            exp["key"], exp["indicator"], exp["low"], exp["high"], exp["unit"],
            exp["qualifier"], golden["plan_year"]), exp["snippet"]
    # the main statement holds exactly the golden's quantified items
    start = golden["statement"]["offset"]
    end = text.index("。", start)
    inside = sorted(t.span.start for t in report.targets if start <= t.span.start < end)
    assert inside == sorted(e["offset"] for e in golden["targets"] if e["in_main_statement"])
    # items without a figure, budget amounts and sector figures are not targets
    for exp in (golden.get("unquantified", []) + golden.get("fiscal_arrangements", [])
                + golden.get("sector_targets", [])):
        assert exp["offset"] not in by_offset, exp["snippet"]


def _every_shared_report() -> list[tuple[str, Report]]:
    out = []
    for name in sorted(GDP):
        path, _, number = name.partition("#")
        if number in ("", "1"):
            reports, _ = _reports(path)
            out += [(f"{path}#{i}", r) for i, r in enumerate(reports, 1)]
    return out


def test_target_is_always_an_annual_growth_rate() -> None:
    """``target("gdp")`` never returns a level, an increment or a Five-Year goal, on every
    report in ../shared."""
    found = 0
    for name, report in _every_shared_report():
        target = report.target("gdp")
        if target is not None:
            found += 1
            assert (target.measure, target.scope) == ("growth", "annual"), name
            assert target.unit == "%" or target.redacted, name
    assert found >= 25


def test_every_provincial_report_has_a_gdp_target_in_the_golden() -> None:
    """The golden covers the whole provincial corpus (so a new report is not forgotten)."""
    corpus = SHARED / "corpus" / "provincial"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent")
    names = {f"corpus/provincial/{p.name}" for p in corpus.glob("*.txt")}
    assert names <= set(GDP)


def test_national_2016_gdp_rows_say_which_is_which() -> None:
    """The 2016 national report gives three GDP figures: growth of 6.5% 以上 a year over the
    13th Five-Year period, a level of 90 万亿元 by 2020, and 6.5%–7% this year; measure and
    scope tell them apart, and target() is this year's growth."""
    (report,), _ = _reports("corpus/national/2016.txt")
    rows = [(t.low, t.high, t.unit, t.qualifier, t.measure, t.scope, t.horizon)
            for t in report.targets if t.key == "gdp"]
    assert rows == [(6.5, 6.5, "%", "以上", "growth", "five_year", 2020),
                    (90.0, 90.0, "万亿元", "以上", "level", "five_year", 2020),
                    (6.5, 7.0, "%", "区间", "growth", "annual", 2016)]
    target = report.target("gdp")
    assert target is not None
    assert (target.low, target.high) == (6.5, 7.0)

"""Achieved indicators (``report.indicators``): figures of the review for the keyed indicators,
on small made-up sentences, then ``tests/golden/indicators_sample.json`` from the real reports."""

from __future__ import annotations

import json

import pytest

import govreport
from govreport.models import Indicator, Report

from .conftest import GOLDEN, shared_text

HEADER = (
    "2021年清河县政府工作报告\n"
    "2021年4月13日在清河县第十七届人民代表大会第一次会议上\n"
    "县长 王小明\n"
    "各位代表：\n"
    "现在，我代表县人民政府向大会报告工作，请予审议。\n"
)


def _report(review: str, plan: str = "今年要扎实做好各项工作。") -> Report:
    return govreport.parse(
        HEADER + "一、2020年工作回顾\n" + review + "\n二、2021年工作安排\n" + plan + "\n"
    )


def _fields(i: Indicator) -> tuple[object, ...]:
    return (i.key, i.value, i.unit, i.growth)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("全县地区生产总值完成88.2亿元，同比增长6.4%。",
                     [("gdp", 88.2, "亿元", 6.4)], id="value-and-growth"),
        pytest.param("全市生产总值增长5%。", [("gdp", None, "", 5.0)], id="growth-only"),
        pytest.param("国内生产总值超过126万亿元，增长5.2%。",
                     [("gdp", 126.0, "万亿元", 5.2)], id="value-qualifier-dropped"),
        pytest.param("全区地区生产总值同比增长6.1%、突破2万亿元大关。",
                     [("gdp", 2.0, "万亿元", 6.1)], id="growth-then-value"),
        pytest.param("城镇调查失业率平均为5.2%。",
                     [("unemployment_rate", 5.2, "%", None)], id="rate-is-a-value"),
        pytest.param("居民消费价格上涨0.2%。", [("cpi", None, "", 0.2)], id="cpi-rise"),
        pytest.param("单位地区生产总值能耗下降3.1%。",
                     [("energy_intensity", None, "", -3.1)], id="decrease-is-negative"),
        pytest.param("城镇新增就业1.2万人，粮食产量2.4亿斤。",
                     [("new_urban_jobs", 1.2, "万人", None), ("grain_output", 2.4, "亿斤", None)],
                     id="levels"),
        pytest.param("城乡居民人均可支配收入分别增长6.1%和7.3%。",
                     [("urban_income", None, "", 6.1), ("rural_income", None, "", 7.3)],
                     id="urban-rural-pair"),
        pytest.param("一般公共预算收入完成9.6亿元、增长8.1%，规上工业增加值增长9%。",
                     [("public_budget_revenue", 9.6, "亿元", 8.1),
                      ("industrial_value_added", None, "", 9.0)], id="list"),
        pytest.param("地区生产总值完成×亿元，同比增长×%。", [("gdp", None, "亿元", None)],
                     id="redacted"),
        pytest.param("全县地区生产总值增长百分之七点五。", [("gdp", None, "", 7.5)],
                     id="chinese-percent-growth"),
        pytest.param("地区生产总值完成三千亿元，同比增长百分之六点二。",
                     [("gdp", 3000.0, "亿元", 6.2)], id="chinese-value-and-growth"),
        pytest.param("单位地区生产总值能耗下降百分之三。",
                     [("energy_intensity", None, "", -3.0)], id="chinese-decrease"),
        pytest.param("城镇调查失业率下降0.3个百分点。", [], id="percentage-points-skipped"),
        pytest.param("城镇调查失业率下降零点三个百分点。", [],
                     id="chinese-percentage-points-skipped"),
        pytest.param("建成高标准农田7.2万亩，新增市场主体1.1万户。", [], id="other-figures-skipped"),
    ],
)
def test_review_forms(sentence: str, expected: list[tuple[object, ...]]) -> None:
    report = _report("过去一年，经济运行平稳。" + sentence)
    assert [_fields(i) for i in report.indicators] == expected
    for indicator in report.indicators:
        assert report.text[indicator.span.start : indicator.span.end] == indicator.text


def test_value_and_growth_text_and_span() -> None:
    report = _report("过去一年，全县地区生产总值完成88.2亿元，同比增长6.4%，增速居全市第二。")
    (gdp,) = report.indicators
    assert gdp.text == "地区生产总值完成88.2亿元，同比增长6.4%"
    assert report.text[gdp.span.start : gdp.span.end] == gdp.text


def test_targets_are_not_indicators() -> None:
    report = _report("过去一年，全县地区生产总值增长6.4%。",
                     plan="今年的主要预期目标是：地区生产总值增长6%以上，城镇新增就业4200人。")
    assert [_fields(i) for i in report.indicators] == [("gdp", None, "", 6.4)]
    assert [t.key for t in report.targets] == ["gdp", "new_urban_jobs"]


def test_spans_are_source_offsets() -> None:
    report = _report("過去一年，全縣地區生產總值完成８８．２億元，同比增長６．４％。")
    (gdp,) = report.indicators
    assert (gdp.value, gdp.unit, gdp.growth) == (88.2, "亿元", 6.4)
    assert report.text[gdp.span.start : gdp.span.end] == "地區生產總值完成８８．２億元，同比增長６．４％"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        pytest.param("全县地区生产总值完成88.2亿元，同比增长6.4%。", [(88.2, 6.4, False)],
                     id="one-year"),
        pytest.param("五年来，地区生产总值年均增长7.1%。", [(None, 7.1, True)], id="average-verb"),
        pytest.param("地区生产总值达到88.2亿元，年均增长7.1%。", [(88.2, 7.1, True)],
                     id="average-continuation"),
        pytest.param("五年来，经济年均增长7.1%。", [(None, 7.1, True)], id="average-in-indicator"),
        pytest.param("全县经济增长6.4%，增速居全市前列。", [(None, 6.4, False)],
                     id="growth-named-by-the-indicator"),
        pytest.param("地区生产总值达到88.2亿元。", [(88.2, None, False)], id="level-is-not-average"),
    ],
)
def test_average_annual_growth_is_flagged(sentence: str,
                                          expected: list[tuple[object, ...]]) -> None:
    report = _report("过去一年，经济运行平稳。" + sentence)
    assert [(i.value, i.growth, i.average) for i in report.indicators
            if i.key == "gdp"] == expected


def test_last_year_and_five_year_average_side_by_side() -> None:
    report = _report("五年来，全县地区生产总值年均增长7.2%。过去一年，全县地区生产总值增长5.3%。")
    assert [(i.growth, i.average) for i in report.indicators] == [(7.2, True), (5.3, False)]


# --------------------------------------------------------------------------- golden

SAMPLE = json.loads((GOLDEN / "indicators_sample.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "expected", SAMPLE, ids=[f"{e['path'].rsplit('/', 1)[-1]}:{e['key']}" for e in SAMPLE]
)
def test_indicators_golden(expected: dict[str, object]) -> None:
    report = govreport.parse(shared_text(str(expected["path"])))
    found = [i for i in report.indicators if i.span.start == expected["offset"]]
    assert found, f"no indicator at {expected['offset']} ({expected['snippet']})"
    indicator = found[0]
    # the golden writes null for "no unit"; the model's unit is a str, "" when there is none
    assert (indicator.key, indicator.value, indicator.unit or None, indicator.growth) == (
        expected["key"], expected["value"], expected["unit"], expected["growth"])
    assert str(expected["indicator"]) in indicator.text


def test_a_figure_continues_after_a_few_words() -> None:
    """…突破300亿元大关，增长5.3%: the growth belongs to the level before the words."""
    report = govreport.parse(
        "2021年清河县政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
        "一、2020年工作回顾\n全县地区生产总值突破300亿元大关，增长5.3%，经济运行稳中向好。\n"
        "二、2021年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。\n")
    (gdp,) = [i for i in report.indicators if i.key == "gdp"]
    assert (gdp.value, gdp.unit, gdp.growth) == (300.0, "亿元", 5.3)


def test_a_base_year_keeps_the_indicator() -> None:
    report = govreport.parse(
        "2021年清河县政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
        "一、“十三五”时期工作回顾\n五年来，全县发展取得新成就。经济总量比2015年增长40%。\n"
        "二、2021年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。\n")
    assert [(i.key, i.growth) for i in report.indicators] == [("gdp", 40.0)]


@pytest.mark.parametrize("words", ["由80亿元增长到150亿元", "从80亿元增加到150亿元"])
def test_from_to_gives_the_level_reached(words: str) -> None:
    """由X增长到Y，年均增长Z%: the level reached is Y, with its average growth."""
    report = govreport.parse(
        "2021年清河县政府工作报告\n各位代表：\n现在，我代表县人民政府向大会报告工作。\n"
        f"一、“十三五”时期工作回顾\n五年来，地区生产总值{words}，年均增长13.4%。\n"
        "二、2021年工作安排\n今年主要预期目标是：地区生产总值增长6%左右。\n")
    assert [(i.key, i.value, i.growth, i.average) for i in report.indicators] == [
        ("gdp", 150.0, 13.4, True)]

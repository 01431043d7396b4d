"""Property: a generated annual plan states its GDP growth target in any number form, after
outcome sentences that quote other figures for the same indicator, and ``report.target("gdp")``
reads back exactly the generated target (issue 12).

The drawing does not follow the parser: the number forms (Arabic, full-width, spaced sign,
Chinese numerals after 百分之, ranges with 至/到/—/-), the cue (主要预期目标是, 目标定为, 按…安排,
预期为 …), the outcome sentences placed before the statement (去年…, a named earlier year,
增长了, quoted in a 基础上 clause) and a level stated beside the target are independent draws.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

import govreport

HEADER = (
    "{year}年示例县政府工作报告\n"
    "县长 李明\n"
    "各位代表：\n"
    "现在，我代表县人民政府向大会报告工作，请予审议。\n"
    "一、{prev}年工作回顾\n"
    "过去一年，全县经济运行总体平稳，民生持续改善。\n"
    "二、{year}年工作安排\n"
    "今年政府工作的总体要求是，坚持稳中求进工作总基调。\n"
)

_DIGITS = "〇一二三四五六七八九"


def _cjk_int(n: int) -> str:
    if n < 10:
        return _DIGITS[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[units] if units else "")


def _cjk(value: float) -> str:
    whole, half = int(value), value != int(value)
    return _cjk_int(whole) + ("点五" if half else "")


def _arabic(value: float) -> str:
    return f"{value:g}"


_FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


@dataclass(frozen=True)
class Drawn:
    low: float
    high: float
    qualifier: str
    phrase: str  # the target as written after the indicator, verb included


#: figures in halves from 1 to 15
_VALUES = st.integers(2, 30).map(lambda n: n / 2)


@st.composite
def targets(draw: st.DrawFn) -> Drawn:
    low = draw(_VALUES)
    ranged = draw(st.booleans())
    high = low + draw(st.sampled_from([0.5, 1.0])) if ranged else low
    qualifier = "区间" if ranged else draw(st.sampled_from(["左右", "以上", ""]))
    form = draw(st.sampled_from(["arabic", "full_width", "spaced", "chinese"]))
    suffix = "" if ranged else qualifier
    if form == "chinese":
        number = f"百分之{_cjk(low)}" + (
            f"{draw(st.sampled_from(['至', '到']))}{_cjk(high)}" if ranged else "")
    else:
        sep = draw(st.sampled_from(["-", "—", "至", "到"]))
        figure = f"{_arabic(low)}{sep}{_arabic(high)}%" if ranged else f"{_arabic(low)}%"
        if form == "full_width":
            figure = figure.translate(_FULL_WIDTH)
        elif form == "spaced":
            figure = figure.replace("%", " %")
        number = figure
    verb = draw(st.sampled_from(["增长", "比上年增长", "比去年增长", "较去年增长", "比上一年增长"]))
    return Drawn(low, high, qualifier, f"{verb}{number}{suffix}")


_INDICATORS = ("地区生产总值", "全县地区生产总值", "生产总值")


@st.composite
def outcomes(draw: st.DrawFn, prev: int, avoid: float) -> str:
    """A sentence quoting an achieved figure for the same indicator (never the target)."""
    value = draw(_VALUES.filter(lambda v: v != avoid))
    figure = f"{_arabic(value)}%"
    indicator = draw(st.sampled_from(_INDICATORS))
    return draw(st.sampled_from([
        f"去年{indicator}增长{figure}，好于预期。",
        f"{prev}年{indicator}增长{figure}，经济运行稳中有进。",
        f"{indicator}增长了{figure}，为今年打下了良好基础。",
        f"在{prev}年{indicator}增长{figure}的良好基础上，我们要再接再厉。",
    ]))


@st.composite
def plans(draw: st.DrawFn) -> tuple[str, Drawn, int]:
    year = draw(st.integers(1995, 2030))
    target = draw(targets())
    before = draw(st.lists(outcomes(year - 1, target.low), min_size=0, max_size=3))
    indicator = draw(st.sampled_from(_INDICATORS))
    level = draw(st.sampled_from(["", "地区生产总值达到{n}亿元，".format(n=draw(
        st.integers(100, 900)))]))
    statement = draw(st.sampled_from([
        "今年全县经济社会发展的主要预期目标是：{level}{ind}{t}，一般公共预算收入增长5%。",
        "综合考虑各方面因素，今年{level}{ind}的预期目标定为{t}。",
        "今年{level}{ind}按{t}安排，其他指标与之衔接。",
        "全年主要预期目标为：{level}{ind}{t}，城镇调查失业率控制在5.5%以内。",
    ]))
    phrase = target.phrase
    if "目标定为" in statement:
        phrase = phrase.split("增长", 1)[1]
    text = (HEADER.format(year=year, prev=year - 1) + "".join(before)
            + statement.format(level=level, ind=indicator, t=phrase) + "\n"
            + "三、加强政府自身建设\n我们要坚持依法行政。\n")
    return text, target, year


@given(plans())
def test_the_stated_target_wins_in_every_number_form(plan: tuple[str, Drawn, int]) -> None:
    text, drawn, year = plan
    report = govreport.parse(text)
    target = report.target("gdp")
    assert target is not None, [t.text for t in report.targets]
    assert (target.low, target.high, target.qualifier) == (drawn.low, drawn.high,
                                                           drawn.qualifier), target.text
    assert (target.measure, target.scope, target.horizon) == ("growth", "annual", year)
    # no outcome figure is a GDP growth target, and the level stays a level
    assert [t.low for t in report.targets
            if t.key == "gdp" and t.measure == "growth"] == [drawn.low]
    assert all(t.measure == "level" for t in report.targets if t.key == "gdp" and t.unit == "亿元")

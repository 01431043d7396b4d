"""The value grammar (govreport/numbers.py) on the cases of tests/fixtures/numbers.txt, figures
one by one, and the items quantities builds on it. Sentences are our own wording."""

from __future__ import annotations

import pytest

from govreport import numbers, quantities
from govreport.numbers import VALUE, VALUE_RUN, Value, number, read_values
from govreport.quantities import scan_items

from .fixture_files import Case, params


def _fmt(x: float | None) -> str:
    return "None" if x is None else f"{x:g}"


def _show(text: str, value: Value) -> str:
    parts = [f"{text[value.start:value.end]} →", _fmt(value.low), _fmt(value.high), value.unit,
             value.qualifier or "-"]
    if value.stretch is not None:
        parts.append(f"stretch={_fmt(value.stretch)}")
    if value.redacted:
        parts.append("redacted")
    return " ".join(parts)


def _read(line: str) -> str:
    """The values of every run in ``line`` as an expected line of the fixture file."""
    text, _, implied = line.partition(" @")
    shown = [_show(text, v)
             for run in VALUE_RUN.finditer(text)
             for v in read_values(text, run.start(), run.end(), implied)]
    return " | ".join(shown) or "(none)"


@pytest.mark.parametrize("case", params("numbers.txt"))
def test_values(case: Case) -> None:
    lines = case.input.splitlines()
    expected = case.expected.splitlines()
    assert len(lines) == len(expected), "one expected line per input line"
    got = [_read(line) for line in lines]
    assert [f"{t}: {g}" for t, g in zip(lines, got, strict=True)] == [
        f"{t}: {e}" for t, e in zip(lines, expected, strict=True)]


@pytest.mark.parametrize("case", params("numbers.txt"))
def test_values_found_by_value_and_by_runs_agree(case: Case) -> None:
    """``read_values`` over a whole line finds the values the runs hold, and each value of a
    run is a ``VALUE`` match there."""
    for line in case.input.splitlines():
        text, _, implied = line.partition(" @")
        in_runs = [v for run in VALUE_RUN.finditer(text)
                   for v in read_values(text, run.start(), run.end(), implied)]
        assert list(read_values(text, 0, len(text), implied)) == in_runs
        for v in in_runs:
            m = VALUE.match(text, v.start)
            assert m is not None
            assert m.end() == v.end


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("6.5", 6.5), ("1200", 1200.0), ("0.5", 0.5),
        ("六", 6.0), ("两", 2.0), ("十", 10.0), ("十二", 12.0), ("二十", 20.0),
        ("九十九", 99.0), ("一百二十", 120.0), ("一百零五", 105.0), ("一百二", 120.0),
        ("三千五", 3500.0), ("两千零一十", 2010.0), ("百", 100.0),
        ("七点五", 7.5), ("零点五", 0.5), ("零点零五", 0.05), ("一点二", 1.2),
        ("〇", 0.0), ("零", 0.0),
        ("×", None), ("××", None), ("", None),
        ("三四", None), ("二〇二五", None), ("点五", None), ("七点", None), ("百二十", None),
        ("十百", None), ("一点两", None), ("一万", None),
    ],
)
def test_number(written: str, expected: float | None) -> None:
    assert number(written) == expected


def test_implied_qualifier_is_asked_once_and_only_when_needed() -> None:
    calls: list[str] = []

    def implied() -> str:
        calls.append("asked")
        return "以上"

    text = "增长6%左右、7%以上"
    assert [v.qualifier for v in read_values(text, 0, len(text), implied)] == ["左右", "以上"]
    assert calls == []
    text = "增长6%、百分之七和8%"
    assert [v.qualifier for v in read_values(text, 0, len(text), implied)] == ["以上"] * 3
    assert calls == ["asked"]


def test_read_values_keeps_to_its_span() -> None:
    text = "增长6%，增长百分之七"
    assert [v.low for v in read_values(text, 0, 4)] == [6.0]
    assert [(v.low, v.start) for v in read_values(text, 4, len(text))] == [(7.0, 7)]


def test_overflowing_figure_is_no_value() -> None:
    text = "增长" + "9" * 400 + "%"
    assert VALUE_RUN.search(text) is not None
    assert read_values(text, 0, len(text)) == ()


def test_value_is_one_class_shared_with_quantities() -> None:
    assert quantities.Value is numbers.Value
    value = Value(low=6.0, high=6.0, unit="%", qualifier="", redacted=False, start=0, end=2)
    assert value.stretch is None


# --------------------------------------------------------------------------- items


@pytest.mark.parametrize("keyed_only", [False, True], ids=["all", "keyed-only"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("地区生产总值增长百分之六", ("地区生产总值", "增长", 6.0, 6.0, "%", "", None)),
        ("全省地区生产总值增长百分之七点五左右",
         ("地区生产总值", "增长", 7.5, 7.5, "%", "左右", None)),
        ("城镇调查失业率控制在百分之五点五以内",
         ("城镇调查失业率", "控制在", 5.5, 5.5, "%", "以内", None)),
        ("居民消费价格涨幅百分之三左右", ("居民消费价格涨幅", "", 3.0, 3.0, "%", "左右", None)),
        ("固定资产投资增长百分之八至九", ("固定资产投资", "增长", 8.0, 9.0, "%", "区间", None)),
        ("城镇新增就业一万人以上", ("城镇新增就业", "", 1.0, 1.0, "万人", "以上", None)),
        ("一般公共预算收入不低于三千亿元",
         ("一般公共预算收入", "不低于", 3000.0, 3000.0, "亿元", "以上", None)),
        ("地区生产总值增长保八争九", ("地区生产总值", "增长", 8.0, 8.0, "%", "以上", 9.0)),
        ("地区生产总值保8争9", ("地区生产总值", "", 8.0, 8.0, "%", "以上", 9.0)),
        ("地区生产总值增长8 %左右", ("地区生产总值", "增长", 8.0, 8.0, "%", "左右", None)),
        ("地区生产总值增长8%到9%", ("地区生产总值", "增长", 8.0, 9.0, "%", "区间", None)),
    ],
)
def test_indicator_and_verb_before_a_value(text: str, expected: tuple[object, ...],
                                          keyed_only: bool) -> None:
    (item,) = scan_items(text, 0, len(text), keyed_only=keyed_only)
    (value,) = item.values
    assert (item.indicator, item.verb, value.low, value.high, value.unit, value.qualifier,
            value.stretch) == expected
    assert text[item.start:value.end] == text.removeprefix("全省")


def test_keyed_scan_finds_chinese_figures_after_key_words() -> None:
    """The keyed scan looks for runs only near key words (``quantities.KEY_HINT``): the
    Chinese-numeral runs there are found, a figure far from any key word is not."""
    filler = "，各项工作扎实推进" * 12
    text = (f"新建道路一百公里{filler}，全市地区生产总值增长百分之七点五，"
            "城镇调查失业率控制在百分之五点五以内。")
    keyed = scan_items(text, 0, len(text), keyed_only=True)
    assert [(i.indicator, i.values[0].low) for i in keyed] == [
        ("地区生产总值", 7.5), ("城镇调查失业率", 5.5)]
    every = scan_items(text, 0, len(text))
    assert [(i.indicator, i.values[0].low) for i in every] == [
        ("新建道路", 100.0), ("地区生产总值", 7.5), ("城镇调查失业率", 5.5)]


def test_words_with_chinese_numerals_give_no_item() -> None:
    text = ("今年要建设一个中心，编制好“十四五”规划，一般公共预算收入稳定增长，实施三年行动，"
            "促进两岸交流，抓好三农工作，做好十个方面工作，惠及千家万户。")
    assert scan_items(text, 0, len(text)) == []
    assert scan_items(text, 0, len(text), keyed_only=True) == []

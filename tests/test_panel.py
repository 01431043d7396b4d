"""``govreport.panel``: targets of year t beside the outcomes year t+1's report states.

Generated reports of one region over several years (our own wording, parsed with
``govreport.parse``) are checked row by row against what was drawn; then the region key, the
comparison rules, skipped reports, and real reports of ../shared."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govreport
from govreport import Report
from govreport.models import Target
from govreport.panel import (
    PANEL_COLUMNS,
    PROVINCES,
    PanelRow,
    Skipped,
    compare,
    outcome_of,
    panel,
    region_key,
)

from .conftest import shared_text

# --------------------------------------------------------------------------- generated reports

#: invented place stems; the suffix is drawn
STEMS = ("清河", "青川", "东山", "白石", "云岭", "南溪", "桃源", "石门", "长林", "西峰")
#: suffix → (the unit in 我代表…人民政府, the scope word 全县/全市 …, other names of the place
#: the metadata may carry: a 市 may be dropped, a 县/区/旗 never)
SUFFIXES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "县": ("县", "全县", ("{stem}县",)),
    "市": ("市", "全市", ("{stem}市", "{stem}")),
    "区": ("区", "全区", ("{stem}区",)),
    "旗": ("旗", "全旗", ("{stem}旗",)),
}
#: province-level places: full name → (unit, scope, other names)
PROVINCIAL: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "江西省": ("省", "全省", ("江西省", "江西")),
    "新疆维吾尔自治区": ("自治区", "全区", ("新疆维吾尔自治区", "新疆")),
    "北京市": ("市", "全市", ("北京市", "北京")),
}
FORMS = ("about", "floor", "range", "point", "absent", "none")
ABSENT = ("综合考虑各方面因素，今年不设定地区生产总值具体增长目标。",
          "今年我们不再设定经济增长具体目标，集中精力抓好结构调整。")


@attrs.frozen
class Place:
    name: str  # as written in the title
    unit: str
    scope: str
    forms: tuple[str, ...]  # names the metadata may carry for it


@attrs.frozen
class Year:
    """One drawn report: the target of ``year`` and the outcome of ``year - 1``."""

    year: int
    form: str
    low: float
    high: float
    dash: str
    absent: str
    outcome: float | None  # the growth of year - 1 the review states (None: not stated)
    level: float
    average: float | None  # a five-year average stated before it (never the outcome)
    cumulative: float | None  # growth over a base year six years back (never the outcome)
    name: str  # the region name the report's metadata carries


def tenths(lo: int, hi: int) -> st.SearchStrategy[float]:
    return st.integers(lo, hi).map(lambda n: n / 10)


@st.composite
def places(draw: st.DrawFn) -> Place:
    if draw(st.integers(0, 4)) == 0:
        name = draw(st.sampled_from(sorted(PROVINCIAL)))
        unit, scope, forms = PROVINCIAL[name]
        return Place(name, unit, scope, forms)
    stem = draw(st.sampled_from(STEMS))
    suffix = draw(st.sampled_from(sorted(SUFFIXES)))
    unit, scope, forms = SUFFIXES[suffix]
    return Place(stem + suffix, unit, scope, tuple(f.format(stem=stem) for f in forms))


@st.composite
def years(draw: st.DrawFn, place: Place, year: int) -> Year:
    low_tenths = draw(st.integers(30, 120))
    return Year(
        year=year,
        form=draw(st.sampled_from(FORMS)),
        low=low_tenths / 10,
        high=(low_tenths + draw(st.sampled_from([5, 10]))) / 10,
        dash=draw(st.sampled_from(["-", "—", "至"])),
        absent=draw(st.sampled_from(ABSENT)),
        outcome=draw(st.none() | tenths(-40, 150)),
        level=draw(tenths(100, 99999)),
        average=draw(st.none() | tenths(10, 150)),
        cumulative=draw(st.none() | st.integers(20, 90).map(float)),
        name=draw(st.sampled_from(place.forms)),
    )


def num(x: float) -> str:
    return f"{x:g}"


def target_phrase(y: Year) -> str:
    """The words the plan states the GDP target with ("" for absent and none)."""
    if y.form == "about":
        return f"地区生产总值增长{num(y.low)}%左右"
    if y.form == "floor":
        return f"地区生产总值增长{num(y.low)}%以上"
    if y.form == "range":
        first = f"{num(y.low)}%" if y.dash != "至" else num(y.low)
        return f"地区生产总值增长{first}{y.dash}{num(y.high)}%"
    if y.form == "point":
        return f"地区生产总值增长{num(y.low)}%"
    return ""


def outcome_phrase(y: Year) -> str:
    assert y.outcome is not None
    verb = "同比增长" if y.outcome >= 0 else "同比下降"
    return f"地区生产总值完成{num(y.level)}亿元，{verb}{num(abs(y.outcome))}%"


def render(place: Place, y: Year) -> str:
    review = "过去一年，我们顶住压力、稳中求进。"
    if y.average is not None:
        review += f"五年来，{place.scope}地区生产总值年均增长{num(y.average)}%。"
    if y.outcome is not None:
        review += f"{place.scope}{outcome_phrase(y)}。"
    if y.cumulative is not None:
        review += f"{place.scope}经济总量比{y.year - 6}年增长{num(y.cumulative)}%。"
    review += "产业结构持续优化，民生保障更加有力。"
    phrase = target_phrase(y)
    plan = "今年经济社会发展的主要预期目标是：" + (f"{phrase}，" if phrase else "")
    plan += "城镇新增就业4500人，一般公共预算收入增长5%。"
    if y.form == "absent":
        plan += y.absent
    return (
        f"{y.year}年{place.name}政府工作报告\n"
        f"——{y.year}年1月12日在{place.name}第五届人民代表大会第二次会议上\n"
        "各位代表：\n"
        f"现在，我代表{place.unit}人民政府向大会报告工作，请予审议，并请政协委员提出意见。\n"
        f"一、{y.year - 1}年工作回顾\n{review}\n"
        f"二、{y.year}年工作安排\n{plan}\n"
        "三、加强政府自身建设\n我们将坚持依法行政，持续改进作风。\n"
    )


@attrs.frozen
class Drawn:
    place: Place
    years: tuple[Year, ...]  # the years that have a report, in order
    order: tuple[int, ...]  # the order the reports are given to panel()


@st.composite
def series(draw: st.DrawFn) -> Drawn:
    place = draw(places())
    first = draw(st.integers(2001, 2030))
    present = draw(st.lists(st.booleans(), min_size=2, max_size=6).filter(any))
    drawn = tuple(draw(years(place, first + i)) for i, here in enumerate(present) if here)
    order = tuple(draw(st.permutations(range(len(drawn)))))
    return Drawn(place, drawn, order)


def parsed(place: Place, y: Year) -> Report:
    report = govreport.parse(render(place, y), source=f"{place.name}-{y.year}.txt")
    assert report.metadata.region == place.name, "the generator's title names the region"
    assert report.metadata.plan_year == y.year
    # the metadata of another year's report may carry another name of the same place
    return attrs.evolve(report, metadata=attrs.evolve(report.metadata, region=y.name))


def expected_comparison(y: Year, outcome: float | None
                        ) -> tuple[float | None, float | None, bool | None]:
    """Reference, gap and met as docs/panel.md states them, for the drawn target."""
    if y.form in ("absent", "none"):
        return None, None, None
    reference = (y.low + y.high) / 2 if y.form == "range" else y.low
    if outcome is None:
        return reference, None, None
    met = y.low <= outcome <= y.high if y.form == "range" else outcome >= y.low
    return reference, round(outcome - reference, 6), met


@given(series())
def test_generated_series_row_by_row(drawn: Drawn) -> None:
    reports = {y.year: parsed(drawn.place, y) for y in drawn.years}
    by_year = {y.year: y for y in drawn.years}
    rows = panel([reports[drawn.years[i].year] for i in drawn.order])
    assert [row.year for row in rows] == [y.year for y in drawn.years], "sorted, one per year"
    for row in rows:
        y = by_year[row.year]
        report = reports[row.year]
        assert (row.region, row.key, row.region_name) == (region_key(drawn.place.name), "gdp",
                                                         y.name)
        # the target side
        assert row.target_file == f"{drawn.place.name}-{y.year}.txt"
        if y.form == "none":
            assert (row.target_status, row.target, row.target_span) == ("not_found", None, None)
        elif y.form == "absent":
            assert row.target_status == "absent"
            assert row.target is not None
            assert (row.target.low, row.target.high) == (None, None)
            assert row.target_span is not None
            said = row.target_span.slice(report.text)
            assert said.startswith("不")
            assert said.endswith("目标")
            assert said in y.absent
        else:
            assert row.target_status == "found"
            assert row.target is not None
            expected_high = y.high if y.form == "range" else y.low
            qualifier = {"about": "左右", "floor": "以上", "range": "区间", "point": ""}[y.form]
            assert (row.target.low, row.target.high, row.target.qualifier) == (
                y.low, expected_high, qualifier)
            assert row.target_span is not None
            assert row.target_span.slice(report.text) == target_phrase(y)
        # the outcome side: the review of the next year's report
        later = by_year.get(y.year + 1)
        outcome = later.outcome if later is not None else None
        if later is None:
            assert (row.outcome_status, row.outcome_file) == ("no_report", None)
            assert (row.outcome, row.outcome_span) == (None, None)
        elif later.outcome is None:
            assert row.outcome_status == "not_found", "an average or a cumulative is no outcome"
            assert row.outcome_file == f"{drawn.place.name}-{later.year}.txt"
            assert (row.outcome, row.outcome_span) == (None, None)
        else:
            assert row.outcome_status == "found"
            assert row.outcome == later.outcome
            assert row.outcome_file == f"{drawn.place.name}-{later.year}.txt"
            assert row.outcome_span is not None
            assert row.outcome_span.slice(reports[later.year].text) == outcome_phrase(later)
        assert (row.reference, row.gap, row.met) == expected_comparison(y, outcome)


def test_a_page_of_two_reports_gives_page_offsets() -> None:
    place = Place("清河县", "县", "全县", ("清河县",))
    first = Year(2022, "floor", 6.0, 6.0, "-", "", 5.1, 88.2, None, None, "清河县")
    second = Year(2023, "about", 5.5, 5.5, "-", "", 6.4, 93.6, 7.2, None, "清河县")
    page = render(place, first) + "\n" + render(place, second)
    reports = govreport.parse_many(page, source="page.txt")
    assert [r.metadata.plan_year for r in reports] == [2022, 2023]
    assert reports[1].offset > 0
    row_2022, row_2023 = panel(reports)
    assert (row_2022.target_status, row_2022.outcome_status) == ("found", "found")
    assert (row_2022.outcome, row_2022.gap, row_2022.met) == (6.4, 0.4, True)
    assert row_2022.target_span is not None
    assert row_2022.outcome_span is not None
    assert row_2022.target_span.slice(page) == "地区生产总值增长6%以上"
    assert row_2022.outcome_span.slice(page) == "地区生产总值完成93.6亿元，同比增长6.4%"
    assert row_2022.outcome_span.start > reports[1].offset, "offsets in the page"
    assert (row_2022.target_file, row_2022.outcome_file) == ("page.txt", "page.txt")
    assert row_2023.outcome_status == "no_report"


def _report_of(region: str | None, year: int | None, *, target: float | None = 6.0,
               outcome: float | None = None, source: str = "r.txt") -> Report:
    """A parsed generated report, its metadata then set to ``region`` and ``year``."""
    form = "point" if target is not None else "none"
    y = Year(year or 2020, form, target or 0.0, target or 0.0, "-", "", outcome, 10.0, None,
             None, region or "")
    report = govreport.parse(render(Place("清河县", "县", "全县", ()), y), source=source)
    return attrs.evolve(report, metadata=attrs.evolve(report.metadata, region=region,
                                                      plan_year=year))


def test_reports_without_region_or_year_and_duplicates_are_skipped() -> None:
    kept = _report_of("清河县", 2020, source="a.txt")
    duplicate = _report_of("清河县", 2020, target=9.0, source="b.txt")
    no_region = _report_of(None, 2020, source="c.txt")
    blank_region = _report_of("  ", 2020, source="d.txt")
    no_year = _report_of("清河县", None, source="e.txt")
    skipped: list[Skipped] = []
    rows = panel([kept, no_region, duplicate, no_year, blank_region], skipped=skipped)
    assert [(r.target_file, r.target is not None and r.target.low) for r in rows] == [
        ("a.txt", 6.0)], "the first report of a region and year is used"
    assert [(s.report.source, s.reason) for s in skipped] == [
        ("c.txt", "no_region"), ("b.txt", "duplicate"), ("e.txt", "no_plan_year"),
        ("d.txt", "no_region")]
    assert panel([no_region, no_year]) == []


def test_names_of_one_place_are_matched_and_others_are_not() -> None:
    target = _report_of("新疆维吾尔自治区", 2020, target=6.0)
    outcome = _report_of("新疆", 2021, outcome=6.3)
    row_2020, row_2021 = panel([outcome, target])
    assert (row_2020.region, row_2020.region_name, row_2020.outcome) == (
        "新疆", "新疆维吾尔自治区", 6.3)
    assert (row_2021.region, row_2021.region_name, row_2021.outcome_status) == (
        "新疆", "新疆", "no_report")
    county = _report_of("朝阳县", 2020)
    district = _report_of("朝阳区", 2021, outcome=6.3)
    rows = panel([county, district])
    assert [(r.region, r.year, r.outcome_status) for r in rows] == [
        ("朝阳区", 2021, "no_report"), ("朝阳县", 2020, "no_report")]


def test_several_keys_give_a_row_each_in_key_order() -> None:
    report = _report_of("清河县", 2020)
    rows = panel([report], keys=("public_budget_revenue", "gdp", "cpi"))
    assert [(r.key, r.target_status) for r in rows] == [
        ("public_budget_revenue", "found"), ("gdp", "found"), ("cpi", "not_found")]
    with pytest.raises(TypeError, match="sequence"):
        panel([report], keys="gdp")


def test_row_dict_has_the_columns_in_order() -> None:
    (row,) = panel([_report_of("清河县", 2020)])
    data = row.to_dict()
    assert tuple(data) == PANEL_COLUMNS
    assert (data["target_low"], data["target_qualifier"], data["outcome_status"]) == (
        6.0, "", "no_report")
    assert row.target_span is not None
    assert (data["target_start"], data["target_end"]) == (row.target_span.start,
                                                          row.target_span.end)
    assert isinstance(row, PanelRow)


# --------------------------------------------------------------------------- outcome choice


def _review(sentences: str, year: int = 2021) -> Report:
    y = Year(year, "none", 0.0, 0.0, "-", "", None, 1.0, None, None, "清河县")
    text = render(Place("清河县", "县", "全县", ()), y).replace(
        "过去一年，我们顶住压力、稳中求进。", "过去一年，我们顶住压力、稳中求进。" + sentences)
    return govreport.parse(text)


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        pytest.param("全县地区生产总值增长5.3%。", 5.3, id="plain"),
        pytest.param("五年来，全县地区生产总值年均增长7.2%。全县地区生产总值增长5.3%。", 5.3,
                     id="average-first"),
        pytest.param("全县地区生产总值达到120亿元，年均增长7.2%。", None, id="average-only"),
        pytest.param("全县经济总量比2015年增长40%。全县地区生产总值增长5.3%。", 5.3,
                     id="cumulative-first"),
        pytest.param("全县地区生产总值比2019年增长5.3%。", 5.3, id="base-is-the-year-before"),
        pytest.param("全县地区生产总值完成120亿元。", None, id="level-only"),
        pytest.param("全县地区生产总值增长×%。", None, id="redacted"),
        pytest.param("全县地区生产总值下降1.5%。", -1.5, id="fall"),
        pytest.param("全县经济增长5.3%。", 5.3, id="economic-growth"),
    ],
)
def test_the_outcome_is_one_years_growth(sentences: str, expected: float | None) -> None:
    found = outcome_of(_review(sentences), "gdp", 2020)
    assert (found.growth if found is not None else None) == expected


# --------------------------------------------------------------------------- region key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("新疆", "新疆维吾尔自治区"), ("广西", "广西壮族自治区"), ("宁夏", "宁夏回族自治区"),
        ("西藏", "西藏自治区"), ("内蒙古", "内蒙古自治区"), ("北京", "北京市"), ("重庆市", "重庆"),
        ("山西省", "山西"), ("黑龙江省", "黑龙江"), ("香港特别行政区", "香港"),
        ("青川市", "青川"), ("清河 县", "清河县"), ("全国", "中国"), ("\u200b江西省", "江西"),
    ],
)
def test_names_of_one_place_share_a_key(a: str, b: str) -> None:
    assert region_key(a) == region_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("朝阳区", "朝阳县"), ("朝阳区", "朝阳市"), ("朝阳县", "朝阳市"), ("白石旗", "白石县"),
        ("吉林市", "吉林省"), ("青川县", "青川市"), ("东山区", "东山"), ("南溪自治县", "南溪县"),
        ("桃源地区", "桃源市"), ("石门新区", "石门区"), ("北京市", "北京区"),
    ],
)
def test_different_places_keep_different_keys(a: str, b: str) -> None:
    assert region_key(a) != region_key(b)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("新疆维吾尔自治区", "新疆"), ("北京市", "北京"), ("山西省", "山西"), ("青川市", "青川"),
        ("吉林市", "吉林市"), ("沙市", "沙市"), ("清河县", "清河县"), ("东山区", "东山区"),
        ("白石旗", "白石旗"), ("长林自治州", "长林自治州"), ("中华人民共和国", "全国"),
    ],
)
def test_region_key_values(name: str, key: str) -> None:
    assert region_key(name) == key


def test_the_province_table_has_the_34_divisions() -> None:
    assert len(PROVINCES) == 34
    for short, forms in PROVINCES.items():
        assert all(region_key(form) == short for form in (short, *forms))


# --------------------------------------------------------------------------- comparison


def _target(low: float | None, high: float | None, qualifier: str, *, key: str = "gdp",
            text: str = "", unit: str = "%", absent: bool = False) -> Target:
    from govreport import Span

    indicator = "单位地区生产总值能耗" if key == "energy_intensity" else "地区生产总值"
    return Target(key=key, indicator=indicator, low=low, high=high, unit=unit,
                  qualifier=qualifier, measure="growth", scope="annual", horizon=2020,
                  text=indicator + (text or f"增长{low}%{qualifier}"), span=Span(0, 1),
                  absent=absent)


@pytest.mark.parametrize(
    ("target", "outcome", "expected"),
    [
        pytest.param(_target(6, 6, "以上"), 6.0, (6, 0.0, True), id="floor-equal"),
        pytest.param(_target(6, 6, "以上"), 5.9, (6, -0.1, False), id="floor-below"),
        pytest.param(_target(6, 6, "左右"), 7.9, (6, 1.9, True), id="about-above"),
        pytest.param(_target(6, 6, "左右"), 5.8, (6, -0.2, False), id="about-below"),
        pytest.param(_target(6.5, 6.5, ""), 6.5, (6.5, 0.0, True), id="point-equal"),
        pytest.param(_target(6, 6.5, "区间"), 6.1, (6.25, -0.15, True), id="range-inside"),
        pytest.param(_target(6, 6.5, "区间"), 6.6, (6.25, 0.35, False), id="range-above"),
        pytest.param(_target(6, 6.5, "区间"), 5.9, (6.25, -0.35, False), id="range-below"),
        pytest.param(_target(3, 3, "以内", key="cpi"), 3.1, (3, 0.1, False), id="ceiling"),
        pytest.param(_target(3, 3, "左右", key="cpi"), 2.0, (3, -1.0, True),
                     id="price-about-is-a-ceiling"),
        pytest.param(_target(3, 3, "", key="energy_intensity", text="降低3%"), -3.4,
                     (-3, -0.4, True), id="decrease-point"),
        pytest.param(_target(3, 3, "以上", key="energy_intensity", text="降低3%以上"), -2.0,
                     (-3, 1.0, False), id="decrease-at-least"),
        pytest.param(_target(8.5, 8.5, ""), 7.9, (8.5, -0.6, False), id="no-float-noise"),
        pytest.param(_target(6, 6, "左右"), None, (6, None, None), id="no-outcome"),
        pytest.param(_target(None, None, "", absent=True), 6.0, (None, None, None),
                     id="absent"),
        pytest.param(_target(None, None, ""), 6.0, (None, None, None), id="redacted"),
        pytest.param(_target(6, 6, "", unit="‰"), 6.0, (None, None, None), id="not-percent"),
        pytest.param(None, 6.0, (None, None, None), id="no-target"),
    ],
)
def test_compare(target: Target | None, outcome: float | None,
                 expected: tuple[float | None, float | None, bool | None]) -> None:
    assert compare(target, outcome) == expected


# --------------------------------------------------------------------------- real reports


def _row(rows: Sequence[PanelRow], region: str) -> PanelRow:
    (row,) = [r for r in rows if r.region == region]
    return row


def test_real_listing_page_of_county_reports() -> None:
    """Seed 001 holds nine 2021 county and city reports of one province: no region has the
    2022 report among the inputs, so every outcome is no_report; targets read from the page."""
    page = shared_text("seeds/001_330ca93b427a2047.txt")
    rows = panel(govreport.parse_many(page, source="seed001"))
    assert len(rows) == 9
    assert {r.year for r in rows} == {2021}
    assert {r.outcome_status for r in rows} == {"no_report"}
    wenxi, xiangfen, shuozhou = _row(rows, "闻喜县"), _row(rows, "襄汾县"), _row(rows, "朔州")
    assert shuozhou.region_name == "朔州市"
    assert [(r.target_status, r.reference, r.target is not None and r.target.qualifier)
            for r in (wenxi, xiangfen, shuozhou)] == [
        ("found", 10.5, ""), ("found", 8.5, "以上"), ("found", 8.0, "以上")]
    for row in (wenxi, xiangfen, shuozhou):
        assert row.target is not None
        assert row.target_span is not None
        assert row.target_span.slice(page) == row.target.text, "page offsets"
        assert (row.gap, row.met) == (None, None)


def test_real_reports_of_two_files() -> None:
    """Two real reports of different regions and years (seeds 002 and 004): each is a row
    with its target and no next-year report."""
    reports = [govreport.parse(shared_text(f"seeds/{name}"), source=name)
               for name in ("004_28d7c83c265e320a.txt", "002_a45f798d94b9b2fe.txt")]
    rows = panel(reports)
    assert [(r.region, r.year, r.target_status, r.reference, r.outcome_status) for r in rows] == [
        ("忻州", 2022, "found", 7.5, "no_report"), ("汾阳", 2023, "found", 6.5, "no_report")]
    assert [r.target_file for r in rows] == ["002_a45f798d94b9b2fe.txt",
                                            "004_28d7c83c265e320a.txt"]


@pytest.mark.parametrize(
    ("path", "index", "year", "expected"),
    [
        pytest.param("seeds/001_330ca93b427a2047.txt", 0, 2020, 7.9, id="county-last-year"),
        pytest.param("seeds/001_330ca93b427a2047.txt", 1, 2020, None,
                     id="county-five-year-average-only"),
        pytest.param("seeds/001_330ca93b427a2047.txt", 4, 2020, 4.1,
                     id="city-average-before-last-year"),
        pytest.param("corpus/national/2016.txt", 0, 2015, 6.9, id="national-2015"),
        pytest.param("corpus/national/2021.txt", 0, 2020, 2.3, id="national-2020"),
    ],
)
def test_real_reviews_give_the_last_years_growth(path: str, index: int, year: int,
                                                 expected: float | None) -> None:
    """The outcome side on real reviews (values read in the texts): the year's growth, not
    the Five-Year average beside it."""
    report = govreport.parse_many(shared_text(path))[index]
    assert report.metadata.plan_year == year + 1
    found = outcome_of(report, "gdp", year)
    assert (found.growth if found is not None else None) == expected

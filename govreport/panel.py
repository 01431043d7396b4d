"""Target versus outcome across reports: one row per region × year × key.

Year *t*'s report states the target (:meth:`Report.target`: the annual growth target, or the
statement that none is set); year *t+1*'s report states in its review what year *t* achieved
(:attr:`Report.indicators`). :func:`panel` pairs the two by region and plan year and compares
them::

    >>> rows = govreport.panel(reports)                      # doctest: +SKIP
    >>> [(r.region, r.year, r.target.low, r.outcome, r.gap, r.met) for r in rows]  # doctest: +SKIP
    [('青川', 2024, 5.5, 5.8, 0.3, True), ('青川', 2025, 5.0, None, None, None)]

* **Regions** are matched by :func:`region_key` (``docs/panel.md``): the province-level names in
  any of their forms (新疆 = 新疆维吾尔自治区, 北京 = 北京市), a 市 dropped from other names
  (朔州市 = 朔州), every other suffix kept (朝阳区, 朝阳县 and 朝阳 are three places).
* **Outcome**: the first growth figure of the key in year *t+1*'s review that is one year's
  growth: not an average annual rate (:attr:`Indicator.average`, 年均增长 — the review of a
  Five-Year period gives both), not a growth over a base year before *t−1* (比2015年增长40%),
  not redacted.
* **Reference, gap, met** (per qualifier of the target): see :func:`compare`.

A report whose region or plan year is unknown gives no row; nor does a second report of a region
and year already seen (the first in input order is used). Pass a list as ``skipped`` to get them
back as :class:`Skipped` entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .models import Indicator, Report, Span, Target

__all__ = [
    "CEILING_KEYS",
    "PANEL_COLUMNS",
    "PROVINCES",
    "PanelRow",
    "Skipped",
    "compare",
    "outcome_of",
    "panel",
    "region_key",
]

#: columns of :meth:`PanelRow.to_dict` (and of ``govreport panel``), in order
PANEL_COLUMNS = (
    "region", "region_name", "region_level", "year", "key",
    "target_status", "target_low", "target_high", "target_qualifier", "target_unit",
    "target_stretch", "target_redacted", "target_text", "target_file", "target_start",
    "target_end",
    "outcome_status", "outcome", "outcome_text", "outcome_file", "outcome_start", "outcome_end",
    "reference", "gap", "met",
)

# --------------------------------------------------------------------------- regions

#: the 34 province-level divisions: short name → the full forms that name it (the short name,
#: and the name with its suffix, are always accepted)
PROVINCES: dict[str, tuple[str, ...]] = {
    **{name: (f"{name}市",) for name in ("北京", "天津", "上海", "重庆")},
    **{name: (f"{name}省",) for name in (
        "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东",
        "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
        "台湾")},
    "内蒙古": ("内蒙古自治区",),
    "广西": ("广西壮族自治区", "广西自治区"),
    "西藏": ("西藏自治区",),
    "宁夏": ("宁夏回族自治区", "宁夏自治区"),
    "新疆": ("新疆维吾尔自治区", "新疆自治区"),
    "香港": ("香港特别行政区",),
    "澳门": ("澳门特别行政区",),
}
_PROVINCE_OF = {form: short for short, forms in PROVINCES.items() for form in (short, *forms)}
#: the country as a whole (the metadata of a State Council report says 全国)
_NATIONAL = frozenset({"全国", "中国", "中华人民共和国", "国务院"})
#: suffixes dropped from a name outside the table: only those that never tell two places apart
_DROPPED_SUFFIXES = ("特别行政区", "自治区", "省", "市")
_SPACE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")


def region_key(name: str) -> str:
    """The name under which ``name``'s reports are matched (see ``docs/panel.md``).

    A province-level name in any of its forms gives its short name (新疆维吾尔自治区 → 新疆,
    北京市 → 北京, 山西省 → 山西); 全国/中国 give 全国. Any other name loses a final 省, 市,
    自治区 or 特别行政区 when at least two characters remain and the rest is not a province's
    name (朔州市 → 朔州, 汾阳市 → 汾阳; 吉林市 stays 吉林市, not the province; 沙市 stays);
    every other suffix is kept, because dropping it would merge different places: 朝阳区,
    朝阳县 and 朝阳(市) are three places, and so are 汾阳县 and 汾阳(市). Spaces are removed.
    """
    name = _SPACE.sub("", name)
    if name in _PROVINCE_OF:
        return _PROVINCE_OF[name]
    if name in _NATIONAL:
        return "全国"
    for suffix in _DROPPED_SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            if len(stem) >= 2 and stem not in _PROVINCE_OF:
                return stem
            break
    return name


# --------------------------------------------------------------------------- comparison

#: keys whose growth target is a ceiling: an outcome at or below 左右/a point target meets it
#: (the panel compares growth targets — ``Report.target`` — with growth outcomes; a rate such as
#: the unemployment rate is a level, ``measure == "rate"``, and has no row)
CEILING_KEYS = frozenset({"cpi"})


def compare(target: Target | None, outcome: float | None
            ) -> tuple[float | None, float | None, bool | None]:
    """``(reference, gap, met)`` of an outcome (growth in %) against an annual growth target.

    ``reference`` is the figure the gap is measured from: the low bound for 以上, the high bound
    for 以内, the midpoint for a range (区间), the value for 左右 and for a target without a
    qualifier. ``gap = outcome − reference``, rounded to 6 decimals (binary floating point
    noise: 7.9 − 8.5 is −0.6, not −0.6000000000000005). ``met``: 以上 ``outcome ≥ low``; 以内
    ``outcome ≤ high``; 区间 ``low ≤ outcome ≤ high``; 左右 and no qualifier ``outcome ≥ value``
    — the target read as a floor, as growth targets are read — except for the keys of
    :data:`CEILING_KEYS` (prices), where it is a ceiling (``outcome ≤ value``).

    A target written as a decrease (单位GDP能耗降低3%) is compared as the change it states
    (−3), and its 以上/以内 turn over (降低3%以上 is met by a fall of 3 or more: outcome ≤ −3);
    左右 and no qualifier are then a ceiling. All three are ``None`` when there is no target,
    it is ``absent`` or redacted, or its unit is not ``%``; without an outcome only
    ``reference`` is given."""
    if target is None or target.absent or target.low is None or target.high is None \
            or target.unit != "%":
        return None, None, None
    qualifier = target.qualifier
    if qualifier == "以上":
        written = target.low
    elif qualifier == "以内":
        written = target.high
    elif qualifier == "区间":
        written = (target.low + target.high) / 2
    else:
        written = target.low
    low, high = target.low, target.high
    from .quantities import DECREASE_VERBS  # (imported with the extraction, not with govreport)

    decrease = DECREASE_VERBS.search(target.text.removeprefix(target.indicator)) is not None
    if decrease:  # the change the target states: falls are negative, as in Indicator.growth
        written, low, high = -written, -high, -low
        qualifier = {"以上": "以内", "以内": "以上"}.get(qualifier, qualifier)
    reference = written
    if outcome is None:
        return reference, None, None
    gap = round(outcome - reference, 6) + 0.0  # + 0.0: no -0.0
    if qualifier == "以上":
        met = outcome >= low
    elif qualifier == "以内":
        met = outcome <= high
    elif qualifier == "区间":
        met = low <= outcome <= high
    elif decrease or target.key in CEILING_KEYS:
        met = outcome <= reference
    else:
        met = outcome >= reference
    return reference, gap, met


# --------------------------------------------------------------------------- outcomes

#: a growth measured over a base year (比2015年增长40%): one year's growth only if the base is
#: the year before
_BASE_YEAR = re.compile(r"比((?:19|20)\d\d)年")


def outcome_of(report: Report, key: str, year: int) -> Indicator | None:
    """The growth of ``key`` in ``year`` that ``report``'s review states (the report of
    ``year + 1``): the first indicator of the key with a growth that is not an average annual
    rate (:attr:`Indicator.average`) and not measured over a base year other than ``year − 1``
    (比2015年增长40% is growth over five years). ``None`` when there is none."""
    for indicator in report.indicators:
        if indicator.key != key or indicator.growth is None or indicator.average:
            continue
        base = _BASE_YEAR.search(indicator.text)
        if base is not None and int(base.group(1)) != year - 1:
            continue
        return indicator
    return None


# --------------------------------------------------------------------------- rows


@attrs.frozen(kw_only=True)
class PanelRow:
    """Year ``year``'s target for ``key`` in ``region`` beside the outcome of that year.

    ``region`` is the matching key (:func:`region_key`), ``region_name`` and ``region_level``
    as year ``year``'s report gives them. ``target`` is ``report.target(key)`` of that report
    (``absent`` ones included); ``target_status`` is ``found``, ``absent`` or ``not_found``.
    ``outcome`` is the growth (in %) for ``year`` read from the review of year ``year + 1``'s
    report (``outcome_indicator`` is the figure); ``outcome_status`` is ``found``,
    ``not_found`` (that report states none) or ``no_report`` (no report of the region for
    ``year + 1``). ``*_file`` is the report's ``source``; ``*_span`` the evidence's span in that
    file (``report.offset`` added: for a report cut from a page, offsets in the page).
    ``reference``, ``gap`` and ``met`` are :func:`compare`'s."""

    region: str
    region_name: str
    region_level: str | None
    year: int
    key: str
    target_status: str
    target: Target | None
    target_file: str | None
    target_span: Span | None
    outcome_status: str
    outcome: float | None
    outcome_indicator: Indicator | None
    outcome_file: str | None
    outcome_span: Span | None
    reference: float | None
    gap: float | None
    met: bool | None

    def to_dict(self) -> dict[str, Any]:
        """The row as flat JSON-ready data, keyed by :data:`PANEL_COLUMNS`."""
        target, found = self.target, self.outcome_indicator
        return {
            "region": self.region,
            "region_name": self.region_name,
            "region_level": self.region_level,
            "year": self.year,
            "key": self.key,
            "target_status": self.target_status,
            "target_low": target.low if target else None,
            "target_high": target.high if target else None,
            "target_qualifier": target.qualifier if target else None,
            "target_unit": target.unit if target else None,
            "target_stretch": target.stretch if target else None,
            "target_redacted": target.redacted if target else None,
            "target_text": target.text if target else None,
            "target_file": self.target_file,
            "target_start": self.target_span.start if self.target_span else None,
            "target_end": self.target_span.end if self.target_span else None,
            "outcome_status": self.outcome_status,
            "outcome": self.outcome,
            "outcome_text": found.text if found else None,
            "outcome_file": self.outcome_file,
            "outcome_start": self.outcome_span.start if self.outcome_span else None,
            "outcome_end": self.outcome_span.end if self.outcome_span else None,
            "reference": self.reference,
            "gap": self.gap,
            "met": self.met,
        }


@attrs.frozen
class Skipped:
    """A report :func:`panel` gave no row for, and why: ``no_region`` (its region is unknown),
    ``no_plan_year`` (its plan year is unknown) or ``duplicate`` (an earlier report of the same
    region and plan year is used)."""

    report: Report
    reason: str


def _row(report: Report, region: str, year: int, key: str, later: Report | None) -> PanelRow:
    target = report.target(key)
    status = "not_found" if target is None else "absent" if target.absent else "found"
    found = outcome_of(later, key, year) if later is not None else None
    outcome = found.growth if found is not None else None
    reference, gap, met = compare(target, outcome)
    return PanelRow(
        region=region,
        region_name=report.metadata.region or region,
        region_level=report.metadata.region_level,
        year=year,
        key=key,
        target_status=status,
        target=target,
        target_file=report.source,
        target_span=target.span.shift(report.offset) if target is not None else None,
        outcome_status="no_report" if later is None else "found" if found else "not_found",
        outcome=outcome,
        outcome_indicator=found,
        outcome_file=later.source if later is not None else None,
        outcome_span=found.span.shift(later.offset) if found and later is not None else None,
        reference=reference,
        gap=gap,
        met=met,
    )


def panel(reports: Iterable[Report], keys: Sequence[str] = ("gdp",), *,
          skipped: list[Skipped] | None = None) -> list[PanelRow]:
    """One :class:`PanelRow` per region, plan year and key of ``reports``, sorted by region,
    year and the order of ``keys``: the target of the year's report beside the outcome the next
    year's report states (see the module doc and ``docs/panel.md``).

    Reports whose region or plan year is unknown, and later reports of a region and year
    already seen, give no row; when ``skipped`` is a list they are appended to it, in input
    order, as :class:`Skipped` entries."""
    if isinstance(keys, str):
        raise TypeError("keys is a sequence of keys, such as ('gdp',), not a str")
    by_year: dict[tuple[str, int], Report] = {}
    for report in reports:
        name, year = report.metadata.region, report.metadata.plan_year
        region = region_key(name) if name else ""
        if not region:
            reason = "no_region"
        elif year is None:
            reason = "no_plan_year"
        elif (region, year) in by_year:
            reason = "duplicate"
        else:
            by_year[(region, year)] = report
            continue
        if skipped is not None:
            skipped.append(Skipped(report, reason))
    rows: list[PanelRow] = []
    for (region, year), report in sorted(by_year.items(), key=lambda item: item[0]):
        later = by_year.get((region, year + 1))
        rows.extend(_row(report, region, year, key, later) for key in keys)
    return rows

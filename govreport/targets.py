"""Expected targets: the quantified goals of the annual plan and of the Five-Year goals.

Where targets are read (``Part`` s are sections or subsections by :class:`SectionKind`):

* **Annual plan** (``ANNUAL_PLAN``): every quantified item of a *target statement* — a sentence
  with a cue such as 主要预期目标是, 预期指标, 目标设定为, 预期为, 综合考虑各方面因素 or, in an
  English translation, ``main expected objectives``. Elsewhere in the annual plan only items whose
  indicator has a key (``确保粮食产量达到297.1亿斤``) or is the deficit ratio (赤字率拟按3%安排)
  count. Horizon: the plan year.
* **Five-Year goals** (``FIVE_YEAR_PLAN``): from the first goal cue (主要目标, 奋斗目标, 发展目标,
  以下目标 …; not ``…主要目标任务胜利完成``) to the end of the part: every item of a cue sentence,
  keyed items elsewhere. Horizon: the year in the sentence (到2025年, 到“十四五”末) or the end
  year of the plan the part names (十三五 → 2020, 十四五 → 2025, 十五五 → 2030).
* Never the review: figures achieved last year are indicators (``indicators.py``).

A statement restated later (经济增长预期目标为5%左右) is kept once. ``low``/``high`` are the
figures as written (降低2.5% gives 2.5; the verb is in ``text``); for ``以上``/``以内``/``左右``
``low == high`` and the qualifier carries the direction. ``突破``/``超过`` before a figure read as
``以上``, ``不超过`` as ``以内``, ``接近`` as ``左右``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs
import regex

from .models import SectionKind, Span, Target
from .quantities import GROWTH_VERBS, Item, key_in, scan_english, scan_items

__all__ = ["Part", "extract_targets", "plan_end_year"]

ToSource = Callable[[int, int], Span]


@attrs.frozen(kw_only=True)
class Part:
    """A stretch of the normalised text that belongs to one outline part."""

    kind: SectionKind
    title: str
    start: int
    end: int
    body_start: int = attrs.field()

    @body_start.default
    def _no_heading(self) -> int:
        return self.start


#: The cue words of a target statement, one table: a sentence holding one states targets, and
#: its figures win over figures quoted elsewhere in the part (last year's outcome before them).
#: The qualifiers (左右, 以上, 以内 …) and stretch forms (保8争9, 力争) are read with each figure
#: (``numbers.py``); the verbs (增长, 控制在, 按…安排) with each indicator (``quantities.py``).
STATEMENT_CUES: tuple[tuple[str, str], ...] = (
    ("预期目标 / 主要目标 / 预期指标 / 主要指标", r"预期目标|主要目标|预期指标|主要指标"),
    ("目标是 / 目标为 / 目标定为 / 目标确定为 / 目标设定为",
     r"目标(?:是|为|(?:设|确)?定为)"),
    ("调控目标", r"调控目标"),
    ("预期为", r"预期为"),
    ("综合考虑各方面因素", r"综合(?:考虑)?各方面因素"),
    ("按增长…安排 (生产总值按增长5%安排; not 赤字率拟按3%安排, a fiscal arrangement)",
     r"按(?:[比较](?:上年|去年|上一年))?(?:增长|提高)[^，。；\n]{1,12}?安排"),
    ("计划 + indicator + verb (1980s: 计划国内生产总值增长4%)",
     r"计划(?=[^，。；\n]{0,12}?(?:生产总值|国民收入|增长))"),
    ("main expected objectives / targets / goals",
     r"(?:[Mm]ain |[Mm]ajor )?[Ee]xpected (?:objectives|targets|goals)"
     r"|[Mm]ain (?:objectives|targets|goals)"),
)
#: a sentence that states targets (any cue of :data:`STATEMENT_CUES`)
STATEMENT_CUE = regex.compile("|".join(f"(?:{p})" for _, p in STATEMENT_CUES))
#: where the goals of a Five-Year part begin
FIVE_YEAR_CUE = regex.compile(
    r"(?:主要|奋斗|发展|以下)(?:主要)?目标(?!任务(?:胜利|圆满|全面|基本)?(?:完成|实现))"
    r"|目标任务是|[Dd]evelopment goals|[Mm]ain goals|[Oo]bjectives"
)
_SENTENCE_END = regex.compile(r"[。！？!?\n]|\.(?!\d)")
_SENTENCE_START = regex.compile(r"[。！？!?\n]|\.(?!\d)", flags=regex.REVERSE)
#: English prose (a machine translation): three Latin words in a row. A word starts after a
#: non-letter and its letters are taken whole (possessive): linear on a long run of letters
#: without spaces, where ``[A-Za-z]{2,} …`` tried every start in the run to its end
_ENGLISH = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}+ [A-Za-z]{2,}+ [A-Za-z]{2}")
#: "other" indicators that are economy-wide targets even outside the target statement
_HEADLINE_OTHER = regex.compile(r"(?:财政)?赤字率")
#: 十四五 → 14; also 十五 (10), 九五 (9); English 14th Five-Year Plan
_PLAN = regex.compile(
    r"“?(?P<n>十[一二三四五六七八九]?|[六七八九])五”?(?:规划|时期|期间|末|计划|”)"
    r"|(?P<en>\d{1,2})(?:st|nd|rd|th) Five-Year"
)
_PLAN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")}
#: 到2025年 / 到“十四五”末 / by 2025 — the horizon of one goal
_BY_YEAR = regex.compile(
    r"(?:到|至|in |by )(?P<y>(?:19|20)\d\d)(?:年|\b)"
    r"|到“?(?P<n>十[一二三四五六七八九]?)五”?(?:末|期末)"
)


#: a sentence about several years (in the annual plan: not a target for the plan year)
_MULTI_YEAR = regex.compile(
    r"[两三四五]年(?:内|后|来)|年均|“?十[一二三四五六七八九]?五”?末|到(?:19|20)\d\d年"
)


#: a sentence about what was achieved (outside a target statement: not a target)
#: the words that look back over a period (in a sentence or a clause: an achieved figure)
_LOOKING_BACK = r"过去一年|过去五年|一年来|五年来"
_PAST = regex.compile(rf"同比(?:增长|下降)|{_LOOKING_BACK}")


def plan_end_year(number: int) -> int | None:
    """The last year of the ``number``-th Five-Year Plan (14 → 2025); from the 4th plan on."""
    return 1955 + 5 * number if number >= 4 else None


def _plan_number(s: str) -> int | None:
    if s.startswith("十"):
        return 10 + (_PLAN_DIGIT[s[1]] if len(s) > 1 else 0)
    return _PLAN_DIGIT.get(s)


def _part_horizon(part: Part, text: str) -> int | None:
    found = None
    for m in _PLAN.finditer(part.title):
        number = int(m["en"]) if m["en"] else _plan_number(m["n"])
        if number:
            found = plan_end_year(number)  # the last plan named: “十三五”成就和“十四五”目标
    return found


def _sentence(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    b = _SENTENCE_START.search(text, start, pos)
    e = _SENTENCE_END.search(text, pos, end)
    return (b.end() if b else start), (e.end() if e else end)


def _statements(text: str, start: int, end: int, absent: list[regex.Match[str]] | None = None
                ) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` that hold a target cue, merged, in order; with
    ``absent`` the statements that no target is set are collected into it in the same pass."""
    out: list[tuple[int, int]] = []
    pattern = STATEMENT_CUE if absent is None else _CUE_OR_NO_TARGET
    for m in pattern.finditer(text, start, end):
        if absent is not None and m.group("none") is not None:
            # the lookahead consumes nothing: a cue inside the sentence is still found
            whole = _NO_TARGET.match(text, m.start(), end)
            if whole is not None:
                absent.append(whole)
            continue
        if out and m.start() < out[-1][1]:
            continue
        out.append(_sentence(text, m.start(), start, end))
    return out


def _items(text: str, start: int, end: int, keyed_only: bool = False) -> list[Item]:
    items = scan_items(text, start, end, keyed_only=keyed_only)
    if not keyed_only and _ENGLISH.search(text, start, end):
        items.extend(scan_english(text, start, end))
        items.sort(key=lambda item: item.start)
    return items


#: what a figure measures, from its unit, verb and indicator words (``Target.measure``)
_PERCENT_UNITS = frozenset({"%", "‰"})
#: indicator words that name a rate of change (涨幅, 增速) or a share (比重, 占比)
_GROWTH_WORDS = regex.compile(r"涨幅|增速|增幅|增长率|增长|增长速度")
_SHARE_WORDS = regex.compile(r"比重|占比|份额|占[^，。]{0,12}比")
#: keys whose figure in % is a growth rate even without a verb (地区生产总值6%左右)
_GROWTH_KEYS = frozenset({
    "gdp", "gnp", "industrial_value_added", "fixed_asset_investment", "retail_sales",
    "public_budget_revenue", "urban_income", "rural_income", "per_capita_income", "cpi",
})
#: verbs of an absolute increment with a counted unit (净增7.22亿元, 增加1万人)
_INCREMENT_VERBS = regex.compile(r"净增|新增|增加|增长|提高|提升|扩大|多")


def measure_of(key: str, indicator: str, verb: str, unit: str) -> str:
    """``growth``, ``increase``, ``level``, ``rate`` or ``share`` (see :class:`Target`).

    A verb ending in 到/至 states where a figure arrives (提高到25%: a rate, 增长到240亿元: a
    level), not by how much it changes."""
    changes = bool(GROWTH_VERBS.search(verb)) and not verb.endswith(("到", "至"))
    if unit in _PERCENT_UNITS:
        if changes or _GROWTH_WORDS.search(indicator):
            return "growth"
        if _SHARE_WORDS.search(indicator):
            return "share"
        if key in _GROWTH_KEYS and not indicator.endswith("率"):
            return "growth"
        return "rate"
    if unit == "个百分点":
        return "increase"
    if _INCREMENT_VERBS.search(verb) and not verb.endswith(("到", "至")):
        return "increase"
    return "level"


#: words of a clause that reports an outcome (last year's figure quoted before the targets):
#: such a figure is never a target
_OUTCOME = regex.compile(
    rf"去年|上一年|{_LOOKING_BACK}|已经|(?:增长|实现|完成|达到|提高|下降|突破)了")
#: a comparison with a base period (比去年增长6%, 与2020年相比降低13.5%): its year or 去年 is the
#: base of the figure, not the time the clause speaks of
_COMPARISON = regex.compile(
    r"(?:比|较|同|与|和)(?:去年|上年|上一年|(?:19|20)\d\d年)(?:同期|末|底)?(?:相比|相较)?")
_CLAUSE_BEFORE = regex.compile(r"[，,；;。：:！？!?\n]", flags=regex.REVERSE)
#: a year named in a clause (比2020年翻一番, 在2020年基础上 name a base year, not the clause's
#: time)
_CLAUSE_YEAR = regex.compile(r"(?<![比以较])(?P<y>(?:19|20)\d\d)年(?!的?(?:基础|水平))")


def _is_outcome(text: str, item: Item, plan_year: int | None) -> bool:
    """The figure of ``item`` reports what was achieved: its clause says so (去年, 增长了) or
    names a year before the plan year (2024年地区生产总值增长5.1% in the 2025 plan)."""
    b = _CLAUSE_BEFORE.search(text, max(0, item.start - 40), item.start)
    clause = text[b.end() if b else max(0, item.start - 40):item.start] + item.raw
    clause = _COMPARISON.sub("", clause)
    if _OUTCOME.search(clause):
        return True
    if plan_year is not None:
        for m in _CLAUSE_YEAR.finditer(clause):
            if int(m["y"]) < plan_year:
                return True
    return False


@attrs.define
class _Collector:
    text: str
    to_source: ToSource
    plan_year: int | None
    targets: list[Target] = attrs.Factory(list)
    seen: set[tuple[object, ...]] = attrs.Factory(set)
    #: per part: the targets found outside a statement, and the (key, measure, scope) that a
    #: statement of the part gave
    loose: list[Target] = attrs.Factory(list)
    stated: set[tuple[str, str, str]] = attrs.Factory(set)

    def add(self, items: Sequence[Item], horizon: int | None, scope: str, *, keyed_only: bool,
            sentence_horizon: bool = False) -> None:
        previous: Item | None = None
        for item in items:
            if not item.indicator:  # a continuation: the words of the previous item apply
                if previous is None:
                    continue
                item = attrs.evolve(item, indicator=previous.indicator, keys=previous.keys,
                                    start=previous.start)
            previous = item
            if keyed_only and item.keys == ("other",) \
                    and not _HEADLINE_OTHER.fullmatch(item.indicator):
                continue
            if _is_outcome(self.text, item, self.plan_year):
                continue
            h = horizon
            if sentence_horizon:
                h = _sentence_year(self.text, item.start) or horizon
            elif keyed_only:
                sentence = _sentence(self.text, item.start, max(0, item.start - 300),
                                     min(len(self.text), item.end + 300))
                if _MULTI_YEAR.search(self.text, *sentence) or _PAST.search(self.text, *sentence):
                    continue  # 力争三年内…: another horizon; 同比增长…: an achieved figure
            self._add(item, h, scope, stated=not keyed_only)

    def _add(self, item: Item, horizon: int | None, scope: str, *, stated: bool) -> None:
        keys = item.keys
        values = item.values
        if len(keys) == 2:  # 城乡: urban and rural, one value each or one for both
            both = values if len(values) >= 2 else values * 2
            pairs = list(zip(keys, both[:2], strict=True))
        else:
            pairs = [(keys[0], v) for v in values]
        for key, value in pairs:
            end = value.end
            dedupe = (key, item.indicator if key == "other" else "", value.low, value.high,
                      value.unit, value.qualifier, horizon, value.redacted)
            if dedupe in self.seen:
                continue
            self.seen.add(dedupe)
            target = Target(
                key=key, indicator=item.indicator, low=value.low, high=value.high,
                unit=value.unit, qualifier=value.qualifier,
                measure=measure_of(key, item.indicator, item.verb, value.unit), scope=scope,
                horizon=horizon, text=self.text[item.start:end],
                span=self.to_source(item.start, end), redacted=value.redacted,
                stretch=value.stretch,
            )
            if stated:
                self.targets.append(target)
                self.stated.add((key, target.measure, scope))
            else:
                self.loose.append(target)

    def end_part(self) -> None:
        """A figure found outside the part's statements counts unless a statement of the part
        gave the same indicator and measure (the statement wins over quoted figures)."""
        self.targets.extend(t for t in self.loose
                            if t.key == "other" or (t.key, t.measure, t.scope) not in self.stated)
        self.loose.clear()
        self.stated.clear()

    def absent(self, found: Sequence[regex.Match[str]], horizon: int | None,
               scope: str) -> None:
        """Statements that no target is set for an indicator (没有提出全年经济增速具体目标;
        matches of ``_NO_TARGET``, found by ``_statements``)."""
        for m in found:
            words = m.group("ind") or ""
            growth = m.group("growth") is not None or _GROWTH_END.search(words) is not None
            words = _GROWTH_END.sub("", words)
            key = key_in(words) if words.strip() else None
            if key is None and growth and _ECONOMY_ONLY.fullmatch(words):
                key = "gdp"  # the growth of the economy, named by no indicator
            if key is None:
                continue
            self.targets.append(Target(
                key=key, indicator=m.group("ind") or "", low=None, high=None, unit="",
                qualifier="", measure="growth", scope=scope, horizon=horizon, text=m.group(),
                span=self.to_source(*m.span()), absent=True,
            ))


#: "no target is set": a negated verb of setting, then the indicator, then 目标/指标
_NO_TARGET = regex.compile(
    r"(?:没有|不再|未|不)(?:提出|设定|设置|确定(?!性|因素)|制定|规定|设(?![施计备立]))"
    r"(?P<ind>[^，。；;\n]{0,16}?)(?:具体|量化)?(?P<growth>增长|增速)?(?:目标|指标)"
    r"|(?i:(?:not|no longer) (?:set|setting|set out|put forward) (?:a |any )?(?:specific |"
    r"quantitative )?(?:target|goal)s? for )(?P<ind>[A-Za-z ]{3,40}?(?:growth|GDP))"
)
#: one pass over an annual-plan part for both: a target cue, or (group ``none``) a statement
#: that no target is set
#: (the negation is matched, the rest looked ahead: a cue inside the sentence is still found, and
#: the negation's first characters let the engine skip the positions that cannot start one; the
#: English negation is case-blind by character classes, the same letters: a scoped ``(?i:…)``
#: made the engine try every position, twice the cost of the scan)
_CUE_OR_NO_TARGET = regex.compile(
    f"(?:{STATEMENT_CUE.pattern})"
    f"|(?P<none>(?:没有|不再|未|不)(?=提出|设定|设置|确定|制定|规定|设)"
    f"|(?:[Nn][Oo][Tt]|[Nn][Oo] [Ll][Oo][Nn][Gg][Ee][Rr])(?= (?:set|setting|put forward)))")
#: the words of an absence that name the economy's growth without naming an indicator
#: (没有提出全年经济增速具体目标, 不设增长目标)
_ECONOMY_ONLY = regex.compile(r"(?:今年|全年|明年|年度|的|经济|[ \t])*")
_GROWTH_END = regex.compile(r"(?:增长|增速)$")


def _sentence_year(text: str, pos: int) -> int | None:
    s, e = _sentence(text, pos, max(0, pos - 300), min(len(text), pos + 300))
    m = _BY_YEAR.search(text, s, e)
    if m is None:
        return None
    if m["y"]:
        return int(m["y"])
    number = _plan_number(m["n"])
    return plan_end_year(number) if number else None


def extract_targets(text: str, parts: Sequence[Part], plan_year: int | None,
                    to_source: ToSource) -> tuple[Target, ...]:
    """The expected targets of the annual-plan and Five-Year parts, in document order.

    In each part the figures of the target statements win: a figure found elsewhere in the part
    for an indicator and measure a statement gives is dropped (the plan quoting last year's
    outcome before its targets), and so is every figure of a clause that reports an outcome."""
    out = _Collector(text, to_source, plan_year)
    for part in parts:
        if part.kind == SectionKind.ANNUAL_PLAN:
            pos = part.start
            absent: list[regex.Match[str]] = []
            for s, e in _statements(text, part.start, part.end, absent):
                out.add(_items(text, pos, s, True), plan_year, "annual", keyed_only=True)
                out.add(_items(text, s, e), plan_year, "annual", keyed_only=False)
                pos = e
            out.add(_items(text, pos, part.end, True), plan_year, "annual", keyed_only=True)
            out.absent(absent, plan_year, "annual")
        elif part.kind == SectionKind.FIVE_YEAR_PLAN:
            cue = FIVE_YEAR_CUE.search(text, part.body_start, part.end)
            if cue is None:
                continue
            horizon = _part_horizon(part, text)
            pos, _ = _sentence(text, cue.start(), part.body_start, part.end)
            for s, e in _statements(text, pos, part.end) or [(pos, pos)]:
                out.add(_items(text, pos, s, True), horizon, "five_year", keyed_only=True,
                        sentence_horizon=True)
                out.add(_items(text, s, e), horizon, "five_year", keyed_only=False,
                        sentence_horizon=True)
                pos = e
            out.add(_items(text, pos, part.end, True), horizon, "five_year", keyed_only=True,
                    sentence_horizon=True)
        else:
            continue
        out.end_part()
    out.targets.sort(key=lambda t: (t.span.start, t.span.end))
    return tuple(out.targets)

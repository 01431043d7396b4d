"""Quantified statements in running text: the grammar shared by targets and indicators.

An *item* is an indicator phrase, an optional verb and one or more values::

    全县  地区生产总值  增长  6.5%左右
    scope indicator     verb  value (number, unit, qualifier)

Items are found value first: a cheap regex finds each run of values (``6%和7%``, ``6.5%-7%``,
``1200万人以上``, ``×%``, ``百分之六左右``, ``保8争9``; the value grammar is
:mod:`govreport.numbers`), then the words between the previous clause boundary and the run are
split into indicator and verb by one anchored match. That keeps the cost proportional to the
number of figures, not to the length of the text. Everything here works on *normalised* text
(ASCII digits, ``%`` and ``-``; full-width Chinese punctuation) and returns normalised offsets.

:data:`INDICATOR_KEYS` is the table of canonical keys (also in ``docs/targets.md``).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator

import attrs
import regex

from .numbers import VALUE_RUN_GROUPS, Value, run_values

__all__ = [
    "INDICATOR_KEYS",
    "Item",
    "Value",
    "key_in",
    "key_of",
    "scan_english",
    "scan_items",
]

INDICATOR_KEYS: dict[str, str] = {
    "gdp": "地区生产总值 / 国内生产总值 / 生产总值 / GDP / 经济增长 / 经济增速 / 经济总量 / "
           "增长 (the bare word: 增长目标为5%左右)",
    "gnp": "国民生产总值 / GNP (the headline of reports before 1993; not gdp)",
    "industrial_value_added": "规模以上工业增加值 / 规上工业增加值 / 工业增加值",
    "fixed_asset_investment": "固定资产投资 / 全社会固定资产投资",
    "retail_sales": "社会消费品零售总额",
    "public_budget_revenue": "一般公共预算收入 / 地方一般公共预算收入 / 公共财政预算收入",
    "urban_income": "城镇(常住)居民人均可支配收入; one half of 城乡居民人均可支配收入",
    "rural_income": "农村(常住)居民人均可支配收入 / 农民人均纯收入; the other half of 城乡…",
    "per_capita_income": "(全体)居民人均可支配收入 / 居民收入",
    "cpi": "居民消费价格(总水平)(涨幅) / 物价涨幅 / CPI",
    "unemployment_rate": "城镇调查失业率 / 城镇登记失业率 / 调查失业率 / 失业率",
    "new_urban_jobs": "城镇新增就业 / 新增城镇就业",
    "energy_intensity": "单位(国内/地区)生产总值能耗 / 单位GDP能耗 / 万元GDP能耗",
    "grain_output": "粮食产量 / 粮食总产量",
    "other": "anything else; ``indicator`` keeps the words as written",
}
"""Canonical indicator keys → the words (after a scope such as 全省/全市/我县 is removed) that
give that key. A phrase gets a key only when it *is* one of these words as a whole:
``开发区规上工业增加值`` or ``工业增加值占GDP比重`` stay ``other``."""

# --------------------------------------------------------------------------- keys

#: the words of each key (patterns; joined into ``_KEY_RE``)
_KEY_WORDS: tuple[tuple[str, str], ...] = (
    # the bare word for growth names the economy's (今年的增长目标为5%左右)
    ("gdp", r"(?:地区|国内)?生产总值|GDP|(?:经济)?(?:年均)?(?:增长|增速|增长速度)|经济总量"),
    ("gnp", r"国民生产总值|GNP"),
    ("industrial_value_added",
     r"(?:全部)?(?:规模以上|规上)?工业(?:企业)?增加值"),
    ("fixed_asset_investment", r"(?:全社会)?固定资产投资(?:总额)?"),
    ("retail_sales", r"社会消费品零售(?:总)?额"),
    ("public_budget_revenue",
     r"(?:地方)?一般公共预算(?:收入)?|(?:地方)?公共财政预算收入"),
    ("urban_income", r"城镇(?:常住)?居民(?:人均)?(?:可支配)?收入"),
    ("rural_income",
     r"农村(?:常住)?居民(?:人均)?(?:可支配)?收入|农(?:村居)?民人均纯收入"),
    ("per_capita_income", r"(?:全体|全体常住)?居民(?:人均)?(?:可支配)?收入"),
    ("cpi", r"居民消费价格(?:总水平)?(?:涨幅)?|物价(?:总水平)?(?:涨幅)?|CPI(?:涨幅)?"),
    ("unemployment_rate", r"(?:城镇)?(?:调查|登记)?失业率"),
    ("new_urban_jobs", r"城镇新增就业(?:人数|人员)?|新增城镇就业(?:人数)?"),
    ("energy_intensity", r"(?:单位|万元)(?:国内|地区)?(?:生产总值|GDP)能耗"),
    ("grain_output", r"粮食(?:总)?产量"),
)
#: 城乡居民人均可支配收入 and its variants: one value each for urban and rural residents.
_URBAN_RURAL = regex.compile(
    r"城乡(?:常住)?居民(?:人均)?(?:可支配)?收入|城镇(?:和|、|及|与)农村(?:常住)?居民(?:人均)?(?:可支配)?收入"
)

#: per capita disposable income, in either word order
_EN_INCOME = r"(?:the )?(?:per capita disposable income|disposable income per capita)"
_EN_KEY_WORDS: tuple[tuple[str, str], ...] = (
    ("gdp", r"(?:regional |the )?(?:GDP|gross (?:domestic|regional) product|economic growth)"),
    ("gnp", r"(?:the )?(?:GNP|gross national product)"),
    ("industrial_value_added",
     r"(?:the )?(?:(?:added value|value[- ]added) of (?:industries|industrial enterprises)"
     r" above (?:a )?designated size|industrial (?:added value|value[- ]added))"),
    ("fixed_asset_investment",
     r"(?:total )?(?:investment in fixed assets|fixed[- ]asset investment)"),
    ("retail_sales", r"(?:the )?(?:total )?retail sales(?: of consumer goods)?"),
    ("public_budget_revenue", r"(?:local )?general public budget revenues?"),
    ("urban_income", rf"{_EN_INCOME} of urban residents"),
    ("rural_income", rf"{_EN_INCOME} of rural residents"),
    ("per_capita_income", rf"{_EN_INCOME}(?: of residents)?"),
    ("cpi", r"(?:the )?(?:consumer prices?(?: index)?|CPI)"),
    ("unemployment_rate", r"(?:the )?(?:surveyed |registered )?(?:urban )?unemployment rate"),
    ("new_urban_jobs", r"new urban jobs"),
    ("energy_intensity", r"energy consumption per unit of GDP"),
    ("grain_output", r"grain (?:output|production)"),
)
_EN_URBAN_RURAL = regex.compile(rf"{_EN_INCOME} of urban and rural residents", regex.IGNORECASE)


#: a key's words, optionally followed by the noun of its growth (地区生产总值增长目标确定为…)
_KEY_RE = regex.compile(
    "(?:" + "|".join(f"(?P<{key}>{words})" for key, words in _KEY_WORDS) + ")"
    "(?:增长|增速|增幅|增长率|增长速度)?"
)
_EN_KEY_RE = regex.compile(
    "|".join(f"(?P<{key}>{words})" for key, words in _EN_KEY_WORDS), regex.IGNORECASE
)
_ASCII_LETTER = regex.compile(r"[A-Za-z]")
#: words every keyed indicator contains one of. A keyed-only scan looks for figures only in the
#: ``_HINT_REACH`` characters after such a word (stdlib ``re``: a literal alternation is ~3x
#: faster there than in ``regex``)
KEY_HINT = re.compile(
    r"生产总值|GDP|GNP|经济(?:年均)?(?:增长|增速|总量)|增加值|固定资产|零售|预算|收入|消费价格|物价|CPI"
    r"|失业|新增就业|城镇就业|能耗|粮食|赤字"
)
_HINT_REACH = 70
_RUN_MAX = 60


#: the keys of an indicator phrase are a pure function of a short string that repeats (the same
#: indicators in a report and across reports): cached
@functools.lru_cache(maxsize=4096)
def key_of(indicator: str) -> str:
    """The canonical key of an indicator phrase (``other`` when it is none of the table)."""
    m = _KEY_RE.fullmatch(indicator)
    if m is None and _ASCII_LETTER.search(indicator):
        m = _EN_KEY_RE.fullmatch(indicator)
    return m.lastgroup if m is not None and m.lastgroup else "other"


def key_in(phrase: str) -> str | None:
    """The key of the first indicator named inside ``phrase`` (``没有提出全年经济增速具体目标``
    → ``gdp``), or ``None``."""
    m = _KEY_RE.search(phrase) or _EN_KEY_RE.search(phrase)
    return m.lastgroup if m is not None else None


@functools.lru_cache(maxsize=4096)
def _keys_of(indicator: str) -> tuple[str, ...]:
    """One key, or two (urban, rural) for a 城乡 phrase."""
    if _URBAN_RURAL.fullmatch(indicator) or _EN_URBAN_RURAL.fullmatch(indicator):
        return ("urban_income", "rural_income")
    return (key_of(indicator),)


# --------------------------------------------------------------------------- items

#: the words before a run: indicator (no digits) + optional verb, matched as a whole. The verb
#: alternatives are literal words; ``从…到`` swallows the starting figure of "from X to Y".
_VERB_LEADS = (
    "比上年", "比去年", "比上一年", "较上年", "较去年", "较上一年", "与上年相比", "与去年相比",
    r"比(?:19|20)\d\d年", r"较(?:19|20)\d\d年", r"与(?:19|20)\d\d年相比", "同比", "年均",
    "累计", "分别", "均", "预计",
    "预期", "力争", "确保", "继续", "全年", "按",
    # a base year: 在2020年基础上增长40% (the year is not the clause's time)
    r"在(?:19|20)\d\d年(?:的)?基础上",
)
_VERB_WORDS = (
    "预期目标设定为", "目标设定为", "预期目标定为", "预期目标为", "预期目标是", "预期目标",
    "调控目标定为", "调控目标为", "调控目标是", "目标确定为", "目标定为", "目标为", "预期为",
    "设定为", "确定为", "定为", "平均为", "增长", "增加", "提高", "提升", "上升", "上涨", "下降",
    "降低", "减少",
    "回落", "净增", "达到", "达", "突破", "超过", "超", "完成", "实现", "接近", "不低于",
    "不少于", "不超过", "不高于", "低于", "高于", "控制在", "保持在", "稳定在", "保持", "稳定",
    "拟按", "为", "在",
)
_VERB = (
    r"(?:[从由][^，；。\n]{0,24}?(?:增加|增长|提高|提升|上升|下降|降低|减少|扩大|缩小)?(?:到|至)"
    r"(?:(?:19|20)\d\d年(?:的|底|末)?)?"
    rf"|(?:{'|'.join(_VERB_LEADS)}){{0,2}}(?:{'|'.join(_VERB_WORDS)})(?:到|至)?)"
)
#: the characters a verb starts with (each lead and word starts with a literal character)
_VERB_FIRST = "".join(sorted({"从", "由", *(w[0] for w in (*_VERB_LEADS, *_VERB_WORDS))}))
#: the lookahead only skips, without trying the verbs, the ends of ``ind`` where neither a verb
#: nor the optional space and the end of the prefix follow (same matches as without it).
#: Stdlib ``re`` (no construct of ``regex`` needed): ~3x faster on these short prefixes
_PREFIX = re.compile(
    rf"(?P<ind>[^\d×%\n]{{0,60}}?)(?=[{_VERB_FIRST} ]|$)(?P<verb>{_VERB})?[ ]?"
)
#: where a clause starts (searched backwards from a value run)
_CLAUSE_START = regex.compile(r"[，,；;。：:！？!?\n、（）()]", flags=regex.REVERSE)
_LIST_SEP = regex.compile(r"、|和|及")
#: an "indicator" in English words (machine translation), left to :func:`scan_english`
_LATIN_WORDS = regex.compile(r"[A-Za-z]{4,}|[A-Za-z]+ [A-Za-z]|^[A-Za-z ]+$")
#: a time phrase before the indicator: 到2025年, 2021年, 力争到2026年底
#: (not a base year: 经济总量比2015年增长… keeps its indicator; 比2015年 is a verb lead)
_YEAR_LEAD = regex.compile(r"[^\d，；。\n比较与]{0,6}?(?:19|20)\d\d年(?:底|末|前|内)?[，, ]?")
#: words that lead an indicator without being part of it: time, cue, scope (全省, 我县 …)
_LEAD = regex.compile(
    r"(?:[ \t“”]|今年|明年|全年|年内|其中|同时|并且|并|力争|确保|努力|争取|实现|推动|预计|预期"
    r"|主要|计划|综合考虑各方面因素|综合各方面因素|的|“?十[一二三四五六七八九]?五”?(?:时期|期间|末)?"
    r"|全[市县区省国疆州盟旗]|我[市县区省州国旗]|本[市县区省])+"
)
#: ``…主要预期目标是`` without a colon (seed 004): everything up to the cue is not indicator
_CUE_HEAD = regex.compile(
    r"[^，。]*?(?:预期目标|主要目标|预期指标|主要指标|目标|指标)(?:是|为)[：:]?"
)
#: what may stand between an item and the figure that continues it (…151.5亿元，同比增长7.9%;
#: …突破300亿元大关，增长5.3%): a clause break after at most a few words of no figure
_CONTINUES = regex.compile(r"\p{Han}{0,4}[，,；;。：:！？!?、（）()\n]?")
#: cue words in a verb: a restatement of a target (…目标设定为6%以上), never a continuation
_CUE_VERB = regex.compile(r"目标|预期|设定")
#: verbs whose value is a change (growth), not a level
GROWTH_VERBS = regex.compile(r"增长|增加|提高|提升|上升|上涨|下降|降低|减少|回落")
DECREASE_VERBS = regex.compile(r"下降|降低|减少|回落")
#: verbs that imply a qualifier when none is written after the value
_IMPLIED = (
    (("不低于", "不少于", "超过", "突破", "超", "高于"), "以上"),
    (("不超过", "不高于", "低于"), "以内"),
    (("接近",), "左右"),
)


@attrs.frozen(kw_only=True)
class Item:
    """An indicator phrase with its verb and values (normalised offsets).

    ``indicator`` is ``""`` for a continuation (``…151.5亿元，同比增长7.9%``: the words of the
    previous item apply). ``raw`` is the clause text before the values, cue words included.
    """

    indicator: str
    keys: tuple[str, ...]
    start: int
    verb: str
    raw: str
    values: tuple[Value, ...]
    end: int


@functools.lru_cache(maxsize=1024)
def _implied(verb: str) -> str:
    """The qualifier that ``verb`` implies (``""``: none; cached: the verbs are few words)."""
    for word, qualifier in _IMPLIED_LONGEST_FIRST:
        if word in verb:
            return qualifier
    return ""


#: the words of ``_IMPLIED``, longest first: a negated comparison is read before the word it
#: holds (不超过 is 以内 though it holds 超过, 不低于 is 以上 though it holds 低于)
_IMPLIED_LONGEST_FIRST = sorted(((w, q) for words, q in _IMPLIED for w in words),
                                key=lambda wq: -len(wq[0]))


#: a time word inside the words before an indicator: the indicator starts after the last one
#: (中央提出今年经济增长…: 经济增长)
_TIME_WORD = regex.compile(r"今年|明年|全年|本年度?|当年")


def _clean(ind: str) -> tuple[str, int]:
    """The indicator words without leading cue/scope words, and how many characters went."""
    cut = 0
    if "年" in ind:  # (a time word holds 年, a cue head 标: a test of one character first)
        ends = [m.end() for m in _TIME_WORD.finditer(ind)]
        if ends and ends[-1] < len(ind):
            cut = ends[-1]
    for _ in range(3):
        m = _LEAD.match(ind, cut)
        if m:
            cut = m.end()
        m = _CUE_HEAD.match(ind, cut) if "标" in ind else None
        if m:
            cut = m.end()
            continue
        break
    return ind[cut:].rstrip(" \t“的"), cut  # 地区生产总值的预期目标…: 的 links to the cue


def _split_list(text: str, bound: int, ind_start: int, ind: str, floor: int,
                wanted: int) -> list[tuple[int, str]]:
    """The indicators of a list (``A、B和C``) ending at ``ind``; earlier 、-separated clauses are
    taken in while there are more values than names."""
    names: list[tuple[int, str]] = []
    last = 0
    for sep in _LIST_SEP.finditer(ind):
        names.append((ind_start + last, ind[last:sep.start()]))
        last = sep.end()
    names.append((ind_start + last, ind[last:]))
    while len(names) < wanted and bound - 1 >= floor and text[bound - 1] == "、":
        b = _CLAUSE_START.search(text, max(floor, bound - 41), bound - 1)
        seg_start = b.end() if b else max(floor, bound - 41)
        seg = text[seg_start:bound - 1]
        if not seg or any(c.isdigit() for c in seg):
            break
        name, cut = _clean(seg)
        names.insert(0, (seg_start + cut, name))
        bound = seg_start
    return [(s, n) for s, n in names if n]


def _hinted_runs(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """Value runs that start within reach of a key word, in order."""
    lo = hi = -1
    for hint in KEY_HINT.finditer(text, start, end):
        if hint.start() <= hi:  # overlapping reaches merge
            hi = hint.end() + _HINT_REACH
            continue
        if hi >= 0:
            yield from _runs_between(text, lo, hi, end)
        lo, hi = hint.start(), hint.end() + _HINT_REACH
    if hi >= 0:
        yield from _runs_between(text, lo, hi, end)


def _runs_between(text: str, lo: int, hi: int, end: int) -> Iterator[regex.Match[str]]:
    """Runs starting in ``[lo, hi)``; a run may go on past ``hi`` (a run is far shorter than
    ``_RUN_MAX``)."""
    for run in VALUE_RUN_GROUPS.finditer(text, lo, min(end, hi + _RUN_MAX)):
        if run.start() >= hi:
            return
        yield run


def scan_items(text: str, start: int, end: int, *, keyed_only: bool = False) -> list[Item]:
    """The items in ``text[start:end]`` in document order (normalised offsets).

    With ``keyed_only`` a clause whose words cannot hold a keyed indicator is skipped early
    (a short verb-only clause is kept: it may continue the previous item)."""
    items: list[Item] = []
    floor = start
    runs = (_hinted_runs(text, start, end) if keyed_only
            else VALUE_RUN_GROUPS.finditer(text, start, end))
    for run in runs:
        rs, re_ = run.span()
        if rs < floor:
            continue
        window = max(floor, rs - 80)
        b = _CLAUSE_START.search(text, window, rs)
        bound = b.end() if b else window
        lead = _YEAR_LEAD.match(text, bound, rs)  # 到2026年地区生产总值…: the year is not a word
        if lead:
            bound = lead.end()
        prefix = text[bound:rs]
        if prefix.endswith(("由", "从")):
            continue  # the first figure of 由X增长到Y: the item is read at Y, its verb 由X…到
        m = _PREFIX.fullmatch(prefix)
        if m is None:
            continue
        words, verb = m.groups()  # ind, verb (one tuple: cheaper than two groups by name)
        verb = verb or ""
        ind, cut = _clean(words)
        if ind and _LATIN_WORDS.search(ind):
            continue  # English text: see scan_english
        values = run_values(text, run, _implied(verb))
        if not values:
            continue
        if ind == "经济" and verb.endswith("增长"):  # 经济增长6%左右: the verb is the indicator
            ind, verb = "经济增长", verb[:-2]
        if not ind:
            if not items or not _CONTINUES.fullmatch(text, items[-1].end, bound) or not verb \
                    or _CUE_VERB.search(verb):
                continue  # a figure with no words of its own and nothing to continue
            items.append(Item(indicator="", keys=(), start=rs, verb=verb, raw=prefix,
                              values=values, end=re_))
            floor = re_
            continue
        ind_start = bound + cut
        if len(values) > 1 and bound - 1 >= floor and text[bound - 1] == "、":
            # 城镇、农村常住居民人均可支配收入分别增长9%、9.5%: the pair was cut at 、
            b = _CLAUSE_START.search(text, max(floor, bound - 21), bound - 1)
            seg_start = b.end() if b else bound - 1
            seg, seg_cut = _clean(text[seg_start:bound - 1])
            if seg and len(_keys_of(f"{seg}、{ind}")) == 2:
                ind, ind_start = f"{seg}、{ind}", seg_start + seg_cut
        keys = _keys_of(ind)
        if len(values) > 1 and len(keys) == 1:
            # 居民消费价格涨幅、城镇调查失业率分别控制在×%左右、×%以内: one indicator per value
            names = _split_list(text, bound, ind_start, ind, floor, len(values)) or [
                (ind_start, ind)]
            n = min(len(names), len(values))
            for (n_start, name), value in zip(names[:n], values[:n], strict=True):
                items.append(Item(indicator=name, keys=(key_of(name),), start=n_start, verb=verb,
                                  raw=prefix, values=(value,), end=value.end))
            if len(names) < len(values):
                last_start, last = names[-1]
                items.append(Item(indicator=last, keys=(key_of(last),), start=last_start,
                                  verb=verb, raw=prefix, values=values[len(names):], end=re_))
        else:
            items.append(Item(indicator=ind, keys=keys, start=ind_start, verb=verb,
                              raw=prefix, values=values, end=re_))
        floor = re_
    return items


# --------------------------------------------------------------------------- English

_EN_QUAL_WORDS = {
    "about": "左右", "around": "左右", "approximately": "左右", "roughly": "左右",
    "at least": "以上", "over": "以上", "more than": "以上", "above": "以上",
    "no less than": "以上", "within": "以内", "no more than": "以内", "below": "以内",
    "under": "以内", "less than": "以内",
}
_EN_Q = (
    r"(?:(?P<q>about|around|approximately|roughly|at least|over|more than|above|no less than"
    r"|within|no more than|below|under|less than) )?"
)
_EN_V = r"(?P<n>\d+(?:\.\d+)?)(?P<unit> ?%| per ?cent)"
_EN_IND = r"(?P<ind>[A-Za-z][A-Za-z' -]{1,70}?)"
#: English machine translations of the target sentence (seed 000)
_EN_ITEMS = (
    rf"{_EN_IND} (?:growth|increase|rise) of {_EN_Q}{_EN_V}",
    rf"\b(?:increase|raise|grow|boost) (?:the )?{_EN_IND} by {_EN_Q}{_EN_V}",
    rf"{_EN_Q}{_EN_V} (?:growth|increase|rise) in (?:the )?{_EN_IND}(?=[;；.,，。]|$)",
    rf"{_EN_IND} (?:will |to |should )?(?:increase|grow|rise) by {_EN_Q}{_EN_V}",
)
_EN_LEAD = r"(?:the|a|an|and|to) "
_EN_TRAIL = r" (?:respectively|each)$"


@functools.cache
def _english() -> tuple[tuple[regex.Pattern[str], ...], regex.Pattern[str], regex.Pattern[str]]:
    """``_EN_ITEMS``, ``_EN_LEAD`` and ``_EN_TRAIL`` compiled, once, when a report in English
    first needs them (most never do: ``import govreport`` does not pay for them)."""
    def compiled(pattern: str) -> regex.Pattern[str]:
        return regex.compile(pattern, regex.IGNORECASE)

    return tuple(map(compiled, _EN_ITEMS)), compiled(_EN_LEAD), compiled(_EN_TRAIL)


def scan_english(text: str, start: int, end: int) -> list[Item]:
    """Items of an English (machine-translated) target sentence: ``GDP growth of 7%``,
    ``raise fiscal revenue by no less than 4%``, ``a 9% increase in …``."""
    found: list[Item] = []
    taken: list[tuple[int, int]] = []
    items, leads, trail = _english()
    for pattern in items:
        for m in pattern.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            ind_start, ind_end = m.span("ind")
            lead = leads.match(text, ind_start, ind_end)
            while lead:
                ind_start = lead.end()
                lead = leads.match(text, ind_start, ind_end)
            indicator = trail.sub("", text[ind_start:ind_end].strip())
            q = (m["q"] or "").lower()
            number = float(m["n"])
            if not math.isfinite(number):
                continue
            value = Value(low=number, high=number, unit="%", qualifier=_EN_QUAL_WORDS.get(q, ""),
                          redacted=False, start=m.start("n"), end=max(m.end(), ind_end))
            found.append(Item(indicator=indicator, keys=_keys_of(indicator),
                              start=min(ind_start, m.start("q") if m["q"] else m.start("n")),
                              verb="", raw=m.group(), values=(value,),
                              end=max(m.end(), ind_end)))
            taken.append(m.span())
    found.sort(key=lambda item: item.start)
    return found

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
from .quantities import Item, scan_english, scan_items

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


#: a sentence that states targets
STATEMENT_CUE = regex.compile(
    r"预期目标|主要目标|预期指标|主要指标|目标是|目标为|预期为|目标设定为|综合考虑各方面因素"
    r"|综合各方面因素|(?:[Mm]ain |[Mm]ajor )?[Ee]xpected (?:objectives|targets|goals)"
    r"|[Mm]ain (?:objectives|targets|goals)"
)
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
_PAST = regex.compile(r"同比(?:增长|下降)|过去一年|过去五年|一年来|五年来")


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


def _statements(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` that hold a target cue, merged, in order."""
    out: list[tuple[int, int]] = []
    for m in STATEMENT_CUE.finditer(text, start, end):
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


@attrs.define
class _Collector:
    text: str
    to_source: ToSource
    targets: list[Target] = attrs.Factory(list)
    seen: set[tuple[object, ...]] = attrs.Factory(set)

    def add(self, items: Sequence[Item], horizon: int | None, *, keyed_only: bool,
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
            h = horizon
            if sentence_horizon:
                h = _sentence_year(self.text, item.start) or horizon
            elif keyed_only:
                sentence = _sentence(self.text, item.start, max(0, item.start - 300),
                                     min(len(self.text), item.end + 300))
                if _MULTI_YEAR.search(self.text, *sentence) or _PAST.search(self.text, *sentence):
                    continue  # 力争三年内…: another horizon; 同比增长…: an achieved figure
            self._add(item, h)

    def _add(self, item: Item, horizon: int | None) -> None:
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
            self.targets.append(Target(
                key=key, indicator=item.indicator, low=value.low, high=value.high,
                unit=value.unit, qualifier=value.qualifier, horizon=horizon,
                text=self.text[item.start:end], span=self.to_source(item.start, end),
                redacted=value.redacted,
            ))


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
    """The expected targets of the annual-plan and Five-Year parts, in document order."""
    out = _Collector(text, to_source)
    for part in parts:
        if part.kind == SectionKind.ANNUAL_PLAN:
            pos = part.start
            for s, e in _statements(text, part.start, part.end):
                out.add(_items(text, pos, s, True), plan_year, keyed_only=True)
                out.add(_items(text, s, e), plan_year, keyed_only=False)
                pos = e
            out.add(_items(text, pos, part.end, True), plan_year, keyed_only=True)
        elif part.kind == SectionKind.FIVE_YEAR_PLAN:
            cue = FIVE_YEAR_CUE.search(text, part.body_start, part.end)
            if cue is None:
                continue
            horizon = _part_horizon(part, text)
            pos, _ = _sentence(text, cue.start(), part.body_start, part.end)
            for s, e in _statements(text, pos, part.end) or [(pos, pos)]:
                out.add(_items(text, pos, s, True), horizon, keyed_only=True,
                        sentence_horizon=True)
                out.add(_items(text, s, e), horizon, keyed_only=False, sentence_horizon=True)
                pos = e
            out.add(_items(text, pos, part.end, True), horizon, keyed_only=True,
                    sentence_horizon=True)
    out.targets.sort(key=lambda t: (t.span.start, t.span.end))
    return tuple(out.targets)

"""Achieved indicators: the figures of the review (工作回顾) for the keyed indicators.

``全县地区生产总值完成151.5亿元，同比增长7.9%`` → ``Indicator(key="gdp", value=151.5,
unit="亿元", growth=7.9)``. Only indicators with a key of
:data:`~govreport.quantities.INDICATOR_KEYS` are kept (the review is full of other figures).
``value`` is a level with its ``unit`` (``%`` for a rate such as 城镇调查失业率平均为5.2%);
``growth`` is a change in per cent, negative for 下降/降低/减少/回落. A figure given only as growth
has ``value=None`` and ``unit=""``; a redacted figure (×) has ``None`` and keeps its unit. A change
in 个百分点 is neither and is skipped. A figure in % is growth when its verb is one of change
(增长, 下降 …) or its indicator words name a rate of change (经济增长7.9%, 经济增速, 涨幅).
``average`` marks a growth that is an average annual rate over several years: 年均 in the verb
or the indicator words (地区生产总值年均增长6.7%, …，年均增长4.85%, 经济年均增长) — in a review
that covers the Five-Year period as well as the last year, the last year's figure is the one
without it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs
import regex

from .models import Indicator, Span
from .quantities import DECREASE_VERBS, GROWTH_VERBS, Item, Value, scan_items

__all__ = ["extract_indicators"]

ToSource = Callable[[int, int], Span]
#: a continuation (``，同比增长7.9%``) must follow its item this closely (normalised characters)
_CONTINUATION_GAP = 8
#: indicator words that name a rate of change (经济增长, 经济增速, 物价涨幅): the figure in % after
#: them is growth even without a verb
_GROWTH_WORDS = regex.compile(r"增长|增速|增幅|涨幅")
#: an average annual rate (年均增长): in the verb (lead 年均) or the indicator (经济年均增长)
_AVERAGE = "年均"


def _split(value: Value, verb: str,
           indicator: str = "") -> tuple[float | None, str, float | None] | None:
    """``(value, unit, growth)`` of one figure, or ``None`` when it is neither."""
    if value.unit == "个百分点":
        return None
    if value.unit in ("%", "‰") and (GROWTH_VERBS.search(verb)
                                     or _GROWTH_WORDS.search(indicator)):
        growth = value.low
        if growth is not None and DECREASE_VERBS.search(verb):
            growth = -growth
        return None, "", growth
    return value.low, value.unit, None


@attrs.define
class _Builder:
    text: str
    to_source: ToSource
    out: list[Indicator] = attrs.Factory(list)
    starts: list[int] = attrs.Factory(list)  # normalised start of each indicator

    def add(self, item: Item) -> list[int]:
        if len(item.keys) == 2:  # 城乡: urban and rural
            values = item.values if len(item.values) >= 2 else item.values * 2
            pairs = list(zip(item.keys, values[:2], strict=True))
        else:
            pairs = [(item.keys[0], v) for v in item.values]
        made = []
        average = _AVERAGE in item.verb or _AVERAGE in item.indicator
        for key, value in pairs:
            parts = _split(value, item.verb, item.indicator)
            if parts is None:
                continue
            level, unit, growth = parts
            made.append(len(self.out))
            self.starts.append(item.start)
            self.out.append(Indicator(key=key, value=level, unit=unit, growth=growth,
                                      average=growth is not None and average,
                                      text=self.text[item.start:value.end],
                                      span=self.to_source(item.start, value.end)))
        return made

    def extend(self, made: list[int], item: Item) -> None:
        """``…151.5亿元，同比增长7.9%`` / ``…增长6.1%、突破2万亿元``: fill the empty half."""
        parts = _split(item.values[0], item.verb)
        if parts is None:
            return
        level, unit, growth = parts
        for i in made:
            ind = self.out[i]
            if growth is not None and ind.growth is None:
                ind = attrs.evolve(ind, growth=growth, average=_AVERAGE in item.verb)
            elif level is not None and growth is None and ind.value is None \
                    and not ind.unit:
                ind = attrs.evolve(ind, value=level, unit=unit)
            else:
                continue
            start = self.starts[i]
            self.out[i] = attrs.evolve(ind, text=self.text[start:item.end],
                                       span=self.to_source(start, item.end))


def extract_indicators(text: str, ranges: Sequence[tuple[int, int]],
                       to_source: ToSource) -> tuple[Indicator, ...]:
    """The keyed indicators in the review ``ranges`` (normalised offsets), in document order."""
    builder = _Builder(text, to_source)
    for start, end in ranges:
        made: list[int] = []  # indicators made by the previous item
        last_end = -1
        for item in scan_items(text, start, end, keyed_only=True):
            if not item.indicator:
                if made and item.start - last_end <= _CONTINUATION_GAP:
                    builder.extend(made, item)
                    last_end = item.end
                continue
            last_end = item.end
            made = [] if item.keys == ("other",) else builder.add(item)
    order = sorted(range(len(builder.out)), key=lambda i: builder.starts[i])
    return tuple(builder.out[i] for i in order)

"""Reading the values of quantified statements: ``6.5%左右``, ``百分之七点五``, ``保8争9``.

A *value* is one figure or range of figures with its unit and an optional qualifier, as written
after an indicator and its verb (``地区生产总值增长`` **百分之六左右**). Everything here works on
*normalised* text: ASCII digits, ``%`` and ``-`` (full-width ％ and － folded), full-width
Chinese punctuation (，。：；), a full-width space folded to one ASCII space.

The forms read (``stretch`` is ``None`` and ``redacted`` ``False`` unless the row says)::

    | written                                | low     | high | unit      | qualifier |
    |----------------------------------------|---------|------|-----------|-----------|
    | 6.5% / 8 % / 6.5%%                     | 6.5 / 8 | same | %         |           |
    | 5%左右 / 5 %左右                       | 5       | 5    | %         | 左右      |
    | 6%-7% / 6-7% / 6 - 7 % / 6%~7%         | 6       | 7    | %         | 区间      |
    | 6至6.5% / 6.5%—7% / 8%到9% / 8到9%     | 6 / 8 … | …    | %         | 区间      |
    | 1200万人以上 / 1.2万亿元               | 1200    | 1200 | 万人      | 以上      |
    | 2个百分点 / 3‰                         | 2 / 3   | same | 个百分点 / ‰ |        |
    | ×% / ××亿元: redacted=True             | None    | None | % / 亿元  |           |
    | 百分之六 / 百分之5                     | 6 / 5   | same | %         |           |
    | 百分之七点五 / 百分之一百二十          | 7.5/120 | same | %         |           |
    | 百分之八至九 / 八到九 / 八至百分之九   | 8       | 9    | %         | 区间      |
    | 百分之六左右 / 百分之六以上            | 6       | 6    | %         | 左右/以上 |
    | 千分之六以内                           | 6       | 6    | ‰         | 以内      |
    | 两个百分点 / 零点五个百分点            | 2 / 0.5 | same | 个百分点  |           |
    | 一百万人 / 三千亿元 / 一万人以上       | 100 / 3000 / 1 | same | 万人 / 亿元 | / 以上 |
    | 保8争9 / 保八争九 / 保8%争9%: stretch=9 | 8      | 8    | %         | 以上      |

Qualifiers: ``以下``/``之内`` read as ``以内``, ``上下`` as ``左右``; with no written qualifier the
caller's *implied* qualifier applies (``不低于6%`` → ``以上``: the verb decides, see
:mod:`govreport.quantities`). Range separators between figures: ``-`` ``–`` ``—`` ``——`` ``~``
``～`` ``至`` ``到``; a space may stand before ``%``/``‰`` and around a separator.

Chinese numerals are read only where they cannot be ordinary words: after ``百分之``/``千分之``,
before ``个百分点``, in ``保…争…``, or before a counted unit when the figure or the unit holds a
magnitude (百, 千 in the figure; 万, 亿 before the unit). ``建设一个中心``, ``“十四五”规划``,
``一般公共预算``, ``三年行动``, ``两岸``, ``千家万户`` hold no value. A Chinese figure that is
not well formed (``三四个百分点``) is not a value.

API:

* :class:`Value` — one value (normalised offsets).
* :data:`VALUE` — one value, with named groups ``lo``, ``lu`` (a unit written after the low
  figure of a range), ``hi``, ``unit``, ``q`` (qualifier), ``st`` (the stretch figure of
  ``保…争…``), ``pc`` (``百分之``/``千分之``) and ``bz`` (the ``保`` of a stretch form).
* :data:`VALUE_RUN` — a run of values joined by ``、``/``和``/``及``/``或``.
* :data:`VALUE_RUN_GROUPS` — the same runs, with the groups of :data:`VALUE` for the first value.
* :func:`read_values` — the :class:`Value` s in a span (one run).
* :func:`run_values` — the :class:`Value` s of a match of :data:`VALUE_RUN_GROUPS`.
* :func:`number` — one figure, Arabic or Chinese, as a float.

Every pattern is linear on adversarial input: figures are taken possessively and never started
inside another figure, so a long run of digits or numerals costs one pass, not one per
character.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import regex

__all__ = [
    "QUALIFIERS",
    "VALUE",
    "VALUE_RUN",
    "VALUE_RUN_GROUPS",
    "Value",
    "number",
    "read_values",
    "run_values",
]


@attrs.frozen(kw_only=True)
class Value:
    """One figure of a run (normalised offsets). ``low``/``high`` are ``None`` when redacted.

    ``qualifier`` is ``左右``, ``以上``, ``以内``, ``区间`` (a range) or ``""``. ``stretch`` is the
    higher figure a ``保…争…`` form strives for (``保8争9``: ``low == high == 8``, qualifier
    ``以上``, ``stretch == 9``), else ``None``.
    """

    low: float | None
    high: float | None
    unit: str
    qualifier: str
    redacted: bool
    start: int
    end: int
    stretch: float | None = None


# --------------------------------------------------------------------------- figures

_CN_DIGITS = "〇零一二两三四五六七八九"
_CN_DIGIT_VALUE = {c: v for v, chars in enumerate(
    ("〇零", "一", "二两", "三", "四", "五", "六", "七", "八", "九")) for c in chars}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
#: digits after 点 (两 is never a decimal digit)
_CN_FRACTION = "〇零一二三四五六七八九"

#: an Arabic figure, or a redacted one (×, ××); possessive and never started inside another
#: figure, so a long digit run without a unit costs one pass, not one pass per digit. Each
#: figure pattern looks at its first character before its lookbehind: most positions of a text
#: fail there, the cheapest test
_NUM = r"(?=[\d×])(?<![\d.×])(?>\d++(?:\.\d++)?|×{1,3}+)"


def _cn_start(first: str) -> str:
    """Where a Chinese figure starting with one of ``first`` may start: not inside another
    figure, nor right after 万/亿, 第, or 点 in a figure."""
    return rf"(?=[{first}])(?<![{_CN_DIGITS}十百千万亿第])(?<![{_CN_DIGITS}十百千]点)"


_CN_TAIL = rf"[{_CN_DIGITS}十百千]*+(?:点[{_CN_FRACTION}]++)?"
#: a Chinese figure that starts with a digit or 十: 六, 七点五, 十二, 一百二十, 两
_CN_BODY = rf"(?>[{_CN_DIGITS}十]{_CN_TAIL})"
_CN = rf"{_cn_start(_CN_DIGITS + '十')}{_CN_BODY}"
#: after 百分之 a figure may also start with 百 (百分之百)
_CN_PC = rf"{_cn_start(_CN_DIGITS + '十百')}(?>[{_CN_DIGITS}十百]{_CN_TAIL})"
#: a Chinese figure with a magnitude: 百 or 千 in the figure, or 万/亿 right after it (the
#: lookahead scans the figure: it is tried only where a figure starts)
_CN_MAG = rf"(?:(?=[{_CN_DIGITS}十点]*+[百千]){_CN_BODY}|{_CN_BODY}(?=[万亿]))"

# --------------------------------------------------------------------------- units

#: counted units, after an optional magnitude (万亿/亿/万/千)
_WORD_UNIT = (
    r"(?:万亿|亿|万|千)?(?:美元|元|公斤|斤|吨|人次|人|户|亩|千瓦|辆|套|公里"
    r"|平方米|标准箱|个|家|所|项|座)"
)
#: units after an Arabic figure: % (a doubled %% is read as %) and ‰, each after an optional
#: space (``8 %``), 个百分点, or a counted unit
_UNIT = rf"(?:[ ]?(?:%{{1,2}}+|‰)|个百分点|{_WORD_UNIT})"
#: the qualifier written after a value; 以下/之内 read as 以内, 上下 as 左右
_QUAL = r"(?:左右|以上|以内|以下|之内|上下)"
QUALIFIERS: dict[str, str] = {"左右": "左右", "上下": "左右", "以上": "以上", "以内": "以内",
                              "以下": "以内", "之内": "以内"}
"""A written qualifier → the qualifier of :class:`Value`."""
#: range separators: ASCII hyphen (full-width － is folded to it), en/em dashes, tildes, 至, 到
_SEP = r"(?:-|–|—{1,2}+|~|～|至|到)"
_SEP_SP = rf"[ ]?{_SEP}[ ]?"


def _value_pattern(named: bool) -> str:
    def g(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if named else f"(?:{body})"

    figure = rf"(?:{_NUM}|{_CN})"
    percent_figure = rf"(?:{_NUM}|{_CN_PC})"
    forms = (
        # 6.5%, 6%-7%, 6至6.5%, 8 %, 6 - 7 %, 1200万人以上, ×%
        rf"{g('lo', _NUM)}(?:{g('lu', _UNIT)}?{_SEP_SP}{g('hi', _NUM)})?{g('unit', _UNIT)}"
        rf"{g('q', _QUAL)}?",
        # 百分之六, 百分之八至九, 百分之八至百分之九, 千分之六; an upper figure written without
        # 百分之 is not a year or a date (百分之六到2025年); 六个百分之百 is a slogan, not a value
        rf"{g('pc', '[百千](?<!个.)分之')}{g('lo', percent_figure)}"
        rf"(?:{_SEP_SP}(?:[百千]分之)?{g('hi', percent_figure)}(?![年月日号]))?"
        rf"{g('q', _QUAL)}?",
        # 两个百分点, 零点五个百分点, 一至两个百分点; 一百万人, 三千亿元, 一万人以上
        rf"{_cn_start(_CN_DIGITS + '十')}"
        rf"(?:{g('lo', _CN_BODY)}(?:{_SEP}{g('hi', _CN)})?{g('unit', '个百分点')}"
        rf"|{g('lo', _CN_MAG)}{g('unit', _WORD_UNIT)}){g('q', _QUAL)}?",
        # 保8争9, 保八争九, 保8%争9%
        rf"{g('bz', '保')}{g('lo', figure)}{g('lu', '%')}?争{g('st', figure)}"
        rf"{g('unit', '%{1,2}+')}?",
    )
    return "(?:" + "|".join(forms) + ")"


#: one value (named groups ``lo``, ``lu``, ``hi``, ``unit``, ``q``, ``st``, ``pc``, ``bz``)
VALUE: regex.Pattern[str] = regex.compile(_value_pattern(named=True))
# the order in which read_values unpacks ``m.groups()`` (one tuple is ~6x cheaper than the
# groups one by one by name)
assert tuple(VALUE.groupindex) == ("lo", "lu", "hi", "unit", "q", "pc", "bz", "st")
_VALUE_NC = _value_pattern(named=False)
#: a run of values: ``6%和7%``, ``9%、9.5%``, ``×%左右、×%以内``, ``百分之六和百分之七``
VALUE_RUN: regex.Pattern[str] = regex.compile(
    rf"{_VALUE_NC}(?:(?:、|和|及|或)[ ]?{_VALUE_NC})*"
)
#: :data:`VALUE_RUN` with the groups of :data:`VALUE` for the first value and group ``rest`` for
#: the values after it: :func:`run_values` reads most runs (one value) without matching again
VALUE_RUN_GROUPS: regex.Pattern[str] = regex.compile(
    rf"{VALUE.pattern}(?P<rest>(?:(?:、|和|及|或)[ ]?{_VALUE_NC})*)"
)
assert tuple(VALUE_RUN_GROUPS.groupindex) == (*VALUE.groupindex, "rest")


def _chinese_integer(s: str) -> int | None:
    """``十二`` → 12, ``一百二十`` → 120, ``一百零五`` → 105, ``一百二`` → 120, ``两`` → 2."""
    total = 0
    digit: int | None = None  # a digit waiting for its unit
    last_unit = 10_000  # units must fall: 千 > 百 > 十
    zero = False  # a 零 between units (一百零五)
    for c in s:
        unit = _CN_UNITS.get(c)
        if unit is None:
            value = _CN_DIGIT_VALUE.get(c)
            if value is None or digit is not None:
                return None  # not a numeral character, or two digits in a row (三四)
            if value == 0:
                if zero and total:
                    return None
                zero = True
                continue
            digit = value
            continue
        if unit >= last_unit:
            return None
        if digit is None:
            if c != "十" or total or zero:
                return None  # 百 or 千 without a digit: only 十 may stand alone (十二)
            digit = 1
        total += digit * unit
        last_unit, digit, zero = unit, None, False
    if digit is not None:
        # 一百零五, 十二, 五: the digit is units; 一百二: short for 一百二十
        total += digit if zero or last_unit in (10, 10_000) else digit * (last_unit // 10)
    elif not total and not zero:
        return None
    return total


def number(s: str) -> float | None:
    """One figure as written: ``6.5`` → 6.5, ``七点五`` → 7.5, ``两`` → 2.0, ``一百二十`` →
    120.0, ``零点五`` → 0.5; ``None`` for a redacted figure (``×``, ``××``) or text that is not
    a figure (``三四``, ``点五``). ``百`` alone is 100 (百分之百)."""
    if not s or s.startswith("×"):
        return None
    if s[0].isascii():
        try:
            return float(s)
        except ValueError:
            return None
    whole, dot, fraction = s.partition("点")
    if s == "百":
        return 100.0
    integer = _chinese_integer(whole)
    if integer is None:
        return None
    if not dot:
        return float(integer)
    if not fraction or any(c not in _CN_FRACTION for c in fraction):
        return None
    digits = "".join(str(_CN_DIGIT_VALUE[c]) for c in fraction)
    return float(f"{integer}.{digits}")


def read_values(text: str, start: int, end: int,
                implied_qualifier: str | Callable[[], str] = "") -> tuple[Value, ...]:
    """The values of ``text[start:end]`` (a run found by :data:`VALUE_RUN`), in order.

    ``implied_qualifier`` is the qualifier for a value written without one (the verb's:
    ``不低于`` → ``以上``), or a function giving it, called at most once and only when needed.
    A figure that overflows to infinity (hundreds of digits) or a Chinese figure that is not
    well formed is not a value.
    """
    return _values([(m.groups(), m.start(), m.end()) for m in VALUE.finditer(text, start, end)],
                   implied_qualifier)


def run_values(text: str, run: regex.Match[str],
               implied_qualifier: str | Callable[[], str] = "") -> tuple[Value, ...]:
    """``read_values(text, *run.span(), implied_qualifier)`` for ``run``, a match of
    :data:`VALUE_RUN_GROUPS`: the first value is read from the groups of the run."""
    *groups, rest = run.groups()
    first_end = run.start("rest")
    found = [(groups, run.start(), first_end)]
    if rest:
        found += [(m.groups(), m.start(), m.end())
                  for m in VALUE.finditer(text, first_end, run.end())]
    return _values(found, implied_qualifier)


def _values(found: Sequence[tuple[Sequence[str | Any], int, int]],
            implied_qualifier: str | Callable[[], str]) -> tuple[Value, ...]:
    """The :class:`Value` s of the groups of :data:`VALUE` matched at ``(start, end)`` (typed as
    ``regex`` types groups: ``lo`` is always set)."""
    out = []
    implied: str | None = implied_qualifier if isinstance(implied_qualifier, str) else None
    for groups, start, end in found:
        lo_text, lu, hi_text, unit, q, pc, bz, st_text = groups
        lo = number(lo_text)
        hi = number(hi_text) if hi_text else None
        stretch = number(st_text) if st_text else None
        redacted = lo_text.startswith("×") or bool(hi_text and hi_text.startswith("×"))
        if (lo is None and not lo_text.startswith("×")) or (
                hi_text and hi is None and not hi_text.startswith("×")) or (
                st_text and (stretch is None or not math.isfinite(stretch))):
            continue  # a Chinese figure that is not well formed (三四个百分点)
        if (lo is not None and not math.isfinite(lo)) or (hi is not None
                                                          and not math.isfinite(hi)):
            continue  # "增长999…9%" with hundreds of digits: not a figure anyone meant
        unit = (unit or "").lstrip(" ")
        if pc:
            unit = "%" if pc == "百分之" else "‰"
        elif not unit:
            unit = lu or "%"  # 保8争9: a growth rate
        if unit == "%%":  # 5%%左右: a doubled sign
            unit = "%"
        if hi_text:
            qualifier = "区间"
        elif bz:
            qualifier = "以上"
        elif q:
            qualifier = QUALIFIERS[q]
        else:
            if implied is None:
                assert not isinstance(implied_qualifier, str)
                implied = implied_qualifier()
            qualifier = implied
        if hi is None and hi_text is None:
            hi = lo
        out.append(Value(low=lo, high=hi, unit=unit, qualifier=qualifier, redacted=redacted,
                         start=start, end=end, stretch=stretch))
    return tuple(out)

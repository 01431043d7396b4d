"""The ``width`` step against its definition, one character at a time."""

from __future__ import annotations

import sys

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from govreport.normalize import _ASCII_STOP, _HAN_CLASS, width

_HAN = regex.compile(r"\p{Han}")
_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
#: full-width forms but the punctuation Chinese keeps full-width, and every space but tab,
#: vertical tab, form feed and the line breaks of the ``newlines`` step
_FOLD = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if chr(c) not in "！（），：；？"}
_FOLD.update({chr(c): " " for c in range(sys.maxunicode + 1)
              if chr(c).isspace() and chr(c) not in " \t\n\v\f\r\x85\u2028\u2029"})


def defined_width(text: str) -> str:
    """The step as its docstring defines it: full-width forms and spaces fold, and an ASCII
    mark after a Han character, or before one (``(`` only before, ``)`` only after), turns
    full-width; then an ASCII full stop that ends a sentence becomes 。."""
    out = []
    for i, c in enumerate(text):
        if c in _TO_FULL:
            after_han = c != "(" and i > 0 and _HAN.match(text[i - 1]) is not None
            before_han = c != ")" and i + 1 < len(text) and _HAN.match(text[i + 1]) is not None
            out.append(_TO_FULL[c] if after_han or before_han else c)
        else:
            out.append(_FOLD.get(c, c))
    folded = "".join(out)
    return _ASCII_STOP.sub("。", folded) if "." in folded else folded


def test_han_class_is_the_han_script_of_regex() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert [m.start() for m in regex.finditer(f"[{_HAN_CLASS}]", every)] \
        == [m.start() for m in _HAN.finditer(every)]


#: Han (BMP, compatibility, supplementary, 〇 々), CJK punctuation that is not Han, the ASCII
#: marks and the full stop, full-width forms (folded and kept), spaces, letters, digits, line
#: breaks and a lone surrogate
_ALPHABET = list(
    "一汉〇々⺀豈\U00020000\U00031350"
    "。，、（）《》ー"
    ",;:!?().%\"”）"
    "０Ａｚ！（），．％＂\u3000\u00a0\u2000\u202f\x1c\u1680"
    "aZ5 \t\n\ud800"
)
_TEXT = st.text(st.one_of(st.sampled_from(_ALPHABET), st.characters()), max_size=60)


@settings(max_examples=500)
@given(_TEXT)
@example("(一)聚焦发展,推动转型;县长:张三!English, stays (1) as is: 2.5")
@example(",汉,")
@example("汉,\u3000,汉")
@example("(汉)")
@example(")汉(")
@example("汉(\u3000")
@example("\u3000,\u3000")
def test_width_is_its_definition(text: str) -> None:
    out, deleted = width(text)
    assert out == defined_width(text)
    assert deleted == []

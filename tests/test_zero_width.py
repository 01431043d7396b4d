"""The ``zero_width`` step's pattern against the alternation it was first written as."""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from govreport.normalize import _ZW, zero_width

_ALTERNATION = regex.compile(rf"(?<=[^\n])\n[{_ZW}]+\n(?=[^\n])|[{_ZW}]+")


@settings(max_examples=500)
@given(st.text(st.sampled_from(["\n", "\n", "字", "a", " ", *_ZW]), max_size=40))
@example("a\n\u200b\nb")
@example("a\n\u200b\n\u200b\nb")
@example("\n\u200b\nb")
@example("a\n\u200b\n")
@example("a\n\n\u200b\n\nb")
@example("\u200b\u200c字\ufeff")
def test_zero_width_deletes_what_the_alternation_matches(text: str) -> None:
    runs = [m.span() for m in _ALTERNATION.finditer(text)]
    out, deleted = zero_width(text)
    assert deleted == runs
    assert out == _ALTERNATION.sub("", text)

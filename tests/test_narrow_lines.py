"""Runs of narrow lines (``unwrap``): the scan for line breaks against the scan for line starts."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from govreport.normalize import (
    _NARROW_RUN,
    _STRUCTURAL,
    _breaks_to_spaces,
    _is_chrome,
    _narrow_lines,
)

_NARROW_LINE = re.compile(r"(?m)^[ \t]*\S{1,2}[ \t]*$")


def scanned_narrow_lines(text: str) -> str:
    """The runs found by a pattern led by ``^`` (tried at every position of the text), blank
    lines between them allowed: how the step first found them."""
    runs: list[tuple[int, int]] = []
    first = last = -1
    count = 0
    for m in _NARROW_LINE.finditer(text):
        start, end = m.span()
        line = m.group().strip()
        narrow = not (_STRUCTURAL.match(line) or _is_chrome(line))
        if narrow and count and text.count("\n", last, start) == start - last:
            count, last = count + 1, end
            continue
        if count >= _NARROW_RUN:
            runs.append((first, last))
        first, last, count = start, end, int(narrow)
    if count >= _NARROW_RUN:
        runs.append((first, last))
    return _breaks_to_spaces(text, runs)


#: narrow lines (one or two characters, some padded), heading numerals and chrome that end a
#: run, empty and blank lines, lines padded with other spaces, and longer lines
_LINE = st.one_of(
    st.sampled_from(["字", "国家", " 民", "\t经 ", "a", "1", "一、", "1.", "首页", "", "", " ",
                     "\u3000字", "\x0c字", "字\r", "第一部分", "政府工作报告全文", "增长5%。"]),
    st.text(st.sampled_from("字a1 \t\u3000\x0b、。"), max_size=4),
)


@settings(max_examples=300)
@given(st.lists(_LINE, max_size=40))
@example(["字"] * 8)
@example(["字"] * 7 + ["一、"] + ["字"] * 8)
@example(["字", ""] * 8 + [" ", "字"])
@example([""] + ["字"] * 9 + [""])
def test_narrow_lines_as_a_scan_of_line_starts_finds_them(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert _narrow_lines(text) == scanned_narrow_lines(text)

"""The shortcuts of segmentation's run-on scans find what the plain scans find.

``segment._part_nouns`` scans only the clauses where a part noun can follow a sentence end,
``segment._sentence_start`` looks back with one reverse search, and a bare part numeral is
found at its 、; each is checked against the plain version (``PART_NOUN`` over the whole line,
a loop over the characters, the numeral pattern read forward) on every real text and on text
drawn from the characters that matter to them.
"""

from __future__ import annotations

import importlib

import regex
from hypothesis import example, given
from hypothesis import strategies as st

from govreport import segment
from govreport.vocabulary import PART_NOUN

from .conftest import SHARED, requires_shared

normalize = importlib.import_module("govreport.normalize")


def _plain_sentence_start(text: str, pos: int, start: int) -> int | None:
    """``_sentence_start`` as a loop over the characters before ``pos``."""
    for i in range(pos - 1, max(start, pos - segment._TITLE_BEFORE_NOUN) - 1, -1):
        if text[i] in "。！？；!?;":
            j = i + 1
            while j < pos and text[j] in segment._SPACE:
                j += 1
            return j
        if text[i] in "，,：:":
            return None
    return None


#: a part numeral not after 第 or a digit, read from its first character
_PLAIN_BARE_NUMERAL = regex.compile(r"(?<![第\d])[一二三四五六七八九十]{1,2}、")


def _noun_sentences(matches: list[int], text: str, start: int) -> set[int | None]:
    return {_plain_sentence_start(text, pos, start) for pos in matches} - {None}


def _check_line(text: str, start: int, end: int) -> None:
    fast = [m.start() for m in segment._part_nouns(text, start, end)]
    plain = [m.start() for m in PART_NOUN.finditer(text, start, end)]
    assert set(fast) <= set(plain)
    assert _noun_sentences(fast, text, start) == _noun_sentences(plain, text, start)
    assert [(m.start("numeral"), m.end())
            for m in segment._BARE_PART_NUMERAL.finditer(text, start, end)] == \
        [m.span() for m in _PLAIN_BARE_NUMERAL.finditer(text, start, end)]
    for pos in range(start, end + 1):
        assert segment._sentence_start(text, pos, start) == \
            _plain_sentence_start(text, pos, start)


#: the characters the scans turn on: sentence ends, clause breaks, spaces, and words of
#: part nouns (满意…政府 may run across a ！)
_PIECES = st.sampled_from(
    ["。", "！", "？", "；", "!", "?", ";", "，", ",", "：", ":", " ", "\u3000", "\t",
     "工作回顾", "回顾", "目标任务", "主要", "任务", "工作", "政府", "自身建设", "满意", "的",
     "人民", "2024年", "重点工作", "结束语", "review", "goals", " the ", "Self-improvement",
     "发展", "和", "过去一年", "经济", "稳中向好", "各位代表", "一、", "（一）", "我们",
     "第", "十", "二", "、", "5"])


@given(st.lists(_PIECES, max_size=60).map("".join), st.integers(0, 3))
@example("满意！政府工作回顾。任务", 0)
@example("，满意！好政府任务！回顾", 0)
@example("第十一、5十二、三十一、", 1)
def test_scans_find_what_the_plain_scans_find(text: str, lead: int) -> None:
    line = "前" * lead + text
    _check_line(line, lead, len(line))  # (the line's start inside the text)


@requires_shared
def test_scans_on_the_real_texts() -> None:
    for path in sorted(SHARED.rglob("*.txt")):
        text = normalize.normalize(path.read_text(encoding="utf-8")).text
        pos = 0
        for line in text.split("\n"):
            if len(line) >= segment.RUN_ON_LENGTH:
                _check_line(text, pos, pos + len(line))
            pos += len(line) + 1

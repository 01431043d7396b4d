"""The shortcuts of segmentation's run-on scans find what the plain scans find.

``segment._part_nouns`` scans only the clauses where a part noun can follow a sentence end,
``segment._sentence_start`` looks back with one reverse search, and a bare part numeral is
found at its 、; each is checked against the plain version (``PART_NOUN`` over the whole line,
a loop over the characters, the numeral pattern read forward) on every real text and on text
drawn from the characters that matter to them.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

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


def _real_run_on_lines() -> Iterator[tuple[str, str, int, int]]:
    """``(file name, normalised text, start, end)`` of each run-on line of the real texts
    (without the spaces around it)."""
    for path in sorted(SHARED.rglob("*.txt")):
        text = normalize.normalize(path.read_text(encoding="utf-8")).text
        pos = 0
        for line in text.split("\n"):
            stripped = line.strip(segment._SPACE)
            if len(stripped) >= segment.RUN_ON_LENGTH:
                start = pos + len(line) - len(line.lstrip(segment._SPACE))
                yield path.name, text, start, start + len(stripped)
            pos += len(line) + 1


@requires_shared
def test_scans_on_the_real_texts() -> None:
    for _, text, start, end in _real_run_on_lines():
        _check_line(text, start, end)


# --------------------------------------------------------------------------- run-on lines alone

#: what may stand before a run-on line: nothing, a line (ending in a sentence end, a letter, a
#: digit or a numeral), blank lines, and the line's own leading spaces
_BEFORE = st.sampled_from(["", "一、回顾\n", "经济平稳。\n", "It grew 5.\n", "第\n", "2\n",
                           "\n\n", " \n", "\t"])


def _fields(blocks: list[segment.Block]) -> list[tuple[object, ...]]:
    return [(b.start, b.end, b.embedded, b.title_end, b.restart, b.stretch) for b in blocks]


def _in_context(text: str, start: int, end: int) -> list[tuple[object, ...]]:
    """The blocks ``_split_run_on`` cuts from ``text[start:end]`` where it stands."""
    return _fields(segment._split_run_on(text, start, end))


@given(_BEFORE, st.lists(_PIECES, min_size=1, max_size=80).map("".join),
       st.sampled_from(["", " ", "\u3000 "]))
@example("经济平稳。\n", "。一、回顾。（一）好。（二）好。（一）又。", "")
@example("It grew 5.\n", ".II. Work Arrangements for 2025.Second, goals", " ")
def test_a_run_on_line_is_cut_as_it_stands_alone(before: str, line: str, lead: str) -> None:
    line = line.strip(segment._SPACE) or "。"
    text = before + lead + line + "\n下一行。"
    start = len(before) + len(lead)
    expected = _in_context(text, start, start + len(line))
    known: segment.RunOnCuts = {}
    assert _fields(segment._run_on(line, start, known)) == expected
    again = _fields(segment._run_on(line, start + 7, known))  # from ``known``, elsewhere
    assert again == [(a + 7, e + 7, emb, None if t is None else t + 7, r, s if s < 0 else s + 7)
                     for a, e, emb, t, r, s in expected]


@requires_shared
def test_run_on_lines_of_the_real_texts_are_cut_as_they_stand_alone() -> None:
    for name, text, start, end in _real_run_on_lines():
        assert _fields(segment._run_on(text[start:end], start, None)) == \
            _in_context(text, start, end), name

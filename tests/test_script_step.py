"""The ``script`` step: detection against a count one match at a time, and lone surrogates."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from govreport.normalize import (
    _LATIN_WORD,
    _SAMPLE,
    TRADITIONAL_SHARE,
    _count_han,
    _t2s,
    _traditional_pattern,
    detect_script,
    normalize,
)


def counted_detect_script(text: str) -> str:
    """:func:`detect_script` with the traditional-only characters counted in a Python loop."""
    if len(text) > 2 * _SAMPLE:
        mid = len(text) // 2
        sample = text[:_SAMPLE] + text[mid : mid + _SAMPLE]
    else:
        sample = text
    han = _count_han(sample)
    if han == 0:
        return "en" if _LATIN_WORD.search(sample) else "zh-Hans"
    for trad, _ in enumerate(_traditional_pattern().finditer(sample), 1):
        if trad >= 3 and trad >= TRADITIONAL_SHARE * han:
            return "zh-Hant"
    if len(sample.encode("ascii", "ignore")) <= han:
        return "zh-Hans"
    if len(_LATIN_WORD.findall(sample)) * 2 > han:
        return "mixed"
    return "zh-Hans"


#: pieces of text: simplified, traditional-only and shared Han characters, Latin words,
#: punctuation and spaces; repeated, so that the share of traditional ones lands near 5%
_PIECE = st.sampled_from(["国家", "发展", "经济", "國", "發展", "們", "人民", "中", "word",
                          "ab", "，", "。", " ", "\n", "1"])


@settings(max_examples=300)
@given(st.lists(st.tuples(_PIECE, st.integers(1, 60)), max_size=12))
@example([("国家", 19), ("國", 2)])  # 2 traditional of 40: fewer than 3
@example([("国家", 19), ("國", 3)])  # 3 of 41: over 5%
@example([("国家", 40), ("國", 4)])  # 4 of 84: under 5%, 5 needed
@example([("国家", 40), ("國", 5)])
@example([("国家", 5000), ("國", 600)])  # longer than the sample
def test_detect_script_counts_as_far_as_the_verdict_needs(pieces: list[tuple[str, int]]) -> None:
    text = "".join(piece * n for piece, n in pieces)
    assert detect_script(text) == counted_detect_script(text)


def test_traditional_text_with_lone_surrogates_converts_around_them() -> None:
    assert _t2s("漢\ud800語\udfff們") == "汉\ud800语\udfff们"
    assert _t2s("漢語們") == "汉语们"
    text = "經濟發展\ud800，國家們。" * 5
    norm = normalize(text)
    assert norm.script == "zh-Hant"
    assert norm.text == "经济发展\ud800，国家们。" * 5

"""The shortcuts of the search give what the plain definitions give: the readings whose
numbering ``_Search.step`` takes for granted (govreport/choose.py)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from govreport import choose
from govreport.choose import NumState, numbering
from govreport.classify import Candidate, HeadingCandidate, Reading, TokenKind
from govreport.segment import CutBlock

_FAMILIES = (None, "cjk", "di_part", "roman", "en_word", "paren_cjk", "paren_arabic",
             "arabic_dot", "di", "truncated", "bare")
_ORDINALS = (None, 1, 2, 3)

_STATES = st.builds(
    NumState, part=st.integers(-2, 4).filter(lambda n: n != 0),
    part_family=st.sampled_from(_FAMILIES), bare=st.booleans(), chapter=st.integers(0, 3),
    chapter_family=st.sampled_from(_FAMILIES), nested=st.sampled_from(_FAMILIES),
    demoted=st.sampled_from(_FAMILIES), opened=st.booleans(), loose=st.integers(-3, 3))


def _candidates() -> list[Candidate]:
    """Blocks of every look, and a numeral of every family for a heading's (a title's
    without numeral may be truncated)."""
    out = []
    for look, embedded, ordinal, next_chapter in itertools.product(
            TokenKind, (False, True), _ORDINALS, (None, 2)):
        numbered = look in (TokenKind.PART_HEADING, TokenKind.CHAPTER_HEADING)
        for family in _FAMILIES if numbered else (None, "truncated", "bare"):
            cand = HeadingCandidate(CutBlock(0, 60, embedded, None, 0, -1), look)
            cand.family, cand.ordinal, cand.next_chapter = family, ordinal, next_chapter
            out.append(cand)
    return out


_CANDIDATES = _candidates()


@settings(max_examples=60)
@given(_STATES)
def test_plain_readings_leave_the_numbering_as_it_is(state: NumState) -> None:
    for cand in _CANDIDATES:
        for kind in choose._plain_readings(cand):
            reading = Reading(kind, 0.0, "drawn")
            cand.readings = [reading, Reading(TokenKind.PARA, 0.0, "paragraph")]
            assert numbering(state, reading, cand) == (0.0, state, None, None), (cand, kind)

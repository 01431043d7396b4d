"""The grammar-guided choice (govreport/choose.py): the outline chosen for the texts of
tests/fixtures/outline.txt, and the recogniser against lark's own parser."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govreport
from govreport.choose import recogniser
from govreport.classify import TokenKind
from govreport.grammar import parser
from govreport.models import Subsection

from .fixture_files import Case, params

#: the terminals the grammar declares
TERMINALS = [k.value for k in TokenKind
             if k not in (TokenKind.BOILERPLATE, TokenKind.BARE, TokenKind.PART_HEADING)]


def outline_lines(report: govreport.Report, titled: list[bool] | None = None) -> list[str]:
    """``kind ordinal (subsections)`` per top-level section; with ``「title」`` after it for
    the sections where ``titled`` says so."""
    lines = []
    for k, s in enumerate(report.sections):
        line = s.kind.value if s.ordinal is None else f"{s.kind.value} {s.ordinal}"
        subs = sum(isinstance(c, Subsection) for c in s.children)
        line = f"{line} ({subs})" if subs else line
        if titled is not None and k < len(titled) and titled[k]:
            line += f" 「{s.title}」"
        lines.append(line)
    return lines


@pytest.mark.parametrize("case", params("outline.txt"))
def test_outline(case: Case) -> None:
    report = govreport.parse(case.input)
    expected = case.expected.splitlines()
    sections = [e for e in expected if not e.startswith("!")]
    assert outline_lines(report, [e.endswith("」") for e in sections]) == sections
    codes = {d.code for d in report.diagnostics}
    for line in expected:
        if line.startswith("! "):
            assert line[2:] in codes, f"no {line[2:]} diagnostic: {sorted(codes)}"


def test_inferred_decisions_say_how_sure_they_are() -> None:
    case = next(c for c in [p.values[0] for p in params("outline.txt")]  # type: ignore[attr-defined]
                if c.title.startswith("lost outer numbering"))
    report = govreport.parse(case.input)
    decided = [d for d in report.diagnostics
               if d.code in ("inferred_ordinal", "inferred_level", "inferred_kind")]
    assert decided
    for d in decided:
        assert d.confidence is not None
        assert 0.5 <= d.confidence <= 1.0
        assert d.reading
    assert report.confidence == min(d.confidence for d in report.diagnostics
                                    if d.confidence is not None)


@given(st.lists(st.sampled_from(TERMINALS), max_size=30))
def test_the_recogniser_accepts_what_lark_accepts(terminals: list[str]) -> None:
    """Feeding the terminals one by one: the recogniser rejects exactly where lark's
    interactive parser does, and accepts the end exactly when lark does."""
    import lark

    rec = recogniser()
    stack = rec.start
    interactive = parser().parse_interactive([])
    for terminal in terminals:
        accepted_by_lark = terminal in interactive.accepts()
        nxt = rec.feed(stack, (terminal,))
        assert (nxt is not None) == accepted_by_lark, terminal
        if nxt is None:
            return
        stack = nxt
        interactive.feed_token(lark.Token(terminal, terminal))
    assert rec.accepts_end(stack) == ("$END" in interactive.accepts())

"""The lexer hands a run of body blocks (or of preamble lines) to the grammar as one terminal;
that must never change what the grammar accepts, where it fails, or where a block ends up in the
tree."""

from __future__ import annotations

from typing import Any

import lark
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.lark import from_lark

from govreport.classify import TokenKind
from govreport.grammar import parser
from govreport.lexer import BODY_KINDS, FRONT_KINDS, BlockToken, to_lark
from govreport.outline import Token

GRAMMAR_KINDS = [k for k in TokenKind
                 if k not in (TokenKind.BOILERPLATE, TokenKind.BARE, TokenKind.PART_HEADING)]
#: one character per terminal, so that a generated document spells its token sequence
CODE = {kind: chr(ord("a") + i) for i, kind in enumerate(GRAMMAR_KINDS)}
KIND_OF = {c: k for k, c in CODE.items()}


def tokens_of(kinds: list[TokenKind]) -> list[Token]:
    return [Token(kind, i, i + 1) for i, kind in enumerate(kinds)]


def one_per_block(tokens: list[Token]) -> list[lark.Token]:
    """The plain lexer: one terminal per visible token."""
    return [lark.Token(t.kind.value, t, start_pos=t.start, end_pos=t.end, line=i + 1, column=1)
            for i, t in enumerate(tokens) if t.kind != TokenKind.BOILERPLATE]


def shape(node: Any) -> Any:
    """A tree as nested (rule, children) with every terminal expanded to its token positions."""
    if isinstance(node, lark.Tree):
        flat: list[Any] = []
        for child in node.children:
            s = shape(child)
            if isinstance(s, list):
                flat.extend(s)
            else:
                flat.append(s)
        return (node.data, tuple(flat))
    run = node.run if isinstance(node, BlockToken) else [node.value]
    return [t.start for t in run]


def outcome(lark_tokens: list[lark.Token]) -> tuple[str, Any]:
    try:
        return "ok", shape(parser().parse(lark_tokens))
    except lark.exceptions.UnexpectedInput as exc:
        bad = getattr(exc, "token", None)
        value = bad.value if isinstance(bad, lark.Token) else None
        return "error", value.start if isinstance(value, Token) else "end"


@given(st.lists(st.sampled_from([*GRAMMAR_KINDS, TokenKind.BOILERPLATE]), max_size=40))
def test_runs_change_nothing_on_any_sequence(kinds: list[TokenKind]) -> None:
    tokens = tokens_of(kinds)
    assert outcome(to_lark(tokens)) == outcome(one_per_block(tokens))


DOCUMENTS = from_lark(parser(), explicit={k.value: st.just(c) for k, c in CODE.items()})


@given(DOCUMENTS)
def test_runs_change_nothing_on_documents_of_the_grammar(doc: str) -> None:
    tokens = tokens_of([KIND_OF[c] for c in doc])
    merged = to_lark(tokens)
    assert outcome(merged) == outcome(one_per_block(tokens))
    assert outcome(merged)[0] == "ok"


@given(DOCUMENTS, st.data())
def test_runs_change_nothing_on_damaged_documents(doc: str, data: st.DataObject) -> None:
    kinds = [KIND_OF[c] for c in doc]
    for _ in range(data.draw(st.integers(1, 3))):  # insert or overwrite a few tokens
        at = data.draw(st.integers(0, len(kinds)))
        kind = data.draw(st.sampled_from([*GRAMMAR_KINDS, TokenKind.BOILERPLATE]))
        if data.draw(st.booleans()) and at < len(kinds):
            kinds[at] = kind
        else:
            kinds.insert(at, kind)
    tokens = tokens_of(kinds)
    assert outcome(to_lark(tokens)) == outcome(one_per_block(tokens))


def test_a_run_of_body_blocks_is_one_terminal() -> None:
    kinds = [TokenKind.REVIEW_HEADING, TokenKind.PARA, TokenKind.BOILERPLATE, TokenKind.ITEM,
             TokenKind.SALUTATION, TokenKind.CHAPTER_HEADING, TokenKind.PARA]
    merged = to_lark(tokens_of(kinds))
    assert [t.type for t in merged] == ["REVIEW_HEADING", "PARA", "CHAPTER_HEADING", "PARA"]
    run = merged[1]
    assert isinstance(run, BlockToken)
    assert [t.kind for t in run.run] == [TokenKind.PARA, TokenKind.ITEM, TokenKind.SALUTATION]
    assert all(t.kind in BODY_KINDS for t in run.run)
    assert (run.start_pos, run.end_pos) == (1, 5)


def test_a_run_of_preamble_lines_is_one_terminal() -> None:
    kinds = [TokenKind.TITLE, TokenKind.META, TokenKind.BOILERPLATE, TokenKind.SPEAKER,
             TokenKind.FRONT_TEXT, TokenKind.OPENING, TokenKind.PARA, TokenKind.REVIEW_HEADING]
    merged = to_lark(tokens_of(kinds))
    assert [t.type for t in merged] == ["TITLE", "PARA", "REVIEW_HEADING"]
    run = merged[0]
    assert isinstance(run, BlockToken)
    assert [t.start for t in run.run] == [0, 1, 3, 4, 5]
    assert all(t.kind in FRONT_KINDS for t in run.run)

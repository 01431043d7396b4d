"""The lark lexer adapter: our tokens → ``lark.Token`` (fifth stage, with the grammar).

Blocks are already classified, so this "lexer" only wraps them: the terminal type is the
:class:`~govreport.classify.TokenKind` name, the value is the :class:`~govreport.outline.Token`
itself, and positions are normalised offsets. Boilerplate tokens are skipped: the transformer
puts them back, out of band.

A run of consecutive body blocks (``PARA``, ``ITEM``, ``SALUTATION``) is handed to the grammar as
*one* terminal standing for the whole run (``BlockToken.run``): ``report.lark`` only ever takes
body blocks as ``block*``, ``block+`` or ``(GLOSSARY_ENTRY | block)*``, so a run is accepted, and
parsed into the same place, exactly where one block is. The same holds for a run of preamble
lines (``front+``). ``tests/test_lexer.py`` checks this against the grammar. The parser then sees
a few dozen terminals per report instead of hundreds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import lark
from lark.lexer import Lexer

from .classify import TokenKind
from .outline import Token

__all__ = ["BODY_KINDS", "FRONT_KINDS", "BlockLexer", "BlockToken", "to_lark"]

#: the kinds of ``?block`` in ``report.lark``: a run of them is one terminal
BODY_KINDS = frozenset({TokenKind.PARA, TokenKind.ITEM, TokenKind.SALUTATION})
#: the kinds of ``?front`` (only ever ``front+``): a run of them is one terminal
FRONT_KINDS = frozenset({TokenKind.TITLE, TokenKind.META, TokenKind.SPEAKER, TokenKind.OPENING,
                         TokenKind.FRONT_TEXT})
_RUN_OF = {**dict.fromkeys(BODY_KINDS, BODY_KINDS), **dict.fromkeys(FRONT_KINDS, FRONT_KINDS)}


class BlockToken(lark.Token):
    """A ``lark.Token`` for one of our tokens (``value``), or for a run of body blocks or of
    preamble lines (``value`` being the first).

    Its lines are positions in the token list (``tokens``), counted from 1 and half-open like
    its offsets: it starts at ``line`` and ends where the next terminal starts (``end_line``;
    one past the last token at the end), so that ``tokens[line - 1 : end_line - 1]`` are the
    tokens it stands for, each followed by the boilerplate after it (which the grammar never
    sees).

    Built without ``lark.Token.__new__``, which would store ``str(value)`` as the string; the
    string of a ``BlockToken`` is its terminal name."""

    __slots__ = ("tokens",)
    tokens: list[Token]
    line: int
    end_line: int

    @classmethod
    def of(cls, tokens: list[Token], line: int) -> BlockToken:
        """The terminal for the token at ``line``, standing for it alone until
        :func:`to_lark` sets its ``end_line``."""
        tok = tokens[line - 1]
        kind = tok.kind.value
        lt = str.__new__(cls, kind)
        lt.type = kind
        lt.value = tok
        lt.start_pos = tok.start
        lt.end_pos = tok.end
        lt.line = line
        lt.column = 1
        lt.end_line = line + 1
        lt.end_column = None
        lt.tokens = tokens
        return lt

    @property
    def run(self) -> list[Token]:
        """The tokens it stands for, without the boilerplate between them: before the
        transformer runs (it lets go of each token once its leaf is made, see
        ``transform._Leaves``)."""
        boilerplate = TokenKind.BOILERPLATE
        return [t for t in self.tokens[self.line - 1 : self.end_line - 1]
                if t.kind != boilerplate]


def to_lark(tokens: list[Token]) -> list[BlockToken]:
    out: list[BlockToken] = []
    run: BlockToken | None = None  # the last terminal, extended while its group continues
    group: frozenset[TokenKind] | None = None  # the kinds it may take (None: not a run)
    boilerplate = TokenKind.BOILERPLATE
    for line, tok in enumerate(tokens, 1):
        kind = tok.kind
        if kind == boilerplate:
            continue
        if run is not None:
            if group is not None and kind in group:
                run.end_pos = tok.end
                continue
            run.end_line = line  # the last terminal ends where this one starts
        run = BlockToken.of(tokens, line)
        group = _RUN_OF.get(kind)
        out.append(run)
    if run is not None:
        run.end_line = len(tokens) + 1
    return out


class BlockLexer(Lexer):
    """A lexer whose input is the list of ``lark.Token`` made by :func:`to_lark`."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any, *_: Any) -> Iterator[lark.Token]:
        yield from data

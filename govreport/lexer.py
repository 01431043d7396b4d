"""The lark lexer adapter: our tokens → ``lark.Token`` (fifth stage, with the grammar).

Blocks are already classified, so this "lexer" only wraps them: the terminal type is the
:class:`~govreport.classify.TokenKind` name, the value is the :class:`~govreport.outline.Token`
itself, and positions are normalised offsets. Boilerplate tokens are skipped: the transformer
puts them back, out of band.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import lark
from lark.lexer import Lexer

from .classify import TokenKind
from .outline import Token

__all__ = ["BlockLexer", "to_lark"]


def to_lark(tokens: list[Token]) -> list[lark.Token]:
    out = []
    for i, tok in enumerate(tokens):
        if tok.kind == TokenKind.BOILERPLATE:
            continue
        lt = lark.Token(tok.kind.value, tok, start_pos=tok.start, end_pos=tok.end,
                        line=i + 1, column=1)
        out.append(lt)
    return out


class BlockLexer(Lexer):
    """A lexer whose input is the list of ``lark.Token`` made by :func:`to_lark`."""

    def __init__(self, lexer_conf: Any) -> None:
        pass

    def lex(self, data: Any, *_: Any) -> Iterator[lark.Token]:
        yield from data

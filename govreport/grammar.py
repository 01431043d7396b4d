"""Loading ``report.lark`` and building the LALR parser (once, lazily).

The grammar file lives at the top of the repository (``grammars/report.lark``) and is shipped
inside the wheel as ``govreport/grammars/report.lark``. An editable install has no copy inside
the package, so the repository path is the fallback; neither → :class:`GrammarLoadError`.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

import lark

from .errors import GrammarLoadError
from .lexer import BlockLexer

__all__ = ["grammar_text", "parser"]

_NAME = "report.lark"


def grammar_text() -> str:
    """The text of ``report.lark``."""
    try:
        packaged = resources.files("govreport").joinpath("grammars").joinpath(_NAME)
        if packaged.is_file():
            return packaged.read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):  # pragma: no cover - exotic loaders
        pass
    repo = Path(__file__).resolve().parent.parent / "grammars" / _NAME
    if repo.is_file():
        return repo.read_text(encoding="utf-8")
    raise GrammarLoadError(
        f"cannot find {_NAME}: looked inside the govreport package (grammars/{_NAME}) and at "
        f"{repo}; reinstall govreport"
    )


@functools.cache
def parser() -> lark.Lark:
    """The LALR parser over block tokens (``strict``: a conflict is an error, not a guess)."""
    try:
        return lark.Lark(
            grammar_text(),
            parser="lalr",
            lexer=BlockLexer,
            strict=True,
            maybe_placeholders=False,
        )
    except lark.exceptions.GrammarError as exc:
        raise GrammarLoadError(f"{_NAME} does not compile: {exc}") from exc

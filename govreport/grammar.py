"""Loading ``report.lark`` and building the LALR parser (once, lazily).

The grammar file lives at the top of the repository (``grammars/report.lark``) and is shipped
inside the wheel as ``govreport/grammars/report.lark``. An editable install has no copy inside
the package, so the repository path is the fallback; neither → :class:`GrammarLoadError`.

Building the parser (grammar analysis, LALR tables) takes ~30 ms, a tenth of a command line
run, so the built parser is kept between processes with lark's own cache (``cache=PATH``),
in :func:`cache_dir`: ``$GOVREPORT_CACHE_DIR``, else the user's cache folder
(``$XDG_CACHE_HOME/govreport`` or ``~/.cache/govreport``; ``~/Library/Caches/govreport`` on
macOS, ``%LOCALAPPDATA%\\govreport\\Cache`` on Windows); ``GOVREPORT_CACHE_DIR=`` (empty) turns
it off. Lark keys the file on the grammar text, the options, lark's version and Python's and
rebuilds when the key differs or the file cannot be read; a folder that cannot be written only
means the parser is built in every process. The file is a pickle, so it is kept in a folder of
the user's own (made ``0700``), not in the shared temporary folder of lark's ``cache=True``.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sys
from pathlib import Path
from typing import Any

import lark

from .errors import GrammarLoadError
from .lexer import BlockLexer

__all__ = ["cache_dir", "cache_file", "grammar_text", "parser"]

_NAME = "report.lark"

#: the parser's options (``strict``: a conflict is an error, not a guess)
_OPTIONS: dict[str, Any] = {
    "parser": "lalr",
    "lexer": BlockLexer,
    "strict": True,
    "maybe_placeholders": False,
}

#: the parser loaded from the cache keeps its ``grammar`` (hypothesis' ``from_lark`` reads it)
_CACHE_OPTIONS: dict[str, Any] = {"cache_grammar": True}

#: the environment variable naming the cache folder (empty: no cache)
CACHE_ENV = "GOVREPORT_CACHE_DIR"


def grammar_text() -> str:
    """The text of ``report.lark``."""
    # files on disk are read directly (importlib.resources takes ~2 ms to import)
    here = Path(__file__).resolve().parent
    packaged = here / "grammars" / _NAME
    repo = here.parent / "grammars" / _NAME
    for path in (packaged, repo):
        if path.is_file():
            return path.read_text(encoding="utf-8")
    try:  # a package in a zip, or another loader whose files are not on disk
        from importlib import resources

        member = resources.files("govreport").joinpath("grammars").joinpath(_NAME)
        if member.is_file():
            return member.read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError):  # pragma: no cover - exotic loaders
        pass
    raise GrammarLoadError(
        f"cannot find {_NAME}: looked inside the govreport package (grammars/{_NAME}) and at "
        f"{repo}; reinstall govreport"
    )


def cache_dir() -> Path | None:
    """The folder of the parser cache (not created here), or ``None`` when there is none
    (``GOVREPORT_CACHE_DIR`` set empty, or no home folder)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    try:
        if sys.platform == "win32":
            local = os.environ.get("LOCALAPPDATA")
            return Path(local) / "govreport" / "Cache" if local else None
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / "govreport"
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "govreport"
    except RuntimeError:  # Path.home(): no home folder
        return None


def cache_file(text: str) -> Path | None:
    """The cache file of the parser of grammar ``text`` in :func:`cache_dir` (the folder is
    created), or ``None`` when there is no usable folder. The name carries a digest of what
    lark keys the cache on, so installs of different versions sharing a folder do not keep
    overwriting one file."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    options = repr(sorted({**_OPTIONS, **_CACHE_OPTIONS}.items()))
    key = "\0".join((text, options, lark.__version__, sys.version))
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    return folder / f"report-lalr-{digest}.lark-cache"


@functools.cache
def parser() -> lark.Lark:
    """The LALR parser over block tokens, from the cache file when there is a valid one."""
    text = grammar_text()
    cache = cache_file(text)
    try:
        if cache is None:
            return lark.Lark(text, **_OPTIONS)
        # lark checks the file's key and builds (and writes the file) when it differs or the file
        # cannot be read: a damaged one, or one that another process is writing. (The key holds
        # the file's path, so the file cannot be written under another name and renamed.)
        return lark.Lark(text, cache=str(cache), **_CACHE_OPTIONS, **_OPTIONS)
    except lark.exceptions.GrammarError as exc:
        raise GrammarLoadError(f"{_NAME} does not compile: {exc}") from exc

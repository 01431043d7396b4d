"""Cold start: what ``import govreport`` and a first parse load, the lazily imported names, and
the parser cache of :mod:`govreport.grammar`.

What a fresh interpreter imports is checked in a subprocess (this test process has imported
every module already, see ``conftest``); each subprocess gets its own parser cache folder
(``GOVREPORT_CACHE_DIR``)."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import lark
import pytest

import govreport
from govreport import grammar

from .conftest import REPO
from .reports import EXAMPLE

#: modules that only files, many files, tables or JSON need, never ``import govreport``
NOT_AT_IMPORT = (
    "multiprocessing", "concurrent.futures", "zipfile", "xml.etree.ElementTree", "html.parser",
    "cattrs", "json", "govreport.batch", "govreport.documents", "govreport.docx",
    "govreport.html", "govreport.decode", "govreport.export", "govreport.schema",
    *(GRAMMAR_STAGE := ("lark", "govreport.grammar", "govreport.lexer", "govreport.transform")),
)


def python(code: str, cache: Path | str, **env: str) -> str:
    """Run ``code`` in a fresh interpreter with the parser cache in ``cache`` (``""``: none);
    its stdout."""
    environ = {**os.environ, grammar.CACHE_ENV: os.fspath(cache), **env}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, env=environ, check=False, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""  # a damaged or unwritable cache is not worth a message
    return out.stdout


def loaded_after(code: str, cache: Path, names: tuple[str, ...]) -> list[str]:
    """Which of ``names`` are imported after ``code`` has run in a fresh interpreter."""
    check = f"{code}\nimport sys, json\nprint(json.dumps([n for n in {names!r} if n in sys.modules]))"
    result: list[str] = json.loads(python(check, cache).splitlines()[-1])
    return result


# --------------------------------------------------------------------------- lazy imports


def test_import_does_not_load_what_a_parse_does_not_need(tmp_path: Path) -> None:
    # the check's own `import json` runs after the snapshot below is taken
    code = ("import sys; import govreport; loaded = [n for n in "
            f"{NOT_AT_IMPORT!r} if n in sys.modules]; print(repr(loaded))")
    assert python(code, tmp_path).strip() == "[]"


def test_the_first_parse_loads_the_grammar_stage(tmp_path: Path) -> None:
    # what ``import govreport`` leaves out (the list above) is what a parse needs
    code = "import govreport; govreport.parse('各位代表：\\n一、2025年工作回顾\\n经济平稳。')"
    assert loaded_after(code, tmp_path, GRAMMAR_STAGE) == list(GRAMMAR_STAGE)


def test_parsing_text_does_not_load_the_file_readers(tmp_path: Path) -> None:
    code = "import govreport; govreport.parse('各位代表：\\n一、2025年工作回顾\\n经济平稳。')"
    assert loaded_after(code, tmp_path, ("multiprocessing", "zipfile", "html.parser",
                                         "govreport.documents", "govreport.batch")) == []


def test_the_parse_command_does_not_load_workers_or_cattrs(tmp_path: Path) -> None:
    code = ("import contextlib, io\nfrom govreport.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()):\n    main(['parse', {str(EXAMPLE)!r}])")
    assert loaded_after(code, tmp_path, ("multiprocessing", "concurrent.futures", "zipfile",
                                         "html.parser", "cattrs")) == []


def test_lazy_names_resolve() -> None:
    from govreport import parse_files, schema_path
    from govreport.batch import parse_files as batch_parse_files
    from govreport.schema import schema_path as schema_schema_path

    assert parse_files is batch_parse_files
    assert schema_path is schema_schema_path
    for name in govreport.__all__:
        assert getattr(govreport, name) is not None
    assert set(govreport.__all__) <= set(dir(govreport))
    with pytest.raises(AttributeError, match="no attribute 'nothing_of_that_name'"):
        govreport.nothing_of_that_name  # noqa: B018


def test_lazy_names_and_modules_in_a_fresh_interpreter(tmp_path: Path) -> None:
    code = ("import govreport\n"
            "from govreport import parse_files, schema_path\n"
            "import govreport.panel\n"  # the module of the same name must not shadow panel()
            "assert callable(govreport.panel) and not isinstance(govreport.panel, type(govreport))\n"
            "assert govreport.batch.parse_files is parse_files\n"
            "assert govreport.schema.schema_path is schema_path\n"
            "print(govreport.documents.__name__, govreport.decode.__name__)")
    assert python(code, tmp_path).split() == ["govreport.documents", "govreport.decode"]


# --------------------------------------------------------------------------- parser cache

#: in a fresh interpreter: was the parser loaded from the cache, and its LALR tables with the
#: states numbered in the order a walk from the start state meets them (lark's own numbering
#: differs from one process to the next)
TABLES = """
import json
from govreport.grammar import parser
p = parser()
conf = p.parse_interactive([]).parser_state.parse_conf
number = {conf.start_state: 0}
order = [conf.start_state]
for state in order:
    for symbol, (action, arg) in sorted(conf.states[state].items()):
        if action.name == "Shift" and arg not in number:
            number[arg] = len(order)
            order.append(arg)
rows = [sorted((symbol, action.name, number[arg] if action.name == "Shift" else str(arg))
               for symbol, (action, arg) in conf.states[state].items()) for state in order]
print(p.source_path == "<deserialized>")
print(json.dumps([len(conf.states), number.get(conf.end_state), rows]))
"""


def tables(cache: Path | str) -> tuple[bool, str]:
    loaded, states = python(TABLES, cache).splitlines()
    return loaded == "True", states


@functools.cache
def fresh_tables() -> str:
    """The tables of a parser built without a cache."""
    loaded, states = tables("")
    assert not loaded
    return states


def test_the_parser_is_built_once_then_loaded_from_the_cache(tmp_path: Path) -> None:
    assert tables(tmp_path) == (False, fresh_tables())  # built, and written
    files = list(tmp_path.iterdir())
    assert [f.suffix for f in files] == [".lark-cache"]  # no .part left behind
    assert tables(tmp_path) == (True, fresh_tables())  # loaded: the same tables
    code = f"import govreport; print(govreport.parse(open({str(EXAMPLE)!r}, encoding='utf-8').read()).to_json())"
    assert python(code, tmp_path) == python(code, "")  # the same report as without a cache


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path) -> None:
    tables(tmp_path)
    (cache,) = tmp_path.iterdir()
    data = cache.read_bytes()
    for damaged in (b"", data[: len(data) // 2], data[:80] + b"\0" * 200 + data[280:]):
        cache.write_bytes(damaged)
        assert tables(tmp_path) == (False, fresh_tables())  # built
        assert tables(tmp_path) == (True, fresh_tables())  # and written again, whole


def test_a_cache_of_another_grammar_is_not_used(tmp_path: Path) -> None:
    """Lark keys the file on the grammar text: a file left by another grammar (an edited
    report.lark) at the same place is rebuilt, not used."""
    path = grammar.cache_file(grammar.grammar_text())
    assert path is not None
    target = tmp_path / path.name
    other = grammar.grammar_text().replace("start:", "start_renamed: start\nstart:", 1)
    lark.Lark(other, cache=str(target), **grammar._CACHE_OPTIONS, **grammar._OPTIONS)
    assert tables(tmp_path) == (False, fresh_tables())
    assert tables(tmp_path) == (True, fresh_tables())


def test_the_cache_file_name_follows_the_grammar(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(grammar.CACHE_ENV, str(tmp_path))
    text = grammar.grammar_text()
    assert grammar.cache_file(text) == grammar.cache_file(text)
    assert grammar.cache_file(text) != grammar.cache_file(text + "\n// edited\n")
    assert grammar.cache_file(text) is not None
    assert grammar.cache_file(text).parent == tmp_path  # type: ignore[union-attr]


def test_no_cache_when_turned_off_or_unwritable(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(grammar.CACHE_ENV, "")
    assert grammar.cache_dir() is None
    assert grammar.cache_file(grammar.grammar_text()) is None
    assert tables("") == (False, fresh_tables())

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert tables(blocker / "cache") == (False, fresh_tables())  # the folder cannot be made
    # the cache file's name is taken by a folder: built, nothing written, nothing left behind
    monkeypatch.setenv(grammar.CACHE_ENV, str(tmp_path / "taken"))
    path = grammar.cache_file(grammar.grammar_text())
    assert path is not None
    (path / "inside").mkdir(parents=True)
    assert tables(tmp_path / "taken") == (False, fresh_tables())
    assert sorted(p.name for p in (tmp_path / "taken").iterdir()) == [path.name]


def test_the_default_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(grammar.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if sys.platform not in ("win32", "darwin"):
        assert grammar.cache_dir() == tmp_path / "govreport"
    monkeypatch.setenv(grammar.CACHE_ENV, str(tmp_path / "mine"))
    assert grammar.cache_dir() == tmp_path / "mine"

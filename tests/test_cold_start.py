"""Cold start: what ``import govreport`` and a first parse load, and the lazily imported names.

What a fresh interpreter imports is checked in a subprocess (this test process has imported
every module already, see ``conftest``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import govreport

from .conftest import REPO
from .reports import EXAMPLE

#: modules that only files, many files, tables or JSON need, never ``import govreport``
NOT_AT_IMPORT = (
    "multiprocessing", "concurrent.futures", "zipfile", "xml.etree.ElementTree", "html.parser",
    "cattrs", "json", "govreport.batch", "govreport.documents", "govreport.docx",
    "govreport.html", "govreport.decode", "govreport.export", "govreport.schema",
)


def python(code: str, cache: Path | str, **env: str) -> str:
    """Run ``code`` in a fresh interpreter; its stdout."""
    environ = {**os.environ, **env}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=REPO, env=environ, check=False, timeout=120)
    assert out.returncode == 0, out.stderr
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


def test_parsing_text_does_not_load_the_file_readers(tmp_path: Path) -> None:
    code = "import govreport; govreport.parse('各位代表：\\n一、2025年工作回顾\\n经济平稳。')"
    assert loaded_after(code, tmp_path, ("multiprocessing", "html.parser",
                                         "govreport.documents", "govreport.batch")) == []


def test_the_parse_command_does_not_load_workers_or_cattrs(tmp_path: Path) -> None:
    code = ("import contextlib, io\nfrom govreport.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()):\n    main(['parse', {str(EXAMPLE)!r}])")
    assert loaded_after(code, tmp_path, ("multiprocessing", "concurrent.futures",
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

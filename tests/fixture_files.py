"""Fixture files for the stage tests: readable cases, one file per topic (the way
markdown-it-py keeps its cases in ``tests/test_port/fixtures/``).

A case is a title line, then sections separated by a line holding a single ``.``::

    ## a bare part title names its part        ← the title (any text after ``##``)
    .
    input, one or more lines
    .
    expected output, one or more lines
    .

Lines starting with ``#`` outside a case are comments. Text in the cases is our own wording.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


class Case(NamedTuple):
    title: str
    line: int  # where the case starts in its file
    input: str
    expected: str


def read_cases(name: str) -> list[Case]:
    """The cases of ``tests/fixtures/<name>``."""
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    cases: list[Case] = []
    i = 0
    while i < len(lines):
        if not lines[i].startswith("## "):
            i += 1
            continue
        title, start = lines[i][3:].strip(), i + 1
        sections: list[list[str]] = []
        i += 1
        if i >= len(lines) or lines[i] != ".":
            raise ValueError(f"{name}:{start}: a case title must be followed by '.'")
        i += 1
        current: list[str] = []
        while i < len(lines) and len(sections) < 2:
            if lines[i] == ".":
                sections.append(current)
                current = []
            else:
                current.append(lines[i])
            i += 1
        if len(sections) != 2:
            raise ValueError(f"{name}:{start}: a case needs an input and an expected output")
        cases.append(Case(title, start, "\n".join(sections[0]) + "\n", "\n".join(sections[1])))
    return cases


def params(name: str) -> list[object]:
    """``pytest.param`` per case, with the case's title as its id."""
    return [pytest.param(c, id=f"{c.line}-{c.title[:40]}") for c in read_cases(name)]

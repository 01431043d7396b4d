"""``numbers.VALUE_RUN_GROUPS`` and ``run_values`` (the first value of a run read from the groups
of the run) agree with ``VALUE_RUN`` and ``read_values``: the same runs, the same values, also
when the run was found in a window that ends after it (as ``quantities`` scans)."""

from __future__ import annotations

import random

import pytest

from govreport.numbers import VALUE_RUN, VALUE_RUN_GROUPS, read_values, run_values

from .fixture_files import Case, params

#: the characters of the value grammar, a few words around them and the clause marks
_ALPHABET = list("0123456789.%‰×百千分之〇零一二两三四五六七八九十点万亿元人个百分点左右以上以内"
                 "下之上至到-—~～、和及或保争年月日号第 ，。增长")


def _check(text: str, implied: str = "") -> None:
    assert [m.span() for m in VALUE_RUN_GROUPS.finditer(text)] == [
        m.span() for m in VALUE_RUN.finditer(text)]
    for window in (len(text), 7, 3):
        for pos in range(0, len(text), window):
            for run in VALUE_RUN_GROUPS.finditer(text, pos, pos + window + 5):
                assert run_values(text, run, implied) == read_values(
                    text, run.start(), run.end(), implied), (text, run.span())


@pytest.mark.parametrize("case", params("numbers.txt"))
def test_fixture_lines(case: Case) -> None:
    for line in case.input.splitlines():
        text, _, implied = line.partition(" @")
        _check(text, implied)


def test_random_texts() -> None:
    rnd = random.Random(20261204)
    for _ in range(3000):
        _check("".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(1, 30))), "以上")


def test_runs_of_several_values() -> None:
    text = "分别增长9%、9.5%和百分之十左右，保8争9，1200万人以上或×%以内"
    runs = list(VALUE_RUN_GROUPS.finditer(text))
    assert [len(run_values(text, r)) for r in runs] == [3, 1, 2]
    _check(text)

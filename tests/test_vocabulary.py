"""The heading vocabulary (govreport/vocabulary.py) on the cases of
tests/fixtures/vocabulary.txt: what a title names, and how clearly."""

from __future__ import annotations

import pytest

from govreport.vocabulary import Strength, name

from .fixture_files import Case, params


def _read(line: str) -> tuple[str, int | None]:
    title, _, year = line.partition(" @")
    return title, int(year) if year else None


@pytest.mark.parametrize("case", params("vocabulary.txt"))
def test_vocabulary(case: Case) -> None:
    titles = case.input.splitlines()
    expected = case.expected.splitlines()
    assert len(titles) == len(expected), "one expected line per title"
    got = []
    for line in titles:
        named = name(*_read(line))
        kind = named.kind.value if named.kind is not None else "-"
        got.append(f"{kind} {named.strength.name.lower()}")
    assert [f"{t}: {g}" for t, g in zip(titles, got, strict=True)] == [
        f"{t}: {e}" for t, e in zip(titles, expected, strict=True)]


def test_strength_order() -> None:
    assert Strength.NONE < Strength.MENTIONS < Strength.NAMES

"""The beams the choice rebuilds from its checkpoints (govreport/choose.py, ``_Search.before``)
are the main run's, whatever the order they are asked for in."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from govreport import choose
from govreport.classify import Candidate, classify, offer_readings
from govreport.normalize import normalize
from govreport.segment import segment

_SAMPLE = Path(__file__).parent.parent / "examples" / "sample_report.txt"

TEXTS = {
    "sample": _SAMPLE.read_text(encoding="utf-8"),
    "headings": "2025年工作安排\n我们要做好工作，继续努力。\n" * 60,
    "numbered": "一、2025年工作\n（一）做好工作。\n我们要做好。\n二、改革\n1. 推进改革。\n" * 20,
}

Compact = list[tuple[float, int, choose.NumState, int]]


def _units(text: str) -> list[Candidate | choose._Run]:
    norm = normalize(text)
    cands = classify(norm.text, segment(norm.text))
    offer_readings(norm.text, cands)
    return choose._units(cands)


def _every_beam(units: list[Candidate | choose._Run],
                monkeypatch: pytest.MonkeyPatch) -> dict[int, Compact]:
    """The main run's beam before every unit that decides (a checkpoint at each)."""
    with monkeypatch.context() as m:
        m.setattr(choose, "_CHECKPOINT", 1)
        search = choose._Search(units)
        search.run()
    return search.beams


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize("order", ["in order", "reversed", "shuffled"])
@pytest.mark.parametrize("spacing", [4, choose._CHECKPOINT])
def test_rebuilt_beams(name: str, order: str, spacing: int,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    units = _units(TEXTS[name])
    expected = _every_beam(units, monkeypatch)
    assert len(expected) > spacing  # the rebuilding is tried
    assert all(expected.values())
    monkeypatch.setattr(choose, "_KEEP_FIRST", 1)
    monkeypatch.setattr(choose, "_CHECKPOINT", spacing)
    search = choose._Search(units)
    search.run()
    assert len(search.beams) < len(expected)
    asked = sorted(expected)
    if order == "reversed":
        asked.reverse()
    elif order == "shuffled":
        random.Random(0).shuffle(asked)
    for u in asked + asked[:5]:
        beam = search.before(u)
        assert all(h.parent is None for h in beam)
        assert [(h.score, h.stack, h.num, h.nid) for h in beam] == expected[u], u

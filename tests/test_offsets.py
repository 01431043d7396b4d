"""OffsetMap: deletions, composition, inverse — checked against a brute-force model."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from govreport.offsets import OffsetMap


def delete(text: str, runs: list[tuple[int, int]]) -> tuple[str, list[int]]:
    """Apply deletions; also return, for each kept output char, its source index."""
    dead = set()
    for a, b in runs:
        dead.update(range(a, b))
    kept = [i for i in range(len(text)) if i not in dead]
    return "".join(text[i] for i in kept), kept


@st.composite
def texts_and_runs(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(alphabet="abc一二", min_size=0, max_size=40))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    runs = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    return text, runs


@example(("\u200b\u200b", [(0, 2)]))  # a run deleted at the very start: inverse(1) was -1
@given(texts_and_runs())
def test_from_deletions_maps_every_kept_character(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, runs = case
    out, kept = delete(text, runs)
    m = OffsetMap.from_deletions(len(text), runs)
    assert m.dst_len == len(out)
    for p, src in enumerate(kept):
        assert m(p) == src
        assert text[m(p)] == out[p]
        assert m.inverse(src) == p
    assert m(len(out)) == len(text), "the end maps to the end"
    # monotone
    assert all(m(p) <= m(p + 1) for p in range(len(out)))
    # every source position, deleted ones too: where the kept text resumes
    for pos in range(len(text) + 1):
        assert m.inverse(pos) == sum(1 for k in kept if k < pos)


@given(texts_and_runs(), st.data())
def test_compose_equals_applying_in_turn(case: tuple[str, list[tuple[int, int]]],
                                         data: st.DataObject) -> None:
    text, runs = case
    mid, kept1 = delete(text, runs)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(mid)), max_size=8)))
    runs2 = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    out, kept2 = delete(mid, runs2)
    m = OffsetMap.from_deletions(len(text), runs).compose(
        OffsetMap.from_deletions(len(mid), runs2))
    assert m.dst_len == len(out)
    assert m.src_len == len(text)
    for p, i in enumerate(kept2):
        assert m(p) == kept1[i]
    assert m(len(out)) == len(text)


def test_identity() -> None:
    m = OffsetMap.identity(5)
    assert m.is_identity
    assert m(3) == 3
    assert m.inverse(3) == 3
    assert OffsetMap.from_deletions(5, []).is_identity

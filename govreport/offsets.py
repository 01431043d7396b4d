"""Maps from offsets in a transformed text back to offsets in the text it came from.

Normalisation only ever *deletes* characters or replaces one character by one character, so a map
is piecewise a shift: sorted breakpoints ``dst[i] -> src[i]`` with unit slope between them (the
idea of eyecite's ``SpanUpdater``). A position just after a deleted run maps to the source position
just after that run, so the deleted characters belong to the span that *ends* there: the end of
one span and the start of the next map to the same place and spans that tile the normalised text
tile the source too. The end of the output maps to the end of the input; a run deleted at the
very start belongs to nothing here, so whoever tiles the source starts the first span at 0.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

__all__ = ["OffsetMap"]


class OffsetMap:
    """Monotone map from positions in an output text (``dst``) to an input text (``src``)."""

    __slots__ = ("_dst", "_src", "dst_len", "src_len")

    def __init__(self, dst: list[int], src: list[int], dst_len: int, src_len: int) -> None:
        self._dst = dst
        self._src = src
        self.dst_len = dst_len
        self.src_len = src_len

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([0], [0], length, length)

    @classmethod
    def from_deletions(cls, src_len: int, deletions: Iterable[tuple[int, int]]) -> OffsetMap:
        """The map of a step that deleted the source runs ``[(start, end), …]`` (sorted,
        non-overlapping) and kept everything else."""
        dst = [0]
        src = [0]
        removed = 0
        for start, end in deletions:
            if end <= start:
                continue
            removed += end - start
            out = end - removed  # where the first kept character after the run lands
            if dst[-1] == out:
                src[-1] = end
            else:
                dst.append(out)
                src.append(end)
        return cls(dst, src, src_len - removed, src_len)

    @property
    def is_identity(self) -> bool:
        return len(self._dst) == 1 and self.dst_len == self.src_len

    def __call__(self, pos: int) -> int:
        """The source position of output position ``pos`` (``0 <= pos <= dst_len``)."""
        if pos >= self.dst_len:
            return self.src_len
        if pos <= 0:
            return self._src[0]
        i = bisect_right(self._dst, pos) - 1
        return self._src[i] + (pos - self._dst[i])

    def map_all(self, positions: Iterable[int]) -> list[int]:
        """``[self(pos) for pos in positions]``: one walk over the breakpoints while the
        positions do not decrease (a bisection where one does)."""
        dst, src, dst_len, src_len = self._dst, self._src, self.dst_len, self.src_len
        last = len(dst) - 1
        out = []
        i = 0
        for pos in positions:
            if pos >= dst_len:
                out.append(src_len)
            elif pos <= 0:
                out.append(src[0])
            else:
                if pos < dst[i]:
                    i = bisect_right(dst, pos) - 1
                else:
                    while i < last and dst[i + 1] <= pos:
                        i += 1
                out.append(src[i] + (pos - dst[i]))
        return out

    def inverse(self, src_pos: int) -> int:
        """The first output position whose source position is at or after ``src_pos`` (exact
        for characters that were kept; a position inside a deleted run maps to where the text
        resumes)."""
        if src_pos <= 0:
            return 0
        if src_pos >= self.src_len:
            return self.dst_len
        i = bisect_right(self._src, src_pos) - 1
        if i < 0:
            return 0  # inside a run deleted at the very start: the text resumes at 0
        pos = self._dst[i] + (src_pos - self._src[i])
        if i + 1 < len(self._dst) and pos > self._dst[i + 1]:
            return self._dst[i + 1]
        return min(pos, self.dst_len)

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """``self ∘ inner``: ``inner`` maps a later text to this map's output text."""
        if inner.is_identity:
            return self
        if self.is_identity:
            return inner
        points = {0, *inner._dst}
        # breakpoints of self, pulled back through inner where they have a preimage
        j = 0
        for mid in self._dst:
            while j + 1 < len(inner._src) and inner._src[j + 1] <= mid:
                j += 1
            if mid < inner._src[j]:
                continue  # deleted by inner: the next breakpoint of inner covers it
            back = inner._dst[j] + (mid - inner._src[j])
            nxt = inner._dst[j + 1] if j + 1 < len(inner._dst) else inner.dst_len
            if back < nxt:
                points.add(back)
        dst: list[int] = []
        src: list[int] = []
        for p in sorted(points):
            if p >= inner.dst_len and dst:
                break
            s = self(inner(p))
            if dst and s - p == src[-1] - dst[-1]:
                continue  # same shift as the previous segment: not a breakpoint
            dst.append(p)
            src.append(s)
        return OffsetMap(dst, src, inner.dst_len, self.src_len)

    def breakpoints(self) -> list[tuple[int, int]]:
        """``[(dst, src), …]`` — for tests and debugging."""
        return list(zip(self._dst, self._src, strict=False))

    def __repr__(self) -> str:
        return f"OffsetMap({self.breakpoints()!r}, dst_len={self.dst_len}, src_len={self.src_len})"

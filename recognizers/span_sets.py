"""Overlap and containment among many spans of one note, in time linear in the note.

Why: the combiners asked "does this span overlap any kept so far?" and
"which candidates lie inside this one?" by comparing each span with every
other, which a note dense with names (issue 16: 10,000 characters of names
and honorifics) turns into millions of comparisons. These answer the same
questions from a per-code-point map and a sorted index.

Hand-written: the standard library has ``bisect`` but no interval set, and
the answers must match the pairwise checks exactly (empty spans included).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence


class Covered:
    """Which code points of a note some added span covers.

    ``free(s, e)`` is ``not any(a < e and s < b for (a, b) in added)``. An
    empty span covers no code point yet overlaps one strictly around it, so
    empty spans, added or asked about, are compared pairwise (there are few).
    """

    __slots__ = ("_covered", "_empty", "_spans")

    def __init__(self, size: int) -> None:
        self._covered = bytearray(size + 1)
        self._empty: list[int] = []
        self._spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        self._spans.append((start, end))
        if end > start:
            self._covered[start:end] = b"\x01" * (end - start)
        else:
            self._empty.append(start)

    def free(self, start: int, end: int) -> bool:
        if end <= start:
            return not any(a < end and start < b for a, b in self._spans)
        if self._covered.find(1, start, end) >= 0:
            return False
        return not any(start < a < end for a in self._empty)


def contained(spans: Sequence[tuple[int, int]]) -> list[list[int]]:
    """For each span, the indexes (ascending) of the other spans inside it.

    ``j`` is inside ``i`` when ``spans[i][0] <= spans[j][0]`` and
    ``spans[j][1] <= spans[i][1]``; only spans starting within ``i`` are read.
    """
    order = sorted(range(len(spans)), key=lambda k: spans[k][0])
    starts = [spans[k][0] for k in order]
    out: list[list[int]] = []
    for i, (start, end) in enumerate(spans):
        lo, hi = bisect_left(starts, start), bisect_right(starts, max(start, end))
        out.append(sorted(j for j in order[lo:hi] if j != i and spans[j][1] <= end))
    return out

"""Overlap and containment from the map and index: exactly the pairwise answers, linear reads."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers import span_sets
from recognizers.span_sets import Covered, contained

_SPANS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 8)).map(lambda t: (t[0], min(30, t[0] + t[1]))),
    max_size=25,
)


@settings(max_examples=400, deadline=None)
@given(_SPANS, _SPANS)
def test_free_is_the_pairwise_overlap_test(
    added: list[tuple[int, int]], asked: list[tuple[int, int]]
) -> None:
    covered = Covered(30)
    for s, e in added:
        covered.add(s, e)
    for s, e in asked:
        assert covered.free(s, e) == (not any(a < e and s < b for a, b in added))


@settings(max_examples=400, deadline=None)
@given(_SPANS)
def test_contained_is_the_pairwise_containment_test(spans: list[tuple[int, int]]) -> None:
    expected = [
        [j for j, (s2, e2) in enumerate(spans) if j != i and s <= s2 and e2 <= e]
        for i, (s, e) in enumerate(spans)
    ]
    assert contained(spans) == expected


@pytest.mark.parametrize("count", [500, 1000])
def test_containment_of_disjoint_names_reads_only_the_spans_that_start_inside(
    count: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Side by side names (none inside another) cost a few reads each, not ``count`` each."""
    spans = [(3 * i, 3 * i + 2) for i in range(count)]
    reads = 0
    real_sorted = sorted

    def counting_sorted(items, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal reads
        items = list(items)
        reads += len(items)
        return real_sorted(items, **kwargs)

    monkeypatch.setattr(span_sets, "sorted", counting_sorted, raising=False)
    assert contained(spans) == [[] for _ in spans]
    assert reads == count  # the one index over all spans; each query reads only its own start

"""The one shape every kind of name evidence returns."""

from __future__ import annotations

from typing import NamedTuple


class Candidate(NamedTuple):
    """A span that may be a name, the evidence that says so, and how strongly."""

    start: int
    end: int
    source: str
    score: float

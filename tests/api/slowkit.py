"""A fake analyzer whose cost grows with the text, for the overload tests (issue 16).

``SlowAnalyzer`` burns CPU (not sleep: a sleeping thread would let others run,
which the real model does not) for ``ms_per_char`` a character, and spins for
good on a text holding ``HANG``, as a pathological regular expression would.
It finds the fake PII of ``apikit.FakeAnalyzer``. ``SlowFactory`` is picklable,
so supervised worker processes (spawned) can build one each.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from apikit import FakeAnalyzer

from redactor.entities import Entity

#: a text holding this never finishes (the pool must kill its process)
HANG = "無限"


def burn(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


class SlowAnalyzer(FakeAnalyzer):
    def __init__(self, ms_per_char: float = 0.05) -> None:
        super().__init__()
        self.ms_per_char = ms_per_char

    def analyze(self, text: str) -> list[Entity]:
        while HANG in text:
            burn(1.0)
        burn(len(text) * self.ms_per_char / 1000)
        return super().analyze(text)


@dataclass(frozen=True)
class SlowFactory:
    ms_per_char: float = 0.05

    def __call__(self) -> SlowAnalyzer:
        return SlowAnalyzer(self.ms_per_char)

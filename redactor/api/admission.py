"""Admission control: a budget of characters under analysis, shed at the door when full.

Why characters: analysis costs roughly per character (about 0.4 ms each on
this hardware), so a request's length is its cost, known before any work. A
request whose characters do not fit the budget gets 429 ``overloaded`` with
Retry-After at once, instead of queueing behind work it would only time out
behind (issue 16: one 960 KB batch made every answer 503 for minutes).

Lanes keep the desk app served while a big client or an auditor is busy:
small desk requests (at most ``small_chars``) may use the whole budget,
including a reserved share (``reserve_chars``) that big requests and the
audit's re-scans never take. A big request costs at most the unreserved share,
so anything the request limits let in can run when the service is idle.

Characters are held until the work really ends: with thread isolation a
timed-out thread keeps running, and its characters stay counted until it
stops, so the budget never admits more than the CPU is doing.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from enum import StrEnum


class Lane(StrEnum):
    DESK = "desk"
    AUDIT = "audit"


class Overloaded(Exception):
    """No room for the request's characters now; ``retry_after`` in whole seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__("overloaded")
        self.retry_after = retry_after


@dataclass(frozen=True)
class AdmissionState:
    in_flight: int
    reserved_lane: int  # characters of small desk requests
    general: int  # characters of big desk requests and audit re-scans
    shed: int


@dataclass(eq=False)
class Permit:
    """Characters held for one request; ``release`` is idempotent (call it from anywhere)."""

    controller: Admission
    cost: int
    small: bool
    started: bool = False
    _released: bool = field(default=False, repr=False)

    def release(self) -> None:
        self.controller._release(self)


class Admission:
    """``budget_chars`` in flight; ``reserve_chars`` of it for desk requests of at most
    ``small_chars``. ``chars_per_second`` (all workers together) estimates Retry-After."""

    def __init__(self, budget_chars: int, reserve_chars: int, small_chars: int,
                 chars_per_second: float = 5000.0) -> None:
        if not 0 <= reserve_chars < budget_chars:
            raise ValueError("the reserve must be below the budget")
        if not 0 < small_chars <= budget_chars:
            raise ValueError("small requests must fit the budget")
        self.budget = budget_chars
        self.reserve = reserve_chars
        self.small_chars = small_chars
        self.chars_per_second = chars_per_second
        self._lock = threading.Lock()
        self._small = 0
        self._general = 0
        self._shed = 0

    @property
    def unreserved(self) -> int:
        return self.budget - self.reserve

    def admit(self, chars: int, lane: Lane = Lane.DESK) -> Permit:
        """Hold ``chars`` now, or raise ``Overloaded`` (nothing held)."""
        small = lane is Lane.DESK and chars <= self.small_chars
        cost = max(1, chars) if small else max(1, min(chars, self.unreserved))
        with self._lock:
            total = self._small + self._general
            fits = total + cost <= self.budget and (
                small or self._general + cost <= self.unreserved)
            if not fits:
                self._shed += 1
                raise Overloaded(self._retry_after(total))
            if small:
                self._small += cost
            else:
                self._general += cost
        return Permit(self, cost, small)

    def state(self) -> AdmissionState:
        with self._lock:
            return AdmissionState(self._small + self._general, self._small, self._general,
                                  self._shed)

    def _retry_after(self, total: int) -> int:
        return max(1, min(30, math.ceil(total / self.chars_per_second)))

    def _release(self, permit: Permit) -> None:
        with self._lock:
            if permit._released:
                return
            permit._released = True
            if permit.small:
                self._small -= permit.cost
            else:
                self._general -= permit.cost

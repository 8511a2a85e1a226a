"""The library API: the one place that knows the order of the steps.

``redact`` finds the entities of a note and masks them under a policy. The
faces (CLI, HTTP) and the tests call this, never ``analyze`` and ``mask``
directly, so the order of the steps lives here only.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from redactor.entities import Entity
from redactor.mask import apply_policy
from redactor.policy.model import Policy
from redactor.results import RedactionResult

if TYPE_CHECKING:  # structural: any object with analyze(text) -> list[Entity] will do
    from redactor.analyze import EntityFinder


@functools.cache
def default_analyzer() -> EntityFinder:
    """The process's analyzer, built on first use (the model costs seconds and memory).

    Imported lazily so that ``import redactor.service`` does not load spaCy.
    """
    from redactor.analyze import build_analyzer

    return build_analyzer()


def redact(
    text: str,
    policy: Policy,
    *,
    analyzer: EntityFinder | None = None,
    pseudonym_key: bytes | None = None,
    caller_id: str | None = None,
    now: datetime | None = None,
    record_id: str | None = None,
    entities: Sequence[Entity] | None = None,
) -> RedactionResult:
    """Find the PII in ``text`` and mask it under ``policy``.

    ``entities`` already found (``redactor analyze`` output, or gold spans in
    an evaluation) skip the analyzer, so one analysis can be masked under
    several policies.

    ``pseudonym_key`` should come from the key provider
    (``redactor.crypto.keys.pseudonym_key``). Without one, a random key is used
    for this call only: pseudonyms are then stable within the note but link
    nothing across notes, which is the safe failure.
    """
    if entities is None:
        finder = analyzer if analyzer is not None else default_analyzer()
        entities = finder.analyze(text)
    return apply_policy(
        text,
        entities,
        policy,
        pseudonym_key=pseudonym_key if pseudonym_key is not None else os.urandom(32),
        caller_id=caller_id,
        now=now if now is not None else datetime.now(UTC),
        record_id=record_id,
    )


def redact_many(
    texts: Iterable[tuple[str, str | None]],
    policy: Policy,
    *,
    analyzer: EntityFinder | None = None,
    pseudonym_key: bytes,
    now: datetime,
) -> Iterable[RedactionResult]:
    """``redact`` over ``(text, caller_id)`` pairs under one key and one clock (batch jobs)."""
    finder = analyzer if analyzer is not None else default_analyzer()
    for text, caller_id in texts:
        yield redact(text, policy, analyzer=finder, pseudonym_key=pseudonym_key,
                     caller_id=caller_id, now=now)

"""Value objects that cross layer boundaries: a redaction, and the originals it vaults.

Kept apart from the modules that make them so that ``store`` and ``crypto``
can speak of a redaction without importing the masking engine.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from redactor.entities import Entity


@dataclass(frozen=True, slots=True)
class VaultItem:
    """One original value the policy allows to keep, and until when.

    ``value`` is plaintext PII: it lives only in memory until ``crypto`` seals it.
    """

    label: str
    start: int
    end: int
    value: str
    retain_until: datetime

    def __repr__(self) -> str:  # never let a value reach a log through repr()
        return (
            f"VaultItem(label={self.label!r}, start={self.start}, end={self.end}, value=<redacted>)"
        )


@dataclass(frozen=True, slots=True)
class RedactionResult:
    """A note after masking under one policy version.

    ``entities`` are on the original text's offsets; ``text`` is the masked note.
    ``originals`` holds only what the policy lets the vault keep (never a My Number).
    """

    text: str
    entities: tuple[Entity, ...]
    originals: tuple[VaultItem, ...]
    policy_name: str
    policy_version: str
    record_deadline: datetime | None = None

    def label_counts(self) -> dict[str, int]:
        return dict(Counter(e.label for e in self.entities))

    def __repr__(self) -> str:
        return (
            f"RedactionResult(policy={self.policy_name}@{self.policy_version}, "
            f"labels={self.label_counts()}, originals={len(self.originals)})"
        )

"""Seal a whole :class:`~redactor.results.RedactionResult` into a storable record.

Design choice — one vault data key *per distinct retention deadline*: the
policy keeps each label's originals for its own period (a phone number 30
days, an address a year). One key with the earliest deadline would shred
long-kept originals too soon; one with the latest would keep short-kept ones
too long. Grouping by deadline lets the sweep destroy each group's key exactly
when its period ends, and a record rarely has more than two or three groups.

Field names carry the deadline (``vault/0/2025-06-01T00:00:00.000000+00:00``),
so the deadline column cannot be edited to delay a shred without the field
failing to decrypt.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from redactor.crypto.binding import MetaBinding, MetaSigner, PartMeta, RecordMeta, iso
from redactor.crypto.envelope import SealedField, open_field, seal_field
from redactor.crypto.errors import DecryptionError
from redactor.crypto.keys import KeyProvider
from redactor.results import RedactionResult, VaultItem


def masked_field(record_deadline: datetime | None) -> str:
    return f"masked/{iso(record_deadline)}"


def vault_field(seq: int, retain_until: datetime) -> str:
    return f"vault/{seq}/{iso(retain_until)}"


@dataclass(frozen=True, slots=True)
class SealedVaultPart:
    """Originals sharing one deadline, under one data key."""

    seq: int
    retain_until: datetime
    labels: tuple[str, ...]
    sealed: SealedField


@dataclass(frozen=True, slots=True)
class SealedRecord:
    """Everything the store keeps about a note: ciphertext and non-identifying metadata."""

    id: str
    created_at: datetime
    record_deadline: datetime | None
    policy_name: str
    policy_version: str
    label_counts: dict[str, int]
    masked: SealedField
    vault: tuple[SealedVaultPart, ...]
    #: the metadata MAC (``redactor.crypto.binding``), made when sealing
    binding: MetaBinding | None = None

    def meta(self) -> RecordMeta:
        """The columns the metadata MAC binds, as the store will keep them."""
        return RecordMeta(
            record_id=self.id,
            created_at=self.created_at,
            record_deadline=self.record_deadline,
            policy_name=self.policy_name,
            policy_version=self.policy_version,
            label_counts=dict(self.label_counts),
            masked_dek_id=self.masked.dek_id,
            parts=tuple(
                PartMeta(p.seq, p.retain_until, p.labels, p.sealed.dek_id) for p in self.vault
            ),
        )


def _vault_plaintext(items: list[VaultItem]) -> bytes:
    rows = [
        {"label": i.label, "start": i.start, "end": i.end, "value": i.value}
        for i in sorted(items, key=lambda i: (i.start, i.end))
    ]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":")).encode()


def seal_redaction(
    result: RedactionResult, keys: KeyProvider, *, record_id: str, now: datetime
) -> SealedRecord:
    """Encrypt the masked note and each deadline group of originals under fresh data keys."""
    groups: dict[datetime, list[VaultItem]] = defaultdict(list)
    for item in result.originals:
        groups[item.retain_until.astimezone(UTC)].append(item)
    parts = []
    for seq, deadline in enumerate(sorted(groups)):
        items = groups[deadline]
        sealed = seal_field(keys, record_id, vault_field(seq, deadline), _vault_plaintext(items))
        labels = tuple(sorted({i.label for i in items}))
        parts.append(SealedVaultPart(seq, deadline, labels, sealed))
    masked = seal_field(keys, record_id, masked_field(result.record_deadline), result.text.encode())
    unbound = SealedRecord(
        id=record_id,
        created_at=now,
        record_deadline=result.record_deadline,
        policy_name=result.policy_name,
        policy_version=result.policy_version,
        label_counts=result.label_counts(),
        masked=masked,
        vault=tuple(parts),
    )
    return replace(unbound, binding=MetaSigner(keys).bind(unbound.meta()))


def open_masked(keys: KeyProvider, record_id: str, sealed: SealedField) -> str:
    return open_field(keys, record_id, sealed).decode()


def open_vault(
    keys: KeyProvider, record_id: str, sealed: SealedField, retain_until: datetime
) -> list[VaultItem]:
    """Decrypt one vault group back into :class:`VaultItem` objects."""
    rows = json.loads(open_field(keys, record_id, sealed))
    try:
        return [
            VaultItem(r["label"], int(r["start"]), int(r["end"]), r["value"], retain_until)
            for r in rows
        ]
    except (KeyError, TypeError, ValueError) as exc:  # authenticated but malformed
        raise DecryptionError() from exc

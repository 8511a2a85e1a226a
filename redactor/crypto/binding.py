"""The metadata MAC: a record's clear columns bound to it, checkable without decrypting.

AES-GCM already binds each *ciphertext* to its record, field and deadline (the
field name carries the deadline), but that only shows when someone opens the
field, and it cannot cover what has no ciphertext: the policy name and version,
the label counts, ``created_at``, and the deadlines of fields already shredded.
So every record also carries ``HMAC-SHA256(K, canonical(metadata))`` where ``K``
is derived from the KEK named with it (HKDF, :meth:`KeyProvider.derive_secret_for`)
and is never stored. The audit recomputes it for every record.

Only what never changes after sealing is covered: the record id, ``created_at``,
the record deadline, policy name and version, label counts, the masked note's
data-key id, and for each originals part its sequence number, ``retain_until``,
labels and data-key id (so a removed or added part shows too). Shredding, erasure
and key rotation change other columns (wrapped keys, ciphertexts, ``*_at``), which
is why those are not covered: a legitimate sweep never invalidates a MAC.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum

from redactor.crypto.errors import DecryptionError
from redactor.crypto.keys import KeyProvider

#: HKDF ``info`` of the MAC key; bumped with the canonical encoding's version.
MAC_INFO = b"redactor.record-meta.v1"
_ENCODING = "redactor.record-meta/1"


@dataclass(frozen=True, slots=True)
class PartMeta:
    """What is bound of one originals part (never its values)."""

    seq: int
    retain_until: datetime
    labels: tuple[str, ...] | None  # None: the column no longer parses
    dek_id: str


@dataclass(frozen=True, slots=True)
class RecordMeta:
    """The non-identifying columns of a record that the MAC binds."""

    record_id: str
    created_at: datetime
    record_deadline: datetime | None
    policy_name: str
    policy_version: str
    label_counts: Mapping[str, int] | None  # None: the column no longer parses
    masked_dek_id: str
    parts: tuple[PartMeta, ...]


@dataclass(frozen=True, slots=True)
class MetaBinding:
    """The MAC as stored: hex digest and the KEK id its key was derived from."""

    key_id: str
    mac: str


def iso(dt: datetime | None) -> str:
    """Canonical UTC text of a deadline (microseconds, explicit offset) or ``none``."""
    if dt is None:
        return "none"
    if dt.tzinfo is None:
        raise ValueError("deadlines must be timezone-aware")
    return dt.astimezone(UTC).isoformat(timespec="microseconds")


class Verdict(Enum):
    OK = "ok"
    MISMATCH = "mismatch"  # a bound column was edited (or the MAC itself)
    KEY_UNAVAILABLE = "key_unavailable"  # the KEK it was made under is retired


def canonical(meta: RecordMeta) -> bytes:
    """One byte string per metadata value: sorted-key JSON, canonical UTC times.

    JSON (not a hand-rolled framing) because it is unambiguous and every value
    here is a string, an integer or a list of them.
    """
    doc = {
        "v": _ENCODING,
        "id": meta.record_id,
        "created_at": iso(meta.created_at),
        "record_deadline": iso(meta.record_deadline),
        "policy_name": meta.policy_name,
        "policy_version": meta.policy_version,
        "label_counts": None if meta.label_counts is None else dict(meta.label_counts),
        "masked_dek_id": meta.masked_dek_id,
        "parts": [
            {
                "seq": p.seq,
                "retain_until": iso(p.retain_until),
                "labels": None if p.labels is None else list(p.labels),
                "dek_id": p.dek_id,
            }
            for p in sorted(meta.parts, key=lambda p: p.seq)
        ],
    }
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _mac(key: bytes, meta: RecordMeta) -> str:
    return hmac.new(key, canonical(meta), hashlib.sha256).hexdigest()


class MetaSigner:
    """Binds and checks metadata, deriving each KEK's MAC key once (the audit's hot path)."""

    def __init__(self, keys: KeyProvider) -> None:
        self._keys = keys
        self._derived: dict[str, bytes | None] = {}

    def _key(self, key_id: str) -> bytes | None:
        if key_id not in self._derived:
            try:
                self._derived[key_id] = self._keys.derive_secret_for(key_id, MAC_INFO)
            except DecryptionError:
                self._derived[key_id] = None
        return self._derived[key_id]

    def bind(self, meta: RecordMeta) -> MetaBinding:
        """The MAC under the primary KEK."""
        key_id = self._keys.primary_key_id
        key = self._key(key_id)
        if key is None:  # pragma: no cover - a provider always holds its primary
            raise DecryptionError()
        return MetaBinding(key_id, _mac(key, meta))

    def check(self, meta: RecordMeta, binding: MetaBinding) -> Verdict:
        key = self._key(binding.key_id)
        if key is None:
            return Verdict.KEY_UNAVAILABLE
        ok = hmac.compare_digest(_mac(key, meta), binding.mac)
        return Verdict.OK if ok else Verdict.MISMATCH

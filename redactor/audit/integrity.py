"""The integrity check of one stored record: its metadata MAC and every ciphertext.

Run by the audit over *every* record, so a flipped byte or a moved deadline is
found the day the audit runs, not the day someone reads that record:

- the metadata MAC (``redactor.crypto.binding``) over the policy, label counts,
  deadlines, ``created_at`` and the list of parts — including fields already
  shredded, which have no ciphertext left to fail;
- the masked note and each originals part: the wrapped data key unwraps and the
  GCM tag verifies. An original's plaintext is dropped inside
  :func:`~redactor.crypto.envelope.authenticate_field`; only the masked note (not
  PII) comes back, for the residual re-scan.

A field whose key was destroyed by a sweep or an erasure (``shredded_at`` set) is
counted as shredded, never reported as broken. Faults name the record and the
column, never a value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from redactor.crypto.binding import MetaSigner, Verdict
from redactor.crypto.envelope import authenticate_field
from redactor.crypto.errors import DecryptionError
from redactor.crypto.keys import KeyProvider
from redactor.crypto.record import open_masked
from redactor.store.store import StoredRecord

#: Every kind this module reports (the audit's ``Finding.kind``).
KINDS = (
    "unbound",
    "metadata_mismatch",
    "mac_key_unavailable",
    "unreadable_metadata",
    "undecryptable",
    "missing_ciphertext",
)


@dataclass(frozen=True, slots=True)
class Fault:
    kind: str
    column: str  # "metadata", "meta_mac", "label_counts", "masked", "vault/<seq>" …
    detail: str


@dataclass(slots=True)
class RecordCheck:
    """What one record's check found; ``masked_text`` only when it verified."""

    faults: list[Fault] = field(default_factory=list)
    verified: int = 0  # ciphertexts whose key and tag checked out
    shredded: int = 0  # fields whose key was destroyed on purpose
    masked_text: str | None = None


class IntegrityChecker:
    """Checks records one by one with a provider's keys (MAC keys derived once)."""

    def __init__(self, keys: KeyProvider) -> None:
        self._keys = keys
        self._signer = MetaSigner(keys)

    def check(self, rec: StoredRecord) -> RecordCheck:
        out = RecordCheck()
        self._check_meta(rec, out)
        if rec.masked is not None:
            try:
                out.masked_text = open_masked(self._keys, rec.id, rec.masked)
                out.verified += 1
            except (DecryptionError, UnicodeDecodeError):
                out.faults.append(Fault("undecryptable", "masked", "masked note fails to decrypt"))
        elif rec.masked_shredded_at is not None:
            out.shredded += 1
        else:
            out.faults.append(
                Fault(
                    "missing_ciphertext",
                    "masked",
                    "masked note's key or ciphertext is gone without a shred",
                )
            )
        for part in rec.vault:
            column = f"vault/{part.seq}"
            if part.sealed is not None:
                try:
                    authenticate_field(self._keys, rec.id, part.sealed)
                    out.verified += 1
                except DecryptionError:
                    out.faults.append(
                        Fault("undecryptable", column, "originals part fails to decrypt")
                    )
            elif part.shredded_at is not None:
                out.shredded += 1
            else:
                out.faults.append(
                    Fault(
                        "missing_ciphertext",
                        column,
                        "originals part's key or ciphertext is gone without a shred",
                    )
                )
        return out

    def _check_meta(self, rec: StoredRecord, out: RecordCheck) -> None:
        meta = rec.meta
        if meta is None:  # pragma: no cover - the store always reads it back
            raise ValueError("record read without its metadata")
        if meta.label_counts is None:
            out.faults.append(
                Fault(
                    "unreadable_metadata",
                    "label_counts",
                    "label counts are not a JSON object of counts",
                )
            )
        for part in meta.parts:
            if part.labels is None:
                out.faults.append(
                    Fault(
                        "unreadable_metadata",
                        f"vault/{part.seq}.labels",
                        "part labels are not a JSON list of labels",
                    )
                )
        if rec.binding is None:
            out.faults.append(
                Fault(
                    "unbound",
                    "meta_mac",
                    "stored before metadata binding; run `redactor store bind`",
                )
            )
            return
        verdict = self._signer.check(meta, rec.binding)
        if verdict is Verdict.MISMATCH:
            out.faults.append(
                Fault(
                    "metadata_mismatch",
                    "metadata",
                    "policy, label counts, created_at, deadlines or parts "
                    "differ from what was sealed",
                )
            )
        elif verdict is Verdict.KEY_UNAVAILABLE:
            out.faults.append(
                Fault(
                    "mac_key_unavailable",
                    "meta_mac_key_id",
                    f"the MAC's key {rec.binding.key_id} is no longer held",
                )
            )

"""The library API: the one place that knows the order of the steps.

``redact`` finds the entities of a note and masks them under a policy. The
faces (CLI, HTTP) and the tests call this, never ``analyze`` and ``mask``
directly, so the order of the steps lives here only.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from redactor.entities import Entity
from redactor.masking.mask import apply_policy
from redactor.policy.model import Policy
from redactor.results import RedactionResult

if TYPE_CHECKING:  # structural: any object with analyze(text) -> list[Entity] will do
    from redactor.detect.analyze import EntityFinder


@functools.cache
def default_analyzer() -> EntityFinder:
    """The process's analyzer, built on first use (the model costs seconds and memory).

    Imported lazily so that ``import redactor.service`` does not load spaCy.
    """
    from redactor.detect.analyze import build_analyzer

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


# --- Stored records: seal, store, read, shred, audit, rotate (issue 5) --------------
# Imports kept with the functions that use them so this block can be appended
# without touching the redaction block above.
import base64  # noqa: E402
import binascii  # noqa: E402
import hashlib  # noqa: E402
import hmac  # noqa: E402
import json  # noqa: E402
import uuid  # noqa: E402
from collections import abc as _abc  # noqa: E402
from dataclasses import dataclass, replace  # noqa: E402
from typing import Any, Protocol  # noqa: E402

from sqlalchemy.orm import Session  # noqa: E402

from redactor import purposes  # noqa: E402
from redactor.audit import log as audit_log  # noqa: E402
from redactor.audit.integrity import IntegrityChecker  # noqa: E402
from redactor.audit.report import AuditReport, run_audit  # noqa: E402
from redactor.crypto.aead import frame  # noqa: E402
from redactor.crypto.binding import MetaSigner, Verdict  # noqa: E402
from redactor.crypto.envelope import (  # noqa: E402
    SealedField,
    open_field,
    rewrap,
    seal_field,
)
from redactor.crypto.errors import DecryptionError  # noqa: E402
from redactor.crypto.keys import (  # noqa: E402
    KeyProvider,
    WrappedKey,
    open_key_provider,
    pseudonym_key,
    request_digest_key,
)
from redactor.crypto.record import (  # noqa: E402
    SealedRecord,
    open_masked,
    open_vault,
    seal_redaction,
)
from redactor.purposes import InvalidInput  # noqa: E402  (re-exported for the faces)
from redactor.results import VaultItem  # noqa: E402
from redactor.store.store import (  # noqa: E402
    IdempotencyConflict as IdempotencyConflict,  # re-exported: the faces catch it from here
)
from redactor.store.store import (  # noqa: E402
    Journal,
    KeyEvent,
    Store,
    StoredRecord,
)

if TYPE_CHECKING:
    from redactor.settings import Settings


def open_keys(
    settings: Settings,
    *,
    environ: _abc.Mapping[str, str] | None = None,
    create: bool = False,
    now: datetime | None = None,
) -> KeyProvider:
    """The configured key provider: what the server and every command use (one rule, in
    ``redactor.crypto.keys.open_key_provider``): ``REDACTOR_KEYRING``, else
    ``REDACTOR_KEYS``, else the data directory's keyring."""
    return open_key_provider(
        keyring=settings.keyring,
        default_keyring=settings.data_dir / "keyring.json",
        environ=os.environ if environ is None else environ,
        create=create,
        now=now,
    )


class RecordNotFound(Exception):
    """No live record with this id (also raised for erased or fully shredded content)."""


class RecordGone(Exception):
    """An idempotent retry whose first record was erased or shredded since: the request was
    served once and its result no longer exists (HTTP 410 ``record_gone``)."""


class AccessDenied(Exception):
    """The caller's role or stated purpose does not allow this read (always audit-logged)."""


class OriginalsPolicy(Protocol):
    """What ``read_original`` needs of a policy (``redactor.policy.Policy`` fits)."""

    @property
    def name(self) -> str: ...
    @property
    def version(self) -> str: ...
    @property
    def original_viewer_roles(self) -> tuple[str, ...]: ...
    @property
    def purpose_required(self) -> bool: ...


class RotatingKeyProvider(KeyProvider, Protocol):
    def rotate(self, *, now: datetime) -> str: ...


class RetiringKeyProvider(KeyProvider, Protocol):
    def retire(self, key_id: str, *, now: datetime) -> None: ...


@dataclass(frozen=True, slots=True)
class RecordReceipt:
    """What the caller gets back for a stored note; ``created`` is False on a retry."""

    id: str
    masked_text: str
    label_counts: dict[str, int]
    record_deadline: datetime | None
    original_deadlines: tuple[datetime, ...]
    created: bool = True

    def __repr__(self) -> str:
        return f"RecordReceipt(id={self.id!r}, labels={self.label_counts}, created={self.created})"


def request_digest(
    keys: KeyProvider,
    text: str,
    policy_name: str,
    policy_version: str,
    caller_id: str | None = None,
) -> str:
    """Keyed digest of a request, so a retry can be recognized without storing the note.

    It covers everything that changes the stored result: the text, the policy
    (name and version) and ``caller_id`` (which scopes pseudonyms). A caller id
    of None and of ``""`` differ, and no field can run into the next.
    """
    caller = "-" if caller_id is None else "=" + caller_id
    msg = frame(*(p.encode() for p in (policy_name, policy_version, caller, text)))
    return hmac.new(request_digest_key(keys), msg, hashlib.sha256).hexdigest()


def _receipt(rec: StoredRecord, keys: KeyProvider, *, created: bool) -> RecordReceipt:
    if rec.deleted_at is not None or rec.masked is None:
        raise RecordGone(rec.id)
    return RecordReceipt(
        id=rec.id,
        masked_text=open_masked(keys, rec.id, rec.masked),
        label_counts=rec.label_counts,
        record_deadline=rec.record_deadline,
        original_deadlines=tuple(p.retain_until for p in rec.vault),
        created=created,
    )


def store_redaction(
    result: RedactionResult,
    *,
    store: Store,
    keys: KeyProvider,
    now: datetime,
    record_id: str | None = None,
    idempotency_key: str | None = None,
    digest: str | None = None,
) -> RecordReceipt:
    """Seal a redaction under fresh data keys and insert it in one transaction."""
    record_id = record_id or str(uuid.uuid4())
    sealed = seal_redaction(result, keys, record_id=record_id, now=now)
    stored_id, created = store.insert(sealed, idempotency_key=idempotency_key,
                                      request_digest=digest)
    if created:
        return RecordReceipt(
            id=stored_id,
            masked_text=result.text,
            label_counts=result.label_counts(),
            record_deadline=result.record_deadline,
            original_deadlines=tuple(p.retain_until for p in sealed.vault),
        )
    existing = store.get(stored_id)
    if existing is None:  # pragma: no cover - the row was found a moment ago
        raise RecordGone(stored_id)
    return _receipt(existing, keys, created=False)


def create_record(
    text: str,
    policy: Policy,
    *,
    analyzer: EntityFinder,
    store: Store,
    keys: KeyProvider,
    now: datetime,
    idempotency_key: str | None = None,
    caller_id: str | None = None,
) -> RecordReceipt:
    """Redact, seal and store a note: all of it happens, or nothing is stored.

    Nothing is written before the insert, which is one transaction. A retried
    request with the same idempotency key and the same text, policy and
    ``caller_id`` returns the first record; any other request under that key is
    ``IdempotencyConflict``; a retry whose first record was erased or shredded
    since is ``RecordGone`` (it is never stored a second time).
    """
    digest = None
    if idempotency_key is not None:
        digest = request_digest(keys, text, policy.name, policy.version, caller_id)
        existing_id = store.find_idempotent(idempotency_key, digest)
        if existing_id is not None:
            existing = store.get(existing_id)
            if existing is None:  # pragma: no cover - rows are tombstoned, never removed
                raise RecordGone(existing_id)
            return _receipt(existing, keys, created=False)
    record_id = str(uuid.uuid4())
    result = _redact_record(text, policy, analyzer=analyzer, keys=keys, now=now,
                            caller_id=caller_id, record_id=record_id)
    return store_redaction(result, store=store, keys=keys, now=now, record_id=record_id,
                           idempotency_key=idempotency_key, digest=digest)


def _redact_record(
    text: str,
    policy: Policy,
    *,
    analyzer: EntityFinder | None,
    keys: KeyProvider,
    now: datetime,
    caller_id: str | None,
    record_id: str,
    entities: Sequence[Entity] | None = None,
) -> RedactionResult:
    """How a stored record is masked (pseudonyms keyed by the provider, scoped to the
    caller or the record): one rule for ``create_record`` and the bulk engines."""
    return redact(text, policy, analyzer=analyzer, pseudonym_key=pseudonym_key(keys),
                  caller_id=caller_id, now=now, record_id=record_id, entities=entities)


@dataclass(frozen=True, slots=True)
class PreparedRecord:
    """A note redacted and sealed but not yet stored: what a bulk worker hands the writer.

    Ciphertext and non-identifying metadata only, so it may cross a process or a
    machine; the writer stores many in one transaction (:func:`store_prepared`)."""

    sealed: SealedRecord
    idempotency_key: str | None
    digest: str | None


def prepare_record(
    text: str,
    policy: Policy,
    *,
    keys: KeyProvider,
    now: datetime,
    entities: Sequence[Entity] | None = None,
    analyzer: EntityFinder | None = None,
    idempotency_key: str | None = None,
    caller_id: str | None = None,
    originals: Sequence[VaultItem] = (),
) -> PreparedRecord:
    """What :func:`create_record` would store for this note, sealed, with its request
    digest: the same masked text, labels and vault (``entities`` already found skip the
    analyzer). ``originals`` are vault items kept from an earlier redaction (re-redaction)."""
    digest = (None if idempotency_key is None
              else request_digest(keys, text, policy.name, policy.version, caller_id))
    record_id = str(uuid.uuid4())
    result = _redact_record(text, policy, analyzer=analyzer, keys=keys, now=now,
                            caller_id=caller_id, record_id=record_id, entities=entities)
    if originals:
        result = replace(result, originals=tuple(sorted(
            (*result.originals, *originals), key=lambda i: (i.start, i.end))))
    sealed = seal_redaction(result, keys, record_id=record_id, now=now)
    return PreparedRecord(sealed, idempotency_key, digest)


def store_prepared(batch: _abc.Sequence[PreparedRecord], *, store: Store) -> list[str]:
    """Store many prepared records in one transaction; per record ``created``,
    ``existing`` (same idempotency key and request: stored before, not again) or
    ``conflict`` (the key was used for another request)."""
    return store.insert_many([(p.sealed, p.idempotency_key, p.digest) for p in batch])


def _live(store: Store, record_id: str) -> StoredRecord | None:
    rec = store.get(record_id)
    return None if rec is None or rec.deleted_at is not None else rec


def read_masked(
    record_id: str, *, store: Store, keys: KeyProvider, actor: str, role: str, now: datetime
) -> str:
    """The masked note (staff reading feedback). Not PII, so not audit-logged."""
    del actor, role, now  # kept in the signature: faces authorize on them; future logging
    record_id = purposes.record_id(record_id)  # before any database call
    rec = _live(store, record_id)
    if rec is None or rec.masked is None:
        raise RecordNotFound(record_id)
    return open_masked(keys, rec.id, rec.masked)


_NOTE_FIELD = "purpose_note"


def seal_note(note: str, *, keys: KeyProvider, analyzer: Any | None) -> str:
    """A purpose note as the audit log keeps it: its PII masked (``<LABEL>``) when an
    analyzer is given, then sealed under a fresh data key. Returns JSON of the parts."""
    if analyzer is not None:
        out, pos = [], 0
        for e in sorted(analyzer.analyze(note), key=lambda e: (e.start, e.end)):
            if e.start < pos:
                continue
            out += [note[pos:e.start], f"<{e.label}>"]
            pos = e.end
        note = "".join(out) + note[pos:]
    note_id = str(uuid.uuid4())
    sealed = seal_field(keys, note_id, _NOTE_FIELD, note.encode())
    return json.dumps({"v": 1, "id": note_id, "dek": sealed.dek_id, "kek": sealed.wrapped.key_id,
                       "wrapped": base64.b64encode(sealed.wrapped.blob).decode(),
                       "ct": base64.b64encode(sealed.ciphertext).decode()},
                      separators=(",", ":"), sort_keys=True)


def open_note(sealed_note: str, *, keys: KeyProvider) -> str:
    """The (redacted) purpose note of an audit entry; ``DecryptionError`` on any failure."""
    try:
        d = json.loads(sealed_note)
        wrapped = WrappedKey(d["kek"], base64.b64decode(d["wrapped"]))
        sealed = SealedField(_NOTE_FIELD, d["dek"], wrapped, base64.b64decode(d["ct"]))
        note_id = str(d["id"])
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise DecryptionError() from exc
    return open_field(keys, note_id, sealed).decode()


def _log(store: Store, entry: audit_log.AuditEntry) -> None:
    with store.transaction() as s:
        audit_log.append(s, entry)


def read_original(
    record_id: str,
    *,
    store: Store,
    keys: KeyProvider,
    actor: str,
    role: str,
    purpose: str | None,
    policy: OriginalsPolicy,
    now: datetime,
    caller_may_view: bool = True,
    purpose_note: str | None = None,
    note_analyzer: Any | None = None,
) -> list[VaultItem]:
    """The vaulted originals of a record, for an authorized role with a stated purpose.

    Every attempt is logged — refusals, missing records and failures included —
    and an allowed read is returned only after its log entry is committed.
    Originals whose deadline passed are gone (shredded) and are not returned.
    ``caller_may_view=False`` is a face's own refusal (an API key whose role
    never sees originals): it is logged like the policy's refusals, so an
    auditor sees every attempt, not only those that passed the front door.

    ``purpose`` is a code of ``redactor.purposes.PURPOSES``; ``purpose_note`` free text
    that is redacted with ``note_analyzer`` and sealed, never stored in clear. A record
    id that is not a UUID or a purpose that is not a code is ``InvalidInput``, raised
    before anything is read or logged (nothing of it reaches the database).
    """
    record_id = purposes.record_id(record_id)
    purpose = purposes.purpose_code(purpose)
    note = purposes.purpose_note(purpose_note)
    sealed_note = (seal_note(note, keys=keys, analyzer=note_analyzer)
                   if note is not None else None)
    tag = f"{policy.name}@{policy.version}"

    def entry(result: str, labels: _abc.Sequence[str] = (), key: str | None = None
              ) -> audit_log.AuditEntry:
        return audit_log.AuditEntry(at=now, actor=actor, role=role, purpose=purpose,
                                    action="view_original", result=result,
                                    record_id=record_id, labels=tuple(labels), policy=tag,
                                    key_version=key, purpose_note=sealed_note)

    rec = _live(store, record_id)
    if rec is None:
        _log(store, entry("not_found"))
        raise RecordNotFound(record_id)
    if not caller_may_view:
        _log(store, entry("denied: caller role"))
        raise AccessDenied(f"role {role!r} may not view originals")
    if rec.policy_name != policy.name:
        _log(store, entry("denied: policy mismatch"))
        raise AccessDenied("record is governed by another policy")
    if role not in policy.original_viewer_roles:
        _log(store, entry("denied: role"))
        raise AccessDenied(f"role {role!r} may not view originals")
    if policy.purpose_required and not (purpose or "").strip():
        _log(store, entry("denied: no purpose"))
        raise AccessDenied("a purpose is required to view originals")
    live = [p for p in rec.vault if p.sealed is not None]
    labels = sorted({label for p in live for label in p.labels})
    key_ids = ",".join(sorted({p.sealed.wrapped.key_id for p in live if p.sealed}))
    try:
        items = [
            item
            for p in live
            if p.sealed is not None
            for item in open_vault(keys, rec.id, p.sealed, p.retain_until)
        ]
    except DecryptionError:
        _log(store, entry("error: decryption failed", labels, key_ids or None))
        raise
    _log(store, entry("allowed", labels, key_ids or None))
    return sorted(items, key=lambda i: (i.start, i.end))


def _journal(actor: str, role: str, now: datetime, purpose: str | None = None,
             purpose_note: str | None = None) -> Journal:
    def write(session: Session, event: KeyEvent) -> None:
        audit_log.append(
            session,
            audit_log.AuditEntry(at=now, actor=actor, role=role, purpose=purpose,
                                 action=event.action, result=f"destroyed {event.part}",
                                 record_id=event.record_id, labels=event.labels,
                                 policy=event.policy, key_version=event.kek_id,
                                 purpose_note=purpose_note),
        )

    return write


def delete_record(
    record_id: str,
    *,
    store: Store,
    actor: str,
    role: str,
    purpose: str | None,
    now: datetime,
    purpose_note: str | None = None,
    keys: KeyProvider | None = None,
    note_analyzer: Any | None = None,
) -> bool:
    """Erase a record (right to erasure): every key and ciphertext destroyed, each logged.

    Ids and purposes are checked as in :func:`read_original`; a note needs ``keys``."""
    record_id = purposes.record_id(record_id)
    purpose = purposes.purpose_code(purpose)
    note = purposes.purpose_note(purpose_note)
    sealed_note = None
    if note is not None:
        if keys is None:
            raise InvalidInput("invalid_purpose_note", "a purpose note cannot be kept here")
        sealed_note = seal_note(note, keys=keys, analyzer=note_analyzer)
    deleted = store.delete(record_id, now=now,
                           journal=_journal(actor, role, now, purpose, sealed_note))
    if not deleted:
        _log(store, audit_log.AuditEntry(at=now, actor=actor, role=role, purpose=purpose,
                                         action="delete", result="not_found",
                                         record_id=record_id, purpose_note=sealed_note))
    return deleted


@dataclass(frozen=True, slots=True)
class AuditLogPage:
    """A page of the hash-chained log (labels, never values) with the whole chain's check."""

    entries: list[audit_log.LoggedEntry]
    chain_intact: bool
    head: str


def audit_log_page(*, store: Store, after_id: int = 0, limit: int = 100) -> AuditLogPage:
    with store.transaction() as s:
        rows = [e for e in audit_log.entries(s) if e.id > after_id][:limit]
        broken = audit_log.verify_chain(s)
        head = audit_log.head(s)
    return AuditLogPage(rows, broken is None, head)


def audit_head(*, store: Store) -> str:
    """The newest audit entry's hash (keep a copy to detect truncation)."""
    with store.transaction() as s:
        return audit_log.head(s)


def store_reachable(*, store: Store) -> bool:
    """The database answers (for readiness probes; a driver's message is never shown)."""
    from sqlalchemy import text as sql

    try:
        with store.engine.connect() as conn:
            conn.execute(sql("SELECT 1"))
        return True
    except Exception:  # any driver error means "not reachable"
        return False


def keys_ready(keys: KeyProvider) -> bool:
    """The key provider can derive (for readiness probes)."""
    try:
        return bool(keys.primary_key_id) and len(keys.derive_secret(b"readyz")) == 32
    except Exception:  # a provider that cannot derive is not ready
        return False


def sweep(*, store: Store, now: datetime, actor: str = "sweep") -> list[KeyEvent]:
    """Crypto-shred everything past its deadline at ``now``; each shred is audit-logged."""
    return store.sweep(now, journal=_journal(actor, "system", now))


def audit(
    *,
    store: Store,
    keys: KeyProvider,
    analyzer: Any,
    policy_lookup: _abc.Callable[[str, str], Any],
    policy_check: _abc.Callable[[Any], _abc.Sequence[object]],
    now: datetime,
    rescan_limit: int | None = None,
) -> AuditReport:
    """The compliance audit (see ``redactor.audit.report``); clean means no findings.
    ``analyzer=None`` skips the re-scan; ``rescan_limit`` bounds it."""
    return run_audit(store, keys, analyzer=analyzer, policy_lookup=policy_lookup,
                     policy_check=policy_check, now=now, rescan_limit=rescan_limit)


@dataclass(frozen=True, slots=True)
class RotationReport:
    primary_key_id: str
    rewrapped: int


def rotate_keys(
    *,
    store: Store,
    keys: RotatingKeyProvider,
    now: datetime,
    actor: str,
    role: str,
    new_key: bool = True,
) -> RotationReport:
    """Make a new primary KEK (unless ``new_key`` is False) and re-wrap every live data key.

    Ciphertexts are not touched; old KEKs keep decrypting until retired.
    """
    if new_key:
        keys.rotate(now=now)
    primary = keys.primary_key_id

    def fn(record_id: str, sealed: Any) -> Any:
        return rewrap(keys, record_id, sealed.field, sealed.dek_id, sealed.wrapped)

    count = store.rewrap(fn, target_kek=primary)
    rebound = _rebind_to_primary(store, keys)
    _log(store, audit_log.AuditEntry(at=now, actor=actor, role=role, action="rotate_keys",
                                     result=f"rewrapped {count}, rebound {rebound}",
                                     key_version=primary))
    return RotationReport(primary, count)


def _rebind_to_primary(store: Store, keys: KeyProvider) -> int:
    """Re-MAC under the primary KEK every record whose MAC, under an older KEK, still
    holds (so the old KEK can retire); a MAC that fails is left for the audit to report."""
    signer = MetaSigner(keys)
    primary = keys.primary_key_id
    count = 0
    for rec in store.scan(mac_key_other_than=primary):
        if rec.binding is None or rec.meta is None or rec.binding.key_id == primary:
            continue
        if signer.check(rec.meta, rec.binding) is not Verdict.OK:
            continue
        count += store.set_binding(rec.id, signer.bind(rec.meta), replace=rec.binding.mac)
    return count


@dataclass(frozen=True, slots=True)
class BindReport:
    """What ``bind_records`` did: records bound now, and those refused (ids only)."""

    bound: int
    refused: tuple[str, ...]


#: Faults that forbid binding a record: a MAC would bless a damaged row.
_UNBINDABLE = frozenset({"undecryptable", "missing_ciphertext", "unreadable_metadata"})


def bind_records(*, store: Store, keys: KeyProvider, now: datetime, actor: str,
                 role: str) -> BindReport:
    """Give every record stored before migration 0004 its metadata MAC, once.

    Idempotent: only rows without a MAC are touched (and only if still without one
    when written), so a second run binds nothing and writes nothing. A row whose
    ciphertexts do not all authenticate is refused, not bound: the live fields' names
    carry their deadlines, so a moved deadline shows here and is never sealed in.
    Each binding and its ``bind`` audit entry commit together.
    """
    checker = IntegrityChecker(keys)
    signer = MetaSigner(keys)
    bound, refused = 0, []
    for rec in store.scan(unbound_only=True):
        check = checker.check(rec)
        if rec.meta is None or any(f.kind in _UNBINDABLE for f in check.faults):
            refused.append(rec.id)
            continue
        binding = signer.bind(rec.meta)
        entry = audit_log.AuditEntry(
            at=now, actor=actor, role=role, action="bind", result="bound",
            record_id=rec.id, labels=tuple(sorted(rec.label_counts)), policy=rec.policy,
            key_version=binding.key_id)

        def journal(session: Session, entry: audit_log.AuditEntry = entry) -> None:
            audit_log.append(session, entry)

        bound += store.set_binding(rec.id, binding, journal=journal)
    return BindReport(bound, tuple(refused))


class KeyStillInUse(Exception):
    """Retiring this KEK would make live records unreadable before their deadline."""


def retire_key(
    key_id: str,
    *,
    store: Store,
    keys: RetiringKeyProvider,
    now: datetime,
    actor: str,
    role: str,
    force: bool = False,
) -> None:
    """Destroy an old KEK; refused while it still wraps live data keys, or keys records'
    metadata MACs (which the audit could no longer check), unless ``force``."""
    in_use = store.count_wrapped_by(key_id)
    if in_use and not force:
        raise KeyStillInUse(f"key {key_id} still wraps {in_use} data key(s); rotate first")
    macs = store.count_bound_by(key_id)
    if macs and not force:
        raise KeyStillInUse(f"key {key_id} still keys {macs} record MAC(s); rotate first")
    keys.retire(key_id, now=now)
    _log(store, audit_log.AuditEntry(at=now, actor=actor, role=role, action="retire_key",
                                     result=f"retired ({in_use} key(s) still wrapped)",
                                     key_version=key_id))


def audit_report(
    *,
    store: Store,
    keys: KeyProvider,
    policy_lookup: _abc.Callable[[str, str], Any],
    policy_findings: _abc.Callable[[Any], _abc.Sequence[tuple[str, str, str]]],
    now: datetime,
    since: datetime | None = None,
    until: datetime | None = None,
    rescan: bool = False,
    sample: int | None = None,
    analyzer: Any = None,
    progress: _abc.Callable[[int, int], None] | None = None,
) -> dict[str, Any]:
    """The auditors' report as JSON-ready data (``redactor.audit.report_data``): ten
    sections from SQL aggregates; the re-scan of masked notes only when ``rescan``."""
    from redactor.audit import report_data

    rescanned = None
    if rescan:
        if analyzer is None:
            raise ValueError("a re-scan needs an analyzer")
        period = report_data.Period(since, until if until is not None else now)
        rescanned = report_data.rescan(store, keys, analyzer=analyzer,
                                       policy_lookup=policy_lookup, period=period,
                                       sample=sample, progress=progress)
    return report_data.build_report(store, keys, policy_lookup=policy_lookup,
                                    policy_findings=policy_findings, now=now, since=since,
                                    until=until, rescan_result=rescanned)


def audit_report_page(data: dict[str, Any]) -> str:
    """The auditors' report as one self-contained HTML page, rendered from its JSON."""
    from redactor.audit.report_html import render_html

    return render_html(data)

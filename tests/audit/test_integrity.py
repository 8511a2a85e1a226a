"""The audit checks every record's metadata MAC and every ciphertext, unread records too.

One tamper per column, each done straight in the database (as an attacker or a
bad script would) and each found by the audit without anyone reading the record.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from alembic import command
from sqlalchemy import Engine, inspect, select, update
from sqlalchemy.orm import Session
from storekit import NOW, RECORD, SAMPLE_TEXT, SHORT, sample_result

from redactor.crypto.keys import LocalKeyring
from redactor.service import (
    KeyStillInUse,
    audit,
    bind_records,
    retire_key,
    rotate_keys,
    store_redaction,
    sweep,
)
from redactor.store import Store, upgrade_to_head
from redactor.store.migrate import alembic_config
from redactor.store.models import AuditRow, Record, VaultPart

PII = ("山田太郎", "090-1234-5678", "粗大ごみ")


def _audit(store: Store, keys: LocalKeyring, now: Any = NOW) -> Any:
    return audit(
        store=store,
        keys=keys,
        analyzer=None,
        policy_lookup=lambda n, v: object(),
        policy_check=lambda p: [],
        now=now,
    )


def _findings(report: Any) -> list[tuple[str, str | None, str | None]]:
    return [(f.kind, f.record_id, f.column) for f in report.findings]


def _flip_last_byte(blob: bytes) -> bytes:
    return blob[:-1] + bytes([blob[-1] ^ 0x01])


def _log_actions(store: Store) -> list[str]:
    with store.transaction() as s:
        return list(s.scalars(select(AuditRow.action).order_by(AuditRow.id)))


def _tamper_masked_ciphertext(s: Session, rid: str) -> None:
    rec = s.get(Record, rid)
    assert rec is not None and rec.masked_ciphertext is not None
    rec.masked_ciphertext = _flip_last_byte(rec.masked_ciphertext)


def _tamper_vault_ciphertext(s: Session, rid: str) -> None:
    part = s.get(VaultPart, (rid, 1))
    assert part is not None and part.ciphertext is not None
    part.ciphertext = _flip_last_byte(part.ciphertext)


def _move_retain_until(s: Session, rid: str) -> None:
    part = s.get(VaultPart, (rid, 0))
    assert part is not None
    part.retain_until = part.retain_until + timedelta(days=365)


def _edit(**values: str | Any) -> Callable[[Session, str], None]:
    def tamper(s: Session, rid: str) -> None:
        s.execute(update(Record).where(Record.id == rid).values(**values))

    return tamper


# (tamper, the findings it must cause as (kind, column))
TAMPERS: dict[str, tuple[Callable[[Session, str], None], list[tuple[str, str]]]] = {
    "masked-ciphertext": (_tamper_masked_ciphertext, [("undecryptable", "masked")]),
    "vault-ciphertext": (_tamper_vault_ciphertext, [("undecryptable", "vault/1")]),
    # the live part's field name carries its deadline, so its tag fails as well
    "retain-until": (
        _move_retain_until,
        [("metadata_mismatch", "metadata"), ("undecryptable", "vault/0")],
    ),
    "label-counts": (_edit(label_counts='{"PERSON": 1}'), [("metadata_mismatch", "metadata")]),
    "label-counts-garbled": (
        _edit(label_counts="not json"),
        [("unreadable_metadata", "label_counts"), ("metadata_mismatch", "metadata")],
    ),
    "policy-name": (_edit(policy_name="lenient"), [("metadata_mismatch", "metadata")]),
    "policy-version": (_edit(policy_version="2"), [("metadata_mismatch", "metadata")]),
    "created-at": (
        _edit(created_at=NOW - timedelta(days=400)),
        [("metadata_mismatch", "metadata")],
    ),
    "record-deadline": (
        _edit(record_deadline=NOW + 2 * RECORD),
        [("metadata_mismatch", "metadata"), ("undecryptable", "masked")],
    ),
    "mac": (_edit(meta_mac="0" * 64), [("metadata_mismatch", "metadata")]),
}


def test_when_store_untouched_then_every_record_and_field_verifies(
    store: Store, keyring: LocalKeyring
) -> None:
    for _ in range(3):
        store_redaction(sample_result(), store=store, keys=keyring, now=NOW)
    report = _audit(store, keyring)
    assert report.clean, _findings(report)
    assert (report.records, report.fields_verified, report.fields_shredded) == (3, 9, 0)
    assert report.records_unbound == 0


def test_when_fields_shredded_then_counted_as_shredded_not_broken(
    store: Store, keyring: LocalKeyring
) -> None:
    store_redaction(sample_result(), store=store, keys=keyring, now=NOW)
    sweep(store=store, now=NOW + SHORT)  # the phone part goes, the rest stays
    report = _audit(store, keyring, now=NOW + SHORT)
    assert report.clean, _findings(report)
    assert (report.fields_verified, report.fields_shredded) == (2, 1)
    sweep(store=store, now=NOW + RECORD)
    report = _audit(store, keyring, now=NOW + RECORD)
    assert report.clean and (report.fields_verified, report.fields_shredded) == (0, 3)


@pytest.mark.parametrize("name", list(TAMPERS))
def test_when_a_column_is_tampered_then_the_audit_names_record_and_column_unread(
    store: Store, keyring: LocalKeyring, name: str
) -> None:
    tamper, expected = TAMPERS[name]
    clean_id = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    with store.transaction() as s:
        tamper(s, rid)
    report = _audit(store, keyring)
    assert sorted(_findings(report)) == sorted((k, rid, c) for k, c in expected)
    assert clean_id not in {f.record_id for f in report.findings}
    assert _log_actions(store) == []  # nobody read an original, the audit wrote nothing
    dumped = report.dumps("json") + report.dumps("text")
    assert not any(value in dumped for value in PII)


def test_when_a_shredded_parts_deadline_is_moved_then_only_the_mac_can_tell(
    store: Store, keyring: LocalKeyring
) -> None:
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    sweep(store=store, now=NOW + SHORT)
    assert _audit(store, keyring, now=NOW + SHORT).clean
    with store.transaction() as s:
        _move_retain_until(s, rid)  # part 0 (the phone number) has no ciphertext left
    report = _audit(store, keyring, now=NOW + SHORT)
    assert _findings(report) == [("metadata_mismatch", rid, "metadata")]


def test_when_a_part_is_emptied_without_a_shred_then_missing_not_shredded(
    store: Store, keyring: LocalKeyring
) -> None:
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    with store.transaction() as s:
        s.execute(
            update(VaultPart)
            .where(VaultPart.record_id == rid, VaultPart.seq == 1)
            .values(ciphertext=None)
        )
    assert _findings(_audit(store, keyring)) == [("missing_ciphertext", rid, "vault/1")]


def test_when_a_part_row_is_deleted_then_metadata_mismatch(
    store: Store, keyring: LocalKeyring
) -> None:
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    with store.transaction() as s:
        part = s.get(VaultPart, (rid, 0))
        assert part is not None
        s.delete(part)
    assert _findings(_audit(store, keyring)) == [("metadata_mismatch", rid, "metadata")]


def _unbind_all(store: Store) -> None:
    with store.transaction() as s:
        s.execute(update(Record).values(meta_mac=None, meta_mac_key_id=None))


def test_when_records_unbound_then_distinct_finding_and_bind_fixes_once(
    store: Store, keyring: LocalKeyring
) -> None:
    ids = {
        store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id for _ in range(2)
    }
    _unbind_all(store)
    report = _audit(store, keyring)
    assert sorted(_findings(report)) == sorted(("unbound", r, "meta_mac") for r in ids)
    assert report.records_unbound == 2

    done = bind_records(store=store, keys=keyring, now=NOW, actor="ops", role="operator")
    assert (done.bound, done.refused) == (2, ())
    assert _audit(store, keyring).clean
    with store.transaction() as s:
        rows = s.scalars(select(AuditRow).where(AuditRow.action == "bind")).all()
        assert {r.record_id for r in rows} == ids and {r.actor for r in rows} == {"ops"}
    again = bind_records(store=store, keys=keyring, now=NOW, actor="ops", role="operator")
    assert (again.bound, again.refused) == (0, ())
    assert _log_actions(store) == ["bind", "bind"]  # the second run wrote nothing

    with store.transaction() as s:  # and what it bound is now guarded
        _edit(policy_name="lenient")(s, sorted(ids)[0])
    assert _findings(_audit(store, keyring)) == [("metadata_mismatch", sorted(ids)[0], "metadata")]


@pytest.mark.parametrize(
    ("tamper", "fault"),
    [
        (_move_retain_until, ("undecryptable", "vault/0")),  # a delayed shred is never sealed in
        (_edit(label_counts="[1, 2]"), ("unreadable_metadata", "label_counts")),
    ],
    ids=["retain-until", "label-counts"],
)
def test_when_an_unbound_record_is_damaged_then_bind_refuses_it(
    store: Store,
    keyring: LocalKeyring,
    tamper: Callable[[Session, str], None],
    fault: tuple[str, str],
) -> None:
    good = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    bad = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    _unbind_all(store)
    with store.transaction() as s:
        tamper(s, bad)
    done = bind_records(store=store, keys=keyring, now=NOW, actor="ops", role="operator")
    assert (done.bound, done.refused) == (1, (bad,))
    report = _audit(store, keyring)
    assert sorted(_findings(report)) == sorted(
        [("unbound", bad, "meta_mac"), (fault[0], bad, fault[1])]
    )
    assert good not in {f.record_id for f in report.findings}


def test_when_a_0003_database_is_upgraded_then_rows_are_unbound_until_bound(
    engine: Engine, keyring: LocalKeyring
) -> None:
    store = Store(engine)
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    sweep(store=store, now=NOW + SHORT)
    cfg = alembic_config()
    with engine.begin() as conn:  # back to the schema of the previous release, data kept
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    assert "meta_mac" not in {c["name"] for c in inspect(engine).get_columns("records")}

    upgrade_to_head(engine)
    store = Store(engine)
    report = _audit(store, keyring, now=NOW + SHORT)
    assert _findings(report) == [("unbound", rid, "meta_mac")]
    assert (report.fields_verified, report.fields_shredded) == (2, 1)
    assert (
        bind_records(store=store, keys=keyring, now=NOW + SHORT, actor="ops", role="operator").bound
        == 1
    )
    assert _audit(store, keyring, now=NOW + SHORT).clean
    assert store.get(rid) is not None and SAMPLE_TEXT not in _audit(store, keyring).dumps("json")


def test_when_keys_rotate_then_macs_follow_and_the_old_key_can_retire(
    store: Store, keyring: LocalKeyring
) -> None:
    live = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    gone = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    store.delete(gone, now=NOW)  # no data key left: only its MAC still names k1
    keyring.rotate(now=NOW)  # a rotation outside the service: nothing re-wrapped or re-bound
    assert _audit(store, keyring).clean  # k1 still verifies what it keyed
    rotate_keys(store=store, keys=keyring, now=NOW, actor="ops", role="key-admin", new_key=False)
    assert store.count_bound_by("k1") == 0 and store.count_bound_by("k2") == 2
    retire_key("k1", store=store, keys=keyring, now=NOW, actor="ops", role="key-admin")
    report = _audit(store, keyring)
    assert report.clean and report.fields_verified == 3  # the live record still opens
    assert {live, gone} == {r.id for r in store.scan()}


def test_when_a_key_still_keys_macs_then_retire_refused_and_forced_retire_is_reported(
    store: Store, keyring: LocalKeyring
) -> None:
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    store.delete(rid, now=NOW)
    keyring.rotate(now=NOW)
    with pytest.raises(KeyStillInUse, match="record MAC"):
        retire_key("k1", store=store, keys=keyring, now=NOW, actor="ops", role="key-admin")
    retire_key("k1", store=store, keys=keyring, now=NOW, actor="ops", role="key-admin", force=True)
    assert _findings(_audit(store, keyring)) == [("mac_key_unavailable", rid, "meta_mac_key_id")]

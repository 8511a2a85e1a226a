"""The store audit an auditor runs, and the audit trail of original views."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import pytest
from sqlalchemy import update
from storekit import LONG, NOW, RECORD, sample_result

from redactor.crypto.keys import LocalKeyring
from redactor.entities import Entity
from redactor.service import AccessDenied, RecordNotFound, audit, read_original, store_redaction
from redactor.store import Store
from redactor.store.models import AuditRow


class FakeAnalyzer:
    """Flags a mobile number left in the text; nothing else (no model in these tests)."""

    def analyze(self, text: str) -> list[Entity]:
        i = text.find("090-")
        return [] if i < 0 else [Entity(i, i + 13, "PHONE_NUMBER", 0.9, "fake")]


@dataclass(frozen=True)
class FakePolicy:
    name: str = "test"
    version: str = "1"
    original_viewer_roles: tuple[str, ...] = ("supervisor",)
    purpose_required: bool = True

    def threshold(self, label: str) -> float:
        return 0.95 if label == "EMAIL_ADDRESS" else 0.5


MISSING = "00000000-0000-4000-8000-000000000000"  # a UUID no record has


def _audit(
    store: Store,
    keys: LocalKeyring,
    *,
    now: Any = NOW,
    problems: list[str] | None = None,
    known: bool = True,
) -> Any:
    return audit(
        store=store,
        keys=keys,
        analyzer=FakeAnalyzer(),
        policy_lookup=lambda n, v: FakePolicy() if known else None,
        policy_check=lambda p: problems or [],
        now=now,
    )


def _kinds(report: Any) -> list[str]:
    return [f.kind for f in report.findings]


def test_when_store_is_healthy_then_audit_clean(store: Store, keyring: LocalKeyring) -> None:
    store_redaction(sample_result(), store=store, keys=keyring, now=NOW)
    report = _audit(store, keyring)
    assert report.clean and report.records == 1 and report.policies == ["test@1"]
    assert '"clean": true' in report.dumps("json") and "CLEAN" in report.dumps("text")


def test_when_past_deadline_then_finding_until_swept(store: Store, keyring: LocalKeyring) -> None:
    from redactor.service import sweep

    store_redaction(sample_result(), store=store, keys=keyring, now=NOW)
    assert _kinds(_audit(store, keyring, now=NOW + LONG)) == ["past_deadline"] * 2
    sweep(store=store, now=NOW + RECORD)
    report = _audit(store, keyring, now=NOW + RECORD)
    assert report.clean and report.shreds_logged == 3


def test_when_masked_text_still_holds_pii_then_residual_finding(
    store: Store, keyring: LocalKeyring
) -> None:
    leaky = replace(sample_result(), text="電話：090-1234-5678")
    rid = store_redaction(leaky, store=store, keys=keyring, now=NOW).id
    report = _audit(store, keyring)
    assert [(f.kind, f.record_id, f.labels) for f in report.findings] == [
        ("residual_pii", rid, ("PHONE_NUMBER",))
    ]
    assert "090-1234-5678" not in report.dumps("json") + report.dumps("text")


@pytest.mark.parametrize(
    ("problems", "known", "kind"),
    [
        (["MYNUMBER-REVERSIBLE: pseudonym on MY_NUMBER"], True, "policy_check"),
        ([], False, "policy_unknown"),
    ],
)
def test_when_policy_in_use_fails_check_then_finding(
    store: Store, keyring: LocalKeyring, problems: list[str], known: bool, kind: str
) -> None:
    store_redaction(sample_result(), store=store, keys=keyring, now=NOW)
    assert _kinds(_audit(store, keyring, problems=problems, known=known)) == [kind]


def test_when_masked_ciphertext_tampered_then_undecryptable_finding(
    store: Store, keyring: LocalKeyring
) -> None:
    from redactor.store.models import Record

    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    with store.transaction() as s:
        s.execute(update(Record).where(Record.id == rid).values(masked_dek_id="f" * 16))
    report = _audit(store, keyring)  # the key id is bound by the MAC and the GCM tag both
    assert [(f.kind, f.column) for f in report.findings] == [
        ("metadata_mismatch", "metadata"),
        ("undecryptable", "masked"),
    ]


@pytest.mark.parametrize(
    ("role", "purpose", "policy", "error", "result"),
    [
        ("supervisor", "complaint_followup", FakePolicy(), None, "allowed"),
        ("operator", "complaint_followup", FakePolicy(), AccessDenied, "denied: role"),
        ("supervisor", "", FakePolicy(), AccessDenied, "denied: no purpose"),
        ("supervisor", None, FakePolicy(name="other"), AccessDenied, "denied: policy mismatch"),
    ],
    ids=["allowed", "wrong-role", "blank-purpose", "other-policy"],
)
def test_when_original_read_then_always_logged(
    store: Store,
    keyring: LocalKeyring,
    role: str,
    purpose: str | None,
    policy: FakePolicy,
    error: type[Exception] | None,
    result: str,
) -> None:
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    if error is None:
        items = read_original(
            rid,
            store=store,
            keys=keyring,
            actor="u1",
            role=role,
            purpose=purpose,
            policy=policy,
            now=NOW,
        )
        assert [(i.label, i.value) for i in items] == [
            ("PERSON", "山田太郎"),
            ("PHONE_NUMBER", "090-1234-5678"),
        ]
    else:
        with pytest.raises(error):
            read_original(
                rid,
                store=store,
                keys=keyring,
                actor="u1",
                role=role,
                purpose=purpose,
                policy=policy,
                now=NOW,
            )
    with store.transaction() as s:
        rows = s.query(AuditRow).all()
        assert [(r.action, r.result, r.record_id, r.actor) for r in rows] == [
            ("view_original", result, rid, "u1")
        ]
        assert ("PERSON" in rows[0].labels) == (error is None)
        assert "山田" not in rows[0].labels + (rows[0].result or "")
    report = _audit(store, keyring)
    assert report.clean and report.original_views == 1


def test_when_original_viewed_without_purpose_then_finding(
    store: Store, keyring: LocalKeyring
) -> None:
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    lax = FakePolicy(purpose_required=False)
    read_original(
        rid,
        store=store,
        keys=keyring,
        actor="u1",
        role="supervisor",
        purpose=None,
        policy=lax,
        now=NOW,
    )
    with pytest.raises(RecordNotFound):
        read_original(
            MISSING,
            store=store,
            keys=keyring,
            actor="u1",
            role="supervisor",
            purpose="callback",
            policy=lax,
            now=NOW,
        )
    report = _audit(store, keyring)
    assert _kinds(report) == ["view_without_purpose"]
    assert report.findings[0].labels == ("PERSON", "PHONE_NUMBER")


def test_when_audit_entry_tampered_then_chain_finding(store: Store, keyring: LocalKeyring) -> None:
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    for _ in range(2):
        read_original(
            rid,
            store=store,
            keys=keyring,
            actor="u1",
            role="supervisor",
            purpose="complaint_followup",
            policy=FakePolicy(),
            now=NOW,
        )
    with store.transaction() as s:
        first = s.query(AuditRow).order_by(AuditRow.id).first()
        assert first is not None
        first.purpose = "something else"
    report = _audit(store, keyring)
    assert _kinds(report) == ["chain_broken"] and str(first.id) in report.findings[0].detail

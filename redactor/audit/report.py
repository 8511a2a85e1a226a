"""The compliance audit of the feedback store: what an auditor runs, not what staff see.

Checks, each producing findings that name records and labels, never values:

1. every policy version still in use passes the policy check;
2. no record is past a deadline with its data key still alive;
3. every record's metadata MAC holds and every ciphertext (masked note and each
   originals part) authenticates (``redactor.audit.integrity``); shredded fields
   are counted, records from before the MAC are ``unbound``;
4. no masked note, decrypted and re-scanned with the *current* recognizers,
   still holds PII scoring at or above its policy's threshold;
5. no original was viewed without a stated purpose;
6. the audit log's hash chain is intact.

The analyzer, the policy lookup and the policy check come in as parameters so
this module imports neither the policy package nor the command line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Protocol

from redactor.audit import log
from redactor.audit.integrity import IntegrityChecker
from redactor.crypto.keys import KeyProvider
from redactor.store.store import Store

DEFAULT_THRESHOLD = 0.5


class ScoredSpan(Protocol):
    @property
    def label(self) -> str: ...
    @property
    def score(self) -> float: ...


class Analyzer(Protocol):
    def analyze(self, text: str) -> Sequence[Any]: ...


PolicyLookup = Callable[[str, str], Any]
PolicyCheck = Callable[[Any], Sequence[object]]


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # policy_check | policy_unknown | past_deadline | residual_pii
    #            | view_without_purpose | chain_broken | integrity.KINDS (undecryptable,
    #            metadata_mismatch, unbound, missing_ciphertext …)
    detail: str
    record_id: str | None = None
    labels: tuple[str, ...] = ()
    column: str | None = None  # which field of the record: "masked", "vault/1", "metadata"


@dataclass(slots=True)
class AuditReport:
    now: datetime
    records: int = 0
    policies: list[str] = field(default_factory=list)
    shreds_logged: int = 0
    deletions_logged: int = 0
    original_views: int = 0
    chain_head: str = log.GENESIS
    #: ciphertexts whose key and tag verified; fields shredded on purpose (not findings)
    fields_verified: int = 0
    fields_shredded: int = 0
    records_unbound: int = 0
    #: masked notes re-scanned for residual PII, and those left out (budget, load, deadline)
    rescanned: int = 0
    rescan_skipped: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.findings

    def to_json(self) -> dict[str, object]:
        return {
            "now": self.now.isoformat(),
            "clean": self.clean,
            "records": self.records,
            "policies": self.policies,
            "shreds_logged": self.shreds_logged,
            "deletions_logged": self.deletions_logged,
            "original_views": self.original_views,
            "chain_head": self.chain_head,
            "fields_verified": self.fields_verified,
            "fields_shredded": self.fields_shredded,
            "records_unbound": self.records_unbound,
            "rescanned": self.rescanned,
            "rescan_skipped": self.rescan_skipped,
            "findings": [asdict(f) for f in self.findings],
        }

    def to_text(self) -> str:
        lines = [
            f"audit at {self.now.isoformat()}: "
            + ("CLEAN" if self.clean else f"{len(self.findings)} finding(s)"),
            f"records: {self.records}; policies in use: {', '.join(self.policies) or '-'}",
            f"shreds logged: {self.shreds_logged}; erasures logged: {self.deletions_logged}; "
            f"original views: {self.original_views}",
            f"audit chain head: {self.chain_head}",
            f"ciphertexts verified: {self.fields_verified}; fields shredded: "
            f"{self.fields_shredded}; records unbound: {self.records_unbound}",
        ]
        if self.rescanned or self.rescan_skipped:
            lines.append(f"re-scanned: {self.rescanned}; re-scan skipped: "
                         f"{self.rescan_skipped}")
        for f in self.findings:
            where = f" record {f.record_id}" if f.record_id else ""
            where += f" ({f.column})" if f.column else ""
            labels = f" [{', '.join(f.labels)}]" if f.labels else ""
            lines.append(f"- {f.kind}{where}{labels}: {f.detail}")
        return "\n".join(lines)

    def dumps(self, fmt: str) -> str:
        if fmt == "json":
            return json.dumps(self.to_json(), ensure_ascii=False, indent=2)
        return self.to_text()


class RescanSkipped(Exception):
    """Raised by an analyzer to skip re-scanning one note (over budget, overloaded, late):
    the audit counts it as skipped and goes on. The message is a reason word, never text."""


def _threshold(policy: Any, label: str) -> float:
    method = getattr(policy, "threshold", None)
    return float(method(label)) if callable(method) else DEFAULT_THRESHOLD


def residual_scores(analyzer: Any, masked: str, policy: Any) -> dict[str, float]:
    """Labels the analyzer still finds in a masked note at or above the policy's
    threshold, each with its best score: what the audit and the report call residual PII."""
    best: dict[str, float] = {}
    for e in analyzer.analyze(masked):
        if e.score >= _threshold(policy, e.label):
            best[e.label] = max(best.get(e.label, 0.0), round(float(e.score), 3))
    return best


def run_audit(
    store: Store,
    keys: KeyProvider,
    *,
    analyzer: Analyzer | None,
    policy_lookup: PolicyLookup,
    policy_check: PolicyCheck,
    now: datetime,
    rescan_limit: int | None = None,
) -> AuditReport:
    """``analyzer=None`` skips the residual-PII re-scan (every other check runs);
    ``rescan_limit`` re-scans at most that many records (the budget of one call)."""
    report = AuditReport(now=now)
    policies: dict[tuple[str, str], Any] = {}

    for name, version in store.policies_in_use():
        tag = f"{name}@{version}"
        report.policies.append(tag)
        policy = policy_lookup(name, version)
        policies[(name, version)] = policy
        if policy is None:
            report.findings.append(Finding("policy_unknown", f"policy {tag} was not supplied"))
            continue
        for problem in policy_check(policy):
            report.findings.append(Finding("policy_check", f"{tag}: {problem}"))

    for item in store.due_for_shred(now):
        report.findings.append(
            Finding(
                "past_deadline",
                f"{item.part} past its deadline {item.deadline.isoformat()} and not shredded",
                item.record_id,
            )
        )

    checker = IntegrityChecker(keys)
    for rec in store.scan():
        report.records += 1
        check = checker.check(rec)
        report.fields_verified += check.verified
        report.fields_shredded += check.shredded
        for fault in check.faults:
            report.records_unbound += fault.kind == "unbound"
            report.findings.append(Finding(fault.kind, fault.detail, rec.id, column=fault.column))
        masked = check.masked_text
        if masked is None or analyzer is None:
            continue
        if rescan_limit is not None:
            if rescan_limit <= 0:
                report.rescan_skipped += 1
                continue
            rescan_limit -= 1
        policy = policies.get((rec.policy_name, rec.policy_version))
        try:
            residual = sorted(residual_scores(analyzer, masked, policy))
        except RescanSkipped:
            report.rescan_skipped += 1
            continue
        report.rescanned += 1
        if residual:
            report.findings.append(
                Finding(
                    "residual_pii",
                    "masked note still contains PII above threshold",
                    rec.id,
                    tuple(residual),
                )
            )

    with store.transaction() as s:
        for logged in log.entries(s):
            e = logged.entry
            if e.action == "shred":
                report.shreds_logged += 1
            elif e.action == "delete":
                report.deletions_logged += 1
            elif e.action == "view_original":
                report.original_views += 1
                if e.result == "allowed" and not (e.purpose or "").strip():
                    report.findings.append(
                        Finding(
                            "view_without_purpose",
                            f"original viewed by {e.actor} ({e.role}) without a purpose "
                            f"(audit entry {logged.id})",
                            e.record_id,
                            e.labels,
                        )
                    )
        broken = log.verify_chain(s)
        report.chain_head = log.head(s)
    if broken is not None:
        report.findings.append(Finding("chain_broken", f"audit log chain broken at entry {broken}"))
    return report

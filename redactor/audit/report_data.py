"""The auditors' report as data: ten sections, each with a one-line verdict.

This JSON-ready dictionary is the source of truth; ``report_html`` renders it.
Every number comes from an SQL aggregate in the store (a fixed, small number of
queries per section, on indexed columns), never from loading every record: a
report over 100,000 records takes seconds. The one exception is section 7, the
re-scan of masked notes, which decrypts and re-analyzes notes and is therefore
opt-in (``rescan=True``, optionally on a ``sample``).

Nothing here holds a note, a masked note or an original value: records are
named by id, PII by label and score. Time (``now``), the keys, the analyzer
and the policy lookup come in as parameters.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    and_,
    cast,
    func,
    literal,
    select,
    true,
    union_all,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from redactor.audit import log
from redactor.audit.report import RescanSkipped, residual_scores
from redactor.crypto.envelope import SealedField
from redactor.crypto.errors import DecryptionError
from redactor.crypto.keys import KeyProvider, WrappedKey
from redactor.crypto.record import masked_field, open_masked
from redactor.store.models import AuditRow, Record, Refusal, VaultPart
from redactor.store.store import Store

SCHEMA = "redactor.audit-report/1"
#: a field shredded later than this after its deadline was shredded late (the sweep runs daily)
SHRED_GRACE = timedelta(days=1)
#: how many ids a list of overdue fields or purpose-less views shows at most
ID_LIMIT = 200

OK, WARN, FAIL, SKIPPED = "ok", "warn", "fail", "skipped"
_RANK = {OK: 0, SKIPPED: 0, WARN: 1, FAIL: 2}

TITLES = {
    "overview": "総合判定と対象期間",
    "records": "保存件数（月別・ポリシー版別）",
    "pii": "検出した個人情報（ラベル別・月別）",
    "retention": "保存期限と廃棄",
    "views": "原文の閲覧（役割別・目的別）",
    "refusals": "拒否したリクエスト（401/403/429）",
    "rescan": "マスク済み文書の再走査（残存個人情報）",
    "chain": "監査ログのハッシュチェーン",
    "keys": "暗号鍵",
    "policies": "使用中ポリシーの検査",
}


PolicyLookup = Callable[[str, str], Any]
#: (policy) -> [(rule id, severity, message)], every finding of the policy check
PolicyFindings = Callable[[Any], Sequence[tuple[str, str, str]]]
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Period:
    since: datetime | None
    until: datetime

    def on(self, column: Any) -> ColumnElement[bool]:
        cond: ColumnElement[bool] = column <= self.until
        return cond if self.since is None else and_(column >= self.since, cond)

    def on_text(self, column: Any) -> ColumnElement[bool]:
        """The same bounds on an ISO-8601 text column (the audit log's ``at``)."""
        cond: ColumnElement[bool] = column <= log._iso(self.until)
        return cond if self.since is None else and_(column >= log._iso(self.since), cond)


def _verdict(status: str, summary: str) -> dict[str, str]:
    return {"status": status, "summary": summary}


def _section(sid: str, verdict: dict[str, str], data: dict[str, Any]) -> dict[str, Any]:
    number = list(TITLES).index(sid) + 1
    return {"id": sid, "number": number, "title": TITLES[sid], "verdict": verdict, "data": data}


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _month(s: Session, column: Any) -> Any:
    """``YYYY-MM`` of a UTC datetime column, computed by the database."""
    if s.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", column), "YYYY-MM")
    return func.substr(column, 1, 7)  # SQLite stores naive UTC ``YYYY-MM-DD HH:MM:SS``


def _labels_of(s: Session) -> Any:
    """A table-valued function over ``records.label_counts``: one row per (label, count)."""
    if s.get_bind().dialect.name == "postgresql":
        return func.jsonb_each_text(cast(Record.label_counts, JSONB)).table_valued(
            "key", "value", name="lc")
    return func.json_each(Record.label_counts).table_valued("key", "value", name="lc")


# ---- sections 2 and 3 -------------------------------------------------------------


def _records(s: Session, period: Period) -> dict[str, Any]:
    month = _month(s, Record.created_at).label("month")
    rows = s.execute(
        select(month, Record.policy_name, Record.policy_version, func.count())
        .where(period.on(Record.created_at))
        .group_by(month, Record.policy_name, Record.policy_version)
        .order_by(month, Record.policy_name, Record.policy_version)
    ).all()
    by_month: list[dict[str, Any]] = [
        {"month": str(m), "policy": f"{n}@{v}", "records": int(c)} for m, n, v, c in rows
    ]
    total = sum(r["records"] for r in by_month)
    policies = sorted({r["policy"] for r in by_month})
    return {"total": total, "policies": policies, "by_month": by_month}


def _pii(s: Session, period: Period, records_by_month: dict[str, int]) -> dict[str, Any]:
    lc = _labels_of(s)
    month = _month(s, Record.created_at).label("month")
    rows = s.execute(
        select(month, lc.c.key, func.sum(cast(lc.c.value, Integer)), func.count())
        .select_from(Record)
        .join(lc, true())
        .where(period.on(Record.created_at))
        .group_by(month, lc.c.key)
        .order_by(month, lc.c.key)
    ).all()
    by_month = [{"month": str(m), "label": str(k), "found": int(n or 0), "notes": int(c)}
                for m, k, n, c in rows]
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _m, k, n, c in rows:
        totals[str(k)][0] += int(n or 0)
        totals[str(k)][1] += int(c)
    notes = sum(records_by_month.values())
    by_label = [
        {"label": label, "found": f, "notes": n,
         "share": round(n / notes, 4) if notes else 0.0}
        for label, (f, n) in sorted(totals.items(), key=lambda kv: (-kv[1][0], kv[0]))
    ]
    return {"notes": notes, "by_label": by_label, "by_month": by_month}


# ---- section 4 ---------------------------------------------------------------------


def _retention(s: Session, period: Period, now: datetime) -> dict[str, Any]:
    masked = select(
        Record.id.label("record_id"), literal("masked").label("part"),
        Record.record_deadline.label("deadline"), Record.masked_shredded_at.label("shredded"),
        (Record.masked_wrapped_key.is_not(None)).label("alive"),
    ).where(Record.record_deadline.is_not(None))
    parts = select(
        VaultPart.record_id.label("record_id"),
        (literal("vault/", String) + cast(VaultPart.seq, String(10))).label("part"),
        VaultPart.retain_until.label("deadline"), VaultPart.shredded_at.label("shredded"),
        (VaultPart.wrapped_key.is_not(None)).label("alive"),
    )
    fields = union_all(masked, parts).subquery("fields")
    deadline, shredded = fields.c.deadline, fields.c.shredded
    due = and_(deadline <= now, period.on(deadline))
    overdue_cond = and_(deadline <= now, fields.c.alive)
    row = s.execute(
        select(
            func.count().filter(due),
            func.count().filter(and_(due, shredded.is_not(None))),
            func.count().filter(overdue_cond),
            func.count().filter(and_(deadline > now, fields.c.alive)),
        )
    ).one()
    late = _late_count(s, fields, due)
    overdue = s.execute(
        select(fields.c.record_id, fields.c.part, deadline)
        .where(overdue_cond).order_by(deadline, fields.c.record_id).limit(ID_LIMIT)
    ).all()
    dmonth = _month(s, deadline).label("month")
    upcoming = s.execute(
        select(dmonth, func.count(), func.min(deadline))
        .where(deadline > now, fields.c.alive)
        .group_by(dmonth).order_by(dmonth).limit(12)
    ).all()
    return {
        "due": int(row[0]),
        "shredded": int(row[1]),
        "shredded_on_time": int(row[1]) - late,
        "shredded_late": late,
        "overdue": int(row[2]),
        "overdue_items": [{"record_id": str(r), "part": str(p), "deadline": _iso(d)}
                          for r, p, d in overdue],
        "pending": int(row[3]),
        "next_deadlines": [{"month": str(m), "fields": int(c), "first": _iso(f)}
                           for m, c, f in upcoming],
        "grace_hours": int(SHRED_GRACE.total_seconds() // 3600),
    }


def _late_count(s: Session, fields: Any, due: ColumnElement[bool]) -> int:
    """Fields shredded more than ``SHRED_GRACE`` after their deadline."""
    if s.get_bind().dialect.name == "postgresql":
        late = (func.extract("epoch", fields.c.shredded)
                - func.extract("epoch", fields.c.deadline) > SHRED_GRACE.total_seconds())
    else:  # SQLite: compare julian days (its datetimes are text)
        late = (func.julianday(fields.c.shredded) - func.julianday(fields.c.deadline)
                > SHRED_GRACE.total_seconds() / 86400)
    return int(s.scalar(select(func.count()).select_from(fields).where(due, late)) or 0)


# ---- sections 5 and 6 ----------------------------------------------------------------


def _views(s: Session, period: Period) -> dict[str, Any]:
    where = and_(AuditRow.action == "view_original", period.on_text(AuditRow.at))
    purpose = func.coalesce(func.trim(AuditRow.purpose), "")
    allowed = AuditRow.result == "allowed"
    rows = s.execute(
        select(AuditRow.role, purpose, func.count().filter(allowed),
               func.count().filter(~allowed))
        .where(where).group_by(AuditRow.role, purpose).order_by(AuditRow.role, purpose)
    ).all()
    groups = [{"role": str(r), "purpose": str(p) or None, "allowed": int(a), "refused": int(d)}
              for r, p, a, d in rows]
    bare = s.execute(
        select(AuditRow.id, AuditRow.at, AuditRow.actor, AuditRow.role, AuditRow.record_id)
        .where(where, allowed, purpose == "").order_by(AuditRow.id).limit(ID_LIMIT)
    ).all()
    return {
        "allowed": sum(g["allowed"] for g in groups),
        "refused": sum(g["refused"] for g in groups),
        "by_role_purpose": groups,
        "without_purpose": [{"entry": int(i), "at": str(at), "actor": str(a), "role": str(r),
                             "record_id": rid} for i, at, a, r, rid in bare],
    }


def _refusals(s: Session, period: Period) -> dict[str, Any]:
    since = None if period.since is None else period.since.strftime("%Y-%m-%d")
    cond: ColumnElement[bool] = Refusal.day <= period.until.strftime("%Y-%m-%d")
    if since is not None:
        cond = and_(Refusal.day >= since, cond)
    month = func.substr(Refusal.day, 1, 7).label("month")
    rows = s.execute(
        select(month, Refusal.route, Refusal.role, Refusal.status, func.sum(Refusal.count))
        .where(cond).group_by(month, Refusal.route, Refusal.role, Refusal.status)
        .order_by(month, Refusal.route, Refusal.role, Refusal.status)
    ).all()
    items = [{"month": str(m), "route": str(r), "role": str(ro), "status": int(st),
              "count": int(c or 0)} for m, r, ro, st, c in rows]
    by_status: dict[str, int] = defaultdict(int)
    by_route_role: dict[tuple[str, str, int], int] = defaultdict(int)
    for _, r, ro, st, c in rows:
        by_status[str(st)] += int(c or 0)
        by_route_role[(str(r), str(ro), int(st))] += int(c or 0)
    return {
        "total": sum(by_status.values()),
        "by_status": dict(sorted(by_status.items())),
        "by_route_role": [{"route": r, "role": ro, "status": st, "count": c}
                          for (r, ro, st), c in sorted(by_route_role.items(),
                                                       key=lambda kv: (-kv[1], kv[0]))],
        "by_month": items,
    }


# ---- sections 8 to 10 -----------------------------------------------------------------


def _chain(s: Session) -> dict[str, Any]:
    broken = log.verify_chain(s)
    return {"entries": int(s.scalar(select(func.count()).select_from(AuditRow)) or 0),
            "first_broken": broken, "head": log.head(s)}


def _keys(s: Session, keys: KeyProvider) -> dict[str, Any]:
    masked = select(Record.masked_kek_id.label("kek"),
                    Record.masked_wrapped_key.is_not(None).label("alive"))
    parts = select(VaultPart.kek_id.label("kek"), VaultPart.wrapped_key.is_not(None)
                   .label("alive"))
    fields = union_all(masked, parts).subquery("dks")
    rows = s.execute(
        select(fields.c.kek, func.count().filter(fields.c.alive),
               func.count().filter(~fields.c.alive))
        .group_by(fields.c.kek).order_by(fields.c.kek)
    ).all()
    per_kek = {str(k): (int(a), int(d)) for k, a, d in rows if k is not None}
    shredded = sum(int(d) for _, _, d in rows)
    events = s.execute(
        select(AuditRow.at, AuditRow.action, AuditRow.key_version)
        .where(AuditRow.action.in_(["rotate_keys", "retire_key"])).order_by(AuditRow.id)
    ).all()
    describe = getattr(keys, "describe", None)
    listed: list[dict[str, Any]] = (
        describe() if callable(describe)
        else [{"id": k, "status": "active", "created": None, "retired": None}
              for k in keys.key_ids()]
    )
    known = {k["id"] for k in listed}
    listed += [{"id": k, "status": "unknown", "created": None, "retired": None}
               for k in sorted(per_kek) if k not in known]
    out = []
    for k in listed:
        live, _ = per_kek.get(k["id"], (0, 0))
        rotations = [str(at) for at, action, kv in events
                     if action == "rotate_keys" and kv == k["id"]]
        out.append({**k, "primary": k["id"] == keys.primary_key_id, "live_data_keys": live,
                    "rotated_in": rotations})
    return {"keys": out, "shredded_data_keys": shredded,
            "events": [{"at": str(at), "action": str(a), "key": kv} for at, a, kv in events]}


def _policies(s: Session, lookup: PolicyLookup, findings: PolicyFindings) -> dict[str, Any]:
    rows = s.execute(
        select(Record.policy_name, Record.policy_version, func.count())
        .where(Record.masked_wrapped_key.is_not(None))
        .group_by(Record.policy_name, Record.policy_version)
        .order_by(Record.policy_name, Record.policy_version)
    ).all()
    out = []
    for name, version, count in rows:
        policy = lookup(str(name), str(version))
        checks = [] if policy is None else [
            {"rule_id": r, "severity": sev, "message": m} for r, sev, m in findings(policy)]
        out.append({"policy": f"{name}@{version}", "records": int(count),
                    "known": policy is not None, "findings": checks})
    return {"policies": out}


# ---- section 7 ------------------------------------------------------------------------


def rescan(
    store: Store,
    keys: KeyProvider,
    *,
    analyzer: Any,
    policy_lookup: PolicyLookup,
    period: Period,
    sample: int | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Decrypt and re-analyze live masked notes; report ids, labels and scores, never text."""
    query = (select(Record.id, Record.policy_name, Record.policy_version,
                    Record.record_deadline, Record.masked_dek_id, Record.masked_kek_id,
                    Record.masked_wrapped_key, Record.masked_ciphertext)
             .where(Record.masked_wrapped_key.is_not(None), period.on(Record.created_at))
             .order_by(Record.id))  # ids are random UUIDs: the first N are a fair sample
    with store.transaction() as s:
        total = int(s.scalar(select(func.count()).select_from(query.subquery())) or 0)
    scanned = total if sample is None else min(sample, total)
    if sample is not None:
        query = query.limit(sample)
    residual: list[dict[str, Any]] = []
    undecryptable: list[str] = []
    policies: dict[tuple[str, str], Any] = {}
    done = skipped = 0
    with store.transaction() as s:
        for row in s.execute(query).yield_per(200):
            done += 1
            if progress is not None:
                progress(done, scanned)
            if not row[5] or row[6] is None or row[7] is None:
                continue
            sealed = SealedField(masked_field(row[3]), row[4], WrappedKey(row[5], row[6]),
                                 row[7])
            try:
                text = open_masked(keys, str(row[0]), sealed)
            except DecryptionError:
                undecryptable.append(str(row[0]))
                continue
            key = (str(row[1]), str(row[2]))
            if key not in policies:
                policies[key] = policy_lookup(*key)
            try:
                best = residual_scores(analyzer, text, policies[key])
            except RescanSkipped:
                skipped += 1
                continue
            finally:
                del text
            if best:
                residual.append({"record_id": str(row[0]),
                                 "labels": [{"label": k, "score": v}
                                            for k, v in sorted(best.items())]})
    return {"performed": True, "eligible": total, "scanned": done - skipped,
            "skipped": skipped, "sampled": sample is not None,
            "residual": residual, "undecryptable": undecryptable}


# ---- the whole report -------------------------------------------------------------------


def build_report(
    store: Store,
    keys: KeyProvider,
    *,
    policy_lookup: PolicyLookup,
    policy_findings: PolicyFindings,
    now: datetime,
    since: datetime | None = None,
    until: datetime | None = None,
    rescan_result: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The report's data (JSON-ready). ``rescan_result`` comes from :func:`rescan`, if run."""
    period = Period(since, until if until is not None else now)
    with store.transaction() as s:
        records = _records(s, period)
        per_month: dict[str, int] = defaultdict(int)
        for r in records["by_month"]:
            per_month[r["month"]] += r["records"]
        pii = _pii(s, period, per_month)
        retention = _retention(s, period, now)
        views = _views(s, period)
        refusals = _refusals(s, period)
        chain = _chain(s)
        key_data = _keys(s, keys)
        policies = _policies(s, policy_lookup, policy_findings)

    sections = [
        _section("records", _records_verdict(records), records),
        _section("pii", _pii_verdict(pii), pii),
        _section("retention", _retention_verdict(retention), retention),
        _section("views", _views_verdict(views), views),
        _section("refusals", _refusals_verdict(refusals), refusals),
        _section("rescan", _rescan_verdict(rescan_result),
                 rescan_result or {"performed": False}),
        _section("chain", _chain_verdict(chain), chain),
        _section("keys", _keys_verdict(key_data), key_data),
        _section("policies", _policies_verdict(policies), policies),
    ]
    worst = max((sec["verdict"]["status"] for sec in sections), key=_RANK.__getitem__)
    attention = [f"{sec['number']}. {sec['title']}" for sec in sections
                 if sec["verdict"]["status"] in (WARN, FAIL)]
    summary = ("すべての項目で問題はありません" if worst in (OK, SKIPPED)
               else f"要確認 {len(attention)} 項目: " + "、".join(attention))
    overview = {
        "generated_at": now.isoformat(),
        "since": _iso(since),
        "until": period.until.isoformat(),
        "records": records["total"],
        "statuses": {sec["id"]: sec["verdict"]["status"] for sec in sections},
    }
    return {
        "schema": SCHEMA,
        "generated_at": now.isoformat(),
        "period": {"since": _iso(since), "until": period.until.isoformat()},
        "verdict": _verdict(worst if worst != SKIPPED else OK, summary),
        "sections": [_section("overview", _verdict(worst if worst != SKIPPED else OK, summary),
                              overview), *sections],
    }


def _records_verdict(d: dict[str, Any]) -> dict[str, str]:
    return _verdict(OK, f"期間内に {d['total']:,} 件を保存（ポリシー版 {len(d['policies'])} 種）")


def _pii_verdict(d: dict[str, Any]) -> dict[str, str]:
    found = sum(x["found"] for x in d["by_label"])
    return _verdict(OK, f"{len(d['by_label'])} 種類のラベルで計 {found:,} 件を検出・マスク")


def _retention_verdict(d: dict[str, Any]) -> dict[str, str]:
    if d["overdue"]:
        return _verdict(FAIL, f"期限切れで未廃棄 {d['overdue']:,} 件（下表の ID）")
    if d["shredded_late"]:
        return _verdict(WARN, f"期限到来 {d['due']:,} 件のうち {d['shredded_late']:,} 件の"
                              f"廃棄が {d['grace_hours']} 時間超遅延")
    return _verdict(OK, f"期限到来 {d['due']:,} 件はすべて期限どおり廃棄済み")


def _views_verdict(d: dict[str, Any]) -> dict[str, str]:
    bare = len(d["without_purpose"])
    if bare:
        return _verdict(FAIL, f"目的の記載がない閲覧 {bare} 件")
    return _verdict(OK, f"閲覧 {d['allowed']:,} 件はすべて目的を記載（拒否 {d['refused']:,} 件）")


def _refusals_verdict(d: dict[str, Any]) -> dict[str, str]:
    if not d["total"]:
        return _verdict(OK, "拒否したリクエストはありません")
    parts = "、".join(f"{k}: {v:,}" for k, v in d["by_status"].items())
    return _verdict(OK, f"拒否 {d['total']:,} 件（{parts}）")


def _rescan_verdict(d: dict[str, Any] | None) -> dict[str, str]:
    if d is None:
        return _verdict(SKIPPED, "未実施（--rescan で実行。全件を復号して再解析します）")
    if d["residual"] or d["undecryptable"]:
        return _verdict(FAIL, f"{d['scanned']:,} 件中 {len(d['residual'])} 件に個人情報が残存、"
                              f"復号不能 {len(d['undecryptable'])} 件")
    what = "抽出" if d["sampled"] else "全件"
    if d.get("skipped"):
        return _verdict(OK, f"{d['scanned']:,} 件を再走査し、残存なし"
                            f"（{d['skipped']:,} 件は予算・負荷・期限により未走査）")
    return _verdict(OK, f"{what} {d['scanned']:,} 件を再走査し、残存なし")


def _chain_verdict(d: dict[str, Any]) -> dict[str, str]:
    if d["first_broken"] is not None:
        return _verdict(FAIL, f"エントリ {d['first_broken']} でチェーンが切れています")
    return _verdict(OK, f"{d['entries']:,} 件のエントリを検証し、改ざんなし")


def _keys_verdict(d: dict[str, Any]) -> dict[str, str]:
    lost = [k["id"] for k in d["keys"] if k["status"] != "active" and k["live_data_keys"]]
    if lost:
        return _verdict(FAIL, "廃止済みの鍵が有効なデータ鍵を包んでいます: " + ", ".join(lost))
    active = sum(1 for k in d["keys"] if k["status"] == "active")
    return _verdict(OK, f"有効な鍵 {active} 本、廃棄済みデータ鍵 {d['shredded_data_keys']:,} 本")


def _policies_verdict(d: dict[str, Any]) -> dict[str, str]:
    unknown = [p["policy"] for p in d["policies"] if not p["known"]]
    errors = sum(1 for p in d["policies"] for f in p["findings"] if f["severity"] == "error")
    if unknown or errors:
        return _verdict(FAIL, f"不明なポリシー {len(unknown)} 版、違反 {errors} 件")
    warnings = sum(len(p["findings"]) for p in d["policies"])
    if warnings:
        return _verdict(WARN, f"{len(d['policies'])} 版を検査し、警告 {warnings} 件")
    return _verdict(OK, f"{len(d['policies'])} 版を検査し、問題なし")


def dumps(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2)

"""``GET /v1/audit`` (the compliance report) and ``GET /v1/audit/log``: auditors only."""

from __future__ import annotations

from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Query

from redactor import service
from redactor.api.deps import Auditor, Ctx
from redactor.api.errors import error_responses
from redactor.api.schemas import AuditLogEntryOut, AuditLogOut, AuditReportOut
from redactor.api.work import audit_finder
from redactor.policy.registry import PolicyRegistry

router = APIRouter(prefix="/v1/audit", tags=["audit"])


@router.get("", response_model=AuditReportOut, responses=error_responses(401, 403, 429, 503))
async def audit_report(
    ctx: Ctx,
    caller: Auditor,
    rescan: Annotated[
        int,
        Query(
            ge=0,
            le=200,
            description=(
                "re-scan at most this many masked notes for residual PII (default 0: none); "
                "the full re-scan is `redactor audit` on the command line"
            ),
        ),
    ] = 0,
) -> Any:
    """Policies in use re-checked, deadlines, purposes, hash chain; a residual-PII
    re-scan only when asked (``rescan``), of at most ``REDACTOR_AUDIT_RESCAN_BUDGET``
    notes, each admitted on the audit lane with its own deadline (``rescanned`` and
    ``rescan_skipped`` say how it went); one audit at a time, off the desk app's slots."""
    finder: Any = audit_finder(ctx) if rescan else None
    rescan = min(rescan, ctx.settings.audit_rescan_budget)
    now = ctx.clock()

    def work() -> dict[str, object]:
        report = service.audit(
            store=ctx.store,
            keys=ctx.keys,
            analyzer=finder,
            policy_lookup=ctx.policies.lookup,
            policy_check=PolicyRegistry.problems,
            now=now,
            rescan_limit=rescan,
        )
        return report.to_json()

    return await anyio.to_thread.run_sync(work, limiter=ctx.audit_slots)


@router.get("/log", response_model=AuditLogOut, responses=error_responses(401, 403, 422, 429))
def audit_entries(
    ctx: Ctx,
    caller: Auditor,
    after_id: Annotated[int, Query(ge=0, le=2**62, description="entries after this id")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> AuditLogOut:
    """The hash-chained log (labels, never values), a page at a time, with the chain check."""
    page = service.audit_log_page(store=ctx.store, after_id=after_id, limit=limit)
    return AuditLogOut(
        entries=[
            AuditLogEntryOut(
                id=e.id,
                at=e.entry.at,
                actor=e.entry.actor,
                role=e.entry.role,
                action=e.entry.action,
                result=e.entry.result,
                purpose=e.entry.purpose,
                purpose_note_sealed=e.entry.purpose_note is not None,
                record_id=e.entry.record_id,
                labels=list(e.entry.labels),
                policy=e.entry.policy,
                key_version=e.entry.key_version,
                entry_hash=e.entry_hash,
            )
            for e in page.entries
        ],
        chain_intact=page.chain_intact,
        head=page.head,
    )

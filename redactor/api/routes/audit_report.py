"""``GET /v1/audit/report``: the auditors' report, as JSON or as the printable HTML page.

``Accept: text/html`` gives the page, anything else the JSON it is rendered
from (the same data ``redactor audit --format report-json`` prints). Auditors only.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Header, Query
from fastapi.responses import HTMLResponse, JSONResponse

from redactor import service
from redactor.api.deps import Auditor, Ctx
from redactor.api.errors import ApiError, error_responses
from redactor.api.work import audit_finder
from redactor.policy.registry import PolicyRegistry

router = APIRouter(prefix="/v1/audit", tags=["audit"])


def wants_html(accept: str | None) -> bool:
    """True when ``text/html`` ranks above ``application/json`` in an Accept header."""
    best = {"text/html": 0.0, "application/json": 0.0}
    for item in (accept or "").split(","):
        media, *params = (p.strip() for p in item.split(";"))
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media in best:
            best[media] = max(best[media], q)
    return best["text/html"] > best["application/json"]


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@router.get(
    "/report",
    responses={
        **error_responses(401, 403, 422, 429, 503),
        200: {
            "content": {"text/html": {}, "application/json": {}},
            "description": "the report (HTML page or its JSON data)",
        },
    },
)
async def audit_report_page(
    ctx: Ctx,
    caller: Auditor,
    since: Annotated[datetime | None, Query(description="period start (ISO-8601)")] = None,
    until: Annotated[datetime | None, Query(description="period end (default: now)")] = None,
    rescan: Annotated[bool, Query(description="re-scan masked notes (slow)")] = False,
    sample: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
    accept: Annotated[str | None, Header()] = None,
) -> Any:
    """Ten sections with a verdict each; numbers from SQL aggregates, never a value."""
    now = ctx.clock()
    start, end = _aware(since), _aware(until)
    if start is not None and end is not None and start > end:
        raise ApiError(422, "invalid_request", "since is after until")
    finder: Any = audit_finder(ctx) if rescan else None
    # The re-scan's budget: at most REDACTOR_AUDIT_RESCAN_BUDGET notes per report, on the
    # audit lane, one report at a time (never the desk app's analysis slots or reserve).
    budget = ctx.settings.audit_rescan_budget
    sample = budget if sample is None or sample > budget else sample

    def work() -> dict[str, Any]:
        return service.audit_report(
            store=ctx.store,
            keys=ctx.keys,
            policy_lookup=ctx.policies.lookup,
            policy_findings=PolicyRegistry.findings,
            now=now,
            since=start,
            until=end,
            rescan=rescan,
            sample=sample,
            analyzer=finder,
        )

    data = await anyio.to_thread.run_sync(work, limiter=ctx.audit_slots)
    if wants_html(accept):
        return HTMLResponse(service.audit_report_page(data))
    return JSONResponse(data)

"""``POST /v1/analyze`` and ``POST /v1/redact``: nothing stored."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from redactor import service
from redactor.api.deps import Ctx, Desk
from redactor.api.errors import ApiError, error_responses
from redactor.api.schemas import (
    AnalyzeRequest,
    AnalyzeResponse,
    AnalyzeResult,
    EntityOut,
    PolicyRef,
    RedactRequest,
    RedactResponse,
)
from redactor.api.work import admitted, analyzer_of, check_texts
from redactor.crypto.keys import pseudonym_key
from redactor.entities import Entity
from redactor.results import RedactionResult

router = APIRouter(prefix="/v1", tags=["analysis"])

_ERRORS = error_responses(401, 403, 413, 422, 429, 503)  # 429: rate_limited, overloaded


@router.post("/analyze", response_model=AnalyzeResponse, responses=_ERRORS)
async def analyze(body: AnalyzeRequest, ctx: Ctx, caller: Desk) -> AnalyzeResponse:
    """Entities with offsets (code points of the input), labels, scores, recognizer."""
    texts = body.items
    check_texts(ctx, texts)
    finder: Any = analyzer_of(ctx)

    def work() -> list[list[Entity]]:
        batch = getattr(finder, "analyze_batch", None)
        if len(texts) > 1 and callable(batch):
            return list(batch(texts))
        return [finder.analyze(t) for t in texts]

    found = await admitted(ctx, sum(len(t) for t in texts), work)
    ctx.metrics.observe_notes("analyze", ([e.label for e in es] for es in found))
    return AnalyzeResponse(
        results=[AnalyzeResult(entities=[EntityOut.of(e) for e in es]) for es in found]
    )


@router.post("/redact", response_model=RedactResponse, responses=_ERRORS)
async def redact(body: RedactRequest, ctx: Ctx, caller: Desk) -> RedactResponse:
    """The masked text under a named policy (default: the active one)."""
    check_texts(ctx, [body.text])
    policy = ctx.policies.active if body.policy is None else ctx.policies.by_name(body.policy)
    if policy is None:
        raise ApiError(422, "unknown_policy", "no policy of that name is configured")
    finder: Any = analyzer_of(ctx)
    now = ctx.clock()

    def work() -> RedactionResult:
        return service.redact(
            body.text,
            policy,
            analyzer=finder,
            pseudonym_key=pseudonym_key(ctx.keys),
            caller_id=body.caller_id,
            now=now,
        )

    result = await admitted(ctx, len(body.text), work)
    ctx.metrics.observe_notes("redact", [[e.label for e in result.entities]])
    return RedactResponse(
        text=result.text,
        entities=[EntityOut.of(e) for e in result.entities],
        label_counts=result.label_counts(),
        policy=PolicyRef(name=result.policy_name, version=result.policy_version),
    )

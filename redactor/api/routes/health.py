"""Probes and metrics: unauthenticated by design (orchestrators and Prometheus scrape them);
they carry no record, key or value."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from redactor import service
from redactor.api.deps import Ctx
from redactor.api.metrics import CONTENT_TYPE_LATEST
from redactor.api.schemas import HealthOut, ReadyOut

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=HealthOut)
def healthz() -> HealthOut:
    """The process is alive."""
    return HealthOut(status="ok")


@router.get("/readyz", response_model=ReadyOut,
            responses={503: {"model": ReadyOut, "description": "not ready"}})
def readyz(ctx: Ctx) -> JSONResponse:
    """Model loaded, store reachable, keys present."""
    analyzer = ctx.pool.ready if ctx.pool is not None else ctx.analyzer is not None
    checks = {"analyzer": analyzer,
              "store": service.store_reachable(store=ctx.store),
              "keys": service.keys_ready(ctx.keys)}
    ready = all(checks.values())
    body = ReadyOut(status="ready" if ready else "not_ready", checks=checks)
    return JSONResponse(body.model_dump(), status_code=200 if ready else 503)


@router.get("/metrics", response_class=Response,
            responses={200: {"content": {CONTENT_TYPE_LATEST: {}}, "description": "metrics"}})
def metrics(ctx: Ctx) -> Response:
    """Prometheus text: requests and latencies per route, notes, entities per label, errors."""
    return Response(ctx.metrics.render(), media_type=CONTENT_TYPE_LATEST)

"""Errors as JSON with a stable code: never a stack trace, never a fragment of input.

Every error body is ``{"error": {"code", "message", "request_id"}}``. Messages
are fixed strings chosen here; validation errors list only the location and
type of each problem (pydantic's ``input`` — the caller's text — is dropped).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("redactor.api")


class ErrorDetail(BaseModel):
    loc: list[str | int]
    type: str


class ErrorInfo(BaseModel):
    code: str
    message: str
    request_id: str | None = None
    #: for a refused policy file: the rule it broke (as ``policy check`` names it)
    rule_id: str | None = None
    details: list[ErrorDetail] | None = None


class ErrorBody(BaseModel):
    error: ErrorInfo


class ApiError(Exception):
    """An expected failure with a stable code; raised by routes and dependencies."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        headers: Mapping[str, str] | None = None,
        *,
        rule_id: str | None = None,
    ) -> None:
        super().__init__(code)
        self.rule_id = rule_id
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})


def unauthorized() -> ApiError:
    return ApiError(
        401, "unauthorized", "a valid API key is required", {"WWW-Authenticate": "Bearer"}
    )


def forbidden() -> ApiError:
    return ApiError(403, "forbidden", "this key's role may not call this route")


def not_found(what: str = "record") -> ApiError:
    return ApiError(404, f"{what}_not_found", f"no such {what}")


_HTTP_CODES = {
    400: ("bad_request", "the request is malformed"),
    404: ("not_found", "no such route"),
    405: ("method_not_allowed", "method not allowed on this route"),
    413: ("body_too_large", "the request body is too large"),
}


def request_id_of(request: Request) -> str | None:
    return getattr(request.state, "request_id", None)


def error_response(
    request: Request | None,
    status: int,
    code: str,
    message: str,
    *,
    headers: Mapping[str, str] | None = None,
    details: list[ErrorDetail] | None = None,
    rule_id: str | None = None,
) -> JSONResponse:
    rid = request_id_of(request) if request is not None else None
    body = ErrorBody(
        error=ErrorInfo(
            code=code, message=message, request_id=rid, rule_id=rule_id, details=details
        )
    )
    if request is not None:
        request.state.error_code = code
    return JSONResponse(
        body.model_dump(exclude_none=True), status_code=status, headers=dict(headers or {})
    )


_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$")


def _loc(err: Any) -> list[str | int]:
    """Where the problem is, by field names only: an unknown key is the caller's text (a
    name, a phone number), so it is dropped; any other part that is not a plain
    identifier is replaced by ``*``."""
    parts = list(err.get("loc", ()))
    if err.get("type") == "extra_forbidden" and parts:
        parts = parts[:-1]
    return [p if isinstance(p, int) else (str(p) if _NAME.match(str(p)) else "*") for p in parts]


def _validation_details(errors: Any) -> list[ErrorDetail]:
    return [ErrorDetail(loc=_loc(err), type=str(err.get("type", "invalid"))) for err in errors]


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the one error shape."""

    async def api_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(
            request, exc.status, exc.code, exc.message, headers=exc.headers, rule_id=exc.rule_id
        )

    async def validation_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        if request.url.path.startswith("/v1/"):  # every /v1 route needs a key: 401 first
            from redactor.api.deps import authenticate

            try:
                authenticate(request, request.app.state.ctx)
            except ApiError as refused:
                return await api_error(request, refused)
        return error_response(
            request,
            422,
            "invalid_request",
            "the request is invalid",
            details=_validation_details(exc.errors()),
        )

    async def http_error(request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code, message = _HTTP_CODES.get(exc.status_code, ("http_error", "request failed"))
        return error_response(
            request, exc.status_code, code, message, headers=getattr(exc, "headers", None)
        )

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)


#: Documented on every route so the OpenAPI schema (and schemathesis) know the error shape.
def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {s: {"model": ErrorBody, "description": "error"} for s in statuses}

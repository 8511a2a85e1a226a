"""``Annotated`` dependencies: the app context and the authenticated, authorized caller.

Order inside ``require``: authenticate (401), rate-limit per key (429), then
check the role (403). Route handlers then look the record up (404), so a
caller whose role may use a route gets 404 for an unknown id, whatever it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated
from urllib.parse import unquote

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from redactor.api.context import AppContext
from redactor.api.errors import ApiError, forbidden, unauthorized
from redactor.api.security import Principal, Role

bearer = HTTPBearer(auto_error=False, description="API key: `Authorization: Bearer rk_...`")


def get_ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


Ctx = Annotated[AppContext, Depends(get_ctx)]
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def _refuse_unauthenticated(request: Request, ctx: AppContext) -> ApiError:
    """401, counted; 429 once this client address has failed too often (no key guessing)."""
    client = request.client.host if request.client is not None else "-"
    wait = ctx.auth_failures.acquire(client) if ctx.auth_failures is not None else None
    if wait is not None:
        ctx.metrics.auth_failures.labels("rate_limited").inc()
        return ApiError(
            429, "rate_limited", "too many failed authentications", {"Retry-After": str(wait)}
        )
    ctx.metrics.auth_failures.labels("unauthorized").inc()
    return unauthorized()


def authenticate(request: Request, ctx: AppContext) -> Principal:
    """The caller of ``request`` or the refusal: used by every route and, for a body that
    fails validation, by the error handler (authentication comes before validation)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    principal = (
        ctx.api_keys.authenticate(token.strip())
        if scheme.lower() == "bearer" and token.strip()
        else None
    )
    if principal is None:
        raise _refuse_unauthenticated(request, ctx)
    return principal


def require(*roles: Role) -> Callable[..., Principal]:
    allowed = frozenset(roles)

    def dependency(request: Request, ctx: Ctx, credentials: Credentials) -> Principal:
        del credentials  # declared for the OpenAPI security scheme; read by authenticate
        principal = authenticate(request, ctx)
        request.state.key_id = principal.key_id
        request.state.role = str(principal.role)
        wait = ctx.limiter.acquire(principal.key_id)
        if wait is not None:
            raise ApiError(
                429, "rate_limited", "too many requests for this key", {"Retry-After": str(wait)}
            )
        if principal.role not in allowed:
            raise forbidden()
        return principal

    return dependency


Desk = Annotated[Principal, Depends(require(Role.DESK))]
Reader = Annotated[Principal, Depends(require(Role.DESK, Role.ANALYST, Role.PRIVILEGED))]
Auditor = Annotated[Principal, Depends(require(Role.AUDITOR))]
Privileged = Annotated[Principal, Depends(require(Role.PRIVILEGED))]
#: any valid key: for routes that refuse (and audit-log) a role themselves
AnyRole = Annotated[Principal, Depends(require(*Role))]


def purpose_header(
    x_purpose: Annotated[
        str | None,
        Header(
            description="why the originals are needed: a purpose code "
            "(`redactor.purposes.PURPOSES`, listed in the README)",
            max_length=500,
        ),
    ] = None,
) -> str | None:
    """The stated purpose code, as sent (the service checks it against the closed list)."""
    return x_purpose


def purpose_note_header(
    x_purpose_note: Annotated[
        str | None,
        Header(
            description="optional free text beside the purpose code (percent-encode "
            "non-ASCII); redacted and stored encrypted, never in clear",
            max_length=3000,
        ),
    ] = None,
) -> str | None:
    """The note, percent-decoded (HTTP headers are Latin-1; notes are Japanese)."""
    if x_purpose_note is None:
        return None
    try:
        return unquote(x_purpose_note, errors="strict")
    except UnicodeDecodeError:
        raise ApiError(
            422, "invalid_purpose_note", "the purpose note must be percent-encoded UTF-8"
        ) from None


Purpose = Annotated[str | None, Depends(purpose_header)]
PurposeNote = Annotated[str | None, Depends(purpose_note_header)]

"""One pure-ASGI middleware: request id, body-size limit, access log, metrics, last-resort 500.

Pure ASGI rather than ``BaseHTTPMiddleware`` so the body limit can refuse a
request before the app reads it, and so an unexpected exception is turned
into a JSON 500 *here*, without reaching Starlette's ServerErrorMiddleware
(which would re-raise it and let the server print a traceback, whose
exception message may quote a note).
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

import anyio
import anyio.to_thread
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from redactor.api.errors import ErrorBody, ErrorInfo
from redactor.api.metrics import Metrics

access_log = logging.getLogger("redactor.api.access")
error_log = logging.getLogger("redactor.api")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
#: record ids are UUIDs; anything else a client puts in a path is not logged
_RECORD_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: refusals counted in the store for the auditors' report (route template, role, status)
REFUSED = frozenset({401, 403, 429})
Refusals = Callable[[str, str, int], None]


class _TooLarge(Exception):
    pass


class _BadLength(Exception):
    pass


class _SlowBody(Exception):
    pass


class RequestMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        metrics: Metrics,
        max_body_bytes: int,
        refusals: Refusals | None = None,
        body_timeout_s: float = 10.0,
    ) -> None:
        self.app = app
        self.body_timeout_s = body_timeout_s
        self.metrics = metrics
        self.max_body_bytes = max_body_bytes
        self.refusals = refusals

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        given = headers.get("x-request-id", "")
        rid = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        state: dict[str, Any] = scope.setdefault("state", {})
        state["request_id"] = rid
        started = time.perf_counter()
        response = {"status": 500, "started": False}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                response["status"] = message["status"]
                response["started"] = True
                MutableHeaders(scope=message)["X-Request-ID"] = rid
            await send(message)

        try:
            replay = await self._read_body(scope, receive, headers)
            await self.app(scope, replay, send_wrapper)
        except _TooLarge:
            state["error_code"] = "body_too_large"
            await self._error(
                send_wrapper, 413, "body_too_large", "the request body is too large", rid
            )
        except _SlowBody:
            state["error_code"] = "body_timeout"
            await self._error(
                send_wrapper, 408, "body_timeout", "the request body did not arrive in time", rid
            )
        except _BadLength:
            state["error_code"] = "bad_request"
            await self._error(send_wrapper, 400, "bad_request", "the request is malformed", rid)
        except Exception as exc:  # last resort: log the type only, never the message
            state["error_code"] = "internal_error"
            error_log.error(
                "unhandled exception",
                extra={"event": "error", "error_type": type(exc).__name__, "request_id": rid},
            )
            if not response["started"]:
                await self._error(
                    send_wrapper,
                    500,
                    "internal_error",
                    "the server failed to handle the request",
                    rid,
                )
        finally:
            self._record(scope, state, int(response["status"]), time.perf_counter() - started)
            if self.refusals is not None and int(response["status"]) in REFUSED:
                await self._count_refusal(scope, state, int(response["status"]))

    async def _count_refusal(self, scope: Scope, state: dict[str, Any], status: int) -> None:
        route = getattr(scope.get("route"), "path", None) or "unmatched"
        role = str(state.get("role") or "-")
        count = self.refusals
        assert count is not None
        try:
            await anyio.to_thread.run_sync(count, route, role, status)
        except Exception as exc:  # the refusal stands; only its count is lost
            error_log.error(
                "refusal not counted",
                extra={
                    "event": "error",
                    "error_type": type(exc).__name__,
                    "request_id": state.get("request_id"),
                },
            )

    async def _read_body(self, scope: Scope, receive: Receive, headers: Headers) -> Receive:
        """Buffer a body up to the limit (bodies are small); refuse beyond it."""
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.isdigit():
                raise _BadLength()
            if int(declared) > self.max_body_bytes:
                raise _TooLarge()
        if scope["method"] not in _BODY_METHODS:
            return receive
        chunks: list[bytes] = []
        size = 0
        # A Content-Length larger than what is sent must not hold the request forever.
        deadline = anyio.current_time() + self.body_timeout_s
        while True:
            try:
                with anyio.fail_after(max(0.0, deadline - anyio.current_time())):
                    message = await receive()
            except TimeoutError:
                raise _SlowBody() from None
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                raise _TooLarge()
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return replay

    @staticmethod
    async def _error(send: Send, status: int, code: str, message: str, rid: str) -> None:
        payload = ErrorBody(error=ErrorInfo(code=code, message=message, request_id=rid))
        body = payload.model_dump_json(exclude_none=True).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    def _record(self, scope: Scope, state: dict[str, Any], status: int, seconds: float) -> None:
        route_obj = scope.get("route")
        route = getattr(route_obj, "path", None) or "unmatched"
        method = str(scope.get("method", ""))
        self.metrics.observe_request(method, route, status, seconds)
        if status >= 400:
            self.metrics.errors.labels(str(state.get("error_code", f"http_{status}"))).inc()
        params = scope.get("path_params") or {}
        record_id = state.get("record_id") or params.get("record_id")
        access_log.info(
            "request",
            extra={
                "event": "request",
                "method": method,
                "route": route,
                "status": status,
                "duration_ms": round(seconds * 1000.0, 1),
                "request_id": state.get("request_id"),
                "key_id": state.get("key_id"),
                "record_id": record_id
                if isinstance(record_id, str) and _RECORD_ID.match(record_id)
                else None,
            },
        )

"""Transport limits against a real uvicorn on 127.0.0.1 (issue 16): a huge header is
refused without being read whole, a Content-Length larger than the body gets 408 instead
of hanging, idle connections are closed. Every loop is bounded by a deadline."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable

from apikit import Api, LiveServer

from redactor.api.server import uvicorn_options


def _recv_all(sock: socket.socket, deadline: float) -> bytes:
    out = b""
    while time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except (ConnectionResetError, BrokenPipeError):
            break
        if not chunk:
            break
        out += chunk
    return out


def _server(api: Api) -> LiveServer:
    return LiveServer(api.app, **uvicorn_options(api.settings))


def test_serve_passes_the_transport_limits_to_uvicorn(build_api: Callable[..., Api]) -> None:
    api = build_api(max_header_bytes=8192, keep_alive_s=3, limit_concurrency=50)
    opts = uvicorn_options(api.settings)
    assert (
        opts["h11_max_incomplete_event_size"],
        opts["timeout_keep_alive"],
        opts["limit_concurrency"],
    ) == (8192, 3, 50)


def test_when_content_length_exceeds_the_body_then_408_not_a_hang(
    build_api: Callable[..., Api],
) -> None:
    api = build_api(body_timeout_s=0.5)
    with (
        _server(api) as server,
        socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock,
    ):
        started = time.monotonic()
        sock.sendall(
            b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + api.tokens["desk"].encode()
            + b"\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
            + b'{"text": "'
        )
        reply = sock.recv(65536)  # the answer comes at the body deadline, not never
        assert time.monotonic() - started < 4
        assert reply.startswith(b"HTTP/1.1 408"), reply[:80]


def test_when_a_header_is_larger_than_the_limit_then_refused_before_it_is_read_whole(
    build_api: Callable[..., Api],
) -> None:
    api = build_api(max_header_bytes=16_384)
    with (
        _server(api) as server,
        socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock,
    ):
        started = time.monotonic()
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ")
        sent = 0
        try:  # the server must stop reading long before 50 MB
            while sent < 50_000_000 and time.monotonic() - started < 10:
                sock.sendall(b"a" * 65536)
                sent += 65536
        except (BrokenPipeError, ConnectionResetError, TimeoutError, OSError):
            pass
        reply = _recv_all(sock, time.monotonic() + 2)
        assert sent < 50_000_000
        assert reply == b"" or reply.split(b" ", 2)[1].startswith(b"4"), reply[:80]


def test_when_a_connection_idles_after_a_request_then_it_is_closed(
    build_api: Callable[..., Api],
) -> None:
    api = build_api(keep_alive_s=1)
    with (
        _server(api) as server,
        socket.create_connection(("127.0.0.1", server.port), timeout=5) as sock,
    ):
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        started = time.monotonic()
        _recv_all(sock, started + 4)  # returns when the server closes the idle connection
        assert time.monotonic() - started < 3.5

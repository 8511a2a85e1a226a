"""The auditors' report in a real browser: headless Chromium (Debian's ``chromium``).

Skipped, with the reason, on a machine without Chromium (``.ci/run`` installs it
when apt can). The page is served from a loopback server that logs every request,
so "nothing fetched beyond the page" is checked on the wire, not guessed.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from apikit import Api
from reportkit import RichAnalyzer, chromium, chromium_path, fill, pdf_pages

from redactor.audit.report_data import TITLES as REPORT_TITLES

BROWSER = chromium_path()
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        BROWSER is None,
        reason="no Chromium on this machine (apt-get install "
        "chromium, as .ci/run does, to run the browser tests)",
    ),
]
TITLES = list(REPORT_TITLES.values())


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Callable[[str, bytes], str], list[str]]]:
    """A loopback server of given pages; every request path it receives is logged."""
    pages: dict[str, bytes] = {}
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            body = pages.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def add(path: str, body: bytes) -> str:
        pages[path] = body
        return f"http://127.0.0.1:{server.server_port}{path}"

    yield add, requests
    server.shutdown()
    server.server_close()


def _check_page(url: str, out: Path, name: str) -> None:
    assert BROWSER is not None
    dom = chromium(BROWSER, out / f"profile-{name}", url, "--dump-dom")
    for number, title in enumerate(TITLES, 1):
        assert f"{number}. {title}</h2>" in dom, title
    charts = re.findall(r"<svg class=\"chart\".*?</svg>", dom, flags=re.S)
    assert len(charts) >= 6 and all('class="mark"' in c for c in charts)
    shot, pdf = out / f"{name}.png", out / f"{name}.pdf"
    chromium(
        BROWSER, out / f"profile-{name}", url, "--window-size=1024,2200", f"--screenshot={shot}"
    )
    chromium(
        BROWSER, out / f"profile-{name}", url, "--no-pdf-header-footer", f"--print-to-pdf={pdf}"
    )
    assert shot.stat().st_size > 10_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf_pages(pdf.read_bytes()) >= 8


def test_when_report_opened_in_chromium_then_sections_charts_print_and_no_fetch(
    build_api: Callable[..., Api], served: tuple, tmp_path: Path
) -> None:
    add, requests = served
    api = build_api(analyzer=RichAnalyzer())
    fill(api)
    page = api.client.get(
        "/v1/audit/report",
        params={"rescan": "true"},
        headers=api.headers("auditor", Accept="text/html"),
    )
    assert page.status_code == 200
    from redactor.audit.report_html import render_html

    data = api.client.get(
        "/v1/audit/report", params={"rescan": "true"}, headers=api.headers("auditor")
    ).json()
    report_file = tmp_path / "report.html"
    report_file.write_text(render_html(data), encoding="utf-8")
    artefacts = tmp_path / "artefacts"
    artefacts.mkdir()

    _check_page(report_file.as_uri(), artefacts, "file")
    url = add("/v1/audit/report", page.content)
    _check_page(url, artefacts, "api")
    assert set(requests) == {"/v1/audit/report"}, requests  # the page itself, nothing else
    print(f"browser artefacts in {artefacts}")

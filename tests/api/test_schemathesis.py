"""schemathesis against the live server's own OpenAPI: no 5xx, no schema violation.

A real uvicorn server (fake analyzer, so examples are cheap) on a loopback
port; each operation gets the key of a role it admits, so generated requests
reach the handlers rather than stopping at 401/403. Bounded: a few dozen
examples per operation, no deadline (the machine is shared).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from apikit import NOW, REPO, FakeAnalyzer, LiveServer, make_keyring, make_settings
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from redactor.api.app import create_app
from redactor.crypto.keys import LocalKeyring

pytestmark = pytest.mark.slow

ROLE_FOR = {
    "/v1/analyze": "desk",
    "/v1/redact": "desk",
    "/v1/records": "desk",
    "/v1/records/{record_id}": "analyst",
    "/v1/records/{record_id}/original": "privileged",
    "/v1/policies/check": "auditor",
    "/v1/audit": "auditor",
    "/v1/audit/log": "auditor",
}


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, dict[str, str]]]:
    tmp: Path = tmp_path_factory.mktemp("schemathesis")
    settings_ = make_settings(tmp, rate_per_second=1000.0, rate_burst=1000, max_text_chars=2000)
    api_keys, tokens = make_keyring()
    app = create_app(
        settings_,
        analyzer=FakeAnalyzer(),
        api_keys=api_keys,
        keys=LocalKeyring.generate(tmp / "keyring.json", now=NOW),
    )
    with LiveServer(app) as server:
        yield server, tokens


#: The operations of the checked-in schema (the sync test keeps it equal to the live one).
OPERATIONS = [
    (path, method.upper())
    for path, item in json.loads((REPO / "openapi.json").read_text(encoding="utf-8"))[
        "paths"
    ].items()
    for method in item
]


@pytest.fixture(scope="module")
def live_schema(live: tuple[LiveServer, dict[str, str]]) -> Any:
    return schemathesis.openapi.from_url(f"{live[0].url}/openapi.json")


# schemathesis's lazy pytest loader (``from_fixture``) does not run under the pinned
# pytest, so each operation's Hypothesis strategy is driven by hand.
@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_no_server_error_and_no_schema_violation(
    live: tuple[LiveServer, dict[str, str]], live_schema: Any, path: str, method: str
) -> None:
    server, tokens = live
    role = "privileged" if method == "DELETE" else ROLE_FOR.get(path)
    headers = {"X-Purpose": "quality_review"}
    if role is not None:
        headers["Authorization"] = f"Bearer {tokens[role]}"
    operation = live_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case: Any) -> None:
        case.call_and_validate(
            base_url=server.url,
            headers=headers,
            checks=[
                not_a_server_error,
                status_code_conformance,
                content_type_conformance,
                response_schema_conformance,
            ],
        )

    run()

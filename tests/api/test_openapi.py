"""``openapi.json`` at the repository root is what the code publishes: regenerate and compare."""

from __future__ import annotations

import json

from apikit import REPO

from redactor.api.openapi import build_schema, dumps


def test_checked_in_openapi_matches_the_code() -> None:
    current = dumps(build_schema(REPO / "policies" / "default.yaml"))
    checked_in = (REPO / "openapi.json").read_text(encoding="utf-8")
    assert json.loads(checked_in) == json.loads(current), (
        "openapi.json is stale: run `.venv/bin/python -m redactor.api.openapi > openapi.json`"
    )


def test_every_v1_operation_documents_its_auth_errors() -> None:
    schema = build_schema(REPO / "policies" / "default.yaml")
    for path, item in schema["paths"].items():
        if not path.startswith("/v1/"):
            continue
        for method, op in item.items():
            assert {"401", "403", "429"} <= set(op["responses"]), (method, path)
            assert op.get("security") == [{"HTTPBearer": []}], (method, path)

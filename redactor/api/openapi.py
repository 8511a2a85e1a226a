"""Write the published OpenAPI document: ``python -m redactor.api.openapi > openapi.json``.

The schema depends on code only, so the app is built on throwaway parts (an
in-memory database, a random key, a placeholder API key); the repository's
``openapi.json`` is compared with this output by ``tests/api/test_openapi.py``.
"""

from __future__ import annotations

import base64
import json
import os
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine

from redactor.api.app import create_app
from redactor.api.security import ApiKeyring, hash_key
from redactor.crypto.keys import EnvKeyProvider
from redactor.policy.registry import PolicyRegistry
from redactor.policy.shipped import default_policy_path
from redactor.settings import Settings
from redactor.store import Store


def build_schema(policy: Path | None = None) -> dict[str, Any]:
    keys = EnvKeyProvider({"REDACTOR_KEYS": "k1:" + base64.b64encode(os.urandom(32)).decode()})
    app = create_app(
        Settings(_env_file=None, env="test"),  # type: ignore[call-arg]
        analyzer=None,
        store=Store(create_engine("sqlite://")),
        keys=keys,
        api_keys=ApiKeyring([{"id": "schema", "role": "desk", "sha256": hash_key("x")}]),
        policies=PolicyRegistry.load(policy or default_policy_path(), None),
    )
    return app.openapi()


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    sys.stdout.write(dumps(build_schema()))


if __name__ == "__main__":
    main()

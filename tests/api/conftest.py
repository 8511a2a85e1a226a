"""Fixtures for the HTTP API tests (helpers live in ``apikit``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from apikit import NOW, Api, FakeAnalyzer, ManualClock, make_keyring, make_settings
from fastapi.testclient import TestClient

from redactor.api.app import create_app
from redactor.crypto.keys import LocalKeyring


@pytest.fixture
def build_api(tmp_path: Path) -> Iterator[Callable[..., Api]]:
    clients: list[TestClient] = []

    def build(analyzer: Any = None, **overrides: Any) -> Api:
        settings = make_settings(tmp_path, **overrides)
        api_keys, tokens = make_keyring()
        keyring_path = tmp_path / "keyring.json"
        keys = (
            LocalKeyring(keyring_path)
            if keyring_path.exists()
            else LocalKeyring.generate(keyring_path, now=NOW)
        )
        clock = ManualClock()
        finder = analyzer if analyzer is not None else FakeAnalyzer()
        app = create_app(
            settings,
            analyzer=finder,
            keys=keys,
            clock=lambda: NOW,
            api_keys=api_keys,
            monotonic=clock,
        )
        client = TestClient(app, raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return Api(app, client, tokens, clock, finder, settings)

    yield build
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def api(build_api: Callable[..., Api]) -> Api:
    return build_api()

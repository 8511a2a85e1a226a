"""Session-wide fixtures: the ja_ginza model is loaded once per test process.

Tests never read the caller's configuration: every ``REDACTOR_*`` variable
(but ``REDACTOR_TEST_PG_URL``, which names the test database) is cleared, the
``.env`` file is not read, and the per-user data directory is a temporary one.
A test that needs a full corpus of ``../shared`` that this checkout lacks is
skipped with the missing path as its reason (tests/data holds the samples).
"""

from __future__ import annotations

import os
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from datafiles import SHARED, load_dev_notes

#: the only REDACTOR_* variable tests read: it names the PostgreSQL test server
KEPT_ENV = frozenset({"REDACTOR_TEST_PG_URL"})


@pytest.fixture(scope="session")
def _user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("xdg")


@pytest.fixture(autouse=True)
def _no_caller_environment(monkeypatch: pytest.MonkeyPatch, _user_dirs: Path) -> Iterator[None]:
    from redactor.settings import Settings

    for name in list(os.environ):
        if name.startswith("REDACTOR_") and name not in KEPT_ENV:
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_DATA_HOME", str(_user_dirs / "data"))
    monkeypatch.setitem(Settings.model_config, "env_file", None)
    yield


def _missing_shared(exc: BaseException) -> str | None:
    filename = getattr(exc, "filename", None)
    if not isinstance(exc, FileNotFoundError) or not filename:
        return None
    path = Path(os.fspath(filename)).resolve()
    if SHARED.exists() or not path.is_relative_to(SHARED.resolve()):
        return None
    return (
        f"needs the full corpus ../shared/{path.relative_to(SHARED.resolve())} (absent "
        "beside this checkout; tests/data holds the samples a bare clone runs)"
    )


def _skip_when_shared_is_missing() -> Generator[None, None, None]:
    """Around a test's setup or call: a missing ../shared corpus is a skip with its path."""
    try:
        return (yield)
    except FileNotFoundError as exc:
        reason = _missing_shared(exc)
        if reason is None:
            raise
        pytest.skip(reason)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    return (yield from _skip_when_shared_is_missing())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    return (yield from _skip_when_shared_is_missing())


@pytest.fixture(scope="session")
def nlp() -> Any:
    from redactor.detect.analyze import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def analyzer(nlp: Any) -> Any:
    from redactor.detect.analyze import build_analyzer

    return build_analyzer(nlp=nlp)


@pytest.fixture(scope="session")
def dev_notes() -> list[dict[str, Any]]:
    return load_dev_notes()


@pytest.fixture(scope="session")
def full_nlp() -> Any:
    """The whole ja_ginza pipeline, as stock Presidio users load it."""
    from redactor.detect.analyze import load_nlp

    return load_nlp(exclude=(), greedy_ner=False)

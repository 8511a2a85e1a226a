"""API keys (hashed, constant-time, roles), settings, and the dev/production start rules."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest
from apikit import make_settings

from redactor.api.app import StartupRefused, create_app
from redactor.api.security import (
    ApiKeyring,
    ApiKeysError,
    Role,
    generate_dev_keys,
    hash_key,
    new_key,
)
from redactor.api.server import check_production, prepare_dev
from redactor.settings import Settings


def test_authenticate_maps_key_to_principal_and_rejects_others() -> None:
    key = new_key()
    ring = ApiKeyring([{"id": "a", "role": "auditor", "sha256": hash_key(key)}])
    principal = ring.authenticate(key)
    assert principal is not None and (principal.key_id, principal.role) == ("a", Role.AUDITOR)
    assert principal.policy_role == "auditor"
    for wrong in ("", key[:-1], key + "x", key.upper(), hash_key(key), "山田"):
        assert ring.authenticate(wrong) is None
    assert key not in repr(principal)


@pytest.mark.parametrize(
    "entries",
    [
        [],
        [{"id": "a", "role": "root", "sha256": "00" * 32}],
        [{"id": "a", "role": "desk", "sha256": "zz"}],
        [{"id": "a", "role": "desk", "sha256": "00" * 16}],
        [{"id": "a b", "role": "desk", "sha256": "00" * 32}],
        [
            {"id": "a", "role": "desk", "sha256": "00" * 32},
            {"id": "a", "role": "desk", "sha256": "11" * 32},
        ],
        [{"role": "desk", "sha256": "00" * 32}],
    ],
    ids=["empty", "unknown-role", "not-hex", "short-digest", "bad-id", "duplicate", "no-id"],
)
def test_malformed_key_entries_are_refused(entries: list[dict[str, Any]]) -> None:
    with pytest.raises(ApiKeysError):
        ApiKeyring(entries)


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{",
        "[]",
        '{"format": "other", "keys": []}',
        '{"format": "redactor-api-keys/1", "keys": {}}',
    ],
)
def test_unreadable_keys_files_are_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "keys.json"
    path.write_text(content)
    with pytest.raises(ApiKeysError):
        ApiKeyring.load(path)
    with pytest.raises(ApiKeysError):
        ApiKeyring.load(tmp_path / "missing.json")


def test_dev_keys_are_hashed_on_disk_owner_only_and_work(tmp_path: Path) -> None:
    path = tmp_path / "api-keys.json"
    plain = generate_dev_keys(path)
    assert set(plain) == {r.value for r in Role}
    text = path.read_text()
    assert not any(key in text for key in plain.values())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    ring = ApiKeyring.load(path)
    assert ring.dev is True
    for role, key in plain.items():
        principal = ring.authenticate(key)
        assert principal is not None and principal.role.value == role
    assert json.loads(text)["keys"][-1]["policy_role"] == "privacy_officer"


def test_prepare_dev_generates_keyring_and_fresh_keys_each_start(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "var", env="development")
    first = prepare_dev(settings)
    assert settings.keyring_path.exists() and settings.api_keys_path.exists()
    second = prepare_dev(settings)
    assert set(first) == set(second) and first != second  # old dev keys stop working
    ring = ApiKeyring.load(settings.api_keys_path)
    assert ring.authenticate(first["desk"]) is None
    assert ring.authenticate(second["desk"]) is not None


def test_prepare_dev_keeps_a_real_keys_file(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, env="development")
    ApiKeyring.write(
        settings.api_keys_path, [{"id": "x", "role": "desk", "sha256": hash_key("k")}], dev=False
    )
    before = settings.api_keys_path.read_text()
    assert prepare_dev(settings) == {}
    assert settings.api_keys_path.read_text() == before


def test_production_refuses_dev_keys(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, env="production")
    generate_dev_keys(settings.api_keys_path)
    with pytest.raises(SystemExit, match="dev API keys"):
        check_production(settings)
    with pytest.raises(StartupRefused):
        create_app(settings)


def test_production_refuses_missing_keys_file(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="does not exist"):
        check_production(make_settings(tmp_path, env="production"))


def test_production_accepts_provisioned_keys(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, env="production")
    ApiKeyring.write(
        settings.api_keys_path, [{"id": "x", "role": "desk", "sha256": hash_key("k")}], dev=False
    )
    check_production(settings)


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("REDACTOR_ENV", "production")
    monkeypatch.setenv("REDACTOR_DB_URL", "postgresql://u@db/redactor")
    monkeypatch.setenv("REDACTOR_MAX_BATCH", "8")
    monkeypatch.setenv("REDACTOR_DATA_DIR", str(tmp_path))
    s = Settings(_env_file=None)  # type: ignore[call-arg]
    assert (s.production, s.database_url, s.max_batch) == (True, "postgresql://u@db/redactor", 8)
    assert s.keyring_path == tmp_path / "keyring.json"


def test_settings_defaults_never_depend_on_the_working_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    s = Settings(_env_file=None)  # type: ignore[call-arg]
    assert s.data_dir.is_absolute() and s.data_dir.name == "redactor"
    assert s.database_url == f"sqlite:///{s.data_dir / 'redactor.db'}"
    assert s.api_keys_path == s.data_dir / "api-keys.json"
    assert s.policy.is_absolute() and s.policy.is_file() and s.policy.name == "default.yaml"
    assert s.policy.parent == s.policy_dir and s.policy_dir.is_absolute()


def test_settings_policy_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("REDACTOR_POLICY", str(tmp_path / "mine.yaml"))
    monkeypatch.setenv("REDACTOR_POLICY_DIR", str(tmp_path))
    s = Settings(_env_file=None)  # type: ignore[call-arg]
    assert (s.policy, s.policy_dir) == (tmp_path / "mine.yaml", tmp_path)


@pytest.mark.parametrize(
    "name,value",
    [("REDACTOR_ENV", "prod"), ("REDACTOR_MAX_BATCH", "0"), ("REDACTOR_RATE_PER_SECOND", "-1")],
)
def test_settings_refuse_nonsense(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValueError):
        Settings(_env_file=None)  # type: ignore[call-arg]

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest
from storekit import NOW

from redactor.crypto import aead
from redactor.crypto.envelope import open_field, rewrap, seal_field
from redactor.crypto.errors import DecryptionError, KeyringError, KeyUsageExhausted
from redactor.crypto.keys import (
    EnvKeyProvider,
    KeyProvider,
    LocalKeyring,
    WrappedKey,
    pseudonym_key,
    request_digest_key,
)

AAD = aead.record_aad("rec-1", "dek/masked/none", "d1")


def test_when_generated_then_owner_only_and_one_primary(tmp_path: Path) -> None:
    ring = LocalKeyring.generate(tmp_path / "k.json", now=NOW)
    assert (os.stat(tmp_path / "k.json").st_mode & 0o777) == 0o600
    assert ring.primary_key_id == "k1" and ring.key_ids() == ("k1",)
    assert isinstance(ring, KeyProvider)
    with pytest.raises(KeyringError):
        LocalKeyring.generate(tmp_path / "k.json", now=NOW)


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o660, 0o644, 0o700 | 0o010])
def test_when_group_or_other_can_access_then_refused(tmp_path: Path, mode: int) -> None:
    LocalKeyring.generate(tmp_path / "k.json", now=NOW)
    os.chmod(tmp_path / "k.json", mode)
    with pytest.raises(KeyringError, match="chmod 600"):
        LocalKeyring(tmp_path / "k.json")


@pytest.mark.parametrize(
    "content",
    [
        "",
        "not json",
        "[]",
        '{"format": "other"}',
        '{"format": "redactor-keyring/1", "primary": "k1", "keys": [{"id": "k1"}]}',
    ],
)
def test_when_keyring_malformed_then_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "k.json"
    path.write_text(content)
    os.chmod(path, 0o600)
    with pytest.raises(KeyringError):
        LocalKeyring(path)


def test_when_rotated_then_new_primary_and_old_still_unwraps(tmp_path: Path) -> None:
    ring = LocalKeyring.generate(tmp_path / "k.json", now=NOW)
    old = ring.wrap(b"\x11" * 32, AAD)
    assert ring.rotate(now=NOW) == "k2"
    new = ring.wrap(b"\x22" * 32, AAD)
    assert (old.key_id, new.key_id) == ("k1", "k2")
    reloaded = LocalKeyring(tmp_path / "k.json")
    assert reloaded.primary_key_id == "k2" and reloaded.key_ids() == ("k2", "k1")
    assert reloaded.unwrap(old, AAD) == b"\x11" * 32
    assert reloaded.unwrap(new, AAD) == b"\x22" * 32


def test_when_retired_then_its_wrapped_keys_are_unrecoverable(tmp_path: Path) -> None:
    ring = LocalKeyring.generate(tmp_path / "k.json", now=NOW)
    old = ring.wrap(b"\x11" * 32, AAD)
    ring.rotate(now=NOW)
    with pytest.raises(KeyringError):
        ring.retire("k2", now=NOW)  # the primary
    ring.retire("k1", now=NOW)
    doc = json.loads((tmp_path / "k.json").read_text())
    assert "material" not in next(e for e in doc["keys"] if e["id"] == "k1")
    for provider in (ring, LocalKeyring(tmp_path / "k.json")):
        with pytest.raises(DecryptionError):
            provider.unwrap(old, AAD)
    with pytest.raises(KeyringError):
        ring.retire("k1", now=NOW)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda w: WrappedKey("k2", w.blob),  # claimed under another KEK
        lambda w: WrappedKey("nope", w.blob),  # unknown KEK
        lambda w: WrappedKey(w.key_id, w.blob[:-1] + bytes([w.blob[-1] ^ 1])),
    ],
    ids=["other-kek", "unknown-kek", "flipped-byte"],
)
def test_when_wrapped_key_tampered_then_decryption_error(tmp_path: Path, tamper: object) -> None:
    ring = LocalKeyring.generate(tmp_path / "k.json", now=NOW)
    wrapped = ring.wrap(b"\x11" * 32, AAD)
    ring.rotate(now=NOW)
    with pytest.raises(DecryptionError):
        ring.unwrap(tamper(wrapped), AAD)  # type: ignore[operator]


def test_when_budget_reached_then_refused_across_processes(tmp_path: Path) -> None:
    path = tmp_path / "k.json"
    LocalKeyring.generate(path, now=NOW)
    a = LocalKeyring(path, usage_limit=5, reserve_block=2)
    b = LocalKeyring(path, usage_limit=5, reserve_block=2)
    for ring in (a, b, a, b):  # each reserves a block of 2 in the file
        ring.wrap(b"\x00" * 32, AAD)
    a.wrap(b"\x00" * 32, AAD)  # a's last block: encryption 5 of 5
    for ring in (b, a):
        with pytest.raises(KeyUsageExhausted):
            ring.wrap(b"\x00" * 32, AAD)
    a.rotate(now=NOW)
    assert a.wrap(b"\x00" * 32, AAD).key_id == "k2"  # a new key has a new budget


def _env(*pairs: tuple[str, bytes]) -> dict[str, str]:
    return {"REDACTOR_KEYS": ",".join(f"{i}:{base64.b64encode(k).decode()}" for i, k in pairs)}


def test_when_env_provider_then_first_key_is_primary_and_all_unwrap() -> None:
    old = EnvKeyProvider(_env(("k1", b"\x01" * 32)))
    wrapped = old.wrap(b"\x33" * 32, AAD)
    both = EnvKeyProvider(_env(("k2", b"\x02" * 32), ("k1", b"\x01" * 32)))
    assert both.primary_key_id == "k2" and both.key_ids() == ("k2", "k1")
    assert both.unwrap(wrapped, AAD) == b"\x33" * 32
    assert both.wrap(b"\x33" * 32, AAD).key_id == "k2"


@pytest.mark.parametrize(
    "value",
    [
        "",
        "k1",
        "k1:not base64!",
        "k1:" + base64.b64encode(b"short").decode(),
        "bad id:" + base64.b64encode(b"\x00" * 32).decode(),
    ],
    ids=["empty", "no-colon", "not-b64", "short-key", "bad-id"],
)
def test_when_env_value_malformed_then_refused(value: str) -> None:
    with pytest.raises(KeyringError):
        EnvKeyProvider({"REDACTOR_KEYS": value})


def test_when_deriving_pseudonym_key_then_stable_distinct_and_rotates(tmp_path: Path) -> None:
    ring = LocalKeyring.generate(tmp_path / "k.json", now=NOW)
    first = pseudonym_key(ring)
    assert len(first) == 32
    assert first == pseudonym_key(LocalKeyring(tmp_path / "k.json"))
    assert first != request_digest_key(ring)
    ring.rotate(now=NOW)
    assert pseudonym_key(ring) != first


def test_when_field_rewrapped_then_ciphertext_untouched_and_opens(tmp_path: Path) -> None:
    ring = LocalKeyring.generate(tmp_path / "k.json", now=NOW)
    sealed = seal_field(ring, "rec-1", "masked/none", b"note")
    ring.rotate(now=NOW)
    new = rewrap(ring, "rec-1", sealed.field, sealed.dek_id, sealed.wrapped)
    assert new.key_id == "k2"
    ring.retire("k1", now=NOW)
    moved = type(sealed)(sealed.field, sealed.dek_id, new, sealed.ciphertext)
    assert open_field(ring, "rec-1", moved) == b"note"
    with pytest.raises(DecryptionError):
        open_field(ring, "rec-1", sealed)


def test_when_deriving_for_a_key_id_then_primary_matches_and_retired_is_refused(
    tmp_path: Path,
) -> None:
    ring = LocalKeyring.generate(tmp_path / "k.json", now=NOW)
    first = ring.derive_secret(b"info")
    assert ring.derive_secret_for("k1", b"info") == first
    ring.rotate(now=NOW)
    assert ring.derive_secret_for("k1", b"info") == first  # still checks what k1 keyed
    assert ring.derive_secret(b"info") == ring.derive_secret_for("k2", b"info") != first
    assert ring.derive_secret_for("k1", b"other") != first
    ring.retire("k1", now=NOW)
    for key_id in ("k1", "k9"):
        with pytest.raises(DecryptionError):
            ring.derive_secret_for(key_id, b"info")

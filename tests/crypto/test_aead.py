from __future__ import annotations

import os

import pytest

from redactor.crypto import aead
from redactor.crypto.errors import DecryptionError, KeyUsageExhausted

KEY = bytes(range(32))
AAD = aead.record_aad("rec-1", "masked/none", "dek1")


def test_when_round_trip_then_plaintext() -> None:
    blob = aead.seal(KEY, "粗大ごみ".encode(), AAD)
    assert aead.open_blob(KEY, blob, AAD).decode() == "粗大ごみ"
    assert len(blob) == 1 + 12 + len("粗大ごみ".encode()) + 16


@pytest.mark.parametrize("position", [0, 1, 12, 13, -17, -1], ids=lambda p: f"byte{p}")
def test_when_one_byte_flipped_then_decryption_error(position: int) -> None:
    blob = bytearray(aead.seal(KEY, b"masked note", AAD))
    blob[position] ^= 0x01
    with pytest.raises(DecryptionError) as exc:
        aead.open_blob(KEY, bytes(blob), AAD)
    assert str(exc.value) == "decryption failed"


@pytest.mark.parametrize(
    "aad",
    [
        aead.record_aad("rec-2", "masked/none", "dek1"),  # another record
        aead.record_aad("rec-1", "vault/0/none", "dek1"),  # another field
        aead.record_aad("rec-1", "masked/none", "dek2"),  # another key id
        aead.record_aad("rec-1", "masked/none", "dek1", version=2),  # another version
        b"",
    ],
    ids=["record", "field", "key_id", "version", "empty"],
)
def test_when_aad_differs_then_decryption_error(aad: bytes) -> None:
    blob = aead.seal(KEY, b"masked note", AAD)
    with pytest.raises(DecryptionError):
        aead.open_blob(KEY, blob, aad)


@pytest.mark.parametrize(
    ("key", "blob"),
    [
        (os.urandom(32), None),  # wrong key
        (KEY[:16], None),  # wrong key size
        (KEY, b""),  # empty blob
        (KEY, b"\x01" + b"\x00" * 27),  # too short to hold nonce and tag
        (KEY, b"\x02" + b"\x00" * 40),  # unknown format version
    ],
    ids=["wrong-key", "short-key", "empty", "truncated", "version"],
)
def test_when_malformed_input_then_same_opaque_error(key: bytes, blob: bytes | None) -> None:
    data = blob if blob is not None else aead.seal(KEY, b"x", AAD)
    with pytest.raises(DecryptionError) as exc:
        aead.open_blob(key, data, AAD)
    assert str(exc.value) == "decryption failed"


def test_when_tuples_share_concatenation_then_aad_differs() -> None:
    assert aead.record_aad("ab", "c", "k") != aead.record_aad("a", "bc", "k")
    assert aead.frame(b"a", b"") != aead.frame(b"", b"a")


def test_when_sealing_many_times_then_nonces_are_distinct() -> None:
    nonces = {aead.seal(KEY, b"x", AAD)[1:13] for _ in range(2000)}
    assert len(nonces) == 2000


def test_when_usage_guard_limit_reached_then_refused() -> None:
    guard = aead.UsageGuard(limit=3)
    assert [guard.charge("k1") for _ in range(3)] == [1, 2, 3]
    with pytest.raises(KeyUsageExhausted):
        guard.charge("k1")
    assert guard.charge("k2") == 1  # budgets are per key


def test_when_default_budget_then_two_to_the_32() -> None:
    assert aead.MAX_ENCRYPTIONS_PER_KEY == 2**32

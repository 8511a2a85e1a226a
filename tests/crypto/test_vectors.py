"""Known-answer tests: the record format is frozen in vectors/record_format.json.

A change to the AAD layout, the blob layout, the wrap framing or the key
derivation breaks these tests even when round trips still pass.
"""

from __future__ import annotations

import base64
import json
import struct
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from redactor.crypto import aead
from redactor.crypto.envelope import SealedField, data_aad, open_field
from redactor.crypto.errors import DecryptionError
from redactor.crypto.keys import EnvKeyProvider, WrappedKey

VECTORS: dict[str, list[dict[str, Any]]] = json.loads(
    (Path(__file__).parent / "vectors" / "record_format.json").read_text(encoding="utf-8")
)


def _spec_aad(version: int, *parts: str) -> bytes:
    """The AAD layout as documented, re-implemented independently of the code."""
    out = b"redactor.aad" + struct.pack(">I", 1) + bytes([version])
    for p in parts:
        b = p.encode()
        out += struct.pack(">I", len(b)) + b
    return out


@pytest.mark.parametrize("v", VECTORS["seal"], ids=lambda v: v["record_id"])
def test_when_sealing_with_fixed_nonce_then_blob_matches_vector(v: dict[str, Any]) -> None:
    aad = data_aad(v["record_id"], v["field"], v["key_id"])
    assert aad.hex() == v["aad"]
    assert aad == _spec_aad(1, v["record_id"], v["field"], v["key_id"])
    blob = aead.seal(
        bytes.fromhex(v["key"]),
        v["plaintext"].encode(),
        aad,
        nonce_source=lambda n: bytes.fromhex(v["nonce"]),
    )
    assert blob.hex() == v["blob"]


@pytest.mark.parametrize("v", VECTORS["seal"], ids=lambda v: v["record_id"])
def test_when_opening_vector_blob_then_plaintext_and_layout(v: dict[str, Any]) -> None:
    blob = bytes.fromhex(v["blob"])
    assert blob[0] == 1 and blob[1:13].hex() == v["nonce"]
    # Independently: plain AES-GCM over the documented layout.
    raw = AESGCM(bytes.fromhex(v["key"])).decrypt(blob[1:13], blob[13:], bytes.fromhex(v["aad"]))
    assert raw.decode() == v["plaintext"]
    assert aead.open_blob(bytes.fromhex(v["key"]), blob, bytes.fromhex(v["aad"])) == raw


@pytest.mark.parametrize("v", VECTORS["envelope"], ids=lambda v: v["record_id"])
def test_when_opening_vector_envelope_then_plaintext(v: dict[str, Any]) -> None:
    env = {"K": f"{v['kek_id']}:" + base64.b64encode(bytes.fromhex(v["kek"])).decode()}
    provider = EnvKeyProvider(env, var="K")
    wrapped = WrappedKey(v["kek_id"], bytes.fromhex(v["wrapped"]))
    sealed = SealedField(v["field"], v["dek_id"], wrapped, bytes.fromhex(v["ciphertext"]))
    assert open_field(provider, v["record_id"], sealed).decode() == v["plaintext"]
    # The same envelope claimed by another row fails.
    with pytest.raises(DecryptionError):
        open_field(provider, v["record_id"] + "x", sealed)


@pytest.mark.parametrize("v", VECTORS["derive"], ids=lambda v: v["info"])
def test_when_deriving_then_secret_matches_vector(v: dict[str, Any]) -> None:
    env = {"K": f"{v['kek_id']}:" + base64.b64encode(bytes.fromhex(v["kek"])).decode()}
    assert EnvKeyProvider(env, var="K").derive_secret(v["info"].encode()).hex() == v["secret"]

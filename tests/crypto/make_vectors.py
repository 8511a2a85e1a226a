"""Generate tests/crypto/vectors/record_format.json once; the tests then hold it frozen.

Run: ``.venv/bin/python tests/crypto/make_vectors.py``. Re-running would only
be needed for a *new* format version, with a new file: never overwrite vectors
that existing data depends on.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from redactor.crypto import aead
from redactor.crypto.envelope import data_aad, wrap_aad
from redactor.crypto.keys import EnvKeyProvider, _wrap_aad


def fixed(hex_nonce: str) -> aead.NonceSource:
    return lambda n: bytes.fromhex(hex_nonce)[:n]


def main() -> None:
    kek = bytes(range(32))
    dek = bytes(range(32, 64))
    vectors: dict[str, list[dict[str, str]]] = {"seal": [], "envelope": [], "derive": []}
    cases = [
        (
            "rec-0001",
            "masked/2030-04-01T00:00:00.000000+00:00",
            "a1b2c3d4e5f60718",
            "000102030405060708090a0b",
            "氏名：<PERSON> 電話：<PHONE_NUMBER>",
        ),
        (
            "rec-0002",
            "vault/0/2025-05-01T09:00:00.000000+00:00",
            "0011223344556677",
            "ffeeddccbbaa998877665544",
            '[{"label":"PERSON","start":3,"end":7,"value":"山田太郎"}]',
        ),
        ("rec-0003", "masked/none", "0000000000000000", "000000000000000000000000", ""),
    ]
    for record_id, field, dek_id, nonce, plaintext in cases:
        aad = data_aad(record_id, field, dek_id)
        blob = aead.seal(dek, plaintext.encode(), aad, nonce_source=fixed(nonce))
        vectors["seal"].append(
            {
                "key": dek.hex(),
                "nonce": nonce,
                "record_id": record_id,
                "field": field,
                "key_id": dek_id,
                "aad": aad.hex(),
                "plaintext": plaintext,
                "blob": blob.hex(),
            }
        )
        wrapped = aead.seal(
            kek,
            dek,
            _wrap_aad(wrap_aad(record_id, field, dek_id), "k7"),
            nonce_source=fixed(nonce[::-1]),
        )
        vectors["envelope"].append(
            {
                "kek_id": "k7",
                "kek": kek.hex(),
                "record_id": record_id,
                "field": field,
                "dek_id": dek_id,
                "wrapped": wrapped.hex(),
                "ciphertext": blob.hex(),
                "plaintext": plaintext,
            }
        )
    provider = EnvKeyProvider({"K": "k7:" + base64.b64encode(kek).decode()}, var="K")
    for info in ("redactor.pseudonym.v1", "redactor.idempotency.v1"):
        vectors["derive"].append(
            {
                "kek_id": "k7",
                "kek": kek.hex(),
                "info": info,
                "secret": provider.derive_secret(info.encode()).hex(),
            }
        )
    out = Path(__file__).parent / "vectors" / "record_format.json"
    out.write_text(json.dumps(vectors, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Envelope encryption of one field of one record under a fresh data key.

Two associated-data tuples, both canonical (:func:`aead.record_aad`):

- the field ciphertext is bound to ``(version, record id, field, data-key id)``;
- the wrapped data key to ``(version, record id, "dek/" + field, data-key id)``,
  to which the provider adds its own KEK id.

So rotation re-wraps the data key (new KEK id) without touching the field
ciphertext, and a row, field or key id edited in the database fails to open.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from redactor.crypto import aead
from redactor.crypto.keys import KeyProvider, WrappedKey


@dataclass(frozen=True, slots=True)
class SealedField:
    """A field's ciphertext and its wrapped data key, ready for a database row."""

    field: str
    dek_id: str
    wrapped: WrappedKey
    ciphertext: bytes

    def __repr__(self) -> str:
        return f"SealedField(field={self.field!r}, kek={self.wrapped.key_id!r})"


def data_aad(record_id: str, field: str, dek_id: str) -> bytes:
    return aead.record_aad(record_id, field, dek_id)


def wrap_aad(record_id: str, field: str, dek_id: str) -> bytes:
    return aead.record_aad(record_id, "dek/" + field, dek_id)


def seal_field(
    keys: KeyProvider,
    record_id: str,
    field: str,
    plaintext: bytes,
    *,
    nonce_source: aead.NonceSource = os.urandom,
) -> SealedField:
    """Encrypt under a fresh data key (used exactly once), then wrap that key."""
    data_key = os.urandom(aead.KEY_BYTES)
    dek_id = os.urandom(8).hex()
    ciphertext = aead.seal(
        data_key, plaintext, data_aad(record_id, field, dek_id), nonce_source=nonce_source
    )
    wrapped = keys.wrap(data_key, wrap_aad(record_id, field, dek_id))
    return SealedField(field, dek_id, wrapped, ciphertext)


def open_field(keys: KeyProvider, record_id: str, sealed: SealedField) -> bytes:
    """Unwrap the data key and decrypt; any failure is ``DecryptionError``."""
    data_key = keys.unwrap(sealed.wrapped, wrap_aad(record_id, sealed.field, sealed.dek_id))
    return aead.open_blob(
        data_key, sealed.ciphertext, data_aad(record_id, sealed.field, sealed.dek_id)
    )


def authenticate_field(keys: KeyProvider, record_id: str, sealed: SealedField) -> None:
    """Check a field's wrapped key and GCM tag; ``DecryptionError`` if either fails.

    The audit's integrity check of originals: the plaintext is produced (GCM has no
    tag-only check in ``cryptography``) and dropped here, never returned.
    """
    plaintext = open_field(keys, record_id, sealed)
    del plaintext


def rewrap(
    keys: KeyProvider, record_id: str, field: str, dek_id: str, wrapped: WrappedKey
) -> WrappedKey:
    """Re-wrap a data key under the primary KEK; the field ciphertext is untouched."""
    aad = wrap_aad(record_id, field, dek_id)
    return keys.wrap(keys.unwrap(wrapped, aad), aad)

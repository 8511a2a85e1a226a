"""AES-256-GCM with associated data, and the versioned binary format of a sealed blob.

Blob format (version 1)::

    +---------+------------------+---------------------------+
    | 0x01    | nonce (12 bytes) | ciphertext || tag (16 B)  |
    +---------+------------------+---------------------------+

The format version is also the first field of the associated data, so a blob
cannot be re-labelled as another version. Nonces are random 96-bit values
(NIST SP 800-38D §8.2.2): safe as long as one key never seals more than 2^32
messages, which :class:`UsageGuard` enforces for long-lived keys. Data keys are
fresh per record field and seal exactly once.
"""

from __future__ import annotations

import os
import struct
import threading
from collections.abc import Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from redactor.crypto.errors import DecryptionError, KeyUsageExhausted

FORMAT_VERSION = 1
KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
#: NIST SP 800-38D: with random nonces, at most 2^32 invocations per key.
MAX_ENCRYPTIONS_PER_KEY = 2**32

#: A source of nonce bytes; ``os.urandom`` except in the vector generator.
NonceSource = Callable[[int], bytes]


def frame(*parts: bytes) -> bytes:
    """Length-prefix each part (4-byte big-endian) so no two tuples share an encoding."""
    return b"".join(struct.pack(">I", len(p)) + p for p in parts)


def record_aad(record_id: str, field: str, key_id: str, version: int = FORMAT_VERSION) -> bytes:
    """Canonical associated data binding a ciphertext to its record, field and key.

    A ciphertext copied to another row, another field, or claimed under another
    key id fails authentication.
    """
    return b"redactor.aad" + frame(
        struct.pack(">B", version), record_id.encode(), field.encode(), key_id.encode()
    )


def seal(
    key: bytes, plaintext: bytes, aad: bytes, *, nonce_source: NonceSource = os.urandom
) -> bytes:
    """Encrypt ``plaintext`` under ``key`` into a version-1 blob bound to ``aad``."""
    if len(key) != KEY_BYTES:
        raise ValueError("AES-256-GCM needs a 32-byte key")
    nonce = nonce_source(NONCE_BYTES)
    if len(nonce) != NONCE_BYTES:
        raise ValueError("nonce source must return 12 bytes")
    body = AESGCM(key).encrypt(nonce, plaintext, aad)
    return struct.pack(">B", FORMAT_VERSION) + nonce + body


def open_blob(key: bytes, blob: bytes, aad: bytes) -> bytes:
    """Decrypt a blob made by :func:`seal`; any failure is :class:`DecryptionError`."""
    try:
        if len(key) != KEY_BYTES or len(blob) < 1 + NONCE_BYTES + TAG_BYTES:
            raise DecryptionError()
        if blob[0] != FORMAT_VERSION:
            raise DecryptionError()
        nonce = blob[1 : 1 + NONCE_BYTES]
        return AESGCM(key).decrypt(nonce, blob[1 + NONCE_BYTES :], aad)
    except (InvalidTag, ValueError, TypeError) as exc:
        raise DecryptionError() from exc


class UsageGuard:
    """Counts encryptions per key id and refuses the one past the budget.

    In-memory and thread-safe; providers whose keys outlive a process persist
    reservations on top of it (see ``LocalKeyring``).
    """

    def __init__(self, limit: int = MAX_ENCRYPTIONS_PER_KEY) -> None:
        self._limit = limit
        self._used: dict[str, int] = {}
        self._lock = threading.Lock()

    def charge(self, key_id: str, already_used: int = 0) -> int:
        """Record one encryption under ``key_id``; return the count so far."""
        with self._lock:
            used = max(self._used.get(key_id, 0), already_used) + 1
            if used > self._limit:
                raise KeyUsageExhausted(f"key {key_id} reached its encryption budget; rotate")
            self._used[key_id] = used
            return used

"""Seal: envelope encryption of records, key providers and rotation.

Knows no database and no HTTP. Every failure to decrypt, whatever its cause,
is the one opaque :class:`~redactor.crypto.errors.DecryptionError`.
"""

from redactor.crypto.errors import DecryptionError, KeyringError, KeyUsageExhausted
from redactor.crypto.keys import (
    EnvKeyProvider,
    KeyProvider,
    LocalKeyring,
    WrappedKey,
    pseudonym_key,
)

__all__ = [
    "DecryptionError",
    "EnvKeyProvider",
    "KeyProvider",
    "KeyUsageExhausted",
    "KeyringError",
    "LocalKeyring",
    "WrappedKey",
    "pseudonym_key",
]

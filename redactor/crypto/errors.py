"""The error types of the crypto layer.

Following Fernet's ``InvalidToken``: a wrong key, a tampered byte, a bad
length, an unknown key id or a copied row all raise the *same* exception with
the *same* message, so a caller cannot be used as an oracle and has one thing
to catch.
"""

from __future__ import annotations


class DecryptionError(Exception):
    """Raised for every failure to decrypt or unwrap; deliberately says nothing more."""

    def __init__(self) -> None:
        super().__init__("decryption failed")


class KeyringError(Exception):
    """A key provider cannot be loaded or changed (bad file, unsafe mode, bad operation).

    Distinct from :class:`DecryptionError`: it concerns configuration, never data,
    and its message never contains key material.
    """


class KeyUsageExhausted(Exception):
    """A key reached its encryption budget: random 96-bit nonces stay safe only below 2^32."""

"""Key-encryption-key (KEK) providers: the only holders of long-lived key material.

Records are sealed under fresh data keys; a provider *wraps* those data keys
with its primary KEK and unwraps them with any KEK it still holds. A KMS or an
HSM fits the same :class:`KeyProvider` protocol: it never has to reveal
material, only wrap, unwrap and derive.

Wrapping is AES-256-GCM with the caller's associated data (record id, field,
data-key id) *plus the KEK id*, framed by the provider itself: a wrapped key
claimed under another KEK id never unwraps.
"""

from __future__ import annotations

import base64
import binascii
import fcntl
import json
import os
import re
import stat
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from redactor.crypto import aead
from redactor.crypto.errors import DecryptionError, KeyringError, KeyUsageExhausted

KEYRING_FORMAT = "redactor-keyring/1"
_KEY_ID = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")
_DERIVE_SALT = b"redactor.derive.v1"


@dataclass(frozen=True, slots=True)
class WrappedKey:
    """A data key sealed under the KEK named ``key_id``."""

    key_id: str
    blob: bytes

    def __repr__(self) -> str:
        return f"WrappedKey(key_id={self.key_id!r}, {len(self.blob)} bytes)"


@runtime_checkable
class KeyProvider(Protocol):
    """What the seal layer needs from a key store (local file, env, KMS, HSM)."""

    @property
    def primary_key_id(self) -> str:
        """The KEK that wraps new data keys."""
        ...

    def key_ids(self) -> tuple[str, ...]:
        """Every KEK id that can still unwrap (primary first)."""
        ...

    def wrap(self, data_key: bytes, aad: bytes) -> WrappedKey:
        """Seal ``data_key`` under the primary KEK, bound to ``aad`` and the KEK id."""
        ...

    def unwrap(self, wrapped: WrappedKey, aad: bytes) -> bytes:
        """Recover a data key; any failure is :class:`DecryptionError`."""
        ...

    def derive_secret(self, info: bytes) -> bytes:
        """A 32-byte secret bound to the primary KEK and ``info`` (HKDF; a KMS may use HMAC)."""
        ...

    def derive_secret_for(self, key_id: str, info: bytes) -> bytes:
        """The secret :meth:`derive_secret` gave while ``key_id`` was primary.

        What checks a value bound under an older KEK (a record's metadata MAC after a
        rotation); any KEK the provider no longer holds is :class:`DecryptionError`.
        """
        ...


def _wrap_aad(aad: bytes, key_id: str) -> bytes:
    return aead.frame(b"redactor.wrap", aad, key_id.encode())


class _MaterialProvider:
    """Shared logic of providers that hold raw 256-bit KEKs in memory."""

    def __init__(self, keys: Mapping[str, bytes], primary: str) -> None:
        for key_id, material in keys.items():
            if not _KEY_ID.match(key_id):
                raise KeyringError("invalid key id")
            if len(material) != aead.KEY_BYTES:
                raise KeyringError(f"key {key_id} is not 256 bits")
        if primary not in keys:
            raise KeyringError("primary key is missing")
        self._keys = dict(keys)
        self._primary = primary
        self._lock = threading.Lock()

    @property
    def primary_key_id(self) -> str:
        return self._primary

    def key_ids(self) -> tuple[str, ...]:
        return (self._primary, *sorted(k for k in self._keys if k != self._primary))

    def _charge(self, key_id: str) -> None:  # overridden: how a use is counted
        raise NotImplementedError

    def wrap(self, data_key: bytes, aad: bytes) -> WrappedKey:
        key_id = self._primary
        self._charge(key_id)
        blob = aead.seal(self._keys[key_id], data_key, _wrap_aad(aad, key_id))
        return WrappedKey(key_id, blob)

    def unwrap(self, wrapped: WrappedKey, aad: bytes) -> bytes:
        material = self._keys.get(wrapped.key_id)
        if material is None:
            raise DecryptionError()
        data_key = aead.open_blob(material, wrapped.blob, _wrap_aad(aad, wrapped.key_id))
        if len(data_key) != aead.KEY_BYTES:
            raise DecryptionError()
        return data_key

    def derive_secret(self, info: bytes) -> bytes:
        return self.derive_secret_for(self._primary, info)

    def derive_secret_for(self, key_id: str, info: bytes) -> bytes:
        material = self._keys.get(key_id)
        if material is None:
            raise DecryptionError()
        hkdf = HKDF(
            algorithm=hashes.SHA256(),
            length=32,
            salt=_DERIVE_SALT,
            info=aead.frame(info, key_id.encode()),
        )
        return hkdf.derive(material)


class EnvKeyProvider(_MaterialProvider):
    """KEKs from one environment variable: ``id:base64,id:base64`` — the first is primary.

    For containers whose secrets arrive as environment. The encryption budget is
    counted per process only (the environment cannot persist a counter): rotate
    at each deployment, or use ``LocalKeyring``/a KMS for long-lived keys.
    """

    def __init__(self, environ: Mapping[str, str], var: str = "REDACTOR_KEYS") -> None:
        raw = environ.get(var, "").strip()
        if not raw:
            raise KeyringError(f"environment variable {var} is empty")
        keys: dict[str, bytes] = {}
        order: list[str] = []
        for item in raw.split(","):
            key_id, sep, b64 = item.strip().partition(":")
            if not sep:
                raise KeyringError(f"{var}: each entry must be id:base64")
            try:
                keys[key_id] = base64.b64decode(b64, validate=True)
            except binascii.Error as exc:
                raise KeyringError(f"{var}: key {key_id} is not base64") from exc
            order.append(key_id)
        super().__init__(keys, order[0])
        self._guard = aead.UsageGuard()

    def _charge(self, key_id: str) -> None:
        self._guard.charge(key_id)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


class LocalKeyring(_MaterialProvider):
    """A JSON file of versioned KEKs (``k1``, ``k2`` …), readable by its owner only.

    The file is refused if group or others may access it. Encryptions under each
    key are budgeted across processes: a process reserves a block of the 2^32
    budget in the file (under an ``flock``) before it wraps, so two processes
    never share a count and a restart never resets it.

    ``retire`` erases a key's material from the file: ciphertexts still wrapped
    under it become unrecoverable — that is how backups taken before a rotation
    are made unreadable.
    """

    def __init__(
        self,
        path: Path,
        *,
        usage_limit: int = aead.MAX_ENCRYPTIONS_PER_KEY,
        reserve_block: int = 4096,
    ) -> None:
        self._path = Path(path)
        self._usage_limit = usage_limit
        self._reserve_block = reserve_block
        self._windows: dict[str, list[int]] = {}  # key id -> [next, end)
        doc = self._read()
        keys, primary = self._materials(doc)
        super().__init__(keys, primary)

    # ---- file handling -------------------------------------------------
    @property
    def path(self) -> Path:
        return self._path

    def _read(self) -> dict[str, Any]:
        try:
            st = os.stat(self._path)
        except FileNotFoundError as exc:
            raise KeyringError(f"keyring {self._path} does not exist") from exc
        if st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise KeyringError(
                f"keyring {self._path} is accessible to group/others "
                f"(mode {stat.S_IMODE(st.st_mode):o}); chmod 600 it"
            )
        try:
            doc = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise KeyringError(f"keyring {self._path} is not readable JSON") from exc
        if not isinstance(doc, dict) or doc.get("format") != KEYRING_FORMAT:
            raise KeyringError(f"keyring {self._path} has an unknown format")
        return doc

    @staticmethod
    def _materials(doc: Mapping[str, Any]) -> tuple[dict[str, bytes], str]:
        keys: dict[str, bytes] = {}
        try:
            for entry in doc["keys"]:
                if entry["status"] == "active":
                    keys[entry["id"]] = base64.b64decode(entry["material"], validate=True)
            primary = str(doc["primary"])
        except (KeyError, TypeError, binascii.Error) as exc:
            raise KeyringError("keyring entries are malformed") from exc
        return keys, primary

    @staticmethod
    def _write(path: Path, doc: Mapping[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)

    @staticmethod
    @contextmanager
    def _locked(path: Path) -> Iterator[None]:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _reload(self, doc: Mapping[str, Any]) -> None:
        self._keys, self._primary = self._materials(doc)

    def describe(self) -> list[dict[str, str | None]]:
        """Each key's id, status and dates, never its material (for the auditors' report)."""
        return [
            {
                "id": str(e["id"]),
                "status": str(e["status"]),
                "created": e.get("created"),
                "retired": e.get("retired"),
            }
            for e in self._read()["keys"]
        ]

    # ---- operations ----------------------------------------------------
    @classmethod
    def generate(cls, path: Path, *, now: datetime, **kwargs: int) -> LocalKeyring:
        """Create a new keyring with one primary key; refuse to overwrite an existing one."""
        path = Path(path)
        with cls._locked(path):
            if path.exists():
                raise KeyringError(f"keyring {path} already exists")
            doc = {
                "format": KEYRING_FORMAT,
                "primary": "k1",
                "keys": [_new_entry("k1", now)],
            }
            cls._write(path, doc)
        return cls(path, **kwargs)

    def rotate(self, *, now: datetime) -> str:
        """Add a new key and make it primary; older keys keep decrypting until retired."""
        with self._locked(self._path):
            doc = self._read()
            numbers = [int(e["id"][1:]) for e in doc["keys"] if re.fullmatch(r"k\d+", e["id"])]
            new_id = f"k{max(numbers, default=0) + 1}"
            doc["keys"].append(_new_entry(new_id, now))
            doc["primary"] = new_id
            self._write(self._path, doc)
            self._reload(doc)
        return new_id

    def retire(self, key_id: str, *, now: datetime) -> None:
        """Erase a non-primary key's material; what it still wraps becomes unrecoverable."""
        with self._locked(self._path):
            doc = self._read()
            if key_id == doc["primary"]:
                raise KeyringError("the primary key cannot be retired; rotate first")
            for entry in doc["keys"]:
                if entry["id"] == key_id and entry["status"] == "active":
                    entry["status"] = "retired"
                    entry["retired"] = now.isoformat()
                    entry.pop("material", None)
                    break
            else:
                raise KeyringError(f"no active key {key_id}")
            self._write(self._path, doc)
            self._reload(doc)

    def _charge(self, key_id: str) -> None:
        with self._lock:
            window = self._windows.get(key_id)
            if window is None or window[0] >= window[1]:
                window = self._reserve(key_id)
            window[0] += 1

    def _reserve(self, key_id: str) -> list[int]:
        """Reserve the next block of this key's encryption budget in the file."""
        with self._locked(self._path):
            doc = self._read()
            for entry in doc["keys"]:
                if entry["id"] == key_id and entry["status"] == "active":
                    start = int(entry.get("reserved", 0))
                    if start >= self._usage_limit:
                        raise KeyUsageExhausted(f"key {key_id} reached its encryption budget")
                    end = min(start + self._reserve_block, self._usage_limit)
                    entry["reserved"] = end
                    break
            else:
                raise KeyringError(f"key {key_id} is no longer active")
            self._write(self._path, doc)
        window = [start, end]
        self._windows[key_id] = window
        return window


def _new_entry(key_id: str, now: datetime) -> dict[str, Any]:
    return {
        "id": key_id,
        "created": now.isoformat(),
        "status": "active",
        "material": _b64(os.urandom(aead.KEY_BYTES)),
        "reserved": 0,
    }


#: The environment variable an ``EnvKeyProvider`` reads.
KEYS_ENV = "REDACTOR_KEYS"


def open_key_provider(
    *,
    keyring: Path | None,
    default_keyring: Path,
    environ: Mapping[str, str],
    create: bool = False,
    now: datetime | None = None,
) -> KeyProvider:
    """The one rule that picks the key provider, for the server and every command.

    An explicitly configured keyring file wins; else ``REDACTOR_KEYS`` when set;
    else the keyring file at ``default_keyring`` (the data directory's), which is
    generated when ``create`` and missing. A missing file is a ``KeyringError``
    that names the file and the way out, never key material.
    """
    if keyring is None and environ.get(KEYS_ENV, "").strip():
        return EnvKeyProvider(environ, KEYS_ENV)
    path = Path(keyring) if keyring is not None else default_keyring
    if not path.exists():
        if not create:
            raise KeyringError(f"no keyring at {path}; run `redactor keys init` or set {KEYS_ENV}")
        if now is None:
            raise ValueError("creating a keyring needs `now`")
        try:
            return LocalKeyring.generate(path, now=now)
        except KeyringError:  # another process created it a moment ago
            return LocalKeyring(path)
    return LocalKeyring(path)


def pseudonym_key(provider: KeyProvider) -> bytes:
    """The mask layer's HMAC key, derived from the KEK — never read from a policy file.

    Bound to the primary KEK: after a rotation, new records get new pseudonyms,
    so pseudonyms cannot link records across key periods once old keys retire.
    """
    return provider.derive_secret(b"redactor.pseudonym.v1")


def request_digest_key(provider: KeyProvider) -> bytes:
    """HMAC key for idempotency digests: a bare hash of a note would confirm guesses."""
    return provider.derive_secret(b"redactor.idempotency.v1")

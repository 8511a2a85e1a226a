"""API keys: stored hashed, compared in constant time, each mapped to one role.

A key is 32 random bytes (``rk_`` + urlsafe base64), so a single SHA-256 is
enough to store it: there is nothing to brute-force that a slow password hash
would protect. Lookup compares the presented key's digest against *every*
stored digest with ``hmac.compare_digest`` so timing says nothing about which
key (or how much of it) matched.

The file (``REDACTOR_API_KEYS_FILE``)::

    {"format": "redactor-api-keys/1", "dev": false,
     "keys": [{"id": "desk-1", "role": "desk", "sha256": "<hex>"},
              {"id": "po-1", "role": "privileged", "policy_role": "privacy_officer",
               "sha256": "<hex>"}]}

``role`` decides which routes a key may call; ``policy_role`` is the role a
privileged key presents to the policy's ``original_access.roles`` (the policy,
not the API, decides who may see originals).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

KEYS_FORMAT = "redactor-api-keys/1"
_KEY_ID = re.compile(r"^[A-Za-z0-9_.-]{1,64}$")


class Role(StrEnum):
    DESK = "desk"  # analyze, redact, create records, read masked
    ANALYST = "analyst"  # read masked
    AUDITOR = "auditor"  # policy check, audit report, audit log
    PRIVILEGED = "privileged"  # originals (with a purpose), erasure


class ApiKeysError(Exception):
    """The API keys file is missing, unreadable or malformed (message names no key)."""


@dataclass(frozen=True, slots=True)
class Principal:
    """The authenticated caller: a key id (never the key) and its roles."""

    key_id: str
    role: Role
    policy_role: str

    def __repr__(self) -> str:
        return f"Principal({self.key_id!r}, {self.role.value})"


@dataclass(frozen=True, slots=True)
class _Entry:
    principal: Principal
    digest: bytes


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    return "rk_" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")


class ApiKeyring:
    """The hashed keys the service accepts."""

    def __init__(self, entries: Iterable[Mapping[str, Any]], *, dev: bool = False) -> None:
        parsed: list[_Entry] = []
        seen: set[str] = set()
        for i, raw in enumerate(entries, 1):
            try:
                key_id = str(raw["id"])
                role = Role(str(raw["role"]))
                digest = bytes.fromhex(str(raw["sha256"]))
            except (KeyError, ValueError, TypeError) as exc:
                raise ApiKeysError(f"API key #{i} is malformed ({type(exc).__name__})") from None
            if not _KEY_ID.match(key_id) or key_id in seen or len(digest) != 32:
                raise ApiKeysError(f"API key #{i}: invalid or duplicate id, or bad digest")
            seen.add(key_id)
            policy_role = str(raw.get("policy_role") or role.value)
            parsed.append(_Entry(Principal(key_id, role, policy_role), digest))
        if not parsed:
            raise ApiKeysError("no API keys configured")
        self._entries = tuple(parsed)
        self.dev = dev

    def authenticate(self, key: str) -> Principal | None:
        """The principal of ``key``; every stored digest is compared, in constant time."""
        presented = hashlib.sha256(key.encode("utf-8", "replace")).digest()
        found: Principal | None = None
        for entry in self._entries:
            if hmac.compare_digest(presented, entry.digest):
                found = entry.principal
        return found

    @property
    def principals(self) -> tuple[Principal, ...]:
        return tuple(e.principal for e in self._entries)

    # ---- file ----------------------------------------------------------------
    @classmethod
    def load(cls, path: Path) -> ApiKeyring:
        try:
            doc = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ApiKeysError(f"API keys file {path} does not exist") from None
        except (OSError, ValueError) as exc:
            raise ApiKeysError(
                f"API keys file {path} is unreadable ({type(exc).__name__})"
            ) from None
        if not isinstance(doc, dict) or doc.get("format") != KEYS_FORMAT:
            raise ApiKeysError(f"API keys file {path} has an unknown format")
        keys = doc.get("keys")
        if not isinstance(keys, list):
            raise ApiKeysError(f"API keys file {path} has no 'keys' list")
        return cls(keys, dev=bool(doc.get("dev", False)))

    @staticmethod
    def write(path: Path, entries: Iterable[Mapping[str, Any]], *, dev: bool) -> None:
        """Write a keys file readable by its owner only (atomic replace)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        doc = {"format": KEYS_FORMAT, "dev": dev, "keys": list(entries)}
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(doc, fh, indent=2)
        os.replace(tmp, path)


#: The policy role a generated privileged dev key presents (one the default policy allows).
DEV_PRIVILEGED_POLICY_ROLE = "privacy_officer"


def generate_dev_keys(path: Path) -> dict[str, str]:
    """One fresh key per role, hashed into ``path`` (marked ``dev``); returns role -> key."""
    plain: dict[str, str] = {}
    entries: list[dict[str, str]] = []
    for role in Role:
        key = new_key()
        plain[role.value] = key
        entry = {"id": f"dev-{role.value}", "role": role.value, "sha256": hash_key(key)}
        if role is Role.PRIVILEGED:
            entry["policy_role"] = DEV_PRIVILEGED_POLICY_ROLE
        entries.append(entry)
    ApiKeyring.write(path, entries, dev=True)
    return plain

"""Service configuration from the environment and ``.env`` (pydantic-settings).

Every knob has a default that does not depend on the working directory: the
data (SQLite file, dev keyring, dev API keys) live in the per-user data
directory (``platformdirs``: ``~/.local/share/redactor`` on Linux) unless
``REDACTOR_DATA_DIR`` says otherwise, and the policies are the ones shipped in
the package (``redactor.policy.shipped``) unless ``REDACTOR_POLICY`` /
``REDACTOR_POLICY_DIR`` say otherwise. ``make run`` starts on a fresh machine;
production refuses the development defaults where they would be unsafe (see
``redactor.cli.serve_cmd``). Settings are a value passed to ``create_app``:
nothing reads the environment behind the caller's back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from redactor.policy.shipped import default_policy_path, shipped_policy_dir


def default_data_dir() -> Path:
    """The per-user data directory (``REDACTOR_DATA_DIR`` overrides it)."""
    return Path(platformdirs.user_data_dir("redactor", appauthor=False))


class Settings(BaseSettings):
    """``REDACTOR_*`` environment variables (or a ``.env`` file in the working directory)."""

    model_config = SettingsConfigDict(
        env_prefix="REDACTOR_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    env: Literal["development", "test", "production"] = "development"
    data_dir: Path = Field(default_factory=default_data_dir)
    #: SQLAlchemy URL; the default is a SQLite file under ``data_dir``.
    db_url: str | None = None
    #: Local keyring file (``redactor.crypto.LocalKeyring``); ``REDACTOR_KEYS`` is used
    #: instead when this is unset and that variable is present, else the data directory's
    #: ``keyring.json`` (``redactor.service.open_keys`` is the one place that decides).
    keyring: Path | None = None
    #: JSON file of hashed API keys (see ``redactor.api.security``).
    api_keys_file: Path | None = None
    #: The active policy: what ``POST /v1/records`` and ``/original`` apply.
    policy: Path = Field(default_factory=default_policy_path)
    #: Every policy version records may still be governed by (for ``/v1/redact`` and audits).
    policy_dir: Path = Field(default_factory=shipped_policy_dir)

    # --- limits -----------------------------------------------------------------
    max_body_bytes: int = Field(default=1_000_000, gt=0)
    max_text_chars: int = Field(default=20_000, gt=0)
    max_batch: int = Field(default=64, gt=0)
    #: Characters of all texts of one request together (413 ``too_many_characters``).
    max_request_chars: int = Field(default=100_000, gt=0)
    #: Token bucket per API key: sustained requests per second and burst size.
    rate_per_second: float = Field(default=20.0, gt=0)
    rate_burst: int = Field(default=40, gt=0)
    #: Failed authentications per client address: sustained per second and burst; beyond
    #: them a bad key gets 429 (with Retry-After) instead of 401.
    auth_fail_per_second: float = Field(default=1.0, gt=0)
    auth_fail_burst: int = Field(default=20, gt=0)
    #: Wall-clock budget of one analysis (bounds pathological regex backtracking).
    analysis_timeout_s: float = Field(default=10.0, gt=0)

    # --- analysis under load (README "Analysis under load") ------------------------
    #: ``process``: analysis runs in supervised worker processes, and a job past its
    #: deadline has its process killed and replaced (the deadline frees the CPU).
    #: ``thread``: in this process, as before (tests, development); a late thread runs on.
    analysis_isolation: Literal["process", "thread"] = "process"
    #: Analysis processes per server worker (each loads the model: ~400-500 MB).
    analysis_processes: int = Field(default=2, ge=1, le=64)
    #: Characters under analysis at once per server worker; beyond it 429 ``overloaded``.
    analysis_budget_chars: int = Field(default=60_000, gt=0)
    #: A desk request of at most this many characters is small: it may use the reserve.
    analysis_small_chars: int = Field(default=5_000, gt=0)
    #: Share of the budget only small desk requests may use (never big ones, never audits).
    analysis_reserve_chars: int = Field(default=10_000, ge=0)
    #: Masked notes one audit may re-scan for residual PII (the rest are reported skipped).
    audit_rescan_budget: int = Field(default=200, ge=0)

    #: Seconds a client may take to send a body once its headers are in (408 after).
    body_timeout_s: float = Field(default=10.0, gt=0)

    # --- transport (uvicorn; see README "Transport limits") ----------------------
    #: Largest request line + headers h11 buffers before refusing the connection.
    max_header_bytes: int = Field(default=16_384, ge=1024)
    #: Idle seconds a kept-alive connection is held between requests.
    keep_alive_s: int = Field(default=5, ge=1)
    #: Connections and requests in flight per worker beyond which uvicorn answers 503.
    limit_concurrency: int = Field(default=256, ge=1)
    #: Pending connections the kernel queues per worker socket.
    backlog: int = Field(default=512, ge=1)

    # --- server -----------------------------------------------------------------
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    workers: int = Field(default=1, ge=1)
    log_level: str = "info"

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def database_url(self) -> str:
        return self.db_url or f"sqlite:///{self.data_dir / 'redactor.db'}"

    @property
    def keyring_path(self) -> Path:
        return self.keyring or self.data_dir / "keyring.json"

    @property
    def api_keys_path(self) -> Path:
        return self.api_keys_file or self.data_dir / "api-keys.json"

"""Starting the HTTP service: development material, production checks, uvicorn.

``redactor serve`` (the CLI face) calls :func:`serve` and nothing else of the API. In
development (the default) a missing keyring is generated in the data directory and
fresh API keys, one per role, are generated and printed to stderr at each start (keys
only: nothing else is printed). With ``REDACTOR_ENV=production`` nothing is generated:
the keyring and a non-dev API keys file must exist, and generated dev keys are refused.
Each worker builds its own app through the factory and loads the model in the
lifespan, before it accepts traffic; every worker logs JSON lines (``api.logs``).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from redactor.settings import Settings

APP_FACTORY = "redactor.api.app:app_from_env"


def prepare_dev(settings: Settings) -> dict[str, str]:
    """Generate what development needs; return role -> API key when keys were generated.

    A keys file not marked ``dev`` is someone's real keys: it is used, never replaced.
    """
    from redactor.api.security import ApiKeyring, ApiKeysError, generate_dev_keys
    from redactor.service import open_keys

    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if settings.keyring is None:  # a configured keyring file is never generated
        open_keys(settings, create=True, now=datetime.now(UTC))
    path = settings.api_keys_path
    if path.exists():
        try:
            if not ApiKeyring.load(path).dev:
                return {}
        except ApiKeysError as exc:
            raise SystemExit(f"error: {exc}") from None
    return generate_dev_keys(path)


def check_production(settings: Settings) -> None:
    """Refuse a production start on development material; messages name files only."""
    from redactor.api.security import ApiKeyring, ApiKeysError

    try:
        keyring = ApiKeyring.load(settings.api_keys_path)
    except ApiKeysError as exc:
        raise SystemExit(f"error: {exc}") from None
    if keyring.dev:
        raise SystemExit(
            "error: refusing generated dev API keys with REDACTOR_ENV=production "
            f"({settings.api_keys_path}); provision real keys"
        )


def uvicorn_options(settings: Settings) -> dict[str, object]:
    """Transport limits for ``uvicorn.run``/``uvicorn.Config``: header size (h11), idle
    keep-alive, connections per worker and backlog. Bodies have their own deadline in
    the app (``REDACTOR_BODY_TIMEOUT_S``). The reverse proxy bounds slow headers."""
    return {
        "h11_max_incomplete_event_size": settings.max_header_bytes,
        "timeout_keep_alive": settings.keep_alive_s,
        "limit_concurrency": settings.limit_concurrency,
        "backlog": settings.backlog,
        "http": "h11",
    }


def serve(
    settings: Settings,
    *,
    host: str | None = None,
    port: int | None = None,
    workers: int | None = None,
    factory: str = APP_FACTORY,
) -> None:
    """Check or prepare the material, migrate once, run uvicorn with JSON logs."""
    import logging.config

    import uvicorn

    from redactor.api.logs import log_config
    from redactor.store import make_engine, upgrade_to_head

    config = log_config(settings.log_level)
    logging.config.dictConfig(config)
    if settings.production:
        check_production(settings)
    else:
        for role, key in prepare_dev(settings).items():
            sys.stderr.write(f"dev API key  {role:<10} {key}\n")
    # Migrate once here, so several workers do not race on a fresh database.
    upgrade_to_head(make_engine(settings.database_url))
    uvicorn.run(
        factory,
        factory=True,
        host=host or settings.host,
        port=settings.port if port is None else port,
        workers=workers or settings.workers,
        access_log=False,  # our access log carries route templates, never raw paths/queries
        log_config=config,  # applied again in every worker process
        log_level=settings.log_level,
        server_header=False,
        **uvicorn_options(settings),  # type: ignore[arg-type]
    )

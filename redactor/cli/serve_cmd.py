"""`redactor serve`: run the HTTP API under uvicorn.

In development (the default) a missing keyring is generated in the data directory
and fresh API keys, one per role, are generated and printed to stderr at each
start (keys only: nothing else is printed). With ``REDACTOR_ENV=production``
nothing is generated: the keyring and a non-dev API keys file must exist, and
generated dev keys are refused. Each worker builds its own app through the
factory and loads the model in the lifespan, before it accepts traffic.
"""

from __future__ import annotations

import logging
import sys
from datetime import UTC, datetime
from typing import Annotated

import typer

from redactor.cli import app
from redactor.settings import Settings


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
        raise SystemExit("error: refusing generated dev API keys with REDACTOR_ENV=production "
                         f"({settings.api_keys_path}); provision real keys")


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="bind address (REDACTOR_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="port (REDACTOR_PORT)")] = None,
    workers: Annotated[int | None, typer.Option(help="worker processes (REDACTOR_WORKERS)")] = None,
) -> None:
    """Serve the HTTP API (configuration from REDACTOR_* environment variables or .env)."""
    import uvicorn

    from redactor.store import make_engine, upgrade_to_head

    settings = Settings()
    logging.basicConfig(level=settings.log_level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if settings.production:
        check_production(settings)
    else:
        for role, key in prepare_dev(settings).items():
            typer.echo(f"dev API key  {role:<10} {key}", err=True)
    # Migrate once here, so several workers do not race on a fresh database.
    upgrade_to_head(make_engine(settings.database_url))
    uvicorn.run(
        "redactor.api.app:app_from_env",
        factory=True,
        host=host or settings.host,
        port=settings.port if port is None else port,
        workers=workers or settings.workers,
        access_log=False,  # our access log carries route templates, never raw paths/queries
        log_level=settings.log_level,
        server_header=False,
    )

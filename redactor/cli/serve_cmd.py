"""`redactor serve`: run the HTTP API under uvicorn (``redactor.api.server`` does it)."""

from __future__ import annotations

from typing import Annotated

import typer

from redactor.cli import app
from redactor.cli.common import settings as load_settings


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="bind address (REDACTOR_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="port (REDACTOR_PORT)")] = None,
    workers: Annotated[int | None, typer.Option(help="worker processes (REDACTOR_WORKERS)")] = None,
) -> None:
    """Serve the HTTP API (configuration from REDACTOR_* environment variables or .env);
    JSON log lines on stderr from every worker."""
    # The one place the CLI reaches into the API package: to start it.
    from redactor.api.server import serve as run

    run(load_settings(), host=host, port=port, workers=workers)

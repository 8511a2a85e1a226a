"""What every command shares: the service's settings, and failing with a clean message."""

from __future__ import annotations

from typing import NoReturn

import typer

from redactor.settings import Settings


def fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(code)


def settings() -> Settings:
    """The service's own configuration (``REDACTOR_*``, ``.env``), so the CLI and the API
    always open the same database, keyring and policies (``REDACTOR_DATA_DIR`` included)."""
    from pydantic import ValidationError

    try:
        return Settings()
    except ValidationError as exc:  # name the settings, never their values (URLs hold secrets)
        names = ", ".join(sorted({str(e["loc"][0]) for e in exc.errors() if e["loc"]}))
        fail(f"invalid configuration: REDACTOR_* setting(s) {names}")

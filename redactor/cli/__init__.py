"""The operator's and auditor's command line: a thin face over ``redactor.service``.

Each command group lives in its own module and registers itself on ``app``.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="redactor",
    help="Find, mask and store under encryption the PII in call-center notes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Command modules register themselves on import; keep this list the only wiring.
from redactor.cli import (  # noqa: E402
    analyze_cmd,  # noqa: F401
    bulk_cmd,  # noqa: F401
    policy_cmd,  # noqa: F401
    serve_cmd,  # noqa: F401
    store_cmd,  # noqa: F401
)


def main() -> None:
    app()

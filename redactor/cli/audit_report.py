"""``redactor audit --format html|report-json``: the auditors' report from the command line.

The face only parses, calls ``service.audit_report`` and writes the result; the
HTML is rendered from exactly the JSON ``GET /v1/audit/report`` returns. The
optional re-scan shows a progress bar on stderr (counts only, never text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import typer

REPORT_FORMATS = ("html", "report-json")


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "re-scan",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("re-scan", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


def write_report(
    *,
    fmt: str,
    output: Path | None,
    store: Any,
    keys: Any,
    registry: Any,
    now: datetime,
    since: datetime | None,
    until: datetime | None,
    rescan: bool,
    sample: int | None,
    analyzer_factory: Callable[[], Any],
) -> bool:
    """Build, format and write the report; True when its overall verdict is ``ok``."""
    from redactor.audit.report_data import dumps
    from redactor.service import audit_report, audit_report_page

    if since is not None and until is not None and since > until:
        raise typer.BadParameter("--since is after --until")
    with _progress(rescan) as progress:
        data = audit_report(
            store=store,
            keys=keys,
            policy_lookup=registry.lookup,
            policy_findings=registry.findings,
            now=now,
            since=since,
            until=until,
            rescan=rescan,
            sample=sample,
            analyzer=analyzer_factory() if rescan else None,
            progress=progress,
        )
    text = audit_report_page(data) if fmt == "html" else dumps(data)
    if output is None:
        typer.echo(text)
    else:
        output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        verdict = data["verdict"]
        typer.echo(
            f"report written to {output}: {verdict['status']} ({verdict['summary']})", err=True
        )
    return bool(data["verdict"]["status"] == "ok")

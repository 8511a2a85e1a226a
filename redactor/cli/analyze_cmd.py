"""`redactor analyze` (notes → entities) and `redactor eval` (entities vs gold)."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer

from redactor.cli import app
from redactor.detect.analyze import build_analyzer
from redactor.detect.workers import analyze_in_workers
from redactor.evaluate import evaluate, evaluate_by_style, format_style_table, spans_by_id
from redactor.jsonl import (
    BadLine,
    Note,
    atomic_output,
    dump_line,
    open_input,
    read_notes,
    read_objects,
)


def _progress(enabled: bool):  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    return Progress(
        TextColumn("analyzing"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        disable=not enabled,
        transient=True,
    )


@app.command()
def analyze(
    input: Annotated[str, typer.Option("--input", "-i", help="JSONL of {id, text}; - for stdin")],
    output: Annotated[
        str, typer.Option("--output", "-o", help="JSONL of {id, entities}; - for stdout")
    ],
    batch_size: Annotated[int, typer.Option(min=1, help="notes per model batch")] = 32,
    workers: Annotated[
        int, typer.Option(min=1, help="processes, each loading the model once (one per core)")
    ] = 1,
) -> None:
    """Find PII in every note; offsets are code points of the original text."""
    if workers > 1:
        _analyze_in_workers(input, output, batch_size, workers)
        return
    analyzer = build_analyzer()
    bad: list[BadLine] = []
    with (
        open_input(input) as src,
        atomic_output(output) as dst,
        _progress(sys.stderr.isatty()) as bar,
    ):
        task = bar.add_task("notes", total=None)
        batch: list[Note] = []

        def flush() -> None:
            results = analyzer.analyze_batch([n.text for n in batch], batch_size=batch_size)
            for note, entities in zip(batch, results, strict=True):
                dst.write(dump_line({"id": note.id, "entities": [e.to_json() for e in entities]}))
            bar.advance(task, len(batch))
            batch.clear()

        for item in read_notes(src):
            if isinstance(item, BadLine):
                bad.append(item)
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        if batch:
            flush()
    for item in bad:
        typer.echo(f"error: {input}: {item}", err=True)
    if bad:
        raise typer.Exit(1)


def _analyze_in_workers(input: str, output: str, batch_size: int, workers: int) -> None:
    """The same output as one process, from ``workers`` processes (order kept)."""
    bad: list[BadLine] = []
    batches: list[list[Note]] = [[]]
    with open_input(input) as src:
        for item in read_notes(src):
            if isinstance(item, BadLine):
                bad.append(item)
                continue
            if len(batches[-1]) >= batch_size:
                batches.append([])
            batches[-1].append(item)
    with atomic_output(output) as dst, _progress(sys.stderr.isatty()) as bar:
        task = bar.add_task("notes", total=sum(len(b) for b in batches))
        results = analyze_in_workers(
            ([n.text for n in b] for b in batches), build_analyzer, workers, batch_size
        )
        for batch, found in zip(batches, results, strict=True):
            for note, entities in zip(batch, found, strict=True):
                dst.write(dump_line({"id": note.id, "entities": [e.to_json() for e in entities]}))
            bar.advance(task, len(batch))
    for item in bad:
        typer.echo(f"error: {input}: {item}", err=True)
    if bad:
        raise typer.Exit(1)


def _objects(path: str) -> list[dict[str, Any]]:
    """Every object of a JSONL file; bad lines are reported by number, then exit 2."""
    rows: list[dict[str, Any]] = []
    bad: list[BadLine] = []
    with open_input(path) as fh:
        for row in read_objects(fh):
            if isinstance(row, BadLine):
                bad.append(row)
            else:
                rows.append(row.obj)
    for item in bad:
        typer.echo(f"error: {path}: {item}", err=True)
    if bad:
        raise typer.Exit(2)
    return rows


@app.command("eval")
def eval_(
    gold: Annotated[str, typer.Option("--gold", help="JSONL with gold 'spans'")],
    pred: Annotated[
        str | None,
        typer.Option(
            "--pred", help="JSONL from `redactor analyze`; default: analyze the gold texts now"
        ),
    ] = None,
    format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
) -> None:
    """Per-label precision, recall, F1 (exact and overlap) and the leak rate."""
    rows = _objects(gold)
    gold_spans = spans_by_id(rows, "spans")
    if pred is None:
        analyzer = build_analyzer()
        results = analyzer.analyze_batch([r["text"] for r in rows])
        pred_rows = [
            {"id": r["id"], "entities": [e.to_json() for e in ents]}
            for r, ents in zip(rows, results, strict=True)
        ]
    else:
        pred_rows = _objects(pred)
    pred_spans = spans_by_id(pred_rows, "entities")
    report = evaluate(gold_spans, pred_spans)
    styles = evaluate_by_style(rows, pred_spans) if any("style" in r for r in rows) else {}
    if format == "json":
        out: dict[str, object] = {**report.to_json()}
        if styles:
            out["by_style"] = {k: v.to_json()["TOTAL"] for k, v in styles.items()}
        typer.echo(json.dumps(out, indent=2))
    else:
        typer.echo(report.format_table())
        if styles:
            typer.echo("")
            typer.echo(format_style_table(styles))

"""Reading and writing the JSONL note files of the batch commands, safely.

Every command that takes ``--input NOTES.jsonl`` shares these rules: ``-``
means stdin/stdout; a malformed line is reported by its number and reason
(never its content, which is PII) and skipped, the rest is processed; output
lines are written whole, to a temporary file renamed into place at the end,
so a crash never leaves a half-written line or file.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any


@dataclass(frozen=True, slots=True)
class Note:
    line: int
    id: str
    text: str
    fields: dict[str, Any]


@dataclass(frozen=True, slots=True)
class BadLine:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Row:
    """A JSON object read from one line (any shape; the caller checks its fields)."""

    line: int
    obj: dict[str, Any]


def parse_object(number: int, raw: str) -> Row | BadLine | None:
    """One input line → a JSON object, a reason to refuse it, or None for a blank line."""
    if not raw.strip():
        return None
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:  # exc.msg holds no input text
        return BadLine(number, f"not valid JSON ({exc.msg} at column {exc.colno})")
    except UnicodeDecodeError:  # pragma: no cover - text streams decode before this
        return BadLine(number, "not valid UTF-8")
    if not isinstance(obj, dict):
        return BadLine(number, "expected a JSON object")
    return Row(number, obj)


def parse_line(number: int, raw: str) -> Note | BadLine | None:
    """One input line → a note, a reason to refuse it, or None for a blank line."""
    parsed = parse_object(number, raw)
    if not isinstance(parsed, Row):
        return parsed
    obj = parsed.obj
    if "id" not in obj or not isinstance(obj["id"], str | int):
        return BadLine(number, "missing or invalid 'id' (string or integer)")
    if not isinstance(obj.get("text"), str):
        return BadLine(number, "missing or invalid 'text' (string)")
    return Note(number, str(obj["id"]), obj["text"], obj)


def read_objects(stream: IO[str]) -> Iterator[Row | BadLine]:
    """Every JSON object of a JSONL stream, and every malformed line as a ``BadLine``:
    the reader never stops at a bad line and never quotes one."""
    for number, raw in enumerate(stream, 1):
        parsed = parse_object(number, raw)
        if parsed is not None:
            yield parsed


def read_notes(stream: IO[str]) -> Iterator[Note | BadLine]:
    """Every ``{"id", "text", ...}`` note of a JSONL stream (``ingest``, ``analyze``,
    ``redact``), and every malformed line as a ``BadLine``."""
    for number, raw in enumerate(stream, 1):
        parsed = parse_line(number, raw)
        if parsed is not None:
            yield parsed


@contextlib.contextmanager
def open_input(path: str) -> Iterator[IO[str]]:
    if path == "-":
        yield sys.stdin
        return
    with open(path, encoding="utf-8") as fh:
        yield fh


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[IO[str]]:
    """Write to ``path`` through a temporary file renamed into place when the block ends."""
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def dump_line(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n"

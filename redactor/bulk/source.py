"""Where bulk items come from: numbered lines of JSONL files (plain or gzip), or the store.

An item is a plain dict (it crosses into Ray blocks as it is): ``source`` and ``line``
say where it was read, ``id`` is the note id (or record id), ``text`` and ``caller``
the note, ``bad`` the reason a line was refused (never its content), ``record`` a
stored record's ciphertext (pickled ``StoredRecord``) for the store jobs.
"""

from __future__ import annotations

import gzip
import pickle
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, cast

from redactor.jsonl import BadLine, parse_line
from redactor.store import Store

Item = dict[str, Any]

#: the columns of an item, in every engine
COLUMNS = ("source", "line", "id", "text", "caller", "bad", "record")


class SourceError(Exception):
    """The input cannot be read at all (missing file, empty directory)."""


def input_files(input: Path | None, input_dir: Path | None) -> list[Path]:
    """The files to import, absolute, in name order (``*.jsonl`` and ``*.jsonl.gz`` of a
    directory)."""
    if (input is None) == (input_dir is None):
        raise SourceError("give exactly one of --input and --input-dir")
    if input is not None:
        if not input.is_file():
            raise SourceError(f"no such file: {input}")
        return [input.resolve()]
    assert input_dir is not None
    if not input_dir.is_dir():
        raise SourceError(f"no such directory: {input_dir}")
    files = sorted(p.resolve() for p in input_dir.iterdir()
                   if p.is_file() and p.name.endswith((".jsonl", ".jsonl.gz")))
    if not files:
        raise SourceError(f"no .jsonl or .jsonl.gz file in {input_dir}")
    return files


def open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, gunzipped when its name ends in ``.gz``."""
    if path.name.endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return open(path, "rb")


def count_lines(paths: Iterable[Path]) -> int:
    """Lines of the inputs (for the progress bar's total and ETA), read in 1 MiB chunks."""
    total = 0
    for path in paths:
        last = b"\n"
        with open_binary(path) as fh:
            while chunk := fh.read(1 << 20):
                total += chunk.count(b"\n")
                last = chunk[-1:]
        total += last != b"\n"
    return total


def item_of(source: str, number: int, raw: bytes) -> Item | None:
    """One numbered input line as an item; None for a blank line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return {"source": source, "line": number, "bad": "not valid UTF-8"}
    parsed = parse_line(number, text)
    if parsed is None:
        return None
    if isinstance(parsed, BadLine):
        return {"source": source, "line": number, "bad": parsed.reason}
    caller = parsed.fields.get("caller_id")
    return {"source": source, "line": number, "id": parsed.id, "text": parsed.text,
            "caller": None if caller is None else str(caller)}


def numbered_lines(chunks: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    """(number, line) from a stream's byte chunks, lines split on ``\\n`` only."""
    number, rest = 0, b""
    for chunk in chunks:
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        for line in lines:
            number += 1
            yield number, line
    if rest:
        yield number + 1, rest


def items_of_stream(source: str, chunks: Iterable[bytes], after: int = 0) -> Iterator[Item]:
    """Every item of one file, past line ``after`` (what a resumed run already wrote)."""
    for number, raw in numbered_lines(chunks):
        if number > after:
            item = item_of(source, number, raw)
            if item is not None:
                yield item


def read_chunks(fh: IO[bytes], size: int = 1 << 20) -> Iterator[bytes]:
    while chunk := fh.read(size):
        yield chunk


def file_items(paths: Iterable[Path], marks: Mapping[str, Any]) -> Iterator[Item]:
    """Every item of the input files, in order, each past its resume mark."""
    for path in paths:
        after = int(marks.get(str(path), 0))
        with open_binary(path) as fh:
            yield from items_of_stream(str(path), read_chunks(fh), after)


def store_items(store: Store, ids: Iterable[list[str]], after: str = "") -> Iterator[Item]:
    """Stored records as items (ciphertext and metadata; workers open them with the key
    provider), in id order, past the id ``after`` (a resumed re-scan)."""
    seq = 0
    for batch in ids:
        for record_id in batch:
            seq += 1
            if record_id <= after:
                continue
            rec = store.get(record_id)
            if rec is None:
                continue
            yield {"source": "store", "line": seq, "id": record_id,
                   "record": pickle.dumps(rec)}


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch

"""The header of a table cell's column: the label of a value in an exported row.

Desk systems export records as CSV or TSV rows under one header line
(``世帯番号<TAB>氏名<TAB>…<TAB>個人番号``). The label of each value stands once, in the header, not
before the value, so a recognizer that reads the text before a value sees
only the row's other values. ``column_header`` gives it the header of the
value's column instead.

A header line is the nearest line above with the same delimiter and as many
cells (three at least) that holds no number (a row of labels, not of values).
A bare ``番号`` column right after a ``記号`` column continues it (an insurance
card's or a passbook's pair), so its header reads ``記号番号``.

Hand-written: the csv module parses whole rows, not the column of one
offset; a delimiter inside double quotes is skipped as CSV quotes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: the delimiters an export uses, in the order they are tried on a line (a ``|`` table
#: is a scan's or a form's, whose rows are as often label and value side by side)
DELIMITERS: tuple[str, ...] = ("\t", ",")
#: a row of an export has at least this many cells, as many as its header
MIN_CELLS = 3
#: a line holding a number of three digits or more is a row of values, not a header
_NUMBER = re.compile(r"\d{3}")
_LETTER = re.compile(r"[^\W\d_]")
_BARE_NUMBER_HEADER = re.compile(r"^(?:番号|No\.?|NO\.?|no\.?)$")


def _cells(line: str, delimiter: str) -> list[tuple[int, int]]:
    """Spans of the cells of ``line``, a delimiter inside double quotes skipped."""
    spans: list[tuple[int, int]] = []
    start, quoted = 0, False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == delimiter and not quoted:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(line)))
    return spans


def _is_header(cells: list[str]) -> bool:
    """A row of labels: no number of three digits, and every cell holds a letter."""
    return not any(_NUMBER.search(c) for c in cells) and all(
        _LETTER.search(c) for c in cells if c.strip()
    )


def _delimiter_of(line: str) -> str | None:
    return next((d for d in DELIMITERS if len(_cells(line, d)) >= MIN_CELLS), None)


@dataclass(frozen=True, slots=True)
class Column:
    """Where a value's cell starts, and the header of its column."""

    cell_start: int
    header: str


def column_header(text: str, pos: int) -> str | None:
    """The header of the column holding ``text[pos]``, or None outside a table."""
    column = column_of(text, pos)
    return None if column is None else column.header


def column_of(text: str, pos: int) -> Column | None:
    """The cell and column header of ``text[pos]``, or None outside a table with a header."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    delimiter = _delimiter_of(line)
    if delimiter is None:
        return None
    at = pos - line_start
    cells = _cells(line, delimiter)
    column = next((k for k, (a, b) in enumerate(cells) if a <= at <= b), None)
    header_row = _header_row(text, line_start, delimiter, len(cells))
    if column is None or header_row is None:
        return None
    header = header_row[column].strip().strip('"').strip()
    if not header:
        return None
    cell_start = line_start + cells[column][0]
    if _BARE_NUMBER_HEADER.match(header) and column > 0:
        before = header_row[column - 1].strip().strip('"')
        if before.endswith("記号"):
            return Column(cell_start, before + header)
    return Column(cell_start, header)


@lru_cache(maxsize=8)
def _memo(text: str) -> dict[tuple[int, str, int], tuple[str, ...] | None]:
    """Header rows found in ``text``, by (line start, delimiter, cells): each row of an
    export of thousands is looked up once, not once per row above it."""
    return {}


def _header_row(text: str, line_start: int, delimiter: str, n: int) -> tuple[str, ...] | None:
    """The cells of the header above the row at ``line_start`` (of ``n`` cells), if any."""
    memo = _memo(text)
    key = (line_start, delimiter, n)
    if key in memo:
        return memo[key]
    rows = [key]  # the value rows passed on the way up share the header found
    found: tuple[str, ...] | None = None
    end = line_start - 1
    while end > 0:
        above_start = text.rfind("\n", 0, end) + 1
        above = text[above_start:end]
        end = above_start - 1
        if delimiter not in above:
            if above.strip():
                break  # the table ended above: no header of its own
            continue
        spans = _cells(above, delimiter)
        if len(spans) != n:
            break  # not this table's header: a form's label and value side by side
        cells = tuple(above[a:b] for a, b in spans)
        if _is_header(list(cells)):
            found = cells
            break
        above_key = (above_start, delimiter, n)
        if above_key in memo:
            found = memo[above_key]
            break
        rows.append(above_key)  # a row of values
    for row in rows:
        memo[row] = found
    return found

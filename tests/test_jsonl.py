"""The one JSONL reader: every malformed line reported by number, never quoted, never fatal."""

from __future__ import annotations

import io

from redactor.jsonl import BadLine, Note, Row, read_notes, read_objects

SECRET = "山田太郎"
LINES = [
    '{"id": 1, "text": "a"}',
    f'{{"id": 2, "text": "{SECRET}"',
    "",
    f'["{SECRET}"]',
    '{"text": "no id"}',
    '{"id": "5", "text": "b"}',
]


def test_when_lines_are_malformed_then_each_is_reported_and_the_rest_is_read() -> None:
    items = list(read_notes(io.StringIO("\n".join(LINES) + "\n")))
    assert [i.line for i in items if isinstance(i, Note)] == [1, 6]
    bad = [i for i in items if isinstance(i, BadLine)]
    assert [b.line for b in bad] == [2, 4, 5]
    assert not any(SECRET in str(b) for b in bad)


def test_objects_of_any_shape_are_read_and_non_objects_refused() -> None:
    items = list(read_objects(io.StringIO("\n".join(LINES) + "\n")))
    assert [i.line for i in items if isinstance(i, Row)] == [1, 5, 6]
    assert [i.line for i in items if isinstance(i, BadLine)] == [2, 4]

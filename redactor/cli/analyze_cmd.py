"""`redactor analyze` and `redactor eval` (filled in by the foundation work)."""

from __future__ import annotations

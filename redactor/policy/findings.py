"""What ``policy check`` reports, and the one error a refused policy raises.

A finding names the file, the line, a stable rule id an auditor can look up,
a severity, what is wrong and how to fix it. Messages name keys and labels,
never the values a policy lists (a deny list may itself hold personal data).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import StrEnum

#: A key's place in the policy document: mapping keys and sequence indexes.
PathKey = tuple[str | int, ...]
#: Where each key of a policy file was written (1-based lines).
LineMap = dict[PathKey, int]


def line_of(lines: LineMap, loc: Iterable[str | int]) -> int:
    """The line of the deepest known key along ``loc``, skipping parts the file lacks.

    Pydantic locations include union tags and indexes the file may not have;
    those are skipped so the finding points at the closest written key.
    """
    path: PathKey = ()
    best = lines.get((), 1)
    for part in loc:
        candidate = (*path, part if isinstance(part, int) else str(part))
        if candidate in lines:
            path = candidate
            best = lines[candidate]
    return best


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One broken rule, located in the policy file."""

    file: str
    line: int
    rule_id: str
    severity: Severity
    message: str
    hint: str

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data

    def format(self) -> str:
        return (
            f"{self.file}:{self.line}: {self.rule_id} [{self.severity}] {self.message}"
            f" (fix: {self.hint})"
        )


class PolicyError(Exception):
    """A policy file that cannot be used: every reason, with its line."""

    def __init__(self, findings: list[Finding] | tuple[Finding, ...]) -> None:
        self.findings: tuple[Finding, ...] = tuple(findings)
        super().__init__("\n".join(f.format() for f in self.findings) or "invalid policy")


class PolicyUnreadable(PolicyError):
    """The file could not be read or is not a YAML mapping at all (``policy check`` exit 2)."""

"""What ``policy check`` reports, and the one error a refused policy raises.

A finding names the file, the line, a stable rule id an auditor can look up,
a severity, what is wrong and how to fix it. Messages name keys and labels,
never the values a policy lists (a deny list may itself hold personal data).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


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

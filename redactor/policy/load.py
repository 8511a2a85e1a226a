"""Read a policy file into a ``Policy``, or say exactly where and why it is refused.

PyYAML's ``safe_load`` forgets where a key was written and silently keeps the
last of two duplicate keys; an auditor needs line numbers and a duplicate is
as dangerous as a typo. So the file is composed into YAML nodes (which carry
their marks), walked once to build plain data and a ``path -> line`` map, and
duplicates are reported. Pydantic errors are then mapped back to lines and to
rule ids through that map.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from redactor.policy.findings import (
    Finding,
    LineMap,
    PathKey,
    PolicyError,
    PolicyUnreadable,
    Severity,
    line_of,
)
from redactor.policy.model import DenyTerm, LabelRule, OriginalAccess, Policy, RecordRetention
from redactor.policy.rules import check_rules

_ERROR_RULES: dict[str, str] = {
    "extra_forbidden": "UNKNOWN-KEY",
    "duration_invalid": "DURATION-INVALID",
    "operator_param": "OPERATOR-PARAM",
    "retention_class": "RETENTION-CLASS",
}

_HINTS: dict[str, str] = {
    "UNKNOWN-KEY": "remove the key or correct its spelling",
    "DURATION-INVALID": "write an ISO-8601 date duration such as P5Y, P6M, P30D or P0D",
    "OPERATOR-PARAM": "use only the parameters of the chosen operator, within their bounds",
    "RETENTION-CLASS": "use a municipal document class: 1, 3, 5, 10 or 30",
    "SCHEMA-INVALID": "see the policy file format in the README",
    "DUPLICATE-KEY": "keep a single entry for this key",
}

_TYPE_HINTS: dict[str, str] = {
    "string_type": 'quote the value so YAML reads it as text (version: "1.0")',
    "missing": "add the required key",
    "literal_error": "use one of the listed values",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD",
}

_KNOWN_KEYS: tuple[str, ...] = tuple(
    sorted(
        {
            name
            for model in (Policy, LabelRule, RecordRetention, OriginalAccess, DenyTerm)
            for name in model.model_fields
        }
    )
)


class _Composer(yaml.SafeLoader):
    """A safe loader used only for ``compose``: nodes keep their start marks."""


def _scalar(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    return loader.construct_object(node, deep=True)


def _walk(
    loader: yaml.SafeLoader,
    node: yaml.Node,
    path: PathKey,
    lines: LineMap,
    dupes: list[tuple[PathKey, int]],
) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)  # resolves YAML merge keys (<<)
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(loader, key_node)
            if not isinstance(key, str | int | float | bool):
                key = str(key)
            child = (*path, str(key))
            if key in out:
                dupes.append((child, key_node.start_mark.line + 1))
            lines[child] = key_node.start_mark.line + 1
            out[key] = _walk(loader, value_node, child, lines, dupes)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [
            _walk(loader, item, (*path, index), lines, dupes)
            for index, item in enumerate(node.value)
        ]
    return _scalar(loader, node)


def read_source(path: str | Path) -> tuple[dict[str, Any], LineMap, list[Finding]]:
    """Plain data, the line of every key, and DUPLICATE-KEY findings.

    Raises ``PolicyUnreadable`` when the file cannot be read, is not YAML, or
    is not a mapping at its top.
    """
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyUnreadable(
            [_finding(name, 1, "FILE-UNREADABLE", f"cannot read file: {type(exc).__name__}",
                      "check the path and that the file is UTF-8 text")]
        ) from None
    loader = _Composer(text)
    try:
        root = loader.get_single_node()
        lines: LineMap = {}
        dupes: list[tuple[PathKey, int]] = []
        data = _walk(loader, root, (), lines, dupes) if root is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "syntax error"
        raise PolicyUnreadable(
            [_finding(name, line, "YAML-INVALID", f"not valid YAML: {problem}",
                      "fix the YAML syntax (indentation, colons, quotes)")]
        ) from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise PolicyUnreadable(
            [_finding(name, 1, "YAML-INVALID", "a policy must be a YAML mapping of keys",
                      "start from policies/default.yaml")]
        )
    findings = [
        _finding(name, line, "DUPLICATE-KEY", f"key {_show(p)} is given twice",
                 _HINTS["DUPLICATE-KEY"])
        for p, line in dupes
    ]
    return data, lines, findings


def _show(path: Iterable[str | int]) -> str:
    text = ".".join(str(p) for p in path)
    return text if len(text) <= 60 else text[:57] + "..."


def _finding(file: str, line: int, rule_id: str, message: str, hint: str) -> Finding:
    return Finding(file=file, line=line, rule_id=rule_id, severity=Severity.ERROR,
                   message=message, hint=hint)


def _schema_findings(name: str, exc: ValidationError, lines: LineMap) -> list[Finding]:
    out: list[Finding] = []
    for err in exc.errors(include_input=False, include_url=False):
        loc = err["loc"]
        rule_id = _ERROR_RULES.get(err["type"], "SCHEMA-INVALID")
        where = _show(loc) or "(top level)"
        hint = _TYPE_HINTS.get(err["type"], _HINTS[rule_id])
        if rule_id == "UNKNOWN-KEY" and loc:
            close = difflib.get_close_matches(str(loc[-1]), _KNOWN_KEYS, n=1)
            if close:
                hint = f"did you mean '{close[0]}'?"
            message = f"unknown key {where}"
        else:
            message = f"{where}: {err['msg']}"
        out.append(_finding(name, line_of(lines, loc), rule_id, message, hint))
    return out


def check_source(path: str | Path) -> tuple[Policy | None, list[Finding]]:
    """Every finding for the file; the Policy too when its structure is valid.

    Raises ``PolicyUnreadable`` only for files that are not YAML mappings.
    """
    name = str(path)
    data, lines, findings = read_source(path)
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        return None, findings + _schema_findings(name, exc, lines)
    return policy, findings + check_rules(policy, lines, name)


def load_policy(path: str | Path) -> Policy:
    """The policy in ``path``, refused with ``PolicyError`` if any error-level rule fails."""
    policy, findings = check_source(path)
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if policy is None or errors:
        raise PolicyError(errors)
    return policy


def policy_from_mapping(data: dict[str, Any], *, name: str = "<mapping>") -> Policy:
    """Validate an in-memory policy (tests, the service) under the same rules as a file."""
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        raise PolicyError(_schema_findings(name, exc, {})) from None
    errors = [f for f in check_rules(policy, {}, name) if f.severity is Severity.ERROR]
    if errors:
        raise PolicyError(errors)
    return policy


__all__ = ["check_source", "load_policy", "policy_from_mapping", "read_source"]

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


#: Bounds on what a policy file may make the loader do: ``policy check`` also
#: runs on uploaded text (the API), and YAML aliases can make a tiny file
#: expand exponentially ("billion laughs") or refer to itself.
MAX_BYTES = 1 << 20
MAX_NODES = 20_000
MAX_DEPTH = 32


_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a policy file (rule POLICY-NAME-INVALID), or None.

    A plain file name: ASCII letters, digits, ``_ . -``, at most 128 characters, not
    starting with a dot (so never ``.``, ``..`` or a hidden file), no path separator."""
    if not name or len(name) > 128:
        return "a policy name holds 1 to 128 characters"
    if name.startswith(".") or not set(name) <= _NAME_CHARS:
        return "a policy name is a plain file name: letters, digits, _ . - (not a leading dot)"
    return None


def depth_problem(text: str, max_depth: int = MAX_DEPTH) -> int | None:
    """The first line nested deeper than ``max_depth`` (rule YAML-TOO-DEEP), or None.

    A linear pre-scan, run before the YAML parser builds anything (the parser recurses
    and costs minutes on a megabyte of ``[``): it counts open flow brackets outside
    quotes and comments, and the block levels implied by indentation and ``- ``
    items. It over-counts at worst (a refusal names the line), never under-counts."""
    indents: list[int] = []
    flow = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" ")
        if flow == 0 and stripped and not stripped.startswith("#"):
            indent = len(line) - len(stripped)
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            rest = stripped
            while rest.startswith(("- ", "? ")) or rest in ("-", "?"):  # "- - x": nested items
                indent += 2
                indents.append(indent)
                rest = rest[2:].lstrip(" ")
            if len(indents) > max_depth:
                return lineno
        quote = ""
        for i, ch in enumerate(line):
            if quote:
                if ch == quote:
                    quote = ""
            elif ch in "'\"" and (i == 0 or line[i - 1] in " \t[{,:"):
                quote = ch
            elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
                break
            elif ch in "[{":
                flow += 1
                if flow + len(indents) > max_depth:
                    return lineno
            elif ch in "]}":
                flow = max(0, flow - 1)
    return None


class _Refused(yaml.YAMLError):
    """A YAML construct the policy loader does not accept (too big, too deep, complex keys)."""

    def __init__(self, problem: str, node: yaml.Node) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = node.start_mark


class _Walker:
    """Builds plain data and the line map from composed nodes, within the bounds above."""

    def __init__(self, loader: yaml.SafeLoader) -> None:
        self.loader = loader
        self.lines: LineMap = {}
        self.dupes: list[tuple[PathKey, int]] = []
        self.nodes = 0

    def walk(self, node: yaml.Node, path: PathKey) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Refused(f"more than {MAX_NODES} YAML nodes (alias expansion?)", node)
        if len(path) > MAX_DEPTH:
            raise _Refused(f"nested deeper than {MAX_DEPTH} levels (recursive alias?)", node)
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            self.loader.flatten_mapping(node)  # resolves YAML merge keys (<<)
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _Refused("a key must be a plain scalar", key_node)
                key = self.loader.construct_object(key_node)
                child = (*path, str(key))
                line = key_node.start_mark.line + 1
                if key in out:
                    self.dupes.append((child, line))
                self.lines[child] = line
                out[key] = self.walk(value_node, child)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*path, i)) for i, item in enumerate(node.value)]
        try:
            return self.loader.construct_object(node)
        except ValueError:  # e.g. 2026-13-45 looks like a date but is none: let the schema say so
            return node.value


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
            [
                _finding(
                    name,
                    1,
                    "FILE-UNREADABLE",
                    f"cannot read file: {type(exc).__name__}",
                    "check the path and that the file is UTF-8 text",
                )
            ]
        ) from None
    if len(text) > MAX_BYTES or len(text.encode("utf-8")) > MAX_BYTES:
        raise PolicyUnreadable(
            [
                _finding(
                    name,
                    1,
                    "FILE-TOO-LARGE",
                    f"file larger than {MAX_BYTES} bytes",
                    "a policy is a short YAML file; check the path",
                )
            ]
        )
    deep = depth_problem(text)
    if deep is not None:
        raise PolicyUnreadable(
            [
                _finding(
                    name,
                    deep,
                    "YAML-TOO-DEEP",
                    f"not read: nested deeper than {MAX_DEPTH} levels",
                    "a policy needs a few levels of nesting; flatten the file",
                )
            ]
        )
    loader: _Composer | None = None
    try:
        # the reader refuses control characters as it is built: keep it inside the try
        loader = _Composer(text)
        walker = _Walker(loader)
        root = loader.get_single_node()
        data = walker.walk(root, ()) if root is not None else None
    except RecursionError:  # backstop: the pre-scan should have refused it
        raise PolicyUnreadable(
            [
                _finding(
                    name,
                    1,
                    "YAML-TOO-DEEP",
                    "not read: nested too deep",
                    "a policy needs a few levels of nesting; flatten the file",
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "syntax error"
        raise PolicyUnreadable(
            [
                _finding(
                    name,
                    line,
                    "YAML-INVALID",
                    f"not valid YAML: {problem}",
                    "fix the YAML syntax (indentation, colons, quotes)",
                )
            ]
        ) from None
    finally:
        if loader is not None:
            loader.dispose()
    if not isinstance(data, dict):
        raise PolicyUnreadable(
            [
                _finding(
                    name,
                    1,
                    "YAML-INVALID",
                    "a policy must be a YAML mapping of keys",
                    "start from policies/default.yaml",
                )
            ]
        )
    findings = [
        _finding(
            name, line, "DUPLICATE-KEY", f"key {_show(p)} is given twice", _HINTS["DUPLICATE-KEY"]
        )
        for p, line in walker.dupes
    ]
    return data, walker.lines, findings


def _show(path: Iterable[str | int]) -> str:
    text = ".".join(str(p) for p in path)
    return text if len(text) <= 60 else text[:57] + "..."


def _finding(file: str, line: int, rule_id: str, message: str, hint: str) -> Finding:
    return Finding(
        file=file, line=line, rule_id=rule_id, severity=Severity.ERROR, message=message, hint=hint
    )


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

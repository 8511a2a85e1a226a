"""The legal and consistency rules a structurally valid policy can still break.

Each rule has a stable id that auditors and tests refer to; ids never change
meaning. Every rule takes the validated policy and the key-to-line map of its
file, and returns findings; ``check_rules`` runs them all in a fixed order.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable

from redactor.entities import LABELS
from redactor.policy.findings import Finding, LineMap, Severity, line_of
from redactor.policy.model import LabelRule, Policy
from redactor.policy.retention import never_longer

#: Operators after which the My Number can still be recovered or linked by whoever
#: holds the key or the output: a keyed HMAC over a 12-digit space is a lookup table.
MY_NUMBER_SAFE_OPERATORS = frozenset({"replace", "redact"})
#: Labels ``generalize`` knows how to coarsen.
GENERALIZABLE = frozenset({"ADDRESS", "DATE_OF_BIRTH"})

Rule = Callable[[Policy, LineMap, str], list[Finding]]


def _f(
    file: str, line: int, rule_id: str, message: str, hint: str, severity: Severity = Severity.ERROR
) -> Finding:
    return Finding(
        file=file, line=line, rule_id=rule_id, severity=severity, message=message, hint=hint
    )


def _rule_line(policy: Policy, lines: LineMap, label: str, key: str | None = None) -> int:
    """Line of ``labels.<label>[.key]``, or of ``default[.key]`` when the default applies."""
    base: tuple[str, ...] = ("labels", label) if label in policy.labels else ("default",)
    return line_of(lines, (*base, key) if key else base)


def _covered(policy: Policy) -> list[tuple[str, LabelRule]]:
    out: list[tuple[str, LabelRule]] = []
    for label in LABELS:
        rule = policy.labels.get(label, policy.default)
        if rule is not None:
            out.append((label, rule))
    return out


def my_number_retained(policy: Policy, lines: LineMap, file: str) -> list[Finding]:
    rule = policy.labels.get("MY_NUMBER", policy.default)
    if rule is None or not rule.keeps_original:
        return []
    return [
        _f(
            file,
            _rule_line(policy, lines, "MY_NUMBER", "retain_original"),
            "MYNUMBER-RETAINED",
            "MY_NUMBER originals may never be retained (番号法 §20)",
            "set retain_original: P0D for MY_NUMBER",
        )
    ]


def my_number_reversible(policy: Policy, lines: LineMap, file: str) -> list[Finding]:
    out: list[Finding] = []
    rule = policy.labels.get("MY_NUMBER", policy.default)
    if rule is not None and rule.operator not in MY_NUMBER_SAFE_OPERATORS:
        out.append(
            _f(
                file,
                _rule_line(policy, lines, "MY_NUMBER", "operator"),
                "MYNUMBER-REVERSIBLE",
                f"MY_NUMBER may not use operator '{rule.operator}': it keeps, reveals or "
                "links the number (番号法 §20)",
                "use operator: replace or redact for MY_NUMBER",
            )
        )
    if "MY_NUMBER" in policy.keep_allowed:
        index = policy.keep_allowed.index("MY_NUMBER")
        out.append(
            _f(
                file,
                line_of(lines, ("keep_allowed", index)),
                "MYNUMBER-REVERSIBLE",
                "MY_NUMBER may never be allowed to be kept (番号法 §20)",
                "remove MY_NUMBER from keep_allowed",
            )
        )
    return out


def labels_covered(policy: Policy, lines: LineMap, file: str) -> list[Finding]:
    if policy.default is not None:
        return []
    return [
        _f(
            file,
            line_of(lines, ("labels",)),
            "LABEL-UNCOVERED",
            f"label {label} has no rule and the policy declares no default",
            f"add labels.{label} or a default rule",
        )
        for label in LABELS
        if label not in policy.labels
    ]


def unknown_labels(policy: Policy, lines: LineMap, file: str) -> list[Finding]:
    out: list[Finding] = []
    for label in policy.labels:
        if label not in LABELS:
            close = difflib.get_close_matches(label, LABELS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "use a label of LABELS.md"
            out.append(
                _f(
                    file,
                    line_of(lines, ("labels", label)),
                    "UNKNOWN-KEY",
                    f"labels.{label[:40]} is not a known label",
                    hint,
                )
            )
    named: list[tuple[tuple[str | int, ...], str]] = [
        (("keep_allowed", i), label) for i, label in enumerate(policy.keep_allowed)
    ]
    named += [(("deny_list", i, "label"), t.label) for i, t in enumerate(policy.deny_list)]
    for loc, label in named:
        if label not in LABELS:
            out.append(
                _f(
                    file,
                    line_of(lines, loc),
                    "UNKNOWN-LABEL",
                    f"{label[:40]} is not a known label",
                    "use a label of LABELS.md",
                )
            )
    return out


def retention_within_record(policy: Policy, lines: LineMap, file: str) -> list[Finding]:
    record = policy.record_retention.period
    return [
        _f(
            file,
            _rule_line(policy, lines, label, "retain_original"),
            "RETENTION-EXCEEDS-RECORD",
            f"{label} original kept {rule.retain_original} but the record only "
            f"{record} (document class {policy.record_retention.document_class})",
            "shorten retain_original or raise record_retention.document_class",
        )
        for label, rule in _covered(policy)
        if not never_longer(rule.retain_original, record)
    ]


def keep_allowed_only(policy: Policy, lines: LineMap, file: str) -> list[Finding]:
    return [
        _f(
            file,
            _rule_line(policy, lines, label, "operator"),
            "KEEP-NOT-ALLOWED",
            f"{label} uses operator 'keep' but is not listed in keep_allowed",
            f"add {label} to keep_allowed if the policy really means to keep it",
        )
        for label, rule in _covered(policy)
        if rule.operator == "keep" and label not in policy.keep_allowed and label != "MY_NUMBER"
    ]


def operator_fits_label(policy: Policy, lines: LineMap, file: str) -> list[Finding]:
    return [
        _f(
            file,
            _rule_line(policy, lines, label, "operator"),
            "OPERATOR-LABEL",
            f"operator 'generalize' has no meaning for {label}",
            "generalize only ADDRESS or DATE_OF_BIRTH; use replace or pseudonym",
        )
        for label, rule in _covered(policy)
        if rule.operator == "generalize" and label not in GENERALIZABLE
    ]


def originals_reachable(policy: Policy, lines: LineMap, file: str) -> list[Finding]:
    kept = [
        label for label, rule in _covered(policy) if rule.keeps_original and label != "MY_NUMBER"
    ]
    if not kept:
        return []
    out: list[Finding] = []
    where = line_of(lines, ("original_access", "roles"))
    if not policy.original_access.roles:
        out.append(
            _f(
                file,
                where,
                "ORIGINALS-UNREACHABLE",
                f"originals of {', '.join(kept)} are kept but no role may read them",
                "list roles under original_access.roles or set retain_original: P0D",
                Severity.WARNING,
            )
        )
    if not policy.original_access.purpose_required:
        out.append(
            _f(
                file,
                line_of(lines, ("original_access", "purpose_required")),
                "PURPOSE-NOT-REQUIRED",
                "originals are kept but readers need not state a purpose",
                "set original_access.purpose_required: true",
                Severity.WARNING,
            )
        )
    return out


def allow_deny_disjoint(policy: Policy, lines: LineMap, file: str) -> list[Finding]:
    allowed = set(policy.allow_list)
    return [
        _f(
            file,
            line_of(lines, ("deny_list", i)),
            "ALLOW-DENY-CONFLICT",
            f"deny_list entry {i} is also in allow_list; the deny list wins",
            "remove the term from one of the lists",
            Severity.WARNING,
        )
        for i, term in enumerate(policy.deny_list)
        if term.term in allowed
    ]


RULES: tuple[Rule, ...] = (
    my_number_retained,
    my_number_reversible,
    labels_covered,
    unknown_labels,
    retention_within_record,
    keep_allowed_only,
    operator_fits_label,
    originals_reachable,
    allow_deny_disjoint,
)


def check_rules(policy: Policy, lines: LineMap, file: str) -> list[Finding]:
    """All findings of all rules, in rule order then line order."""
    out: list[Finding] = []
    for rule in RULES:
        out.extend(sorted(rule(policy, lines, file), key=lambda f: f.line))
    return out

"""Each rule of `policy check`, on one mutation of the valid default policy at a time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from redactor.policy import check_source

Mutation = Callable[[dict[str, Any]], None]


def _set(path: tuple[str, ...], value: Any) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        node = doc
        for key in path[:-1]:
            node = node.setdefault(key, {})
        node[path[-1]] = value

    return mutate


def _delete(*path: str) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        node = doc
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return mutate


def _both(*mutations: Mutation) -> Mutation:
    def mutate(doc: dict[str, Any]) -> None:
        for m in mutations:
            m(doc)

    return mutate


CASES: list[tuple[str, Mutation, set[str]]] = [
    (
        "my number kept a day",
        _set(("labels", "MY_NUMBER", "retain_original"), "P1D"),
        {"MYNUMBER-RETAINED"},
    ),
    (
        "my number masked",
        _set(("labels", "MY_NUMBER"), {"operator": "mask", "keep_last": 4}),
        {"MYNUMBER-REVERSIBLE"},
    ),
    (
        "my number kept",
        _both(
            _set(("labels", "MY_NUMBER"), {"operator": "keep"}),
            _set(("keep_allowed",), ["MY_NUMBER"]),
        ),
        {"MYNUMBER-REVERSIBLE"},
    ),
    (
        "my number generalized",
        _set(("labels", "MY_NUMBER"), {"operator": "generalize"}),
        {"MYNUMBER-REVERSIBLE", "OPERATOR-LABEL"},
    ),
    (
        "my number pseudonymised",
        _set(("labels", "MY_NUMBER"), {"operator": "pseudonym"}),
        {"MYNUMBER-REVERSIBLE"},
    ),
    (
        "my number left to a retaining default",
        _both(_delete("labels", "MY_NUMBER"), _set(("default", "retain_original"), "P1Y")),
        {"MYNUMBER-RETAINED"},
    ),
    ("my number redacted is fine", _set(("labels", "MY_NUMBER"), {"operator": "redact"}), set()),
    (
        "two labels uncovered",
        _both(_delete("default"), _delete("labels", "PASSPORT"), _delete("labels", "PHONE_NUMBER")),
        {"LABEL-UNCOVERED"},
    ),
    ("uncovered but default declared", _delete("labels", "PASSPORT"), set()),
    (
        "address kept 6 years, record 5",
        _set(("labels", "ADDRESS", "retain_original"), "P6Y"),
        {"RETENTION-EXCEEDS-RECORD"},
    ),
    (
        "kept exactly as long as the record",
        _set(("labels", "ADDRESS", "retain_original"), "P5Y"),
        set(),
    ),
    (
        "366 days is longer than a year",
        _both(
            _set(("record_retention", "document_class"), 1),
            _set(("labels", "ADDRESS", "retain_original"), "P366D"),
        ),
        {"RETENTION-EXCEEDS-RECORD"},
    ),
    ("time part", _set(("labels", "PERSON", "retain_original"), "PT12H"), {"DURATION-INVALID"}),
    ("bare P", _set(("labels", "PERSON", "retain_original"), "P"), {"DURATION-INVALID"}),
    ("a number", _set(("labels", "PERSON", "retain_original"), 30), {"DURATION-INVALID"}),
    ("negative", _set(("labels", "PERSON", "retain_original"), "-P1D"), {"DURATION-INVALID"}),
    (
        "keep_last 5",
        _set(("labels", "PHONE_NUMBER"), {"operator": "mask", "keep_last": 5}),
        {"OPERATOR-PARAM"},
    ),
    (
        "mask_char two chars",
        _set(("labels", "PHONE_NUMBER"), {"operator": "mask", "mask_char": "**"}),
        {"OPERATOR-PARAM"},
    ),
    (
        "mask params on replace",
        _set(("labels", "PHONE_NUMBER", "keep_last"), 2),
        {"OPERATOR-PARAM"},
    ),
    ("token too short", _set(("labels", "PERSON", "token_length"), 2), {"OPERATOR-PARAM"}),
    (
        "token_length on replace",
        _set(("labels", "EMAIL_ADDRESS", "token_length"), 8),
        {"OPERATOR-PARAM"},
    ),
    (
        "valid mask",
        _set(("labels", "PHONE_NUMBER"), {"operator": "mask", "keep_last": 4, "mask_char": "＊"}),
        set(),
    ),
    ("unknown operator", _set(("labels", "PERSON", "operator"), "scramble"), {"SCHEMA-INVALID"}),
    ("unknown top-level key", _set(("retention",), "P1Y"), {"UNKNOWN-KEY"}),
    ("misspelt label", _set(("labels", "PERSONS"), {"operator": "replace"}), {"UNKNOWN-KEY"}),
    ("unknown key in access", _set(("original_access", "role"), ["x"]), {"UNKNOWN-KEY"}),
    (
        "keep without permission",
        _set(("labels", "POSTAL_CODE", "operator"), "keep"),
        {"KEEP-NOT-ALLOWED"},
    ),
    (
        "keep with permission",
        _both(
            _set(("labels", "POSTAL_CODE", "operator"), "keep"),
            _set(("keep_allowed",), ["POSTAL_CODE"]),
        ),
        set(),
    ),
    (
        "generalize a phone",
        _set(("labels", "PHONE_NUMBER", "operator"), "generalize"),
        {"OPERATOR-LABEL"},
    ),
    ("document class 4", _set(("record_retention", "document_class"), 4), {"RETENTION-CLASS"}),
    ("threshold above 1", _set(("labels", "PERSON", "threshold"), 1.5), {"SCHEMA-INVALID"}),
    ("missing owner", _delete("owner"), {"SCHEMA-INVALID"}),
    (
        "deny list with unknown label",
        _set(("deny_list",), [{"term": "x", "label": "NAME"}]),
        {"UNKNOWN-LABEL"},
    ),
    (
        "nobody may read kept originals",
        _set(("original_access", "roles"), []),
        {"ORIGINALS-UNREACHABLE"},
    ),
    (
        "no purpose needed",
        _set(("original_access", "purpose_required"), False),
        {"PURPOSE-NOT-REQUIRED"},
    ),
]


@pytest.mark.parametrize(
    ("mutation", "expected"), [(m, e) for _, m, e in CASES], ids=[name for name, _, _ in CASES]
)
def test_rule_ids_of_one_mutation(
    tmp_path: Path, default_mapping: dict[str, Any], mutation: Mutation, expected: set[str]
) -> None:
    mutation(default_mapping)
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(default_mapping, allow_unicode=True), encoding="utf-8")
    _, findings = check_source(path)
    assert {f.rule_id for f in findings} == expected
    for f in findings:
        assert f.line >= 1 and f.hint and f.file == str(path)


def test_when_key_is_misspelt_then_hint_suggests_the_right_one(
    tmp_path: Path, default_mapping: dict[str, Any]
) -> None:
    default_mapping["labels"]["PERSONN"] = default_mapping["labels"].pop("PERSON")
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(default_mapping, allow_unicode=True), encoding="utf-8")
    _, findings = check_source(path)
    (finding,) = findings
    assert finding.rule_id == "UNKNOWN-KEY"
    assert "PERSON" in finding.hint
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[finding.line - 1].strip().startswith("PERSONN:")

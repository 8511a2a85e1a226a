"""Loading a policy: typed, frozen, refused with line numbers, and its accessors."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from redactor.entities import LABELS
from redactor.policy import Policy, PolicyError, Severity, check_source, load_policy
from redactor.policy.load import policy_from_mapping

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "policies"


def test_when_default_policy_then_identity_and_every_label_are_typed() -> None:
    policy = load_policy(REPO / "policies" / "default.yaml")
    assert (policy.name, policy.version) == ("city-default", "1.0.0")
    assert policy.effective == date(2026, 4, 1)
    assert policy.owner
    assert policy.pseudonym_scope == "caller"
    for label in LABELS:
        assert policy.rule_for(label).operator in {"replace", "pseudonym", "generalize", "redact"}
    assert policy.rule_for("MY_NUMBER").operator == "replace"
    assert policy.threshold("MY_NUMBER") == 0.4
    assert policy.threshold("PERSON") == policy.default_threshold == 0.5
    assert "privacy_officer" in policy.original_viewer_roles
    assert policy.purpose_required is True
    assert "淀川区役所" in policy.allow_list


def test_when_policy_is_loaded_then_it_cannot_be_changed() -> None:
    policy = load_policy(REPO / "policies" / "default.yaml")
    with pytest.raises(ValidationError):
        policy.name = "weaker"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        policy.rule_for("PERSON").operator = "keep"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("created", "record"),
    [
        (datetime(2026, 5, 10, 15, 30), datetime(2032, 4, 1)),  # FY2026 → from 2027-04-01
        (datetime(2026, 3, 31, 23, 59), datetime(2031, 4, 1)),  # FY2025 → from 2026-04-01
        (datetime(2026, 4, 1, 0, 0), datetime(2032, 4, 1)),
    ],
)
def test_record_deadline_counts_from_the_next_first_of_april(
    created: datetime, record: datetime
) -> None:
    policy = load_policy(REPO / "policies" / "default.yaml")
    assert policy.record_deadline(created) == record


def test_original_deadline_is_none_when_not_kept_and_never_for_my_number() -> None:
    policy = load_policy(REPO / "policies" / "default.yaml")
    created = datetime(2026, 5, 10)
    assert policy.original_deadline("PERSON", created) == datetime(2027, 5, 10)
    assert policy.original_deadline("BANK_ACCOUNT", created) is None
    assert policy.original_deadline("MY_NUMBER", created) is None


def test_original_deadline_never_outlives_its_record(default_mapping: dict[str, Any]) -> None:
    # bypass the rules on purpose: even a policy built without check obeys the clamp
    default_mapping["record_retention"]["document_class"] = 1
    default_mapping["record_retention"]["from_next_april"] = False
    default_mapping["labels"]["PERSON"]["retain_original"] = "P3Y"
    default_mapping["labels"]["MY_NUMBER"]["retain_original"] = "P1Y"
    policy = Policy.model_validate(default_mapping)
    created = datetime(2026, 5, 10)
    assert policy.original_deadline("PERSON", created) == datetime(2027, 5, 10)
    assert policy.original_deadline("MY_NUMBER", created) is None


def test_when_label_uncovered_and_no_default_then_rule_for_raises(
    default_mapping: dict[str, Any],
) -> None:
    del default_mapping["default"]
    del default_mapping["labels"]["PASSPORT"]
    policy = Policy.model_validate(default_mapping)
    with pytest.raises(KeyError):
        policy.rule_for("PASSPORT")


def test_when_fixture_breaks_an_error_rule_then_load_refuses_with_line_and_rule() -> None:
    with pytest.raises(PolicyError) as caught:
        load_policy(FIXTURES / "MYNUMBER-RETAINED.yaml")
    (finding,) = caught.value.findings
    assert finding.rule_id == "MYNUMBER-RETAINED"
    assert finding.line == 23
    assert "MYNUMBER-RETAINED" in str(caught.value)
    assert ":23:" in str(caught.value)


def test_when_only_warnings_then_the_policy_loads() -> None:
    policy, findings = check_source(FIXTURES / "ORIGINALS-UNREACHABLE.yaml")
    assert policy is not None
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert load_policy(FIXTURES / "ORIGINALS-UNREACHABLE.yaml").name == policy.name


def test_when_deny_list_holds_a_value_then_messages_do_not_repeat_it(tmp_path: Path) -> None:
    source = (FIXTURES / "ALLOW-DENY-CONFLICT.yaml").read_text(encoding="utf-8")
    path = tmp_path / "p.yaml"
    path.write_text(source.replace("淀川区役所", "山田太郎"), encoding="utf-8")
    _, findings = check_source(path)
    assert findings
    assert all("山田太郎" not in f.format() for f in findings)


def test_policy_from_mapping_applies_the_same_rules(default_mapping: dict[str, Any]) -> None:
    assert policy_from_mapping(default_mapping).name == "city-default"
    default_mapping["labels"]["MY_NUMBER"]["operator"] = "keep"
    default_mapping["keep_allowed"] = ["MY_NUMBER"]
    with pytest.raises(PolicyError) as caught:
        policy_from_mapping(default_mapping)
    assert {f.rule_id for f in caught.value.findings} == {"MYNUMBER-REVERSIBLE"}


def test_label_rules_cannot_be_swapped_after_load() -> None:
    policy = load_policy(REPO / "policies" / "default.yaml")
    with pytest.raises(TypeError):
        policy.labels["MY_NUMBER"] = policy.labels["PERSON"]  # type: ignore[index]
    assert policy.model_dump()["labels"]["PERSON"]["operator"] == "pseudonym"

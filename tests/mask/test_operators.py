"""Each operator of a policy, thresholds, allow and deny lists, and what reaches the vault."""

from __future__ import annotations

from datetime import datetime

import pytest
from mask_support import KEY, NOW, PolicyFactory

from redactor.entities import Entity
from redactor.masking.mask import apply_policy, mask_tail
from redactor.policy import Policy


def _run(text: str, entities: list[Entity], policy: Policy, **kw: object):  # type: ignore[no-untyped-def]
    args: dict[str, object] = {"pseudonym_key": KEY, "caller_id": None, "now": NOW}
    args.update(kw)
    return apply_policy(text, entities, policy, **args)  # type: ignore[arg-type]


TEXT = "電話は090-1234-5678です"
PHONE = Entity(3, 16, "PHONE_NUMBER", 0.9, "r")


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ({"operator": "replace"}, "電話は<PHONE_NUMBER>です"),
        ({"operator": "redact"}, "電話はです"),
        ({"operator": "mask", "keep_last": 4}, "電話は*********5678です"),
        ({"operator": "mask", "keep_last": 0, "mask_char": "＊"}, "電話は" + "＊" * 13 + "です"),
        ({"operator": "mask", "keep_last": 2, "mask_char": "#"}, "電話は###########78です"),
    ],
)
def test_operator_output(
    make_policy: PolicyFactory, rule: dict[str, object], expected: str
) -> None:
    result = _run(TEXT, [PHONE], make_policy({"PHONE_NUMBER": rule}))
    assert result.text == expected


def test_keep_leaves_the_value_only_when_the_policy_allows_it(make_policy: PolicyFactory) -> None:
    policy = make_policy({"POSTAL_CODE": {"operator": "keep"}}, keep_allowed=["POSTAL_CODE"])
    text = "〒532-0011へ"
    assert _run(text, [Entity(0, 9, "POSTAL_CODE", 0.9, "r")], policy).text == text


def test_pseudonym_token_shape(make_policy: PolicyFactory) -> None:
    policy = make_policy({"PERSON": {"operator": "pseudonym", "token_length": 8}})
    result = _run("山田太郎さん", [Entity(0, 4, "PERSON", 0.9, "r")], policy)
    assert result.text[:8] == "<PERSON_" and result.text.endswith(">さん")
    assert len(result.text) == len("<PERSON_12345678>さん")
    assert all(c in "0123456789abcdef" for c in result.text[8:16])


@pytest.mark.parametrize(
    ("value", "keep", "expected"),
    [
        ("0901234", 4, "***1234"),
        ("1234", 4, "****"),  # too short to keep anything without keeping all
        ("12", 4, "**"),
        ("abc", 0, "***"),
        ("", 4, ""),
    ],
)
def test_mask_tail(value: str, keep: int, expected: str) -> None:
    assert mask_tail(value, keep, "*") == expected


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("住所は大阪市淀川区西中島4-6-24です", (3, 18), "住所は大阪市淀川区です"),
        ("住所は〒532-0011 大阪市淀川区西中島4-6-24です", (3, 28), "住所は大阪市淀川区です"),
        ("住所は西中島4-6-24です", (3, 12), "住所は<ADDRESS>です"),
        ("住所は大阪市淀川区です", (3, 9), "住所は<ADDRESS>です"),  # all of it → token
    ],
)
def test_generalize_address(
    default_policy: Policy, text: str, span: tuple[int, int], expected: str
) -> None:
    result = _run(text, [Entity(*span, "ADDRESS", 0.9, "r")], default_policy)
    assert result.text == expected


@pytest.mark.parametrize(
    ("value", "band"),
    [
        ("昭和45年3月2日", "<50代>"),
        ("S45.3.2", "<50代>"),
        ("1970/03/02", "<50代>"),
        ("令和6年11月8日", "<10歳未満>"),
        ("来週の火曜", "<DATE_OF_BIRTH>"),
    ],
)
def test_generalize_birth_date(default_policy: Policy, value: str, band: str) -> None:
    text = f"生年月日{value}"
    result = _run(text, [Entity(4, len(text), "DATE_OF_BIRTH", 0.9, "r")], default_policy)
    assert result.text == f"生年月日{band}"


def test_age_band_follows_the_clock(default_policy: Policy) -> None:
    text = "生年月日1970/03/02"
    entity = Entity(4, len(text), "DATE_OF_BIRTH", 0.9, "r")
    assert _run(text, [entity], default_policy, now=datetime(2020, 3, 1)).text == "生年月日<40代>"
    assert _run(text, [entity], default_policy, now=datetime(2020, 3, 2)).text == "生年月日<50代>"


def test_adjacent_same_label_spans_stay_two_tokens(default_policy: Policy) -> None:
    # Presidio would merge whitespace-separated neighbours; a pseudonym per name must survive
    text = "山田 太郎"
    result = _run(
        text, [Entity(0, 2, "PERSON", 0.9, "r"), Entity(3, 5, "PERSON", 0.9, "r")], default_policy
    )
    first, second = result.text.split(" ")
    assert first.startswith("<PERSON_") and second.startswith("<PERSON_") and first != second


def test_below_threshold_and_allow_listed_entities_are_left_alone(default_policy: Policy) -> None:
    text = "淀川区役所 06-6123-4567 田中"
    entities = [
        Entity(0, 5, "ADDRESS", 0.9, "r"),  # allow-listed facility
        Entity(6, 18, "PHONE_NUMBER", 0.9, "r"),  # allow-listed public number
        Entity(19, 21, "PERSON", 0.49, "r"),  # under the 0.5 threshold
    ]
    result = _run(text, entities, default_policy)
    assert result.text == text
    assert result.entities == ()


def test_allow_list_matches_full_width_forms(default_policy: Policy) -> None:
    text = "０６－６１２３－４５６７"
    assert _run(text, [Entity(0, 12, "PHONE_NUMBER", 0.9, "r")], default_policy).text == text


def test_threshold_is_per_label(make_policy: PolicyFactory) -> None:
    policy = make_policy({"PERSON": {"operator": "replace", "threshold": 0.9}})
    text = "田中 090-1234-5678"
    entities = [Entity(0, 2, "PERSON", 0.8, "r"), Entity(3, 16, "PHONE_NUMBER", 0.8, "r")]
    assert _run(text, entities, policy).text == "田中 <PHONE_NUMBER>"


def test_deny_list_masks_terms_the_analyzer_missed(make_policy: PolicyFactory) -> None:
    policy = make_policy(deny_list=[{"term": "ポチ", "label": "PERSON"}])
    result = _run("ポチとポチ", [], policy)
    assert "ポチ" not in result.text
    assert [e.recognizer for e in result.entities] == ["policy-deny-list"] * 2


def test_vault_holds_only_labels_with_retention_and_never_my_number(default_policy: Policy) -> None:
    text = "田中 090-1234-5678 123456789018 口座1234567"
    entities = [
        Entity(0, 2, "PERSON", 0.9, "r"),
        Entity(3, 16, "PHONE_NUMBER", 0.9, "r"),
        Entity(17, 29, "MY_NUMBER", 0.9, "r"),
        Entity(32, 39, "BANK_ACCOUNT", 0.9, "r"),
    ]
    result = _run(text, entities, default_policy)
    assert [(v.label, v.value) for v in result.originals] == [
        ("PERSON", "田中"),
        ("PHONE_NUMBER", "090-1234-5678"),
    ]
    assert all(
        v.retain_until == datetime(2027, 11, 28, 10, 0, tzinfo=NOW.tzinfo) for v in result.originals
    )
    assert result.record_deadline == datetime(2032, 4, 1, tzinfo=NOW.tzinfo)
    assert "田中" not in repr(result) and "田中" not in repr(result.originals)


def test_my_number_never_vaulted_even_by_an_unchecked_policy(default_policy: Policy) -> None:
    rule = default_policy.rule_for("MY_NUMBER").model_copy(update={"retain_original": "P1Y"})
    unchecked = default_policy.model_copy(
        update={"labels": {**default_policy.labels, "MY_NUMBER": rule}}
    )
    result = _run("123456789018", [Entity(0, 12, "MY_NUMBER", 0.9, "r")], unchecked)
    assert result.originals == ()
    assert result.text == "<MY_NUMBER>"


def test_result_names_its_policy(strict_policy: Policy) -> None:
    result = _run("田中", [Entity(0, 2, "PERSON", 0.9, "r")], strict_policy)
    assert (result.policy_name, result.policy_version) == ("city-strict", "1.0.0")
    assert result.text == "<PERSON>"
    assert result.originals == ()


def test_unknown_label_falls_back_to_its_token(default_policy: Policy) -> None:
    assert _run("abc", [Entity(0, 3, "LOCATION", 0.9, "r")], default_policy).text == "<LOCATION>"


@pytest.mark.parametrize(
    ("entities", "kw", "match"),
    [
        ([Entity(0, 99, "PERSON", 0.9, "r")], {}, "runs past"),
        ([], {"pseudonym_key": b""}, "pseudonym_key"),
    ],
)
def test_malformed_input_is_refused(
    default_policy: Policy, entities: list[Entity], kw: dict[str, object], match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        _run("田中", entities, default_policy, **kw)

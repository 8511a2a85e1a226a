"""Apply a policy to a note and its entities: the masked text and the originals to vault.

Pure: no I/O, no clock, no key store. The key, the caller and ``now`` come in
as arguments so that the service decides them and tests fix them.

Presidio's ``AnonymizerEngine`` does the text surgery (it rewrites spans from
the end so offsets stay valid) and its own ``replace``, ``redact`` and
``keep`` operators are used as they are. Three operators go through its
``custom`` operator with a closure instead, each for a stated reason:

- ``pseudonym``: Presidio's ``hash`` is unkeyed (a dictionary attack on names
  reverses it) and cannot be scoped to a record or a caller; we need an HMAC
  under a key from the key provider, with the scope mixed in.
- ``mask``: Presidio's ``mask`` hides a fixed count of characters per entity
  type, but "keep the last N" needs a count per value.
- ``generalize``: Presidio has no generalizing operator.

Overlaps are resolved here, once, before Presidio sees the entities, so its
own merge heuristics (which join same-type neighbours) never change a result.
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from redactor.entities import Entity
from redactor.masking.generalize import age_band, municipality_of
from redactor.policy.model import LabelRule, Policy
from redactor.results import RedactionResult, VaultItem

DENY_LIST_RECOGNIZER = "policy-deny-list"
_PSEUDONYM_DOMAIN = b"redactor/pseudonym/v1"
_FALLBACK_RULE = LabelRule(operator="replace")


def resolve_overlaps(entities: Iterable[Entity]) -> list[Entity]:
    """Keep a non-overlapping subset: longest first, then highest score.

    Ties fall to the earliest start, then the label name, then the recognizer
    name, so the same input always gives the same output whatever its order.
    The survivors are returned in text order.
    """
    ranked = sorted(
        set(entities),
        key=lambda e: (-(e.end - e.start), -e.score, e.start, e.label, e.recognizer),
    )
    kept: list[Entity] = []
    for candidate in ranked:
        if all(candidate.end <= k.start or k.end <= candidate.start for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda e: (e.start, e.end))


def label_token(label: str) -> str:
    return f"<{label}>"


def pseudonym_token(value: str, label: str, *, key: bytes, scope: str, length: int) -> str:
    """``<PERSON_7f3a>``: an HMAC of the value under ``key``, separated by scope and label.

    The value is NFKC-normalized and stripped of white space first, so
    ``山田 太郎`` and ``山田太郎`` give one token within a scope.
    """
    canonical = "".join(unicodedata.normalize("NFKC", value).split())
    message = b"\x00".join((_PSEUDONYM_DOMAIN, scope.encode(), label.encode(), canonical.encode()))
    digest = hmac.new(key, message, hashlib.sha256).hexdigest()
    return f"<{label}_{digest[:length]}>"


def mask_tail(value: str, keep_last: int, mask_char: str) -> str:
    """All but the last ``keep_last`` characters masked; all when the value is that short."""
    if keep_last <= 0 or len(value) <= keep_last:
        return mask_char * len(value)
    return mask_char * (len(value) - keep_last) + value[-keep_last:]


def generalized(value: str, label: str, now: datetime) -> str:
    """The coarse form of ``value``, or the label token when nothing coarse can be said."""
    if label == "ADDRESS":
        coarse = municipality_of(value)
    elif label == "DATE_OF_BIRTH":
        coarse = age_band(value, now)
    else:
        coarse = None
    return coarse if coarse is not None else label_token(label)


def pseudonym_scope(policy: Policy, text: str, caller_id: str | None, record_id: str | None) -> str:
    """What a pseudonym is stable within: the caller when the policy says so, else the record.

    Without a record id the record is named by a digest of its text, so a
    note masked twice gets the same tokens but two notes do not share them.
    """
    if policy.pseudonym_scope == "caller" and caller_id:
        return f"caller:{caller_id}"
    if record_id:
        return f"record:{record_id}"
    return "record-text:" + hashlib.sha256(text.encode()).hexdigest()


def _operator(
    rule: LabelRule, label: str, *, key: bytes, scope: str, now: datetime
) -> OperatorConfig:
    custom: Callable[[str], str]
    if rule.operator == "replace":
        return OperatorConfig("replace", {"new_value": label_token(label)})
    if rule.operator == "redact":
        return OperatorConfig("redact", {})
    if rule.operator == "keep":
        return OperatorConfig("keep", {})
    if rule.operator == "pseudonym":
        length = rule.pseudonym_length

        def custom(value: str) -> str:
            return pseudonym_token(value, label, key=key, scope=scope, length=length)
    elif rule.operator == "mask":
        keep_last, char = rule.mask_keep_last, rule.mask_character

        def custom(value: str) -> str:
            return mask_tail(value, keep_last, char)
    else:  # generalize

        def custom(value: str) -> str:
            return generalized(value, label, now)

    return OperatorConfig("custom", {"lambda": custom})


def _rule_of(policy: Policy, label: str) -> LabelRule:
    """The label's rule; a label the analyzer invented and no default covers gets its token."""
    rule = policy.labels.get(label)
    if rule is None:
        rule = policy.default
    return rule if rule is not None else _FALLBACK_RULE


def _deny_hits(text: str, policy: Policy) -> list[Entity]:
    hits: list[Entity] = []
    for term in policy.deny_list:
        start = text.find(term.term)
        while start != -1:
            hits.append(
                Entity(start, start + len(term.term), term.label, 1.0, DENY_LIST_RECOGNIZER)
            )
            start = text.find(term.term, start + 1)
    return hits


def _normal(value: str) -> str:
    return "".join(unicodedata.normalize("NFKC", value).split())


def select_entities(text: str, entities: Iterable[Entity], policy: Policy) -> list[Entity]:
    """Entities above their label's threshold and not allow-listed, plus deny-list hits,
    with overlaps resolved."""
    allowed = {_normal(term) for term in policy.allow_list}
    chosen = [
        e
        for e in entities
        if e.score >= policy.threshold(e.label) and _normal(text[e.start : e.end]) not in allowed
    ]
    return resolve_overlaps(chosen + _deny_hits(text, policy))


def apply_policy(
    text: str,
    entities: Iterable[Entity],
    policy: Policy,
    *,
    pseudonym_key: bytes,
    caller_id: str | None,
    now: datetime,
    record_id: str | None = None,
) -> RedactionResult:
    """Mask ``text`` under ``policy`` and list the originals the policy lets the vault keep.

    ``entities`` are on ``text``'s code-point offsets; any that run past the
    text are refused (ValueError) rather than silently clipped.
    """
    entities = list(entities)
    for e in entities:
        if e.end > len(text):
            raise ValueError(f"entity {e.start}..{e.end} runs past a text of {len(text)}")
    if not pseudonym_key:
        raise ValueError("pseudonym_key must not be empty")
    kept = select_entities(text, entities, policy)
    scope = pseudonym_scope(policy, text, caller_id, record_id)
    rules = {e.label: _rule_of(policy, e.label) for e in kept}
    operators = {
        label: _operator(rule, label, key=pseudonym_key, scope=scope, now=now)
        for label, rule in rules.items()
    }
    engine = AnonymizerEngine()  # type: ignore[no-untyped-call]  # cheap: no models
    anonymized = engine.anonymize(
        text=text,
        analyzer_results=[RecognizerResult(e.label, e.start, e.end, e.score) for e in kept],
        operators=operators,
        merge_entities_with_spaces=False,
    )
    originals = []
    for e in kept:
        if e.label not in policy.labels and policy.default is None:
            continue
        until = policy.original_deadline(e.label, now)  # the policy decides, My Number too
        if until is not None:
            originals.append(VaultItem(e.label, e.start, e.end, text[e.start : e.end], until))
    return RedactionResult(
        text=anonymized.text,
        entities=tuple(kept),
        originals=tuple(originals),
        policy_name=policy.name,
        policy_version=policy.version,
        record_deadline=policy.record_deadline(now),
    )

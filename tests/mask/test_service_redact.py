"""The library API ``redactor.redact``: analyzer injected, steps in order, lazy import."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from mask_support import KEY, NOW

import redactor
from redactor.entities import Entity
from redactor.policy import Policy
from redactor.service import redact


class FakeFinder:
    """Finds every occurrence of fixed strings; counts its calls."""

    def __init__(self, terms: dict[str, str]) -> None:
        self.terms, self.calls = terms, 0

    def analyze(self, text: str) -> list[Entity]:
        self.calls += 1
        found = []
        for term, label in self.terms.items():
            start = text.find(term)
            while start != -1:
                found.append(Entity(start, start + len(term), label, 0.9, "fake"))
                start = text.find(term, start + 1)
        return found


class Exploding:
    def analyze(self, text: str) -> list[Entity]:
        raise AssertionError("the analyzer must not run when entities are given")


def test_redact_runs_the_given_analyzer_then_masks(default_policy: Policy) -> None:
    finder = FakeFinder({"山田太郎": "PERSON", "123456789018": "MY_NUMBER"})
    result = redact(
        "山田太郎の番号は123456789018、山田太郎より",
        default_policy,
        analyzer=finder,
        pseudonym_key=KEY,
        caller_id="c-1",
        now=NOW,
    )
    assert finder.calls == 1
    assert "山田太郎" not in result.text and "123456789018" not in result.text
    assert result.text.count(result.text[:12]) == 2  # the same pseudonym twice
    assert "<MY_NUMBER>" in result.text
    assert [v.label for v in result.originals] == ["PERSON", "PERSON"]
    assert result.record_deadline is not None


def test_given_entities_skip_the_analyzer(strict_policy: Policy) -> None:
    result = redact(
        "田中です",
        strict_policy,
        analyzer=Exploding(),
        entities=[Entity(0, 2, "PERSON", 1.0, "gold")],
        now=NOW,
    )
    assert result.text == "<PERSON>です"


def test_without_a_key_pseudonyms_link_nothing_across_calls(default_policy: Policy) -> None:
    finder = FakeFinder({"山田太郎": "PERSON"})
    a = redact("山田太郎、山田太郎", default_policy, analyzer=finder, caller_id="c-1", now=NOW)
    b = redact("山田太郎、山田太郎", default_policy, analyzer=finder, caller_id="c-1", now=NOW)
    first, second = a.text.split("、")
    assert first == second  # stable within the note
    assert a.text != b.text  # a fresh random key per call


def test_now_defaults_to_the_current_time(default_policy: Policy) -> None:
    result = redact("x", default_policy, analyzer=FakeFinder({}))
    assert result.record_deadline is not None and result.record_deadline.tzinfo is not None


def test_package_exposes_redact_lazily() -> None:
    assert redactor.redact is redact
    with pytest.raises(AttributeError):
        redactor.no_such_thing  # noqa: B018


def test_importing_the_package_loads_no_model_library() -> None:
    code = "import sys, redactor; print('spacy' in sys.modules, 'presidio_analyzer' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.slow
def test_with_the_real_analyzer_a_my_number_is_masked(
    default_policy: Policy, analyzer: Any
) -> None:
    text = "個人番号は 3901 9158 0772 です。"
    result = redact(text, default_policy, analyzer=analyzer, pseudonym_key=KEY, now=NOW)
    assert "3901 9158 0772" not in result.text
    assert "MY_NUMBER" in result.label_counts()

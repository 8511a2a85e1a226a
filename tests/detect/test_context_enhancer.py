"""The sparing context enhancer: Presidio's scores and explanations, without needless copies."""

from __future__ import annotations

from typing import Any

import pytest
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from redactor.detect.context_enhancer import SparingContextEnhancer

TEXT = "call phone 12345 or id 67890 and 11111"


def _recognizers() -> list[EntityRecognizer]:
    digits = [Pattern("five digits", r"\d{5}", 0.3)]
    with_context = PatternRecognizer(
        supported_entity="PHONE", patterns=digits, context=["phone"], name="WithContext"
    )
    without = PatternRecognizer(supported_entity="ID", patterns=digits, name="NoContext")
    return [with_context, without]


def _artifacts() -> NlpArtifacts:
    import spacy

    doc = spacy.blank("en")(TEXT)
    artifacts = NlpArtifacts(
        entities=[],
        tokens=doc,
        tokens_indices=[t.idx for t in doc],
        lemmas=[t.text for t in doc],
        nlp_engine=None,
        language="en",
    )
    artifacts.keywords = [t.text for t in doc]  # what an engine's keyword filter would keep
    return artifacts


def _results(recognizers: list[EntityRecognizer], artifacts: NlpArtifacts) -> list[Any]:
    out: list[Any] = []
    for r in recognizers:
        out += r.analyze(TEXT, entities=r.supported_entities, nlp_artifacts=artifacts)
    return out


def _view(results: list[RecognizerResult]) -> list[tuple[Any, ...]]:
    return [
        (r.start, r.end, r.entity_type, r.score, r.analysis_explanation.supportive_context_word)
        for r in results
    ]


@pytest.mark.parametrize("extra_context", [None, ["id"]])
def test_scores_and_explanations_are_presidios(extra_context: list[str] | None) -> None:
    recognizers, artifacts = _recognizers(), _artifacts()
    stock = LemmaContextAwareEnhancer().enhance_using_context(
        TEXT, _results(recognizers, artifacts), artifacts, recognizers, extra_context
    )
    ours = SparingContextEnhancer().enhance_using_context(
        TEXT, _results(recognizers, artifacts), artifacts, recognizers, extra_context
    )
    assert _view(ours) == _view(stock)
    assert any(r.score > 0.3 for r in ours)  # the context word did lift a phone


def test_results_no_context_can_change_pass_through_uncopied() -> None:
    recognizers, artifacts = _recognizers(), _artifacts()
    raw = _results(recognizers, artifacts)
    ours = SparingContextEnhancer().enhance_using_context(TEXT, raw, artifacts, recognizers)
    for before, after in zip(raw, ours, strict=True):
        assert (after is before) == (before.entity_type == "ID")
    assert all(r.score == 0.3 for r in raw)  # the input is never changed

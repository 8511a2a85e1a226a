"""Stock Presidio on ``ja_ginza``, configured as a careful user would: the baseline we beat.

Used by the comparison test and the benchmark, so both measure the same thing:
the full ``ja_ginza`` pipeline, an explicit map of GiNZA's ENE labels to
Presidio entities, and Presidio's own ``PhoneRecognizer`` with the JP region.
Nothing of ours (no normalizer, no Japanese recognizers) takes part.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.predefined_recognizers import PhoneRecognizer, SpacyRecognizer

from redactor.detect.analyze import LANGUAGE, make_nlp_engine
from redactor.entities import Entity

#: GiNZA ENE labels a careful user maps onto our labels.
STOCK_ENTITY_MAP: Mapping[str, str] = {
    "Person": "PERSON",
    "Postal_Address": "ADDRESS",
    "Phone_Number": "PHONE_NUMBER",
    "Email": "EMAIL_ADDRESS",
}


def build_stock_engine(full_nlp: Any) -> AnalyzerEngine:
    """Presidio with GiNZA's NER and the JP PhoneRecognizer, on a fully loaded ``ja_ginza``."""
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    registry.add_recognizer(
        SpacyRecognizer(
            supported_language=LANGUAGE,
            supported_entities=sorted(set(STOCK_ENTITY_MAP.values())),
        )
    )
    registry.add_recognizer(PhoneRecognizer(supported_language=LANGUAGE, supported_regions=["JP"]))
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=make_nlp_engine(full_nlp, STOCK_ENTITY_MAP),
        supported_languages=[LANGUAGE],
    )


def stock_analyze(engine: AnalyzerEngine, text: str) -> list[Entity]:
    return [
        Entity(r.start, r.end, r.entity_type, float(r.score), "stock")
        for r in engine.analyze(text=text, language=LANGUAGE)
        if r.end > r.start
    ]

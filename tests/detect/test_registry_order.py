"""The analyzer's registry hands out its recognizers in the order they were added."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer

from redactor.detect.analyze import OrderedRecognizerRegistry


def _recognizers(n: int) -> list[PatternRecognizer]:
    return [
        PatternRecognizer(
            supported_entity="ADDRESS" if k % 2 else "PHONE_NUMBER",
            patterns=[Pattern(f"p{k}", r"\d", 0.5)],
            name=f"R{k:02d}",
            supported_language="ja",
        )
        for k in range(n)
    ]


def _names(recognizers: list[EntityRecognizer]) -> list[str]:
    return [str(getattr(r, "name", "")) for r in recognizers]


def test_recognizers_come_back_in_the_order_they_were_added() -> None:
    recognizers = _recognizers(24)
    registry = OrderedRecognizerRegistry(supported_languages=["ja"])
    for r in recognizers:
        registry.add_recognizer(r)
    # Presidio's own registry returns them from a set: an order of object addresses
    for _ in range(3):
        got = registry.get_recognizers(language="ja", entities=["ADDRESS", "PHONE_NUMBER"])
        assert _names(got) == _names(list(recognizers))
    only = registry.get_recognizers(language="ja", entities=["ADDRESS"])
    addresses = [r for r in recognizers if "ADDRESS" in r.supported_entities]
    assert _names(only) == _names(list(addresses))

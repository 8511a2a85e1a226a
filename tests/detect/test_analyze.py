"""The analyzer: registry loading, label conflicts, trimmed pipeline, and the stock baseline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from redactor.detect.analyze import RegistryError, load_registry, resolve_label_conflicts
from redactor.entities import Entity
from redactor.evaluate import evaluate, spans_by_id

STRUCTURED = {
    "POSTAL_CODE", "MY_NUMBER", "PHONE_NUMBER", "EMAIL_ADDRESS", "DATE_OF_BIRTH",
    "BANK_ACCOUNT", "PENSION_NUMBER", "HEALTH_INSURANCE_NUMBER", "DRIVERS_LICENSE",
    "RESIDENCE_CARD", "PASSPORT",
}  # fmt: skip


@pytest.mark.parametrize(
    ("yaml_text", "reason"),
    [
        ("language: ja\nrecognizers:\n  - class: os.path.join\n", "not a Presidio recognizer"),
        ("language: ja\nrecognizers:\n  - class: nowhere.Nothing\n", "cannot import"),
        ("language: ja\nrecognizers:\n  - klass: x.Y\n", "needs a 'class'"),
        (
            "language: ja\nrecognizers:\n  - class: recognizers.base.NormalizedPatternRecognizer\n"
            "    enabeld: false\n",
            "unknown keys",
        ),
        ("language: en\nrecognizers: []\n", "language must be"),
        ("recognizers: [\n", "cannot read"),
    ],
)
def test_when_registry_is_wrong_then_it_is_refused_with_a_reason(
    tmp_path: Path, yaml_text: str, reason: str
) -> None:
    path = tmp_path / "registry.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(RegistryError, match=reason):
        load_registry(path)


def test_when_a_recognizer_is_disabled_then_it_is_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "registry.yaml"
    path.write_text(
        "language: ja\nrecognizers:\n"
        "  - class: recognizers.base.NormalizedPatternRecognizer\n    enabled: false\n",
        encoding="utf-8",
    )
    assert load_registry(path) == []


def test_the_shipped_registry_loads() -> None:
    assert load_registry()  # every class it names imports and instantiates


def test_when_two_labels_claim_one_span_then_the_higher_score_wins() -> None:
    a = Entity(0, 12, "MY_NUMBER", 0.9, "a")
    b = Entity(0, 12, "DRIVERS_LICENSE", 0.6, "b")
    c = Entity(20, 25, "PERSON", 0.8, "c")
    assert resolve_label_conflicts([b, c, a]) == [a, c]


def test_what_a_loser_held_outside_the_winner_stays_found_with_its_label() -> None:
    person = Entity(3, 10, "PERSON", 0.88, "p")
    address = Entity(3, 30, "ADDRESS", 0.85, "a")
    assert resolve_label_conflicts([address, person]) == [
        person,
        Entity(10, 30, "ADDRESS", 0.85, "a"),
    ]
    # a piece shorter than two code points is dropped
    assert resolve_label_conflicts([Entity(0, 11, "PHONE_NUMBER", 0.6, "p"), person]) == [
        Entity(0, 3, "PHONE_NUMBER", 0.6, "p"),
        person,
    ]
    assert resolve_label_conflicts([Entity(2, 11, "PHONE_NUMBER", 0.6, "p"), person]) == [person]


def test_when_same_label_overlaps_then_both_stay_for_the_masking_step() -> None:
    a = Entity(0, 10, "ADDRESS", 0.9, "a")
    b = Entity(5, 12, "ADDRESS", 0.6, "b")
    assert resolve_label_conflicts([a, b]) == [a, b]


@pytest.mark.slow
def test_when_unused_pipes_are_excluded_then_ginza_finds_the_same_names(
    nlp: Any, full_nlp: Any, dev_notes: list[dict[str, Any]]
) -> None:
    """Without the parser, sentence boundaries move and the NER's output changes a little
    (12 of 120 dev notes, one of them on a Person); the names it covers do not. We keep
    the parser out, and this test holds that trade to account."""
    assert "parser" not in nlp.pipe_names and "ner" in nlp.pipe_names

    def covered(model: Any) -> int:
        count = 0
        for note in dev_notes:
            ents = [
                (e.start_char, e.end_char) for e in model(note["text"]).ents if e.label_ == "Person"
            ]
            for span in note["spans"]:
                if span["label"] == "PERSON":
                    count += any(s <= span["start"] and span["end"] <= e for s, e in ents)
        return count

    assert covered(nlp) >= covered(full_nlp)


def _predict(analyze: Any, notes: list[dict[str, Any]]) -> dict[str, list[tuple[int, int, str]]]:
    rows = [{"id": n["id"], "entities": [e.to_json() for e in analyze(n["text"])]} for n in notes]
    return spans_by_id(rows, "entities")


@pytest.mark.slow
def test_our_pipeline_leaks_less_than_stock_presidio_on_the_dev_notes(
    analyzer: Any, full_nlp: Any, dev_notes: list[dict[str, Any]]
) -> None:
    from redactor.detect.stock import build_stock_engine, stock_analyze

    stock = build_stock_engine(full_nlp)
    gold = spans_by_id(dev_notes, "spans")
    ours = evaluate(gold, _predict(analyzer.analyze, dev_notes))
    theirs = evaluate(gold, _predict(lambda t: stock_analyze(stock, t), dev_notes))
    assert ours.total.leak < theirs.total.leak
    ours_s = evaluate(gold, _predict(analyzer.analyze, dev_notes), STRUCTURED)
    theirs_s = evaluate(gold, _predict(lambda t: stock_analyze(stock, t), dev_notes), STRUCTURED)
    assert ours_s.total.leak < theirs_s.total.leak


def test_the_loaded_heap_is_left_out_of_later_garbage_collections() -> None:
    import gc

    from redactor.detect.analyze import freeze_loaded_heap

    long_lived = [{"table": i} for i in range(100)]
    before = gc.get_freeze_count()
    freeze_loaded_heap()
    assert gc.get_freeze_count() >= before + len(long_lived)
    assert gc.isenabled()  # frozen, not switched off: the notes' garbage is still collected

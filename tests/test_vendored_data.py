"""The samples in ``tests/data`` match their source, and the recognizers hold on them.

A bare clone runs the quality checks on these samples; where ``../shared`` is
present the full-corpus tests (``tests/recognizers``) run as well, and the
first tests here prove the samples are still what ``build_vendored.py`` makes.
"""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from datafiles import (
    DATA,
    DEV_NOTES,
    JIGYOSYO_SAMPLE,
    STOCKMARK_SAMPLE,
    needs_shared,
    read_jsonl,
)

from recognizers.jp_address_recognizer import JpAddressRecognizer
from redactor.evaluate import LabelScore, evaluate, spans_by_id


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_vendored", DATA / "build_vendored.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_the_vendored_dev_notes_are_the_shared_ones() -> None:
    assert DEV_NOTES.read_bytes() == needs_shared("dev-notes.jsonl").read_bytes()


def test_the_vendored_samples_are_what_the_builder_draws_from_the_full_corpora() -> None:
    build = _builder()
    assert _lines(STOCKMARK_SAMPLE) == build.stockmark_sample(
        needs_shared("stockmark-ner-wikipedia/ner.jsonl")
    )
    assert _lines(JIGYOSYO_SAMPLE) == build.jigyosyo_sample(
        needs_shared("japanpost-zipcode/jigyosyo.utf8.csv")
    )


def test_each_vendored_sample_keeps_its_licence_and_attribution() -> None:
    for folder in ("stockmark-ner-wikipedia", "japanpost-zipcode"):
        readme = (DATA / folder / "README.md").read_text(encoding="utf-8")
        assert "Licence" in readme and "Source" in readme
    assert (DATA / "stockmark-ner-wikipedia" / "LICENSE.md").exists()
    assert (DATA / "japanpost-zipcode" / "UPSTREAM_README.md").exists()
    assert len(read_jsonl(DEV_NOTES)) == 120


TEMPLATES = (
    "住所は{addr}です。",
    "{addr}の前の道路に穴があります",
    "所在地：{addr}\n電話：06-6123-4567",
    "転出先は {addr} とのことです。",
)


def test_when_sampled_jigyosyo_addresses_in_sentences_then_97_percent_are_covered_whole() -> None:
    rec = JpAddressRecognizer()
    with JIGYOSYO_SAMPLE.open(encoding="utf-8", newline="") as fh:
        addresses = [row[3] + row[4] + row[5] + row[6] for row in csv.reader(fh)]
    covered = 0
    for i, addr in enumerate(addresses):
        sentence = TEMPLATES[i % len(TEMPLATES)].format(addr=addr)
        start = sentence.index(addr)
        end = start + len(addr)
        covered += any(
            r.start <= start and end <= r.end for r in rec.analyze(sentence, ["ADDRESS"], None)
        )
    assert len(addresses) == 500
    assert covered / len(addresses) >= 0.97, f"covered {covered}/{len(addresses)}"


def _person_score(analyzer: Any, records: list[dict[str, Any]]) -> LabelScore:
    predictions = analyzer.analyze_batch([r["text"] for r in records])
    rows = [
        {"id": r["id"], "entities": [e.to_json() for e in ents if e.label == "PERSON"]}
        for r, ents in zip(records, predictions, strict=True)
    ]
    gold = [
        {"id": r["id"], "spans": [s for s in r["spans"] if s["label"] == "PERSON"]} for r in records
    ]
    return evaluate(spans_by_id(gold, "spans"), spans_by_id(rows, "entities")).labels["PERSON"]


@pytest.mark.slow
def test_on_the_sampled_wikipedia_sentences_most_names_are_wholly_covered(analyzer: Any) -> None:
    """A floor for bare clones, a few points under the full-corpus bar (85 % covered,
    precision 0.80 on 600 sentences): 168 names carry about ±3 points of sampling error."""
    score = _person_score(analyzer, read_jsonl(STOCKMARK_SAMPLE))
    assert score.gold > 150
    assert 1.0 - score.leak >= 0.80
    assert score.overlap_p >= 0.75

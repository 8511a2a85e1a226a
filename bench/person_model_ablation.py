"""PERSON with and without the learned name model: the ablation (run by hand).

``python bench/person_model_ablation.py [--bars 0.9,0.95] [--json out.json]``

For the analyzer without the ``learned`` source and with it at each confidence
bar, prints PERSON leak (gold span not wholly covered), overlap precision and
the PII-free notes that got any detection, on:

- Stockmark's test split (id number a multiple of 5: never trained on);
- UD Japanese GSD ``test.jsonl``;
- the project's dev notes and the 600-sentence Stockmark sample of
  ``tests/recognizers/test_jp_person_quality.py`` (the bars the suite holds);
- the blind notes' dev half, and their test half as **totals only** (the
  notes are never printed or looked at one by one).

It also prints the model's own cost in ms per note on the blind dev half.
ja_ginza is loaded once; each setting builds its own analyzer. Nothing here
asserts: the closing note of issue 12 and ``recognizers/data/PERSON_MODEL_README.md``
carry the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SHARED = REPO.parent / "shared" / "data"
BLIND = REPO / "tests" / "data" / "blind"
#: the quality test's Stockmark sample (tests/recognizers/test_jp_person_quality.py)
QUALITY_SEED, QUALITY_SIZE = 20240503, 600


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def corpora() -> dict[str, list[dict[str, Any]]]:
    stock = read_jsonl(SHARED / "stockmark-ner-wikipedia" / "ner.jsonl")
    return {
        "stockmark_test": [r for r in stock if int(r["id"].split("-")[1]) % 5 == 0],
        "gsd_test": read_jsonl(SHARED / "ud-japanese-gsd-ne" / "test.jsonl"),
        "quality_stockmark_600": random.Random(QUALITY_SEED).sample(stock, QUALITY_SIZE),
        "dev_notes": read_jsonl(REPO / "tests" / "data" / "dev-notes.jsonl"),
        "blind_dev": read_jsonl(BLIND / "dev.jsonl"),
        "blind_test": read_jsonl(BLIND / "test.jsonl"),
    }


def measure(analyzer: Any, records: list[dict[str, Any]]) -> dict[str, float]:
    """PERSON figures and PII-free notes flagged (any label) over ``records``."""
    from redactor.evaluate import evaluate, spans_by_id

    preds = analyzer.analyze_batch([r["text"] for r in records])
    rows = [
        {"id": r["id"], "entities": [e.to_json() for e in ents]}
        for r, ents in zip(records, preds, strict=True)
    ]
    report = evaluate(spans_by_id(records, "spans"), spans_by_id(rows, "entities"))
    person = evaluate(
        spans_by_id(records, "spans"), spans_by_id(rows, "entities"), labels=["PERSON"]
    ).labels["PERSON"]
    return {
        "gold": person.gold,
        "pred": person.pred,
        "leak": round(person.leak, 4),
        "overlap_p": round(person.overlap_p, 4),
        "overlap_f1": round(person.overlap_f1, 4),
        "pii_free_flagged": report.pii_free_flagged,
        "pii_free_docs": report.pii_free_docs,
    }


def model_cost_ms(records: list[dict[str, Any]]) -> float:
    """Mean ms per note of the learned source alone (features, tagging, marginals)."""
    from recognizers.person.learned_names import learned_name_spans
    from recognizers.person_lexicon import load_person_lexicon

    lex = load_person_lexicon()
    learned_name_spans("warm", lex.is_surname, lex.is_given)
    t0 = time.perf_counter()
    for r in records:
        learned_name_spans(r["text"], lex.is_surname, lex.is_given)
    return round((time.perf_counter() - t0) * 1000 / len(records), 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bars", default="0.9", help="confidence bars to try, comma-separated")
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()

    from recognizers.person import learned_names
    from redactor.detect.analyze import build_analyzer, load_nlp

    data = corpora()
    nlp = load_nlp()
    settings: list[tuple[str, str, float]] = [("without", "off", 0.0)]
    settings += [(f"with@{b}", "on", float(b)) for b in args.bars.split(",")]
    results: dict[str, dict[str, dict[str, float]]] = {}
    for name, switch, bar in settings:
        os.environ[learned_names.ENV_SWITCH] = switch
        learned_names.CONFIDENT_BAR = bar or learned_names.CONFIDENT_BAR
        analyzer = build_analyzer(nlp=nlp)
        results[name] = {corpus: measure(analyzer, recs) for corpus, recs in data.items()}
    head = f"{'corpus':<24}{'setting':<12}{'gold':>6}{'pred':>6}{'leak':>8}{'oP':>8}{'oF1':>8}{'pii-free flagged':>18}"  # noqa: E501
    lines = [head, "-" * len(head)]
    for corpus in data:
        for name in results:
            m = results[name][corpus]
            lines.append(
                f"{corpus:<24}{name:<12}{m['gold']:>6}{m['pred']:>6}{m['leak']:>8.1%}"
                f"{m['overlap_p']:>8.3f}{m['overlap_f1']:>8.3f}"
                f"{m['pii_free_flagged']:>10} of {m['pii_free_docs']:<5}"
            )
    cost = model_cost_ms(data["blind_dev"])
    lines.append(f"learned source alone: {cost} ms per note (blind dev, mean)")
    print("\n".join(lines))
    if args.json:
        args.json.write_text(json.dumps({"results": results, "model_ms_per_note": cost}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

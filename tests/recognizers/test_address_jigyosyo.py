"""Real street addresses from Japan Post's JIGYOSYO list, embedded in call-note sentences.

JIGYOSYO holds the street-level addresses of ~22,000 large business
establishments in all 47 prefectures: the recognizer must cover such an
address *whole* with one ADDRESS span, or a masked note would leak its tail
(the block number or the building). The sample is seeded, so a failure is
reproducible; the rate is computed, not assumed.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from recognizers.jp_address_recognizer import JpAddressRecognizer

JIGYOSYO = Path(__file__).resolve().parents[3] / "shared/data/japanpost-zipcode/jigyosyo.utf8.csv"
SAMPLE_SIZE = 500
SEED = 20260605
REQUIRED_RATE = 0.97
TEMPLATES = (
    "住所は{addr}です。",
    "{addr}の前の道路に穴があります",
    "所在地：{addr}\n電話：06-6123-4567",
    "転出先は {addr} とのことです。",
)


def sample_addresses(path: Path, size: int, seed: int) -> list[str]:
    """Prefecture + municipality + town + street of a seeded random sample of rows."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [row for row in csv.reader(fh) if row[6].strip()]
    picked = random.Random(seed).sample(rows, size)
    return [row[3] + row[4] + row[5] + row[6] for row in picked]


def covered_whole(rec: JpAddressRecognizer, sentence: str, addr: str) -> bool:
    start = sentence.index(addr)
    end = start + len(addr)
    return any(r.start <= start and end <= r.end for r in rec.analyze(sentence, ["ADDRESS"], None))


def test_when_real_jigyosyo_addresses_in_sentences_then_at_least_97_percent_are_covered_whole() -> (
    None
):
    rec = JpAddressRecognizer()
    addresses = sample_addresses(JIGYOSYO, SAMPLE_SIZE, SEED)
    covered = sum(
        covered_whole(rec, TEMPLATES[i % len(TEMPLATES)].format(addr=addr), addr)
        for i, addr in enumerate(addresses)
    )
    rate = covered / len(addresses)
    assert rate >= REQUIRED_RATE, f"covered {covered}/{len(addresses)} = {rate:.3f}"

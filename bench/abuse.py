"""Pathological inputs replayed through the analyzer: ms per 1,000 characters (issue 16).

Run by hand: ``python bench/abuse.py --chars 10000``. A benchmark, never a timed
test: it prints one line per kind (and ``--json`` writes them); nothing asserts a
speed. An ordinary note is measured alongside as the reference.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable

NAMES = "山田太郎佐藤花子鈴木一郎高橋美咲田中健太伊藤由美渡辺翔中村愛"
TOWNS = ("梅田", "曽根崎", "中之島", "天満", "西天満", "堂島", "福島", "野田", "扇町")
DIGITS = ("ぜろ", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう")


def _fill(unit: str, chars: int) -> str:
    return (unit * (chars // max(1, len(unit)) + 1))[:chars]


KINDS: dict[str, Callable[[int], str]] = {
    "ordinary_note": lambda n: _fill("住民から道路の陥没について連絡があり、担当課へ回した。", n),
    "dense_names": lambda n: _fill(NAMES, n),
    "names_with_honorifics": lambda n: _fill("山田さん佐藤様鈴木氏", n),
    "spoken_digits_no": lambda n: _fill("の".join(DIGITS) + "の", n),
    "town_chains": lambda n: _fill("大阪市北区" + "".join(TOWNS), n),
    "digit_run": lambda n: _fill("0123456789", n),
    "hyphen_digits": lambda n: _fill("090-1234-", n),
    "at_signs": lambda n: _fill("a@b.", n),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", default=None, help="write the figures here too")
    args = parser.parse_args()

    from redactor.detect.analyze import build_analyzer

    analyzer = build_analyzer()
    analyzer.analyze("ウォームアップ：山田太郎 090-1234-5678")
    rows = []
    for kind, make in KINDS.items():
        text = make(args.chars)
        best = float("inf")
        for _ in range(args.repeat):
            started = time.perf_counter()
            analyzer.analyze(text)
            best = min(best, time.perf_counter() - started)
        row = {"kind": kind, "chars": len(text), "seconds": round(best, 3),
               "ms_per_1000_chars": round(best * 1000 * 1000 / len(text), 1)}
        rows.append(row)
        print(f"{kind:<24} {len(text):>7} chars  {row['seconds']:>7.3f} s  "
              f"{row['ms_per_1000_chars']:>8.1f} ms/1000 chars", flush=True)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()

"""Pathological inputs replayed through the analyzer: ms per 1,000 characters (issue 16).

Run by hand: ``nice python bench/abuse.py --chars 10000``. A benchmark, never a
timed test: it prints one line per kind (``--json`` writes them too); nothing
asserts a speed. An ordinary note is measured alongside as the reference.

``--baseline REF`` runs the same kinds (this file's ``KINDS``) against the code
of a git ref too: the ref is checked out with ``git worktree`` at
``/tmp/abuse-base`` and this script runs there in a subprocess with
``PYTHONPATH`` pointing at it, then before/after and their ratio are printed
side by side. ``--kinds a,b`` replays only some kinds (to profile one).

``--pool N`` measures what the service answers instead: the request goes through
``SupervisedPool`` with ``N`` analysis processes (the server's default is 2), which
cuts a long note into jobs that the processes analyze side by side; only wall
time is printed then (the CPU is spent in the children).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
BASE_CHECKOUT = Path("/tmp/abuse-base")
#: a kind slower than this for its length misses issue 16's "done when"
LIMIT_S = 1.0

NAMES = "山田太郎佐藤花子鈴木一郎高橋美咲田中健太伊藤由美渡辺翔中村愛"
SURNAMES = ("山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤")
TOWNS = ("梅田", "曽根崎", "中之島", "天満", "西天満", "堂島", "福島", "野田", "扇町")
DIGITS = ("ぜろ", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう")
KANJI_DIGITS = "〇一二三四五六七八九"
INVISIBLES = ("\u200b", "\u00ad", "\ufeff", "\u200e", "\u2060")


def _fill(unit: str, chars: int) -> str:
    return (unit * (chars // max(1, len(unit)) + 1))[:chars]


def _lines(make_line: Callable[[int], str], chars: int) -> str:
    """Lines ``make_line(0), make_line(1), ...`` joined by newlines, cut at ``chars``."""
    out: list[str] = []
    size = 0
    i = 0
    while size < chars:
        line = make_line(i)
        out.append(line)
        size += len(line) + 1
        i += 1
    return "\n".join(out)[:chars]


def _between_every(text: str, sep: str) -> str:
    return sep.join(text)


def _transcript(chars: int) -> str:
    # 500 turns (more when the note is longer): one turn per line, labels alternating.
    turns = max(500, chars // 20)
    width = max(4, chars // turns - 4)  # a two-letter label, a colon, a line break
    body = _fill("はいそうです山田です電話は", width)
    return "\n".join(f"{'職員' if i % 2 else '住民'}：{body}" for i in range(turns))[:chars]


KINDS: dict[str, Callable[[int], str]] = {
    "ordinary_note": lambda n: _fill("住民から道路の陥没について連絡があり、担当課へ回した。", n),
    "ordinary_no_punct": lambda n: _fill("住民から道路の陥没について連絡があり担当課へ回した", n),
    "dense_names": lambda n: _fill(NAMES, n),
    "dense_names_spaced": lambda n: _fill("山田 太郎 佐藤 花子 鈴木 一郎 ", n),
    "names_with_honorifics": lambda n: _fill("山田さん佐藤様鈴木氏", n),
    "names_honorifics_punct": lambda n: _fill("山田さん、佐藤様。鈴木氏、", n),
    "surname_kun_chan": lambda n: _fill("".join(s + h for s, h in zip(SURNAMES, "くんちゃん" * 2,
                                                                     strict=False)), n),
    "kana_names_san": lambda n: _fill("やまださんさとうさんすずきさん", n),
    "katakana_names": lambda n: _fill("ヤマダタロウサトウハナコスズキイチロウ", n),
    "katakana_run": lambda n: _fill("アイウエオカキクケコサシスセソ", n),
    "latin_names": lambda n: _fill("Mr. Owusu Daniel HARRIS NGUYEN Van Hung ", n),
    "latin_run": lambda n: _fill("abcdefghij", n),
    "relation_names": lambda n: _fill("娘の真弓、長女あおい、妻の花子、", n),
    "spoken_digits_no": lambda n: _fill("の".join(DIGITS) + "の", n),
    "spoken_digits": lambda n: _fill("".join(DIGITS), n),
    "kanji_digits": lambda n: _fill(KANJI_DIGITS, n),
    "kanji_digits_no": lambda n: _fill("の".join(KANJI_DIGITS) + "の", n),
    "fullwidth_digits": lambda n: _fill("０１２３４５６７８９", n),
    "digit_run": lambda n: _fill("0123456789", n),
    "digit_groups": lambda n: _fill("1234 5678 9012 ", n),
    "hyphen_digits": lambda n: _fill("090-1234-", n),
    "phone_runs": lambda n: _fill("電話090-1234-5678、", n),
    "phone_spoken": lambda n: _fill("ぜろきゅうぜろのいちにさんよんのごろくななはち、", n),
    "my_number_words": lambda n: _fill("個人番号123456789012マイナンバー", n),
    "dates": lambda n: _fill("昭和45年3月12日生まれ、", n),
    "dates_western": lambda n: _fill("1990/01/02 ", n),
    "postal_codes": lambda n: _fill("〒100-0001", n),
    "town_chains": lambda n: _fill("大阪市北区" + "".join(TOWNS), n),
    "town_chains_kana": lambda n: _fill("おおさかしきたくうめだそねざきなかのしま", n),
    "address_runs": lambda n: _fill("東京都千代田区千代田1-1-1", n),
    "address_block_runs": lambda n: _fill("1丁目2番3号", n),
    "prefecture_chain": lambda n: _fill("東京都大阪府京都府北海道沖縄県", n),
    "at_signs": lambda n: _fill("a@b.", n),
    "emails": lambda n: _fill("taro.yamada@example.co.jp ", n),
    "speaker_labels": lambda n: _fill("職員：住民：", n),
    "transcript_turns": _transcript,
    "transcript_qa": lambda n: _lines(
        lambda i: "職員：お名前は？" if i % 2 == 0 else f"住民：{SURNAMES[i % 10]}です", n),
    "address_qa": lambda n: _lines(
        lambda i: "職員：ご住所は？" if i % 2 == 0 else f"住民：{TOWNS[i % 9]}1-2-3です", n),
    "emoji": lambda n: _fill("😀山田🎉太郎👍", n),
    "emoji_only": lambda n: _fill("😀🎉👍🙏", n),
    "invisible_names": lambda n: _between_every(_fill(NAMES, n // 2), INVISIBLES[0])[:n],
    "invisible_phones": lambda n: _between_every(_fill("090-1234-5678 ", n // 2), "\u00ad")[:n],
    "mixed_invisibles": lambda n: "".join(
        c + INVISIBLES[i % len(INVISIBLES)] for i, c in enumerate(_fill(NAMES, n // 2)))[:n],
    "honorific_only": lambda n: _fill("さん", n),
    "no_particle_run": lambda n: _fill("の", n),
    "newlines": lambda n: _fill("山田\n", n),
}


def _finder(pool: int) -> tuple[Callable[[str], object], Callable[[], None]]:
    """How one text is analyzed: in this process, or as the service does with ``pool``
    supervised processes; and how to let go of them afterwards."""
    from redactor.detect.analyze import build_analyzer

    if not pool:
        analyzer = build_analyzer()
        return analyzer.analyze, lambda: None
    from redactor.detect.supervised import SupervisedPool

    supervised = SupervisedPool(build_analyzer, processes=pool)
    supervised.start()
    return (lambda text: supervised.analyze_batch([text], timeout_s=600.0)), supervised.close


def measure(
    kinds: dict[str, Callable[[int], str]], chars: int, repeat: int, pool: int = 0
) -> list[dict[str, Any]]:
    """Each kind's best time over ``repeat`` runs, analyzed by the code on ``sys.path``."""
    analyze, close = _finder(pool)
    for _ in range(max(1, pool)):
        analyze("ウォームアップ：山田太郎 090-1234-5678")
    rows = []
    try:
        rows = _measure_kinds(analyze, kinds, chars, repeat)
    finally:
        close()
    return rows


def _measure_kinds(analyze: Callable[[str], object], kinds: dict[str, Callable[[int], str]],
                   chars: int, repeat: int) -> list[dict[str, Any]]:
    rows = []
    for kind, make in kinds.items():
        text = make(chars)
        best = cpu = float("inf")
        for _ in range(repeat):
            started, cpu_started = time.perf_counter(), time.process_time()
            analyze(text)
            best = min(best, time.perf_counter() - started)
            cpu = min(cpu, time.process_time() - cpu_started)
        # CPU seconds too: on a shared machine the wall clock measures the neighbours
        row = {"kind": kind, "chars": len(text), "seconds": round(best, 3),
               "cpu_seconds": round(cpu, 3),
               "ms_per_1000_chars": round(best * 1000 * 1000 / len(text), 1)}
        rows.append(row)
        print(f"{kind:<24} {len(text):>7} chars  {row['seconds']:>7.3f} s  "
              f"{row['cpu_seconds']:>7.3f} s CPU  "
              f"{row['ms_per_1000_chars']:>8.1f} ms/1000 chars", file=sys.stderr, flush=True)
    return rows


def checkout(ref: str) -> Path:
    """``ref``'s tree at ``BASE_CHECKOUT`` (a detached git worktree, replaced if present)."""
    if BASE_CHECKOUT.exists():
        subprocess.run(["git", "worktree", "remove", "--force", str(BASE_CHECKOUT)],
                       cwd=REPO, check=False, capture_output=True)
    subprocess.run(["git", "worktree", "prune"], cwd=REPO, check=False, capture_output=True)
    subprocess.run(["git", "worktree", "add", "--detach", str(BASE_CHECKOUT), ref],
                   cwd=REPO, check=True, capture_output=True)
    return BASE_CHECKOUT


def measure_at(tree: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    """This script's kinds, measured in a subprocess that imports the code of ``tree``."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "rows.json"
        cmd = [sys.executable, str(Path(__file__).resolve()), "--chars", str(args.chars),
               "--repeat", str(args.repeat), "--pool", str(args.pool), "--json", str(out)]
        if args.kinds:
            cmd += ["--kinds", args.kinds]
        env = {**os.environ, "PYTHONPATH": str(tree)}
        # its rows stream on stderr; its own summary line would only repeat ours
        subprocess.run(cmd, cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL)
        rows: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))
    return rows


def side_by_side(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[dict[str, Any]]:
    base = {r["kind"]: r for r in before}
    rows = []
    for r in after:
        b = base.get(r["kind"])
        row = {"kind": r["kind"], "chars": r["chars"],
               "before_s": b["seconds"] if b else None, "after_s": r["seconds"],
               "before_ms_per_1000": b["ms_per_1000_chars"] if b else None,
               "after_ms_per_1000": r["ms_per_1000_chars"],
               "before_cpu_s": b.get("cpu_seconds") if b else None,
               "after_cpu_s": r.get("cpu_seconds"),
               "ratio": round(b["seconds"] / r["seconds"], 2) if b and r["seconds"] else None}
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--chars", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", default=None, help="write the figures here too")
    parser.add_argument("--baseline", default=None, help="a git ref to compare against")
    parser.add_argument("--kinds", default=None, help="comma-separated kinds (default: all)")
    parser.add_argument("--pool", type=int, default=0,
                        help="analysis processes, as the service runs them (0: in this process)")
    args = parser.parse_args()
    kinds = KINDS
    if args.kinds:
        wanted = args.kinds.split(",")
        unknown = [k for k in wanted if k not in KINDS]
        if unknown:
            parser.error(f"unknown kinds: {unknown}")
        kinds = {k: KINDS[k] for k in wanted}

    if not args.baseline:
        rows = measure(kinds, args.chars, args.repeat, args.pool)
        slow = sum(r["seconds"] > LIMIT_S for r in rows)
        print(f"{slow} of {len(rows)} kinds over {LIMIT_S} s", flush=True)
        if args.json:
            Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=2),
                                       encoding="utf-8")
        return

    print(f"baseline {args.baseline}:", file=sys.stderr, flush=True)
    before = measure_at(checkout(args.baseline), args)
    print("this tree:", file=sys.stderr, flush=True)
    after = measure_at(REPO, args)
    rows = side_by_side(before, after)
    print(f"{'kind':<24} {'chars':>6} {'before s':>9} {'after s':>8} {'before ms/1k':>13} "
          f"{'after ms/1k':>12} {'ratio':>7} {'CPU before':>11} {'CPU after':>10}")
    for r in rows:
        print(f"{r['kind']:<24} {r['chars']:>6} {r['before_s']:>9.3f} {r['after_s']:>8.3f} "
              f"{r['before_ms_per_1000']:>13.1f} {r['after_ms_per_1000']:>12.1f} "
              f"{r['ratio']:>6.2f}× {r['before_cpu_s'] or 0:>11.3f} {r['after_cpu_s']:>10.3f}")
    slow_before = sum(r["before_s"] is not None and r["before_s"] > LIMIT_S for r in rows)
    slow_after = sum(r["after_s"] > LIMIT_S for r in rows)
    print(f"kinds over {LIMIT_S} s: {slow_before} of {len(rows)} before, "
          f"{slow_after} of {len(rows)} after", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=2),
                                   encoding="utf-8")


if __name__ == "__main__":
    main()

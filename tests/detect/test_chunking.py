"""Long notes: cut at sentence ends with overlap, results joined on the note's offsets."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from redactor.detect.chunking import Chunk, ChunkConfig, merge_chunk_results, split_chunks
from redactor.entities import Entity


@pytest.mark.parametrize(
    ("text", "config", "count"),
    [
        ("短いメモです。", ChunkConfig(100, 20), 1),
        ("", ChunkConfig(100, 20), 1),
        ("あいうえお。" * 100, ChunkConfig(100, 20), 8),
        ("行です\n" * 200, ChunkConfig(100, 20), 10),
        ("区切りのない長い文字列" * 50, ChunkConfig(100, 20), 7),  # hard cuts
        ("ことば " * 100, ChunkConfig(100, 20), 5),  # cut at spaces
    ],
)
def test_when_a_note_is_split_then_chunks_cover_it_in_order_and_overlap(
    text: str, config: ChunkConfig, count: int
) -> None:
    chunks = split_chunks(text, config)
    assert len(chunks) == count
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    for c in chunks:
        assert text[c.start : c.end] == c.text
        assert len(c.text) <= config.max_chars
    for a, b in itertools.pairwise(chunks):
        assert a.start < b.start <= a.end - config.overlap // 2  # progress, and shared text


def test_when_sentences_end_then_cuts_fall_on_sentence_ends() -> None:
    text = "".join(f"これは{i:03d}番目の文です。" for i in range(100))
    for c in split_chunks(text, ChunkConfig(200, 40))[:-1]:
        assert c.text.endswith("。")


@pytest.mark.parametrize(("max_chars", "overlap"), [(100, 50), (100, 80), (10, -1)])
def test_when_overlap_is_too_large_then_the_config_is_refused(max_chars: int, overlap: int) -> None:
    with pytest.raises(ValueError, match="overlap"):
        ChunkConfig(max_chars, overlap)


def test_when_two_chunks_see_one_entity_then_it_is_reported_once_with_the_best_score() -> None:
    a, b = Chunk(0, "x" * 100), Chunk(80, "x" * 100)
    merged = merge_chunk_results(
        [
            (a, [Entity(85, 95, "PHONE_NUMBER", 0.6, "r"), Entity(95, 100, "PERSON", 0.7, "r")]),
            (b, [Entity(5, 15, "PHONE_NUMBER", 0.9, "r"), Entity(15, 30, "PERSON", 0.8, "r")]),
        ]
    )
    # the truncated PERSON at a's edge (95..100) lies inside b's 95..110: dropped
    assert [(e.start, e.end, e.label, e.score) for e in merged] == [
        (85, 95, "PHONE_NUMBER", 0.9),
        (95, 110, "PERSON", 0.8),
    ]


def test_when_a_note_is_one_chunk_then_its_results_are_untouched() -> None:
    ents = [Entity(0, 10, "ADDRESS", 0.9, "a"), Entity(2, 5, "ADDRESS", 0.6, "b")]
    assert merge_chunk_results([(Chunk(0, "x" * 20), ents)]) == ents


@pytest.mark.slow
def test_when_a_transcript_is_10000_chars_then_entities_equal_those_of_its_parts(
    analyzer: Any, dev_notes: list[dict[str, Any]]
) -> None:
    parts: list[str] = []
    while sum(len(p) + 1 for p in parts) < 10_000:
        parts.append(dev_notes[len(parts) % len(dev_notes)]["text"])
    text = "\n".join(parts)
    assert len(split_chunks(text, analyzer.chunking)) >= 10
    expected: list[tuple[int, int, str]] = []
    offset = 0
    for part, found in zip(parts, analyzer.analyze_batch(parts), strict=True):
        expected += [(e.start + offset, e.end + offset, e.label) for e in found]
        offset += len(part) + 1
    got = [(e.start, e.end, e.label) for e in analyzer.analyze(text)]
    assert got == expected

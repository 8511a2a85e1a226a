"""Cutting a long note into overlapping chunks at sentence ends, and joining the results.

Why: a 10,000-character transcript fed whole to the model costs more than
linear time and memory (the model's batch is padded to its longest doc), and
one slow note holds up every caller behind it. Chunks of about
``max_chars`` characters, cut where a sentence ends (``。！？!?`` or a line
break) and overlapping by about ``overlap`` characters of whole sentences,
keep every entity whole in at least one chunk: an identifier or a name does
not run across a sentence end. Results are shifted back to the note's
offsets; the same entity seen in two chunks is reported once.

Hand-written because spaCy's sentence splitter needs the parser we do not
load, and no library maps chunk results back and merges them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from redactor.entities import Entity

_SENTENCE_END = re.compile(r"[。！？!?\n]+[ \u3000]*")
_SPACE = re.compile(r"[ \u3000\t]+")


@dataclass(frozen=True, slots=True)
class ChunkConfig:
    """How long a note may be before it is cut, and how much neighbouring chunks share."""

    max_chars: int = 1000
    overlap: int = 200

    def __post_init__(self) -> None:
        if not 0 <= self.overlap < self.max_chars // 2:
            raise ValueError("overlap must be below half of max_chars")


@dataclass(frozen=True, slots=True)
class Chunk:
    """``text`` is ``note[start : start + len(text)]``."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_chunks(text: str, config: ChunkConfig = ChunkConfig()) -> list[Chunk]:
    """``text`` as one chunk, or as overlapping chunks cut at sentence ends."""
    n = len(text)
    if n <= config.max_chars:
        return [Chunk(0, text)]
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    spaces = [m.end() for m in _SPACE.finditer(text)]
    chunks: list[Chunk] = []
    start = 0
    while n - start > config.max_chars:
        limit = start + config.max_chars
        # Cut after the last sentence end that leaves room for the overlap;
        # a run-on stretch without one is cut at a space, else hard.
        cut = _last_in(ends, start + config.overlap, limit) or _last_in(
            spaces, start + config.overlap, limit
        )
        cut = cut or limit
        chunks.append(Chunk(start, text[start:cut]))
        # The next chunk starts at a sentence end at least ``overlap`` before the cut.
        nxt = _last_in(ends, start, cut - config.overlap) or _last_in(
            spaces, start, cut - config.overlap
        )
        start = nxt if nxt is not None and nxt > start else cut - config.overlap
    chunks.append(Chunk(start, text[start:]))
    return chunks


def _last_in(points: Sequence[int], low: int, high: int) -> int | None:
    """The last of the sorted ``points`` in ``(low, high]``."""
    best = None
    for p in points:
        if p > high:
            break
        if p > low:
            best = p
    return best


def merge_chunk_results(parts: Iterable[tuple[Chunk, Sequence[Entity]]]) -> list[Entity]:
    """Entities of every chunk on the note's offsets, each entity once.

    The same span and label found in two chunks is kept once, with the higher
    score; a span that lies inside a same-label span found in *another* chunk
    is a truncated sighting at a chunk edge and is dropped. Within one chunk
    nothing is merged, so a note of one chunk comes back exactly as analyzed.
    """
    parts = list(parts)
    if len(parts) == 1:
        return list(parts[0][1])
    best: dict[tuple[int, int, str], tuple[int, Entity]] = {}
    for i, (chunk, entities) in enumerate(parts):
        for e in entities:
            moved = replace(e, start=e.start + chunk.start, end=e.end + chunk.start)
            key = (moved.start, moved.end, moved.label)
            if key not in best or best[key][1].score < moved.score:
                best[key] = (i, moved)
    sightings = list(best.values())
    inside = _inside_another_chunks(sightings)
    kept = [e for k, (_, e) in enumerate(sightings) if k not in inside]
    return sorted(kept, key=lambda e: (e.start, e.end, e.label))


def _inside_another_chunks(sightings: Sequence[tuple[int, Entity]]) -> set[int]:
    """Indexes of the sightings lying inside a same-label sighting of another chunk.

    One sweep per label in order of start, keeping the farthest end seen so
    far of the best chunk and of the best other chunk, instead of comparing
    every pair (a note of 2,000 names made that 4 million comparisons).
    Sightings are distinct (span, label) keys, so one of another chunk that
    covers a span is never the span itself.
    """
    by_label: dict[str, list[int]] = {}
    for k, (_, e) in enumerate(sightings):
        by_label.setdefault(e.label, []).append(k)
    inside: set[int] = set()
    for keys in by_label.values():
        keys.sort(key=lambda k: sightings[k][1].start)
        # (chunk, farthest end) of the chunk reaching farthest, and of the best other chunk
        first: tuple[int, int] | None = None
        second: tuple[int, int] | None = None
        g = 0
        while g < len(keys):
            start = sightings[keys[g]][1].start
            h = g
            while h < len(keys) and sightings[keys[h]][1].start == start:
                chunk, end = sightings[keys[h]][0], sightings[keys[h]][1].end
                if first is None or chunk == first[0]:
                    first = (chunk, max(end, first[1]) if first else end)
                elif end > first[1]:
                    first, second = (chunk, end), first
                elif second is None or chunk == second[0] or end > second[1]:
                    second = (chunk, max(end, second[1]) if second and chunk == second[0] else end)
                h += 1
            for k in keys[g:h]:
                chunk, e = sightings[k]
                other = second if first is not None and first[0] == chunk else first
                if other is not None and e.end <= other[1]:
                    inside.add(k)
            g = h
    return inside

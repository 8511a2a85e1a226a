"""Builds the one Presidio ``AnalyzerEngine`` for Japanese notes and speaks ``Entity``.

The engine is expensive (the ``ja_ginza`` model: ~1.5 s and ~400 MB), so it is
built once per process and injected wherever it is needed. Which recognizers
run is decided by a YAML registry (``redactor/detect/conf/registry.yaml`` by
default), so a deployment can switch one off without touching code.
"""

from __future__ import annotations

import gc
import importlib
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

import yaml
from presidio_analyzer import AnalyzerEngine, EntityRecognizer, RecognizerRegistry, RecognizerResult
from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine

from recognizers.invisible import VisibleText, visible
from recognizers.repeats import repeated_spans
from redactor.detect.chunking import Chunk, ChunkConfig, merge_chunk_results, split_chunks
from redactor.detect.context_enhancer import SparingContextEnhancer
from redactor.detect.focus import DEFAULT_WINDOW, focus_text
from redactor.detect.greedy_ner import use_greedy_ner
from redactor.detect.model_input import model_doc
from redactor.detect.tokenizer import lean_tokenizer
from redactor.entities import LABELS, Entity

LANGUAGE = "ja"
MODEL_NAME = "ja_ginza"
DEFAULT_REGISTRY = Path(__file__).parent / "conf" / "registry.yaml"
DEFAULT_THRESHOLD = 0.5

#: ja_ginza's pipes that no recognizer reads. The NER listens to ``tok2vec``
#: only, so dropping these leaves its output unchanged (tests/test_analyze.py
#: checks that on the dev notes) and halves the model's cost.
EXCLUDED_PIPES: tuple[str, ...] = (
    "parser",
    "morphologizer",
    "compound_splitter",
    "bunsetu_recognizer",
)

#: GiNZA's Extended Named Entity labels that name a Presidio entity. Explicit,
#: so a new model version cannot silently start reporting ``City`` as PII.
GINZA_ENTITY_MAP: Mapping[str, str] = {"Person": "PERSON"}


class EntityFinder(Protocol):
    """What the rest of the service needs from an analyzer (tests pass fakes)."""

    def analyze(self, text: str) -> list[Entity]: ...


class RegistryError(ValueError):
    """The recognizer registry YAML is malformed or names an unknown recognizer."""


_REGISTRY_KEYS = {"class", "enabled", "context"}


def load_registry(path: Path = DEFAULT_REGISTRY) -> list[EntityRecognizer]:
    """Instantiate the recognizers a registry file switches on, refusing anything unknown."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RegistryError(f"cannot read recognizer registry {path}: {exc}") from exc
    if not isinstance(raw, dict) or set(raw) - {"language", "recognizers"}:
        raise RegistryError(f"{path}: expected keys 'language' and 'recognizers'")
    if raw.get("language", LANGUAGE) != LANGUAGE:
        raise RegistryError(f"{path}: language must be {LANGUAGE!r}")
    recognizers: list[EntityRecognizer] = []
    for i, entry in enumerate(raw.get("recognizers") or [], 1):
        if not isinstance(entry, dict) or "class" not in entry:
            raise RegistryError(f"{path}: recognizer #{i} needs a 'class'")
        unknown = set(entry) - _REGISTRY_KEYS
        if unknown:
            raise RegistryError(f"{path}: recognizer #{i}: unknown keys {sorted(unknown)}")
        if not entry.get("enabled", True):
            continue
        cls = _import_recognizer(str(entry["class"]), path, i)
        kwargs: dict[str, Any] = {}
        if "context" in entry:
            kwargs["context"] = list(entry["context"])
        recognizers.append(cls(**kwargs))
    return recognizers


def _import_recognizer(dotted: str, path: Path, i: int) -> type[EntityRecognizer]:
    module_name, _, class_name = dotted.rpartition(".")
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError, ValueError) as exc:
        raise RegistryError(f"{path}: recognizer #{i}: cannot import {dotted}") from exc
    if not (isinstance(cls, type) and issubclass(cls, EntityRecognizer)):
        raise RegistryError(f"{path}: recognizer #{i}: {dotted} is not a Presidio recognizer")
    return cls


def load_nlp(
    model: str = MODEL_NAME,
    exclude: Sequence[str] = EXCLUDED_PIPES,
    numpy_blas: bool = True,
    greedy_ner: bool = True,
) -> Any:
    """Load the spaCy pipeline from the installed wheel (never from the network).

    Without GiNZA's compound splitter, the tokenizer becomes
    ``LeanJapaneseTokenizer``: no sub-tokens nobody reads, and no readings,
    which spaCy would keep for good in its string store (memory that grows
    with every new name or number). ``numpy_blas``: see ``use_numpy_blas``.
    ``greedy_ner``: the NER decoded by ``redactor.detect.greedy_ner`` (same
    entities, a fraction of the cost); off for the stock baseline.
    """
    import spacy

    nlp = spacy.load(model, exclude=list(exclude))
    if "compound_splitter" not in nlp.pipe_names:
        lean_tokenizer(nlp)
    if numpy_blas:
        use_numpy_blas(nlp)
    if greedy_ner and "ner" in nlp.pipe_names:
        use_greedy_ner(nlp)
    return nlp


def use_numpy_blas(nlp: Any, threads: int = 1) -> None:
    """Run the pipeline's matrix products on numpy's OpenBLAS, one thread per process.

    Why: thinc multiplies through its bundled BLIS by default, which on this
    machine's CPU runs the tok2vec's 768-wide products about three times
    slower than single-threaded OpenBLAS (3.9 ms against 1.2 ms for a
    120×768·768×768 product); the whole analysis of a 400-character note
    drops from ~77 to ~55 ms of CPU, with identical entities on the dev notes
    and 500 Stockmark sentences. One thread: a server runs one worker per
    core, and OpenBLAS's own threads on a busy core made the same product
    twenty times slower. The thread limit is process-wide (numpy's BLAS is).
    """
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    threadpool_limits(limits=threads, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for name in nlp.pipe_names:
        component = nlp.get_pipe(name)
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def make_nlp_engine(nlp: Any, entity_map: Mapping[str, str] = GINZA_ENTITY_MAP) -> SpacyNlpEngine:
    """Wrap an already loaded pipeline, so Presidio neither reloads nor downloads it."""
    config = NerModelConfiguration(
        model_to_presidio_entity_mapping=dict(entity_map),
        labels_to_ignore=[],
        low_score_entity_names=[],
    )
    engine = SpacyNlpEngine(
        models=[{"lang_code": LANGUAGE, "model_name": MODEL_NAME}],
        ner_model_configuration=config,
    )
    engine.nlp = {LANGUAGE: nlp}  # type: ignore[assignment]  # Presidio types it None until load()
    return engine


@dataclass
class Analyzer:
    """Presidio's engine behind the ``EntityFinder`` face: original offsets, our labels."""

    engine: AnalyzerEngine
    thresholds: Mapping[str, float]
    default_threshold: float = DEFAULT_THRESHOLD
    #: labels found by reading the model's output; every other recognizer runs first
    model_labels: frozenset[str] = frozenset(GINZA_ENTITY_MAP.values())
    #: blank the stretches other recognizers claimed before the model reads the note
    blank_claimed: bool = True
    #: run the model only this many tokens around name evidence (None: everywhere)
    focus_window: int | None = DEFAULT_WINDOW
    #: build the model's input from the first tokenization instead of re-tokenizing
    reuse_tokens: bool = True
    chunking: ChunkConfig = field(default_factory=ChunkConfig)
    #: spaCy's memory zones and the pipeline are not thread-safe: one caller at a time
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @property
    def entities(self) -> list[str]:
        supported = set(self.engine.get_supported_entities(language=LANGUAGE))
        return [label for label in LABELS if label in supported]

    def analyze(self, text: str) -> list[Entity]:
        return self.analyze_batch([text], batch_size=1)[0]

    def analyze_batch(self, texts: Iterable[str], batch_size: int = 32) -> list[list[Entity]]:
        """Analyze many notes, feeding the model through ``nlp.pipe``.

        Why two passes: the neural model is the whole cost, and its cost grows
        with the number of tokens. The recognizers that do not read the model
        (structured identifiers, addresses) run first on the original text;
        the stretches they claim, and every stretch far from any evidence of
        a name (``redactor.detect.focus``), are blanked with spaces (same length, so
        offsets hold; a run of spaces is one token) before the model runs,
        and only the recognizers of the model's labels see its output. The
        model's input ``Doc`` is built from the first tokenization
        (``redactor.detect.model_input``): Sudachi runs once per note. A note
        longer than ``chunking.max_chars`` is cut at sentence ends into
        overlapping chunks, so the model's cost stays linear in its length.
        All model work happens inside ``nlp.memory_zone()``, and results
        become ``Entity`` before the zone closes, so the string store of a
        long-running process does not grow with every new note.
        """
        plan = plan_notes(texts, self.chunking)
        return plan.finish(self.analyze_pieces(plan.piece_texts, batch_size))

    def analyze_pieces(self, texts: list[str], batch_size: int = 32) -> list[list[Entity]]:
        """Entities of each piece (a chunk of a visible note, see ``plan_notes``), on the
        piece's own offsets: the model's part of ``analyze_batch``, which supervised worker
        processes run a few pieces at a time (``redactor.detect.supervised``)."""
        # Presidio's NlpEngine type knows neither ``nlp`` nor the Doc → artifacts step.
        nlp_engine: Any = self.engine.nlp_engine
        nlp = nlp_engine.nlp[LANGUAGE]
        model_labels = [e for e in self.entities if e in self.model_labels]
        other_labels = [e for e in self.entities if e not in self.model_labels]
        out: list[list[Entity]] = []
        with self._lock, nlp.memory_zone():
            firsts: list[list[RecognizerResult]] = []
            blanked: list[Any] = []
            for text in texts:
                results: list[RecognizerResult] = []
                # Tokens only (Sudachi, ~1 ms): for recognizers that read them, and focus.
                doc = nlp.make_doc(text)
                if other_labels:
                    tokens = nlp_engine._doc_to_nlp_artifact(doc, LANGUAGE)
                    results = self._run(text, other_labels, tokens)
                firsts.append(results)
                model_text = text
                if self.focus_window is not None:
                    model_text = focus_text(model_text, doc, self.focus_window)
                if self.blank_claimed:
                    model_text = self._blank(model_text, results)
                blanked.append(
                    model_doc(doc, model_text, nlp.make_doc) if self.reuse_tokens else model_text
                )
            docs = nlp.pipe(blanked, batch_size=batch_size) if model_labels else None
            for i, text in enumerate(texts):
                results = firsts[i]
                if docs is not None:
                    artifacts = nlp_engine._doc_to_nlp_artifact(next(docs), LANGUAGE)
                    results = results + self._run(text, model_labels, artifacts)
                out.append(self._to_entities(results))
        return out

    def _run(self, text: str, labels: list[str], artifacts: Any) -> list[RecognizerResult]:
        results: list[RecognizerResult] = self.engine.analyze(
            text=text,
            language=LANGUAGE,
            entities=labels,
            nlp_artifacts=artifacts,
            return_decision_process=True,
        )
        return results

    def _blank(self, text: str, results: Iterable[RecognizerResult]) -> str:
        """``text`` with every confidently claimed span replaced by spaces (same length)."""
        chars = list(text)
        blanked = False
        for r in results:
            if r.end > r.start and r.score >= self.threshold(r.entity_type):
                chars[r.start : r.end] = " " * (r.end - r.start)
                blanked = True
        return "".join(chars) if blanked else text

    def threshold(self, label: str) -> float:
        return self.thresholds.get(label, self.default_threshold)

    def _to_entities(self, results: Iterable[RecognizerResult]) -> list[Entity]:
        entities = [
            Entity(
                start=r.start,
                end=r.end,
                label=r.entity_type,
                score=float(r.score),
                recognizer=str(
                    r.recognition_metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY, "")
                ),
                explanation=_explain(r),
            )
            for r in results
            if r.end > r.start and r.score >= self.threshold(r.entity_type)
        ]
        return entities


@dataclass(frozen=True)
class NotePlan:
    """Notes made visible and cut into chunks: the model-free steps before and after the
    model, so a supervisor can hand the pieces to workers one job at a time and join the
    results exactly as ``Analyzer.analyze_batch`` does."""

    views: tuple[VisibleText, ...]
    pieces: tuple[Chunk, ...]
    owners: tuple[int, ...]

    @property
    def piece_texts(self) -> list[str]:
        return [c.text for c in self.pieces]

    def finish(self, found: Sequence[Sequence[Entity]]) -> list[list[Entity]]:
        """Entities of every note on its original offsets, from each piece's entities."""
        per_note: list[list[tuple[Chunk, Sequence[Entity]]]] = [[] for _ in self.views]
        for chunk, owner, entities in zip(self.pieces, self.owners, found, strict=True):
            per_note[owner].append((chunk, entities))
        return [
            _on_original(view, with_repeats(view.text, merge_chunk_results(parts)))
            for view, parts in zip(self.views, per_note, strict=True)
        ]


def plan_notes(texts: Iterable[str], chunking: ChunkConfig | None = None) -> NotePlan:
    """Each note without its invisible characters, cut into chunks (no model needed)."""
    views = tuple(visible(t) for t in texts)
    pieces: list[Chunk] = []
    owners: list[int] = []
    for i, view in enumerate(views):
        for chunk in split_chunks(view.text, chunking or ChunkConfig()):
            pieces.append(chunk)
            owners.append(i)
    return NotePlan(views, tuple(pieces), tuple(owners))


#: a full name this sure lends its parts to their other occurrences (森 千夏 → 森様)
NAME_PART_REPEAT_SCORE = 0.8


def with_repeats(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """Settle label conflicts, then add every other occurrence of each value found.

    A number read back by the operator or a name repeated in a summary is
    the same PII as where it was found (``recognizers.repeats``); the repeat
    takes the label and score of what it repeats.
    """
    kept = resolve_label_conflicts(entities)
    sure = {i for i, e in enumerate(kept) if e.score >= NAME_PART_REPEAT_SCORE}
    repeats = repeated_spans(text, [(e.start, e.end, e.label) for e in kept], sure)
    if not repeats:
        return kept
    extra = [
        Entity(
            start=r.start,
            end=r.end,
            label=r.label,
            score=kept[r.source].score,
            recognizer="RepeatedValue",
            explanation=f"RepeatedValue; repeats a {r.label} found elsewhere in the note",
        )
        for r in repeats
    ]
    return sorted(kept + extra, key=lambda e: (e.start, e.end, e.label))


def _on_original(view: VisibleText, entities: list[Entity]) -> list[Entity]:
    """Entities found in the visible text, on the original note's code points.

    Every recognizer and the model read the note without its invisible
    characters (``recognizers.invisible``): one zero-width space inside a
    number must not hide it. A span maps back over the invisible characters
    inside it, so masking removes them with the value.
    """
    if not view.changed:
        return entities
    out = []
    for e in entities:
        start, end = view.to_original(e.start, e.end)
        out.append(replace(e, start=start, end=end))
    return out


def _explain(result: RecognizerResult) -> str | None:
    """The decision process in words an auditor can read; never the matched text."""
    exp = result.analysis_explanation
    if exp is None:
        return None
    parts = [f"{exp.recognizer}"]
    if exp.pattern_name:
        parts.append(f"pattern={exp.pattern_name}")
    if exp.validation_result is not None:
        parts.append(f"validated={exp.validation_result}")
    if exp.supportive_context_word:
        parts.append(f"context={exp.supportive_context_word}")
    if exp.textual_explanation:
        parts.append(str(exp.textual_explanation))
    parts.append(f"score={result.score:.2f}")
    return "; ".join(parts)


def resolve_label_conflicts(entities: Sequence[Entity]) -> list[Entity]:
    """Keep one label where recognizers disagree about the same stretch of text.

    Two results that overlap with different labels cannot both be right (a
    12-digit run is a My Number *or* a licence number). The higher score wins,
    then the longer span, then the label order of LABELS.md, so the choice is
    deterministic. Same-label overlaps are left to the masking step.

    What the loser held outside the winner stays found, with the loser's label:
    a name the person rules read into a spoken address (``左京区しもがも`` in
    ``左京区しもがも、まつのきちょう、さんじゅうはち``) must not let the rest of the
    address through. Pieces shorter than ``MIN_REMAINDER`` are dropped.
    """
    order = {label: i for i, label in enumerate(LABELS)}
    ranked = sorted(
        entities,
        key=lambda e: (-e.score, -(e.end - e.start), order.get(e.label, len(order)), e.start),
    )
    kept: list[Entity] = []
    claimed = LabelCover()
    for e in ranked:
        if claimed.other_label_overlaps(e.start, e.end, e.label):
            for start, end in claimed.free_of_others(e.start, e.end, e.label):
                if end - start >= MIN_REMAINDER:
                    kept.append(replace(e, start=start, end=end))
                    claimed.add(start, end, e.label)
            continue
        kept.append(e)
        claimed.add(e.start, e.end, e.label)
    return sorted(kept, key=lambda e: (e.start, e.end, e.label))


#: the shortest piece of a losing span kept outside the winner's
MIN_REMAINDER = 2


class LabelCover:
    """Which labels the kept spans give each code point: an overlap test in the span's length.

    Why: testing each entity against every one kept so far made label
    conflicts quadratic (a note of 2,000 names: 2 million comparisons). An
    empty span overlaps only a span strictly around it, so those few are
    compared the old way, and so is an empty span tested.
    """

    __slots__ = ("_empty", "_labels", "_spans")

    def __init__(self) -> None:
        self._labels: dict[int, set[str]] = {}
        self._empty: list[tuple[int, str]] = []
        self._spans: list[tuple[int, int, str]] = []

    def add(self, start: int, end: int, label: str) -> None:
        self._spans.append((start, end, label))
        if end <= start:
            self._empty.append((start, label))
        for pos in range(start, end):
            self._labels.setdefault(pos, set()).add(label)

    def free_of_others(self, start: int, end: int, label: str) -> list[tuple[int, int]]:
        """The stretches of ``[start, end)`` no span of another label covers."""
        out: list[tuple[int, int]] = []
        run: int | None = None
        for pos in range(start, end):
            labels = self._labels.get(pos)
            free = not labels or labels == {label}
            if free and run is None:
                run = pos
            elif not free and run is not None:
                out.append((run, pos))
                run = None
        if run is not None:
            out.append((run, end))
        return out

    def other_label_overlaps(self, start: int, end: int, label: str) -> bool:
        """Whether a span of another label than ``label`` overlaps ``[start, end)``."""
        if end <= start:  # inside a span, not on a code point
            return any(a < end and start < b and o != label for a, b, o in self._spans)
        for pos in range(start, end):
            labels = self._labels.get(pos)
            if labels and (len(labels) > 1 or label not in labels):
                return True
        return any(start < at < end and other != label for at, other in self._empty)


class OrderedRecognizerRegistry(RecognizerRegistry):
    """Presidio's registry, handing out its recognizers in the order they were added.

    Presidio collects them in a ``set``, whose order follows object addresses and so
    changes from one process to the next; two recognizers finding the same span with
    the same score were then told apart by chance (the explanation named one or the
    other). In the registry's order the same note gets the same result everywhere.
    """

    def get_recognizers(self, *args: Any, **kwargs: Any) -> list[EntityRecognizer]:
        found = super().get_recognizers(*args, **kwargs)
        rank = {id(r): i for i, r in enumerate(self.recognizers)}
        return sorted(found, key=lambda r: (rank.get(id(r), len(rank)), type(r).__name__))


def build_analyzer(
    nlp: Any | None = None,
    registry_path: Path = DEFAULT_REGISTRY,
    thresholds: Mapping[str, float] | None = None,
    default_threshold: float = DEFAULT_THRESHOLD,
    freeze_heap: bool = True,
) -> Analyzer:
    """The service's analyzer: ja_ginza (loaded once) and the registry's recognizers.

    ``freeze_heap``: see ``freeze_loaded_heap`` (off for a caller that builds and drops
    many analyzers in one process).
    """
    nlp_engine = make_nlp_engine(nlp if nlp is not None else load_nlp())
    registry = OrderedRecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in load_registry(registry_path):
        registry.add_recognizer(recognizer)
    engine = AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=[LANGUAGE],
        context_aware_enhancer=SparingContextEnhancer(),
    )
    analyzer = Analyzer(
        engine=engine, thresholds=dict(thresholds or {}), default_threshold=default_threshold
    )
    if freeze_heap:
        freeze_loaded_heap()
    return analyzer


def freeze_loaded_heap() -> None:
    """Leave the objects alive now (the model, the recognizers' tables) out of every
    later garbage collection: ``gc.collect()`` then ``gc.freeze()``.

    Why: they live as long as the process, yet each full collection walked all of
    them again: ~0.1 s of CPU once in every 10,000-character note of names, ~7 % of
    its analysis (issue 16). Frozen objects are still freed when their count drops to
    zero; only a cycle among them would outlive its use, so a process that builds and
    drops analyzers over and over passes ``freeze_heap=False``. Process-wide, as the
    collector is; results do not depend on it.
    """
    gc.collect()
    gc.freeze()

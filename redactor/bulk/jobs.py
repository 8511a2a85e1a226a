"""What a bulk worker does to a batch of items: the ``service`` steps, one analyzer.

A :class:`JobSpec` is all a worker is given (picklable, no key, no note): the
command, the policies, the clock. The worker opens the key provider itself
(``service.open_keys``, as the server does) and loads the analyzer once, so on
Ray nothing secret travels in task arguments. ``texts`` and ``finish`` split a
batch around the analysis, so the local pool can analyze in its processes while
the driver seals; a Ray actor runs all three steps (:meth:`Worker.run`).
"""

from __future__ import annotations

import pickle
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from redactor.audit.report import residual_scores
from redactor.crypto.errors import DecryptionError
from redactor.crypto.keys import KeyProvider
from redactor.crypto.record import open_masked, open_vault
from redactor.entities import Entity
from redactor.policy.model import Policy
from redactor.results import VaultItem
from redactor.service import PreparedRecord, prepare_record
from redactor.store import StoredRecord

IMPORT, REREDACT, RESCAN = "import", "reredact", "rescan"
COMMANDS = (IMPORT, REREDACT, RESCAN)


def ingest_key(note_id: str) -> str:
    """The idempotency key of a note id: the one ``redactor ingest`` uses, so an import
    after an ingest (or a second import) stores nothing twice."""
    return f"ingest:{note_id}"


@dataclass(frozen=True)
class JobSpec:
    """Everything a worker needs but the keys and the analyzer (which it opens itself)."""

    command: str
    now: datetime
    #: the policy of an import or a re-redaction
    policy: Policy | None = None
    #: a re-scan's policies in use, by (name, version): their thresholds decide
    policies: Mapping[tuple[str, str], Policy | None] = field(default_factory=dict)
    batch_size: int = 32

    def __post_init__(self) -> None:
        if self.command not in COMMANDS:
            raise ValueError(f"unknown bulk command {self.command!r}")
        if self.command in (IMPORT, REREDACT) and self.policy is None:
            raise ValueError(f"bulk {self.command} needs a policy")

    @property
    def reredact_suffix(self) -> str:
        """The tail of the idempotency keys a re-redaction under this policy writes."""
        assert self.policy is not None
        return f":{self.policy.name}@{self.policy.version}"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one item: ids, line numbers, labels and ciphertext, never text."""

    kind: str  # prepared | malformed | failed | clean | residual
    source: str
    line: int
    ref: str | None = None  # note id (import) or record id
    prepared: PreparedRecord | None = None
    detail: str = ""
    labels: tuple[str, ...] = ()
    worker: str = ""
    replaces: str | None = None  # re-redaction: the record the new one replaces


@dataclass(slots=True)
class Prep:
    """An item made ready for analysis: the text to analyze, or why there is none."""

    text: str | None
    failure: Outcome | None = None
    record: StoredRecord | None = None
    originals: tuple[VaultItem, ...] = ()


class _Found:
    """Entities already found, in the analyzer's shape (``residual_scores`` asks it)."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self._entities = list(entities)

    def analyze(self, text: str) -> list[Entity]:
        del text
        return self._entities


class Worker:
    """One worker's state: the spec, its key provider and its analyzer (loaded once)."""

    def __init__(self, spec: JobSpec, *, keys: KeyProvider, analyzer: Any) -> None:
        self.spec, self.keys, self.analyzer = spec, keys, analyzer
        #: names this worker in outcomes: the summary counts analyzers loaded
        self.tag = uuid.uuid4().hex[:12]

    # ---- the three steps -----------------------------------------------------
    def texts(self, items: Sequence[Mapping[str, Any]]) -> list[Prep]:
        return [self._prep(item) for item in items]

    def analyze(self, texts: Sequence[str | None]) -> list[list[Entity] | None]:
        """Entities per text (None where there is no text, or its analysis failed)."""
        todo = [t for t in texts if t is not None]
        batch = getattr(self.analyzer, "analyze_batch", None)  # any EntityFinder will do
        try:
            if batch is None:
                raise NotImplementedError
            found: list[list[Entity] | None] = list(batch(todo, batch_size=self.spec.batch_size))
        except Exception:  # one bad note must not sink its batch: retry one by one
            found = []
            for text in todo:
                try:
                    found.append(list(self.analyzer.analyze(text)))
                except Exception:
                    found.append(None)
        it = iter(found)
        return [None if t is None else next(it) for t in texts]

    def finish(self, items: Sequence[Mapping[str, Any]], preps: Sequence[Prep],
               found: Sequence[list[Entity] | None]) -> list[Outcome]:
        return [self._finish(item, prep, ents)
                for item, prep, ents in zip(items, preps, found, strict=True)]

    def run(self, items: Sequence[Mapping[str, Any]]) -> list[Outcome]:
        preps = self.texts(items)
        return self.finish(items, preps, self.analyze([p.text for p in preps]))

    # ---- per item ------------------------------------------------------------
    def _outcome(self, item: Mapping[str, Any], kind: str, **kw: Any) -> Outcome:
        return Outcome(kind, str(item["source"]), int(item["line"]),
                       None if item.get("id") is None else str(item["id"]),
                       worker=self.tag, **kw)

    def _prep(self, item: Mapping[str, Any]) -> Prep:
        if item.get("bad"):
            return Prep(None, self._outcome(item, "malformed", detail=str(item["bad"])))
        if self.spec.command == IMPORT:
            return Prep(str(item["text"]))
        rec: StoredRecord = pickle.loads(item["record"])
        if rec.masked is None:
            return Prep(None, self._outcome(item, "failed", detail="masked note shredded"))
        try:
            masked = open_masked(self.keys, rec.id, rec.masked)
            originals: tuple[VaultItem, ...] = ()
            if self.spec.command == REREDACT:
                originals = tuple(v for p in rec.vault if p.sealed is not None
                                  for v in open_vault(self.keys, rec.id, p.sealed,
                                                      p.retain_until))
        except DecryptionError:
            return Prep(None, self._outcome(item, "failed", detail="undecryptable"))
        return Prep(masked, record=rec, originals=originals)

    def _finish(self, item: Mapping[str, Any], prep: Prep,
                entities: list[Entity] | None) -> Outcome:
        if prep.failure is not None:
            return prep.failure
        if entities is None or prep.text is None:
            return self._outcome(item, "failed", detail="analysis failed")
        try:
            if self.spec.command == IMPORT:
                return self._import(item, prep.text, entities)
            assert prep.record is not None
            if self.spec.command == REREDACT:
                return self._reredact(item, prep, entities)
            return self._rescan(item, prep.record, prep.text, entities)
        except Exception as exc:  # the class only: a message could quote the note
            return self._outcome(item, "failed", detail=type(exc).__name__)

    def _import(self, item: Mapping[str, Any], text: str, entities: list[Entity]) -> Outcome:
        assert self.spec.policy is not None
        caller = item.get("caller")
        prepared = prepare_record(text, self.spec.policy, keys=self.keys, now=self.spec.now,
                                  entities=entities, idempotency_key=ingest_key(str(item["id"])),
                                  caller_id=None if caller is None else str(caller))
        return self._outcome(item, "prepared", prepared=prepared)

    def _reredact(self, item: Mapping[str, Any], prep: Prep, entities: list[Entity]
                  ) -> Outcome:
        """The masked note re-analyzed with today's recognizers and masked under the new
        policy; the vaulted originals the new policy still keeps carry over, never past
        their old deadline. Deadlines run from the note's first storing, not today."""
        policy, rec = self.spec.policy, prep.record
        assert policy is not None and rec is not None and prep.text is not None
        kept = []
        for v in prep.originals:
            deadline = policy.original_deadline(v.label, rec.created_at)
            if deadline is not None:
                kept.append(VaultItem(v.label, v.start, v.end, v.value,
                                      min(deadline, v.retain_until)))
        prepared = prepare_record(prep.text, policy, keys=self.keys, now=rec.created_at,
                                  entities=entities, originals=kept,
                                  idempotency_key=f"reredact:{rec.id}{self.spec.reredact_suffix}")
        return self._outcome(item, "prepared", prepared=prepared, replaces=rec.id)

    def _rescan(self, item: Mapping[str, Any], rec: StoredRecord, masked: str,
                entities: list[Entity]) -> Outcome:
        policy = self.spec.policies.get((rec.policy_name, rec.policy_version))
        best = residual_scores(_Found(entities), masked, policy)
        if not best:
            return self._outcome(item, "clean")
        return self._outcome(item, "residual", labels=tuple(sorted(best)))

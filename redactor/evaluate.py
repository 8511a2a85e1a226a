"""Scores predicted spans against gold spans the way a redaction is judged.

Precision and recall are given twice: *exact* (same start, end and label) and
*overlap* (a prediction of the same label that shares a character). The
figure that matters for privacy is the **leak rate**: the share of gold spans
not wholly covered by predicted spans of the same label (several adjacent
predictions may cover one gold span together), because that is what a
redaction would let through. ``total`` leak pools every label.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

Span = tuple[int, int, str]


@dataclass
class LabelScore:
    gold: int = 0
    pred: int = 0
    exact_tp: int = 0
    overlap_tp_pred: int = 0  # predictions that overlap some gold span
    overlap_tp_gold: int = 0  # gold spans that overlap some prediction
    leaked: int = 0

    @staticmethod
    def _ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def exact_p(self) -> float:
        return self._ratio(self.exact_tp, self.pred)

    @property
    def exact_r(self) -> float:
        return self._ratio(self.exact_tp, self.gold)

    @property
    def overlap_p(self) -> float:
        return self._ratio(self.overlap_tp_pred, self.pred)

    @property
    def overlap_r(self) -> float:
        return self._ratio(self.overlap_tp_gold, self.gold)

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def exact_f1(self) -> float:
        return self._f1(self.exact_p, self.exact_r)

    @property
    def overlap_f1(self) -> float:
        return self._f1(self.overlap_p, self.overlap_r)

    @property
    def leak(self) -> float:
        return self.leaked / self.gold if self.gold else 0.0

    def add(self, other: LabelScore) -> None:
        for name in ("gold", "pred", "exact_tp", "overlap_tp_pred", "overlap_tp_gold", "leaked"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Report:
    labels: dict[str, LabelScore] = field(default_factory=dict)
    #: documents scored, those without any gold span, and those of them with a prediction
    docs: int = 0
    pii_free_docs: int = 0
    pii_free_flagged: int = 0

    @property
    def total(self) -> LabelScore:
        total = LabelScore()
        for score in self.labels.values():
            total.add(score)
        return total

    def to_json(self) -> dict[str, dict[str, float | int]]:
        rows = dict(self.labels)
        rows["TOTAL"] = self.total
        return {
            label: {
                "gold": s.gold,
                "pred": s.pred,
                "exact_p": round(s.exact_p, 4),
                "exact_r": round(s.exact_r, 4),
                "exact_f1": round(s.exact_f1, 4),
                "overlap_p": round(s.overlap_p, 4),
                "overlap_r": round(s.overlap_r, 4),
                "overlap_f1": round(s.overlap_f1, 4),
                "leak": round(s.leak, 4),
            }
            for label, s in rows.items()
        }

    def format_table(self) -> str:
        head = (
            f"{'label':<24}{'gold':>6}{'pred':>6}  {'P':>6}{'R':>6}{'F1':>6}"
            f"  {'oP':>6}{'oR':>6}{'oF1':>6}  {'leak':>6}"
        )
        lines = [head, "-" * len(head)]
        rows = [*sorted(self.labels.items()), ("TOTAL", self.total)]
        for label, s in rows:
            lines.append(
                f"{label:<24}{s.gold:>6}{s.pred:>6}  {s.exact_p:>6.3f}{s.exact_r:>6.3f}"
                f"{s.exact_f1:>6.3f}  {s.overlap_p:>6.3f}{s.overlap_r:>6.3f}{s.overlap_f1:>6.3f}"
                f"  {s.leak:>6.1%}"
            )
        return "\n".join(lines)


def _covered(gold: Span, preds: Sequence[Span]) -> bool:
    """True when predictions of the gold label cover every character of the gold span."""
    start, end, label = gold
    pos = start
    for p_start, p_end, _ in sorted(p for p in preds if p[2] == label):
        if p_start > pos:
            break
        pos = max(pos, p_end)
        if pos >= end:
            return True
    return pos >= end


def score_document(gold: Sequence[Span], pred: Sequence[Span], report: Report) -> None:
    """Add one document's spans to ``report``."""
    report.docs += 1
    if not gold:
        report.pii_free_docs += 1
        report.pii_free_flagged += bool(pred)
    labels = {s[2] for s in gold} | {s[2] for s in pred}
    for label in labels:
        g = [s for s in gold if s[2] == label]
        p = [s for s in pred if s[2] == label]
        score = report.labels.setdefault(label, LabelScore())
        score.gold += len(g)
        score.pred += len(p)
        gold_set = set(g)
        score.exact_tp += sum(1 for s in p if s in gold_set)
        score.overlap_tp_pred += sum(1 for s in p if any(_overlaps(s, t) for t in g))
        score.overlap_tp_gold += sum(1 for t in g if any(_overlaps(s, t) for s in p))
        score.leaked += sum(1 for t in g if not _covered(t, p))


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(
    gold_docs: Mapping[str, Sequence[Span]],
    pred_docs: Mapping[str, Sequence[Span]],
    labels: Iterable[str] | None = None,
) -> Report:
    """Score every gold document; a document missing from ``pred_docs`` predicts nothing."""
    keep = set(labels) if labels is not None else None
    report = Report()
    for doc_id, gold in gold_docs.items():
        pred = pred_docs.get(doc_id, ())
        if keep is not None:
            gold = [s for s in gold if s[2] in keep]
            pred = [s for s in pred if s[2] in keep]
        score_document(gold, pred, report)
    if keep is not None:
        for label in keep:
            report.labels.setdefault(label, LabelScore())
    return report


def evaluate_by_style(
    gold_rows: Iterable[Mapping[str, object]],
    pred_docs: Mapping[str, Sequence[Span]],
    key: str = "style",
) -> dict[str, Report]:
    """One report per value of the gold rows' ``style`` field (rows without one: ``-``)."""
    groups: dict[str, dict[str, list[Span]]] = defaultdict(dict)
    for row in gold_rows:
        style = str(row.get(key) or "-")
        groups[style].update(spans_by_id([row], "spans"))
    return {style: evaluate(docs, pred_docs) for style, docs in sorted(groups.items())}


def _style_row(name: str, r: Report) -> str:
    t = r.total
    return (
        f"{name:<22}{r.docs:>6}{t.gold:>6}{t.pred:>6}  {t.overlap_p:>6.3f}{t.overlap_r:>6.3f}"
        f"  {t.leak:>6.1%}  {r.pii_free_flagged:>8} of {r.pii_free_docs:<5}"
    )


def format_style_table(reports: Mapping[str, Report]) -> str:
    """Leak and overlap precision per style, and PII-free notes that got a detection."""
    head = (
        f"{'style':<22}{'notes':>6}{'gold':>6}{'pred':>6}  {'oP':>6}{'oR':>6}"
        f"  {'leak':>6}  {'pii-free flagged':>16}"
    )
    lines = [head, "-" * len(head)]
    total = Report()
    for style, r in reports.items():
        lines.append(_style_row(style, r))
        for label, score in r.labels.items():
            total.labels.setdefault(label, LabelScore()).add(score)
        total.docs += r.docs
        total.pii_free_docs += r.pii_free_docs
        total.pii_free_flagged += r.pii_free_flagged
    lines.append(_style_row("TOTAL", total))
    return "\n".join(lines)


def spans_by_id(rows: Iterable[Mapping[str, object]], key: str) -> dict[str, list[Span]]:
    """``{"id": ..., key: [{"start", "end", "label"}]}`` rows → spans per document id."""
    out: dict[str, list[Span]] = defaultdict(list)
    for row in rows:
        doc_id = str(row["id"])
        out[doc_id]  # a document with no spans still counts
        for item in row.get(key) or []:  # type: ignore[attr-defined]
            out[doc_id].append((int(item["start"]), int(item["end"]), str(item["label"])))
    return dict(out)

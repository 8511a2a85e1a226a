"""The auditors' report as one self-contained HTML page, rendered from its JSON data.

Jinja2 with autoescape on; charts are hand-built inline SVG (no JavaScript, no
font, script or stylesheet fetched from anywhere), so the page reads offline on
a city PC and prints on A4 with one section a page. The input is the data of
``report_data.build_report``: ids, labels, counts and dates, never a value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from importlib.resources import files
from typing import Any

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup, escape

#: Okabe-Ito, then a few more: distinguishable in colour and in grey print
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
    "#999999",
    "#882255",
    "#44AA99",
    "#117733",
)
STATUS_TEXT = {"ok": "問題なし", "warn": "注意", "fail": "要対応", "skipped": "未実施"}


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    step = 1.0
    while step * 10 < value:
        step *= 10
    for mult in (1, 2, 4, 8, 10):
        if step * mult >= value:
            return step * mult
    return step * 10  # pragma: no cover


def stacked_bars(
    categories: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    title: str,
    width: int = 680,
    height: int = 280,
) -> Markup:
    """A stacked bar chart as inline SVG: one bar per category, one colour per series."""
    if not categories or not any(v > 0 for vals in series.values() for v in vals):
        return Markup(f'<p class="nodata">{escape(title)}: データなし</p>')
    left, right, top, bottom = 56, 150, 28, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    totals = [sum(vals[i] for vals in series.values()) for i in range(len(categories))]
    ymax = _nice_max(max(totals))
    slot = plot_w / len(categories)
    bar = max(min(slot * 0.7, 48), 1)
    out = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
        f'<text x="{left}" y="16" class="ct">{escape(title)}</text>',
    ]
    for k in range(5):  # grid and y labels
        value = ymax * k / 4
        y = top + plot_h - plot_h * k / 4
        out.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
        )
        label = f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" class="yl">{label}</text>')
    every = max(1, round(len(categories) / 12))
    for i, cat in enumerate(categories):
        x = left + slot * i + (slot - bar) / 2
        y = top + plot_h
        for j, (name, vals) in enumerate(series.items()):
            v = vals[i]
            if v <= 0:
                continue
            h = plot_h * v / ymax
            y -= h
            out.append(
                f'<rect class="mark" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                f'height="{h:.1f}" fill="{PALETTE[j % len(PALETTE)]}">'
                f"<title>{escape(cat)} {escape(name)}: {v:,.0f}</title></rect>"
            )
        if i % every == 0:
            out.append(
                f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" '
                f'class="xl">{escape(cat)}</text>'
            )
    out.append(
        f'<line x1="{left}" x2="{left + plot_w}" y1="{top + plot_h}" '
        f'y2="{top + plot_h}" class="axis"/>'
    )
    for j, name in enumerate(series):  # legend
        y = top + 4 + j * 18
        if y > height - 10:
            break
        out.append(
            f'<rect x="{left + plot_w + 14}" y="{y}" width="12" height="12" '
            f'fill="{PALETTE[j % len(PALETTE)]}"/>'
        )
        out.append(f'<text x="{left + plot_w + 32}" y="{y + 10}" class="lg">{escape(name)}</text>')
    out.append("</svg>")
    return Markup("".join(out))


def _pivot(
    rows: Iterable[Mapping[str, Any]], key: str, series: str, value: str
) -> tuple[list[str], dict[str, list[float]]]:
    table: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for r in rows:
        table[str(r[series])][str(r[key])] += float(r[value])
    cats = sorted({k for vals in table.values() for k in vals})
    return cats, {name: [vals.get(c, 0.0) for c in cats] for name, vals in sorted(table.items())}


def _charts(report: Mapping[str, Any]) -> dict[str, list[Markup]]:
    sec = {s["id"]: s["data"] for s in report["sections"]}
    charts: dict[str, list[Markup]] = defaultdict(list)
    cats, ser = _pivot(sec["records"]["by_month"], "month", "policy", "records")
    charts["records"].append(stacked_bars(cats, ser, title="月別の保存件数（ポリシー版別）"))
    cats, ser = _pivot(sec["pii"]["by_month"], "month", "label", "found")
    charts["pii"].append(stacked_bars(cats, ser, title="月別の検出件数（ラベル別）"))
    ret = sec["retention"]
    charts["retention"].append(
        stacked_bars(
            ["期限到来", "期限内に廃棄", "遅延して廃棄", "未廃棄（期限切れ）"],
            {"件数": [ret["due"], ret["shredded_on_time"], ret["shredded_late"], ret["overdue"]]},
            title="期限到来と廃棄の状況",
        )
    )
    charts["retention"].append(
        stacked_bars(
            [d["month"] for d in ret["next_deadlines"]],
            {"件数": [d["fields"] for d in ret["next_deadlines"]]},
            title="今後の保存期限（月別）",
        )
    )
    views = sec["views"]["by_role_purpose"]
    roles = sorted({v["role"] for v in views})
    charts["views"].append(
        stacked_bars(
            roles,
            {
                "許可": [sum(v["allowed"] for v in views if v["role"] == r) for r in roles],
                "拒否": [sum(v["refused"] for v in views if v["role"] == r) for r in roles],
            },
            title="役割別の原文閲覧",
        )
    )
    cats, ser = _pivot(sec["refusals"]["by_month"], "month", "status", "count")
    charts["refusals"].append(stacked_bars(cats, ser, title="月別の拒否件数（ステータス別）"))
    keys = sec["keys"]["keys"]
    charts["keys"].append(
        stacked_bars(
            [k["id"] for k in keys],
            {"有効なデータ鍵": [k["live_data_keys"] for k in keys]},
            title="鍵ごとの有効なデータ鍵の数",
        )
    )
    return charts


def _pivot_table(
    rows: Iterable[Mapping[str, Any]], key: str, series: str, value: str
) -> dict[str, Any]:
    cats, ser = _pivot(rows, key, series, value)
    return {
        "columns": list(ser),
        "rows": [
            {
                "key": c,
                "values": [int(ser[s][i]) for s in ser],
                "total": int(sum(ser[s][i] for s in ser)),
            }
            for i, c in enumerate(cats)
        ],
    }


def _environment() -> Environment:
    env = Environment(
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["num"] = lambda v: f"{v:,}" if isinstance(v, int) else v
    env.filters["pct"] = lambda v: f"{float(v) * 100:.1f}%"
    env.globals["status_text"] = STATUS_TEXT
    return env


def render_html(report: Mapping[str, Any]) -> str:
    """The page for this report's data (``report_data.build_report``)."""
    template = (files("redactor.audit") / "templates" / "report.html.j2").read_text(
        encoding="utf-8"
    )
    sec = {s["id"]: s for s in report["sections"]}
    tables = {
        "records": _pivot_table(sec["records"]["data"]["by_month"], "month", "policy", "records"),
        "refusals": _pivot_table(sec["refusals"]["data"]["by_month"], "month", "status", "count"),
    }
    return (
        _environment()
        .from_string(template)
        .render(report=report, sec=sec, charts=_charts(report), tables=tables)
    )

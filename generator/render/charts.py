"""Plotly figures for the site, handed to templates as plain JSON (what plotly.js reads).

A chart is a ``Chart``: a fixed id (deterministic output; the page's loader draws it), a Chinese
title, the figure as a JSON-ready dict, and the rows of its data, which the site also offers as
CSV. Colours, fonts and the dark-mode palette are applied in the browser (assets/charts.js), so
the JSON carries data and layout only. Plotly reads a few HTML-like tags in its text, so every
label from a report is HTML-escaped here; Plotly shows the entities as the original characters.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from generator.model import Report


def _merge(into: dict[str, Any], update: dict[str, Any]) -> None:
    for k, v in update.items():
        if isinstance(v, dict) and isinstance(into.get(k), dict):
            _merge(into[k], v)
        else:
            into[k] = v


class _Figure:
    """The few plotly.graph_objects calls used here, on plain dicts. plotly.graph_objects validates
    every property when a figure is built and deep-copies it on export: ~50 ms a chart, 0.25 s a
    report page, minutes at 1,000 reports (benchmarks/README.md). The JSON is the same;
    tests/test_render.py validates every chart against plotly's schema instead."""

    def __init__(self, data: dict[str, Any] | list[dict[str, Any]]) -> None:
        self.data = [data] if isinstance(data, dict) else list(data)
        self.layout: dict[str, Any] = {}

    def update_layout(self, **kw: Any) -> None:
        _merge(self.layout, kw)


class go:  # stands in for plotly.graph_objects
    Figure = _Figure

    @staticmethod
    def Bar(**kw: Any) -> dict[str, Any]:
        return {"type": "bar", **kw}

    @staticmethod
    def Pie(**kw: Any) -> dict[str, Any]:
        return {"type": "pie", **kw}

    @staticmethod
    def Scatter(**kw: Any) -> dict[str, Any]:
        return {"type": "scatter", **kw}


@dataclass
class Chart:
    id: str
    title: str
    figure: dict[str, Any]
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    csv: str = ""  # file name beside the page, set by the page builder
    note: str = ""


def _label(text: object, limit: int = 0) -> str:
    s = " ".join(str(text).split())
    if limit and len(s) > limit:
        s = s[: limit - 1] + "…"
    return html.escape(s, quote=False)


def _num(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(Decimal(str(value).replace(",", "")))
    except ArithmeticError:
        return None


def _figure(fig: _Figure, height: int = 320) -> dict[str, Any]:
    legend = fig.layout.get("legend") or {}
    top = 40 if legend.get("orientation") == "h" and legend.get("y") == 1.02 else 10
    fig.update_layout(height=height, margin={"l": 10, "r": 10, "t": top, "b": 10}, separators=".,")
    return {"data": fig.data, "layout": fig.layout}


def _amount(report: Report, key: str) -> float | None:
    v = report.metrics.get(key)
    return float(v.amount) if v is not None else None


def donut(chart_id: str, title: str, parts: list[tuple[str, float]], unit: str = "万元") -> Chart | None:
    parts = [(k, v) for k, v in parts if v is not None and v > 0]
    if len(parts) < 2:
        return None
    fig = go.Figure(
        go.Pie(
            labels=[_label(k) for k, _ in parts],
            values=[v for _, v in parts],
            hole=0.5,
            sort=False,
            direction="clockwise",
            textinfo="percent",
            textposition="inside",
            hovertemplate="%{label}<br>%{value:,.2f} " + unit + "（%{percent}）<extra></extra>",
        )
    )
    fig.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.05})
    return Chart(chart_id, title, _figure(fig, 340), ["项目", f"金额（{unit}）"], [[k, v] for k, v in parts])


def hbar(
    chart_id: str, title: str, items: list[tuple[str, float]], unit: str = "万元", limit: int = 16
) -> Chart | None:
    items = [(k, v) for k, v in items if v is not None]
    if not items:
        return None
    shown = items[:limit]
    fig = go.Figure(
        go.Bar(
            orientation="h",
            y=[_label(k, 14) for k, _ in shown],
            x=[v for _, v in shown],
            customdata=[_label(k) for k, _ in shown],
            hovertemplate="%{customdata}<br>%{x:,.2f} " + unit + "<extra></extra>",
        )
    )
    fig.update_layout(yaxis={"autorange": "reversed", "automargin": True}, xaxis={"title": {"text": unit}})
    note = f"只显示前 {limit} 项，完整数据见 CSV。" if len(items) > limit else ""
    return Chart(
        chart_id,
        title,
        _figure(fig, 80 + 28 * len(shown)),
        ["项目", f"金额（{unit}）"],
        [[k, v] for k, v in items],
        note=note,
    )


def income_sources(report: Report) -> Chart | None:
    """本年收入 by source: the statutory 收入决算表 (公开02表) total row, else the narrative's shares."""
    parts: list[tuple[str, float]] = []
    table = report.tables.get("公开02表") or {}
    cols = table.get("columns") or []
    for row in table.get("rows") or []:
        if row.get("name") in ("合计", "本年收入合计") and len(cols) > 1:
            for name, value in zip(cols[1:], (row.get("values") or [])[1:]):
                parts.append((str(name).split("/")[-1], _num(value) or 0.0))
            break
    if not any(v for _, v in parts):
        parts = [
            (c["label"], _num(c.get("amount")) or 0.0)
            for c in report.share_claims
            if str(c.get("label", "")).endswith("收入") and "收入决算" in str(c["quote"].section or "")
        ]
    if not any(v for _, v in parts):
        fiscal, other = _amount(report, "income_fiscal"), _amount(report, "income_other")
        parts = [("财政拨款收入", fiscal or 0.0), ("其他收入", other or 0.0)]
    return donut("chart-income", "本年收入来源", parts)


def basic_project(report: Report) -> Chart | None:
    return donut(
        "chart-spending",
        "基本支出与项目支出",
        [("基本支出", _amount(report, "expenditure_basic") or 0.0),
         ("项目支出", _amount(report, "expenditure_project") or 0.0)],
    )  # fmt: skip


def functional(report: Report) -> Chart | None:
    items = sorted(
        (
            (f"{c.get('code') or ''} {c['name']}".strip(), _num(c.get("amount")))
            for c in report.functional_classes
        ),
        key=lambda kv: -(kv[1] or 0),
    )
    return hbar("chart-functional", "按支出功能分类（类级）", [(k, v) for k, v in items if v is not None])


SANGONG_PARTS = [
    ("sangong_abroad", "因公出国（境）费"),
    ("sangong_vehicle_purchase", "公务用车购置费"),
    ("sangong_vehicle_operation", "公务用车运行维护费"),
    ("sangong_reception", "公务接待费"),
]


def sangong(report: Report) -> Chart | None:
    total, budget = _amount(report, "sangong_total"), _amount(report, "sangong_budget")
    if total is None and budget is None:
        return None
    names = ["合计"] + [label for _, label in SANGONG_PARTS]
    finals = [total] + [_amount(report, k) for k, _ in SANGONG_PARTS]
    budgets: list[float | None] = [budget] + [None] * len(SANGONG_PARTS)
    fig = go.Figure(
        [
            go.Bar(name="决算数", x=names, y=finals, hovertemplate="%{x} 决算 %{y:,.2f} 万元<extra></extra>"),
            go.Bar(
                name="全年预算数", x=names, y=budgets, hovertemplate="%{x} 预算 %{y:,.2f} 万元<extra></extra>"
            ),
        ]
    )
    fig.update_layout(
        barmode="group",
        yaxis={"title": {"text": "万元"}},
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
    )
    rows = [[n, f, b] for n, f, b in zip(names, finals, budgets)]
    return Chart(
        "chart-sangong",
        "“三公”经费：决算与预算",
        _figure(fig, 320),
        ["项目", "决算数（万元）", "全年预算数（万元）"],
        rows,
        note="报告只给出“三公”经费合计的预算数时，分项只显示决算数。",
    )


def yoy(report: Report) -> Chart | None:
    seen: set[tuple[str, float]] = set()
    items: list[tuple[str, float, float | None]] = []
    for c in report.yoy_claims:
        change = _num(c.get("change"))
        if change is None or c.get("unit") not in (None, "万元"):
            continue
        sign = -1 if str(c.get("direction") or "").startswith(("减少", "下降", "降低")) else 1
        key = (str(c.get("subject") or ""), sign * change)
        if key in seen:
            continue
        seen.add(key)
        items.append((key[0] or "（未注明）", key[1], _num(c.get("percent"))))
    if not items:
        return None
    shown = items[:20]
    fig = go.Figure(
        go.Bar(
            orientation="h",
            y=[f"{i + 1}. {_label(k, 14)}" for i, (k, _, _) in enumerate(shown)],
            x=[v for _, v, _ in shown],
            customdata=[[_label(k), "" if p is None else f"{p:g}%"] for k, _, p in shown],
            hovertemplate="%{customdata[0]}<br>%{x:+,.2f} 万元 %{customdata[1]}<extra></extra>",
            marker={"color": ["#2e7d32" if v >= 0 else "#c62828" for _, v, _ in shown]},
        )
    )
    fig.update_layout(
        yaxis={"autorange": "reversed", "automargin": True}, xaxis={"title": {"text": "比上年增减（万元）"}}
    )
    return Chart(
        "chart-yoy",
        "报告所述的比上年增减",
        _figure(fig, 80 + 26 * len(shown)),
        ["项目", "增减（万元）", "增减幅度（%）"],
        [[k, v, p] for k, v, p in items],
        note="按报告文字中的“比上年增加/减少”整理；" + ("只显示前 20 项。" if len(items) > 20 else ""),
    )


def report_charts(report: Report) -> list[Chart]:
    built = [income_sources(report), basic_project(report), functional(report), sangong(report), yoy(report)]
    return [c for c in built if c is not None]


TREND_METRICS = [
    ("income_total", "收入总计"),
    ("expenditure_total", "支出总计"),
    ("gpb_expenditure", "一般公共预算财政拨款支出"),
    ("sangong_total", "“三公”经费"),
]


def agency_trend(reports: list[Report]) -> Chart | None:
    years = sorted({r.year for r in reports if r.year is not None})
    if len(years) < 2:
        return None
    by_year = {r.year: r for r in reports}
    traces, rows = [], []
    for key, label in TREND_METRICS:
        ys = [_amount(by_year[y], key) for y in years]
        if sum(v is not None for v in ys) < 2:
            continue
        traces.append(go.Scatter(name=label, x=[str(y) for y in years], y=ys, mode="lines+markers"))
        rows += [[y, label, v] for y, v in zip(years, ys)]
    if not traces:
        return None
    fig = go.Figure(traces)
    fig.update_layout(
        yaxis={"title": {"text": "万元"}},
        xaxis={"type": "category"},
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
    )
    return Chart("chart-trend", "历年变化", _figure(fig, 340), ["年度", "指标", "金额（万元）"], rows)


def overview_expenditure(reports: list[Report]) -> Chart | None:
    items = sorted(
        ((f"{r.year or '?'} {r.agency}", _amount(r, "expenditure_total")) for r in reports),
        key=lambda kv: -(kv[1] or 0),
    )
    return hbar(
        "chart-home-expenditure", "各报告支出总计", [(k, v) for k, v in items if v is not None], limit=12
    )


def overview_sangong(reports: list[Report]) -> Chart | None:
    rows = []
    for r in reports:
        total, budget = _amount(r, "sangong_total"), _amount(r, "sangong_budget")
        if total is None:
            continue
        rows.append((f"{r.year or '?'} {r.agency}", total, budget))
    if not rows:
        return None
    rows.sort(key=lambda t: -t[1])
    rows = rows[:12]
    fig = go.Figure(
        [
            go.Bar(
                name="决算数",
                orientation="h",
                y=[_label(k, 14) for k, _, _ in rows],
                x=[t for _, t, _ in rows],
            ),
            go.Bar(
                name="全年预算数",
                orientation="h",
                y=[_label(k, 14) for k, _, _ in rows],
                x=[b for _, _, b in rows],
            ),
        ]
    )
    fig.update_layout(
        barmode="group",
        yaxis={"autorange": "reversed", "automargin": True},
        xaxis={"title": {"text": "万元"}},
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
    )
    return Chart(
        "chart-home-sangong",
        "“三公”经费：决算与预算",
        _figure(fig, 100 + 44 * len(rows)),
        ["报告", "决算数（万元）", "全年预算数（万元）"],
        [list(t) for t in rows],
    )


def overview_findings(counts: dict[str, dict[str, int]]) -> Chart | None:
    """Findings per rule family and severity (counts: family label → severity → n)."""
    if not any(sum(v.values()) for v in counts.values()):
        return None
    families = sorted(counts, key=lambda f: -sum(counts[f].values()))
    sev = [("error", "错误", "#c62828"), ("warning", "警告", "#ef6c00"), ("info", "提示", "#1565c0")]
    fig = go.Figure(
        [
            go.Bar(name=label, orientation="h", y=families, x=[counts[f].get(key, 0) for f in families],
                   marker={"color": color})
            for key, label, color in sev
        ]
    )  # fmt: skip
    fig.update_layout(
        barmode="stack",
        yaxis={"autorange": "reversed", "automargin": True},
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom", "traceorder": "normal"},
    )
    rows = [[f] + [counts[f].get(k, 0) for k, _, _ in sev] for f in families]
    return Chart(
        "chart-home-findings",
        "各类问题数量",
        _figure(fig, 100 + 30 * len(families)),
        ["类别", "错误", "警告", "提示"],
        rows,
    )

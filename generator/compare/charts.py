"""Plotly figures for the comparison pages, as plain JSON-ready dicts (``fig.to_plotly_json()``
shape: ``{"data": [...], "layout": {...}}``).

Deterministic: fixed ids (``layout.meta.id``), rows in ranking order, traces in a fixed order
(部门汇总 before 单位), no timestamps or random colours, so golden Markdown stays stable.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder

from generator.compare.agencies import SCOPE_LABELS
from generator.compare.indicators import BY_ID, MISSING_LABEL
from generator.compare.tables import ranking

SCOPE_COLOURS = {"department": "#1f5fa8", "unit": "#e08a1e"}
_SCOPE_ORDER = ("department", "unit")


def chart_id(kind: str, indicator_id: str, year: int | None, scope: str | None) -> str:
    return f"{kind}-{indicator_id}-{year or 'all'}-{scope or 'all'}"


def _plain(fig: go.Figure) -> dict[str, Any]:
    # Round-trip through plotly's encoder: numpy arrays and pandas NA become JSON lists/null.
    return json.loads(json.dumps(fig.to_plotly_json(), cls=PlotlyJSONEncoder, sort_keys=True))  # type: ignore[no-any-return]


def _title(indicator_id: str, year: int | None, mixed: bool, missing: list[str]) -> str:
    ind = BY_ID[indicator_id]
    title = f"{year}年度 {ind.title}" if year else ind.title
    notes = []
    if mixed:
        notes.append("注意：部门汇总与单位报告口径不同，并列仅供参考")
    if missing:
        notes.append(f"{MISSING_LABEL}：{'、'.join(missing)}")
    return title + "".join(f"<br><sup>{n}</sup>" for n in notes)


def ranked_bar(
    frame: pd.DataFrame, indicator_id: str, *, year: int | None = None, scope: str | None = None
) -> dict[str, Any]:
    """Horizontal bars, highest first, one trace per scope; reports without the value are named
    in the subtitle as 未披露, never drawn as zero."""
    ind = BY_ID[indicator_id]
    ranked = ranking(frame, indicator_id, year=year, scope=scope)
    present = ranked[ranked["value"].notna()]
    missing = list(ranked[ranked["value"].isna()]["agency"])
    order = list(present["agency"])
    fig = go.Figure()
    for sc in _SCOPE_ORDER:
        part = present[present["scope"] == sc]
        if part.empty:
            continue
        fig.add_trace(
            go.Bar(
                x=[float(v) for v in part["value"]],
                y=list(part["agency"]),
                customdata=[[rid] for rid in part["report_id"]],
                orientation="h",
                name=SCOPE_LABELS[sc],
                marker={"color": SCOPE_COLOURS[sc]},
                hovertemplate=f"%{{y}}<br>{ind.title}：%{{x:,.{ind.decimals}f}} {ind.unit}<extra></extra>",
            )
        )
    mixed = bool(ranked["mixed_scope"].any()) if len(ranked) else False
    fig.update_layout(
        title={"text": _title(indicator_id, year, mixed, missing)},
        xaxis={"title": {"text": f"{ind.title}（{ind.unit}）"}},
        yaxis={"categoryorder": "array", "categoryarray": list(reversed(order)), "automargin": True},
        barmode="overlay",
        template="none",
        height=max(240, 60 + 32 * len(order)),
        meta={"id": chart_id("rank", indicator_id, year, scope), "indicator": indicator_id,
              "mixed_scope": mixed},
        legend={"title": {"text": "口径"}},
    )  # fmt: skip
    return _plain(fig)


def size_scatter(
    frame: pd.DataFrame, indicator_id: str, *, year: int | None = None, scope: str | None = None
) -> dict[str, Any]:
    """Size (本年支出合计, 万元, log axis) against the indicator, one trace per scope; a report is
    drawn only when both are stated."""
    ind = BY_ID[indicator_id]
    ranked = ranking(frame, indicator_id, year=year, scope=scope)
    size = frame.set_index("report_id")["expenditure_this_year"]
    ranked = ranked.assign(size=[size.get(rid) for rid in ranked["report_id"]])
    drawn = ranked[ranked["value"].notna() & ranked["size"].notna()].sort_values("report_id")
    missing = list(ranked[~ranked.index.isin(drawn.index)]["agency"])
    fig = go.Figure()
    for sc in _SCOPE_ORDER:
        part = drawn[drawn["scope"] == sc]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=[float(v) for v in part["size"]],
                y=[float(v) for v in part["value"]],
                text=list(part["agency"]),
                customdata=[[rid] for rid in part["report_id"]],
                mode="markers",
                name=SCOPE_LABELS[sc],
                marker={"color": SCOPE_COLOURS[sc], "size": 10},
                hovertemplate=(
                    "%{text}<br>本年支出合计：%{x:,.2f} 万元"
                    f"<br>{ind.title}：%{{y:,.{ind.decimals}f}} {ind.unit}<extra></extra>"
                ),
            )
        )
    mixed = len(set(drawn["scope"])) > 1
    fig.update_layout(
        title={"text": _title(indicator_id, year, mixed, missing)},
        xaxis={"title": {"text": "本年支出合计（万元，对数刻度）"}, "type": "log"},
        yaxis={"title": {"text": f"{ind.title}（{ind.unit}）"}},
        template="none",
        height=420,
        meta={"id": chart_id("scatter", indicator_id, year, scope), "indicator": indicator_id,
              "mixed_scope": mixed},
        legend={"title": {"text": "口径"}},
    )  # fmt: skip
    return _plain(fig)

"""The comparison pages: /compare/ (what each indicator means), /compare/<indicator>/ (tables,
charts, CSV) and the 同类单位对比 panel of each report page.

All numbers come from ``generator.compare`` (``indicator_frame``, ``ranking``, ``peers`` and its
charts); this module only picks rows, formats values (“未披露” for a missing one, never 0) and
adapts the compare charts to the site's chart loader. Rankings never mix 部门汇总 and 单位
reports silently: the tables are split by scope, and wherever a chart or a peer group does mix
them (``mixed_scope``) the page prints a 口径不同 warning beside it.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import html
from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd

from generator import compare
from generator.compare import charts as cc
from generator.compare.agencies import LEVEL_LABELS, SCOPE_LABELS
from generator.extract import METRIC_LABELS
from generator.model import Report
from generator.render import data as dt
from generator.render.charts import Chart
from generator.render.escape import anchor

# The report page's peer panel: the indicators a reader can compare across agencies without
# knowing the agency's business (the findings counts and the yoy figures are on their own pages).
PEER_INDICATORS = (
    "spending_per_staff",
    "basic_share",
    "fiscal_share",
    "budget_deviation",
    "sangong_execution",
)
PEER_BY = (("agency_type", "同类型"), ("level", "同层级"))
SCOPE_ORDER = ("department", "unit")
INDEX_URL = "compare/"

Rel = Callable[[str, str], str]


def indicator_url(indicator_id: str) -> str:
    return f"{INDEX_URL}{indicator_id}/"


def site_frame(reports: Iterable[Report], rid: Callable[[Report], str]) -> pd.DataFrame:
    """``indicator_frame`` keyed by the site's report ids (unique, and the report pages' paths)."""
    return compare.indicator_frame([dataclasses.replace(r, id=rid(r)) for r in reports])


def _level_label(level: object) -> str:
    return LEVEL_LABELS.get(level, "未识别") if isinstance(level, str) else "未识别"


def _year_groups(frame: pd.DataFrame) -> list[tuple[int | None, pd.DataFrame]]:
    """(year, rows), newest year first; reports whose year is unknown last, as year None."""
    years = sorted({int(y) for y in frame["year"].dropna()}, reverse=True)
    groups: list[tuple[int | None, pd.DataFrame]] = [(y, frame[frame["year"] == y]) for y in years]
    unknown = frame[frame["year"].isna()]
    if len(unknown):
        groups.append((None, unknown))
    return groups


def _year_label(year: int | None) -> str:
    return f"{year}年度" if year is not None else "年度未识别"


Position = dict[str, Any]
NO_PEERS: Position = {"rank": None, "stated": 0, "size": 0, "mixed": False, "text": "无同类报告"}


def _position(value: float, rank: float, stated: int, size: int, mixed: bool) -> Position:
    if pd.isna(value):
        text = compare.MISSING_LABEL
    elif stated == 1:
        text = "同类中仅本报告披露" if size > 1 else "同类中仅本报告"
    else:
        text = f"第 {int(rank)} / {stated}"
    return {"rank": None if pd.isna(rank) else int(rank), "stated": stated, "size": size, "mixed": mixed,
            "text": text}  # fmt: skip


def peer_positions(frame: pd.DataFrame, indicator_id: str, by: str) -> dict[str, Position]:
    """report_id → where the report stands among its peers (same ``by`` and year): the same rank,
    count and ``mixed_scope`` as ``compare.peers(frame, report_id, indicator_id, by=by)`` (the
    tests hold it to that), for all reports in one pass per group instead of one call each."""
    out: dict[str, Position] = {}
    known = frame[frame["year"].notna() & frame[by].notna()]
    for _, group in known.groupby([by, "year"], sort=True):
        values = group[indicator_id]
        ranks = values.rank(method="min", ascending=False)
        stated = int(values.notna().sum())
        mixed = len(set(group.loc[values.notna(), "scope"].dropna())) > 1
        for rid, value, rank in zip(group["report_id"], values, ranks):
            out[str(rid)] = _position(value, rank, stated, len(group), mixed)
    return out


def peer_groups(frame: pd.DataFrame) -> dict[tuple[str, Any, Any], dict[str, int]]:
    """(by, value, year) → reports per scope in that peer group, for every group at once (the
    report pages' panels look their group up instead of filtering the frame once per report)."""
    out: dict[tuple[str, Any, Any], dict[str, int]] = {}
    for by, _ in PEER_BY:
        known = frame[frame["year"].notna() & frame[by].notna()]
        for (value, year), group in known.groupby([by, "year"], sort=True):
            counts = group["scope"].value_counts(dropna=False)
            out[(by, value, year)] = {"size": len(group), **{str(s): int(n) for s, n in counts.items()}}
    return out


@dataclasses.dataclass(frozen=True)
class Comparison:
    """The comparison frame, every report's peer positions and the peer groups' sizes, computed
    once per build: the report pages' panels then cost a lookup each, not a pass over the frame."""

    frame: pd.DataFrame
    positions: dict[tuple[str, str], dict[str, Position]]  # (indicator id, by) → report_id → position
    rows: dict[str, int] = dataclasses.field(default_factory=dict)  # report_id → its row's position
    groups: dict[tuple[str, Any, Any], dict[str, int]] = dataclasses.field(default_factory=dict)

    @classmethod
    def of(cls, reports: Iterable[Report], rid: Callable[[Report], str]) -> Comparison:
        frame = site_frame(reports, rid)
        positions = {
            (i.id, by): peer_positions(frame, i.id, by) for i in compare.INDICATORS for by, _ in PEER_BY
        }
        rows: dict[str, int] = {}
        for i, report_id in enumerate(frame["report_id"]):
            rows.setdefault(str(report_id), i)
        return cls(frame, positions, rows, peer_groups(frame))

    def position(self, report_id: str, indicator_id: str, by: str) -> Position:
        return self.positions[(indicator_id, by)].get(report_id, NO_PEERS)


BAR_LABEL = 10  # characters of an agency name on a bar's axis; the full name is in the hover


def _short(names: list[str]) -> list[str]:
    short = [n if len(n) <= BAR_LABEL else n[: BAR_LABEL - 1] + "…" for n in names]
    return short if len(set(short)) == len(set(names)) else names  # never merge two bars


def _fit(figure: dict[str, Any], unit: str, legend: bool) -> dict[str, Any]:
    """A compare chart for the site's loader: the title and its notes move into the page (where
    the caveats are HTML text, visible on phones), report names are HTML-escaped (Plotly reads
    tags in labels) and shortened on bar axes, axis titles shrink to the unit (the caption and the
    text below the chart say what is drawn), the template is dropped (charts.js themes)."""
    fig = copy.deepcopy(figure)
    layout = fig["layout"]
    layout.pop("template", None)
    layout.pop("title", None)
    esc = functools.partial(html.escape, quote=False)
    yaxis = layout.setdefault("yaxis", {})
    if any(t.get("type") == "bar" for t in fig["data"]):
        names = [str(v) for v in yaxis.get("categoryarray") or []]
        short = dict(zip(names, (esc(n) for n in _short(names))))
        yaxis["categoryarray"] = [short[n] for n in names]
        for trace in fig["data"]:
            full = [str(v) for v in trace.get("y") or []]
            trace["customdata"] = [[*c, esc(n)] for c, n in zip(trace.get("customdata") or [], full)]
            trace["y"] = [short.get(n, esc(n)) for n in full]
            trace["hovertemplate"] = str(trace.get("hovertemplate", "")).replace("%{y}", "%{customdata[1]}")
        layout.setdefault("xaxis", {})["title"] = {"text": unit}
        layout["height"] = 90 + 34 * len(names)
    else:
        for trace in fig["data"]:
            if "text" in trace:
                trace["text"] = [esc(str(v)) for v in trace["text"]]
        yaxis["title"] = {"text": unit}
        xaxis = layout.setdefault("xaxis", {})
        xaxis["title"] = {"text": "本年支出合计（万元，对数刻度）"}
        xaxis["dtick"] = "D2"  # log ticks at 1, 2, 5 only: the 3…9 labels crowd a phone
        layout["height"] = 360
    layout["showlegend"] = legend
    if legend:
        layout["legend"] = {"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"}
    layout["margin"] = {"l": 10, "r": 10, "t": 40 if legend else 10, "b": 10}
    layout["separators"] = ".,"
    return fig


def _chart(
    figure: dict[str, Any], title: str, unit: str, columns: list[str], rows: list[list[Any]], legend: bool
) -> Chart:
    return Chart(
        "chart-" + anchor(figure["layout"]["meta"]["id"]), title, _fit(figure, unit, legend), columns, rows
    )


def _table_rows(
    comparison: Comparison, ranked: pd.DataFrame, indicator_id: str, page_url: str, rel: Rel
) -> list[dict[str, Any]]:
    rows = []
    for _, row in ranked.iterrows():
        rid = str(row["report_id"])
        by_peer = {key: comparison.position(rid, indicator_id, key) for key, _ in PEER_BY}
        rows.append({
            "rank": None if pd.isna(row["rank"]) else int(row["rank"]),
            "agency": row["agency"],
            "href": rel(page_url, f"reports/{rid}/"),
            "agency_type": row["agency_type"],
            "level": _level_label(row["level"]),
            "region": " ".join(str(row[k]) for k in ("province", "prefecture", "county")
                               if isinstance(row[k], str) and row[k]),
            "value": compare.format_value(row["value"], indicator_id),
            "missing": bool(pd.isna(row["value"])),
            "peers": by_peer,
        })  # fmt: skip
    return rows


def _bar_csv(ranked: pd.DataFrame, ind: compare.Indicator) -> tuple[list[str], list[list[Any]]]:
    columns = ["名次", "报告编号", "单位", "口径", f"{ind.title}（{ind.unit}）"]
    rows = [
        [None if pd.isna(r["rank"]) else int(r["rank"]), r["report_id"], r["agency"],
         SCOPE_LABELS.get(r["scope"], r["scope"]), None if pd.isna(r["value"]) else float(r["value"])]
        for _, r in ranked.iterrows()
    ]  # fmt: skip
    return columns, rows


def _scatter_csv(group: pd.DataFrame, ind: compare.Indicator) -> tuple[list[str], list[list[Any]]]:
    columns = ["报告编号", "单位", "口径", "本年支出合计（万元）", f"{ind.title}（{ind.unit}）"]
    rows = [
        [r["report_id"], r["agency"], SCOPE_LABELS.get(r["scope"], r["scope"]),
         None if pd.isna(r["expenditure_this_year"]) else float(r["expenditure_this_year"]),
         None if pd.isna(r[ind.id]) else float(r[ind.id])]
        for _, r in group.sort_values("report_id").iterrows()
    ]  # fmt: skip
    return columns, rows


def term(key: str | None) -> str:
    """An indicator input for readers: the metric's Chinese label with its key, else the text."""
    if key is None:
        return "（无分母，按条计数）"
    return f"{METRIC_LABELS[key]}（{key}）" if key in METRIC_LABELS else key


def indicator_view(ind: compare.Indicator, frame: pd.DataFrame) -> dict[str, Any]:
    return {
        "id": ind.id, "anchor": anchor(ind.id), "title": ind.title, "formula": ind.formula,
        "numerator": term(ind.numerator), "denominator": term(ind.denominator), "has_denominator": ind.denominator is not None,
        "unit": ind.unit, "caveat": ind.caveat, "higher": ind.higher,
        "stated": int(frame[ind.id].notna().sum()), "total": len(frame),
    }  # fmt: skip


def indicator_page_values(
    ind: compare.Indicator, comparison: Comparison, page_url: str, rel: Rel
) -> tuple[dict[str, Any], list[Chart]]:
    """The values of /compare/<indicator>/ and its charts (for the CSV twins)."""
    frame = comparison.frame
    years, chart_list = [], []
    for year, group in _year_groups(frame):
        scopes = []
        for scope in [s for s in SCOPE_ORDER if s in set(group["scope"])] + sorted(
            set(group["scope"].dropna()) - set(SCOPE_ORDER)
        ):
            ranked = compare.ranking(group, ind.id, scope=scope)
            bar = None
            if ranked["value"].notna().any():
                bar = _chart(cc.ranked_bar(group, ind.id, year=year, scope=scope),
                             f"{_year_label(year)} {SCOPE_LABELS.get(scope, scope)}报告：{ind.title}（{ind.unit}）",
                             ind.unit, *_bar_csv(ranked, ind), legend=False)  # fmt: skip
                chart_list.append(bar)
            scopes.append({
                "scope": scope, "label": SCOPE_LABELS.get(scope, scope),
                "anchor": f"y{year or 'unknown'}-{anchor(scope)}",
                "rows": _table_rows(comparison, ranked, ind.id, page_url, rel),
                "missing": [r["agency"] for _, r in ranked.iterrows() if pd.isna(r["value"])],
                "chart": bar,
            })  # fmt: skip
        drawn = group[group[ind.id].notna() & group["expenditure_this_year"].notna()]
        scatter = None
        if len(drawn):
            scatter = _chart(cc.size_scatter(group, ind.id, year=year),
                             f"{_year_label(year)} 规模与{ind.title}", ind.unit, *_scatter_csv(group, ind),
                             legend=True)  # fmt: skip
            chart_list.append(scatter)
        not_drawn = group[~group.index.isin(drawn.index)].sort_values("report_id")
        years.append({
            "year": year, "label": _year_label(year), "anchor": f"y{year or 'unknown'}",
            "scopes": scopes, "count": len(group),
            "mixed": len(set(group["scope"].dropna())) > 1,
            "scatter": scatter, "scatter_mixed": len(set(drawn["scope"])) > 1,
            "scatter_missing": list(not_drawn["agency"]),
        })  # fmt: skip
    values = {
        "title": f"对比：{ind.title}",
        "description": f"各报告的{ind.title}（{ind.formula}），按年度和口径排名，附规模散点图与 CSV 数据。",
        "ind": indicator_view(ind, frame),
        "years": years,
        "index_href": rel(page_url, INDEX_URL),
        "methodology_href": rel(page_url, "methodology.md"),
        "csv": "ranking.csv",
    }
    return values, chart_list


def index_values(frame: pd.DataFrame, page_url: str, rel: Rel) -> dict[str, Any]:
    items = []
    for ind in compare.INDICATORS:
        view = indicator_view(ind, frame)
        view["href"] = rel(page_url, indicator_url(ind.id))
        items.append(view)
    return {
        "title": "对比",
        "description": "把各单位的决算放在一起比较：每个指标的含义、算式、分母和注意事项，以及按年度和口径的排名。",
        "indicators": items,
        "reports": len(frame),
        "scopes": {SCOPE_LABELS.get(s, s): int((frame["scope"] == s).sum()) for s in SCOPE_ORDER},
        "methodology_href": rel(page_url, "methodology.md"),
        "csv": "indicators.csv",
        "json": "indicators.json",
    }


def index_files(frame: pd.DataFrame) -> dict[str, str]:
    return {
        "indicators.csv": compare.to_csv(frame),
        "indicators.json": dt.to_json([i.as_json() for i in compare.INDICATORS]),
    }


def peer_panel(comparison: Comparison, report_id: str, page_url: str, rel: Rel) -> dict[str, Any] | None:
    """The 同类单位对比 panel of one report page (None when the report is not in the frame)."""
    if report_id not in comparison.rows:
        return None
    subject = comparison.frame.iloc[comparison.rows[report_id]]
    year = None if pd.isna(subject["year"]) else int(subject["year"])
    groups = []
    for by, label in PEER_BY:
        key = (by, subject[by], subject["year"])
        same = comparison.groups.get(key, {}) if year and not pd.isna(subject[by]) else {}
        groups.append({
            "by": by, "label": label,
            "value": subject["agency_type"] if by == "agency_type" else _level_label(subject["level"]),
            "size": same.get("size", 0),
            "scopes": "、".join(f"{SCOPE_LABELS[s]} {same[s]} 份" for s in SCOPE_ORDER if same.get(s)),
        })  # fmt: skip
    rows: list[dict[str, Any]] = []
    for iid in PEER_INDICATORS:
        ind = compare.BY_ID[iid]
        rows.append({
            "title": ind.title, "unit": ind.unit,
            "href": rel(page_url, indicator_url(iid)) + (f"#y{year}" if year else ""),
            "value": compare.format_value(subject[iid], iid),
            "missing": bool(pd.isna(subject[iid])),
            "peers": {by: comparison.position(report_id, iid, by) for by, _ in PEER_BY},
        })  # fmt: skip
    return {
        "year": year,
        "scope": SCOPE_LABELS.get(subject["scope"], subject["scope"]),
        "groups": groups,
        "rows": rows,
        "mixed": any(r["peers"][by]["mixed"] for r in rows for by, _ in PEER_BY),
        "index_href": rel(page_url, INDEX_URL),
    }

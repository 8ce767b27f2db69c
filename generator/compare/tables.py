"""The comparison tables: one row per report, rankings, peer groups, CSV."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import pandas as pd

from generator.compare import agencies
from generator.compare.indicators import BY_ID, INDICATORS, compute, metric, previous_reports
from generator.model import Report

ID_COLUMNS = [
    "report_id", "agency", "agency_slug", "year", "scope", "agency_type", "level",
    "province", "prefecture", "county", "staff_active", "expenditure_this_year",
]  # fmt: skip
COLUMNS = ID_COLUMNS + [i.id for i in INDICATORS]
PEER_COLUMNS = ["agency_type", "level", "province", "prefecture", "county", "scope"]


def indicator_frame(reports: Iterable[Report]) -> pd.DataFrame:
    """One row per report: identity, peer-group columns, then one float column per indicator
    (NaN where an input is missing). Sorted by report_id."""
    reports = list(reports)
    registry = agencies.default_registry()
    previous = previous_reports(reports)
    rows = []
    for r in sorted(reports, key=lambda r: r.id):
        values = compute(r, previous.get(r.id))
        region = r.region or {}
        staff = metric(r, "staff_active")
        spending = metric(r, "expenditure_this_year")
        rows.append({
            "report_id": r.id,
            "agency": r.agency,
            "agency_slug": agencies.agency_slug(r, registry),
            "year": r.year,
            "scope": r.scope,
            "agency_type": agencies.agency_type(r, registry),
            "level": agencies.level(r, registry),
            "province": region.get("province"),
            "prefecture": region.get("prefecture"),
            "county": region.get("county"),
            "staff_active": None if staff is None else int(staff),
            "expenditure_this_year": None if spending is None else float(spending),
            **{k: None if v is None else float(v) for k, v in values.items()},
        })  # fmt: skip
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["year"] = frame["year"].astype("Int64")
    frame["staff_active"] = frame["staff_active"].astype("Int64")
    for col in ["expenditure_this_year", *(i.id for i in INDICATORS)]:
        frame[col] = frame[col].astype("float64")
    return frame


def _check_indicator(indicator_id: str) -> None:
    if indicator_id not in BY_ID:
        raise KeyError(f"unknown indicator {indicator_id!r}; known: {', '.join(BY_ID)}")


def ranking(
    frame: pd.DataFrame, indicator_id: str, *, year: int | None = None, scope: str | None = None
) -> pd.DataFrame:
    """Reports ranked by one indicator, highest first (ties by report_id). Reports without the
    value are kept at the end with rank <NA> (the site shows them as “未披露”).

    Columns: rank, report_id, agency, agency_slug, year, value, the peer-group columns, and
    ``mixed_scope``: True on every row when the ranked reports mix 部门汇总 and 单位 (pass
    ``scope=`` to rank one kind only).
    """
    _check_indicator(indicator_id)
    sub = frame
    if year is not None:
        sub = sub[sub["year"] == year]
    if scope is not None:
        sub = sub[sub["scope"] == scope]
    out = sub[["report_id", "agency", "agency_slug", "year", *PEER_COLUMNS, indicator_id]].rename(
        columns={indicator_id: "value"}
    )
    present = out[out["value"].notna()].sort_values(["value", "report_id"], ascending=[False, True])
    absent = out[out["value"].isna()].sort_values("report_id")
    present = present.assign(rank=present["value"].rank(method="min", ascending=False).astype("Int64"))
    absent = absent.assign(rank=pd.array([pd.NA] * len(absent), dtype="Int64"))
    result = (
        pd.concat([present, absent], ignore_index=True) if len(absent) else present.reset_index(drop=True)
    )
    ranked_scopes = set(present["scope"].dropna())
    result["mixed_scope"] = len(ranked_scopes) > 1
    result["indicator"] = indicator_id
    return result[["rank", "report_id", "agency", "agency_slug", "year", "value", *PEER_COLUMNS,
                   "mixed_scope", "indicator"]]  # fmt: skip


def peers(
    frame: pd.DataFrame,
    report_id: str,
    indicator_id: str,
    *,
    by: Literal["agency_type", "level"] = "agency_type",
) -> pd.DataFrame:
    """The report among its peers: same ``by`` (agency_type or level) and same year, ranked by the
    indicator, with ``is_subject`` marking the report and ``mixed_scope`` when the group mixes
    部门汇总 and 单位 reports."""
    _check_indicator(indicator_id)
    if by not in ("agency_type", "level"):
        raise ValueError("by must be 'agency_type' or 'level'")
    row = frame[frame["report_id"] == report_id]
    if row.empty:
        raise KeyError(f"no report {report_id!r} in the frame")
    subject = row.iloc[0]
    group = frame[(frame[by] == subject[by]) & (frame["year"] == subject["year"])]
    out = ranking(group, indicator_id)
    out["is_subject"] = out["report_id"] == report_id
    out["peer_group"] = f"{by}={subject[by]}, year={subject['year']}"
    return out


def to_csv(frame: pd.DataFrame) -> str:
    """The frame as CSV: rows by report_id, columns as given, floats at 6 decimals, "" for
    missing, "\\n" line ends — the same bytes for the same reports on every build."""
    ordered = frame.sort_values("report_id", kind="mergesort") if "report_id" in frame else frame
    return str(ordered.to_csv(index=False, float_format="%.6f", lineterminator="\n", na_rep=""))

"""Indicators: one number per report, computed in Decimal from the report's own figures.

``INDICATORS`` is the registry the site renders as documentation (id, title, formula, inputs,
unit, caveat). A missing input, or a zero denominator, gives a missing value (``None`` here,
NaN in the frame, shown as “未披露”), never zero.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from generator.extract.claims import signed_change
from generator.model import Report

HUNDRED = Decimal(100)
MISSING_LABEL = "未披露"


@dataclass(frozen=True)
class Indicator:
    id: str
    title: str
    formula: str  # in Chinese, as the methodology page shows it
    numerator: str  # metric key(s) or claim the numerator comes from
    denominator: str | None
    unit: str
    caveat: str
    decimals: int = 2  # display precision
    higher: str = "中性"  # what a high value means, for the reader: 中性 (neutral) unless obvious

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "formula": self.formula,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "unit": self.unit,
            "caveat": self.caveat,
            "decimals": self.decimals,
        }


_PER_STAFF = "分母为在职人员（不含离退休）；部门汇总报告的人数含所属单位。报告未披露在职人数时为“未披露”。"

INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "spending_per_staff", "在职人员人均支出", "本年支出合计 ÷ 在职人员",
        "expenditure_this_year", "staff_active", "万元/人",
        _PER_STAFF + "支出含项目支出（如补贴发放），业务性质不同的单位不宜直接比较。",
    ),
    Indicator(
        "sangong_per_staff", "在职人员人均“三公”经费", "财政拨款“三公”经费支出（决算） ÷ 在职人员",
        "sangong_total", "staff_active", "万元/人", _PER_STAFF, decimals=4,
    ),
    Indicator(
        "operating_per_staff", "在职人员人均机关运行经费", "机关运行经费 ÷ 在职人员",
        "operating_expenses", "staff_active", "万元/人",
        _PER_STAFF + "机关运行经费只统计行政单位和参公事业单位。", decimals=4,
    ),
    Indicator(
        "basic_share", "基本支出占比", "基本支出 ÷ 本年支出合计 × 100",
        "expenditure_basic", "expenditure_this_year", "%",
        "项目支出占比 = 100 − 基本支出占比（另有上缴上级、经营等支出时不成立）。",
    ),
    Indicator(
        "fiscal_share", "财政拨款收入占比", "财政拨款收入 ÷ 本年收入合计 × 100",
        "income_fiscal", "income_this_year", "%",
        "财政拨款收入含一般公共预算与政府性基金预算拨款。",
    ),
    Indicator(
        "budget_deviation", "一般公共预算财政拨款预决算偏差率",
        "（一般公共预算财政拨款支出决算数 − 年初预算数）÷ 年初预算数 × 100",
        "gpb_expenditure", "gpb_budget_initial", "%",
        "正数为超出年初预算，负数为未用完；年中追加预算会使偏差率偏高。年初预算为0时无从计算。",
    ),
    Indicator(
        "sangong_execution", "“三公”经费预算执行率", "“三公”经费支出决算数 ÷ 全年预算数 × 100",
        "sangong_total", "sangong_budget", "%",
        "全年预算数为0（未安排“三公”经费）时无从计算。",
    ),
    Indicator(
        "yoy_total_claimed", "收入支出总计同比变化（报告自述）",
        "报告所述比上年增减额 ÷（本年收入支出总计 − 增减额）× 100",
        "yoy_claims: 收入支出总计的比上年增减额", "income_total − 增减额", "%",
        "按报告自己给出的增减额推算，不读取上年报告；报告所写百分比由“同比变化”规则另行核对。",
    ),
    Indicator(
        "yoy_total_observed", "收入支出总计同比变化（相邻年度报告）",
        "（本年收入总计 − 上年报告的收入总计）÷ 上年报告的收入总计 × 100",
        "income_total", "上年报告 income_total", "%",
        "只在同一机构、同一口径（部门汇总或单位）的上年报告也在库中时计算。",
    ),
    Indicator(
        "findings_error", "差错（error）条数", "本报告“error”级发现的条数",
        "findings", None, "条", "是数出来的条数，不是金额；0表示未发现，不表示没有问题。", decimals=0,
    ),
    Indicator(
        "findings_warning", "警示（warning）条数", "本报告“warning”级发现的条数",
        "findings", None, "条", "同上。", decimals=0,
    ),
    Indicator(
        "findings_info", "提示（info）条数", "本报告“info”级发现的条数",
        "findings", None, "条", "同上。", decimals=0,
    ),
)  # fmt: skip

BY_ID: dict[str, Indicator] = {i.id: i for i in INDICATORS}


def metric(report: Report, key: str) -> Decimal | None:
    v = report.metrics.get(key)
    return v.amount if v is not None else None


def ratio(
    numerator: Decimal | None, denominator: Decimal | None, scale: Decimal = Decimal(1)
) -> Decimal | None:
    """numerator ÷ denominator × scale; missing when either is missing or the denominator is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator * scale


_SECTION_METRIC = [
    (re.compile(r"财政拨款收入支出决算总体|财政拨款收支决算总体"), "fiscal_total"),
    (re.compile(r"一般公共预算财政拨款支出决算总体"), "gpb_expenditure"),
    (re.compile(r"收入支出决算总体"), "income_total"),
]


def claim_metric(claim: dict[str, Any]) -> str | None:
    """The canonical figure a yoy claim is about: extract's ``metric`` when it gives one, else
    the subject's words, else (for "与上年相比，减少…" with no subject) the section."""
    if "metric" in claim:
        return cast("str | None", claim["metric"])
    subject = claim.get("subject") or ""
    if "三公" in subject:
        return "sangong_total"
    if "机关运行经费" in subject:
        return "operating_expenses"
    if subject in (
        "总体",
        "收入支出总体",
        "收入支出总计",
        "收入总计",
        "财政拨款收入支出总体",
        "财政拨款收入支出总计",
    ):
        section = claim["quote"].section or ""
        for pattern, key in _SECTION_METRIC:
            if pattern.search(section):
                return key
    return None


def total_yoy_claim(report: Report) -> dict[str, Any] | None:
    """The report's own "与上年相比" statement about 收入支出总计 (the first one)."""
    for c in report.yoy_claims:
        if claim_metric(c) == "income_total" and (
            c.get("change") is not None or "持平" in (c.get("direction") or "")
        ):
            return c
    return None


def yoy_total_claimed(report: Report) -> Decimal | None:
    claim = total_yoy_claim(report)
    total = metric(report, "income_total")
    if claim is None or total is None:
        return None
    change = signed_change(claim)
    if change is None:
        return None
    return ratio(change, total - change, HUNDRED)


def yoy_total_observed(report: Report, previous: Report | None) -> Decimal | None:
    if previous is None:
        return None
    now, before = metric(report, "income_total"), metric(previous, "income_total")
    if now is None or before is None:
        return None
    return ratio(now - before, before, HUNDRED)


def _count(severity: str) -> Callable[[Report], Decimal]:
    return lambda r: Decimal(sum(1 for f in r.findings if f.severity == severity))


_SIMPLE: dict[str, Callable[[Report], Decimal | None]] = {
    "spending_per_staff": lambda r: ratio(metric(r, "expenditure_this_year"), metric(r, "staff_active")),
    "sangong_per_staff": lambda r: ratio(metric(r, "sangong_total"), metric(r, "staff_active")),
    "operating_per_staff": lambda r: ratio(metric(r, "operating_expenses"), metric(r, "staff_active")),
    "basic_share": lambda r: ratio(
        metric(r, "expenditure_basic"), metric(r, "expenditure_this_year"), HUNDRED
    ),
    "fiscal_share": lambda r: ratio(metric(r, "income_fiscal"), metric(r, "income_this_year"), HUNDRED),
    "budget_deviation": lambda r: (
        None
        if (g := metric(r, "gpb_expenditure")) is None or (b := metric(r, "gpb_budget_initial")) is None
        else ratio(g - b, b, HUNDRED)
    ),
    "sangong_execution": lambda r: ratio(metric(r, "sangong_total"), metric(r, "sangong_budget"), HUNDRED),
    "yoy_total_claimed": yoy_total_claimed,
    "findings_error": _count("error"),
    "findings_warning": _count("warning"),
    "findings_info": _count("info"),
}


def compute(report: Report, previous: Report | None = None) -> dict[str, Decimal | None]:
    """Every indicator of one report, in Decimal. ``previous``: the same agency's report of the
    year before, same scope (for ``yoy_total_observed``)."""
    out: dict[str, Decimal | None] = {k: fn(report) for k, fn in _SIMPLE.items()}
    out["yoy_total_observed"] = yoy_total_observed(report, previous)
    return {i.id: out[i.id] for i in INDICATORS}


def format_value(value: object, indicator_id: str) -> str:
    """A value as the site shows it: “未披露” when missing, else at the indicator's precision."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING_LABEL
    ind = BY_ID[indicator_id]
    number = Decimal(str(value))
    return f"{number:,.{ind.decimals}f}{'' if ind.unit == '条' else ' ' + ind.unit}"


def previous_reports(reports: Iterable[Report]) -> dict[str, Report]:
    """report_id → the same agency's report of the previous year with the same scope."""
    from generator.compare.agencies import default_registry

    registry = default_registry()
    index: dict[tuple[str, int, str], Report] = {}
    for r in sorted(reports, key=lambda r: r.id):
        if r.year is not None:
            index.setdefault((registry.key(r.agency), r.year, r.scope), r)
    out: dict[str, Report] = {}
    for (key, year, scope), r in index.items():
        prev = index.get((key, year - 1, scope))
        if prev is not None:
            out[r.id] = prev
    return out

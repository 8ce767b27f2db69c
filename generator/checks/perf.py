"""perf.*: performance self-evaluation tables (绩效自评表) checked against their own arithmetic."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from generator.checks import make_finding, rule
from generator.checks.ratios import pct, percent_severity
from generator.checks.tolerance import rounded_percent
from generator.model import Finding, Report


def _name(table: dict) -> str:
    return table.get("name") or table.get("title") or "绩效自评表"


@rule(
    "perf.execution_rate",
    title="自评表执行率与金额不符",
    explanation=(
        "绩效自评表的资金行列出全年预算数、全年执行数和执行率。按财政部自评表的定义，执行率是"
        "全年执行数除以全年预算数（不是除以年初预算数）。只检查单元格与表头一一对齐的行，"
        "合并单元格造成错位的行不检查，以免读错列。"
    ),
    formula="执行率 = 全年执行数 ÷ 全年预算数 × 100%",
    tolerance="按印出精度做区间运算（“98.8%”按一位小数、“100”按整数）；只差末位一个单位记为提示",
    example="全年预算数877.77、全年执行数877.77，执行率应为100%，表中填97.82%（按年初预算897.32算）。",
)
def execution_rate(report: Report) -> Iterable[Finding]:
    for table in report.perf_tables:
        for row in table["funding"]:
            budget, spent, stated = row.get("budget"), row.get("spent"), row.get("rate")
            if not row["aligned"] or budget is None or spent is None or stated is None or budget <= 0:
                continue
            severity = percent_severity(stated, spent, budget)
            if severity is None:
                continue
            expected = rounded_percent(spent, budget, stated)
            note = ""
            initial = row.get("initial")
            if initial and initial > 0 and percent_severity(stated, spent, initial) is None:
                note = f"表中的{pct(stated)}是全年执行数除以年初预算数{initial}的结果。"
            yield make_finding(
                "perf.execution_rate",
                severity,
                f"{_name(table)}/{row['label']}",
                f"《{_name(table)}》{row['label']}：全年预算数{budget}万元、全年执行数{spent}万元，"
                f"执行率应为{spent}÷{budget}={pct(expected)}，表中填{pct(stated)}。{note}",
                pct(stated),
                pct(expected),
                [row["quote"]],
            )


@rule(
    "perf.points_total",
    title="自评表分值合计超过满分",
    explanation=(
        "自评表的满分是100分：资金执行的分值加上各项绩效指标的分值，合计不能超过100分；"
        "标题写明“产出指标（50分）”的，其下各指标分值之和也不能超过50分。"
        "只把与表头对齐的指标行计入，所以算出的合计只会偏小，超出即可确认。"
    ),
    formula="执行分值 + Σ 指标分值 ≤ 100；Σ 某一级指标下的分值 ≤ 该级标明的分数",
    tolerance="分值为整数或一位小数，按印出数相加，不设容差",
    example="产出指标标“（50分)”，其下数量15、质量10+10、时效10、成本10，合计55分。",
)
def points_total(report: Report) -> Iterable[Finding]:
    for table in report.perf_tables:
        inds = table["indicators"]
        if not inds:
            continue
        fund_points = next((r.get("points") for r in table["funding"] if r.get("points") is not None), None)
        s = sum((i["points"] for i in inds), Decimal(0))
        total = s + (fund_points or 0)
        cap = Decimal(100)
        if total > cap:
            yield make_finding(
                "perf.points_total",
                "error",
                f"{_name(table)}/总分值",
                f"《{_name(table)}》各项指标分值合计{s}分"
                + (f"，加上资金执行的{fund_points}分" if fund_points else "")
                + f"共{total}分，超过满分100分。",
                str(total),
                "≤100",
                [i["quote"] for i in inds[:3]] + ([table["total"]["quote"]] if table.get("total") else []),
            )
        for heading in table["headings"]:
            under = [i for i in inds if i.get("level") == heading["level"]]
            hs = sum((i["points"] for i in under), Decimal(0))
            if under and hs > heading["max"]:
                yield make_finding(
                    "perf.points_total",
                    "error",
                    f"{_name(table)}/{heading['level']}",
                    f"《{_name(table)}》“{heading['text']}”之下各指标分值合计{hs}分，超过标明的{heading['max']}分。",
                    str(hs),
                    f"≤{heading['max']}",
                    [heading["quote"], *(i["quote"] for i in under[:4] if i["quote"] != heading["quote"])],
                )

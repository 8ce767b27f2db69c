"""The site's machine-readable twins: CSV and JSON files and a Frictionless datapackage.json.

Every file is written from sorted rows with sorted keys and no timestamps, so the same reports
give byte-identical files. Columns are declared once here (``SCHEMAS``); the CSV header, the
JSON keys and datapackage.json all come from that declaration.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from generator.extract import METRIC_KEYS, METRIC_LABELS, METRIC_UNITS
from generator.history import KEPT
from generator.model import Report
from generator.serialize import number

Field = dict[str, str]


def _f(name: str, type_: str, title: str, description: str = "") -> Field:
    out = {"name": name, "type": type_, "title": title}
    if description:
        out["description"] = description
    return out


REPORT_FIELDS = [
    _f("report_id", "string", "报告编号", "年度/单位拼音，也是报告页面的网址路径"),
    _f("agency", "string", "单位"),
    _f("year", "integer", "年度"),
    _f("scope", "string", "范围", "department = 部门（汇总），unit = 单位"),
    _f("province", "string", "省级"),
    _f("prefecture", "string", "地级"),
    _f("county", "string", "县级"),
]

METRIC_FIELDS = REPORT_FIELDS + [
    _f(
        k,
        "integer" if METRIC_UNITS[k] in ("人", "辆") else "number",
        METRIC_LABELS[k],
        f"单位：{METRIC_UNITS[k]}",
    )
    for k in METRIC_KEYS
]

FINDING_FIELDS = REPORT_FIELDS[:3] + [
    _f("finding_id", "string", "问题编号", "稳定的锚点：报告页面网址加 #编号"),
    _f("rule", "string", "规则", "见“方法”页的规则目录"),
    _f("severity", "string", "级别", "error = 错误，warning = 警告，info = 提示"),
    _f("title", "string", "标题"),
    _f("message", "string", "说明"),
    _f("claimed", "string", "报告所述"),
    _f(
        "expected", "string", "推算结果", "按报告其他数字推算的结果；比较文字的规则为另一处的说法或应有的写法"
    ),
    _f("page", "integer", "页码", "第一条原文证据所在页"),
    _f("quote", "string", "原文", "第一条原文证据（报告提取文本中的原样片段）"),
    _f("section", "string", "所在部分", "第一条原文证据所在的章节（如“五、…… / （一）……”）或法定报表"),
    _f(
        "source_sha256",
        "string",
        "报告文件 SHA-256",
        "得出这个问题的报告文件；换了文件的报告，旧问题据此区分",
    ),
]

CLASS_FIELDS = REPORT_FIELDS[:3] + [
    _f("code", "string", "科目编码"),
    _f("name", "string", "支出功能分类（类）"),
    _f("amount", "number", "金额", "单位：万元"),
    _f("source", "string", "来源", "table = 报表，narrative = 文字说明"),
    _f("page", "integer", "页码"),
]

REPORT_METRIC_FIELDS = [
    _f("metric", "string", "指标键"),
    _f("label", "string", "指标"),
    _f("value", "number", "数值"),
    _f("unit", "string", "单位"),
    _f("kind", "string", "来源", "table = 报表，narrative = 文字说明"),
    _f("page", "integer", "页码"),
    _f("quote", "string", "原文"),
]

# a finding the site published before and no longer gives (generator.history): its anchor stays
RETIRED_FIELDS = [f for f in FINDING_FIELDS if f["name"] in KEPT] + [
    _f("retired_on", "string", "撤下日期", "首次不再得出这个问题的构建日期（YYYY-MM-DD）"),
    _f(
        "successor",
        "string",
        "取代它的问题编号",
        "同一报告页面上取代它的问题（也可能是另一个已撤下的编号，其后续见该行）；为空表示没有可以确定的后续问题",
    ),
    _f("moved_to", "string", "报告的新编号", "报告换了网址时，它现在的报告编号（取代它的问题在那个页面上）"),
    _f(
        "reason",
        "string",
        "撤下原因",
        "report_updated = 报告换了新版本文件，rules_revised = 报告文件未变、本站修订了核对规则，"
        "report_removed = 报告已不在本站，report_moved = 报告换了网址、问题仍然成立（编号不变）；"
        "为空表示此前发布时未记录报告文件、无法区分",
    ),
]

SCHEMAS: dict[str, tuple[str, list[Field]]] = {
    "metrics": ("每份报告一行，31 项标准指标（未披露为空）", METRIC_FIELDS),
    "findings": ("每个问题一行", FINDING_FIELDS),
    "functional_classes": ("每份报告每个支出功能分类（类）一行", CLASS_FIELDS),
    "retired": (
        "本站此前发布、现已撤下或由新编号取代的问题，每个旧编号一行（旧链接仍指向报告页面上的说明）",
        RETIRED_FIELDS,
    ),
}


ReportId = Callable[[Report], str]


def report_base(report: Report, rid: ReportId | None = None) -> dict[str, Any]:
    region = report.region or {}
    return {
        "report_id": rid(report) if rid else report.id,
        "agency": report.agency,
        "year": report.year,
        "scope": report.scope,
        "province": region.get("province"),
        "prefecture": region.get("prefecture"),
        "county": region.get("county"),
    }


def metric_rows(reports: list[Report], rid: ReportId | None = None) -> list[dict[str, Any]]:
    rows = []
    for r in reports:
        row = report_base(r, rid)
        for k in METRIC_KEYS:
            v = r.metrics.get(k)
            row[k] = number(v.amount, k) if v is not None else None
        rows.append(row)
    return rows


def finding_rows(reports: list[Report], rid: ReportId | None = None) -> list[dict[str, Any]]:
    rows = []
    for r in reports:
        base = {k: v for k, v in report_base(r, rid).items() if k in ("report_id", "agency", "year")}
        for f in r.findings:
            first = f.evidence[0] if f.evidence else None
            rows.append(
                base
                | {
                    "finding_id": f.id,
                    "rule": f.rule,
                    "severity": f.severity,
                    "title": f.title,
                    "message": f.message,
                    "claimed": f.claimed,
                    "expected": f.expected,
                    "page": first.page if first else None,
                    "quote": first.quote if first else None,
                    "section": (first.section or first.table) if first else None,
                    "source_sha256": r.source.get("sha256") or None,
                }
            )
    return rows


def class_rows(reports: list[Report], rid: ReportId | None = None) -> list[dict[str, Any]]:
    rows = []
    for r in reports:
        base = {k: v for k, v in report_base(r, rid).items() if k in ("report_id", "agency", "year")}
        for c in r.functional_classes:
            amount = c.get("amount")
            rows.append(
                base
                | {
                    "code": c.get("code"),
                    "name": c.get("name"),
                    "amount": None if amount is None else float(amount),
                    "source": c.get("source"),
                    "page": c.get("page"),
                }
            )
    return rows


def report_metric_rows(report: Report) -> list[dict[str, Any]]:
    rows = []
    for k in METRIC_KEYS:
        v = report.metrics.get(k)
        rows.append(
            {
                "metric": k,
                "label": METRIC_LABELS[k],
                "value": number(v.amount, k) if v is not None else None,
                "unit": METRIC_UNITS[k],
                "kind": v.kind if v is not None else None,
                "page": v.quote.page if v is not None else None,
                "quote": v.quote.quote if v is not None else None,
            }
        )
    return rows


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return repr(v) if v != int(v) else f"{v:.1f}"
    return str(v)


def to_csv(fields: list[str], rows: list[dict[str, Any]] | list[list[Any]]) -> str:
    """UTF-8 CSV with a BOM-less header; LF line ends so output is the same on every platform."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(fields)
    for row in rows:
        w.writerow([_cell(row.get(f)) for f in fields] if isinstance(row, dict) else [_cell(c) for c in row])
    return buf.getvalue()


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def datapackage(site_url: str) -> dict[str, Any]:
    resources = []
    for name, (description, fields) in SCHEMAS.items():
        for fmt, media in (("csv", "text/csv"), ("json", "application/json")):
            res: dict[str, Any] = {
                "name": f"{name}-{fmt}".replace("_", "-"),
                "path": f"{name}.{fmt}",
                "format": fmt,
                "mediatype": media,
                "encoding": "utf-8",
                "description": description,
                "schema": {"fields": fields},
            }
            if fmt == "json":
                res["profile"] = "tabular-data-resource"
            resources.append(res)
    return {
        "name": "juesuan-lens",
        "title": "决算透视：部门决算提取数据",
        "description": "从公开的部门（单位）决算报告中提取的标准指标、勾稽问题和支出功能分类。金额单位为万元。",
        "homepage": site_url,
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    }

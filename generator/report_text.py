"""Findings as a readable table for the terminal and for GitHub job summaries."""

from __future__ import annotations

import json

from generator.model import Report

_SEV = {"error": "错误", "warning": "警告", "info": "提示"}


def findings_table(report: Report, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(
            {"id": report.id, "agency": report.agency, "findings": [f.as_json() for f in report.findings]},
            ensure_ascii=False,
            indent=2,
        )
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in _SEV}
    head = f"{report.agency} {report.year or ''}（{report.source['path']}）：" + "，".join(
        f"{_SEV[s]} {n}" for s, n in counts.items()
    )
    if fmt == "markdown":
        lines = [f"### {_md(head)}", ""]
        if report.findings:
            lines += ["| 级别 | 规则 | 说明 | 页 |", "|---|---|---|---|"]
            for f in report.findings:
                page = ",".join(str(q.page) for q in f.evidence if q.page) or "–"
                lines.append(f"| {_SEV[f.severity]} | `{f.rule}` | {_md(f.message)} | {page} |")
        else:
            lines.append("未发现问题。")
        return "\n".join(lines)
    lines = [head]
    for f in report.findings:
        page = ",".join(str(q.page) for q in f.evidence if q.page) or "-"
        lines.append(f"  [{_SEV[f.severity]}] {f.rule:<28} p.{page:<6} {f.message}")
    if not report.findings:
        lines.append("  未发现问题。")
    return "\n".join(lines)


def _md(text: str) -> str:
    out = text.replace("|", "\\|").replace("\n", " ")
    for ch in "<>[]`*_":
        out = out.replace(ch, "\\" + ch)
    return out

"""Performance self-evaluation tables (绩效自评表): funding rows and indicator rows.

A 自评表 has a funding block (a header with 年初预算数/全年预算数/全年执行数/分值/执行率/得分, then
one row per source of money) and an indicator block (rows with 分值 and 得分 under a header that
names them). Cells are read by position under their header; a row whose cell count differs from
its header's is kept only when its funding figures check out (结余 = 预算 − 执行), because merged
cells shift columns in some exports and a shifted row would be misread.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from generator.model import Document, Quote
from generator.normalize import parse_amount

_TITLE = re.compile(r"绩效自评表")
_FUND_COLS = {
    "initial": re.compile(r"^年初预算数?$"),
    "budget": re.compile(r"^全年预算数?$"),
    "spent": re.compile(r"^全年执行数?$"),
    "balance": re.compile(r"^资金结[(（]?转[)）]?余$"),
    "points": re.compile(r"^(?:分值|分值权重|权重)$"),
    "rate": re.compile(r"^执行率$"),
    "score": re.compile(r"^得分$"),
}
_IND_POINTS = re.compile(r"^(?:分值|分值权重|权重)$")
_IND_SCORE = re.compile(r"^(?:得分|指标得分)$")
_HEADING_POINTS = re.compile(r"(?P<level>产出指标|效益指标|满意度指标)[(（](?P<max>\d+)分[)）]")


def _number(cell: str) -> Decimal | None:
    return parse_amount(cell.replace("%", "").replace("分", "").strip()) if cell else None


def perf_tables(doc: Document) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for t_index, table in enumerate(doc.tables):
        blocks = doc.table_rows(t_index)
        current: dict[str, Any] | None = None
        fund_header: dict[str, int] | None = None
        fund_len = 0
        ind_header: tuple[int, int, int] | None = None
        for r, row in enumerate(table.rows):
            block = blocks[r] if r < len(blocks) else None
            quote = Quote(block.text, block.page, None, "绩效自评表") if block is not None else None
            joined = "".join(row)
            cells = [c.strip() for c in row]

            def start(title: str) -> dict[str, Any]:
                entry = {"title": title, "name": None, "page": table.page, "funding": [], "indicators": [],
                         "headings": [], "total": None, "table": t_index}  # fmt: skip
                out.append(entry)
                return entry

            if len(row) == 1 and _TITLE.search(row[0]):
                current, fund_header, ind_header = start(row[0]), None, None
                continue
            if cells and cells[0] in ("项目名称", "单位名称"):
                if current is None or current["funding"] or current["indicators"]:
                    current, fund_header, ind_header = start("绩效自评表"), None, None
                current["name"] = next((c for c in cells[1:] if c), None)
                continue
            cols = {k: i for k, p in _FUND_COLS.items() for i, c in enumerate(cells) if p.match(c)}
            if "budget" in cols and "spent" in cols and "rate" in cols:
                if current is None or current["funding"]:
                    current = start("绩效自评表")
                fund_header, fund_len, ind_header = cols, len(cells), None
                continue
            if current is None:
                continue
            for m in _HEADING_POINTS.finditer(joined):
                current["headings"].append({"level": m.group("level"), "max": Decimal(m.group("max")), "row": r,
                                            "quote": quote, "text": m.group(0)})  # fmt: skip
            pi = next((i for i, c in enumerate(cells) if _IND_POINTS.match(c)), None)
            si = next((i for i, c in enumerate(cells) if _IND_SCORE.match(c)), None)
            if pi is not None and si is not None and "指标" in joined:
                ind_header, fund_header = (pi, si, len(cells)), None
                continue
            if cells and cells[0].startswith("总分"):
                nums = [_number(c) for c in cells[1:] if _number(c) is not None]
                current["total"] = {"points": nums[0] if nums else None, "score": nums[1] if len(nums) > 1 else None,
                                    "quote": quote}  # fmt: skip
                current, ind_header, fund_header = None, None, None  # the table ends with its 总分 row
                continue
            if fund_header is not None:
                label = next((c for c in cells if c and _number(c) is None), "")
                values = {k: (_number(cells[i]) if i < len(cells) else None, cells[i] if i < len(cells) else "")
                          for k, i in fund_header.items()}  # fmt: skip
                if values["budget"][0] is None and values["spent"][0] is None:
                    if re.search(r"年度(?:总体)?目标|绩效目标", joined):
                        fund_header = None
                    continue
                aligned = len(cells) == fund_len
                if "balance" in values and values["balance"][0] is not None:
                    b, s, bal = values["budget"][0], values["spent"][0], values["balance"][0]
                    aligned = aligned and b is not None and s is not None and abs(b - s - bal) <= Decimal("0.01")
                current["funding"].append({
                    "label": label, "aligned": aligned,
                    **{k: v[0] for k, v in values.items()},
                    "cells": {k: v[1] for k, v in values.items()},
                    "quote": quote, "row": r,
                })  # fmt: skip
                continue
            if ind_header is not None:
                pi, si, n = ind_header
                if len(cells) != n:
                    continue
                points, score = _number(cells[pi]), _number(cells[si])
                # a percentage or a large figure under 分值 is an actual value shifted by merged cells
                if points is None or "%" in cells[pi] + cells[si] or points > 50:
                    continue
                name = next((c for c in cells[:pi] if c and not c.endswith("指标") and _number(c) is None), "")
                level = next((h["level"] for h in reversed(current["headings"])), None)
                current["indicators"].append({"name": name, "points": points, "score": score, "level": level,
                                              "cells": cells, "quote": quote, "row": r})  # fmt: skip
    return [t for t in out if t["funding"] or t["indicators"]]

"""Extract: Document → Report. No file formats here: only blocks of text and tables.

Statutory tables are read first; the narrative fills what the tables do not state. Where both
state a figure, ``metrics`` holds the table's value and the narrative's goes to ``statements``
for the checks to compare.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from typing import Any

from generator.extract import claims, identity, narrative, perf
from generator.extract.tables import StatutoryTable, column, find_statutory, lookup, structured
from generator.model import Document, Quote, Report, Value

METRIC_KEYS = [
    "staff_total", "staff_active", "staff_retired", "staff_authorized",
    "income_total", "income_this_year", "income_fiscal", "income_other", "carryover_begin",
    "expenditure_total", "expenditure_this_year", "expenditure_basic", "expenditure_project", "carryover_end",
    "fiscal_total", "fiscal_expenditure",
    "gpb_expenditure", "gpb_budget_initial", "gpb_basic", "gpb_basic_personnel", "gpb_basic_public",
    "sangong_total", "sangong_budget", "sangong_abroad", "sangong_vehicle_purchase",
    "sangong_vehicle_operation", "sangong_reception",
    "operating_expenses", "procurement_total", "vehicles", "building_area_m2",
]  # fmt: skip

METRIC_LABELS = {
    "staff_total": "实有人数", "staff_active": "在职人员", "staff_retired": "退休人员", "staff_authorized": "编制数",
    "income_total": "收入总计", "income_this_year": "本年收入合计", "income_fiscal": "财政拨款收入",
    "income_other": "其他收入", "carryover_begin": "年初结转和结余", "expenditure_total": "支出总计",
    "expenditure_this_year": "本年支出合计", "expenditure_basic": "基本支出", "expenditure_project": "项目支出",
    "carryover_end": "年末结转和结余", "fiscal_total": "财政拨款收入支出总计", "fiscal_expenditure": "本年财政拨款支出",
    "gpb_expenditure": "一般公共预算财政拨款支出", "gpb_budget_initial": "一般公共预算财政拨款年初预算数",
    "gpb_basic": "一般公共预算财政拨款基本支出", "gpb_basic_personnel": "人员经费", "gpb_basic_public": "公用经费",
    "sangong_total": "“三公”经费支出", "sangong_budget": "“三公”经费预算数", "sangong_abroad": "因公出国（境）费",
    "sangong_vehicle_purchase": "公务用车购置费", "sangong_vehicle_operation": "公务用车运行维护费",
    "sangong_reception": "公务接待费", "operating_expenses": "机关运行经费", "procurement_total": "政府采购支出总额",
    "vehicles": "车辆", "building_area_m2": "房屋面积",
}  # fmt: skip

METRIC_UNITS = {k: "万元" for k in METRIC_KEYS}
METRIC_UNITS.update({k: "人" for k in ("staff_total", "staff_active", "staff_retired", "staff_authorized")})
METRIC_UNITS.update({"vehicles": "辆", "building_area_m2": "平方米"})


def R(label: str) -> re.Pattern[str]:
    """A table label, allowing the numbering prefix ("一、", "八、", "（八）", "八.", "8、"), spaces and a colon after it."""
    return re.compile(rf"(?:[（(]?[一二三四五六七八九十]+[、.．)）]|\d{{1,2}}\s*[、.．])?\s*{label}\s*[：:]?")


# other names templates give a line or a column (tried when the usual one is not printed): "收入合计", "本年收入小计",
# "年初结转结余", "上年结转结余", 公开06表's "人员经费"; 公开02/03表's first column headed "合计"
_OR = {
    "本年收入合计": "本年收入小计|收入合计",
    "本年支出合计": "本年支出小计|支出合计",
    "年初结转和结余": "(?:年初|上年)结转和?结余",
    "年末结转和结余": "年末结转和?结余",
    "人员经费合计": "人员经费(?:小计)?",
    "公用经费合计": "公用经费(?:小计)?",
}
_OR_COLUMN = {
    "本年收入合计": "^(?:合计|收入合计|本年收入(?:/合计|/小计)?)$",
    "本年支出合计": "^(?:合计|支出合计|本年支出(?:/合计|/小计)?)$",
}


def _lookup(t: StatutoryTable, label: str, occurrence: int = 0) -> Value | None:
    """lookup by the usual label, else by another name templates give it."""
    found = lookup(t, R(label), occurrence)
    return found if found is not None or label not in _OR else lookup(t, R(_OR[label]), occurrence)


def _column(t: StatutoryTable, label: str) -> Value | None:
    found = column(t, _TOTAL_ROW, re.compile(label))
    return (
        found
        if found is not None or label not in _OR_COLUMN
        else column(t, _TOTAL_ROW, re.compile(_OR_COLUMN[label]))
    )


_TOTAL_ROW = R("(?:合计|总计)")


_KINDS = ("人员经费", "公用经费")


def _block_subtotal(t: StatutoryTable, heading: str) -> Value | None:
    """The row that closes the block a row of ``heading`` alone opens ("人员经费" / 30101 … / "小计 4884.09"): a 小计 or
    "人员经费小计", or a bare 合计 where each block is closed by one (not the table's 合计 after blocks left open)."""
    from generator.extract.tables import _quote

    opens = {k: re.compile(rf"(?:[一二三四五六七八九十]+[、.．]|\d+[、.．])?\s*{k}(?:支出)?") for k in _KINDS}
    closes = {k: re.compile(rf"(?:{k}(?:支出)?)?(?:小计|合计)") for k in _KINDS}
    opened: list[str] = []
    closed: dict[str, tuple[str, Value | None]] = {}
    current: str | None = None
    for r_index, cells in enumerate(t.table.rows):
        texts = [c.strip() for c in cells if c.strip()]
        kind = next((k for k in _KINDS if len(texts) == 1 and opens[k].fullmatch(texts[0])), None)
        if kind is not None:
            current = kind
            opened.append(kind)
        elif current is not None and texts and closes[current].fullmatch(texts[0]):
            amounts = [v for c in texts[1:] if (v := t.amount(c)) is not None]
            closed[current] = (texts[0], Value(amounts[0], "table", _quote(t, r_index)) if amounts else None)
            current = None
    if heading not in closed:
        return None
    label, value = closed[heading]
    return None if label == "合计" and any(k not in closed for k in opened) else value


def table_metrics(st: dict[str, StatutoryTable]) -> dict[str, Value]:
    out: dict[str, Value | None] = {}

    def put(key: str, value: Value | None) -> None:
        if value is not None and out.get(key) is None:
            out[key] = value

    if t := st.get("公开01表"):
        put("income_total", lookup(t, R("总计"), 0))
        put("expenditure_total", lookup(t, R("总计"), 1))
        put("income_this_year", _lookup(t, "本年收入合计"))
        put("expenditure_this_year", _lookup(t, "本年支出合计"))
        put("income_other", lookup(t, R("其他收入")))
        put("carryover_begin", _lookup(t, "年初结转和结余"))
        put("carryover_end", _lookup(t, "年末结转和结余"))
    if t := st.get("公开02表"):
        put("income_this_year", _column(t, "本年收入合计"))
        put("income_fiscal", column(t, _TOTAL_ROW, re.compile("财政拨款收入")))
        put("income_other", column(t, _TOTAL_ROW, re.compile("其他收入")))
    if t := st.get("公开03表"):
        put("expenditure_this_year", _column(t, "本年支出合计"))
        put("expenditure_basic", column(t, _TOTAL_ROW, re.compile("基本支出")))
        put("expenditure_project", column(t, _TOTAL_ROW, re.compile("项目支出")))
    if t := st.get("公开04表"):
        put("fiscal_total", lookup(t, R("总计"), 0))
        put("income_fiscal", _lookup(t, "本年收入合计"))
        put("fiscal_expenditure", _lookup(t, "本年支出合计"))
    if t := st.get("公开05表"):
        put("gpb_expenditure", column(t, _TOTAL_ROW, re.compile("合计|小计|决算数")))
        put("gpb_basic", column(t, _TOTAL_ROW, re.compile("基本支出")))
    if t := st.get("公开06表"):
        for key, kind in (("gpb_basic_personnel", "人员经费"), ("gpb_basic_public", "公用经费")):
            put(key, _lookup(t, f"{kind}合计"))
            # one panel with 合计 | 人员经费 | 公用经费 columns, the 合计 row carrying each; or each block closed by 小计
            put(key, column(t, R("(?:基本支出)?(?:合计|总计)"), re.compile(f"^{kind}(?:支出)?$")))
            put(key, _block_subtotal(t, kind))
    if t := st.get("公开09表"):
        for key, value in sangong_table(t).items():
            put(key, value)
    return {k: v for k, v in out.items() if v is not None}


_SANGONG_ORDER = [
    "sangong_total", "sangong_abroad", None, "sangong_vehicle_purchase", "sangong_vehicle_operation",
    "sangong_reception",
]  # fmt: skip


def sangong_table(t: StatutoryTable) -> dict[str, Value]:
    """公开09表's six items in statutory order (合计, 出国, 车小计, 车购置, 车运行, 接待): their 决算数, and the 合计's
    预算数, whichever layout prints them (extract.tables.sangong_cells).

    An empty cell is "not stated in the table" (the narrative may still state it)."""
    from generator.extract.tables import _quote, sangong_cells
    from generator.model import Value as V

    rows = t.table.rows
    layout = sangong_cells(rows)
    out: dict[str, Value] = {}
    for key, cell in zip(_SANGONG_ORDER, layout.cells if layout else ()):
        if cell is None:
            continue  # no column for it in this layout
        k, b, f = cell
        row = rows[k]
        fv = t.amount(row[f]) if f < len(row) else None
        if key is not None and fv is not None:
            out[key] = V(fv, "table", _quote(t, k))
        bv = t.amount(row[b]) if key == "sangong_total" and b < len(row) else None
        if bv is not None:
            out["sangong_budget"] = V(bv, "table", _quote(t, k))
    return out


_STAFF_HEADERS = {
    "staff_authorized": re.compile(r"^(?:核定)?编制(?:人)?数$"),
    "staff_active": re.compile(r"^(?:\d{4}年)?(?:实际)?在职人[数员]$"),
    "staff_total": re.compile(r"^实有人数$"),
}


def staff_from_tables(doc: Document) -> dict[str, Value]:
    """Head counts in the 基础数据表 of performance reports: a header row, the figures below."""
    from generator.model import Quote
    from generator.normalize import parse_amount

    out: dict[str, Value] = {}
    for t_index, table in enumerate(doc.tables):
        rows = table.rows
        blocks = doc.table_rows(t_index)
        for r, row in enumerate(rows[:-1]):
            below = rows[r + 1]
            if len(below) != len(row):
                continue
            for i, cell in enumerate(row):
                for key, pattern in _STAFF_HEADERS.items():
                    if key in out or not pattern.match(cell):
                        continue
                    v = parse_amount(below[i])
                    if v is not None and v == v.to_integral_value():
                        quote = blocks[r + 1].text if r + 1 < len(blocks) else below[i]
                        out[key] = Value(v, "table", Quote(quote, table.page, table="绩效评价基础数据表"))
    return out


def extract(doc: Document, meta: dict[str, Any] | None = None) -> Report:
    meta = meta or {}
    identity.check_kind(doc)
    year = meta.get("year") or identity.find_year(doc)
    agency, consolidated = identity.find_agency(doc, year)
    agency = meta.get("agency") or agency
    scope = meta.get("scope") or identity.find_scope(doc, consolidated)
    sections = narrative.section_of(doc)
    toc = _toc_blocks(doc)
    statutory = find_statutory(doc)
    from_tables = table_metrics(statutory)
    from_text = narrative.find_narrative(doc, sections, toc, agency, year)
    shares = claims.share_claims(doc, sections, toc, year)
    for key, value in _listed(claims.listed_amounts(doc, sections, toc, year, agency)).items():
        from_text.setdefault(key, value)
    for key, value in staff_from_tables(doc).items():
        from_text.setdefault(key, value)
    metrics: dict[str, Value | None] = {}
    for key in METRIC_KEYS:
        metrics[key] = from_tables.get(key) or from_text.get(key)
    if doc.ocr_pages:  # figures recognised from a page image: the site says to check the original
        metrics = {k: _mark_ocr(v, doc.ocr_pages) for k, v in metrics.items()}
        from_text = {k: _mark_ocr(v, doc.ocr_pages) or v for k, v in from_text.items()}
    statements = [
        {"metric": key, "kind": "narrative", "amount": v.amount, "quote": v.quote}
        for key, v in from_text.items()
        if key in from_tables
    ]
    report = Report(
        id=meta.get("id") or identity.report_id(agency, year),
        source={"path": doc.path, "sha256": doc.sha256, "format": doc.format, "pages": doc.pages},
        agency=agency,
        year=year,
        scope=scope,  # type: ignore[arg-type]
        region=meta.get("region") or identity.find_region(agency, doc),
        metrics=metrics,
        functional_classes=claims.functional_classes(doc, statutory, sections),
        tables={k: structured(v) for k, v in sorted(statutory.items())},
        yoy_claims=claims.yoy_claims(doc, sections, toc, year),
        statements=statements,
        narrative=from_text,
        share_claims=shares,
        budget_claims=claims.budget_claims(doc, sections, toc, year),
        perf_tables=perf.perf_tables(doc, agency),
        sections=[{"title": s} for s in dict.fromkeys(s for s in sections if s)],
        meta=meta,
        document=doc,
    )
    return report


# figures a list states in one sentence ("其中：人员经费和公用经费分别为4896.98万元和480.66万元，分别占……"), by name and the
# section the narrative's own patterns read them in
_LISTED = {
    "人员经费": ("gpb_basic_personnel", "基本支出"),
    "公用经费": ("gpb_basic_public", "基本支出"),
    "基本支出": ("expenditure_basic", "支出决算"),
    "项目支出": ("expenditure_project", "支出决算"),
    "财政拨款收入": ("income_fiscal", "收入决算"),
    "其他收入": ("income_other", "收入决算"),
}


def _listed(listed: list[dict[str, object]]) -> dict[str, Value]:
    out: dict[str, Value] = {}
    for c in listed:
        quote, amount = c.get("quote"), c.get("amount")
        if not isinstance(quote, Quote) or not isinstance(amount, Decimal) or c["qualified"]:
            continue
        key, section = _LISTED.get(str(c["label"]), (None, ""))
        # 基本支出/项目支出 not of 财政拨款 ("一般公共预算财政拨款基本支出和项目支出分别为……", or in its section): that
        # money's, not the year's
        where = quote.section or ""
        # (人员经费 and 公用经费 are the 财政拨款's anyway: their section is 一般公共预算财政拨款基本支出's)
        fiscal = bool(
            key and key.startswith("expenditure") and "财政拨款" in str(c["lead"]) + quote.quote + where
        )
        if key and section in where and not fiscal:
            out.setdefault(key, Value(amount, "narrative", quote))
    return out


def _mark_ocr(value: Value | None, ocr_pages: tuple[int, ...]) -> Value | None:
    if value is None or value.quote.page not in ocr_pages:
        return value
    return dataclasses.replace(value, ocr=True)


def _toc_blocks(doc: Document) -> set[int]:
    """Blocks of the table of contents (目录): they repeat headings but state nothing."""
    out: set[int] = set()
    for pos, b in enumerate(doc.blocks[:120]):
        if re.match(r"^目\s*录", b.text):
            for j in range(pos, min(pos + 60, len(doc.blocks))):
                t = doc.blocks[j].text
                if j > pos + 3 and re.search(r"\d+(?:\.\d+)?万元|。", t):
                    break
                out.add(j)
            break
    return out

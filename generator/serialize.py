"""Report ↔ JSON (data contract, section 2) and Document ↔ JSON (the extraction cache)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.extract import METRIC_KEYS, METRIC_UNITS
from generator.model import Block, Document, Report, Table


def number(value: Decimal | None, key: str = "") -> int | float | None:
    if value is None:
        return None
    if METRIC_UNITS.get(key) in ("人", "辆"):
        return int(value)
    return float(value)


def plain(x: Any) -> Any:
    """Decimals and quotes inside claims and tables, as JSON-ready values."""
    from generator.model import Quote

    if isinstance(x, Decimal):
        return float(x)
    if isinstance(x, Quote):
        return x.as_json()
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    return x


def report_json(report: Report) -> dict[str, Any]:
    metrics = {}
    for k in METRIC_KEYS:
        v = report.metrics.get(k)
        metrics[k] = number(v.amount if v is not None else None, k)
    provenance = {}
    for k in METRIC_KEYS:
        v = report.metrics.get(k)
        if v is None:
            continue
        provenance[k] = {
            "kind": v.kind,
            "table": v.quote.table.split(" ")[0] if v.quote.table else None,
            "page": v.quote.page,
            "quote": v.quote.quote,
            "section": v.quote.section,
            "ocr": v.ocr,
        }
    return {
        "id": report.id,
        "source": report.source,
        "agency": report.agency,
        "year": report.year,
        "scope": report.scope,
        "region": report.region,
        "metrics": metrics,
        "provenance": provenance,
        "functional_classes": plain(report.functional_classes),
        "tables": plain(report.tables),
        "yoy_claims": plain(report.yoy_claims),
        "meta": {k: v for k, v in report.meta.items() if isinstance(v, (str, int, float, bool)) or v is None},
        "findings": [f.as_json() for f in report.findings],
    }


def document_json(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "format": doc.format,
        "pages": doc.pages,
        "ocr_pages": list(doc.ocr_pages),
        "repeated_pages": [list(p) for p in doc.repeated_pages],
        "tables": [{"page": t.page, "rows": [list(r) for r in t.rows]} for t in doc.tables],
        "blocks": [[b.text, b.page, b.table, b.row, [list(p) for p in b.page_breaks]] for b in doc.blocks],
    }


def document_from_json(data: dict[str, Any]) -> Document:
    return Document(
        path=data["path"],
        sha256=data["sha256"],
        format=data["format"],
        pages=data["pages"],
        ocr_pages=tuple(data.get("ocr_pages", ())),
        repeated_pages=tuple((a, b) for a, b in data.get("repeated_pages", ())),
        tables=[Table(page=t["page"], rows=tuple(tuple(r) for r in t["rows"])) for t in data["tables"]],
        blocks=[
            Block(text=t, page=p, table=tb, row=r, page_breaks=tuple(tuple(x) for x in pb))  # type: ignore[misc]
            for t, p, tb, r, pb in data["blocks"]
        ],
    )

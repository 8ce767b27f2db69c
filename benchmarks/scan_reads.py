"""Scanned copies of the published PDFs: how their findings and tables compare with the text layer's, and what the
OCR layout costs.

Each PDF (the three in data/reports/ and the 测试问题版本 fixture) is rendered page by page at 144 dpi and written as
an image-only PDF, as a scanner would give it without its noise. Its pages are recognised once (the recogniser's
boxes kept in memory), then the copy is read and checked as any report, and compared with the original:

- findings: ids and severities only in the original ("lost") or only in the scan ("new");
- tables: each statutory table's rows (code, name, figures) and its column names as the report JSON holds them;
- layout: the median time of ocr.page_items over all the copies' pages (REPEAT runs), the recogniser excluded.

The recognition takes about a second a page (two cores): 105 pages, two minutes or so. Needs the ``ocr`` extra.
Run it with another checkout first on PYTHONPATH to compare.

With DUST (a share of pixels, e.g. 0.00025), the copies are made at 200 dpi with that share of their pixels turned
black or grey at random, as tests/test_ocr_tables.py makes its dusty copy (one pixel in 4,000 there), and only the
comparison is printed.

With TURN (degrees), the copies are made at 200 dpi turned that much, as a sheet fed askew.

Usage: python benchmarks/scan_reads.py [REPEAT [DUST [TURN]]]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "data" / "reports" / "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf",
    ROOT / "data" / "reports" / "上海市普陀区财政局2024年度部门决算.pdf",
    ROOT / "data" / "reports" / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf",
    ROOT.parent / "shared" / "corpus" / "final-accounts" / "24年普陀区财政局（测试问题版本）.pdf",
]


def _copy(source: Path, target: Path, dust: float, turn: float) -> list[float]:
    import pypdfium2 as pdfium

    sys.path.insert(0, str(ROOT / "tests"))
    from test_ocr_tables import _scan

    doc = pdfium.PdfDocument(str(source))
    try:
        widths = [doc[i].get_width() for i in range(len(doc))]
    finally:
        doc.close()
    pages = tuple(range(len(widths)))
    _scan(target, source, pages, dpi=200 if dust or turn else 144, dust=dust, turn=turn)
    return widths


def _rows(tables: dict[str, Any], key: str) -> list[Any]:
    return [(r["code"], r["name"], r["values"]) for r in tables.get(key, {}).get("rows", [])]


def main(repeat: int, dust: float, turn: float) -> None:
    from generator.checks import run_checks
    from generator.extract import extract
    from generator.ingest import ocr, read_document
    from generator.pipeline import load_report

    if not ocr.available():
        sys.exit("the ocr extra is not installed: pip install -e '.[ocr]'")
    recognised: dict[tuple[str, int], list[dict[str, Any]]] = {}
    recognise = ocr.recognise

    def cached(path: Path, index: int) -> list[dict[str, Any]]:
        key = (str(path), index)
        if key not in recognised:
            recognised[key] = recognise(path, index)
        return [dict(b) for b in recognised[key]]

    ocr.recognise = cached  # type: ignore[assignment]
    pages: list[tuple[list[dict[str, Any]], int, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for source in (s for s in SOURCES if s.exists()):
            scan = Path(tmp) / source.name
            widths = _copy(source, scan, dust, turn)
            original = {(f.id, f.severity) for f in run_checks(load_report(source, cache=None))}
            scanned = {(f.id, f.severity) for f in run_checks(load_report(scan, cache=None))}
            text, ocr_tables = extract(read_document(source)).tables, extract(read_document(scan)).tables
            keys = sorted(set(text) | set(ocr_tables))
            rows = sum(_rows(text, k) == _rows(ocr_tables, k) for k in keys)
            columns = sum(
                text.get(k, {}).get("columns") == ocr_tables.get(k, {}).get("columns") for k in keys
            )
            print(
                f"{source.name[:16]}: findings lost {len(original - scanned)}, new {len(scanned - original)}; "
                f"tables with the same rows {rows}/{len(keys)}, the same column names {columns}/{len(keys)}"
            )
            pages += [(cached(scan, i), i + 1, w) for i, w in enumerate(widths)]
    if dust or turn:
        return
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for boxes, number, width in pages:
            ocr.page_items([dict(b) for b in boxes], number, width)
        runs.append(time.perf_counter() - start)
    print(f"layout of {len(pages)} pages: median {statistics.median(runs) * 1000:.1f} ms over {repeat} runs")


if __name__ == "__main__":
    args = [float(a) for a in sys.argv[2:4]] + [0.0, 0.0]
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15, args[0], args[1])

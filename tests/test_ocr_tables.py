"""A scanned report's tables read as its text layer's: wrapped cells joined (issue 3: no false alarms from a scan).

The scan is made here from the real 社工部 report (its pages with 公开02/03/05表 rendered to images and written
as an image-only PDF; said so: the same pages as a scanner would give, without its noise), read with OCR, and
its statutory tables compared with the text layer's, row by row."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from generator.extract import extract
from generator.extract.tables import find_statutory, structured
from generator.ingest import ocr, read_document

ROOT = Path(__file__).resolve().parent.parent
SOCIAL = ROOT / "data" / "reports" / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
PAGES = (5, 6, 7, 8, 11)  # 0-based: 公开02表 (two pages), 公开03表 (two), 公开05表


def _scan(target: Path) -> None:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(SOCIAL))
    try:
        images = [doc[i].render(scale=2.0).to_pil().convert("RGB") for i in PAGES]
    finally:
        doc.close()
    images[0].save(str(target), save_all=True, append_images=images[1:], resolution=144)


def test_wrapped_cells_of_a_scanned_table_are_one_row(tmp_path: Path) -> None:
    """A name too long for its cell wraps ("机关事业单位" / "基本养老保险" / "缴费支出") and its code and figures
    stand centred beside it; OCR reads each as a line. Before wrapped lines were joined, the full 社工部 report
    scanned drew 18 new findings, 15 of them errors (each 类 of 05表 "blank", "208 业支出", "2080505 支出" for
    another name); with them joined, the scan gives the text layer's findings, ids and all (measured on all 24
    pages; this test reads the five pages of those three tables). 财政局's scan: 21 → 2 new findings; 规划局's 36 → 6 (a 06表 code
    read into the amount column, and its 01表's two columns read as one: left)."""
    if not ocr.available():
        if sys.version_info < (3, 13):
            pytest.fail("OCR extra missing: pip install -e '.[ocr]' (make test installs it)")
        pytest.skip("no OCR wheels for this Python")
    scan = tmp_path / SOCIAL.name
    _scan(scan)
    document = read_document(
        scan
    )  # three pages only: too few to pass as a report, so its tables are read directly
    assert document.ocr_pages == (1, 2, 3, 4, 5)
    scanned = {k: structured(st) for k, st in find_statutory(document).items()}
    text = extract(read_document(SOCIAL)).tables
    for key in ("公开02表", "公开03表", "公开05表"):
        rows = [(r["code"], r["name"], r["values"]) for r in scanned[key]["rows"] if r["code"]]  # type: ignore[index]
        expected = [(r["code"], r["name"], r["values"]) for r in text[key]["rows"] if r["code"]]
        assert rows == expected, key
    assert ("2080505", "机关事业单位基本养老保险缴费支出") in {
        (r["code"], r["name"])
        for r in scanned["公开05表"]["rows"]  # type: ignore[index]
    }

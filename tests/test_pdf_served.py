"""Real PDFs as the web serves them, read as the published files are.

The thirty-fourth session's PDF probe (docs/reviews/adversarial_served34.md) changed the four published PDFs the
way published files are changed: a watermark printed over every page, a page number "3/25" or a running header, a
viewer's "rotate page" saved, a page printed twice, a blank sheet inside a table, two reports bound in one file, a
file without its cover. Each is made here from the real 社工部 or 财政局 PDF with PDFium (said so in each test); a reader
of the file sees the same report, and the checker must say the same of it.
"""

from __future__ import annotations

import ctypes
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.errors import NotAReportError
from generator.pipeline import load_report

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
SHEGONG = REPORTS / "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"
CAIZHENG = REPORTS / "上海市普陀区财政局2024年度部门决算.pdf"
GUIHUA = REPORTS / "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"


def _variant(source: Path, target: Path, edit: Callable[[Any], None]) -> Path:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(source))
    try:
        edit(doc)
        doc.save(str(target))
    finally:
        doc.close()
    return target


def _text(doc: Any, page: Any, text: str, x: float, y: float, size: float, angle: int, grey: int) -> None:
    """``text`` in Helvetica on ``page`` at (x, y), turned ``angle`` degrees (0, 45 or 90), filled grey ``grey``."""
    import pypdfium2.raw as pr

    obj = pr.FPDFPageObj_NewTextObj(doc.raw, b"Helvetica", ctypes.c_float(size))
    wide = (text + "\x00").encode("utf-16-le")
    pr.FPDFText_SetText(obj, ctypes.cast(ctypes.create_string_buffer(wide), ctypes.POINTER(ctypes.c_ushort)))
    cos, sin = {0: (1.0, 0.0), 45: (0.7071, 0.7071), 90: (0.0, 1.0)}[angle]
    pr.FPDFPageObj_Transform(obj, cos, sin, -sin, cos, x, y)
    pr.FPDFPageObj_SetFillColor(obj, grey, grey, grey, 255)
    pr.FPDFPage_InsertObject(page.raw, obj)


def _said(path: Path) -> tuple[Counter[tuple[str, str, str | None, str | None]], dict[str, Any]]:
    """What the checker says of a file (each finding's rule, severity and figures: an inserted page moves the page
    numbers its messages name) and the figures it reads."""
    r = load_report(path, cache=None)
    found = Counter((f.rule, f.severity, f.claimed, f.expected) for f in r.findings)
    return found, {k: (v.amount if v is not None else None) for k, v in r.metrics.items()}


@pytest.fixture(scope="module")
def published() -> dict[Path, tuple[Counter[tuple[str, str, str | None, str | None]], dict[str, Any]]]:
    return {p: _said(p) for p in (SHEGONG, CAIZHENG)}


def _watermarked(angle: int, grey: int) -> Callable[[Any], None]:
    def edit(doc: Any) -> None:
        for index in range(len(doc)):
            page = doc[index]
            w, h = page.get_size()
            for k in range(3):  # tiled down the page, over the tables
                _text(doc, page, "2025-06-30 5", w * 0.15, h * (0.2 + 0.3 * k), 36, angle, grey)
            page.gen_content()

    return edit


@pytest.mark.parametrize(
    "angle,grey",
    [
        (45, 90),  # diagonal, dark enough to print: dropped for its angle
        (0, 190),  # horizontal, light grey: dropped for its colour
    ],
)
def test_a_watermark_over_every_page(tmp_path: Path, published, angle: int, grey: int) -> None:
    """社工部 with "2025-06-30 5" stamped three times over every page (the probe's wm_*: every kind read the mark's
    digits into the tables' cells, 项目支出 202.24 as 52202.24, ~1,300 false errors over 44 files). Text drawn at an
    angle beside upright text, or filled light grey, is laid over the page, not part of it."""
    target = _variant(SHEGONG, tmp_path / "wm.pdf", _watermarked(angle, grey))
    assert _said(target) == published[SHEGONG]


def test_a_page_number_and_a_running_header(tmp_path: Path, published) -> None:
    """社工部 with "Putuo District 2024 Final Accounts" at the top of every page and "3/13" at its foot (the probe's
    hdr_running and ftr_slash: the line between a table's two pages stopped it being joined, 82 false errors a kind)."""

    def edit(doc: Any) -> None:
        n = len(doc)
        for index in range(n):
            page = doc[index]
            w, h = page.get_size()
            _text(doc, page, "Putuo District 2024 Final Accounts", w * 0.3, h - 30, 9, 0, 0)
            _text(doc, page, f"{index + 1}/{n}", w * 0.5, 20, 9, 0, 0)
            page.gen_content()

    assert _said(_variant(SHEGONG, tmp_path / "running.pdf", edit)) == published[SHEGONG]


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_pages_turned_by_a_viewer(tmp_path: Path, published, turn: int) -> None:
    """社工部 with every page's /Rotate set and its content as it was (a viewer's "rotate page", saved): the pages went to
    pdfplumber, which read the text sideways (false errors at 90°; at 180° and 270° the file was refused as "not a
    final-accounts report")."""

    def edit(doc: Any) -> None:
        for index in range(len(doc)):
            doc[index].set_rotation(turn)

    assert _said(_variant(SHEGONG, tmp_path / "turned.pdf", edit)) == published[SHEGONG]


def test_a_page_printed_twice(tmp_path: Path, published) -> None:
    """财政局 with its 公开02表's first page printed twice (the probe's dup_page: 37 of 105 files blamed the agency for
    sums whose rows the file repeats). The page is read once, and a note says the file repeats it."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(CAIZHENG))
    try:
        at = next(
            i
            for i in range(len(source))
            if source[i].get_textpage().get_text_range().startswith("收入决算表")
        )
    finally:
        source.close()

    def edit(doc: Any) -> None:
        doc.import_pages(doc, [at], at + 1)

    found, metrics = _said(_variant(CAIZHENG, tmp_path / "twice.pdf", edit))
    said, read = published[CAIZHENG]
    assert metrics == read
    assert found - said == Counter({("completeness.page_repeated", "info", None, None): 1})
    assert not said - found


def test_a_blank_sheet_inside_a_table(tmp_path: Path, published) -> None:
    """财政局 with a blank page between the two pages of its 公开04表 (the probe's blank_insert: the table was cut in two,
    财政拨款收入支出总计 read from the narrative, and the true error on its 0.3万元 replaced by another)."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(CAIZHENG))
    try:
        at = next(
            i
            for i in range(len(source))
            if source[i].get_textpage().get_text_range().startswith("财政拨款收入支出决算总表")
        )
        w, h = source[at].get_size()
    finally:
        source.close()

    def edit(doc: Any) -> None:
        doc.new_page(w, h, at + 1)

    assert _said(_variant(CAIZHENG, tmp_path / "blank.pdf", edit)) == published[CAIZHENG]


def test_two_reports_bound_in_one_file(tmp_path: Path) -> None:
    """规划局's report followed by 财政局's in one PDF (the probe's merge: checked as 规划局's, 财政局's narrative against
    规划局's tables, 26 errors). Refused, naming both."""
    import pypdfium2 as pdfium

    def edit(doc: Any) -> None:
        other = pdfium.PdfDocument(str(CAIZHENG))
        try:
            doc.import_pages(other)
        finally:
            other.close()

    target = _variant(GUIHUA, tmp_path / "bound.pdf", edit)
    with pytest.raises(NotAReportError) as refused:
        load_report(target, cache=None)
    assert "文件包含多份决算报告（上海市普陀区规划和自然资源局、上海市普陀区财政局）" in str(refused.value)


def test_a_file_without_its_cover(tmp_path: Path, published) -> None:
    """社工部 without its cover page (the probe's drop_page p01): the agency was read from the 目录's first lines,
    "第一部分中共上海市普陀区委社会工作部概况一、主要职能二、", and the report's own title called another agency's."""

    def edit(doc: Any) -> None:
        doc.del_page(0)

    r = load_report(_variant(SHEGONG, tmp_path / "coverless.pdf", edit), cache=None)
    assert r.agency == "中共上海市普陀区委社会工作部"
    assert not [f for f in r.findings if f.rule == "completeness.agency_name"]

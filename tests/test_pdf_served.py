"""Real PDFs as the web serves them, read as the published files are.

The thirty-fourth session's PDF probe (docs/reviews/adversarial_served34.md) changed the four published PDFs the
way published files are changed: a watermark printed over every page, a page number "3/25" or a running header, a
viewer's "rotate page" saved, a page printed twice, a blank sheet inside a table, two reports bound in one file, a
file without its cover. Each is made here from the real 社工部 or 财政局 PDF with PDFium (said so in each test); a reader
of the file sees the same report, and the checker must say the same of it.
"""

from __future__ import annotations

import ctypes
import math
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


def _text(
    doc: Any,
    page: Any,
    text: str,
    x: float,
    y: float,
    size: float,
    angle: float,
    grey: int,
    rgb: tuple[int, int, int] | None = None,
    invisible: bool = False,
) -> None:
    """``text`` in Helvetica on ``page`` at (x, y), turned ``angle`` degrees, filled grey ``grey`` (or ``rgb``), drawn
    invisible (render mode 3, a search layer's) if asked."""
    import math

    import pypdfium2.raw as pr

    obj = pr.FPDFPageObj_NewTextObj(doc.raw, b"Helvetica", ctypes.c_float(size))
    wide = (text + "\x00").encode("utf-16-le")
    pr.FPDFText_SetText(obj, ctypes.cast(ctypes.create_string_buffer(wide), ctypes.POINTER(ctypes.c_ushort)))
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    pr.FPDFPageObj_Transform(obj, cos, sin, -sin, cos, x, y)
    r, g, b = rgb or (grey, grey, grey)
    pr.FPDFPageObj_SetFillColor(obj, r, g, b, 255)
    if invisible:
        pr.FPDFTextObj_SetTextRenderMode(obj, pr.FPDF_TEXTRENDERMODE_INVISIBLE)
    pr.FPDFPage_InsertObject(page.raw, obj)


def _page_opening(path: Path, title: str) -> tuple[int, tuple[float, float]]:
    """The index and size of the first page whose text opens with ``title`` (a table's own page, not the 目录's line)."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(path))
    try:
        at = next(
            i for i in range(len(source)) if source[i].get_textpage().get_text_range().startswith(title)
        )
        return at, source[at].get_size()
    finally:
        source.close()


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
            for k in range(3):  # tiled down the page, over the tables, set larger than the cover's title
                _text(doc, page, "2025-06-30 5", w * 0.15, h * (0.2 + 0.3 * k), 48, angle, grey)
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

    at, _ = _page_opening(CAIZHENG, "收入决算表")

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

    at, (w, h) = _page_opening(CAIZHENG, "财政拨款收入支出决算总表")

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


def test_a_seal_over_the_first_table(tmp_path: Path, published) -> None:
    """财政局 with a red seal over its 公开01表's page: a ring of figures turned round a circle and one upright in the
    middle (the probe's stamp_vector: the seal's characters went into the cells, "海6.20", and rows read blank). A ring
    of red characters is a seal; its upright red characters go with it."""

    def edit(doc: Any) -> None:
        for index in range(len(doc)):
            page = doc[index]
            if "收入支出决算总表" not in page.get_textpage().get_text_range()[:40]:
                continue
            w, h = page.get_size()
            cx, cy, radius = w * 0.5, h * 0.6, 60
            for k in range(12):  # 0°, 30°, …: the top and bottom ones upright or upside down, the rest turned
                a = math.radians(90 - 30 * k)
                _text(
                    doc,
                    page,
                    "7",
                    cx + radius * math.cos(a),
                    cy + radius * math.sin(a),
                    14,
                    -30 * k,
                    0,
                    (220, 30, 30),
                )
            _text(doc, page, "8", cx, cy, 20, 0, 0, (220, 30, 30))
            page.gen_content()
            break

    assert _said(_variant(CAIZHENG, tmp_path / "sealed.pdf", edit)) == published[CAIZHENG]


def test_text_no_viewer_shows(tmp_path: Path, published) -> None:
    """社工部 with "8888.88" outside each page's CropBox (a printer's slug in the trimmed margin) and drawn invisible
    inside it (render mode 3, a search layer over text of the page's own): no viewer shows either."""

    def edit(doc: Any) -> None:
        for index in range(len(doc)):
            page = doc[index]
            x0, y0, x1, y1 = page.get_mediabox()
            page.set_cropbox(x0 + 30, y0 + 30, x1 - 30, y1 - 30)
            _text(doc, page, "8888.88 2023", x0 + 5, y0 + 10, 8, 0, 0)
            _text(doc, page, "8888.88 2023", x0 + 80, (y0 + y1) / 2, 10, 0, 0, invisible=True)
            page.gen_content()

    assert _said(_variant(SHEGONG, tmp_path / "unseen.pdf", edit)) == published[SHEGONG]


def test_a_scan_s_recognised_text_is_read(tmp_path: Path) -> None:
    """A scanned page (a page image) with its recognised text drawn invisible over it and a page number stamped in
    black: the invisible text is the page's text, and is read."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    page = doc.new_page(595, 842)
    image = pdfium.PdfImage.new(doc)
    image.set_bitmap(pdfium.PdfBitmap.new_native(200, 280, pdfium.raw.FPDFBitmap_BGR))
    image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
    page.insert_obj(image)
    _text(doc, page, "Total 1234.56 recognised", 80, 500, 12, 0, 0, invisible=True)
    _text(doc, page, "3", 290, 20, 9, 0, 0)
    read = _saved_and_read(doc, page, tmp_path / "scan.pdf")
    assert "1234.56" in read and "3" in read


def _saved_and_read(doc: Any, page: Any, target: Path) -> str:
    """``page``'s content written, ``doc`` saved to ``target`` and closed, and the first page's text as PdfiumPage
    reads it from the saved file."""
    import pypdfium2 as pdfium

    from generator.ingest.pdfium_page import PdfiumPage

    page.gen_content()
    doc.save(str(target))
    doc.close()
    saved = pdfium.PdfDocument(str(target))
    try:
        return "".join(c["text"] for c in PdfiumPage(saved[0]).chars)
    finally:
        saved.close()


def _recolour(doc: Any, which: Callable[[int, int, float], bool], rgb: tuple[int, int, int]) -> None:
    """Fill ``rgb`` the top-level text objects ``which(page, n, top share)`` picks (the fixes' probe's re-coloured
    text: headings set white on a dark band, a table's figures in grey, a cover's first line in red)."""
    import pypdfium2.raw as pr

    for index in range(len(doc)):
        page = doc[index]
        h = page.get_height()
        n = 0
        for obj in page.get_objects(max_depth=1):
            if obj.type != pr.FPDF_PAGEOBJ_TEXT:
                continue
            top = obj.get_bounds()[3]
            if which(index, n, 1 - top / h):
                pr.FPDFPageObj_SetFillColor(obj.raw, *rgb, 255)
            n += 1
        page.gen_content()


@pytest.mark.parametrize(
    "which,rgb",
    [
        (lambda page, n, top: top < 0.15, (255, 255, 255)),  # headings white on a dark band
        (
            lambda page, n, top: page > 0 and n % 5 == 0,
            (166, 166, 166),
        ),  # every fifth text grey, past the cover
    ],
)
def test_text_set_white_or_grey_is_still_the_page_s(tmp_path: Path, published, which, rgb) -> None:
    """社工部 with text re-coloured (the fixes' probe, thirty-fourth session, FA-1d): white text on a dark band is read,
    and grey figures the size of the page's text are no watermark."""

    def edit(doc: Any) -> None:
        _recolour(doc, which, rgb)

    assert _said(_variant(SHEGONG, tmp_path / "coloured.pdf", edit)) == published[SHEGONG]


def test_a_red_title_beside_a_seal_is_read(tmp_path: Path) -> None:
    """社工部's cover with its first title line in red (a 红头 title) and a red seal's ring below it (FA-1e): the seal's
    middle characters go, the title stays: the agency is still 中共上海市普陀区委社会工作部."""

    def edit(doc: Any) -> None:
        _recolour(doc, lambda page, n, top: page == 0 and n == 0, (220, 30, 30))
        page = doc[0]
        w, h = page.get_size()
        for k in range(12):
            a = math.radians(90 - 30 * k)
            _text(
                doc,
                page,
                "7",
                w * 0.5 + 50 * math.cos(a),
                h * 0.3 + 50 * math.sin(a),
                12,
                -30 * k,
                0,
                (220, 30, 30),
            )
        page.gen_content()

    r = load_report(_variant(SHEGONG, tmp_path / "red.pdf", edit), cache=None)
    assert r.agency == "中共上海市普陀区委社会工作部"


def test_a_crop_box_with_its_corners_the_other_way(tmp_path: Path, published) -> None:
    """社工部 with each page's CropBox written from its top-right corner (valid PDF, FA-1a): every character was outside
    the box as written, and the file was refused as having no text."""

    def edit(doc: Any) -> None:
        for index in range(len(doc)):
            x0, y0, x1, y1 = doc[index].get_mediabox()
            doc[index].set_cropbox(x1, y1, x0, y0)

    assert _said(_variant(SHEGONG, tmp_path / "crop.pdf", edit)) == published[SHEGONG]


@pytest.mark.parametrize("how", ["form", "skewed"])
def test_a_scan_s_recognised_text_in_other_forms(tmp_path: Path, how: str) -> None:
    """A scan's page image drawn inside a form XObject (FA-1b), or its recognised lines turned with the scan's skew,
    1.5° (FA-1c), a page number stamped upright: the invisible text is the page's text, and is read."""
    import pypdfium2 as pdfium

    images = pdfium.PdfDocument.new()
    image_page = images.new_page(595, 842)
    image = pdfium.PdfImage.new(images)
    image.set_bitmap(pdfium.PdfBitmap.new_native(200, 280, pdfium.raw.FPDFBitmap_BGR))
    image.set_matrix(pdfium.PdfMatrix().scale(595, 842))
    image_page.insert_obj(image)
    image_page.gen_content()
    doc = pdfium.PdfDocument.new()
    page = doc.new_page(595, 842)
    if how == "form":
        page.insert_obj(images.page_as_xobject(0, doc).as_pageobject())
    else:
        own = pdfium.PdfImage.new(doc)
        own.set_bitmap(pdfium.PdfBitmap.new_native(200, 280, pdfium.raw.FPDFBitmap_BGR))
        own.set_matrix(pdfium.PdfMatrix().scale(595, 842))
        page.insert_obj(own)
    for k in range(8):
        _text(doc, page, f"Line {k} total 1234.5{k}", 80, 700 - 40 * k, 12, 1.5 if how == "skewed" else 0, 0,
              invisible=True)  # fmt: skip
    _text(doc, page, "3", 290, 20, 9, 0, 0)
    read = _saved_and_read(doc, page, tmp_path / "scan.pdf")
    images.close()
    assert "1234.57" in read and "3" in read


def test_a_repeated_page_under_another_page_number_style(tmp_path: Path, published) -> None:
    """财政局 with "- N/25 -" at each page's foot and its 公开02表's first page printed twice (the fixes' probe, MISS-2a:
    the page number, another on each copy, made the two pages differ, and the rows were counted twice)."""

    at, _ = _page_opening(CAIZHENG, "收入决算表")

    def edit(doc: Any) -> None:
        doc.import_pages(doc, [at], at + 1)
        n = len(doc)
        for index in range(n):
            page = doc[index]
            _text(doc, page, f"- {index + 1}/{n} -", page.get_width() * 0.45, 20, 9, 0, 0)
            page.gen_content()

    found, metrics = _said(_variant(CAIZHENG, tmp_path / "twice.pdf", edit))
    said, read = published[CAIZHENG]
    assert metrics == read and found - said == Counter(
        {("completeness.page_repeated", "info", None, None): 1}
    )


def test_a_blank_sheet_saying_so_inside_a_table(tmp_path: Path, published) -> None:
    """财政局 with a blank page saying "此页无正文" over its page number between the two pages of its 公开04表 (the fixes'
    probe, MISS-2c: a real blank sheet carries its footer, and the table was cut in two)."""

    at, (w, h) = _page_opening(CAIZHENG, "财政拨款收入支出决算总表")

    def edit(doc: Any) -> None:
        page = doc.new_page(w, h, at + 1)
        _text(doc, page, "- 13 -", w * 0.45, 20, 9, 0, 0)
        page.gen_content()

    assert _said(_variant(CAIZHENG, tmp_path / "blank.pdf", edit)) == published[CAIZHENG]

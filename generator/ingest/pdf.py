"""PDF: ruled tables with pdfplumber's table finder, running text grouped into lines.

Two engines read the page objects; the layout logic (pdfplumber's ``TableFinder``,
``Table.extract`` and ``extract_words``, then ``group_lines`` here) is the same for both:

- ``pdfium`` (the default): characters, ruling lines and images read by PDFium through
  pypdfium2 and handed to pdfplumber's algorithms as pdfplumber-shaped dicts
  (``generator/ingest/pdfium_page.py``); ~10× faster than pdfminer's pure-Python parser.
- ``pdfplumber``: pdfplumber pages (pdfminer.six), the reference implementation.

Choose with ``read_pdf(path, engine=...)`` or the environment variable ``JUESUAN_PDF_ENGINE``.

Lines are grouped by vertical overlap rather than pdfplumber's fixed ``y_tolerance``: some
published reports set numbers in a font whose baseline sits ~5pt lower than the Chinese text
around them, and a fixed tolerance puts every number on a line of its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.errors import IngestError
from generator.ingest import MAX_PAGES, Item, reader

ENGINE_ENV = "JUESUAN_PDF_ENGINE"
ENGINES = ("pdfium", "pdfplumber")
ENCRYPTED = "PDF已加密，无法读取 (encrypted PDF)"


def engine_name(engine: str | None = None) -> str:
    name = engine or os.environ.get(ENGINE_ENV) or "pdfium"
    if name not in ENGINES:
        raise ValueError(f"unknown PDF engine {name!r} (one of {', '.join(ENGINES)})")
    return name


def _check_header(path: Path) -> None:
    with path.open("rb") as f:
        head = f.read(1024)
    if b"%PDF-" not in head:
        raise IngestError(str(path), "不是有效的PDF文件 (no PDF header)")


def _open(path: Path) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    _check_header(path)
    try:
        pdf = pdfplumber.open(path)
        _ = pdf.pages  # forces the page tree to be read
    except PDFPasswordIncorrect:
        raise IngestError(str(path), ENCRYPTED) from None
    except (PDFSyntaxError, Exception) as exc:  # pdfminer raises many kinds on corrupt files
        name = type(exc).__name__
        inner = [type(a).__name__ for a in getattr(exc, "args", ()) if isinstance(a, BaseException)]
        if exc.__cause__ is not None:
            inner.append(type(exc.__cause__).__name__)
        if any("Password" in n or "Encrypt" in n for n in [name, *inner]):
            raise IngestError(str(path), ENCRYPTED) from None
        raise IngestError(
            str(path), f"PDF文件损坏或不完整 (corrupt or truncated PDF: {inner[0] if inner else name})"
        ) from None
    return pdf


def group_lines(words: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: list[list[dict[str, Any]]] = []
    anchors: list[tuple[float, float]] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        top, bottom = w["top"], w["bottom"]
        height = max(bottom - top, 1.0)
        for idx in range(len(lines) - 1, max(len(lines) - 4, -1), -1):
            a_top, a_bottom = anchors[idx]
            overlap = min(bottom, a_bottom) - max(top, a_top)
            if overlap >= 0.5 * min(height, a_bottom - a_top):
                lines[idx].append(w)
                break
        else:
            lines.append([w])
            anchors.append((top, bottom))
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


@reader("pdf")
def read_pdf(path: Path, engine: str | None = None) -> tuple[list[Item], int]:
    if engine_name(engine) == "pdfplumber":
        return _read_pdfplumber(path)
    return _read_pdfium(path)


def _read_pdfplumber(path: Path) -> tuple[list[Item], int]:
    pdf = _open(path)
    try:
        with _page_errors(path):
            _check_pages(path, _declared_pages(pdf))
            n = len(pdf.pages)
            _check_pages(path, n)
            pages, need_ocr, has_text = _read_pages(pdf.pages)
            widths = [float(page.width) for page in pdf.pages]
    finally:
        pdf.close()
    return _finish(path, pages, need_ocr, has_text, widths), n


@contextmanager
def _page_errors(path: Path) -> Iterator[None]:
    """Anything but an IngestError while reading pages becomes one line naming the file."""
    try:
        yield
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError(
            str(path), f"PDF内容无法解析 (unreadable page content: {type(exc).__name__})"
        ) from None


def _check_pages(path: Path, n: int | None) -> None:
    if n is not None and n > MAX_PAGES:
        raise IngestError(str(path), f"页数过多 ({n} pages; the limit is {MAX_PAGES})")


def _finish(
    path: Path, pages: list[list[Item]], need_ocr: list[int], has_text: list[int], widths: list[float]
) -> list[Item]:
    if need_ocr:
        _ocr_pages(path, pages, need_ocr, has_text, widths)
    return [item for page_items in pages for item in page_items]


def _read_pdfium(path: Path) -> tuple[list[Item], int]:
    from generator.ingest.pdfium_page import PdfiumOpenError, open_document

    _check_header(path)
    try:
        doc = open_document(path)
    except PdfiumOpenError as exc:
        if exc.encrypted:
            raise IngestError(str(path), ENCRYPTED) from None
        raise IngestError(str(path), f"PDF文件损坏或不完整 (corrupt or truncated PDF: {exc})") from None
    plumber: list[Any] = []  # pdfplumber, opened only for a rotated page
    try:
        with _page_errors(path):
            n = len(doc)
            _check_pages(path, n)
            widths: list[float] = []
            pages, need_ocr, has_text = _read_pages(_pdfium_pages(path, doc, n, plumber, widths))
    finally:
        for pdf in plumber:
            pdf.close()
        doc.close()
    return _finish(path, pages, need_ocr, has_text, widths), n


def _pdfium_pages(path: Path, doc: Any, n: int, plumber: list[Any], widths: list[float]) -> Iterator[Any]:
    """PDFium pages; a rotated page (rare in these reports) through pdfplumber instead, whose
    coordinates for rotated pages the PDFium reader does not reproduce. A page turned by its /Rotate alone, its text
    upright on the unturned page (what a viewer's "rotate page" saves), is read unturned, as it was written."""
    from generator.ingest.pdfium_page import PdfiumPage

    for index in range(n):
        page = PdfiumPage(doc[index])
        widths.append(float(page.width))
        if page.rotation and page.upright_text():
            page.rotation = 0
        if page.rotation:
            page.close()
            if not plumber:
                plumber.append(_open(path))
            yield plumber[0].pages[index]
            continue
        try:
            yield page
        finally:
            page.close()


def _read_pages(source: Any) -> tuple[list[list[Item]], list[int], list[int]]:
    pages: list[list[Item]] = []
    need_ocr: list[int] = []  # 1-based page numbers
    has_text: list[int] = []
    for number, page in enumerate(source, start=1):
        state = text_layer(page)
        if state == "ok":
            has_text.append(number)
        elif state != "blank":
            need_ocr.append(number)
        pages.append([] if state == "image" else _page_items(page, number))
        page.flush_cache()
    return pages, need_ocr, has_text


def _declared_pages(pdf: Any) -> int | None:
    """The page count the page tree declares (/Count), read before pdfplumber builds every page."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:
        return None
    return count if isinstance(count, int) else None


# A page is "garbled" when at least this share of its characters has no Unicode mapping:
# (cid:N) glyphs, U+FFFD, private-use code points. Normalisation would silently strip them,
# leaving numbers without their labels, so the page is recognised from its image instead.
GARBLED_SHARE = 0.3


def text_layer(page: Any) -> str:
    """'ok', 'blank' (nothing on the page), 'image' (no text, an image: a scan) or 'garbled'."""
    from generator.normalize import is_garbled

    chars = [c["text"] for c in page.chars if not c["text"].isspace()]
    if not chars:
        return "image" if page.images else "blank"
    bad = sum(1 for t in chars if t.startswith("(cid:") or any(is_garbled(ch) for ch in t))
    if bad >= 5 and bad >= GARBLED_SHARE * len(chars):
        return "garbled"
    # A scan with a few characters on top (a stamped page number, an invisible watermark).
    if len(chars) < 20 and page.images:
        area = float(page.width) * float(page.height) or 1.0
        covered = sum(
            max(0.0, float(i["x1"] - i["x0"])) * max(0.0, float(i["bottom"] - i["top"])) for i in page.images
        )
        if covered >= 0.3 * area:
            return "image"
    return "ok"


def _ocr_pages(
    path: Path, pages: list[list[Item]], need_ocr: list[int], has_text: list[int], widths: list[float]
) -> None:
    """Replace the items of pages without a usable text layer by OCR output, when OCR is installed. Each page is
    laid out on its own width (a report's landscape pages, 公开03表 and 06表 often, are wider than its first)."""
    from generator.ingest import MAX_OCR_PAGES, ocr

    if not ocr.available():
        if not has_text:
            raise IngestError(str(path), "没有可读取的文字 (no text layer; the report needs OCR)")
        return  # a few scanned or garbled pages in a text report: keep what the text layer has
    if len(need_ocr) > MAX_OCR_PAGES:
        raise IngestError(
            str(path), f"需要OCR的页数过多 ({len(need_ocr)} pages need OCR; the limit is {MAX_OCR_PAGES})"
        )
    carry: ocr.Columns | None = None  # a table running on from the previous OCR page
    for number in need_ocr:
        try:
            boxes = ocr.recognise(path, number - 1)
        except Exception as exc:  # pdfium could not render it, or the recogniser failed on it
            raise IngestError(
                str(path), f"OCR识别失败 (OCR failed on page {number}: {type(exc).__name__})"
            ) from None
        # a table runs on from the page before when that page was recognised too and is laid the same way: one
        # on a portrait page does not go on across a landscape one (财政局's 01表 into its 02表's title)
        goes_on = number - 1 in need_ocr and abs(widths[number - 2] - widths[number - 1]) < 1
        pages[number - 1], carry = ocr.page_items(
            boxes, number, widths[number - 1], carry if goes_on else None
        )


def _page_items(page: Any, number: int) -> list[Item]:
    found = page.find_tables()
    boxes = [t.bbox for t in found]
    out: list[tuple[float, Item]] = []
    for t_index, table in enumerate(found):
        top = table.bbox[1]
        for r_index, row in enumerate(table.extract()):
            cells = tuple("" if c is None else c for c in row)
            out.append((top + r_index * 0.001, Item(page=number, cells=cells, table=t_index, top=top)))

    def inside(w: dict[str, Any]) -> bool:
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        return any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in boxes)

    words = [w for w in page.extract_words(keep_blank_chars=False, use_text_flow=False) if not inside(w)]
    for line in group_lines(words):
        text = " ".join(w["text"] for w in line)
        out.append((line[0]["top"], Item(page=number, text=text, top=line[0]["top"])))
    out.sort(key=lambda pair: pair[0])
    return [item for _, item in out]

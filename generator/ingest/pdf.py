"""PDF via pdfplumber: ruled tables with find_tables, running text grouped into lines.

Lines are grouped by vertical overlap rather than pdfplumber's fixed ``y_tolerance``: some
published reports set numbers in a font whose baseline sits ~5pt lower than the Chinese text
around them, and a fixed tolerance puts every number on a line of its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.errors import IngestError
from generator.ingest import MAX_PAGES, Item, reader


def _open(path: Path) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    head = path.read_bytes()[:1024]
    if b"%PDF-" not in head:
        raise IngestError(str(path), "不是有效的PDF文件 (no PDF header)")
    try:
        pdf = pdfplumber.open(path)
        _ = pdf.pages  # forces the page tree to be read
    except PDFPasswordIncorrect:
        raise IngestError(str(path), "PDF已加密，无法读取 (encrypted PDF)") from None
    except (PDFSyntaxError, Exception) as exc:  # pdfminer raises many kinds on corrupt files
        name = type(exc).__name__
        inner = [type(a).__name__ for a in getattr(exc, "args", ()) if isinstance(a, BaseException)]
        if exc.__cause__ is not None:
            inner.append(type(exc.__cause__).__name__)
        if any("Password" in n or "Encrypt" in n for n in [name, *inner]):
            raise IngestError(str(path), "PDF已加密，无法读取 (encrypted PDF)") from None
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
def read_pdf(path: Path) -> tuple[list[Item], int]:
    pdf = _open(path)
    try:
        n = len(pdf.pages)
        if n > MAX_PAGES:
            raise IngestError(str(path), f"页数过多 ({n} pages; the limit is {MAX_PAGES})")
        items: list[Item] = []
        for number, page in enumerate(pdf.pages, start=1):
            items.extend(_page_items(page, number))
            page.flush_cache()
        return items, n
    except IngestError:
        raise
    except Exception as exc:
        raise IngestError(
            str(path), f"PDF内容无法解析 (unreadable page content: {type(exc).__name__})"
        ) from None
    finally:
        pdf.close()


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

"""Word: .docx (paragraphs and tables in document order) read with lxml, python-docx for files
that are not laid out the usual way; legacy .doc through LibreOffice when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from generator.errors import IngestError
from generator.ingest import Item, reader
from generator.ingest.wordnum import Numbering

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # a real report's document.xml is a few MB


def check_zip(path: Path, kind: str) -> None:
    """Refuse what is not a zip, and zip bombs, before a library inflates anything."""
    try:
        with zipfile.ZipFile(path) as z:
            total = sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, OSError):
        raise IngestError(str(path), f"不是有效的{kind}文件 (not a valid zip container)") from None
    if total > MAX_UNZIPPED_BYTES:
        raise IngestError(
            str(path),
            f"解压后过大 (decompresses to {total // 2**20} MB; limit {MAX_UNZIPPED_BYTES // 2**20} MB)",
        )


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_BODY, W_P, W_TBL, W_TR, W_TC, W_T = (_W + t for t in ("body", "p", "tbl", "tr", "tc", "t"))
W_BR, W_CR, W_PAGE_BREAK, W_TYPE = _W + "br", _W + "cr", _W + "lastRenderedPageBreak", _W + "type"
W_TRPR, W_TCPR, W_GRID_BEFORE, W_GRID_SPAN, W_VAL = (
    _W + t for t in ("trPr", "tcPr", "gridBefore", "gridSpan", "val")
)
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_WML_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _body_fast(path: Path):  # type: ignore[no-untyped-def]
    """The w:body of the main document part read straight with lxml, with the document's automatic
    numbering, or None for anything irregular (then python-docx opens the file, with its own errors).

    The same part python-docx takes (the package's officeDocument relationship, of the Word
    content type) parsed with python-docx's parser options, without its object model: its
    element classes make every element access several times slower."""
    import posixpath

    from lxml import etree

    parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
    try:
        with zipfile.ZipFile(path) as z:
            rels = etree.fromstring(z.read("_rels/.rels"), parser)
            targets = [
                r.get("Target")
                for r in rels.iter(_RELS)
                if r.get("Type") == _OFFICE_DOCUMENT and r.get("TargetMode") != "External"
            ]
            if len(targets) != 1 or not targets[0]:
                return None
            partname = posixpath.abspath(posixpath.join("/", targets[0]))
            types = etree.fromstring(z.read("[Content_Types].xml"), parser)
            overrides = {
                o.get("PartName", "").lower(): o.get("ContentType") for o in types.iter(_CT + "Override")
            }
            defaults = {
                d.get("Extension", "").lower(): d.get("ContentType") for d in types.iter(_CT + "Default")
            }
            ext = posixpath.splitext(partname)[1][1:].lower()
            content_type = overrides.get(partname.lower()) or defaults.get(ext)
            if content_type != _WML_MAIN:
                return None
            root = etree.fromstring(z.read(partname[1:]), parser)
            if root.tag != _W + "document":
                return None
            body = root.find(W_BODY)
            folder, name = posixpath.split(partname)
            parts: dict[str, str] = {}
            rels_name = posixpath.join(folder, "_rels", name + ".rels")[1:]
            if rels_name in z.namelist():
                for r in etree.fromstring(z.read(rels_name), parser).iter(_RELS):
                    kind = (r.get("Type") or "").rsplit("/", 1)[-1]
                    target = posixpath.normpath(posixpath.join(folder, r.get("Target") or ""))[1:]
                    if kind in ("numbering", "styles") and r.get("TargetMode") != "External":
                        parts[kind] = target
            numbering = None
            if parts.get("numbering") in z.namelist() and body is not None:
                lists = etree.fromstring(z.read(parts["numbering"]), parser)
                # the styles part (often the largest) only when a paragraph has a style a list could come from
                styled = parts.get("styles") in z.namelist() and body.find(f".//{_W}pStyle") is not None
                numbering = _numbering(
                    lists, etree.fromstring(z.read(parts["styles"]), parser) if styled else None
                )
    except Exception:
        return None
    return body, numbering


def _numbering(numbering, styles) -> Numbering | None:  # type: ignore[no-untyped-def]
    """The document's automatic numbering, or None when it has no list (most paragraphs then need no look)."""
    if numbering is None or numbering.find(f"{_W}num") is None:
        return None
    return Numbering(numbering, styles)


def _body_docx(path: Path):  # type: ignore[no-untyped-def]
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise IngestError(str(path), f"Word文件无法打开 (unreadable .docx: {type(exc).__name__})") from None
    try:
        numbering = _numbering(document.part.numbering_part.element, document.styles.element)
    except Exception:  # no numbering part, or one python-docx cannot load: no labels
        numbering = None
    return document.element.body, numbering


_WRAPPERS = frozenset(_W + t for t in ("sdt", "sdtContent", "customXml"))


def _content(parent):  # type: ignore[no-untyped-def]
    """The paragraphs and tables of the body in order, also those inside a content control (w:sdt: Word's
    automatic 目录 is one) or custom XML, and inside a one-cell table: a frame round text
    (a box round a section, a cover), whose paragraphs are the report's running text, not a table's row."""
    for child in parent.iterchildren():
        if child.tag in _WRAPPERS:
            yield from _content(child)
        elif child.tag == W_P:
            yield child
        elif child.tag == W_TBL:
            rows = child.findall(W_TR)
            cells = rows[0].findall(W_TC) if len(rows) == 1 else []
            if len(cells) == 1:
                yield from _content(cells[0])
            else:
                yield child


def _lines(paragraph) -> list[str]:  # type: ignore[no-untyped-def]
    """A paragraph's text cut at its line breaks (w:br of no type or textWrapping, w:cr), but not after a "，" or "、"
    (the sentence goes on: "……收入总计91.28万元，⏎支出总计91.28万元").

    A break ends a heading typed in one paragraph with its text, or one line of a list."""
    lines = [""]
    for node in paragraph.iter(W_T, W_BR, W_CR):
        if node.tag == W_T:
            lines[-1] += node.text or ""
        elif (node.tag == W_CR or node.get(W_TYPE) in (None, "textWrapping")) and not lines[-1].endswith(
            ("，", "、", ",")
        ):
            lines.append("")
    return lines


def _text(element) -> str:  # type: ignore[no-untyped-def]
    return "".join(t.text or "" for t in element.iter(W_T))


def _grid(prop) -> int:  # type: ignore[no-untyped-def]
    """The w:val of a grid property (w:gridSpan of a cell, w:gridBefore of a row); 0 without one."""
    if prop is None:
        return 0
    try:
        return int(prop.get(W_VAL))
    except (TypeError, ValueError):
        return 0


def _row_cells(tr, spans: dict[Any, int], numbering: Numbering | None, numbered: set[Any]) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    """A row's cells on the table's grid: a cell merged across n columns (w:gridSpan; ``spans`` holds
    the table's, by cell) is its text and n-1 blank cells, as a text export prints it, so every row's
    columns line up with the header's; a row that starts further right (w:gridBefore) starts blank."""
    cells = [""] * spans.get(tr, 0)
    for tc in tr.iter(W_TC):
        if numbering is None:
            cells.append("\n".join(_text(p) for p in tc.iter(W_P)))
        else:  # a cell's numbered list ("1、…2、…" drawn by Word)
            cells.append(
                "\n".join((numbering.label(p) if p in numbered else "") + _text(p) for p in tc.iter(W_P))
            )
        if tc in spans:
            cells.extend([""] * (spans[tc] - 1))
    return tuple(cells)


def _grid_spans(table) -> dict[Any, int]:  # type: ignore[no-untyped-def]
    """Each merged cell's w:gridSpan and each row's w:gridBefore, in one pass over the table (a lookup
    per cell, rather than a search in every cell's properties)."""
    return {prop.getparent().getparent(): _grid(prop) for prop in table.iter(W_GRID_SPAN, W_GRID_BEFORE)}


@reader("docx")
def read_docx(path: Path) -> tuple[list[Item], int]:
    check_zip(path, "Word")
    body, numbering = _body_fast(path) or _body_docx(path)
    numbered = numbering.numbered_in(body) if numbering is not None else set()
    if not numbered:
        numbering = None
    items: list[Item] = []
    page = 1
    table_no = 0
    for child in _content(body):
        if child.tag == W_P:
            soft = new_page = (
                False  # a line break (Shift+Enter): the lines are read as a text export prints them
            )
            for mark in child.iter(W_BR, W_PAGE_BREAK, W_CR):
                if mark.tag == W_PAGE_BREAK or mark.get(W_TYPE) == "page":
                    new_page = True
                else:
                    soft = soft or mark.get(W_TYPE) in (None, "textWrapping")
            page += new_page
            label = numbering.label(child) if child in numbered else ""
            if soft:
                for n, line in enumerate(_lines(child)):
                    items.append(Item(page=page, text=label + line if n == 0 else line))
            else:
                items.append(Item(page=page, text=label + _text(child)))
        elif child.tag == W_TBL:
            table_no += 1
            spans = _grid_spans(child)
            for tr in child.iter(W_TR):
                items.append(
                    Item(page=page, cells=_row_cells(tr, spans, numbering, numbered), table=table_no)
                )
    return items, page


@reader("doc")
def read_doc(path: Path) -> tuple[list[Item], int]:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        raise IngestError(
            str(path), "旧版Word (.doc) 需要安装LibreOffice才能读取 (install LibreOffice, or save as .docx)"
        )
    with tempfile.TemporaryDirectory() as tmp:
        try:
            subprocess.run(
                [office, "--headless", "--convert-to", "docx", "--outdir", tmp, str(path)],
                check=True,
                capture_output=True,
                timeout=120,
            )
        except (subprocess.SubprocessError, OSError):
            raise IngestError(str(path), "LibreOffice无法转换该.doc文件 (conversion failed)") from None
        converted = Path(tmp) / (path.stem + ".docx")
        if not converted.exists():
            raise IngestError(str(path), "LibreOffice无法转换该.doc文件 (conversion failed)")
        return read_docx(converted)

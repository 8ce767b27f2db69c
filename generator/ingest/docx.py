"""Word: .docx via python-docx (paragraphs and tables in document order); legacy .doc through
LibreOffice when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from generator.errors import IngestError
from generator.ingest import Item, reader

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


@reader("docx")
def read_docx(path: Path) -> tuple[list[Item], int]:
    check_zip(path, "Word")
    import docx
    from docx.oxml.ns import qn

    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise IngestError(str(path), f"Word文件无法打开 (unreadable .docx: {type(exc).__name__})") from None
    items: list[Item] = []
    page = 1
    table_no = 0
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            if child.xpath(".//w:br[@w:type='page']") or child.xpath(".//w:lastRenderedPageBreak"):
                page += 1
            text = "".join(t.text or "" for t in child.iter(qn("w:t")))
            items.append(Item(page=page, text=text))
        elif child.tag == qn("w:tbl"):
            table_no += 1
            for tr in child.iter(qn("w:tr")):
                cells: list[str] = []
                for tc in tr.iter(qn("w:tc")):
                    paras = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))]
                    cells.append("\n".join(paras))
                items.append(Item(page=page, cells=tuple(cells), table=table_no))
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

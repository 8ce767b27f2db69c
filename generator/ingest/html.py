"""Web pages (.html/.htm): many agencies publish the report as a page; its tables survive save-as.

The page is parsed with lxml's HTML parser (what a browser would build from it: end tags a page leaves out
are implied), and read in document order: running text as paragraphs, each data table as rows laid on its
grid. A table used for layout (one holding other tables, or a single cell: the frame an old site's page
sits in) is read as the running text and tables inside it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.errors import IngestError
from generator.ingest import Item, reader
from generator.ingest.text import decode

_BLOCK = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "blockquote",
        "pre",
        "dl",
        "dt",
        "dd",
        "center",
        "form",
        "hr",
        "figure",
        "figcaption",
        "caption",
        "address",
        "details",
        "summary",
    ]
)
_SKIP = frozenset(
    [
        "script",
        "style",
        "head",
        "title",
        "noscript",
        "template",
        "iframe",
        "object",
        "svg",
        "select",
        "button",
    ]
)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _span(cell: Any, name: str) -> int:
    """A cell's colspan or rowspan: 1 when absent or unreadable, at most 1000 (the HTML limit is 1000/65534;
    a page asking for more is not a table anyone lays out)."""
    try:
        return min(max(int(str(cell.get(name) or "1").strip()), 1), 1000)
    except ValueError:
        return 1


def _tag(node: Any) -> str | None:
    """An element's tag in lower case; None for comments and processing instructions."""
    return node.tag.lower() if isinstance(node.tag, str) else None


class _Reader:
    def __init__(self) -> None:
        self.items: list[Item] = []
        self.text: list[str] = []
        self.table = 0

    def flush(self) -> None:
        joined = "".join(self.text)
        if joined.strip():
            self.items.append(Item(page=1, text=joined))
        self.text = []

    def walk(self, node: Any) -> None:
        tag = _tag(node)
        if tag is None or tag in _SKIP or _HIDDEN.search(node.get("style") or ""):
            return
        if tag == "table":
            self.flush()
            self.read_table(node)
            return
        if tag == "br":
            self.flush()
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        if node.text:
            self.text.append(node.text)
        for child in node:
            self.walk(child)
            if child.tail:
                self.text.append(child.tail)
        if block:
            self.flush()

    def read_table(self, table: Any) -> None:
        rows = _rows(table)
        cells = [c for r in rows for c in _cells(r)]
        if len(cells) <= 1 or any(_tag(n) == "table" for n in table.iterdescendants()):
            # layout: the running text and the tables inside, in their order
            for caption in (c for c in table if _tag(c) == "caption"):
                self.walk(caption)
            for cell in cells:
                self.walk(cell)
                self.flush()
            return
        for caption in (c for c in table if _tag(c) == "caption"):
            self.walk(caption)
        self.table += 1
        below: dict[int, int] = {}  # column → rows still covered by a rowspan from above
        for tr in rows:
            row: list[str] = []
            for cell in _cells(tr):
                _covered(row, below)
                columns, down = _span(cell, "colspan"), _span(cell, "rowspan")
                start = len(row)
                row.append(_cell_text(cell))
                row.extend([""] * (columns - 1))
                if down > 1:
                    for column in range(start, start + columns):
                        below[column] = down - 1
            _covered(row, below)
            for column in sorted(c for c, left in below.items() if left > 0 and c >= len(row)):
                row.extend([""] * (column - len(row) + 1))
                below[column] -= 1
            self.items.append(Item(page=1, cells=tuple(row), table=self.table))


def _covered(row: list[str], below: dict[int, int]) -> None:
    """Blank cells where a cell of an earlier row spans down into this one, at the row's next column."""
    while below.get(len(row), 0) > 0:
        below[len(row)] -= 1
        row.append("")


def _rows(table: Any) -> list[Any]:
    """The table's own rows (in thead/tbody/tfoot or directly), not those of a table inside a cell."""
    out = []
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            out.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            out.extend(r for r in child if _tag(r) == "tr")
    return out


def _cells(tr: Any) -> list[Any]:
    return [c for c in tr if _tag(c) in ("td", "th")]


def _cell_text(cell: Any) -> str:
    """A cell's text, its lines (br, paragraphs) kept apart by line breaks as a text export prints them."""
    parts: list[str] = []

    def walk(node: Any) -> None:
        tag = _tag(node)
        if tag is None or tag in _SKIP or _HIDDEN.search(node.get("style") or ""):
            return
        if tag == "br" or tag in _BLOCK:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if tag in _BLOCK:
            parts.append("\n")

    walk(cell)  # a td/th is neither a block nor a line break: only its content counts
    return re.sub(r"\s*\n\s*", "\n", "".join(parts)).strip()


@reader("html", "htm")
def read_html(path: Path) -> tuple[list[Item], int]:
    import lxml.html

    text = decode(path.read_bytes(), path)
    if not text.strip():
        return [], 1
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml refuses only what is not markup at all
        raise IngestError(str(path), f"网页无法解析 (unreadable HTML: {type(exc).__name__})") from None
    body = root.find("body")
    reader_ = _Reader()
    reader_.walk(body if body is not None else root)
    reader_.flush()
    return reader_.items, 1

"""Web pages (.html/.htm): many agencies publish the report as a page; its tables survive save-as."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from generator.ingest import Item, reader
from generator.ingest.text import decode

_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "tr", "table"}
_SKIP = {"script", "style", "head", "title", "noscript"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[Item] = []
        self.text: list[str] = []
        self.skip = 0
        self.table = 0
        self.depth = 0
        self.row: list[str] | None = None
        self.cell: list[str] | None = None

    def flush_text(self) -> None:
        if self.text:
            self.items.append(Item(page=1, text="".join(self.text)))
            self.text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            self.flush_text()
            self.depth += 1
            if self.depth == 1:
                self.table += 1
        elif tag == "tr" and self.depth:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in _BLOCK and not self.depth:
            self.flush_text()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append("".join(self.cell))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.items.append(Item(page=1, cells=tuple(self.row), table=self.table))
            self.row = None
        elif tag == "table":
            self.depth = max(0, self.depth - 1)
        elif tag in _BLOCK and not self.depth:
            self.flush_text()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif not self.depth:
            self.text.append(data)


@reader("html", "htm")
def read_html(path: Path) -> tuple[list[Item], int]:
    collector = _Collector()
    collector.feed(decode(path.read_bytes(), path))
    collector.close()
    collector.flush_text()
    return collector.items, 1

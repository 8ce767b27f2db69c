"""Web pages (.html/.htm): many agencies publish the report as a page; its tables survive save-as."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from generator.ingest import Item, reader
from generator.ingest.text import decode

_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "tr", "table"}
_SKIP = {"script", "style", "head", "title", "noscript"}


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    """A cell's colspan or rowspan: 1 when absent or unreadable, at most 1000 (the HTML limit is 1000/65534;
    a page asking for more is not a table anyone lays out)."""
    value = dict(attrs).get(name) or "1"
    try:
        return min(max(int(value.strip()), 1), 1000)
    except ValueError:
        return 1


class _Collector(HTMLParser):
    """Paragraphs and table rows. A table's rows are laid on its grid as a text export prints them: a cell
    spanning n columns (colspan) is its text and n-1 blank cells, and the rows a cell spans down (rowspan)
    have a blank cell in its place, so that every row's columns line up with the header's. A cell or row
    whose end tag is left out (valid HTML) ends where the next one starts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[Item] = []
        self.text: list[str] = []
        self.skip = 0
        self.table = 0
        self.depth = 0
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.cell_span = (1, 1)  # (colspan, rowspan) of the open cell
        self.below: dict[int, int] = {}  # column → rows still covered by a rowspan from above

    def flush_text(self) -> None:
        if self.text:
            self.items.append(Item(page=1, text="".join(self.text)))
            self.text = []

    def _covered(self) -> None:
        """Blank cells where a cell of an earlier row spans down into this one, at the current column."""
        assert self.row is not None
        while self.below.get(len(self.row), 0) > 0:
            column = len(self.row)
            self.below[column] -= 1
            self.row.append("")

    def end_cell(self) -> None:
        if self.row is not None and self.cell is not None:
            columns, rows = self.cell_span
            start = len(self.row)
            self.row.append("".join(self.cell))
            self.row.extend([""] * (columns - 1))
            if rows > 1:
                for column in range(start, start + columns):
                    self.below[column] = rows - 1
            self.cell = None

    def end_row(self) -> None:
        self.end_cell()
        if self.row is not None:
            self._covered()
            for column in sorted(c for c, left in self.below.items() if left > 0 and c >= len(self.row)):
                self.row.extend([""] * (column - len(self.row) + 1))
                self.below[column] -= 1
            self.items.append(Item(page=1, cells=tuple(self.row), table=self.table))
            self.row = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag == "table":
            self.flush_text()
            self.depth += 1
            if self.depth == 1:
                self.table += 1
                self.below = {}
        elif tag == "tr" and self.depth == 1:
            self.end_row()
            self.row = []
        elif tag in ("td", "th") and self.depth == 1:
            self.end_cell()
            if self.row is None:
                self.row = []
            self._covered()
            self.cell = []
            self.cell_span = (_span(attrs, "colspan"), _span(attrs, "rowspan"))
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")
        elif tag in _BLOCK and not self.depth:
            self.flush_text()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th") and self.depth == 1:
            self.end_cell()
        elif tag == "tr" and self.depth == 1:
            self.end_row()
        elif tag == "table":
            if self.depth == 1:
                self.end_row()
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
    collector.end_row()
    collector.flush_text()
    return collector.items, 1

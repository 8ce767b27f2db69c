from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from golden import load  # noqa: E402

from generator.extract import extract  # noqa: E402
from generator.ingest import read_document  # noqa: E402

GOLDEN = load()


@pytest.fixture(scope="session")
def reports() -> dict[str, object]:
    """Every report in data/reports/, extracted once per test session, by file name."""
    return {g["file"]: extract(read_document(g["path"])) for g in GOLDEN}


def report_of(*paragraphs: str):
    """A Report over a one-page text Document of these paragraphs, for a rule's edge cases that no
    real report shows in one place (synthetic, and said so where used)."""
    from generator.model import Block, Document, Report

    doc = Document("t.txt", "0", "txt", 1, [Block(p, 1) for p in paragraphs], [])
    return Report(
        id="t-2024", source={}, agency="测试单位", year=2024, scope="unit", region={}, metrics={},
        functional_classes=[], tables={}, yoy_claims=[], document=doc,
    )  # fmt: skip


def report_changed(path: Path, old: str, new: str, count: int = 1):
    """The report as the pipeline reads ``path`` with ``old`` (found ``count`` times) replaced by ``new``:
    a real document with one figure changed, read end to end (ingest, extract, checks)."""
    import tempfile

    from generator.pipeline import load_report

    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, (old, text.count(old))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / path.name
        target.write_text(text.replace(old, new), encoding="utf-8")
        return load_report(target, cache=None)


def seed_changed(name: str, old: str, new: str, count: int = 1):
    """``report_changed`` on the report of that file name in data/reports/."""
    return report_changed(ROOT / "data" / "reports" / name, old, new, count)


def reread(report, old: str, new: str):
    """``report``'s document with ``old`` replaced by ``new`` in every block, extracted again (a real PDF with one
    statement changed, read from its Document: PDFs cannot be rewritten as text files)."""
    import dataclasses

    blocks = [dataclasses.replace(b, text=b.text.replace(old, new)) for b in report.document.blocks]
    return extract(dataclasses.replace(report.document, blocks=blocks))


def _row_of(rows, needle) -> int:
    """The row of a table: by index, the first whose text holds ``needle``, or ("^合计") whose first filled cell is it."""
    if isinstance(needle, int):
        return needle
    if needle.startswith("^"):
        return next(i for i, row in enumerate(rows) if next((c for c in row if c), None) == needle[1:])
    return next(i for i, row in enumerate(rows) if needle in "".join(row))


def table_rewritten(report, key: str, rows):
    """``report`` re-extracted with statutory table ``key``'s rows replaced by ``rows`` (and their text lines): a real
    PDF's table printed in another layout."""
    import dataclasses

    from generator.extract.tables import find_statutory
    from generator.model import Block

    doc = report.document
    t = find_statutory(doc)[key].index
    rows = [tuple(r) for r in rows]
    before = doc.tables[t].rows
    if len(rows) == len(before):  # cells changed: the changed rows' lines only
        blocks = [
            dataclasses.replace(b, text=" ".join(c for c in rows[b.row] if c))
            if b.table == t and b.row is not None and rows[b.row] != tuple(before[b.row])
            else b
            for b in doc.blocks
        ]
    else:  # rows added or taken out: the table's lines anew
        old = [b for b in doc.blocks if b.table == t]
        at = doc.blocks.index(old[0])
        lines = [
            Block(" ".join(c for c in r if c), old[min(i, len(old) - 1)].page, table=t, row=i)
            for i, r in enumerate(rows)
        ]
        blocks = [*doc.blocks[:at], *lines, *(b for b in doc.blocks[at:] if b.table != t)]
    tables = list(doc.tables)
    tables[t] = dataclasses.replace(tables[t], rows=tuple(rows))
    return extract(dataclasses.replace(doc, tables=tables, blocks=blocks))


def cell_changed(report, key: str, needle, col: int, new: str):
    """``report`` re-extracted with one cell of one statutory table's row (see _row_of) changed, in the table and in
    the row's text alike (as ingest gives them)."""
    from generator.extract.tables import find_statutory

    rows = [list(r) for r in report.document.tables[find_statutory(report.document)[key].index].rows]
    i = _row_of(rows, needle)
    rows[i][col] = new
    return table_rewritten(report, key, rows)

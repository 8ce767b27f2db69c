"""Layouts a PDF printer gives a report, read as the report's own text is read.

The thirty-third session's PDF probe (docs/reviews/adversarial_pdf33.md) printed consistent synthetic reports to PDF
through Chromium and compared their findings with their text dumps'. Each layout that changed them is built here from a
real report (规划局's PDF, 001's text; re-wrapped or re-paged here, said so): the copy must read as the report does.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.checks import run_checks
from generator.extract import extract
from generator.ingest import Item, assemble, read_document
from generator.ingest.pdf import read_pdf
from generator.model import Document

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
GUIHUA = REPORTS / "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf"
SEED = REPORTS / "001_7c4dfcc9575acdfa.txt"


def _said(path_or_doc: Path | Document) -> set[tuple[str, str, str]]:
    doc = read_document(path_or_doc) if isinstance(path_or_doc, Path) else path_or_doc
    return {(f.rule, f.severity, f.message) for f in run_checks(extract(doc)) if f.severity != "info"}


def _wrapped(lines: list[str], width: int, indent: int) -> list[str]:
    """Each line wider than the page broken as a PDF prints it, its first line indented: a Chinese character takes a
    full width, a digit or a Latin letter half of one (so a line of figures holds more characters)."""
    out = []
    for line in lines:
        if "\t" in line:
            out.append(line)
            continue
        room, piece = width - indent, ""
        for ch in line:
            step = 0.5 if ch.isascii() else 1.0
            if room < step:
                out.append(piece)
                room, piece = width, ""
            piece, room = piece + ch, room - step
        out.append(piece)
    return out


def test_a_heading_run_into_its_paragraph(tmp_path: Path) -> None:
    """规划局 prints "（一）“三公”经费财政拨款支出决算总体情况说明。“三公”经费财政拨款支出年初预算为2.85万元……" as one paragraph,
    its heading run in. Its text (one line a block, table rows tab-joined) wrapped at 30 characters with a two-character
    indent, as a narrower page prints it: the first line "（一）“三公”经费财政拨款支出决算总体情况说明。“三公”经费财" was
    taken for a heading and ended there, so "政拨款支出年初预算为……" lost its subject — the 三公 total, its budget and its
    "小于" were unread (55 of 120 such PDFs)."""
    doc = read_document(GUIHUA)
    lines = [
        b.text if b.table is None else "\t".join(doc.tables[b.table].rows[b.row or 0]) for b in doc.blocks
    ]
    dump = tmp_path / "上海市普陀区规划和自然资源局2024年度部门决算.txt"
    dump.write_text("\n".join(lines), encoding="utf-8")
    narrow = tmp_path / "narrow" / dump.name
    narrow.parent.mkdir()
    narrow.write_text("\n".join(_wrapped(lines, 30, 2)), encoding="utf-8")
    assert any(
        line.startswith("（一）“三公”经费财政拨款支出决算总体情况说明。") for line in _wrapped(lines, 30, 2)
    )
    report, wrapped = extract(read_document(dump)), extract(read_document(narrow))
    assert wrapped.narrative["sangong_total"] == report.narrative["sangong_total"]
    assert [c["word"] for c in wrapped.budget_claims] == [c["word"] for c in report.budget_claims]
    assert _said(narrow) == _said(dump)


def test_a_header_row_alone_at_the_foot_of_a_page() -> None:
    """规划局's PDF with a page break right after 公开04表's first header row ("收入 | 支出", its cells merged, so two
    cells), the rest of the table on the next page (re-paged here, said so). The table went on only with as many
    columns, so the one row stood as 公开04表 — "中没有任何数据" (a false warning) — and the figures below were no table."""
    items, _ = read_pdf(GUIHUA)
    first = next(
        n for n, i in enumerate(items) if i.cells is not None and i.cells[0] == "收入" and "支出" in i.cells
    )
    assert items[first + 1].cells is not None and items[first + 1].cells[0] == "项目"
    paged = items[:first] + [dataclasses.replace(items[first], cells=("收入", "支出"))]
    # …and the rest over two more pages (a table's part on a page goes on with the rows, not the header row, it has)
    paged += [
        dataclasses.replace(i, page=i.page + (1 if n < 10 else 2)) for n, i in enumerate(items[first + 1 :])
    ]
    blocks, tables = assemble(paged)
    doc = read_document(GUIHUA)
    moved = dataclasses.replace(doc, blocks=blocks, tables=tables, pages=doc.pages + 2)
    report, copy = extract(doc), extract(moved)
    fiscal, moved_fiscal = report.metrics["fiscal_total"], copy.metrics["fiscal_total"]
    assert fiscal is not None and moved_fiscal is not None and moved_fiscal.amount == fiscal.amount
    assert {(r, s) for r, s, _ in _said(moved)} == {(r, s) for r, s, _ in _said(doc)}


def test_a_list_of_one_line_items_is_one_paragraph(tmp_path: Path) -> None:
    """A Word report prints each part of a total as a paragraph of its own, one line each ("2024年度收入合计……，其中：" /
    "财政拨款收入……，占比……；" / "事业收入……；" / "其他收入……。"); its PDF has no paragraph marks, and the reader cut the list
    where a line fell short of the page: a long item joined the next, a short one ended the block, so the last part
    was read under no total and sum.income_sources summed the others alone (a false error, 4 of 100 PDFs). 001 with a
    third income part (its 1.47 of 其他收入 split as 事业收入 1.00 and 其他收入 0.47, said so), its blank lines gone and its
    paragraphs wrapped at 41 characters: a line ending in "；" goes on."""
    text = SEED.read_text(encoding="utf-8").replace(
        "其他收入1.47万元，占比0.10%。", "事业收入1.00万元，占比0.07%；\n其他收入0.47万元，占比0.03%。"
    )
    lines = [line for line in text.split("\n") if line.strip()]
    plain = tmp_path / SEED.name
    plain.write_text("\n".join(lines), encoding="utf-8")
    narrow = tmp_path / "narrow" / SEED.name
    narrow.parent.mkdir()
    narrow.write_text("\n".join(_wrapped(lines, 41, 2)), encoding="utf-8")
    blocks = [
        b.text for b in read_document(narrow).blocks if "财政拨款收入1,397.29万元，占比99.90%；" in b.text
    ]
    assert len(blocks) == 1 and "其他收入0.47万元，占比0.03%。" in blocks[0]
    assert _said(narrow) == _said(plain)


def test_a_table_note_under_each_page_s_table_is_kept() -> None:
    """(the Office probe's K3, on a PDF's pages) "说明：本表无数据" printed under three empty tables, one a page, is the
    tables' note, not a running header: kept every time."""
    items = [
        Item(page=p, text=t)
        for p, t in ((1, "政府性基金预算财政拨款收入支出决算表"), (1, "说明：本表无数据"), (2, "国有资本经营预算财政拨款支出决算表"),
                     (2, "说明：本表无数据"), (3, "财政拨款“三公”经费支出决算表"), (3, "说明：本表无数据"))
    ]  # fmt: skip
    blocks, _ = assemble(items)
    assert [b.text for b in blocks].count("说明：本表无数据") == 3

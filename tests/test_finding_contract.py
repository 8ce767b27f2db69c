"""The finding contract's promises, checked on the real reports (the contract probe, thirty-fifth session,
docs/reviews/adversarial_contract35.md): an id that does not move with the pages, one id to one note, a quote on the
page the finding gives, and evidence for every note."""

from __future__ import annotations

import dataclasses

from conftest import ROOT, table_rewritten

from generator.checks import run_checks
from generator.extract import extract
from generator.extract.tables import find_statutory
from generator.ingest import read_document
from generator.model import Document

PDFS = (
    "上海市普陀区规划和自然资源局 2024 年度部门决算.pdf",
    "上海市普陀区财政局2024年度部门决算.pdf",
    "中共上海市普陀区委社会工作部 2024 年度部门决算.pdf",
)
R002 = "002_e0b9e12b257efafd.txt"


def _a_page_before(doc: Document) -> Document:
    """The document with one more page before its first (a cover added when the PDF is issued again)."""
    blocks = [
        dataclasses.replace(b, page=b.page + 1, page_breaks=tuple((s, p + 1) for s, p in b.page_breaks))
        for b in doc.blocks
    ]
    tables = [dataclasses.replace(t, page=t.page + 1) for t in doc.tables]
    return dataclasses.replace(doc, blocks=blocks, tables=tables, pages=doc.pages + 1)


def test_an_id_does_not_move_with_the_pages(reports) -> None:
    """Eleven rules put the page in their subject (completeness.template_residue, yoy.missing_unit, date.length…):
    a cover added before the report moved seven ids of the three published PDFs, the anchors news articles link to.
    The same words flagged twice are told apart by which occurrence they are."""
    for name in PDFS:
        report = reports[name]
        before = {(f.rule, f.id) for f in run_checks(report)}
        after = {(f.rule, f.id) for f in run_checks(extract(_a_page_before(report.document)))}
        assert after == before, name


def test_two_sums_of_one_cell_are_two_notes(reports) -> None:
    """规划局's 公开04表 with 本年支出合计's 合计 cell 10 too high and its classes then adding up to 9,746.50 (住房保障
    461.09): the 合计 column down the classes and the row across the three funds are both off by 10, and both were
    "公开04表 本年支出合计 合计栏" with the same figures, so one id: the second note was dropped."""
    name = PDFS[0]
    doc = reports[name].document
    rows = [list(r) for r in doc.tables[find_statutory(doc)["公开04表"].index].rows]
    for r in rows:
        if r[2] == "十九、住房保障支出":
            r[3] = r[4] = "461.09"
        if r[2] == "本年支出合计":
            r[3] = "9756.50"
    changed = table_rewritten(reports[name], "公开04表", rows)
    found = [f for f in run_checks(changed) if f.rule == "sum.fiscal_total" and f.claimed == "9,756.50"]
    assert len(found) == 2 and len({f.id for f in found}) == 2
    assert {f.expected for f in found} == {"9,746.50"}


def test_a_quote_is_on_the_page_the_finding_gives(reports) -> None:
    """002's 具体情况 item "3.社会保障和就业支出(类)……行政运行(项):支出决算数为1,005.01万元，……" with a page break inside
    it, before the 项 name, as a PDF has when an item starts at a page's foot: sum.detail_items quoted the words from
    the 项 name on with the paragraph's first page, and the site's "#page=" link opened the page before."""
    report = reports[R002]
    doc = report.document
    key = "行政运行(项):支出决算数为"
    at = next(
        i for i, b in enumerate(doc.blocks) if b.table is None and key in b.text and b.text[:1].isdigit()
    )
    cut = doc.blocks[at].text.find(key) - 2
    blocks = list(doc.blocks)
    blocks[at] = dataclasses.replace(blocks[at], page_breaks=((cut, 2),))
    blocks[at + 1 :] = [dataclasses.replace(b, page=2) for b in blocks[at + 1 :]]
    later = {b.table for b in blocks[at:] if b.table is not None}
    tables = [dataclasses.replace(t, page=2) if k in later else t for k, t in enumerate(doc.tables)]
    broken = dataclasses.replace(doc, blocks=blocks, tables=tables, pages=2)
    quotes = [
        q for f in run_checks(extract(broken)) for q in f.evidence if q.quote.startswith(key.split(":")[0])
    ]
    assert quotes and all(q.page == 2 for q in quotes)


def test_a_repeated_page_that_a_paragraph_runs_onto(reports) -> None:
    """completeness.page_repeated quoted the first block starting on the page kept; a page whose first words go on with
    a paragraph begun the page before has none, and the note had no evidence (the contract probe's formfeed
    variants). It quotes the paragraph from the page break on."""
    from generator.checks.completeness import page_repeated

    doc = reports[PDFS[0]].document
    b = next(b for b in doc.blocks if b.page_breaks)
    start, same = b.page_breaks[0]
    assert not any(x.page == same for x in doc.blocks[: doc.blocks.index(b)])
    repeated = dataclasses.replace(doc, repeated_pages=((doc.pages + 1, same),))
    (f,) = page_repeated(extract(repeated))
    (q,) = f.evidence
    assert q.page == same and b.text[start:].startswith(q.quote)


def test_one_note_says_a_thing_once(reports) -> None:
    """No two notes of a report say the same words (the contract probe's invariant 8). 004 leaves "报告应包括以下附件："
    of the 自评报告 template in two places of its one page: one note, as when the page in its id merged them (its two
    quotes are the same words on the same page: one)."""
    copy = extract(read_document(ROOT / "tests" / "fixtures" / "24年普陀区财政局（测试问题版本）.pdf"))
    for name, report in [*reports.items(), ("测试问题版本", copy)]:
        said = [(f.rule, f.message) for f in run_checks(report)]
        assert len(said) == len(set(said)), name
    (f,) = [
        f
        for f in run_checks(reports["004_64caca8ce772cd7b.txt"])
        if f.rule == "completeness.template_residue" and "报告应包括以下附件" in f.message
    ]
    assert [q.quote for q in f.evidence] == ["报告应包括以下附件："]

"""Layouts an office's Word and Excel files give a report, read as its text dump is read.

The thirty-third session's Office probe (docs/reviews/adversarial_office33.md) wrote consistent synthetic reports as
.docx and .xlsx and compared their findings with their text twins'. Each layout that changed them is built here from a
real report (001, a Word report's text dump; 000 and 财政局 where they hold the case; built here, said so): the copy
must give the report's own findings.
"""

from __future__ import annotations

import re
from pathlib import Path

from test_formats import SEED, _blocks, write_docx, write_xlsx

from generator.checks import run_checks
from generator.extract import extract
from generator.extract.tables import identify
from generator.ingest import Item, assemble, read_document
from generator.model import Report

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
# the lines a statutory table's title block holds: its title, number, 部门名称, year and unit
_HEAD_LINE = re.compile(r"^(?:公开0\d表|部门名称|编制单位|\d{4}年度|(?:金额)?单位[：:])")


def _kinds(report: Report) -> set[tuple[str, str]]:
    return {(f.id, f.severity) for f in run_checks(report)}


def _titles_in_tables(blocks: list[str | list[str]]) -> list[str | list[str]]:
    """Each statutory table's title block (its title, number, 部门名称, year and unit lines) moved into the table as its
    first rows, one cell each: a table pasted from Excel into Word."""
    out: list[str | list[str]] = []
    for b in blocks:
        if isinstance(b, list) and out and isinstance(out[-1], str):
            width = len(b)
            moved: list[list[str]] = []
            while out and isinstance(out[-1], str) and len(moved) < 5:
                line = out[-1]
                if not (_HEAD_LINE.match(line) or (identify(line) and not line.startswith("注"))):
                    break
                moved.insert(0, [out.pop()] + [""] * (width - 1))
            out.extend(moved)
        out.append(b)
    return out


def test_a_title_in_the_word_table_s_first_rows(tmp_path: Path) -> None:
    """001 as a .docx whose statutory tables carry their title, number, 部门名称, year and unit lines as their first
    rows (merged across the grid), a note or heading still above each. The title was taken from the table's first
    rows only when no paragraph stood above it: 02, 03, 05, 06 and 09 went unrecognised (false "missing table"
    warnings, their notes lost). And with four such rows the 04表's 行次 header fell below row five, the window it
    was looked for in, so its line numbers were read as amounts (收入总计 32万元)."""
    blocks = _titles_in_tables(_blocks())
    assert sum(1 for b in blocks if isinstance(b, list) and b[0].startswith("公开04表")) == 1
    word = tmp_path / SEED.name.replace(".txt", ".docx")
    write_docx(word, blocks, merged=True)
    copy, seed = extract(read_document(word)), extract(read_document(SEED))
    assert sorted(copy.tables) == sorted(seed.tables)
    assert copy.metrics["fiscal_total"] == seed.metrics["fiscal_total"]
    assert _kinds(copy) == _kinds(seed)


def test_a_table_cut_after_a_continued_line_on_the_same_page(tmp_path: Path) -> None:
    """001's 公开05表 cut in two Word tables with a "续表" paragraph and the header again between them, and no page
    break between (WPS saves none): the rows after the line were a table of no statutory kind, 05表 lost its
    classes. The line says the table goes on, on the same page as on the next."""
    blocks = _blocks()
    head = next(i for i, b in enumerate(blocks) if isinstance(b, list) and b[0] == "项目" and "本年支出" in b)
    cut = next(i for i in range(head, len(blocks)) if isinstance(blocks[i], list) and blocks[i][0] == "20807")
    broken = blocks[:cut] + ["续表", blocks[head]] + blocks[cut:]
    word = tmp_path / SEED.name.replace(".txt", ".docx")
    write_docx(word, broken)
    copy, seed = extract(read_document(word)), extract(read_document(SEED))
    assert len(copy.tables["公开05表"]["rows"]) == len(seed.tables["公开05表"]["rows"])
    assert _kinds(copy) == _kinds(seed)


def test_a_line_break_after_a_comma_inside_a_word_paragraph(tmp_path: Path) -> None:
    """Shift+Enter after a "，" ("……收入总计91.28万元，⏎支出总计91.28万元。"): the sentence goes on, but the reader
    cut the paragraph there and the second half lost its subject (claims read differently, a false
    repeat.narrative). 001 as a .docx with such a break after the first comma of every paragraph that has one."""
    import docx

    word = tmp_path / SEED.name.replace(".txt", ".docx")
    write_docx(word, _blocks())
    document = docx.Document(str(word))
    broken = 0
    for p in document.paragraphs:
        text = p.text
        if "，" in text and len(text) > 30:
            first, rest = text.split("，", 1)
            for r in p.runs:
                r._r.getparent().remove(r._r)
            p.add_run(first + "，").add_break()
            p.add_run(rest)
            broken += 1
    document.save(str(word))
    assert broken > 20
    copy, seed = extract(read_document(word)), extract(read_document(SEED))
    assert _kinds(copy) == _kinds(seed)


def test_a_sheet_laid_out_from_column_b(tmp_path: Path) -> None:
    """001 as a workbook whose sheet starts at column B (a blank margin column): a note under a table was taken for a
    row of it, and a 自评表's 单位名称/项目名称 was looked for in column A only."""
    blocks = [[""] + (b if isinstance(b, list) else [b]) for b in _blocks()]
    sheet = tmp_path / SEED.name.replace(".txt", ".xlsx")
    write_xlsx(sheet, blocks)  # type: ignore[arg-type]
    plain = tmp_path / ("plain_" + SEED.name.replace(".txt", ".xlsx"))
    write_xlsx(plain, _blocks())
    margin, copy = extract(read_document(sheet)), extract(read_document(plain))
    assert [t["name"] for t in margin.perf_tables] == [t["name"] for t in copy.perf_tables]
    assert _kinds(margin) == _kinds(copy)


def test_a_table_note_on_three_pages_is_no_running_header() -> None:
    """ "说明：本表无数据" under an empty table on each of three sheets (or pages): a short line on three pages was dropped
    as a running header, and the three tables were "empty without the required statement". A table's note is the
    table's (001's 公开08表 and its note, on three pages)."""
    seed = read_document(SEED)
    t08 = next(
        i for i, t in enumerate(seed.tables) if any("国有资本经营预算支出" in "".join(r) for r in t.rows)
    )
    rows = seed.tables[t08].rows
    items = []
    for page in (1, 2, 3):
        items.append(Item(page=page, text="国有资本经营预算财政拨款支出决算表"))
        items += [Item(page=page, cells=row, table=1) for row in rows]
        items.append(Item(page=page, text="说明：本表无数据"))
    blocks, _ = assemble(items)
    assert [b.text for b in blocks if b.table is None].count("说明：本表无数据") == 3


def test_a_unit_self_evaluation_titled_above_its_table() -> None:
    """000's 单位整体支出绩效自评表 with its title a paragraph above the table, not the table's first row (as a Word
    report or an Excel sheet holds it). The table was no 整体 one (its budget rows' note, budget.perf_initial, lost),
    and perf.title_name took "单位整体" for a project the table's 单位名称 did not name (a false warning). The title
    above is the table's heading; its "title" stays the rows' (the findings' names and ids are made of it)."""
    from conftest import seed_changed

    path = next(REPORTS.glob("000_*.txt"))
    seed = extract(read_document(path))
    copy = seed_changed(path.name, "\t单位整体支出绩效自评表\n", "单位整体支出绩效自评表\n")
    from generator.extract.perf import is_whole

    assert seed.perf_tables[0]["title"] == copy.perf_tables[0]["heading"] == "单位整体支出绩效自评表"
    assert is_whole(copy.perf_tables[0])
    assert _kinds(copy) == _kinds(seed)


def test_a_project_named_with_zhengti_is_still_a_project() -> None:
    """(the fixes' probe, thirty-third session) Only the unit's whole 自评表 ("单位整体支出绩效自评表") names no project:
    001's "购置档案经费项目支出绩效自评表" over the table of 零工市场运营经费, retitled "整体搬迁补助经费项目支出绩效自评表", is
    still a title naming another project."""
    from conftest import seed_changed

    from generator.checks.perf import title_name

    old = "\n购置档案经费项目支出绩效自评表\n"
    changed = seed_changed(SEED.name, old, "\n整体搬迁补助经费项目支出绩效自评表\n", count=2)
    assert "整体搬迁补助经费" in {f.claimed for f in title_name(changed)}


def test_a_table_of_contents_laid_out_as_a_table_before_the_title(tmp_path: Path) -> None:
    """001 as a .docx with "目录" and a table listing the statutory tables between the cover's name and the
    report's title (the fixes' probe, thirty-third session): the title was looked for in the first eight blocks, the
    list's rows among them, so it was not found and the report refused as "这是预算报告"."""
    from generator.pipeline import load_report

    toc = [
        ["序号", "表名", "页码"],
        ["1", "收入支出决算总表", "3"],
        ["2", "收入决算表", "4"],
        ["3", "支出决算表", "5"],
    ]
    blocks = _blocks()
    at = (
        blocks.index("岚县创业就业服务中心") + 1
    )  # the cover's name, then the report's title "2024年度单位决算公开"
    word = tmp_path / SEED.name.replace(".txt", ".docx")
    write_docx(word, [*blocks[:at], "目录", *toc, *blocks[at:]])
    r = load_report(word, cache=None)
    assert (r.agency, r.year, r.scope) == ("岚县创业就业服务中心", 2024, "unit")
    assert "公开01表" in r.tables and r.tables["公开01表"]["rows"]


def test_a_continued_line_over_three_tables_is_no_running_header() -> None:
    """ "续表" over the second part of three tables, on three pages: a short line on three pages was dropped as a running
    header, and with it the sign that each table went on (the Office probe's re-run, thirty-third session: 16 Word
    files with false sums). 001's 公开05表 cut in two, three times over."""
    seed = read_document(SEED)
    t05 = next(t for t in seed.tables if any("本年支出" in "".join(r) for r in t.rows[:3]))
    rows = t05.rows
    items = []
    for page in (1, 2, 3):
        items.append(Item(page=page, text="一般公共预算财政拨款支出决算表"))
        items += [Item(page=page, cells=row, table=1) for row in rows[:6]]
        items.append(Item(page=page, text="续表"))
        items += [Item(page=page, cells=row, table=2) for row in rows[6:]]
    _, tables = assemble(items)
    assert [len(t.rows) for t in tables] == [len(rows)] * 3


def test_a_self_evaluation_s_header_rows_printed_again_on_the_next_page() -> None:
    """A Word table's header rows are printed again at the top of each page it runs onto (the Office probe,
    thirty-third session, K8: a 自评表 with its "项目名称 / 主管部门 / 项目资金…" rows repeated after the page break read
    as one more 自评表, the rows below it taken from their own table, and false perf_funding sums). 001's 单位运转经费
    table cut after its funding rows, its first four rows printed again on the next page."""
    from generator.model import Document

    seed = read_document(SEED)
    plain = extract(seed)
    (cut,) = [p["table"] for p in plain.perf_tables if p["name"] == "单位运转经费"][:1]
    rows = seed.tables[cut].rows
    at = next(r for r, row in enumerate(rows) if "年度总体目标" in "".join(row) or "年度目标" in "".join(row))
    items: list[Item] = []
    shift = 0
    for b in seed.blocks:
        if b.table is None:
            items.append(Item(page=b.page + shift, text=b.text))
            continue
        row = seed.tables[b.table].rows[b.row or 0]
        if b.table == cut and b.row == at:
            shift = 1
            items += [Item(page=b.page + shift, cells=head, table=b.table) for head in rows[:4]]
        items.append(Item(page=b.page + shift, cells=row, table=b.table))
    blocks, tables = assemble(items)
    doc = Document(seed.path, seed.sha256, seed.format, seed.pages + 1, blocks, tables)
    report = extract(doc)

    def read(r: Report) -> list[tuple]:
        return [
            (
                p["name"],
                [(f["label"], f["budget"], f["spent"], f["rate"]) for f in p["funding"]],
                len(p["indicators"]),
            )
            for p in r.perf_tables
        ]

    assert read(report) == read(plain)
    # the same findings (their messages and ids name a page where the document has more than one)
    assert sorted((f.rule, f.severity) for f in run_checks(report)) == sorted(
        (f.rule, f.severity) for f in run_checks(plain)
    )


def test_a_workbook_whose_self_evaluation_sheet_comes_first(tmp_path: Path) -> None:
    """000 as a workbook with its 自评表 in the first sheet and the narrative and statutory tables in the second (the
    thirty-third session's Office probe): the agency was read as "单位整体支出绩效自评表（2024年度）昌吉回族自治州……", the
    sheet's first rows taken for the cover's."""
    import openpyxl

    path = next(REPORTS.glob("000_*.txt"))
    blocks = _blocks(path)
    first = next(
        i
        for i, b in enumerate(blocks)
        if "单位整体支出绩效自评表" in (b if isinstance(b, str) else "".join(b))
    )
    last = blocks.index("十二、其他需说明的事项")
    wb = openpyxl.Workbook()
    perf, rest = wb.active, wb.create_sheet("说明")
    perf.title = "自评表"
    for sheet, part in ((perf, blocks[first:last]), (rest, blocks[:first] + blocks[last:])):
        for b in part:
            sheet.append(b if isinstance(b, list) else [b])
    target = tmp_path / "昌吉回族自治州公共就业服务中心2024年度部门决算.xlsx"
    wb.save(str(target))
    copy, seed = extract(read_document(target)), extract(read_document(path))
    assert (copy.agency, copy.year) == (seed.agency, seed.year) == ("昌吉回族自治州公共就业服务中心", 2024)
    assert [t["name"] for t in copy.perf_tables] == [t["name"] for t in seed.perf_tables]


def test_a_workbook_whose_statutory_tables_sheet_comes_first(tmp_path: Path) -> None:
    """001 as a workbook with its nine tables in the first sheet and the narrative in the second (the Office probe's
    workbooks, re-run in the thirty-fifth session): the agency was read from the first table's title, "收入支出" of
    "收入支出决算总表". The unit each table's head names ("部门名称：岚县创业就业服务中心") is the report's."""
    import openpyxl

    blocks = _blocks()
    first, last = blocks.index("收入支出决算总表"), blocks.index("第三部分情况说明", 30)
    wb = openpyxl.Workbook()
    tables, rest = wb.active, wb.create_sheet("说明")
    for sheet, part in ((tables, blocks[first:last]), (rest, blocks[:first] + blocks[last:])):
        for b in part:
            sheet.append(b if isinstance(b, list) else [b])
    target = tmp_path / SEED.name.replace(".txt", ".xlsx")
    wb.save(str(target))
    copy = extract(read_document(target))
    assert (copy.agency, copy.year) == ("岚县创业就业服务中心", 2024)

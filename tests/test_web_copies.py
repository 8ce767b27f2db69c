"""Reports saved from a government web page (the thirty-fifth session's web probe, docs/reviews/adversarial_web35.md).

Many agencies publish the report as a web page; users save it as text by copying it from the browser, with a text
browser, or through an HTML-to-Markdown converter. The real reports are edited here the way such copies differ from
the original (a web editor's zero-width characters, a site's frame around the report, a line break inside a cell),
and three copies of real pages are kept in tests/fixtures/web/ (its README says how each was made). Each must read
as the report itself: the same agency and the same findings.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

from generator.checks import run_checks
from generator.extract import extract
from generator.ingest import read_document
from generator.model import Report

REPORTS = ROOT / "data" / "reports"
WEB = ROOT / "tests" / "fixtures" / "web"
R000 = REPORTS / "000_41e5c2151686b1a5.txt"
R001 = REPORTS / "001_7c4dfcc9575acdfa.txt"


def _said(report: Report) -> set[tuple[str, str, str]]:
    """The findings as a reader sees them, without the page numbers a copy cannot keep ("第4页“…”")."""
    return {(f.severity, f.rule, re.sub(r"第\d+页|文中(?=“)", "", f.message)) for f in run_checks(report)}


def _copy(tmp_path: Path, source: Path, text: str) -> Report:
    target = tmp_path / source.name
    target.write_text(text, encoding="utf-8")
    return extract(read_document(target))


# a government website's frame around a report, as a saved page keeps it
_HEAD = """首页 | 无障碍浏览 | English
当前位置：首页 > 信息公开 > 财政预决算 > 部门决算
来源：昌吉回族自治州公共就业服务中心    发布时间：2025-09-01 10:30    浏览次数：1,235
【字体：大 中 小】
"""
_FOOT = """
附件：昌吉回族自治州公共就业服务中心2024年度部门决算.pdf
打印本页  关闭窗口
分享到：微信 微博
相关信息
* 昌吉回族自治州公共就业服务中心2023年度部门决算 2024-09-02
* 昌吉回族自治州公共就业服务中心2026年度部门预算 2025-02-10
主办单位：昌吉回族自治州公共就业服务中心  网站标识码：6523000001
新ICP备12345678号-1  新公网安备65230102001234号
"""


def test_a_web_page_s_frame_is_no_part_of_the_report(tmp_path: Path, reports) -> None:
    """000 with the frame of the page it was published on (F1, F2, R1): the breadcrumb's "财政预决算" was read as the
    agency "财政预", a link to last year's report under "相关信息" as a title with the wrong year (a false
    completeness.year error), and 001 under a breadcrumb saved one item a line was refused as a budget."""
    seed = reports[R000.name]
    framed = _copy(tmp_path, R000, _HEAD + R000.read_text(encoding="utf-8") + _FOOT)
    assert framed.agency == seed.agency == "昌吉回族自治州公共就业服务中心"
    assert _said(framed) == _said(seed)
    # the related links saved one piece a line, each link's date on the line after it
    pieces = "\n相关信息\n昌吉回族自治州公共就业服务中心2023年度部门决算\n2024-09-02\n"
    framed = _copy(tmp_path, R000, R000.read_text(encoding="utf-8") + pieces)
    assert _said(framed) == _said(seed)
    items = "首页\n|\n无障碍浏览\n|\nEnglish\n当前位置：\n首页\n>\n信息公开\n>\n财政预决算\n>\n部门决算\n"
    crumbs = _copy(tmp_path, R001, items + R001.read_text(encoding="utf-8"))
    assert crumbs.agency == "岚县创业就业服务中心"
    assert _said(crumbs) == _said(reports[R001.name])
    # …before a report with no 目录 (000's cover is its first lines), with the font buttons one a line too
    buttons = "来源：昌吉回族自治州公共就业服务中心 发布时间：2025-09-01\n【字体：\n大\n中\n小\n】\n"
    crumbs = _copy(tmp_path, R000, items + buttons + R000.read_text(encoding="utf-8"))
    assert crumbs.agency == seed.agency
    assert _said(crumbs) == _said(seed)


def test_a_web_editor_s_invisible_characters_are_no_text(tmp_path: Path, reports) -> None:
    """001 with what web editors leave in a page's text (F4, F5): a zero-width space before every figure cell and
    after every "，", a byte-order mark, "&nbsp;" before every line. One U+200B before a figure made it no number
    (a false sum.economic error), before the table-of-contents page numbers hid the 目录, and "&nbsp;" went into the
    agency's name and the report's public id."""
    text = R001.read_text(encoding="utf-8")
    edited = "\ufeff" + re.sub(r"(?m)^(?=[^\t\n])", "&nbsp;&nbsp;", text)
    edited = re.sub(r"\t(?=\d)", "\t\u200b", edited).replace("，", "，\u200b")
    assert edited.count("\u200b") > 500
    copy = _copy(tmp_path, R001, edited)
    seed = reports[R001.name]
    assert (copy.agency, copy.id) == (seed.agency, seed.id)
    assert _said(copy) == _said(seed)
    # the characters a reference stands for, in running text as in cells
    copy = _copy(tmp_path, R001, text.replace("\t", "\t&#8203;").replace("收入", "收&#8203;入"))
    assert _said(copy) == _said(seed)


def test_a_self_evaluation_title_copied_as_rows_of_one_cell(tmp_path: Path, reports) -> None:
    """000's 单位整体支出绩效自评表 as a browser copies its title rows: the title a row of one spanning cell (its empty cells
    as tabs) and the year under it a line of its own, "（2024年度）". The year's line ended the table, so the 自评表
    lost its title, was no 整体 table, and was compared with the project tables (a false perf.execution_score)."""
    seed = reports[R000.name]
    text = R000.read_text(encoding="utf-8")
    old = "\t单位整体支出绩效自评表\n\n\t（2024年度）\n\n"
    assert old in text
    copy = _copy(
        tmp_path, R000, text.replace(old, "单位整体支出绩效自评表" + "\t" * 12 + "\n（2024年度）\n", 1)
    )
    assert [t["title"] for t in copy.perf_tables] == [t["title"] for t in seed.perf_tables]
    assert _said(copy) == _said(seed)


def test_a_line_break_inside_a_table_cell(tmp_path: Path) -> None:
    """A browser's copy of a cell holding "<br>" breaks its row over two lines (G): "201\t06\t02\t一般行政" /
    "管理事务\t16.19…" gave four false sum.subtotal errors; a row's first cell cut ("一、一般公共预算" /
    "财政拨款收入\t2,940.05…") emptied the 收入支出决算总表. Here the rows of 社工部's copy are cut so in their labels:
    every other row with figures as wide as the row above. A header cell cut so stays two rows (header rows differ in
    width), as does a 合计 spanning columns at a table's foot, and a row's first cell unless it is a numbered item: a
    line of its own before a row may be "其中" or a unit's name."""
    source = WEB / "社工部_chromium.txt"
    text = source.read_text(encoding="utf-8")
    whole = extract(read_document(source))
    cut, n, width = [], 0, 0
    for line in text.splitlines():
        cells = line.split("\t")
        # a label cell; a row's first cell only when numbered ("一、…": a line of its own before a row may be "其中")
        at = next(
            (
                i
                for i, c in enumerate(cells)
                if len(c) >= 4
                and not re.search(r"\d", c)
                and (i or re.match(r"[一二三四五六七八九十]+、", c))
            ),
            None,
        )
        figures = any(re.fullmatch(r"[\d,]+\.\d\d", c) for c in cells)
        # a row as wide as the one above (not a 合计 spanning columns at a table's foot: no width to rejoin it by)
        same, width = len(cells) == width, len(cells)
        if len(cells) > 2 and figures and same and at is not None and n % 2 == 0:
            label = cells[at]
            cells[at] = label[: len(label) // 2] + "\n" + label[len(label) // 2 :]
            line = "\t".join(cells)
        n += len(cells) > 2 and figures
        cut.append(line)
    assert n > 30
    copy = _copy(tmp_path, source, "\n".join(cut))
    assert [t.rows for t in copy.document.tables] == [t.rows for t in whole.document.tables]
    assert _said(copy) == _said(whole)


def test_a_text_browser_s_dump_of_a_report_page(reports) -> None:
    """000's page dumped by lynx (C1, F6): every line indented, a long line wrapped inside a figure ("…公务用车购置及运行
    维护费支出4.4" / "   6万元"), the 自评表 laid out as columns. budget.perf_initial failed on it (KeyError), the wrapped
    figure read 6万元 (two false errors), a 自评表 row's 预期目标 and 实际完成情况 cells, one to a line, were "a passage
    copied with one number changed" (a false error), and "English" of the site's menu began the agency's name. The
    grid's own findings go with the grid; those of the running text stay."""
    copy = extract(read_document(WEB / "000_lynx.txt"))
    assert copy.agency == "昌吉回族自治州公共就业服务中心"
    said = _said(copy)
    seed = _said(reports[R000.name])
    false = {f for f in said - seed if f[0] != "info"}
    assert false == set(), false
    rules = {rule for severity, rule, _ in said}
    assert {"budget.perf_initial", "budget.execution", "sum.sangong"} - rules == {"sum.sangong"}
    assert not any("4.4" in m and "6万元" in m for _, _, m in said)


def test_a_browser_s_copy_of_tables_with_spanned_cells(reports) -> None:
    """社工部's page copied from Chromium (F3): its "项目" header and "合计" row, each spanning the 科目编码 and 科目名称
    columns, come out one cell short and shifted every figure left: 307.82 read as 基本支出, four false errors. The copy
    gives the PDF's findings."""
    pdf = reports["中共上海市普陀区委社会工作部 2024 年度部门决算.pdf"]
    copy = extract(read_document(WEB / "社工部_chromium.txt"))
    assert copy.agency == pdf.agency
    for key in ("expenditure_basic", "gpb_basic"):
        assert copy.metrics[key] is not None and copy.metrics[key].amount == pdf.metrics[key].amount
    assert {f for f in _said(copy) - _said(pdf) if f[0] != "info"} == set()


def test_html2text_s_tables_without_outer_pipes(reports) -> None:
    """财政局's page through html2text: its tables are Markdown rows without outer pipes ("项目| 决算数" / "---|---"), a
    row with an empty first cell opens with "|", the 三公 table has a one-column header over "---", and its "项目"
    header spans four columns. No table was read (16 errors and 26 warnings lost); the copy now gives the PDF's
    findings."""
    pdf = reports["上海市普陀区财政局2024年度部门决算.pdf"]
    copy = extract(read_document(WEB / "财政局_html2text.md"))
    assert copy.agency == pdf.agency
    assert _said(copy) == _said(pdf)


def test_report_lines_that_look_like_a_web_frame_stay(tmp_path: Path) -> None:
    """The frame's rules read every document, so lines of a report that resemble it must stay (the fixes' probe,
    thirty-fifth session, P6–P8): a "/" (an empty 自评表 cell, one a line) and the labels beside it, "大" / "中" as a
    target and its actual, a "来源：" sentence, short lines under a "相关信息" heading of the report's own, an outer-pipe
    Markdown table under a heading ruled with "---", and a line of its own ("其中", a unit's name) before a table row."""
    lines = [
        "偏差原因分析",
        "/",
        "计划标准",
        "满意度赋分",
        "/",
        "影响程度",
        "大",
        "中",
        "来源：2024年度部门决算报表，截至2024年12月31日。",
        "相关信息",
        "本单位无政府性基金预算财政拨款收入",
        "本单位无国有资本经营预算财政拨款收入",
    ]
    text = R000.read_text(encoding="utf-8").replace("\n第三部分", "\n" + "\n".join(lines) + "\n第三部分", 1)
    assert all(line in text for line in lines)
    doc = read_document(_write(tmp_path, R000.name, text))
    kept = {b.text for b in doc.blocks}
    assert all(line in kept for line in lines), [line for line in lines if line not in kept]
    md = "收入支出决算总表\n---\n| 项目 | 决算数 |\n|---|---|\n| 一、一般公共预算财政拨款收入 | 100.00 |\n"
    doc = read_document(_write(tmp_path, "t.md", md))
    assert doc.blocks[0].text == "收入支出决算总表" and doc.blocks[0].table is None
    assert doc.tables[0].rows == (("项目", "决算数"), ("一、一般公共预算财政拨款收入", "100.00"))
    tsv = R001.read_text(encoding="utf-8")
    row = next(line for line in tsv.splitlines() if line.startswith("年初结转和结余\t"))
    doc = read_document(_write(tmp_path, R001.name, tsv.replace(row, "其中\n" + row, 1)))
    assert any(r[0] == "年初结转和结余" for t in doc.tables for r in t.rows)
    assert "其中" in {b.text for b in doc.blocks}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    target = tmp_path / name
    target.write_text(text, encoding="utf-8")
    return target


def test_a_table_saved_one_cell_a_line(tmp_path: Path, reports) -> None:
    """A copy that gives every table cell a line of its own (a mobile page's layout, BeautifulSoup's text): 004's
    基础数据表 head "2022年决算数" read as a heading with the wrong year (completeness.year), and two 自评表 rows of 003
    with one 偏差原因 and scores 9.68 and 9.5 as "a passage copied with one figure changed" (the web probe's re-run)."""
    from generator.checks.completeness import year
    from generator.checks.repeat import copied_passage

    r004 = REPORTS / "004_64caca8ce772cd7b.txt"
    text = r004.read_text(encoding="utf-8")
    heads = "\n\n部门整体支出绩效评价基础数据表\n\n2022年决算数\n\n2023年预算数\n\n2023年决算数\n"
    copy = _copy(tmp_path, r004, text + heads)
    assert "2022年决算数" in {b.text for b in copy.document.blocks}
    assert list(year(copy)) == list(year(reports[r004.name])) == []
    reason = "人次数为享受待遇人数*12个月数得出 =241*12=2892人次,完成值不及年初预计数,是因为有人员死亡等因素而停发待遇的情况"
    r003 = REPORTS / "003_237caace6a9bba17.txt"
    seed = r003.read_text(encoding="utf-8")
    cells = "\n补贴发放人次数\n>=2988人次\n=2892人次\n10\n{}\n" + reason + "\n"
    copy = _copy(tmp_path, r003, seed + cells.format("9.68") + "\n一级指标\n" + cells.format("9.5"))
    assert list(copied_passage(copy)) == []

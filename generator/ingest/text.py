"""Text dumps: .txt / .md, as agencies' Word and PDF originals come out of copy-paste or OCR.

Three table shapes occur: tab-separated rows, one cell per line (a leading tab, rows separated
by blank lines, a cell's own line breaks continuing without a tab), and Markdown pipe tables.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import IngestError
from generator.ingest import Item, reader
from generator.normalize import without_web_residue

_NUMBERISH = re.compile(r"^[\s\u3000]*-?[\d,.]+%?[\s\u3000]*$")
# a cell that is one figure with at most its unit: "95%", "3.9万", ">=2件" (not "1.规范化与标准化：……")
_FIGURE_CELL = re.compile(r"^[\s\u3000]*(?:[<>=≥≤]=?)?\s*\d[\d,.]*\s*(?:%|[\u4e00-\u9fff]{1,3})?[\s\u3000]*$")
_MD_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_PREFIX = re.compile(r"^\s{0,3}(#{1,6}\s+|[-*+]\s+|>(?![=＝])\s*)")  # not ">=2.20万人次" (a target)
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # below U+0020 but tab, LF, CR, FF
# a Word export's bookmark ("[bookmark: _Toc10140]1.资金管理"), taken out before the lines are split: a dump wrapped
# at a fixed width can cut one across two lines, which the per-line clean-up would no longer recognise
_BOOKMARK = re.compile(r"\[bookmark: [^\]\t]{0,80}\]")


def decode(raw: bytes, path: Path) -> str:
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(str(path), "不是文本文件 (binary data in a text file)")
    for enc in ("utf-8-sig", "utf-16", "gb18030"):
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "utf-16" and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        bad = len(_CONTROL.findall(text))
        if bad > max(8, len(text) // 200):
            break
        return text
    raise IngestError(str(path), "无法识别的文字编码 (not UTF-8 or GB18030 text)")


@reader("txt", "md", "markdown")
def read_text(path: Path) -> tuple[list[Item], int]:
    text = decode(path.read_bytes(), path).replace("\r\n", "\n").replace("\r", "\n")
    text = without_web_residue(text)
    if "[bookmark: " in text:
        text = _BOOKMARK.sub("", text)
    items: list[Item] = []
    table = 0
    in_table = False
    # each line's page, its form feeds taken out first: a cell's line "\f\t" opens a page and is still a cell (left in
    # the line, it was neither a cell nor text, and the row's reading never moved on)
    lines: list[str] = []
    page_of: list[int] = []
    page = 1
    for raw in text.split("\n"):
        page += raw.count("\f")
        lines.append(raw.replace("\f", ""))
        page_of.append(page)
    i = 0
    bare_pipes = False  # inside a Markdown table without outer pipes
    while i < len(lines):
        line = lines[i]
        page = page_of[i]
        if not line.strip() and not (line.startswith("\t") and in_table):
            bare_pipes = False
            i += 1
            continue
        if line.startswith("\t") and "\t" not in line[1:]:
            # One cell per line until the blank line that ends the row.
            cells: list[str] = []
            while i < len(lines) and (lines[i].strip() != "" or lines[i].startswith("\t")):
                cur = lines[i]
                if cur.startswith("\t"):
                    cells.append(cur[1:])
                elif cells and not (_NUMBERISH.match(cur) and _NUMBERISH.match(cells[-1])):
                    cells[-1] += "\n" + cur
                else:
                    cells.append(cur)
                i += 1
            if not cells:  # nothing read (cannot happen once form feeds are out; never loop on a line)
                i += 1
                continue
            if not in_table:
                table += 1
                in_table = True
            last = items[-1] if items and items[-1].table == table else None
            if last is not None and last.cells is not None and _row_cut(items, table, last.cells, cells):
                items[-1] = Item(page=last.page, cells=last.cells + tuple(cells), table=table)
            else:
                items.append(Item(page=page, cells=tuple(cells), table=table))
            continue
        stripped = line.strip()
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if "|" in stripped and (bare_pipes or not stripped.startswith("|")):
            # a Markdown table written without its outer pipes, as html2text writes one ("项目| 决算数" / "---|---"; a
            # row opening with "|" has an empty first cell)
            if _MD_RULE.match(stripped) and bare_pipes:
                i += 1
                continue
            if bare_pipes or ("|" in following and _MD_RULE.match(following)):
                if not in_table:
                    table += 1
                    in_table = True
                bare_pipes = True
                items.append(
                    Item(page=page, cells=tuple(c.strip() for c in stripped.split("|")), table=table)
                )
                i += 1
                continue
        if (
            re.fullmatch(r"-{3,}", stripped)
            and "|" in following
            # (not an outer-pipe table under a ruled heading, nor a table whose own header and rule follow:
            # "收入支出决算总表" / "---" over "项目 | 决算数" / "---|---")
            and not following.startswith("|")
            and not (i + 2 < len(lines) and "|" in lines[i + 2] and _MD_RULE.match(lines[i + 2].strip()))
            and items
            and items[-1].cells is None
            and 0 < len(items[-1].text.strip()) <= 40
        ):
            # a one-column header over the table ("财政拨款“三公”经费" / "---" / "合计| | 因公出国（境）费| …")
            if not in_table:
                table += 1
                in_table = True
            items[-1] = Item(page=items[-1].page, cells=(items[-1].text.strip(),), table=table)
            bare_pipes = True
            i += 1
            continue
        bare_pipes = False
        if stripped.startswith("|") and stripped.count("|") >= 2:
            if _MD_RULE.match(stripped):
                i += 1
                continue
            if not in_table:
                table += 1
                in_table = True
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            items.append(Item(page=page, cells=tuple(cells), table=table))
            i += 1
            continue
        if "\t" in line and _looks_tabular(line):
            if not in_table:
                table += 1
                in_table = True
            cells = [c.strip() for c in line.split("\t")]
            if i + 1 < len(lines) and (
                rest := _line_break_in_cell(_widths(items, table, lines, i), cells, lines[i + 1])
            ):
                cells, i = rest, i + 1
            items.append(Item(page=page, cells=tuple(cells), table=table))
            i += 1
            continue
        if in_table and "\t" not in line and i + 1 < len(lines):
            # the row's first cell, a numbered item, cut by a line break ("一、一般公共预算" / "财政拨款收入\t2,940.05\t…";
            # not a line of its own before a row: "其中", a unit's name over a page)
            numbered = _NUMBERED_ITEM.match(stripped)
            if numbered and (
                rest := _line_break_in_cell(_widths(items, table, lines, i), [stripped], lines[i + 1])
            ):
                items.append(Item(page=page, cells=tuple(rest), table=table))
                i += 2
                continue
            # a 自评表's year under its title, a row of one cell spanning the table ("单位整体支出绩效自评表\t\t…" /
            # "（2024年度）" / "单位名称\t…", as a browser copies it): the table goes on
            if _YEAR_ROW.fullmatch(stripped) and "\t" in lines[i + 1]:
                items.append(Item(page=page, cells=(stripped,), table=table))
                i += 1
                continue
        in_table = False
        # (a ">" alone is a breadcrumb's separator saved one item a line, no Markdown quote)
        said = stripped if stripped in (">", "＞") else _MD_PREFIX.sub("", line).replace("**", "")
        items.append(Item(page=page, text=said))
        i += 1
    return _spanned_labels(items), page_of[-1] if page_of else 1


_NUMBERED_ITEM = re.compile(r"(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")
_YEAR_ROW = re.compile(r"[（(]\s*20\d{2}\s*年度?\s*[)）]")
# a statutory table's 科目 row: its code, then its name ("201\t一般公共服务支出\t264.87…")
_CODE = re.compile(r"^\d{3,7}$")


def _spanned_labels(items: list[Item]) -> list[Item]:
    """A browser's copy of a web page's table (or html2text's Markdown) gives a cell spanning columns one cell: its
    header "项目" and its "合计" row, each over the 科目编码 and 科目名称 columns (or 类, 款, 项 and 科目名称), come out a
    cell or three short of the 科目 rows and shift every figure left. Where a table's 科目 rows are all one width (the
    copy keeps every empty cell) and a row led by such a label is up to three cells shorter, the label took the columns
    missing: empty cells go after it."""
    by_table: dict[int | None, list[int]] = {}
    for n, item in enumerate(items):
        if item.cells is not None:
            by_table.setdefault(item.table, []).append(n)
    for rows in by_table.values():
        coded = [
            cells
            for n in rows
            if len(cells := items[n].cells or ()) > 2
            and _CODE.match(cells[0])
            and not _NUMBERISH.match(cells[1])
        ]
        widths = {len(cells) for cells in coded}
        if len(coded) < 2 or len(widths) != 1:
            continue
        (width,) = widths
        # the label columns (科目编码, 科目名称; or 类, 款, 项, 科目名称): those before a 科目 row's first figure
        labels = min(
            next((i for i, c in enumerate(cells) if _AMOUNT_CELL.match(c)), width) for cells in coded
        )
        for n in rows:
            cells = items[n].cells or ()
            # the cells after the label, one to each figure column ("项目" / "本年支出" over three columns is a group)
            if (
                1 <= width - len(cells) <= 3
                and len(cells) - 1 == width - labels
                and _SPANNING_LABEL.match(cells[0])
            ):
                gap = ("",) * (width - len(cells))
                items[n] = Item(page=items[n].page, cells=(cells[0], *gap, *cells[1:]), table=items[n].table)
    return items


_AMOUNT_CELL = re.compile(r"^-?[\d,]*\.\d+$")  # a figure to the cent (not a code's "06")
# the labels a table's first column spans: its header and its totals
_SPANNING_LABEL = re.compile(r"^(?:项\s*目|科\s*目|合\s*计|总\s*计|小\s*计|本年支出合计|本年收入合计)$")


def _widths(items: list[Item], table: int, lines: list[str], i: int) -> set[int]:
    """The widths a row cut at line ``i`` may have: the table's row above, and the line after the cut's second line."""
    widths = set()
    if items and items[-1].table == table and items[-1].cells is not None:
        widths.add(len(items[-1].cells))
    if i + 2 < len(lines) and "\t" in lines[i + 2]:
        widths.add(len(lines[i + 2].split("\t")))
    return widths


# what opens a row of its own: a numbered item ("一、", "（一）", "1."), a 科目 code
_ROW_OPENS = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|\d{3,7}$)"
)


_CELL_NOTE = re.compile(r"^(?:注|说明|备注|单位|金额单位)\s*[：:]|^公开\d+表|^[（(]?续")


def _line_break_in_cell(widths: set[int], cells: list[str], following: str) -> list[str] | None:
    """A row a line break inside one of its label cells cut in two, as a browser's copy gives a cell holding "<br>"
    ("201\t06\t02\t一般行政" / "管理事务\t16.19\t10.00…"): the two lines' cells, the cut cell joined, make a row as wide
    as the row above or the row below (``widths``). None when they do not."""
    if "\t" not in following:
        return None
    tail = [c.strip() for c in following.split("\t")]
    width = len(cells) + len(tail) - 1
    if (
        width not in widths
        or len(cells) >= width
        or len(cells[-1]) > 20
        or _CELL_NOTE.match(cells[0])
        or not cells[-1]
        or not tail[0]
        or _NUMBERISH.match(cells[-1])
        or _NUMBERISH.match(tail[0])
        or _SPANNING_LABEL.match(tail[0])  # a 合计 row of its own after a header
        or _ROW_OPENS.match(tail[0])
        or not any(
            _NUMBERISH.match(c) for c in tail[1:]
        )  # header rows: they differ in width, and hold no figure
    ):
        return None
    return [*cells[:-1], cells[-1] + tail[0], *tail[1:]]


def _row_cut(items: list[Item], table: int, head: tuple[str, ...], tail: list[str]) -> bool:
    """Whether a one-cell-per-line row was cut in two by a blank line inside it (004's "春节前后返乡农民工返岗就业人数",
    an empty paragraph after it in its Word cell, then "95%" "100%" "15" "15"): the row before it in the table is
    exactly as wide as the two together, the first part ends on words and the second opens with a figure."""
    width = next(
        (len(i.cells) for i in reversed(items[:-1]) if i.table == table and i.cells is not None), None
    )
    return (
        width is not None
        and len(head) < width
        and len(head) + len(tail) == width
        and bool(head[-1].strip())
        and not _NUMBERISH.match(head[-1])
        and bool(tail)
        and bool(_FIGURE_CELL.match(tail[0]))
    )


def _looks_tabular(line: str) -> bool:
    # A table-of-contents line "一、收入支出决算总表\t3" is a line with a page number, not a row.
    # A row of 栏次 alone ("\t30\t\t\t61\t", 001's 收入支出决算总表 between 年末结转和结余 and 总计) is a row.
    cells = [c for c in line.split("\t") if c.strip()]
    if len(cells) == 2 and re.fullmatch(r"\d{1,3}", cells[1].strip()):
        return re.fullmatch(r"\d{1,3}", cells[0].strip()) is not None
    return True

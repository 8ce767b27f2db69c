"""Text dumps: .txt / .md, as agencies' Word and PDF originals come out of copy-paste or OCR.

Three table shapes occur: tab-separated rows, one cell per line (a leading tab, rows separated
by blank lines, a cell's own line breaks continuing without a tab), and Markdown pipe tables.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import IngestError
from generator.ingest import Item, reader

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
    while i < len(lines):
        line = lines[i]
        page = page_of[i]
        if not line.strip() and not (line.startswith("\t") and in_table):
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
            items.append(Item(page=page, cells=tuple(c.strip() for c in line.split("\t")), table=table))
            i += 1
            continue
        in_table = False
        items.append(Item(page=page, text=_MD_PREFIX.sub("", line).replace("**", "")))
        i += 1
    return items, page_of[-1] if page_of else 1


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

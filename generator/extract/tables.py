"""The nine statutory tables (公开01表 … 公开09表): recognise them and read them as rows.

A table is recognised by its printed number ("公开05表") or, failing that, by the title printed
just above it. Titles nest ("财政拨款收入支出决算总表" contains "收入支出决算总表"), so the most
specific title is tried first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.model import Block, Document, Quote, Table, Value
from generator.normalize import parse_amount

STATUTORY: dict[str, str] = {
    "公开01表": "收入支出决算总表",
    "公开02表": "收入决算表",
    "公开03表": "支出决算表",
    "公开04表": "财政拨款收入支出决算总表",
    "公开05表": "一般公共预算财政拨款支出决算表",
    "公开06表": "一般公共预算财政拨款基本支出决算表",
    "公开07表": "政府性基金预算财政拨款收入支出决算表",
    "公开08表": "国有资本经营预算财政拨款支出决算表",
    "公开09表": "财政拨款“三公”经费支出决算表",
}

# Most specific first. Each pattern tolerates the variants seen in published reports
# (明细表, 收入支出 vs 支出, ASCII quotes or none around 三公).
_TITLES: list[tuple[str, re.Pattern[str]]] = [
    ("公开09表", re.compile(r"三\s*公\s*[”\"]?\s*经费支出决算表|三公.{0,3}经费.{0,6}决算表")),
    ("公开06表", re.compile(r"一般公共预算财政拨款基本支出决算(明细)?表")),
    ("公开05表", re.compile(r"一般公共预算财政拨款支出决算表")),
    ("公开07表", re.compile(r"政府性基金预算财政拨款(收入)?支出决算表")),
    ("公开08表", re.compile(r"国有资本经营预算财政拨款(收入)?支出决算表")),
    ("公开04表", re.compile(r"财政拨款收入支出决算总表")),
    ("公开01表", re.compile(r"收入支出决算总表")),
    ("公开02表", re.compile(r"收入决算表")),
    ("公开03表", re.compile(r"支出决算表")),
]
_NUMBERED = re.compile(r"公开\s*0?([1-9])\s*表")


def identify(title_text: str) -> str | None:
    """The statutory table named last in ``title_text`` (closest to the table below it)."""
    best: tuple[int, str] | None = None
    for m in _NUMBERED.finditer(title_text):
        best = (m.start(), f"公开0{m.group(1)}表")
    if best:
        return best[1]
    for key, pattern in _TITLES:
        for m in pattern.finditer(title_text):
            # a shorter title found inside a longer one at the same place does not count
            if best is None or m.start() > best[0]:
                best = (m.start(), key)
        if best and key != "公开01表":
            break
    return best[1] if best else None


# The unit the table's figures are printed in ("单位：万元", "金额单位：元"), as a factor to 万元, the unit every
# figure of a Report is in (data contract). A table that names none is in 万元, as the template prints it.
_UNIT = re.compile(r"单位\s*[：:]\s*(?P<unit>万元|千元|元)")
_TO_WAN = {"万元": Decimal(1), "千元": Decimal("0.1"), "元": Decimal("0.0001")}


@dataclass
class StatutoryTable:
    key: str
    table: Table
    index: int
    rows: list[Block]  # the row blocks in document order (their text is what quotes show)
    unit: str = "万元"  # what its figures are printed in; amount() gives them in 万元

    def amount(self, cell: str) -> Decimal | None:
        """A cell's figure in 万元 (a table printed in 元 holds 13990800.00 for 1,399.08万元)."""
        v = parse_amount(cell)
        return v if v is None or self.unit == "万元" else v * _TO_WAN[self.unit]

    @property
    def label(self) -> str:
        """ "公开01表 收入支出决算总表", with its unit when that is not 万元 (evidence quotes show the cells as printed)."""
        return f"{self.key} {self.title}" + ("" if self.unit == "万元" else f"（单位：{self.unit}）")

    @property
    def page(self) -> int:
        return self.table.page

    @property
    def title(self) -> str:
        return STATUTORY[self.key]

    def has_data(self) -> bool:
        return any(parse_amount(c) is not None for row in self.data_rows() for c in row)

    def data_rows(self) -> list[tuple[str, ...]]:
        return [r for r in self.table.rows if not _is_header(r)]

    def header(self) -> list[str]:
        """Column names, merged over the header rows (a name spans until the next one)."""
        width = max(len(r) for r in self.table.rows)
        parts: list[list[str]] = [[] for _ in range(width)]
        for row in self.table.rows:
            if not _is_header(row):
                break
            for i, cell in enumerate(row):
                if (
                    cell
                    and cell not in ("项目", "栏次", "行次")
                    and cell not in parts[i]
                    and not cell.isdigit()
                    and not _TITLE_CELL.search(cell)
                ):
                    if len(cell) == 1 and parts[i] and cell not in "类款项":
                        parts[i][-1] += (
                            cell  # a name wrapped in its cell, read as two rows: "本年收入合" / "计"
                        )
                    else:
                        parts[i].append(cell)
        return ["/".join(p) for p in parts]


# the table's title or unit line, read into its first rows (OCR lays them out on the table's columns)
_TITLE_CELL = re.compile(r"决算(?:明细)?表$|^单位[：:]|^金额单位")


def _is_header(row: tuple[str, ...]) -> bool:
    filled = [c for c in row if c]
    if not filled:
        return True
    amounts = [c for c in filled if parse_amount(c) is not None]
    if row and row[0] in ("栏次",) or (filled and filled[0] == "栏次"):
        return True
    return not amounts or all(re.fullmatch(r"\d{1,2}", c) for c in amounts) and len(amounts) == len(filled)


def find_statutory(doc: Document) -> dict[str, StatutoryTable]:
    found: dict[str, StatutoryTable] = {}
    first_row: dict[int, int] = {}
    for pos, block in enumerate(doc.blocks):
        if block.table is not None and block.table not in first_row:
            first_row[block.table] = pos
    for index, pos in sorted(first_row.items(), key=lambda kv: kv[1]):
        if _self_evaluation(doc.blocks, pos, doc.tables[index]):
            continue  # a 绩效自评表 under a sentence naming a statutory table ("本单位无政府性基金预算……支出决算表")
        title = _title_before(doc.blocks, pos, doc.tables[index])
        key = identify(title) if title else None
        if key is None or key in found:
            continue
        rows = doc.table_rows(index)
        head = " ".join(c for row in doc.tables[index].rows[:2] for c in row if c)
        unit = _UNIT.search(title + " " + head)
        found[key] = StatutoryTable(
            key=key, table=doc.tables[index], index=index, rows=rows, unit=unit["unit"] if unit else "万元"
        )
    return found


# The rows a table's header may take: its own, and the title, number, 部门名称, year and unit lines a table pasted from
# Excel carries as rows above it.
_HEAD_ROWS = 10


def _names_a_table(cell: str) -> bool:
    """A cell that is a table's title and nothing more ("收入决算表", "二、收入决算表"): a row of a 目录 laid out as a table
    (not a note under a table, "注：本表反映……。财政拨款收入支出决算总表")."""
    return (
        "表" in cell
        and len(cell) <= 30
        and not cell.startswith(("注", "说明"))
        and identify(cell) is not None
    )


def _self_evaluation(blocks: list[Block], pos: int, table: Table) -> bool:
    """A performance self-evaluation table: its first rows, or the two paragraphs right above it when its rows name no
    statutory table, say 自评表."""
    first = [c for row in table.rows[:3] for c in row if c]
    if any("自评表" in c for c in first):
        return True
    # the title, and the year line under it ("单位整体支出绩效自评表" / "（2024年度）")
    above = " ".join(b.text for b in blocks[max(0, pos - 2) : pos] if b.table is None)
    return "自评表" in above and not any(identify(c) for c in first[:6])


def _title_before(blocks: list[Block], pos: int, table: Table) -> str:
    texts: list[str] = []
    for block in reversed(blocks[max(0, pos - 4) : pos]):
        if block.table is not None:
            break
        texts.insert(0, block.text)
    # a title printed inside the table's first rows (a merged cell, as a table pasted from Excel carries it) is the
    # closest to the figures, whatever paragraph stands above (a heading, the last table's note); not a 目录 laid out
    # as a table, whose rows name one table each
    cells = [c for row in table.rows[:2] for c in row if c]
    named = {identify(c) for c in cells} - {None}
    if len(named) != 1 or any(_names_a_table(c) for row in table.rows[2:] for c in row):
        return " ".join(texts)
    return " ".join(texts) + " " + " ".join(cells)


# --- reading values -----------------------------------------------------------------------


def _amount_cells(
    st: StatutoryTable, cells: tuple[str, ...], skip_line_numbers: bool
) -> list[tuple[int, Decimal]]:
    out = []
    for i, c in enumerate(cells):
        v = st.amount(c)
        if v is None:
            continue
        if skip_line_numbers and re.fullmatch(r"\d{1,2}", c):
            continue  # the 行次 column
        out.append((i, v))
    return out


def lookup(st: StatutoryTable, label: re.Pattern[str], occurrence: int = 0) -> Value | None:
    """The amount printed after the cell matching ``label`` (key-value tables like 01/04/06).

    The amount must come before the next label cell; an empty stretch means "not stated".
    """
    line_numbers = any("行次" in c for row in st.table.rows[:_HEAD_ROWS] for c in row)
    seen = 0
    for r_index, cells in enumerate(st.table.rows):
        for i, cell in enumerate(cells):
            if not cell or not label.fullmatch(cell):
                continue
            if seen < occurrence:
                seen += 1
                continue
            for c in cells[i + 1 :]:
                if not c:
                    continue
                v = st.amount(c)
                if v is None:
                    if c in ("——", "—", "-", "/"):
                        continue
                    break  # the next label: nothing stated for this one
                if line_numbers and re.fullmatch(r"\d{1,2}", c):
                    continue
                return Value(v, "table", _quote(st, r_index))
            return None
    return None


def column(st: StatutoryTable, row_label: re.Pattern[str], col_label: re.Pattern[str]) -> Value | None:
    """The amount in the row whose first text cell matches ``row_label``, in the column whose
    header matches ``col_label`` (columnar tables like 02/03/05)."""
    names = st.header()
    cols = [i for i, n in enumerate(names) if n and col_label.search(n) and not _sub_column(n, col_label)]
    if not cols:
        return None
    col = cols[0]
    for r_index, cells in enumerate(st.table.rows):
        if _is_header(cells):
            continue
        # the 类/款/项 header cells printed in the 合计 row of some layouts are not its label
        texts = [c for c in cells if c and parse_amount(c) is None and c not in ("类", "款", "项")]
        if not texts or not row_label.fullmatch(texts[0]):
            continue
        if len(cells) == len(names):
            v = st.amount(cells[col]) if col < len(cells) else None
        else:  # a text dump whose rows lost their empty cells: count amounts from the left
            amounts = _amount_cells(st, cells, False)
            idx = sum(1 for i, n in enumerate(names) if i < col and n and _amount_col(n))
            v = amounts[idx][1] if idx < len(amounts) else None
        if v is None:
            return None
        return Value(v, "table", _quote(st, r_index))
    return None


def _sub_column(name: str, label: re.Pattern[str]) -> bool:
    """A column under the one sought, not it: "基本支出/人员经费" when 基本支出 is split into 人员经费 and 公用经费
    without a 小计 column (a 小计 or 合计 under it is the column itself)."""
    head, _, last = name.rpartition("/")
    return bool(head) and last not in ("小计", "合计") and not label.search(last)


_LABEL_COL = re.compile(
    r"(?:(?:支出)?(?:功能|经济)分类/?)?(?:科目(?:编码|代码|名称)/?)*(?:类|款|项|类/?款|款/?项|类/?款/?项)?"
    r"|项目|收入|支出|行次|栏次|序号|单位名称|备注|(?:科目)?级次"  # 级次: 类/款/项 as text
)


def _amount_col(name: str) -> bool:
    last = name.split("/")[-1]
    return bool(name) and not _LABEL_COL.fullmatch(name) and not _LABEL_COL.fullmatch(last)


def _quote(st: StatutoryTable, r_index: int) -> Quote:
    block = st.rows[r_index] if r_index < len(st.rows) else None
    text = block.text if block else " ".join(c for c in st.table.rows[r_index] if c)
    page = block.page if block else st.page
    return Quote(quote=text, page=page, table=st.label)


# --- structured rows for the JSON and for the checks ----------------------------------------

_CODE = re.compile(r"\d{3}(\d{2}){0,2}")
# the 科目编码 sub-headers some layouts print in the 合计 row (a scan may read two or three as one: "款项")
_CODE_HEADS = ("类", "款", "项", "类款", "款项", "类款项")
# a 科目 code and its name in one cell ("2080101 行政运行", "30101基本工资"), as some layouts print them
_CODE_AND_NAME = re.compile(r"(\d{3}(?:\d{2}){0,2})\s*([^\d\s,.%（(\-].*)")


def split_code(cell: str) -> tuple[str, str] | None:
    """(code, name) of a cell holding both, else None."""
    m = _CODE_AND_NAME.fullmatch(cell)
    return (m.group(1), m.group(2).strip()) if m else None


# a code printed with spaces between its parts ("208 05 01")
_SPACED_CODE = re.compile(r"^(\d{3})\s+(\d{2})(?:\s+(\d{2}))?$")
# a 科目 name with its level after it ("社会保障和就业支出（类）", "行政运行（项）")
_LEVEL = re.compile(r"\s*[（(][类款项][)）]$")


def _continues(cells: tuple[str, ...], name_at: int) -> bool:
    """A row holding nothing but text in the name column: no code, no amount, no header word ("科目名称", "项目")."""
    return (
        0 <= name_at < len(cells)
        and bool(cells[name_at])
        and all(not c for i, c in enumerate(cells) if i != name_at)
        and parse_amount(cells[name_at]) is None
        and not _LABEL_COL.fullmatch(cells[name_at])
        and cells[name_at] not in ("合计", "总计")
    )


def _numbering(cells: tuple[str, ...]) -> bool:
    """A 栏次 row: its figures are 1, 2, … n (after a label such as "栏次")."""
    figures = [c.strip() for c in cells if c.strip() and c.strip() not in ("栏次", "行次")]
    return bool(figures) and figures == [str(i) for i in range(1, len(figures) + 1)]


def data_row_after(rows: list[tuple[str, ...]] | tuple[tuple[str, ...], ...], r: int) -> int | None:
    """The first row below header row ``r`` (as wide) that holds an amount, past rows of names (the national 公开09表
    prints 合计 / 因公出国（境）费 / … under 预算数 and 决算数) and a 栏次 row (1 … 12)."""
    width = len(rows[r])
    for k in range(r + 1, len(rows)):
        cells = rows[k]
        if len(cells) != width or _numbering(cells):
            continue
        if any(parse_amount(c) is not None for c in cells):
            return k
    return None


def sangong_rows(
    rows: list[tuple[str, ...]] | tuple[tuple[str, ...], ...], r: int
) -> list[int | None] | None:
    """公开09表 printed one row per item below header row ``r`` (项目 | 预算数 | 决算数): the rows of the six items in
    statutory order (合计, 因公出国（境）费, 公务用车购置及运行维护费, 公务用车购置费, 公务用车运行维护费, 公务接待费), None
    for an item with no row of its own (the 公务用车 subtotal or its parts left out); None when 合计 or another two are
    not there."""
    found: dict[int, int] = {}
    for k in range(r + 1, len(rows)):
        label = next((c for c in rows[k] if c.strip() and parse_amount(c) is None), "")
        item = _sangong_item(label)
        if item is not None:
            found.setdefault(item, k)
    return [found.get(i) for i in range(6)] if 0 in found and len(found) >= 3 else None


# what each of the six 三公 rows' label holds, in statutory order (the 公务用车 subtotal before its two parts)
_SANGONG_LABELS = (("合计",), ("出国",), ("购置", "运行"), ("购置费",), ("运行",), ("接待",))


@dataclass(frozen=True)
class SangongCells:
    """Where 公开09表 prints its six items' 预算数 and 决算数, in statutory order (合计, 因公出国（境）费, 公务用车购置及运行
    维护费, 公务用车购置费, 公务用车运行维护费, 公务接待费): (row, budget column, final column) each, None for an item the
    layout has no column for. No cells: the header is there, no row of amounts under it (an empty table)."""

    header: int
    cells: tuple[tuple[int, int, int] | None, ...]


def _sangong_item(label: str) -> int | None:
    """Which of the six items a label names (its place in _SANGONG_LABELS)."""
    item = next((i for i, words in enumerate(_SANGONG_LABELS) if all(w in label for w in words)), None)
    return None if item == 4 and "购置" in label else item


def _pair_item(rows: list[tuple[str, ...]] | tuple[tuple[str, ...], ...], r: int, col: int) -> int | None:
    """The item a (预算数, 决算数) pair at column ``col`` of header row ``r`` is printed under: the nearest name above it
    ("小计" under 公务用车购置及运行维护费 is that subtotal)."""
    for k in range(r - 1, -1, -1):
        cell = rows[k][col].strip() if col < len(rows[k]) else ""
        if cell == "小计":
            return 2
        if cell:
            return _sangong_item(cell)
    return None


def sangong_cells(rows: list[tuple[str, ...]] | tuple[tuple[str, ...], ...]) -> SangongCells | None:
    """The 公开09表's layout, from its header row: six (预算数, 决算数) pairs side by side (fewer pairs — the 公务用车
    subtotal or its parts left out — known by the names printed over them); one 预算数 over six columns and one 决算数
    over the next six; or one row per item (项目 | 预算数 | 决算数). None when it is none of these."""
    for r, row in enumerate(rows):
        budgets = [i for i, c in enumerate(row) if c.strip() in ("预算数", "预算")]
        finals = [i for i, c in enumerate(row) if c.strip() in ("决算数", "决算")]
        if not budgets or not finals:
            continue
        if len(budgets) == 1 and len(finals) == 1 and finals[0] - budgets[0] != 6:
            at = sangong_rows(rows, r)
            return (
                None
                if at is None
                else SangongCells(r, tuple(None if k is None else (k, budgets[0], finals[0]) for k in at))
            )
        pairs: list[tuple[int, int] | None]
        if len(budgets) == 6 and len(finals) == 6:
            pairs = list(zip(budgets, finals, strict=True))
        elif len(budgets) == 1 and len(finals) == 1:
            pairs = [(budgets[0] + i, finals[0] + i) for i in range(6)]
        elif 2 <= len(budgets) == len(finals) < 6:
            # each pair's name over its 预算数 column, or (a merged cell's text landing in its right-hand cell) over its 决算数
            items = [
                _pair_item(rows, r, f) if (item := _pair_item(rows, r, b)) is None else item
                for b, f in zip(budgets, finals, strict=True)
            ]
            if None in items or len(set(items)) != len(items) or 0 not in items:
                return None  # a pair under no item's name: none is known by its place either
            pairs = [None] * 6
            for item, b, f in zip(items, budgets, finals, strict=True):
                pairs[item] = (b, f)  # type: ignore[index]
        else:
            return None
        data = data_row_after(rows, r)
        cells = tuple(None if p is None else (data, p[0], p[1]) for p in pairs) if data is not None else ()
        return SangongCells(r, cells)
    return None


def _code_and_name(cells: tuple[str, ...]) -> tuple[str, int | None, str, int]:
    """A row's 科目 code (its parts joined: "208" "05" "01", or "208 05 01" in one cell) with the column it starts in,
    and its name with the name's column (-1: none)."""
    code_parts: list[str] = []
    code_at: int | None = None
    name, name_at = "", -1
    for i, raw in enumerate(cells):
        c = _SPACED_CODE.sub(r"\1\2\3", raw)  # "208 05 01"
        if not name and re.fullmatch(r"\d{2,7}", c) and (not code_parts or len(c) == 2):
            code_parts.append(c)
            code_at = i if code_at is None else code_at
        elif not name and c and parse_amount(c) is None and c not in _CODE_HEADS:
            both = split_code(c) if not code_parts else None
            if both is not None:
                code_parts.append(both[0])
            name, name_at = both[1] if both else c, i
    return "".join(code_parts), code_at, _LEVEL.sub("", name), name_at  # "行政运行（项）"


@dataclass
class _SparseCodes:
    """Codes in 类/款/项 columns of their own, each printed once for the rows below it (merged cells): "05" under "208" is
    20805, "01" under it 2080501."""

    lei_at: int | None = None  # the column of the 类 codes
    above: str = ""  # the last code read

    def full(self, code: str, code_at: int | None) -> str:
        if len(code) == 3 and self.lei_at is None:
            self.lei_at = code_at
        if (
            code
            and len(code) % 2 == 0
            and self.lei_at is not None
            and code_at is not None
            and code_at > self.lei_at
        ):
            code = self.above[: 1 + 2 * (code_at - self.lei_at)] + code
        if not _CODE.fullmatch(code):
            code = ""
        self.above = code or self.above
        return code


def structured(st: StatutoryTable) -> dict[str, object]:
    """Rows as {code, name, values} with the header's column names (the report JSON's tables)."""
    names = st.header()
    amount_cols = [n for n in names if n and _amount_col(n)]
    rows: list[dict[str, Any]] = []
    codes = _SparseCodes()
    name_above = -1  # the column of the last row's name
    for r_index, cells in enumerate(st.table.rows):
        if _is_header(cells):
            if rows and rows[-1]["code"] and _continues(cells, name_above):
                # the rest of the row above's name, wrapped onto a row of its own: "机关事业单位基本养老保" / "险缴费支出"
                rows[-1]["name"] += cells[name_above]
            continue
        code, code_at, name, name_at = _code_and_name(cells)
        code = codes.full(code, code_at)
        name_above = name_at
        if len(cells) == len(names):
            picked = [cells[i] for i, n in enumerate(names) if i > name_at and n and _amount_col(n)]
        else:
            picked = list(cells[name_at + 1 :])
        values: list[str | None] = [
            str(st.amount(c)) if parse_amount(c) is not None else (c or None) for c in picked
        ]
        if (
            not code
            and not name
            and rows
            and rows[-1]["code"]
            and not any(rows[-1]["values"])
            and r_index < len(st.table.rows) - 1
        ):
            # the amounts of the row above, printed on a line of their own under its name (not the table's last row,
            # which may be a 合计 printed without its label)
            rows[-1]["values"] = values
            continue
        rows.append(
            {
                "code": code or None,
                "name": name,
                "values": values,
                "page": st.rows[r_index].page if r_index < len(st.rows) else st.page,
                "quote": st.rows[r_index].text if r_index < len(st.rows) else "",
            }
        )
    return {
        "title": st.title,
        "label": st.label,
        "unit_printed": st.unit,
        "page": st.page,
        "columns": amount_cols,
        "rows": rows,
        "empty": not st.has_data(),
    }


# --- key-value layouts (公开01/04/06/09表): each row holds one or more label → amounts stretches --


@dataclass(frozen=True)
class Entry:
    """One labelled stretch of a row: an optional 科目 code, a label and the amounts after it.

    ``amounts`` keeps the column positions (None for an empty cell), so a 公开04表 expenditure
    line reads (合计, 一般公共预算, 政府性基金, 国有资本经营)."""

    code: str | None
    name: str
    amounts: tuple[Decimal | None, ...]
    row: int
    quote: Quote
    col: int = -1  # the column its label (or code) is printed in: which side of a two-sided table

    def first(self) -> Decimal | None:
        return next((a for a in self.amounts if a is not None), None)

    def at(self, i: int) -> Decimal | None:
        return self.amounts[i] if i < len(self.amounts) else None


_DASH = ("——", "—", "-", "/", "－")
_CODE_CELL = re.compile(r"\d{3}|\d{5}|\d{7}")


def entries(st: StatutoryTable) -> list[Entry]:
    """Every labelled stretch of every data row, in reading order (left side before right).

    Only 公开06表 prints 经济分类 codes in its stretches; elsewhere an integer is an amount."""
    rows = st.table.rows
    with_codes = st.key == "公开06表"
    skip = {i for row in rows[:_HEAD_ROWS] for i, c in enumerate(row) if c.strip() == "行次"}
    out: list[Entry] = []
    for r_index, cells in enumerate(rows):
        if _is_header(cells):
            continue
        quote = _quote(st, r_index)
        kept = [c.strip() for i, c in enumerate(cells) if i not in skip]
        labelled = any(c and parse_amount(c) is None and c not in _DASH for c in kept)
        if not labelled:  # an unlabelled data row (公开09表): every cell keeps its column
            out.append(Entry(None, "", tuple(st.amount(c) for c in kept), r_index, quote))
            continue
        code: list[str] = []
        name = ""
        amounts: list[Decimal | None] = []
        at = -1
        for i, c in enumerate(kept):
            if with_codes and _CODE_CELL.fullmatch(c) and (name or not code):
                if name or code:
                    out.append(Entry("".join(code) or None, name, tuple(amounts), r_index, quote, at))
                code, name, amounts, at = [c], "", [], i
            elif with_codes and re.fullmatch(r"\d{2}", c) and code and not name:
                code.append(c)
            elif not c:
                if name:
                    amounts.append(None)
            elif c in _DASH:
                amounts.append(None)
            elif parse_amount(c) is not None:
                if name or code:
                    amounts.append(st.amount(c))
            elif c in _CODE_HEADS:
                continue
            else:
                if name:
                    out.append(Entry("".join(code) or None, name, tuple(amounts), r_index, quote, at))
                    code, amounts = [], []
                if not code:
                    at = i
                both = split_code(c) if not code else None
                code, name = ([both[0]], both[1]) if both else (code, c)
        if name or code:
            out.append(Entry("".join(code) or None, name, tuple(amounts), r_index, quote, at))
    return out


def row_quote(st: StatutoryTable, r_index: int) -> Quote:
    """The row's block text, page and table, as evidence."""
    return _quote(st, r_index)

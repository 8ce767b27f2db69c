"""Spreadsheets: .xlsx via openpyxl, legacy .xls via xlrd. One sheet is one page."""

from __future__ import annotations

import datetime
import re
from decimal import ROUND_HALF_UP, Context, Decimal
from pathlib import Path
from typing import Any

from generator.errors import IngestError
from generator.ingest import Item, reader
from generator.ingest.docx import check_zip

_EXCEL_DIGITS = Context(prec=15)
_PLACEHOLDER = re.compile(r"[#0?][#0?,]*(?:\.[#0?]+)?")


def _cell(value: Any, number_format: str | None = "General") -> str:
    """A cell as the sheet shows it: a number in its number format ("0.00", "#,##0.00", "0.00%",
    '0.00"万元"'), else as stored without a float's binary tail (29.553203, not 29.55: a cell holds
    what the report states, and rounding it here would put another figure in the report's mouth)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d" if value.time() == datetime.time() else "%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, int | float | Decimal):
        return str(value)
    # a float to Excel's 15 significant digits: a SUM's cached 2940.0500000000002 is 2940.05
    number = _EXCEL_DIGITS.create_decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        return str(value)
    sections = (number_format or "General").split(";")
    section = sections[1] if number < 0 and len(sections) > 1 else sections[0]
    section = re.sub(r"\[[^\]]*\]|_.|\*.", "", section)  # colours, conditions, padding, fill
    found = _PLACEHOLDER.search(re.sub(r'"[^"]*"', lambda m: "\0" * len(m.group()), section))
    if section.strip().lower() in ("general", "@", "") or found is None:
        return format(number.normalize(), "f")
    spec = found.group()
    places = len(spec.split(".")[1]) if "." in spec else 0
    if "%" in section:
        number *= 100
    if len(sections) > 1 and number < 0:
        number = -number  # the negative section prints its own sign or brackets
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    digits = f"{rounded:,f}" if "," in spec.split(".")[0] else f"{rounded:f}"
    before, after = section[: found.start()], section[found.end() :]
    return re.sub(r'\\(.)|"', lambda m: m.group(1) or "", before + digits + after)


def _shown(cell: Any) -> str:
    """An openpyxl cell as the sheet shows it (its number format is looked up for numbers only)."""
    value = cell.value
    if value is None:
        return ""
    if type(value) is str:
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _cell(value, cell.number_format)
    return _cell(value)


def _lone(cells: tuple[str, ...]) -> str | None:
    """The text of a row with one filled cell, in the first column, that is not a number; else None."""
    filled = [c for c in cells if c.strip()]
    if len(filled) == 1 and cells[0].strip() and not _is_number(filled[0]):
        return filled[0]
    return None


def _rows_to_items(sheets: list[list[tuple[str, ...]]]) -> list[Item]:
    items: list[Item] = []
    table = 0
    for page, all_rows in enumerate(sheets, start=1):
        table += 1
        in_table = False
        rows = [r for r in all_rows if any(c.strip() for c in r)]
        # a sheet laid out from column B or further right, with blank margin columns: as if from column A
        margin = min((next(i for i, c in enumerate(r) if c.strip()) for r in rows), default=0)
        rows = [r[margin:] for r in rows]
        for n, cells in enumerate(rows):
            filled = [c for c in cells if c.strip()]
            text = _lone(cells)
            if text is None and len(filled) == 1 and not in_table and not _is_number(filled[0]):
                text = filled[0]  # a title typed in another column than the first, above any table
            if text is not None and (not in_table or _ends_table(text, rows[n + 1 :])):
                items.append(Item(page=page, text=text))  # a title, note or paragraph spread over the sheet
                table += 1  # a title between rows starts the next table
                in_table = False
            else:
                # inside a table, a lone cell is a row of it: a header merged over the code columns (科目编码),
                # a 合计 or class row with blank figures, a 自评表's 实际完成情况 under labels merged from above
                items.append(Item(page=page, cells=cells, table=table))
                in_table = True
    return items


def _ends_table(text: str, after: list[tuple[str, ...]]) -> bool:
    """Whether a lone first-column cell met inside a table is running text after it rather than a row: a
    title, unit line or note; or a line (a section heading "二、收入决算情况说明") that more such lines
    follow up to running text or the sheet's end, where a row ("二、政府性基金预算财政拨款" with blank
    figures, "科目编码") is followed by more rows of the table."""
    if _TITLE_OR_NOTE.search(text):
        return True
    for cells in after:
        following = _lone(cells)
        if following is None:
            return False  # the table goes on
        if _TITLE_OR_NOTE.search(following):
            return True
    return True


# a lone cell that ends a table: the next table's title ("收入决算表", "公开02表", "项目支出绩效自评表（续）"), its
# unit line, or a note under the table ("注：本表反映…")
_TITLE_OR_NOTE = re.compile(r"表\s*(?:[（(]续[)）])?\s*$|^\s*(?:注|说明)\s*[：:\d１-９]|单位\s*[：:]|.{40}")


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
        return True
    except ValueError:
        return False


@reader("xlsx", "xlsm")
def read_xlsx(path: Path) -> tuple[list[Item], int]:
    check_zip(path, "Excel")
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise IngestError(str(path), f"Excel文件无法打开 (unreadable .xlsx: {type(exc).__name__})") from None
    try:
        # a hidden sheet (a working copy, last year's figures) is not part of what the unit publishes
        shown = [ws for ws in wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
        sheets = [[tuple(map(_shown, row)) for row in ws.iter_rows()] for ws in shown]
    except Exception as exc:
        raise IngestError(str(path), f"Excel文件无法读取 (unreadable .xlsx: {type(exc).__name__})") from None
    finally:
        wb.close()
    return _rows_to_items(sheets), len(sheets)


@reader("xls")
def read_xls(path: Path) -> tuple[list[Item], int]:
    """Legacy .xls with xlrd itself (pandas' xlrd engine is deprecated and adds nothing here)."""
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True)
        formats = {key: f.format_str for key, f in book.format_map.items()}

        def row(sheet, r: int) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
            out = []
            for c, (kind, value) in enumerate(zip(sheet.row_types(r), sheet.row_values(r), strict=True)):
                if kind == xlrd.XL_CELL_NUMBER:
                    out.append(_cell(value, formats.get(book.xf_list[sheet.cell_xf_index(r, c)].format_key)))
                elif kind == xlrd.XL_CELL_DATE:
                    out.append(_cell(xlrd.xldate_as_datetime(value, book.datemode)))
                else:
                    out.append("" if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) else _cell(value))
            return tuple(out)

        sheets = [
            [row(sheet, r) for r in range(sheet.nrows)] for sheet in book.sheets() if sheet.visibility == 0
        ]
    except Exception as exc:
        raise IngestError(str(path), f"Excel文件无法打开 (unreadable .xls: {type(exc).__name__})") from None
    return _rows_to_items(sheets), len(sheets)

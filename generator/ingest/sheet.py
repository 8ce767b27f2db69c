"""Spreadsheets: .xlsx via openpyxl, legacy .xls via xlrd. One sheet is one page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.errors import IngestError
from generator.ingest import Item, reader
from generator.ingest.docx import check_zip


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}" if value != int(value) or abs(value) < 1e15 else str(value)
    return str(value)


def _rows_to_items(sheets: list[list[tuple[Any, ...]]]) -> list[Item]:
    items: list[Item] = []
    table = 0
    for page, rows in enumerate(sheets, start=1):
        table += 1
        in_table = False
        for row in rows:
            cells = tuple(_cell(v) for v in row)
            filled = [c for c in cells if c.strip()]
            if not filled:
                continue
            if (
                len(filled) == 1
                and not _is_number(filled[0])
                and (not in_table or _TITLE_OR_NOTE.search(filled[0]))
            ):
                items.append(Item(page=page, text=filled[0]))  # a title or note spread over the sheet
                table += 1  # a title between rows starts the next table
                in_table = False
            else:
                # inside a table, a lone cell is a row of it: a header merged over the code columns (科目编码),
                # a 合计 or class row with blank figures, a 自评表's 实际完成情况 under labels merged from above
                items.append(Item(page=page, cells=cells, table=table))
                in_table = True
    return items


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
    sheets = [list(ws.iter_rows(values_only=True)) for ws in wb.worksheets]
    wb.close()
    return _rows_to_items(sheets), len(sheets)


@reader("xls")
def read_xls(path: Path) -> tuple[list[Item], int]:
    """Legacy .xls with xlrd itself (pandas' xlrd engine is deprecated and adds nothing here)."""
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
        sheets = [
            [tuple(v if v != "" else None for v in sheet.row_values(i)) for i in range(sheet.nrows)]
            for sheet in book.sheets()
        ]
    except Exception as exc:
        raise IngestError(str(path), f"Excel文件无法打开 (unreadable .xls: {type(exc).__name__})") from None
    return _rows_to_items(sheets), len(sheets)

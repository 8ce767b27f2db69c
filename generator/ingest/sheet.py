"""Spreadsheets: .xlsx via openpyxl, legacy .xls via pandas (xlrd). One sheet is one page."""

from __future__ import annotations

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
        for row in rows:
            cells = tuple(_cell(v) for v in row)
            filled = [c for c in cells if c.strip()]
            if not filled:
                continue
            if len(filled) == 1 and not _is_number(filled[0]):
                items.append(Item(page=page, text=filled[0]))  # a title or note spread over the sheet
                table += 1  # a title between rows starts the next table
            else:
                items.append(Item(page=page, cells=cells, table=table))
    return items


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
    import pandas as pd

    try:
        frames = pd.read_excel(path, sheet_name=None, header=None, engine="xlrd")
    except Exception as exc:
        raise IngestError(str(path), f"Excel文件无法打开 (unreadable .xls: {type(exc).__name__})") from None
    sheets = [
        [tuple(None if pd.isna(v) else v for v in row) for row in df.itertuples(index=False)]
        for df in frames.values()
    ]
    return _rows_to_items(sheets), len(sheets)

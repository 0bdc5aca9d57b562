"""The sheets of an uploaded workbook, so a page can ask which one to import."""

from __future__ import annotations

import io

from data_access.imports.readers import ZIP


def sheet_names(data: bytes, filename: str) -> list[str]:
    """The sheet names of an .xlsx workbook in file order; [] for anything else (CSV, or a file
    the reader will refuse with its own message)."""
    if not filename.lower().endswith((".xlsx", ".xlsm")) or not data.startswith(ZIP):
        return []
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        return []
    try:
        return list(book.sheetnames)
    finally:
        book.close()

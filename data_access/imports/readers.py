"""Reading an uploaded file (CSV in any common encoding, or .xlsx) into a frame of text cells."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd
from charset_normalizer import from_bytes

from data_access.imports.report import N_, ImportRefused

# Encodings a spreadsheet or case-management export is plausibly in (see docs/imports.md).
CANDIDATES = ["utf_8", "cp1252", "iso8859_15"]
ENCODING_NAMES = {"utf_8": "UTF-8", "cp1252": "Windows-1252", "iso8859_15": "ISO-8859-15"}
ZIP, OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"


def _may_be_quoted(text: str) -> bool:
    """Whether some cell may start with an apostrophe before a formula character."""
    return any(f"'{c}" in text for c in "=+-@")


@dataclass
class Table:
    """A file's cells as text (None when empty); the index is the row number in the file."""

    frame: pd.DataFrame
    encoding: str | None
    sheet: str | None


def check_size(data: bytes, max_mb: float) -> None:
    if len(data) > max_mb * 1024 * 1024:
        size = len(data) / 1024 / 1024
        raise ImportRefused(
            N_(
                "the file is %(size)s MB, over the import limit of %(limit)s MB "
                "(setting IMPORT_MAX_MB); split it into smaller files"
            ),
            size=f"{size:.1f}",
            limit=f"{max_mb:g}",
        )


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the name of its encoding; ImportRefused if it is not text."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "UTF-8 with BOM"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "UTF-16"
    if b"\x00" in data[:65536]:
        raise ImportRefused(
            N_("the file is not text (it holds binary data): is it a renamed file?")
        )
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=CANDIDATES).best()
    if best is None or best.encoding not in ENCODING_NAMES:
        raise ImportRefused(
            N_("the file's text encoding could not be recognised: save it as CSV UTF-8")
        )
    return str(best), ENCODING_NAMES[best.encoding]


def _header_problems(header: list[str]) -> None:
    if not any(header):
        raise ImportRefused(N_("the file has no header row (the first row is empty)"))
    seen = {c for c in header if header.count(c) > 1 and c}
    if seen:
        twice = ", ".join(sorted(seen))
        raise ImportRefused(N_("the header names a column twice: %(columns)s"), columns=twice)


def _unquote(text: str | None) -> str | None:
    """Undo the dashboard's own formula neutralisation ('=... → =...)."""
    if text is not None and text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):
        return text[1:]
    return text


def _column(values: list, quoted: bool) -> list[str | None]:
    try:
        cells = [v.strip() or None for v in values]
    except AttributeError:  # not all text (a workbook's cells)
        cells = [None if v is None else (str(v).strip() or None) for v in values]
    return [_unquote(c) for c in cells] if quoted else cells


def _tidy(frame: pd.DataFrame, first_row: int, quoted: bool = True) -> pd.DataFrame:
    """Cells stripped (text, or None when empty), blank rows dropped; index = row number.
    `quoted`: a cell may start with '= (as the dashboard's exports write formula-like text)."""
    index = range(first_row, first_row + len(frame))
    columns = {c: _column(frame[c].tolist(), quoted) for c in frame.columns}
    frame = pd.DataFrame(columns, index=index, columns=list(frame.columns), dtype=object)
    return frame[frame.notna().any(axis=1)] if len(frame.columns) else frame


def read_csv(data: bytes) -> Table:
    text, encoding = decode(data)
    if not text.strip():
        raise ImportRefused(N_("the file is empty"))
    sample = text[:20000]
    try:
        dialect = csv.Sniffer().sniff(sample.splitlines()[0], delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    header = [c.strip() for c in next(csv.reader(io.StringIO(sample), delimiter=delimiter))]
    _header_problems(header)
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=delimiter, dtype=object, keep_default_na=False,
            skip_blank_lines=False, header=0, names=header, engine="c",
        )  # fmt: skip
    except (pd.errors.ParserError, ValueError) as exc:
        raise ImportRefused(
            N_("the file is not a readable CSV table: %(error)s"), error=exc
        ) from exc
    return Table(_tidy(frame, 2, _may_be_quoted(text)), encoding, None)


def _cell(value: object) -> object:
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None if value is None else str(value)


def read_xlsx(data: bytes, sheet: str | None) -> Table:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise ImportRefused(
            N_("the file is not a readable .xlsx workbook (%(error)s)"), error=exc
        ) from exc
    names = book.sheetnames
    if sheet is None and len(names) > 1:
        raise ImportRefused(
            N_("the workbook has %(n)s sheets (%(sheets)s); choose one by name"),
            n=len(names),
            sheets=", ".join(names),
        )
    if sheet is not None and sheet not in names:
        raise ImportRefused(
            N_("the workbook has no sheet %(sheet)s; its sheets: %(sheets)s"),
            sheet=repr(sheet),
            sheets=", ".join(names),
        )
    chosen = sheet or names[0]
    rows = [[_cell(v) for v in row] for row in book[chosen].iter_rows(values_only=True)]
    book.close()
    if not rows or not any(v is not None for v in rows[0]):
        raise ImportRefused(N_("the sheet %(sheet)s is empty"), sheet=repr(chosen))
    header = [str(v).strip() if v is not None else "" for v in rows[0]]
    while header and not header[-1]:
        header.pop()
    _header_problems(header)
    body = [row[: len(header)] + [None] * (len(header) - len(row)) for row in rows[1:]]
    return Table(_tidy(pd.DataFrame(body, columns=header, dtype=object), 2), None, chosen)


def read_table(data: bytes, filename: str, max_mb: float, sheet: str | None = None) -> Table:
    """The file's table; ImportRefused with a clear reason when it cannot be one."""
    check_size(data, max_mb)
    if not data.strip():
        raise ImportRefused(N_("the file is empty"))
    name = filename.lower()
    if data.startswith(OLE):
        raise ImportRefused(
            N_("old Excel (.xls) and other binary files are not read: save as .xlsx")
        )
    if name.endswith((".xlsx", ".xlsm")) or data.startswith(ZIP):
        if not data.startswith(ZIP):
            raise ImportRefused(N_("the file is named .xlsx but is not an Excel workbook"))
        if not name.endswith((".xlsx", ".xlsm")):
            raise ImportRefused(
                N_(
                    "the file %(name)s is a workbook or archive, not CSV text: "
                    "name it .xlsx if it is an Excel workbook"
                ),
                name=repr(filename),
            )
        return read_xlsx(data, sheet)
    if sheet is not None:
        raise ImportRefused(N_("a sheet can only be chosen in an .xlsx workbook, not a CSV file"))
    return read_csv(data)

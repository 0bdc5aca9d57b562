"""Templates (CSV, .xlsx) and the data dictionary, generated from each kind's one definition."""

from __future__ import annotations

import io
from pathlib import Path

from data_access.imports.fields import Kind
from data_access.imports.kinds import KINDS

DICTIONARY_INTRO = """# Data dictionary: import files

Generated from the import definitions in `data_access/imports/kinds_*.py` by
`python -m dashboard data-dictionary` (a test fails when this file is out of date).
Templates: `python -m dashboard import-template all DIR`.

Rules for every kind:
- One header row, then one row per record. CSV (UTF-8, UTF-8 with BOM or Windows-1252) or
  .xlsx (one sheet, or choose it by name). Column names as below, in any order, any case.
- Empty cells are empty values. Dates are `YYYY-MM-DD`; months `YYYY-MM`; yes/no columns take
  yes/no, true/false or 1/0. A leading apostrophe before `=`, `+`, `-` or `@` (as written by
  the dashboard's own exports) is dropped.
- Rows are matched to stored records by the natural key within the organisation: a new key
  adds a record, a known key updates it (each changed field is kept as a revision), an
  identical row changes nothing. Records missing from the file are left as they are.
- Codes in reference columns (area, liaison officer, course, session) must already exist in
  the same organisation: import kinds in the order below.
- A file with any rejected row imports nothing; the reject report lists every problem.
- Columns a kind does not have refuse the file (rather than being dropped silently).
"""


def template_csv(kind: Kind) -> str:
    """The kind's CSV template: the header row only."""
    return ",".join(kind.columns) + "\n"


def template_xlsx(kind: Kind) -> bytes:
    """The kind's .xlsx template: one sheet, the header row with each column's meaning as a
    cell comment."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = kind.name[:31]
    for number, spec in enumerate(kind.fields, start=1):
        cell = sheet.cell(row=1, column=number, value=spec.name)
        cell.font = Font(bold=True)
        required = "required" if spec.required else "optional"
        note = f"{spec.meaning}. {spec.describe_type()}; {required}."
        if spec.allowed:
            note += " Allowed: " + ", ".join(spec.allowed)
        cell.comment = Comment(note, "template")
        sheet.column_dimensions[cell.column_letter].width = max(12, len(spec.name) + 4)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_templates(kinds: list[str], directory: Path, formats: tuple[str, ...]) -> list[Path]:
    """Write each kind's templates into `directory`; the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in kinds:
        kind = KINDS[name]
        if "csv" in formats:
            path = directory / f"{name}.csv"
            path.write_text(template_csv(kind), encoding="utf-8")
            written.append(path)
        if "xlsx" in formats:
            path = directory / f"{name}.xlsx"
            path.write_bytes(template_xlsx(kind))
            written.append(path)
    return written


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def kind_dictionary(kind: Kind) -> str:
    """One kind's section of the data dictionary (Markdown)."""
    key = ", ".join(f"`{c}`" for c in kind.key)
    lines = [f"## {kind.title} (`{kind.name}`)", "", kind.description, "",
             f"Natural key: organisation + {key}."]  # fmt: skip
    if kind.after:
        lines.append("Import after: " + ", ".join(f"`{k}`" for k in kind.after) + ".")
    rules = [o.describe() for o in kind.orders] + [r.describe() for r in kind.requirements]
    if rules:
        lines.append("Rules between columns: " + "; ".join(rules) + ".")
    lines += [
        "",
        "| column | type | required | allowed values | meaning |",
        "|---|---|---|---|---|",
    ]
    for spec in kind.fields:
        allowed = ", ".join(f"`{v}`" for v in spec.allowed)
        if spec.default is not None:
            shown = {True: "yes", False: "no"}.get(spec.default, spec.default)  # type: ignore[call-overload]
            allowed += f" (empty: `{shown}`)"
        row = [f"`{spec.name}`", spec.describe_type(), "yes" if spec.required else "no",
               allowed.strip(), spec.meaning]  # fmt: skip
        lines.append("| " + " | ".join(_cell(c) for c in row) + " |")
    return "\n".join(lines) + "\n"


def data_dictionary() -> str:
    """The whole data dictionary (Markdown): the rules, then one section per kind."""
    order = "Kinds, in import order: " + ", ".join(f"`{k}`" for k in KINDS) + ".\n"
    return "\n".join([DICTIONARY_INTRO, order, *(kind_dictionary(k) for k in KINDS.values())])

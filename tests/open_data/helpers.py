"""Reading API answers back: CSV into rows comparable with the JSON rows."""

from __future__ import annotations

import csv
import io

HIDDEN = "[c]"


def csv_rows(text: str) -> tuple[list[str], list[dict]]:
    """Header and rows of a CSV answer; hidden ([c]) and empty cells become None."""
    reader = csv.DictReader(io.StringIO(text))
    rows = [{k: (None if v in ("", HIDDEN) else v) for k, v in row.items()} for row in reader]
    return list(reader.fieldnames or []), rows


def as_text(rows: list[dict]) -> list[dict]:
    """JSON rows with every value as the CSV writes it (None stays None)."""
    return [{k: (None if v is None else str(v)) for k, v in row.items()} for row in rows]

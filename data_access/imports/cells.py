"""Reading one text cell as a typed value: the one parser per type that checks and conversion
share (None when the text is not a value of that type)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from datetime import date
from functools import lru_cache

from data_access.imports.fields import FALSE_WORDS, TRUE_WORDS

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"(\d{4})-(\d{2})(?:-01)?")
_INTEGER = re.compile(r"[+-]?\d{1,15}")


@lru_cache(maxsize=65536)
def parse_date(text: str) -> date | None:
    """YYYY-MM-DD as a date; None for anything else, including days that do not exist."""
    if not _DAY.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def parse_month(text: str) -> date | None:
    """YYYY-MM (or YYYY-MM-01) as the month's first day."""
    match = _MONTH.fullmatch(text)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    return date(year, month, 1) if 1 <= month <= 12 and year >= 1 else None


@lru_cache(maxsize=65536)
def parse_integer(text: str) -> int | None:
    return int(text) if _INTEGER.fullmatch(text) else None


@lru_cache(maxsize=65536)
def parse_number(text: str) -> float | None:
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) and abs(number) < 1e12 else None


def parse_boolean(text: str) -> bool | None:
    lowered = text.lower()
    return True if lowered in TRUE_WORDS else False if lowered in FALSE_WORDS else None


PARSERS: dict[str, Callable[[str], object]] = {
    "date": parse_date,
    "month": parse_month,
    "integer": parse_integer,
    "number": parse_number,
    "boolean": parse_boolean,
}


def parse_all(cells: Iterable[object], type_: str) -> list:
    """Each cell (text or None) through the type's parser; empty cells give None."""
    parse = PARSERS.get(type_)
    if parse is None:  # text, codes and choices are kept as written
        return list(cells)
    return [None if cell is None else parse(cell) for cell in cells]  # type: ignore[arg-type]

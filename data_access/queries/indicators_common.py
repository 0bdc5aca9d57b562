"""Shared shape of the scorecard indicator queries: long frames of numerator and denominator
counts per indicator, area and strand."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
from sqlalchemy import func
from sqlalchemy.orm import InstrumentedAttribute

from data_access.models import Area
from data_access.queries.common import Period

#: Area code for records that carry no area (they count in the force total only).
UNKNOWN_AREA = "unknown"
COLUMNS = ["indicator", "area", "strand", "numerator", "denominator"]


def area_code() -> object:
    """The area code of an outer-joined Area, or UNKNOWN_AREA when the record has none
    (group by Area.code: PostgreSQL binds the literal afresh in each clause)."""
    return func.coalesce(Area.code, UNKNOWN_AREA)


def in_period(column: InstrumentedAttribute, period: Period) -> tuple:
    """Conditions: the date column falls in the half-open period."""
    return (column >= period.start, column < period.end)


def months_in(period: Period) -> int:
    """Whole calendar months spanned by a period (periods are whole months)."""
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month


def to_long(
    wide: pd.DataFrame, pairs: Mapping[str, tuple[str, str | None]], strand: bool = False
) -> pd.DataFrame:
    """Wide per-area (and per-strand) sums → the long indicator frame.

    `pairs`: indicator code → (numerator column, denominator column or None). Columns of the
    result: indicator, area, strand (None when not split by strand), numerator, denominator
    (floats; denominator NaN for plain counts)."""
    parts = []
    for code, (numerator, denominator) in pairs.items():
        part = pd.DataFrame(
            {
                "indicator": code,
                "area": wide.get("area"),
                "strand": wide["strand"] if strand else None,
                "numerator": wide[numerator].astype("float64"),
                "denominator": wide[denominator].astype("float64") if denominator else float("nan"),
            },
            index=wide.index,
        )
        parts.append(part)
    if not parts or wide.empty:
        empty = pd.DataFrame(columns=COLUMNS)
        return empty.astype({"numerator": "float64", "denominator": "float64"})
    return pd.concat(parts, ignore_index=True)[COLUMNS]

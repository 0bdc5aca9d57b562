"""The shapes of the catalogue: a dataset's definition, its columns, and the columns several
datasets share (month, quarter, area, strand)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from dashboard.i18n import N_
from dashboard.open_data.protection import TOTAL
from data_access.vocab import STRANDS

AREA_CODES = "AREA_CODES"  # placeholder in `values`: the organisation's area codes


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # string, integer, number or date (Frictionless field types)
    meaning: str
    values: tuple[str, ...] = ()  # allowed values; empty: any value of the type
    pattern: str | None = None  # a regular expression every value matches
    shape: str | None = None  # the same, for people (e.g. YYYY-MM)


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    audience: str  # "public" or "partner"
    grain: str
    columns: tuple[Column, ...]
    filters: tuple[str, ...]
    protected: bool
    build: Callable[..., pd.DataFrame]
    sources: tuple[type, ...]

    @property
    def policy_key(self) -> str:
        return "data" if self.audience == "public" else "data.partner"


def count_column(name: str, meaning: str) -> Column:
    return Column(name, "integer", meaning)


MONTH = Column(
    "month", "string", N_("Calendar month (YYYY-MM)."), pattern=r"\d{4}-\d{2}", shape="YYYY-MM"
)
QUARTER = Column(
    "quarter", "string", N_("Calendar quarter (YYYY-Qn)."), pattern=r"\d{4}-Q[1-4]", shape="YYYY-Qn"
)
AREA = Column("area", "string", N_("Area code, or All for the whole force."), (AREA_CODES, TOTAL))
STRAND = Column(
    "strand", "string", N_("Hate-crime strand, or All for every strand."), (*STRANDS, TOTAL)
)
PERCENT = "number"

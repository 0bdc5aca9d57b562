"""A kind's pandera schema, generated from its definition, and the cell rejects it finds."""

from __future__ import annotations

from functools import cache

import pandas as pd
import pandera.pandas as pa

from data_access.imports.fields import FALSE_WORDS, TRUE_WORDS, Field, Kind
from data_access.imports.report import Reject
from data_access.validation import EARLIEST, LATEST, has_contact_details

DATE_FORMAT, MONTH_FORMAT = "%Y-%m-%d", "%Y-%m"
REQUIRED = "a value is required"


def parse_dates(values: pd.Series, month: bool = False) -> pd.Series:
    """Text → datetime64 (NaT when not a real date); months may be YYYY-MM or YYYY-MM-01."""
    if month:
        values = values.str.replace(r"^(\d{4}-\d{2})-01$", r"\1", regex=True)
    return pd.to_datetime(values, format=MONTH_FORMAT if month else DATE_FORMAT, errors="coerce")


def parse_numbers(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="coerce")


def _range_checks(spec: Field, parse) -> list[pa.Check]:
    checks = []
    if spec.minimum is not None:
        low = spec.minimum
        checks.append(pa.Check(lambda s: parse(s) >= low, error=f"must be at least {low:g}"))
    if spec.maximum is not None:
        high = spec.maximum
        checks.append(pa.Check(lambda s: parse(s) <= high, error=f"must be at most {high:g}"))
    return checks


def field_checks(spec: Field) -> list[pa.Check]:
    """The checks one column's non-empty cells must pass, each with its reason."""
    checks: list[pa.Check] = []
    if spec.max_length:
        limit = spec.max_length
        checks.append(
            pa.Check(lambda s: s.str.len() <= limit, error=f"longer than {limit} characters")
        )
    if spec.type == "choice":
        allowed = ", ".join(spec.allowed)
        checks.append(
            pa.Check.isin(spec.allowed, error=f"not an allowed value (allowed: {allowed})")
        )
    elif spec.type in ("date", "month"):
        month = spec.type == "month"
        shape = "YYYY-MM" if month else "YYYY-MM-DD"
        checks.append(
            pa.Check(lambda s: parse_dates(s, month).notna(),
                     error=f"not a real date in the form {shape} (e.g. 31 February does not exist)")
        )  # fmt: skip
        low, high = pd.Timestamp(EARLIEST), pd.Timestamp(LATEST)
        span = f"outside the accepted dates {EARLIEST.isoformat()} to {LATEST.isoformat()}"
        in_span = lambda s: parse_dates(s, month).isna() | parse_dates(s, month).between(low, high)  # noqa: E731
        checks.append(pa.Check(in_span, error=span))
    elif spec.type == "integer":
        checks.append(pa.Check.str_matches(r"^[+-]?\d+$", error="not a whole number"))
        checks += _range_checks(spec, parse_numbers)
    elif spec.type == "number":
        finite = lambda s: parse_numbers(s).notna() & parse_numbers(s).abs().lt(1e12)  # noqa: E731
        checks.append(pa.Check(finite, error="not a number (use '.' as the decimal point)"))
        checks += _range_checks(spec, parse_numbers)
    elif spec.type == "boolean":
        words = TRUE_WORDS + FALSE_WORDS
        checks.append(pa.Check(lambda s: s.str.lower().isin(words), error="not yes or no"))
    if spec.free_text:
        personal = "holds an e-mail address or phone number (no personal data may be imported)"
        checks.append(pa.Check(lambda s: ~s.map(has_contact_details).astype(bool), error=personal))
    return checks


@cache
def build_schema(kind: Kind) -> pa.DataFrameSchema:
    """The pandera schema of the kind's file: one column per field, text cells, checks as above."""
    columns = {
        spec.name: pa.Column(None, field_checks(spec), nullable=not spec.required, required=False)
        for spec in kind.fields
    }
    return pa.DataFrameSchema(columns, strict=False, name=kind.name)


def check_cells(kind: Kind, frame: pd.DataFrame) -> list[Reject]:
    """Every cell that breaks the kind's schema, as rejects (row numbers from the frame index)."""
    try:
        build_schema(kind).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        rejects = []
        for column, check, value, index in cases[
            ["column", "check", "failure_case", "index"]
        ].itertuples(index=False, name=None):
            if index is None or pd.isna(index):
                continue
            reason = REQUIRED if check == "not_nullable" else str(check)
            shown = (
                "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)
            )
            rejects.append(Reject(int(index), str(column), shown, reason))
        return rejects
    return []

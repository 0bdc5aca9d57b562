"""A kind's pandera schema, generated from its definition, and the cell rejects it finds."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pandas as pd
import pandera.pandas as pa

from data_access.imports.cells import PARSERS
from data_access.imports.fields import Field, Kind
from data_access.imports.report import N_, Reject, fill
from data_access.validation import EARLIEST, LATEST, has_contact_details

REQUIRED = N_("a value is required")
EARLY, LATE = EARLIEST.isoformat(), LATEST.isoformat()
# Each check's English reason → its template and params, so a page can translate the reasons
# pandera reports (it reports only the text). The same text always has the same template.
REASONS: dict[str, tuple[str, dict[str, str]]] = {REQUIRED: (REQUIRED, {})}


def _reason(template: str, **params: object) -> str:
    shown = {k: str(v) for k, v in params.items()}
    text = fill(template, shown)
    REASONS[text] = (template, shown)
    return text


def _each(test: Callable[[str], bool]) -> Callable[[pd.Series], pd.Series]:
    """A vectorised pandera check from a test of one (non-empty) cell: each distinct value is
    tested once (dates, codes and numbers repeat a lot), then mapped back onto the column."""

    def check(cells: pd.Series) -> pd.Series:
        verdicts = {value: test(value) for value in pd.unique(cells.to_numpy(dtype=object))}
        return cells.map(verdicts).astype(bool)

    return check


def _parsed(type_: str, test: Callable[[object], bool]) -> Callable[[pd.Series], pd.Series]:
    """Check: the cell does not read as the type, or its value passes `test`."""
    parse = PARSERS[type_]
    return _each(lambda cell: (value := parse(cell)) is None or test(value))


def _parses(type_: str) -> Callable[[pd.Series], pd.Series]:
    """Check: the cell reads as a value of the type."""
    parse = PARSERS[type_]
    return _each(lambda cell: parse(cell) is not None)


def _dates_in_span(type_: str) -> Callable[[pd.Series], pd.Series]:
    return _parsed(type_, lambda day: EARLIEST <= day <= LATEST)


def _range_checks(spec: Field) -> list[pa.Check]:
    checks = []
    if spec.minimum is not None:
        low = spec.minimum
        at_least = _parsed(spec.type, lambda v: v >= low)
        checks.append(
            pa.Check(at_least, error=_reason(N_("must be at least %(low)s"), low=f"{low:g}"))
        )
    if spec.maximum is not None:
        high = spec.maximum
        at_most = _parsed(spec.type, lambda v: v <= high)
        checks.append(
            pa.Check(at_most, error=_reason(N_("must be at most %(high)s"), high=f"{high:g}"))
        )
    return checks


def field_checks(spec: Field) -> list[pa.Check]:
    """The checks one column's non-empty cells must pass, each with its reason."""
    checks: list[pa.Check] = []
    if spec.max_length:
        limit = spec.max_length
        too_long = _reason(N_("longer than %(limit)s characters"), limit=limit)
        checks.append(pa.Check(_each(lambda c: len(c) <= limit), error=too_long))
    if spec.type == "choice":
        allowed = ", ".join(spec.allowed)
        not_allowed = _reason(N_("not an allowed value (allowed: %(allowed)s)"), allowed=allowed)
        checks.append(pa.Check.isin(spec.allowed, error=not_allowed))
    elif spec.type in ("date", "month"):
        shape = "YYYY-MM" if spec.type == "month" else "YYYY-MM-DD"
        not_real = _reason(
            N_("not a real date in the form %(shape)s (e.g. 31 February does not exist)"),
            shape=shape,
        )
        checks.append(pa.Check(_parses(spec.type), error=not_real))
        span = _reason(
            N_("outside the accepted dates %(early)s to %(late)s"), early=EARLY, late=LATE
        )
        checks.append(pa.Check(_dates_in_span(spec.type), error=span))
    elif spec.type in ("integer", "number"):
        wrong = _reason(
            N_("not a whole number") if spec.type == "integer" else N_("not a number (use '.')")
        )
        checks.append(pa.Check(_parses(spec.type), error=wrong))
        checks += _range_checks(spec)
    elif spec.type == "boolean":
        checks.append(pa.Check(_parses("boolean"), error=_reason(N_("not yes or no"))))
    if spec.free_text:
        personal = _reason(
            N_("holds an e-mail address or phone number (no personal data may be imported)")
        )
        checks.append(pa.Check(_each(lambda c: not has_contact_details(c)), error=personal))
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
            template, params = REASONS.get(reason, ("", {}))
            rejects.append(Reject(int(index), str(column), shown, reason, template, params))
        return rejects
    return []

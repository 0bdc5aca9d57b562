"""Portable SQL expressions (SQLite and PostgreSQL) used by the query modules."""

from __future__ import annotations

from sqlalchemy import Integer, String, case, func
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement


class month_of(FunctionElement):  # noqa: N801 - reads like a SQL function
    """'YYYY-MM' of a date column."""

    type = String()
    inherit_cache = True
    name = "month_of"


@compiles(month_of, "sqlite")
def _month_sqlite(element, compiler, **kw):
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)})"


@compiles(month_of, "postgresql")
def _month_pg(element, compiler, **kw):
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


class days_between(FunctionElement):  # noqa: N801
    """Whole days from the first date to the second (NULL if either is NULL)."""

    type = Integer()
    inherit_cache = True
    name = "days_between"


@compiles(days_between, "sqlite")
def _days_sqlite(element, compiler, **kw):
    first, second = list(element.clauses)
    later, earlier = compiler.process(second, **kw), compiler.process(first, **kw)
    return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)"


@compiles(days_between, "postgresql")
def _days_pg(element, compiler, **kw):
    first, second = list(element.clauses)
    return f"({compiler.process(second, **kw)} - {compiler.process(first, **kw)})"


def count_if(condition) -> object:
    """SQL: how many rows of the group meet `condition` (NULL counts as not met; 0 when empty)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def sum_if(condition, column) -> object:
    """SQL: the sum of `column` over the rows of the group that meet `condition` (0 when none)."""
    return func.coalesce(func.sum(case((condition, column), else_=0)), 0)

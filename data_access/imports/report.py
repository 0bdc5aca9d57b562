"""Rejects and refusals: what is wrong with a file, row by row, and the downloadable report."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FILE_LEVEL = 0  # row number of a problem with the whole file (header = row 1)


def N_(message: str) -> str:
    """Mark a reason template for translation (extracted by pybabel; the page translates it
    with its params, so this package needs no knowledge of the viewer's language)."""
    return message


@dataclass(frozen=True, order=True)
class Reject:
    """One problem: the row as numbered in the file (header = 1), column, value and reason.
    `reason` is in English; `template` and `params` let a page say it in another language."""

    row: int
    column: str
    value: str
    reason: str
    template: str = field(default="", compare=False)
    params: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def because(cls, row: int, column: str, value: str, template: str, **params: object) -> Reject:
        """A reject whose reason is `template` (marked with N_) filled with `params`."""
        shown = {k: str(v) for k, v in params.items()}
        return cls(row, column, value, fill(template, shown), template, shown)

    def line(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        column = f", column {self.column}" if self.column else ""
        value = f" (value {self.value!r})" if self.value else ""
        return f"{where}{column}{value}: {self.reason}"


def fill(template: str, params: dict[str, str]) -> str:
    return template % params if params else template


class ImportRefused(ValueError):
    """The whole file is refused before any row is looked at (unreadable, wrong kind, ...).
    `message` is in English; `template` and `params` let a page translate it."""

    def __init__(self, message: str, rejects: Iterable[Reject] = (), **params: object) -> None:
        self.template = message
        self.params = {k: str(v) for k, v in params.items()}
        self.message = fill(message, self.params)
        super().__init__(self.message)
        self.rejects = list(rejects) or [
            Reject(FILE_LEVEL, "", "", self.message, self.template, self.params)
        ]


class ImportCancelled(RuntimeError):
    """The person importing cancelled; the transaction is rolled back."""


def neutralise(value: object) -> object:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def report_csv(rejects: Iterable[Reject]) -> str:
    """The reject report as CSV text (row, column, value, reason), formula-neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["row", "column", "value", "reason"])
    for reject in sorted(rejects, key=lambda r: r.row):
        writer.writerow(
            [
                reject.row,
                neutralise(reject.column),
                neutralise(reject.value),
                neutralise(reject.reason),
            ]
        )
    return out.getvalue()


def first_reasons(rejects: list[Reject], limit: int = 5) -> list[str]:
    """The first `limit` problems as one-line sentences, in file order."""
    return [reject.line() for reject in sorted(rejects, key=lambda r: r.row)[:limit]]

"""The building blocks of a kind's one definition: its fields, date-order and requirement rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from data_access.imports.report import N_
from data_access.validation import EARLIEST, LATEST

TYPES = {
    "code": "code (a short identifier)",
    "text": "text",
    "date": "date, YYYY-MM-DD",
    "month": "month, YYYY-MM (or the first day, YYYY-MM-01)",
    "integer": "whole number",
    "number": "number (decimal point '.')",
    "boolean": "yes/no (also true/false, 1/0)",
    "choice": "one of the allowed codes",
}
TRUE_WORDS = ("yes", "true", "1", "y")
FALSE_WORDS = ("no", "false", "0", "n")
# Which table a reference column points at: kind of record and the code it is matched on.
REFERENCES = {
    "area": ("areas", N_("area code")),
    "officer": ("officers", N_("liaison-officer code")),
    "course": ("training_courses", N_("course code")),
    "session": ("training_sessions", N_("session code")),
}


@dataclass(frozen=True)
class Field:
    """One column of an import file and the model attribute it fills."""

    name: str
    type: str
    meaning: str
    required: bool = False
    allowed: tuple[str, ...] = ()
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    free_text: bool = False  # checked for e-mail addresses and phone numbers
    attr: str | None = None  # model attribute; default: the column name
    ref: str | None = None  # a key of REFERENCES: the column holds that record's code
    default: object = None  # stored when the cell is empty

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"unknown field type {self.type!r}")

    @property
    def attribute(self) -> str:
        return self.attr or self.name

    def describe_type(self) -> str:
        """The type as the data dictionary writes it, with its limits."""
        text = TYPES[self.type]
        if self.ref:
            text = f"{REFERENCES[self.ref][1]} (must already exist in the organisation)"
        if self.max_length:
            text += f", at most {self.max_length} characters"
        if self.type in ("date", "month"):
            text += f", {EARLIEST.isoformat()} to {LATEST.isoformat()}"
        if self.minimum is not None and self.maximum is not None:
            text += f", {self.minimum:g} to {self.maximum:g}"
        elif self.minimum is not None:
            text += f", at least {self.minimum:g}"
        if self.free_text:
            text += "; no e-mail addresses or phone numbers"
        return text

    def example(self) -> str:
        """A plausible value for the template's example row."""
        if self.allowed:
            return self.allowed[0]
        if self.maximum is not None:
            return f"{self.maximum:g}"
        return {
            "code": "EX-001",
            "text": "Example text",
            "date": "2025-01-15",
            "month": "2025-01",
            "integer": "10",
            "number": "1.5",
            "boolean": "yes",
        }.get(self.type, "")


@dataclass(frozen=True)
class DateOrder:
    """When both dates are given, `later` may not come before `earlier` (or equal it, if strict)."""

    later: str
    earlier: str
    strict: bool = False

    def describe(self) -> str:
        word = "after" if self.strict else "on or after"
        return f"`{self.later}` {word} `{self.earlier}`"

    def reason(self) -> tuple[str, dict[str, str]]:
        """The reject reason's template and params (see report.Reject.because)."""
        if self.strict:
            return N_("must be `%(later)s` after `%(earlier)s`"), vars(self)
        return N_("must be `%(later)s` on or after `%(earlier)s`"), vars(self)


@dataclass(frozen=True)
class Requirement:
    """When `column` holds one of `values` (or any value, if empty), `then` must be given."""

    column: str
    then: str
    values: tuple[str, ...] = ()

    def describe(self) -> str:
        when = f"is {' or '.join(self.values)}" if self.values else "is given"
        return f"`{self.then}` is required when `{self.column}` {when}"

    def reason(self) -> tuple[str, dict[str, str]]:
        """The reject reason's template and params (see report.Reject.because)."""
        params = {"then": self.then, "column": self.column, "values": " or ".join(self.values)}
        if self.values:
            return N_("`%(then)s` is required when `%(column)s` is %(values)s"), params
        return N_("`%(then)s` is required when `%(column)s` is given"), params


@dataclass(frozen=True)
class Kind:
    """One kind of record that can be imported: the one definition everything is built from."""

    name: str
    title: str
    model: type
    fields: tuple[Field, ...]
    key: tuple[str, ...]  # natural key within the organisation (file columns)
    description: str
    orders: tuple[DateOrder, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    after: tuple[str, ...] = field(default=())  # kinds to import first (references)

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def in_range(day: date) -> bool:
    return EARLIEST <= day <= LATEST

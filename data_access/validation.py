"""Validating form input for the register's edits: refusals as (message code, parameters)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date

EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_PHONE = re.compile(r"\+?\d[\d\s().-]{7,}\d")


class ValidationError(ValueError):
    """Input refused; `errors` maps each field to (message code, parameters)."""

    def __init__(self, errors: Mapping[str, tuple[str, dict]]) -> None:
        super().__init__("; ".join(f"{field}: {code}" for field, (code, _p) in errors.items()))
        self.errors = dict(errors)


class NotFound(ValidationError):
    """No such record in the viewer's organisation (other organisations' records included)."""


def has_contact_details(value: str) -> bool:
    """True when text looks like it holds an email address or a phone number."""
    phones = (m.group() for m in _PHONE.finditer(value))
    return bool(_EMAIL.search(value)) or any(sum(c.isdigit() for c in p) >= 9 for p in phones)


class Form:
    """Cleans raw input field by field, collecting a (code, parameters) problem per field."""

    def __init__(self, values: Mapping[str, object]) -> None:
        self.values, self.clean, self.errors = values, {}, {}

    def set_field(self, field: str, value: object, problem: tuple[str, dict] | None = None) -> None:
        """Keep `value` as the field's clean value, and `problem` (if any) as its refusal."""
        self.clean[field] = value
        if problem:
            self.errors[field] = problem

    def text(self, field: str, limit: int, required: bool = True) -> None:
        value = self.values.get(field)
        value = value.strip() if isinstance(value, str) else None
        if not value:
            self.set_field(field, None, ("required", {}) if required else None)
        elif len(value) > limit:
            self.set_field(field, None, ("too_long", {"limit": limit, "length": len(value)}))
        else:
            problem = ("contact_details", {}) if has_contact_details(value) else None
            self.set_field(field, value, problem)

    def choice(self, field: str, allowed: tuple[str, ...] | set[str]) -> None:
        value = self.values.get(field)
        missing, known = value in (None, ""), isinstance(value, str) and value in allowed
        self.set_field(field, value if known else None, None if known else ("required", {}))
        if not missing and not known:
            self.errors[field] = ("not_allowed", {})

    def day(self, field: str, required: bool = True, latest: date = LATEST) -> None:
        value = self.values.get(field)
        if value in (None, ""):
            return self.set_field(field, None, ("required", {}) if required else None)
        try:
            day = value if isinstance(value, date) else date.fromisoformat(str(value).strip())
            day = date(day.year, day.month, day.day)
        except ValueError:
            return self.set_field(field, None, ("bad_date", {}))
        if day < EARLIEST:
            too_early = ("date_too_early", {"earliest": EARLIEST.isoformat()})
            return self.set_field(field, None, too_early)
        too_late = ("date_too_late", {"latest": latest.isoformat()}) if day > latest else None
        self.set_field(field, day, too_late)

    def number(self, field: str, most: float | None) -> None:
        value = self.values.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            return self.set_field(field, None, ("required", {}))
        try:
            number = math.nan if isinstance(value, bool) else float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number):
            return self.set_field(field, None, ("not_a_number", {}))
        too_high = most is not None and number > most
        problem = ("negative", {}) if number < 0 else ("over_percent", {"most": most})
        self.set_field(field, number, problem if number < 0 or too_high else None)

    def result(self) -> dict:
        """The clean values, or ValidationError with every field's problem."""
        if self.errors:
            raise ValidationError(self.errors)
        return self.clean

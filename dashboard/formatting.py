"""Numbers and dates for display in the viewer's language (Babel, the locale Flask-Babel chose).

Spanish shows `1.234,5` and `45,3 %`; English and Welsh `1,234.5` and `45.3%`. Values that
are not numbers (the suppression marker `[c]`, a dash for "no value") pass through."""

from __future__ import annotations

from datetime import date, datetime
from numbers import Number

import pandas as pd
from babel import Locale, dates, numbers
from flask import has_request_context
from flask_babel import get_locale

from dashboard.i18n import DEFAULT_LANGUAGE

__all__ = [
    "current_locale",
    "format_date",
    "format_datetime",
    "format_month",
    "format_number",
    "format_percent",
    "number_locale",
    "plotly_locale",
    "plotly_separators",
    "plural_count",
]


GENERAL_PLURAL = 20
# English is shown with British conventions (12 Mar 2026, 14:05), as the forces are British.
FORMAT_LOCALES = {"en": "en_GB"}


def current_locale() -> Locale:
    """The request's locale for formatting; British English outside a request (CLI)."""
    chosen = get_locale() if has_request_context() else None
    code = str(chosen) if chosen else DEFAULT_LANGUAGE
    return Locale.parse(FORMAT_LOCALES.get(code, code))


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _is_number(value: object) -> bool:
    return isinstance(value, Number) and not isinstance(value, bool) and not pd.isna(value)


def format_number(value: object, digits: int | None = None, missing: str = "-") -> str:
    """A number with the locale's separators: `digits` fixed decimals, else as given
    (whole numbers without decimals). None/NaN give `missing`; other text is unchanged."""
    if _missing(value):
        return missing
    if not _is_number(value):
        return str(value)
    locale = current_locale()
    if digits is None:
        return numbers.format_decimal(value, locale=locale, decimal_quantization=False)
    pattern = numbers.parse_pattern(locale.decimal_formats[None].pattern)
    pattern.frac_prec = (digits, digits)
    return pattern.apply(value, locale)


def format_percent(
    value: object, digits: int | None = 1, missing: str = "-", signed: bool = False
) -> str:
    """A value already in percent (45.6 → `45.6%`, es `45,6 %`): `digits` fixed decimals, or
    None for as given (85 → `85%`, 92.5 → `92.5%`); `signed` shows `+` on a rise.
    None/NaN give `missing`; other text is unchanged."""
    if _missing(value):
        return missing
    if not _is_number(value):
        return str(value)
    locale = current_locale()
    pattern = numbers.parse_pattern(locale.percent_formats[None].pattern)
    pattern.frac_prec = (0, 3) if digits is None else (digits, digits)
    shown = pattern.apply(abs(float(value)) / 100, locale)
    if float(value) < 0:
        return numbers.get_minus_sign_symbol(locale) + shown
    return (numbers.get_plus_sign_symbol(locale) if signed and value > 0 else "") + shown


def plural_count(value: object) -> int:
    """The count that picks a plural form: whole numbers as they are, fractions and hidden
    counts ([c]) the general plural (20: "other" in Welsh, plural in English and Spanish)."""
    if _is_number(value) and float(value) == int(value):
        return abs(int(value))
    return GENERAL_PLURAL


def format_date(value: date | datetime | str | None, length: str = "medium") -> str:
    """A day (`12 Mar 2026`, es `12 mar 2026`); ISO text is parsed; None gives `-`."""
    if _missing(value):
        return "-"
    day = pd.Timestamp(value).date() if not isinstance(value, date) else value
    if isinstance(day, datetime):
        day = day.date()
    return dates.format_date(day, length, locale=current_locale())


def format_datetime(value: datetime | str | None) -> str:
    """A moment to the minute (`12 Mar 2026, 14:05`) in the locale's order."""
    if _missing(value):
        return "-"
    moment = pd.Timestamp(value).to_pydatetime()
    locale = current_locale()
    pattern = f"{locale.date_formats['medium'].pattern} {locale.time_formats['short'].pattern}"
    return dates.format_datetime(moment, pattern, locale=locale)


def format_month(value: date | str | None, short: bool = False) -> str:
    """A month, `November 2025` (short `Nov 2025`; es `noviembre de 2025`); `2025-11` accepted."""
    if not value:
        return "-"
    if isinstance(value, str):
        value = date(int(value[:4]), int(value[5:7]), 1)
    skeleton = "yMMM" if short else "yMMMM"
    return dates.format_skeleton(skeleton, value, locale=current_locale())


def number_locale() -> str:
    """The locale as a BCP 47 tag for the browser's number formatting (`en-GB`, `es`)."""
    return str(current_locale()).replace("_", "-")


def plotly_locale() -> dict:
    """Plotly `config` entries that name months and days on date axes in the viewer's language
    (Plotly ships no Welsh locale, so the names come from Babel's CLDR data)."""
    locale = current_locale()
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # CLDR counts from Monday, Plotly from Sunday
    months, days = locale.months["stand-alone"], locale.days["stand-alone"]
    format_ = {
        "months": [months["wide"][m] for m in range(1, 13)],
        "shortMonths": [months["abbreviated"][m] for m in range(1, 13)],
        "days": [days["wide"][d] for d in sunday_first],
        "shortDays": [days["abbreviated"][d] for d in sunday_first],
        "decimal": numbers.get_decimal_symbol(locale),
        "thousands": numbers.get_group_symbol(locale),
    }
    code = number_locale()
    return {"locale": code, "locales": {code: {"dictionary": {}, "format": format_}}}


def plotly_separators() -> str:
    """Plotly's `layout.separators` for the locale: decimal mark then thousands mark."""
    locale = current_locale()
    return numbers.get_decimal_symbol(locale) + numbers.get_group_symbol(locale)

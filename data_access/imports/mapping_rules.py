"""One target column of a mapping: how its values are made from the source file's columns."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

import pandas as pd

from data_access.imports.report import N_

SKIP, REJECT, KEEP = "skip", "reject", "keep"
RULE_KEYS = {"from", "values", "default", "empty", "format", "constant", "year", "month", "day",
             "present", "then", "else"}  # fmt: skip
MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}


@dataclass
class Outcome:
    """A column's values, and the rows the rule says to skip or reject (with the reason)."""

    values: pd.Series
    skip: pd.Series
    # row → (column, value, reason template, its params)
    reject: dict[int, tuple[str, str, str, dict[str, str]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    """How one target column is made: see docs/import-mappings.md for each form."""

    target: str
    sources: tuple[str, ...] = ()
    values: tuple[tuple[str, str | None], ...] = ()
    default: str | dict = KEEP  # skip, reject, keep, or {"value": X}
    empty: str | dict | None = None  # what an empty source gives: skip, reject, {"value": X}
    date_format: str | None = None
    constant: str | None = None
    parts: tuple[str | None, str | None, str | int | None] = (None, None, None)  # year, month, day
    present: tuple[str | None, str | None] | None = None  # (then, else)

    def columns(self) -> list[str]:
        """The source columns the rule reads."""
        year, month, day = self.parts
        found = list(self.sources) + [c for c in (year, month) if c]
        return found + ([day] if isinstance(day, str) else [])

    def _lookup(self, raw: pd.Series) -> pd.Series:
        """Each distinct value through the value map (exact, case-insensitive, or glob)."""
        exact = {k.lower(): v for k, v in self.values if not any(ch in k for ch in "*?[")}
        globs = [(k.lower(), v) for k, v in self.values if any(ch in k for ch in "*?[")]
        table: dict[str, object] = {}
        for value in raw.dropna().unique():
            key = str(value).lower()
            if key in exact:
                table[value] = exact[key]
            else:
                table[value] = next((v for g, v in globs if fnmatchcase(key, g)), _MISSING)
        return raw.map(table)

    def apply(self, frame: pd.DataFrame) -> Outcome:
        if self.constant is not None:
            return self._fallbacks(frame, pd.Series(self.constant, frame.index, dtype=object), None)
        if self.present is not None:
            given = frame[self.sources[0]].notna()
            then, otherwise = self.present
            return self._fallbacks(
                frame,
                pd.Series([then if g else otherwise for g in given], frame.index, dtype=object),
                None,
            )
        if self.parts[0]:
            return self._compose(frame)
        result = pd.Series(_MISSING, frame.index, dtype=object)
        raw_all = pd.Series(None, frame.index, dtype=object)
        for source in self.sources:
            raw = frame[source].astype(object).where(frame[source].notna(), None)
            mapped = self._lookup(raw) if self.values else raw
            take = result.eq(_MISSING) & raw.notna() & ~mapped.eq(_MISSING)
            result[take] = mapped[take]
            raw_all = raw_all.where(raw_all.notna(), raw)
        if self.date_format:
            return self._dates(result, raw_all, frame)
        return self._fallbacks(frame, result, raw_all)

    def _dates(self, result: pd.Series, raw: pd.Series, frame: pd.DataFrame) -> Outcome:
        text = result.where(~result.eq(_MISSING), None)
        parsed = pd.to_datetime(text, format=self.date_format, errors="coerce")
        out = self._fallbacks(
            frame,
            parsed.dt.strftime("%Y-%m-%d").astype(object).where(parsed.notna(), _MISSING),
            raw,
        )
        bad = text.notna() & parsed.isna()
        for row in frame.index[bad.to_numpy(dtype=bool)]:
            out.reject[int(row)] = (
                self.sources[0],
                str(text[row]),
                N_("does not match the date format %(format)s (mapping, for %(target)s)"),
                {"format": self.date_format, "target": self.target},
            )
        return out

    def _compose(self, frame: pd.DataFrame) -> Outcome:
        year_col, month_col, day = self.parts
        years = pd.to_numeric(frame[year_col], errors="coerce")
        months_raw = frame[month_col].astype(object)
        months = months_raw.map(
            lambda m: MONTHS.get(str(m).strip().lower(), m) if isinstance(m, str) else m
        )
        months = pd.to_numeric(months, errors="coerce")
        days = (
            pd.to_numeric(frame[day], errors="coerce")
            if isinstance(day, str)
            else pd.Series(int(day or 1), frame.index)
        )
        parts = pd.DataFrame({"year": years, "month": months, "day": days})
        dates = pd.to_datetime(parts, errors="coerce")
        values = dates.dt.strftime("%Y-%m-%d").astype(object).where(dates.notna(), None)
        out = self._fallbacks(frame, values, None)
        bad = dates.isna() & (frame[year_col].notna() | frame[month_col].notna())
        for row in frame.index[bad.to_numpy(dtype=bool)]:
            shown = f"{frame.at[row, year_col]}-{frame.at[row, month_col]}"
            out.reject[int(row)] = (
                year_col,
                shown,
                N_("year and month do not make a date (mapping, for %(target)s)"),
                {"target": self.target},
            )
        return out

    def _fallbacks(self, frame: pd.DataFrame, result: pd.Series, raw: pd.Series | None) -> Outcome:
        """Unmapped values take the rule's default; empty values its `empty` setting."""
        skip = pd.Series(False, frame.index)
        out = Outcome(result, skip)
        unmapped = result.eq(_MISSING)
        empty = raw.isna() if raw is not None else result.isna()
        for mask, setting in ((unmapped & ~empty, self.default), (empty, self.empty)):
            if setting is None or not mask.any():
                continue
            if setting == SKIP:
                out.skip |= mask
            elif setting == REJECT:
                for row in frame.index[mask.to_numpy(dtype=bool)]:
                    value = "" if raw is None or raw[row] is None else str(raw[row])
                    why = (
                        N_("no value in the mapping for %(target)s")
                        if value
                        else N_("empty source value for %(target)s")
                    )
                    out.reject[int(row)] = (
                        ",".join(self.sources), value, why, {"target": self.target}
                    )  # fmt: skip
            elif isinstance(setting, dict):
                result[mask] = setting["value"]
            elif setting == KEEP and raw is not None:
                result[mask] = raw[mask]
        out.values = result.where(~result.eq(_MISSING), None)
        return out


_MISSING = "\x00<unmapped>"  # marks a value the value map does not cover

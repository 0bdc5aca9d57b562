"""The words under a chart for those who cannot see it: the highest and lowest value of each
series in its table, with where they fall, and for a time series the latest value."""

from __future__ import annotations

import pandas as pd

from dashboard.formatting import format_number
from dashboard.i18n import _

TIME_COLUMNS = {"month", "quarter", "week", "year", "date", "period", "held_on"}
MAX_SERIES = 3  # a summary of more series is no longer short


def _number(value: float) -> str:
    return format_number(value, 0 if float(value).is_integer() else 1)


def _numeric(values: pd.Series, marker: str) -> pd.Series:
    """The column's numbers (the suppression marker and blanks left out)."""
    kept = values[values.notna() & (values != marker)]
    if kept.empty or not kept.map(lambda v: isinstance(v, int | float)).all():
        return pd.Series(dtype="float")
    return kept.astype("float")


def series_sentence(name: str, values: pd.Series, places: pd.Series, is_time: bool) -> str:
    """One series in words, e.g. "Referrals: highest 5 (2026-08), lowest 2 (2026-05)."."""
    high, low = values.idxmax(), values.idxmin()
    sentence = _(
        "%(name)s: highest %(high)s (%(high_at)s), lowest %(low)s (%(low_at)s)",
        name=name,
        high=_number(values[high]),
        high_at=places[high],
        low=_number(values[low]),
        low_at=places[low],
    )
    if is_time:
        last = values.index[-1]
        sentence += _(", latest %(last)s (%(last_at)s)", last=_number(values[last]),
                      last_at=places[last])  # fmt: skip
    return sentence + "."


def chart_summary(frame: pd.DataFrame, headers: dict[str, str], marker: str = "[c]") -> str:
    """One sentence per numeric series of the chart's table (the first column names the
    points); empty when there are fewer than two numbers to compare."""
    if frame.empty or len(frame.columns) < 2:
        return ""
    where = frame.columns[0]
    places = frame[where].astype(str)
    is_time = str(where).lower() in TIME_COLUMNS
    sentences = []
    for column in frame.columns[1:]:
        values = _numeric(frame[column], marker)
        if len(values) < 2:
            continue
        sentences.append(series_sentence(headers.get(column, str(column)), values, places, is_time))
        if len(sentences) == MAX_SERIES:
            break
    return " ".join(sentences)

"""Small helpers for comparing query frames with hand-worked expectations."""

from __future__ import annotations

import math

import pandas as pd


def plain(value):
    """A frame cell as a plain Python value (NaN/None → None, numpy scalars unwrapped)."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


def records(frame: pd.DataFrame) -> list[tuple]:
    """The rows of a frame as tuples of plain Python values, in frame order."""
    return [tuple(plain(v) for v in row) for row in frame.itertuples(index=False, name=None)]


def histogram(frame: pd.DataFrame) -> dict[int, int]:
    return {
        int(days): int(count) for days, count in zip(frame["days"], frame["count"], strict=True)
    }


def histogram_frame(counts: dict[int, int]) -> pd.DataFrame:
    return pd.DataFrame({"days": list(counts), "count": list(counts.values())}, dtype="int64")

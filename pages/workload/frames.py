"""Tables of the liaison workload page: query frames turned into exactly what is shown (and
downloaded), with codes in words and area names. Pure: frames in, frames out."""

from __future__ import annotations

import pandas as pd

from dashboard.labels import (
    capacity_gap_label,
    dropout_reason_label,
    due_item_label,
    funnel_stage_label,
)
from data_access.queries import workload


def funnel_tables(outcomes: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """From `workload.funnel_outcomes`: the stage table (stage, count, share: % of all
    referrals) and the drop-out table (step, reason, count; every reason, zeros included)."""
    stages = workload.funnel_stages(outcomes)
    first = int(stages["count"].iloc[0])
    stages["share"] = [round(100 * c / first, 1) if first else None for c in stages["count"]]
    stages["stage"] = stages["stage"].map(funnel_stage_label)
    dropouts = workload.funnel_dropouts(outcomes)
    steps = dropouts["from_stage"].map(funnel_stage_label) + " → "
    dropouts["step"] = steps + dropouts["to_stage"].map(funnel_stage_label)
    dropouts["reason"] = dropouts["reason"].map(dropout_reason_label)
    return stages, dropouts[["step", "reason", "count"]]


def named_areas(frame: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """A copy with area codes replaced by their names."""
    return frame.assign(area=frame["area"].map(lambda code: names.get(code, code)))


def capacity_table(capacity: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """`workload.capacity` with area names and the gap in words."""
    return named_areas(capacity, names).assign(gap=capacity["gap"].map(capacity_gap_label))


def due_tables(
    due: pd.DataFrame, names: dict[str, str], per_officer: bool
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the due section shows and the counts by item (item, officers). With `per_officer`
    the list (officer, area, item, due_on, recruited_on; dates as text), else the counts."""
    summary = workload.due_summary(due)
    summary["item"] = summary["item"].map(due_item_label)
    if not per_officer:
        return summary, summary
    shown = named_areas(due, names)
    shown["item"] = shown["item"].map(due_item_label)
    for column in ("due_on", "recruited_on"):
        shown[column] = [day.isoformat() if day else "" for day in shown[column]]
    return shown, summary

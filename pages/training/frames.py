"""Tables of the training page: query frames turned into exactly what is shown and
downloaded (codes in words, coverage and status added). Pure: frames in, frames out."""

from __future__ import annotations

import pandas as pd

from dashboard.labels import rag_label
from data_access.queries.common import percent
from data_access.queries.kpis import rag_status
from data_access.vocab import LEADERSHIP_RANKS
from pages.training.text import audience_label, course_label, value_label

#: Course kinds measured by a scorecard indicator: (indicator, audience).
SCORECARD = {
    "awareness": ("training_coverage", "workforce"),
    "leadership_briefing": ("leadership_trained", "leaders"),
    "investigation": ("investigators_trained", "investigators"),
}


def with_status(frame: pd.DataFrame, target: float | None, direction: str | None) -> pd.DataFrame:
    """Adds coverage (% of headcount, 1 decimal), target and the status in words."""
    coverage = [percent(int(t), int(h)) for t, h in zip(frame["trained"], frame["headcount"],
                                                          strict=True)]  # fmt: skip
    return frame.assign(
        coverage=coverage,
        target=target,
        status=[rag_label(rag_status(value, target, direction)) for value in coverage],
    )


def indicator_slice(counts: pd.DataFrame, indicator: str, area: str | None) -> tuple[int, int]:
    """(numerator, denominator) of a scorecard indicator for an area or the whole force."""
    rows = counts[counts["indicator"] == indicator]
    if area is not None:
        rows = rows[rows["area"] == area]
    return int(rows["numerator"].sum()), int(rows["denominator"].fillna(0).sum())


def course_table(
    counts: pd.DataFrame,
    others: dict[str, pd.DataFrame],
    goals: pd.DataFrame,
    area: str | None,
) -> pd.DataFrame:
    """One row per course kind: course, audience, trained, headcount, coverage, target,
    status. Scorecard kinds from the scorecard's counts (`training_counts`); `others` maps
    the remaining kinds to `scheme.training_coverage` frames (whole workforce, no target)."""
    rows = []
    for kind, (indicator, audience) in SCORECARD.items():
        trained, headcount = indicator_slice(counts, indicator, area)
        goal = goals[goals["kpi"] == indicator]
        target = float(goal["target_value"].iloc[0]) if len(goal) else None
        direction = goal["direction"].iloc[0] if len(goal) else None
        row = with_status(pd.DataFrame({"trained": [trained], "headcount": [headcount]}),
                          target, direction)  # fmt: skip
        rows.append({"course": course_label(kind), "audience": audience_label(audience),
                     **row.iloc[0].to_dict()})  # fmt: skip
    for kind, frame in others.items():
        shown = frame if area is None else frame[frame["area"] == area]
        row = with_status(
            pd.DataFrame({"trained": [int(shown["trained"].sum())],
                          "headcount": [int(shown["headcount"].sum())]}), None, None,
        )  # fmt: skip
        rows.append({"course": course_label(kind), "audience": audience_label("workforce"),
                     **row.iloc[0].to_dict()})  # fmt: skip
    columns = ["course", "audience", "trained", "headcount", "coverage", "target", "status"]
    result = pd.DataFrame(rows, columns=columns)
    result[["trained", "headcount"]] = result[["trained", "headcount"]].astype("int64")
    return result


def area_table(
    coverage: pd.DataFrame, names: dict[str, str], area: str | None, target, direction
) -> pd.DataFrame:
    """`scheme.training_coverage` (one area when chosen) with names, coverage and status."""
    shown = coverage if area is None else coverage[coverage["area"] == area]
    shown = shown.assign(area=shown["area"].map(lambda code: names.get(code, code)))
    return with_status(shown.reset_index(drop=True), target, direction)


def group_table(coverage: pd.DataFrame, leaders: bool | None = None) -> pd.DataFrame:
    """`training.coverage_by` in words with coverage; `leaders` True/False keeps only the
    leadership ranks or only the others (None: every group)."""
    shown = coverage
    if leaders is not None:
        shown = coverage[coverage["group"].isin(LEADERSHIP_RANKS) == leaders]
    shown = shown.assign(group=shown["group"].map(value_label)).reset_index(drop=True)
    return with_status(shown, None, None).drop(columns=["target", "status"])


def delivery_table(delivery: pd.DataFrame) -> pd.DataFrame:
    """`training.delivery` in words (course kind dropped; partner blank for police courses)."""
    shown = delivery.drop(columns="kind")
    for column in ("mode", "delivered_by"):
        shown[column] = shown[column].map(value_label)
    shown["provider"] = shown["provider"].fillna("")
    return shown


def partner_table(delivery: pd.DataFrame) -> pd.DataFrame:
    """People reached per civil-society partner (courses delivered by one, or jointly):
    columns provider, sessions, people."""
    chosen = delivery[delivery["delivered_by"].isin(("civil_society", "joint"))]
    chosen = chosen[chosen["provider"].notna()]
    grouped = chosen.groupby("provider", as_index=False)[["sessions", "people"]].sum()
    return grouped.sort_values(["people", "provider"], ascending=[False, True], ignore_index=True)


def cascade_table(cascade: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Per area: trainers, sessions, per_trainer (sessions per trainer), reached."""
    grouped = cascade.groupby("area", as_index=False).agg(
        trainers=("trainer", "nunique"), sessions=("sessions", "sum"), reached=("reached", "sum")
    )
    grouped["per_trainer"] = (grouped["sessions"] / grouped["trainers"]).round(1)
    grouped["area"] = grouped["area"].map(lambda code: names.get(code, code))
    return grouped[["area", "trainers", "sessions", "per_trainer", "reached"]]


def refresher_table(due: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """`training.refreshers_due` with course and area names."""
    return due.assign(
        kind=due["kind"].map(course_label),
        area=due["area"].map(lambda code: names.get(code, code)),
    ).rename(columns={"kind": "course"})


def score_table(scores: pd.DataFrame) -> pd.DataFrame:
    """`training.assessment` with course names (means already withheld under n = 5)."""
    return scores.assign(kind=scores["kind"].map(course_label)).rename(columns={"kind": "course"})

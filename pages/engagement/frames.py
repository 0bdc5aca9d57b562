"""Tables of the engagement page: query frames turned into what is shown and downloaded."""

from __future__ import annotations

import pandas as pd

from dashboard.labels import action_status_label, event_type_label
from data_access.queries.common import percent


def month_table(months: pd.DataFrame) -> pd.DataFrame:
    """`engagement.events_by_month` with the event type in words."""
    return months.assign(event_type=months["event_type"].map(event_type_label))


def area_table(areas: pd.DataFrame, names: dict[str, str], force_wide: str) -> pd.DataFrame:
    """`engagement.events_by_area` with names, and the senior-officer and LO shares (%)."""
    shown = areas.assign(area=areas["area"].map(lambda c: names.get(c, force_wide)))
    shown["senior_share"] = [percent(s, e) for s, e in zip(shown["senior"], shown["events"],
                                                            strict=True)]  # fmt: skip
    shown["lo_share"] = [percent(s, e) for s, e in zip(shown["lo"], shown["events"], strict=True)]
    columns = ["area", "events", "attendance", "police", "senior", "senior_share", "lo",
               "lo_share"]  # fmt: skip
    return shown[columns]


def totals(areas: pd.DataFrame) -> dict[str, float | int | None]:
    """Events, attendance and the senior-officer and LO shares over every area."""
    events = int(areas["events"].sum())
    return {
        "events": events,
        "attendance": int(areas["attendance"].sum()),
        "senior_share": percent(int(areas["senior"].sum()), events),
        "lo_share": percent(int(areas["lo"].sum()), events),
    }


def action_table(actions: pd.DataFrame) -> pd.DataFrame:
    """`engagement.theme_actions` with the status in words and dates as text."""
    shown = actions.assign(status=actions["status"].map(action_status_label))
    for column in ("raised_on", "due_on"):
        shown[column] = [day.isoformat() if day else "" for day in shown[column]]
    shown["theme"] = shown["theme"].fillna("")
    shown["response"] = shown["response"].fillna("")
    return shown

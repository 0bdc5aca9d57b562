"""The commitments register, its history and targets as shown: codes labelled, dates as text."""

from __future__ import annotations

import pandas as pd

from dashboard.formatting import format_datetime
from dashboard.i18n import _
from dashboard.labels import (
    commitment_status_label,
    kpi_label,
    register_field_label,
    register_key_point_label,
    target_direction_label,
    verdict_label,
)


def iso(day) -> str:
    return day.isoformat() if day is not None and not pd.isna(day) else ""


def register_display(frame: pd.DataFrame, with_public: bool) -> pd.DataFrame:
    """Labelled register rows (columns as `register_headers`; `is_public` only when
    `with_public`) plus the boolean `late` that shades overdue rows."""
    reviewed = zip(frame["verdict"], frame["forum"], frame["reviewed_on"], strict=True)
    shown = pd.DataFrame(
        {
            "key_point": frame["key_point"].map(register_key_point_label),
            "code": frame["code"],
            "text": frame["text"],
            "owner": frame["owner"],
            "due_on": frame["due_on"].map(iso),
            "overdue": frame["overdue"].map(lambda late: _("Overdue") if late else ""),
            "status": frame["status"].map(commitment_status_label),
            "verdict": [
                f"{verdict_label(v)} ({forum}, {iso(day)})" if pd.notna(v) else _("Not reviewed")
                for v, forum, day in reviewed
            ],
            "comment": frame["comment"].fillna(""),
            "evidence": frame["evidence"].fillna(""),
        }
    )
    if with_public:
        shown["is_public"] = frame["is_public"].map(lambda p: _("Yes") if p else _("No"))
    shown["late"] = frame["overdue"].astype(bool)
    return shown


def register_headers() -> dict[str, str]:
    return {
        "key_point": _("Key point"), "code": _("Ref"), "text": _("Commitment"),
        "owner": _("Owner"), "due_on": _("Due"), "overdue": _("Overdue"),
        "status": _("Force's status"), "verdict": _("Community verdict (forum, date)"),
        "comment": _("Community comment"),
        "evidence": _("Evidence"), "is_public": _("Public"),
    }  # fmt: skip


def commitment_choices(frame: pd.DataFrame) -> list[dict]:
    """Dropdown options: code and the start of the commitment's text."""
    pairs = zip(frame["code"], frame["text"], strict=True)
    return [{"value": code, "label": f"{code}: {text[:70]}"} for code, text in pairs]


def history_value(field: str, value: str | None) -> str:
    """A history value in words (codes labelled; reviews stored as "verdict: forum, date")."""
    if value is None:
        return ""
    if field == "is_public":
        return _("Yes") if value == "true" else _("No")
    if field == "community_review":
        verdict, _sep, rest = value.partition(": ")
        return f"{verdict_label(verdict)} ({rest})"
    label = {"status": commitment_status_label, "key_point": register_key_point_label}.get(field)
    return label(value) if label else value


def history_display(rows: pd.DataFrame, with_who: bool) -> pd.DataFrame:
    """History rows in words: when (UTC, to the minute), who (only `with_who`), field, old, new."""
    when = pd.to_datetime(rows["changed_at"], utc=True).map(format_datetime)
    shown = pd.DataFrame({"changed_at": when, "changed_by": rows["changed_by"]})
    shown["field"] = rows["field"].map(register_field_label)
    for column in ("old_value", "new_value"):
        pairs = zip(rows["field"], rows[column], strict=True)
        shown[column] = [history_value(field, value) for field, value in pairs]
    return shown if with_who else shown.drop(columns="changed_by")


def history_headers() -> dict[str, str]:
    return {
        "changed_at": _("When (UTC)"), "changed_by": _("Changed by"), "field": _("Field"),
        "old_value": _("Old"), "new_value": _("New"),
    }  # fmt: skip


def targets_display(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """KPI targets in words, and their headers."""
    shown = frame.copy()
    shown["kpi"] = shown["kpi"].map(kpi_label)
    shown["direction"] = shown["direction"].map(target_direction_label)
    for column in ("period_start", "period_end"):
        shown[column] = shown[column].map(lambda d: iso(d) or _("open"))
    headers = {
        "kpi": _("KPI"), "target_value": _("Target"), "direction": _("Direction"),
        "period_start": _("From"), "period_end": _("Until"), "revision": _("Revision"),
    }  # fmt: skip
    return shown, headers

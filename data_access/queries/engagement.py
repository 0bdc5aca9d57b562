"""Community engagement page queries: events by month, area and type, partners, leadership
and LO presence, and the themes raised with the "you said, we did" actions they produced."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.models import Action, Area, CommunityEvent
from data_access.queries.common import Period, area_ids, check_org, frame
from data_access.queries.indicators_common import area_code
from data_access.sql import count_if, month_of
from data_access.vocab import ACTION_STATUSES

E = CommunityEvent


def _events(org_id: int, period: Period, ids: list[int] | None) -> tuple:
    conditions = [E.organisation_id == org_id, E.held_on >= period.start, E.held_on < period.end]
    if ids is not None:
        conditions.append(E.area_id.in_(ids))
    return tuple(conditions)


def events_by_month(
    session: Session, org_id: int, period: Period, area: str | None = None
) -> pd.DataFrame:
    """Events held in the period by month and type: columns month ('YYYY-MM'), event_type,
    events, attendance (sum of recorded attendance)."""
    check_org(session, org_id)
    month = month_of(E.held_on)
    stmt = (
        select(month, E.event_type, func.count(E.id), func.coalesce(func.sum(E.attendance), 0))
        .where(*_events(org_id, period, area_ids(session, org_id, area)))
        .group_by(month, E.event_type)
        .order_by(month, E.event_type)
    )
    return frame(session, stmt, ["month", "event_type", "events", "attendance"])


def events_by_area(
    session: Session, org_id: int, period: Period, area: str | None = None
) -> pd.DataFrame:
    """Events in the period by area: columns area (code; None for force-wide events),
    events, attendance, police (officers and staff attending), senior (events with a senior
    officer present), lo (events with a liaison officer present)."""
    check_org(session, org_id)
    stmt = (
        select(
            area_code(),
            func.count(E.id),
            func.coalesce(func.sum(E.attendance), 0),
            func.coalesce(func.sum(E.police_attending), 0),
            count_if(E.senior_officer_present.is_(True)),
            count_if(E.lo_present.is_(True)),
        )
        .outerjoin(Area, Area.id == E.area_id)
        .where(*_events(org_id, period, area_ids(session, org_id, area)))
        .group_by(Area.code)
        .order_by(Area.code.is_(None), Area.code)
    )
    return frame(session, stmt, ["area", "events", "attendance", "police", "senior", "lo"])


def _split(values: pd.Series) -> pd.Series:
    """Comma-separated lists ('a, b') as one trimmed item per row."""
    items = values.fillna("").str.split(",").explode().str.strip()
    return items[items != ""]


def partners(
    session: Session, org_id: int, period: Period, area: str | None = None
) -> pd.DataFrame:
    """Partners named on events in the period: columns partner, events, attendance."""
    check_org(session, org_id)
    stmt = select(E.partners, func.coalesce(E.attendance, 0)).where(
        *_events(org_id, period, area_ids(session, org_id, area))
    )
    events = frame(session, stmt, ["partner", "attendance"])
    events["partner"] = events["partner"].fillna("").str.split(",")
    named = events.explode("partner")
    named["partner"] = named["partner"].str.strip()
    named = named[named["partner"] != ""]
    result = named.groupby("partner", as_index=False).agg(
        events=("attendance", "size"), attendance=("attendance", "sum")
    )
    result[["events", "attendance"]] = result[["events", "attendance"]].astype("int64")
    return result.sort_values(["events", "partner"], ascending=[False, True], ignore_index=True)


def themes(session: Session, org_id: int, period: Period, area: str | None = None) -> pd.DataFrame:
    """Themes raised at events in the period and the actions answering them (raised in the
    period, any area): columns theme, events, actions, and one count per action status
    (open, in_progress, done). Themes with actions but no event in the period included."""
    check_org(session, org_id)
    stmt = select(E.themes).where(*_events(org_id, period, area_ids(session, org_id, area)))
    raised = _split(frame(session, stmt, ["themes"])["themes"]).value_counts()
    status = select(Action.theme, Action.status, func.count(Action.id)).where(
        Action.organisation_id == org_id,
        Action.theme.is_not(None),
        Action.raised_on >= period.start,
        Action.raised_on < period.end,
    )
    actions = frame(session, status.group_by(Action.theme, Action.status), ["theme", "status", "n"])
    wide = actions.pivot_table(index="theme", columns="status", values="n", fill_value=0)
    wide = wide.reindex(columns=list(ACTION_STATUSES), fill_value=0)
    result = pd.DataFrame({"events": raised}).join(wide, how="outer").fillna(0)
    result["actions"] = result[list(ACTION_STATUSES)].sum(axis=1)
    result = result.rename_axis("theme").reset_index()
    columns = ["theme", "events", "actions", *ACTION_STATUSES]
    result[columns[1:]] = result[columns[1:]].astype("int64")
    return result[columns].sort_values(["events", "theme"], ascending=[False, True],
                                       ignore_index=True)  # fmt: skip


def theme_actions(
    session: Session, org_id: int, period: Period, theme: str | None = None
) -> pd.DataFrame:
    """The actions raised in the period (of one theme if given): columns code, raised_on,
    theme, issue, response, owner, status, due_on."""
    check_org(session, org_id)
    columns = ["code", "raised_on", "theme", "issue", "response", "owner", "status", "due_on"]
    stmt = (
        select(*(getattr(Action, c) for c in columns))
        .where(
            Action.organisation_id == org_id,
            Action.raised_on >= period.start,
            Action.raised_on < period.end,
        )
        .order_by(Action.raised_on.desc(), Action.code)
    )
    if theme is not None:
        stmt = stmt.where(Action.theme == theme)
    return frame(session, stmt, columns)

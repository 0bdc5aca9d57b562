"""What each section of the training page shows, read from data_access for the viewer's
organisation and the filters (the same query functions as the scorecard)."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd

from dashboard.extensions import db
from dashboard.page_support import org_areas, today, viewer_filters
from dashboard.viewer import current_viewer
from data_access.queries import holdings, indicators_people, kpis, scheme, training
from data_access.vocab import COURSE_KINDS
from pages.training import frames

EXTRAS = {"course": COURSE_KINDS}
DEFAULT_COURSE = "awareness"
HORIZON_DAYS = training.DUE_SOON_DAYS  # the list the count changes keep
#: Not in the by-course table: the scorecard's kinds come from its counts, and the annual
#: refresher has its own section.
UNLISTED = (*frames.SCORECARD, "refresher")


def scope(store: dict | None):
    """Organisation, validated filters, chosen course kind and the coverage date."""
    filters = viewer_filters(store, EXTRAS)
    course = filters.extras.get("course", DEFAULT_COURSE)
    return current_viewer().organisation_id, filters, course, filters.current.end


def _target(goals: pd.DataFrame, course: str) -> tuple[float | None, str | None]:
    indicator = frames.SCORECARD.get(course, (None,))[0]
    row = goals[goals["kpi"] == indicator]
    return (float(row["target_value"].iloc[0]), row["direction"].iloc[0]) if len(row) else (
        None, None)  # fmt: skip


def course_frames(store: dict | None) -> tuple[pd.DataFrame, dict]:
    """The by-course table (the annual refresher has its own section) and the headline
    numbers, from the scorecard's own counts."""
    org, filters, course, on = scope(store)
    with db.session() as session:
        counts = indicators_people.training_counts(session, org, filters.current)
        others = {kind: scheme.training_coverage(session, org, on, kind)
                  for kind in COURSE_KINDS if kind not in UNLISTED}  # fmt: skip
        goals = kpis.targets(session, org, on - timedelta(days=1))
        trainers = training.trainers_count(session, org, on)
        held = holdings.held_kinds(session, org)
    table = frames.course_table(counts, others, goals, filters.area)
    overdue = frames.indicator_slice(counts, "refreshers_overdue", filters.area)
    numbers = {"trainers": trainers, "overdue": overdue, "course": course, "held": held}
    return table, numbers


def group_frames(store: dict | None) -> dict[str, pd.DataFrame]:
    """Coverage of the chosen course by area, rank (without and with leadership) and unit."""
    org, filters, course, on = scope(store)
    with db.session() as session:
        by_area = scheme.training_coverage(session, org, on, course)
        ranks = training.coverage_by(session, org, on, course, "rank", filters.area)
        units = training.coverage_by(session, org, on, course, "unit", filters.area)
        goals = kpis.targets(session, org, on - timedelta(days=1))
    target, direction = _target(goals, course) if course == DEFAULT_COURSE else (None, None)
    names = org_areas(org)
    return {
        "areas": frames.area_table(by_area, names, filters.area, target, direction),
        "ranks": frames.group_table(ranks, leaders=False),
        "leaders": frames.group_table(ranks, leaders=True),
        "units": frames.group_table(units),
        "target": target,
    }


def delivery_frames(store: dict | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    org, filters, course, _on = scope(store)
    kind = filters.extras.get("course")
    with db.session() as session:
        delivery = training.delivery(session, org, filters.current, filters.area, kind)
    return frames.delivery_table(delivery), frames.partner_table(delivery)


def cascade_frames(store: dict | None) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    org, filters, _course, on = scope(store)
    with db.session() as session:
        cascade = training.cascade(session, org, filters.current, filters.area)
        trainers = training.trainers_count(session, org, on)
    return cascade, frames.cascade_table(cascade, org_areas(org)), trainers


def refresher_frame(store: dict | None) -> pd.DataFrame:
    org, filters, _course, _on = scope(store)
    with db.session() as session:
        due = training.refreshers_due(session, org, today(), HORIZON_DAYS, filters.area)
    return frames.refresher_table(due, org_areas(org))


def score_frame(store: dict | None) -> pd.DataFrame:
    org, filters, _course, _on = scope(store)
    kind = filters.extras.get("course")
    with db.session() as session:
        scores = training.assessment(session, org, filters.current, filters.area, kind)
    return frames.score_table(scores)

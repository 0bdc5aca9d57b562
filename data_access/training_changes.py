"""The count changes that training status versions make: by how much each "as at" count
(people holding a course kind; people with a refresher, overdue; the refreshers list by
course kind and area) changes on a day. A count as at a date is the sum of its changes before
it (`TrainingStatusChange`, kept by `data_access.training_status`). Pure: versions in, a
Counter out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import groupby

#: valid_to of a person's current version: far in the future rather than NULL, so that "as at
#: a recent date" is one index range (valid_to >= on) over the current versions only.
OPEN_END = date(9999, 12, 31)

NO_AREA = 0  # TrainingStatusChange.area_id of people whose record names no area
TRAINED, WITH_REFRESHER, OVERDUE = "trained", "with_refresher", "overdue"
# Per course kind and area, counted on a day T (changes on days up to T): versions in force
# on T (valid_from <= T < valid_to) whose due date has passed, or falls in the next
# DUE_SOON_DAYS days (the training page's refreshers list).
KIND_OVERDUE, KIND_DUE_SOON = "kind_overdue", "kind_due_soon"
DUE_SOON_DAYS = 90
KEY = ("measure", "course_kind", "area_id", "rank", "unit", "day")


def _span(changes: Counter, key: tuple, start: date, end: date) -> None:
    """Counted as at every date in (start, end]: +1 on `start`, -1 on `end`."""
    changes[(*key, start)] += 1
    if end != OPEN_END:  # a count as at 9999-12-31 is never asked
        changes[(*key, end)] -= 1


def _window(changes: Counter, key: tuple, start: date, end: date) -> None:
    """Counted on every day T with start <= T < end (nothing when the window is empty)."""
    if start < end:
        _span(changes, key, start, end)


def _due_spans(changes: Counter, v: dict) -> None:
    """One version's place in the refreshers list: overdue on the days after its due date,
    due soon on the DUE_SOON_DAYS days up to it, while the version is in force."""
    due = v["refresher_due_on"]
    if due is None:
        return
    start, end = v["valid_from"], v["valid_to"]
    area = v["area_id"] or NO_AREA
    _window(changes, (KIND_OVERDUE, v["course_kind"], area, "", ""),
            max(start, due + timedelta(days=1)), end)  # fmt: skip
    _window(changes, (KIND_DUE_SOON, v["course_kind"], area, "", ""),
            max(start, due - timedelta(days=DUE_SOON_DAYS - 1)),
            min(end, due + timedelta(days=1)))  # fmt: skip


def _refresher_spans(changes: Counter, versions: list[dict]) -> None:
    """One person's refresher counts: between two of their version dates, in each area where
    a version in force has a due date, they have a refresher (the earliest due date of those
    versions) and are overdue once it is before the date asked about."""
    bounds = sorted({v["valid_from"] for v in versions})
    for start, end in zip(bounds, [*bounds[1:], OPEN_END], strict=True):
        earliest: dict[int, date] = {}
        for v in versions:
            due = v["refresher_due_on"]
            if due is not None and v["valid_from"] <= start and v["valid_to"] >= end:
                area = v["area_id"] or NO_AREA
                earliest[area] = min(due, earliest.get(area, due))
        for area, due in earliest.items():
            _span(changes, (WITH_REFRESHER, "", area, "", ""), start, end)
            if max(start, due) < end:
                _span(changes, (OVERDUE, "", area, "", ""), max(start, due), end)


def status_changes(versions: Iterable[dict]) -> Counter:
    """The count changes a set of status versions makes, keyed as `KEY` (people in any order;
    their versions are grouped here)."""
    changes: Counter = Counter()
    by_person = sorted(versions, key=lambda v: v["person_code"])
    for _person, own in groupby(by_person, key=lambda v: v["person_code"]):
        own = list(own)
        for v in own:
            key = (TRAINED, v["course_kind"], v["area_id"] or NO_AREA, v["rank"], v["unit"])
            _span(changes, key, v["valid_from"], v["valid_to"])
            _due_spans(changes, v)
        _refresher_spans(changes, own)
    return changes

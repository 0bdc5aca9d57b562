"""Producing a dataset for a viewer and filters, and writing it as CSV or JSON: the one path
the API, the /data page and the export share, so all three hold the same values."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.disclosure import MARKER
from dashboard.downloads import safe_frame
from dashboard.extensions import db
from dashboard.i18n import _
from dashboard.open_data.definitions import AREA_CODES, Dataset
from dashboard.open_data.grains import History, history
from dashboard.open_data.query import Query, parse_query
from dashboard.viewer import Viewer
from data_access.queries import open_activities

NUMERIC = {"integer": "Int64", "number": "Float64"}


@dataclass(frozen=True)
class Answer:
    dataset: Dataset
    query: Query
    frame: pd.DataFrame


def produce(dataset: Dataset, viewer: Viewer, args: Mapping[str, str], today: date) -> Answer:
    """The dataset for the viewer's organisation and the filters in `args` (BadQuery when a
    filter is wrong)."""
    hist = history(viewer.organisation_id, today, viewer)
    query = parse_query(args, hist, dataset.filters, dataset.name)
    frame = dataset.build(viewer, hist, query)[[c.name for c in dataset.columns]].copy()
    for column in dataset.columns:
        if column.type in NUMERIC:
            frame[column.name] = pd.array(frame[column.name], dtype=NUMERIC[column.type])
    return Answer(dataset, query, frame)


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready dicts: hidden or missing values are null."""
    clean = frame.astype(object).where(frame.notna(), None)
    return [
        {k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()}
        for row in clean.to_dict("records")
    ]


def to_csv(answer: Answer) -> str:
    """UTF-8 CSV with a header, hidden counts as [c], formulas neutralised."""
    frame = answer.frame.astype(object).where(answer.frame.notna(), None)
    if answer.dataset.protected:
        for column in answer.dataset.columns:
            if column.type in ("integer", "number"):
                frame[column.name] = frame[column.name].map(lambda v: MARKER if v is None else v)
    return safe_frame(frame).to_csv(index=False, lineterminator="\n")


def to_json(answer: Answer, last_updated: date | None) -> str:
    body = {
        "dataset": answer.dataset.name,
        "title": _(answer.dataset.title),
        "filters": answer.query.params(),
        "last_updated": last_updated.isoformat() if last_updated else None,
        "columns": [c.name for c in answer.dataset.columns],
        "rows": records(answer.frame),
    }
    return json.dumps(body, ensure_ascii=False)


def last_updated(dataset: Dataset, org_id: int | None) -> date | None:
    """The latest change to the records the dataset is drawn from."""
    if org_id is None:
        return None
    with db.session() as session:
        return open_activities.last_changed(session, org_id, dataset.sources)


def allowed_values(column_values: tuple[str, ...], hist: History) -> list[str]:
    """A column's allowed values with the organisation's area codes filled in."""
    out = []
    for value in column_values:
        out.extend(hist.areas if value == AREA_CODES else [value])
    return out


def describe(dataset: Dataset, hist: History, updated: date | None) -> dict:
    """The dataset's entry in the list: name, title, description, audience, grain, filters,
    last updated and its columns (the data dictionary)."""
    return {
        "name": dataset.name,
        "title": _(dataset.title),
        "description": _(dataset.description),
        "audience": dataset.audience,
        "grain": _(dataset.grain),
        "filters": list(dataset.filters),
        "disclosure_controlled": dataset.protected,
        "last_updated": updated.isoformat() if updated else None,
        "columns": [
            {
                "name": c.name,
                "type": c.type,
                "meaning": _(c.meaning),
                "allowed_values": allowed_values(c.values, hist),
                "pattern": c.pattern,
                "shape": c.shape,
            }
            for c in dataset.columns
        ],
    }

"""`export-open-data DIR`: every dataset of the catalogue as CSV plus a Frictionless Data
Package descriptor (`datapackage.json`) generated from the same definitions."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from dashboard.i18n import _
from dashboard.open_data.catalogue import visible_to
from dashboard.open_data.definitions import Dataset
from dashboard.open_data.grains import History, history
from dashboard.open_data.protection import threshold
from dashboard.open_data.service import allowed_values, last_updated, produce, to_csv
from dashboard.viewer import Viewer

DESCRIPTOR = "datapackage.json"
MISSING = ["", "[c]"]


def field(column, hist: History) -> dict:
    """A Table Schema field for a catalogue column."""
    out = {"name": column.name, "type": column.type, "description": _(column.meaning)}
    constraints = {}
    values = allowed_values(column.values, hist)
    if values:
        constraints["enum"] = values
    if column.pattern:
        constraints["pattern"] = column.pattern
    if column.type == "integer":
        constraints["minimum"] = 0
    if constraints:
        out["constraints"] = constraints
    return out


def resource(dataset: Dataset, hist: History, org_id: int) -> dict:
    updated = last_updated(dataset, org_id)
    return {
        "name": dataset.name.replace("_", "-"),
        "path": f"{dataset.name}.csv",
        "title": _(dataset.title),
        "description": _(dataset.description) + " " + _("Grain: %(g)s.", g=_(dataset.grain)),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "audience": dataset.audience,
        "disclosure_controlled": dataset.protected,
        "last_updated": updated.isoformat() if updated else None,
        "schema": {
            "fields": [field(c, hist) for c in dataset.columns],
            "missingValues": MISSING if dataset.protected else [""],
        },
    }


def export(directory: Path, viewer: Viewer, org_code: str, today: date) -> list[tuple[str, int]]:
    """Write the datasets the viewer's role may download, and the descriptor; returns
    (dataset, rows) for each file written."""
    directory.mkdir(parents=True, exist_ok=True)
    hist = history(viewer.organisation_id, today)
    written, resources = [], []
    for dataset in visible_to(viewer.role):
        answer = produce(dataset, viewer, {}, today)
        (directory / f"{dataset.name}.csv").write_text(to_csv(answer), encoding="utf-8")
        resources.append(resource(dataset, hist, viewer.organisation_id))
        written.append((dataset.name, len(answer.frame)))
    descriptor = {
        "name": f"lgbt-liaison-open-data-{org_code.lower()}",
        "title": _("LGBT+ liaison and accountability: open data (%(org)s)", org=org_code),
        "description": _(
            "Aggregated figures on hate incidents against LGBT+ people, the liaison officer "
            "scheme, reporting channels, training, community events and commitments. Counts of "
            "people from 1 to %(top)d are hidden ([c]), with further values hidden so that no "
            "hidden value can be worked out; see the methodology page.",
            top=threshold() - 1,
        ),
        "created": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "resources": resources,
    }
    if hist.months:
        descriptor["temporal"] = {"start": hist.months[0], "end": hist.months[-1]}
    (directory / DESCRIPTOR).write_text(
        json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    return written

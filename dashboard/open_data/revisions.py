"""The revisions log: each publication (an applied import) with its date and what changed
since the one before, from the import history."""

from __future__ import annotations

import pandas as pd

from dashboard.extensions import db
from data_access.queries import open_activities

COLUMNS = ["published", "data", "added", "updated", "unchanged"]


def revisions(org_id: int) -> pd.DataFrame:
    """Newest first: columns published (YYYY-MM-DD), data (what was imported), added, updated
    (records corrected), unchanged."""
    with db.session() as session:
        history = open_activities.import_history(session, org_id)
    if history.empty:
        return pd.DataFrame(columns=COLUMNS)
    out = pd.DataFrame(
        {
            "published": pd.to_datetime(history["created_at"], utc=True).dt.strftime("%Y-%m-%d"),
            "data": history["kind"].str.replace("_", " "),
            "added": history["rows_inserted"].astype("int64"),
            "updated": history["rows_updated"].astype("int64"),
            "unchanged": history["rows_unchanged"].astype("int64"),
        }
    )
    return out.iloc[::-1].reset_index(drop=True)

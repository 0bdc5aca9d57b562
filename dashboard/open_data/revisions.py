"""The revisions log: each publication (an applied import) with its date and what changed
since the one before, from the import history, down to how many records each field was
corrected in (never a value).

For disclosure-controlled viewers (public, partner) every count from 1 to the threshold - 1
of an import of victims' or reporters' records (SENSITIVE_KINDS: the kinds the release
protects) is hidden: "outcome corrected in 1 record" beside the month's published outcome
cells would point at one case. Imports of areas, officers, staff training, events and the
like are counts of public activities or staff, shown as they are (see the methodology).
A hidden field count is not recoverable from the others: a record corrected in several
fields counts once in `updated` and once per field, so the field counts do not add up to it."""

from __future__ import annotations

import pandas as pd

from dashboard.disclosure import MARKER
from dashboard.extensions import db
from dashboard.i18n import _
from data_access.queries import open_activities

COLUMNS = ["published", "data", "added", "updated", "unchanged", "changes"]
COUNTS = ("added", "updated", "unchanged")
SENSITIVE_KINDS = frozenset({"referrals", "channel_volumes", "survey_responses"})


def _shown(count: int, threshold: int | None) -> int | None:
    """The count, or None (hidden) when a threshold applies and it is small but not 0."""
    return None if threshold and 1 <= count < threshold else count


def _changes(fields: pd.DataFrame, threshold: int | None) -> str:
    """'outcome ×2, closed on ×1' (a hidden count as [c]); '' when nothing was corrected."""
    parts = []
    for row in fields.itertuples():
        count = _shown(int(row.records), threshold)
        shown = MARKER if count is None else f"{count:,}"
        parts.append(_("%(field)s ×%(n)s", field=row.field.replace("_", " "), n=shown))
    return ", ".join(parts)


def revisions(org_id: int, threshold: int | None = None) -> pd.DataFrame:
    """Newest first: columns published (YYYY-MM-DD), data (what was imported), added, updated
    (records corrected), unchanged, changes (records corrected per field). `threshold`: hide
    counts from 1 to threshold - 1 (None for viewers who see exact figures)."""
    with db.session() as session:
        history = open_activities.import_history(session, org_id)
        fields = open_activities.revised_fields(session, org_id)
    if history.empty:
        return pd.DataFrame(columns=COLUMNS)
    limits = [threshold if kind in SENSITIVE_KINDS else None for kind in history["kind"]]
    out = pd.DataFrame(
        {
            "published": pd.to_datetime(history["created_at"], utc=True).dt.strftime("%Y-%m-%d"),
            "data": history["kind"].str.replace("_", " "),
            **{
                name: pd.array(
                    [
                        _shown(int(v), limit)
                        for v, limit in zip(history[f"rows_{column}"], limits, strict=True)
                    ],
                    dtype="Int64",
                )  # fmt: skip
                for name, column in zip(COUNTS, ("inserted", "updated", "unchanged"), strict=True)
            },
            "changes": [
                _changes(fields[fields["batch_id"] == batch], limit)
                for batch, limit in zip(history["id"], limits, strict=True)
            ],
        }
    )
    return out.iloc[::-1].reset_index(drop=True)

"""Words of the reporting-channels page: column headers, chart labels, captions and notes."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.disclosure import MARKER, TOTAL
from dashboard.formatting import format_number, format_percent
from dashboard.i18n import _
from dashboard.labels import channel_label, event_type_label, strand_label
from data_access.vocab import CHANNELS, STRANDS


def headers_for(columns: Iterable[str], extra: dict[str, str] | None = None) -> dict[str, str]:
    """Display headers for a table's columns (codes of channels, strands, areas, totals)."""
    names = {
        "month": _("Month"),
        "channel": _("Channel"),
        TOTAL: _("All channels"),
        **{c: channel_label(c) for c in CHANNELS},
        **{s: strand_label(s) for s in STRANDS},
        "all_reports": _("All reports"),
        "third_party_share": _("Third-party share (%)"),
        "partner_referral_share": _("Partner referral share (%)"),
        "held_on": _("Date"),
        "event_type": _("Type"),
        "title": _("Event"),
        "before": _("Reports, 3 months before"),
        "after": _("Reports, 3 months from"),
        "change": _("Change"),
        "change_percent": _("Change (%)"),
        "count": _("Referrals"),
        "share": _("Share of referrals (%)"),
        **(extra or {}),
    }
    return {c: names.get(c, c) for c in columns}


def share_headers() -> dict[str, str]:
    """Headers of the share table's count columns (reports through each channel)."""
    return {
        "third_party": _("Third-party centre reports"),
        "partner_referral": _("Partner referrals"),
    }


def channel_names(codes: Iterable[str]) -> list[str]:
    return [_("All channels") if c == TOTAL else channel_label(c) for c in codes]


def chart_labels() -> dict[str, str]:
    return {
        **{c: channel_label(c) for c in CHANNELS},
        "marked_events": _("Campaigns and Pride"),
        "other_events": _("Other community events"),
        "target": _("Third-party target"),
        "referrals": _("Referrals"),
        "reports": _("Reports"),
        "share": _("Share of all reports (%)"),
        "month": _("Month reported"),
    }


def scope_text(controlled: bool, area_name: str | None, strand: str | None) -> str:
    """'all areas and strands' or the area and strand chosen."""
    if controlled or not (area_name or strand):
        return _("all areas and strands")
    return ", ".join(
        [area_name or _("all areas"), strand_label(strand) if strand else _("all strands")]
    )


def campaign_scope(channel: str | None, scope: str) -> str:
    """What the before/after counts cover: 'all channels, all areas and strands'."""
    return f"{channel or _('all channels')}, {scope}"


def monthly_note(controlled: bool, filtered: bool, suppressed: bool) -> str | None:
    """Under a monthly chart: what gaps mean, and (for partners) why area and strand do not
    apply to monthly figures."""
    parts = [_("%(marker)s and gaps: small counts suppressed to protect privacy.", marker=MARKER)]
    parts = parts if suppressed else []
    if controlled and filtered:
        parts.append(
            _(
                "Monthly figures cover the whole force and all strands: split by area or strand "
                "almost all would be hidden. The area and strand filters apply to the tables by "
                "area and strand and to referrals."
            )
        )
    return " ".join(parts) or None


def status_label(status: str) -> str | None:
    return {"green": _("On target"), "amber": _("Close to target"), "red": _("Off target")}.get(
        status
    )


def percent_text(value: object) -> str:
    """A share for a card: the marker, a dash (no reports) or '12.3%'."""
    if value == MARKER or value == "–":
        return str(value)
    return format_percent(float(value), 1)


def labelled(events: pd.DataFrame) -> pd.DataFrame:
    """Events with a display label 'Type: title' (column label)."""
    names = zip(events["event_type"], events["title"], strict=True)
    return events.assign(label=[f"{event_type_label(t)}: {n}" for t, n in names])


def count_text(value: object) -> str:
    """A count for a card: the marker or '1,234'."""
    return str(value) if isinstance(value, str) else format_number(int(value))

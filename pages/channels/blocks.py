"""The filled sections of the reporting-channels page: figures, tables, cards and their words,
built from frames already disclosure-controlled for the viewer (pure: frames in, Dash out)."""

from __future__ import annotations

import pandas as pd
from dash import html

from components.chart_table import create_chart_with_table, create_empty_state
from components.kpi_card import create_kpi_card, create_kpi_row
from dashboard.disclosure import MARKER, TOTAL
from dashboard.formatting import format_percent
from dashboard.i18n import _, ngettext
from dashboard.labels import event_type_label, strand_label, target_direction_label
from pages.channels import text
from pages.channels.figures import referral_figure, share_figure, volume_figure
from pages.channels.frames import is_zero
from pages.channels.sections import create_table_block, shown

SHARE_COUNTS = ["third_party", "partner_referral", "all_reports"]
SHARES = {
    "third_party_share": ["third_party", "all_reports"],
    "partner_referral_share": ["partner_referral", "all_reports"],
}


def create_volumes_block(
    series: pd.DataFrame,
    table: pd.DataFrame,
    events: pd.DataFrame,
    scope: str,
    note: str | None,
    prefix: str,
) -> html.Div:
    """Monthly reports by channel with event markers, and its table (display values)."""
    caption = _(
        "Lines: reports each month by channel, %(scope)s. Dashed lines and stars: campaigns "
        "and Pride; grey ticks at the foot: other community events (point at them for names).",
        scope=scope,
    )
    return create_chart_with_table(
        volume_figure(series, events, text.chart_labels()),
        table,
        f"{prefix}-volumes",
        caption,
        text.headers_for(table.columns),
        {"table": _("Table")},
        note,
    )


def breakdown_shown(table: pd.DataFrame) -> pd.DataFrame:
    """A breakdown table for display: channel names, the marker where suppressed."""
    table = table.assign(channel=text.channel_names(table["channel"]))
    return shown(table, table.columns[1:])


def table_headers(name: str, columns, areas: dict[str, str]) -> dict[str, str]:
    """Headers of the table `name` (its TOTAL column is all areas, strands or channels)."""
    totals = {
        "by-area": {**areas, TOTAL: _("All areas")},
        "by-strand": {TOTAL: _("All strands")},
        "share": text.share_headers(),
    }
    return text.headers_for(columns, totals.get(name))


def create_breakdown_block(
    by_area: pd.DataFrame | None,
    by_strand: pd.DataFrame | None,
    areas: dict[str, str],
    area_name: str | None,
    strand: str | None,
    prefix: str,
) -> html.Div:
    """The channel × area and channel × strand tables (display values), or why they are not
    shown (None: withheld for disclosure control)."""
    if by_area is None or by_strand is None:
        return create_empty_state(
            _(
                "Not shown for this period: together with the monthly figures these tables "
                "could reveal small counts. Choose a longer period."
            )
        )
    marked = (by_area == MARKER).any().any() or (by_strand == MARKER).any().any()
    note = _("%(marker)s: a small count suppressed to protect privacy.", marker=MARKER)
    strand_text = strand_label(strand) if strand else _("all strands")
    return html.Div(
        [
            create_table_block(
                _("Reports in the period by channel and area, %(strand)s.", strand=strand_text),
                by_area,
                table_headers("by-area", by_area.columns, areas),
                f"{prefix}-by-area-table",
                None,
            ),
            create_table_block(
                _(
                    "Reports in the period by channel and strand, %(area)s.",
                    area=area_name or _("all areas"),
                ),
                by_strand,
                table_headers("by-strand", by_strand.columns, areas),
                f"{prefix}-by-strand-table",
                note if marked else None,
            ),
        ]
    )


def share_table(shares: pd.DataFrame) -> pd.DataFrame:
    """The share table shown: months, then the period ('Period total')."""
    months = shares["month"].replace(TOTAL, _("Period total"))
    return shown(shares.assign(month=months), SHARE_COUNTS, SHARES)


def create_share_block(
    shares: pd.DataFrame,
    goal: tuple[float, str] | None,
    status: str,
    scope: str,
    note: str | None,
    prefix: str,
) -> html.Div:
    """Cards (period shares against the target, all reports), the monthly share chart, its
    table."""
    table = share_table(shares)
    period = table.iloc[-1]
    target = None if goal is None else goal[0]
    detail = (
        _(
            "Target: %(direction)s %(value)s",
            direction=target_direction_label(goal[1]).lower(),
            value=format_percent(goal[0], None),
        )
        if goal
        else _("No target set")
    )
    cards = create_kpi_row(
        [
            create_kpi_card(
                _("Third-party share"),
                text.percent_text(period["third_party_share"]),
                detail,
                status=status,
                card_id=f"{prefix}-share-card",
                status_label=text.status_label(status),
            ),
            create_kpi_card(
                _("Partner referral share"),
                text.percent_text(period["partner_referral_share"]),
                _("shown separately"),
            ),
            create_kpi_card(
                _("All reports"), text.count_text(period["all_reports"]), _("in the period")
            ),
        ]
    )
    caption = _(
        "Share of all reports made through third-party reporting centres and through partner "
        "referrals each month, %(scope)s, with the third-party target (dashed). Not affected by "
        "the channel filter.",
        scope=scope,
    )
    months = shares.iloc[:-1]
    figure = share_figure(months, target, text.chart_labels())
    headers = table_headers("share", table.columns, {})
    chart = create_chart_with_table(
        figure, table, f"{prefix}-share", caption, headers, {"table": _("Table")}, note
    )
    return html.Div([cards, chart])


def campaign_table(changes: pd.DataFrame) -> pd.DataFrame:
    """The before/after table shown (date, type, event, counts, change)."""
    out = changes.assign(
        held_on=[d.isoformat() for d in changes["held_on"]],
        event_type=[event_type_label(t) for t in changes["event_type"]],
    )
    return shown(out, ["before", "after", "change"], {"change_percent": ["before", "after"]})


def create_campaign_block(table: pd.DataFrame, left_out: int, what: str, prefix: str) -> html.Div:
    """Reports before and after each campaign or Pride event, or why there is none."""
    outside = ngettext(
        "%(num)s campaign or Pride event is left out: its three months before or after fall "
        "outside the period. Choose a longer period to include it.",
        "%(num)s campaigns or Pride events are left out: their three months before or after "
        "fall outside the period. Choose a longer period to include them.",
        left_out,
    )
    if table.empty:
        return create_empty_state(
            outside if left_out else _("No campaigns or Pride events in this period.")
        )
    caption = _(
        "Reports (%(what)s) in the three calendar months before the month of each campaign or "
        "Pride event, and in its month and the two months after.",
        what=what,
    )
    notes = [outside] if left_out else []
    if (table[["before", "after"]] == MARKER).any().any():
        notes.append(_("%(marker)s: based on a suppressed count.", marker=MARKER))
    headers = text.headers_for(table.columns)
    return create_table_block(
        caption, table, headers, f"{prefix}-campaigns-table", " ".join(notes) or None
    )


def create_referral_block(counts: pd.DataFrame, scope: str, prefix: str) -> html.Div:
    """Referrals to the liaison scheme by the channel recorded on each referral."""
    table = referral_shown(counts)
    if is_zero(counts["count"].iloc[-1]):
        return create_empty_state(_("No referrals in this period for the filters chosen."))
    caption = _(
        "Bars: referrals to the liaison officer scheme reported in the period, by the channel "
        "recorded on each referral, %(scope)s. These are the scheme's own records, counted "
        "separately from the monthly report volumes above.",
        scope=scope,
    )
    note = (
        _("%(marker)s and empty bars: small counts suppressed to protect privacy.", marker=MARKER)
        if counts["count"].isna().any()
        else None
    )
    return create_chart_with_table(
        referral_figure(counts.iloc[:-1], text.chart_labels()),
        table,
        f"{prefix}-referrals",
        caption,
        text.headers_for(table.columns),
        {"table": _("Table")},
        note,
    )


def referral_shown(counts: pd.DataFrame) -> pd.DataFrame:
    """The referral table shown: channel names, counts and shares (marker where suppressed)."""
    out = counts.assign(channel=text.channel_names(counts["channel"]))
    return shown(out, ["count"], {"share": ["count"]}, missing=MARKER)

"""Building blocks of the reporting-channels page: a titled section with its loading area and
download buttons, a captioned table, and a partner's marker-aware display of counts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import dash_bootstrap_components as dbc
import pandas as pd
from dash import dcc, html

from components.chart_table import create_data_table, create_download_button
from components.filter_bar import Option, create_filter_dropdown
from dashboard.disclosure import MARKER
from dashboard.i18n import _
from dashboard.labels import channel_label
from data_access.vocab import CHANNELS


def create_section(
    prefix: str, name: str, title: str, downloads: Mapping[str, str], intro: str | None = None
) -> html.Section:
    """`<h2>`, an optional intro line, the `<prefix>-<name>` area (filled by a callback, with a
    loading indicator) and one CSV button per entry of `downloads` (id part → label)."""
    return html.Section(
        [
            html.H2(title, className="h5 mt-4"),
            html.P(intro, className="small text-muted") if intro else None,
            dcc.Loading(html.Div(id=f"{prefix}-{name}"), type="default"),
            html.Div(
                [
                    create_download_button(f"{prefix}-{key}", label)
                    for key, label in downloads.items()
                ],
                className="d-flex gap-2 flex-wrap",
            ),
        ],
        id=f"{prefix}-{name}-section",
    )


def create_channel_filter(prefix: str, value: str | None) -> dbc.Col:
    """The page's own filter: one reporting channel, or all (id `<prefix>-channel`)."""
    options = [Option(c, channel_label(c)) for c in CHANNELS]
    return create_filter_dropdown(
        f"{prefix}-channel", _("Channel"), options, value, True, _("All channels")
    )


def create_sections(prefix: str) -> list[html.Section]:
    """The page's five sections, empty until their callbacks fill them."""
    csv = _("Download CSV")
    by_area, by_strand = _("Download CSV (by area)"), _("Download CSV (by strand)")
    return [
        create_section(prefix, "volumes", _("Reports by channel over time"), {"volumes": csv}),
        create_section(
            prefix,
            "breakdown",
            _("Reports by channel, area and strand"),
            {"by-area": by_area, "by-strand": by_strand},
        ),
        create_section(prefix, "share", _("Third-party reporting share"), {"share": csv}),
        create_section(
            prefix, "campaigns", _("Reports before and after campaigns"), {"campaigns": csv}
        ),
        create_section(
            prefix,
            "referrals",
            _("Referrals to the liaison scheme by channel"),
            {"referrals": csv},
        ),
    ]


def create_table_block(
    caption: str, frame: pd.DataFrame, headers: dict[str, str], table_id: str, note: str | None
) -> html.Div:
    """A table with its caption and an optional note under it."""
    return html.Div(
        [
            html.P(caption, className="chart-caption", id=f"{table_id}-caption"),
            create_data_table(frame, headers, table_id),
            html.P(note, className="small text-muted mt-1") if note else None,
        ],
        className="mb-3",
    )


def shown(
    frame: pd.DataFrame,
    counts: Sequence[str],
    shares: Mapping[str, Sequence[str]] | None = None,
    missing: str = "–",
) -> pd.DataFrame:
    """A frame for display: suppressed counts (<NA>) as the marker; a share (column → its base
    count columns) as the marker when a base is suppressed, `missing` when it is undefined (no
    reports), else its value."""
    out = frame.copy()
    for column in counts:
        out[column] = [MARKER if pd.isna(v) else int(v) for v in frame[column]]
    for column, bases in (shares or {}).items():
        hidden = frame[list(bases)].isna().any(axis=1)
        out[column] = [
            MARKER if hide else (missing if pd.isna(v) else float(v))
            for v, hide in zip(frame[column], hidden, strict=True)
        ]
    return out

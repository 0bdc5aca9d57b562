"""Reporting channels callbacks over HTTP as leadership: figures match the database."""

from __future__ import annotations

import json

import pytest

from dashboard.disclosure import MARKER, TOTAL
from data_access.models import Area, ChannelVolume
from data_access.vocab import CHANNELS, STRANDS
from tests.pages.channels.helpers import (
    graphs,
    referrals_by_channel,
    section,
    tables,
    volumes_by,
)


@pytest.mark.parametrize("period", ["12m", "3m", "2025"])
def test_leadership_volumes_match_the_database(app, login_as, demo_url, period):
    client = login_as("leadership")
    rows = tables(section(app, client, "volumes", period=period))["channels-volumes-table"]
    expected = volumes_by(demo_url, period, ChannelVolume.channel)
    total = rows[-1]
    assert total["month"] == "Period total"
    assert {c: total[c] for c in CHANNELS} == {c: expected.get(c, 0) for c in CHANNELS}
    assert total[TOTAL] == sum(expected.values())
    months = len(rows) - 1
    assert months == {"12m": 12, "3m": 3, "2025": 12}[period]
    assert all(row[TOTAL] == sum(row[c] for c in CHANNELS) for row in rows)
    assert MARKER not in json.dumps(rows)


def test_leadership_area_and_channel_filters(app, login_as, demo_url):
    client = login_as("leadership")
    children = section(app, client, "volumes", area="NE", channel="third_party")
    rows = tables(children)["channels-volumes-table"]
    assert set(rows[0]) == {"month", "third_party"}
    expected = volumes_by(demo_url, "12m", ChannelVolume.channel, area="NE")
    assert rows[-1]["third_party"] == expected["third_party"]
    figure = graphs(children)["channels-volumes-graph"]
    lines = [t for t in figure["data"] if t.get("yaxis") != "y2"]
    assert len(lines) == 1 and sum(lines[0]["y"]) == expected["third_party"]


def test_leadership_breakdown_share_and_referrals(app, login_as, demo_url):
    client = login_as("leadership")
    found = tables(section(app, client, "breakdown"))
    by_area = {row["channel"]: row for row in found["channels-by-area-table"]}
    areas = volumes_by(demo_url, "12m", Area.code)
    assert {a: by_area["All channels"][a] for a in areas} == areas
    by_strand = {row["channel"]: row for row in found["channels-by-strand-table"]}
    assert {s: by_strand["All channels"][s] for s in STRANDS} == volumes_by(
        demo_url, "12m", ChannelVolume.strand
    )
    channel = volumes_by(demo_url, "12m", ChannelVolume.channel)
    share_children = section(app, client, "share")
    period = tables(share_children)["channels-share-table"][-1]
    assert period["third_party"] == channel["third_party"]
    assert period["third_party_share"] == round(
        100 * channel["third_party"] / sum(channel.values()), 1
    )
    assert "channels-share-card" in json.dumps(share_children)
    referral_rows = tables(section(app, client, "referrals"))["channels-referrals-table"]
    expected = referrals_by_channel(demo_url, "12m")
    assert referral_rows[-1]["count"] == sum(expected.values())
    assert [row["count"] for row in referral_rows[:-1]] == [expected.get(c, 0) for c in CHANNELS]


def test_leadership_campaign_table(app, login_as):
    client = login_as("leadership")
    rows = tables(section(app, client, "campaigns", period="36m"))["channels-campaigns-table"]
    assert rows, "the demo force runs campaigns every year"
    for row in rows:
        assert row["change"] == row["after"] - row["before"]
        assert row["event_type"] in ("Campaign", "Pride")

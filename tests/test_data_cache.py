"""Figures follow the data: two app instances share Redis; instance A serves figures, an import
goes through instance B's engine call, and A then serves the new figures (no entry older than
the organisation's data version is ever used, on any worker)."""

from __future__ import annotations

import os
import uuid

from dashboard.extensions import db
from data_access.imports import Source, apply_import
from data_access.organisations import data_version, org_id_for_code
from tests.dash_client import call, find_callback, response_data
from tests.pages.data_import.helpers import (
    AREAS_CSV,
    FORCE,
    engine_import,
    force_app,
    new_force,
    recent_referrals,
    signed_in,
)


def workload_figures(app) -> tuple[list[str], str]:
    """Area names in the workload filter and the 'referrals in period' card, as coordinator."""
    client = signed_in(app, "coordinator")
    sync = find_callback(app, "workload-filters.data")
    values = {"workload-period.value": "12m", "workload-area.value": None,
              "workload-strand.value": None}  # fmt: skip
    synced = response_data(call(client, sync, values))
    store = synced["workload-filters"]["data"]
    areas = sorted(option["label"] for option in synced["workload-area"]["options"])
    funnel = find_callback(app, "workload-funnel.children")
    card = response_data(call(client, funnel, {"workload-filters.data": store}))
    return areas, str(card["workload-referrals-card"]["children"])


def test_an_import_through_one_instance_is_seen_by_the_other(tmp_path):
    assert os.environ.get("REDIS_URL"), "this test needs REDIS_URL (two instances share it)"
    url, drop = new_force("sqlite", tmp_path)
    try:
        assert engine_import(url, "areas", AREAS_CSV) == "applied"
        assert engine_import(url, "referrals", recent_referrals(12)) == "applied"
        shared = {"CACHE_KEY_PREFIX": f"shared-{uuid.uuid4().hex[:8]}:",
                  "JOBS_DIR": str(tmp_path / "jobs")}  # fmt: skip
        first, second = force_app(url, **shared), force_app(url, **shared)
        assert first.server.config["CACHE_TYPE"] == "RedisCache"

        areas, card = workload_figures(first)
        assert areas == ["North", "South"] and "'12'" in card
        assert workload_figures(first) == (areas, card)  # now served from the shared cache

        with second.server.app_context(), db.session() as session:
            org = org_id_for_code(session, FORCE)
            before = data_version(session, org)
            for kind, text in (("areas", "code,name\nE,East\n"),
                               ("referrals", recent_referrals(5, start=100))):  # fmt: skip
                source = Source(text.encode(), f"{kind}.csv", kind)
                assert apply_import(session, org, source, "second").status == "applied"
            assert data_version(session, org) == before + 2

        areas, card = workload_figures(first)
        assert areas == ["East", "North", "South"]
        assert "'17'" in card
    finally:
        drop()

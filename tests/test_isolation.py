"""A user of one organisation gets nothing of another's, whatever ids or filters it sends."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.db import make_engine
from data_access.models import Area, Organisation, Referral
from tests.conftest import login
from tests.dash_client import call, find_callback, response_data, server_callbacks


@pytest.fixture(scope="module")
def orgs(demo_url):
    engine = make_engine(demo_url)
    with Session(engine) as session:
        ids = dict(session.execute(select(Organisation.code, Organisation.id)).all())
        areas = {
            code: set(session.scalars(select(Area.code).where(Area.organisation_id == oid)))
            for code, oid in ids.items()
        }
        names = {
            code: set(session.scalars(select(Area.name).where(Area.organisation_id == oid)))
            for code, oid in ids.items()
        }
        logs = set(
            session.scalars(
                select(Referral.log_number).where(Referral.organisation_id == ids["DVP"])
            )
        )
        nsc_total = session.scalar(
            select(func.count()).select_from(Referral).where(Referral.organisation_id == ids["NSC"])
        )
    engine.dispose()
    return {"ids": ids, "areas": areas, "names": names, "dvp_logs": logs, "nsc_total": nsc_total}


def test_other_organisation_never_appears_in_any_callback(app, client, orgs):
    assert login(client, "nsc_leadership").status_code == 302
    dvp_area_names = orgs["names"]["DVP"] - orgs["names"]["NSC"]
    probes = [None, *sorted(orgs["areas"]["DVP"]), "36m"]
    checked = 0
    for callback in server_callbacks(app):
        if "_pages_content" in callback["output"]:
            continue
        for probe in probes:
            values = {}
            for dep in callback["inputs"] + callback["state"]:
                key = f"{dep['id']}.{dep['property']}"
                if dep["property"] == "data" and dep["id"].endswith("-filters"):
                    values[key] = {"query": {"period": "36m", "area": probe}, "search": ""}
                elif dep["id"].endswith("-area"):
                    values[key] = probe
                elif dep["property"] == "n_clicks":
                    values[key] = 1
            response = call(client, callback, values)
            if response.status_code == 403:  # not this role's page: refused, nothing sent
                assert "forbidden" in response.get_data(as_text=True)
                continue
            assert response.status_code in (200, 204), (callback["output"], response.status_code)
            body = response.get_data(as_text=True)
            assert not any(name in body for name in dvp_area_names), callback["output"]
            assert not any(log in body for log in list(orgs["dvp_logs"])[:200])
            checked += 1
    print(f"isolation: {checked} callback calls checked as nsc_leadership")
    assert checked > 10


def test_other_organisation_area_filter_falls_back_to_own_figures(app, client, orgs):
    login(client, "nsc_leadership")
    callback = find_callback(app, "overview-trend.children")
    dvp_area = sorted(orgs["areas"]["DVP"] - orgs["areas"]["NSC"])[0]
    store = {"query": {"period": "36m", "area": dvp_area}, "search": ""}
    data = response_data(call(client, callback, {"overview-filters.data": store}))
    text = json.dumps(data)
    assert "Total: " in text
    total = int(text.split("Total: ")[1].split(".")[0].replace(",", ""))
    assert 0 < total <= orgs["nsc_total"]

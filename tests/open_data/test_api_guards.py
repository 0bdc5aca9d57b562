"""The API's guards: rate limit per address, audit of every download, formula-safe CSV."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.db import make_engine
from data_access.models import Action, Area, AuditEvent, Commitment, Organisation, Referral
from tests.conftest import app_config, session_on
from tests.open_data.helpers import csv_rows


def test_api_is_rate_limited_per_address(demo_url):
    from dashboard import create_app

    limited = create_app(app_config(demo_url, OPEN_DATA_RATE_LIMIT="3 per minute"))
    client = limited.server.test_client()
    client.get("/")
    codes = [client.get("/api/v1/datasets/commitments.json").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = client.get("/api/v1/datasets")
    assert refused.status_code == 429 and "Too many requests" in refused.get_json()["error"]
    other = client.get("/api/v1/datasets", environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200


def test_every_api_download_is_audited(api, demo_url):
    def downloads() -> int:
        with session_on(demo_url) as session:
            return session.scalar(
                select(func.count(AuditEvent.id)).where(
                    AuditEvent.action == "download", AuditEvent.target == "api:events.csv"
                )
            )

    before = downloads()
    assert api("public").get("/api/v1/datasets/events.csv?from=2025-01").status_code == 200
    assert downloads() == before + 1


def test_refused_api_request_is_audited(api, demo_url):
    api("public").get("/api/v1/datasets/channel_volumes.json")
    with session_on(demo_url) as session:
        target = session.scalar(
            select(AuditEvent.target)
            .where(AuditEvent.action == "access_refused")
            .order_by(AuditEvent.id.desc())
            .limit(1)
        )
    assert target == "route:/api/v1/datasets/channel_volumes.json"


def _formula_force(session: Session) -> None:
    org = Organisation(code="FRM", name="Formula force")
    session.add(org)
    session.flush()
    area = Area(organisation_id=org.id, code="=A1", name="@Evil", population=1000)
    session.add(area)
    session.flush()
    session.add(
        Commitment(
            organisation_id=org.id,
            code="C-01",
            key_point="accountability",
            text='=HYPERLINK("http://x","y")',
            owner="+Chief",
            status="in_progress",
            is_public=True,
        )
    )
    session.add(
        Action(
            organisation_id=org.id,
            code="A-1",
            raised_on=date(2025, 3, 4),
            forum="-forum",
            issue="\tissue",
            owner="owner",
            response="@SUM(A1)",
            is_public=True,
        )
    )
    session.add(
        Referral(
            organisation_id=org.id,
            area_id=area.id,
            log_number="L1",
            strand="homophobic",
            incident_type="crime",
            channel="999",
            reported_on=date(2025, 3, 1),
        )
    )


@pytest.fixture
def formula_client(empty_url):
    from dashboard import create_app

    engine = make_engine(empty_url)
    with Session(engine) as session:
        _formula_force(session)
        session.commit()
    engine.dispose()
    app = create_app(app_config(empty_url, PUBLIC_ORG="FRM"))
    client = app.server.test_client()
    client.get("/")
    return client


def test_csv_neutralises_spreadsheet_formulas(formula_client):
    text = formula_client.get("/api/v1/datasets/commitments.csv").data.decode("utf-8")
    _header, rows = csv_rows(text)
    assert rows[0]["commitment"] == '\'=HYPERLINK("http://x","y")'
    assert rows[0]["owner"] == "'+Chief"
    _header, rows = csv_rows(formula_client.get("/api/v1/datasets/actions.csv").data.decode())
    assert (rows[0]["forum"], rows[0]["issue"], rows[0]["response"]) == (
        "'-forum",
        "'\tissue",
        "'@SUM(A1)",
    )
    _header, rows = csv_rows(
        formula_client.get("/api/v1/datasets/referral_rates.csv").data.decode()
    )
    assert rows[0]["area"] == "'=A1" and rows[0]["area_name"] == "'@Evil"
    json_rows = formula_client.get("/api/v1/datasets/commitments.json").get_json()["rows"]
    assert json_rows[0]["commitment"].startswith("=")  # JSON is data, not a spreadsheet

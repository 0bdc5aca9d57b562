"""A new force built by the importer (no demo data), its users, and driving the import page's
callbacks (background ones included) over HTTP like the browser does."""

from __future__ import annotations

import base64
import re
import time
from pathlib import Path

from sqlalchemy.orm import Session

from data_access.db import make_engine
from data_access.imports import Source, apply_import
from data_access.organisations import create_organisation, org_id_for_code
from data_access.users import create_user
from tests.conftest import app_config, login, new_database
from tests.dash_client import find_callback, request_body

FORCE = "NEWF"
PASSWORD = "new-force-password"
USERS = {"coordinator": "newf_coord", "leadership": "newf_lead", "network": "newf_net",
         "partner": "newf_partner", "admin": "newf_admin"}  # fmt: skip
AREAS_CSV = "code,name,population,population_source\nN,North,120000,ONS 2023\nS,South,80000,\n"
REFERRALS_HEADER = "log_number,area_code,strand,incident_type,channel,occurred_on,reported_on"


def referrals_csv(*rows: str) -> str:
    return REFERRALS_HEADER + "\n" + "".join(row + "\n" for row in rows)


def recent_referrals(count: int, start: int = 1) -> str:
    """`count` valid referrals reported in the last months (so the default period shows them)."""
    from datetime import date, timedelta

    day = date.today() - timedelta(days=40)
    rows = [f"R{n:05d},{'NS'[n % 2]},homophobic,crime,online,{day},{day}"
            for n in range(start, start + count)]  # fmt: skip
    return referrals_csv(*rows)


def engine_import(url: str, kind: str, text: str, org: str = FORCE) -> str:
    """Import through the engine directly (as the command line does); the status."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            source = Source(text.encode("utf-8"), f"{kind}.csv", kind)
            return apply_import(session, org_id_for_code(session, org), source, "cli").status
    finally:
        engine.dispose()


def new_force(backend: str, tmp_dir: Path) -> tuple[str, object]:
    """A database holding one organisation made by `create-org`'s engine call, with a user per
    role; its URL and drop function."""
    url, drop = new_database(backend, tmp_dir)
    engine = make_engine(url)
    with Session(engine) as session:
        create_organisation(session, FORCE, "A new force")
        for role, username in USERS.items():
            create_user(session, username, PASSWORD, role, FORCE)
        session.commit()
    engine.dispose()
    return url, drop


def force_app(url: str, **extra):
    from dashboard import create_app

    app = create_app(app_config(url, **extra))
    app.server.test_client().get("/")
    return app


def signed_in(app, role: str):
    client = app.server.test_client()
    if role != "public":
        assert login(client, USERS[role], PASSWORD).status_code == 302
    return client


def data_url(data: bytes, mime: str = "text/csv") -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")


def end_id(client, path: str = "/import") -> str:
    """The page load's signed token that background-callback handles are bound to."""
    page = client.get(path).get_data(as_text=True)
    match = re.search(r'"end_id":\s*"([^"]+)"', page)
    assert match, "no end_id in the page config"
    return match.group(1)


def start_background(client, app, fragment: str, values: dict, token: str) -> tuple[dict, str]:
    """Start a background callback; (its callback, the poll address with the signed handles)."""
    callback = find_callback(app, fragment)
    started = client.post(f"/_dash-update-component?endId={token}",
                          json=request_body(callback, values))  # fmt: skip
    assert started.status_code == 200, started.get_data(as_text=True)[:300]
    handles = started.get_json()
    assert "cacheKey" in handles and "job" in handles, handles
    url = (f"/_dash-update-component?endId={token}&cacheKey={handles['cacheKey']}"
           f"&job={handles['job']}")  # fmt: skip
    return callback, url


def poll_background(client, callback: dict, url: str) -> tuple[dict | None, dict | None]:
    """One poll as the renderer sends it (values cleared): (final response or None, progress)."""
    answer = client.post(url, json=request_body(callback, {}))
    assert answer.status_code in (200, 204), answer.get_data(as_text=True)[:300]
    data = answer.get_json() if answer.status_code == 200 else {}
    return data.get("response"), data.get("progress")


def run_background(client, app, fragment: str, values: dict, token: str, timeout: float = 60):
    """Start a background callback and poll it like the renderer; (final JSON, progress seen)."""
    callback, url = start_background(client, app, fragment, values, token)
    progress, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        response, step = poll_background(client, callback, url)
        if step:
            progress.append(step)
        if response is not None:
            return response, progress
        time.sleep(0.1)
    raise AssertionError(f"background callback {fragment} did not finish in {timeout}s")

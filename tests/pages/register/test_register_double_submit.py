"""The register's forms against double submits and missing choices: the save button is disabled
while saving, a saved form is cleared, a repeated save is refused with a message."""

from __future__ import annotations

import json

import pytest

from tests.dash_client import call, find_callback, response_data
from tests.pages.register.helpers import FORMS, form_values, state


@pytest.mark.parametrize("form", ["add", "edit", "review", "target"])
def test_each_save_button_is_disabled_while_saving(app, form):
    callback = find_callback(app, f"register-{form}-message.children")
    button = f"register-{form}-save.disabled"
    assert callback.get("running") == {"running": {button: True}, "runningOff": {button: False}}


def test_a_repeated_add_is_refused_and_the_form_cleared_after_the_first(app, login_as, database):
    client = login_as("coordinator")
    callback = find_callback(app, "register-add-message.children")
    values = {**FORMS["add"], "text": "Quarterly public report on hate crime outcomes"}
    first = response_data(call(client, callback, form_values("add", **values)))
    assert "added" in json.dumps(first["register-add-message"])
    assert first["register-add-text"]["value"] is None
    assert first["register-add-owner"]["value"] is None
    assert first["register-add-status"]["value"] == "not_started"
    before = state(database)
    second = response_data(call(client, callback, form_values("add", **values)))
    text = json.dumps(second["register-add-message"])
    assert "Nothing was saved" in text and "already in the register as C-" in text
    assert "register-add-saved" not in second
    assert "register-add-text" not in second  # a refused form keeps what was typed
    assert state(database) == before


def test_a_repeated_review_is_refused(app, login_as, database):
    client = login_as("coordinator")
    callback = find_callback(app, "register-review-message.children")
    values = {**FORMS["review"], "code": "C-02", "forum": "Newport Pride Forum"}
    first = response_data(call(client, callback, form_values("review", **values)))
    assert first["register-review-saved"]["data"]
    assert first["register-review-forum"]["value"] is None
    before = state(database)
    second = response_data(call(client, callback, form_values("review", **values)))
    assert "review of C-02 on" in json.dumps(second["register-review-message"])
    assert state(database) == before


@pytest.mark.parametrize("form", ["edit", "review"])
def test_saving_without_a_commitment_asks_to_choose_one(app, login_as, database, form):
    client = login_as("coordinator")
    before = state(database)
    callback = find_callback(app, f"register-{form}-message.children")
    answer = call(client, callback, form_values(form, **{**FORMS[form], "code": None}))
    text = json.dumps(response_data(answer))
    assert "Commitment: " in text and "Choose a commitment." in text
    assert "No such commitment" not in text
    assert state(database) == before


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0.0001", "Enter a whole number"),
        ("1e300", "Enter a plain number"),
        ("1_0", "Enter a plain number"),
        ("٣", "Enter a plain number"),
        ("400", "Enter a number of days from 0 to 365."),
    ],
)
def test_target_nonsense_gets_a_field_message(app, login_as, database, value, message):
    client = login_as("coordinator")
    before = state(database)
    callback = find_callback(app, "register-target-message.children")
    values = {**FORMS["target"], "kpi": "offer_within_days", "target_value": value}
    text = json.dumps(response_data(call(client, callback, form_values("target", **values))))
    assert "Target value: " in text and message in text
    assert state(database) == before


def test_overlapping_target_is_refused_with_the_other_period(app, login_as, database):
    client = login_as("coordinator")
    callback = find_callback(app, "register-target-message.children")
    values = {**FORMS["target"], "kpi": "training_coverage", "target_value": "80"}
    text = json.dumps(response_data(call(client, callback, form_values("target", **values))))
    assert "The open-ended target from " in text and "already covers this period" in text


def test_a_click_on_the_form_a_save_just_cleared_changes_nothing(app, login_as, database):
    client = login_as("coordinator")
    callback = find_callback(app, "register-add-message.children")
    cleared = {"key_point": None, "text": None, "owner": None, "due_on": None,
               "status": "not_started", "evidence": None, "is_public": True}  # fmt: skip
    values = form_values("add", **cleared)
    before = state(database)
    assert (
        call(client, callback, {**values, "register-add-saved.data": "2026-01-01"}).status_code
        == 204
    )
    refused = json.dumps(response_data(call(client, callback, values)))
    assert "This is required." in refused  # an empty form never saved still says why
    assert state(database) == before

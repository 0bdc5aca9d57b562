"""Recording events and actions: validation (field errors, nothing saved), duplicates refused,
changes audited with old and new values and readable as the record's history."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from data_access import engagement_records as records
from data_access.models import Action, AuditEvent, CommunityEvent

TODAY = date(2026, 4, 10)
EVENT = {"held_on": "2026-04-02", "area": "S", "event_type": "outreach", "title": "Stall",
         "partners": "Alpha", "attendance": "40", "police_attending": "2",
         "senior_officer_present": True, "lo_present": False, "themes": "reporting"}  # fmt: skip


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_an_event_is_added_numbered_and_audited(session, org):
    code, changed = records.save_event(session, org, "coordinator", EVENT, TODAY)
    assert code == "EV-001" and "title" in changed
    event = records.find(session, org, "event", code)
    assert (event.attendance, event.police_attending, event.area_id is not None) == (40, 2, True)
    audit = session.scalar(select(AuditEvent).where(AuditEvent.target == "community_event:EV-001"))
    assert audit.action == "record_change" and audit.username == "coordinator"


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"title": ""}, "title", "required"),
        ({"held_on": "2026-05-01"}, "held_on", "date_too_late"),
        ({"held_on": "2026-02-30"}, "held_on", "bad_date"),
        ({"attendance": "12.5"}, "attendance", "not_whole"),
        ({"attendance": "-3"}, "attendance", "negative"),
        ({"area": "ZZ"}, "area", "not_allowed"),
        ({"event_type": "party"}, "event_type", "not_allowed"),
        ({"themes": "call me on 07700 900123"}, "themes", "contact_details"),
        ({"partners": "someone@example.org"}, "partners", "contact_details"),
    ],
)
def test_invalid_event_input_saves_nothing(session, org, changes, field, code):
    before = count(session, CommunityEvent), count(session, AuditEvent)
    with pytest.raises(records.ValidationError) as refused:
        records.save_event(session, org, "coordinator", {**EVENT, **changes}, TODAY)
    assert refused.value.errors[field][0] == code
    assert (count(session, CommunityEvent), count(session, AuditEvent)) == before


def test_a_duplicate_event_is_refused(session, org):
    records.save_event(session, org, "coordinator", EVENT, TODAY)
    with pytest.raises(records.ValidationError) as refused:
        records.save_event(session, org, "coordinator", {**EVENT, "title": "STALL"}, TODAY)
    assert refused.value.errors == {"code": ("duplicate", {})}


def test_an_edit_keeps_its_history(session, org):
    code, _changed = records.save_event(session, org, "coordinator", EVENT, TODAY)
    again = records.save_event(session, org, "coordinator", {**EVENT, "attendance": "55"}, TODAY,
                               code)  # fmt: skip
    assert again == (code, ["attendance"])
    assert records.save_event(session, org, "coordinator", {**EVENT, "attendance": "55"}, TODAY,
                              code) == (code, [])  # fmt: skip
    history = records.history(session, org, "event", code)
    assert list(history.loc[0, ["field", "old", "new"]]) == ["attendance", "40", "55"]
    assert len(history) == len(EVENT) + 1  # the first save: every field; then one change


def test_an_action_done_needs_a_response_and_other_forces_records_are_not_found(session, org):
    action = {"raised_on": "2026-04-01", "forum": "Forum", "issue": "More surgeries",
              "theme": "liaison scheme", "owner": "Head of CCT", "status": "done",
              "due_on": "", "response": "", "is_public": True}  # fmt: skip
    with pytest.raises(records.ValidationError) as refused:
        records.save_action(session, org, "coordinator", action, TODAY)
    assert refused.value.errors == {"response": ("response_needed", {})}
    code, _ = records.save_action(session, org, "coordinator",
                                  {**action, "status": "open"}, TODAY)  # fmt: skip
    assert code == "A-001" and count(session, Action) == 7  # the dataset codes have no dash
    with pytest.raises(records.NotFound):
        records.save_action(session, org, "coordinator", {**action, "status": "open"}, TODAY,
                            "A-999")  # fmt: skip

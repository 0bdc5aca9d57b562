"""The commitments register store: validated, audited, organisation-scoped edits."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from data_access import audit
from data_access import commitments as store
from data_access.models import (
    AuditEvent,
    Commitment,
)
from tests.data_access.helpers import records
from tests.data_access.register.data import (
    ACC,
    DCC,
    TODAY,
    count,
    org,
    snapshot,
)

# --- edits ------------------------------------------------------------------------------------


def test_update_writes_one_history_row_per_changed_field_and_an_audit_row(session):
    changed = store.update_commitment(
        session,
        org(session),
        "coordinator.one",
        "C-02",
        {
            "text": "Commitment C-02",
            "owner": "Chief Constable",
            "due_on": "2025-03-31",
            "status": "in_progress",
            "evidence": "",
            "is_public": True,
        },
    )
    assert changed == ["owner", "due_on"]
    rows = records(store.history(session, org(session), "C-02"))[:2]
    assert {(r[1], r[2], r[3], r[4]) for r in rows} == {
        ("coordinator.one", "owner", DCC, "Chief Constable"),
        ("coordinator.one", "due_on", "2024-06-30", "2025-03-31"),
    }
    commitment = store.find_commitment(session, org(session), "C-02")
    assert (commitment.owner, commitment.due_on, commitment.revision) == (
        "Chief Constable",
        date(2025, 3, 31),
        2,
    )
    event = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (event.action, event.username, event.target) == (
        "record_change",
        "coordinator.one",
        "commitment:C-02",
    )
    assert json.loads(event.detail) == {
        "due_on": {"new": "2025-03-31", "old": "2024-06-30"},
        "owner": {"new": "Chief Constable", "old": DCC},
    }
    assert event.organisation_id == org(session)
    assert audit.verify(session) is None


def test_owner_changes_are_all_kept(session):
    org_id = org(session)
    store.update_commitment(session, org_id, "coord", "C-02", {"owner": "Chief Constable"})
    store.update_commitment(session, org_id, "coord", "C-02", {"owner": "Head of Cohesion"})
    owners = [
        (r[3], r[4]) for r in records(store.history(session, org_id, "C-02")) if r[2] == "owner"
    ]
    assert owners == [("Chief Constable", "Head of Cohesion"), (DCC, "Chief Constable"), (ACC, DCC)]
    assert store.find_commitment(session, org_id, "C-02").revision == 3
    assert audit.verify(session) is None


def test_update_with_nothing_changed_writes_nothing(session):
    before = snapshot(session)
    assert store.update_commitment(session, org(session), "c", "C-01", {"owner": DCC}) == []
    assert snapshot(session) == before


INVALID_UPDATES = [
    ({"owner": "  "}, "owner", "required"),
    ({"owner": "x" * 121}, "owner", "too_long"),
    ({"text": "y" * 501}, "text", "too_long"),
    ({"due_on": "31/12/2025"}, "due_on", "bad_date"),
    ({"due_on": "2025-02-30"}, "due_on", "bad_date"),
    ({"due_on": "1999-12-31"}, "due_on", "date_too_early"),
    ({"due_on": ""}, "due_on", "required"),
    ({"status": "done"}, "status", "not_allowed"),
    ({"status": ["met"]}, "status", "not_allowed"),
    ({"status": "met", "evidence": ""}, "evidence", "evidence_needed"),
    ({"evidence": "Ask jo.bloggs@example.org"}, "evidence", "contact_details"),
    ({"evidence": "Victim rang 07700 900123"}, "evidence", "contact_details"),
    ({"owner": "DCC, tel +44 (0)1633 838111"}, "owner", "contact_details"),
]


@pytest.mark.parametrize(("values", "field", "code"), INVALID_UPDATES)
def test_invalid_update_is_refused_and_saves_nothing(session, values, field, code):
    before = snapshot(session)
    changes = {"owner": "Someone new", **values}  # a valid change alongside the invalid one
    with pytest.raises(store.ValidationError) as refused:
        store.update_commitment(session, org(session), "coord", "C-02", changes)
    assert refused.value.errors[field][0] == code
    assert snapshot(session) == before


def test_add_commitment_numbers_it_and_records_every_field(session):
    org_id = org(session)
    values = {
        "key_point": "reporting_channels",
        "text": "Third-party reporting in every area",
        "owner": "Head of Contact",
        "due_on": date(2025, 9, 30),
        "status": "not_started",
        "evidence": None,
        "is_public": False,
    }
    added = store.add_commitment(session, org_id, "coord", values)
    assert (added.code, added.revision, added.is_public) == ("C-06", 1, False)
    rows = records(store.history(session, org_id, "C-06", include_private=True))
    assert {r[2]: (r[3], r[4]) for r in rows} == {
        "key_point": (None, "reporting_channels"),
        "text": (None, values["text"]),
        "owner": (None, "Head of Contact"),
        "due_on": (None, "2025-09-30"),
        "status": (None, "not_started"),
        "evidence": (None, None),
        "is_public": (None, "false"),
    }
    assert "C-06" not in set(store.register(session, org_id, TODAY)["code"])
    assert "C-06" in set(store.register(session, org_id, TODAY, include_private=True)["code"])
    again = {**values, "text": "Third-party reporting in every town", "is_public": True}
    assert store.add_commitment(session, org_id, "coord", again).code == "C-07"
    assert audit.verify(session) is None


def test_invalid_add_saves_nothing_and_names_every_problem(session):
    before = snapshot(session)
    with pytest.raises(store.ValidationError) as refused:
        store.add_commitment(
            session,
            org(session),
            "coord",
            {"key_point": "unknown", "text": "", "owner": "A", "due_on": "2025-13-01"},
        )
    assert {f: c for f, (c, _p) in refused.value.errors.items()} == {
        "key_point": "not_allowed",
        "text": "required",
        "due_on": "bad_date",
        "status": "required",
    }
    assert snapshot(session) == before
    assert count(session, Commitment) == 7


def test_other_organisations_records_are_not_found(session):
    knw, before = org(session), snapshot(session)
    for code in ("X-09", ["C-01"]):
        with pytest.raises(store.NotFound):
            store.update_commitment(session, knw, "coord", code, {"owner": "Someone"})
        with pytest.raises(store.NotFound):
            store.add_review(session, knw, "coord", code, {"forum": "F"}, TODAY)
    for code in ("", None):  # none chosen: the field is required, not "not found"
        with pytest.raises(store.ValidationError) as none_chosen:
            store.update_commitment(session, knw, "coord", code, {"owner": "Someone"})
        assert none_chosen.value.errors == {"code": ("choose_commitment", {})}
        assert not isinstance(none_chosen.value, store.NotFound)
        with pytest.raises(store.ValidationError) as none_chosen:
            store.add_review(session, knw, "coord", code, {"forum": "F"}, TODAY)
        assert none_chosen.value.errors["code"] == ("choose_commitment", {})
        assert set(none_chosen.value.errors) == {"code", "reviewed_on", "verdict"}
    assert snapshot(session) == before
    store.update_commitment(session, knw, "coord", "C-01", {"owner": "Someone"})
    other = store.find_commitment(session, org(session, "OTH"), "C-01")
    assert (other.owner, other.revision) == ("Chief Constable", 1)

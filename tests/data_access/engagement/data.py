"""A small hand-made engagement dataset (organisation ENG, areas N and S; decoy DEC)."""

from __future__ import annotations

from datetime import date as d

from sqlalchemy.orm import Session

from data_access.models import Action, Area, CommunityEvent, Organisation

# code: (held, area, type, partners, attendance, police, senior, lo, themes)
EVENTS = {
    "E1": (d(2026, 1, 10), "N", "pride", "Alpha, Beta", 100, 10, True, True,
           "reporting,visibility"),
    "E2": (d(2026, 2, 5), "N", "forum", "Alpha", 20, 2, False, True, "reporting"),
    "E3": (d(2026, 3, 1), "S", "vigil", None, None, 3, True, False, "trans safety"),
    "E4": (d(2026, 3, 20), None, "campaign", "Beta", 50, 1, False, False, None),
    "E5": (d(2025, 12, 31), "N", "forum", "Alpha", 30, 2, True, True, "reporting"),
}  # fmt: skip
# code: (raised, theme, status)
ACTIONS = {
    "A1": (d(2026, 1, 12), "reporting", "done"),
    "A2": (d(2026, 2, 6), "reporting", "open"),
    "A3": (d(2026, 2, 6), "data", "in_progress"),
    "A4": (d(2025, 11, 1), "reporting", "done"),
    "A5": (d(2026, 2, 7), None, "open"),
}


def build(session: Session) -> None:
    eng, dec = Organisation(code="ENG", name="Engagement"), Organisation(code="DEC", name="D")
    session.add_all([eng, dec])
    session.flush()
    areas = {code: Area(organisation_id=eng.id, code=code, name=f"Area {code}")
             for code in ("N", "S")}  # fmt: skip
    decoy = Area(organisation_id=dec.id, code="N", name="Decoy")
    session.add_all([*areas.values(), decoy])
    session.flush()
    for code, (held, area, kind, partners, people, police, senior, lo, themes) in EVENTS.items():
        session.add(CommunityEvent(
            organisation_id=eng.id, code=code, held_on=held,
            area_id=areas[area].id if area else None, event_type=kind, title=code,
            partners=partners, attendance=people, police_attending=police,
            senior_officer_present=senior, lo_present=lo, themes=themes,
        ))  # fmt: skip
    session.add(CommunityEvent(organisation_id=dec.id, code="X", held_on=d(2026, 2, 1),
                               area_id=decoy.id, event_type="pride", title="X",
                               partners="Alpha", attendance=999, police_attending=9,
                               senior_officer_present=True, lo_present=True,
                               themes="reporting"))  # fmt: skip
    for code, (raised, theme, status) in ACTIONS.items():
        session.add(Action(organisation_id=eng.id, code=code, raised_on=raised, forum="F",
                           issue=code, owner="O", status=status, theme=theme,
                           response="R" if status == "done" else None))  # fmt: skip
    session.add(Action(organisation_id=dec.id, code="A1", raised_on=d(2026, 1, 12), forum="F",
                       issue="X", owner="O", status="open", theme="reporting"))  # fmt: skip
    session.flush()

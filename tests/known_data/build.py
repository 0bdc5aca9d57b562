"""Builds the known dataset: both organisations and their areas, then every module's records."""

from __future__ import annotations

from sqlalchemy.orm import Session

from data_access.models import Area, Organisation
from tests.known_data.events_targets import add_events, add_targets
from tests.known_data.identities import AREA_NAMES, ORG, OTHER_ORG, POPULATIONS
from tests.known_data.officers import add_officers
from tests.known_data.referrals import add_referrals
from tests.known_data.training import add_training, add_workforce


def build_known_dataset(session: Session) -> None:
    """Insert both organisations' records (the caller commits)."""
    knw = Organisation(code=ORG, name="Known Constabulary")
    oth = Organisation(code=OTHER_ORG, name="Other Police")
    session.add_all([knw, oth])
    session.flush()

    areas = {
        code: Area(organisation_id=knw.id, code=code, name=AREA_NAMES[code], population=pop)
        for code, pop in POPULATIONS.items()
    }
    oth_area = Area(organisation_id=oth.id, code="AA", name="Other Alpha", population=80_000)
    session.add_all([*areas.values(), oth_area])
    session.flush()
    oth_areas = {"AA": oth_area}

    officers, oth_officers = add_officers(session, knw, oth, areas, oth_area)
    add_referrals(session, knw, oth, areas, oth_areas, officers, oth_officers)
    add_workforce(session, knw, oth, areas, oth_area)
    add_training(session, knw, oth, areas, oth_area)
    add_events(session, knw, oth, areas, oth_area)
    add_targets(session, knw, oth)
    session.flush()

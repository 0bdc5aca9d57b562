"""The migrations build exactly the models' schema, and the training count changes are
backfilled for a database that already holds training records."""

from __future__ import annotations

from datetime import date

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.db import make_engine
from data_access.migrate import alembic_config
from data_access.models import Base, Organisation, TrainingStatusChange
from data_access.training_status import rebuild_changes
from tests.data_access.training.data import build


def test_the_migrated_schema_is_the_models_schema(empty_url):
    engine = make_engine(empty_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def _changes(session: Session) -> set:
    return {
        (c.organisation_id, c.measure, c.course_kind, c.area_id, c.rank, c.unit, c.day, c.change)
        for c in session.scalars(select(TrainingStatusChange))
    }


def _migrate(engine, action: str, revision: str) -> None:
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        getattr(command, action)(config, revision)


def test_upgrading_an_existing_database_backfills_the_count_changes(empty_url):
    engine = make_engine(empty_url)
    with Session(engine) as session:
        build(session)
        session.commit()
        expected = _changes(session)
    assert expected
    _migrate(engine, "downgrade", "0006_scrutiny")
    _migrate(engine, "upgrade", "head")
    with Session(engine) as session:
        assert _changes(session) == expected
        org = session.scalar(select(Organisation.id).where(Organisation.code == "TRN"))
        rebuild_changes(session, org)
        assert _changes(session) == expected
        assert any(row[6] > date(2000, 1, 1) for row in expected)
    engine.dispose()

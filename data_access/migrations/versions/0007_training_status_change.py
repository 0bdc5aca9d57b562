"""training status changes: by how much each "as at" training count changes on a day

Revision ID: 0007_training_status_change
Revises: 0006_scrutiny
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_training_status_change"
down_revision = "0006_scrutiny"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "training_status_change",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(length=16), nullable=False),
        sa.Column("course_kind", sa.String(length=32), nullable=False),
        sa.Column("area_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("rank", sa.String(length=32), nullable=False),
        sa.Column("unit", sa.String(length=32), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("change", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_training_status_change_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "organisation_id", "measure", "course_kind", "area_id", "rank", "unit", "day",
            name=op.f("pk_training_status_change"),
        ),  # fmt: skip
    )
    _backfill()


def _backfill() -> None:
    """Existing databases: each organisation's changes from its stored training status."""
    from sqlalchemy.orm import Session

    from data_access.training_status import rebuild_changes

    session = Session(bind=op.get_bind())
    for org_id in session.execute(sa.text("SELECT id FROM organisation")).scalars().all():
        rebuild_changes(session, org_id)
    session.flush()


def downgrade() -> None:
    op.drop_table("training_status_change")

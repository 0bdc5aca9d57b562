"""training counts at scale: the status's count changes per day, previous-completion links on
attendance and per-session tallies

Revision ID: 0007_training_counts
Revises: 0006_scrutiny
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_training_counts"
down_revision = "0006_scrutiny"
branch_labels = None
depends_on = None


def _org_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["organisation_id"],
        ["organisation.id"],
        name=op.f(f"fk_{table}_organisation_id_organisation"),
        ondelete="CASCADE",
    )


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
        _org_fk("training_status_change"),
        sa.PrimaryKeyConstraint(
            "organisation_id", "measure", "course_kind", "area_id", "rank", "unit", "day",
            name=op.f("pk_training_status_change"),
        ),  # fmt: skip
    )
    with op.batch_alter_table("training_attendance", schema=None) as batch_op:
        batch_op.add_column(sa.Column("previous_completion_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("previous_completion_in_area_on", sa.Date(), nullable=True)
        )
    op.create_table(
        "training_session_tally",
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("area_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("completed", sa.Boolean(), nullable=False),
        sa.Column("previous_on", sa.Date(), nullable=False),
        sa.Column("previous_in_area_on", sa.Date(), nullable=False),
        sa.Column("attended", sa.Integer(), nullable=False),
        sa.Column("scored", sa.Integer(), nullable=False),
        sa.Column("pre_sum", sa.Double(), nullable=False),
        sa.Column("post_sum", sa.Double(), nullable=False),
        sa.Column("followed_up", sa.Integer(), nullable=False),
        sa.Column("followup_sum", sa.Double(), nullable=False),
        _org_fk("training_session_tally"),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["training_session.id"],
            name=op.f("fk_training_session_tally_session_id_training_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "organisation_id", "session_id", "area_id", "completed", "previous_on",
            "previous_in_area_on", name=op.f("pk_training_session_tally"),
        ),  # fmt: skip
    )
    _backfill()


def _backfill() -> None:
    """Existing databases: each organisation's count changes from its stored training status,
    its previous-completion links and its session tallies from its attendance."""
    from sqlalchemy.orm import Session

    from data_access.training_status import rebuild_changes
    from data_access.training_tally import rebuild_tallies

    session = Session(bind=op.get_bind())
    for org_id in session.execute(sa.text("SELECT id FROM organisation")).scalars().all():
        rebuild_changes(session, org_id)
        rebuild_tallies(session, org_id)
    session.flush()


def downgrade() -> None:
    op.drop_table("training_session_tally")
    with op.batch_alter_table("training_attendance", schema=None) as batch_op:
        batch_op.drop_column("previous_completion_in_area_on")
        batch_op.drop_column("previous_completion_on")
    op.drop_table("training_status_change")

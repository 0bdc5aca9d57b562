"""training person status: one version per person, course kind and completion date

Revision ID: 0004_training_status
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_training_status"
down_revision = "0003_imports"
branch_labels = None
depends_on = None

RANKS = ("constable", "sergeant", "inspector", "chief_inspector", "superintendent",
         "chief_officer", "police_staff", "pcso")  # fmt: skip
UNITS = ("response", "neighbourhood", "cid", "control_room", "custody", "support",
         "headquarters")  # fmt: skip
KINDS = ("lo_induction", "awareness", "investigation", "train_the_trainer",
         "leadership_briefing", "refresher")  # fmt: skip


def _vocab(values, name):
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    op.create_table(
        "training_person_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_code", sa.String(length=32), nullable=False),
        sa.Column("course_kind", _vocab(KINDS, "course_kind"), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.Column("valid_to", sa.Date(), nullable=False),
        sa.Column("first_completed_on", sa.Date(), nullable=False),
        sa.Column("refresher_due_on", sa.Date(), nullable=True),
        sa.Column("rank", _vocab(RANKS, "rank_code"), nullable=False),
        sa.Column("unit", _vocab(UNITS, "unit_code"), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["area.id"],
            name=op.f("fk_training_person_status_area_id_area"),
            ondelete="SET NULL",
        ),  # fmt: skip
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_training_person_status_organisation_id_organisation"),
            ondelete="CASCADE",
        ),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_person_status")),
        sa.UniqueConstraint(
            "organisation_id",
            "person_code",
            "course_kind",
            "valid_from",
            name=op.f(
                "uq_training_person_status_organisation_id_person_code_course_kind_valid_from"
            ),
        ),  # fmt: skip
    )
    with op.batch_alter_table("training_person_status", schema=None) as batch_op:
        batch_op.create_index(
            "ix_training_person_status_org_kind_to",
            ["organisation_id", "course_kind", "valid_to", "valid_from", "area_id", "rank", "unit"],
        )
        batch_op.create_index(
            "ix_training_person_status_org_to",
            ["organisation_id", "valid_to", "valid_from", "refresher_due_on", "area_id",
             "person_code", "course_kind"],
        )
        batch_op.create_index(
            batch_op.f("ix_training_person_status_organisation_id"), ["organisation_id"]
        )
    _backfill()


def _backfill() -> None:
    """Existing databases: build every organisation's status from its attendance."""
    from sqlalchemy.orm import Session

    from data_access.training_status import refresh_person_status

    session = Session(bind=op.get_bind())
    org_ids = session.execute(sa.text("SELECT id FROM organisation")).scalars().all()
    for org_id in org_ids:
        refresh_person_status(session, org_id, with_counts=False)
    session.flush()


def downgrade() -> None:
    with op.batch_alter_table("training_person_status", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_person_status_organisation_id"))
        batch_op.drop_index("ix_training_person_status_org_to")
        batch_op.drop_index("ix_training_person_status_org_kind_to")
    op.drop_table("training_person_status")

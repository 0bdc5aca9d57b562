"""community scrutiny panel: samples of closed referrals and the panel's findings

Revision ID: 0006_scrutiny
Revises: 0005_action_theme
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_scrutiny"
down_revision = "0005_action_theme"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scrutiny_sample",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.String(length=7), nullable=False),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("drawn_on", sa.Date(), nullable=False),
        sa.Column("drawn_by", sa.String(length=120), nullable=False),
        sa.Column("drawn_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"],
                                name=op.f("fk_scrutiny_sample_organisation_id_organisation"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scrutiny_sample")),
        sa.UniqueConstraint("organisation_id", "quarter",
                            name=op.f("uq_scrutiny_sample_organisation_id_quarter")),
    )
    with op.batch_alter_table("scrutiny_sample", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scrutiny_sample_organisation_id"), ["organisation_id"])
    op.create_table(
        "scrutiny_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("finding", sa.Enum("notable_practice", "improvement_needed",
                                     name="scrutiny_finding", native_enum=False,
                                     create_constraint=True, length=32), nullable=True),
        sa.Column("theme", sa.String(length=80), nullable=True),
        sa.Column("action_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["action_id"], ["action.id"],
                                name=op.f("fk_scrutiny_case_action_id_action"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["referral_id"], ["referral.id"],
                                name=op.f("fk_scrutiny_case_referral_id_referral"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["sample_id"], ["scrutiny_sample.id"],
                                name=op.f("fk_scrutiny_case_sample_id_scrutiny_sample"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scrutiny_case")),
        sa.UniqueConstraint("sample_id", "referral_id",
                            name=op.f("uq_scrutiny_case_sample_id_referral_id")),
    )
    with op.batch_alter_table("scrutiny_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scrutiny_case_sample_id"), ["sample_id"])


def downgrade() -> None:
    op.drop_table("scrutiny_case")
    op.drop_table("scrutiny_sample")

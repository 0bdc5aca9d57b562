"""action: the theme it answers and the community event where it was raised

Revision ID: 0005_action_theme
Revises: 0004_training_status
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_action_theme"
down_revision = "0004_training_status"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.add_column(sa.Column("theme", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("event_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_action_event_id_community_event"),
            "community_event",
            ["event_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_action_event_id_community_event"), type_="foreignkey"
        )
        batch_op.drop_column("event_id")
        batch_op.drop_column("theme")

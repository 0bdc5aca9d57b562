"""user session generation (sign-out, deactivation and password changes end sessions)

Revision ID: 0002_session_generation
Revises: 0001
Create Date: 2026-11-30 19:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_session_generation"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_generation", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_column("session_generation")

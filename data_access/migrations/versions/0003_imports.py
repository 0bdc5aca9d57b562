"""imports: batch details, record revisions, per-organisation data version, area population source

Revision ID: 0003_imports
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa


revision = "0003_imports"
down_revision = "0002_session_generation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("data_version", sa.Integer(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.add_column(sa.Column("population_source", sa.String(length=200), nullable=True))
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("rows_skipped", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("mapping_name", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("encoding", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("sheet", sa.String(length=120), nullable=True))
        batch_op.add_column(
            sa.Column("size_bytes", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(sa.Column("message", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "record_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("natural_key", sa.String(length=200), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("changed_by", sa.String(length=80), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
            name=op.f("fk_record_revision_batch_id_import_batch"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_record_revision_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_revision")),
    )
    with op.batch_alter_table("record_revision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_record_revision_batch_id"), ["batch_id"], unique=False
        )
        batch_op.create_index(
            "ix_record_revision_org_table", ["organisation_id", "table_name"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("record_revision", schema=None) as batch_op:
        batch_op.drop_index("ix_record_revision_org_table")
        batch_op.drop_index(batch_op.f("ix_record_revision_batch_id"))
    op.drop_table("record_revision")
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        for column in (
            "finished_at", "message", "size_bytes", "sheet", "encoding", "mapping_name",
            "rows_skipped",
        ):  # fmt: skip
            batch_op.drop_column(column)
    with op.batch_alter_table("area", schema=None) as batch_op:
        batch_op.drop_column("population_source")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("data_version")

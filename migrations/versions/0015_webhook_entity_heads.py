"""webhook delivery order without scanning the backlog: a head per endpoint and entity,
deliveries held back behind it, and a ready index per endpoint

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 12:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

READY = "status = 'PENDING' AND NOT held_back"


def upgrade() -> None:
    op.create_table(
        "webhook_entity_heads",
        sa.Column(
            "endpoint_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("entity_key", sa.String(length=150), nullable=False),
        sa.Column(
            "head_position", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.ForeignKeyConstraint(
            ["endpoint_id"],
            ["webhook_endpoints.id"],
            name=op.f("fk_webhook_entity_heads_endpoint_id_webhook_endpoints"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("endpoint_id", "entity_key", name=op.f("pk_webhook_entity_heads")),
    )
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("held_back", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.drop_index("ix_webhook_deliveries_due")
    # The heads of what is pending now, and everything behind them held back.
    op.execute(
        "INSERT INTO webhook_entity_heads (endpoint_id, entity_key, head_position) "
        "SELECT endpoint_id, entity_key, min(event_position) FROM webhook_deliveries "
        "WHERE status = 'PENDING' GROUP BY endpoint_id, entity_key"
    )
    op.execute(
        "UPDATE webhook_deliveries SET held_back = true WHERE status = 'PENDING' "
        "AND event_position > (SELECT h.head_position FROM webhook_entity_heads h "
        "WHERE h.endpoint_id = webhook_deliveries.endpoint_id "
        "AND h.entity_key = webhook_deliveries.entity_key)"
    )
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_webhook_deliveries_ready",
            ["endpoint_id", "next_attempt_at"],
            unique=False,
            postgresql_where=sa.text(READY),
            sqlite_where=sa.text(READY),
        )


def downgrade() -> None:
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_webhook_deliveries_ready")
        batch_op.create_index(
            "ix_webhook_deliveries_due",
            ["next_attempt_at"],
            unique=False,
            postgresql_where=sa.text("status = 'PENDING'"),
            sqlite_where=sa.text("status = 'PENDING'"),
        )
        batch_op.drop_column("held_back")
    op.drop_table("webhook_entity_heads")

"""webhook deliveries: a redelivery names the delivery it sends again, and a delivery
settled by a successful redelivery (status REDELIVERED) names that redelivery

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_LINKS = ("redelivery_of_id", "redelivered_by_id")


def upgrade() -> None:
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        for column in _LINKS:
            batch_op.add_column(sa.Column(column, _ID, nullable=True))
            batch_op.create_foreign_key(
                op.f(f"fk_webhook_deliveries_{column}_webhook_deliveries"),
                "webhook_deliveries",
                [column],
                ["id"],
                ondelete="SET NULL",
            )


def downgrade() -> None:
    with op.batch_alter_table("webhook_deliveries", schema=None) as batch_op:
        for column in reversed(_LINKS):
            batch_op.drop_constraint(
                op.f(f"fk_webhook_deliveries_{column}_webhook_deliveries"), type_="foreignkey"
            )
            batch_op.drop_column(column)

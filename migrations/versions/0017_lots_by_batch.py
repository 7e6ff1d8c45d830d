"""lots by the batch that made them: an index for the forward recall trace

`traceLot(direction: FORWARD)` walks from a drawn lot to the batches that drew it and
then to the lots those batches made (`inventory_lots.batch_id`); without an index each
step read every lot of the database (EXPLAIN: a sequential scan of about 80,000 rows per
step on the benchmark's dataset).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 18:35:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_inventory_lots_batch", "inventory_lots", ["batch_id"])


def downgrade() -> None:
    op.drop_index("ix_inventory_lots_batch", table_name="inventory_lots")

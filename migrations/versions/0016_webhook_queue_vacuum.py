"""webhook delivery tables vacuumed as queues: autovacuum after 1% of their rows are dead,
not PostgreSQL's default 20%

Every delivered webhook leaves a dead row (and dead entries in the partial indexes the
claims read), and the entity heads are rewritten with each event. With the default
scale factor a table of a million deliveries waits for 200,000 dead rows before a vacuum,
and the claim and sweep queries slow down meanwhile (bench/webhooks: the due-endpoints
query 1.7 ms with 147,000 dead rows, 0.06 ms vacuumed). SQLite has no vacuum to tune.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 16:50:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

QUEUE_TABLES = ("webhook_deliveries", "webhook_entity_heads")
SETTINGS = (
    "autovacuum_vacuum_scale_factor",
    "autovacuum_vacuum_threshold",
    "autovacuum_analyze_scale_factor",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in QUEUE_TABLES:
        op.execute(
            f"ALTER TABLE {table} SET (autovacuum_vacuum_scale_factor = 0.01, "
            "autovacuum_vacuum_threshold = 1000, autovacuum_analyze_scale_factor = 0.02)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in QUEUE_TABLES:
        op.execute(f"ALTER TABLE {table} RESET ({', '.join(SETTINGS)})")

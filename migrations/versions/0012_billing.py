"""billing: an organization's billing account (plan, subscription status, Stripe ids,
grace end, exempt flag), the Stripe events already processed, and exit surveys; new
tables (an organization without a billing account is on the Free plan), and the HTML
part and retry time of outgoing emails

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-07 05:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.db

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "billing_accounts",
        sa.Column("organization_id", ID, nullable=False),
        sa.Column("plan", sa.String(length=40), nullable=False),
        sa.Column("interval", sa.String(length=10), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("add_ons", sa.JSON(), nullable=False),
        sa.Column("stripe_customer_id", sa.String(length=100), nullable=True),
        sa.Column("stripe_subscription_id", sa.String(length=100), nullable=True),
        sa.Column("current_period_end", services.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("cancel_at_period_end", sa.Boolean(), nullable=False),
        sa.Column("grace_ends_at", services.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("exempt", sa.Boolean(), nullable=False),
        sa.Column("updated_at", services.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_billing_accounts_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("organization_id", name=op.f("pk_billing_accounts")),
        sa.UniqueConstraint(
            "stripe_customer_id", name=op.f("uq_billing_accounts_stripe_customer_id")
        ),
    )
    op.create_table(
        "stripe_events",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("type", sa.String(length=100), nullable=False),
        sa.Column("organization_id", ID, nullable=True),
        sa.Column("received_at", services.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_stripe_events_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stripe_events")),
    )
    op.create_table(
        "cancellation_surveys",
        sa.Column("organization_id", ID, nullable=False),
        sa.Column("user_id", ID, nullable=True),
        sa.Column("plan", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.String(length=30), nullable=True),
        sa.Column("feedback", sa.Text(), nullable=True),
        sa.Column("at_period_end", sa.Boolean(), nullable=False),
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("created_at", services.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_cancellation_surveys_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_cancellation_surveys_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cancellation_surveys")),
    )
    with op.batch_alter_table("outbound_emails", schema=None) as batch_op:
        batch_op.add_column(sa.Column("html_body", sa.Text(), nullable=True))
        batch_op.add_column(
            sa.Column("next_attempt_at", services.db.UTCDateTime(timezone=True), nullable=True)
        )
    with op.batch_alter_table("cancellation_surveys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cancellation_surveys_organization_id"), ["organization_id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("outbound_emails", schema=None) as batch_op:
        batch_op.drop_column("next_attempt_at")
        batch_op.drop_column("html_body")
    with op.batch_alter_table("cancellation_surveys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cancellation_surveys_organization_id"))
    op.drop_table("cancellation_surveys")
    op.drop_table("stripe_events")
    op.drop_table("billing_accounts")

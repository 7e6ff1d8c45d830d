"""Billing tables: an organization's billing account (its plan and subscription as Stripe
last reported them), the Stripe events already processed, and exit surveys."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from services.db import Base, IdMixin, IdType, TimestampMixin, UTCDateTime, utcnow


class SubscriptionStatus(StrEnum):
    ACTIVE = "ACTIVE"
    TRIALING = "TRIALING"
    # Payment failed: everything works until the grace period ends.
    PAST_DUE = "PAST_DUE"
    # Stripe gave up collecting: restricted.
    UNPAID = "UNPAID"
    # Checkout started, the first payment is not through: the plan is not granted yet.
    INCOMPLETE = "INCOMPLETE"
    CANCELED = "CANCELED"
    # Paused in Stripe, or suspended by us: restricted.
    SUSPENDED = "SUSPENDED"


class CancellationReason(StrEnum):
    TOO_EXPENSIVE = "TOO_EXPENSIVE"
    MISSING_FEATURE = "MISSING_FEATURE"
    SWITCHED_TOOL = "SWITCHED_TOOL"
    SEASONAL = "SEASONAL"
    OTHER = "OTHER"


class BillingAccount(Base):
    """One per organization that has ever touched billing; an organization without one is
    on the Free plan (or the local plan when billing is not configured)."""

    __tablename__ = "billing_accounts"

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True
    )
    plan: Mapped[str] = mapped_column(String(40), default="free")
    interval: Mapped[str | None] = mapped_column(String(10), default=None)
    status: Mapped[str] = mapped_column(String(20), default=SubscriptionStatus.ACTIVE.value)
    # {add-on key: quantity}
    add_ons: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    stripe_customer_id: Mapped[str | None] = mapped_column(String(100), unique=True, default=None)
    stripe_subscription_id: Mapped[str | None] = mapped_column(String(100), default=None)
    current_period_end: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    cancel_at_period_end: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set when a payment first fails; changes stay allowed until then.
    grace_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    # Never restricted (partners, internal accounts); set by an operator.
    exempt: Mapped[bool] = mapped_column(Boolean, default=False)
    # Suspended by an operator (abuse, a request of the customer's): restricted whatever
    # Stripe reports, until reinstated. Kept apart from `status`, which Stripe owns.
    suspended_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    suspension_reason: Mapped[str | None] = mapped_column(Text, default=None)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class StripeEvent(Base):
    """A Stripe event already processed: a replay of its id changes nothing."""

    __tablename__ = "stripe_events"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    type: Mapped[str] = mapped_column(String(100))
    organization_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE"), default=None
    )
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class CancellationSurvey(IdMixin, TimestampMixin, Base):
    """Why a customer left, kept for analysis."""

    __tablename__ = "cancellation_surveys"

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    plan: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(String(30), default=None)
    feedback: Mapped[str | None] = mapped_column(Text, default=None)
    at_period_end: Mapped[bool] = mapped_column(Boolean)

"""Webhook tables. An endpoint subscribes to event types; each event it subscribes to
becomes one delivery row, written in the event's own transaction (services/events.py),
so a delivery can be late but never missing. Every attempt to send it is a new row."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, false, text
from sqlalchemy.orm import Mapped, mapped_column

from services.db import Base, IdMixin, IdType, TimestampMixin, UTCDateTime, utcnow


class DisabledReason(StrEnum):
    BY_USER = "BY_USER"
    GONE = "GONE"  # the endpoint answered 410 Gone
    FAILING = "FAILING"  # only failures for FAILING_DAYS


class WebhookEndpoint(IdMixin, TimestampMixin, Base):
    __tablename__ = "webhook_endpoints"
    __table_args__ = (Index("ix_webhook_endpoints_org", "organization_id", "id"),)

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    url: Mapped[str] = mapped_column(String(2000))
    description: Mapped[str | None] = mapped_column(String(500), default=None)
    # Exact types ("inventory.adjusted") and prefix wildcards ("inventory.*", "*").
    event_types: Mapped[list[str]] = mapped_column(JSON)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled_reason: Mapped[str | None] = mapped_column(String(20), default=None)
    # Signing secrets, encrypted at rest (services/webhooks/secrets.py). After a rotation
    # the previous secret also signs until previous_secret_expires_at.
    secret_ciphertext: Mapped[str] = mapped_column(Text)
    previous_secret_ciphertext: Mapped[str | None] = mapped_column(Text, default=None)
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    # Set by the first failed attempt after a success; cleared by a success.
    failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    # Settled by another delivery of the same event to the same endpoint, made with
    # redeliverWebhook, that succeeded (redelivered_by_id): the event reached the
    # endpoint, though none of this delivery's own attempts did.
    REDELIVERED = "REDELIVERED"


class WebhookDelivery(IdMixin, TimestampMixin, Base):
    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        Index("ix_webhook_deliveries_org", "organization_id", "id"),
        Index("ix_webhook_deliveries_endpoint", "endpoint_id", "id"),
        # Order per endpoint and entity: the earliest unfinished delivery goes first.
        Index(
            "ix_webhook_deliveries_entity_order",
            "endpoint_id",
            "entity_key",
            "event_position",
            postgresql_where=text("status = 'PENDING'"),
            sqlite_where=text("status = 'PENDING'"),
        ),
        # What a sender claims: pending, first in line for its entity, by when it is due.
        # Deliveries held back behind an earlier one are not in it, so a backlog of them
        # (a receiver down for an hour) costs the claim nothing.
        Index(
            "ix_webhook_deliveries_ready",
            "endpoint_id",
            "next_attempt_at",
            postgresql_where=text("status = 'PENDING' AND NOT held_back"),
            sqlite_where=text("status = 'PENDING' AND NOT held_back"),
        ),
    )

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    endpoint_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("webhook_endpoints.id", ondelete="CASCADE")
    )
    event_position: Mapped[int] = mapped_column(IdType, ForeignKey("events.position"))
    event_id: Mapped[str] = mapped_column(String(40))
    event_type: Mapped[str] = mapped_column(String(80))
    # "<entity type>:<entity id>": deliveries of one entity to one endpoint go in order.
    entity_key: Mapped[str] = mapped_column(String(150))
    status: Mapped[str] = mapped_column(String(20), default=DeliveryStatus.PENDING.value)
    # Pending behind an earlier pending delivery of the same entity to the same endpoint;
    # cleared when that one finishes (services/webhooks/heads.py).
    held_back: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    attempt_count: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=utcnow)
    # While a worker holds it; an expired lease means the worker died and it is due again.
    leased_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    last_status_code: Mapped[int | None] = mapped_column(Integer, default=None)
    last_error: Mapped[str | None] = mapped_column(String(500), default=None)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    # A delivery made by redeliverWebhook names the one it sends again; a REDELIVERED one
    # names the redelivery that succeeded for it.
    redelivery_of_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("webhook_deliveries.id", ondelete="SET NULL"), default=None
    )
    redelivered_by_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("webhook_deliveries.id", ondelete="SET NULL"), default=None
    )


class WebhookEntityHead(Base):
    """Per endpoint and entity: the event position of the earliest pending delivery (None
    when none is pending). Fan-out and a finishing sender both lock this row, so a
    delivery appended while the entity's head finishes is never left held back."""

    __tablename__ = "webhook_entity_heads"

    endpoint_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("webhook_endpoints.id", ondelete="CASCADE"), primary_key=True
    )
    entity_key: Mapped[str] = mapped_column(String(150), primary_key=True)
    head_position: Mapped[int | None] = mapped_column(IdType, default=None)


class WebhookAttempt(IdMixin, Base):
    """Immutable: one row per try to send a delivery."""

    __tablename__ = "webhook_attempts"
    __table_args__ = (Index("ix_webhook_attempts_delivery", "delivery_id", "id"),)

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    delivery_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("webhook_deliveries.id", ondelete="CASCADE")
    )
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    duration_ms: Mapped[int] = mapped_column(Integer)
    status_code: Mapped[int | None] = mapped_column(Integer, default=None)
    response_body: Mapped[str | None] = mapped_column(Text, default=None)
    error: Mapped[str | None] = mapped_column(String(500), default=None)
    # What the attempt led to: SUCCEEDED, RETRY, FAILED (out of retries) or GONE (410);
    # STALE when a sender whose lease ran out reports after the delivery was finished.
    outcome: Mapped[str] = mapped_column(String(20))

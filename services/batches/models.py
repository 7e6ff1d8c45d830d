"""Batch tables. A batch is one making of a recipe version: the lines it drew (each with
the exact lots and cost of its draws), the steps it was made by (frozen at start, since a
variation's inherited steps follow its source's current version), and, once finished, the
lots it produced (inventory lots with `batch_id`, written by the ledger). A split's
variations are batches too, each naming its parent, with their own sub-label, added lines
and outputs.

Labels are `<PREFIX>-<year>-<seq>` per organization and year; the sequence comes from one
counter row per organization and year, incremented by a single upsert in the start's
transaction, so concurrent starts serialise on that row and never share a number.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from services.db import Base, ExactDecimal, IdMixin, IdType, TimestampMixin, UTCDateTime
from services.inventory.models import Money, Quantity
from services.recipes.models import TEMPERATURE_SCALE

LABEL_LENGTH = 60
VARIATION_NAME_LENGTH = 40
# A variation's share of the base, in percent, to 4 places (33.3333).
PERCENT_SCALE = 4


class BatchStatus(StrEnum):
    IN_PROGRESS = "IN_PROGRESS"
    FINISHED = "FINISHED"
    CANCELLED = "CANCELLED"  # every draw given back to its lot
    FAILED = "FAILED"  # the draws are kept: the loss


class CostMethod(StrEnum):
    """How a batch's lines are costed (quantities are always drawn FIFO)."""

    FIFO = "FIFO"  # each line costs exactly the lots it drew
    AVERAGE = "AVERAGE"  # each line costs its quantity at the item's average cost at start


class BatchLineKind(StrEnum):
    INGREDIENT = "INGREDIENT"
    CONSUMABLE = "CONSUMABLE"
    ADDED = "ADDED"  # addBatchIngredients, or a variation's own ingredients
    CONTAINER = "CONTAINER"  # drawn by a container fill at finish


class BatchCounter(Base):
    """The last sequence number given to a batch of the organization in `year`."""

    __tablename__ = "batch_counters"

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True
    )
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_sequence: Mapped[int] = mapped_column(Integer)


class Batch(IdMixin, TimestampMixin, Base):
    __tablename__ = "batches"
    __table_args__ = (
        UniqueConstraint("organization_id", "label"),
        Index("ix_batches_org_id", "organization_id", "id"),
        Index("ix_batches_parent", "parent_batch_id"),
    )

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    # The exact recipe version made (a variation of a split: its parent's).
    recipe_id: Mapped[int] = mapped_column(IdType, ForeignKey("recipes.id"))
    output_item_id: Mapped[int] = mapped_column(IdType, ForeignKey("inventory_items.id"))
    label: Mapped[str] = mapped_column(String(LABEL_LENGTH))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default=BatchStatus.IN_PROGRESS.value)
    cost_method: Mapped[str] = mapped_column(String(10), default=CostMethod.FIFO.value)
    factor: Mapped[Decimal] = mapped_column(Quantity)
    # The predicted yield at this scale, in the output item's base unit (null when the
    # recipe's yield does not convert).
    planned_yield: Mapped[Decimal | None] = mapped_column(Quantity, default=None)
    planned_portions: Mapped[Decimal | None] = mapped_column(Quantity, default=None)
    # What the plan priced before drawing (the recipe's planned cost at this scale).
    planned_cost: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    # What was drawn, costed by `cost_method` (containers of a fill excluded).
    ingredient_cost: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    forced: Mapped[bool] = mapped_column(Boolean, default=False)
    # A forced start: what was skipped, in words (the lines say how much of each).
    shortage_summary: Mapped[str | None] = mapped_column(Text, default=None)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    failure_reason: Mapped[str | None] = mapped_column(Text, default=None)
    actual_yield: Mapped[Decimal | None] = mapped_column(Quantity, default=None)
    portions: Mapped[int | None] = mapped_column(Integer, default=None)
    # The cost of what was finished: ingredients (a variation: its share of its parent's
    # plus its own) and the containers filled.
    actual_cost: Mapped[Decimal | None] = mapped_column(Money, default=None)
    started_by_user_id: Mapped[int | None] = mapped_column(IdType, default=None)
    # A variation of a split: its parent, letter, name and share of the parent's yield.
    parent_batch_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("batches.id"), default=None
    )
    variation_letter: Mapped[str | None] = mapped_column(String(2), default=None)
    variation_name: Mapped[str | None] = mapped_column(String(VARIATION_NAME_LENGTH), default=None)
    percentage: Mapped[Decimal | None] = mapped_column(ExactDecimal(PERCENT_SCALE), default=None)


class BatchLine(IdMixin, Base):
    """One item a batch drew (or meant to): how much it needed, drew and cost."""

    __tablename__ = "batch_lines"
    __table_args__ = (Index("ix_batch_lines_batch", "batch_id", "position"),)

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    batch_id: Mapped[int] = mapped_column(IdType, ForeignKey("batches.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(IdType, ForeignKey("inventory_items.id"))
    kind: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer)
    needed: Mapped[Decimal] = mapped_column(Quantity)  # base unit
    drawn: Mapped[Decimal] = mapped_column(Quantity)
    # Needed but not drawn: a forced start skipped it.
    skipped: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    # The line's cost by the batch's method; an untracked item's at its set cost.
    cost: Mapped[Decimal] = mapped_column(Money)
    tracked: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str | None] = mapped_column(Text, default=None)


class BatchDraw(IdMixin, Base):
    """Of one line, what one lot gave: the exact quantity and value the ledger moved."""

    __tablename__ = "batch_draws"
    __table_args__ = (
        Index("ix_batch_draws_batch", "batch_id", "id"),
        # The forward trace: which batches a lot went into.
        Index("ix_batch_draws_lot", "lot_id", "batch_id"),
    )

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    batch_id: Mapped[int] = mapped_column(IdType, ForeignKey("batches.id", ondelete="CASCADE"))
    line_id: Mapped[int] = mapped_column(IdType, ForeignKey("batch_lines.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(IdType, ForeignKey("inventory_items.id"))
    lot_id: Mapped[int] = mapped_column(IdType, ForeignKey("inventory_lots.id"))
    quantity: Mapped[Decimal] = mapped_column(Quantity)  # positive: taken
    value: Mapped[Decimal] = mapped_column(Money)  # positive: the lot's value taken


class BatchStep(IdMixin, Base):
    """A step of the recipe version as it read when the batch started."""

    __tablename__ = "batch_steps"
    __table_args__ = (Index("ix_batch_steps_batch", "batch_id", "position"),)

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    batch_id: Mapped[int] = mapped_column(IdType, ForeignKey("batches.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    duration_minutes: Mapped[int | None] = mapped_column(Integer, default=None)
    temperature: Mapped[Decimal | None] = mapped_column(
        ExactDecimal(TEMPERATURE_SCALE), default=None
    )
    temperature_unit: Mapped[str | None] = mapped_column(String(1), default=None)
    # The recipe version whose layer gave the text (inherited or overridden).
    defined_in_recipe_id: Mapped[int] = mapped_column(IdType)


class BatchOutput(IdMixin, Base):
    """A lot a finish produced: bulk, or one container size filled."""

    __tablename__ = "batch_outputs"
    __table_args__ = (Index("ix_batch_outputs_batch", "batch_id", "id"),)

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    batch_id: Mapped[int] = mapped_column(IdType, ForeignKey("batches.id", ondelete="CASCADE"))
    lot_id: Mapped[int] = mapped_column(IdType, ForeignKey("inventory_lots.id"))
    container_item_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("inventory_items.id"), default=None
    )
    container_count: Mapped[int | None] = mapped_column(Integer, default=None)
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    # The lot's cost: its share of the batch's, plus its containers'.
    cost: Mapped[Decimal] = mapped_column(Money)
    container_cost: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))

"""Recipe tables. Every version of a recipe is its own row (its own global ID); the
versions of one recipe share a lineage, named by the id of its version 1. Lines and steps
belong to one version: a new version copies them, so an old version never changes.

Quantities are kept as the maker entered them, an exact amount and the unit's name
("2 cup"), never converted on the way in: conversions (to the item's base unit, for
scaling and costing) are made when read, with the units and densities of that moment
(services/recipes/lines.py).
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
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from services.db import Base, ExactDecimal, IdMixin, IdType, TimestampMixin, UTCDateTime, utcnow
from services.inventory.models import Quantity
from services.units.models import NAME_MAX_LENGTH as UNIT_NAME_LENGTH

NAME_LENGTH = 200
CATEGORY_LENGTH = 100
LABEL_PREFIX_LENGTH = 12
STEP_KEY_LENGTH = 40
# Temperatures are kept to 2 decimal places (°C or °F as entered).
TEMPERATURE_SCALE = 2


class RecipeStatus(StrEnum):
    DRAFT = "DRAFT"  # edited in place
    PUBLISHED = "PUBLISHED"  # immutable: an edit makes the next version
    ARCHIVED = "ARCHIVED"  # the whole recipe, every version, changes no more


class RecipeKind(StrEnum):
    ORIGINAL = "ORIGINAL"
    VARIATION = "VARIATION"
    TEST = "TEST"


class LineKind(StrEnum):
    INGREDIENT = "INGREDIENT"
    CONSUMABLE = "CONSUMABLE"
    CONTAINER = "CONTAINER"  # amount and unit are the container's capacity


class StepKind(StrEnum):
    OWN = "OWN"  # a step of this recipe
    OVERRIDE = "OVERRIDE"  # replaces the inherited step with this key
    OMIT = "OMIT"  # leaves the inherited step with this key out


class TemperatureUnit(StrEnum):
    C = "C"
    F = "F"


_IS_CURRENT = text("is_current")


class Recipe(IdMixin, TimestampMixin, Base):
    """One version of a recipe. What belongs to the recipe as a whole (its kind, where it
    descends from) is the same on every version of the lineage."""

    __tablename__ = "recipes"
    __table_args__ = (
        UniqueConstraint("lineage_id", "version"),
        Index("ix_recipes_org_id", "organization_id", "id"),
        # The version batches use: one per recipe.
        Index(
            "uq_recipes_current_version",
            "lineage_id",
            unique=True,
            postgresql_where=_IS_CURRENT,
            sqlite_where=_IS_CURRENT,
        ),
        Index("ix_recipes_org_source_lineage", "organization_id", "source_lineage_id", "id"),
        Index("ix_recipes_org_output_item", "organization_id", "output_item_id"),
    )

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    # The id of the lineage's version 1 (its own id on version 1, set in the transaction
    # that creates it): the recipe across its versions, and the entity of its events.
    lineage_id: Mapped[int] = mapped_column(IdType, ForeignKey("recipes.id"), nullable=True)
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    # A variation or test: the exact version it was made from (never rewritten), that
    # version's lineage (whose current version its steps inherit from), and the lineage
    # of the original at the top of its descent.
    source_recipe_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("recipes.id"), default=None
    )
    source_lineage_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("recipes.id"), default=None
    )
    root_lineage_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("recipes.id"), default=None
    )
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default=RecipeStatus.DRAFT.value)
    name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    name_key: Mapped[str] = mapped_column(String(NAME_LENGTH))
    category: Mapped[str | None] = mapped_column(String(CATEGORY_LENGTH), default=None)
    # Casefolded: a category is one whatever the letter case it is typed in.
    category_key: Mapped[str | None] = mapped_column(String(CATEGORY_LENGTH), default=None)
    notes: Mapped[str | None] = mapped_column(Text, default=None)
    output_item_id: Mapped[int] = mapped_column(IdType, ForeignKey("inventory_items.id"))
    yield_amount: Mapped[Decimal] = mapped_column(Quantity)
    yield_unit: Mapped[str] = mapped_column(String(UNIT_NAME_LENGTH))
    portion_name: Mapped[str | None] = mapped_column(String(100), default=None)
    portion_count: Mapped[int | None] = mapped_column(Integer, default=None)
    portion_size_amount: Mapped[Decimal | None] = mapped_column(Quantity, default=None)
    portion_size_unit: Mapped[str | None] = mapped_column(String(UNIT_NAME_LENGTH), default=None)
    label_prefix: Mapped[str | None] = mapped_column(String(LABEL_PREFIX_LENGTH), default=None)
    # A test: the version of its source its content last became (promoteRecipeTest).
    promoted_to_recipe_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("recipes.id"), default=None
    )
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


class RecipeLine(IdMixin, Base):
    """An ingredient, a consumable or a container of one version, in its list's order."""

    __tablename__ = "recipe_lines"
    __table_args__ = (
        # Item types decide the list (ingredients, consumables, containers), so an item
        # appears at most once in a version whichever list it is in.
        UniqueConstraint("recipe_id", "item_id"),
        Index("ix_recipe_lines_recipe", "recipe_id", "kind", "position"),
        Index("ix_recipe_lines_item", "item_id"),
    )

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    recipe_id: Mapped[int] = mapped_column(IdType, ForeignKey("recipes.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[int] = mapped_column(IdType, ForeignKey("inventory_items.id"))
    amount: Mapped[Decimal] = mapped_column(Quantity)
    unit: Mapped[str] = mapped_column(String(UNIT_NAME_LENGTH))
    note: Mapped[str | None] = mapped_column(Text, default=None)


class RecipeStep(IdMixin, Base):
    """One row of a version's step layer (services/recipes/steps.py): its own step, or an
    override or omission of a step it inherits, by the step's stable key."""

    __tablename__ = "recipe_steps"
    __table_args__ = (
        UniqueConstraint("recipe_id", "key"),
        Index("ix_recipe_steps_recipe", "recipe_id", "position"),
    )

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    recipe_id: Mapped[int] = mapped_column(IdType, ForeignKey("recipes.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(STEP_KEY_LENGTH))
    kind: Mapped[str] = mapped_column(String(10))
    position: Mapped[int] = mapped_column(Integer)
    # An own step of a variation or test goes right after the inherited step with this
    # key; none: at the end.
    after_key: Mapped[str | None] = mapped_column(String(STEP_KEY_LENGTH), default=None)
    text: Mapped[str | None] = mapped_column(Text, default=None)
    duration_minutes: Mapped[int | None] = mapped_column(Integer, default=None)
    temperature: Mapped[Decimal | None] = mapped_column(
        ExactDecimal(TEMPERATURE_SCALE), default=None
    )
    temperature_unit: Mapped[str | None] = mapped_column(String(1), default=None)

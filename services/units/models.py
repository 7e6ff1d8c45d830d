from __future__ import annotations

from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.db import Base, ExactDecimal, IdMixin, IdType, TimestampMixin
from services.units.catalog import Dimension, Unit, strip_zeros

# A custom unit's factor to its base unit is stored exactly with FACTOR_SCALE fractional
# digits and FACTOR_PRECISION digits in all. 18 digits is what SQLite's 64-bit integers
# hold on every value (ExactDecimal stores scaled integers there), so both databases
# accept the same factors. 11 fractional digits represent every built-in factor exactly
# (tsp has 11), so any decimal multiple of a built-in with few digits fits; 7 integer
# digits reach 10 t in grams and 10 m3 in millilitres.
FACTOR_SCALE = 11
FACTOR_PRECISION = 18
NAME_MAX_LENGTH = 50


class CustomUnit(IdMixin, TimestampMixin, Base):
    """A unit an organization defines, such as "scoop" = 30 g.

    The factor is flattened to the base unit when the unit is created, so a unit defined
    in terms of another custom unit converts in one step; `defined_as_*` keep what the
    person entered. Custom units are never changed after creation, so the two never drift.
    """

    __tablename__ = "custom_units"
    __table_args__ = (
        # Names are unique per organization ignoring case; this also serves look-ups.
        UniqueConstraint("organization_id", "name_key"),
        CheckConstraint("factor > 0", name="factor_positive"),
        CheckConstraint(
            "dimension IN ('weight', 'volume', 'count', 'length')", name="dimension_known"
        ),
    )

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    name: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))
    # unit_key(name): casefolding can lengthen a name (ß -> ss), hence the wider column.
    name_key: Mapped[str] = mapped_column(String(4 * NAME_MAX_LENGTH))
    dimension: Mapped[str] = mapped_column(String(10))
    factor: Mapped[Decimal] = mapped_column(ExactDecimal(FACTOR_SCALE, FACTOR_PRECISION))
    defined_as_amount: Mapped[Decimal] = mapped_column(ExactDecimal(FACTOR_SCALE, FACTOR_PRECISION))
    defined_as_unit: Mapped[str] = mapped_column(String(NAME_MAX_LENGTH))
    # API keys have no user; exactly one of the two is set. SET NULL keeps the unit if
    # its creator is ever deleted.
    created_by_user_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("users.id", ondelete="SET NULL"), default=None
    )
    created_by_api_key_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("api_keys.id", ondelete="SET NULL"), default=None
    )

    def as_unit(self) -> Unit:
        return Unit(self.name, Dimension(self.dimension), strip_zeros(self.factor))

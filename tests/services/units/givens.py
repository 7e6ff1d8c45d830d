"""Givens for the units service tests: one call per committed transaction, as the API does."""

from __future__ import annotations

from decimal import Decimal

from services.db import unit_of_work
from services.permissions import Principal
from services.units import service
from services.units.catalog import Conversion
from services.units.models import CustomUnit
from tests.services.accounts.givens import Sessions


async def define(
    sessions: Sessions, principal: Principal, name: str, amount: str, unit: str
) -> CustomUnit:
    async with unit_of_work(sessions) as session:
        return await service.create_custom_unit(
            session, principal, name=name, amount=Decimal(amount), unit=unit
        )


async def convert(
    sessions: Sessions,
    principal: Principal,
    amount: str,
    from_unit: str,
    to_unit: str,
    *,
    density: str | None = None,
    item_name: str | None = None,
) -> Conversion:
    async with unit_of_work(sessions, write=False) as session:
        return await service.convert_quantity(
            session,
            principal,
            amount=Decimal(amount),
            from_unit=from_unit,
            to_unit=to_unit,
            density=Decimal(density) if density is not None else None,
            item_name=item_name,
        )

"""The organization itself: reading it, renaming it and choosing its currency.

Every amount of money an organization records (lot costs, ledger values, stock values,
reports, event payloads) is a number in its one currency, stored without a currency of
its own. So the currency may change only while the organization has never received stock
(`has_stock_history`): once any lot exists, even one since used up, changing the code
would relabel recorded costs and past reports without converting them, so it is refused
(CURRENCY_LOCKED). Checking for stock of value today instead would let an organization
that has used up its stock relabel all of its history.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.accounts.models import Organization
from services.currencies import clean_currency_code
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.events import append_event
from services.ids import to_global_id
from services.inventory.queries import has_stock_history
from services.naming import camel_case
from services.permissions import Principal, require_permission
from services.validation import clean_text

NAME_MAX_LENGTH = 200


def organization_payload(organization: Organization) -> dict[str, Any]:
    """As `Organization` in the GraphQL API, for event payloads."""
    return {
        "id": to_global_id("Organization", organization.id),
        "name": organization.name,
        "currencyCode": organization.currency_code,
        "costMethod": organization.cost_method,
    }


COST_METHODS = ("FIFO", "AVERAGE")


def clean_cost_method(value: str, field: tuple[str, ...] = ("cost_method",)) -> str:
    method = value.strip().upper()
    if method not in COST_METHODS:
        raise UserInputError(
            ErrorCode.INVALID_COST_METHOD, "costMethod must be FIFO or AVERAGE.", field
        )
    return method


def clean_organization_name(name: str, field: tuple[str, ...] = ("name",)) -> str:
    return clean_text(name, field, max_length=NAME_MAX_LENGTH)


async def get_organization(
    session: AsyncSession, principal: Principal | None, *, organization_id: int
) -> Organization | None:
    acting = require_permission(principal, "organization.read")
    if organization_id != acting.organization_id:
        return None
    return await session.get(Organization, organization_id)


async def update_organization(
    session: AsyncSession,
    principal: Principal | None,
    *,
    name: str | None = None,
    currency_code: str | None = None,
    cost_method: str | None = None,
) -> Organization:
    """`updateOrganization`: the caller's organization, with the given fields changed
    (None leaves a field as it is). A change appends `organization.updated`."""
    acting = require_permission(principal, "organization.manage")
    wanted: dict[str, str] = {}
    if name is not None:
        wanted["name"] = clean_organization_name(name)
    if currency_code is not None:
        wanted["currency_code"] = clean_currency_code(currency_code)
    if cost_method is not None:
        wanted["cost_method"] = clean_cost_method(cost_method)
    # The row lock (PostgreSQL; SQLite's writer holds the database) conflicts with the key
    # share lock a new lot's foreign key takes on the organization: a receipt running now
    # either commits first, and is seen below, or waits and is recorded in the new currency.
    organization = await session.scalar(
        select(Organization)
        .where(Organization.id == acting.organization_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert organization is not None  # a principal's organization exists while it acts
    changed = {key: value for key, value in wanted.items() if getattr(organization, key) != value}
    if "currency_code" in changed and await has_stock_history(session, organization.id):
        raise UserInputError(
            ErrorCode.CURRENCY_LOCKED,
            f"The currency stays {organization.currency_code}: stock has been received, and "
            "its costs, history and reports are amounts in this currency.",
            ("currency_code",),
        )
    if not changed:
        return organization
    for key, value in changed.items():
        setattr(organization, key, value)
    await session.flush()
    await append_event(
        session,
        organization_id=organization.id,
        type="organization.updated",
        entity_type="Organization",
        entity_id=to_global_id("Organization", organization.id),
        payload={
            "organization": organization_payload(organization),
            "changedFields": sorted(camel_case(key) for key in changed),
        },
    )
    return organization

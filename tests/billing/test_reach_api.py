"""The plan's history reach through the API, on both executors: the standard one
(`inventoryHistory`) and the planned one (an item's `history`, one statement on
PostgreSQL), and a report that starts too early as a BAD_REQUEST naming the argument."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from resolvers.ids import decode_id
from services.db import unit_of_work, utcnow
from services.inventory.models import LedgerEntry
from tests.api_helpers import data, gql, sign_up
from tests.billing.conftest import Live
from tests.services.accounts.givens import principal_of
from tests.services.billing.givens import on_plan
from tests.services.inventory.givens import create_item, global_item_id, receive

pytestmark = [pytest.mark.billing]

HISTORY = """query($id: ID!) {
  inventoryHistory(itemId: $id, first: 50) { nodes { changeType quantity { amount } } }
  subscription { plan historySince suspended }
}"""
# Planned (every field has a planned form): the second time it is sent, the fast path
# answers it.
ITEM_HISTORY = """query ItemHistory($id: ID!) {
  inventoryItem(id: $id) { history(last: 20) { nodes { changeType quantity { amount } } } }
}"""
REPORT = """query($id: ID!, $from: DateTime!, $to: DateTime!) {
  effectiveCost(itemId: $id, from: $from, to: $to) { spent { amount } }
}"""


async def test_history_older_than_the_plan_reaches_is_left_out_by_both_executors(live: Live):
    owner = await sign_up(live.client)
    organization_id = decode_id(owner.organization_id, "Organization")
    principal = await principal_of(live.sessions, owner.token)
    oil = await create_item(live.sessions, principal, "Olive oil")
    await receive(live.sessions, principal, oil.id, "1000", total_cost="9")
    await receive(live.sessions, principal, oil.id, "500", total_cost="5")
    async with unit_of_work(live.sessions) as session:
        first = (
            select(func.min(LedgerEntry.id)).where(LedgerEntry.item_id == oil.id).scalar_subquery()
        )
        await session.execute(
            update(LedgerEntry)
            .where(LedgerEntry.id == first)
            .values(created_at=utcnow() - timedelta(days=200))
        )
    await on_plan(live.sessions, organization_id, "free")
    item_id = global_item_id(oil)

    found = data(await gql(live.client, HISTORY, {"id": item_id}, owner.token))

    assert [n["quantity"]["amount"] for n in found["inventoryHistory"]["nodes"]] == ["500"]
    assert await item_history(live, owner.token, item_id) == [["500"], ["500"]]
    assert found["subscription"]["plan"] == "FREE"
    assert found["subscription"]["historySince"] is not None
    assert found["subscription"]["suspended"] is False

    now = utcnow()
    early = {"id": item_id, "from": (now - timedelta(days=200)).isoformat(), "to": now.isoformat()}
    body = await gql(live.client, REPORT, early, owner.token)
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert error["extensions"]["reason"] == "PLAN_LIMIT_REACHED"
    assert error["extensions"]["field"] == ["from"]

    await on_plan(live.sessions, organization_id, "solo")  # a year: the old row is back
    assert await item_history(live, owner.token, item_id) == [["1000", "500"]] * 2


async def item_history(live: Live, token: str, item_id: str) -> list[list[str]]:
    """The item's history amounts, asked twice: by the standard executor or the planned
    one the first time, by the planned one the second."""
    answers = []
    for _ in range(2):
        found = data(await gql(live.client, ITEM_HISTORY, {"id": item_id}, token))
        answers.append(
            [n["quantity"]["amount"] for n in found["inventoryItem"]["history"]["nodes"]]
        )
    return answers

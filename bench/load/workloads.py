"""The request bodies of R1, R2 and W1 for each server, and W1's stock top-up.

R1: the organization's first 50 items (by id, not archived) with name, type, on hand,
stock value and their 5 oldest open lots (`r1_ours.graphql`, `../postgraphile/r1.graphql`).
R2: one item with its 20 most recent ledger entries, each with its lot (`r2_ours.graphql`,
`../postgraphile/r2.graphql`). W1: `adjustInventory` USE of 7 g of one of the 100 W1 items,
chosen by a seeded random sequence (`w1_ours.graphql`); ours only, PostGraphile being
read-only here. `info` is the dataset's description (bench/load/dataset.py).
"""

from __future__ import annotations

import json
import math
import random
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
PGL = HERE.parent / "postgraphile"
W1_GRAMS = 7  # small, so that a draw often spans two lots
TOP_UP_LOT_GRAMS = 50
UNIT_COST = "0.013"  # per gram: values stay exact, as in bench/inventory
W1_BODIES = 4096  # the length of the (cycled) sequence of W1 requests

RECEIVE = """mutation TopUp($input: ReceiveInventoryInput!) {
  receiveInventory(input: $input) { lot { lotCode } userErrors { code message } }
}"""
ON_HAND = """query OnHand($ids: [ID!]!) {
  nodes(ids: $ids) { ... on InventoryItem { id baseUnit onHand { amount } } }
}"""


def graphql_body(query: Path | str, variables: dict[str, Any]) -> bytes:
    text = query.read_text() if isinstance(query, Path) else query
    return json.dumps({"query": text, "variables": variables}).encode()


@dataclass
class Workload:
    name: str  # "R1", "R2", "W1"
    title: str
    bodies: dict[str, list[bytes]]  # server name -> bodies, sent in turn
    tokens: dict[str, str | None] = field(default_factory=dict)
    user_errors: bool = False  # a non-empty userErrors list is a failed answer

    @property
    def servers(self) -> list[str]:
        return list(self.bodies)


def reads(info: dict[str, Any]) -> list[Workload]:
    """R1 and R2 on both servers (PostGraphile has no authentication here)."""
    token = info["api_key"]
    r1 = Workload(
        "R1",
        "list: 50 items with totals and their 5 oldest open lots",
        {
            "postgraphile": [
                graphql_body(PGL / "r1.graphql", {"organizationId": str(info["organization_id"])})
            ],
            "ours": [graphql_body(HERE / "r1_ours.graphql", {})],
        },
        {"postgraphile": None, "ours": token},
    )
    r2 = Workload(
        "R2",
        "detail: one item, its 20 latest ledger entries with their lots",
        {
            "postgraphile": [graphql_body(PGL / "r2.graphql", {"rowId": str(info["r2_item_id"])})],
            "ours": [graphql_body(HERE / "r2_ours.graphql", {"id": info["r2_item_global_id"]})],
        },
        {"postgraphile": None, "ours": token},
    )
    return [r1, r2]


def w1(info: dict[str, Any], seed: int = 20261124) -> Workload:
    """W1's request sequence: USE of W1_GRAMS on a random W1 item, deterministic."""
    chooser = random.Random(seed)  # noqa: S311 - a repeatable sequence, not a secret
    query = (HERE / "w1_ours.graphql").read_text()
    bodies = []
    for _ in range(W1_BODIES):
        item = chooser.choice(info["w1_item_global_ids"])
        adjustment = {
            "itemId": item,
            "changeType": "USE",
            "quantity": {"amount": str(W1_GRAMS), "unit": "g"},
        }
        bodies.append(graphql_body(query, {"input": adjustment}))
    return Workload(
        "W1",
        f"adjust: USE {W1_GRAMS} g of one of {len(info['w1_item_global_ids'])} items, "
        "drawn from its oldest lots",
        {"ours": bodies},
        {"ours": info["write_api_key"]},
        user_errors=True,
    )


def _graphql(client: httpx.Client, url: str, query: str, variables: dict[str, Any]) -> Any:
    answer = client.post(url, json={"query": query, "variables": variables}).json()
    if answer.get("errors"):
        raise RuntimeError(f"{url}: {answer['errors']}")
    return answer["data"]


def top_up(url: str, token: str, item_ids: list[str], grams: float) -> int:
    """Receive lots of TOP_UP_LOT_GRAMS until every item holds `grams`, through the API;
    returns the number of lots received."""
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(headers=headers, timeout=60) as client:
        items = _graphql(client, url, ON_HAND, {"ids": item_ids})["nodes"]
        lots: list[str] = []
        for item in items:
            short = Decimal(grams) - Decimal(item["onHand"]["amount"])
            if short > 0:
                lots += [item["id"]] * math.ceil(short / TOP_UP_LOT_GRAMS)

        def receive(item_id: str) -> None:
            variables = {
                "input": {
                    "itemId": item_id,
                    "quantity": {"amount": str(TOP_UP_LOT_GRAMS), "unit": "g"},
                    "unitCost": UNIT_COST,
                }
            }
            errors = _graphql(client, url, RECEIVE, variables)["receiveInventory"]["userErrors"]
            if errors:
                raise RuntimeError(f"receiveInventory {item_id}: {errors}")

        # A few concurrent writers: the top-up is setup, not measured.
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(receive, lots))
    return len(lots)

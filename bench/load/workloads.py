"""The request bodies of R1 to R4 and W1 for each server, and W1's stock top-up.

R1: the organization's first 50 items (by id, not archived) with name, type, on hand,
stock value and their 5 oldest open lots (`r1_ours.graphql`, `../postgraphile/r1.graphql`),
asked by the dataset's 100 callers (API keys of two organizations) with 18 filters
(item type x part of the name) in turn. R2: one item with its 20 most recent ledger
entries, each with its lot (`r2_ours.graphql`, `../postgraphile/r2.graphql`), over every
item of the dataset (10,000 at scale 1.0), each asked by a caller of its organization.
R3: one batch with its consumption and outputs, over every batch of the dataset; R4: the
100 events of the log after a position (`history`); R5 (ours alone): a page of 50 webhook
deliveries with their events and endpoint (`deliveries`).
The first body of each is the plain one check.py compares. W1: `adjustInventory` USE of
7 g of one of the 100 W1 items, chosen by a seeded random sequence (`w1_ours.graphql`);
ours only, PostGraphile being read-only here. `info` is the dataset's description
(bench/load/dataset.py).
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

from services.ids import to_global_id

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
    # server name -> the token of each body (many callers), instead of `tokens`' one
    callers: dict[str, list[str]] = field(default_factory=dict)

    @property
    def servers(self) -> list[str]:
        return list(self.bodies)

    def lines(self, server: str) -> list[bytes]:
        """The requests as post.lua and openload.mjs read them: a body per line, with its
        own "Bearer <token>" and a tab before it when each body has its caller."""
        bodies = [body.replace(b"\n", b" ") for body in self.bodies[server]]
        tokens = self.callers.get(server)
        if not tokens:
            return bodies
        return [
            b"Bearer " + token.encode() + b"\t" + body
            for token, body in zip(tokens, bodies, strict=True)
        ]

    def token_of(self, server: str, number: int) -> str | None:
        tokens = self.callers.get(server)
        return tokens[number % len(tokens)] if tokens else self.tokens.get(server)


# R1's filters: an item type and part of the name, each or both or neither (18 in all).
R1_TYPES = (None, "INGREDIENT", "PACKAGING")
R1_SEARCHES = (None, "butter", "oil", "wax", "organic", "a")
R1_FILTERED = """query R1F($type: InventoryItemType, $search: String) {
  inventoryItems(first: 50, filter: {type: $type, search: $search}) {
    nodes { name type onHand { amount } stockValue { amount }
      lots(first: 5) { nodes { lotCode remaining { amount } } } } } }"""


def _r1_pgl(type_: str | None, search: str | None) -> str:
    """PostGraphile's R1 with the same filter (connection-filter refuses null inputs, so
    the conditions present are written into the text)."""
    conditions = []
    if type_ is not None:
        conditions.append(f"type: {{equalTo: {json.dumps(type_)}}}")
    if search is not None:
        conditions.append(f"name: {{includesInsensitive: {json.dumps(search)}}}")
    text = (PGL / "r1.graphql").read_text()
    if conditions:
        text = text.replace(
            "orderBy: ROW_ID_ASC\n  ) {",
            f"orderBy: ROW_ID_ASC\n    filter: {{{', '.join(conditions)}}}\n  ) {{",
            1,
        )
    return text


def reads(info: dict[str, Any]) -> list[Workload]:
    """R1 and R2 on both servers (PostGraphile has no authentication here): the plain
    body first, then (when the dataset has callers) the many callers, filters and items."""
    token = info["api_key"]
    organization = str(info["organization_id"])
    r1 = Workload(
        "R1",
        "list: 50 items with totals and their 5 oldest open lots",
        {
            "postgraphile": [graphql_body(PGL / "r1.graphql", {"organizationId": organization})],
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
    callers: list[dict[str, Any]] = info.get("callers", [])
    if callers:
        _many_callers(info, callers, r1, r2)
    return [r1, r2]


def _many_callers(
    info: dict[str, Any], callers: list[dict[str, Any]], r1: Workload, r2: Workload
) -> None:
    chooser = random.Random(20261207)  # noqa: S311 - a repeatable order, not a secret
    filters = [(t, s) for t in R1_TYPES for s in R1_SEARCHES]
    # R1: every caller with every filter, in a shuffled order; PostGraphile the same
    # (organization, filter) pairs, without the callers it does not authenticate.
    asks = [(caller, f) for caller in callers for f in filters]
    chooser.shuffle(asks)
    r1.bodies["ours"] += [graphql_body(R1_FILTERED, {"type": t, "search": s}) for _, (t, s) in asks]
    r1.bodies["postgraphile"] += [
        graphql_body(_r1_pgl(t, s), {"organizationId": str(c["organization_id"])})
        for c, (t, s) in asks
    ]
    r1.callers["ours"] = [info["api_key"]] + [c["token"] for c, _ in asks]
    # R2: every item of the dataset, each asked by a caller of its organization.
    by_organization: dict[str, list[str]] = {}
    for caller in callers:
        by_organization.setdefault(str(caller["organization_id"]), []).append(caller["token"])
    items = [(organization, key) for organization, keys in info["item_ids"].items() for key in keys]
    chooser.shuffle(items)
    r2.bodies["ours"] += [
        graphql_body(HERE / "r2_ours.graphql", {"id": to_global_id("InventoryItem", key)})
        for _, key in items
    ]
    r2.bodies["postgraphile"] += [
        graphql_body(PGL / "r2.graphql", {"rowId": str(key)}) for _, key in items
    ]
    r2.callers["ours"] = [info["api_key"]] + [
        chooser.choice(by_organization[organization]) for organization, _ in items
    ]
    for workload in (r1, r2):
        workload.tokens = {"postgraphile": None}


def history(info: dict[str, Any]) -> list[Workload]:
    """R3 and R4 on both servers, when the dataset has them (seed version 3): R3 over every
    batch the seed made, R4 from each of its starting positions, each in a shuffled order,
    asked with the key that reads batches and events (`history_api_key`)."""
    if "r3_batch_ids" not in info:
        return []
    chooser = random.Random(20261207)  # noqa: S311 - a repeatable order, not a secret
    batches = list(info["r3_batch_ids"])
    positions = list(info["r4_positions"])
    chooser.shuffle(batches)
    chooser.shuffle(positions)
    organization = str(info["organization_id"])
    tokens: dict[str, str | None] = {"postgraphile": None, "ours": info["history_api_key"]}
    r3 = Workload(
        "R3",
        "detail: one batch, its lines with their items and drawn lots, its outputs",
        {
            "postgraphile": [
                graphql_body(PGL / "r3.graphql", {"rowId": str(key)}) for key in batches
            ],
            "ours": [
                graphql_body(HERE / "r3_ours.graphql", {"id": to_global_id("Batch", key)})
                for key in batches
            ],
        },
        tokens,
    )
    r4 = Workload(
        "R4",
        "list: the 100 events of the log after a position",
        {
            "postgraphile": [
                graphql_body(PGL / "r4.graphql", {"organizationId": organization, "after": at})
                for at in positions
            ],
            "ours": [graphql_body(HERE / "r4_ours.graphql", {"after": at}) for at in positions],
        },
        dict(tokens),
    )
    return [r3, r4]


def deliveries(info: dict[str, Any]) -> list[Workload]:
    """R5, ours alone, when the dataset has it (seed version 4): 50 webhook deliveries
    with each one's event and endpoint, from each of its starting cursors in a shuffled
    order, asked with the key that manages webhooks and reads events. PostGraphile is
    left out: webhook_endpoints is hidden from it (its rows hold the signing secrets)."""
    if "r5_cursors" not in info:
        return []
    cursors = list(info["r5_cursors"])
    random.Random(20261207).shuffle(cursors)  # noqa: S311 - a repeatable order
    return [
        Workload(
            "R5",
            "list: 50 webhook deliveries with their events and endpoint (ours alone)",
            {"ours": [graphql_body(HERE / "r5_ours.graphql", {"after": at}) for at in cursors]},
            {"ours": info["webhooks_api_key"]},
        )
    ]


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

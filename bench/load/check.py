"""Check that R1 and R2 answer the same on PostGraphile and on our API, and the same as a
direct SQL query of the database they both serve; and R3 and R4 (when the dataset has
them) the same on both servers.

    .venv/bin/python bench/load/dataset.py --scale 0.05 > /tmp/dataset.json
    .venv/bin/python bench/load/check.py /tmp/dataset.json \
        --postgraphile http://127.0.0.1:5678/graphql --ours http://127.0.0.1:8001/graphql

Reads the dataset's JSON (bench/load/dataset.py). Compares, for R1, each item's name,
type, on hand, stock value and its first 5 open lots (code, remaining), in order; for R2,
the 20 latest ledger entries (change type, quantity, lot code), oldest first. Numbers are
compared as decimals (PostGraphile returns numerics as strings, ours as Quantity/Money
amounts). "Oldest" lots are in the order received, by id (our `lots` field's documented
order; FIFO draws go by received_at, which a backdated receipt makes differ from id).
For R3, the batch's lines (position, kind, drawn, cost, item, and the lots each drew
with quantity and value: PostGraphile's draws grouped by their lineId) and its outputs
(quantity, cost, jars, lot code, container); for R4, the events' position, type, entity
and data. Exits 1 on any difference.
run.py calls `check` before measuring.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from workloads import history, reads

Row = tuple[Any, ...]

R1_LOTS_SQL = """
SELECT l.lot_code, l.remaining FROM inventory_lots l
WHERE l.item_id = :item AND l.remaining > 0 ORDER BY l.id LIMIT 5
"""
R1_ITEMS_SQL = """
SELECT id, name, type, on_hand, stock_value FROM inventory_items
WHERE organization_id = :org AND archived_at IS NULL ORDER BY id LIMIT 50
"""
R2_SQL = """
SELECT * FROM (
  SELECT e.id, e.change_type, e.quantity, l.lot_code FROM inventory_ledger e
  LEFT JOIN inventory_lots l ON l.id = e.lot_id
  WHERE e.item_id = :item ORDER BY e.id DESC LIMIT 20
) latest ORDER BY id
"""


def r1_pgl(data: dict[str, Any]) -> list[Row]:
    return [
        (
            item["name"],
            item["type"],
            Decimal(item["onHand"]),
            Decimal(item["stockValue"]),
            tuple(
                (lot["lotCode"], Decimal(lot["remaining"]))
                for lot in item["inventoryLotsByItemId"]["nodes"]
            ),
        )
        for item in data["allInventoryItems"]["nodes"]
    ]


def r1_ours(data: dict[str, Any]) -> list[Row]:
    return [
        (
            item["name"],
            item["type"],
            Decimal(item["onHand"]["amount"]),
            Decimal(item["stockValue"]["amount"]),
            tuple(
                (lot["lotCode"], Decimal(lot["remaining"]["amount"]))
                for lot in item["lots"]["nodes"]
            ),
        )
        for item in data["inventoryItems"]["nodes"]
    ]


def r2_pgl(data: dict[str, Any]) -> list[Row]:
    item = data["inventoryItemByRowId"]
    return [
        (
            entry["changeType"],
            Decimal(entry["quantity"]),
            (entry["inventoryLotByLotId"] or {}).get("lotCode"),
        )
        for entry in item["inventoryLedgersByItemId"]["nodes"]
    ]


def r2_ours(data: dict[str, Any]) -> list[Row]:
    return [
        (
            entry["changeType"],
            Decimal(entry["quantity"]["amount"]),
            (entry["lot"] or {}).get("lotCode"),
        )
        for entry in data["inventoryItem"]["history"]["nodes"]
    ]


def r3_pgl(data: dict[str, Any]) -> list[Row]:
    batch = data["batchByRowId"]
    draws: dict[str, list[Row]] = {}
    for draw in batch["batchDrawsByBatchId"]["nodes"]:
        lot = draw["inventoryLotByLotId"]["lotCode"]
        draws.setdefault(str(draw["lineId"]), []).append(
            (Decimal(draw["quantity"]), Decimal(draw["value"]), lot)
        )
    lines = [
        (
            line["position"],
            line["kind"],
            Decimal(line["drawn"]),
            Decimal(line["cost"]),
            line["inventoryItemByItemId"]["name"],
            tuple(draws.get(str(line["rowId"]), [])),
        )
        for line in batch["batchLinesByBatchId"]["nodes"]
    ]
    outputs = [
        (
            Decimal(output["quantity"]),
            Decimal(output["cost"]),
            output["containerCount"],
            output["inventoryLotByLotId"]["lotCode"],
            (output["inventoryItemByContainerItemId"] or {}).get("name"),
        )
        for output in batch["batchOutputsByBatchId"]["nodes"]
    ]
    return [(batch["label"], batch["status"]), *lines, *outputs]


def r3_ours(data: dict[str, Any]) -> list[Row]:
    batch = data["batch"]
    lines = [
        (
            line["position"],
            line["kind"],
            Decimal(line["drawn"]["amount"]),
            Decimal(line["cost"]["amount"]),
            line["item"]["name"],
            tuple(
                (
                    Decimal(draw["quantity"]["amount"]),
                    Decimal(draw["value"]["amount"]),
                    draw["lot"]["lotCode"],
                )
                for draw in line["draws"]
            ),
        )
        for line in batch["consumption"]
    ]
    outputs = [
        (
            Decimal(output["quantity"]["amount"]),
            Decimal(output["cost"]["amount"]),
            output["containerCount"],
            output["lot"]["lotCode"],
            (output["container"] or {}).get("name"),
        )
        for output in batch["outputs"]
    ]
    return [(batch["label"], batch["status"]), *lines, *outputs]


def r4_pgl(data: dict[str, Any]) -> list[Row]:
    return [
        (str(event["position"]), event["type"], event["entityId"], json.dumps(event["payload"]))
        for event in data["allEvents"]["nodes"]
    ]


def r4_ours(data: dict[str, Any]) -> list[Row]:
    return [
        (event["position"], event["type"], event["entityId"], json.dumps(event["data"]))
        for event in data["events"]["nodes"]
    ]


async def from_sql(database_url: str, organization_id: int, item_id: int) -> list[list[Row]]:
    """R1 and R2 read straight from the tables."""
    engine = create_async_engine(database_url, pool_size=1)
    try:
        async with engine.connect() as connection:
            r1 = []
            items = await connection.execute(text(R1_ITEMS_SQL), {"org": organization_id})
            for item in items.all():
                lots = await connection.execute(text(R1_LOTS_SQL), {"item": item.id})
                r1.append((*item[1:], tuple(tuple(lot) for lot in lots.all())))
            entries = await connection.execute(text(R2_SQL), {"item": item_id})
            r2 = [tuple(entry[1:]) for entry in entries.all()]
    finally:
        await engine.dispose()
    return [r1, r2]


def _post(url: str, body: bytes, token: str | None) -> dict[str, Any]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    response = httpx.post(url, content=body, headers=headers, timeout=60)
    answer: dict[str, Any] = response.json()
    if response.status_code != 200 or answer.get("errors"):
        raise SystemExit(f"{url}: {response.status_code} {str(answer)[:500]}")
    data: dict[str, Any] = answer["data"]
    return data


def _difference(name: str, rows: dict[str, list[Row]]) -> str | None:
    """The first disagreement among the sources, or None."""
    (first, expected), *others = rows.items()
    for source, got in others:
        if got != expected:
            if len(got) != len(expected):
                return f"{name}: {first} has {len(expected)} rows, {source} {len(got)}"
            at = next(i for i, (a, b) in enumerate(zip(expected, got, strict=True)) if a != b)
            return (
                f"{name}: row {at} differs: {first} {str(expected[at])[:300]} / "
                f"{source} {str(got[at])[:300]}"
            )
    return None


def check(info: dict[str, Any], postgraphile: str, ours: str) -> tuple[str, list[str]]:
    """(a summary line, the problems found) for the dataset `info` on both servers."""
    r1, r2 = reads(info)
    token = info["api_key"]
    sql_r1, sql_r2 = asyncio.run(
        from_sql(info["database_url"], info["organization_id"], info["r2_item_id"])
    )
    answers = {
        "R1": {
            "PostGraphile": r1_pgl(_post(postgraphile, r1.bodies["postgraphile"][0], None)),
            "ours": r1_ours(_post(ours, r1.bodies["ours"][0], token)),
            "SQL": sql_r1,
        },
        "R2": {
            "PostGraphile": r2_pgl(_post(postgraphile, r2.bodies["postgraphile"][0], None)),
            "ours": r2_ours(_post(ours, r2.bodies["ours"][0], token)),
            "SQL": sql_r2,
        },
    }
    summary = ""
    later = history(info)
    if later:
        r3, r4 = later
        key = info["history_api_key"]
        answers["R3"] = {
            "PostGraphile": r3_pgl(_post(postgraphile, r3.bodies["postgraphile"][0], None)),
            "ours": r3_ours(_post(ours, r3.bodies["ours"][0], key)),
        }
        answers["R4"] = {
            "PostGraphile": r4_pgl(_post(postgraphile, r4.bodies["postgraphile"][0], None)),
            "ours": r4_ours(_post(ours, r4.bodies["ours"][0], key)),
        }
        summary = (
            f"; R3: {len(answers['R3']['ours']) - 1} lines and outputs; "
            f"R4: {len(answers['R4']['ours'])} events"
        )
    problems = [p for name, rows in answers.items() if (p := _difference(name, rows))]
    items = answers["R1"]["SQL"]
    summary = (
        f"R1: {len(items)} items, {sum(len(row[4]) for row in items)} open lots; "
        f"R2: {len(answers['R2']['SQL'])} ledger entries" + summary
    )
    return summary, problems


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dataset", type=Path, help="the JSON that dataset.py prints")
    parser.add_argument("--postgraphile", default="http://127.0.0.1:5678/graphql")
    parser.add_argument("--ours", default="http://127.0.0.1:8001/graphql")
    args = parser.parse_args()
    summary, problems = check(json.loads(args.dataset.read_text()), args.postgraphile, args.ours)
    print(summary)
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print("PostGraphile, our API (and SQL, for R1 and R2) agree")


if __name__ == "__main__":
    main()

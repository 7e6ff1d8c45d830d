"""Check that R1 and R2 answer the same on PostGraphile and on our API, and what
bench/load/seed.py seeded. Reads seed.py's JSON output.

    .venv/bin/python bench/load/check.py SEEDED.json \
        --postgraphile http://127.0.0.1:5678/graphql --ours http://127.0.0.1:8001/graphql
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
PGL = HERE.parent / "postgraphile"
UNIT_COST = Decimal("0.013")  # bench/inventory/database.py


def body(query: Path, variables: dict[str, Any]) -> dict[str, Any]:
    return {"query": query.read_text(), "variables": variables}


def post(url: str, payload: dict[str, Any], token: str | None) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = httpx.post(url, json=payload, headers=headers, timeout=30)
    response.raise_for_status()
    answer: dict[str, Any] = response.json()
    if answer.get("errors"):
        raise SystemExit(f"{url}: {answer['errors']}")
    data: dict[str, Any] = answer["data"]
    return data


def r1_pgl(data: dict[str, Any]) -> list[tuple[Any, ...]]:
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


def r1_ours(data: dict[str, Any]) -> list[tuple[Any, ...]]:
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


def r2_pgl(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    item = data["inventoryItemByRowId"]
    return [
        (
            entry["changeType"],
            Decimal(entry["quantity"]),
            (entry["inventoryLotByLotId"] or {}).get("lotCode"),
        )
        for entry in item["inventoryLedgersByItemId"]["nodes"]
    ]


def r2_ours(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (
            entry["changeType"],
            Decimal(entry["quantity"]["amount"]),
            (entry["lot"] or {}).get("lotCode"),
        )
        for entry in data["inventoryItem"]["history"]["nodes"]
    ]


def expected_r1() -> list[tuple[str, Decimal, Decimal, list[Decimal]]]:
    """Name, on hand, value and the remaining of the first 5 open lots, by seed.py's rules."""
    rows = []
    for number in range(50):
        used = Decimal((number % 6) * 100 + 50)
        on_hand = Decimal(600) - used
        remaining = [Decimal(50)] + [Decimal(100)] * (5 - number % 6)
        rows.append((f"Item {number:02d}", on_hand, on_hand * UNIT_COST, remaining[:5]))
    return rows


def expected_r2() -> list[tuple[str, Decimal, int]]:
    """(change type, quantity, lot number) of the History item's last 20 ledger rows."""
    rows: list[tuple[str, Decimal, int]] = [("PURCHASE", Decimal(10), lot) for lot in range(10)]
    left = [Decimal(10)] * 10
    for _ in range(25):
        need = Decimal(3)
        for lot, there in enumerate(left):
            if need == 0:
                break
            if there > 0:
                take = min(there, need)
                left[lot] -= take
                need -= take
                rows.append(("USE", -take, lot))
    return rows[-20:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("seeded", type=Path)
    parser.add_argument("--postgraphile", default="http://127.0.0.1:5678/graphql")
    parser.add_argument("--ours", default="http://127.0.0.1:8001/graphql")
    args = parser.parse_args()
    seeded = json.loads(args.seeded.read_text())
    token = seeded["api_key"]
    org = str(seeded["organization_id"])

    variables = {"organizationId": org}
    one = r1_pgl(post(args.postgraphile, body(PGL / "r1.graphql", variables), None))
    two = r1_ours(post(args.ours, body(HERE / "r1_ours.graphql", {}), token))
    problems = []
    if one != two:
        problems.append("R1: PostGraphile and our API differ")
    got = [
        (name, on_hand, value, [lot[1] for lot in lots]) for name, _, on_hand, value, lots in one
    ]
    if got != expected_r1():
        problems.append("R1: the answer is not what seed.py made")

    variables = {"rowId": str(seeded["history_item_id"])}
    three = r2_pgl(post(args.postgraphile, body(PGL / "r2.graphql", variables), None))
    variables = {"id": seeded["history_item_global_id"]}
    four = r2_ours(post(args.ours, body(HERE / "r2_ours.graphql", variables), token))
    if three != four:
        problems.append("R2: PostGraphile and our API differ")
    # Lot codes are random: rows of the same seeded lot must share one code, and
    # different lots have different codes.
    wanted = expected_r2()
    codes: dict[int, str] = {}
    same = len(three) == len(wanted) and all(
        (kind, quantity) == (want_kind, want_quantity) and codes.setdefault(lot, code) == code
        for (kind, quantity, code), (want_kind, want_quantity, lot) in zip(
            three, wanted, strict=False
        )
    )
    if not same or len(set(codes.values())) != len(codes):
        problems.append("R2: the answer is not what seed.py made")

    print(f"R1: {len(one)} items, {sum(len(row[4]) for row in one)} lots; R2: {len(three)} rows")
    for problem in problems:
        print(problem)
    if problems:
        sys.exit(1)
    print("R1 and R2: PostGraphile and our API agree, and match the seeded data")


if __name__ == "__main__":
    main()

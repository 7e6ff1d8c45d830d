"""Batches over GraphQL: the wire shape of planBatch, startBatch (with its shortages),
addBatchIngredients and a batch's instructions; the rules are tested at the service."""

from __future__ import annotations

import pytest

from resolvers.ids import to_global_id
from tests.api_helpers import (
    START_BATCH,
    create_item,
    create_stocked_recipe,
    data,
    gql,
    receive,
    sign_up,
    start_batch,
)

pytestmark = [pytest.mark.api, pytest.mark.batches]

ERRORS = "userErrors { field message code }"
PLAN = f"""
mutation($input: PlanBatchInput!) {{
  planBatch(input: $input) {{
    plan {{
      scaled {{ factor ingredients {{ quantity {{ baseQuantity {{ amount unit }} }} }} }}
      plannedCost {{ total {{ amount currencyCode }} costMethod sufficient }}
      shortages {{ needed {{ amount unit }} available {{ amount unit }} }}
    }}
    {ERRORS}
  }}
}}"""
BATCH = """
query($id: ID!) {
  batch(id: $id) {
    label status costMethod plannedYield { amount unit } recipe { id } outputItem { id }
    consumption { position kind needed { amount unit } drawn { amount } cost { amount }
      draws { quantity { amount } value { amount } lot { lotCode vendor expiresAt } } }
    instructions { steps { position text } checklist { item { id } draws { lot { lotCode } } } }
  }
}"""


async def test_a_plan_changes_nothing_and_names_the_short_line(client):
    owner = await sign_up(client)
    recipe = await create_stocked_recipe(client, owner.token, batches=1)

    body = await gql(client, PLAN, {"input": {"recipeId": recipe["id"], "scale": "2"}}, owner.token)

    plan = data(body)["planBatch"]
    assert plan["userErrors"] == []
    assert plan["plan"]["scaled"]["ingredients"] == [
        {"quantity": {"baseQuantity": {"amount": "1400", "unit": "g"}}}
    ]
    # 700 g there at 0.01/g: 7.00 priced, 700 g short
    assert plan["plan"]["plannedCost"] == {
        "total": {"amount": "7", "currencyCode": "USD"},
        "costMethod": "FIFO",
        "sufficient": False,
    }
    assert plan["plan"]["shortages"] == [
        {"needed": {"amount": "1400", "unit": "g"}, "available": {"amount": "700", "unit": "g"}}
    ]


async def test_a_started_batch_shows_its_lots_and_instructions(client):
    owner = await sign_up(client)
    recipe = await create_stocked_recipe(client, owner.token)

    started = await start_batch(client, owner.token, recipe["id"])

    assert started["status"] == "IN_PROGRESS"
    assert started["label"].startswith("SOAP-")
    assert started["label"].endswith("-0001")
    assert started["plannedCost"] == started["ingredientCost"] == {"amount": "7"}
    batch = data(await gql(client, BATCH, {"id": started["id"]}, owner.token))["batch"]
    assert batch["recipe"] == {"id": recipe["id"]}
    assert batch["plannedYield"] == {"amount": "1000", "unit": "g"}
    [line] = batch["consumption"]
    assert (line["kind"], line["needed"], line["cost"]) == (
        "INGREDIENT",
        {"amount": "700", "unit": "g"},
        {"amount": "7"},
    )
    [draw] = line["draws"]
    assert draw["quantity"] == {"amount": "700"}
    assert draw["lot"]["lotCode"].startswith("LOT-")
    assert batch["instructions"]["steps"] == [{"position": 1, "text": "Melt the oils"}]
    assert batch["instructions"]["checklist"][0]["item"] == {"id": recipe["oil"]}


async def test_a_short_start_answers_every_shortage_and_a_forced_one_starts(client):
    owner = await sign_up(client)
    recipe = await create_stocked_recipe(client, owner.token, batches=0)

    refused = data(
        await gql(client, START_BATCH, {"input": {"recipeId": recipe["id"]}}, owner.token)
    )["startBatch"]
    forced = data(
        await gql(
            client, START_BATCH, {"input": {"recipeId": recipe["id"], "force": True}}, owner.token
        )
    )["startBatch"]

    assert refused["batch"] is None
    assert [(e["code"], e["field"]) for e in refused["userErrors"]] == [
        ("INSUFFICIENT_STOCK", ["input", "recipeId"])
    ]
    assert refused["shortages"] == [
        {
            "needed": {"amount": "700", "unit": "g"},
            "available": {"amount": "0", "unit": "g"},
            "item": {"id": recipe["oil"]},
        }
    ]
    assert forced["userErrors"] == []
    assert forced["batch"]["ingredientCost"] == {"amount": "0"}


async def test_added_ingredients_name_the_line_at_fault(client):
    owner = await sign_up(client)
    recipe = await create_stocked_recipe(client, owner.token)
    batch = await start_batch(client, owner.token, recipe["id"])
    salt = await create_item(client, owner.token, "Salt")
    await receive(client, owner.token, salt, "100")
    mutation = f"""mutation($input: AddBatchIngredientsInput!) {{
      addBatchIngredients(input: $input) {{
        batch {{ ingredientCost {{ amount }} }} {ERRORS} }} }}"""

    def lines(amount: str) -> dict[str, object]:
        return {
            "input": {
                "batchId": batch["id"],
                "lines": [{"itemId": salt, "quantity": {"amount": amount, "unit": "g"}}],
            }
        }

    bad = data(await gql(client, mutation, lines("-1"), owner.token))["addBatchIngredients"]
    good = data(await gql(client, mutation, lines("10"), owner.token))["addBatchIngredients"]

    assert [(e["code"], e["field"]) for e in bad["userErrors"]] == [
        ("NOT_POSITIVE", ["input", "lines", "0", "quantity", "amount"])
    ]
    # 7.00 + 10 g of salt at 0.01 = 7.10
    assert good == {"batch": {"ingredientCost": {"amount": "7.1"}}, "userErrors": []}


FINISH = f"""
mutation($input: FinishBatchInput!) {{
  finishBatch(input: $input) {{
    batch {{
      status actualYield {{ amount unit }} actualCost {{ amount }}
      outputs {{ quantity {{ amount }} cost {{ amount }} containerCount container {{ id }}
        lot {{ lotCode }} }}
      comparison {{ plannedCost {{ amount }} actualCost {{ amount }} yieldVariancePercent
        costPerOutputUnit {{ amount }} costPerPortion {{ amount }} margin {{ amount }} }}
    }}
    {ERRORS}
  }}
}}"""


async def test_a_finish_fills_containers_and_compares_actual_with_planned(client):
    owner = await sign_up(client)
    recipe = await create_stocked_recipe(client, owner.token)
    started = await start_batch(client, owner.token, recipe["id"])
    jar = await create_item(
        client,
        owner.token,
        "Jar",
        "each",
        type="CONTAINER",
        quantityPrecision=0,
        containerCapacity={"amount": "250", "unit": "g"},
    )
    await receive(client, owner.token, jar, "10", "each", unit_cost="0.5")
    finish = {
        "id": started["id"],
        "actualYield": {"amount": "0.9", "unit": "kg"},
        "portions": 3,
        "containers": [{"itemId": jar, "count": 2}],
    }

    zero = {**finish, "actualYield": {"amount": "0", "unit": "kg"}}
    refused = data(await gql(client, FINISH, {"input": zero}, owner.token))["finishBatch"]
    result = data(await gql(client, FINISH, {"input": finish}, owner.token))["finishBatch"]

    assert [(e["code"], e["field"]) for e in refused["userErrors"]] == [
        ("NOT_POSITIVE", ["input", "actualYield", "amount"])
    ]
    assert result["userErrors"] == []
    batch = result["batch"]
    # 7.00 of oil: 500 g in 2 jars = 7 x 500/900 = 3.888889, + 1.00 of jars; 400 g bulk
    # 3.111111. Actual 8.00: per g 8/900 = 0.008889, per portion 2.666667; yield -10 %
    assert batch["actualCost"] == {"amount": "8"}
    assert [(o["quantity"], o["cost"], o["containerCount"]) for o in batch["outputs"]] == [
        ({"amount": "500"}, {"amount": "4.888889"}, 2),
        ({"amount": "400"}, {"amount": "3.111111"}, None),
    ]
    assert batch["outputs"][1]["lot"]["lotCode"].endswith("-0001")
    assert batch["comparison"] == {
        "plannedCost": {"amount": "7"},
        "actualCost": {"amount": "8"},
        "yieldVariancePercent": "-10",
        "costPerOutputUnit": {"amount": "0.008889"},
        "costPerPortion": {"amount": "2.666667"},
        "margin": None,
    }


async def test_cancel_and_fail_answer_the_batch(client):
    owner = await sign_up(client)
    recipe = await create_stocked_recipe(client, owner.token)
    cancelled = await start_batch(client, owner.token, recipe["id"])
    failed = await start_batch(client, owner.token, recipe["id"])
    cancel = f"""mutation($id: ID!) {{ cancelBatch(input: {{id: $id}}) {{
      batch {{ status cancelledAt }} {ERRORS} }} }}"""
    fail = f"""mutation($id: ID!) {{ failBatch(input: {{id: $id, reason: "Seized"}}) {{
      batch {{ status failureReason actualCost {{ amount }} }} {ERRORS} }} }}"""

    first = data(await gql(client, cancel, {"id": cancelled["id"]}, owner.token))["cancelBatch"]
    again = data(await gql(client, cancel, {"id": cancelled["id"]}, owner.token))["cancelBatch"]
    lost = data(await gql(client, fail, {"id": failed["id"]}, owner.token))["failBatch"]

    assert first["batch"]["status"] == "CANCELLED"
    assert [(e["code"], e["field"]) for e in again["userErrors"]] == [
        ("BATCH_NOT_IN_PROGRESS", ["input", "id"])
    ]
    assert lost["batch"] == {
        "status": "FAILED",
        "failureReason": "Seized",
        "actualCost": {"amount": "7"},
    }


async def test_a_split_answers_the_base_and_its_variations(client):
    owner = await sign_up(client)
    recipe = await create_stocked_recipe(client, owner.token)
    started = await start_batch(client, owner.token, recipe["id"])
    split = f"""mutation($input: SplitBatchInput!) {{ splitBatch(input: $input) {{
      batch {{ ingredientCost {{ amount }} variations {{ label }} }}
      variations {{ label variationName percentage ingredientCost {{ amount }}
        parent {{ id }} plannedYield {{ amount }} }}
      {ERRORS} }} }}"""
    variations = [
        {"name": "Lavender", "percentage": "25"},
        {"name": "Lavender", "percentage": "25"},
    ]

    twice = await gql(
        client, split, {"input": {"id": started["id"], "variations": variations}}, owner.token
    )
    once = await gql(
        client, split, {"input": {"id": started["id"], "variations": variations[:1]}}, owner.token
    )

    assert [(e["code"], e["field"]) for e in data(twice)["splitBatch"]["userErrors"]] == [
        ("NAME_TAKEN", ["input", "variations", "1", "name"])
    ]
    result = data(once)["splitBatch"]
    # 25 % of 7.00 = 1.75 to the variation, 5.25 stays; 250 g of the 1000 g planned
    assert result["batch"]["ingredientCost"] == {"amount": "5.25"}
    [variation] = result["variations"]
    assert variation["label"] == started["label"] + "A-Lavender"
    assert result["batch"]["variations"] == [{"label": variation["label"]}]
    assert (variation["percentage"], variation["ingredientCost"], variation["plannedYield"]) == (
        "25",
        {"amount": "1.75"},
        {"amount": "250"},
    )
    assert variation["parent"] == {"id": started["id"]}


TRACE = """
query($id: ID!, $direction: TraceDirection!) {
  traceLot(id: $id, direction: $direction, maxDepth: 5) {
    direction
    lots { depth lot { lotCode vendor receivedAt } item { id } viaBatch { label } }
    batches { depth batch { label status } }
    sales { depth orderReference quantity { amount unit } lot { lotCode } }
  }
}"""


async def test_trace_lot_answers_both_ways_and_null_for_no_lot(client):
    owner = await sign_up(client)
    recipe = await create_stocked_recipe(client, owner.token)
    started = await start_batch(client, owner.token, recipe["id"])
    finish = {"id": started["id"], "actualYield": {"amount": "1", "unit": "kg"}}
    finished = data(await gql(client, FINISH, {"input": finish}, owner.token))["finishBatch"]
    product_lot = finished["batch"]["outputs"][0]["lot"]["lotCode"]
    lots = data(
        await gql(
            client,
            "query($id: ID!) { batch(id: $id) { outputs { lot { id } } "
            "consumption { draws { lot { id lotCode } } } } }",
            {"id": started["id"]},
            owner.token,
        )
    )["batch"]
    product_id = lots["outputs"][0]["lot"]["id"]
    oil_lot = lots["consumption"][0]["draws"][0]["lot"]

    back = data(await gql(client, TRACE, {"id": product_id, "direction": "BACKWARD"}, owner.token))[
        "traceLot"
    ]
    forward = data(
        await gql(client, TRACE, {"id": oil_lot["id"], "direction": "FORWARD"}, owner.token)
    )["traceLot"]
    missing = await gql(
        client,
        TRACE,
        {"id": to_global_id("InventoryLot", 987_654), "direction": "FORWARD"},
        owner.token,
    )

    assert [(x["depth"], x["lot"]["lotCode"]) for x in back["lots"]] == [
        (0, product_lot),
        (1, oil_lot["lotCode"]),
    ]
    assert back["lots"][1]["viaBatch"] == {"label": started["label"]}
    assert back["batches"] == [
        {"depth": 1, "batch": {"label": started["label"], "status": "FINISHED"}}
    ]
    assert [(x["depth"], x["lot"]["lotCode"]) for x in forward["lots"]] == [
        (0, oil_lot["lotCode"]),
        (1, product_lot),
    ]
    assert forward["sales"] == []
    assert data(missing) == {"traceLot": None}

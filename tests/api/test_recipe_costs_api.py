"""Recipe.scaled and Recipe.plannedCost on the wire: shapes, lots and money, a refused
factor, and a list of recipes priced in a fixed number of statements. The arithmetic is
tested at the service boundary (tests/services/recipes/test_costing.py)."""

from __future__ import annotations

import pytest

from tests.api.test_inventory_api import counting_statements
from tests.api.test_recipes_api import CREATE, VARIATION, _kitchen, _run, _soap
from tests.api_helpers import data, error_codes, gql, receive, sign_up

pytestmark = [pytest.mark.api, pytest.mark.recipes]

SCALED = """query($id: ID!, $factor: Decimal, $target: QuantityInput) {
  recipe(id: $id) {
    scaled(factor: $factor, targetYield: $target) {
      factor factorExact portionCount
      predictedYield { amount unit baseQuantity { amount unit } }
      ingredients { position quantity { amount unit exact baseQuantity { amount unit } }
        item { name } }
      consumables { quantity { baseQuantity { amount unit } } }
      plannedCost {
        total { amount currencyCode } complete sufficient
        costPerOutputUnit { amount } costPerPortion { amount }
        lines { position isConsumable quantity { amount unit } cost { amount }
          available { amount } short { amount } unpriced reason item { name }
          lots { quantity { amount } cost { amount } lot { lotCode } } }
        containers { capacity { amount unit } count cost { amount } unpriced item { name } }
      }
    }
  }
}"""


async def test_a_scaled_recipe_and_its_planned_cost_on_the_wire(client):
    owner = await sign_up(client)
    k = await _kitchen(client, owner.token)
    await receive(client, owner.token, k["oil"], "500", unit_cost="0.004", lotCode="OIL-1")
    await receive(client, owner.token, k["oil"], "2000", unit_cost="0.006", lotCode="OIL-2")
    await receive(client, owner.token, k["lye"], "1000", unit_cost="0.003")
    await receive(client, owner.token, k["wrapper"], "100", "each", unit_cost="0.05")
    recipe = (await _run(client, CREATE, {"input": _soap(k)}, owner.token, "createRecipe"))[
        "recipe"
    ]

    scaled = data(await gql(client, SCALED, {"id": recipe["id"], "factor": "2"}, owner.token))[
        "recipe"
    ]["scaled"]

    assert (scaled["factor"], scaled["factorExact"], scaled["portionCount"]) == ("2", True, "16")
    oil, lye = scaled["ingredients"]
    # 3.25 cup x 2 = 6.5 cup = 1537.82353725 ml x 0.91 g/ml = 1399.41941889... g -> 1399.419
    assert oil["quantity"] == {
        "amount": "6.5",
        "unit": "cup",
        "exact": True,
        "baseQuantity": {"amount": "1399.419", "unit": "g"},
    }
    assert lye["quantity"]["baseQuantity"] == {"amount": "180", "unit": "g"}
    planned = scaled["plannedCost"]
    oil_cost, lye_cost, wrappers = planned["lines"]
    # Oil: 500 g of OIL-1 at 0.004 (2.00), then 899.419 g of OIL-2 at 0.006 (5.396514).
    assert [
        (d["lot"]["lotCode"], d["quantity"]["amount"], d["cost"]["amount"])
        for d in oil_cost["lots"]
    ] == [
        ("OIL-1", "500", "2"),
        ("OIL-2", "899.419", "5.396514"),
    ]
    assert oil_cost["cost"]["amount"] == "7.396514"
    # Lye 180 g at 0.003 = 0.54; 16 wrappers at 0.05 = 0.80.
    assert (lye_cost["cost"]["amount"], wrappers["cost"]["amount"]) == ("0.54", "0.8")
    assert (wrappers["isConsumable"], oil_cost["isConsumable"]) == (True, False)
    assert planned["total"] == {"amount": "8.736514", "currencyCode": "USD"}
    assert (planned["complete"], planned["sufficient"]) == (True, True)
    # 2000 g of soap and 16 bars.
    assert planned["costPerOutputUnit"] == {"amount": "0.004368"}
    assert planned["costPerPortion"] == {"amount": "0.546032"}
    # The mould holds 1200 g: 2 for 2 kg; none in stock.
    [mould] = planned["containers"]
    assert (mould["count"], mould["cost"]["amount"], mould["unpriced"]) == (2, "0", "NO_STOCK")


async def test_a_recipe_short_of_stock_says_which_line_and_by_how_much(client):
    owner = await sign_up(client)
    k = await _kitchen(client, owner.token)
    await receive(client, owner.token, k["lye"], "50", unit_cost="0.003")
    recipe = (await _run(client, CREATE, {"input": _soap(k)}, owner.token, "createRecipe"))[
        "recipe"
    ]

    body = await gql(
        client,
        "query($id: ID!) { recipe(id: $id) { plannedCost { total { amount } complete "
        "lines { unpriced short { amount } cost { amount } } } } }",
        {"id": recipe["id"]},
        owner.token,
    )

    planned = data(body)["recipe"]["plannedCost"]
    assert planned["complete"] is False
    # 3.25 cup of oil = 768.911768625 ml x 0.91 g/ml = 699.70970944875 g -> 699.710 g.
    assert [(line["unpriced"], line["short"]["amount"]) for line in planned["lines"]] == [
        ("NO_STOCK", "699.71"),
        ("INSUFFICIENT_STOCK", "40"),
        ("NO_STOCK", "8"),
    ]
    assert planned["total"] == {"amount": "0.15"}


@pytest.mark.parametrize(
    ("variables", "reason", "field"),
    [
        ({"factor": "0"}, "NOT_POSITIVE", ["factor"]),
        ({"factor": "2", "target": {"amount": "2", "unit": "kg"}}, "INVALID", ["targetYield"]),
        (
            {"target": {"amount": "2", "unit": "l"}},
            "UNIT_CONVERSION_FAILED",
            ["targetYield", "unit"],
        ),
    ],
)
async def test_a_bad_factor_or_target_is_an_error_naming_the_argument(
    client, variables, reason, field
):
    owner = await sign_up(client)
    k = await _kitchen(client, owner.token)
    recipe = (await _run(client, CREATE, {"input": _soap(k)}, owner.token, "createRecipe"))[
        "recipe"
    ]

    body = await gql(client, SCALED, {"id": recipe["id"], **variables}, owner.token)

    assert error_codes(body) == ["BAD_REQUEST"]
    [error] = body["errors"]
    assert (error["extensions"]["reason"], error["extensions"]["field"]) == (reason, field)


async def test_pricing_a_list_of_recipes_takes_as_many_statements_for_2_as_for_22(client):
    owner = await sign_up(client)
    k = await _kitchen(client, owner.token)
    await receive(client, owner.token, k["oil"], "5000", unit_cost="0.004")
    base = (await _run(client, CREATE, {"input": _soap(k)}, owner.token, "createRecipe"))["recipe"]
    query = """{ recipes(first: 50) { nodes {
      plannedCost { total { amount } lines { lots { lot { lotCode } } } }
      scaled(factor: 3) { ingredients { quantity { amount } } } } } }"""
    counts = []
    made = 1
    for total in (2, 22):
        while made < total:
            await _run(
                client,
                VARIATION,
                {"input": {"sourceRecipeId": base["id"], "name": f"Variation {made}"}},
                owner.token,
                "createRecipeVariation",
            )
            made += 1
        with counting_statements(client) as statements:
            body = await gql(client, query, token=owner.token)
        assert len(data(body)["recipes"]["nodes"]) == total
        counts.append(len(statements))
    # A statement per recipe would add at least 20 for the second list. How the loads of
    # one tick fall into batches (each its own short transaction) varies with the timing
    # of the database's answers; that is bounded by the number of loaders, not of recipes.
    assert abs(counts[1] - counts[0]) < 10, counts
    assert max(counts) <= 30, counts

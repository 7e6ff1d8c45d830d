"""Recipes through GraphQL: the wire shape, userErrors naming list entries, versions and
steps as a client sees them, batched reads, and events as the catalog describes them.
The rules themselves are tested at the service boundary (tests/services/recipes/)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from resolvers.ids import parse_global_id, to_global_id
from services.webhooks.catalog import EVENT_TYPES
from tests.api.test_inventory_api import counting_statements
from tests.api_helpers import api_key, create_item, data, error_codes, gql, sign_up
from tests.json_schema_subset import errors

pytestmark = [pytest.mark.api, pytest.mark.recipes]

ERRORS = "userErrors { field message code }"
RECIPE = """id version isCurrent kind status name category notes labelPrefix
  predictedYield { amount unit } portioning { name count size { amount unit } }
  outputItem { id name }
  ingredients { position quantity { amount unit } note item { id name } }
  consumables { position quantity { amount unit } item { id } }
  containers { capacity { amount unit } item { id } }
  steps { key position text durationMinutes temperature { value unit } overridden
    inheritedFrom { id } overridesStep { text } }
  sourceRecipe { id } rootRecipe { id } firstVersion { id } currentVersion { id }"""

CREATE = f"""mutation($input: CreateRecipeInput!) {{
  createRecipe(input: $input) {{ recipe {{ {RECIPE} }} {ERRORS} }} }}"""
UPDATE = f"""mutation($input: UpdateRecipeInput!) {{
  updateRecipe(input: $input) {{ recipe {{ {RECIPE} }} newVersion changedFields {ERRORS} }} }}"""
PUBLISH = f"""mutation($id: ID!) {{
  publishRecipe(input: {{id: $id}}) {{ recipe {{ id status isCurrent }} {ERRORS} }} }}"""
VARIATION = f"""mutation($input: CreateRecipeVariationInput!) {{
  createRecipeVariation(input: $input) {{ recipe {{ {RECIPE} }} {ERRORS} }} }}"""
TEST = f"""mutation($input: CreateRecipeTestInput!) {{
  createRecipeTest(input: $input) {{ recipe {{ id kind name }} {ERRORS} }} }}"""
PROMOTE = f"""mutation($id: ID!) {{
  promoteRecipeTest(input: {{testId: $id}}) {{ recipe {{ id version status }}
    test {{ id promotedTo {{ id }} }} {ERRORS} }} }}"""
OVERRIDE = f"""mutation($input: OverrideRecipeStepInput!) {{
  overrideRecipeStep(input: $input) {{ recipe {{ id version steps {{ key text overridden }} }}
    newVersion {ERRORS} }} }}"""
REVERT = f"""mutation($id: ID!, $key: String!) {{
  revertRecipeStep(input: {{recipeId: $id, stepKey: $key}}) {{ recipe {{ id }} {ERRORS} }} }}"""
ARCHIVE = f"""mutation($id: ID!) {{
  archiveRecipe(input: {{id: $id}}) {{ recipe {{ id status }} {ERRORS} }} }}"""


async def _kitchen(client: httpx.AsyncClient, token: str) -> dict[str, str]:
    return {
        "soap": await create_item(client, token, "Castile soap", type="PRODUCT"),
        "oil": await create_item(client, token, "Olive oil", density="0.91"),
        "lye": await create_item(client, token, "Lye"),
        "wrapper": await create_item(
            client, token, "Wrapper", "each", type="PACKAGING", quantityPrecision=0
        ),
        "mould": await create_item(
            client,
            token,
            "Mould",
            "each",
            type="CONTAINER",
            quantityPrecision=0,
            containerCapacity={"amount": "1200", "unit": "g"},
        ),
    }


def _soap(k: dict[str, str], **values: Any) -> dict[str, Any]:
    return {
        "name": "Castile bar",
        "category": "Soap",
        "outputItemId": k["soap"],
        "predictedYield": {"amount": "1", "unit": "kg"},
        "ingredients": [
            {"itemId": k["oil"], "quantity": {"amount": "3.25", "unit": "cup"}},
            {"itemId": k["lye"], "quantity": {"amount": "90", "unit": "g"}, "note": "in water"},
        ],
        "consumables": [{"itemId": k["wrapper"], "quantity": {"amount": "8", "unit": "each"}}],
        "containers": [{"itemId": k["mould"]}],
        "portioning": {"name": "bar", "count": 8, "size": {"amount": "125", "unit": "g"}},
        "labelPrefix": "soap",
        "steps": [
            {
                "text": "Melt the oils",
                "durationMinutes": 10,
                "temperature": {"value": "45", "unit": "C"},
            },
            {"text": "Add the lye"},
        ],
        **values,
    }


async def _run(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any], token: str, field: str
) -> dict[str, Any]:
    result: dict[str, Any] = data(await gql(client, query, variables, token))[field]
    assert result["userErrors"] == [], result["userErrors"]
    return result


async def test_a_recipe_on_the_wire(client):
    owner = await sign_up(client)
    k = await _kitchen(client, owner.token)
    created = await _run(client, CREATE, {"input": _soap(k)}, owner.token, "createRecipe")
    recipe = created["recipe"]
    steps = recipe.pop("steps")
    assert recipe == {
        "id": recipe["id"],
        "version": 1,
        "isCurrent": True,
        "kind": "ORIGINAL",
        "status": "DRAFT",
        "name": "Castile bar",
        "category": "Soap",
        "notes": None,
        "labelPrefix": "SOAP",
        "predictedYield": {"amount": "1", "unit": "kg"},
        "portioning": {"name": "bar", "count": 8, "size": {"amount": "125", "unit": "g"}},
        "outputItem": {"id": k["soap"], "name": "Castile soap"},
        "ingredients": [
            {
                "position": 1,
                "quantity": {"amount": "3.25", "unit": "cup"},
                "note": None,
                "item": {"id": k["oil"], "name": "Olive oil"},
            },
            {
                "position": 2,
                "quantity": {"amount": "90", "unit": "g"},
                "note": "in water",
                "item": {"id": k["lye"], "name": "Lye"},
            },
        ],
        "consumables": [
            {
                "position": 1,
                "quantity": {"amount": "8", "unit": "each"},
                "item": {"id": k["wrapper"]},
            }
        ],
        "containers": [{"capacity": {"amount": "1200", "unit": "g"}, "item": {"id": k["mould"]}}],
        "sourceRecipe": None,
        "rootRecipe": None,
        "firstVersion": {"id": recipe["id"]},
        "currentVersion": {"id": recipe["id"]},
    }
    assert [{k: v for k, v in s.items() if k != "key"} for s in steps] == [
        {
            "position": 1,
            "text": "Melt the oils",
            "durationMinutes": 10,
            "temperature": {"value": "45", "unit": "C"},
            "overridden": False,
            "inheritedFrom": None,
            "overridesStep": None,
        },
        {
            "position": 2,
            "text": "Add the lye",
            "durationMinutes": None,
            "temperature": None,
            "overridden": False,
            "inheritedFrom": None,
            "overridesStep": None,
        },
    ]
    # the recipe is a node, and is listed with its category
    query = """query($id: ID!) { node(id: $id) { ... on Recipe { id name } }
        recipes { nodes { id } } recipeCategories }"""
    found = data(await gql(client, query, {"id": recipe["id"]}, owner.token))
    assert found == {
        "node": {"id": recipe["id"], "name": "Castile bar"},
        "recipes": {"nodes": [{"id": recipe["id"]}]},
        "recipeCategories": ["Soap"],
    }


async def test_a_bad_line_is_a_user_error_naming_the_entry(client):
    owner = await sign_up(client)
    k = await _kitchen(client, owner.token)
    ingredients = [
        {"itemId": k["oil"], "quantity": {"amount": "700", "unit": "g"}},
        {"itemId": k["lye"], "quantity": {"amount": "0.5", "unit": "cup"}},
    ]
    body = await gql(client, CREATE, {"input": _soap(k, ingredients=ingredients)}, owner.token)
    [problem] = data(body)["createRecipe"]["userErrors"]
    assert (problem["code"], problem["field"]) == (
        "UNIT_CONVERSION_FAILED",
        ["input", "ingredients", "1", "quantity", "unit"],
    )
    assert 'set a density on "Lye"' in problem["message"]
    assert data(await gql(client, "{ recipes { nodes { id } } }", token=owner.token)) == {
        "recipes": {"nodes": []}
    }
    # an ID of the wrong type in a nested input names that entry too
    wrong = [{"itemId": k["oil"], "quantity": {"amount": "1", "unit": "g"}}] * 2
    wrong[1] = {"itemId": "bm9wZQ", "quantity": {"amount": "1", "unit": "g"}}
    body = await gql(client, CREATE, {"input": _soap(k, ingredients=wrong)}, owner.token)
    [problem] = data(body)["createRecipe"]["userErrors"]
    assert (problem["code"], problem["field"]) == (
        "INVALID_ID",
        ["input", "ingredients", "1", "itemId"],
    )


async def test_versions_variations_tests_and_steps_as_a_client_sees_them(client):
    owner = await sign_up(client)
    k = await _kitchen(client, owner.token)
    v1 = (await _run(client, CREATE, {"input": _soap(k)}, owner.token, "createRecipe"))["recipe"]
    await _run(client, PUBLISH, {"id": v1["id"]}, owner.token, "publishRecipe")
    melt, lye = (step["key"] for step in v1["steps"])

    # an edit of the published version is version 2, a draft; v1 stays current
    edited = await _run(
        client,
        UPDATE,
        {"input": {"id": v1["id"], "notes": "Cure 6 weeks"}},
        owner.token,
        "updateRecipe",
    )
    assert (edited["newVersion"], edited["changedFields"]) == (True, ["notes"])
    v2 = edited["recipe"]
    assert (v2["version"], v2["status"], v2["isCurrent"], v2["firstVersion"]) == (
        2,
        "DRAFT",
        False,
        {"id": v1["id"]},
    )
    assert v2["currentVersion"] == {"id": v1["id"]}

    # a variation inherits v1's steps and overrides one
    variation = (
        await _run(
            client,
            VARIATION,
            {
                "input": {
                    "sourceRecipeId": v1["id"],
                    "name": "Lavender bar",
                    "changes": {"notes": "Purple"},
                }
            },
            owner.token,
            "createRecipeVariation",
        )
    )["recipe"]
    assert (variation["kind"], variation["notes"], variation["sourceRecipe"]) == (
        "VARIATION",
        "Purple",
        {"id": v1["id"]},
    )
    assert variation["rootRecipe"] == {"id": v1["id"]}
    assert [s["inheritedFrom"] for s in variation["steps"]] == [{"id": v1["id"]}] * 2
    overridden = await _run(
        client,
        OVERRIDE,
        {"input": {"recipeId": variation["id"], "stepKey": lye, "text": "Lye, then lavender"}},
        owner.token,
        "overrideRecipeStep",
    )
    assert overridden["recipe"]["steps"] == [
        {"key": melt, "text": "Melt the oils", "overridden": False},
        {"key": lye, "text": "Lye, then lavender", "overridden": True},
    ]
    read = data(
        await gql(
            client,
            f"query($id: ID!) {{ recipe(id: $id) {{ {RECIPE} }} }}",
            {"id": variation["id"]},
            owner.token,
        )
    )["recipe"]
    assert read["steps"][1]["overridesStep"] == {"text": "Add the lye"}
    assert read["steps"][1]["inheritedFrom"] is None
    reverted = await _run(
        client, REVERT, {"id": variation["id"], "key": lye}, owner.token, "revertRecipeStep"
    )
    assert reverted["recipe"]["id"] == variation["id"]

    # a test, promoted, becomes the source's draft
    test = (
        await _run(
            client,
            TEST,
            {
                "input": {
                    "sourceRecipeId": v1["id"],
                    "changes": {"predictedYield": {"amount": "1.1", "unit": "kg"}},
                }
            },
            owner.token,
            "createRecipeTest",
        )
    )["recipe"]
    assert (test["kind"], test["name"]) == ("TEST", "Castile bar (test)")
    promoted = await _run(client, PROMOTE, {"id": test["id"]}, owner.token, "promoteRecipeTest")
    assert promoted["recipe"] == {"id": v2["id"], "version": 2, "status": "DRAFT"}
    assert promoted["test"] == {"id": test["id"], "promotedTo": {"id": v2["id"]}}

    # and the recipe lists its versions, variations and tests
    links = """query($id: ID!) { recipe(id: $id) { versions { nodes { id version } }
        variations { nodes { id } } tests(first: 1) { nodes { id } } } }"""
    found = data(await gql(client, links, {"id": v2["id"]}, owner.token))["recipe"]
    assert found == {
        "versions": {"nodes": [{"id": v1["id"], "version": 1}, {"id": v2["id"], "version": 2}]},
        "variations": {"nodes": [{"id": variation["id"]}]},
        "tests": {"nodes": [{"id": test["id"]}]},
    }
    # promoting something that is not a test is refused on its input
    body = await gql(client, PROMOTE, {"id": variation["id"]}, owner.token)
    [problem] = data(body)["promoteRecipeTest"]["userErrors"]
    assert (problem["code"], problem["field"]) == ("NOT_A_TEST", ["input", "testId"])


async def test_archiving_is_visible_and_stops_edits(client):
    owner = await sign_up(client)
    k = await _kitchen(client, owner.token)
    recipe = (await _run(client, CREATE, {"input": _soap(k)}, owner.token, "createRecipe"))[
        "recipe"
    ]
    archived = await _run(client, ARCHIVE, {"id": recipe["id"]}, owner.token, "archiveRecipe")
    assert archived["recipe"] == {"id": recipe["id"], "status": "ARCHIVED"}
    body = await gql(client, UPDATE, {"input": {"id": recipe["id"], "name": "x"}}, owner.token)
    [problem] = data(body)["updateRecipe"]["userErrors"]
    assert (problem["code"], problem["field"]) == ("RECIPE_ARCHIVED", ["input", "id"])
    listed = """{ all: recipes { nodes { id } }
        archived: recipes(filter: {status: ARCHIVED}) { nodes { id } } }"""
    assert data(await gql(client, listed, token=owner.token)) == {
        "all": {"nodes": []},
        "archived": {"nodes": [{"id": recipe["id"]}]},
    }


LIST = """{ recipes(first: 50) { nodes { name outputItem { name }
    ingredients { quantity { amount } item { name } } steps { text inheritedFrom { id } }
    sourceRecipe { id } } } }"""


async def test_listing_recipes_with_lines_and_steps_costs_the_same_statements_for_2_or_12(
    client,
):
    owner = await sign_up(client)
    k = await _kitchen(client, owner.token)
    base = (await _run(client, CREATE, {"input": _soap(k)}, owner.token, "createRecipe"))["recipe"]
    counts = []
    made = 1
    for total in (2, 12):
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
            body = await gql(client, LIST, token=owner.token)
        assert len(data(body)["recipes"]["nodes"]) == total
        counts.append(sum("recipe" in s or "inventory_" in s for s in statements))
    assert counts[0] == counts[1] <= 10, counts


async def test_recipe_events_carry_payloads_the_catalog_describes(client):
    owner = await sign_up(client)
    k = await _kitchen(client, owner.token)
    recipe = (await _run(client, CREATE, {"input": _soap(k)}, owner.token, "createRecipe"))[
        "recipe"
    ]
    await _run(client, PUBLISH, {"id": recipe["id"]}, owner.token, "publishRecipe")
    await _run(
        client,
        UPDATE,
        {"input": {"id": recipe["id"], "portioning": None}},
        owner.token,
        "updateRecipe",
    )
    await _run(client, ARCHIVE, {"id": recipe["id"]}, owner.token, "archiveRecipe")
    query = (
        """{ events(types: ["recipe.*"]) { nodes { type entityType entityId sequence data } } }"""
    )
    events = data(await gql(client, query, token=owner.token))["events"]["nodes"]
    assert [(e["type"], e["entityType"], e["entityId"], e["sequence"]) for e in events] == [
        ("recipe.created", "Recipe", recipe["id"], 1),
        ("recipe.published", "Recipe", recipe["id"], 2),
        ("recipe.updated", "Recipe", recipe["id"], 3),
        ("recipe.archived", "Recipe", recipe["id"], 4),
    ]
    for event in events:
        schema = EVENT_TYPES[event["type"]].data_schema
        assert errors(schema, event["data"], strict=True) == [], event
    assert events[2]["data"]["recipe"]["version"] == 2
    assert events[2]["data"]["recipe"]["portioning"] is None


async def test_reading_recipes_needs_recipes_read(client):
    owner = await sign_up(client)
    key = await api_key(client, owner.token, ["inventory.read"])
    body = await gql(client, "{ recipes { nodes { id } } }", token=key)
    assert error_codes(body) == ["FORBIDDEN"]
    assert "recipes.read" in body["errors"][0]["message"]


async def test_an_ingredient_of_another_organization_is_not_found(client):
    theirs = await sign_up(client, "Theirs")
    their_oil = await create_item(client, theirs.token, "Their oil")
    owner = await sign_up(client)
    k = await _kitchen(client, owner.token)

    async def refusal(item_id: str) -> dict[str, Any]:
        lines = [{"itemId": item_id, "quantity": {"amount": "1", "unit": "g"}}]
        body = await gql(client, CREATE, {"input": _soap(k, ingredients=lines)}, owner.token)
        [problem] = data(body)["createRecipe"]["userErrors"]
        return dict(problem)

    foreign = await refusal(their_oil)
    parsed = parse_global_id(their_oil)
    assert parsed is not None
    missing = await refusal(to_global_id(parsed[0], 987_654_321))
    assert foreign == missing
    assert (foreign["code"], foreign["field"]) == (
        "NOT_FOUND",
        ["input", "ingredients", "0", "itemId"],
    )


async def test_nested_recipe_lists_are_costed_by_their_page_size(client):
    owner = await sign_up(client)
    query = (
        "{ recipes(first: 5) { nodes { id versions(first: 3) { nodes { id } } steps { text } } } }"
    )
    body = await gql(client, query, token=owner.token)
    # recipes: 2 + 5 x nodes (1 + versions (2 + 3 x 1) + steps 1) = 2 + 5 x 7
    assert body["extensions"]["cost"]["requestedQueryCost"] == 37


async def test_a_retried_edit_with_its_idempotency_key_makes_one_version(client):
    owner = await sign_up(client)
    k = await _kitchen(client, owner.token)
    recipe = (await _run(client, CREATE, {"input": _soap(k)}, owner.token, "createRecipe"))[
        "recipe"
    ]
    await _run(client, PUBLISH, {"id": recipe["id"]}, owner.token, "publishRecipe")
    request = {"query": UPDATE, "variables": {"input": {"id": recipe["id"], "notes": "v2"}}}
    headers = {"Authorization": f"Bearer {owner.token}", "Idempotency-Key": "recipe-edit-1"}
    first = await client.post("/graphql", json=request, headers=headers)
    retry = await client.post("/graphql", json=request, headers=headers)
    assert retry.headers.get("Idempotent-Replayed") == "true"
    assert retry.json()["data"] == first.json()["data"]
    query = "query($id: ID!) { recipe(id: $id) { versions { nodes { version } } } }"
    found = data(await gql(client, query, {"id": recipe["id"]}, owner.token))
    assert found["recipe"]["versions"]["nodes"] == [{"version": 1}, {"version": 2}]

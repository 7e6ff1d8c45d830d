"""verifyEmail, sendVerificationEmail, requestPasswordReset and resetPassword on the
wire: the tokens arrive by email, work once, and a reset ends every session."""

from __future__ import annotations

import pytest

from tests.api_helpers import (
    CREATE_API_KEY,
    PASSWORD,
    VERIFY_EMAIL,
    data,
    error_codes,
    gql,
    sign_up,
)

pytestmark = [pytest.mark.api, pytest.mark.auth]

REQUEST_RESET = """mutation($input: RequestPasswordResetInput!) {
  requestPasswordReset(input: $input) { requested userErrors { field message code } } }"""
RESET = """mutation($input: ResetPasswordInput!) { resetPassword(input: $input) {
  user { id emailVerifiedAt } userErrors { field message code } } }"""
RESEND = "mutation { sendVerificationEmail { user { id } userErrors { code } } }"
NEW_PASSWORD = "lavender kettle moonrise"


async def test_an_unverified_owner_is_told_to_verify_before_creating_a_key(client):
    owner = await sign_up(client, verified=False)
    variables = {"input": {"name": "k", "scopes": ["INVENTORY_READ"]}}
    refused = data(await gql(client, CREATE_API_KEY, variables, owner.token))["createApiKey"]
    assert refused["token"] is None
    assert [(e["code"], e["field"]) for e in refused["userErrors"]] == [
        ("EMAIL_NOT_VERIFIED", ["input"])
    ]

    # when they ask for a fresh token and use it
    assert data(await gql(client, RESEND, token=owner.token))["sendVerificationEmail"] == {
        "user": {"id": owner.user_id},
        "userErrors": [],
    }
    token = await client.mailbox.token(owner.email, "bt_verify_", mails=2)
    verified = data(await gql(client, VERIFY_EMAIL, {"input": {"token": token}}))["verifyEmail"]
    assert verified["user"]["emailVerifiedAt"] is not None

    # then
    created = data(await gql(client, CREATE_API_KEY, variables, owner.token))["createApiKey"]
    assert created["userErrors"] == []
    again = data(await gql(client, VERIFY_EMAIL, {"input": {"token": token}}))["verifyEmail"]
    assert again == {
        "user": None,
        "userErrors": [
            {
                "field": ["input", "token"],
                "message": "This token is not valid or has been used already.",
                "code": "TOKEN_INVALID",
            }
        ],
    }


async def test_reset_by_email_ends_every_session(client):
    # given
    owner = await sign_up(client)
    asked = data(await gql(client, REQUEST_RESET, {"input": {"email": owner.email}}))
    assert asked["requestPasswordReset"] == {"requested": True, "userErrors": []}
    token = await client.mailbox.token(owner.email, "bt_reset_")

    # when
    variables = {"input": {"token": token, "newPassword": NEW_PASSWORD}}
    reset = data(await gql(client, RESET, variables))["resetPassword"]

    # then
    assert reset["userErrors"] == []
    assert reset["user"]["id"] == owner.user_id
    ended = await gql(client, "{ viewer { user { id } } }", token=owner.token, expect_status=401)
    assert error_codes(ended) == ["UNAUTHENTICATED"]
    replay = data(await gql(client, RESET, variables))["resetPassword"]
    assert [e["code"] for e in replay["userErrors"]] == ["TOKEN_INVALID"]
    log_in = """mutation($input: LogInInput!) { logIn(input: $input) { token } }"""
    old = data(await gql(client, log_in, {"input": {"email": owner.email, "password": PASSWORD}}))
    new = data(
        await gql(client, log_in, {"input": {"email": owner.email, "password": NEW_PASSWORD}})
    )
    assert old["logIn"]["token"] is None
    assert new["logIn"]["token"] is not None


async def test_a_reset_for_an_unknown_address_answers_the_same(client):
    known = await sign_up(client)
    answers = [
        await gql(client, REQUEST_RESET, {"input": {"email": email}})
        for email in (known.email, "nobody-at-all@example.com")
    ]
    assert answers[0]["data"] == answers[1]["data"]


@pytest.mark.parametrize(
    ("operation", "values", "code", "field"),
    [
        (VERIFY_EMAIL, {"token": "bt_verify_forged"}, "TOKEN_INVALID", ["input", "token"]),
        (VERIFY_EMAIL, {"token": "x" * 5000}, "TOKEN_INVALID", ["input", "token"]),
        (REQUEST_RESET, {"email": "no-at-sign"}, "INVALID_EMAIL", ["input", "email"]),
        (REQUEST_RESET, {"email": "a" * 400 + "@x.com"}, "TOO_LONG", ["input", "email"]),
        (
            RESET,
            {"token": "bt_reset_forged", "newPassword": NEW_PASSWORD},
            "TOKEN_INVALID",
            ["input", "token"],
        ),
    ],
)
async def test_bad_input_to_the_token_operations_is_a_user_error(
    client, operation, values, code, field
):
    result = next(iter(data(await gql(client, operation, {"input": values})).values()))
    assert [(e["code"], e["field"]) for e in result["userErrors"]] == [(code, field)]


async def test_a_weak_new_password_is_refused_with_advice(client):
    owner = await sign_up(client)
    await gql(client, REQUEST_RESET, {"input": {"email": owner.email}})
    token = await client.mailbox.token(owner.email, "bt_reset_")
    variables = {"input": {"token": token, "newPassword": "aaaaaaaaaaaa"}}
    [error] = data(await gql(client, RESET, variables))["resetPassword"]["userErrors"]
    assert (error["code"], error["field"]) == ("PASSWORD_TOO_WEAK", ["input", "newPassword"])
    assert "Repeats" in error["message"]

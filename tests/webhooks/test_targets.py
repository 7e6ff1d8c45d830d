"""Where webhooks may go: no private, loopback, link-local or metadata address, checked
when the endpoint is saved and again before every delivery."""

from __future__ import annotations

import pytest

from services.errors import UserInputError
from services.webhooks.targets import TargetPolicy
from tests.services.inventory.givens import create_item
from tests.webhooks.givens import STRICT, attempts, create_endpoint, deliveries, delivery, send

pytestmark = pytest.mark.webhooks


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/hook",
        "http://10.0.0.1/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "http://localhost/hook",
        "http://2130706433/hook",  # 127.0.0.1 as one number: still resolved and refused
        "http://[::ffff:127.0.0.1]/hook",
    ],
)
async def test_an_endpoint_at_a_private_address_is_refused(sessions, owner, url):
    with pytest.raises(UserInputError) as refused:
        await create_endpoint(sessions, owner.principal, url, policy=STRICT)

    assert refused.value.code == "URL_NOT_ALLOWED"


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("http://127.0.0.1:9/hook", "127.0.0.1"),
        ("http://10.0.0.1/hook", "10.0.0.1"),
        ("http://[::1]/hook", "::1"),
        ("http://localhost/hook", "localhost"),
    ],
)
async def test_an_allow_listed_host_is_accepted(sessions, owner, url, allowed):
    policy = TargetPolicy(allow_http=True, allowed_hosts=frozenset({allowed}))

    made = await create_endpoint(sessions, owner.principal, url, policy=policy)

    assert made.endpoint.url == url


async def test_http_needs_the_development_setting(sessions, owner):
    with pytest.raises(UserInputError) as refused:
        await create_endpoint(
            sessions,
            owner.principal,
            "http://hooks.example.com/hook",
            policy=TargetPolicy(allowed_hosts=frozenset({"hooks.example.com"})),
        )

    assert refused.value.code == "HTTPS_REQUIRED"


async def test_a_host_no_longer_allowed_is_refused_at_delivery_time(sessions, owner, receiver):
    path = receiver.new_path()
    hook = await create_endpoint(sessions, owner.principal, receiver.url(path))
    await create_item(sessions, owner.principal, "Olive oil")
    [pending] = await deliveries(sessions, hook.endpoint.id)

    # The allow-list lost 127.0.0.1 after the endpoint was saved.
    outcome = await send(sessions, pending.id, policy=STRICT)

    [attempt] = await attempts(sessions, pending.id)
    assert outcome.status == "PENDING"
    assert (attempt.status_code, attempt.outcome) == (None, "RETRY")
    assert attempt.error is not None
    assert attempt.error.startswith("refused: 127.0.0.1 resolves to 127.0.0.1")
    assert (await delivery(sessions, pending.id)).attempt_count == 1
    assert receiver.at(path) == []

"""The billing benchmark; prints its figures as Markdown.

    .venv/bin/python bench/billing/run.py [--quick] [DATABASE_URL]
    make bench                      (BENCH_ARGS=--quick for a short run)

The database is the URL given, else BENCH_DATABASE_URL, else `batchtrack_bench_billing` on
the local PostgreSQL (127.0.0.1, user postgres), dropped and created afresh.

Measured:
- Stripe webhook events processed per second and their latency (p50, p99), through the
  whole endpoint (signature check on the raw body, the event id stored once, the
  subscription refetched from the local Stripe peer over loopback, the account applied,
  commit), sequentially and 4 at a time. The peer is localstripe as the tests start it
  (tests/billing/stripe_peer.py), in a thread of this process.
- The entitlement check's CPU per creating mutation: `require_within` with the usage the
  caller knows (the rule alone) and with the usage counted (one count query; client CPU,
  and wall time including PostgreSQL's).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the test peer (tests/billing/stripe_peer.py)

from server import migrate  # noqa: E402
from server.app import create_app  # noqa: E402
from server.settings import Settings  # noqa: E402
from services.accounts import service as accounts  # noqa: E402
from services.billing.accounts import account_for  # noqa: E402
from services.billing.entitlements import require_within  # noqa: E402
from services.billing.plans import Limit  # noqa: E402
from services.billing.standing import BillingPolicy  # noqa: E402
from services.billing.stripe_gateway import StripeGateway  # noqa: E402
from services.db import create_engine, create_session_factory, unit_of_work  # noqa: E402
from tests.billing.stripe_peer import (  # noqa: E402
    API_KEY,
    GOOD_CARD,
    WEBHOOK_SECRET,
    StripePeer,
    event_body,
    sign,
)

DEFAULT_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/batchtrack_bench_billing"


def _fresh_database(url: str) -> None:
    async def reset() -> None:
        admin = create_engine(url.rsplit("/", 1)[0] + "/postgres")
        name = url.rsplit("/", 1)[1]
        async with admin.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
        await admin.dispose()

    asyncio.run(reset())


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def _subscriptions(peer: StripePeer, sessions: Any, count: int) -> list[dict[str, Any]]:
    """`count` organizations, each a Stripe customer with an active Team subscription
    that its billing account names; returns the subscriptions as Stripe reports them."""
    client = peer.client()
    found = []
    for number in range(count):
        async with unit_of_work(sessions) as session:
            grant = await accounts.sign_up(
                session,
                None,
                email=f"bench{number}-{uuid.uuid4().hex[:6]}@example.com",
                password="a long enough password",
                organization_name=f"Bench {number}",
            )
        organization_id = grant.organization.id
        customer = await client.v1.customers.create_async(
            {"email": grant.user.email, "metadata": {"organization_id": str(organization_id)}}
        )
        await peer.set_card(customer.id, GOOD_CARD)
        params: Any = {
            "customer": customer.id,
            "items": [{"plan": "batchtrack_team_monthly"}],
            "metadata": {"organization_id": str(organization_id)},
        }
        subscription = await client.v1.subscriptions.create_async(params)
        async with unit_of_work(sessions) as session:
            account = await account_for(session, organization_id)
            account.stripe_customer_id = customer.id
            account.stripe_subscription_id = subscription.id
            account.plan = "team"
        found.append(subscription.to_dict())
    return found


async def _post_events(
    api: httpx.AsyncClient, subscriptions: list[dict[str, Any]], total: int, concurrency: int
) -> tuple[float, list[float], int]:
    bodies = [
        event_body("customer.subscription.updated", subscriptions[i % len(subscriptions)])
        for i in range(total)
    ]
    latencies: list[float] = []
    failures = 0
    queue: asyncio.Queue[bytes] = asyncio.Queue()
    for body in bodies:
        queue.put_nowait(body)

    async def worker() -> None:
        nonlocal failures
        while not queue.empty():
            body = queue.get_nowait()
            started = time.perf_counter()
            response = await api.post(
                "/billing/stripe/webhook", content=body, headers={"Stripe-Signature": sign(body)}
            )
            latencies.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200 or response.json().get("result") != "processed":
                failures += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started, latencies, failures


async def _entitlement_cpu(sessions: Any, organization_id: int, token: str, runs: int) -> list[str]:
    policy = BillingPolicy(configured=True)
    async with unit_of_work(sessions) as session:
        account = await account_for(session, organization_id)
        account.plan = "team"
    async with unit_of_work(sessions, write=False) as session:
        principal = (await accounts.authenticate(session, token, policy)).principal
    rows = []
    for limit in (Limit.RECIPES, Limit.USERS, Limit.API_KEYS, Limit.WEBHOOK_ENDPOINTS):
        async with unit_of_work(sessions, write=False) as session:
            cpu = time.process_time()
            for _ in range(runs):
                await require_within(session, principal, limit, field=("name",), usage=0)
            known = (time.process_time() - cpu) / runs * 1000
            cpu, wall = time.process_time(), time.perf_counter()
            for _ in range(runs):
                await require_within(session, principal, limit, field=("name",))
            counted_cpu = (time.process_time() - cpu) / runs * 1000
            counted_wall = (time.perf_counter() - wall) / runs * 1000
        rows.append(f"| {limit.value} | {known:.4f} | {counted_cpu:.3f} | {counted_wall:.3f} |")
    return rows


async def _run(url: str, quick: bool) -> str:
    peer = StripePeer()
    peer.start()
    await StripeGateway(API_KEY, api_base=peer.url).sync_catalog()  # the plans, as set up
    settings = Settings(
        database_url=url,
        secret_key="bench",
        log_level="ERROR",
        redis_url=None,
        stripe_api_key=API_KEY,
        stripe_api_base=peer.url,
        stripe_webhook_secret=WEBHOOK_SECRET,
    )
    app = create_app(settings)
    sessions = create_session_factory(create_engine(url))
    organizations = 20 if quick else 100
    total = 200 if quick else 2000
    lines: list[str] = []
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench", timeout=60
        ) as api,
    ):
        print("setting up subscriptions in local Stripe ...", file=sys.stderr)
        subscriptions = await _subscriptions(peer, sessions, organizations)
        lines += [
            f"### Stripe webhook events ({total} `customer.subscription.updated`, "
            f"{organizations} subscriptions; each refetched from local Stripe)",
            "",
            "| concurrency | events/s | p50 ms | p99 ms | max ms | not processed "
            "| CPU ms per event (this process: API + peer) |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for concurrency in (1, 4):
            print(f"webhook events, concurrency {concurrency} ...", file=sys.stderr)
            cpu = time.process_time()
            elapsed, latencies, failures = await _post_events(
                api, subscriptions, total, concurrency
            )
            cpu_ms = (time.process_time() - cpu) / total * 1000
            lines.append(
                f"| {concurrency} | {total / elapsed:,.0f} | "
                f"{statistics.median(latencies):.1f} | {_percentile(latencies, 0.99):.1f} | "
                f"{max(latencies):.1f} | {failures} | {cpu_ms:.1f} |"
            )
        async with unit_of_work(sessions, write=False) as session:
            organization_id, email = (
                await session.execute(
                    text(
                        "SELECT m.organization_id, u.email FROM memberships m "
                        "JOIN users u ON u.id = m.user_id ORDER BY m.id LIMIT 1"
                    )
                )
            ).one()
        async with unit_of_work(sessions) as session:
            credentials = await accounts.check_credentials(
                session, email=email, password="a long enough password"
            )
            grant = await accounts.log_in(session, None, credentials=credentials)
        runs = 200 if quick else 2000
        print("entitlement checks ...", file=sys.stderr)
        lines += [
            "",
            f"### The entitlement check per creating mutation ({runs} checks each, Team plan)",
            "",
            "| limit | CPU ms, usage known | CPU ms, usage counted (1 query) "
            "| wall ms, usage counted |",
            "|---|---:|---:|---:|",
            *await _entitlement_cpu(sessions, organization_id, grant.token, runs),
        ]
    return "\n".join(lines)


def _git(*args: str) -> str:
    git = shutil.which("git") or "git"
    done = subprocess.run(  # noqa: S603 - fixed git arguments
        [git, *args], capture_output=True, text=True, cwd=ROOT, check=False
    )
    return done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("database_url", nargs="?")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    url = args.database_url or os.environ.get("BENCH_DATABASE_URL") or DEFAULT_URL
    if not args.database_url and not os.environ.get("BENCH_DATABASE_URL"):
        _fresh_database(url)
    migrate.upgrade(url)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    started = time.monotonic()
    body = asyncio.run(_run(url, args.quick))
    commit = _git("rev-parse", "HEAD")
    dirty = _git("status", "--porcelain")
    command = " ".join(["bench/billing/run.py", *sys.argv[1:]])
    print(f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    print(f"- commit: {commit}{' (with uncommitted changes)' if dirty else ''}")
    print(
        f"- machine: {os.cpu_count()} CPUs; Python {platform.python_version()}; "
        f"PostgreSQL on the same machine; load average before the run: {load}"
    )
    print(f"- command: `.venv/bin/python {command}` (or `make bench`)")
    print()
    print(body)
    print()
    print(f"Run time: {time.monotonic() - started:.0f} s.")


if __name__ == "__main__":
    main()

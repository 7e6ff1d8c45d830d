"""`batchtrack serve | worker | migrate | export-schema | verify-inventory | verify-email |
billing sync-catalog|exempt|unexempt|suspend|reinstate`."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from server.settings import load_settings

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from server.mailer import MailDispatcher
    from services.billing.standing import BillingPolicy
    from webhooks.dispatcher import WebhookDispatcher

FIRST_STEPS = """
BatchTrack API is serving at http://{host}:{port}/graphql (GraphiQL in a browser).
Create the first account with this mutation (GraphiQL or curl):

  mutation {{ signUp(input: {{email: "you@example.com", password: "four uncommon words here",
    organizationName: "My Workshop"}}) {{ token userErrors {{ field message code }} }} }}

then send the token as 'Authorization: Bearer <token>' (in GraphiQL's Headers tab:
{{"Authorization": "Bearer <token>"}}).
"""


def serve() -> None:
    import uvicorn

    from server.app import create_app

    settings = load_settings()
    app = create_app(settings)
    # What is built by now (schema, mappers, statements) lives as long as the process:
    # frozen out of the cycle collector's reach, so its full collections scan only what
    # requests create. Unfrozen, they stalled requests by up to ~100 ms (R1's p99 at a
    # fixed 170/s: 83 ms, 16 ms with the collector off; bench/RESULTS.md).
    gc.collect()
    gc.freeze()
    print(FIRST_STEPS.format(host=settings.host, port=settings.port), flush=True)
    # proxy_headers off: uvicorn would otherwise believe X-Forwarded-For from loopback;
    # TRUSTED_PROXIES decides instead (server/client_address.py).
    uvicorn.run(
        app,
        host=settings.host,
        port=settings.port,
        log_config=None,
        access_log=False,
        proxy_headers=False,
    )


def migrate() -> None:
    from server import migrate as migrations

    settings = load_settings()
    settings.prepare_var_dir()
    migrations.upgrade(settings.database_url)
    print("migrations applied", flush=True)


def worker() -> None:
    """The mail outbox, the inventory jobs and webhooks: with Redis, a Dramatiq worker for
    `deliver_webhooks` plus the sweeper that enqueues due deliveries; without, the sweeper
    sends them in-process."""
    from server.app import webhook_policy
    from server.mailer import MailDispatcher, transport_for
    from server.observability import configure_logging, init_sentry
    from services.db import CommitListener, create_engine, create_session_factory
    from services.webhooks.secrets import SecretBox
    from webhooks.dispatcher import WebhookDispatcher

    settings = load_settings()
    configure_logging(settings.log_level)
    init_sentry(settings.sentry_dsn, settings.sentry_environment)
    # The inventory jobs' commits (expired reservations, low stock) name their endpoints.
    commit_listeners: list[CommitListener] = []
    sessions = create_session_factory(create_engine(settings.database_url), commit_listeners)
    transport = transport_for(settings.smtp_url, settings.mail_from)
    policy, box = webhook_policy(settings), SecretBox(settings.resolved_secret_key)
    consumer = None
    if settings.redis_url:
        import dramatiq

        from server import mail_actor
        from webhooks import actors

        # The actors run on Dramatiq's event-loop thread, so they get an engine of their own.
        actor_sessions = create_session_factory(create_engine(settings.database_url))
        broker = actors.configure(settings.redis_url, actor_sessions, policy, box)
        mail_actor.configure(broker, actor_sessions, transport)
        queues = {actors.QUEUE, mail_actor.QUEUE}
        consumer = dramatiq.Worker(
            broker,
            queues=queues,
            worker_threads=actors.WORKER_THREADS,
            worker_timeout=actors.IDLE_POLL_MS,
        )
        consumer.start()
        hooks = WebhookDispatcher(sessions, policy=policy, box=box, enqueue=actors.enqueue)
        mailer = MailDispatcher(
            sessions,
            settings.smtp_url,
            settings.mail_from,
            enqueue=mail_actor.enqueue,
            transport=transport,
        )
    else:
        hooks = WebhookDispatcher(sessions, policy=policy, box=box)
        mailer = MailDispatcher(
            sessions, settings.smtp_url, settings.mail_from, transport=transport
        )
    commit_listeners.extend([hooks.committed, mailer.committed])
    try:
        asyncio.run(_work(mailer, hooks, sessions))
    finally:
        if consumer is not None:
            consumer.stop(timeout=15_000)


async def _work(
    mailer: MailDispatcher,
    hooks: WebhookDispatcher,
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    import signal

    from services.inventory import jobs as inventory_jobs

    main = asyncio.current_task()
    assert main is not None
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, main.cancel)
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.gather(
            mailer.run_forever(), hooks.run_forever(), inventory_jobs.run_forever(sessions)
        )


async def report_inventory(
    database_url: str, organization_id: int | None, out: TextIO | None = None
) -> int:
    """Check the inventory invariant and print a report; the exit status is 1 when any
    item breaks it. One snapshot, read-only: safe beside running API processes."""
    from services.db import create_engine, create_session_factory
    from services.inventory.payloads import item_id as public_item_id
    from services.inventory.verify import consistent_snapshot, count_items, verify_inventory

    out = out or sys.stdout
    engine = create_engine(database_url)
    try:
        async with consistent_snapshot(create_session_factory(engine)) as session:
            checked = await count_items(session, organization_id=organization_id)
            broken = await verify_inventory(session, organization_id=organization_id)
    finally:
        await engine.dispose()
    scope = "all organizations" if organization_id is None else f"organization {organization_id}"
    for item in broken:
        print(
            f'organization {item.organization_id}, item {item.item_id} "{item.item_name}" '
            f"({public_item_id(item.item_id)}):",
            file=out,
        )
        for problem in item.problems:
            print(f"  - {problem}", file=out)
    if broken:
        print(f"{len(broken)} of {checked} item(s) in {scope} break the invariant", file=out)
        return 1
    print(f"inventory consistent: {checked} item(s) checked in {scope}", file=out)
    return 0


def verify_inventory(organization_id: int | None) -> None:
    settings = load_settings()
    sys.exit(asyncio.run(report_inventory(settings.database_url, organization_id)))


async def verify_email_address(database_url: str, email: str, out: TextIO | None = None) -> int:
    """Mark an account's address verified, as the mailed token would; 1 if none has it."""
    from services.accounts import tokens
    from services.db import create_engine, create_session_factory, unit_of_work

    out = out or sys.stdout
    engine = create_engine(database_url)
    try:
        async with unit_of_work(create_session_factory(engine)) as session:
            user = await tokens.verify_by_operator(session, email)
    finally:
        await engine.dispose()
    print(f"{email}: verified" if user else f"{email}: no account has this address", file=out)
    return 0 if user else 1


def verify_email(email: str | None) -> None:
    if not email:
        sys.exit("usage: batchtrack verify-email ADDRESS")
    settings = load_settings()
    sys.exit(asyncio.run(verify_email_address(settings.database_url, email)))


def export_schema() -> None:
    """schema/schema.graphql, the checked-in contract, and the generated operations
    section of docs/api.md."""
    from schema.root import SCHEMA_FILE, build_schema
    from schema.root import export_schema as render
    from server.api_docs import API_DOC, write_api_doc

    SCHEMA_FILE.write_text(render())
    print(f"wrote {SCHEMA_FILE}", flush=True)
    write_api_doc(build_schema())
    print(f"wrote the operations of {API_DOC}", flush=True)


async def sync_catalog(api_key: str | None, api_base: str | None, out: TextIO | None = None) -> int:
    """Create the Stripe products and prices the catalog sells, by lookup key; check
    those that exist. Idempotent: a second run creates nothing."""
    from services.billing.stripe_gateway import PaymentProviderUnavailable, StripeGateway

    out = out or sys.stdout
    if not api_key:
        print("STRIPE_API_KEY is not set: billing is not configured", file=out)
        return 2
    try:
        outcomes = await StripeGateway(api_key, api_base=api_base).sync_catalog()
    except PaymentProviderUnavailable as error:
        print(f"Stripe refused or is unreachable: {error.cause}", file=out)
        return 1
    for lookup_key, outcome in outcomes:
        print(f"{outcome:8} {lookup_key}", file=out)
    created = sum(1 for _, outcome in outcomes if outcome == "created")
    print(f"{created} price(s) created, {len(outcomes) - created} already there", file=out)
    return 0


BILLING_USAGE = (
    "usage: batchtrack billing sync-catalog\n"
    "       batchtrack billing exempt|unexempt|reinstate --organization ID\n"
    "       batchtrack billing suspend --organization ID --reason TEXT"
)


async def operate_billing(
    database_url: str,
    policy: BillingPolicy,
    action: str,
    organization_id: int,
    *,
    reason: str = "",
    out: TextIO | None = None,
) -> int:
    """An operator's change to an organization's billing (services/billing/operator.py);
    1 if there is no such organization."""
    from services.billing import operator
    from services.db import create_engine, create_session_factory, unit_of_work

    out = out or sys.stdout
    engine = create_engine(database_url)
    try:
        async with unit_of_work(create_session_factory(engine)) as session:
            if action in ("exempt", "unexempt"):
                changed = await operator.set_exempt(
                    session, organization_id, action == "exempt", policy
                )
            elif action == "suspend":
                changed = await operator.suspend(session, organization_id, reason, policy)
            else:
                changed = await operator.reinstate(session, organization_id, policy)
    except operator.UnknownOrganization:
        print(f"organization {organization_id}: no such organization", file=out)
        return 1
    finally:
        await engine.dispose()
    outcome = f"changed {', '.join(changed)}" if changed else "already so, nothing changed"
    print(f"organization {organization_id}: {action}: {outcome}", file=out)
    return 0


def billing(args: argparse.Namespace) -> None:
    from server.app import billing_policy

    settings = load_settings()
    if args.subcommand == "sync-catalog":
        sys.exit(asyncio.run(sync_catalog(settings.stripe_api_key, settings.stripe_api_base)))
    if args.subcommand not in ("exempt", "unexempt", "suspend", "reinstate"):
        sys.exit(BILLING_USAGE)
    if args.organization is None or (args.subcommand == "suspend" and not args.reason):
        sys.exit(BILLING_USAGE)
    sys.exit(
        asyncio.run(
            operate_billing(
                settings.database_url,
                billing_policy(settings),
                args.subcommand,
                args.organization,
                reason=args.reason,
            )
        )
    )


COMMANDS: dict[str, Callable[[argparse.Namespace], None]] = {
    "serve": lambda _: serve(),
    "worker": lambda _: worker(),
    "migrate": lambda _: migrate(),
    "export-schema": lambda _: export_schema(),
    "verify-inventory": lambda args: verify_inventory(args.organization),
    "billing": billing,
    "verify-email": lambda args: verify_email(args.subcommand),
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="batchtrack", description="BatchTrack platform API")
    parser.add_argument("command", choices=sorted(COMMANDS))
    parser.add_argument(
        "subcommand",
        nargs="?",
        help="billing: sync-catalog, exempt, unexempt, suspend, reinstate; "
        "verify-email: the address",
    )
    parser.add_argument(
        "--organization",
        type=int,
        metavar="ID",
        help="verify-inventory: check only this organization (default: all); "
        "billing: the organization to change",
    )
    parser.add_argument("--reason", default="", help="billing suspend: why (kept on record)")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    COMMANDS[args.command](args)


if __name__ == "__main__":
    main()

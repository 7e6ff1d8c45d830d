"""Seed a migrated, empty PostgreSQL database with the load benchmark's deterministic data
set, through the real services only, and print what was made as JSON. Use dataset.py to
get a cached copy; this is what it runs.

    .venv/bin/python bench/load/seed.py DATABASE_URL [--scale S] [--seed N]
        [--processes P] [--tasks T]

Scale 1.0 is two organizations of 2,000 items, each with about 50,000 lots and 190,000
ledger rows. A scale multiplies the item count, but never below 160 per organization, so
the reserved items exist; there, regular items get proportionally fewer lots.
`random.Random(seed)` draws one seed per item, which drives that item's name, unit (g,
ml, each), lots (5 to 41, sizes, unit costs of up to 4 decimals, some expired, some
expiring later) and its sequence of USE, SALE, SAMPLE, SPOIL, RESTOCK and RECOUNT
changes: a scale and seed always give the same names, quantities, costs and ledger
sequence per item (ids, timestamps and RESTOCK lot codes differ). Plans are checked
against a model of the FIFO lots, so every service call succeeds.

Organization A's items by id: the first 50 are R1's, the 56th is R2's (113 ledger rows,
a third of its consumptions drawing two lots), the last 100 are W1's (unit g, 40 to 44
lots of 10 to 30 g, exactly 40 left open, no expiry); none of these is archived.
Organization B adds tenancy and volume. Then copies of the regular items (lots and
ledger included, renamed, made in SQL: `clone_volume`) bring the two organizations to
10,000 items, so that reads can cycle over more distinct items than any cache holds, and
100 read-only API keys are made (60 in A, 40 in B): the callers the reads cycle over.
Version 3 adds R3's batches in A, made from a kit of items of its own after every other
item (`make_batches`), a key that reads batches and events, and R4's starting positions
in A's event log (`r4_positions`). Version 4 adds R5's webhook deliveries in A: an
endpoint, disabled before any server could send to it, with a delivery of each of A's
last 2,000 events (`make_deliveries`), and a key that manages webhooks and reads events.

Speed: a service call is 7 SQL statements and about 3 ms of Python CPU on the 2-core
benchmark machine (it was 10-11 statements and 5.5 ms before the write path was trimmed:
scale 0.05 took 99 s of CPU, now 58 s), and scale 1.0 is about 330,000 calls; one
transaction per item, items spread over `--processes` (2) processes running `--tasks` (2)
items at a time each.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from multiprocessing import get_context
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from services.accounts import service as accounts
from services.accounts import tokens
from services.batches import finishing, start
from services.batches.finishing import ContainerFill
from services.billing.models import SubscriptionStatus
from services.billing.plans import ENTERPRISE
from services.billing.standing import Standing
from services.db import create_engine, create_session_factory, unit_of_work, utcnow
from services.events import Event
from services.ids import to_global_id
from services.inventory import items, stock
from services.inventory.items import ItemFields
from services.inventory.quantities import QuantityInput
from services.permissions import ROLE_PERMISSIONS, Principal, Role
from services.recipes import recipes
from services.recipes.content import LineInput, RecipeChanges
from services.recipes.costing import ScaleRequest
from services.webhooks import endpoints
from services.webhooks.fanout import entity_key
from services.webhooks.heads import NewDelivery, add_deliveries
from services.webhooks.secrets import SecretBox
from services.webhooks.targets import TargetPolicy

Sessions = async_sessionmaker[AsyncSession]
ENTERPRISE_STANDING = Standing(
    ENTERPRISE.key, SubscriptionStatus.ACTIVE, ENTERPRISE.entitlements, False, None
)

# Bump whenever the generated data changes: dataset.py names its cached databases by it.
SEED_VERSION = 4
ITEMS_AT_SCALE_1 = 2_000
# Copies of the regular items beside them, so that R2 can cycle over more distinct items
# than any cache holds: at least 10,000 items in all, at any scale.
VOLUME_ITEMS = 10_000
# Read-only API keys, the callers R1 and R2 cycle over, split between the organizations.
CALLERS = {0: 60, 1: 40}
MIN_ITEMS = 160
R1_ITEMS = 50
R2_INDEX = 55
W1_ITEMS = 100
W1_MIN_OPEN_LOTS = 40
# R3's batches (version 3): made in organization A from a kit of its own (created after
# every other item, so the workloads' items keep their ids), never below 100.
BATCHES_AT_SCALE_1 = 1_000
MIN_BATCHES = 100
# R4's starting positions: spread over organization A's log, each with 100 events after it.
R4_POSITIONS = 200
# R5's deliveries (version 4): of organization A's last events, to one disabled endpoint;
# R5 pages through them from R5_CURSORS starting points, each with 50 deliveries after it.
R5_DELIVERIES = 2_000
R5_CURSORS = 40
PROTECTED_HEAD = 60  # org A's first items are never archived, so R1 is exactly 0..49

ADJECTIVES = ("Organic", "Raw", "Refined", "Cold-pressed", "Wild", "Fine", "Pure", "Golden")
MATERIALS = {
    "g": ("Shea Butter", "Cocoa Butter", "Beeswax", "Soy Wax", "Lye", "Kaolin Clay", "Sugar"),
    "ml": ("Olive Oil", "Coconut Oil", "Lavender Oil", "Glycerin", "Aloe Juice", "Castor Oil"),
    "each": ("Jar 100 ml", "Tin 4 oz", "Wick", "Label", "Gift Box", "Pump Bottle"),
}
TYPES = {"g": "INGREDIENT", "ml": "INGREDIENT", "each": "PACKAGING"}
# Consumption-side change types and how often each is drawn.
CHANGES = ("USE", "SALE", "SAMPLE", "SPOIL", "RESTOCK", "RECOUNT")
CHANGE_WEIGHTS = (64, 15, 6, 6, 3, 6)


@dataclass(frozen=True)
class Receive:
    quantity: Decimal
    unit_cost: Decimal  # per unit of the item, at most 4 decimals
    age_hours: int  # received this long before the seed started
    expires_hours: int | None  # expiry relative to the seed's start; negative = expired


@dataclass(frozen=True)
class Adjust:
    change_type: str
    quantity: Decimal  # for RECOUNT, the counted total


@dataclass(frozen=True)
class ItemPlan:
    name: str
    type: str
    unit: str
    steps: tuple[Receive | Adjust, ...]
    archived: bool
    ledger_rows: int


class FifoModel:
    """What the services will hold for one item: its lots in draw order (received_at,
    then id) as [remaining, expired]. Lots that RESTOCK or a RECOUNT create are received
    "now", after every historic receipt, so they are kept apart and drawn last."""

    def __init__(self) -> None:
        self.historic: list[list[Any]] = []
        self.fresh: list[list[Any]] = []
        self.received = self.drawn = self.expired = Decimal(0)
        self.rows = 0

    def add(self, quantity: Decimal, *, expired: bool = False, fresh: bool = False) -> None:
        (self.fresh if fresh else self.historic).append([quantity, expired])
        self.received += quantity
        self.expired += quantity if expired else 0
        self.rows += 1

    def total(self, include_expired: bool) -> Decimal:
        on_hand = self.received - self.drawn
        return on_hand if include_expired else on_hand - self.expired

    def draw(self, quantity: Decimal, include_expired: bool) -> None:
        left = quantity
        for lot in (*self.historic, *self.fresh):
            if left == 0:
                break
            if lot[0] == 0 or (lot[1] and not include_expired):
                continue
            take = min(left, lot[0])
            lot[0] -= take
            left -= take
            self.expired -= take if lot[1] else 0
            self.rows += 1
        assert left == 0, "the plan draws more than the model holds"
        self.drawn += quantity


def _amount(rng: random.Random, unit: str, mean: float) -> Decimal:
    """A positive quantity near `mean`: whole pieces, or grams/ml to one decimal."""
    if unit == "each":
        return Decimal(max(1, round(mean * rng.uniform(0.5, 1.5))))
    return Decimal(max(1, round(mean * rng.uniform(0.5, 1.5) * 10))) / 10


def _consume(rng: random.Random, model: FifoModel, unit: str, mean: float) -> Adjust | None:
    """One consumption-side change the model can honour, applied to the model."""
    change = rng.choices(CHANGES, CHANGE_WEIGHTS)[0]
    amount = _amount(rng, unit, mean)
    if change == "RESTOCK":
        amount = _amount(rng, unit, mean / 2)
        model.add(amount, fresh=True)
        return Adjust(change, amount)
    if change == "RECOUNT":
        delta = max(_amount(rng, unit, mean / 10), Decimal(1))
        total = model.total(include_expired=True)
        if rng.random() < 0.2 or total <= delta:
            model.add(delta, fresh=True)
            return Adjust(change, total + delta)
        model.draw(delta, include_expired=True)
        return Adjust(change, total - delta)
    disposal = change == "SPOIL"  # disposals may take expired stock, consumptions not
    amount = min(amount, model.total(include_expired=disposal))
    if amount <= 0:
        return None
    model.draw(amount, include_expired=disposal)
    return Adjust(change, amount)


def item_plan(
    rng: random.Random, number: int, role: str, archivable: bool, lot_factor: float
) -> ItemPlan:
    """Role: "regular", "r2" (a long history) or "w1" (many small lots, light history).
    `lot_factor` < 1 thins the lots of regular items where the item count is at its floor."""
    unit = "g" if role != "regular" else rng.choices(("g", "ml", "each"), (80, 12, 8))[0]
    name = f"{rng.choice(ADJECTIVES)} {rng.choice(MATERIALS[unit])} {number:04d}"
    if role == "w1":
        lots, mean_lot, mean_use, share = rng.randint(40, 44), 20.0, 3.0, 0.0
    elif role == "r2":
        lots, mean_lot, mean_use, share = 30, 100.0, 40.0, 0.8
    else:
        mean_lot = {"g": rng.randint(4, 40) * 100, "ml": rng.randint(5, 30) * 100}.get(unit, 80)
        lots = max(2, round(rng.randint(5, 41) * lot_factor))
        mean_use, share = mean_lot / 4, rng.uniform(0.25, 0.97)
    base_cost = rng.randint(20, 900) if unit != "each" else rng.randint(500, 35_000)
    model, steps = FifoModel(), list[Receive | Adjust]()
    age = lots * 72 + rng.randint(0, 500)
    for _ in range(lots):
        age = max(2, age - rng.randint(24, 96))
        size = Decimal(rng.randint(10, 30)) if role == "w1" else _amount(rng, unit, mean_lot)
        cost = Decimal(max(1, round(base_cost * rng.uniform(0.9, 1.1)))) / 10_000
        expires: int | None = None
        if role == "regular" and rng.random() < 0.12:
            past = age >= 72 and rng.random() < 0.5
            expires = -rng.randint(24, age - 24) if past else rng.randint(720, 9_600)
        model.add(size, expired=expires is not None and expires < 0)
        steps.append(Receive(size, cost, age, expires))
        # Draw towards this item's share of what it received: the share sets how many
        # lots end up exhausted (few open lots for some items, many for others).
        while float(model.drawn) + mean_use < share * float(model.received):
            if role == "r2":  # plain consumptions, about one in three crossing two lots
                amount = _amount(rng, unit, mean_use)
                model.draw(amount, include_expired=False)
                steps.append(Adjust(rng.choice(("USE", "USE", "SALE")), amount))
            elif change := _consume(rng, model, unit, mean_use):
                steps.append(change)
            else:
                break
    if role == "w1":  # exhaust the lots beyond 40 and most of the next, in small uses
        target = sum(lot[0] for lot in model.historic[: lots - W1_MIN_OPEN_LOTS + 1]) - 5
        while model.drawn + 6 < target:
            amount = Decimal(rng.randint(1, 6))
            model.draw(amount, include_expired=False)
            steps.append(Adjust("USE", amount))
    archived = archivable and rng.random() < 0.015
    return ItemPlan(name, TYPES[unit], unit, tuple(steps), archived, model.rows)


def organization_plans(seed: int, scale: float) -> tuple[list[ItemPlan], list[ItemPlan]]:
    """The item plans of organizations A and B, in creation (hence id) order."""
    wanted = ITEMS_AT_SCALE_1 * scale
    count = max(MIN_ITEMS, round(wanted))
    master = random.Random(seed)  # noqa: S311 (reproducible data, not secrets)
    plans: list[list[ItemPlan]] = [[], []]
    for organization, out in enumerate(plans):
        for index in range(count):
            rng = random.Random(master.getrandbits(64))  # noqa: S311
            role = "regular"
            if organization == 0 and index == R2_INDEX:
                role = "r2"
            elif organization == 0 and index >= count - W1_ITEMS:
                role = "w1"
            archivable = role == "regular" and (organization == 1 or index >= PROTECTED_HEAD)
            out.append(item_plan(rng, index + 1, role, archivable, min(1.0, wanted / count)))
    return plans[0], plans[1]


# Copies of `:count` regular items of organization `:o` (the ids in `:sources`, in turn):
# each copy gets new ids, its name and lot codes a " #n" suffix, and the source's lots and
# ledger rows (in their order) with the lot ids mapped, so every copy keeps the ledger
# invariant (batchtrack verify-inventory).
CLONE = [
    "CREATE TEMP TABLE clone_items (n integer, source bigint, id bigint) ON COMMIT DROP",
    """INSERT INTO clone_items
    SELECT n, (CAST(:sources AS bigint[]))[1 + n % cardinality(CAST(:sources AS bigint[]))],
        nextval(pg_get_serial_sequence('inventory_items', 'id'))
    FROM generate_series(1, CAST(:count AS integer)) AS n""",
    """INSERT INTO inventory_items ({columns})
    SELECT {values} FROM clone_items c JOIN inventory_items i ON i.id = c.source""",
    """CREATE TEMP TABLE clone_lots ON COMMIT DROP AS
    SELECT c.n, c.id AS item_id, l.id AS source,
        nextval(pg_get_serial_sequence('inventory_lots', 'id')) AS id
    FROM clone_items c JOIN inventory_lots l ON l.item_id = c.source
    ORDER BY c.n, l.id""",
    """INSERT INTO inventory_lots ({columns})
    SELECT {values} FROM clone_lots c JOIN inventory_lots i ON i.id = c.source""",
    """INSERT INTO inventory_ledger ({columns})
    SELECT {values} FROM clone_items c JOIN inventory_ledger i ON i.item_id = c.source
    LEFT JOIN clone_lots m ON m.source = i.lot_id AND m.n = c.n
    ORDER BY c.n, i.id""",
]
CLONE_COLUMNS: dict[str, dict[str, str | None]] = {
    "inventory_items": {
        "id": "c.id",
        "name": "i.name || ' #' || c.n",
        "name_key": "i.name_key || ' #' || c.n",
        "sku": "NULL",
        "barcode": "NULL",
    },
    "inventory_lots": {
        "id": "c.id",
        "item_id": "c.item_id",
        "lot_code": "i.lot_code || '#' || c.n",
    },
    "inventory_ledger": {"id": None, "item_id": "c.id", "lot_id": "m.id"},
}


async def clone_volume(url: str, organization_id: int, sources: list[int], count: int) -> None:
    """`count` copies of the `sources` items, in SQL: through the services they would take
    hours on the benchmark machine, and reads only need them to exist, distinct."""
    engine = create_async_engine(url)
    try:
        async with engine.begin() as connection:
            statements = []
            for table, overrides in CLONE_COLUMNS.items():
                found = await connection.execute(
                    text(
                        "SELECT column_name FROM information_schema.columns WHERE "
                        "table_name = :t AND table_schema = 'public' ORDER BY ordinal_position"
                    ),
                    {"t": table},
                )
                names = [n for (n,) in found if overrides.get(n, "") is not None]
                values = [overrides.get(n) or f"i.{n}" for n in names]
                statements.append((", ".join(names), ", ".join(values)))
            shapes = [None, None, statements[0], None, statements[1], statements[2]]
            for sql, shape in zip(CLONE, shapes, strict=True):
                filled = sql if shape is None else sql.format(columns=shape[0], values=shape[1])
                await connection.execute(
                    text(filled), {"sources": sources, "count": count, "o": organization_id}
                )
    finally:
        await engine.dispose()


async def new_owner(sessions: Sessions, label: str, name: str) -> Principal:
    async with unit_of_work(sessions) as session:
        grant = await accounts.sign_up(
            session,
            None,
            email=f"owner-{label}@load.example.com",
            password="a load test password",
            organization_name=name,
        )
        # Creating API keys needs a verified address: the token sign-up mails, used.
        token = await tokens.send_verification(session, grant.user)
        await tokens.verify_email(session, None, token=token)
    return Principal(
        organization_id=grant.organization.id,
        permissions=ROLE_PERMISSIONS[Role.OWNER],
        user_id=grant.user.id,
        role=Role.OWNER,
    )


async def create_items(sessions: Sessions, owner: Principal, plans: list[ItemPlan]) -> list[int]:
    """All items first, one by one in plan order, so ids follow the plan whatever order
    their histories are filled in later."""
    async with unit_of_work(sessions) as session:
        return [
            (
                await items.create_item(
                    session, owner, values=ItemFields(name=p.name, type=p.type, base_unit=p.unit)
                )
            ).id
            for p in plans
        ]


async def fill_item(
    session: AsyncSession, owner: Principal, item_id: int, plan: ItemPlan, start: datetime
) -> None:
    lots = 0
    for step in plan.steps:
        if isinstance(step, Receive):
            lots += 1
            expires = step.expires_hours
            await stock.receive_inventory(
                session,
                owner,
                item_id=item_id,
                quantity=QuantityInput(step.quantity, plan.unit),
                unit_cost=step.unit_cost,
                received_at=start - timedelta(hours=step.age_hours),
                expires_at=None if expires is None else start + timedelta(hours=expires),
                lot_code=f"L{item_id}-{lots:02d}",
                vendor="Bench Supply",
            )
        else:
            await stock.adjust_inventory(
                session,
                owner,
                item_id=item_id,
                change_type=step.change_type,
                quantity=QuantityInput(step.quantity, plan.unit),
            )
    if plan.archived:
        await items.archive_item(session, owner, item_id=item_id)


Job = tuple[Principal, int, ItemPlan]


async def fill_items(url: str, jobs: list[Job], start: datetime, tasks: int) -> None:
    """Item histories, one transaction per item, `tasks` items at a time."""
    engine = create_engine(url, pool_size=tasks)
    sessions = create_session_factory(engine)
    queue = list(reversed(jobs))

    async def worker() -> None:
        while queue:
            owner, item_id, plan = queue.pop()
            async with unit_of_work(sessions) as session:
                await fill_item(session, owner, item_id, plan, start)
            if len(queue) % 250 == 0:  # a long seed shows it is alive (stdout is the JSON)
                print(f"seed: {len(queue)} of {len(jobs)} items left", file=sys.stderr)

    try:
        await asyncio.gather(*(worker() for _ in range(tasks)))
    finally:
        await engine.dispose()


def fill_in_process(url: str, jobs: list[Job], start: datetime, tasks: int) -> None:
    asyncio.run(fill_items(url, jobs, start, tasks))


async def fill_all(url: str, jobs: list[Job], start: datetime, processes: int, tasks: int) -> None:
    """Longest histories first, dealt round-robin, so the processes finish together."""
    jobs = sorted(jobs, key=lambda job: -len(job[2].steps))
    if processes == 1:
        await fill_items(url, jobs, start, tasks)
        return
    loop = asyncio.get_running_loop()
    # spawn, not fork: a forked child would inherit this process's event loop and pool.
    with ProcessPoolExecutor(processes, mp_context=get_context("spawn")) as pool:
        await asyncio.gather(
            *(
                loop.run_in_executor(pool, fill_in_process, url, jobs[n::processes], start, tasks)
                for n in range(processes)
            )
        )


COUNTS = text(
    """
    SELECT (SELECT count(*) FROM inventory_items WHERE organization_id = :o),
        (SELECT count(*) FROM inventory_items WHERE organization_id = :o
            AND archived_at IS NOT NULL),
        (SELECT count(*) FROM inventory_lots WHERE organization_id = :o),
        (SELECT count(*) FROM inventory_lots WHERE organization_id = :o AND remaining > 0),
        (SELECT count(*) FROM inventory_ledger WHERE organization_id = :o)
    """
)
COUNT_NAMES = ("items", "archived_items", "lots", "open_lots", "ledger_rows")


# R3's kit: (name, type, unit, stock received per lot, per batch); a balm of 1 kg drawn
# from shea (lots of 3 kg: a batch's 800 g often spans two), wax and a scent in ml, and
# 100 g jars (container capacity) filled 6 a batch, the rest bulk.
KIT = [
    ("Batch shea butter", "INGREDIENT", "g", 3000, 800),
    ("Batch beeswax", "INGREDIENT", "g", 5000, 200),
    ("Batch lavender scent", "INGREDIENT", "ml", 1000, 10),
]
JARS_PER_BATCH = 6


async def make_batches(sessions: Sessions, owner: Principal, count: int) -> list[int]:
    """`count` finished batches of one recipe in organization A, each through the services
    (start: lines drawn FIFO from the kit's lots; finish: 950 g, 6 jars and bulk)."""
    async with unit_of_work(sessions) as session:
        created = [
            await items.create_item(
                session, owner, values=ItemFields(name=name, type=type_, base_unit=unit)
            )
            for name, type_, unit, _, _ in KIT
        ]
        balm = await items.create_item(
            session,
            owner,
            values=ItemFields(
                name="Batch balm", type="PRODUCT", base_unit="g", shelf_life_days=365
            ),
        )
        jar = await items.create_item(
            session,
            owner,
            values=ItemFields(
                name="Batch jar 100 g",
                type="CONTAINER",
                base_unit="each",
                quantity_precision=0,
                container_capacity=Decimal(100),
                container_capacity_unit="g",
            ),
        )
        supplies = [
            (item.id, unit, per_lot, each)
            for item, (_, _, unit, per_lot, each) in zip(created, KIT, strict=True)
        ]
        supplies.append((jar.id, "each", 500, JARS_PER_BATCH))
        for item_id, unit, per_lot, each in supplies:
            for _ in range(-(-each * count // per_lot)):
                await stock.receive_inventory(
                    session,
                    owner,
                    item_id=item_id,
                    quantity=QuantityInput(Decimal(per_lot), unit),
                    unit_cost=Decimal("0.0125"),
                )
        recipe = await recipes.create_recipe(
            session,
            owner,
            changes=RecipeChanges(
                name="Batch balm",
                output_item_id=balm.id,
                predicted_yield=QuantityInput(Decimal(1), "kg"),
                ingredients=[
                    LineInput(item.id, QuantityInput(Decimal(each), unit))
                    for item, (_, _, unit, _, each) in zip(created, KIT, strict=True)
                ],
                label_prefix="BALM",
                provided=frozenset(
                    {"name", "output_item_id", "predicted_yield", "ingredients", "label_prefix"}
                ),
            ),
        )
    made = []
    for _ in range(count):
        async with unit_of_work(sessions) as session:
            started = await start.start_batch(
                session, owner, request=ScaleRequest(recipe.id), force=False
            )
            await finishing.finish_batch(
                session,
                owner,
                batch_id=started.batch.id,
                actual_yield=QuantityInput(Decimal(950), "g"),
                portions=None,
                containers=[ContainerFill(jar.id, JARS_PER_BATCH)],
            )
            made.append(started.batch.id)
    return made


async def make_deliveries(sessions: Sessions, owner: Principal) -> list[str | None]:
    """R5's deliveries: an endpoint of the organization's, disabled (as by its owner) in
    the transaction that makes it, so no server ever sends to it, and a delivery of each
    of the organization's last R5_DELIVERIES events, written by the one writer of delivery
    rows as fan-out writes them. Returns R5's starting cursors, each with 50 deliveries
    after it (the first None: the list's start)."""
    local = TargetPolicy(allow_http=True, allowed_hosts=frozenset({"127.0.0.1"}))
    acting = replace(owner, standing=ENTERPRISE_STANDING)
    async with unit_of_work(sessions) as session:
        created = await endpoints.create_endpoint(
            session,
            acting,
            url="http://127.0.0.1:9/load-r5",
            event_types=["*"],
            description="load R5: never sent to",
            policy=local,
            box=SecretBox("bench"),
        )
        endpoint = await endpoints.update_endpoint(
            session, acting, endpoint_id=created.endpoint.id, enabled=False, policy=local
        )
        last = (
            await session.scalars(
                select(Event)
                .where(Event.organization_id == owner.organization_id)
                .order_by(Event.position.desc())
                .limit(R5_DELIVERIES)
            )
        ).all()
        ids = await add_deliveries(
            session,
            [
                NewDelivery(
                    organization_id=owner.organization_id,
                    endpoint_id=endpoint.id,
                    event_position=event.position,
                    event_id=event.id,
                    event_type=event.type,
                    entity_key=entity_key(event.entity_type, event.entity_id),
                )
                for event in reversed(last)
            ],
            now=utcnow(),
        )
    usable = ids[: max(1, len(ids) - 50)]
    step = max(1, len(usable) // R5_CURSORS)
    cursors = [to_global_id("cursor", key) for key in usable[::step][: R5_CURSORS - 1]]
    return [None, *cursors]


R4_LOG = text("SELECT position FROM events WHERE organization_id = :o ORDER BY position")


async def r4_positions(url: str, organization_id: int) -> list[str]:
    """R4_POSITIONS positions spread over the organization's log, each with at least 100
    events after it (as strings: UnsignedInt64 and PostGraphile's BigInt)."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            log = list(await connection.scalars(R4_LOG, {"o": organization_id}))
    finally:
        await engine.dispose()
    usable = log[: max(1, len(log) - 100)]
    step = max(1, len(usable) // R4_POSITIONS)
    return [str(position) for position in usable[::step][:R4_POSITIONS]]


async def vacuum_and_count(url: str, organization_ids: list[int]) -> list[dict[str, int]]:
    # VACUUM refuses to run in a transaction; it also sets the visibility map, so index-only
    # scans behave as on a settled database, and ANALYZE gives the planner real statistics.
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.exec_driver_sql("VACUUM ANALYZE")
            counts = []
            for organization_id in organization_ids:
                row = (await connection.execute(COUNTS, {"o": organization_id})).one()
                counts.append({"id": organization_id, **dict(zip(COUNT_NAMES, row, strict=True))})
            return counts
    finally:
        await engine.dispose()


ITEM_IDS = text("SELECT id FROM inventory_items WHERE organization_id = :o ORDER BY id")


async def all_item_ids(url: str, organization_ids: list[int]) -> dict[str, list[int]]:
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            return {
                str(organization): list(
                    await connection.scalars(
                        text(
                            "SELECT id FROM inventory_items WHERE organization_id = :o ORDER BY id"
                        ),
                        {"o": organization},
                    )
                )
                for organization in organization_ids
            }
    finally:
        await engine.dispose()


async def seed(
    url: str, *, scale: float = 1.0, seed: int = 5, processes: int = 2, tasks: int = 2
) -> dict[str, Any]:
    began = time.perf_counter()
    start = utcnow().replace(microsecond=0)
    plans_a, plans_b = organization_plans(seed, scale)
    engine = create_engine(url, pool_size=1)
    sessions = create_session_factory(engine)
    try:
        owner = await new_owner(sessions, "a", "Benchmark Soap Co")
        other = await new_owner(sessions, "b", "Other Workshop")
        ids_a = await create_items(sessions, owner, plans_a)
        ids_b = await create_items(sessions, other, plans_b)
        jobs = [(owner, i, p) for i, p in zip(ids_a, plans_a, strict=True)]
        jobs += [(other, i, p) for i, p in zip(ids_b, plans_b, strict=True)]
        await fill_all(url, jobs, start, processes, tasks)
        # The copies, split between the organizations, of their items not archived (after
        # them by id: R1's first 50 and the items the workloads name stay what they are).
        extra = max(0, VOLUME_ITEMS - len(ids_a) - len(ids_b))
        for organization, ids, plans, share in [
            (owner.organization_id, ids_a, plans_a, extra // 2),
            (other.organization_id, ids_b, plans_b, extra - extra // 2),
        ]:
            sources = [key for key, plan in zip(ids, plans, strict=True) if not plan.archived]
            await clone_volume(url, organization, sources, share)
        batches = await make_batches(
            sessions, owner, max(MIN_BATCHES, round(BATCHES_AT_SCALE_1 * scale))
        )
        r5_cursors = await make_deliveries(sessions, owner)
        async with unit_of_work(sessions) as session:
            read = await accounts.create_api_key(
                session, owner, name="load read", scopes=["inventory.read"]
            )
            write = await accounts.create_api_key(
                session, owner, name="load write", scopes=["inventory.read", "inventory.adjust"]
            )
            # R3 and R4: batches with their items and lots, and the event log.
            history = await accounts.create_api_key(
                session,
                owner,
                name="load history",
                scopes=["inventory.read", "batches.read", "events.read"],
            )
            # R5: the delivery log with each delivery's event.
            webhooks = await accounts.create_api_key(
                session, owner, name="load webhooks", scopes=["webhooks.manage", "events.read"]
            )
            # More keys than the local plan's 10: the organizations act as Enterprise
            # customers (no key limit) while the seed makes them.
            callers = [
                {
                    "organization_id": principal.organization_id,
                    "token": (
                        await accounts.create_api_key(
                            session,
                            replace(principal, standing=ENTERPRISE_STANDING),
                            name=f"caller {number}",
                            scopes=["inventory.read"],
                        )
                    ).token,
                }
                for organization, principal in enumerate([owner, other])
                for number in range(CALLERS[organization])
            ]
    finally:
        await engine.dispose()
    counts = await vacuum_and_count(url, [owner.organization_id, other.organization_id])
    w1 = ids_a[-W1_ITEMS:]
    return {
        "scale": scale,
        "seed": seed,
        "seed_version": SEED_VERSION,
        "seconds": round(time.perf_counter() - began, 1),
        "seeded_at": start.isoformat(),
        "organization_id": owner.organization_id,
        "other_organization_id": other.organization_id,
        "api_key": read.token,
        "write_api_key": write.token,
        "r1_item_ids": ids_a[:R1_ITEMS],
        "r2_item_id": ids_a[R2_INDEX],
        "r2_item_global_id": to_global_id("InventoryItem", ids_a[R2_INDEX]),
        "w1_item_ids": w1,
        "w1_item_global_ids": [to_global_id("InventoryItem", i) for i in w1],
        "callers": callers,
        "history_api_key": history.token,
        "r3_batch_ids": batches,
        "r4_positions": await r4_positions(url, owner.organization_id),
        "webhooks_api_key": webhooks.token,
        "r5_cursors": r5_cursors,
        "item_ids": await all_item_ids(url, [owner.organization_id, other.organization_id]),
        "counts": {"organizations": counts},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database_url", help="postgresql+asyncpg://... of a migrated, empty DB")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--processes", type=int, default=2, help="worker processes")
    parser.add_argument("--tasks", type=int, default=2, help="items at a time per process")
    args = parser.parse_args()
    info = asyncio.run(
        seed(
            args.database_url,
            scale=args.scale,
            seed=args.seed,
            processes=args.processes,
            tasks=args.tasks,
        )
    )
    print(json.dumps(info, indent=2))


if __name__ == "__main__":
    main()

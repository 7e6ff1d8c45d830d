"""The plan catalog, as data: what each plan and add-on includes, what it costs, the
throttle it gives, and the Stripe price lookup keys it is sold under. Stripe holds the
prices (`batchtrack billing sync-catalog` creates them from this catalog); what a plan
*grants* is decided here, never read back from Stripe."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from enum import StrEnum


class Limit(StrEnum):
    """A countable entitlement; the value is the field of `Entitlements` holding it."""

    USERS = "users"
    RECIPES = "recipes"
    BATCHES_PER_MONTH = "batches_per_month"
    WEBHOOK_ENDPOINTS = "webhook_endpoints"
    API_KEYS = "api_keys"
    HISTORY_DAYS = "history_days"


class Interval(StrEnum):
    MONTH = "month"
    YEAR = "year"


# The suffix of a price's lookup key per billing interval.
INTERVAL_SUFFIX = {Interval.MONTH: "monthly", Interval.YEAR: "yearly"}
CURRENCY = "usd"


@dataclass(frozen=True)
class Entitlements:
    """What an organization may have. None is unlimited."""

    users: int | None
    recipes: int | None
    batches_per_month: int | None
    webhook_endpoints: int | None
    api_keys: int | None
    # How far back history and reports reach (nothing is ever deleted: older rows stay).
    history_days: int | None
    api_access: bool
    advanced_reports: bool = False

    def limit(self, limit: Limit) -> int | None:
        value: int | None = getattr(self, limit.value)
        return value


@dataclass(frozen=True)
class ThrottleSize:
    """The query-cost bucket of a caller: points it may bank and regains per second."""

    maximum: int
    restore_rate: float


@dataclass(frozen=True)
class Plan:
    key: str
    name: str
    entitlements: Entitlements
    throttle: ThrottleSize
    # Price in the smallest currency unit per interval; empty for a plan not sold.
    prices: dict[Interval, int]

    def lookup_key(self, interval: Interval) -> str:
        return f"batchtrack_{self.key}_{INTERVAL_SUFFIX[interval]}"


@dataclass(frozen=True)
class AddOn:
    key: str
    name: str
    description: str
    # Added to the plan's entitlements per unit bought (a bool turns a feature on).
    adds: dict[str, int | bool]
    prices: dict[Interval, int]

    def lookup_key(self, interval: Interval) -> str:
        return f"batchtrack_addon_{self.key}_{INTERVAL_SUFFIX[interval]}"


FREE = Plan(
    "free",
    "Free",
    Entitlements(
        users=1,
        recipes=10,
        batches_per_month=0,
        webhook_endpoints=0,
        api_keys=0,
        history_days=90,
        api_access=False,
    ),
    ThrottleSize(500, 25.0),
    {},
)
SOLO = Plan(
    "solo",
    "Solo",
    Entitlements(
        users=1,
        recipes=50,
        batches_per_month=200,
        webhook_endpoints=2,
        api_keys=2,
        history_days=365,
        api_access=True,
    ),
    ThrottleSize(1000, 50.0),
    {Interval.MONTH: 1900, Interval.YEAR: 19000},
)
TEAM = Plan(
    "team",
    "Team",
    Entitlements(
        users=10,
        recipes=200,
        batches_per_month=1000,
        webhook_endpoints=10,
        api_keys=10,
        history_days=3 * 365,
        api_access=True,
    ),
    ThrottleSize(2000, 100.0),
    {Interval.MONTH: 4900, Interval.YEAR: 49000},
)
ENTERPRISE = Plan(
    "enterprise",
    "Enterprise",
    Entitlements(
        users=None,
        recipes=None,
        batches_per_month=None,
        webhook_endpoints=None,
        api_keys=None,
        history_days=None,
        api_access=True,
        advanced_reports=True,
    ),
    ThrottleSize(10000, 500.0),
    {Interval.MONTH: 19900, Interval.YEAR: 199000},
)
# Without Stripe settings every organization runs on this: Team's counted limits, the
# throttle the settings give (an unbilled deployment tunes it there), never restricted for
# payment. Nothing is sold there, so nothing is held back to sell: all history, every report.
LOCAL = replace(
    TEAM,
    key="local",
    name="Local (billing not configured)",
    entitlements=replace(TEAM.entitlements, history_days=None, advanced_reports=True),
    prices={},
)

PLANS: dict[str, Plan] = {plan.key: plan for plan in (FREE, SOLO, TEAM, ENTERPRISE)}
PAID_PLANS = [SOLO, TEAM, ENTERPRISE]

ADD_ONS: dict[str, AddOn] = {
    addon.key: addon
    for addon in (
        AddOn(
            "extra_users",
            "Extra users",
            "Five more users per unit.",
            {"users": 5},
            {Interval.MONTH: 1500, Interval.YEAR: 15000},
        ),
        AddOn(
            "extended_history",
            "Extended history",
            "Three more years of history and reports per unit.",
            {"history_days": 3 * 365},
            {Interval.MONTH: 1000, Interval.YEAR: 10000},
        ),
        AddOn(
            "advanced_reports",
            "Advanced reports",
            "Cost trends, margins and spoilage analysis.",
            {"advanced_reports": True},
            {Interval.MONTH: 1200, Interval.YEAR: 12000},
        ),
    )
}

# Every sold price by its lookup key: (plan or add-on, interval).
SOLD: list[Plan | AddOn] = [*PAID_PLANS, *ADD_ONS.values()]
PRICES: dict[str, tuple[Plan | AddOn, Interval]] = {
    item.lookup_key(interval): (item, interval) for item in SOLD for interval in item.prices
}


def with_add_ons(base: Entitlements, add_ons: dict[str, int]) -> Entitlements:
    """The plan's entitlements plus what each add-on adds per unit bought. Unlimited
    stays unlimited; an unknown add-on key (retired from the catalog) adds nothing."""
    values = {f.name: getattr(base, f.name) for f in fields(base)}
    for key, quantity in add_ons.items():
        addon = ADD_ONS.get(key)
        if addon is None or quantity <= 0:
            continue
        for name, amount in addon.adds.items():
            if isinstance(amount, bool):
                values[name] = values[name] or amount
            elif values[name] is not None:
                values[name] += amount * quantity
    return Entitlements(**values)

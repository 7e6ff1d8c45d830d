"""Billing: GraphQL input -> billing service -> GraphQL types."""

from __future__ import annotations

import strawberry

from resolvers.common import mutation
from resolvers.context import Info
from schema import billing as gql
from services.billing import changes, models
from services.billing import plans as catalog
from services.billing import subscription as billing
from services.billing.standing import BillingRow, standing_of


def _entitlements(entitlements: catalog.Entitlements) -> gql.Entitlements:
    return gql.Entitlements(
        users=entitlements.users,
        recipes=entitlements.recipes,
        batches_per_month=entitlements.batches_per_month,
        webhook_endpoints=entitlements.webhook_endpoints,
        api_keys=entitlements.api_keys,
        history_days=entitlements.history_days,
        api_access=entitlements.api_access,
        advanced_reports=entitlements.advanced_reports,
    )


def _prices(item: catalog.Plan | catalog.AddOn) -> list[gql.Price]:
    return [
        gql.Price(
            interval=interval,
            price=gql.money(cents),
            lookup_key=item.lookup_key(interval),
        )
        for interval, cents in item.prices.items()
    ]


def _plan(plan: catalog.Plan) -> gql.Plan:
    return gql.Plan(
        key=gql.PlanKey(plan.key),
        name=plan.name,
        entitlements=_entitlements(plan.entitlements),
        throttle=gql.ThrottleSize(
            maximum_available=plan.throttle.maximum, restore_rate=plan.throttle.restore_rate
        ),
        prices=_prices(plan),
    )


def subscription_node(found: billing.Subscription) -> gql.Subscription:
    return gql.Subscription(
        billing_configured=found.billing_configured,
        plan=gql.PlanKey(found.plan),
        status=found.status,
        interval=catalog.Interval(found.interval) if found.interval else None,
        add_ons=[gql.AddOnQuantity(key=k, quantity=q) for k, q in sorted(found.add_ons.items())],
        current_period_end=found.current_period_end,
        cancel_at_period_end=found.cancel_at_period_end,
        grace_ends_at=found.grace_ends_at,
        restricted=found.restricted,
        exempt=found.exempt,
        suspended=found.suspended,
        history_since=found.history_since,
        entitlements=_entitlements(found.entitlements),
        usage=[gql.LimitUsage(limit=u.limit, allowed=u.allowed, used=u.used) for u in found.usage],
    )


@strawberry.type
class BillingQuery:
    @strawberry.field(description="The plans and add-ons sold, with prices. Public.")
    def plans(self) -> gql.Plans:
        found = billing.list_plans()
        return gql.Plans(
            plans=[_plan(plan) for plan in found.plans],
            add_ons=[
                gql.PlanAddOn(
                    key=addon.key,
                    name=addon.name,
                    description=addon.description,
                    prices=_prices(addon),
                )
                for addon in found.add_ons
            ],
        )

    @strawberry.field(description="The organization's plan, subscription, entitlements and usage.")
    async def subscription(self, info: Info) -> gql.Subscription:
        async with info.context.reading() as session:
            found = await billing.get_subscription(
                session,
                info.context.principal,
                billing_configured=info.context.billing.policy.configured,
            )
        return subscription_node(found)


async def _subscription_after(info: Info, account: models.BillingAccount) -> gql.Subscription:
    """The subscription as the change left it (the principal's standing is from before)."""
    principal = info.context.principal
    assert principal is not None
    policy = info.context.billing.policy
    standing = standing_of(BillingRow.of(account), policy)
    async with info.context.reading() as session:
        found = await billing.describe(
            session, account.organization_id, account, standing, policy.configured
        )
    return subscription_node(found)


@strawberry.type
class BillingMutation:
    @strawberry.mutation(description="A Stripe Checkout URL to subscribe to a plan, with add-ons.")
    @mutation(gql.CreateCheckoutSessionPayload)
    async def create_checkout_session(
        self, info: Info, input: gql.CreateCheckoutSessionInput
    ) -> gql.CreateCheckoutSessionPayload:
        add_ons: dict[str, int] = {}
        for addon in input.add_ons:
            add_ons[addon.key] = add_ons.get(addon.key, 0) + addon.quantity
        async with info.context.writing(while_restricted=True) as session:
            url = await changes.create_checkout_session(
                session,
                info.context.principal,
                billing=info.context.billing,
                plan=input.plan.value,
                interval=input.interval,
                add_ons=add_ons,
            )
        return gql.CreateCheckoutSessionPayload(url=url)

    @strawberry.mutation(
        description="A Stripe billing portal URL: pay, change plan or card, see invoices."
    )
    @mutation(gql.CreateBillingPortalSessionPayload)
    async def create_billing_portal_session(
        self, info: Info
    ) -> gql.CreateBillingPortalSessionPayload:
        async with info.context.writing(while_restricted=True) as session:
            url = await changes.create_billing_portal_session(
                session, info.context.principal, billing=info.context.billing
            )
        return gql.CreateBillingPortalSessionPayload(url=url)

    @strawberry.mutation(
        description="Cancel in one call (at period end by default), with an exit survey."
    )
    @mutation(gql.CancelSubscriptionPayload)
    async def cancel_subscription(
        self, info: Info, input: gql.CancelSubscriptionInput
    ) -> gql.CancelSubscriptionPayload:
        async with info.context.writing(while_restricted=True) as session:
            account = await changes.cancel_subscription(
                session,
                info.context.principal,
                billing=info.context.billing,
                reason=input.reason,
                feedback=input.feedback,
                at_period_end=input.at_period_end,
            )
        return gql.CancelSubscriptionPayload(subscription=await _subscription_after(info, account))

    @strawberry.mutation(description="Undo a cancellation at period end, before it ends.")
    @mutation(gql.ResumeSubscriptionPayload)
    async def resume_subscription(self, info: Info) -> gql.ResumeSubscriptionPayload:
        async with info.context.writing(while_restricted=True) as session:
            account = await changes.resume_subscription(
                session, info.context.principal, billing=info.context.billing
            )
        return gql.ResumeSubscriptionPayload(subscription=await _subscription_after(info, account))

"""Stripe, through the official library: the only module that talks to it. It takes and
gives plain values (lookup keys, ids, a subscription as Stripe reports it now), so the
billing rules never handle the library's objects.

Prices are found by lookup key, never by id, so a new Stripe account is set up by
`batchtrack billing sync-catalog` alone. A subscription item names its price's lookup
key; a price made as a legacy Plan (as some accounts and local Stripe peers have) is named
by the plan's id, which sync-catalog sets to the lookup key."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import stripe

from services.billing.plans import CURRENCY, SOLD, Interval
from services.errors import ServiceError


class PaymentProviderUnavailable(ServiceError):
    """Stripe could not be reached or refused a request we made: nothing changed here."""

    code = "PAYMENT_PROVIDER_UNAVAILABLE"

    def __init__(self, error: Exception) -> None:
        super().__init__(
            "The payment provider could not complete the request; nothing changed. Retry "
            "in a moment."
        )
        self.cause = error


class InvalidSignature(Exception):
    """A webhook whose Stripe-Signature does not verify (forged, or too old)."""


@dataclass(frozen=True)
class RemoteSubscription:
    id: str
    customer: str
    status: str
    # (lookup key, quantity) per item
    items: tuple[tuple[str, int], ...]
    current_period_end: datetime | None
    cancel_at_period_end: bool
    organization_id: int | None


def _timestamp(value: Any) -> datetime | None:
    return datetime.fromtimestamp(int(value), UTC) if value else None


def _lookup_key(item: Mapping[str, Any]) -> str:
    price = item.get("price") or {}
    if price.get("lookup_key"):
        return str(price["lookup_key"])
    plan = item.get("plan") or {}
    return str(plan.get("id") or price.get("id") or "")


def remote_subscription(found: Mapping[str, Any]) -> RemoteSubscription:
    items = list((found.get("items") or {}).get("data") or [])
    period_end = found.get("current_period_end") or (
        items[0].get("current_period_end") if items else None
    )
    metadata = found.get("metadata") or {}
    organization = metadata.get("organization_id")
    customer = found.get("customer")
    return RemoteSubscription(
        id=str(found["id"]),
        customer=str(customer["id"] if isinstance(customer, Mapping) else customer),
        status=str(found.get("status")),
        items=tuple((_lookup_key(item), int(item.get("quantity") or 1)) for item in items),
        current_period_end=_timestamp(period_end),
        cancel_at_period_end=bool(found.get("cancel_at_period_end")),
        organization_id=int(organization) if organization else None,
    )


class StripeGateway:
    def __init__(
        self, api_key: str, *, api_base: str | None = None, webhook_secret: str | None = None
    ) -> None:
        self.webhook_secret = webhook_secret
        self.client = stripe.StripeClient(
            api_key,
            base_addresses={"api": api_base} if api_base else {},
            http_client=stripe.HTTPXClient(timeout=20),
            max_network_retries=2,
        )

    def verify(self, payload: bytes, signature: str | None) -> stripe.Event:
        if not self.webhook_secret:
            raise InvalidSignature("no webhook secret is configured")
        try:
            return self.client.construct_event(payload, signature, self.webhook_secret)
        except (stripe.SignatureVerificationError, ValueError) as error:
            raise InvalidSignature(str(error)) from error

    async def price_ids(self, lookup_keys: Sequence[str]) -> dict[str, str]:
        """The active price of each lookup key found (lookup key -> price id)."""
        try:
            found = await self.client.v1.prices.list_async(
                {"lookup_keys": list(lookup_keys), "active": True, "limit": 100}
            )
        except stripe.StripeError as error:
            raise PaymentProviderUnavailable(error) from error
        return {str(p.lookup_key): str(p.id) for p in found.data if p.lookup_key}

    async def create_customer(self, organization_id: int, name: str, email: str) -> str:
        try:
            params: Any = {
                "name": name,
                "email": email,
                "metadata": {"organization_id": organization_id},
            }
            customer = await self.client.v1.customers.create_async(
                params,
                # A retry after a failure does not make a second customer.
                {"idempotency_key": f"batchtrack-customer-{organization_id}"},
            )
        except stripe.StripeError as error:
            raise PaymentProviderUnavailable(error) from error
        return str(customer["id"])

    async def checkout_url(
        self,
        *,
        customer: str,
        organization_id: int,
        line_items: Sequence[tuple[str, int]],
        return_url: str,
    ) -> str:
        try:
            params: Any = {
                "mode": "subscription",
                "customer": customer,
                "client_reference_id": str(organization_id),
                "line_items": [{"price": p, "quantity": q} for p, q in line_items],
                "subscription_data": {"metadata": {"organization_id": organization_id}},
                "success_url": return_url,
                "cancel_url": return_url,
            }
            created = await self.client.v1.checkout.sessions.create_async(params)
        except stripe.StripeError as error:
            raise PaymentProviderUnavailable(error) from error
        return str(created["url"])

    async def portal_url(self, *, customer: str, return_url: str) -> str:
        try:
            created = await self.client.v1.billing_portal.sessions.create_async(
                {"customer": customer, "return_url": return_url}
            )
        except stripe.StripeError as error:
            raise PaymentProviderUnavailable(error) from error
        return str(created["url"])

    async def subscription(self, subscription_id: str) -> RemoteSubscription | None:
        """The subscription as Stripe reports it now (None: Stripe has no such one)."""
        try:
            found = await self.client.v1.subscriptions.retrieve_async(subscription_id)
        except stripe.InvalidRequestError as error:
            if error.http_status == 404:
                return None
            raise PaymentProviderUnavailable(error) from error
        except stripe.StripeError as error:
            raise PaymentProviderUnavailable(error) from error
        return remote_subscription(found.to_dict())

    async def set_cancel_at_period_end(
        self, subscription_id: str, cancel: bool
    ) -> RemoteSubscription:
        try:
            found = await self.client.v1.subscriptions.update_async(
                subscription_id, {"cancel_at_period_end": cancel}
            )
        except stripe.StripeError as error:
            raise PaymentProviderUnavailable(error) from error
        return remote_subscription(found.to_dict())

    async def cancel_now(self, subscription_id: str) -> RemoteSubscription:
        try:
            found = await self.client.v1.subscriptions.cancel_async(subscription_id)
        except stripe.StripeError as error:
            raise PaymentProviderUnavailable(error) from error
        return remote_subscription(found.to_dict())

    async def sync_catalog(self) -> list[tuple[str, str]]:
        """Create each sold price missing from Stripe, by lookup key (and its product);
        leave those that exist. Idempotent: a second run creates nothing."""
        outcomes: list[tuple[str, str]] = []
        wanted = {
            item.lookup_key(interval): (item, interval, cents)
            for item in SOLD
            for interval, cents in item.prices.items()
        }
        existing = await self.price_ids(list(wanted))
        try:
            for lookup_key, (item, interval, cents) in wanted.items():
                if lookup_key in existing:
                    outcomes.append((lookup_key, "exists"))
                    continue
                product = await self._product(item.key, item.name)
                await self.client.v1.prices.create_async(
                    {
                        "product": product,
                        "currency": CURRENCY,
                        "unit_amount": cents,
                        "recurring": {"interval": Interval(interval).value},
                        "lookup_key": lookup_key,
                        "transfer_lookup_key": True,
                    }
                )
                outcomes.append((lookup_key, "created"))
        except stripe.StripeError as error:
            raise PaymentProviderUnavailable(error) from error
        return outcomes

    async def _product(self, key: str, name: str) -> str:
        product_id = f"batchtrack_{key}"
        try:
            await self.client.v1.products.retrieve_async(product_id)
        except stripe.InvalidRequestError:
            await self.client.v1.products.create_async({"id": product_id, "name": name})
        return product_id

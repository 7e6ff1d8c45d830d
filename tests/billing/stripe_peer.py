"""A real local Stripe for the billing tests: localstripe (PyPI), started by the test suite
on 127.0.0.1 in a thread with its own event loop, from Python with its own app (its CLI
binds every interface and keeps its state in /tmp, which this harness turns off).

localstripe has customers, products, plans, payment methods, subscriptions, invoices and
signed webhooks. It has no Prices (so no lookup keys), no Checkout Sessions and no billing
portal: the harness adds those three to the same server, answering in Stripe's own
format (the objects as Stripe's API reference shows them), so the `stripe` library's
HTTP boundary is exercised whole. A price made here is also made a localstripe Plan of
the same id, which is what a subscription item names there."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
import localstripe.server as localstripe
import stripe
from aiohttp import web
from localstripe.resources import Plan, store

API_KEY = "sk_test_batchtrack"
WEBHOOK_SECRET = "whsec_batchtrack_test"
GOOD_CARD = "4242424242424242"
# Attaches, then every charge to it is declined.
DECLINING_CARD = "4000000000000341"


@dataclass
class Extension:
    """What localstripe lacks, kept by the harness."""

    prices: dict[str, dict[str, Any]] = field(default_factory=dict)
    checkouts: dict[str, dict[str, Any]] = field(default_factory=dict)

    async def create_price(self, request: web.Request) -> web.Response:
        data = await localstripe.get_post_data(request) or {}
        lookup_key = data.get("lookup_key")
        recurring = data.get("recurring") or {}
        price_id = lookup_key or f"price_{uuid.uuid4().hex[:14]}"
        price = {
            "id": price_id,
            "object": "price",
            "active": True,
            "billing_scheme": "per_unit",
            "created": int(time.time()),
            "currency": data.get("currency", "usd"),
            "livemode": False,
            "lookup_key": lookup_key,
            "metadata": {},
            "nickname": None,
            "product": data.get("product"),
            "recurring": {
                "interval": recurring.get("interval", "month"),
                "interval_count": 1,
                "usage_type": "licensed",
            },
            "type": "recurring",
            "unit_amount": int(data.get("unit_amount", 0)),
        }
        Plan(
            id=price_id,
            product=price["product"],
            amount=price["unit_amount"],
            currency=price["currency"],
            interval=price["recurring"]["interval"],
        )
        self.prices[price_id] = price
        return web.json_response(price)

    async def list_prices(self, request: web.Request) -> web.Response:
        query = localstripe.unflatten_data(request.query) or {}
        wanted = query.get("lookup_keys")
        found = [
            p
            for p in self.prices.values()
            if p["active"] and (wanted is None or p["lookup_key"] in wanted)
        ]
        return web.json_response(
            {"object": "list", "data": found, "has_more": False, "url": "/v1/prices"}
        )

    async def create_checkout(self, request: web.Request) -> web.Response:
        data = await localstripe.get_post_data(request) or {}
        session_id = f"cs_test_{uuid.uuid4().hex}"
        checkout: dict[str, Any] = {
            "id": session_id,
            "object": "checkout.session",
            "client_reference_id": data.get("client_reference_id"),
            "customer": data.get("customer"),
            "livemode": False,
            "mode": data.get("mode"),
            "payment_status": "unpaid",
            "status": "open",
            "subscription": None,
            "success_url": data.get("success_url"),
            "cancel_url": data.get("cancel_url"),
            "url": f"https://checkout.stripe.com/c/pay/{session_id}",
            "metadata": {},
        }
        self.checkouts[session_id] = {"session": checkout, "request": data}
        return web.json_response(checkout)

    async def create_portal(self, request: web.Request) -> web.Response:
        data = await localstripe.get_post_data(request) or {}
        session_id = f"bps_{uuid.uuid4().hex[:24]}"
        return web.json_response(
            {
                "id": session_id,
                "object": "billing_portal.session",
                "customer": data.get("customer"),
                "livemode": False,
                "return_url": data.get("return_url"),
                "url": f"https://billing.stripe.com/p/session/test_{session_id}",
            }
        )


def sign(payload: bytes, secret: str = WEBHOOK_SECRET, at: int | None = None) -> str:
    """A Stripe-Signature header as Stripe (and localstripe) write it."""
    timestamp = int(time.time()) if at is None else at
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


class StripePeer:
    """localstripe plus the extension, on 127.0.0.1:<port>, for the whole test session."""

    def __init__(self) -> None:
        self.extension = Extension()
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        store.dump_to_disk = lambda: None
        app = localstripe.app
        app.router.add_post("/v1/prices", self.extension.create_price)
        app.router.add_get("/v1/prices", self.extension.list_prices)
        app.router.add_post("/v1/checkout/sessions", self.extension.create_checkout)
        app.router.add_post("/v1/billing_portal/sessions", self.extension.create_portal)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]

        def serve() -> None:
            asyncio.set_event_loop(self._loop)
            runner = web.AppRunner(app, access_log=None)
            self._loop.run_until_complete(runner.setup())
            self._loop.run_until_complete(web.SockSite(runner, sock).start())
            self._ready.set()
            self._loop.run_forever()

        threading.Thread(target=serve, name="localstripe", daemon=True).start()
        if not self._ready.wait(30):
            raise RuntimeError("localstripe did not start")

    def quiet(self) -> bool:
        """Whether localstripe has no webhook still to send (it sends each a second after
        the change, from its own loop)."""

        async def sending() -> int:
            return sum(
                1
                for task in asyncio.all_tasks()
                if "_send_webhook" in repr(task.get_coro()) and not task.done()
            )

        pending = asyncio.run_coroutine_threadsafe(sending(), self._loop).result(30)
        return pending == 0

    def client(self) -> stripe.StripeClient:
        return stripe.StripeClient(
            API_KEY,
            base_addresses={"api": self.url},
            http_client=stripe.HTTPXClient(timeout=30),
        )

    async def send_webhooks_to(self, url: str) -> None:
        async with httpx.AsyncClient() as client:
            response = await client.post(
                f"{self.url}/_config/webhooks/batchtrack",
                data={"url": url, "secret": WEBHOOK_SECRET},
            )
            response.raise_for_status()

    async def set_card(self, customer: str, number: str) -> None:
        client = self.client()
        card: Any = {"number": number, "exp_month": 12, "exp_year": 2035, "cvc": "123"}
        method = await client.v1.payment_methods.create_async({"type": "card", "card": card})
        await client.v1.payment_methods.attach_async(method.id, {"customer": customer})
        settings: Any = {"invoice_settings": {"default_payment_method": method.id}}
        await client.v1.customers.update_async(customer, settings)

    async def complete_checkout(self, url: str, webhook_url: str) -> str:
        """Do what Stripe Checkout does when the customer pays with a good card: the
        subscription, then a signed checkout.session.completed. Returns its id."""
        session_id = url.rsplit("/", 1)[1]
        made: dict[str, Any] = self.extension.checkouts[session_id]
        request = made["request"]
        customer = request["customer"]
        await self.set_card(customer, GOOD_CARD)
        items: Any = [
            {"plan": line["price"], "quantity": int(line.get("quantity", 1))}
            for line in request["line_items"][:1]  # localstripe: one item per subscription
        ]
        metadata = (request.get("subscription_data") or {}).get("metadata") or {}
        subscription = await self.client().v1.subscriptions.create_async(
            {"customer": customer, "items": items, "metadata": metadata}
        )
        checkout = dict(made["session"], status="complete", payment_status="paid")
        checkout["subscription"] = subscription.id
        await post_event(webhook_url, "checkout.session.completed", checkout)
        return str(subscription.id)

    async def open_invoices(self, customer: str) -> list[str]:
        found = await self.client().v1.invoices.list_async({"customer": customer})
        return [str(i.id) for i in found.data if i.status == "open"]

    async def pay(self, invoice_id: str) -> None:
        await self.client().v1.invoices.pay_async(invoice_id)

    async def report_failed_payment(self, invoice_id: str, webhook_url: str) -> None:
        """localstripe 1.15.10 declines a card's recurring charge (the subscription becomes
        past_due, the invoice stays open) but sends invoice.payment_failed only for SEPA
        debits (whose failure cancels the subscription instead). This delivers the event
        Stripe would send: the invoice as localstripe reports it, signed the same way."""
        invoice = await self.client().v1.invoices.retrieve_async(invoice_id)
        response = await post_event(webhook_url, "invoice.payment_failed", invoice.to_dict())
        response.raise_for_status()


def event_body(type: str, obj: dict[str, Any], *, event_id: str | None = None) -> bytes:
    """An event as Stripe sends it (the snapshot payload)."""
    return json.dumps(
        {
            "id": event_id or f"evt_{uuid.uuid4().hex[:24]}",
            "object": "event",
            "api_version": "2025-10-29.clover",
            "created": int(time.time()),
            "data": {"object": obj},
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
            "type": type,
        }
    ).encode()


async def post_event(
    url: str, type: str, obj: dict[str, Any], *, event_id: str | None = None
) -> httpx.Response:
    body = event_body(type, obj, event_id=event_id)
    async with httpx.AsyncClient(timeout=60) as client:
        return await client.post(url, content=body, headers={"Stripe-Signature": sign(body)})

"""POST /billing/stripe/webhook: Stripe's events, verified on the raw body with the
official library before anything is read from them. A forged or stale signature gets 400
and changes nothing; an event is processed once (a replay answers 200, changes nothing);
while Stripe cannot be reached to refetch, 503 makes Stripe deliver it again later."""

from __future__ import annotations

import logging

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.responses import JSONResponse

from resolvers.context import AfterCommit
from services.billing.changes import Billing
from services.billing.stripe_events import process_event
from services.billing.stripe_gateway import InvalidSignature, PaymentProviderUnavailable
from services.db import unit_of_work

log = logging.getLogger("batchtrack.billing.stripe")


class StripeWebhook:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        billing: Billing,
        on_commit: AfterCommit,
    ) -> None:
        self.sessions = sessions
        self.billing = billing
        self.on_commit = on_commit

    async def handle(self, request: Request) -> JSONResponse:
        gateway = self.billing.gateway
        if gateway is None:
            return JSONResponse({"error": "billing is not configured"}, 404)
        payload = await request.body()
        try:
            event = gateway.verify(payload, request.headers.get("stripe-signature"))
        except InvalidSignature as error:
            log.warning("stripe webhook refused", extra={"fields": {"reason": str(error)}})
            return JSONResponse({"error": "invalid signature"}, 400)
        try:
            async with unit_of_work(self.sessions) as session:
                outcome = await process_event(
                    session,
                    event=event,
                    gateway=gateway,
                    policy=self.billing.policy,
                    return_url=self.billing.return_url,
                )
        except IntegrityError:
            # The same event id processed by a concurrent delivery: done once already.
            return JSONResponse({"id": event.id, "result": "duplicate"})
        except PaymentProviderUnavailable:
            log.warning("stripe unreachable; the event will be delivered again")
            return JSONResponse({"error": "retry later"}, 503)
        await self.on_commit()
        log.info(
            "stripe event", extra={"fields": {"id": event.id, "type": event.type, **vars(outcome)}}
        )
        return JSONResponse({"id": outcome.event_id, "result": outcome.result})

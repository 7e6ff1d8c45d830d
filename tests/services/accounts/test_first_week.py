"""A new organization's first-week emails: welcome at once, the first batch on day 3 and
webhooks on day 7, queued at sign-up and each sent only once it is due."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from services import mail
from services.db import ServiceClock, unit_of_work
from tests.services.accounts.givens import Sessions, sign_up

pytestmark = pytest.mark.auth

LATER = {"Your first batch in BatchTrack", "Keep your shop in step with BatchTrack webhooks"}


async def _due_subjects(sessions: Sessions, to: str) -> set[str]:
    async with unit_of_work(sessions, write=False) as session:
        due = await mail.pending_emails(session)
    return {message.subject for message in due if message.to_address == to}


async def test_sign_up_queues_the_first_week_each_due_on_its_day(
    sessions: Sessions, clock: type[ServiceClock]
) -> None:
    ada = await sign_up(sessions)
    welcome = f"Welcome to BatchTrack, {ada.email}"  # no name given: the address
    async with unit_of_work(sessions, write=False) as session:
        queued = (
            await session.scalars(
                select(mail.OutboundEmail).where(mail.OutboundEmail.to_address == ada.email)
            )
        ).all()
    assert {welcome, *LATER} <= {message.subject for message in queued}

    # at once: the welcome, not the later ones
    due = await _due_subjects(sessions, ada.email)
    assert welcome in due
    assert not due & LATER

    clock.advance(timedelta(days=3, seconds=1))
    assert "Your first batch in BatchTrack" in await _due_subjects(sessions, ada.email)
    assert "Keep your shop in step with BatchTrack webhooks" not in await _due_subjects(
        sessions, ada.email
    )

    clock.advance(timedelta(days=4))
    assert await _due_subjects(sessions, ada.email) >= LATER

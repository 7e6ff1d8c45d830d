"""Batch labels: `<PREFIX>-<year>-<seq>` per organization and year (SOAP-2026-0101), and
a split's sub-labels (SOAP-2026-0101A-Lavender).

The sequence is taken by one upsert of the organization's counter row for the year,
returning the new value: the row is locked from that statement to the start's commit, so
concurrent starts take numbers one after another (on PostgreSQL they wait on the row; on
SQLite the writer holds the database), and a rolled-back start gives its number back.
"""

from __future__ import annotations

import string

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from services.batches.models import BatchCounter

DEFAULT_PREFIX = "BATCH"
LETTERS = string.ascii_uppercase


async def next_sequence(session: AsyncSession, organization_id: int, year: int) -> int:
    """The organization's next batch number in `year`: 1, 2, 3 ..."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    upsert = insert(BatchCounter).values(
        organization_id=organization_id, year=year, last_sequence=1
    )
    sequence = await session.scalar(
        upsert.on_conflict_do_update(
            index_elements=[BatchCounter.organization_id, BatchCounter.year],
            set_={"last_sequence": BatchCounter.last_sequence + 1},
        ).returning(BatchCounter.last_sequence)
    )
    assert sequence is not None
    return int(sequence)


def label(prefix: str | None, year: int, sequence: int) -> str:
    return f"{prefix or DEFAULT_PREFIX}-{year}-{sequence:04d}"


def variation_letter(index: int) -> str:
    """A, B, ... Z, then AA, AB ... (a split has at most a few variations)."""
    if index < len(LETTERS):
        return LETTERS[index]
    return LETTERS[index // len(LETTERS) - 1] + LETTERS[index % len(LETTERS)]


def sub_label(parent_label: str, letter: str, name: str) -> str:
    return f"{parent_label}{letter}-{name}"

"""Fixtures of the batch service tests: side-by-side writers share inventory's."""

from tests.services.inventory.conftest import pooled

__all__ = ["pooled"]

"""Imports every domain's models so that `Base.metadata` knows all tables (for Alembic)."""

from services import mail
from services.accounts import models as accounts_models
from services.db import Base

metadata = Base.metadata

__all__ = ["accounts_models", "mail", "metadata"]

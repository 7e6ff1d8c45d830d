"""Imports every domain's models so that `Base.metadata` knows all tables (for Alembic)."""

from services import events, mail
from services.accounts import models as accounts_models
from services.db import Base
from services.inventory import models as inventory_models
from services.units import models as units_models

metadata = Base.metadata

__all__ = ["accounts_models", "events", "inventory_models", "mail", "metadata", "units_models"]

"""Imports every domain's models so that `Base.metadata` knows all tables (for Alembic)."""

from services import events, idempotency, mail
from services.accounts import models as accounts_models
from services.batches import models as batches_models
from services.billing import models as billing_models
from services.db import Base
from services.inventory import models as inventory_models
from services.recipes import models as recipes_models
from services.units import models as units_models
from services.webhooks import models as webhooks_models

metadata = Base.metadata

__all__ = [
    "accounts_models",
    "batches_models",
    "billing_models",
    "events",
    "idempotency",
    "inventory_models",
    "mail",
    "metadata",
    "recipes_models",
    "units_models",
    "webhooks_models",
]

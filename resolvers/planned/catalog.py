"""Every type and root field planned reads cover: each domain's catalog, merged."""

from __future__ import annotations

from resolvers.planned import batches, events, genealogy, inventory, recipes, webhooks
from resolvers.planned.plan import Catalog

DOMAINS = (
    inventory.CATALOG,
    recipes.CATALOG,
    batches.CATALOG,
    events.CATALOG,
    webhooks.CATALOG,
    genealogy.CATALOG,
)
CATALOG = Catalog(
    roots={name: root for domain in DOMAINS for name, root in domain.roots.items()},
    types={name: row_type for domain in DOMAINS for name, row_type in domain.types.items()},
)

"""recipes: versions (one row each, sharing a lineage), their lines (ingredients,
consumables, containers) and their step layers (own steps, overrides and omissions of
inherited ones); new tables only

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 02:05:08.900056
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import services.db

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "recipes",
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "lineage_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column(
            "source_recipe_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "source_lineage_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "root_lineage_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=True),
        sa.Column("category_key", sa.String(length=100), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column(
            "output_item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("yield_amount", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("yield_unit", sa.String(length=50), nullable=False),
        sa.Column("portion_name", sa.String(length=100), nullable=True),
        sa.Column("portion_count", sa.Integer(), nullable=True),
        sa.Column(
            "portion_size_amount", services.db.ExactDecimal(scale=6, precision=38), nullable=True
        ),
        sa.Column("portion_size_unit", sa.String(length=50), nullable=True),
        sa.Column("label_prefix", sa.String(length=12), nullable=True),
        sa.Column(
            "promoted_to_recipe_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=True,
        ),
        sa.Column("updated_at", services.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("published_at", services.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("archived_at", services.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("created_at", services.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["lineage_id"], ["recipes.id"], name=op.f("fk_recipes_lineage_id_recipes")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_recipes_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["output_item_id"],
            ["inventory_items.id"],
            name=op.f("fk_recipes_output_item_id_inventory_items"),
        ),
        sa.ForeignKeyConstraint(
            ["promoted_to_recipe_id"],
            ["recipes.id"],
            name=op.f("fk_recipes_promoted_to_recipe_id_recipes"),
        ),
        sa.ForeignKeyConstraint(
            ["root_lineage_id"], ["recipes.id"], name=op.f("fk_recipes_root_lineage_id_recipes")
        ),
        sa.ForeignKeyConstraint(
            ["source_lineage_id"], ["recipes.id"], name=op.f("fk_recipes_source_lineage_id_recipes")
        ),
        sa.ForeignKeyConstraint(
            ["source_recipe_id"], ["recipes.id"], name=op.f("fk_recipes_source_recipe_id_recipes")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recipes")),
        sa.UniqueConstraint("lineage_id", "version", name=op.f("uq_recipes_lineage_id_version")),
    )
    with op.batch_alter_table("recipes", schema=None) as batch_op:
        batch_op.create_index("ix_recipes_org_id", ["organization_id", "id"], unique=False)
        batch_op.create_index(
            "ix_recipes_org_output_item", ["organization_id", "output_item_id"], unique=False
        )
        batch_op.create_index(
            "ix_recipes_org_source_lineage",
            ["organization_id", "source_lineage_id", "id"],
            unique=False,
        )
        batch_op.create_index(
            "uq_recipes_current_version",
            ["lineage_id"],
            unique=True,
            postgresql_where=sa.text("is_current"),
            sqlite_where=sa.text("is_current"),
        )

    op.create_table(
        "recipe_lines",
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "recipe_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("amount", services.db.ExactDecimal(scale=6, precision=38), nullable=False),
        sa.Column("unit", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["inventory_items.id"],
            name=op.f("fk_recipe_lines_item_id_inventory_items"),
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_recipe_lines_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recipe_id"],
            ["recipes.id"],
            name=op.f("fk_recipe_lines_recipe_id_recipes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recipe_lines")),
        sa.UniqueConstraint("recipe_id", "item_id", name=op.f("uq_recipe_lines_recipe_id_item_id")),
    )
    with op.batch_alter_table("recipe_lines", schema=None) as batch_op:
        batch_op.create_index("ix_recipe_lines_item", ["item_id"], unique=False)
        batch_op.create_index(
            "ix_recipe_lines_recipe", ["recipe_id", "kind", "position"], unique=False
        )

    op.create_table(
        "recipe_steps",
        sa.Column(
            "organization_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "recipe_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("after_key", sa.String(length=40), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("temperature", services.db.ExactDecimal(scale=2, precision=38), nullable=True),
        sa.Column("temperature_unit", sa.String(length=1), nullable=True),
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_recipe_steps_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recipe_id"],
            ["recipes.id"],
            name=op.f("fk_recipe_steps_recipe_id_recipes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recipe_steps")),
        sa.UniqueConstraint("recipe_id", "key", name=op.f("uq_recipe_steps_recipe_id_key")),
    )
    with op.batch_alter_table("recipe_steps", schema=None) as batch_op:
        batch_op.create_index("ix_recipe_steps_recipe", ["recipe_id", "position"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("recipe_steps", schema=None) as batch_op:
        batch_op.drop_index("ix_recipe_steps_recipe")

    op.drop_table("recipe_steps")
    with op.batch_alter_table("recipe_lines", schema=None) as batch_op:
        batch_op.drop_index("ix_recipe_lines_recipe")
        batch_op.drop_index("ix_recipe_lines_item")

    op.drop_table("recipe_lines")
    with op.batch_alter_table("recipes", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_recipes_current_version",
            postgresql_where=sa.text("is_current"),
            sqlite_where=sa.text("is_current"),
        )
        batch_op.drop_index("ix_recipes_org_source_lineage")
        batch_op.drop_index("ix_recipes_org_output_item")
        batch_op.drop_index("ix_recipes_org_id")

    op.drop_table("recipes")

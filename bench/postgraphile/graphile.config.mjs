// PostGraphile 5 over BatchTrack's PostgreSQL schema `public`, for the side-by-side
// benchmarks in bench/load/. Started by ./serve.sh, which sets DATABASE_URL, HOST, PORT.
//
// - Preset amber (the V5 default) plus postgraphile-plugin-connection-filter, so R1 can
//   ask for open lots only (`filter: {remaining: {greaterThan: "0"}}`): the automatic
//   `condition` argument only tests equality.
// - Amber offers filters and orderings only on columns that lead a non-partial index.
//   inventory_lots.remaining is read through the partial index ix_inventory_lots_open
//   (item_id, received_at, id) WHERE remaining > 0, and our API leaves archived items out
//   of its list (archived_at IS NULL), so both columns are tagged @isIndexed to be
//   filterable; so are inventory_items.type and .name, for R1's filters (an item type,
//   part of the name: our API's `filter: {type, search}`); nothing else is opened up.
// - Read-only: no create/update/delete mutations.
// - Tables holding credentials or secrets are left out of the schema; nothing in the
//   workloads reads them and the server has no authentication of its own.
import { makePgService } from "postgraphile/adaptors/pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { jsonPgSmartTags } from "postgraphile/utils";
import { PostGraphileConnectionFilterPreset } from "postgraphile-plugin-connection-filter";

const hidden = [
  "alembic_version",
  "api_keys",
  "idempotency_records",
  "invitations",
  "outbound_emails",
  "user_sessions",
  "users",
  "webhook_endpoints",
];

const indexed = { tags: { isIndexed: true } };

const SmartTagsPlugin = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      ...Object.fromEntries(hidden.map((name) => [name, { tags: { behavior: "-*" } }])),
      inventory_lots: { attribute: { remaining: indexed } },
      inventory_items: { attribute: { archived_at: indexed, type: indexed, name: indexed } },
    },
  },
});

const connectionString = process.env.DATABASE_URL;
if (!connectionString) {
  throw new Error("DATABASE_URL (postgres://user@host:port/db) is required");
}

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
  plugins: [SmartTagsPlugin],
  pgServices: [
    makePgService({
      connectionString,
      schemas: ["public"],
      poolConfig: { max: Number(process.env.PG_POOL_MAX ?? 10) },
    }),
  ],
  schema: {
    defaultBehavior: "-insert -update -delete",
    connectionFilterComputedColumns: false,
    connectionFilterSetofFunctions: false,
    connectionFilterArrays: false,
  },
  grafserv: {
    host: process.env.HOST ?? "127.0.0.1",
    port: Number(process.env.PORT ?? 5678),
    graphqlPath: "/graphql",
    graphiql: true,
    watch: false,
  },
  grafast: { explain: false },
};

export default preset;

// The BatchTrack API from TypeScript: documents and types generated from the schema and
// sdk/operations.graphql (`InventoryItemsDocument`, `InventoryItemsQuery`...), run by a
// small fetch-based client with pagination, pacing, idempotency keys, typed errors and
// webhook verification.

export * from './generated/graphql.js';
export { BatchTrackClient, DEFAULT_URL, type ClientOptions, type RequestOptions } from './client.js';
export * from './errors.js';
export { Pacer } from './pacing.js';
export { paginate, paginatePages, type Connection } from './pagination.js';
export { InvalidWebhook, verifyWebhook, type WebhookEvent } from './webhooks.js';

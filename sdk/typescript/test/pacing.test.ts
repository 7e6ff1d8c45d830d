// Pacing against a server with a small budget (400 points, 200 a second): a paced bulk
// sync is never refused, and a client that did not know the bucket was spent (another
// process with the same key) waits the time THROTTLED gives and succeeds.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BatchTrackClient,
  CreateInventoryItemDocument,
  InventoryItemsDocument,
  SignUpDocument,
} from '../src/index.js';
import { startServer, type LiveServer } from './server.js';

const PAGE = 20; // inventoryItems(first: 20) with InventoryItemFields: about 200 points
let server: LiveServer;
let emails = 0;

before(async () => {
  server = await startServer({ THROTTLE_MAXIMUM: '400', THROTTLE_RESTORE_RATE: '200' });
});
after(async () => {
  await server.stop();
});

function recording(statuses: number[]): typeof fetch {
  return async (url, init) => {
    const response = await fetch(url, init);
    statuses.push(response.status);
    return response;
  };
}

async function ownerToken(): Promise<string> {
  const { signUp } = await new BatchTrackClient({ url: server.url }).request(SignUpDocument, {
    input: { email: `pace${(emails += 1)}@example.com`, password: 'correct horse battery', organizationName: 'Paced' },
  });
  assert.ok(signUp.token);
  return signUp.token;
}

async function createPageOfItems(client: BatchTrackClient): Promise<void> {
  for (let n = 0; n < PAGE; n += 1) {
    await client.request(CreateInventoryItemDocument, {
      input: { name: `Wick ${n}`, type: 'PACKAGING', baseUnit: 'each' },
    });
  }
}

test('a paced bulk sync is never throttled', async () => {
  const statuses: number[] = [];
  const client = new BatchTrackClient({ url: server.url, apiKey: await ownerToken(), fetch: recording(statuses) });
  await client.request(InventoryItemsDocument, { first: PAGE }); // learns what a page asks for
  await createPageOfItems(client);
  for (let n = 0; n < 3; n += 1) {
    const { inventoryItems } = await client.request(InventoryItemsDocument, { first: PAGE });
    assert.equal(inventoryItems.nodes.length, PAGE);
  }
  assert.ok(client.pacer.delay('InventoryItems') > 0); // the bucket is spent: it would wait
  assert.deepEqual(statuses, new Array(1 + PAGE + 3).fill(200));
});

test('THROTTLED waits the time given, then succeeds', async () => {
  const token = await ownerToken();
  const first = new BatchTrackClient({ url: server.url, apiKey: token });
  await first.request(InventoryItemsDocument, { first: PAGE });
  await createPageOfItems(first);
  await first.request(InventoryItemsDocument, { first: PAGE }); // paced; spends about 120 of the 400
  assert.ok((first.pacer.available() ?? 0) < 300);
  const statuses: number[] = [];
  const other = new BatchTrackClient({ url: server.url, apiKey: token, fetch: recording(statuses) });
  // asks for 2 + 39 x 10 = 392 points: the bucket is at least ~0.5 s of refill short
  const { inventoryItems } = await other.request(InventoryItemsDocument, { first: 39 });
  assert.equal(inventoryItems.nodes.length, PAGE);
  assert.deepEqual(statuses, [429, 200]);
});

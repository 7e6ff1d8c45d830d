// The TypeScript SDK against a live server: typed documents, pages, typed errors,
// idempotency keys reused on retries, pacing, webhook verification.

import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { after, before, test } from 'node:test';
import {
  AdjustInventoryDocument,
  BatchTrackClient,
  CreateApiKeyDocument,
  CreateInventoryItemDocument,
  CreateWebhookEndpointDocument,
  InvalidWebhook,
  InventoryItemDocument,
  InventoryItemsDocument,
  Pacer,
  ReceiveInventoryDocument,
  SendTestWebhookDocument,
  SignUpDocument,
  Unauthenticated,
  UserErrors,
  ViewerDocument,
  paginate,
  paginatePages,
  verifyWebhook,
} from '../src/index.js';
import { freePort, startServer, type LiveServer } from './server.js';

let server: LiveServer;
let emails = 0;

before(async () => {
  server = await startServer();
});
after(async () => {
  await server.stop();
});

async function signUp(): Promise<string> {
  const anonymous = new BatchTrackClient({ url: server.url });
  const email = `ts${(emails += 1)}@example.com`;
  const { signUp } = await anonymous.request(SignUpDocument, {
    input: { email, password: 'correct horse battery', organizationName: 'TypeScript Workshop' },
  });
  assert.ok(signUp.token);
  server.verifyEmail(email); // API keys need a verified address
  return signUp.token;
}

async function owner(): Promise<BatchTrackClient> {
  return new BatchTrackClient({ url: server.url, apiKey: await signUp() });
}

async function item(client: BatchTrackClient, name: string, grams?: string): Promise<string> {
  const created = await client.request(CreateInventoryItemDocument, {
    input: { name, type: 'INGREDIENT', baseUnit: 'g' },
  });
  const id = created.createInventoryItem.inventoryItem?.id;
  assert.ok(id);
  if (grams !== undefined) {
    await client.request(ReceiveInventoryDocument, {
      input: { itemId: id, quantity: { amount: grams, unit: 'g' }, unitCost: '0.02' },
    });
  }
  return id;
}

test('an API key lists items page by page', async () => {
  const session = await owner();
  const { createApiKey } = await session.request(CreateApiKeyDocument, {
    input: { name: 'sync', scopes: ['INVENTORY_READ', 'INVENTORY_MANAGE'] },
  });
  assert.ok(createApiKey.token);
  const client = new BatchTrackClient({ url: server.url, apiKey: createApiKey.token });
  const names = ['Oil 0', 'Oil 1', 'Oil 2', 'Oil 3', 'Oil 4'];
  for (const name of names) await item(client, name);

  const sizes: number[] = [];
  for await (const page of paginatePages(client, InventoryItemsDocument, { first: 2 }, (d) => d.inventoryItems)) {
    sizes.push(page.length);
  }
  const listed: string[] = [];
  for await (const node of paginate(client, InventoryItemsDocument, { first: 2 }, (d) => d.inventoryItems)) {
    listed.push(node.name);
  }
  assert.deepEqual(sizes, [2, 2, 1]);
  assert.deepEqual(listed, names);
});

test('a user error is a typed exception and changes nothing', async () => {
  const client = await owner();
  const id = await item(client, 'Lye', '10');
  const error = await client
    .request(AdjustInventoryDocument, {
      input: { itemId: id, changeType: 'SALE', quantity: { amount: '11', unit: 'g' } },
    })
    .then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
  assert.ok(error instanceof UserErrors);
  assert.equal(error.operation, 'adjustInventory');
  assert.deepEqual(error.codes, ['INSUFFICIENT_STOCK']);
  const { inventoryItem } = await client.request(InventoryItemDocument, { id });
  assert.equal(inventoryItem?.onHand.amount, '10');
});

test('a bad key is unauthenticated', async () => {
  const client = new BatchTrackClient({ url: server.url, apiKey: 'bt_live_not_a_key' });
  await assert.rejects(client.request(ViewerDocument), Unauthenticated);
});

test('a retried mutation reuses its idempotency key and applies once', async () => {
  const token = await signUp();
  const client = new BatchTrackClient({ url: server.url, apiKey: token });
  const id = await item(client, 'Beeswax');
  const keys: (string | null)[] = [];
  // The network: the first answer to a mutation is lost after the server applied it.
  const losing: typeof fetch = async (url, init) => {
    const response = await fetch(url, init);
    const headers = new Headers(init?.headers);
    if (String(init?.body).includes('mutation')) {
      keys.push(headers.get('idempotency-key'));
      if (keys.length === 1) throw new TypeError('fetch failed: connection reset');
    }
    return response;
  };
  const flaky = new BatchTrackClient({ url: server.url, fetch: losing, apiKey: token });
  const purchase = { input: { itemId: id, quantity: { amount: '500', unit: 'g' }, unitCost: '0.02' } };
  const received = await flaky.request(ReceiveInventoryDocument, purchase);
  const again = await flaky.request(ReceiveInventoryDocument, purchase, { idempotencyKey: 'order-1001' });
  const same = await flaky.request(ReceiveInventoryDocument, purchase, { idempotencyKey: 'order-1001' });

  assert.ok(keys[0]);
  assert.equal(keys[1], keys[0]);
  assert.deepEqual(keys.slice(2), ['order-1001', 'order-1001']);
  assert.equal(same.receiveInventory.lot?.id, again.receiveInventory.lot?.id);
  assert.notEqual(received.receiveInventory.lot?.id, again.receiveInventory.lot?.id);
  const { inventoryItem } = await client.request(InventoryItemDocument, { id });
  assert.equal(inventoryItem?.onHand.amount, String(500 + 500));
});

test('the pacer waits for the bucket to hold what the operation cost last time', () => {
  let now = 100;
  const pacer = new Pacer(() => now);
  const throttleStatus = { maximumAvailable: 1000, currentlyAvailable: 148, restoreRate: 50 };
  pacer.observe('Items', { cost: { requestedQueryCost: 452, throttleStatus } });
  assert.equal(pacer.delay('Items'), (452 - 148) / 50);
  now += 2;
  assert.equal(pacer.delay('Items'), (452 - 148 - 2 * 50) / 50);
  assert.equal(pacer.delay('NeverSent'), 0);
});

test('a webhook verifies into a typed event and a forged one does not', async () => {
  const received: { body: string; headers: IncomingHttpHeaders }[] = [];
  let arrived: () => void = () => undefined;
  const delivered = new Promise<void>((resolve) => (arrived = resolve));
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: request.headers });
      response.writeHead(200).end('ok');
      arrived();
    });
  });
  const port = await freePort();
  await new Promise<void>((done) => receiver.listen(port, '127.0.0.1', done));
  let secret = '';
  try {
    const client = await owner();
    const { createWebhookEndpoint } = await client.request(CreateWebhookEndpointDocument, {
      input: { url: `http://127.0.0.1:${port}/hooks`, eventTypes: ['inventory.*'] },
    });
    const endpoint = createWebhookEndpoint.webhookEndpoint;
    assert.ok(endpoint && createWebhookEndpoint.secret);
    secret = createWebhookEndpoint.secret;
    await client.request(SendTestWebhookDocument, { input: { id: endpoint.id } });
    await delivered;
  } finally {
    receiver.close();
  }
  const [delivery] = received;
  assert.ok(delivery);
  const headers = delivery.headers as Record<string, string>;

  const event = verifyWebhook(secret, delivery.body, headers);
  assert.equal(event.type, 'webhook.test');
  assert.equal(event.id, headers['webhook-id']);
  const forged = delivery.body.replace('webhook.test', 'webhook.tost');
  assert.throws(() => verifyWebhook(secret, forged, headers), InvalidWebhook);
  const rotating = [`whsec_${Buffer.alloc(24).toString('base64')}`, secret];
  assert.equal(verifyWebhook(rotating, delivery.body, headers).id, event.id);
});

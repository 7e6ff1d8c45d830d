// What every operation goes through: the API key as a bearer token, pacing from the cost
// reported by the last answers, retries, an `Idempotency-Key` per mutation call (the same
// key on each retry, so a retried mutation applies once), and typed errors.

import { randomUUID } from 'node:crypto';
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { TransportError, graphqlError, throwUserErrors, type GraphQLErrorBody } from './errors.js';
import { Pacer } from './pacing.js';

export const DEFAULT_URL = 'http://127.0.0.1:8000/graphql';
// Answers worth another try: over the budget, the database busy, an idempotency key whose
// first request is still running, a proxy or server restarting.
const RETRY_STATUSES = new Set([409, 429, 502, 503, 504]);
const RETRY_CODES = new Set(['THROTTLED', 'SERVICE_BUSY']);

export interface ClientOptions {
  url?: string;
  apiKey?: string;
  headers?: Record<string, string>;
  maxAttempts?: number;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  /** The key of this mutation call; by default a new one per call, kept for its retries. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

interface Body {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorBody[];
  extensions?: unknown;
}

const sleep = (seconds: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, seconds * 1000));

export const backoff = (attempt: number): number => Math.min(0.25 * 2 ** attempt, 8);

function operationOf(query: string): { name: string | undefined; mutation: boolean } {
  const match = /^\s*(query|mutation)\s+(\w+)/.exec(query);
  return { name: match?.[2], mutation: match?.[1] === 'mutation' };
}

/** Seconds to wait before trying again, or undefined when this answer is final. */
function retryAfter(response: Response, body: Body | undefined, attempt: number): number | undefined {
  const errors = body?.errors ?? [];
  const codes = errors.map((error) => String(error.extensions?.['code'] ?? ''));
  if (!RETRY_STATUSES.has(response.status) && !codes.some((code) => RETRY_CODES.has(code))) {
    return undefined;
  }
  for (const error of errors) {
    const seconds = error.extensions?.['retryAfterSeconds'];
    if (typeof seconds === 'number') return seconds;
  }
  const header = Number(response.headers.get('retry-after'));
  return Number.isFinite(header) && header > 0 ? header : backoff(attempt);
}

export class BatchTrackClient {
  readonly url: string;
  readonly pacer = new Pacer();
  private readonly headers: Record<string, string>;
  private readonly maxAttempts: number;
  private readonly fetch: typeof fetch;

  constructor(options: ClientOptions = {}) {
    this.url = options.url ?? DEFAULT_URL;
    this.headers = { 'content-type': 'application/json', ...options.headers };
    if (options.apiKey) this.headers['authorization'] = `Bearer ${options.apiKey}`;
    this.maxAttempts = options.maxAttempts ?? 6;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** Run a generated document (`InventoryItemsDocument`...) and return its typed data. */
  async request<TResult, TVariables>(
    document: DocumentTypeDecoration<TResult, TVariables>,
    ...[variables, options]: TVariables extends Record<string, never>
      ? [variables?: TVariables, options?: RequestOptions]
      : [variables: TVariables, options?: RequestOptions]
  ): Promise<TResult> {
    const query = String(document);
    const operation = operationOf(query);
    const headers = { ...this.headers };
    if (operation.mutation) headers['idempotency-key'] = options?.idempotencyKey ?? randomUUID();
    const payload = JSON.stringify({ query, operationName: operation.name, variables: variables ?? {} });
    let wait = 0;
    for (let attempt = 0; ; attempt += 1) {
      const last = attempt + 1 >= this.maxAttempts;
      await sleep(Math.max(wait, this.pacer.delay(operation.name)));
      let response: Response;
      try {
        response = await this.fetch(this.url, { method: 'POST', headers, body: payload, signal: options?.signal });
      } catch (error) {
        if (last || options?.signal?.aborted) {
          throw new TransportError(`${operation.name}: ${String(error)}`);
        }
        wait = backoff(attempt);
        continue;
      }
      const body = await response.json().then(
        (value: unknown) => value as Body,
        () => undefined,
      );
      this.pacer.observe(operation.name, body?.extensions);
      const delay = retryAfter(response, body, attempt);
      if (delay === undefined || last) return this.data<TResult>(response, body);
      wait = delay;
    }
  }

  private data<TResult>(response: Response, body: Body | undefined): TResult {
    if (body === undefined || (body.data === undefined && body.errors === undefined)) {
      throw new TransportError(`HTTP ${response.status}`, response.status);
    }
    if (body.errors !== undefined && body.errors.length > 0) throw graphqlError(body.errors, body.data);
    if (body.data === null || body.data === undefined) {
      throw new TransportError('an answer without data', response.status);
    }
    throwUserErrors(body.data);
    return body.data as TResult;
  }
}

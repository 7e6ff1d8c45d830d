// Receiving webhooks: `verifyWebhook(secret, body, headers)` checks the Standard Webhooks
// signature and age with the `standardwebhooks` package and returns the typed event.
// Verify the raw body text, before any JSON parsing. During a secret's rotation pass
// both secrets: the previous one signs for 24 hours.

import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { BatchTrackError } from './errors.js';

/** Forged, altered, unsigned or too old: answer 400 and ignore it. */
export class InvalidWebhook extends BatchTrackError {
  override name = 'InvalidWebhook';
}

/** A webhook body (docs/api.md: Outbound webhooks); `data` is the payload of `type`. */
export interface WebhookEvent<TData = Record<string, unknown>> {
  id: string;
  type: string;
  timestamp?: string;
  createdAt: string;
  apiVersion: string;
  organizationId: string;
  entity?: { type: string; id: string; sequence: number };
  data: TData;
}

type Headers = Record<string, string | string[] | undefined> | globalThis.Headers;

function plainHeaders(headers: Headers): Record<string, string> {
  const entries =
    headers instanceof globalThis.Headers ? [...headers.entries()] : Object.entries(headers);
  const plain: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (value !== undefined) plain[key.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  return plain;
}

export function verifyWebhook<TData = Record<string, unknown>>(
  secrets: string | string[],
  body: string | Buffer,
  headers: Headers,
): WebhookEvent<TData> {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  const plain = plainHeaders(headers);
  for (const secret of Array.isArray(secrets) ? secrets : [secrets]) {
    try {
      return new Webhook(secret).verify(text, plain) as WebhookEvent<TData>;
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
    }
  }
  throw new InvalidWebhook("the webhook's signature does not verify with any given secret");
}

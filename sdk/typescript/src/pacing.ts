// Pacing from `extensions.cost`: every answer says what the query cost and how many
// points the caller's bucket holds (`throttleStatus`). Before sending an operation again,
// wait until the bucket, refilling at `restoreRate` per second, holds what that operation
// cost last time, so a bulk sync slows down rather than being refused. An operation's
// first call has no cost to go by, and another process spending the same bucket is not
// seen: then THROTTLED says how long to wait, and the client waits and retries.

interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class Pacer {
  private readonly costs = new Map<string, number>();
  private status: ThrottleStatus | undefined;
  private seenAt = 0;

  constructor(private readonly clock: () => number = () => performance.now() / 1000) {}

  observe(operation: string | undefined, extensions: unknown): void {
    const cost = (extensions as { cost?: Record<string, unknown> } | undefined)?.cost;
    if (cost === undefined) return;
    const requested = cost['requestedQueryCost'];
    if (operation !== undefined && typeof requested === 'number') {
      this.costs.set(operation, requested);
    }
    const status = cost['throttleStatus'] as ThrottleStatus | undefined;
    if (status !== undefined) {
      this.status = status;
      this.seenAt = this.clock();
    }
  }

  /** The bucket now, as last reported and refilled since. */
  available(): number | undefined {
    if (this.status === undefined) return undefined;
    const { currentlyAvailable, maximumAvailable, restoreRate } = this.status;
    const refilled = currentlyAvailable + (this.clock() - this.seenAt) * restoreRate;
    return Math.min(maximumAvailable, refilled);
  }

  /** Seconds to wait before sending `operation` so its cost is in the bucket. */
  delay(operation: string | undefined): number {
    const available = this.available();
    const needed = this.costs.get(operation ?? '') ?? 0;
    const rate = this.status?.restoreRate ?? 0;
    if (available === undefined || available >= needed || rate <= 0) return 0;
    return (needed - available) / rate;
  }
}

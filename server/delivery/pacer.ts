/**
 * Spaces this process's requests to the provider: reaching its limit without crossing it, since
 * a 429 wastes a prepared batch. Shared by every sweep in the process (one team, one limit).
 * The provider counts arrivals, which jitter behind our departures (a busy event loop, a large
 * body): each 429 widens the spacing a little, and it narrows back slowly while none come.
 */
export class Pacer {
  private next = 0;
  private intervalMs: number;
  constructor(private readonly baseMs: number) {
    this.intervalMs = baseMs;
  }

  async wait(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + this.intervalMs;
    this.intervalMs = Math.max(this.baseMs, this.intervalMs * 0.998);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  /** After a 429: nothing more until its retry-after has passed, and a little more room after. */
  holdFor(ms: number): void {
    this.next = Math.max(this.next, Date.now() + ms);
    this.intervalMs = Math.min(this.intervalMs * 1.1, this.baseMs * 1.5);
  }
}

const pacers = new Map<number, Pacer>();

/** The process's pacer for a rate (one per rate, shared by every sweep); none for Infinity. */
export function pacerFor(requestsPerSecond: number): Pacer | null {
  if (!Number.isFinite(requestsPerSecond) || requestsPerSecond <= 0) return null;
  let pacer = pacers.get(requestsPerSecond);
  if (!pacer) {
    pacer = new Pacer(Math.ceil((1000 / requestsPerSecond) * 1.03));
    pacers.set(requestsPerSecond, pacer);
  }
  return pacer;
}

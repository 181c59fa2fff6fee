/**
 * When the server dies, restart it, but not forever: more than `limit` crashes within `windowMs`
 * means something is broken and the user should be told instead.
 */
export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    private readonly limit = 4,
    private readonly windowMs = 3 * 60 * 1000,
  ) {}

  /** Records a crash at `now`; true while a restart is still worth trying. */
  crashed(now: number = Date.now()): boolean {
    this.crashes = this.crashes.filter((t) => now - t < this.windowMs);
    this.crashes.push(now);
    return this.crashes.length <= this.limit;
  }

  /** A restart the user asked for starts afresh. */
  reset(): void {
    this.crashes = [];
  }
}

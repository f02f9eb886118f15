// The simulated platform's time. A speed clock runs N times faster than the
// real clock it reads; a manual clock only moves when told to, so tests and
// the benchmark replay hours of OctoPerf in milliseconds.

export interface SimClock {
  /** Simulated epoch milliseconds. */
  now(): number;
}

export class SpeedClock implements SimClock {
  private readonly startReal: number;
  private readonly startSim: number;
  constructor(
    readonly speed: number,
    private readonly realNow: () => number = Date.now,
    /** Real epoch ms at which simulated time equals real time (shared state passes its own). */
    origin?: number,
  ) {
    if (!Number.isFinite(speed) || speed <= 0) throw new RangeError(`speed must be a positive number, got ${String(speed)}`);
    this.startReal = origin ?? realNow();
    this.startSim = this.startReal;
  }
  now(): number {
    return this.startSim + (this.realNow() - this.startReal) * this.speed;
  }
}

export class ManualClock implements SimClock {
  constructor(private current: number = Date.UTC(2026, 0, 1, 9, 0, 0)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot move a clock by ${String(ms)} ms`);
    this.current += ms;
  }
}

/**
 * The time the mini program code sees: `Date` and the timer functions, driven by `advance()`.
 * Nothing here touches Node's real timers, so a page's ticking interval can never keep the
 * process alive, and elapsed times are exact.
 */

interface Timer {
  due: number;
  every?: number;
  run: () => void;
}

export class VirtualClock {
  private current: number;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  /** Timers still scheduled (intervals included). */
  get pending(): number {
    return this.timers.size;
  }

  setTimeout = (callback: (...args: unknown[]) => void, ms = 0, ...args: unknown[]): number =>
    this.add({ due: this.current + Math.max(0, ms), run: () => callback(...args) });

  setInterval = (callback: (...args: unknown[]) => void, ms = 0, ...args: unknown[]): number => {
    const every = Math.max(1, ms);
    return this.add({ due: this.current + every, every, run: () => callback(...args) });
  };

  clearTimeout = (id?: number): void => {
    if (id !== undefined) this.timers.delete(id);
  };

  clearInterval = this.clearTimeout;

  /** Moves time forward, running each timer that falls due, in order. */
  advance(ms: number): void {
    const target = this.current + Math.max(0, ms);
    for (;;) {
      const next = this.nextDue(target);
      if (!next) break;
      const [id, timer] = next;
      this.current = timer.due;
      if (timer.every) timer.due += timer.every;
      else this.timers.delete(id);
      timer.run();
    }
    this.current = target;
  }

  /** Drops every timer. */
  clearAll(): void {
    this.timers.clear();
  }

  /** A `Date` whose `now()` and argument-less constructor read this clock. */
  dateClass(): DateConstructor {
    const clock = this;
    class HarnessDate extends Date {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(clock.now());
        else if (args.length === 1) super(args[0] as number | string | Date);
        else {
          const [year, month, day = 1, hours = 0, minutes = 0, seconds = 0, ms = 0] =
            args.map(Number);
          super(year, month, day, hours, minutes, seconds, ms);
        }
      }

      static now(): number {
        return clock.now();
      }
    }
    return HarnessDate as DateConstructor;
  }

  private add(timer: Timer): number {
    const id = this.nextId++;
    this.timers.set(id, timer);
    return id;
  }

  private nextDue(limit: number): [number, Timer] | undefined {
    let best: [number, Timer] | undefined;
    for (const entry of this.timers) {
      if (entry[1].due > limit) continue;
      if (!best || entry[1].due < best[1].due) best = entry;
    }
    return best;
  }
}

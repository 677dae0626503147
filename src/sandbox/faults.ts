/**
 * Faults injected on request, for tests: each applies to the next `count` calls of one route
 * (or to the next `count` notification deliveries), in the order they were added.
 */

/** Where a fault can apply: an API route, or notification deliveries. */
export const FAULT_ROUTES = [
  'create',
  'query',
  'cancel',
  'modify',
  'complete',
  'pay',
  'sync',
  'notify',
] as const;

/** What can go wrong: an error status, a delay, a lost reply or a spoilt signature. */
export const FAULT_KINDS = [
  'system-error',
  'rate-limited',
  'slow',
  'drop',
  'no-signature',
  'signtest',
  'bad-signature',
] as const;

export type FaultRoute = (typeof FAULT_ROUTES)[number];
export type FaultKind = (typeof FAULT_KINDS)[number];

/** A fault to inject. `delayMs` is the delay of `slow` (default 1000). */
export interface FaultSpec {
  route: FaultRoute;
  kind: FaultKind;
  count?: number;
  delayMs?: number;
}

/** A fault taken for one call. */
export interface ActiveFault {
  kind: FaultKind;
  delayMs: number;
}

interface PendingFault extends ActiveFault {
  route: FaultRoute;
  remaining: number;
}

const MAX_COUNT = 1000;
const MAX_DELAY_MS = 120000;
const MAX_PENDING = 100;
// A notification has no HTTP status of its own to spoil, so only these make sense for it.
const NOTIFY_KINDS: readonly FaultKind[] = [
  'slow',
  'drop',
  'no-signature',
  'signtest',
  'bad-signature',
];

/** Checks a fault request (from JSON or from code); throws an Error saying what is wrong. */
export function checkFaultSpec(value: unknown): Required<FaultSpec> {
  if (!value || typeof value !== 'object') throw new Error('a fault is an object');
  const { route, kind, count = 1, delayMs = 1000 } = value as Record<string, unknown>;
  if (!FAULT_ROUTES.includes(route as FaultRoute)) {
    throw new Error(`route must be one of ${FAULT_ROUTES.join(', ')}`);
  }
  if (!FAULT_KINDS.includes(kind as FaultKind)) {
    throw new Error(`kind must be one of ${FAULT_KINDS.join(', ')}`);
  }
  if (route === 'notify' && !NOTIFY_KINDS.includes(kind as FaultKind)) {
    throw new Error(`notify faults are ${NOTIFY_KINDS.join(', ')}`);
  }
  if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > MAX_COUNT) {
    throw new Error(`count must be an integer from 1 to ${MAX_COUNT}`);
  }
  if (!Number.isInteger(delayMs) || (delayMs as number) < 0 || (delayMs as number) > MAX_DELAY_MS) {
    throw new Error(`delayMs must be an integer from 0 to ${MAX_DELAY_MS}`);
  }
  return {
    route: route as FaultRoute,
    kind: kind as FaultKind,
    count: count as number,
    delayMs: delayMs as number,
  };
}

/** The faults waiting to be applied. */
export class FaultQueue {
  private pending: PendingFault[] = [];

  /** Queues a fault; throws when the spec is invalid or too many are waiting. */
  add(spec: FaultSpec): void {
    const checked = checkFaultSpec(spec);
    if (this.pending.length >= MAX_PENDING) throw new Error(`at most ${MAX_PENDING} faults wait`);
    this.pending.push({ ...checked, remaining: checked.count });
  }

  /** Takes the next fault for `route`, if any, using up one of its count. */
  take(route: FaultRoute): ActiveFault | undefined {
    const fault = this.pending.find((item) => item.route === route);
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.pending = this.pending.filter((item) => item !== fault);
    return { kind: fault.kind, delayMs: fault.delayMs };
  }

  /** What is still waiting, for the page and tests. */
  list(): { route: FaultRoute; kind: FaultKind; remaining: number; delayMs: number }[] {
    return this.pending.map(({ route, kind, remaining, delayMs }) => ({
      route,
      kind,
      remaining,
      delayMs,
    }));
  }

  /** Drops every waiting fault. */
  clear(): void {
    this.pending = [];
  }
}

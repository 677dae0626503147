/**
 * Sandbox clock helpers. Pay Score times are Beijing time (UTC+8) whatever the host's zone;
 * the `yyyyMMddHHmmss` form comes from the payment core's one formatter.
 */
import { formatBeijingTime, parseBeijingTime } from '../payscore/time';

export { formatBeijingTime, parseBeijingTime };

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** RFC 3339 in Beijing time, as notification envelopes carry it: `2024-05-20T13:29:35+08:00`. */
export function rfc3339Beijing(instantMs: number): string {
  const shifted = new Date(instantMs + BEIJING_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}

/** A millisecond clock; tests pass their own to move time. */
export type Clock = () => number;

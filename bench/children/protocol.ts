/**
 * What a benchmark child reports to its parent, as one JSON document written to file
 * descriptor 3 just before it exits.
 */
import { writeSync } from 'node:fs';

const REFUSED = Symbol.for('payscore-bench.refused');

/** Every destination the network guard refused in this process (see ./guard). */
export function refusedConnections(): string[] {
  return ((globalThis as { [REFUSED]?: string[] })[REFUSED] ??= []);
}

/** Where profile-preload keeps its timings, in milliseconds by label. */
export const PROFILE = Symbol.for('payscore-bench.profile');
export type Profile = Record<string, number>;

/** One child's report. */
export interface ChildReport {
  /** ms from process start (process.uptime) to the first line of the child script. */
  bootMs: number;
  /** ms to require the code under test (bundle or peer package). */
  requireMs?: number;
  /** ms from before the require to after the reply: the cold-start figure. */
  coldMs?: number;
  /** What the reply said, to check the sample served a real request. */
  reply?: Record<string, unknown>;
  error?: string;
  refused: string[];
  profile?: Profile;
}

/** Milliseconds between two `process.hrtime.bigint()` readings. */
export function msBetween(start: bigint, end: bigint): number {
  return Number(end - start) / 1e6;
}

/** Writes the report to fd 3 and ends the process (keep-alive sockets must not hold it). */
export function reportAndExit(report: Omit<ChildReport, 'refused' | 'profile'>): never {
  const profile = (globalThis as { [PROFILE]?: Profile })[PROFILE];
  const full: ChildReport = { ...report, refused: refusedConnections(), profile };
  writeSync(3, JSON.stringify(full));
  process.exit(report.error ? 1 : 0);
}

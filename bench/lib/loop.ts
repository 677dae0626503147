/** A measuring loop bounded both by a count and by time; it always stops by itself. */

export interface LoopResult {
  iterations: number;
  /** Process CPU time (user + system) spent in the loop, ms. */
  cpuMs: number;
  wallMs: number;
}

/**
 * Runs `fn` `warmup` times unmeasured, then until `maxIterations` runs or `maxMs` pass,
 * whichever comes first, measuring CPU with process.cpuUsage and wall time with hrtime.
 */
export function boundedLoop(
  fn: () => void,
  limits: { maxIterations: number; maxMs: number; warmup?: number },
): LoopResult {
  for (let i = 0; i < (limits.warmup ?? 20); i++) fn();
  const start = process.hrtime.bigint();
  const stopAt = start + BigInt(Math.round(limits.maxMs * 1e6));
  const cpu = process.cpuUsage();
  let iterations = 0;
  while (iterations < limits.maxIterations) {
    fn();
    iterations++;
    if ((iterations & 15) === 0 && process.hrtime.bigint() > stopAt) break;
  }
  const used = process.cpuUsage(cpu);
  return {
    iterations,
    cpuMs: (used.user + used.system) / 1000,
    wallMs: Number(process.hrtime.bigint() - start) / 1e6,
  };
}

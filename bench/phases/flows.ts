/**
 * Whole flows per second through the real handlers and the sandbox, one after another, for a
 * bounded time and count, with peak memory sampled while they run. Everything — sandbox, HTTP
 * access, both functions' handlers — shares this one process, as under `npm start`.
 */
import { round } from '../lib/stats';
import { startFlowRig } from './flow-rig';

export interface FlowResults {
  flows: number;
  seconds: number;
  flowsPerSecond: number;
  msPerFlow: number;
  cpuMsPerFlow: number;
  /** Peak process.memoryUsage().rss while flows ran, MB. */
  peakRssMb: number;
  /** Peak heapUsed while flows ran, MB. */
  peakHeapUsedMb: number;
  heapUsedBeforeMb: number;
  heapUsedAfterMb: number;
  logLines: number;
  /** Log lines other than the routine one per notification (should be empty). */
  unexpectedLogs: string[];
}

const MB = 1024 * 1024;

/** Runs flows until `maxMs` pass or `maxFlows` complete; throws if a flow goes wrong. */
export async function measureFlows(limits: { maxMs: number; maxFlows: number }) {
  const rig = await startFlowRig();
  let peakRss = 0;
  let peakHeap = 0;
  const sampleMemory = () => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const sampler = setInterval(sampleMemory, 20);
  try {
    for (let i = 0; i < 3; i++) await rig.flow(`oBenchWarmup${i}`);
    const heapBefore = process.memoryUsage().heapUsed;
    const start = process.hrtime.bigint();
    const stopAt = start + BigInt(limits.maxMs) * 1_000_000n;
    const cpu = process.cpuUsage();
    let flows = 0;
    while (flows < limits.maxFlows && process.hrtime.bigint() < stopAt) {
      await rig.flow(`oBenchFlow${flows}`);
      flows++;
      sampleMemory();
    }
    const used = process.cpuUsage(cpu);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const results: FlowResults = {
      flows,
      seconds: round(seconds),
      flowsPerSecond: round(flows / seconds, 1),
      msPerFlow: round((seconds * 1000) / flows),
      cpuMsPerFlow: round((used.user + used.system) / 1000 / flows),
      peakRssMb: round(peakRss / MB, 1),
      peakHeapUsedMb: round(peakHeap / MB, 1),
      heapUsedBeforeMb: round(heapBefore / MB, 1),
      heapUsedAfterMb: round(process.memoryUsage().heapUsed / MB, 1),
      logLines: rig.logLines(),
      unexpectedLogs: rig.unexpectedLogs,
    };
    return results;
  } finally {
    clearInterval(sampler);
    await rig.close();
  }
}

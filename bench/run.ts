/**
 * `npm run bench`: cold starts of both function bundles (with and without wx-server-sdk) and
 * of the peer wechatpay-axios-plugin, warm CPU per create call, notification throughput, whole
 * flows per second with peak memory, bundle and mini program sizes. Prints a table against the
 * targets and writes every figure to bench/results.json. Everything runs on 127.0.0.1; exits
 * non-zero only when the benchmark itself fails, never for a missed target.
 */
import { statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import * as path from 'node:path';
import { installNetworkGuard } from './children/guard';
import { describeMachine } from './lib/machine';
import { buildRows, printTable } from './lib/report';
import type { Results } from './lib/results';
import { createScratch } from './lib/scratch';
import { childEnv, runChild } from './lib/spawn-child';
import { captureTraffic, type Captured } from './phases/capture';
import { measureColdStarts } from './phases/cold-start';
import type { FlowResults } from './phases/flows';
import { measureMiniProgram } from './phases/miniprogram-size';
import { measureWarmCpu } from './phases/warm-cpu';
import { measureWarmStart } from './phases/warm-start';

const RESULTS_FILE = path.join(__dirname, 'results.json');
const samples = Math.min(50, Math.max(10, Number(process.env.BENCH_SAMPLES) || 20));
const settings = {
  samples,
  profileSamples: 5,
  createCalls: 300,
  flowLimits: { maxMs: 10_000, maxFlows: 20_000 },
};

async function main(): Promise<void> {
  const startedAt = Date.now();
  const refused = installNetworkGuard();
  const machine = describeMachine();
  console.log(
    `bench: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ` +
      `load average ${machine.loadAverageAtStart}`,
  );
  if (machine.loadAverageAtStart > 0.5) {
    console.log('bench: the machine is busy; timings will be higher and noisier than when idle');
  }
  const scratch = createScratch();
  let captured: Captured | undefined;
  try {
    const bundles: Results['bundles'] = {};
    for (const [name, file] of Object.entries(scratch.bundles)) {
      const bytes = statSync(file).size;
      bundles[name] = { bytes, kb: Math.round((bytes / 1024) * 10) / 10 };
    }
    console.log('bench: capturing sandbox traffic');
    captured = await captureTraffic();
    console.log(`bench: cold starts, ${samples} processes per variant`);
    const coldStart = await measureColdStarts(scratch, captured, {
      samples,
      profileSamples: settings.profileSamples,
      deadline: startedAt + 150_000,
    });
    console.log('bench: warm CPU');
    const warmCpu = measureWarmCpu(captured, settings.createCalls);
    const warmStartMs = await measureWarmStart(captured, 50);
    await captured.sandbox.close();
    captured = undefined;
    console.log(`bench: whole flows for up to ${settings.flowLimits.maxMs / 1000} s`);
    const flows = await runChild<FlowResults & { refused: string[]; error?: string }>({
      script: scratch.child('flows'),
      preloads: [scratch.child('guard-preload')],
      env: childEnv({ BENCH_FLOWS: JSON.stringify(settings.flowLimits) }),
      timeoutMs: settings.flowLimits.maxMs + 30_000,
    });
    const miniprogram = measureMiniProgram();
    const partial: Omit<Results, 'rows'> = {
      machine,
      settings,
      bundles,
      coldStart,
      warmStartMs,
      warmCpu,
      flows: flows.report,
      miniprogram,
      refused: [
        ...refused,
        ...flows.report.refused,
        ...Object.values(coldStart).flatMap((variant) => variant.refused),
      ],
      durationSeconds: Math.round((Date.now() - startedAt) / 1000),
      loadAverageAtEnd: Math.round(loadavg()[0] * 100) / 100,
    };
    const results: Results = { ...partial, rows: buildRows(partial) };
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    console.log('');
    printTable(results.rows);
    const processes = coldStart.node.coldMs.n;
    console.log(
      `\nCold starts: median (min-max) of ${processes} processes each, timed in the child ` +
        'from before the require to after the reply; process wall is spawn to exit.',
    );
    if (results.refused.length > 0) {
      console.log(`\nWARNING: the network guard refused: ${results.refused.join(', ')}`);
    }
    console.log(`\nbench: ${results.durationSeconds} s; figures in ${RESULTS_FILE}`);
  } finally {
    await captured?.sandbox.close();
    scratch.remove();
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exitCode = 1;
});

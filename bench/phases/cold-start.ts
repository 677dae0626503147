/**
 * Cold starts: each variant in `samples` fresh Node processes, taken round-robin so drift on
 * the machine spreads over all of them, then a few extra processes per variant with the
 * profile preload for the breakdown of where the time goes.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runChild } from '../lib/spawn-child';
import type { Scratch } from '../lib/scratch';
import { medianByKey, summarize, type Summary } from '../lib/stats';
import type { Captured } from './capture';
import { coldVariants, type Variant } from './cold-variants';

export interface VariantResult {
  label: string;
  /** In the child: from before the require to after the reply, in ms. */
  coldMs: Summary;
  /** In the child: the require alone. */
  requireMs: Summary;
  /** Process start to the child script's first line (Node bootstrap and preloads). */
  bootMs: Summary;
  /** Spawn to exit as the parent saw it. */
  wallMs: Summary;
  /** Medians of the profiled samples, by label, in ms. */
  breakdown?: Record<string, number>;
  refused: string[];
}

export type ColdStartResults = Record<string, VariantResult>;

async function sample(variant: Variant, scratch: Scratch, profiled: boolean) {
  const preloads = variant.preloads.map((name) => scratch.child(name));
  if (profiled) preloads.push(scratch.child('profile-preload'));
  const result = await runChild({
    script: scratch.child(variant.script),
    preloads,
    env: variant.env,
  });
  const problem = variant.problem(result.report);
  if (problem) {
    throw new Error(`${variant.label}: the sample did not serve its request: ${problem}`);
  }
  return result;
}

/** A loopback server that answers every request at once, for the http-floor child. */
async function startFloorServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

type Sample = Awaited<ReturnType<typeof sample>>;

/** Runs every variant; throws when a sample fails to serve its request. */
export async function measureColdStarts(
  scratch: Scratch,
  captured: Captured,
  options: { samples: number; profileSamples: number; deadline: number },
): Promise<ColdStartResults> {
  const floor = await startFloorServer();
  try {
    const variants = coldVariants(scratch, captured, floor.url);
    const runs = await sampleAll(variants, scratch, options);
    const profiles = await profileAll(variants, scratch, options.profileSamples);
    const results: ColdStartResults = {};
    for (const variant of variants) {
      const list = [...(runs.get(variant.id) ?? [])];
      const profiled = profiles.get(variant.id) ?? [];
      results[variant.id] = {
        label: variant.label,
        coldMs: summarize(list.map((r) => r.report.coldMs ?? 0)),
        requireMs: summarize(list.map((r) => r.report.requireMs ?? 0)),
        bootMs: summarize(list.map((r) => r.report.bootMs)),
        wallMs: summarize(list.map((r) => r.wallMs)),
        breakdown: profiled.length > 0 ? medianByKey(profiled.map(breakdownOf)) : undefined,
        refused: [...new Set([...list, ...profiled].flatMap((r) => r.report.refused))],
      };
    }
    return results;
  } finally {
    await floor.close();
  }
}

/** `samples` rounds over all variants (at least 10, fewer than asked only past the deadline). */
async function sampleAll(
  variants: Variant[],
  scratch: Scratch,
  options: { samples: number; deadline: number },
): Promise<Map<string, Sample[]>> {
  const runs = new Map<string, Sample[]>(variants.map((variant) => [variant.id, []]));
  for (let round = 0; round < options.samples; round++) {
    if (round >= 10 && Date.now() > options.deadline) break;
    for (const variant of variants) {
      runs.get(variant.id)?.push(await sample(variant, scratch, false));
    }
  }
  return runs;
}

/** A few profiled processes per variant that loads code, for the breakdown. */
async function profileAll(
  variants: Variant[],
  scratch: Scratch,
  count: number,
): Promise<Map<string, Sample[]>> {
  const profiles = new Map<string, Sample[]>();
  for (const variant of variants.filter((v) => v.script === 'ours' || v.script === 'peer')) {
    const list: Sample[] = [];
    for (let i = 0; i < count; i++) list.push(await sample(variant, scratch, true));
    profiles.set(variant.id, list);
  }
  return profiles;
}

/** One profiled sample's timings, with its totals alongside. */
function breakdownOf({ report }: Sample): Record<string, number> {
  return {
    ...report.profile,
    'require (total)': report.requireMs ?? 0,
    'cold start (total)': report.coldMs ?? 0,
  };
}

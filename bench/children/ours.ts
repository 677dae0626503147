/**
 * Cold-start child for one of our function bundles: requires BENCH_BUNDLE and calls its `main`
 * once with the event in BENCH_EVENT (parsed first: the platform hands it over ready), against
 * the sandbox the environment points at. Reports the in-process times on fd 3.
 */
import { msBetween, reportAndExit } from './protocol';

const bootMs = process.uptime() * 1000;
const event: unknown = JSON.parse(process.env.BENCH_EVENT ?? '{}');
const bundlePath = process.env.BENCH_BUNDLE ?? '';

type Bundle = { main(event: unknown): Promise<Record<string, unknown>> };

const start = process.hrtime.bigint();
const bundle = require(bundlePath) as Bundle;
const loaded = process.hrtime.bigint();
bundle.main(event).then(
  (reply) => {
    const done = process.hrtime.bigint();
    reportAndExit({
      bootMs,
      requireMs: msBetween(start, loaded),
      coldMs: msBetween(start, done),
      reply: { ok: reply.ok, code: reply.code, statusCode: reply.statusCode },
    });
  },
  (error: unknown) => reportAndExit({ bootMs, error: String(error) }),
);

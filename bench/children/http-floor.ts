/**
 * Cold-start child for the floor under any cold start that makes one HTTP call: requires
 * node:http and POSTs once to BENCH_FLOOR_URL, a loopback server of the parent that answers
 * at once. No crypto, no JSON work: only what Node itself spends on a first request.
 */
import { msBetween, reportAndExit } from './protocol';

const bootMs = process.uptime() * 1000;
const url = process.env.BENCH_FLOOR_URL ?? '';
const start = process.hrtime.bigint();
const http = require('node:http') as typeof import('node:http');
const loaded = process.hrtime.bigint();
const request = http.request(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' } });
request.on('response', (response) => {
  response.resume();
  response.on('end', () =>
    reportAndExit({
      bootMs,
      requireMs: msBetween(start, loaded),
      coldMs: msBetween(start, process.hrtime.bigint()),
      reply: { ok: response.statusCode === 200 },
    }),
  );
});
request.on('error', (error) => reportAndExit({ bootMs, error: String(error) }));
request.end('{}');

/**
 * Child that runs the whole-flow phase in a process of its own, so its memory figures hold
 * only the sandbox, the HTTP access stand-in and the handlers. Limits come from BENCH_FLOWS
 * (`{ maxMs, maxFlows }`); the results go to fd 3 as JSON.
 */
import { writeSync } from 'node:fs';
import { measureFlows } from '../phases/flows';
import { refusedConnections } from './protocol';

const limits = JSON.parse(process.env.BENCH_FLOWS ?? '{}') as { maxMs: number; maxFlows: number };
measureFlows(limits).then(
  (results) => {
    writeSync(3, JSON.stringify({ ...results, refused: refusedConnections() }));
    process.exit(0);
  },
  (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    writeSync(3, JSON.stringify({ error: message, refused: refusedConnections() }));
    process.exit(1);
  },
);

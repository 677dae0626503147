/**
 * The warm counterpart of the `payscore` cold start: the same `start` action, through the same
 * handler and the same sandbox, repeated in this already-warm process. Cold minus warm is what
 * a cold start adds.
 */
import { handleCall } from '../../src/functions/lib/order-function';
import { MemoryOrderStore } from '../../src/functions/lib/store/memory-store';
import { PayScoreClient } from '../../src/payscore';
import { summarize, type Summary } from '../lib/stats';
import type { Captured } from './capture';

/** Median, min and max of `count` sequential warm `start` calls, after a few unmeasured. */
export async function measureWarmStart(captured: Captured, count: number): Promise<Summary> {
  const deps = {
    client: new PayScoreClient(captured.config),
    store: new MemoryOrderStore(),
    now: Date.now,
    log: (line: string) => console.error(line),
  };
  const times: number[] = [];
  for (let i = 0; i < count + 5; i++) {
    const start = process.hrtime.bigint();
    // One user per call: a user may have only a few open orders at once.
    const reply = await handleCall({ action: 'start' }, `oBenchWarmStart${i}`, deps);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!reply.ok) throw new Error(`warm start failed: ${JSON.stringify(reply)}`);
    if (i >= 5) times.push(ms);
  }
  return summarize(times);
}

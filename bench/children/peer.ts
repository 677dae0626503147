/**
 * Cold-start child for the peer, wechatpay-axios-plugin: requires it, builds its client with
 * the sandbox merchant's keys and `baseURL` set to the sandbox (never the default WeChat host),
 * and sends the same create-order POST our `start` sends. The peer verifies the reply with the
 * sandbox's public key; a reply that fails verification rejects.
 */
import { msBetween, reportAndExit } from './protocol';

/** What the parent passes in BENCH_PEER: the merchant, the sandbox and the order fields. */
export interface PeerInput {
  baseURL: string;
  mchid: string;
  serial: string;
  privateKeyPem: string;
  publicKeyId: string;
  publicKeyPem: string;
  order: Record<string, unknown>;
}

const bootMs = process.uptime() * 1000;
const input = JSON.parse(process.env.BENCH_PEER ?? '{}') as PeerInput;
if (!/^http:\/\/127\.0\.0\.1:\d+\/$/.test(input.baseURL)) {
  reportAndExit({ bootMs, error: `refusing a non-loopback baseURL ${input.baseURL}` });
}

const start = process.hrtime.bigint();
type Peer = typeof import('wechatpay-axios-plugin');
const { Wechatpay } = require('wechatpay-axios-plugin') as Peer;
const loaded = process.hrtime.bigint();
const client = new Wechatpay({
  mchid: input.mchid,
  serial: input.serial,
  privateKey: input.privateKeyPem,
  certs: { [input.publicKeyId]: input.publicKeyPem },
  baseURL: input.baseURL,
  proxy: false,
});
// No crypto import before the clock starts: loading node:crypto is part of the cold start.
const outOrderNo = `PEER${Date.now()}${Math.random().toString(36).slice(2, 12)}`;
client.v3.payscore.serviceorder.post({ ...input.order, out_order_no: outOrderNo }).then(
  (response) => {
    const done = process.hrtime.bigint();
    const data = response.data as { package?: unknown; state?: unknown };
    reportAndExit({
      bootMs,
      requireMs: msBetween(start, loaded),
      coldMs: msBetween(start, done),
      reply: { ok: typeof data.package === 'string', state: data.state, status: response.status },
    });
  },
  (error: unknown) => reportAndExit({ bootMs, error: String(error) }),
);

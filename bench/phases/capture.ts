/**
 * A sandbox for the cold-start children, plus genuine traffic captured from it: the exact
 * create-order body our `start` sends, the signed reply it gets, and one signed, encrypted
 * PAYSCORE.USER_CONFIRM notification as it reached the sandbox's own notify sink.
 */
import { handleCall } from '../../src/functions/lib/order-function';
import { MemoryOrderStore } from '../../src/functions/lib/store/memory-store';
import {
  PayScoreClient,
  loadConfig,
  nodeTransport,
  type HttpResponse,
  type PayScoreConfig,
} from '../../src/payscore';
import { startSandbox, type Sandbox } from '../../src/sandbox';

/** Headers and raw body of one signed message from the sandbox. */
export interface SignedMessage {
  headers: Record<string, string>;
  body: string;
}

export interface Captured {
  sandbox: Sandbox;
  config: PayScoreConfig;
  /** The JSON body our create-order POST carried. */
  createBody: Record<string, unknown>;
  createReply: SignedMessage;
  notification: SignedMessage;
}

function flat(headers: HttpResponse['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/** Starts the sandbox (loopback, in memory) and captures one create and one notification. */
export async function captureTraffic(): Promise<Captured> {
  const sandbox = await startSandbox({ persist: false });
  try {
    const config = loadConfig(sandbox.merchantEnv);
    let createBody: Record<string, unknown> | undefined;
    let createReply: SignedMessage | undefined;
    const client = new PayScoreClient(config, {
      transport: async (request, timeoutMs) => {
        const response = await nodeTransport(request, timeoutMs);
        if (request.method === 'POST' && !createReply) {
          createBody = JSON.parse(request.body) as Record<string, unknown>;
          createReply = { headers: flat(response.headers), body: response.body };
        }
        return response;
      },
    });
    const deps = {
      client,
      store: new MemoryOrderStore(),
      now: Date.now,
      log: (line: string) => console.error(line),
    };
    const started = await handleCall({ action: 'start' }, 'oBenchCapture', deps);
    if (!started.ok || !('businessView' in started) || !createBody || !createReply) {
      throw new Error(`capture: start failed: ${JSON.stringify(started)}`);
    }
    sandbox.userConfirm({
      appid: config.appid,
      openid: 'oBenchCapture',
      extraData: started.businessView.extraData,
    });
    await sandbox.notificationsSettled();
    const entry = sandbox.sinkEntries().at(-1);
    if (!entry) throw new Error('capture: the sandbox delivered no notification to its sink');
    return {
      sandbox,
      config,
      createBody,
      createReply,
      notification: { headers: entry.headers, body: entry.body },
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}

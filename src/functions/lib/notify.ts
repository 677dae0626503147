import {
  EVENT_USER_CONFIRM,
  NotificationError,
  SignatureError,
  headerLookup,
  parseBeijingTime,
  parseNotification,
  type PayScoreConfig,
  type PayScoreNotification,
} from '../../payscore';
import { describeForLog } from './failure';
import { saveSnapshot } from './snapshot';
import type { OrderStore } from './store/order-store';

/** The event CloudBase HTTP access hands an Event function ("integration request"). */
export interface HttpAccessEvent {
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}

/** The "integration response" an Event function returns to control status and headers. */
export interface HttpAccessReply {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

export interface NotifyDeps {
  config: PayScoreConfig;
  store: OrderStore;
  now: () => number;
  log: (line: string) => void;
}

/**
 * Receives a WeChat Pay notification: verifies it over the raw body, decrypts it, applies it
 * once, and answers 204. Anything WeChat Pay should deliver again gets 4xx/5xx with
 * `{"code":"FAIL"}` (WeChat Pay looks at the status, not the body).
 */
export async function handleNotification(
  event: HttpAccessEvent,
  deps: NotifyDeps,
): Promise<HttpAccessReply> {
  if (!event || typeof event !== 'object') return fail(400, 'not an HTTP access event');
  if ((event.httpMethod ?? 'POST').toUpperCase() !== 'POST') return fail(405, 'POST only');
  const raw = event.isBase64Encoded
    ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
    : (event.body ?? '');
  const { config, store } = deps;

  try {
    const header = headerLookup(event.headers);
    const nowSeconds = Math.floor(deps.now() / 1000);
    const note = parseNotification(header, raw, config.wechatpayKeys, config.apiV3Key, nowSeconds);
    const key = `${note.event_type}:${note.id}`;
    if (await store.hasNotification(key)) {
      deps.log(`[payscore] [notify] ${key} seen before, acknowledged without effect`);
      return ok();
    }
    if (note.order.appid !== config.appid || note.order.mchid !== config.merchant.mchid) {
      deps.log(`[payscore] [notify] ${key} is for another appid/mchid, ignored`);
      return ok();
    }
    const saved = await saveSnapshot(store, note.order, deps.now(), noticeTime(note));
    await store.rememberNotification(key);
    const outcome = saved ? `order now ${saved.status}` : 'order unknown here, ignored';
    deps.log(`[payscore] [notify] ${key} ${note.order.out_order_no}: ${outcome}`);
    return ok();
  } catch (error) {
    deps.log(`[payscore] [notify] rejected: ${describeForLog(error)}`);
    if (error instanceof SignatureError) return fail(401, 'signature rejected');
    if (error instanceof NotificationError) return fail(400, error.message);
    return fail(500, 'temporary failure, please retry');
  }
}

/** When WeChat Pay says the user confirmed: the notification's create_time, either format. */
function noticeTime(note: PayScoreNotification): number | undefined {
  if (note.event_type !== EVENT_USER_CONFIRM || !note.create_time) return undefined;
  const time = parseBeijingTime(note.create_time)?.getTime() ?? Date.parse(note.create_time);
  return Number.isNaN(time) ? undefined : time;
}

function ok(): HttpAccessReply {
  return { statusCode: 204, headers: {}, body: '', isBase64Encoded: false };
}

function fail(statusCode: number, message: string): HttpAccessReply {
  return {
    statusCode,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ code: 'FAIL', message }),
    isBase64Encoded: false,
  };
}

/**
 * The service-order endpoints behind a verified signature: read the request, look up the
 * order, take one step of the state machine and build the reply WeChat Pay would send.
 */
import { LIMITS, OUT_ORDER_NO_PATTERN } from '../../payscore/constants';
import { afterComplete, type SandboxContext } from '../context';
import { requestCollection, modify, syncPaid } from '../orders/collection';
import { createKey, newOrder } from '../orders/create';
import type { SandboxOrder } from '../orders/model';
import { cancel, complete } from '../orders/transitions';
import { createView, idsView, orderView } from '../orders/views';
import { checkStartNotPast, readCreate } from '../rules/create';
import { isObject, type JsonObject } from '../rules/fields';
import { readCancel, readComplete, readIds, readModify, readSync } from '../rules/operations';
import { noAuth, orderNotFound, paramError, SandboxApiError } from '../wire/api-error';
import type { ApiRoute } from './routes';

/** A successful reply: status and JSON payload. */
export interface ApiReply {
  status: number;
  payload: unknown;
}

/** Serves one authenticated call. Throws {@link SandboxApiError} for every refusal. */
export function handleApiCall(
  ctx: SandboxContext,
  route: ApiRoute,
  body: string,
  query: URLSearchParams,
): ApiReply {
  if (!('rawOutOrderNo' in route)) {
    if (route.name === 'query') return { status: 200, payload: orderView(findByQuery(ctx, query)) };
    return createOrder(ctx, parseBody(body));
  }

  const outOrderNo = pathOutOrderNo(route.rawOutOrderNo);
  const json = parseBody(body);
  const now = ctx.now();
  switch (route.name) {
    case 'cancel': {
      readCancel(json, ctx.ids);
      const record = find(ctx, outOrderNo);
      cancel(record, now);
      return { status: 200, payload: idsView(record) };
    }
    case 'complete': {
      const params = readComplete(json, ctx.ids);
      const record = find(ctx, outOrderNo);
      complete(record, params, now);
      afterComplete(ctx, record);
      return { status: 200, payload: orderView(record) };
    }
    case 'modify': {
      const params = readModify(json, ctx.ids);
      const record = find(ctx, outOrderNo);
      modify(record, params, now);
      return { status: 200, payload: orderView(record) };
    }
    case 'pay': {
      readIds(json, ctx.ids);
      const record = find(ctx, outOrderNo);
      requestCollection(record, now);
      afterComplete(ctx, record);
      return { status: 200, payload: idsView(record) };
    }
    case 'sync': {
      const { paidTime } = readSync(json, ctx.ids);
      const record = find(ctx, outOrderNo);
      syncPaid(record, paidTime, now);
      return { status: 200, payload: orderView(record) };
    }
  }
}

/** Create is idempotent: the same parameters again return the same order. */
function createOrder(ctx: SandboxContext, body: JsonObject): ApiReply {
  const params = readCreate(body, ctx.ids);
  const existing = ctx.orders.get(params.out_order_no);
  if (existing) {
    if (existing.createKey !== createKey(params)) {
      throw new SandboxApiError(400, 'INVALID_REQUEST', '订单重入参数校验失败', {
        issue: `out_order_no ${params.out_order_no} exists with other parameters`,
      });
    }
    return { status: 200, payload: createView(existing) };
  }
  checkStartNotPast(params, ctx.now());
  const record = newOrder(params, ctx.identity.merchant.mchid, ctx.now());
  ctx.orders.add(record);
  return { status: 200, payload: createView(record) };
}

/** `service_id`, `appid` and exactly one of `out_order_no` / `query_id`, each at most once. */
function findByQuery(ctx: SandboxContext, query: URLSearchParams): SandboxOrder {
  const read = (name: string, required: boolean) => {
    const values = query.getAll(name);
    if (values.length > 1) throw queryError(name, `${name}参数重复`, 'sent more than once');
    if (required && !values[0]) throw queryError(name, `${name}为必填参数`, 'is required');
    return values[0] || undefined;
  };
  const serviceId = read('service_id', true);
  const appid = read('appid', true);
  const outOrderNo = read('out_order_no', false);
  const queryId = read('query_id', false);
  if ((outOrderNo === undefined) === (queryId === undefined)) {
    throw queryError(
      'out_order_no',
      'out_order_no和query_id必须且只能传入一个',
      'give exactly one of out_order_no and query_id',
    );
  }
  if (outOrderNo !== undefined && !OUT_ORDER_NO_PATTERN.test(outOrderNo)) {
    throw queryError('out_order_no', 'out_order_no格式错误', 'not [0-9A-Za-z_-|*]{1,32}');
  }
  if (queryId !== undefined && queryId.length > LIMITS.queryId) {
    throw queryError('query_id', 'query_id长度超过限制', `at most ${LIMITS.queryId} characters`);
  }
  if (appid !== ctx.ids.appid || serviceId !== ctx.ids.serviceId) {
    throw noAuth('appid and service_id must be those of the sandbox merchant');
  }
  const record = outOrderNo ? ctx.orders.get(outOrderNo) : ctx.orders.withQueryId(queryId ?? '');
  if (!record) throw orderNotFound();
  return record;
}

function find(ctx: SandboxContext, outOrderNo: string): SandboxOrder {
  const record = ctx.orders.get(outOrderNo);
  if (!record) throw orderNotFound();
  return record;
}

function pathOutOrderNo(raw: string): string {
  let decoded = '';
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    decoded = '';
  }
  if (!OUT_ORDER_NO_PATTERN.test(decoded)) {
    throw paramError('out_order_no', 'out_order_no格式错误', 'not [0-9A-Za-z_-|*]{1,32}', 'path');
  }
  return decoded;
}

function parseBody(body: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new SandboxApiError(400, 'PARAM_ERROR', '请求体不是合法的JSON', {
      location: 'body',
      issue: 'body is not valid JSON',
    });
  }
  if (!isObject(value)) {
    throw new SandboxApiError(400, 'PARAM_ERROR', '请求体应为JSON对象', {
      location: 'body',
      issue: 'body must be a JSON object',
    });
  }
  return value;
}

function queryError(field: string, message: string, issue: string): SandboxApiError {
  return paramError(field, message, issue, 'query');
}

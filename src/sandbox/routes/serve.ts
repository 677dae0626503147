/**
 * Serves the sandbox's own JSON routes under `/sandbox/`. A POST must declare JSON: a web
 * page elsewhere cannot send that cross-origin without a preflight the sandbox never grants.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxContext } from '../context';
import { isObject, type JsonObject } from '../rules/fields';
import { BodyTooLargeError, readBody } from '../wire/body';
import { SandboxApiError } from '../wire/api-error';
import { sendJson } from '../wire/reply';
import { INSPECT_ROUTES } from './inspect';
import { findRoute, type RouteEntry } from './table';
import { USER_ROUTES } from './user';

/** Every sandbox-only route lives below this path. */
export const SANDBOX_PREFIX = '/sandbox/';
const TABLE: readonly RouteEntry[] = [...USER_ROUTES, ...INSPECT_ROUTES];

/** Serves a request whose path starts with `/sandbox/`; never throws. */
export async function serveSandboxRoute(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  const refuse = (error: SandboxApiError, headers: Record<string, string> = {}) =>
    sendJson(res, error.status, error.toBody(), headers, error.status === 413);

  const match = findRoute(TABLE, method, pathname.slice(SANDBOX_PREFIX.length));
  if (!match) return refuse(new SandboxApiError(404, 'NOT_FOUND', '请求的资源不存在'));
  if ('allow' in match) {
    const error = new SandboxApiError(405, 'METHOD_NOT_ALLOWED', `不支持${method}方法`);
    return refuse(error, { Allow: match.allow });
  }

  let rawBody: string;
  try {
    rawBody = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      refuse(new SandboxApiError(413, 'PARAM_ERROR', '请求体过大', { issue: error.message }));
    }
    return;
  }

  try {
    const body = method === 'POST' ? parseJsonBody(req, rawBody) : {};
    const reply = match.entry.handler(ctx, { no: match.no, body, rawBody, headers: req.headers });
    sendJson(res, reply.status, reply.payload);
  } catch (error) {
    if (error instanceof SandboxApiError) return refuse(error);
    const issue = error instanceof Error ? error.message : String(error);
    refuse(new SandboxApiError(500, 'SYSTEM_ERROR', '沙箱内部错误', { issue }));
  }
}

function parseJsonBody(req: IncomingMessage, rawBody: string): JsonObject {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new SandboxApiError(415, 'UNSUPPORTED_MEDIA_TYPE', '请使用application/json', {
      issue: 'sandbox POST routes take Content-Type: application/json',
    });
  }
  if (rawBody.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(rawBody);
  } catch {
    value = undefined;
  }
  if (!isObject(value)) {
    throw new SandboxApiError(400, 'PARAM_ERROR', '请求体应为JSON对象', {
      issue: 'body must be a JSON object',
    });
  }
  return value;
}

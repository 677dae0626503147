/**
 * One APIv3 call from wire to wire: route, read the body (bounded), verify the signature,
 * apply an injected fault, run the handler and send a reply signed as WeChat Pay signs it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxContext } from '../context';
import type { ActiveFault } from '../faults';
import { verifyRequest } from '../wire/authorization';
import { BodyTooLargeError, MAX_BODY_BYTES, readBody } from '../wire/body';
import { SandboxApiError, systemError } from '../wire/api-error';
import { sendSigned } from '../wire/reply';
import { signatureFault } from '../wire/wechatpay-signer';
import { handleApiCall, type ApiReply } from './handlers';
import { matchApiRoute } from './routes';

/** Serves a request whose path starts with `/v3/`; never throws. */
export async function serveApi(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  query: URLSearchParams,
): Promise<void> {
  const method = req.method ?? 'GET';
  const target = req.url ?? '/';
  let fault: ActiveFault | undefined;
  const log = (route: string, status: number, code?: string) =>
    ctx.calls.add({
      at: ctx.now(),
      method,
      path: pathname,
      route,
      status,
      code,
      fault: fault?.kind,
    });
  // A refused oversized body is left unread, so that connection cannot carry another request.
  const refuse = (error: SandboxApiError, route: string, headers: Record<string, string> = {}) => {
    const close = error.status === 413;
    sendSigned(res, error.status, error.toBody(), ctx.identity.wechatpayKey, ctx.now(), {
      close,
      headers,
    });
    log(route, error.status, error.code);
  };

  const route = matchApiRoute(method, pathname);
  if ('status' in route) {
    if (route.status === 405) {
      const error = new SandboxApiError(405, 'METHOD_NOT_ALLOWED', `不支持${method}方法`);
      refuse(error, 'unknown', { Allow: route.allow });
    } else {
      refuse(new SandboxApiError(404, 'NOT_FOUND', '请求的资源不存在'), 'unknown');
    }
    return;
  }

  let body: string;
  try {
    body = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      const message = `请求体不能超过${MAX_BODY_BYTES}字节`;
      const detail = { location: 'body', issue: error.message };
      refuse(new SandboxApiError(413, 'PARAM_ERROR', message, detail), route.name);
    }
    return;
  }

  let reply: ApiReply;
  try {
    verifyRequest(req.headers.authorization, { method, target, body }, signerOf(ctx), ctx.now());
    fault = ctx.faults.take(route.name);
    if (fault?.kind === 'system-error') throw systemError();
    if (fault?.kind === 'rate-limited') {
      throw new SandboxApiError(429, 'FREQUENCY_LIMITED', '请求过于频繁，请稍后再试');
    }
    reply = handleApiCall(ctx, route, body, query);
  } catch (error) {
    refuse(error instanceof SandboxApiError ? error : systemError(), route.name);
    return;
  }

  // The step has taken effect; the remaining faults spoil only the reply, as a lost or
  // tampered answer would after WeChat Pay had done the work.
  if (fault?.kind === 'slow') await ctx.tasks.sleep(fault.delayMs);
  log(route.name, fault?.kind === 'drop' ? 0 : reply.status);
  if (fault?.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  sendSigned(res, reply.status, reply.payload, ctx.identity.wechatpayKey, ctx.now(), {
    fault: signatureFault(fault?.kind),
  });
}

function signerOf(ctx: SandboxContext) {
  const { merchant } = ctx.identity;
  return {
    mchid: merchant.mchid,
    serialNo: merchant.serialNo,
    publicKey: ctx.identity.merchantPublicKey,
  };
}

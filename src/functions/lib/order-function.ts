import type { Replies } from '../../../miniprogram/services/contract';
import { ConfigError, PayScoreClient } from '../../payscore';
import { runAction, type ActionDeps } from './actions';
import { UserFacingError, describeForLog, toFailure } from './failure';
import { parseRequest } from './input';
import { loadRuntime, type Platform, type Runtime } from './runtime';

type Reply = Replies[keyof Replies];

/**
 * One call of the `payscore` function: the caller comes from the cloud context (`openid`),
 * never from the request; every outcome is an `{ ok }` reply. Unexpected errors are logged
 * with a tag and without secrets.
 */
export async function handleCall(
  event: unknown,
  openid: string | undefined,
  deps: ActionDeps,
): Promise<Reply> {
  let action = 'unknown';
  try {
    if (!openid) throw new UserFacingError('UNAUTHENTICATED', '请在微信小程序内使用');
    const request = parseRequest(event);
    action = request.action;
    return await runAction(request, openid, deps);
  } catch (error) {
    if (!(error instanceof UserFacingError)) {
      deps.log(`[payscore] [${action}] ${describeForLog(error)}`);
    }
    return toFailure(error);
  }
}

/** The deployed handler: builds the runtime once per instance from the environment. */
export function createOrderFunction(platform: Platform, env = process.env) {
  let runtime: (Runtime & { client: PayScoreClient }) | undefined;
  return async function main(event: unknown): Promise<Reply> {
    try {
      if (!runtime) {
        const loaded = loadRuntime(platform, env);
        runtime = { ...loaded, client: new PayScoreClient(loaded.config) };
      }
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : describeForLog(error);
      console.error(`[payscore] [config] ${message}`);
      return toFailure(error);
    }
    return handleCall(event, platform.openid(), { ...runtime, now: Date.now, log: console.log });
  };
}

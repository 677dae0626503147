import type { Replies } from '../../../miniprogram/services/contract';
import { ConfigError } from '../../payscore';
import { runAction } from './actions';
import { UserFacingError, describeForLog, toFailure } from './failure';
import { parseRequest } from './input';
import { loadRuntime, type Platform, type Runtime } from './runtime';

/**
 * The `payscore` function's handler: who is calling (from the cloud context, never from the
 * request), what they ask, and one `{ ok }` reply. Logs carry a tag and no secrets.
 */
export function createOrderFunction(platform: Platform, env = process.env) {
  let runtime: Runtime | undefined;
  return async function main(event: unknown): Promise<Replies[keyof Replies]> {
    let action = 'unknown';
    try {
      runtime ??= loadRuntime(platform, env);
      const openid = platform.openid();
      if (!openid) throw new UserFacingError('UNAUTHENTICATED', '请在微信小程序内使用');
      const request = parseRequest(event);
      action = request.action;
      return await runAction(request, openid, { ...runtime, now: Date.now, log: console.log });
    } catch (error) {
      if (error instanceof ConfigError) {
        console.error(`[payscore] [config] ${error.message}`);
      } else if (!(error instanceof UserFacingError)) {
        console.error(`[payscore] [${action}] ${describeForLog(error)}`);
      }
      return toFailure(error);
    }
  };
}

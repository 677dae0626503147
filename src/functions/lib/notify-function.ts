import { ConfigError } from '../../payscore';
import { handleNotification, type HttpAccessEvent, type HttpAccessReply } from './notify';
import { loadRuntime, type Platform, type Runtime } from './runtime';

/** The `payscoreNotify` function's handler, reached through CloudBase HTTP access. */
export function createNotifyFunction(platform: Platform, env = process.env) {
  let runtime: Runtime | undefined;
  return async function main(event: HttpAccessEvent): Promise<HttpAccessReply> {
    try {
      runtime ??= loadRuntime(platform, env);
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : String(error);
      console.error(`[payscoreNotify] [config] ${message}`);
      // 500 so WeChat Pay keeps the notification and delivers it again once configured.
      return {
        statusCode: 500,
        headers: { 'Content-Type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ code: 'FAIL', message: 'notify function is not configured' }),
        isBase64Encoded: false,
      };
    }
    return handleNotification(event, { ...runtime, now: Date.now, log: console.log });
  };
}

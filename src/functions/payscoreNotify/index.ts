/**
 * Cloud function `payscoreNotify`: WeChat Pay's PAYSCORE.USER_CONFIRM / PAYSCORE.USER_PAID
 * notifications through CloudBase HTTP access (path /payscore/notify in cloudbaserc.json).
 * Bundled by `npm run build` into cloudfunctions/payscoreNotify/index.js.
 */
import * as cloud from 'wx-server-sdk';
import { createNotifyFunction } from '../lib/notify-function';
import type { CloudDatabase } from '../lib/store/cloudbase-store';

// The SDK's typings declare `env` as a string, though it documents this symbol for it.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export const main = createNotifyFunction({
  openid: () => undefined,
  database: () => cloud.database() as unknown as CloudDatabase,
});

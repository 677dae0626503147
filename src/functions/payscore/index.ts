/**
 * Cloud function `payscore`: the mini program's calls (plan, start, query, finish, cancel,
 * list). Bundled by `npm run build` into cloudfunctions/payscore/index.js.
 */
import * as cloud from 'wx-server-sdk';
import { createOrderFunction } from '../lib/order-function';
import type { CloudDatabase } from '../lib/store/cloudbase-store';

// The SDK's typings declare `env` as a string, though it documents this symbol for it.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export const main = createOrderFunction({
  openid: () => cloud.getWXContext().OPENID || undefined,
  database: () => cloud.database() as unknown as CloudDatabase,
});

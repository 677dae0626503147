/**
 * Runs the built cloud function bundles (cloudfunctions/<name>/index.js) in this process, as
 * CloudBase would: configuration from environment variables, the caller from wx-server-sdk's
 * getWXContext (which reads WX_* variables), orders in the process-wide memory store.
 */
import * as path from 'node:path';
import { buildFunctions } from '../../scripts/build-functions';
import type { HttpAccessEvent, HttpAccessReply } from '../functions/lib/notify';
import { LOCAL_STORE_VARIABLE } from '../functions/lib/runtime';

export interface LocalFunctions {
  /** `wx.cloud.callFunction` as user `openid` of mini program `appid`. */
  call(name: string, data: unknown, user: { openid: string; appid: string }): Promise<unknown>;
  notify(event: HttpAccessEvent): Promise<HttpAccessReply>;
  /** Puts the environment back as it was. */
  restore(): void;
}

type Main = (event: unknown) => Promise<unknown>;

/** Builds the bundles into cloudfunctions/ and loads them with `env` as their configuration. */
export function loadLocalFunctions(env: Record<string, string>): LocalFunctions {
  const saved = { ...process.env };
  Object.assign(process.env, env, {
    [LOCAL_STORE_VARIABLE]: 'memory',
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    TCB_ENV: 'local',
    // As on CloudBase. Without the first, wx-server-sdk's init probes a cloud metadata host;
    // without the others it logs errors about them.
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_NAMESPACE: 'local',
    TENCENTCLOUD_REGION: 'ap-shanghai',
  });
  const bundles = Object.fromEntries(
    buildFunctions().map((file) => {
      delete require.cache[require.resolve(file)];
      const loaded = require(file) as { main: Main };
      return [path.basename(path.dirname(file)), loaded.main];
    }),
  );
  return {
    call: (name, data, user) => {
      process.env.WX_OPENID = user.openid;
      process.env.WX_APPID = user.appid;
      const main = bundles[name];
      if (!main) return Promise.reject(new Error(`cloud function ${name} does not exist`));
      return main(data);
    },
    notify: (event) => bundles.payscoreNotify(event) as Promise<HttpAccessReply>,
    restore: () => {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    },
  };
}

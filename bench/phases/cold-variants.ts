/**
 * The cold-start variants: which child runs, with which preloads and environment, and what its
 * reply must say for the sample to count.
 */
import type { ChildReport } from '../children/protocol';
import type { PeerInput } from '../children/peer';
import { childEnv } from '../lib/spawn-child';
import type { ChildName, Scratch } from '../lib/scratch';
import type { Captured } from './capture';

export interface Variant {
  id: string;
  label: string;
  script: ChildName;
  preloads: ChildName[];
  env: Record<string, string>;
  /** Why the sample does not count, or undefined when it served a real request. */
  problem(report: ChildReport): string | undefined;
}

/** Every variant measured, the baseline first. */
export function coldVariants(scratch: Scratch, captured: Captured, floorUrl: string): Variant[] {
  const { sandbox, config } = captured;
  const functionEnv = {
    ...sandbox.merchantEnv,
    PAYSCORE_LOCAL_STORE: 'memory',
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_OPENID: 'oBenchColdStart',
    WX_APPID: config.appid,
    // As on a deployed function. Without TENCENTCLOUD_RUNENV, wx-server-sdk's init() starts a
    // request to http://metadata.tencentyun.com (see bench/README.md; the guard would refuse
    // it); without the other two it logs errors about them.
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: 'bench-env',
  };
  const notifyEvent = {
    path: '/payscore/notify',
    httpMethod: 'POST',
    headers: { ...captured.notification.headers, 'content-type': 'application/json' },
    queryStringParameters: {},
    body: captured.notification.body,
    isBase64Encoded: false,
  };
  const { WECHATPAY_PUBLIC_KEY_ID, WECHATPAY_PUBLIC_KEY } = sandbox.merchantEnv;
  const peer: PeerInput = {
    baseURL: `${sandbox.baseUrl}/`,
    mchid: config.merchant.mchid,
    serial: config.merchant.serialNo,
    privateKeyPem: sandbox.merchantEnv.WECHATPAY_PRIVATE_KEY.replace(/\\n/g, '\n'),
    publicKeyId: WECHATPAY_PUBLIC_KEY_ID,
    publicKeyPem: WECHATPAY_PUBLIC_KEY.replace(/\\n/g, '\n'),
    order: captured.createBody,
  };
  const okReply = (report: ChildReport) =>
    report.reply?.ok === true ? undefined : `reply ${JSON.stringify(report.reply)}`;
  const accepted = (report: ChildReport) =>
    report.reply?.statusCode === 204 ? undefined : `reply ${JSON.stringify(report.reply)}`;

  const fn = (name: 'payscore' | 'payscoreNotify', event: unknown, sdk: boolean): Variant => ({
    id: `${name}:${sdk ? 'sdk' : 'stub'}`,
    label: `${name} ${sdk ? 'with wx-server-sdk' : 'with the SDK stubbed'}`,
    script: 'ours',
    preloads: sdk ? ['guard-preload'] : ['guard-preload', 'stub-preload'],
    env: childEnv({
      ...functionEnv,
      BENCH_BUNDLE: scratch.bundles[name],
      BENCH_EVENT: JSON.stringify(event),
    }),
    problem: name === 'payscore' ? okReply : accepted,
  });

  return [
    {
      id: 'node',
      label: 'node alone (baseline)',
      script: 'baseline',
      preloads: ['guard-preload'],
      env: childEnv({}),
      problem: okReply,
    },
    {
      id: 'http-floor',
      label: 'node: require http + one POST',
      script: 'http-floor',
      preloads: ['guard-preload'],
      env: childEnv({ BENCH_FLOOR_URL: floorUrl }),
      problem: okReply,
    },
    fn('payscore', { action: 'start' }, false),
    fn('payscore', { action: 'start' }, true),
    fn('payscoreNotify', notifyEvent, false),
    fn('payscoreNotify', notifyEvent, true),
    {
      id: 'peer',
      label: 'wechatpay-axios-plugin create',
      script: 'peer',
      preloads: ['guard-preload'],
      env: childEnv({ BENCH_PEER: JSON.stringify(peer) }),
      problem: okReply,
    },
  ];
}

/**
 * Warm CPU cost in this process, on genuine sandbox traffic: what one create-order call costs
 * our client beyond the network (serialise, sign, verify the signed reply, parse it, sign the
 * confirm-page extraData), and how many notifications one core verifies and decrypts.
 */
import {
  SERVICE_ORDER_PATH,
  authorizationHeader,
  buildConfirmExtraData,
  headerLookup,
  parseNotification,
  verifyWechatpaySignature,
} from '../../src/payscore';
import { boundedLoop, type LoopResult } from '../lib/loop';
import { round } from '../lib/stats';
import type { Captured } from './capture';

export interface PerCall {
  iterations: number;
  cpuMsPerCall: number;
  wallMsPerCall: number;
}

export interface WarmCpuResults {
  createCall: PerCall & { parts: Record<string, PerCall> };
  notifications: PerCall & { perCpuSecond: number; perWallSecond: number };
}

const perCall = (loop: LoopResult): PerCall => ({
  iterations: loop.iterations,
  cpuMsPerCall: round(loop.cpuMs / loop.iterations, 4),
  wallMsPerCall: round(loop.wallMs / loop.iterations, 4),
});

/** Measures the create-call CPU (`calls` iterations) and notification throughput. */
export function measureWarmCpu(captured: Captured, calls: number): WarmCpuResults {
  const { config, createBody, createReply, notification } = captured;
  const { merchant, wechatpayKeys, apiV2Key, apiV3Key } = config;
  const replyTime = Number(headerLookup(createReply.headers)('Wechatpay-Timestamp'));
  const orderPackage = String((JSON.parse(createReply.body) as { package?: unknown }).package);

  const sign = () =>
    authorizationHeader(merchant, {
      method: 'POST',
      pathWithQuery: SERVICE_ORDER_PATH,
      body: JSON.stringify(createBody),
    });
  const verify = () => {
    const header = headerLookup(createReply.headers);
    verifyWechatpaySignature(header, createReply.body, wechatpayKeys, replyTime);
    return JSON.parse(createReply.body) as unknown;
  };
  const extraData = () => buildConfirmExtraData(merchant.mchid, orderPackage, apiV2Key);
  const limits = { maxIterations: calls, maxMs: 15_000 };

  const whole = boundedLoop(() => {
    sign();
    verify();
    extraData();
  }, limits);
  const parts = {
    'sign request (RSA-2048)': perCall(boundedLoop(sign, limits)),
    'verify reply (RSA-2048) + parse': perCall(boundedLoop(verify, limits)),
    'extraData (HMAC-SHA256)': perCall(boundedLoop(extraData, limits)),
  };

  const noteTime = Number(headerLookup(notification.headers)('Wechatpay-Timestamp'));
  const notes = boundedLoop(
    () => {
      const header = headerLookup(notification.headers);
      parseNotification(header, notification.body, wechatpayKeys, apiV3Key, noteTime);
    },
    { maxIterations: 200_000, maxMs: 3_000, warmup: 50 },
  );
  return {
    createCall: { ...perCall(whole), parts },
    notifications: {
      ...perCall(notes),
      perCpuSecond: Math.round((notes.iterations * 1000) / notes.cpuMs),
      perWallSecond: Math.round((notes.iterations * 1000) / notes.wallMs),
    },
  };
}

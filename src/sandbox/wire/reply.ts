/**
 * Writes JSON replies: signed ones for the APIv3 routes (as WeChat Pay signs every reply,
 * errors included) and plain ones for the sandbox's own routes.
 */
import type { ServerResponse } from 'node:http';
import { requestId, wechatpayHeaders, type SignatureFault } from './wechatpay-signer';
import type { WechatpaySigningKey } from './wechatpay-signer';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Writes `payload` as JSON with `status`; `close` asks the client to drop the connection. */
export function sendJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
  close = false,
): void {
  const text = payload === undefined ? '' : JSON.stringify(payload);
  writeText(res, status, text, { 'Content-Type': JSON_TYPE, ...headers }, close);
}

/** Writes an APIv3 reply signed with the WeChat Pay key, spoiled by `fault` when given. */
export function sendSigned(
  res: ServerResponse,
  status: number,
  payload: unknown,
  key: WechatpaySigningKey,
  nowMs: number,
  options: { fault?: SignatureFault; close?: boolean; headers?: Record<string, string> } = {},
): void {
  const text = payload === undefined ? '' : JSON.stringify(payload);
  const headers = {
    'Content-Type': JSON_TYPE,
    'Request-ID': requestId(),
    ...wechatpayHeaders(key, text, nowMs, options.fault),
    ...options.headers,
  };
  writeText(res, status, text, headers, options.close);
}

/** Writes a text reply; a reply to a closed socket is dropped quietly. */
export function writeText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string>,
  close = false,
): void {
  if (res.headersSent || res.destroyed) return;
  const body = Buffer.from(text, 'utf8');
  res.writeHead(status, {
    ...headers,
    'Content-Length': String(body.length),
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(body);
}

/**
 * `node -r profile-preload.js`: times, inside one cold process, what a cold start spends on —
 * first loads of chosen modules, key parsing, RSA, HMAC/AES, random bytes, log lines and HTTP
 * round trips. It loads nothing itself: crypto and http are wrapped the moment the code under
 * test first requires them. Only for breakdown samples; headline figures run without it.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import Module from 'node:module';
import { PROFILE, type Profile } from './protocol';

type Crypto = typeof import('node:crypto');
type Http = typeof import('node:http');

const WATCHED = new Set([
  'wx-server-sdk',
  '@cloudbase/node-sdk',
  'wechatpay-axios-plugin',
  'axios',
  'crypto',
  'http',
  'https',
]);
const profile: Profile = {};
(globalThis as { [PROFILE]?: Profile })[PROFILE] = profile;

const now = () => Number(process.hrtime.bigint()) / 1e6;
const add = (name: string, ms: number) => {
  profile[name] = (profile[name] ?? 0) + ms;
};

function timed<F extends (...args: never[]) => unknown>(name: string, fn: F): F {
  return function (this: unknown, ...args: Parameters<F>) {
    const start = now();
    try {
      return Reflect.apply(fn, this, args);
    } finally {
      add(name, now() - start);
    }
  } as F;
}

function wrapCrypto(crypto: Crypto): void {
  Object.assign(crypto, {
    createPrivateKey: timed('crypto: parse keys', crypto.createPrivateKey),
    createPublicKey: timed('crypto: parse keys', crypto.createPublicKey),
    sign: timed('crypto: RSA sign', crypto.sign),
    verify: timed('crypto: RSA verify', crypto.verify),
    createHmac: timed('crypto: HMAC/AES setup', crypto.createHmac),
    createDecipheriv: timed('crypto: HMAC/AES setup', crypto.createDecipheriv),
    randomBytes: timed('crypto: random bytes', crypto.randomBytes),
  });
  crypto.Sign.prototype.sign = timed('crypto: RSA sign', crypto.Sign.prototype.sign);
  crypto.Verify.prototype.verify = timed('crypto: RSA verify', crypto.Verify.prototype.verify);
}

function wrapHttp(http: Http): void {
  const request = http.request;
  const timedRequest = function (this: unknown, ...args: unknown[]) {
    const start = now();
    const req = Reflect.apply(request, this, args) as ClientRequest;
    req.once('response', (res: IncomingMessage) => {
      res.once('end', () => add('http: round trip to the sandbox', now() - start));
    });
    return req;
  };
  Object.assign(http, { request: timedRequest });
}

console.log = timed('console: log lines', console.log);
console.error = timed('console: log lines', console.error);

type Load = (request: string, ...rest: unknown[]) => unknown;
const hookable = Module as unknown as { _load: Load };
const load = hookable._load;
const seen = new Set<string>();
hookable._load = function (this: unknown, request: string, ...rest: unknown[]) {
  const name = request.replace(/^node:/, '');
  if (!WATCHED.has(name) || seen.has(name)) return Reflect.apply(load, this, [request, ...rest]);
  seen.add(name);
  const start = now();
  const exported = Reflect.apply(load, this, [request, ...rest]);
  add(`load: ${name}`, now() - start);
  if (name === 'crypto') wrapCrypto(exported as Crypto);
  if (name === 'http') wrapHttp(exported as Http);
  return exported;
};

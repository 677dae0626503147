/**
 * A tripwire for the benchmark's processes: TCP connections, name lookups and UDP sockets may
 * reach loopback only. Anything else is refused before a packet leaves and recorded, so the
 * benchmark can report it. The parent installs it at once; children install it lazily (see
 * {@link installLazyNetworkGuard}) so it adds no module loading to what they measure.
 */
import Module from 'node:module';
import { refusedConnections } from './protocol';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const NETWORK_MODULES = new Set(['net', 'http', 'https', 'tls', 'http2', 'dns', 'dgram']);
const patched = new Set<string>();

function refuse(label: string): Error {
  refusedConnections().push(label);
  return new Error(`bench network guard: refused ${label} (loopback only)`);
}

/** Where a `Socket.connect` call is going, from any of its argument forms. */
function destination(args: unknown[]): { host?: string; port?: unknown; path?: string } {
  let first = args[0];
  // net.connect() passes its normalised [options, callback] array as the first argument.
  if (Array.isArray(first)) first = first[0];
  if (first && typeof first === 'object') {
    const options = first as { host?: unknown; port?: unknown; path?: unknown };
    return {
      host: typeof options.host === 'string' ? options.host : undefined,
      port: options.port,
      // http's agent passes `path: null` for TCP connections.
      path: typeof options.path === 'string' ? options.path : undefined,
    };
  }
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { host: typeof args[1] === 'string' ? args[1] : undefined, port: first };
}

/** Every TCP or IPC connection (net, http, https, tls, fetch) goes through Socket#connect. */
function patchNet(): void {
  if (patched.has('net')) return;
  patched.add('net');
  const net = require('node:net') as typeof import('node:net');
  const connect = net.Socket.prototype.connect;
  const guarded = function (this: import('node:net').Socket, ...args: unknown[]) {
    const target = destination(args);
    if (target.path === undefined && target.host !== undefined && LOOPBACK.has(target.host)) {
      return Reflect.apply(connect, this, args);
    }
    const label =
      target.path !== undefined
        ? `socket ${target.path}`
        : `${target.host ?? 'localhost'}:${String(target.port)}`;
    const error = refuse(label);
    process.nextTick(() => this.destroy(error));
    return this;
  };
  net.Socket.prototype.connect = guarded as unknown as typeof connect;
}

function patchDns(): void {
  if (patched.has('dns')) return;
  patched.add('dns');
  const dns = require('node:dns') as typeof import('node:dns');
  const lookup = dns.lookup;
  const guardedLookup = (hostname: string, ...rest: unknown[]): void => {
    if (LOOPBACK.has(hostname)) {
      Reflect.apply(lookup, dns, [hostname, ...rest]);
      return;
    }
    const callback = rest[rest.length - 1];
    const error = refuse(`lookup ${hostname}`);
    if (typeof callback === 'function') process.nextTick(() => callback(error));
  };
  const promised = dns.promises.lookup;
  const guardedPromised = async (hostname: string, ...rest: unknown[]) => {
    if (!LOOPBACK.has(hostname)) throw refuse(`lookup ${hostname}`);
    return Reflect.apply(promised, dns.promises, [hostname, ...rest]);
  };
  Object.assign(dns, { lookup: guardedLookup });
  Object.assign(dns.promises, { lookup: guardedPromised });
}

function patchDgram(): void {
  if (patched.has('dgram')) return;
  patched.add('dgram');
  const dgram = require('node:dgram') as typeof import('node:dgram');
  const guarded = () => {
    throw refuse('a UDP socket');
  };
  Object.assign(dgram, { createSocket: guarded });
}

/** Installs every part of the guard now; returns the list refused destinations go into. */
export function installNetworkGuard(): string[] {
  patchNet();
  patchDns();
  patchDgram();
  return refusedConnections();
}

/**
 * Installs the guard as code asks for it: the first `require` of a networking module (or the
 * first `fetch`) patches Socket#connect, and dns or dgram when those are required. Nothing can
 * open a connection before requiring one of them, so nothing escapes, and a child that never
 * uses the network never pays for loading `net`.
 */
export function installLazyNetworkGuard(): string[] {
  type Load = (request: string, ...rest: unknown[]) => unknown;
  const hookable = Module as unknown as { _load: Load };
  const load = hookable._load;
  hookable._load = function (this: unknown, request: string, ...rest: unknown[]) {
    const exported = Reflect.apply(load, this, [request, ...rest]);
    const name = request.replace(/^node:/, '').split('/')[0];
    if (NETWORK_MODULES.has(name)) {
      patchNet();
      if (name === 'dns') patchDns();
      if (name === 'dgram') patchDgram();
    }
    return exported;
  };
  const fetch = globalThis.fetch;
  globalThis.fetch = (...args: Parameters<typeof fetch>) => {
    patchNet();
    return fetch(...args);
  };
  return refusedConnections();
}

// Loaded by mocha before any test (.mocharc.json): the tests may reach loopback only. A
// connection or name lookup for any other host fails at once with a message naming it, and
// the run fails, so a default that points somewhere real is caught here.
const net = require('node:net');
const dns = require('node:dns');

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1', 'localhost']);

// What a wx-server-sdk function has on CloudBase; without it the SDK probes a metadata host.
process.env.TENCENTCLOUD_RUNENV = 'SCF';
process.env.SCF_NAMESPACE ??= 'local';
process.env.TENCENTCLOUD_REGION ??= 'ap-shanghai';

const refused = [];

function refusal(target) {
  refused.push(target);
  return new Error(`test network guard: refused ${target} (tests reach loopback only)`);
}

// Even an attempt whose error something swallowed fails the run.
process.on('exit', () => {
  if (refused.length === 0) return;
  console.error(`test network guard: non-loopback attempts: ${[...new Set(refused)].join(', ')}`);
  process.exitCode = 1;
});

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = first && typeof first === 'object' ? first : { port: first, host: args[1] };
  if (typeof options.path === 'string' || LOOPBACK.has(options.host ?? 'localhost')) {
    return Reflect.apply(connect, this, args);
  }
  const error = refusal(`${options.host}:${options.port}`);
  process.nextTick(() => this.destroy(error));
  return this;
};

const lookup = dns.lookup;
dns.lookup = function guardedLookup(hostname, ...rest) {
  if (LOOPBACK.has(hostname)) return Reflect.apply(lookup, this, [hostname, ...rest]);
  const callback = rest[rest.length - 1];
  process.nextTick(() => callback(refusal(hostname)));
  return {};
};

const promiseLookup = dns.promises.lookup;
dns.promises.lookup = function guardedPromiseLookup(hostname, ...rest) {
  if (LOOPBACK.has(hostname)) return Reflect.apply(promiseLookup, this, [hostname, ...rest]);
  return Promise.reject(refusal(hostname));
};

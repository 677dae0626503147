/**
 * `node -r stub-preload.js`: makes `require('wx-server-sdk')` load the tiny local stub next to
 * this file instead of the real SDK, by hooking Module._resolveFilename.
 */
import Module from 'node:module';
import * as path from 'node:path';

type Resolve = (request: string, ...rest: unknown[]) => string;
const hookable = Module as unknown as { _resolveFilename: Resolve };
const resolve = hookable._resolveFilename;
const stub = path.join(__dirname, 'wx-server-sdk-stub.js');

hookable._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  return request === 'wx-server-sdk' ? stub : Reflect.apply(resolve, this, [request, ...rest]);
};

import * as path from 'node:path';

const GUARD = path.join(__dirname, 'loopback-only.cjs');

/**
 * The environment for a child Node process a test starts: the same loopback-only guard as the
 * tests themselves (through NODE_OPTIONS, so it also covers any Node tool the child runs).
 */
export function guardedEnv(variables: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const options = [variables.NODE_OPTIONS, `--require ${JSON.stringify(GUARD)}`].filter(Boolean);
  return { ...variables, NODE_OPTIONS: options.join(' ') };
}

/**
 * `npm run deploy`: checks the configuration and the bundles, then runs
 * `tcb fn deploy --all --force` for the CloudBase environment ENV_ID. Fails loudly when ENV_ID
 * is missing, the configuration is invalid, a bundle needs a module its package.json lacks, or
 * the CLI deployed nothing. Log in first with `npx tcb login`. Reads `.env` then `.env.local`
 * at the repository root, as tcb does (or only the file named by DEPLOY_ENV_FILE); the process
 * environment wins over the files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { parseEnvFile } from '../src/local/env-file';
import { ConfigError, loadConfig, type PayScoreConfig } from '../src/payscore';
import { FUNCTION_NAMES, buildFunctions } from './build-functions';

const ROOT = path.resolve(__dirname, '..');

/** Modules a bundle requires that are neither Node built-ins nor in its package.json. */
export function missingModules(bundle: string, dependencies: Record<string, string>): string[] {
  const required = [...bundle.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  const builtin = (name: string) =>
    name.startsWith('node:') || builtinModules.includes(name.split('/')[0]);
  return [...new Set(required)].filter((name) => !builtin(name) && !(name in dependencies));
}

/** The functions the CLI output reports as deployed, in its Chinese or English wording. */
export function deployedFunctions(output: string): string[] {
  const lines = output.split(/\r?\n/);
  const success = (line: string) =>
    /部署成功|deployed successfully|deploy succeeded/i.test(line) &&
    !/不成功|失败|fail|not /i.test(line);
  return FUNCTION_NAMES.filter((name) =>
    lines.some((line) => line.includes(`[${name}]`) && success(line)),
  );
}

/** True for a host name that means this machine (loopback, unspecified). */
export function isThisMachine(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  return (
    host === 'localhost' ||
    host === '0.0.0.0' ||
    host === '::' ||
    host === '::1' ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    /^::ffff:(127\.|7f)/.test(host)
  );
}

/**
 * Problems that make a configuration unfit for CloudBase even though it loads: the local
 * sandbox's merchant (plain http, this machine) must never be deployed, and a key file on this
 * machine does not reach the function (cloudbaserc.json passes WECHATPAY_PRIVATE_KEY only).
 */
export function productionProblems(
  config: PayScoreConfig,
  env: Record<string, string | undefined>,
): string[] {
  const problems: string[] = [];
  for (const [name, url] of [
    ['WECHATPAY_BASE_URL', config.baseUrl],
    ['PAYSCORE_NOTIFY_URL', config.notifyUrl],
  ]) {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'https:' || isThisMachine(hostname)) {
      problems.push(`${name} points at this machine (the local sandbox?): use the real https URL`);
    }
  }
  if (env.WECHATPAY_PRIVATE_KEY_FILE) {
    problems.push(
      'WECHATPAY_PRIVATE_KEY_FILE is a path on this machine: set WECHATPAY_PRIVATE_KEY instead',
    );
  }
  return problems;
}

function checkBundles(): void {
  for (const name of FUNCTION_NAMES) {
    const dir = path.join(ROOT, 'cloudfunctions', name);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const main = path.join(dir, manifest.main ?? 'index.js');
    if (!existsSync(main)) throw new Error(`${name}: ${manifest.main} was not built`);
    const missing = missingModules(readFileSync(main, 'utf8'), manifest.dependencies ?? {});
    if (missing.length)
      throw new Error(`${name}: requires ${missing.join(', ')} not in package.json`);
  }
}

function main(): number {
  const files = process.env.DEPLOY_ENV_FILE
    ? [process.env.DEPLOY_ENV_FILE]
    : [path.join(ROOT, '.env'), path.join(ROOT, '.env.local')];
  // The shell wins over the file, but an empty shell variable does not erase a value.
  const shell = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value));
  const fromFiles = files
    .filter((file) => existsSync(file))
    .map((file) => parseEnvFile(readFileSync(file, 'utf8')));
  const env = Object.assign({}, ...fromFiles, shell) as Record<string, string>;
  if (!env.ENV_ID) {
    console.error('[deploy] ENV_ID is not set: put your CloudBase environment id in .env');
    return 1;
  }
  let problems: string[];
  try {
    problems = productionProblems(loadConfig(env), env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems = error.problems;
  }
  if (problems.length > 0) {
    console.error(`[deploy] configuration refused, nothing deployed:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  buildFunctions();
  checkBundles();

  const tcb = path.join(ROOT, 'node_modules', '.bin', 'tcb');
  const args = ['fn', 'deploy', '--all', '--force', '-e', env.ENV_ID];
  console.log(`[deploy] tcb ${args.join(' ')}`);
  const run = spawnSync(tcb, args, { cwd: ROOT, env, encoding: 'utf8' });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  process.stdout.write(output);
  const deployed = deployedFunctions(output);
  if (run.status !== 0 || deployed.length !== FUNCTION_NAMES.length) {
    const missing = FUNCTION_NAMES.filter((name) => !deployed.includes(name));
    const which = missing.length ? `not deployed: ${missing.join(', ')}` : 'see the output above';
    console.error(`[deploy] failed: tcb exited with ${run.status}; ${which}`);
    return 1;
  }
  console.log(
    `[deploy] deployed ${deployed.join(', ')}; notify URL: see the HTTP access link above`,
  );
  return 0;
}

if (require.main === module) process.exit(main());

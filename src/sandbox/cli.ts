/**
 * `npm run sandbox -- [--port <n>] [--state-dir <dir>] [--auto-deduct <ms>]`: runs the local
 * Pay Score sandbox on 127.0.0.1 until SIGINT or SIGTERM. The CLI is the one place that prints.
 */
import { startSandbox, type SandboxOptions } from './index';

const USAGE = `usage: npm run sandbox -- [options]
  --port <n>           port on 127.0.0.1 (default: any free port)
  --state-dir <dir>    where merchant.env and the WeChat Pay key live (default: .sandbox)
  --auto-deduct <ms>   collect by itself this long after each complete (default: off)
  --notify-url <url>   PAYSCORE_NOTIFY_URL written to merchant.env and kept for later starts;
                       http(s) on 127.0.0.1, localhost or [::1] only (default: the sandbox's sink)
  --help               this text`;

/** Thrown for `--help`: the usage goes to stdout and the exit code is 0. */
export class HelpRequested extends Error {}

/** Reads the command-line flags; throws with the usage on anything unknown. */
export function parseArgs(args: string[]): SandboxOptions {
  const options: SandboxOptions = { persist: true };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === '--help' || flag === '-h') throw new HelpRequested(USAGE);
    if (!/^--(port|auto-deduct|state-dir|notify-url)$/.test(flag)) {
      throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    if (flag === '--port' || flag === '--auto-deduct') {
      const number = Number(value);
      if (!Number.isInteger(number) || number < 0 || number > 65535 * 1000) {
        throw new Error(`${flag} must be a whole number\n${USAGE}`);
      }
      if (flag === '--port') options.port = number;
      else options.autoDeductMs = number;
    } else if (flag === '--state-dir') {
      options.stateDir = value;
    } else {
      const url = URL.canParse(value) ? new URL(value) : undefined;
      const loopback = url && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      if (!url || !loopback || !['http:', 'https:'].includes(url.protocol)) {
        throw new Error(`--notify-url must be a loopback URL: the sandbox delivers nowhere else`);
      }
      options.notifyUrl = value;
    }
  }
  return options;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox(parseArgs(process.argv.slice(2)));
  const log = (line: string) => process.stdout.write(`[sandbox] ${line}\n`);
  log(`Pay Score sandbox (local only, not WeChat Pay) at ${sandbox.baseUrl}`);
  log(`page: ${sandbox.pageUrl}`);
  if (sandbox.created.length) log(`created a fake ${sandbox.created.join(' and a ')}`);
  if (sandbox.merchantEnvPath) log(`merchant configuration: ${sandbox.merchantEnvPath}`);
  log(`notifications go to ${sandbox.merchantEnv.PAYSCORE_NOTIFY_URL}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof HelpRequested) {
      process.stdout.write(`${error.message}\n`);
      process.exit(0);
    }
    process.stderr.write(`[sandbox] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}

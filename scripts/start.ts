/**
 * `npm start`: runs the whole confirm-order flow on this machine against the local Pay Score
 * sandbox and prints it step by step. Exits 0 only when the order ends paid.
 * `npm start -- --keep` leaves the sandbox running afterwards, with its page, until Ctrl-C;
 * `--state-dir <dir>` keeps the sandbox merchant somewhere other than `.sandbox`.
 */
import { runFlow } from '../src/local/flow';

const USAGE = `usage: npm start -- [options]
  --keep               leave the sandbox running afterwards, with its page (Ctrl-C to stop)
  --state-dir <dir>    where the sandbox keeps its merchant (default: .sandbox)
  --help               this text`;

/** The flags; `help` for --help, or the complaint about anything else. */
function parseArgs(args: string[]): { keep: boolean; stateDir?: string } | 'help' | string {
  const options: { keep: boolean; stateDir?: string } = { keep: false };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--help' || args[i] === '-h') return 'help';
    if (args[i] === '--keep') options.keep = true;
    else if (args[i] === '--state-dir' && args[i + 1]) options.stateDir = args[++i];
    else if (args[i] === '--state-dir') return '--state-dir needs a value';
    else return `unknown option ${args[i]}`;
  }
  return options;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    console.error(`${options}\n${USAGE}`);
    return 2;
  }
  const { keep, stateDir } = options;
  console.log('WeChat Pay Score confirm-order flow, against the local sandbox (no WeChat host)\n');
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const run = await runFlow({ stateDir, print });

  console.log(run.paid ? `\nOK: order ${run.outOrderNo} is paid.` : `\nFAILED: ${run.failure}`);
  if (!keep || !run.sandbox) {
    await run.close();
    return run.paid ? 0 : 1;
  }
  console.log(`\nThe sandbox keeps running: open ${run.sandbox.pageUrl} (Ctrl-C to stop).`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await run.close();
  return run.paid ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

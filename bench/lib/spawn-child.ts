/**
 * Runs one benchmark child in a fresh `node` process and collects what it reports on fd 3,
 * with the process wall time measured from here (spawn to exit). A child that outlives its
 * time limit is killed by its own handle.
 */
import { spawn } from 'node:child_process';
import type { ChildReport } from '../children/protocol';

export interface ChildRun {
  script: string;
  preloads: string[];
  env: Record<string, string>;
  timeoutMs?: number;
}

export interface ChildSample<T = ChildReport> {
  report: T;
  /** Spawn to exit, as seen by the parent. */
  wallMs: number;
}

/** Only what a child needs: no NODE_OPTIONS, no proxy settings, nothing else inherited. */
export function childEnv(extra: Record<string, string>): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', ...extra };
}

/** Spawns `node [-r preload…] script` and resolves with its report; rejects on failure. */
export function runChild<T extends { error?: string } = ChildReport>(
  run: ChildRun,
): Promise<ChildSample<T>> {
  const args = [...run.preloads.flatMap((file) => ['-r', file]), run.script];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    let exitedAt: bigint | undefined;
    const child = spawn(process.execPath, args, {
      env: run.env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const report: Buffer[] = [];
    let stderr = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => report.push(chunk));
    child.stdout?.resume();
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), run.timeoutMs ?? 20_000);
    child.on('exit', () => {
      exitedAt = process.hrtime.bigint();
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = Number((exitedAt ?? process.hrtime.bigint()) - started) / 1e6;
      const text = Buffer.concat(report).toString('utf8');
      if (!text) {
        const how = signal ? `killed by ${signal}` : `exited ${code}`;
        reject(new Error(`${run.script} ${how} without a report: ${stderr.trim()}`));
        return;
      }
      const parsed = JSON.parse(text) as T;
      if (parsed.error) reject(new Error(`${run.script}: ${parsed.error} ${stderr.trim()}`));
      else resolve({ report: parsed, wallMs });
    });
  });
}

/**
 * The benchmark's scratch directory, outside the repository: fresh function bundles, the child
 * scripts compiled to plain JS (so no TypeScript loader runs inside a measured process), and a
 * `node_modules` link so `wx-server-sdk` and the peer resolve as in a deployed function folder.
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { buildFunctions } from '../../scripts/build-functions';

const ROOT = path.resolve(__dirname, '..', '..');
const CHILDREN = [
  'ours',
  'peer',
  'baseline',
  'http-floor',
  'guard-preload',
  'stub-preload',
  'wx-server-sdk-stub',
  'profile-preload',
  'flows',
] as const;

export type ChildName = (typeof CHILDREN)[number];

export interface Scratch {
  dir: string;
  /** Bundle path by function name, e.g. bundles.payscore. */
  bundles: Record<string, string>;
  /** Compiled child script path by name. */
  child: (name: ChildName) => string;
  /** Removes the directory. */
  remove(): void;
}

/** Builds everything the children need into a new temporary directory. */
export function createScratch(): Scratch {
  const dir = mkdtempSync(path.join(tmpdir(), 'payscore-bench-'));
  try {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const bundles: Record<string, string> = {};
    for (const file of buildFunctions(path.join(dir, 'functions'))) {
      bundles[path.basename(path.dirname(file))] = file;
    }
    const childDir = path.join(dir, 'children');
    buildSync({
      entryPoints: CHILDREN.map((name) => path.join(__dirname, '..', 'children', `${name}.ts`)),
      outdir: childDir,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      packages: 'external',
      logLevel: 'error',
    });
    return {
      dir,
      bundles,
      child: (name) => path.join(childDir, `${name}.js`),
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

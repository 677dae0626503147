/**
 * The mini program package size: every file under miniprogram/, by kind. DevTools compiles the
 * .ts files (useCompilerPlugins: typescript) and uploads JS, so besides the TypeScript source
 * each .ts file is transpiled with esbuild to estimate the JS shipped, plain and minified
 * (project.config.json asks DevTools to minify).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { transformSync } from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..', 'miniprogram');

export interface MiniProgramSize {
  files: number;
  /** Bytes by kind; `ts` is the TypeScript source as written. */
  bytes: Record<string, number>;
  /** The .ts files transpiled to JS (esbuild, ES2017, CommonJS), unminified and minified. */
  transpiledJs: number;
  minifiedJs: number;
  /** ts counted as source + everything else. */
  totalAsSource: number;
  /** transpiled JS + everything else: the estimate held against the target. */
  totalAsUploaded: number;
  totalAsUploadedMinified: number;
  largest: { file: string; bytes: number }[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Sizes the mini program as it is on disk now. */
export function measureMiniProgram(): MiniProgramSize {
  const bytes: Record<string, number> = {};
  let transpiledJs = 0;
  let minifiedJs = 0;
  const sizes: { file: string; bytes: number }[] = [];
  const files = walk(ROOT);
  for (const file of files) {
    const size = statSync(file).size;
    const kind = file.endsWith('.d.ts') ? 'd.ts' : path.extname(file).slice(1) || 'other';
    bytes[kind] = (bytes[kind] ?? 0) + size;
    sizes.push({ file: path.relative(path.dirname(ROOT), file), bytes: size });
    if (kind !== 'ts') continue;
    const source = readFileSync(file, 'utf8');
    const options = { loader: 'ts', format: 'cjs', target: 'es2017', sourcefile: file } as const;
    transpiledJs += Buffer.byteLength(transformSync(source, options).code);
    minifiedJs += Buffer.byteLength(transformSync(source, { ...options, minify: true }).code);
  }
  // Type declarations are not shipped.
  const rest = Object.entries(bytes)
    .filter(([kind]) => kind !== 'ts' && kind !== 'd.ts')
    .reduce((sum, [, size]) => sum + size, 0);
  return {
    files: files.length,
    bytes,
    transpiledJs,
    minifiedJs,
    totalAsSource: rest + (bytes.ts ?? 0),
    totalAsUploaded: rest + transpiledJs,
    totalAsUploadedMinified: rest + minifiedJs,
    largest: sizes.sort((a, b) => b.bytes - a.bytes).slice(0, 5),
  };
}

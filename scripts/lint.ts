/**
 * The project's own lint rules, run by `npm test` after prettier: the things a formatter cannot
 * see but a reviewer would otherwise have to. Prints each finding as file:line and exits 1.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const MAX_COLUMNS = 100;
const MAX_LINES = 300;

interface Rule {
  /** Which files the rule reads (repo-relative paths). */
  files: (file: string) => boolean;
  /** A finding for the line, or undefined. */
  check?: (line: string) => string | undefined;
  /** A finding for the whole file, or undefined. */
  checkFile?: (lines: string[]) => string | undefined;
}

const code = (file: string) => /\.(ts|cjs|js)$/.test(file) && !file.startsWith('cloudfunctions/');
const source = (file: string) => code(file) && !file.startsWith('test/');
const LONG_TOKEN = /\S{60,}/;
// The markers of work left for later, built from parts so this file does not carry them.
const STUB_MARKER = new RegExp(`\\b(${['TO', 'DO'].join('')}|${['FIX', 'ME'].join('')}|X{3})\\b`);
const isComment = (line: string) => /^\s*(\*|\/\*|\/\/)/.test(line);

const RULES: Rule[] = [
  { files: code, check: (line) => (/\bas any\b/.test(line) ? 'no `as any`' : undefined) },
  {
    files: code,
    check: (line) => (STUB_MARKER.test(line) ? 'no to-do stubs' : undefined),
  },
  {
    files: code,
    check: (line) =>
      line.length > MAX_COLUMNS && !LONG_TOKEN.test(line)
        ? `over ${MAX_COLUMNS} columns`
        : undefined,
  },
  {
    files: (file) => file.startsWith('src/payscore/'),
    check: (line) => (/\bconsole\./.test(line) ? 'the payment core never logs' : undefined),
  },
  {
    files: (file) => file.startsWith('src/payscore/'),
    check: (line) =>
      /from '(wx-server-sdk|.*functions|.*miniprogram|.*sandbox)/.test(line)
        ? 'the payment core imports nothing from CloudBase, functions, sandbox or mini program'
        : undefined,
  },
  {
    files: (file) => file.startsWith('miniprogram/'),
    check: (line) =>
      /from '\.\.\/.*src\//.test(line) ? 'the mini program imports only itself' : undefined,
  },
  {
    files: (file) =>
      source(file) &&
      !/(src\/payscore\/constants|miniprogram\/utils\/payscore-constants)\.ts$/.test(file),
    check: (line) =>
      !isComment(line) && /wxd8f3793ea3b935b8|'pages\/use\/use'|\b1038\b|'wxpayScoreUse'/.test(line)
        ? 'Pay Score constants live in their constants module'
        : undefined,
  },
  {
    files: source,
    checkFile: (lines) =>
      lines.length > MAX_LINES ? `over ${MAX_LINES} lines: split it` : undefined,
  },
];

/** The files git knows (tracked or not ignored); outside a checkout, every file but deps. */
function trackedFiles(): string[] {
  let files: string[];
  try {
    files = gitFiles();
  } catch {
    files = walk('').filter((file) => !/^(\.sandbox|cloudfunctions)\//.test(file));
  }
  // This file spells out the patterns it looks for.
  return files.filter((file) => file !== 'scripts/lint.ts');
}

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.name === 'node_modules' || entry.name === '.git') return [];
    return entry.isDirectory() ? walk(file) : [file];
  });
}

function gitFiles(): string[] {
  const list = (args: string[]) =>
    execFileSync('git', ['ls-files', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    }).split('\n');
  const files = new Set([...list([]), ...list(['--others', '--exclude-standard'])]);
  return [...files].filter(Boolean);
}

function lint(): string[] {
  const findings: string[] = [];
  for (const file of trackedFiles()) {
    const rules = RULES.filter((rule) => rule.files(file));
    if (rules.length === 0) continue;
    const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
    for (const rule of rules) {
      const whole = rule.checkFile?.(lines);
      if (whole) findings.push(`${file}: ${whole}`);
      lines.forEach((line, i) => {
        const finding = rule.check?.(line);
        if (finding) findings.push(`${file}:${i + 1}: ${finding}`);
      });
    }
  }
  return findings;
}

const findings = lint();
for (const finding of findings) console.error(finding);
if (findings.length > 0) process.exit(1);
console.log('lint: no findings');

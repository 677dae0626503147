/**
 * The figures held against their targets, and the table printed at the end of a run.
 * Targets are reported, never asserted: a missed target is a finding, not a failure.
 */
import type { Results, Row } from './results';
import type { Summary } from './stats';

const ms = (value: number) => `${value.toFixed(1)} ms`;
const spread = (s: Summary) => `${ms(s.median)} (${s.min.toFixed(1)}-${s.max.toFixed(1)})`;

/** Builds the table rows from every figure but the rows themselves. */
export function buildRows(results: Omit<Results, 'rows'>): Row[] {
  const { coldStart: cold, warmCpu, flows, miniprogram, bundles } = results;
  const ours = cold['payscore:stub'].coldMs.median;
  const notify = cold['payscoreNotify:stub'].coldMs.median;
  const peer = cold.peer.coldMs.median;
  const rows: Row[] = [];
  const add = (figure: string, value: string, target = '', met?: boolean) =>
    rows.push({ figure, value, target, met });

  const coldOf = (id: string) => spread(cold[id].coldMs);
  add('cold start payscore start, SDK stubbed', coldOf('payscore:stub'), '<= 10 ms', ours <= 10);
  add(
    'cold start payscoreNotify, SDK stubbed',
    coldOf('payscoreNotify:stub'),
    '<= 10 ms',
    notify <= 10,
  );
  add('warm payscore start, same handler + sandbox', spread(results.warmStartMs));
  add('cold start peer create', coldOf('peer'));
  const ratio = ours / peer;
  const ratioText = `${ratio.toFixed(3)} (peer ${(1 / ratio).toFixed(1)}x ours)`;
  add('ours / peer (medians, SDK stubbed)', ratioText, '<= 0.2 (5x below)', ratio <= 0.2);
  for (const id of ['payscore:sdk', 'payscoreNotify:sdk', 'http-floor']) {
    add(`cold start ${cold[id].label}`, coldOf(id));
  }
  const withSdk = cold['payscore:sdk'].coldMs.median / peer;
  add('ours with wx-server-sdk / peer (medians)', `${withSdk.toFixed(2)}`);
  for (const id of ['payscore:stub', 'payscoreNotify:stub', 'payscore:sdk', 'peer', 'node']) {
    add(`process wall, ${cold[id].label}`, spread(cold[id].wallMs));
  }
  for (const [name, size] of Object.entries(bundles)) {
    add(`bundle ${name}`, `${size.kb.toFixed(1)} KB`, '<= 60 KB', size.kb <= 60);
  }
  const perCall = warmCpu.createCall.cpuMsPerCall;
  add(
    'CPU per create call (sign+verify+extraData)',
    `${perCall.toFixed(3)} ms`,
    '<= 3 ms',
    perCall <= 3,
  );
  const notes = warmCpu.notifications.perCpuSecond;
  add('notifications verified+decrypted per CPU second', `${notes}/s`, '>= 500/s', notes >= 500);
  add('whole flows per second (one process)', `${flows.flowsPerSecond}/s (${flows.flows} flows)`);
  add('peak RSS / heapUsed during flows', `${flows.peakRssMb} MB / ${flows.peakHeapUsedMb} MB`);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  add('mini program, .ts counted as source', kb(miniprogram.totalAsSource));
  add(
    'mini program, .ts transpiled (minified)',
    `${kb(miniprogram.totalAsUploaded)} (${kb(miniprogram.totalAsUploadedMinified)})`,
    '<= 150 KB',
    miniprogram.totalAsUploaded <= 150 * 1024,
  );
  return rows;
}

/** Prints the rows as an aligned text table. */
export function printTable(rows: Row[]): void {
  const status = (row: Row) => (row.met === undefined ? '' : row.met ? 'met' : 'MISSED');
  const widths = [
    Math.max(...rows.map((r) => r.figure.length)),
    Math.max(...rows.map((r) => r.value.length)),
    Math.max(...rows.map((r) => r.target.length)),
  ];
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ');
  console.log(line(['figure', 'value', 'target', 'result']));
  console.log(line(widths.map((w) => '-'.repeat(w)).concat('------')));
  for (const row of rows) console.log(line([row.figure, row.value, row.target, status(row)]));
}

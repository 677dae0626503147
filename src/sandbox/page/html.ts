/**
 * The sandbox page (`GET /`): orders with their states and notification attempts, and buttons
 * for what the user and Pay Score would do. Plain HTML and a little inline script, no assets;
 * everything it shows comes from the JSON routes under /sandbox/.
 */

const STYLE = `
body { font: 14px system-ui, sans-serif; margin: 1.5rem; color: #222; }
h1 { font-size: 1.3rem; } h2 { font-size: 1.05rem; margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; }
td { vertical-align: top; }
code { font-size: 12px; } button { margin: 0 .2rem .2rem 0; }
.note { color: #666; } .bad { color: #b00; } .good { color: #070; }
`;

const SCRIPT = `
const $ = (id) => document.getElementById(id);
const get = (path) => fetch(path).then((r) => r.json());
async function post(path, body) {
  const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body || {}) });
  const text = await r.text();
  $('result').textContent = r.status + ' ' + text;
  refresh();
}
function cell(row, content) {
  const td = row.insertCell();
  if (content instanceof Node) td.append(content); else td.textContent = content ?? '';
  return td;
}
function button(label, action) {
  const b = document.createElement('button');
  b.textContent = label; b.onclick = action; return b;
}
function orderState(o) {
  const parts = [o.state, o.state_description, o.collection && o.collection.state];
  return parts.filter(Boolean).join(' / ');
}
function attemptText(a) {
  const fault = a.fault ? ' [' + a.fault + ']' : '';
  return ' #' + a.attempt + ' ' + (a.status || a.error) + ' ' + a.durationMs + 'ms' + fault;
}
function attemptsText(list) {
  return list.map((n) => n.event_type.replace('PAYSCORE.', '') + ': ' + n.state +
    (n.reason ? ' (' + n.reason + ')' : '') + n.attempts.map(attemptText).join('')
  ).join('\\n');
}
async function refresh() {
  const [orders, faults, merchant] = await Promise.all([
    get('/sandbox/orders'), get('/sandbox/faults'), get('/sandbox/merchant')]);
  $('merchant').textContent = 'mchid ' + merchant.mchid + ' · appid ' + merchant.appid +
    ' · service_id ' + merchant.service_id;
  const body = $('orders'); body.textContent = '';
  for (const item of orders.slice().reverse()) {
    const o = item.order; const no = encodeURIComponent(o.out_order_no);
    const row = body.insertRow();
    cell(row, o.out_order_no); cell(row, orderState(o)); cell(row, o.total_amount ?? '');
    cell(row, o.openid || (item.package_opened_by ? 'opened by ' + item.package_opened_by : ''));
    const pre = document.createElement('pre'); pre.textContent = attemptsText(item.notifications);
    cell(row, pre);
    const actions = document.createElement('span');
    const act = (label, step, body) =>
      actions.append(button(label, () => post('/sandbox/orders/' + no + '/' + step, body)));
    if (o.state === 'CREATED' && !item.package_opened_by) {
      act('user confirms', 'confirm', { decision: 'confirm' });
      act('user leaves', 'confirm', { decision: 'leave' });
    }
    if (o.collection && o.collection.state === 'USER_PAYING') {
      act('deduction succeeds', 'deduct', { outcome: 'paid' });
      act('deduction fails', 'deduct', { outcome: 'unpaid' });
    }
    cell(row, actions);
  }
  $('faults').textContent = faults.length ? JSON.stringify(faults) : 'none';
}
$('add-fault').onclick = () => post('/sandbox/faults', {
  route: $('f-route').value, kind: $('f-kind').value,
  count: Number($('f-count').value), delayMs: Number($('f-delay').value) });
$('clear-faults').onclick = () => fetch('/sandbox/faults', { method: 'DELETE' }).then(refresh);
refresh(); setInterval(refresh, 2000);
`;

const options = (values: readonly string[]) =>
  values.map((value) => `<option>${value}</option>`).join('');

/** The whole page; `routes` and `kinds` fill the fault form. */
export function pageHtml(routes: readonly string[], kinds: readonly string[]): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Pay Score sandbox</title>
<style>${STYLE}</style></head><body>
<h1>Pay Score sandbox <span class="note">(local only, not WeChat Pay)</span></h1>
<p id="merchant" class="note"></p>
<h2>Orders</h2>
<table><thead><tr><th>out_order_no</th><th>state</th><th>total</th><th>user</th>
<th>notifications</th><th>act as user / Pay Score</th></tr></thead>
<tbody id="orders"></tbody></table>
<h2>Faults</h2>
<p>Next <input id="f-count" type="number" value="1" min="1" style="width:4em"> call(s) of
<select id="f-route">${options(routes)}</select> get <select id="f-kind">${options(kinds)}</select>
(delay <input id="f-delay" type="number" value="1000" min="0" style="width:6em"> ms)
<button id="add-fault">add</button><button id="clear-faults">clear</button></p>
<p>Pending: <code id="faults"></code></p>
<h2>Last action</h2><pre id="result" class="note">none</pre>
<script>${SCRIPT}</script></body></html>`;
}

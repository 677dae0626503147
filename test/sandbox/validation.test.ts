import { strict as assert } from 'node:assert';
import { formatBeijingTime, loadConfig, type PayScoreConfig } from '../../src/payscore';
import type { Sandbox } from '../../src/sandbox';
import { clientFor, createConfirmed, memorySandbox, orderNo, signedRequest } from './helpers';

const PATH = '/v3/payscore/serviceorder';
type Json = Record<string, unknown>;

describe('sandbox: field validation like WeChat Pay', () => {
  let sandbox: Sandbox;
  let config: PayScoreConfig;
  before(async () => {
    sandbox = await memorySandbox();
    config = loadConfig(sandbox.merchantEnv);
  });
  after(() => sandbox.close());

  const call = async (method: string, path: string, body?: Json) => {
    const reply = await signedRequest(sandbox, method, path, body ? JSON.stringify(body) : '');
    return { status: reply.status, json: JSON.parse(reply.body) as Json & { detail?: Json } };
  };
  const validCreate = (): Json => ({
    appid: config.appid,
    service_id: config.serviceId,
    out_order_no: orderNo('V'),
    service_introduction: '充电宝租借',
    post_payments: [{ name: '租借费', amount: 300, description: '每小时3元', count: 1 }],
    time_range: { start_time: 'OnAccept' },
    risk_fund: { name: 'DEPOSIT', amount: 9900 },
    notify_url: config.notifyUrl,
    need_user_confirm: true,
  });

  it('accepts a valid create, ignores unknown fields, counts Chinese as one', async () => {
    const body = { ...validCreate(), service_introduction: '充'.repeat(20), future_field: 1 };
    const { status, json } = await call('POST', PATH, body);
    assert.equal(status, 200);
    assert.equal(json.state, 'CREATED');
    assert.equal(json.future_field, undefined);
  });

  const paramCases: [string, (body: Json) => void, string][] = [
    ['out_order_no too long', (b) => (b.out_order_no = 'A'.repeat(33)), '/out_order_no'],
    ['out_order_no bad character', (b) => (b.out_order_no = 'A B'), '/out_order_no'],
    ['no out_order_no', (b) => delete b.out_order_no, '/out_order_no'],
    [
      'service_introduction of 21',
      (b) => (b.service_introduction = '充'.repeat(21)),
      '/service_introduction',
    ],
    [
      '101 post_payments',
      (b) => (b.post_payments = Array(101).fill({ name: 'x', amount: 0 })),
      '/post_payments',
    ],
    [
      'payment name of 21',
      (b) => (b.post_payments = [{ name: 'n'.repeat(21) }]),
      '/post_payments/0/name',
    ],
    ['payment without name', (b) => (b.post_payments = [{ amount: 1 }]), '/post_payments/0/name'],
    [
      'description of 31',
      (b) => (b.post_payments = [{ name: 'a', description: 'd'.repeat(31) }]),
      '/post_payments/0/description',
    ],
    [
      'negative amount',
      (b) => (b.post_payments = [{ name: 'a', amount: -1 }]),
      '/post_payments/0/amount',
    ],
    [
      'fractional amount',
      (b) => (b.post_payments = [{ name: 'a', amount: 1.5 }]),
      '/post_payments/0/amount',
    ],
    [
      'amount as string',
      (b) => (b.post_payments = [{ name: 'a', amount: '100' }]),
      '/post_payments/0/amount',
    ],
    ['unknown risk fund', (b) => (b.risk_fund = { name: 'FOO', amount: 100 }), '/risk_fund/name'],
    ['risk fund of 0', (b) => (b.risk_fund = { name: 'DEPOSIT', amount: 0 }), '/risk_fund/amount'],
    [
      'risk fund over the cap',
      (b) => (b.risk_fund = { name: 'DEPOSIT', amount: 100001 }),
      '/risk_fund/amount',
    ],
    [
      'fees over the risk fund',
      (b) => (b.post_payments = [{ name: 'a', amount: 9901 }]),
      '/post_payments',
    ],
    [
      'start_time not a time',
      (b) => (b.time_range = { start_time: 'tomorrow' }),
      '/time_range/start_time',
    ],
    ['no time_range', (b) => delete b.time_range, '/time_range'],
    ['no notify_url', (b) => delete b.notify_url, '/notify_url'],
    ['notify_url with query', (b) => (b.notify_url = 'https://example.com/n?a=1'), '/notify_url'],
    ['need_user_confirm missing', (b) => delete b.need_user_confirm, '/need_user_confirm'],
  ];
  for (const [name, mutate, field] of paramCases) {
    it(`create: ${name} → 400 PARAM_ERROR ${field}`, async () => {
      const body = validCreate();
      mutate(body);
      const { status, json } = await call('POST', PATH, body);
      assert.equal(status, 400);
      assert.equal(json.code, 'PARAM_ERROR');
      assert.equal(json.detail?.field, field);
    });
  }

  it('create: a start_time in the past is refused with WeChat’s message', async () => {
    const past = formatBeijingTime(Date.now() - 60 * 1000);
    const { status, json } = await call('POST', PATH, {
      ...validCreate(),
      time_range: { start_time: past },
    });
    assert.equal(status, 400);
    assert.equal(json.detail?.field, '/time_range/start_time');
    assert.match(String(json.message), /^服务开始时间不能早于调用接口时间/);
    const future = formatBeijingTime(Date.now() + 60 * 60 * 1000);
    assert.equal(
      (await call('POST', PATH, { ...validCreate(), time_range: { start_time: future } })).status,
      200,
    );
  });

  it('create: wrong appid or service_id, or need_user_confirm false → 403 NO_AUTH', async () => {
    for (const change of [
      { appid: 'wx0000000000000000' },
      { service_id: '1'.repeat(32) },
      { need_user_confirm: false },
    ]) {
      const { status, json } = await call('POST', PATH, { ...validCreate(), ...change });
      assert.equal(status, 403);
      assert.deepEqual([json.code, json.message], ['NO_AUTH', '商户暂无权限使用此服务']);
    }
  });

  it('query: exactly one of out_order_no / query_id, each once, own ids', async () => {
    const ids = `service_id=${config.serviceId}&appid=${config.appid}`;
    for (const query of [ids, `${ids}&out_order_no=A&query_id=B`, `${ids}&query_id=A&query_id=B`]) {
      const { status, json } = await call('GET', `${PATH}?${query}`);
      assert.equal(status, 400, query);
      assert.equal(json.code, 'PARAM_ERROR');
    }
    const other = await call(
      'GET',
      `${PATH}?service_id=${config.serviceId}&appid=wx0000000000000000&out_order_no=A`,
    );
    assert.equal(other.status, 403);
  });

  it('complete: amounts, times and the path-only out_order_no', async () => {
    const { outOrderNo } = await createConfirmed(sandbox, clientFor(sandbox));
    const path = `${PATH}/${outOrderNo}/complete`;
    const now = formatBeijingTime(Date.now());
    const base = {
      appid: config.appid,
      service_id: config.serviceId,
      post_payments: [{ name: '租借费', amount: 300 }],
      total_amount: 300,
      time_range: { end_time: now },
    };
    const cases: [Json, string, string][] = [
      [{ total_amount: 299 }, '/total_amount', '最终总金额计算非法'],
      [
        { post_payments: [{ name: 'a', amount: 9901 }], total_amount: 9901 },
        '/total_amount',
        '总金额不能超过订单风险金额',
      ],
      [
        { time_range: undefined },
        '/time_range/end_time',
        '创建订单未填写服务结束时间,则结束时间必填',
      ],
      [
        { time_range: { end_time: formatBeijingTime(Date.now() + 3600e3) } },
        '/time_range/end_time',
        '实际结束时间不能晚于使用完结接口的时间',
      ],
      [
        { time_range: { end_time: formatBeijingTime(Date.now() - 3600e3) } },
        '/time_range/end_time',
        '真实结束时间小于预计开始时间',
      ],
      [
        { out_order_no: outOrderNo },
        '/out_order_no',
        'out_order_no 应通过URL路径传递，请求体中不能包含此字段',
      ],
      [{ post_payments: [], total_amount: 0 }, '/post_payments', ''],
    ];
    for (const [change, field, message] of cases) {
      const { status, json } = await call('POST', path, { ...base, ...change });
      assert.equal(status, 400, field);
      assert.equal(json.code, 'PARAM_ERROR');
      assert.equal(json.detail?.field, field);
      if (message) assert.equal(json.message, message);
    }
    const ok = await call('POST', path, base);
    assert.equal(ok.status, 200);
    assert.equal(ok.json.state_description, 'MCH_COMPLETE');
  });

  it('operations: a malformed out_order_no in the path is 400, an unknown one 404', async () => {
    const body = { appid: config.appid, service_id: config.serviceId, reason: '测试' };
    const bad = await call('POST', `${PATH}/${'A'.repeat(33)}/cancel`, body);
    assert.deepEqual(
      [bad.status, bad.json.code, bad.json.detail?.location],
      [400, 'PARAM_ERROR', 'path'],
    );
    const missing = await call('POST', `${PATH}/NO-SUCH-ORDER/cancel`, body);
    assert.deepEqual([missing.status, missing.json.code], [404, 'ORDER_NOT_EXIST']);
  });
});

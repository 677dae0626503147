import { strict as assert } from 'node:assert';
import { UserFacingError, toFailure } from '../../src/functions/lib/failure';
import { parseRequest } from '../../src/functions/lib/input';
import { ApiError, ConfigError, TransportError, ValidationError } from '../../src/payscore';

function refused(event: unknown): string {
  try {
    parseRequest(event);
  } catch (error) {
    assert.ok(error instanceof UserFacingError, String(error));
    assert.equal(error.code, 'INVALID_INPUT');
    return error.userMessage;
  }
  throw new Error(`accepted ${JSON.stringify(event)}`);
}

describe('functions/input', () => {
  it('accepts each action with its fields, and the userInfo WeChat adds', () => {
    const userInfo = { appId: 'wx0000000000000000', openId: 'oUser' };
    assert.deepEqual(parseRequest({ action: 'start', userInfo }), { action: 'start' });
    assert.deepEqual(parseRequest({ action: 'query', query_id: 'Q1' }), {
      action: 'query',
      query_id: 'Q1',
    });
    assert.deepEqual(parseRequest({ action: 'finish', out_order_no: 'PS1' }), {
      action: 'finish',
      out_order_no: 'PS1',
    });
  });

  it('refuses an amount, an openid or any field an action does not take', () => {
    assert.match(refused({ action: 'start', total_amount: 1 }), /不支持的参数 "total_amount"/);
    assert.match(refused({ action: 'list', openid: 'oOther' }), /不支持的参数 "openid"/);
  });

  it('refuses wrong types, unknown actions and missing fields', () => {
    assert.equal(refused(null), '请求格式有误');
    assert.equal(refused(['start']), '请求格式有误');
    assert.equal(refused({ action: 'refund' }), '不支持的操作');
    assert.equal(refused({ action: 'toString' }), '不支持的操作');
    assert.equal(refused({ action: 'finish' }), '订单号格式有误');
    assert.equal(refused({ action: 'finish', out_order_no: 42 }), '订单号格式有误');
    assert.equal(refused({ action: 'query' }), '请提供订单号或 query_id 其中之一');
    assert.equal(
      refused({ action: 'query', out_order_no: 'PS1', query_id: 'Q' }),
      '请提供订单号或 query_id 其中之一',
    );
  });

  it('refuses huge strings and __proto__ keys', () => {
    assert.equal(
      refused({ action: 'finish', out_order_no: 'x'.repeat(100_000) }),
      '订单号格式有误',
    );
    assert.equal(refused({ action: 'query', query_id: 'q'.repeat(513) }), 'query_id 格式有误');
    assert.equal(refused({ action: 'query', query_id: 'a b' }), 'query_id 格式有误');
    assert.equal(refused({ action: 'query', query_id: 'a\u0000b' }), 'query_id 格式有误');
    const polluted = JSON.parse('{"action":"list","__proto__":{"admin":true}}');
    assert.match(refused(polluted), /不支持的参数 "__proto__"/);
    assert.equal(({} as Record<string, unknown>).admin, undefined);
  });
});

describe('functions/failure', () => {
  it('turns each error into a Chinese message without internals', () => {
    const cases: [unknown, string][] = [
      [
        new ConfigError(['WECHATPAY_APIV2_KEY'], ['WECHATPAY_APIV2_KEY is not set']),
        'CONFIG_ERROR',
      ],
      [new ValidationError('reason', 'too long'), 'INVALID_INPUT'],
      [new TransportError('no reply within 4000 ms', true), 'UPSTREAM_TIMEOUT'],
      [new ApiError(500, 'SYSTEM_ERROR', '系统错误', undefined, 'R1'), 'UPSTREAM_TIMEOUT'],
      [new ApiError(404, 'ORDER_NOT_EXIST', '订单不存在', undefined, 'R1'), 'NOT_FOUND'],
      [new ApiError(403, 'NO_AUTH', '商户暂无权限使用此服务', undefined, 'R1'), 'CONFIG_ERROR'],
      [
        new ApiError(400, 'INVALID_REQUEST', '当前订单状态不合法', undefined, 'R1'),
        'INVALID_STATE',
      ],
      [new Error('boom at /srv/secret/path'), 'INTERNAL'],
    ];
    for (const [error, code] of cases) {
      const failure = toFailure(error);
      assert.equal(failure.code, code, String(error));
      assert.match(failure.message, /[\u4e00-\u9fa5]/);
      assert.ok(!/secret|Error|\bat\b/.test(failure.message), failure.message);
    }
  });
});

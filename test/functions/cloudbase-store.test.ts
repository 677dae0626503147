import { strict as assert } from 'node:assert';
import * as cloud from 'wx-server-sdk';
import {
  CloudBaseOrderStore,
  NOTIFICATIONS_COLLECTION,
  ORDERS_COLLECTION,
  type CloudCollection,
  type CloudDatabase,
  type CloudQuery,
} from '../../src/functions/lib/store/cloudbase-store';
import type { OrderRecord } from '../../src/functions/lib/store/order-store';

interface Call {
  collection: string;
  chain: string[];
  op: string;
  arg?: unknown;
}

/** Records every chain the store builds and answers with scripted results. */
function recordingDatabase(answers: Record<string, unknown[]> = {}) {
  const calls: Call[] = [];
  const answer = (op: string) => {
    const queue = answers[op] ?? [];
    const next = queue.shift();
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  const query = (collection: string, chain: string[]): CloudQuery => ({
    orderBy: (field, order) => query(collection, [...chain, `orderBy(${field},${order})`]),
    limit: (n) => query(collection, [...chain, `limit(${n})`]),
    get: () => (calls.push({ collection, chain, op: 'get' }), answer('get')),
    update: (options) => (
      calls.push({ collection, chain, op: 'update', arg: options }),
      answer('update')
    ),
  });
  const db: CloudDatabase = {
    command: { inc: (n: number) => ({ $inc: n }) },
    collection: (name): CloudCollection => ({
      add: (options) => (
        calls.push({ collection: name, chain: [], op: 'add', arg: options }),
        answer('add')
      ),
      where: (q) => query(name, [`where(${JSON.stringify(q)})`]),
    }),
  };
  return { db, calls };
}

const RECORD: OrderRecord = {
  out_order_no: 'PS1',
  openid: 'oUser',
  status: 'CREATING',
  service_introduction: '共享充电宝租借',
  fee_per_hour: 200,
  risk_fund_amount: 9900,
  created_at: 1,
  updated_at: 1,
  version: 0,
};

describe('functions/store/cloudbase-store', () => {
  it('inserts an order with out_order_no as _id', async () => {
    const { db, calls } = recordingDatabase({ add: [{ _id: 'PS1' }] });
    await new CloudBaseOrderStore(db).insert(RECORD);
    assert.deepEqual(calls, [
      {
        collection: ORDERS_COLLECTION,
        chain: [],
        op: 'add',
        arg: { data: { _id: 'PS1', ...RECORD } },
      },
    ]);
  });

  it('reads one order by _id and strips the database fields', async () => {
    const row = { _id: 'PS1', _openid: 'x', ...RECORD };
    const { db, calls } = recordingDatabase({ get: [{ data: [row] }, { data: [] }] });
    const store = new CloudBaseOrderStore(db);
    assert.deepEqual(await store.get('PS1'), RECORD);
    assert.equal(await store.get('PS2'), undefined);
    assert.deepEqual(calls[0].chain, ['where({"_id":"PS1"})', 'limit(1)']);
  });

  it("lists a user's orders newest first", async () => {
    const { db, calls } = recordingDatabase({ get: [{ data: [RECORD] }] });
    assert.deepEqual(await new CloudBaseOrderStore(db).listByOpenid('oUser', 50), [RECORD]);
    assert.deepEqual(calls[0].chain, [
      'where({"openid":"oUser"})',
      'orderBy(created_at,desc)',
      'limit(50)',
    ]);
  });

  it('updates with compare-and-set on version and raises it', async () => {
    const { db, calls } = recordingDatabase({
      update: [{ stats: { updated: 1 } }, { stats: { updated: 0 } }],
    });
    const store = new CloudBaseOrderStore(db);
    assert.equal(await store.update('PS1', 3, { status: 'IN_SERVICE' }), true);
    assert.equal(await store.update('PS1', 3, { status: 'IN_SERVICE' }), false);
    assert.deepEqual(calls[0], {
      collection: ORDERS_COLLECTION,
      chain: ['where({"_id":"PS1","version":3})'],
      op: 'update',
      arg: { data: { status: 'IN_SERVICE', version: { $inc: 1 } } },
    });
  });

  it('remembers notification ids and reports a duplicate add as seen', async () => {
    const duplicate = new Error('duplicate key');
    const { db, calls } = recordingDatabase({
      add: [{}, duplicate],
      get: [{ data: [{ _id: 'PAYSCORE.USER_CONFIRM:EV-1' }] }],
    });
    const store = new CloudBaseOrderStore(db);
    assert.equal(await store.rememberNotification('PAYSCORE.USER_CONFIRM:EV-1'), true);
    assert.equal(await store.rememberNotification('PAYSCORE.USER_CONFIRM:EV-1'), false);
    assert.equal(calls[0].collection, NOTIFICATIONS_COLLECTION);
    assert.equal(
      (calls[0].arg as { data: { _id: string } }).data._id,
      'PAYSCORE.USER_CONFIRM:EV-1',
    );
  });

  it('passes on a failed add that was not a duplicate', async () => {
    const { db } = recordingDatabase({ add: [new Error('network down')], get: [{ data: [] }] });
    await assert.rejects(new CloudBaseOrderStore(db).rememberNotification('K'), /network down/);
  });

  it("fits wx-server-sdk's real database object", () => {
    // Builds the real SDK's query objects offline (no request is sent) to check the calls exist.
    cloud.init({ env: 'local-test-env' });
    const db = cloud.database() as unknown as CloudDatabase;
    const collection = db.collection(ORDERS_COLLECTION);
    assert.equal(typeof collection.add, 'function');
    const query = collection.where({ _id: 'x', version: 1 });
    assert.equal(typeof query.update, 'function');
    const listed = collection.where({ openid: 'o' }).orderBy('created_at', 'desc').limit(5);
    assert.equal(typeof listed.get, 'function');
    assert.equal(typeof db.command.inc, 'function');
  });
});

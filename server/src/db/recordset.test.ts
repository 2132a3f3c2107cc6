import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../platform/notify/notify.tables.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { insertRecordset, insertRecordsetReturning } from './recordset.js';

describe('rows written as one jsonb recordset', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes the rows in the order given, maps them back as drizzle would, and leaves defaults to unset keys', async () => {
    const before = new Date();
    const rows = await insertRecordsetReturning(t.deps.db, outbox, [
      {
        topic: 'recordset.first',
        aggregateType: 'test',
        aggregateId: 'a',
        regionCode: '230103',
        payload: { n: 1, list: [1, 'два'] },
      },
      { topic: 'recordset.second', aggregateType: 'test', aggregateId: 'b', payload: { nested: { ok: true } } },
      { topic: 'recordset.third', aggregateType: 'test', aggregateId: 'c', regionCode: null, payload: {} },
    ]);
    expect(rows.map((r) => r.topic)).toEqual(['recordset.first', 'recordset.second', 'recordset.third']);
    const ids = rows.map((r) => r.id);
    expect(ids.every((id) => typeof id === 'number')).toBe(true);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(rows[0]?.payload).toEqual({ n: 1, list: [1, 'два'] });
    expect(rows[1]?.payload).toEqual({ nested: { ok: true } });
    // A key one row sets and another leaves out is NULL there; keys no row sets take their defaults.
    expect(rows.map((r) => r.regionCode)).toEqual(['230103', null, null]);
    expect(rows[0]?.attempts).toBe(0);
    expect(rows[0]?.createdAt).toBeInstanceOf(Date);
    expect(rows[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    expect(rows[0]?.dispatchedAt).toBeNull();
    const read = await t.deps.db.select().from(outbox).where(inArray(outbox.id, ids)).orderBy(outbox.id);
    expect(read).toEqual(rows);
  });

  it('turns a lone surrogate into U+FFFD as a text parameter would, and keeps pairs and backslashes', async () => {
    const texts = ['lone \ud800 high', 'lone \udc00 low', 'pair 😀 kept', 'a backslash \\ud800 stays text'];
    const rows = await insertRecordsetReturning(
      t.deps.db,
      outbox,
      texts.map((text, i) => ({ topic: 'recordset.text', aggregateType: 'test', aggregateId: `s${i}`, lastError: text })),
    );
    expect(rows.map((r) => r.lastError)).toEqual([
      'lone \ufffd high',
      'lone \ufffd low',
      'pair 😀 kept',
      'a backslash \\ud800 stays text',
    ]);
  });

  it('writes a derived column from its key and nothing for no rows', async () => {
    await insertRecordset(t.deps.db, outbox, []);
    await insertRecordset(t.deps.db, outbox, [{ topic: 'recordset.derived', aggregateType: 'test', aggregateId: 'd1' }], {
      derived: { aggregateId: (value) => sql`upper(${value})` },
    });
    const [row] = await t.deps.db
      .select()
      .from(outbox)
      .where(inArray(outbox.topic, ['recordset.derived']));
    expect(row?.aggregateId).toBe('D1');
  });
});

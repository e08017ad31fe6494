// The query builder shares the context's one SQLite handle: it sees what the rest of the app wrote, a failed
// transaction leaves nothing behind, and after a reopen (a restore) it reads the new file.
import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../../electron/data/queries';
import { openTestContext } from './support/context';
import { settingsRepository } from '../../electron/data/settings';

const contexts: ReturnType<typeof openTestContext>[] = [];
afterEach(() => contexts.splice(0).forEach((ctx) => ctx.cleanup()));

function context() {
  const ctx = openTestContext();
  contexts.push(ctx);
  return ctx;
}

describe('data queries on the context', () => {
  it('reads what the handle wrote and writes what the handle reads', async () => {
    const ctx = context();
    ctx.db.prepare('INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)').run('probe', '{"a":1}', ctx.now());
    const row = await ctx.data.selectFrom('settings').select('value_json').where('key', '=', 'probe').executeTakeFirst();
    expect(row?.value_json).toBe('{"a":1}');
    await ctx.data.insertInto('settings').values({ key: 'second', value_json: '2', updated_at: ctx.now() }).execute();
    expect(ctx.db.prepare('SELECT value_json FROM settings WHERE key = ?').get('second')).toEqual({ value_json: '2' });
  });

  it('writes nothing of a transaction that fails', async () => {
    const ctx = context();
    await expect(
      inTransaction(ctx.data, async (tx) => {
        await tx.insertInto('settings').values({ key: 'half', value_json: '1', updated_at: ctx.now() }).execute();
        throw new Error('midway');
      }),
    ).rejects.toThrow('midway');
    expect(await settingsRepository(ctx.data).get('half')).toBeUndefined();
  });

  it('follows the database across a reopen', async () => {
    const ctx = context();
    const before = ctx.data;
    await ctx.reopen();
    expect(ctx.data).not.toBe(before);
    const marks = await ctx.data.selectFrom('protected_marks').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(marks.n)).toBe((ctx.db.prepare('SELECT count(*) AS n FROM protected_marks').get() as { n: number }).n);
  });
});

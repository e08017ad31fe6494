// A fixture shared by the tests of one describe block. Kept apart from stores.ts, which the Playwright fixtures
// import too, and which must not pull vitest into Playwright's process.
import { afterAll, beforeEach } from 'vitest';

/**
 * Opens the fixture before the block's first test and closes it after the block. Every test awaits it in a
 * beforeEach, so PostgreSQL not answering fails each test with its message (a failing beforeAll would show the
 * tests as skipped).
 */
export function openedOnce<T>(open: () => Promise<T>, close: (value: T) => Promise<void>): () => T {
  let opening: Promise<T> | undefined;
  let value: T | undefined;
  beforeEach(async () => {
    value = await (opening ??= open());
  });
  afterAll(async () => {
    const opened = await opening?.catch(() => undefined);
    if (opened !== undefined) await close(opened);
  });
  return () => {
    if (value === undefined) throw new Error('the fixture is read inside a test, after its beforeEach');
    return value;
  };
}

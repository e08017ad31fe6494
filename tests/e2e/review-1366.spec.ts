// Issue 10 item 2: the review queue at 1366×768 — at least 15 rows in view with the detail beside them and the
// filters on one row; c/d/u decide and move on; filters, sort and scroll survive leaving the page; a new sort goes
// to the top; "select all N matching" decides every matching hit, not only the 200 loaded; undo with Ctrl+Z and 撤销.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, openApp, test, type WebServer } from './fixtures';
import { FILINGS, LISTINGS, api, allUndecided, fullyVisibleRows, goTo, importBatch, importDevRegistry, skipWithoutDevSet, writeRepeatGazette } from './clerk-data';

/** The dev registry and gazette, and a second gazette repeating the filings that hit: some 330 filing hits. */
async function loadQueue(server: WebServer): Promise<void> {
  await importDevRegistry(server);
  await importBatch(server, FILINGS, 'filing');
  await importBatch(server, await writeRepeatGazette(server, mkdtempSync(path.join(tmpdir(), 'markguard-e2e-')), 4), 'filing');
}

test.use({ viewport: { width: 1366, height: 768 } });

test('at 1366×768: 15+ rows, detail beside, one filter row; c/d/u move on; the place is kept; a new sort goes to the top', async ({ page, server }) => {
  skipWithoutDevSet();
  test.setTimeout(150_000);
  await loadQueue(server);
  await openApp(page, server);
  await goTo(page, '抢注审查');
  const rows = page.locator('.hit-grid .grid-body [role="row"]');
  await expect(rows.first()).toBeVisible();
  // The deadline notice is on top (some oppositions fall due within 14 days): the rows must fit all the same.
  await expect(page.locator('.deadline-notice')).toBeVisible();
  await page.keyboard.press('j');
  await expect(page.getByLabel('命中详情')).toBeVisible();
  expect(await fullyVisibleRows(page)).toBeGreaterThanOrEqual(15);
  const filters = page.locator('.hit-filters');
  expect((await filters.boundingBox())?.height ?? 99).toBeLessThan(40);
  // The detail is beside the table, not under it.
  const grid = await page.locator('.hit-grid').boundingBox();
  const detail = await page.getByLabel('命中详情').boundingBox();
  expect(detail && grid && detail.x >= grid.x + grid.width - 1).toBe(true);

  // c, d (+ Enter), u each decide the current hit and move on to the next.
  await page.keyboard.press('c');
  await expect(rows.nth(0).locator('.decision')).toHaveText('已确认');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('d');
  await page.keyboard.press('Enter');
  await expect(rows.nth(1).locator('.decision')).toHaveText('排除·不近似');
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('u');
  await expect(rows.nth(3)).toHaveAttribute('aria-selected', 'true');

  // Filter, sort and scroll, then leave and come back.
  await page.getByRole('combobox', { name: '按异议期限筛选' }).selectOption('any');
  await page.getByRole('combobox', { name: '按结论筛选' }).selectOption('');
  // a new sort scrolls to the top when its rows arrive: scroll only after they did
  const sorted = page.waitForResponse((response) => response.url().includes('hits.query'));
  await page.locator('.hit-grid').getByRole('button', { name: /^申请人/ }).click();
  await expect(page.getByRole('columnheader', { name: /^申请人/ })).toHaveAttribute('aria-sort', 'ascending');
  await sorted;
  const body = page.locator('.hit-grid .grid-body');
  await expect
    .poll(async () => {
      await body.evaluate((el) => el.scrollTo(0, 1500));
      return body.evaluate((el) => el.scrollTop);
    })
    .toBeGreaterThan(1400);
  // the virtualized table renders the rows of the new place a frame after the scroll: wait for them
  const rowInView = () => page.evaluate(() => {
    const b = document.querySelector('.hit-grid .grid-body')!.getBoundingClientRect();
    const row = [...document.querySelectorAll('.hit-grid .grid-body [role="row"]')].find((r) => r.getBoundingClientRect().top >= b.top);
    return row?.getAttribute('data-hit-id') ?? null;
  });
  await expect.poll(rowInView).not.toBeNull();
  const firstInView = await rowInView();
  await goTo(page, '到期提醒');
  await expect(page.getByRole('heading', { name: '到期提醒' })).toBeVisible();
  await goTo(page, '抢注审查');
  await expect(page.getByRole('combobox', { name: '按异议期限筛选' })).toHaveValue('any');
  await expect(page.getByRole('combobox', { name: '按结论筛选' })).toHaveValue('');
  await expect(page.getByRole('columnheader', { name: /^申请人/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(1400);
  await expect(page.locator(`.hit-grid .grid-body [data-hit-id="${firstInView}"]`)).toBeInViewport();

  // A new sort starts at the top.
  await page.locator('.hit-grid').getByRole('button', { name: /^分数/ }).click();
  await expect(page.getByRole('columnheader', { name: /^分数/ })).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBe(0);
});

test('select all N matching the filter decides every one of them; Ctrl+Z and 撤销 undo the latest decision', async ({ page, server }) => {
  skipWithoutDevSet();
  test.setTimeout(150_000);
  await loadQueue(server);
  await importBatch(server, LISTINGS, 'listing');
  await openApp(page, server);
  await goTo(page, '抢注审查');
  const total = await allUndecided(page);
  expect(total, 'more hits than one page of 200').toBeGreaterThan(200);
  await expect(page.locator('.hit-count')).toHaveText(`共 ${total} 件申请，已载入 200 件`);

  await page.getByRole('checkbox', { name: '全选已载入的行' }).check();
  await expect(page.getByText('已选 200 条：')).toBeVisible();
  await page.getByRole('button', { name: `选择符合筛选的全部 ${total} 条` }).click();
  await expect(page.getByText(`已选符合筛选的全部 ${total} 条：`)).toBeVisible();
  await page.getByRole('button', { name: '批量排除…' }).click();
  const dialog = page.getByRole('dialog', { name: '排除命中' });
  await expect(dialog).toContainText(`排除选中的 ${total} 件`);
  await page.keyboard.press('Enter');
  const notice = page.locator('.toast').filter({ hasText: /已将 \d+ 条命中标记为「已排除」/ });
  await expect(notice).toBeVisible();
  // Every matching hit was decided on the server, the unloaded ones too.
  const undecided = await api(server, 'hits.query', { source: 'filing', decision: 'undecided', limit: 1 });
  expect(undecided.total).toBe(0);
  // Listings were not in the filter: untouched.
  expect((await api(server, 'hits.facets', { source: 'listing' })).counts.dismissed).toBe(0);

  // 撤销 in the notice puts them all back.
  await notice.getByRole('button', { name: '撤销' }).click();
  await expect(page.locator('.toast').filter({ hasText: /已撤销，\d+ 条命中恢复为原来的结论/ })).toBeVisible();
  expect((await api(server, 'hits.query', { source: 'filing', decision: 'undecided', limit: 1 })).total).toBe(total);
  await expect(page.locator('.hit-count')).toHaveText(`共 ${total} 件申请，已载入 200 件`);

  // Ctrl+Z undoes a single decision made with the keyboard, and that hit is current again.
  const rows = page.locator('.hit-grid .grid-body [role="row"]');
  await page.keyboard.press('j');
  await page.keyboard.press('c');
  await expect(rows.nth(0).locator('.decision')).toHaveText('已确认');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Control+z');
  await expect(rows.nth(0).locator('.decision')).toHaveText('待定');
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  expect((await api(server, 'hits.facets', { source: 'filing' })).counts.confirmed).toBe(0);
});

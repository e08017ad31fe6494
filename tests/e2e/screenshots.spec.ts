// Issue 10 "What it must show": every main page (and the listings queue) with real data at 1366×768 and 1920×1080, into
// test-results/screenshots/<page>-1366.png and <page>-1920.png, with checks that the 1366 pictures hold what a
// clerk needs (15+ queue rows, nothing cut off sideways).
import { expect, openApp, test } from './fixtures';
import type { Page } from '@playwright/test';
import { FILINGS, LISTINGS, api, fullyVisibleRows, goTo, importBatch, importDevRegistry, shoot, skipWithoutDevSet } from './clerk-data';

const SIZES = [[1366, 768], [1920, 1080]] as const;

/** No element of the page is wider than the window (nothing needs a sideways scroll). */
async function noSidewaysOverflow(page: Page): Promise<void> {
  const overflow = await page.locator('.app-content').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow, 'the page needs no sideways scrolling').toBeLessThanOrEqual(0);
}

test('screenshots of registry, batches, review, deadlines, dashboard and the letter preview at 1366 and 1920', async ({ page, server }) => {
  skipWithoutDevSet();
  test.setTimeout(240_000);
  await importDevRegistry(server);
  await importBatch(server, FILINGS, 'filing');
  await importBatch(server, LISTINGS, 'listing');
  const { rows } = await api(server, 'hits.query', { source: 'filing', sortBy: 'score', limit: 12 });
  await api(server, 'hits.decide', { hitIds: rows.slice(0, 6).map((r) => r.hitId), decision: 'confirmed' });
  await api(server, 'hits.decide', { hitIds: rows.slice(6, 9).map((r) => r.hitId), decision: 'dismissed', dismissReason: '不近似' });
  await api(server, 'letters.draftFromHits', { hitIds: rows.slice(0, 3).map((r) => r.hitId), kind: 'referral' });
  await openApp(page, server);

  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });

    await goTo(page, '保护名录');
    await expect(page.locator('.grid-body [role="row"]').first()).toBeVisible();
    await noSidewaysOverflow(page);
    await shoot(page, `registry-${width}`);

    await goTo(page, '筛查批次');
    await expect(page.locator('.batch-table tbody tr')).toHaveCount(2);
    await noSidewaysOverflow(page);
    await shoot(page, `batches-${width}`);

    // The queue as it opens: what can still be opposed, nearest deadline first.
    await goTo(page, '抢注审查');
    await expect(page.locator('.hit-grid .grid-body [role="row"]').first()).toBeVisible();
    await page.locator('.hit-grid .grid-body').click({ position: { x: 300, y: 10 } });
    await expect(page.getByLabel('命中详情').locator('.aligned .al').first()).toBeVisible();
    if (width === 1366) expect(await fullyVisibleRows(page)).toBeGreaterThanOrEqual(15);
    await noSidewaysOverflow(page);
    await shoot(page, `review-${width}`);

    await goTo(page, '电商商品');
    await expect(page.locator('.hit-grid .grid-body [role="row"]').first()).toBeVisible();
    await noSidewaysOverflow(page);
    await shoot(page, `listings-${width}`);

    await goTo(page, '到期提醒');
    await expect(page.getByRole('table', { name: '可异议的申请' }).locator('tbody tr').first()).toBeVisible();
    await noSidewaysOverflow(page);
    await shoot(page, `deadlines-${width}`);

    await goTo(page, '统计');
    await expect(page.locator('.echart canvas')).toHaveCount(3);
    await noSidewaysOverflow(page);
    await shoot(page, `dashboard-${width}`);

    // The draft made above, opened from the archive, then 预览.
    await goTo(page, '函件');
    await page.getByRole('tab', { name: '函件存档' }).click();
    await page.getByRole('button', { name: '编辑', exact: true }).first().click();
    await page.getByRole('region', { name: '编辑草稿' }).getByRole('button', { name: '预览' }).click();
    const preview = page.getByTestId('letter-preview');
    await expect(preview.locator('svg.letter-page').first()).toBeVisible();
    await page.locator('.toast').evaluateAll((toasts) => toasts.forEach((t) => t.remove()));
    await shoot(page, `letter-preview-${width}`);
    await page.keyboard.press('Escape');
  }
});

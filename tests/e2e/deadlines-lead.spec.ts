// Issue 10 item 1: what can still be opposed leads — the review queue, the deadlines page and the dashboard's
// 即将到期 list open on it, nearest deadline first; the overdue are a separate filter or section with its count.
import { expect, openApp, test } from './fixtures';
import { FILINGS, goTo, importBatch, skipWithoutDevSet } from './clerk-data';

const countdownDays = (text: string): number => {
  if (text === '今天截止') return 0;
  const left = /^剩 (\d+) 天$/.exec(text);
  if (left) return Number(left[1]);
  const over = /^已过期 (\d+) 天$/.exec(text);
  return over ? -Number(over[1]) : Number.NaN;
};

test('review, deadlines and dashboard open on what can still be opposed; overdue apart with its count', async ({ page, server }) => {
  skipWithoutDevSet();
  test.setTimeout(120_000);
  await importBatch(server, FILINGS, 'filing');
  await openApp(page, server);

  // The review queue: undecided, still opposable, nearest deadline first.
  await goTo(page, '抢注审查');
  const deadline = page.getByRole('combobox', { name: '按异议期限筛选' });
  await expect(deadline).toHaveValue('open');
  await expect(page.getByRole('columnheader', { name: /^异议截止/ })).toHaveAttribute('aria-sort', 'ascending');
  const countdowns = page.locator('.hit-grid .grid-body .countdown');
  await expect(countdowns.first()).toBeVisible();
  const days = (await countdowns.allTextContents()).map(countdownDays);
  expect(days.every((d) => d >= 0), `no overdue row by default: ${days.join(',')}`).toBe(true);
  expect(days).toEqual([...days].sort((a, b) => a - b));
  // The overdue have their own filter, which says how many there are.
  const overdueOption = deadline.locator('option[value="overdue"]');
  await expect(overdueOption).toHaveText(/^已过期（待定 \d+）$/);
  const overdueCount = Number(/(\d+)/.exec((await overdueOption.textContent()) ?? '')?.[1]);
  expect(overdueCount).toBeGreaterThan(0);
  await deadline.selectOption('overdue');
  await expect(page.locator('.hit-count')).toHaveText(`共 ${overdueCount} 件申请`);

  // The deadlines page: the 可异议 section first, nearest first; 已过期 apart with its count.
  await goTo(page, '到期提醒');
  await expect(page.getByRole('radio', { name: /^可异议（\d+）$/ })).toBeChecked();
  const actionable = page.getByRole('table', { name: '可异议的申请' });
  await expect(actionable.locator('tbody tr').first()).toBeVisible();
  const pageDays = (await actionable.locator('tbody .countdown').allTextContents()).map(countdownDays);
  expect(pageDays.every((d) => d >= 0)).toBe(true);
  expect(pageDays).toEqual([...pageDays].sort((a, b) => a - b));
  const overdueRadio = page.getByRole('radio', { name: /^已过期（\d+）$/ });
  await overdueRadio.check();
  const overdueTable = page.getByRole('table', { name: '已过期的申请' });
  await expect(overdueTable.locator('tbody tr').first()).toBeVisible();
  const shownOverdue = await overdueTable.locator('tbody tr').count();
  await expect(overdueRadio).toHaveAccessibleName(`已过期（${shownOverdue}）`);
  expect((await overdueTable.locator('tbody .countdown').allTextContents()).every((t) => t.startsWith('已过期'))).toBe(true);

  // The dashboard's 即将到期: only what can still be opposed, nearest first; the overdue counted apart.
  await goTo(page, '统计');
  const due = page.getByRole('region', { name: '即将到期的异议期限' });
  await expect(due.locator('tbody tr').first()).toBeVisible();
  const dueDays = (await due.locator('tbody .countdown').allTextContents()).map(countdownDays);
  expect(dueDays.every((d) => d >= 0 && d <= 14)).toBe(true);
  expect(dueDays).toEqual([...dueDays].sort((a, b) => a - b));
  await expect(due.getByRole('link', { name: /^另有 \d+ 件申请已过异议期$/ })).toBeVisible();
});

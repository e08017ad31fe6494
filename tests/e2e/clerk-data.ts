// Data for the clerk's-eye tests (issue 10): the dev gazette and listings screened against the seeded registry,
// loaded through the same channels the app uses, and small page helpers. Where the contract changes how files are
// chosen, only this file needs to follow.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/api';
import { REPO_ROOT, expect, test, type WebServer } from './fixtures';

export const DEV = path.resolve(REPO_ROOT, '..', 'shared', 'bench', 'dev');
export const FILINGS = path.join(DEV, 'filings.csv');
export const LISTINGS = path.join(DEV, 'listings.csv');
export const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

export function skipWithoutDevSet(): void {
  const missing = [FILINGS, LISTINGS].filter((f) => !existsSync(f));
  test.skip(missing.length > 0, `dev set not found: ${missing.join(', ')}`);
}

const READS = new Set<Channel>(['batches.progress', 'batches.list', 'hits.query', 'hits.facets', 'dashboard.summary']);

export async function api<C extends Channel>(server: WebServer, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const send = () =>
    fetch(new URL(`/api/${channel}`, server.url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
  // A kept-alive connection the server has just closed fails the next request; a read can simply be sent again.
  const response = await send().catch((error: unknown) => {
    if (READS.has(channel)) return send();
    throw error;
  });
  const body = (await response.json()) as { ok: true; value: ChannelOutput<C> } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error.message}`);
  return body.value;
}

/** A token for a table file, chosen through the main process's (queued) open dialog. */
export async function tableToken(server: WebServer, file: string): Promise<string> {
  await server.queueDialog(file);
  const chosen = await api(server, 'files.open', { purpose: 'table' });
  if (chosen.status !== 'chosen') throw new Error('the open dialog was cancelled');
  return chosen.token;
}

/** The dev registry (64 marks) over the seeded one, as a clerk imports it. */
export async function importDevRegistry(server: WebServer): Promise<void> {
  const preview = await api(server, 'registry.importPreview', { fileToken: await tableToken(server, path.join(DEV, 'registry.csv')) });
  // four dev records repeat sample ones (玉树牦牛, 三江源, …): kept as separate records, as before the duplicate check
  await api(server, 'registry.importChoose', { token: preview.token, duplicates: 'keep' });
  await api(server, 'registry.importCommit', { token: preview.token });
}

/** Imports a dev file as a batch with the automatic column mapping and waits until it is screened. */
export async function importBatch(server: WebServer, file: string, kind: 'filing' | 'listing'): Promise<number> {
  const fileToken = await tableToken(server, file);
  const mapping = (await api(server, 'batches.previewFile', { fileToken, kind })).mapping;
  const { batchId } = await api(server, 'batches.startImport', { fileToken, kind, mapping });
  await expect
    .poll(async () => (await api(server, 'batches.progress', { batchId })).phase, { timeout: 60_000, intervals: [250] })
    .toBe('done');
  return batchId;
}

export async function goTo(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: label, exact: true }).click();
}

export async function shoot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  await test.info().attach(`${name}.png`, { path: file, contentType: 'image/png' });
  return file;
}

/** The number in "共 N 件申请…" (or 件商品) of a review queue: a filing or listing is one row. */
export async function hitTotal(page: Page): Promise<number> {
  const count = page.locator('.hit-count');
  await expect(count).toHaveText(/共 \d+ 件(申请|商品)/);
  return Number(/共 (\d+) 件/.exec((await count.textContent()) ?? '')?.[1]);
}

/** Once the queue shows every undecided hit (whatever the deadline): how many, as 待定（N） in the decision filter. */
export async function allUndecided(page: Page): Promise<number> {
  await page.getByRole('combobox', { name: '按异议期限筛选' }).selectOption('any');
  const option = page.getByRole('combobox', { name: '按结论筛选' }).locator('option[value="undecided"]');
  await expect(option).toHaveText(/^待定（\d+）$/);
  const total = Number(/(\d+)/.exec((await option.textContent()) ?? '')?.[1]);
  await expect(page.locator('.hit-count')).toHaveText(new RegExp(`^共 ${total} 件(申请|商品)`));
  return total;
}

/** Queue rows whose whole height is inside the table's scrolling body. */
export async function fullyVisibleRows(page: Page): Promise<number> {
  return page.locator('.hit-grid .grid-body').evaluate((body) => {
    const box = body.getBoundingClientRect();
    return [...body.querySelectorAll('[role="row"]')].filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.height > 0;
    }).length;
  });
}

/**
 * A second gazette file, like a later issue that repeats the dev filings that hit the registry under new
 * application numbers (`copies` times each), so the queue holds more hits than one page of 200.
 */
export async function writeRepeatGazette(server: WebServer, dir: string, copies: number): Promise<string> {
  const { rows } = await api(server, 'hits.query', { source: 'filing', limit: 1000 });
  const hitNumbers = new Set(rows.map((r) => r.filing?.applicationNumber));
  const [header, ...lines] = readFileSync(FILINGS, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const hitLines = lines.filter((line) => hitNumbers.has(line.split(',')[0]));
  const out = [header];
  for (let copy = 1; copy <= copies; copy++) {
    for (const line of hitLines) {
      const cells = line.split(',');
      cells[0] = `9${copy}${cells[0]}`;
      out.push(cells.join(','));
    }
  }
  const file = path.join(dir, '公告-重复.csv');
  writeFileSync(file, `${out.join('\r\n')}\r\n`);
  return file;
}

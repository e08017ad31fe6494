// The division the load test works on (issue 11): a gazette batch of a few thousand filings imported and screened
// by the server's own services against its registry (the sample registry a new server starts with), and the
// accounts of 20 people. Filings are made from the registry's names with the variations screening catches
// (the name itself, a word added, a character dropped), so most of them become hits; a share hit two marks.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AccountsService } from '../../electron/accounts/service';
import type { AppContext } from '../../electron/context';
import { createBatchService } from '../../electron/batches/service';
import { FILING_HEADERS } from '../../shared/formats/filings';
import type { Role } from '../../shared/contract/accounts';

const ADDED = ['', '牌', '优品', '坊', '源', '王', '记', '之家'];
const MAPPING = Object.fromEntries(FILING_HEADERS.map(({ key }, index) => [key, index]));

function filingRows(names: readonly { name: string; classes: readonly number[] }[], count: number): string[] {
  const rows: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const mark = names[i % names.length]!;
    const other = names[(i * 7 + 3) % names.length]!;
    const added = ADDED[Math.floor(i / names.length) % ADDED.length]!;
    // one filing in six joins two protected names: it hits both marks, and a decision covers both hits
    const text = i % 6 === 5 ? `${mark.name}${other.name}` : `${mark.name}${added}`;
    const niceClass = mark.classes[i % Math.max(1, mark.classes.length)] ?? 33;
    rows.push(
      [`9${String(i).padStart(7, '0')}`, text, niceClass, '商品', `申请人${i % 400}有限公司`, '青海省西宁市', `代理机构${i % 30}`,
        '2026-09-01', '第1990期', '2026-11-20'].join(','),
    );
  }
  return rows;
}

/** Imports and screens `count` filings on the server's services; resolves when the batch is screened. */
export async function seedScreenedBatch(ctx: AppContext, dir: string, count: number, timeoutMs = 600_000): Promise<{ batchId: number; hits: number; filings: number }> {
  const marks = await ctx.data.selectFrom('protected_marks').select(['name', 'classes']).orderBy('mark_id').execute();
  if (marks.length === 0) throw new Error('the server has no registry to screen against');
  const names = marks.map((m) => ({ name: m.name, classes: (m.classes === '' ? [] : m.classes.split(';').map(Number)).filter((c) => c >= 1 && c <= 45) }));
  const file = path.join(dir, '第1990期.csv');
  writeFileSync(file, [FILING_HEADERS.map((h) => h.header).join(','), ...filingRows(names, count)].join('\r\n'));
  const { batchId } = await createBatchService(ctx, ctx.jobs).startImport(file, 'filing', MAPPING);
  const deadline = Date.now() + timeoutMs;
  while (ctx.jobs.isRunning(batchId)) {
    if (Date.now() > deadline) throw new Error(`screening the load test's batch took more than ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const batch = await ctx.data.selectFrom('batches').select(['status', 'message']).where('id', '=', batchId).executeTakeFirstOrThrow();
  if (batch.status !== 'screened') throw new Error(`the load test's batch ended ${batch.status}: ${batch.message}`);
  const hits = Number(
    (await ctx.data.selectFrom('hits').select((eb) => eb.fn.countAll<string | number>().as('n')).where('source', '=', 'filing').executeTakeFirstOrThrow()).n,
  );
  return { batchId, hits, filings: count };
}

export interface LoadAccount {
  login: string;
  password: string;
  role: Role;
  /** how the audit log and decided_by name this user (acting-user.ts actorName) */
  actor: string;
}

/** `clerks` 科员 and `heads` 处长, created through the accounts service as a 管理员 would. */
export async function createLoadAccounts(accounts: AccountsService, clerks: number, heads: number): Promise<LoadAccount[]> {
  const made: LoadAccount[] = [];
  for (let i = 0; i < clerks + heads; i += 1) {
    const role: Role = i < clerks ? '科员' : '处长';
    const login = i < clerks ? `clerk${String(i + 1).padStart(2, '0')}` : `head${i - clerks + 1}`;
    const displayName = i < clerks ? `科员${i + 1}` : `处长${i - clerks + 1}`;
    const password = `${login}-load-password`;
    await accounts.create({ login, displayName, role, password });
    made.push({ login, password, role, actor: `${displayName}（${login}）` });
  }
  return made;
}

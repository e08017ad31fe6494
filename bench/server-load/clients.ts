// The simulated division (issue 11's load test): each 科员 pages through the undecided hits and decides rows with
// the versions she saw; several 科员 share a page of the queue, so they race for the same filings and the server
// must refuse the later decision as a conflict. Each 处长 drafts a referral from confirmed hits and issues it.
// Every call goes over the desktop's own pinned HTTPS client; what each call answered is recorded for verify.ts.
import { createServerClient, type PinnedServer } from '../../electron/server/pinned-client';
import type { HitRow } from '../../shared/contract/screening';
import type { Result } from '../../shared/result';
import type { LoadAccount } from './seed';

/** One accepted decision: who made it, what, and the hits it wrote with the versions it gave them. */
export interface AcceptedDecision {
  actor: string;
  decision: 'confirmed' | 'dismissed';
  versions: { hitId: number; version: number }[];
}

export interface LoadRecord {
  /** wall milliseconds of every call, by channel */
  latencies: Record<string, number[]>;
  accepted: AcceptedDecision[];
  conflicts: number;
  /** answers that were neither a value nor an expected refusal: must stay empty */
  failures: string[];
  letters: { drafted: number; draftRefused: number; issued: { id: number; documentNumber: string; actor: string }[] };
  seconds: number;
}

export interface LoadOptions {
  server: PinnedServer;
  accounts: readonly LoadAccount[];
  /** how long the clients run at least */
  durationMs: number;
  /**
   * Beyond durationMs, up to this long, the clients go on until `enough` says the record shows what the run is for
   * (a busy machine may need longer for the first conflict or letter). Default: durationMs, no more.
   */
  maxDurationMs?: number;
  enough?: (record: LoadRecord) => boolean;
  /** 科员 per page of the queue: the more share one, the more conflicts */
  clerksPerPage?: number;
}

const PAGE = 20;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const seenOf = (row: HitRow) =>
  row.marksHit && row.marksHit.length > 0 ? row.marksHit.map((m) => ({ hitId: m.hitId, version: m.version })) : [{ hitId: row.hitId, version: row.version }];

type Client = ReturnType<typeof createServerClient>;

function timedCaller(client: Client, token: string, record: LoadRecord) {
  return async <T>(channel: string, input: unknown): Promise<Result<T>> => {
    const started = performance.now();
    const answer = (await client.call(channel, input, token)) as Result<T>;
    (record.latencies[channel] ??= []).push(performance.now() - started);
    return answer;
  };
}

async function clerk(client: Client, account: LoadAccount, page: number, going: () => boolean, record: LoadRecord): Promise<void> {
  const login = await client.login(account.login, account.password);
  if (!login.ok) throw new Error(`${account.login} could not log in: ${login.error.message}`);
  const call = timedCaller(client, (login.value as { token: string }).token, record);
  let previous: HitRow[] = [];
  while (going()) {
    const query = await call<{ rows: HitRow[] }>('hits.query', { source: 'filing', decision: 'undecided', sortBy: 'score', sortDir: 'desc', offset: page * PAGE, limit: PAGE });
    if (!query.ok) {
      record.failures.push(`hits.query: ${query.error.message}`);
      continue;
    }
    // the queue ran dry on this page: take the first one; when it is all decided, revisit decided hits
    let rows = query.value.rows.length > 0 ? query.value.rows : previous;
    if (rows.length === 0) {
      const any = await call<{ rows: HitRow[] }>('hits.query', { source: 'filing', sortBy: 'score', sortDir: 'desc', offset: page * PAGE, limit: PAGE });
      rows = any.ok ? any.value.rows : [];
      if (rows.length === 0) return;
    }
    for (let n = 0; n < 3 && going(); n += 1) {
      // now and then a row from an older page: what a clerk who lingered on a row would send
      const row = Math.random() < 0.2 && previous.length > 0 ? pick(previous) : pick(rows);
      const decision = Math.random() < 0.7 ? 'confirmed' : 'dismissed';
      const answer = await call<{ versions: { hitId: number; version: number }[] }>('hits.decide', {
        hitIds: [row.hitId],
        seen: seenOf(row),
        decision,
        ...(decision === 'dismissed' ? { dismissReason: '不近似' } : {}),
      });
      if (answer.ok) record.accepted.push({ actor: account.actor, decision, versions: answer.value.versions });
      else if (answer.error.kind === 'conflict') record.conflicts += 1;
      else record.failures.push(`hits.decide: ${answer.error.message}`);
    }
    previous = rows;
  }
}

async function head(client: Client, account: LoadAccount, going: () => boolean, record: LoadRecord): Promise<void> {
  const login = await client.login(account.login, account.password);
  if (!login.ok) throw new Error(`${account.login} could not log in: ${login.error.message}`);
  const call = timedCaller(client, (login.value as { token: string }).token, record);
  while (going()) {
    const candidates = await call<{ facts: { hitId: number }; letters: unknown[] }[]>('letters.candidates', { kind: 'referral' });
    if (!candidates.ok) {
      record.failures.push(`letters.candidates: ${candidates.error.message}`);
      continue;
    }
    const free = candidates.value.filter((c) => c.letters.length === 0).slice(0, 12);
    if (free.length === 0) {
      await pause(200);
      continue;
    }
    // a few hits of the first dozen: two 处长 sometimes reach for the same ones
    const hitIds = [...new Set([pick(free), pick(free)].map((c) => c.facts.hitId))];
    const draft = await call<{ id: number }>('letters.draftFromHits', { hitIds, kind: 'referral' });
    if (!draft.ok) {
      if (draft.error.kind === 'conflict' || draft.error.kind === 'invalid-input') record.letters.draftRefused += 1;
      else record.failures.push(`letters.draftFromHits: ${draft.error.message}`);
      continue;
    }
    record.letters.drafted += 1;
    const issued = await call<{ id: number; documentNumber: string | null }>('letters.issue', { id: draft.value.id });
    if (issued.ok && issued.value.documentNumber) record.letters.issued.push({ id: issued.value.id, documentNumber: issued.value.documentNumber, actor: account.actor });
    else record.failures.push(`letters.issue: ${issued.ok ? 'no number' : issued.error.message}`);
  }
}

/** Runs every account at once for `durationMs` (or longer, see maxDurationMs); the record of what the server answered. */
export async function runLoad(options: LoadOptions): Promise<LoadRecord> {
  const record: LoadRecord = { latencies: {}, accepted: [], conflicts: 0, failures: [], letters: { drafted: 0, draftRefused: 0, issued: [] }, seconds: 0 };
  const client = createServerClient(options.server);
  const started = Date.now();
  const least = started + options.durationMs;
  const most = started + Math.max(options.durationMs, options.maxDurationMs ?? 0);
  const enough = options.enough ?? (() => true);
  const going = () => {
    const now = Date.now();
    return now < least || (now < most && !enough(record));
  };
  const clerks = options.accounts.filter((a) => a.role === '科员');
  const perPage = options.clerksPerPage ?? 3;
  await Promise.all([
    ...clerks.map((account, i) => clerk(client, account, Math.floor(i / perPage), going, record)),
    ...options.accounts.filter((a) => a.role === '处长').map((account) => head(client, account, going, record)),
  ]);
  record.seconds = (Date.now() - started) / 1000;
  return record;
}

/** The p-th percentile (0–100) of a list of milliseconds, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// Screening a stored batch against the registry: rows are read from the database a page at a time, scored in
// worker threads (or in this thread for small batches and in tests), and the hits written back in one
// transaction per page.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchKind } from '../../shared/contract/screening';
import type { Hit, ProtectedMark } from '../../shared/domain';
import { buildRegistryIndex } from '../../shared/engine';
import type { Db } from '../db/open';
import { createHitsWriter, type MarkSnapshot, type RowFacts } from '../db/repositories/hits-writer';
import { oppositionDeadline } from '../../shared/deadlines';
import { screenStoredInput } from './screen-input';
import type { StoredWorkerReply, StoredWorkerRequest } from './stored-protocol';
import { storedRowReader, type StoredInput } from './stored-rows';
import { joinImageHits, withViennaCodes } from '../../shared/figurative';
import { loadMarkViennaCodes } from '../logos/vienna';
import { dataQueriesOn } from '../data/queries';

export interface ScreenStoredOptions {
  batchId: number;
  kind: BatchKind;
  marks: readonly (ProtectedMark & { key: number })[];
  /** out/stored-screen-worker.cjs; absent → screening in this thread */
  workerScript?: string;
  signal?: AbortSignal;
  now: () => string;
  onProgress?: (done: number, total: number, hits: number) => void;
  /** the batch's image hits by row id (electron/screening/image-screen-job.ts), asked for before the text pages */
  imageHits?: () => Promise<ReadonlyMap<number, Hit[]>>;
}

const PAGE_ROWS = 2000;
const WORKERS_FROM_ROWS = 5000;

export type Screener = { screen(rows: StoredInput[], kind: BatchKind): Promise<[number, Hit[]][]>; close(): Promise<void> };

function inProcessScreener(marks: readonly ProtectedMark[]): Screener {
  const index = buildRegistryIndex(marks);
  return {
    screen: async (rows) => rows.map((row) => [row.rowId, screenStoredInput(index, row)]),
    close: async () => {},
  };
}

/**
 * A pool of screening threads, round-robin over the live ones. A thread that dies (an error, out of memory, an
 * exit) leaves the pool and its unanswered calls reject with a message saying so; when none is left, every later
 * call rejects at once instead of waiting for an answer that cannot come.
 */
export function workerScreener(marks: readonly ProtectedMark[], script: string, count: number): Screener {
  type Pending = { resolve(v: [number, Hit[]][]): void; reject(e: Error): void };
  interface Slot {
    worker: Worker;
    waiting: Map<number, Pending>;
  }
  let seq = 0;
  let next = 0;
  let lastDeath = '';
  const live: Slot[] = [];
  const bury = (slot: Slot, why: string) => {
    const at = live.indexOf(slot);
    if (at < 0) return;
    live.splice(at, 1);
    lastDeath = why;
    const error = new Error(`筛查线程异常退出（${why}），本批次筛查未完成，请重新筛查`);
    for (const pending of slot.waiting.values()) pending.reject(error);
    slot.waiting.clear();
    void slot.worker.terminate();
  };
  for (let i = 0; i < count; i += 1) {
    const slot: Slot = { worker: new Worker(script), waiting: new Map() };
    slot.worker.on('message', (reply: StoredWorkerReply) => {
      const pending = slot.waiting.get(reply.seq);
      slot.waiting.delete(reply.seq);
      if (reply.type === 'result') pending?.resolve(reply.results);
      else pending?.reject(new Error(reply.message));
    });
    slot.worker.on('error', (error) => bury(slot, error.message));
    slot.worker.on('exit', (code) => bury(slot, `退出码 ${code}`));
    slot.worker.postMessage({ type: 'init', marks: [...marks] } satisfies StoredWorkerRequest);
    live.push(slot);
  }
  return {
    screen: (rows, kind) =>
      new Promise((resolve, reject) => {
        const slot = live[next++ % Math.max(1, live.length)];
        if (!slot) return reject(new Error(`筛查线程均已异常退出（${lastDeath}），本批次筛查未完成，请重新筛查`));
        const id = seq++;
        slot.waiting.set(id, { resolve, reject });
        slot.worker.postMessage({ type: 'screen', seq: id, kind, rows } satisfies StoredWorkerRequest);
      }),
    close: async () => {
      const closing = live.splice(0);
      await Promise.all(closing.map((slot) => slot.worker.terminate()));
    },
  };
}

/** Screens every stored row of a batch; returns the number of hits the batch now has. */
export async function screenStoredBatch(db: Db, options: ScreenStoredOptions): Promise<number> {
  const reader = storedRowReader(db, options.kind, options.batchId);
  const total = reader.count();
  const marksById = new Map<string, MarkSnapshot>(options.marks.map((m) => [m.id, { key: m.key, name: m.name, category: m.category }]));
  const write = createHitsWriter(db, marksById);
  const writePage = db.transaction((results: [number, Hit[]][], rows: StoredInput[]) => {
    const now = options.now();
    const facts = new Map(rows.map((row) => [row.rowId, rowFacts(options.batchId, row)]));
    let stored = 0;
    for (const [rowId, hits] of results) {
      const rowFacts = facts.get(rowId);
      if (rowFacts) stored += write(options.kind, rowId, hits, now, rowFacts);
    }
    return stored;
  });
  const viennaOf = await viennaCodesReader(db, options.kind);
  const useWorkers = options.workerScript && existsSync(options.workerScript) && total >= WORKERS_FROM_ROWS;
  const screener = useWorkers
    ? workerScreener(options.marks, options.workerScript as string, Math.max(1, Math.min(4, availableParallelism())))
    : inProcessScreener(options.marks);
  const found = options.imageHits ? await options.imageHits() : new Map<number, Hit[]>();
  // the image hits joined to the text hits, then 图形要素相同 where the filing and the mark share a Vienna code
  const withFigures = (results: [number, Hit[]][], rows: StoredInput[]): [number, Hit[]][] => {
    const joined: [number, Hit[]][] = found.size === 0 ? results : results.map(([rowId, text]) => [rowId, joinImageHits(text, found.get(rowId) ?? [])]);
    const rowCodes = viennaOf(rows);
    return rowCodes.size === 0 ? joined : joined.map(([rowId, hits]) => [rowId, withViennaCodes(hits, rowCodes.get(rowId) ?? [], viennaOf.markCodes)]);
  };
  let done = 0;
  let hits = 0;
  const inFlight = new Set<Promise<void>>();
  try {
    let afterId = 0;
    for (;;) {
      options.signal?.throwIfAborted();
      const rows = reader.page(afterId, PAGE_ROWS);
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1]?.rowId ?? afterId;
      const job: Promise<void> = screener.screen(rows, options.kind).then((results) => {
        hits += writePage(withFigures(results, rows), rows);
        done += rows.length;
        options.onProgress?.(done, total, hits);
      });
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job)).catch(() => {});
      if (inFlight.size >= 4) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return countBatchHits(db, options.kind, options.batchId);
  } finally {
    await screener.close();
  }
}

/** The 图形要素 of a page's filings by row id (only those that have any), and the marks' codes, read once. */
async function viennaCodesReader(db: Db, kind: BatchKind) {
  const markCodes = await loadMarkViennaCodes(dataQueriesOn(db));
  const codes = db.prepare<[number, number], { id: number; vienna_codes: string }>(
    "SELECT id, vienna_codes FROM filings WHERE id BETWEEN ? AND ? AND vienna_codes <> ''",
  );
  const read = (rows: readonly StoredInput[]): Map<number, string[]> => {
    if (kind !== 'filing' || markCodes.size === 0 || rows.length === 0) return new Map();
    const ids = new Set(rows.map((r) => r.rowId));
    const found = codes.all(Math.min(...ids), Math.max(...ids)).filter((r) => ids.has(r.id));
    return new Map(found.map((r) => [r.id, r.vienna_codes.split(';')]));
  };
  return Object.assign(read, { markCodes });
}

function rowFacts(batchId: number, row: StoredInput): RowFacts {
  if ('filing' in row) {
    const f = row.filing;
    return {
      batchId,
      niceClass: f.niceClass,
      applicant: f.applicant,
      agency: f.agency,
      gazetteIssue: f.gazetteIssue,
      publishedOn: f.publishedOn,
      deadline: oppositionDeadline(f.publishedOn),
      platform: '',
      searchText: [f.applicationNumber, f.markText, f.applicant, f.agency].join(' '),
    };
  }
  const l = row.listing;
  return { batchId, niceClass: 0, applicant: '', agency: '', gazetteIssue: '', publishedOn: '', deadline: '', platform: l.platform, searchText: [l.id, l.title, l.shop, l.platform].join(' ') };
}

export function countBatchHits(db: Db, kind: BatchKind, batchId: number): number {
  const table = kind === 'filing' ? 'filings' : 'listings';
  const column = kind === 'filing' ? 'filing_id' : 'listing_id';
  const row = db
    .prepare<[number], { n: number }>(`SELECT count(*) AS n FROM hits JOIN ${table} r ON r.id = hits.${column} WHERE r.batch_id = ?`)
    .get(batchId);
  return row?.n ?? 0;
}

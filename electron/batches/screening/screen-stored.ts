// Screening a stored batch against the registry: rows are read from the database a page at a time, scored in the
// screening pool's worker threads (screening-pool.ts; in this thread for small batches and in tests), and the hits
// written back through a HitSink (electron/batches/hit-sink.ts), one transaction per page. Reads go through the
// query builder, so the same code screens a batch on either database; only the sink differs.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { BatchKind } from '../../../shared/contract/screening';
import type { Hit, ProtectedMark } from '../../../shared/domain';
import type { DataExecutor } from '../../data/queries';
import type { HitSink, MarkSnapshot, RowFacts, ScreenedRow } from '../hit-sink';
import { oppositionDeadline } from '../../../shared/deadlines';
import { inThreadScreening, screeningPool } from './screening-pool';
import type { StoredResult } from './screening-protocol';
import { storedRowReader, type StoredInput, type StoredPage } from './stored-rows';
import { joinImageHits, withViennaCodes } from '../../../shared/figurative';

export interface ScreenStoredOptions {
  batchId: number;
  kind: BatchKind;
  marks: readonly (ProtectedMark & { key: number })[];
  /** out/screening-worker.cjs; absent → screening in this thread */
  workerScript?: string;
  signal?: AbortSignal;
  now: () => string;
  onProgress?: (done: number, total: number, hits: number) => void;
  /** the batch's image hits by row id (electron/batches/screening/image-screen-job.ts), asked for before the text pages */
  imageHits?: () => Promise<ReadonlyMap<number, Hit[]>>;
  /** the marks' 图形要素 by mark id (electron/logos/vienna.ts), for 图形要素相同 */
  markViennaCodes: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The marks screened against as the hits keep them (name and category at the time of screening). */
export function markSnapshots(marks: readonly (ProtectedMark & { key: number })[]): Map<string, MarkSnapshot> {
  return new Map(marks.map((m) => [m.id, { key: m.key, name: m.name, category: m.category }]));
}

const PAGE_ROWS = 2000;
const WORKERS_FROM_ROWS = 5000;
/** Pages being screened or written at once: bounds the rows held in memory. */
const MAX_PAGES_IN_FLIGHT = 4;

/** Screens every stored row of a batch, storing the hits through `sink`; returns the number of hits the batch now has. */
export async function screenStoredBatch(data: DataExecutor, sink: HitSink, options: ScreenStoredOptions): Promise<number> {
  const reader = storedRowReader(data, options.kind, options.batchId);
  const total = await reader.count();
  const useWorkers = options.workerScript && existsSync(options.workerScript) && total >= WORKERS_FROM_ROWS;
  const setup = { marks: [...options.marks] };
  const screener = useWorkers
    ? screeningPool({ script: options.workerScript as string, count: Math.max(1, Math.min(4, availableParallelism())), setup, signal: options.signal })
    : inThreadScreening(setup, options.signal);
  const found = options.imageHits ? await options.imageHits() : new Map<number, Hit[]>();
  // the image hits joined to the text hits, then 图形要素相同 where the filing and the mark share a Vienna code
  const screened = (results: StoredResult, page: StoredPage): ScreenedRow[] => {
    const facts = new Map(page.inputs.map((row) => [row.rowId, rowFacts(options.batchId, row)]));
    const rows: ScreenedRow[] = [];
    for (const [rowId, text] of results) {
      const rowFacts = facts.get(rowId);
      if (!rowFacts) continue;
      const joined = found.size === 0 ? text : joinImageHits(text, found.get(rowId) ?? []);
      const codes = options.markViennaCodes.size === 0 ? undefined : page.viennaCodes.get(rowId);
      rows.push({ rowId, facts: rowFacts, hits: codes ? withViennaCodes(joined, codes, options.markViennaCodes) : joined });
    }
    return rows;
  };
  let done = 0;
  let hits = 0;
  const inFlight = new Set<Promise<void>>();
  try {
    let afterId = 0;
    for (;;) {
      options.signal?.throwIfAborted();
      const page = await reader.page(afterId, PAGE_ROWS);
      const rows = page.inputs;
      if (rows.length === 0) break;
      afterId = rows[rows.length - 1]?.rowId ?? afterId;
      const job: Promise<void> = screener.run({ type: 'stored', rows }).then(async (results) => {
        hits += await sink.writePage(options.kind, screened(results, page), options.now());
        done += rows.length;
        options.onProgress?.(done, total, hits);
      });
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job)).catch(() => {});
      if (inFlight.size >= MAX_PAGES_IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    return await countBatchHits(data, options.kind, options.batchId);
  } catch (error) {
    // no page may still be writing once the job says it has stopped (a restore waits for that)
    await screener.close();
    await Promise.allSettled(inFlight);
    throw error;
  } finally {
    await screener.close();
  }
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

export async function countBatchHits(data: DataExecutor, kind: BatchKind, batchId: number): Promise<number> {
  const found = kind === 'filing'
    ? data.selectFrom('hits').innerJoin('filings as r', 'r.id', 'hits.filing_id')
    : data.selectFrom('hits').innerJoin('listings as r', 'r.id', 'hits.listing_id');
  const row = await found.select((eb) => eb.fn.countAll().as('n')).where('r.batch_id', '=', batchId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

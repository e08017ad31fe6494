// The one harness of the contract suite (issue 11): each domain's file describes its behaviour once, and it runs on
// the desktop's SQLite file and on a fresh schema of the real PostgreSQL, through the dispatcher as the renderer
// calls it (support/services.ts builds the services on either store). Also the small batch every domain screens.
import { describe } from 'vitest';
import type { StoreKind } from '../../../electron/store/store';
import type { BatchSummary } from '../../../shared/contract/screening';
import { filingLine, FILING_MAPPING, waitForBatch, writeFilings } from '../support/batches';
import { useRunningServices, valueOf, type ServicesHarness } from '../support/services';
import { STORE_KINDS } from '../support/stores';

export interface OnStore {
  kind: StoreKind;
  harness: ServicesHarness;
  /** the value of a call; a refusal fails the test with its message */
  call: <T>(channel: string, input?: unknown) => Promise<T>;
  /** the answer as the renderer gets it, {ok, value} or {ok: false, error} */
  dispatch: (channel: string, input?: unknown) => Promise<unknown>;
}

/** `body` registers its tests once per store; the describe names the store so a failure says where. */
export function onBothStores(title: string, body: (store: OnStore) => void): void {
  describe.each(STORE_KINDS)(`${title}, the data on %s`, (kind) => {
    const harness = useRunningServices(kind);
    const dispatch = (channel: string, input: unknown = {}) => harness.services.dispatch(channel, input);
    body({ kind, harness, dispatch, call: <T>(channel: string, input: unknown = {}) => valueOf<T>(dispatch(channel, input)) });
  });
}

/**
 * A gazette issue (the test clock's today is 2026-11-29) screened against the sample registry. Opposition
 * deadlines are three months after publication: 81000001 is overdue (2026-11-20), 81000003 due within 14 days
 * (2026-12-10), the rest open. The applicants differ only in letter case, so a store comparing text
 * case-insensitively shows. 81000004 hits nothing; the last row has no 申请号 and is a bad row.
 */
export const GAZETTE_ROWS = [
  filingLine('81000001', '柴达木枸杞王', { niceClass: 29, applicant: 'Alpha贸易有限公司', publishedOn: '2026-08-20' }),
  filingLine('81000002', '青海湖', { niceClass: 33, applicant: 'alpha贸易有限公司', agency: '西宁某知识产权代理有限公司' }),
  filingLine('81000003', '可可西里', { niceClass: 29, applicant: 'Beta商贸有限公司', publishedOn: '2026-09-10' }),
  filingLine('81000004', '黄河之水', { niceClass: 33, applicant: 'Beta商贸有限公司' }),
  filingLine('81000005', '三江源', { niceClass: 5, applicant: 'Alpha贸易有限公司' }),
  filingLine('', '没有申请号'),
];

/** Imports `lines` (default the gazette above) as a filing batch through the contract and waits for its screening. */
export async function importGazette(store: OnStore, lines: string[] = GAZETTE_ROWS, name = '第1920期.csv'): Promise<BatchSummary> {
  const file = writeFilings(store.harness.folder.dir, name, lines);
  const fileToken = store.harness.services.files.grant(file, 'table').token;
  const { batchId } = await store.call<{ batchId: number }>('batches.startImport', { fileToken, kind: 'filing', mapping: FILING_MAPPING });
  await waitForBatch(store.harness.services.ctx.jobs, batchId);
  const batch = (await store.call<BatchSummary[]>('batches.list')).find((b) => b.id === batchId);
  if (!batch) throw new Error(`batch ${batchId} is not listed`);
  return batch;
}

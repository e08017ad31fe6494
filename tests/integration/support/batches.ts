// Helpers for screening-workflow tests: small filing files written by the test, and waiting for a batch's job.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { JobManager } from '../../../electron/batches/jobs';
import type { Dispatch } from '../../../electron/ipc/dispatch';
import type { JobProgress } from '../../../shared/contract/screening';

export const FILING_HEADER = '申请号,商标名称,国际分类,商品服务,申请人名称,申请人地址,代理机构,申请日期,初审公告期号,初审公告日期';

export function filingLine(
  number: string,
  mark: string,
  options: { niceClass?: number | string; applicant?: string; agency?: string; publishedOn?: string; issue?: string } = {},
): string {
  return [
    number,
    mark,
    options.niceClass ?? 33,
    '白酒;葡萄酒',
    options.applicant ?? '某某贸易有限公司',
    '广东省深圳市南山区1号',
    options.agency ?? '某某知识产权代理有限公司',
    '2026-05-01',
    options.issue ?? '第1920期',
    options.publishedOn ?? '2026-11-20',
  ].join(',');
}

export function writeFilings(dir: string, name: string, lines: string[], encode?: (text: string) => Buffer): string {
  const file = path.join(dir, name);
  const text = [FILING_HEADER, ...lines].join('\r\n');
  writeFileSync(file, encode ? encode(text) : text);
  return file;
}

export async function waitForBatch(jobs: JobManager, batchId: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (jobs.isRunning(batchId)) {
    if (Date.now() > deadline) throw new Error(`batch ${batchId} still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const FILING_MAPPING = {
  applicationNumber: 0,
  markText: 1,
  niceClass: 2,
  goods: 3,
  applicant: 4,
  applicantAddress: 5,
  agency: 6,
  filedOn: 7,
  gazetteIssue: 8,
  publishedOn: 9,
};

/**
 * Polls batches.progress as the UI does until the batch's job (an import, or a re-screening that may first wait its
 * turn) is done; a failed or cancelled one fails the test with its message.
 */
export async function untilBatchDone(dispatch: Dispatch, batchId: number): Promise<JobProgress> {
  for (let i = 0; i < 1500; i++) {
    const answer = await dispatch('batches.progress', { batchId });
    if (!answer.ok) throw new Error(answer.error.message);
    const progress = answer.value as JobProgress;
    if (progress.phase === 'done') return progress;
    if (progress.phase === 'failed' || progress.phase === 'cancelled') throw new Error(progress.message);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`batch ${batchId} did not finish`);
}

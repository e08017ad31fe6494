// Scores engine hits on labelled rows with ../shared/bench/score.mjs, the scorer the closing notes quote: the rows'
// labels and hits are written to a scratch folder as that scorer reads them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Hit } from '../../shared/domain';
import { SHARED_BENCH, type Label } from './labelled';

let work: string | undefined;

/** score.mjs's report (its table, summary line and misses) for the rows' hits; `name` names the scratch files. */
export function scoreReport(name: string, rows: readonly { label: Label; hits: readonly Hit[] }[]): string {
  work ??= mkdtempSync(path.join(tmpdir(), 'markguard-score-'));
  const file = name.replace(/[^\p{L}\p{N}_-]+/gu, '_');
  const labelsFile = path.join(work, `${file}.labels.csv`);
  const hitsFile = path.join(work, `${file}.jsonl`);
  writeFileSync(labelsFile, '编号,期望编号,类型\n' + rows.map((r) => `${r.label.id},${r.label.markId},${r.label.kind}`).join('\n') + '\n');
  writeFileSync(hitsFile, rows.flatMap((r) => r.hits.map((h) => JSON.stringify({ id: h.id, markId: h.markId, score: h.score }))).join('\n') + '\n');
  return execFileSync(process.execPath, [path.join(SHARED_BENCH, 'score.mjs'), labelsFile, hitsFile], { encoding: 'utf8' });
}

/** Only the report's summary line (recall=… top1=… …_fp=…). */
export function scoreSummary(name: string, rows: readonly { label: Label; hits: readonly Hit[] }[]): string {
  const report = scoreReport(name, rows);
  return report.split('\n').find((l) => l.startsWith('recall=')) ?? report.trim();
}

// The running job of a batch: phase, a progress bar, rows per second, new/duplicate/bad rows, hits, and 取消.
import type { JobProgress } from '../../../../shared/contract/screening';
import { importSummary, PHASE_LABELS } from './batch-labels';

interface ImportProgressProps {
  fileName: string;
  /** a re-screening: the end says how many hits, not what was added */
  rescreen: boolean;
  progress: JobProgress | null;
  error: string | null;
  cancelling: boolean;
  onCancel: () => void;
  onClose: () => void;
  /** the closing sentence when the panel stands for several batches (重新筛查全部); null while some are still to do */
  result?: string | null | undefined;
  /** "第 2 / 3 个批次" while several batches are re-screened one after another */
  step?: string | null;
}

function percent(p: JobProgress): number {
  if (p.phase === 'done') return 100;
  return Math.max(0, Math.min(100, Math.round(p.fraction * 100)));
}

const n = (value: number) => value.toLocaleString('zh-CN');

/** "已读取 52,000 / 约 100,000 行" while importing, "已筛查 2 / 2 行" while screening; what was read once done. */
export function processedText(p: JobProgress, rescreen: boolean): { label: string; value: string } {
  if (p.phase === 'importing') return { label: '已读取', value: p.total > 0 ? `${n(p.rows)} / 约 ${n(p.total)} 行` : `${n(p.rows)} 行` };
  if (p.phase === 'screening') return { label: '已筛查', value: p.total >= 0 ? `${n(p.rows)} / ${n(p.total)} 行` : '等待开始' };
  if (rescreen && p.phase === 'done') return { label: '已筛查', value: `${n(p.rows)} 行` };
  return { label: '已读取', value: `${n(p.readRows)} 行` };
}

function Figures({ p, rescreen }: { p: JobProgress; rescreen: boolean }) {
  const processed = processedText(p, rescreen);
  return (
    <dl className="job-figures">
      <div className="job-processed"><dt>{processed.label}</dt><dd className="mono">{processed.value}</dd></div>
      {p.phase === 'screening' ? <div><dt>已读取</dt><dd className="mono">{n(p.readRows)} 行</dd></div> : null}
      <div><dt>速度</dt><dd className="mono">{n(Math.round(p.rowsPerSecond))} 行/秒</dd></div>
      <div><dt>新增</dt><dd className="mono">{p.newRows}</dd></div>
      <div><dt>重复</dt><dd className="mono">{p.duplicateRows}</dd></div>
      <div className={p.badRows > 0 ? 'job-bad' : undefined}><dt>问题行</dt><dd className="mono">{p.badRows}</dd></div>
      <div className="job-hits"><dt>命中</dt><dd className="mono">{p.hitCount}</dd></div>
    </dl>
  );
}

export function ImportProgress({ fileName, rescreen, progress, error, cancelling, onCancel, onClose, result, step }: ImportProgressProps) {
  const phase = progress?.phase ?? 'importing';
  const finished = phase === 'done' || phase === 'failed' || phase === 'cancelled';
  const value = progress ? percent(progress) : 0;
  return (
    <section className={`card job-panel job-${phase}`} aria-label={rescreen ? '筛查进度' : '导入进度'}>
      <div className="job-head">
        <h2>{fileName}</h2>
        {step ? <span className="muted">{step}</span> : null}
        <span className={`job-phase phase-${phase}`} data-phase={phase}>{PHASE_LABELS[phase]}</span>
        <span className="toolbar-spacer" />
        {finished ? (
          <button type="button" onClick={onClose}>关闭</button>
        ) : (
          <button type="button" onClick={onCancel} disabled={cancelling}>{cancelling ? '正在取消…' : '取消'}</button>
        )}
      </div>
      <div className="progress" role="progressbar" aria-label={`${PHASE_LABELS[phase]}进度`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
        <div className="progress-fill" style={{ width: `${value}%` }} />
      </div>
      {progress ? <Figures p={progress} rescreen={rescreen} /> : <p className="muted small">正在启动…</p>}
      {phase === 'done' && progress && result !== null ? (
        <p className="job-result" role="status">
          {result ?? (rescreen ? `重新筛查完成：命中 ${progress.hitCount} 条。` : `完成：${importSummary(progress)}，命中 ${progress.hitCount} 条。`)}
        </p>
      ) : null}
      {progress?.message && !finished ? <p className="muted small job-note" role="status">{progress.message}</p> : null}
      {progress?.message && (phase === 'failed' || phase === 'cancelled') ? <p className={phase === 'failed' ? 'error-text' : 'muted'}>{progress.message}</p> : null}
      {error ? <p className="error-text">无法读取进度：{error}</p> : null}
    </section>
  );
}

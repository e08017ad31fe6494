// The imported batches: file, kind, status, counts, dates and what can be done with each.
import type { BatchSummary } from '../../../../shared/contract/screening';
import { usePermission } from '../../app/account';
import { formatDateTime } from '../../components/format';
import { canRescreen, canResume, finishedAt, issuesText, KIND_LABELS, statusOf } from './batch-labels';

export interface BatchActions {
  onProblems: (batch: BatchSummary) => void;
  onResume: (batch: BatchSummary) => void;
  onRescreen: (batch: BatchSummary) => void;
  onRemove: (batch: BatchSummary) => void;
  onWatch: (batch: BatchSummary) => void;
}

function Actions({ batch, ...a }: BatchActions & { batch: BatchSummary }) {
  const remove = usePermission('batches.remove');
  return (
    <span className="batch-actions">
      {batch.running ? <button type="button" className="link" onClick={() => a.onWatch(batch)}>查看进度</button> : null}
      {batch.badRows > 0 || batch.imageProblems > 0 ? <button type="button" className="link" onClick={() => a.onProblems(batch)}>查看问题行</button> : null}
      {canResume(batch) ? <button type="button" className="link" onClick={() => a.onResume(batch)}>继续导入</button> : null}
      {canRescreen(batch) ? <button type="button" className="link" onClick={() => a.onRescreen(batch)}>重新筛查</button> : null}
      {remove.allowed ? <button type="button" className="link link-danger" disabled={batch.running} onClick={() => a.onRemove(batch)}>删除批次</button> : null}
    </span>
  );
}

function HitsCell({ batch }: { batch: BatchSummary }) {
  if (batch.running || batch.status !== 'screened') return <td className="num batch-hits">{batch.hitCount}</td>;
  const page = batch.kind === 'filing' ? 'review' : 'listings';
  return (
    <td className="num batch-hits">
      {batch.hitCount > 0 ? <a href={`#/${page}?batchId=${batch.id}&decision=all`}>去审查 {batch.hitCount} 条命中</a> : '0'}
    </td>
  );
}

function BatchRow({ batch, ...actions }: BatchActions & { batch: BatchSummary }) {
  const status = statusOf(batch);
  const finished = finishedAt(batch);
  const issues = issuesText(batch.gazetteIssues);
  return (
    <tr data-batch-id={batch.id}>
      <td className="batch-file" title={batch.filePath}>{batch.fileName}</td>
      <td className="batch-issues" title={batch.gazetteIssues.join('、')}>{issues || <span className="muted">—</span>}</td>
      <td>{KIND_LABELS[batch.kind]}</td>
      <td>
        <span className={`batch-status status-${status.tone}`}>{status.label}</span>
        {batch.stale && !batch.running ? (
          <span className="batch-status status-warn batch-stale" title="保护名录在上次筛查后有改动，命中可能已过时，请重新筛查">名录已更新</span>
        ) : null}
        {batch.message ? <div className="muted small batch-message" title={batch.message}>{batch.message}</div> : null}
      </td>
      <td className="num">{batch.totalRows}</td>
      <td className="num">{batch.newRows}</td>
      <td className="num">{batch.duplicateRows}</td>
      <td className={`num${batch.badRows > 0 || batch.imageProblems > 0 ? ' error-text' : ''}`}>
        {batch.badRows}
        {batch.imageProblems > 0 ? <div className="small" title="这些行已导入，但图样无法读取或没有对应的行">图样问题 {batch.imageProblems}</div> : null}
      </td>
      <HitsCell batch={batch} />
      <td className="mono small">{formatDateTime(batch.startedAt)}</td>
      <td className="mono small">{finished ? formatDateTime(finished) : '—'}</td>
      <td><Actions batch={batch} {...actions} /></td>
    </tr>
  );
}

export function BatchList({ batches, ...actions }: BatchActions & { batches: readonly BatchSummary[] }) {
  if (batches.length === 0) return <p className="muted batch-empty">还没有导入过批次。</p>;
  return (
    <div className="batch-table-wrap">
      <table className="plain-table batch-table" aria-label="筛查批次">
        <thead>
          <tr>
            <th>文件</th><th>期号</th><th>类型</th><th>状态</th><th className="num">已读行数</th><th className="num">新增</th>
            <th className="num">重复</th><th className="num">问题行</th><th className="num">命中</th><th>开始时间</th>
            <th>完成时间</th><th>操作</th>
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => <BatchRow key={b.id} batch={b} {...actions} />)}
        </tbody>
      </table>
    </div>
  );
}

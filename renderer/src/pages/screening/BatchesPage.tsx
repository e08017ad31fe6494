// 筛查批次: import gazette filings or e-commerce listings, watch the import and the screening, and manage batches.
import { useCallback, useEffect, useState } from 'react';
import type { BatchKind, BatchSummary, JobProgress } from '../../../../shared/contract/screening';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToast } from '../../components/Toast';
import { importSummary } from './batch-labels';
import { BatchList } from './BatchList';
import { BatchProblemsDialog } from './BatchProblemsDialog';
import { ColumnMappingDialog } from './ColumnMappingDialog';
import { DropZone } from './DropZone';
import { ImportProgress } from './ImportProgress';
import { useBatchActions } from './useBatchActions';
import { useBatchImport, type RunningJob } from './useBatchImport';
import { useBatchList } from './useBatchList';
import { useJobProgress } from './useJobProgress';
import './screening.css';

export function BatchesPage() {
  const notify = useToast();
  const [kind, setKind] = useState<BatchKind>('filing');
  const [job, setJob] = useState<(RunningJob & { run: number }) | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [problemsOf, setProblemsOf] = useState<BatchSummary | null>(null);
  const { batches, error, reload } = useBatchList();
  const watch = useCallback((next: RunningJob) => {
    setCancelling(false);
    setJob((old) => ({ ...next, run: (old?.run ?? 0) + 1 }));
  }, []);
  const flow = useBatchImport(
    useCallback(
      (started: RunningJob) => {
        watch(started);
        reload();
      },
      [watch, reload],
    ),
  );
  const actions = useBatchActions(watch, reload);

  const onFinished = useCallback(
    (p: JobProgress) => {
      reload();
      if (p.phase === 'done') notify(`导入完成：${importSummary(p)}，命中 ${p.hitCount} 条`);
      else if (p.phase === 'failed') notify(`导入失败：${p.message}`, 'error');
    },
    [reload, notify],
  );
  const { progress, error: progressError } = useJobProgress(job?.batchId ?? null, job?.run ?? 0, onFinished);

  // Opening the page while a job runs (started before, or elsewhere) shows its progress.
  const runningBatch = batches?.find((b) => b.running) ?? null;
  useEffect(() => {
    if (!job && runningBatch) watch({ batchId: runningBatch.id, fileName: runningBatch.fileName });
  }, [job, runningBatch, watch]);

  const cancel = () => {
    if (!job) return;
    setCancelling(true);
    void actions.cancel(job.batchId);
  };

  return (
    <div className="page batches-page">
      <div className="page-head">
        <h1>筛查批次</h1>
        <div className="count">{batches ? `共 ${batches.length} 个批次` : '正在读取…'}</div>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => actions.rescreen(null, batches ?? [])} disabled={!batches?.length} title="保护名录修改后，用新名录重新筛查已导入的全部批次">
          名录已更新，重新筛查全部
        </button>
      </div>
      <DropZone kind={kind} onKind={setKind} disabled={flow.step.kind !== 'idle'} onPath={flow.openPath} onChoose={flow.choose} />
      {job ? (
        <ImportProgress
          fileName={job.fileName}
          progress={progress}
          error={progressError}
          cancelling={cancelling}
          onCancel={cancel}
          onClose={() => setJob(null)}
        />
      ) : null}
      {error ? <div className="form-banner" role="alert">无法读取批次：{error}</div> : null}
      {batches ? (
        <BatchList
          batches={batches}
          onProblems={setProblemsOf}
          onResume={actions.resume}
          onRescreen={(b) => actions.rescreen(b, batches)}
          onRemove={actions.askRemove}
          onWatch={(b) => watch({ batchId: b.id, fileName: b.fileName })}
        />
      ) : null}
      {flow.step.kind === 'reading' ? <div className="info-banner">正在读取文件…</div> : null}
      {flow.step.kind === 'mapping' ? (
        <ColumnMappingDialog kind={flow.step.batchKind} preview={flow.step.preview} busy={flow.step.busy} onStart={flow.start} onCancel={flow.cancel} />
      ) : null}
      {problemsOf ? <BatchProblemsDialog batch={problemsOf} onClose={() => setProblemsOf(null)} /> : null}
      {actions.removing ? (
        <ConfirmDialog title="删除批次" confirmLabel="删除" danger busy={actions.busy} onConfirm={actions.remove} onCancel={actions.closeRemove}>
          <p>删除批次「{actions.removing.fileName}」及其 {actions.removing.hitCount} 条命中和已作出的结论？</p>
          <p className="muted small">文件本身不受影响，之后可以重新导入。</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

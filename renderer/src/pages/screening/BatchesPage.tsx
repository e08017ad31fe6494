// 筛查批次: import gazette filings or e-commerce listings, watch the import and the screening, and manage batches.
import { useCallback, useState } from 'react';
import type { BatchKind, BatchSummary } from '../../../../shared/contract/screening';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { BatchList } from './BatchList';
import { BatchProblemsDialog } from './BatchProblemsDialog';
import { ColumnMappingDialog } from './ColumnMappingDialog';
import { DropZone } from './DropZone';
import { StaleNotice } from './StaleNotice';
import { ImportProgress } from './ImportProgress';
import { useBatchActions } from './useBatchActions';
import { useBatchImport, type RunningJob } from './useBatchImport';
import { useBatchList } from './useBatchList';
import { useWatchedJob } from './useWatchedJob';
import './screening.css';

export function BatchesPage() {
  const [kind, setKind] = useState<BatchKind>('filing');
  const [problemsOf, setProblemsOf] = useState<BatchSummary | null>(null);
  const { batches, error, reload } = useBatchList();
  const watched = useWatchedJob(batches, reload);
  const { job, watch } = watched;
  const onStarted = useCallback(
    (started: RunningJob) => {
      watch(started);
      reload();
    },
    [watch, reload],
  );
  const flow = useBatchImport(onStarted);
  const actions = useBatchActions(watch, watched.watchGroup, reload);
  const anyStale = batches?.some((b) => b.stale && !b.running) ?? false;

  return (
    <div className="page batches-page">
      <div className="page-head">
        <h1>筛查批次</h1>
        <div className="count">{batches ? `共 ${batches.length} 个批次` : '正在读取…'}</div>
        <span className="toolbar-spacer" />
        {anyStale ? (
          <button type="button" onClick={() => actions.rescreen(null, batches ?? [])} title="保护名录在筛查后有改动：用新名录重新筛查命中已过时的批次">
            名录已更新，重新筛查全部
          </button>
        ) : null}
      </div>
      <StaleNotice batches={batches} onRescreen={() => actions.rescreen(null, batches ?? [])} />
      <DropZone kind={kind} onKind={setKind} disabled={flow.step.kind !== 'idle'} onFile={flow.openFile} onChoose={flow.choose} />
      {job ? (
        <ImportProgress
          fileName={job.fileName}
          rescreen={job.rescreen ?? false}
          progress={watched.progress}
          error={watched.error}
          cancelling={watched.cancelling}
          onCancel={watched.cancel}
          onClose={watched.close}
          result={watched.result}
          step={watched.step}
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
        <ColumnMappingDialog kind={flow.step.batchKind} preview={flow.step.preview} busy={flow.step.busy} onStart={flow.start} onCancel={flow.cancel} chooseImages={flow.chooseImages} />
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

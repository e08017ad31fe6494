// 查看问题行: every row of a batch that was not imported, with its row number and reason (virtualized).
import { useEffect, useState } from 'react';
import type { RowProblem } from '../../../../shared/api';
import type { BatchSummary } from '../../../../shared/contract/screening';
import { useClient } from '../../api/context';
import { Modal } from '../../components/Modal';
import { ProblemList } from '../registry/ProblemList';

const PAGE = 5000;

export function BatchProblemsDialog({ batch, onClose }: { batch: BatchSummary; onClose: () => void }) {
  const client = useClient();
  const [problems, setProblems] = useState<RowProblem[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = (offset: number) => {
    void client['batches.problems']({ batchId: batch.id, offset, limit: PAGE }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setTotal(r.value.total);
      setProblems((old) => [...old.slice(0, offset), ...r.value.problems]);
    });
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps -- read the first page once per dialog
  useEffect(() => load(0), []);

  return (
    <Modal title={`问题行：${batch.fileName}`} onClose={onClose} width={640} footer={<button type="button" onClick={onClose}>关闭</button>}>
      {error ? <p className="error-text">无法读取问题行：{error}</p> : null}
      {total === null && !error ? <p className="muted">正在读取…</p> : null}
      {total !== null ? (
        <p>
          共 {total} 行未导入{problems.length < total ? `，已显示 ${problems.length} 行` : ''}。请在原文件中改正后重新导入（已导入的行不会重复）。
        </p>
      ) : null}
      {problems.length > 0 ? <ProblemList problems={problems} /> : null}
      {total !== null && problems.length < total ? (
        <button type="button" className="link" onClick={() => load(problems.length)}>再显示 {Math.min(PAGE, total - problems.length)} 行</button>
      ) : null}
    </Modal>
  );
}

// 变更记录: every audit entry of one record, newest first, with the fields that changed.
import { useEffect, useState } from 'react';
import type { AuditEntry, StoredMark } from '../../../../shared/api';
import { useClient } from '../../api/context';
import { Modal } from '../../components/Modal';
import { formatDateTime } from '../../components/format';
import { ACTION_LABELS, changedFields } from './history-diff';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; entries: AuditEntry[] };

function ChangeTable({ entry }: { entry: AuditEntry }) {
  const changes = changedFields(entry.before, entry.after);
  if (changes.length === 0) return <div className="muted">内容没有变化</div>;
  // A new record has no "before" and a deleted one no "after": one column of values is enough.
  const single = entry.before === null ? 'after' : entry.after === null ? 'before' : null;
  const empty = <span className="muted">（空）</span>;
  return (
    <table className={`diff-table${single ? ' diff-single' : ''}`}>
      <thead>
        <tr>
          <th>字段</th>
          {single === 'after' ? <th>内容</th> : null}
          {single === 'before' ? <th>删除前的内容</th> : null}
          {single === null ? (
            <>
              <th>修改前</th>
              <th>修改后</th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <td>{c.label}</td>
            {single !== 'after' ? <td className={single ? undefined : 'diff-before'}>{c.before || empty}</td> : null}
            {single !== 'before' ? <td className={single ? undefined : 'diff-after'}>{c.after || empty}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EntryView({ entry }: { entry: AuditEntry }) {
  return (
    <li className="history-entry">
      <div className="history-head">
        <span className={`history-action action-${entry.action}`}>{ACTION_LABELS[entry.action]}</span>
        <span>{formatDateTime(entry.at)}</span>
        <span className="muted">操作人：{entry.actor || '未知'}</span>
        {entry.note ? <span className="muted">{entry.note}</span> : null}
      </div>
      <ChangeTable entry={entry} />
    </li>
  );
}

export function HistoryDialog({ mark, onClose }: { mark: StoredMark; onClose: () => void }) {
  const client = useClient();
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    void client['registry.history']({ key: mark.key }).then((r) => {
      if (!live) return;
      if (r.ok) setState({ status: 'ready', entries: [...r.value].sort((a, b) => b.id - a.id) });
      else setState({ status: 'error', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [client, mark.key]);

  return (
    <Modal title={`变更记录：${mark.id} ${mark.name}`} onClose={onClose} width={760}>
      {state.status === 'loading' ? <div className="muted">正在读取…</div> : null}
      {state.status === 'error' ? (
        <div className="form-banner" role="alert">
          {state.message}
        </div>
      ) : null}
      {state.status === 'ready' && state.entries.length === 0 ? <div className="muted">没有变更记录</div> : null}
      {state.status === 'ready' && state.entries.length > 0 ? (
        <ol className="history-list">
          {state.entries.map((e) => (
            <EntryView key={e.id} entry={e} />
          ))}
        </ol>
      ) : null}
    </Modal>
  );
}

// A save refused because another clerk changed the record meanwhile (registry.update's conflict): the server's
// message, the record as it is now beside what this clerk typed, and the clerk's choice. What the clerk typed stays
// in the form until the clerk chooses to replace it.
import type { StoredMark } from '../../../../shared/api';
import { FIELD_LABELS } from './history-diff';
import { differingFields, formFromMark, type MarkFormValues } from './mark-form';

interface MarkConflictProps {
  message: string;
  current: StoredMark;
  mine: MarkFormValues;
  /** replace the form with the current record (the clerk's edits are dropped) */
  onLoadCurrent: () => void;
  /** keep the clerk's edits and save them over the current record at the next 保存 */
  onKeepMine: () => void;
}

const shown = (text: string) => (text.trim() === '' ? '（空）' : text);

export function MarkConflict({ message, current, mine, onLoadCurrent, onKeepMine }: MarkConflictProps) {
  const differences = differingFields(formFromMark(current), mine);
  return (
    <div className="form-banner mark-conflict" role="alert">
      <p>{message}</p>
      {differences.length === 0 ? (
        <p>最新内容与您填写的内容相同。</p>
      ) : (
        <table className="diff-table" aria-label="最新内容与您填写的内容">
          <thead>
            <tr>
              <th>项目</th>
              <th>最新内容</th>
              <th>您填写的</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((d) => (
              <tr key={d.field}>
                <td>{FIELD_LABELS[d.field]}</td>
                <td className="diff-before">{shown(d.current)}</td>
                <td className="diff-after">{shown(d.mine)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">您填写的内容仍在下方表单中，尚未保存。</p>
      <div className="mark-conflict-actions">
        <button type="button" onClick={onLoadCurrent}>
          放弃我的修改，载入最新内容
        </button>
        <button type="button" onClick={onKeepMine}>
          保留我的修改
        </button>
      </div>
    </div>
  );
}

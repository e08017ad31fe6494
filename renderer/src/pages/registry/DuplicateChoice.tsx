// Asked before a new record is saved that repeats a mark of the registry (same name after folding, same category).
import type { StoredMark } from '../../../../shared/api';

interface DuplicateChoiceProps {
  duplicates: readonly StoredMark[];
  busy: boolean;
  onChoose: (choice: 'merge' | 'keep') => void;
  onCancel: () => void;
}

export function DuplicateChoice({ duplicates, busy, onChoose, onCancel }: DuplicateChoiceProps) {
  const [first] = duplicates;
  if (!first) return null;
  return (
    <div className="form-banner duplicate-choice" role="alert" aria-label="同名记录">
      <p>
        名录中已有同名同类别的记录：
        {duplicates.map((m) => `${m.id}「${m.name}」`).join('、')}。同一个商标录入两次，会让每件申请重复命中。
      </p>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => onChoose('merge')}>
          合并到 {first.id}（别名、国际分类并入）
        </button>
        <button type="button" disabled={busy} onClick={() => onChoose('keep')}>
          保留为两条记录
        </button>
        <button type="button" className="link" disabled={busy} onClick={onCancel}>
          返回修改
        </button>
      </div>
    </div>
  );
}

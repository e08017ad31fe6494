// The import preview: what the file holds, what would change, and every bad row with its row number and reason.
// Nothing is written until the user chooses; with problems the choice is "only the good rows" or "nothing".
import { useState } from 'react';
import type { DuplicateChoice, ImportPreview } from '../../../../shared/api';
import { CategoryTag } from '../../components/CategoryTag';
import { Modal } from '../../components/Modal';
import { ProblemList } from './ProblemList';

interface ImportPreviewDialogProps {
  preview: ImportPreview;
  busy: boolean;
  /** with the clerk's choice for the duplicate rows, when the file has any */
  onCommit: (choice?: DuplicateChoice) => void;
  onDiscard: () => void;
}

const CHOICES: { value: DuplicateChoice; label: string }[] = [
  { value: 'merge', label: '全部合并到已有记录（别名、国际分类并入）' },
  { value: 'keep', label: '全部保留为单独的记录' },
  { value: 'skip', label: '全部跳过（不导入这些行）' },
];

function Duplicates({ preview, choice, onChoice }: { preview: ImportPreview; choice: DuplicateChoice | null; onChoice: (c: DuplicateChoice) => void }) {
  if (preview.duplicates.length === 0) return null;
  const inFile = preview.duplicates.filter((d) => d.inFile).length;
  return (
    <section aria-label="同名记录" className="form-banner duplicate-choice">
      <h3 className="section-title">
        同名记录：{preview.duplicates.length} 行与名录中或文件前面的记录同名同类别（其中 {inFile} 行在文件内重复）
      </h3>
      <ul className="duplicate-list">
        {preview.duplicates.map((d) => (
          <li key={d.rowNumber}>
            第 {d.rowNumber} 行 {d.id}「{d.name}」（{d.category}）与{d.inFile ? '文件中的' : '名录中的'} {d.sameAsId}「{d.sameAsName}」相同
          </li>
        ))}
      </ul>
      <div className="duplicate-options" role="radiogroup" aria-label="同名记录的处理">
        {CHOICES.map((c) => (
          <label key={c.value}>
            <input type="radio" name="duplicate-choice" value={c.value} checked={choice === c.value} onChange={() => onChoice(c.value)} /> {c.label}
          </label>
        ))}
      </div>
    </section>
  );
}

function Summary({ preview }: { preview: ImportPreview }) {
  const bad = preview.totalRows - preview.goodRows;
  return (
    <dl className="import-summary">
      <div>
        <dt>文件</dt>
        <dd className="import-file">{preview.fileName}</dd>
      </div>
      <div>
        <dt>数据行</dt>
        <dd>{preview.totalRows}</dd>
      </div>
      <div>
        <dt>正确</dt>
        <dd>{preview.goodRows}</dd>
      </div>
      <div className={bad > 0 ? 'import-bad' : undefined}>
        <dt>有问题</dt>
        <dd>{bad}</dd>
      </div>
      <div>
        <dt>新增</dt>
        <dd data-testid="import-new">{preview.newCount}</dd>
      </div>
      <div>
        <dt>修改</dt>
        <dd data-testid="import-changed">{preview.changedCount}</dd>
      </div>
      <div>
        <dt>不变</dt>
        <dd data-testid="import-unchanged">{preview.unchangedCount}</dd>
      </div>
    </dl>
  );
}

function Problems({ preview }: { preview: ImportPreview }) {
  if (preview.problems.length === 0) return null;
  return (
    <section aria-label="错误报告">
      <h3 className="section-title problem-title">错误报告：{preview.problems.length} 处问题，这些行不会导入</h3>
      <ProblemList problems={preview.problems} />
    </section>
  );
}

function Sample({ preview }: { preview: ImportPreview }) {
  if (preview.sample.length === 0) return null;
  return (
    <section aria-label="数据预览">
      <h3 className="section-title">前 {preview.sample.length} 条正确的记录</h3>
      <div className="sample-list">
        <table>
          <thead>
            <tr>
              <th>编号</th>
              <th>类别</th>
              <th>商标名称</th>
              <th>国际分类</th>
              <th>权利人</th>
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((m, i) => (
              <tr key={`${m.id}-${i}`}>
                <td>{m.id}</td>
                <td>
                  <CategoryTag category={m.category} />
                </td>
                <td>{m.name}</td>
                <td>{m.classes.length ? m.classes.join(';') : '全部'}</td>
                <td>{m.holder}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Buttons({ preview, busy, onCommit, onDiscard, choice }: ImportPreviewDialogProps & { choice: DuplicateChoice | null }) {
  const needsChoice = preview.duplicates.length > 0 && choice === null;
  const hasProblems = preview.problems.length > 0;
  const nothingToDo = preview.newCount + preview.changedCount === 0;
  const commitLabel = hasProblems ? `仅导入正确的 ${preview.goodRows} 行` : `导入 ${preview.goodRows} 行`;
  return (
    <>
      <button type="button" onClick={onDiscard} disabled={busy}>
        {hasProblems ? '取消（不导入任何数据）' : '取消'}
      </button>
      {preview.goodRows > 0 && !nothingToDo ? (
        <button
          type="button"
          className="primary"
          onClick={() => onCommit(choice ?? undefined)}
          disabled={busy || needsChoice}
          title={needsChoice ? '请先选择同名记录的处理方式' : undefined}
        >
          {busy ? '正在导入…' : commitLabel}
        </button>
      ) : null}
    </>
  );
}

export function ImportPreviewDialog(props: ImportPreviewDialogProps) {
  const { preview } = props;
  const nothingToDo = preview.goodRows > 0 && preview.newCount + preview.changedCount === 0;
  const [choice, setChoice] = useState<DuplicateChoice | null>(null);
  return (
    <Modal title="导入名录：预览" onClose={props.onDiscard} footer={<Buttons {...props} choice={choice} />} width={820}>
      <Summary preview={preview} />
      <Duplicates preview={preview} choice={choice} onChoice={setChoice} />
      {preview.goodRows === 0 ? (
        <div className="form-banner" role="alert">
          文件中没有可以导入的正确记录。
        </div>
      ) : null}
      {nothingToDo ? <div className="info-banner">文件中的记录与当前名录完全一致，无需导入。</div> : null}
      <Problems preview={preview} />
      <Sample preview={preview} />
    </Modal>
  );
}

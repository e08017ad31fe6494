// The import preview: what the file holds, what would change, and every bad row with its row number and reason.
// Nothing is written until the user chooses; with problems the choice is "only the good rows" or "nothing".
import type { ImportPreview } from '../../../../shared/api';
import { CategoryTag } from '../../components/CategoryTag';
import { Modal } from '../../components/Modal';
import { ProblemList } from './ProblemList';

interface ImportPreviewDialogProps {
  preview: ImportPreview;
  busy: boolean;
  onCommit: () => void;
  onDiscard: () => void;
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

function Buttons({ preview, busy, onCommit, onDiscard }: ImportPreviewDialogProps) {
  const hasProblems = preview.problems.length > 0;
  const nothingToDo = preview.newCount + preview.changedCount === 0;
  const commitLabel = hasProblems ? `仅导入正确的 ${preview.goodRows} 行` : `导入 ${preview.goodRows} 行`;
  return (
    <>
      <button type="button" onClick={onDiscard} disabled={busy}>
        {hasProblems ? '取消（不导入任何数据）' : '取消'}
      </button>
      {preview.goodRows > 0 && !nothingToDo ? (
        <button type="button" className="primary" onClick={onCommit} disabled={busy}>
          {busy ? '正在导入…' : commitLabel}
        </button>
      ) : null}
    </>
  );
}

export function ImportPreviewDialog(props: ImportPreviewDialogProps) {
  const { preview } = props;
  const nothingToDo = preview.goodRows > 0 && preview.newCount + preview.changedCount === 0;
  return (
    <Modal title="导入名录：预览" onClose={props.onDiscard} footer={<Buttons {...props} />} width={820}>
      <Summary preview={preview} />
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

// 图样: a gazette batch may bring its images — a ZIP or a folder of images named by 申请号 (编号 for listings),
// chosen here beside the table; a 图样 column with paths relative to the table is mapped like any other column.
import type { BatchKind } from '../../../../shared/contract/screening';

export interface ChosenImages {
  token: string;
  fileName: string;
}

/** Shows the main process's dialog for a ZIP or a folder; null when cancelled (or refused, said by a toast). */
export type ChooseImages = (purpose: 'images' | 'imageFolder') => Promise<ChosenImages | null>;

export function BatchImagesChooser({ kind, chosen, onChange, choose, disabled }: {
  kind: BatchKind;
  chosen: ChosenImages | null;
  onChange: (images: ChosenImages | null) => void;
  choose: ChooseImages;
  disabled: boolean;
}) {
  const key = kind === 'filing' ? '申请号' : '编号';
  async function pick(purpose: 'images' | 'imageFolder') {
    const picked = await choose(purpose);
    if (picked) onChange(picked);
  }
  return (
    <div className="batch-images" aria-label="图样">
      <span className="muted">图样（可选）</span>{' '}
      {chosen ? <strong className="batch-images-name" title={chosen.fileName}>{chosen.fileName}</strong> : <span className="muted">未选择</span>}{' '}
      <button type="button" disabled={disabled} onClick={() => void pick('images')}>选择图样压缩包（ZIP）</button>{' '}
      <button type="button" disabled={disabled} onClick={() => void pick('imageFolder')}>选择图样文件夹</button>{' '}
      {chosen ? <button type="button" disabled={disabled} onClick={() => onChange(null)}>不带图样</button> : null}
      <p className="small muted">图片以{key}命名（如 73021539.png）；也可在表格中用「图样」列写出相对于表格文件的图片路径。</p>
    </div>
  );
}

// 以图查询: the clerk picks an image (main's dialog) and sees the registry marks whose images are near it.
import type { ImageCheck } from '../../../../shared/api';
import { Modal } from '../../components/Modal';
import { CategoryTag } from '../../components/CategoryTag';
import { scoreText } from '../../components/format';
import { orientationLabel } from './logo-labels';

export type ImageCheckState =
  | { kind: 'idle' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'done'; fileName: string; result: ImageCheck }
  | { kind: 'failed'; fileName: string; message: string };

function Answer({ result }: { result: ImageCheck }) {
  if (result.registryImages === 0) return <p>名录中还没有任何图样，无法比对。可在“修改”记录时添加图样。</p>;
  if (result.matches.length === 0) return <p>名录的 {result.registryImages} 个图样中没有与它近似的。</p>;
  return (
    <>
      <p>名录中有 {result.matches.length} 条记录的图样与它近似（共比对 {result.registryImages} 个图样）：</p>
      <ul className="image-check-list">
        {result.matches.map((m) => (
          <li key={m.key}>
            {m.thumbnail ? <img src={m.thumbnail} alt={`${m.name} 的图样`} /> : <span className="mark-images-missing">图片文件缺失</span>}
            <div>
              <div><strong>{m.name}</strong> <span className="mono muted">{m.id}</span></div>
              <CategoryTag category={m.category} />
              <div className="muted">相似度 {scoreText(m.score)}，{orientationLabel(m.orientation)}</div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ImageCheckDialog({ state, onAgain, onClose }: { state: ImageCheckState; onAgain: () => void; onClose: () => void }) {
  if (state.kind === 'idle') return null;
  const footer = (
    <>
      <button type="button" onClick={onAgain} disabled={state.kind === 'checking'}>换一张图</button>
      <button type="button" className="primary" onClick={onClose}>关闭</button>
    </>
  );
  return (
    <Modal title={`以图查询：${state.fileName}`} onClose={onClose} footer={footer} width={640}>
      <div className="image-check" aria-live="polite">
        {state.kind === 'checking' ? <p>正在比对…</p> : null}
        {state.kind === 'failed' ? <div className="form-banner" role="alert">无法查询：{state.message}</div> : null}
        {state.kind === 'done' ? (
          <>
            {state.result.thumbnail ? <img className="image-check-query" src={state.result.thumbnail} alt="所查图片" /> : null}
            <Answer result={state.result} />
          </>
        ) : null}
      </div>
    </Modal>
  );
}

// The marks a typed name may imitate: name, category, score, reasons, and the characters aligned.
import { CategoryTag } from '../CategoryTag';
import { AlignedMarkOnly, AlignedTextOnly } from '../../pages/review/AlignedText';
import { reasonsText, scoreText } from '../../pages/review/labels';
import type { QuickCheckState } from './useQuickCheck';

export function QuickCheckResults({ text, state }: { text: string; state: QuickCheckState }) {
  if (state.error) return <div className="qc-panel"><p className="error-text">无法查询：{state.error}</p></div>;
  if (state.answeredFor === null) return <div className="qc-panel"><p className="muted">正在查询…</p></div>;
  if (state.hits.length === 0) {
    return (
      <div className="qc-panel" role="status">
        <p className="qc-none">「{state.answeredFor}」未发现与保护名录近似的商标。</p>
        <p className="muted small">仅与本机保护名录比对，不代表全国注册情况。</p>
      </div>
    );
  }
  return (
    <div className="qc-panel" role="status">
      <p className="qc-title">「{state.answeredFor}」可能模仿 {state.hits.length} 个名录商标{state.pending ? '（更新中…）' : ''}</p>
      <ul className="qc-list" aria-label="快速查询结果">
        {state.hits.map((h) => (
          <li key={`${h.markId}-${h.matchedMark}`} className="qc-item">
            <div className="qc-item-head">
              <span className="qc-mark">{h.markName}</span>
              <CategoryTag category={h.markCategory} />
              <span className="qc-score mono" title="分数：0 到 1，越高越可能是模仿">{scoreText(h.score)}</span>
            </div>
            <div className="qc-align">
              <AlignedTextOnly text={text.trim()} pairs={h.alignment} label="输入" />
              <span className="qc-vs" aria-hidden="true">↔</span>
              <AlignedMarkOnly mark={h.matchedMark} pairs={h.alignment} label="名录商标" />
            </div>
            <div className="qc-reasons muted small">{reasonsText(h.reasons)}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}

// The marks a typed name may imitate: name, category, score, reasons, and the characters aligned.
import { CategoryTag } from '../CategoryTag';
import { AlignedMarkOnly, AlignedTextOnly, AlignmentLegend } from '../../pages/review/AlignedText';
import { refinePairs, tagMarkChars, tagTextChars } from '../../pages/review/alignment';
import { reasonsText, scoreText, type Relation } from '../../pages/review/labels';
import type { QuickCheckHit, QuickCheckState } from './useQuickCheck';

function QuickCheckItem({ text, hit }: { text: string; hit: QuickCheckHit }) {
  const pairs = refinePairs(text, hit.matchedMark, hit.alignment);
  return (
    <li className="qc-item">
      <div className="qc-item-head">
        <span className="qc-mark">{hit.markName}</span>
        <CategoryTag category={hit.markCategory} />
        <span className="qc-score mono" title="分数：0 到 1，越高越可能是模仿">{scoreText(hit.score)}</span>
      </div>
      <div className="qc-align">
        <AlignedTextOnly text={text} pairs={pairs} label="输入" />
        <span className="qc-vs" aria-hidden="true">↔</span>
        <AlignedMarkOnly mark={hit.matchedMark} pairs={pairs} label="名录商标" />
      </div>
      <div className="qc-reasons muted small">{reasonsText(hit.reasons)}</div>
    </li>
  );
}

/** The relations drawn in the results, for the legend under them. */
function relationsIn(text: string, hits: readonly QuickCheckHit[]): Set<Relation> {
  const found = new Set<Relation>();
  for (const h of hits) {
    const pairs = refinePairs(text, h.matchedMark, h.alignment);
    for (const c of [...tagTextChars(text, pairs), ...tagMarkChars(h.matchedMark, pairs)]) if (c.relation) found.add(c.relation);
  }
  return found;
}

export function QuickCheckResults({ state }: { state: QuickCheckState }) {
  if (state.error) return <div className="qc-panel"><p className="error-text">无法查询：{state.error}</p></div>;
  const text = state.answeredFor;
  if (text === null) return <div className="qc-panel"><p className="muted">正在查询…</p></div>;
  if (state.hits.length === 0) {
    return (
      <div className="qc-panel" role="status">
        <p className="qc-none">「{text}」未发现与保护名录近似的商标。</p>
        <p className="muted small">仅与本机保护名录比对，不代表全国注册情况。</p>
      </div>
    );
  }
  return (
    <div className="qc-panel" role="status">
      <p className="qc-title">「{text}」可能模仿 {state.hits.length} 个名录商标{state.pending ? '（更新中…）' : ''}</p>
      <ul className="qc-list" aria-label="快速查询结果">
        {state.hits.map((h) => <QuickCheckItem key={`${h.markId}-${h.matchedMark}`} text={text} hit={h} />)}
      </ul>
      <AlignmentLegend relations={relationsIn(text, state.hits)} />
    </div>
  );
}

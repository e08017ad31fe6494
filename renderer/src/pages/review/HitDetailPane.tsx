// The detail of the current hit: the screened text and the protected mark aligned character by character, the
// reasons, the decision with its history, and the filing (or listing) beside the protected mark.
import type { HitDetail } from '../../../../shared/contract/screening';
import { formatDateTime } from '../../components/format';
import { AlignedPairView } from './AlignedText';
import { DecisionBadge } from './DecisionBadge';
import { DecisionButtons } from './DecisionButtons';
import { HitLetters } from '../letters/HitLetters';
import { FilingSection, ListingSection, MarkSection } from './DetailSections';
import { scoreText } from './labels';
import { ReasonTags } from './ReasonTags';
import { HitImages } from './HitImages';

interface HitDetailPaneProps {
  detail: HitDetail | null;
  error: string | null;
  onConfirm: () => void;
  onDismiss: () => void;
  onUndecide: () => void;
}

function DecisionHistory({ detail }: { detail: HitDetail }) {
  if (!detail.decidedAt) return <p className="muted small">尚未作出结论。</p>;
  return (
    <p className="small decision-history">
      {detail.decidedBy ? `${detail.decidedBy} ` : ''}于 {formatDateTime(detail.decidedAt)} 标记为 <DecisionBadge decision={detail.decision} dismissReason={detail.dismissReason} />
      {detail.decisionNote ? <span className="muted">（备注：{detail.decisionNote}）</span> : null}
    </p>
  );
}

function MatchSection({ detail, ...actions }: { detail: HitDetail } & Omit<HitDetailPaneProps, 'detail' | 'error'>) {
  // A listing's alignment counts the characters of the whole title, so the whole title is shown aligned.
  const text = detail.listing ? detail.listing.title : detail.matchedText;
  const textLabel = detail.source === 'filing' ? '申请商标' : '商品标题';
  return (
    <section className="detail-section detail-match">
      <div className="detail-match-head">
        <span className="detail-score">分数 <strong className="mono">{scoreText(detail.score)}</strong></span>
        <DecisionBadge decision={detail.decision} dismissReason={detail.dismissReason} />
      </div>
      <HitImages hitId={detail.hitId} source={detail.source} />
      <AlignedPairView text={text} mark={detail.matchedMark} pairs={detail.alignment} textLabel={textLabel} markLabel="名录商标" />
      {detail.matchedMark !== detail.markName ? <p className="small muted">匹配的是名录商标「{detail.markName}」的别名「{detail.matchedMark}」。</p> : null}
      <div className="detail-reasons">
        <span className="muted">理由</span> <ReasonTags reasons={detail.reasons} />
      </div>
      <DecisionButtons source={detail.source} count={1} {...actions} />
      <DecisionHistory detail={detail} />
      <HitLetters hitId={detail.hitId} />
    </section>
  );
}

export function HitDetailPane({ detail, error, ...actions }: HitDetailPaneProps) {
  if (error) return <div className="detail-pane"><p className="error-text">无法读取命中详情：{error}</p></div>;
  if (!detail) {
    return (
      <div className="detail-pane detail-empty muted">
        <p>
          点选一行查看详情。键盘：<kbd>j</kbd>/<kbd>k</kbd> 上下移动，<kbd>c</kbd> 确认，<kbd>d</kbd> 排除，<kbd>u</kbd> 待定（三者都会移到下一条），
          <kbd>x</kbd> 勾选，<kbd>Ctrl</kbd>+<kbd>Z</kbd> 撤销。
        </p>
      </div>
    );
  }
  return (
    <div className="detail-pane" aria-label="命中详情">
      <MatchSection detail={detail} {...actions} />
      {detail.filing ? <FilingSection filing={detail.filing} otherHits={detail.otherHitsOfFiling} /> : null}
      {detail.listing ? <ListingSection listing={detail.listing} matched={detail.matchedText} /> : null}
      <MarkSection detail={detail} />
    </div>
  );
}

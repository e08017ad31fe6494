// Confirmed filing hits that no letter of the chosen kind covers yet, grouped by protected mark or applicant;
// the clerk ticks the filings of one matter and drafts a letter from them.
import { useMemo, useState } from 'react';
import type { LetterCandidate } from '../../../../shared/contract/letters';
import type { LetterKind } from '../../../../shared/letters/model';
import { CategoryTag } from '../../components/CategoryTag';
import { KIND_SHORT } from './labels';

type GroupBy = 'mark' | 'applicant';

interface Props {
  kind: LetterKind;
  candidates: LetterCandidate[] | null;
  error: string | null;
  busy: boolean;
  onKind: (kind: LetterKind) => void;
  onDraft: (hitIds: number[]) => void;
}

function groupsOf(candidates: LetterCandidate[], by: GroupBy): [string, LetterCandidate[]][] {
  const groups = new Map<string, LetterCandidate[]>();
  for (const c of candidates) {
    const key = by === 'mark' ? `${c.facts.protectedMarkName}（${c.facts.holder || '权利人未填'}）` : c.facts.applicant || '（申请人未填）';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.entries()];
}

export function CandidateList({ kind, candidates, error, busy, onKind, onDraft }: Props) {
  const [groupBy, setGroupBy] = useState<GroupBy>('mark');
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const groups = useMemo(() => groupsOf(candidates ?? [], groupBy), [candidates, groupBy]);
  const toggle = (ids: number[], on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) if (on) next.add(id); else next.delete(id);
      return next;
    });
  const chosen = (candidates ?? []).filter((c) => selected.has(c.facts.hitId)).map((c) => c.facts.hitId);

  return (
    <section className="card letters-candidates">
      <div className="toolbar">
        <label>
          函件种类{' '}
          <select value={kind} onChange={(e) => { setSelected(new Set()); onKind(e.target.value as LetterKind); }} aria-label="函件种类">
            <option value="referral">移送函（致国家知识产权局商标局）</option>
            <option value="holder-notice">告知函（致权利人）</option>
          </select>
        </label>
        <label>
          分组{' '}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)} aria-label="分组">
            <option value="mark">按被仿冒商标</option>
            <option value="applicant">按申请人</option>
          </select>
        </label>
        <span className="toolbar-spacer" />
        <span className="muted">已选 {chosen.length} 件</span>
        <button type="button" className="primary" disabled={busy || chosen.length === 0} onClick={() => onDraft(chosen)}>
          起草{KIND_SHORT[kind]}
        </button>
      </div>
      {error ? <p className="error-text">{error}</p> : null}
      {candidates === null ? <p className="muted">正在读取…</p> : null}
      {candidates !== null && candidates.length === 0 ? (
        <p className="grid-empty">没有待起草的已确认结果。请先在“抢注审查”中确认筛查结果。</p>
      ) : null}
      {groups.map(([group, items]) => {
        const ids = items.map((c) => c.facts.hitId);
        const all = ids.every((id) => selected.has(id));
        return (
          <div key={group} className="letters-group">
            <label className="letters-group-head">
              <input type="checkbox" checked={all} onChange={(e) => toggle(ids, e.target.checked)} aria-label={`选择 ${group}`} />
              <strong>{group}</strong> <span className="muted">{items.length} 件</span>
            </label>
            <table className="letters-table">
              <thead>
                <tr><th /><th>申请号</th><th>申请商标</th><th>类别</th><th>申请人</th><th>被仿冒商标</th><th>保护类别</th><th>异议截止日</th><th>已有函件</th></tr>
              </thead>
              <tbody>
                {items.map(({ facts, letters }) => (
                  <tr key={facts.hitId}>
                    <td><input type="checkbox" checked={selected.has(facts.hitId)} onChange={(e) => toggle([facts.hitId], e.target.checked)} aria-label={`选择 ${facts.applicationNumber}`} /></td>
                    <td className="mono">{facts.applicationNumber}</td>
                    <td>{facts.markText}</td>
                    <td>{facts.niceClass}</td>
                    <td>{facts.applicant}</td>
                    <td>{facts.protectedMarkName}</td>
                    <td><CategoryTag category={facts.category} /></td>
                    <td className="mono">{facts.oppositionDeadline || '—'}</td>
                    <td className="small">{letters.map((l) => l.documentNumber ?? `草稿${l.id}`).join('、') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}

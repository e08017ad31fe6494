// The filters above the review table, on one row: search, decision, deadline (filings), category, mark, gazette
// issue (filings) or platform (listings); the rarer ones (reason, score, class, applicant, agency) behind 更多筛选,
// which opens a second row (open by itself while one of them is set).
import { useState, type ReactNode } from 'react';
import { CATEGORIES, HIT_REASONS, REASON_LABELS, type Category, type HitReason } from '../../../../shared/domain';
import { DECISION_LABELS } from './labels';
import { defaultFilter, isFiltered, withFilter } from './filter-state';
import { TextFilter } from './TextFilter';
import type { HitFacets } from './useFacets';
import type { HitFilter } from './useHitPages';

const MIN_SCORES = [0.5, 0.6, 0.7, 0.8, 0.9];

interface HitFiltersProps {
  filter: HitFilter;
  facets: HitFacets | null;
  onChange: (filter: HitFilter) => void;
}

function Select({ label, value, onChange, children }: { label: string; value: string; onChange: (v: string) => void; children: ReactNode }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {children}
    </select>
  );
}

type Set = <K extends keyof HitFilter>(key: K, value: HitFilter[K] | '') => void;

/** 可异议 and 已过期 with how many undecided hits each holds (shared/deadlines.ts decides which is which). */
function DeadlineSelect({ filter, facets, set }: { filter: HitFilter; facets: HitFacets | null; set: Set }) {
  const by = facets?.undecidedByDeadline;
  const n = (count: number | undefined) => (count === undefined ? '' : `（待定 ${count}）`);
  return (
    <Select label="按异议期限筛选" value={filter.deadline ?? 'any'} onChange={(v) => set('deadline', v === 'any' ? '' : (v as HitFilter['deadline']))}>
      <option value="open">可异议{n(by?.actionable)}</option>
      <option value="within14">14 天内届满</option>
      <option value="within30">30 天内届满</option>
      <option value="overdue">已过期{n(by?.overdue)}</option>
      <option value="any">不限期限</option>
    </Select>
  );
}

function MainFilters({ filter, facets, set }: { filter: HitFilter; facets: HitFacets | null; set: Set }) {
  const counts = facets?.counts;
  return (
    <>
      <Select label="按结论筛选" value={filter.decision ?? ''} onChange={(v) => set('decision', v as HitFilter['decision'] | '')}>
        <option value="">全部结论</option>
        {(['undecided', 'confirmed', 'dismissed'] as const).map((d) => (
          <option key={d} value={d}>{DECISION_LABELS[d]}{counts ? `（${counts[d]}）` : ''}</option>
        ))}
      </Select>
      {filter.source === 'filing' ? <DeadlineSelect filter={filter} facets={facets} set={set} /> : null}
      <Select label="按名录类别筛选" value={filter.category ?? ''} onChange={(v) => set('category', v as Category | '')}>
        <option value="">全部类别</option>
        {CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
      </Select>
      <Select label="按名录商标筛选" value={filter.markId ?? ''} onChange={(v) => set('markId', v)}>
        <option value="">全部名录商标</option>
        {facets?.marks.map((m) => <option key={m.markId} value={m.markId}>{m.markName}（{m.count}）</option>)}
      </Select>
      {filter.source === 'filing' ? (
        <Select label="按公告期号筛选" value={filter.gazetteIssue ?? ''} onChange={(v) => set('gazetteIssue', v)}>
          <option value="">全部公告期</option>
          {facets?.gazetteIssues.map((g) => <option key={g} value={g}>{g}</option>)}
        </Select>
      ) : (
        <Select label="按平台筛选" value={filter.platform ?? ''} onChange={(v) => set('platform', v)}>
          <option value="">全部平台</option>
          {facets?.platforms.map((p) => <option key={p} value={p}>{p}</option>)}
        </Select>
      )}
    </>
  );
}

const MORE_KEYS = ['reason', 'minScore', 'niceClass', 'applicant', 'agency'] as const;

function MoreFilters({ filter, facets, set }: { filter: HitFilter; facets: HitFacets | null; set: Set }) {
  return (
    <div className="toolbar hit-filters-more" role="group" aria-label="更多筛选">
      <Select label="按理由筛选" value={filter.reason ?? ''} onChange={(v) => set('reason', v as HitReason | '')}>
        <option value="">全部理由</option>
        {HIT_REASONS.map((r) => <option key={r} value={r}>{REASON_LABELS[r]}</option>)}
      </Select>
      <Select label="最低分数" value={filter.minScore === undefined ? '' : String(filter.minScore)} onChange={(v) => set('minScore', v === '' ? '' : Number(v))}>
        <option value="">不限分数</option>
        {MIN_SCORES.map((s) => <option key={s} value={s}>分数 ≥ {s.toFixed(1)}</option>)}
      </Select>
      <Select label="按国际分类筛选" value={filter.niceClass === undefined ? '' : String(filter.niceClass)} onChange={(v) => set('niceClass', v === '' ? '' : Number(v))}>
        <option value="">全部类别号</option>
        {facets?.classes.map((c) => <option key={c} value={c}>第 {c} 类</option>)}
      </Select>
      {filter.source === 'filing' ? (
        <>
          <TextFilter label="按申请人筛选" placeholder="申请人" value={filter.applicant ?? ''} onChange={(v) => set('applicant', v)} />
          <TextFilter label="按代理机构筛选" placeholder="代理机构" value={filter.agency ?? ''} onChange={(v) => set('agency', v)} />
        </>
      ) : null}
    </div>
  );
}

export function HitFilters({ filter, facets, onChange }: HitFiltersProps) {
  const set: Set = (key, value) => onChange(withFilter(filter, key, value));
  const moreSet = MORE_KEYS.filter((k) => filter[k] !== undefined && filter[k] !== '').length;
  const [moreOpen, setMoreOpen] = useState(false);
  const showMore = moreOpen || moreSet > 0;
  return (
    <div className="hit-filters-wrap">
      <div className="toolbar hit-filters">
        <TextFilter
          label="搜索命中"
          placeholder={filter.source === 'filing' ? '搜索商标、申请号、申请人…' : '搜索标题、店铺、编号…'}
          value={filter.text ?? ''}
          onChange={(v) => set('text', v)}
          width={190}
        />
        <MainFilters filter={filter} facets={facets} set={set} />
        <button type="button" className="link" aria-expanded={showMore} onClick={() => setMoreOpen(!showMore)}>
          更多筛选{moreSet > 0 ? `（${moreSet}）` : ''} {showMore ? '▴' : '▾'}
        </button>
        {filter.batchId !== undefined ? (
          <span className="filter-chip">
            批次 #{filter.batchId}
            <button type="button" className="link" aria-label="不限批次" onClick={() => set('batchId', '')}>×</button>
          </span>
        ) : null}
        {isFiltered(filter) ? (
          <button type="button" className="link" onClick={() => onChange({ ...defaultFilter(filter.source) })}>
            清除筛选
          </button>
        ) : null}
      </div>
      {showMore ? <MoreFilters filter={filter} facets={facets} set={set} /> : null}
    </div>
  );
}

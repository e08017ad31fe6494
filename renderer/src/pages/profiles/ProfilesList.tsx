// 申请人与代理机构: every applicant or agency with its filings, classes, hits and bad-faith flags.
import { useMemo, useState } from 'react';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { formatCount } from './format';
import type { ProfileKind, ProfileSortBy, ProfilesQuery, SortDir } from './profile-types';
import { KIND_LABEL } from './profile-types';
import { ProfilesTable } from './ProfilesTable';
import { ProfilesToolbar } from './ProfilesToolbar';
import { useProfilePages } from './useProfilePages';

const SEARCH_DELAY_MS = 250;

/** Names read best A→Z; numbers and dates are most useful largest or latest first. */
function defaultDir(sortBy: ProfileSortBy): SortDir {
  return sortBy === 'name' ? 'asc' : 'desc';
}


interface ProfilesListProps {
  kind: ProfileKind;
  onKind: (kind: ProfileKind) => void;
  /** false while a profile is shown over the list */
  active: boolean;
}

export function ProfilesList({ kind, onKind, active }: ProfilesListProps) {
  const [search, setSearch] = useState('');
  const [onlyWithHits, setOnlyWithHits] = useState(true);
  const [sortBy, setSortBy] = useState<ProfileSortBy>('hits');
  const [sortDir, setSortDir] = useState<SortDir>('desc');
  const settledSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);

  const query = useMemo<ProfilesQuery>(
    () => ({ kind, onlyWithHits, sortBy, sortDir, ...(settledSearch ? { search: settledSearch } : {}) }),
    [kind, onlyWithHits, sortBy, sortDir, settledSearch],
  );
  const pages = useProfilePages(query);

  const onSort = (next: ProfileSortBy) => {
    if (next === sortBy) setSortDir(sortDir === 'asc' ? 'desc' : 'asc');
    else {
      setSortBy(next);
      setSortDir(defaultDir(next));
    }
  };

  const label = KIND_LABEL[kind];
  const emptyText = settledSearch
    ? `没有名称包含「${settledSearch}」的${label}`
    : onlyWithHits
      ? `还没有命中保护名录的${label}（取消“只看有命中的”可查看全部）`
      : `还没有${label}：请先导入初审公告`;
  return (
    <div className="page profiles-page">
      <div className="page-head">
        <h1>申请人与代理机构</h1>
        <div className="count" aria-live="polite">
          {pages.total === null ? '正在统计…' : `共 ${formatCount(pages.total)} 个${label}`}
        </div>
      </div>
      <p className="muted small lead">
        按申请人或代理机构汇总已导入的初审公告：申请量、类别、命中保护名录的情况，以及《商标法》第四条所指恶意申请的迹象（鼠标停在标记上可查看判定规则）。
      </p>
      <ProfilesToolbar
        kind={kind}
        onKind={onKind}
        search={search}
        onSearch={setSearch}
        onlyWithHits={onlyWithHits}
        onOnlyWithHits={setOnlyWithHits}
      />
      {pages.error ? (
        <div className="form-banner" role="alert">
          无法读取{label}名单：{pages.error}
        </div>
      ) : null}
      <ProfilesTable
        kind={kind}
        pages={pages}
        sortBy={sortBy}
        sortDir={sortDir}
        onSort={onSort}
        emptyText={emptyText}
        active={active}
      />
    </div>
  );
}

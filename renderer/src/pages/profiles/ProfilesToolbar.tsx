// Above the profile list: applicant or agency, a search box, only those with hits.
import type { ProfileKind } from './profile-types';
import { KIND_LABEL } from './profile-types';

interface ProfilesToolbarProps {
  kind: ProfileKind;
  onKind: (kind: ProfileKind) => void;
  search: string;
  onSearch: (text: string) => void;
  onlyWithHits: boolean;
  onOnlyWithHits: (only: boolean) => void;
}

const KINDS: readonly ProfileKind[] = ['applicant', 'agency'];

export function ProfilesToolbar(props: ProfilesToolbarProps) {
  return (
    <div className="toolbar">
      <div className="segmented" role="radiogroup" aria-label="名单类型">
        {KINDS.map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={props.kind === k}
            className={props.kind === k ? 'active' : ''}
            onClick={() => props.onKind(k)}
          >
            {KIND_LABEL[k]}
          </button>
        ))}
      </div>
      <div className="search">
        <input
          type="search"
          aria-label={`搜索${KIND_LABEL[props.kind]}`}
          placeholder={`搜索${KIND_LABEL[props.kind]}名称…`}
          maxLength={100}
          value={props.search}
          onChange={(e) => props.onSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') props.onSearch('');
          }}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={props.onlyWithHits} onChange={(e) => props.onOnlyWithHits(e.target.checked)} />
        只看有命中的
      </label>
    </div>
  );
}

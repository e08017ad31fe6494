// Applicant and agency profiles: what each filed, how much of it hits the registry, and the bad-faith patterns of
// the examination guideline (art. 4) that the numbers show. The thresholds are deliberately plain so that a
// reviewer can explain a flag in a letter.
import type { BadFaithFlag, HitRow, ProfileRow } from '../../shared/contract/screening';
import { BAD_FAITH_LABELS, BAD_FAITH_THRESHOLDS } from '../../shared/bad-faith';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { localToday } from '../review/local-time';
import { queryHits } from '../review/queue-repository';
import { type PROFILE_SORTS, profileAggregates, type ProfileAggregate, type ProfileKind } from './repository';

interface ProfileNumbers extends Omit<ProfileRow, 'flags' | 'kind' | 'name'> {
  maxHitsOnOneOwner: number;
}

const T = BAD_FAITH_THRESHOLDS;
export const BAD_FAITH_RULES: Record<BadFaithFlag, { label: string; applies: (p: ProfileNumbers) => boolean }> = {
  'many-owners': { label: BAD_FAITH_LABELS['many-owners'], applies: (p) => p.distinctOwnersHit >= T['many-owners'] },
  'public-resources': { label: BAD_FAITH_LABELS['public-resources'], applies: (p) => p.publicResourceHits >= T['public-resources'] },
  'bulk-filing': { label: BAD_FAITH_LABELS['bulk-filing'], applies: (p) => p.filings >= T['bulk-filing'] },
  'repeat-owner': { label: BAD_FAITH_LABELS['repeat-owner'], applies: (p) => p.maxHitsOnOneOwner >= T['repeat-owner'] },
  'many-classes': { label: BAD_FAITH_LABELS['many-classes'], applies: (p) => p.classes >= T['many-classes'] },
};

function toProfile(kind: ProfileKind, row: ProfileAggregate): ProfileRow {
  const numbers = {
    filings: row.filings,
    classes: row.classes,
    hits: row.hits,
    distinctMarksHit: row.distinct_marks,
    distinctOwnersHit: row.distinct_owners,
    publicResourceHits: row.public_hits,
    firstDate: row.first_date,
    lastDate: row.last_date,
  };
  const flags = (Object.keys(BAD_FAITH_RULES) as BadFaithFlag[]).filter((flag) =>
    BAD_FAITH_RULES[flag].applies({ ...numbers, maxHitsOnOneOwner: row.max_on_owner }),
  );
  return { kind, name: row.name, ...numbers, flags };
}

export function createProfileService(ctx: AppContext) {
  async function list(options: { kind: ProfileKind; onlyWithHits: boolean; search?: string; sortBy: keyof typeof PROFILE_SORTS; sortDir: 'asc' | 'desc'; offset: number; limit: number }) {
    const { kind, onlyWithHits, search } = options;
    const rows = await profileAggregates(ctx.data, { kind, onlyWithHits, ...(search ? { search } : {}) }, { by: options.sortBy, dir: options.sortDir });
    return { total: rows.length, rows: rows.slice(options.offset, options.offset + options.limit).map((r) => toProfile(kind, r)) };
  }

  return {
    list,
    async get(kind: ProfileKind, name: string): Promise<ProfileRow & { hitRows: HitRow[] }> {
      const [row] = await profileAggregates(ctx.data, { kind, name });
      if (!row) throw new AppFailure('not-found', `没有找到${kind === 'applicant' ? '申请人' : '代理机构'}「${name}」的申请记录`);
      const { rows: hitRows } = await queryHits(
        ctx.data,
        { source: 'filing', [kind]: name, sortBy: 'score', sortDir: 'desc', offset: 0, limit: 1000 },
        localToday(ctx.now()),
      );
      return { ...toProfile(kind, row), hitRows };
    },
  };
}

export type ProfileService = ReturnType<typeof createProfileService>;

// Links from the profiles and the dashboard to other pages, all by URL fragment. The review queue reads
// `decision`, `text`, `applicant` and `agency` from its fragment (renderer/src/pages/review/filter-state.ts).
import type { HitRow } from '../../../../shared/contract/screening';
import type { ProfileKind } from './profile-types';
import { pageHref } from './useHashParams';

export function profileHref(kind: ProfileKind, name: string): string {
  return pageHref('profiles', { kind, name });
}

export function profilesListHref(kind: ProfileKind): string {
  return pageHref('profiles', { kind });
}

/** The review queue with every hit of one applicant's or agency's filings, decided or not. */
export function reviewHrefForProfile(kind: ProfileKind, name: string): string {
  return pageHref('review', { decision: 'all', [kind]: name });
}

/** The review queue narrowed to one hit's filing (by application number) or listing (by the text that matched). */
export function reviewHrefForHit(hit: Pick<HitRow, 'source' | 'filing' | 'matchedText'>): string {
  const page = hit.source === 'listing' ? 'listings' : 'review';
  const text = hit.filing?.applicationNumber ?? hit.matchedText.slice(0, 200);
  return pageHref(page, { decision: 'all', text });
}

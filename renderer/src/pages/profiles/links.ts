// Links from the profiles and the dashboard to other pages, all by URL fragment. The review queue reads
// `decision`, `deadline` and `text` from its fragment (renderer/src/pages/review/filter-state.ts); `applicant` and
// `agency` are passed as well for when it reads them.
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
  // The queue's free text covers the applicant (not the agency), so an applicant is found by it today.
  return pageHref('review', { decision: 'all', [kind]: name, text: kind === 'applicant' ? name : undefined });
}

/** The review queue narrowed to one hit's filing (by application number) or listing (by the text that matched). */
export function reviewHrefForHit(hit: Pick<HitRow, 'source' | 'filing' | 'matchedText'>): string {
  const page = hit.source === 'listing' ? 'listings' : 'review';
  const text = hit.filing?.applicationNumber ?? hit.matchedText.slice(0, 200);
  return pageHref(page, { decision: 'all', text });
}

// Links from the profiles and the dashboard to other pages, all by URL fragment.
import type { ProfileKind } from './profile-types';
import { pageHref } from './useHashParams';

export function profileHref(kind: ProfileKind, name: string): string {
  return pageHref('profiles', { kind, name });
}

export function profilesListHref(kind: ProfileKind): string {
  return pageHref('profiles', { kind });
}

/** The review queue filtered to one applicant's or agency's filings. */
export function reviewHrefForProfile(kind: ProfileKind, name: string): string {
  return pageHref('review', { source: 'filing', [kind]: name });
}

/** The review queue with one hit selected. */
export function reviewHrefForHit(hitId: number, source: 'filing' | 'listing' = 'filing'): string {
  return pageHref('review', { source, hit: hitId });
}

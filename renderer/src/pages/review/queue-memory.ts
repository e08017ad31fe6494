// Where the clerk was in a review queue — filter, sort, scroll position, current row — kept for the session, so
// leaving the page (to write a letter, check a profile) and coming back returns to the same place.
import type { BatchKind } from '../../../../shared/contract/screening';
import type { HitFilter } from './useHitPages';

export interface QueuePlace {
  filter: HitFilter;
  scrollTop: number;
  /** rows loaded when the clerk left, so that the same rows can be scrolled to again */
  loaded: number;
  cursor: number;
}

const KEY = 'markguard.reviewQueue.';

export function recallPlace(source: BatchKind): QueuePlace | null {
  try {
    const text = window.sessionStorage.getItem(KEY + source);
    const place = text ? (JSON.parse(text) as QueuePlace) : null;
    return place && place.filter?.source === source ? place : null;
  } catch {
    return null;
  }
}

export function rememberPlace(source: BatchKind, place: QueuePlace): void {
  try {
    window.sessionStorage.setItem(KEY + source, JSON.stringify(place));
  } catch {
    // A full or disabled storage only loses the convenience of coming back to the same place.
  }
}

// The state of a review queue (filings or listings): filter, pages of rows, selection, keyboard, decisions.
import { useCallback, useEffect, useState } from 'react';
import type { BatchKind, Decision } from '../../../../shared/contract/screening';
import { filterFromHash, toggleSort, type SortKey } from './filter-state';
import type { ReviewEffect } from './review-keys';
import { useDecide } from './useDecide';
import { useDismiss } from './useDismiss';
import { useFacets } from './useFacets';
import { useHitPages, type HitFilter } from './useHitPages';
import { useReviewKeyboard } from './useReviewKeyboard';
import { useSelection } from './useSelection';

/** Follows links such as #/review?deadline=within14 while the page is open. */
function useHashFilter(source: BatchKind, apply: (filter: HitFilter) => void) {
  useEffect(() => {
    const onChange = () => {
      if (window.location.hash.includes('?')) apply(filterFromHash(source, window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [source, apply]);
}

type Scope = 'current' | 'selection';

export function useReviewQueue(source: BatchKind) {
  const [filter, setFilterState] = useState<HitFilter>(() => filterFromHash(source, window.location.hash));
  const [facetsVersion, setFacetsVersion] = useState(0);
  const [detailVersion, setDetailVersion] = useState(0);
  const facets = useFacets(source, facetsVersion);
  const pages = useHitPages(filter);
  const onDecided = useCallback(() => {
    setFacetsVersion((v) => v + 1);
    setDetailVersion((v) => v + 1);
  }, []);
  const decide = useDecide(pages.patch, onDecided);
  const selection = useSelection(pages.rows.map((r) => r.hitId));
  const dismiss = useDismiss(decide);

  const onEffect = (effect: ReviewEffect, cursor: number) => {
    // The chooser may have been opened for the checked rows, with no current row.
    if (effect.kind === 'dismiss') return dismiss.finish(effect.reason);
    const row = pages.rows[cursor];
    if (!row) return;
    if (effect.kind === 'confirm') void decide([row.hitId], 'confirmed');
    else if (effect.kind === 'undecide') void decide([row.hitId], 'undecided');
    else if (effect.kind === 'toggle') selection.check(cursor, false);
    else if (effect.kind === 'open-dismiss') dismiss.begin([row.hitId]);
  };
  const keyboard = useReviewKeyboard(pages.rows.length, onEffect);
  const { setCursor, openChooser, closeChooser } = keyboard;
  const clearSelection = selection.clear;

  const setFilter = useCallback(
    (next: HitFilter) => {
      setFilterState(next);
      clearSelection();
      setCursor(-1);
    },
    [setCursor, clearSelection],
  );
  useHashFilter(source, setFilter);

  const targets = (scope: Scope): number[] => {
    if (scope === 'selection') return [...selection.ids];
    const row = pages.rows[keyboard.state.cursor];
    return row ? [row.hitId] : [];
  };

  return {
    filter,
    setFilter,
    sort: (key: SortKey) => setFilter(toggleSort(filter, key)),
    facets,
    pages,
    selection,
    keyboard,
    detailVersion,
    dismiss,
    /** the decision buttons: of the detail pane ('current') or of the bulk bar ('selection') */
    decideTargets: (scope: Scope, decision: Exclude<Decision, 'dismissed'>) => void decide(targets(scope), decision),
    openDismiss: (scope: Scope) => {
      if (dismiss.begin(targets(scope))) openChooser();
    },
    confirmDismiss: () => {
      const reason = keyboard.state.chooser?.reason ?? '不近似';
      closeChooser();
      dismiss.finish(reason);
    },
  };
}

export type ReviewQueueState = ReturnType<typeof useReviewQueue>;

// The state of a review queue (filings or listings): filter, pages of rows, selection, keyboard, decisions, undo,
// and the place in the queue kept for when the clerk comes back.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchKind, Decision } from '../../../../shared/contract/screening';
import { defaultFilter, filterFromHash, hasHashFilter, toggleSort, type SortKey } from './filter-state';
import { recallPlace, rememberPlace } from './queue-memory';
import type { ReviewEffect } from './review-keys';
import { useDecide } from './useDecide';
import { useDismiss } from './useDismiss';
import { useFacets } from './useFacets';
import { useHitPages, type HitFilter } from './useHitPages';
import { useReviewKeyboard } from './useReviewKeyboard';
import { useSelection } from './useSelection';
import { useUndoKey } from './useUndoKey';

/** Follows links such as #/review?deadline=within14 while the page is open. */
function useHashFilter(source: BatchKind, apply: (filter: HitFilter) => void) {
  useEffect(() => {
    const onChange = () => {
      if (hasHashFilter(window.location.hash)) apply(filterFromHash(source, window.location.hash));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [source, apply]);
}

type Scope = 'current' | 'selection';

/** A link with parameters opens what it names; otherwise the queue opens where the clerk left it. */
function initialPlace(source: BatchKind) {
  if (hasHashFilter(window.location.hash)) return { filter: filterFromHash(source, window.location.hash), scrollTop: 0, loaded: 0, cursor: -1 };
  return recallPlace(source) ?? { filter: defaultFilter(source), scrollTop: 0, loaded: 0, cursor: -1 };
}

export function useReviewQueue(source: BatchKind) {
  const [start] = useState(() => initialPlace(source));
  const [filter, setFilterState] = useState<HitFilter>(start.filter);
  const [facetsVersion, setFacetsVersion] = useState(0);
  const [detailVersion, setDetailVersion] = useState(0);
  const facets = useFacets(source, facetsVersion);
  const pages = useHitPages(filter, start.loaded);
  const onDecided = useCallback(() => {
    setFacetsVersion((v) => v + 1);
    setDetailVersion((v) => v + 1);
  }, []);
  const rowsRef = useRef(pages.rows);
  rowsRef.current = pages.rows;
  const cursorTo = useRef<(index: number) => void>(() => undefined);
  const onUndone = useCallback((hitIds: readonly number[]) => {
    // A single undone hit becomes the current row again, to be decided anew.
    if (hitIds.length !== 1) return;
    const index = rowsRef.current.findIndex((r) => r.hitId === hitIds[0]);
    if (index >= 0) cursorTo.current(index);
  }, []);
  const { decide, decideMatching, undo } = useDecide(pages, onDecided, onUndone);
  const selection = useSelection(pages.rows.map((r) => r.hitId));
  const dismiss = useDismiss(decide, decideMatching);
  const scrollTop = useRef(start.scrollTop);

  const onEffect = (effect: ReviewEffect, cursor: number) => {
    // The chooser may have been opened for the checked rows, with no current row.
    if (effect.kind === 'dismiss') {
      dismiss.finish(effect.reason);
      if (dismissAdvances.current) keyboard.setCursor(Math.min(cursor + 1, pages.rows.length - 1));
      return;
    }
    const row = pages.rows[cursor];
    if (!row) return;
    // c and u decide the current hit and move on to the next, as d does once its reason is chosen.
    const next = () => keyboard.setCursor(Math.min(cursor + 1, pages.rows.length - 1));
    if (effect.kind === 'confirm') {
      void decide([row.hitId], 'confirmed');
      next();
    } else if (effect.kind === 'undecide') {
      void decide([row.hitId], 'undecided');
      next();
    } else if (effect.kind === 'toggle') selection.check(cursor, false);
    else if (effect.kind === 'open-dismiss') {
      dismiss.begin({ hitIds: [row.hitId] });
      dismissAdvances.current = true;
    }
  };
  const dismissAdvances = useRef(false);
  const keyboard = useReviewKeyboard(pages.rows.length, onEffect, start.cursor);
  const { setCursor, openChooser, closeChooser } = keyboard;
  cursorTo.current = setCursor;
  const clearSelection = selection.clear;
  useUndoKey(undo);

  const setFilter = useCallback(
    (next: HitFilter) => {
      setFilterState(next);
      clearSelection();
      setCursor(-1);
      scrollTop.current = 0;
    },
    [setCursor, clearSelection],
  );
  useHashFilter(source, setFilter);

  // Kept on every change and when the page closes, so coming back finds the same filter, rows and position.
  const place = { filter, scrollTop: scrollTop.current, loaded: pages.rows.length, cursor: keyboard.state.cursor };
  const latestPlace = useRef(place);
  latestPlace.current = place;
  useEffect(() => () => rememberPlace(source, latestPlace.current), [source]);
  useEffect(() => rememberPlace(source, latestPlace.current), [source, filter, keyboard.state.cursor]);

  const targets = (scope: Scope): number[] => {
    if (scope === 'selection') return [...selection.ids];
    const row = pages.rows[keyboard.state.cursor];
    return row ? [row.hitId] : [];
  };
  const afterCurrent = (scope: Scope) => {
    if (scope === 'current' && keyboard.state.cursor >= 0) setCursor(Math.min(keyboard.state.cursor + 1, pages.rows.length - 1));
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
    undo: () => void undo(),
    /** where the table was scrolled; the table restores it once the rows are there */
    initialScrollTop: start.scrollTop,
    onScroll: (top: number) => {
      scrollTop.current = top;
      latestPlace.current = { ...latestPlace.current, scrollTop: top };
    },
    /** the decision buttons: of the detail pane ('current') or of the bulk bar ('selection') */
    decideTargets: (scope: Scope, decision: Exclude<Decision, 'dismissed'>) => {
      if (scope === 'selection' && selection.allMatching) {
        void decideMatching(filter, decision);
        clearSelection();
        return;
      }
      void decide(targets(scope), decision);
      afterCurrent(scope);
    },
    openDismiss: (scope: Scope) => {
      dismissAdvances.current = scope === 'current';
      const begun =
        scope === 'selection' && selection.allMatching
          ? dismiss.begin({ filter, count: pages.total ?? 0 })
          : dismiss.begin({ hitIds: targets(scope) });
      if (begun) openChooser();
    },
    confirmDismiss: () => {
      const reason = keyboard.state.chooser?.reason ?? '不近似';
      closeChooser();
      dismiss.finish(reason);
      if (selection.allMatching) clearSelection();
      if (dismissAdvances.current) afterCurrent('current');
    },
  };
}

export type ReviewQueueState = ReturnType<typeof useReviewQueue>;

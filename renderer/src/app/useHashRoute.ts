// The current page lives in the URL fragment (#/registry, #/backup, #/about), so the Electron menu can open a page
// by setting location.hash and a reload keeps the page. The web bridge's #token=... is taken away before this runs.
import { useCallback, useEffect, useState } from 'react';

export function pageFromHash<P extends string>(hash: string, pages: readonly P[], fallback: P): P {
  const name = /^#\/([\w-]+)/.exec(hash)?.[1];
  return pages.find((p) => p === name) ?? fallback;
}

export function useHashRoute<P extends string>(pages: readonly P[], fallback: P): [P, (page: P) => void] {
  const [page, setPage] = useState<P>(() => pageFromHash(window.location.hash, pages, fallback));

  useEffect(() => {
    const onChange = () => setPage(pageFromHash(window.location.hash, pages, fallback));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [pages, fallback]);

  const go = useCallback((next: P) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [page, go];
}

// The query part of the page fragment: "#/profiles?kind=applicant&name=…" → kind, name. The profile page lives
// there, so the browser's back button and a reload keep it, and other pages can link to a profile.
import { useEffect, useState } from 'react';

export function hashParams(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

/** "#/page?k=v&…" from a page and its parameters; empty values are left out. */
export function pageHref(page: string, params: Record<string, string | number | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return `#/${page}${text ? `?${text}` : ''}`;
}

export function useHashParams(): URLSearchParams {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return hashParams(hash);
}

// The one Content-Security-Policy of the app, sent with every page of the renderer by the Electron window (app://)
// and by the web bridge (http://127.0.0.1), and the decisions the window makes about permissions and links.
// Electron-free, so that tests can check exactly what both send (issue 9, item 20).
import { isWebLink } from '../../shared/formats/links';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The headers every renderer file is served with. */
export function securityHeaders(): Record<string, string> {
  return { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' };
}

/**
 * The response headers after the window's onHeadersReceived hook: any policy a response brought is replaced by
 * ours (whatever the case of its name), so that nothing loaded into the window carries a weaker one.
 */
export function withSecurityHeaders(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => !['content-security-policy', 'x-content-type-options'].includes(name.toLowerCase()),
  );
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'X-Content-Type-Options': ['nosniff'] };
}

/** Every permission a page may ask for (camera, notifications, clipboard, …) is refused. */
export function permissionAllowed(_permission: string): boolean {
  return false;
}

/** What the main process opens in the user's browser: an http(s) address, nothing else (no file:, no smb:). */
export function opensInBrowser(url: string): boolean {
  if (!isWebLink(url)) return false;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

// The app:// protocol that serves the built renderer to the Electron window instead of file:// (issue 9, item 20):
// a page on file:// may read other local files, one on app:// only what this resolver allows. The resolution is pure
// so that path traversal can be tested without Electron; the web bridge serves its files through the same function.
import path from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'markguard';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export function contentTypeOf(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

type PathApi = Pick<typeof path, 'resolve' | 'sep'>;

/**
 * The file under `rootDir` that a URL path names, or null when it names anything outside it: `..` in any spelling
 * (%2e%2e, %2f, a backslash that Windows reads as a separator), a NUL, a malformed escape, an absolute path.
 */
export function resolveInside(rootDir: string, urlPath: string, pathApi: PathApi = path): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return null;
  const relative = decoded === '/' ? '/index.html' : decoded;
  const root = pathApi.resolve(rootDir);
  const resolved = pathApi.resolve(root, `.${relative}`);
  return resolved.startsWith(root + pathApi.sep) ? resolved : null;
}

/** The renderer file an app:// request names, or null (another host, another scheme, outside the folder). */
export function resolveAppRequest(rendererDir: string, url: string, pathApi: PathApi = path): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return resolveInside(rendererDir, parsed.pathname, pathApi);
}

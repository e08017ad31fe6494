// Links to the web that a clerk may open (a listing's page on a shop): http and https only. The renderer shows
// nothing else as a link, and the main process opens nothing else in the browser (issue 9, item 20).

/** true for an absolute http(s) address without spaces or control characters. */
export function isWebLink(text: string): boolean {
  return /^https?:\/\/[^\s/?#\\]+[^\s\u0000-\u001f\u007f]*$/i.test(text);
}

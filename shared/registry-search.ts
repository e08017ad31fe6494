// Instant search over the registry of protected marks, as the registry page uses it.
// Pure: no DOM, no Node. Search keys are computed once per list load (buildSearchIndex), so each keystroke is only
// a scan of precomputed lower-case strings — fluid at 10,000 records without a fuzzy library.
import { pinyin } from 'pinyin-pro';
import { ALL_CLASS_CATEGORIES, type Category } from './domain';

/** The fields of a mark the search looks at (a StoredMark or a ProtectedMark fits). */
export interface SearchableMark {
  id: string;
  name: string;
  category: Category;
  classes: readonly number[];
  aliases: readonly string[];
  holder: string;
  registrationNumber: string;
  region: string;
}

export interface SearchFilters {
  /** null or undefined: every category */
  category?: Category | null;
  /** null or undefined: every Nice class */
  niceClass?: number | null;
}

interface Entry<T> {
  item: T;
  /** every searchable field, normalised, separated by \u0001 */
  text: string;
  /** the same without spaces and punctuation ("red bull" → "redbull") */
  compact: string;
  /** names (mark name, then aliases), normalised, for ranking */
  names: string[];
  /** pinyin initials of each name ("青海湖" → "qhh"), separated by \u0001 */
  initials: string;
  /** full toneless pinyin of each name without separators ("青海湖" → "qinghaihu"), separated by \u0001 */
  spelled: string;
}

export interface SearchIndex<T> {
  readonly entries: readonly Entry<T>[];
  /** entries by the caller's identity of a record version, for reuse by the next build */
  readonly byIdentity?: ReadonlyMap<string, Entry<T>>;
}

export interface BuildOptions<T> {
  /** the index of the previous load: entries of records with the same identity are reused, not recomputed */
  previous?: SearchIndex<T>;
  /** what makes two loads of a record the same version, e.g. its key and updatedAt */
  identity?: (mark: T) => string;
}

const SEP = '\u0001';
const NON_WORD = /[^\p{L}\p{N}]+/gu;
const LATIN_OR_DIGITS = /^[a-z0-9]+$/;

/** NFKC (full-width letters and digits become half-width), lower case, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

function compactText(text: string): string {
  return text.replace(NON_WORD, '');
}

function pinyinKey(name: string, pattern: 'first' | 'pinyin'): string {
  const parts = pinyin(name, { pattern, toneType: 'none', type: 'array' });
  return compactText(parts.join('').toLowerCase());
}

function buildEntry<T extends SearchableMark>(item: T): Entry<T> {
  const names = [item.name, ...item.aliases].map(normalizeText).filter((n) => n.length > 0);
  const fields = [item.id, ...names, item.holder, item.registrationNumber, item.region].map(normalizeText);
  const text = fields.join(SEP);
  return {
    item,
    text,
    compact: fields.map(compactText).join(SEP),
    names,
    initials: names.map((n) => pinyinKey(n, 'first')).join(SEP),
    spelled: names.map((n) => pinyinKey(n, 'pinyin')).join(SEP),
  };
}

/**
 * Precomputes the search keys of every mark; call once each time the list is (re)loaded. With an identity, a reload
 * after one change recomputes only the changed records (pinyin of 10,000 names takes a noticeable moment).
 */
export function buildSearchIndex<T extends SearchableMark>(marks: readonly T[], options: BuildOptions<T> = {}): SearchIndex<T> {
  const { identity, previous } = options;
  if (!identity) return { entries: marks.map(buildEntry) };
  const byIdentity = new Map<string, Entry<T>>();
  const entries = marks.map((item) => {
    const id = identity(item);
    const old = previous?.byIdentity?.get(id);
    const entry = old ? { ...old, item } : buildEntry(item);
    byIdentity.set(id, entry);
    return entry;
  });
  return { entries, byIdentity };
}

/** Splits a query into normalised tokens; every token must match (AND). */
export function queryTokens(query: string): string[] {
  return normalizeText(query)
    .split(/\s+/u)
    .filter((t) => t.length > 0);
}

function tokenMatches(entry: Entry<SearchableMark>, token: string): boolean {
  if (entry.text.includes(token)) return true;
  const compact = compactText(token);
  if (compact.length === 0) return false;
  if (entry.compact.includes(compact)) return true;
  if (!LATIN_OR_DIGITS.test(compact)) return false;
  return entry.initials.includes(compact) || entry.spelled.includes(compact);
}

/** Lower is better: the exact name first, then names starting with the query, then names containing it. */
function rank(entry: Entry<SearchableMark>, tokens: readonly string[]): number {
  const whole = tokens.join(' ');
  if (entry.names.some((n) => n === whole)) return 0;
  if (entry.names.some((n) => n.startsWith(whole))) return 1;
  if (entry.initials.split(SEP).some((i) => i === compactText(whole))) return 1;
  if (entry.names.some((n) => n.includes(whole))) return 2;
  return 3;
}

/** True when the mark is protected in the given Nice class (a public resource with no classes covers every class). */
export function coversClass(mark: SearchableMark, niceClass: number): boolean {
  if (mark.classes.includes(niceClass)) return true;
  return mark.classes.length === 0 && ALL_CLASS_CATEGORIES.has(mark.category);
}

function passesFilters(mark: SearchableMark, filters: SearchFilters): boolean {
  if (filters.category && mark.category !== filters.category) return false;
  if (filters.niceClass != null && !coversClass(mark, filters.niceClass)) return false;
  return true;
}

/**
 * The marks matching the query and filters. An empty query keeps the list's order; otherwise the best matches come
 * first (exact name, name prefix or initials, name containing the query, any other field), ties in list order.
 */
export function searchMarks<T extends SearchableMark>(
  index: SearchIndex<T>,
  query: string,
  filters: SearchFilters = {},
): T[] {
  const tokens = queryTokens(query);
  const matched = index.entries.filter(
    (e) => passesFilters(e.item, filters) && tokens.every((t) => tokenMatches(e, t)),
  );
  if (tokens.length === 0) return matched.map((e) => e.item);
  return matched
    .map((entry, order) => ({ entry, order, score: rank(entry, tokens) }))
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .map((r) => r.entry.item);
}

// The engine's public entry points: screen a filing, a listing, or a piece of text against the registry index.
// Category reach (domain.md): well-known marks and public resources reach every class; the class-limited
// categories only their own classes; a geographical indication its goods, and in listings only sellers from outside
// its region; the right holder's own filings are exempt.
import { ALL_CLASS_CATEGORIES, type Filing, type Hit, type Listing } from '../domain';
import { hanCandidates, latinCandidates } from './candidates';
import { composedOf } from './glyphs';
import { genericSpans, isGenericWord } from './generic';
import { normaliseOwner, normaliseText, type NormalisedText } from './normalise';
import type { RegistryIndex } from './registry-index';
import { hanThreshold, LATIN_THRESHOLD, scoreHan, scoreLatin, type Context, type FormScore } from './score';

/**
 * Listing titles and quick-check texts are screened up to this many characters: platform titles stay within
 * 60–120 characters, and the work of a window search grows with the length of the text.
 */
export const MAX_SCREENED_TEXT = 200;

/** At most this many hits per filing or listing: a reviewer needs the best few, not every faint echo. */
const MAX_HITS = 3;
/** Outside its own classes a well-known mark needs a somewhat clearer copy (Trademark Law 13.3). */
const CROSS_CLASS_MARGIN = 0.05;

type Reach = 'own' | 'cross' | null;

function reachOf(index: RegistryIndex, markIndex: number, niceClass: number | undefined): Reach {
  const mark = index.marks[markIndex];
  if (!mark || niceClass === undefined || mark.classes.length === 0 || mark.classes.includes(niceClass)) return 'own';
  return ALL_CLASS_CATEGORIES.has(mark.category) ? 'cross' : null;
}

/** The text with two characters that spell a registry character merged (弓长 → 张), or null. */
function composedVariant(index: RegistryIndex, text: NormalisedText): NormalisedText | null {
  let changed = false;
  const out: NormalisedText = { han: [], hanSource: [], hanOrigin: [], hanBreakAfter: [], latin: text.latin };
  for (let i = 0; i < text.han.length; i++) {
    const c = i + 1 < text.han.length && index.componentFirsts.has(text.han[i]!)
      ? composedOf(text.han[i]!, text.han[i + 1]!)
      : undefined;
    if (c && index.markChars.has(c)) {
      out.han.push(c);
      out.hanSource.push((text.hanSource[i] as string) + (text.hanSource[i + 1] as string));
      out.hanOrigin.push('same');
      out.hanBreakAfter.push(text.hanBreakAfter[i + 1] as boolean);
      changed = true;
      i++;
    } else {
      out.han.push(text.han[i] as string);
      out.hanSource.push(text.hanSource[i] as string);
      out.hanOrigin.push(text.hanOrigin[i]!);
      out.hanBreakAfter.push(text.hanBreakAfter[i] as boolean);
    }
  }
  return changed ? out : null;
}

/** Best score per mark for one normalised text. */
function scoreText(index: RegistryIndex, text: NormalisedText, context: Context): Map<number, FormScore> {
  const best = new Map<number, FormScore>();
  const keep = (s: FormScore | null) => {
    // a form below its own threshold must not hide another form of the same mark that passes
    if (!s || s.similarity < thresholdOf(s)) return;
    const prev = best.get(s.form.markIndex);
    if (!prev || rank(s) > rank(prev)) best.set(s.form.markIndex, s);
  };
  if (text.han.length > 0) {
    for (const cand of hanCandidates(index, text.han, index.minScore, index.minSame)) {
      keep(scoreHan(index.forms[cand.form]!, text, cand, context));
    }
  }
  if (text.latin.length > 0) {
    for (const f of latinCandidates(index, text.latin)) keep(scoreLatin(index.forms[f]!, text, context));
  }
  return best;
}

/** Ranking among a text's hits: similarity, then the longer (more specific) mark, then the name over an alias. */
function rank(s: FormScore): number {
  return s.similarity + 0.004 * Math.min(10, s.form.han.length || s.form.latin?.canon.length || 0) + (s.form.kind === 'name' ? 0.001 : 0);
}

function thresholdOf(s: FormScore): number {
  return s.form.han.length > 0 && s.start >= 0 ? hanThreshold(s.form.han.length) : LATIN_THRESHOLD;
}

function finish(index: RegistryIndex, s: FormScore, reach: Exclude<Reach, null>, source: Hit['source'], id: string, text: string): Hit {
  const mark = index.marks[s.form.markIndex];
  if (s.form.kind === 'alias') {
    s.reasons.add('alias');
    const nameIsLatin = mark ? !/\p{Script=Han}/u.test(mark.name) : false;
    if (nameIsLatin !== (s.form.han.length === 0)) s.reasons.add('translation');
  }
  if (s.form.kind === 'pinyin') s.reasons.add('pinyin');
  if (reach === 'cross') s.reasons.add('crossclass');
  return {
    source,
    id,
    markId: mark?.id ?? '',
    score: Math.round(Math.max(0, Math.min(1, s.similarity)) * 1000) / 1000,
    reasons: [...s.reasons],
    text,
    markText: s.form.text,
    alignment: s.alignment,
  };
}

function screenNormalised(index: RegistryIndex, text: NormalisedText, context: Context): Map<number, FormScore> {
  const scores = scoreText(index, text, context);
  const merged = composedVariant(index, text);
  if (merged) {
    for (const [m, s] of scoreText(index, merged, context)) {
      const prev = scores.get(m);
      if (!prev || rank(s) > rank(prev)) {
        s.reasons.add('components');
        scores.set(m, s);
      }
    }
  }
  return scores;
}

function sortHits(hits: { hit: Hit; rank: number }[]): Hit[] {
  return hits.sort((a, b) => b.rank - a.rank).slice(0, MAX_HITS).map((h) => h.hit);
}

/** Hits for one filing, best first. */
export function screenFiling(index: RegistryIndex, filing: Filing): Hit[] {
  const text = normaliseText(filing.markText);
  const out: { hit: Hit; rank: number }[] = [];
  // the applicant and the goods are normalised only for the rare filing that comes near a mark
  let applicant: string | undefined;
  let goods: string[] | undefined;
  for (const [markIndex, s] of screenNormalised(index, text, 'filing')) {
    const reach = reachOf(index, markIndex, filing.niceClass);
    if (!reach) continue;
    if (s.similarity < thresholdOf(s) + (reach === 'cross' ? CROSS_CLASS_MARGIN : 0)) continue;
    applicant ??= normaliseOwner(filing.applicant);
    if (applicant && index.holders[markIndex] === applicant) continue; // the right holder's own filing
    // a mark that only names the filing's own goods imitates nothing (金鱼 for goldfish)
    const window = s.start >= 0 ? text.han.slice(s.start, s.end).join('') : '';
    goods ??= filing.goods.map((g) => normaliseText(g).han.join(''));
    if (window.length >= 2 && goods.some((g) => g === window)) continue;
    // a GI filed by someone outside its region: the goods would not come from there (art. 16)
    if (index.marks[markIndex]?.category === '地理标志' && !sellerInRegion(index.regions[markIndex] ?? [], filing.applicantAddress)) {
      s.reasons.add('region');
    }
    out.push({ hit: finish(index, s, reach, 'filing', filing.applicationNumber, filing.markText), rank: rank(s) });
  }
  return sortHits(out);
}

/** True when a seller's location lies inside a region (either names the other's place words). */
function sellerInRegion(regionWords: readonly string[], sellerLocation: string): boolean {
  const seller = sellerLocation.replace(/\s/g, '');
  if (!seller || regionWords.length === 0) return false;
  return regionWords.some((w) => seller.includes(w.slice(0, 2)));
}

/**
 * A public-resource name (a place, a mountain, a lake) in a title names a place — where the goods come from, where
 * to travel — unless it is written as a brand (…牌, …品牌).
 */
function usedAsBrand(text: NormalisedText, end: number): boolean {
  const after = text.han.slice(end, end + 2).join('');
  return after.startsWith('牌') || after.startsWith('品牌');
}

/**
 * Rejects a listing match that cuts into a generic word of the title and owes a changed character to it
 * (真维他命: the window 真维他 takes 他 from 维他命, so it is not 真维斯). A generic word wholly inside the window
 * (诺木红枸杞) is part of the imitation.
 */
function eatsGenericWord(text: NormalisedText, s: FormScore): boolean {
  if (s.start < 0) return false;
  const changed = new Set(s.alignment.filter((p) => p.textIndex >= 0 && p.markIndex >= 0 && p.relation !== 'same').map((p) => p.textIndex));
  return genericSpans(text.han).some(([a, b]) => {
    const crosses = (a < s.start && b > s.start) || (a < s.end && b > s.end);
    if (!crosses) return false;
    for (let i = Math.max(a, s.start); i < Math.min(b, s.end); i++) if (changed.has(i)) return true;
    return false;
  });
}

/** Hits for one e-commerce listing, best first. */
export function screenListing(index: RegistryIndex, listing: Listing): Hit[] {
  const text = normaliseText(listing.title, MAX_SCREENED_TEXT);
  const out: { hit: Hit; rank: number }[] = [];
  for (const [markIndex, s] of screenNormalised(index, text, 'listing')) {
    const mark = index.marks[markIndex];
    if (!mark || s.similarity < thresholdOf(s)) continue;
    if (isGenericWord(normaliseText(mark.name).han.join(''))) continue; // the mark is the goods' own name
    if (eatsGenericWord(text, s)) continue;
    if (mark.category === '公共资源' && s.start >= 0 && !usedAsBrand(text, s.end)) continue;
    if (mark.category === '地理标志') {
      if (sellerInRegion(index.regions[markIndex] ?? [], listing.sellerLocation)) continue;
      s.reasons.add('region');
    }
    const matched = s.start >= 0 ? text.hanSource.slice(s.start, s.end).join('') : listing.title.slice(0, 200);
    out.push({ hit: finish(index, s, 'own', 'listing', listing.id, matched), rank: rank(s) });
  }
  return sortHits(out);
}

/** The renderer's quick check: a piece of text, optionally in one Nice class (every class when absent). */
export function quickCheck(index: RegistryIndex, text: string, niceClass?: number): Hit[] {
  const normalised = normaliseText(text, MAX_SCREENED_TEXT);
  const out: { hit: Hit; rank: number }[] = [];
  // a mark is short; a longer text (a pasted title or description) is searched like a listing title
  const context: Context = normalised.han.length > 12 || normalised.latin.length > 4 ? 'listing' : 'filing';
  for (const [markIndex, s] of screenNormalised(index, normalised, context)) {
    const reach = reachOf(index, markIndex, niceClass);
    if (!reach || s.similarity < thresholdOf(s) + (reach === 'cross' ? CROSS_CLASS_MARGIN : 0)) continue;
    out.push({ hit: finish(index, s, reach, 'filing', '', text), rank: rank(s) });
  }
  return sortHits(out);
}

// Scoring of one candidate form against a screened text, and the reasons a reviewer is shown.
import type { AlignedPair, HitReason } from '../domain';
import { alignHan } from './align';
import { charInfo } from './similarity';
import type { HanCandidate } from './candidates';
import { genericMask } from './generic';
import { matchLatin } from './latin';
import type { NormalisedText } from './normalise';
import type { MarkForm } from './registry-index';
import { hanThreshold, minSameOf } from './thresholds';

export { hanThreshold, LATIN_THRESHOLD, minSameOf } from './thresholds';

export type Context = 'filing' | 'listing';

export interface FormScore {
  form: MarkForm;
  similarity: number;
  reasons: Set<HitReason>;
  /** matched window in the text's Han characters (-1 for a Latin match) */
  start: number;
  end: number;
  alignment: AlignedPair[];
}



/** What extra characters around the mark cost in a filing: generic words little, other words more. */
function extraCost(text: NormalisedText, start: number, end: number): number {
  text.genericMask ??= genericMask(text.han);
  const mask = text.genericMask;
  let cost = 0;
  for (let i = 0; i < text.han.length; i++) if (i < start || i >= end) cost += mask[i] ? 0.01 : 0.03;
  return cost + 0.02 * text.latin.length;
}

function reasonsOfAlignment(form: MarkForm, text: NormalisedText, pairs: AlignedPair[], relations: string[]): Set<HitReason> {
  const reasons = new Set<HitReason>();
  let r = 0;
  for (const p of pairs) {
    if (p.relation === 'missing') reasons.add('dropped');
    else if (p.relation === 'inserted' && p.markIndex < 0) reasons.add('added');
    else {
      const relation = relations[r++];
      if (relation === 'same') {
        const origin = text.hanOrigin[p.textIndex];
        if (origin && origin !== 'same') reasons.add(origin);
      } else if (relation === 'homophone' || relation === 'fuzzy') reasons.add('homophone');
      else if (relation === 'shape') reasons.add('shape');
      else reasons.add('changed');
    }
  }
  if (pairs.some((p, i) => i > 0 && p.markIndex >= 0 && (pairs[i - 1]?.markIndex ?? -1) > p.markIndex)) reasons.add('reorder');
  return reasons;
}

/**
 * An imitation keeps part of the original verbatim (at least one character in two), and most of its distinctive
 * part: 宝牦牛 shares only the goods word of 玉树牦牛, 小时 only sounds and looks a little like 乐事.
 */
function keepsEnoughOfTheMark(form: MarkForm, pairs: AlignedPair[], relations: string[]): boolean {
  const k = form.han.length;
  const value = new Array<number>(k).fill(0);
  let same = 0;
  let r = 0;
  for (const p of pairs) {
    if (p.relation === 'missing' || (p.relation === 'inserted' && p.markIndex < 0)) continue;
    const relation = relations[r++];
    if (relation === 'same') same++;
    value[p.markIndex] = relation === 'same' ? 1 : relation === 'none' ? 0 : relation === 'fuzzy' ? 0.55 : 0.8;
  }
  if (same < minSameOf(k)) return false;
  const distinctive = form.generic.map((g, i) => (g ? -1 : i)).filter((i) => i >= 0);
  if (distinctive.length === 0 || distinctive.length === k) return true;
  return distinctive.reduce((sum, i) => sum + (value[i] as number), 0) / distinctive.length >= 0.5;
}

export function scoreHan(form: MarkForm, text: NormalisedText, cand: HanCandidate, context: Context): FormScore | null {
  const k = form.han.length;
  const lo = context === 'listing' ? Math.max(0, cand.first - k - 2) : 0;
  const hi = context === 'listing' ? Math.min(text.han.length, cand.last + k + 3) : text.han.length;
  text.hanInfo ??= text.han.map(charInfo);
  // extra characters only lower the similarity, so the threshold bounds the raw score
  const a = alignHan(form.han, form.weights, text.han, lo, hi, form.info, text.hanInfo, hanThreshold(k) * form.totalWeight - 1e-9);
  if (!a) return null;
  // three characters with the first one clearly different (or missing) are not similar (电老虎 / 飞老虎 rule)
  if (k === 3 && a.firstValue < 0.5) return null;
  if (!keepsEnoughOfTheMark(form, a.pairs, a.relations)) return null;
  let similarity = a.score / form.totalWeight;
  const whole = a.end - a.start === text.han.length && text.latin.length === 0;
  if (context === 'filing' && !whole) similarity -= extraCost(text, a.start, a.end);
  if (similarity < hanThreshold(k)) return null;
  const reasons = reasonsOfAlignment(form, text, a.pairs, a.relations);
  const exact = a.relations.every((r) => r === 'same') && a.missing === 0 && a.inserted === 0 && a.transposed === 0;
  if (a.transposed > 0) reasons.add('reorder');
  if (exact && whole && reasons.size === 0) reasons.add('identical');
  if (!whole) reasons.add(exact ? 'contains' : 'added');
  return { form, similarity, reasons, start: a.start, end: a.end, alignment: a.pairs };
}

export function scoreLatin(form: MarkForm, text: NormalisedText, context: Context): FormScore | null {
  if (!form.latin) return null;
  const m = matchLatin(form.latin, text.latin);
  if (!m) return null;
  let similarity = m.similarity;
  if (context === 'filing' && m.added) similarity -= 0.03 * (text.latin.length - (m.to - m.from)) + 0.02 * text.han.length;
  if (context === 'filing' && !m.added && text.han.length > 0) similarity -= 0.02 * text.han.length;
  const reasons = new Set<HitReason>();
  if (m.lookAlike || m.typo) reasons.add('latin');
  if (m.added || text.han.length > 0) reasons.add(m.similarity === 1 ? 'contains' : 'added');
  if (m.similarity === 1 && !m.added && !m.spacing && text.han.length === 0) reasons.add('identical');
  if (m.spacing && reasons.size === 0) reasons.add('latin');
  const alignment: AlignedPair[] = [];
  for (let i = m.from; i < m.to; i++) alignment.push({ textIndex: i, markIndex: 0, relation: 'latin' });
  return { form, similarity, reasons, start: -1, end: -1, alignment };
}

// Other readings of a screened text, each scanned beside the text as written: two characters that spell one
// (弓长 → 张), and a syllable in letters, or its first letter, written in place of a character (蜜xue冰城, 耐K). Each
// keeps the offsets of what was written, so a hit found in one is shown where it stands.
import type { HanEvidence } from './evidence';
import { composedOf, pinyinInitialStandIn } from './glyphs';
import { syllableStandIn } from './pinyin';
import type { CharOrigin, LatinToken, NormalisedText } from './normalise';
import type { RegistryIndex } from './registry-index';

/** The text with two characters that spell a registry character merged (弓长 → 张), or null. */
export function composedVariant(index: RegistryIndex, text: NormalisedText): NormalisedText | null {
  const composedAt = (i: number) => i + 1 < text.han.length && index.componentFirsts.has(text.han[i]!) ? composedOf(text.han[i]!, text.han[i + 1]!) : undefined;
  // most texts have no such pair: find out before building anything
  let any = false;
  for (let i = 0; i + 1 < text.han.length && !any; i++) {
    const c = composedAt(i);
    any = c !== undefined && index.markChars.has(c);
  }
  if (!any) return null;
  let changed = false;
  const out: NormalisedText = {
    han: [], hanSource: [], hanStart: [], hanEnd: [], hanOrigin: [], hanBreakAfter: [], latin: text.latin, genericMask: undefined, hanInfo: undefined, latinIsPinyin: undefined,
  };
  for (let i = 0; i < text.han.length; i++) {
    const c = composedAt(i);
    const take = c && index.markChars.has(c) ? 2 : 1;
    out.han.push(take === 2 ? c! : text.han[i]!);
    out.hanSource.push(text.hanSource.slice(i, i + take).join(''));
    out.hanStart.push(text.hanStart[i]!);
    out.hanEnd.push(text.hanEnd[i + take - 1]!);
    out.hanOrigin.push(take === 2 ? 'same' : text.hanOrigin[i]!);
    out.hanBreakAfter.push(text.hanBreakAfter[i + take - 1]!);
    if (take === 2) { changed = true; i++; }
  }
  return changed ? out : null;
}

/**
 * A syllable in letters reads in place of a character only this long; a single letter glued to a character reads as
 * the first letter of a character's sound (耐K, 古C), and only where a mark's character of that sound stands there,
 * so that a model or a size (T恤, U盘) beside other characters reads as nothing.
 */
const STAND_IN_LETTERS = { min: 1, max: 6 };

/**
 * The text with each Latin word that is one pinyin syllable written against a Han character (蜜xue冰城, mao台) read
 * as a character of that sound, or null when there is none: sellers spell a brand's character in letters to slip
 * past a platform's filter. The word stays a Latin word in the text as written (LV包 is still LV).
 */
export function pinyinVariant(text: NormalisedText): NormalisedText | null {
  if (text.latin.length === 0 || text.han.length === 0) return null;
  const standIns: { at: number; ch: string; token: LatinToken }[] = [];
  for (const token of text.latin) {
    const letters = token.canon.toLowerCase();
    if (letters.length < STAND_IN_LETTERS.min || letters.length > STAND_IN_LETTERS.max || !/^[a-z]+$/.test(letters)) continue;
    const ch = letters.length === 1 ? pinyinInitialStandIn(letters) : syllableStandIn(letters);
    if (!ch) continue;
    const after = text.hanEnd.indexOf(token.start);
    const before = text.hanStart.indexOf(token.end);
    if (after < 0 && before < 0) continue;
    standIns.push({ at: after >= 0 ? after + 1 : before, ch, token });
  }
  if (standIns.length === 0) return null;
  const out: NormalisedText = {
    han: [], hanSource: [], hanStart: [], hanEnd: [], hanOrigin: [], hanBreakAfter: [],
    latin: text.latin.filter((t) => !standIns.some((s) => s.token === t)),
    genericMask: undefined, hanInfo: undefined, latinIsPinyin: undefined,
  };
  // apart: whether a break follows the character when the next one does not start where it ends
  const apart: boolean[] = [];
  const push = (ch: string, source: string, start: number, end: number, origin: CharOrigin, breakIfApart: boolean) => {
    out.han.push(ch);
    out.hanSource.push(source);
    out.hanStart.push(start);
    out.hanEnd.push(end);
    out.hanOrigin.push(origin);
    apart.push(breakIfApart);
  };
  for (let i = 0, next = 0; i <= text.han.length; i++) {
    while (next < standIns.length && standIns[next]!.at === i) {
      const { ch, token } = standIns[next++]!;
      push(ch, token.canon, token.start, token.end, 'pinyin', i < text.han.length);
    }
    if (i === text.han.length) break;
    push(text.han[i]!, text.hanSource[i]!, text.hanStart[i]!, text.hanEnd[i]!, text.hanOrigin[i]!, text.hanBreakAfter[i]!);
  }
  out.hanBreakAfter = apart.map((b, i) => b && out.hanStart[i + 1] !== out.hanEnd[i]);
  return out;
}

/**
 * Whether a match in a spelled variant reads a syllable in letters as the sound of a mark character, and every such
 * syllable it takes in so: a syllable that pairs with nothing alike (新款da皮 against 新会陈皮) is the Latin word it was.
 */
export function spellsMarkSounds(e: HanEvidence, t: NormalisedText): boolean {
  let spelled = 0;
  for (const p of e.alignment.pairs) {
    if (p.textIndex < 0 || t.hanOrigin[p.textIndex] !== 'pinyin') continue;
    if (p.relation !== 'homophone') return false;
    spelled++;
  }
  return spelled > 0;
}

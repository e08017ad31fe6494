// Other readings of a screened text, each scanned beside the text as written: two characters that spell one
// (弓长 → 张), a syllable in letters, or its first letter, written in place of a character (蜜xue冰城, 耐K), and a number
// in digits read as it is said (1000岛湖 as 千岛湖, 13香 as 十三香). Each keeps the offsets of what was written, so a
// hit found in one is shown where it stands.
import type { HanEvidence } from './evidence';
import { composedOf, pinyinInitialStandIn } from './glyphs';
import { syllableStandIn } from './pinyin';
import { DIGIT_HAN, pushChar, writtenAsDigit, type LatinToken, type NormalisedText } from './normalise';
import type { RegistryIndex } from './registry-index';

/** A text of no characters yet, with the given Latin words, for a variant to be written into. */
function emptyText(latin: LatinToken[]): NormalisedText {
  return {
    han: [], hanSource: [], hanStart: [], hanEnd: [], hanOrigin: [], hanBreakAfter: [], latin, genericMask: undefined, hanInfo: undefined, latinIsPinyin: undefined,
  };
}


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
  const out = emptyText(text.latin);
  for (let i = 0; i < text.han.length; i++) {
    const c = composedAt(i);
    const take = c && index.markChars.has(c) ? 2 : 1;
    pushChar(out, take === 2 ? c! : text.han[i]!, text.hanSource.slice(i, i + take).join(''), text.hanStart[i]!, text.hanEnd[i + take - 1]!,
      take === 2 ? 'same' : text.hanOrigin[i]!, text.hanBreakAfter[i + take - 1]!);
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
  const out = emptyText(text.latin.filter((t) => !standIns.some((s) => s.token === t)));
  // a break follows a character, once all are in, when it was asked for and the next one does not start where it ends
  for (let i = 0, next = 0; i <= text.han.length; i++) {
    while (next < standIns.length && standIns[next]!.at === i) {
      const { ch, token } = standIns[next++]!;
      pushChar(out, ch, token.canon, token.start, token.end, 'pinyin', i < text.han.length);
    }
    if (i === text.han.length) break;
    pushChar(out, text.han[i]!, text.hanSource[i]!, text.hanStart[i]!, text.hanEnd[i]!, text.hanOrigin[i]!, text.hanBreakAfter[i]!);
  }
  out.hanBreakAfter = out.hanBreakAfter.map((b, i) => b && out.hanStart[i + 1] !== out.hanEnd[i]);
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

/** Digits read one by one are the text as written (999 is 九九九); a number said as a quantity is this many digits. */
const QUANTITY_DIGITS = { min: 2, max: 8 };
const PLACE_WORDS = ['', '十', '百', '千'];

/**
 * A number as it is said: 13 十三, 25 二十五, 105 一百零五, 2008 二千零八, 30000 三万. A round hundred, thousand or ten
 * thousand is said by its unit alone, as marks write it (百年润发, 千岛湖, 万家乐): 100 百, 1000 千, 10000 万.
 */
export function saidNumber(digits: string): string {
  const n = Number(digits);
  if (n === 100) return '百';
  if (n === 1000) return '千';
  if (n === 10000) return '万';
  const below = (v: number): string => {
    // v < 10000, said with 零 for a gap between said places
    let out = '';
    let gap = false;
    for (let place = 3; place >= 0; place--) {
      const d = Math.floor(v / 10 ** place) % 10;
      if (d === 0) { if (out) gap = true; continue; }
      if (gap) { out += '零'; gap = false; }
      out += DIGIT_HAN[d]! + PLACE_WORDS[place]!;
    }
    return out;
  };
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let said = high > 0 ? `${below(high)}万${low > 0 && low < 1000 ? '零' : ''}${low > 0 ? below(low) : ''}` : below(low);
  // ten to nineteen are said without the one: 十三, not 一十三
  if (said.startsWith('一十')) said = said.slice(1);
  return said || '零';
}

/**
 * The text with each number of two digits or more read as it is said (1000岛湖 → 千岛湖, 13香 → 十三香), or null when
 * it has none or each reads as written. The reading stands where the digits were written.
 */
export function quantityVariant(text: NormalisedText): NormalisedText | null {
  const runs: { from: number; to: number; said: string }[] = [];
  for (let i = 0; i < text.han.length;) {
    let j = i;
    while (j < text.han.length && writtenAsDigit(text, j) && (j === i || (text.hanStart[j] === text.hanEnd[j - 1] && !text.hanBreakAfter[j - 1]))) j++;
    const n = j - i;
    if (n >= QUANTITY_DIGITS.min && n <= QUANTITY_DIGITS.max && text.hanSource[i] !== '0') {
      const digits = text.hanSource.slice(i, j).join('');
      const said = saidNumber(digits);
      if (said !== text.han.slice(i, j).join('')) runs.push({ from: i, to: j, said });
    }
    i = Math.max(j, i + 1);
  }
  if (runs.length === 0) return null;
  const out = emptyText(text.latin);
  for (let i = 0, r = 0; i < text.han.length;) {
    const run = runs[r];
    if (run && run.from === i) {
      const chars = Array.from(run.said);
      const source = text.hanSource.slice(run.from, run.to).join('');
      chars.forEach((ch, k) => pushChar(out, ch, source, text.hanStart[run.from]!, text.hanEnd[run.to - 1]!, 'numeral', k === chars.length - 1 && text.hanBreakAfter[run.to - 1]!));
      i = run.to;
      r++;
      continue;
    }
    pushChar(out, text.han[i]!, text.hanSource[i]!, text.hanStart[i]!, text.hanEnd[i]!, text.hanOrigin[i]!, text.hanBreakAfter[i]!);
    i++;
  }
  return out;
}


/**
 * Whether a match in the said-number variant takes in a character of a number read as said, with every character of
 * the mark written as it is: a number said is the only disguise read so, since a quantity of goods said (10只装, 十只装)
 * comes near many marks by a changed character or two.
 */
export function takesASaidNumber(e: HanEvidence, t: NormalisedText): boolean {
  let said = false;
  for (const p of e.alignment.pairs) {
    if (p.relation !== 'same') return false;
    if (t.hanOrigin[p.textIndex] === 'numeral' && t.hanSource[p.textIndex]!.length > 1) said = true;
  }
  return said;
}

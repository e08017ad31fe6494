// What a text names instead of a mark: a candidate whose match is a place or the mark's goods alone imitates nothing,
// as a place alone is never a mark's core (cores.ts) and a GI is the place and the goods together. These are rules
// where the guideline is categorical; every other candidate goes to the model.
import { isDivisionName, isKindWord, isKnownPlace } from './cores';
import type { HanEvidence } from './evidence';
import { wordFrequency } from './lexicon';
import type { NormalisedText } from './normalise';

/**
 * Whether the text's match names something other than the mark — the place the mark begins with, another place, or
 * the mark's goods alone — and so is no candidate.
 */
export function namesSomethingElse(e: HanEvidence, text: NormalisedText): boolean {
  return keepsOnlyAPlace(e) || namesAnotherPlace(e, text) || keepsOnlyGenericWords(e) || namesAnotherOrigin(e, text) || readAcrossTwoWords(e, text)
    || anotherOfItsKind(e) || brandWordNotKept(e);
}

/**
 * Whether a name written with 牌 (国际牌, an older name of 松下; 中茶牌) is read without that 牌 as written: 牌 only says
 * "brand", so a reading that finds it missing or in a character of its sound (国标 排插) reads the head alone, an
 * everyday word (国际) or the mark's own name, which its other forms read.
 */
function brandWordNotKept(e: HanEvidence): boolean {
  const last = e.k - 1;
  if (last < 2 || e.form.han[last] !== '牌') return false;
  return !e.alignment.pairs.some((p) => p.markIndex === last && p.textIndex >= 0 && p.relation === 'same');
}

/** The most characters a division's short name is read at (锡林郭勒, 巴音郭楞; the few of five are left out): bounds a hot path. */
const LONGEST_SHORT_DIVISION = 4;

/**
 * Whether the text keeps only the head of the mark, the rest lost or changed for nothing alike, and that head is a
 * well-known place (青海 of 青海湖, 泸州 of 泸州老窖, 宁夏红 beside 宁夏枸杞): the text names the place, as a place
 * alone is never a mark's core.
 */
function keepsOnlyAPlace(e: HanEvidence): boolean {
  if (e.homophone + e.fuzzy + e.shape + e.numeral > 0) return false;
  let head = 0;
  for (const p of e.alignment.pairs) {
    if (p.textIndex < 0 || p.markIndex < 0 || p.relation !== 'same') continue;
    if (p.markIndex !== head) return false;
    head++;
  }
  return head >= 2 && head < e.k && isKnownPlace(e.form.han.slice(0, head).join(''));
}

/**
 * Whether the text keeps none of the mark's distinctive characters, only its generic words (线辣椒 of the GI
 * 循化线辣椒, 大学 of 清华大学): it names the goods or the kind of thing, not the mark.
 */
function keepsOnlyGenericWords(e: HanEvidence): boolean {
  return e.distinctKept === 0 && e.form.distinctCount > 0;
}

/**
 * Whether the text's match, altered from the mark or turned round, is itself a well-known place or a division's name
 * (终南山 beside 钟南山, 丰顺 beside 顺丰): the text names that place.
 */
function namesAnotherPlace(e: HanEvidence, text: NormalisedText): boolean {
  if (!e.reordered && e.same === e.k - e.missing && e.inserted === 0) return false;
  const { start, end } = e.alignment;
  // bounded first: this is asked of every altered reading, and joining its window costs a string
  if (end - start < 2 || end - start > LONGEST_SHORT_DIVISION) return false;
  const window = text.han.slice(start, end).join('');
  return isKnownPlace(window) || isDivisionName(window);
}

/**
 * Whether the text puts another place — a well-known one or an administrative division — where a geographical
 * indication names its own (眉山猕猴桃 beside 眉县猕猴桃, 益阳茯茶 beside 泾阳茯砖茶): it names that place's goods, which
 * the indication does not reach, even where some character of it sounds or looks like the indication's (眉山 beside the
 * alias 郿县). A place written like the indication's in every character, by sound or look (大同牦牛 beside 大通牦牛), or
 * holding it (五常市大米) is still the indication's.
 */
function namesAnotherOrigin(e: HanEvidence, text: NormalisedText): boolean {
  const n = e.form.originLength;
  if (!n) return false;
  let from = Infinity;
  let to = -1;
  let unlike = false;
  for (const p of e.alignment.pairs) {
    if (p.textIndex < 0 || p.markIndex >= n) continue;
    if (p.markIndex < 0 || p.relation === 'changed') unlike = true;
    from = Math.min(from, p.textIndex);
    to = Math.max(to, p.textIndex);
  }
  // a place whose every character is the indication's or sounds or looks like it (大同 beside 大通) calls it up
  if (!unlike || to - from < 1 || to - from >= LONGEST_SHORT_DIVISION) return false;
  const place = text.han.slice(from, to + 1).join('');
  return (isKnownPlace(place) || isDivisionName(place)) && !place.includes(e.form.han.slice(0, n).join(''));
}

/**
 * Whether a name of two characters is read as written from the end of one everyday word and the start of the next,
 * in one run of text (美丽江南 for 丽江, 特色达人 for 色达, 森林芝士 for 林芝): the text names those two words. A name with
 * a word on one side only (美丽江 酒店, 新丽江) is still read.
 */
function readAcrossTwoWords(e: HanEvidence, text: NormalisedText): boolean {
  const { start, end } = e.alignment;
  if (e.k !== 2 || end - start !== 2 || e.same !== 2 || start === 0 || end >= text.han.length) return false;
  if (text.hanBreakAfter[start - 1] || text.hanBreakAfter[start] || text.hanBreakAfter[end - 1]) return false;
  return wordFrequency(text.han[start - 1]! + text.han[start]!) > 0 && wordFrequency(text.han[end - 1]! + text.han[end]!) > 0;
}

/**
 * Whether the text keeps a name's generic tail and changes the first character of its short distinctive head for one
 * alike in neither sound nor shape (网商银行 beside 招商银行, 众安保险 beside 平安保险): another firm of the same kind. The
 * guideline holds names whose first character clearly differs in sound and shape not similar; the tail is anyone's.
 */
function anotherOfItsKind(e: HanEvidence): boolean {
  const { han } = e.form;
  const head = 2;
  if (han.length < 4 || han.length > 5 || e.missing > 0 || e.inserted > 0 || e.reordered || !isKindWord(han.slice(head).join(''))) return false;
  const relationOf = (markIndex: number) => e.alignment.pairs.find((p) => p.markIndex === markIndex && p.textIndex >= 0)?.relation;
  if (relationOf(0) !== 'changed') return false;
  for (let i = head; i < han.length; i++) if (relationOf(i) !== 'same') return false;
  return true;
}

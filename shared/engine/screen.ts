// The engine's public entry points: screen a filing, a listing, or a piece of text against the registry index.
// Candidates come from the index (candidates.ts, latin-index.ts); each is described by its evidence (evidence.ts,
// latin.ts) and scored by one model (features.ts, decide.ts). Rules stay only where the law is categorical: the
// right holder's group files freely (owner.ts), and a mark that only names the filing's own goods imitates nothing.
import type { AlignedPair, Filing, Hit, HitReason, Listing } from '../domain';
import { hanCandidates } from './candidates';
import { genericSpans, isGenericWord } from './generic';
import { hanEvidence, hanReasons, lexicalEvidence, titleReadings, withOffsets, type Context, type HanEvidence } from './evidence';
import { alteredFarAway, anotherPersonsName, claimsTheOrigin, halfFarAway, otherDigits, tailStandsAlone, hanAltered, toldOfFarAway, wordFarAway, writtenFarAway, hanFeatures, latinFeatures, lexicalFeatures, namesThePublicName, type CandidateContext } from './features';
import { FITTED, logit, logitFloor, sigmoid, type Scorer } from './decide';
import { latinReadings, type LatinEvidence } from './latin';
import { namesSomethingElse } from './names-else';
import { normaliseText, simplifiedInPlace, type NormalisedText } from './normalise';
import { composedVariant, pinyinVariant, quantityVariant, spellsMarkSounds, takesASaidNumber } from './text-variants';
import { officialShopBrand } from './owner';
import { custodian, filesItsTradeNameElsewhere, firmHoldsMark, firmOf, holdersShop, shopFirm, type Firm } from './holders';
import { bestPerMark, explainedByAnother, readsNoMoreThan, spanOf, withoutOwned } from './candidate-sets';
import { contextOf, type Row } from './row-context';
import { markWords } from '../mark-words';
import type { MarkForm, RegistryIndex } from './registry-index';

/**
 * Listing titles and quick-check texts are screened up to this many characters: platform titles stay within
 * 60–120 characters, and the work of a window search grows with the length of the text.
 */
export const MAX_SCREENED_TEXT = 200;

/** At most this many hits per filing or listing: a reviewer needs the best few, not every faint echo. */
const MAX_HITS = 3;

/** One scored candidate: a form of one mark against a text, with what the model saw. */
export interface ScoredCandidate {
  markIndex: number;
  form: MarkForm;
  family: 'han' | 'latin';
  /** the feature vector (features.ts order of its family) */
  x: Float64Array;
  probability: number;
  text: NormalisedText;
  han?: HanEvidence;
  latin?: LatinEvidence;
  /** two characters read as one (弓长 → 张) */
  merged: boolean;
  context: CandidateContext;
  /** Han window [start, end) in the normalised text (-1 for a Latin match) */
  start: number;
  end: number;
}

/** Whether a text holds the Latin words of a form whose Han characters are only its digits (HANGZHOU of HANGZHOU 2022). */
function besideItsWords(form: MarkForm, text: NormalisedText): boolean {
  return form.latin !== null && text.latin.map((l) => l.canon).join('').includes(form.latin.canon);
}

/** One feature vector per model, reused: most candidates are rejected before their vector is kept. */
const scratchVectors = new WeakMap<object, Float64Array>();
function scratchOf(model: { weights: Float64Array }): Float64Array {
  let x = scratchVectors.get(model);
  if (!x) scratchVectors.set(model, (x = new Float64Array(model.weights.length)));
  return x;
}

/**
 * Where a match ends in the text: a core read where the text goes on with the rest of the name (石门 in 石门湖特产)
 * ends with the name, so the words after it are the ones after the name.
 */
function nameEnd(e: HanEvidence, text: NormalisedText): number {
  const { end } = e.alignment;
  const tail = e.form.tail;
  if (!tail?.length || end + tail.length > text.han.length) return end;
  for (let i = 0; i < tail.length; i++) if (text.han[end + i] !== tail[i]) return end;
  return end + tail.length;
}

/**
 * Whether a name is written with a space or a mark between its characters (耐 克), or with a character written as
 * more than one — split into its parts (木各力 for 格力) or spelled in letters (耐KE): a seller takes a brand apart to
 * slip past the platform's filter, which no one reselling the genuine article needs to.
 */
function writtenApart(text: NormalisedText, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (i < end - 1 && text.hanBreakAfter[i]) return true;
    if ((text.hanEnd[i] ?? 0) - (text.hanStart[i] ?? 0) > 1 && Array.from(text.hanSource[i] ?? '').length > 1) return true;
  }
  return false;
}

/**
 * The least score of a mark's name as written in a title that sells its goods as copies (高仿, 复刻, 纯原, 莆田版): the
 * seller says the goods copy a brand, and the brand written there is the one copied, whatever the model makes of a
 * brand name among a reseller's words.
 */
const SOLD_AS_COPIES = 0.9;

/** Whether a Latin name is spelled out letter by letter (N I K E): taken apart as a Han name spaced out is. */
function spelledOut(text: NormalisedText, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = text.latin[i]!;
    if (t.end - t.start > t.canon.length) return true;
  }
  return false;
}

function scoreHanCandidate(index: RegistryIndex, e: HanEvidence, row: Row, text: NormalisedText, merged: boolean): ScoredCandidate | null {
  const a = e.alignment;
  const span: [number, number] = [text.hanStart[a.start] ?? 0, text.hanEnd[nameEnd(e, text) - 1] ?? 0];
  const c = contextOf(index, e.form.markIndex, row, text, a.end, span);
  // a title naming the brand its goods fit (适用于 小米14 手机壳) describes an accessory, one reselling owned goods the
  // genuine article; an altered name is still a lure
  if (c.fitsTheNamed && !hanAltered(e)) (row.fitted ??= new Set()).add(e.form.markIndex);
  if (namesThePublicName(e, c) || ((c.fitsTheNamed || (c.resold && !writtenApart(text, a.start, a.end))) && !hanAltered(e))) return null;
  if (e.form.coreKind === 'origin' && (!claimsTheOrigin(e, c, text.han.slice(a.start, a.end).join('')) || namesOtherGoodsOfItsPlace(text, a.end, e.form.tail ?? []))) return null;
  if (e.form.coreKind === 'tail' && !tailStandsAlone(e, text)) return null;
  // a GI's place kept with other goods after it is the place's own goods: from inside its region whatever follows
  // (荣昌卤鹅 beside 荣昌猪), from anywhere when goods are named there (烟台大樱桃 beside 烟台苹果), as only the place and
  // its goods together are the indication (domain.md); the indication shortened (长白山参 of 长白山人参) is still its goods
  if (hanAltered(e) && keepsOnlyTheOrigin(e, text) && (c.inRegion || namesOtherGoodsOfItsPlace(text, placeEndOf(e), e.form.han.slice(e.form.originLength)))) return null;
  if (alteredFarAway(e, c) || writtenFarAway(c) || halfFarAway(e, c) || anotherPersonsName(e, text) || toldOfFarAway(c) || otherDigits(e, text, c, row.title, index.marks[e.form.markIndex]!.name) || (e.form.digitsOfLatin && !besideItsWords(e.form, text))) return null;
  const model = row.scorer.han;
  const scratch = scratchOf(model);
  hanFeatures(e, c, scratch);
  // the dictionary is consulted only for a candidate that could still reach the threshold with its help
  const copied = c.soldAsCopies && hanAsWritten(e);
  if (!copied && logit(model, scratch) + model.lexicalGain < logitFloor(row.scorer.threshold[row.context])) return null;
  const x = Float64Array.from(scratch);
  lexicalFeatures(e, lexicalEvidence(e, text, row.context), c, x);
  const probability = sigmoid(logit(model, x));
  return {
    markIndex: e.form.markIndex, form: e.form, family: 'han', x, probability: copied ? Math.max(probability, SOLD_AS_COPIES) : probability, text, han: e,
    latin: undefined, merged, context: c, start: a.start, end: a.end,
  };
}

function latinReasons(e: LatinEvidence, form: MarkForm): Set<HitReason> {
  const reasons = new Set<HitReason>();
  if (e.lookAlike || (!e.exact && e.distance > 0)) reasons.add('latin');
  if (e.phonetic && !e.exact && !e.lookAlike) reasons.add('phonetic');
  if (e.permuted) reasons.add('reorder');
  if (e.extraTokens > 0 || e.insideExtra > 0) reasons.add(e.exact ? 'contains' : 'added');
  if (e.spacing && reasons.size === 0) reasons.add('latin');
  if (form.kind === 'pinyin') reasons.add('pinyin');
  if (form.kind === 'alias') reasons.add('alias');
  if (e.exact && !e.spacing && e.extraTokens === 0 && e.insideExtra === 0 && reasons.size === 0) reasons.add('identical');
  return reasons;
}

function latinAlignment(e: LatinEvidence, form: MarkForm, text: NormalisedText): AlignedPair[] {
  const alignment: AlignedPair[] = [];
  const inside = e.letterStart !== undefined && e.to - e.from === 1;
  for (let i = e.from; i < e.to; i++) {
    const token = text.latin[i]!;
    alignment.push({
      textIndex: i, markIndex: 0, relation: 'latin',
      textStart: inside ? token.start + e.letterStart! : token.start, textEnd: inside ? token.start + e.letterEnd! : token.end,
      markStart: 0, markEnd: form.text.length,
    });
  }
  return alignment;
}

function scoreLatinCandidate(index: RegistryIndex, form: MarkForm, e: LatinEvidence, row: Row, text: NormalisedText): ScoredCandidate | null {
  const first = text.latin[e.from];
  const last = text.latin[e.to - 1];
  const c = contextOf(index, form.markIndex, row, text, -1, [first?.start ?? 0, last?.end ?? 0]);
  if (wordFarAway(form, c) || writtenFarAway(c) || toldOfFarAway(c)) return null;
  if (c.fitsTheNamed && e.exact) (row.fitted ??= new Set()).add(form.markIndex);
  if ((c.fitsTheNamed || (c.resold && !spelledOut(text, e.from, e.to))) && e.exact) return null;
  const model = row.scorer.latin;
  const scratch = scratchOf(model);
  latinFeatures(e, form, text.han.length, c, scratch);
  const z = logit(model, scratch);
  const copied = c.soldAsCopies && e.exact;
  if (!copied && z < logitFloor(row.scorer.threshold[row.context])) return null;
  const x = Float64Array.from(scratch);
  const probability = copied ? Math.max(sigmoid(z), SOLD_AS_COPIES) : sigmoid(z);
  return { markIndex: form.markIndex, form, family: 'latin', x, probability, text, han: undefined, latin: e, merged: false, context: c, start: -1, end: -1 };
}

/** The reasons a reviewer is shown for a candidate. */
export function reasonsOf(index: RegistryIndex, s: ScoredCandidate): HitReason[] {
  const mark = index.marks[s.markIndex]!;
  const reasons = s.han ? hanReasons(s.han) : latinReasons(s.latin!, s.form);
  if (s.merged) reasons.add('components');
  if (s.form.kind === 'alias') reasons.add('alias');
  if (s.context.reach === 'far') reasons.add('crossclass');
  else if (s.context.reach === 'related') reasons.add('relatedclass');
  if (mark.category === '地理标志' && !s.context.inRegion) reasons.add('region');
  if (s.form.kind === 'alias' && /\p{Script=Han}/u.test(mark.name) === (s.form.han.length === 0)) reasons.add('translation');
  return [...reasons];
}


/** Every candidate of one text, all forms of every mark the index reaches. */
function candidatesOf(index: RegistryIndex, text: NormalisedText, row: Row): ScoredCandidate[] {
  let out: ScoredCandidate[] = [];
  // where a title reads a form of a mark as written, another form of the same mark read altered there, with nothing
  // more of the mark, is a worse reading of those words (喀纳斯 跟团游 is the mark 喀纳斯, not its alias 喀纳斯湖 with 湖
  // dropped; 浙原一日游 is 浙原 of 浙原山, not 浙原一)
  const asWritten: { markIndex: number; from: number; to: number }[] = [];
  const scan = (t: NormalisedText, merged: boolean, keep?: (e: HanEvidence) => boolean) => {
    if (t.han.length === 0) return;
    for (const cand of hanCandidates(index, t, row.context === 'listing')) {
      const e = hanEvidence(index, t, cand, row.context);
      if (!e) continue;
      const readings = row.context === 'listing' ? titleReadings(index, t, cand, e) : [e];
      for (const r of readings) {
        if (namesSomethingElse(r, t)) continue;
        if (!keep || keep(r)) {
          if (row.context === 'listing' && !hanAltered(r) && r.inserted === 0) asWritten.push({ markIndex: r.form.markIndex, from: t.hanStart[r.alignment.start]!, to: t.hanEnd[r.alignment.end - 1]! });
          const s = scoreHanCandidate(index, r, row, t, merged);
          if (s) out.push(s);
        }
      }
    }
  };
  scan(text, false);
  const merged = composedVariant(index, text);
  if (merged) scan(merged, true);
  const spelled = pinyinVariant(text);
  if (spelled) scan(spelled, false, (e) => spellsMarkSounds(e, spelled));
  const said = quantityVariant(text);
  if (said) scan(said, false, (e) => takesASaidNumber(e, said));
  for (const { form, e } of latinReadings(index.forms, index.latin, text.latin)) {
    const s = scoreLatinCandidate(index, form, e, row, text);
    if (s) out.push(s);
  }
  // a GI's place alone is the reading of last resort: where another form of the indication reads as a hit (大通牦牛,
  // 都兰红枸杞), that reading is the one shown
  if (out.some((s) => s.form.coreKind === 'origin')) {
    const threshold = row.scorer.threshold[row.context];
    const readWhole = new Set(out.filter((s) => s.form.coreKind !== 'origin' && s.probability >= threshold).map((s) => s.markIndex));
    out = out.filter((s) => s.form.coreKind !== 'origin' || !readWhole.has(s.markIndex));
  }
  // a title that says its goods fit a brand (适用于labubu 娃衣) names that brand's other forms as written for the same
  // products (… 拉布布 衣服), and so does a form altered only in its goods word (适用法士特变速箱 beside 法士特变速器)
  const fitted = row.fitted;
  if (fitted) out = out.filter((s) => !fitted.has(s.markIndex) || (s.han ? hanAltered(s.han) && !alteredOnlyInGoods(s.han) : !s.latin!.exact));
  if (out.some((s) => s.han !== undefined && s.han.missing > 0)) {
    const shown = out.filter((s) => s.probability >= row.scorer.threshold[row.context]);
    out = out.filter((s) => !explainedByAnother(s, shown));
  }
  // only a title runs on past a mark into other words; a filing's name is read whole
  if (asWritten.length === 0 || row.context !== 'listing') return out;
  return out.filter((s) => !s.han || !hanAltered(s.han) || !asWritten.some((w) => w.markIndex === s.markIndex && readsNoMoreThan(s, w.from, w.to)));
}

/**
 * Whether a reading of a GI keeps its place as written and puts other goods after it: the characters the text has
 * after the place share none with the indication's goods (卤鹅 for 猪, not 参 for 人参).
 */
function keepsOnlyTheOrigin(e: HanEvidence, text: NormalisedText): boolean {
  const n = e.form.originLength;
  if (!n || e.reordered) return false;
  let kept = 0;
  const after: string[] = [];
  for (const p of e.alignment.pairs) {
    if (p.markIndex >= 0 && p.markIndex < n) {
      if (p.relation !== 'same') return false;
      kept++;
    } else if (p.textIndex >= 0) after.push(text.han[p.textIndex]!);
  }
  const goods = e.form.han.slice(n);
  return kept === n && after.length > 0 && !after.some((ch) => goods.includes(ch));
}

/**
 * Whether the words right after a GI's place, in the same run of text, name goods (at most one character before the
 * goods word: 大 of 大樱桃) and share no character with the indication's own goods (樱桃 for 苹果, not 香米 for 大米):
 * that place's other goods.
 */
function namesOtherGoodsOfItsPlace(text: NormalisedText, placeEnd: number, goods: readonly string[]): boolean {
  let to = placeEnd;
  while (to < text.han.length && !text.hanBreakAfter[to - 1]) to++;
  const after = text.han.slice(placeEnd, to);
  if (after.length === 0 || goods.length === 0 || after.some((ch) => goods.includes(ch))) return false;
  return genericSpans(after).some(([start]) => start <= 1);
}

/** Where a GI's place ends in the text, read from a reading of its name: after the last character of the place. */
function placeEndOf(e: HanEvidence): number {
  const n = e.form.originLength!;
  let end = -1;
  for (const p of e.alignment.pairs) if (p.markIndex >= 0 && p.markIndex < n) end = Math.max(end, p.textIndex + 1);
  return end;
}

/** Whether a reading changes only characters of the mark's goods words (变速器 read as 变速箱), nothing of the name. */
function alteredOnlyInGoods(e: HanEvidence): boolean {
  if (e.reordered) return false;
  const generic = e.form.generic;
  for (const p of e.alignment.pairs) if (p.markIndex >= 0 && p.relation !== 'same' && !generic[p.markIndex]) return false;
  return true;
}

/** The alignment a reviewer sees, with the source offsets of both sides. */
export function alignmentOf(s: ScoredCandidate): AlignedPair[] {
  return s.han ? withOffsets(s.han.alignment.pairs, s.text, s.form) : latinAlignment(s.latin!, s.form, s.text);
}

function finish(index: RegistryIndex, s: ScoredCandidate, source: Hit['source'], id: string, text: string): Hit {
  return {
    source,
    id,
    markId: index.marks[s.markIndex]!.id,
    score: Math.round(Math.max(0, Math.min(1, s.probability)) * 1000) / 1000,
    reasons: reasonsOf(index, s),
    text,
    markText: s.form.text,
    alignment: alignmentOf(s),
  };
}

function sortHits(hits: Hit[]): Hit[] {
  return hits.sort((a, b) => b.score - a.score).slice(0, MAX_HITS);
}

/** A candidate that reads a name of the mark as it is written: no character or letter changed, added or dropped. */
function readAsWritten(s: ScoredCandidate): boolean {
  return s.han ? hanAsWritten(s.han) : s.latin!.exact;
}

function hanAsWritten(e: HanEvidence): boolean {
  return !hanAltered(e) && e.inserted === 0 && e.missing === 0;
}

/** Every scored candidate of a filing that the rules leave to the model (for the model's fit and for tests). */
export function filingCandidates(index: RegistryIndex, filing: Filing, scorer: Scorer = FITTED): { text: NormalisedText; candidates: ScoredCandidate[] } {
  // a name written the office's way, 康师傅及图, is screened by its words (offsets into them hold for the name)
  const text = normaliseText(markWords(filing.markText));
  const row: Row = { context: 'filing', scorer, niceClass: filing.niceClass, location: filing.applicantAddress };
  const out: ScoredCandidate[] = [];
  let goods: string[] | undefined;
  // the applicant's own marks: a filing of one of them is not a squat of another mark its name contains
  // (周六福 filed by 周六福's owner is not an imitation of 六福)
  let applicant: Firm | undefined;
  const all = withoutOwned(candidatesOf(index, text, row), (s) => {
    if (!filing.applicant) return false;
    applicant ??= firmOf(filing.applicant);
    return firmHoldsMark(index, applicant, s.markIndex)
      || custodian(index.marks[s.markIndex]!, filing, s.context.inRegion)
      || (s.context.reach !== 'same' && s.context.ownClassesOnly && readAsWritten(s) && filesItsTradeNameElsewhere(applicant, index.marks[s.markIndex]!));
  });
  for (const s of bestPerMark(all)) {
    // a mark that only names the filing's own goods imitates nothing (金鱼 for goldfish)
    const window = s.start >= 0 ? text.han.slice(s.start, s.end).join('') : '';
    goods ??= filing.goods.map((g) => normaliseText(g).han.join(''));
    // …or whose name is an everyday name of goods the filing's goods spell out (小米 of 小米(谷物))
    if (window.length >= 2 && (goods.includes(window) || (isGenericWord(window) && goods.some((g) => g.includes(window))))) continue;
    out.push(s);
  }
  return { text, candidates: out };
}

/** Hits for one filing, best first. */
export function screenFiling(index: RegistryIndex, filing: Filing): Hit[] {
  const threshold = FITTED.threshold.filing;
  const { candidates } = filingCandidates(index, filing);
  return sortHits(candidates.filter((s) => s.probability >= threshold)
    .map((s) => finish(index, s, 'filing', filing.applicationNumber, filing.markText)));
}

export function listingCandidates(index: RegistryIndex, listing: Listing, scorer: Scorer = FITTED): { text: NormalisedText; candidates: ScoredCandidate[] } {
  const text = normaliseText(listing.title, MAX_SCREENED_TEXT);
  const brand = officialShopBrand(listing.shop);
  const row: Row = { context: 'listing', scorer, location: listing.sellerLocation, title: simplifiedInPlace(listing.title), officialShop: brand !== null };
  const all = candidatesOf(index, text, row).filter((s) => s.context.sellsItsGoods || !namesTheGoods(index, s.form));
  // the holder's own shop sells its marks (养元六个核桃旗舰店 sells 六个核桃); a place's or a region's name is anyone's to
  // put on a shop (袁家村特产旗舰店), so only its holder's trade name makes the shop its own
  const firm = all.length > 0 ? shopFirm(listing.shop) : null;
  const owned = brand || firm
    ? withoutOwned(all, (s) => (brand !== null && holdersShop(index, brand, s.markIndex)) || (firm !== null && firmHoldsMark(index, firm, s.markIndex)))
    : all;
  const candidates = brand ? owned.filter((s) => !readsTheShopsOwnBrand(s, brand, text)) : owned;
  return { text, candidates: bestPerMark(candidates) };
}

/**
 * Whether a candidate reads, with a character changed or dropped and none written alike in sound or shape, the brand
 * of the official shop that sells it, as the title writes it (养生堂 in 养生堂官方旗舰店's title beside 资生堂, 酷我音乐 beside
 * 酷狗音乐): the platform opened that shop on the brand's registration, so the words are that brand's, not a copy of
 * another. A look-alike or a sound-alike there (康帅傅 in 康帅傅旗舰店, 王者农药 in 王者农药电竞旗舰店) is still a
 * candidate, and so is a mark the brand holds whole (清华 of 清华琴行).
 */
function readsTheShopsOwnBrand(s: ScoredCandidate, brand: string, text: NormalisedText): boolean {
  const e = s.han;
  if (!e || (e.changed === 0 && e.missing === 0) || e.homophone + e.fuzzy + e.shape + e.numeral > 0 || s.start < 0) return false;
  const brandHan = Array.from(brand.replace(/[^\p{Script=Han}]/gu, ''));
  if (brandHan.length < 2) return false;
  for (let at = 0; at + brandHan.length <= text.han.length; at++) {
    if (at > s.start || at + brandHan.length < s.end) continue;
    if (brandHan.every((ch, i) => text.han[at + i] === ch)) return true;
  }
  return false;
}

/**
 * A title selling goods by their own name (东北小米 for millet, 阿克苏苹果 for apples) imitates no mark of that name: a
 * form that is the goods' name — the mark's name, an alias (苹果 of APPLE), any pinyin spelling of such a name — is no
 * candidate there, unless the title's other goods are the mark's own (小米 电吹风: CandidateContext.sellsItsGoods).
 * Another form of the same mark — an alias that adds the place (青海冬虫夏草 of a GI named 冬虫夏草), a Latin name —
 * still is.
 */
function namesTheGoods(index: RegistryIndex, form: MarkForm): boolean {
  if (form.han.length > 0 && isGenericWord(form.han.join(''))) return true;
  return index.namesGoods[form.markIndex]! && (form.kind === 'name' || form.kind === 'pinyin');
}

/** Hits for one e-commerce listing, best first; Hit.text is the matched part, offsets refer to the whole title. */
export function screenListing(index: RegistryIndex, listing: Listing): Hit[] {
  const threshold = FITTED.threshold.listing;
  const { candidates } = listingCandidates(index, listing);
  // offsets from the text the candidate was read in (a merged or spelled variant has its own)
  return sortHits(candidates.filter((s) => s.probability >= threshold)
    .map((s) => finish(index, s, 'listing', listing.id, listing.title.slice(...spanOf(s)))));
}

/** The renderer's quick check: a piece of text, optionally in one Nice class (every class when absent). */
export function quickCheck(index: RegistryIndex, text: string, niceClass?: number): Hit[] {
  const normalised = normaliseText(markWords(text), MAX_SCREENED_TEXT);
  // a mark is short; a longer text (a pasted title or description) is searched like a listing title
  const context: Context = normalised.han.length > 12 || normalised.latin.length > 4 ? 'listing' : 'filing';
  const row: Row = { context, scorer: FITTED, niceClass, location: '', title: context === 'listing' ? simplifiedInPlace(text) : undefined };
  const threshold = FITTED.threshold[context];
  const out: Hit[] = [];
  for (const s of bestPerMark(candidatesOf(index, normalised, row))) {
    if (s.probability >= threshold) out.push(finish(index, s, 'filing', '', text));
  }
  return sortHits(out);
}

// The evidence of one candidate (a registry form against a filing or a listing) as the named numbers the scoring
// model weighs (model.ts, fitted by bench/engine/fit.ts). Every feature is a general property of the match — how
// much was kept and how, how long the mark is, where the goods lie, what kind of record it is — never a name.
// Vectors are Float64Arrays indexed by the name lists below; a million filings make a few million candidates.
import type { Category } from '../domain';
import type { ClassReach } from './classes';
import { isDivisionName, isKnownPlace, isPlaceName, isSurname, surnameAndPersonWord } from './cores';
import type { Context, HanEvidence, LexicalEvidence } from './evidence';
import { ORIGIN_BITS } from './evidence';
import { isCommonEnglishWord, type LatinEvidence } from './latin';
import type { MarkForm } from './registry-index';
import { writtenAsDigit, type NormalisedText } from './normalise';

export interface CandidateContext {
  context: Context;
  category: Category;
  /** the row's goods against the mark's classes; a listing without a goods word: unknown */
  reach: ClassReach | 'unknown';
  /** a listing seller (or a filing applicant) inside the region of a GI or a public resource */
  inRegion: boolean;
  /** the match is followed by 牌 / 品牌 (written as a brand) */
  brandSuffix: boolean;
  /** the mark is a public resource that is a place (RegistryIndex.namesPlace) */
  namesPlace: boolean;
  /** …and its name is written as one (RegistryIndex.writtenAsPlace) */
  writtenAsPlace: boolean;
  /** a listing about the name: a visit there or an account of it (一日游, 门票, 图书), or the place as origin (…特产) */
  about: boolean;
  /** …a visit or an account only (goods.ts titleTellsOf), not goods of that origin */
  tells: boolean;
  /** a listing selling a book, a film or a course beside the match (goods.ts mediaWordsIn): an account of the name */
  toldInMedia: boolean;
  /** a listing seller whose location is given and lies outside the region of a GI or a public resource */
  soldElsewhere: boolean;
  /** the record gives the mark's region (a GI's or a public resource's) */
  regionGiven: boolean;
  /** the match is followed by 同款 (the same style as: a person or a character the goods copy, never a place) */
  sameStyle: boolean;
  /** a listing that says its goods fit the matched brand's products (适用于 小米14 手机壳: goods.ts fitsTheNamed) */
  fitsTheNamed: boolean;
  /** a listing reselling what a buyer owned (二手, 闲置, 九成新: goods.ts resoldGoods) */
  resold: boolean;
  /** a listing selling its goods as copies (高仿, 复刻, 纯原, 莆田版: goods.ts sellsCopies) */
  soldAsCopies: boolean;
  /** a listing that may sell packaging or labels (奶茶杯, 包装袋: goods.ts sellsPackaging) */
  packaging: boolean;
  /** a listing from inside a GI's region that says the holder lets it use the name (协会授权, 防伪蟹扣) */
  authorised: boolean;
  /** a listing whose other goods words name goods of the mark's own classes (小米 beside 电吹风): the brand's goods */
  sellsItsGoods: boolean;
  /**
   * a listing whose goods words that stand as whole words all lie far from the mark's classes, whatever selling words
   * (批发) beside them, which the reach counts as related (row-context.ts)
   */
  farByWholeWords: boolean;
  /** the mark is protected in its own classes and similar goods only (classes.ts limitedToItsClasses) */
  ownClassesOnly: boolean;
}

export const HAN_FEATURES = [
  'similarity', 'kept', 'homophone', 'fuzzy', 'shape', 'numeral', 'changed', 'missing', 'inserted', 'reordered',
  'firstLost', 'distinctKept', 'k2', 'k3', 'k5plus', 'whole', 'extra', 'extraGeneric', 'folded', 'markWord',
  'alias', 'core', 'person', 'gi', 'provincial', 'timeHonored', 'foreign', 'publicResource',
  'outside', 'far', 'farAltered', 'farLimited', 'farForeign', 'listing', 'listingExact', 'listingFar', 'listingSameClass', 'inRegion', 'brandSuffix',
  'k2Changed', 'k2Alike', 'placeExact', 'everydayFar', 'headMissing',
  // lexical: computed only for candidates that could still pass (see LEXICAL_HAN_FEATURES)
  'textIsWord', 'textWord', 'embedded', 'glued', 'gluedCommon', 'extraWords', 'changedWord',
] as const;

/** Features that need the dictionary: each lies in [0, 1], so a bound on the score is known before they are. */
export const LEXICAL_HAN_FEATURES = ['textIsWord', 'textWord', 'embedded', 'glued', 'gluedCommon', 'extraWords', 'changedWord'] as const;

export const LATIN_FEATURES = [
  'exact', 'lookAlike', 'distance1', 'distance2', 'distance3', 'jaroWinkler', 'phonetic', 'permuted', 'inside',
  'insideExtra', 'spacing', 'extraTokens', 'hanAround', 'short', 'long', 'pinyin', 'alias', 'gi', 'provincial',
  'timeHonored', 'foreign', 'publicResource', 'outside', 'far', 'farAltered', 'listing', 'listingSameClass',
] as const;

export type HanFeature = (typeof HAN_FEATURES)[number];
export type LatinFeature = (typeof LATIN_FEATURES)[number];

function indexes<T extends string>(names: readonly T[]): Record<T, number> {
  return Object.fromEntries(names.map((n, i) => [n, i])) as Record<T, number>;
}
const H = indexes(HAN_FEATURES);
const L = indexes(LATIN_FEATURES);
export const LEXICAL_HAN_INDEXES: readonly number[] = LEXICAL_HAN_FEATURES.map((n) => H[n]);

/** Categories protected in their own classes and similar goods only (a foreign-related mark apart: some are famous). */
const CLASS_LIMITED = new Set<Category>(['省著名商标', '老字号', '地理标志']);
const ALL_CLASS = new Set<Category>(['驰名商标', '公共资源']);
const CATEGORY_FEATURE: Partial<Record<Category, 'gi' | 'provincial' | 'timeHonored' | 'foreign' | 'publicResource'>> = {
  地理标志: 'gi', 省著名商标: 'provincial', 老字号: 'timeHonored', 涉外商标: 'foreign', 公共资源: 'publicResource',
};

/**
 * Origins that change how a mark looks: a variant, numeral or stand-in character. A traditional character is the mark
 * as written in another script, compared as the simplified one (审查审理指南), so it alters nothing.
 */
const ALTERING_ORIGINS = ~ORIGIN_BITS.traditional!;
/**
 * Origins the model weighs as a folded form (variant, numeral, stand-in). A syllable spelled in letters is weighed by
 * its sound, as the homophone it is, like a character of that sound written in its place.
 */
const FOLDED_ORIGINS = ALTERING_ORIGINS & ~ORIGIN_BITS.pinyin!;

/** Whether a Han match changed anything (a character, its form, its place) rather than copying the mark. */
export function hanAltered(e: HanEvidence): boolean {
  return e.same < e.k || e.missing > 0 || e.reordered || (e.origins & ALTERING_ORIGINS) !== 0;
}

/**
 * Whether a public resource's name in a title may be the place it names: the seller is not known to be elsewhere (a
 * place's name on goods sold from another place is borrowed, not an origin: 九寨沟 矿泉水 from 成都) and the goods are
 * not the 同款 of it (a person or a character: 丁真同款, whatever region the record gives).
 */
function mayNameThePlace(e: HanEvidence, c: CandidateContext): boolean {
  return c.namesPlace && !c.soldElsewhere && !c.sameStyle && (c.regionGiven || aliasWrittenAsPlace(e));
}

/**
 * A resource known as a place only by how its name is written (…湖, …海), with no region given: its alias names the
 * place only when written as one too (魔童哪吒, an alias of 哪吒之魔童闹海, is a film's, not a sea's).
 */
function aliasWrittenAsPlace(e: HanEvidence): boolean {
  return e.form.kind !== 'alias' || isPlaceName(e.form.han);
}

/**
 * A public name in a title as it is written and not as a brand (…牌), where the title names the place or the person
 * rather than selling goods under the name: when the title is about it — a visit there, an account of it, the place as
 * the goods' origin (坎布拉 一日游, 张桂梅 事迹读本, 坎布拉特产) — whatever region the record gives, or the name is
 * written as a place and the goods are not sold from elsewhere (青海湖 牦牛肉干 from 西宁). A geographical indication
 * is named so only by a visit or an account (西湖龙井 茶文化 图书): …特产 after it is its goods.
 */
export function namesThePublicName(e: HanEvidence, c: CandidateContext): boolean {
  if (c.context !== 'listing' || c.brandSuffix || hanAltered(e)) return false;
  // a book or a trip about a geographical indication (西湖龙井 茶文化 图书) sells no goods of that name, and a seller
  // of the region that says the holder lets it use the name (协会授权, 防伪蟹扣) sells the indication's own goods; from
  // the region without that, fakes are sold too (赣南脐橙 boxes filled elsewhere)
  if (c.category === '地理标志') return c.tells || c.authorised;
  if (c.category !== '公共资源') return false;
  return c.about || (c.writtenAsPlace && mayNameThePlace(e, c));
}

/**
 * A geographical indication's place alone (阳澄湖 of 阳澄湖大闸蟹, cores.ts) stands for the indication only as written,
 * on the indication's goods or related ones, filed or sold from outside its region (domain.md: art. 16); elsewhere it
 * is the place, which anyone may name. A well-known place (宁夏, 舟山) in a filing names the indication only alone or
 * with generic words: with a word of its own it is a name of that place's (宁夏红 beside 宁夏枸杞).
 */
export function claimsTheOrigin(e: HanEvidence, c: CandidateContext, written: string): boolean {
  if (c.reach !== 'same' && c.reach !== 'related') return false;
  if (c.inRegion) return false;
  if (hanAltered(e)) return soundsOrLooksLikeTheOrigin(e, written);
  return c.context === 'listing' || e.extraGeneric || !isKnownPlace(e.form.han.join(''));
}

/**
 * A place of three characters or more written with a character that sounds or looks like its own, none dropped,
 * added or moved, and no place of that name (杨澄湖, 洋澄湖 of 阳澄湖): the origin disguised for its goods, where a
 * character changed outright or a place that exists (秦山 beside 泰山) names somewhere else.
 */
function soundsOrLooksLikeTheOrigin(e: HanEvidence, written: string): boolean {
  if (e.k < 3 || e.changed > 0 || e.missing > 0 || e.inserted > 0 || e.reordered) return false;
  return !isKnownPlace(written) && !isDivisionName(written);
}

/**
 * A title that alters a mark protected in its own classes only (not a well-known mark, not a public name) and sells
 * goods far from them (古池 煎茶 beside GUCCI's 古驰): no buyer of those goods meets the mark, so the likeness is chance.
 * The name as written still goes to the model (a brand's merchandise is sold under it), and so does any name on
 * packaging, which carries the brand's own goods (益禾堂 奶茶杯).
 */
export function alteredFarAway(e: HanEvidence, c: CandidateContext): boolean {
  return c.context === 'listing' && c.reach === 'far' && !c.packaging && !ALL_CLASS.has(c.category) && hanAltered(e);
}

/**
 * A title that writes a mark protected in its own classes only (a provincial famous mark, a time-honoured brand, a
 * foreign-related mark) as it is, among goods far from them read from whole words (雷朋 男装 夹克 of sunglasses, 读书郎
 * 米线 of learning devices): another trader's own name for other goods, as a filing in a far class would be. A GI's
 * name on other goods still goes to the model (正宗东海水晶城 摆件 claims the origin), and so does a title that may sell
 * the brand's packaging.
 */
export function writtenFarAway(c: CandidateContext): boolean {
  return c.context === 'listing' && c.farByWholeWords && !c.packaging && c.ownClassesOnly;
}

/**
 * A name's named half alone (凤祥 of 老凤祥, 蜜雪 of 蜜雪冰城) far from the mark's classes: a well-known mark reaches
 * every class as the whole name; half of it there is as likely another firm's own name (山东凤祥 for poultry).
 */
export function halfFarAway(e: HanEvidence, c: CandidateContext): boolean {
  return c.reach === 'far' && e.form.kind === 'core' && (e.form.coreKind === 'named' || e.form.coreKind === 'tail');
}

/**
 * A name made of a surname and an everyday word for a person (鲍师傅, 谭木匠) with its surname replaced by another that
 * neither sounds nor looks like it (李师傅): another person's name, not the mark altered — the word is anyone's. A
 * surname alike in sound or shape (包师傅, 唐师傅 of 康师傅) is still the mark's.
 */
export function anotherPersonsName(e: HanEvidence, text: NormalisedText): boolean {
  if (e.missing > 0 || e.reordered || e.form.han.length < 3 || e.form.han.length > 4 || !personWordForm(e.form)) return false;
  let surnameReplaced = false;
  for (const p of e.alignment.pairs) {
    if (p.markIndex < 0 || p.textIndex < 0) return false;
    if (p.markIndex === 0) surnameReplaced = p.relation === 'changed' && isSurname(text.han[p.textIndex]!);
    else if (p.relation !== 'same') return false;
  }
  return surnameReplaced;
}

/** Whether each form is a surname before a word for a person (cores.ts surnameAndPersonWord), asked once per form. */
const personWordForms = new WeakMap<MarkForm, boolean>();
function personWordForm(form: MarkForm): boolean {
  let known = personWordForms.get(form);
  if (known === undefined) personWordForms.set(form, (known = surnameAndPersonWord(form.han)));
  return known;
}

/**
 * Whether a title's match reads its numbers as a numbered name altered (160 of 110-160 beside 361, 3.0两 beside 301医院)
 * or as other characters by their sound (10 of 达仁堂 10丸 as 艾可): numbers in a title are sizes, weights, years and
 * models. Its digits stand for the name only as the name's own numerals, beside one of its other characters as written
 * (163度 beside 361度, 6个核桃) or before the name's own sign (316° beside 361°), and never from inside a longer number
 * (316 holds no 31). A filing's digits are its mark.
 */
export function otherDigits(e: HanEvidence, text: NormalisedText, c: CandidateContext, title: string | undefined, markName: string): boolean {
  if (c.context !== 'listing') return false;
  const isDigit = (i: number) => writtenAsDigit(text, i);
  // digits read from inside a longer number are another number (316 is no 31, 三一)
  const { start, end } = e.alignment;
  const runsOn = (i: number, j: number) => isDigit(i) && isDigit(j) && !text.hanBreakAfter[Math.min(i, j)] && text.hanEnd[Math.min(i, j)] === text.hanStart[Math.max(i, j)];
  if (runsOn(start, start - 1) || runsOn(end - 1, end)) return true;
  // the digits as written (the numeral origin alters nothing here: the name is digits too)
  if (e.same === e.k && e.missing === 0 && !e.reordered) return false;
  // digits before the name's own sign (316°, 362° beside 361°) are written as the name
  const after = title?.[text.hanEnd[e.alignment.end - 1]!];
  if (after && /[^\s\p{L}\p{N}-]/u.test(after) && markName.includes(after)) return false;
  let digits = false;
  let wordKept = false;
  for (const p of e.alignment.pairs) {
    if (p.textIndex < 0 || p.markIndex < 0) continue;
    if (isDigit(p.textIndex)) {
      // a number for a number (10 of 十月稻田) is the name's numeral; a digit for another character, a lure of sound
      if (p.relation !== 'same' && p.relation !== 'numeral') return true;
      digits = true;
    } else if (p.relation === 'same') wordKept = true;
  }
  return digits && !wordKept;
}

/**
 * A well-known name's coined tail (麦郎 of 今麦郎) is read only as written and standing alone — a filing's whole name,
 * a word of its own in a title: altered, or among other characters, it is any two characters.
 */
export function tailStandsAlone(e: HanEvidence, text: NormalisedText): boolean {
  const { start, end } = e.alignment;
  const apart = (start === 0 || text.hanBreakAfter[start - 1]) && (end === text.han.length || text.hanBreakAfter[end - 1]);
  return !hanAltered(e) && apart === true;
}

/**
 * A book, a film or a course about a mark protected in its own classes only, far from them (《江小白》 营销案例 书籍,
 * 小罐茶 品牌课 视频课程): the name is its subject, not the name the goods are sold under.
 */
export function toldOfFarAway(c: CandidateContext): boolean {
  return c.context === 'listing' && c.reach === 'far' && c.toldInMedia && !ALL_CLASS.has(c.category) && c.category !== '地理标志';
}

/**
 * A Latin mark that is a common English word (COACH, SUPREME), protected in its own classes only, in a title selling
 * goods far from them (私人健身教练 coach 一对一): the word means what it means there.
 */
export function wordFarAway(form: MarkForm, c: CandidateContext): boolean {
  return c.context === 'listing' && c.reach === 'far' && !c.packaging && !ALL_CLASS.has(c.category) && form.latin !== null && isCommonEnglishWord(form.latin.canon);
}

/** Fills the features that need no dictionary; the lexical ones stay 0 until lexicalFeatures. */
export function hanFeatures(e: HanEvidence, c: CandidateContext, x: Float64Array): void {
  x.fill(0);
  const k = e.k;
  const altered = hanAltered(e);
  // a filing's class is certain; a listing's is guessed from its goods words, and counterfeits often sell the
  // brand's packaging or merchandise, so a listing's class is weighed apart
  const listing = c.context === 'listing';
  const farGoods = c.reach === 'far';
  const far = !listing && farGoods;
  x[H.similarity] = e.similarity;
  x[H.kept] = e.same / k;
  x[H.homophone] = e.homophone / k;
  x[H.fuzzy] = e.fuzzy / k;
  x[H.shape] = e.shape / k;
  x[H.numeral] = e.numeral > 0 ? 1 : 0;
  x[H.changed] = e.changed / k;
  x[H.missing] = e.missing / k;
  x[H.inserted] = Math.min(2, e.inserted - e.described);
  x[H.reordered] = e.reordered ? 1 : 0;
  x[H.firstLost] = e.firstLost ? 1 : 0;
  x[H.distinctKept] = e.distinctKept;
  x[H.k2] = k === 2 ? 1 : 0;
  x[H.k3] = k === 3 ? 1 : 0;
  x[H.k5plus] = k >= 5 ? 1 : 0;
  x[H.whole] = e.whole ? 1 : 0;
  x[H.extra] = Math.log1p(e.extra);
  x[H.extraGeneric] = e.extra > 0 && e.extraGeneric ? 1 : 0;
  x[H.folded] = (e.origins & FOLDED_ORIGINS) !== 0 ? 1 : 0;
  x[H.markWord] = e.form.wordFrequency / 10;
  x[H.alias] = e.form.kind === 'alias' ? 1 : 0;
  x[H.core] = e.form.kind === 'core' && e.form.coreKind !== 'person' ? 1 : 0;
  x[H.person] = e.form.coreKind === 'person' ? 1 : 0;
  const cat = CATEGORY_FEATURE[c.category];
  if (cat) x[H[cat]] = 1;
  // a well-known mark or a public name reaches every class (Trademark Law 13.3, arts. 4 and 10): no penalty for
  // leaving its classes, only for a far class (see far)
  x[H.outside] = !listing && !ALL_CLASS.has(c.category) && (c.reach === 'related' || far) ? 1 : 0;
  x[H.far] = far ? 1 : 0;
  x[H.farAltered] = far && altered ? 1 : 0;
  x[H.farLimited] = far && CLASS_LIMITED.has(c.category) ? 1 : 0;
  x[H.farForeign] = far && c.category === '涉外商标' ? 1 : 0;
  x[H.listing] = c.context === 'listing' ? 1 : 0;
  x[H.listingExact] = c.context === 'listing' && !altered ? 1 : 0;
  x[H.listingFar] = listing && farGoods ? 1 : 0;
  x[H.listingSameClass] = listing && c.reach === 'same' ? 1 : 0;
  x[H.inRegion] = c.inRegion ? 1 : 0;
  x[H.brandSuffix] = c.brandSuffix ? 1 : 0;
  x[H.k2Changed] = k === 2 && e.changed > 0 ? 1 : 0;
  x[H.k2Alike] = k === 2 && e.same === 0 ? 1 : 0;
  // the head of a short name dropped: what is left is its tail (连山 of 祁连山), not what distinguishes it
  x[H.headMissing] = k <= 3 && e.headMissing ? 1 : 0;
  // a place's own name in a title names the place (西宁到格尔木 旅游攻略) and is set aside before scoring
  // (namesThePublicName); what is left is a public resource with a region, which may be a place too (坎布拉 青稞酒 from
  // 黄南), or a person's given name alone (兰珍 of 林兰珍), as often anyone's name: both as weak as a place's. An
  // altered name, one written as a brand (…牌), or a resource's name on goods from elsewhere or as their 同款 is the
  // thing sold (冰墩墩 手办 from 义乌, 全红婵同款 泳衣), as a person's full name without a region always is.
  const ownName = mayNameThePlace(e, c) || e.form.coreKind === 'person';
  x[H.placeExact] = c.context === 'listing' && ownName && !altered && !c.brandSuffix ? 1 : 0;
  // a brand that is an everyday word, among goods it is not registered for (美的人生 励志书籍)
  x[H.everydayFar] = listing && e.form.wordFrequency >= 3 && farGoods ? 1 : 0;
}

/**
 * The dictionary's view. Whether the filing is an everyday word (红花 beside 红牛) counts everywhere; whether a match
 * runs into the words around it only in a title, where words stand side by side (玉树临风, 美的人生) — a filing that
 * adds a character to a mark (三江源头) is an ordinary imitation.
 */
export function lexicalFeatures(e: HanEvidence, lexical: LexicalEvidence, c: CandidateContext, x: Float64Array): void {
  const listing = c.context === 'listing';
  // a public place's name called in full (喀纳斯湖 of 喀纳斯) is that place's name, not another everyday word
  // …and a mark written with characters that sound and look like its own (恰恰 of 洽洽) is the mark, whatever word
  // they also make
  const textWord = (c.category === '公共资源' && lexical.wordNamesInFull) || lexical.heardAndSeen ? 0 : lexical.textWord;
  x[H.textIsWord] = textWord > 0 ? 1 : 0;
  x[H.textWord] = textWord / 10;
  x[H.embedded] = listing && lexical.embedded ? 1 : 0;
  x[H.glued] = listing && lexical.glued ? 1 : 0;
  x[H.gluedCommon] = listing && lexical.glued && e.form.wordFrequency >= 3 ? 1 : 0;
  x[H.extraWords] = lexical.extraWords ? 1 : 0;
  x[H.changedWord] = lexical.changedWord && !lexical.heardAndSeen ? 1 : 0;
}

export function latinFeatures(e: LatinEvidence, form: MarkForm, hanAround: number, c: CandidateContext, x: Float64Array): void {
  x.fill(0);
  const length = form.latin?.skeleton.length ?? 0;
  const altered = !e.exact || e.insideExtra > 0 || e.permuted;
  const far = c.context === 'filing' && c.reach === 'far';
  x[L.exact] = e.exact ? 1 : 0;
  x[L.lookAlike] = e.lookAlike ? 1 : 0;
  x[L.distance1] = e.distance === 1 ? 1 : 0;
  x[L.distance2] = e.distance === 2 ? 1 : 0;
  x[L.distance3] = e.distance >= 3 ? 1 : 0;
  x[L.jaroWinkler] = e.jaroWinkler;
  x[L.phonetic] = e.phonetic ? 1 : 0;
  x[L.permuted] = e.permuted ? 1 : 0;
  x[L.inside] = e.insideExtra > 0 ? 1 : 0;
  x[L.insideExtra] = Math.log1p(e.insideExtra);
  x[L.spacing] = e.spacing ? 1 : 0;
  x[L.extraTokens] = Math.log1p(e.extraTokens);
  // a title among words of the mark's own goods is where a brand in letters stands, its Chinese words the goods': so
  // for a brand written as it is or a letter away (OPPO 原装 数据线, VIV0 手机), not for a spelling only heard alike
  const brandAmongItsGoods = c.context === 'listing' && c.reach === 'same' && form.kind !== 'pinyin' && (e.exact || e.lookAlike || e.distance <= 1);
  x[L.hanAround] = brandAmongItsGoods ? 0 : Math.log1p(hanAround);
  x[L.short] = length <= 4 ? 1 : 0;
  x[L.long] = length >= 8 ? 1 : 0;
  x[L.pinyin] = form.kind === 'pinyin' ? 1 : 0;
  x[L.alias] = form.kind === 'alias' ? 1 : 0;
  const cat = CATEGORY_FEATURE[c.category];
  if (cat) x[L[cat]] = 1;
  // a well-known mark whose own name is in letters (ROLEX, ADIDAS) is read as a foreign-related one, except where
  // short words collide by chance: four letters or fewer, the letters rearranged, or more than two changed
  else if (c.category === '驰名商标' && form.kind === 'name' && length > 4 && !e.permuted && e.distance <= 2) x[L.foreign] = 1;
  x[L.outside] = c.context === 'filing' && !ALL_CLASS.has(c.category) && (c.reach === 'related' || far) ? 1 : 0;
  x[L.far] = far ? 1 : 0;
  x[L.farAltered] = far && altered ? 1 : 0;
  x[L.listing] = c.context === 'listing' ? 1 : 0;
  x[L.listingSameClass] = c.context === 'listing' && c.reach === 'same' ? 1 : 0;
}

/** A feature vector as names → values (for the fit's reports and for tests). */
export function named(family: 'han' | 'latin', x: Float64Array): Record<string, number> {
  const names = family === 'han' ? HAN_FEATURES : LATIN_FEATURES;
  return Object.fromEntries(names.map((n, i) => [n, x[i]!]));
}

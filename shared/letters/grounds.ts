// Suggested request and legal grounds for one filing, from the protected mark's category, the filing's class,
// the applicant's record and the filing's stage; and the check that a letter never asks for what the stage does
// not allow (a published filing cannot be declared invalid under art. 44). The statute lines are in
// ../shared/docs/domain.md.
import type { Category } from '../domain';
import type { LetterHitFacts, LetterKind, LetterRequest } from './model';
import { FILING_STAGE_SHORT, invalidationDeadline, type FilingStage } from './stage';

/** Articles of the Trademark Law (2019) a letter may cite, in statute order, with a one-line gloss for the UI. */
export const GROUNDS: readonly { label: string; gloss: string }[] = [
  { label: '第四条', gloss: '不以使用为目的的恶意商标注册申请，应当予以驳回' },
  { label: '第十条第一款第（八）项', gloss: '有害于社会主义道德风尚或者有其他不良影响' },
  { label: '第十条第二款', gloss: '县级以上行政区划的地名不得作为商标' },
  { label: '第十三条', gloss: '驰名商标的保护' },
  { label: '第十三条第二款', gloss: '复制、摹仿或者翻译他人未在中国注册的驰名商标' },
  { label: '第十三条第三款', gloss: '不相同或者不相类似商品上复制、摹仿或者翻译他人已注册的驰名商标' },
  { label: '第十五条', gloss: '代理人、代表人或者有业务往来关系者抢注' },
  { label: '第十六条第一款', gloss: '含有商品地理标志而该商品并非来源于该标志所标示的地区，误导公众' },
  { label: '第三十条', gloss: '与他人在同一种或者类似商品上已经注册的商标相同或者近似' },
  { label: '第三十一条', gloss: '申请在先原则' },
  { label: '第三十二条', gloss: '损害他人现有的在先权利，或者以不正当手段抢先注册他人已经使用并有一定影响的商标' },
  { label: '第三十三条', gloss: '初步审定公告之日起三个月内提出异议' },
  { label: '第四十四条第一款', gloss: '违反第四条、第十条等或者以欺骗、不正当手段取得注册，宣告无效' },
  { label: '第四十五条第一款', gloss: '违反相对理由条款，自注册之日起五年内请求宣告无效' },
];
const ORDER = new Map(GROUNDS.map((ground, index) => [ground.label, index]));

export const LAW_NAME = '《中华人民共和国商标法》';

/** The articles that open a procedure rather than say what is wrong with the mark. */
export const OPPOSITION_ARTICLE = '第三十三条';
export const ABSOLUTE_INVALIDATION_ARTICLE = '第四十四条第一款';
export const RELATIVE_INVALIDATION_ARTICLE = '第四十五条第一款';
const PROCEDURAL = new Set([OPPOSITION_ARTICLE, ABSOLUTE_INVALIDATION_ARTICLE, RELATIVE_INVALIDATION_ARTICLE]);
/** Absolute grounds and bad faith: art. 44.1, at any time. */
const ABSOLUTE = new Set(['第四条', '第十条第一款第（八）项', '第十条第二款']);
/** Relative grounds: art. 45.1, within five years of registration. */
const RELATIVE = new Set(['第十三条', '第十三条第二款', '第十三条第三款', '第十五条', '第十六条第一款', '第三十条', '第三十一条', '第三十二条']);

/** What the applicant did across the database: the signs of bad faith of the guideline's list. */
export interface ApplicantProfile {
  /** hits on this applicant's filings that were not dismissed */
  hits: number;
  /** different right holders whose marks those hits imitate */
  distinctOwners: number;
}

/** Thresholds for "many squats by one applicant" (art. 4: filing others' marks repeatedly or in bulk). */
export const BAD_FAITH_MIN_HITS = 3;
export const BAD_FAITH_MIN_OWNERS = 2;

export function isBadFaithProfile(profile: ApplicantProfile): boolean {
  return profile.hits >= BAD_FAITH_MIN_HITS || profile.distinctOwners >= BAD_FAITH_MIN_OWNERS;
}

function sameClass(facts: LetterHitFacts): boolean {
  return facts.markClasses.length === 0 || facts.markClasses.includes(facts.niceClass);
}

function categoryGrounds(category: Category, facts: LetterHitFacts): string[] {
  const registered = facts.registrationNumber.trim() !== '';
  const prior = registered && sameClass(facts) ? ['第三十条'] : [];
  switch (category) {
    case '驰名商标':
      if (!sameClass(facts)) return ['第十三条第三款'];
      return registered ? ['第十三条', '第三十条'] : ['第十三条第二款'];
    case '地理标志':
      return ['第十六条第一款'];
    case '公共资源':
      return ['第十条第二款', '第四条'];
    case '省著名商标':
    case '老字号':
      return [...prior, '第三十二条'];
    case '涉外商标':
      return [...prior, '第三十二条'];
  }
}

export function sortGrounds(grounds: readonly string[]): string[] {
  return [...new Set(grounds)].sort((a, b) => (ORDER.get(a) ?? 99) - (ORDER.get(b) ?? 99) || a.localeCompare(b));
}

/** What is wrong with the filing, whatever its stage: the category's articles, and art. 4 for a bulk squatter. */
export function substantiveGrounds(facts: LetterHitFacts, profile: ApplicantProfile): string[] {
  const grounds = categoryGrounds(facts.category, facts);
  if (isBadFaithProfile(profile)) grounds.push('第四条');
  return sortGrounds(grounds);
}

export const isProceduralGround = (label: string): boolean => PROCEDURAL.has(label);

export interface StageContext {
  category: Category;
  /** YYYY-MM-DD or '' */
  registeredOn: string;
  /** YYYY-MM-DD */
  today: string;
}

/** A well-known mark's owner is not bound by the five years against a bad-faith registration (art. 45.1). */
function relativeGroundsOpen(grounds: readonly string[], context: StageContext): boolean {
  const deadline = invalidationDeadline(context.registeredOn);
  if (deadline === '' || context.today <= deadline) return true;
  return context.category === '驰名商标' && grounds.includes('第四条');
}

/**
 * The grounds for a stage: the substantive articles kept (the procedural ones of another stage dropped) and the
 * article that opens the stage's procedure added — art. 33 for a published filing; art. 44.1 for absolute grounds
 * and art. 45.1 for relative ones once registered, the latter dropped with their articles after five years.
 */
export function groundsForStage(grounds: readonly string[], stage: FilingStage, context: StageContext): string[] {
  const substantive = grounds.filter((g) => !PROCEDURAL.has(g));
  if (stage === 'examination') return sortGrounds(substantive);
  if (stage === 'published') return sortGrounds([...substantive, OPPOSITION_ARTICLE]);
  const relativeOpen = relativeGroundsOpen(substantive, context);
  const kept = relativeOpen ? substantive : substantive.filter((g) => !RELATIVE.has(g));
  const procedural = [
    ...(kept.some((g) => ABSOLUTE.has(g)) ? [ABSOLUTE_INVALIDATION_ARTICLE] : []),
    ...(kept.some((g) => RELATIVE.has(g)) ? [RELATIVE_INVALIDATION_ARTICLE] : []),
  ];
  return sortGrounds([...kept, ...procedural]);
}

/** The requests a stage allows, per kind of letter; the first is the suggestion. */
export const REQUESTS_FOR_STAGE: Record<LetterKind, Record<FilingStage, readonly LetterRequest[]>> = {
  referral: { examination: ['予以驳回'], published: ['不予核准注册', '提出异议'], registered: ['宣告无效'] },
  'holder-notice': { examination: ['提出异议'], published: ['提出异议'], registered: ['请求宣告无效'] },
};

export function suggestRequest(kind: LetterKind, stage: FilingStage): LetterRequest {
  return REQUESTS_FOR_STAGE[kind][stage][0] ?? '不予核准注册';
}

export function suggestGrounds(facts: LetterHitFacts, profile: ApplicantProfile, stage: FilingStage, context: Omit<StageContext, 'category'>): string[] {
  return groundsForStage(substantiveGrounds(facts, profile), stage, { ...context, category: facts.category });
}

/**
 * What a stage forbids in one row of a letter, in Chinese, naming the filing; [] when the row is sound. The
 * composer refuses a letter with any, so a draft written before a deadline passed cannot be issued unchanged.
 */
export function stageProblems(
  row: { request: LetterRequest; grounds: readonly string[] },
  kind: LetterKind,
  stage: FilingStage,
  context: StageContext & { applicationNumber: string },
): string[] {
  const who = `申请号 ${context.applicationNumber}（${FILING_STAGE_SHORT[stage]}）`;
  const problems: string[] = [];
  const allowed = REQUESTS_FOR_STAGE[kind][stage];
  if (!allowed.includes(row.request)) {
    problems.push(`${who}的请求事项应为${allowed.map((r) => `“${r}”`).join('或')}，而不是“${row.request}”`);
  }
  const invalidation = row.grounds.filter((g) => g === ABSOLUTE_INVALIDATION_ARTICLE || g === RELATIVE_INVALIDATION_ARTICLE);
  if (stage !== 'registered' && invalidation.length > 0) {
    problems.push(`${who}尚未注册，不能依据${invalidation.join('、')}请求宣告无效`);
  }
  if (stage !== 'published' && row.grounds.includes(OPPOSITION_ARTICLE)) {
    problems.push(`${who}${stage === 'examination' ? '尚未初审公告' : '已过异议期'}，不能依据第三十三条提出异议`);
  }
  if (stage === 'registered' && !relativeGroundsOpen(row.grounds, context)) {
    const late = row.grounds.filter((g) => RELATIVE.has(g));
    if (late.length > 0) problems.push(`${who}注册已满五年，${late.join('、')}已超过第四十五条第一款规定的期限`);
  }
  if (!row.grounds.some((g) => !PROCEDURAL.has(g))) problems.push(`${who}没有填写实体法律依据（例如第十六条第一款、第三十二条）`);
  return problems;
}

/** 《中华人民共和国商标法》第四条、第三十二条 — or '' without grounds. */
export function formatGrounds(grounds: readonly string[], lawName = LAW_NAME): string {
  const sorted = sortGrounds(grounds);
  return sorted.length === 0 ? '' : `${lawName}${sorted.join('、')}`;
}

// Suggested request and legal grounds for one filing, from the protected mark's category, the filing's class and
// the applicant's record. Only a suggestion: the clerk chooses; the statute lines are in docs/domain.md.
import type { Category } from '../domain';
import type { LetterHitFacts, LetterKind, LetterRequest } from './model';

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
  { label: '第四十四条第一款', gloss: '以欺骗手段或者其他不正当手段取得注册，宣告无效' },
  { label: '第四十五条第一款', gloss: '违反相对理由条款，自注册之日起五年内请求宣告无效' },
];
const ORDER = new Map(GROUNDS.map((ground, index) => [ground.label, index]));

export const LAW_NAME = '《中华人民共和国商标法》';

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

export function suggestGrounds(facts: LetterHitFacts, profile: ApplicantProfile): string[] {
  const grounds = categoryGrounds(facts.category, facts);
  if (isBadFaithProfile(profile)) grounds.push('第四条', '第四十四条第一款');
  return sortGrounds(grounds);
}

/**
 * Before and during the opposition period the office can still refuse the filing; after it, the mark is
 * registered and only invalidation is left. A right holder is told so that it can oppose.
 */
export function suggestRequest(kind: LetterKind, facts: LetterHitFacts, today: string): LetterRequest {
  if (kind === 'holder-notice') return '提出异议';
  if (facts.oppositionDeadline !== '' && facts.oppositionDeadline < today) return '宣告无效';
  return '不予核准注册';
}

/** 《中华人民共和国商标法》第四条、第三十二条 — or '' without grounds. */
export function formatGrounds(grounds: readonly string[], lawName = LAW_NAME): string {
  const sorted = sortGrounds(grounds);
  return sorted.length === 0 ? '' : `${lawName}${sorted.join('、')}`;
}

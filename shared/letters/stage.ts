// Where a filing stands in the procedure decides what a letter may ask: a filing under examination can be
// refused, a published one opposed within three months (art. 33), a registered one only declared invalid
// (arts. 44, 45). The stage is decided from the facts the app has and "today" from the app's one clock; the clerk
// may override it per filing in the draft.
import { z } from 'zod';
import { addMonths, formatIsoDate, parseIsoDate } from '../deadlines';

export const FILING_STAGES = ['examination', 'published', 'registered'] as const;
export const FilingStageSchema = z.enum(FILING_STAGES);
export type FilingStage = z.infer<typeof FilingStageSchema>;

export const FILING_STAGE_LABELS: Record<FilingStage, string> = {
  examination: '审查中（尚未初审公告）',
  published: '初审公告期内（可异议）',
  registered: '已注册（可请求宣告无效）',
};
/** Short names for narrow places (a table cell, a select). */
export const FILING_STAGE_SHORT: Record<FilingStage, string> = {
  examination: '审查中',
  published: '公告期内',
  registered: '已注册',
};

/** Relative grounds must be raised within five years of registration (art. 45.1). */
export const INVALIDATION_PERIOD_YEARS = 5;

export interface StageFacts {
  publishedOn: string;
  oppositionDeadline: string;
  /** YYYY-MM-DD when the clerk knows it, else '' */
  registeredOn: string;
}

export interface StageDecision {
  stage: FilingStage;
  /** why, in Chinese, for the draft editor: 异议期至 2027年2月27日 */
  why: string;
}

const chinese = (iso: string) => {
  const d = parseIsoDate(iso);
  return d ? `${d.year}年${d.month}月${d.day}日` : iso;
};

/**
 * The stage on `today` (YYYY-MM-DD): a known registration date wins; without a publication date the filing is
 * still under examination; within the opposition period it is published; after it, with no opposition the
 * office registers the mark, so it is treated as registered.
 */
export function decideStage(facts: StageFacts, today: string): StageDecision {
  if (parseIsoDate(facts.registeredOn) && facts.registeredOn <= today) {
    return { stage: 'registered', why: `${chinese(facts.registeredOn)}注册` };
  }
  if (!parseIsoDate(facts.publishedOn)) return { stage: 'examination', why: '没有初审公告日期' };
  if (facts.oppositionDeadline === '' || facts.oppositionDeadline >= today) {
    return { stage: 'published', why: `异议期至${chinese(facts.oppositionDeadline)}` };
  }
  return { stage: 'registered', why: `异议期已于${chinese(facts.oppositionDeadline)}届满，按已注册处理` };
}

/** The last day to raise relative grounds (registration + 5 years), or '' when the registration date is unknown. */
export function invalidationDeadline(registeredOn: string): string {
  const registered = parseIsoDate(registeredOn);
  return registered ? formatIsoDate(addMonths(registered, INVALIDATION_PERIOD_YEARS * 12)) : '';
}

/** The stage a draft row stands for: the clerk's choice, else the decision on `today`. */
export function effectiveStage(override: FilingStage | null | undefined, facts: StageFacts, today: string): FilingStage {
  return override ?? decideStage(facts, today).stage;
}

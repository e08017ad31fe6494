// The values of the placeholders, computed from the letter's filings and the settings.
import { REASON_LABELS } from '../domain';
import { gazetteIssueLabel } from '../gazette-issue';
import { formatGrounds } from './grounds';
import type { LetterHitFacts, LetterSettings } from './model';
import type { ResolvedRow } from './rows';
import { invalidationDeadline } from './stage';
import type { PlaceholderValues } from './template';

/** 2026-11-29 → 2026年11月29日 (GB/T 9704: Arabic numerals, no leading zeros). */
export function chineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

/** Distinct values in first-seen order, joined with 、; past `max` the rest is summarised as 等N个<unit>. */
export function listOf(values: readonly string[], max: number, unit: string): string {
  const distinct = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  if (distinct.length <= max) return distinct.join('、');
  return `${distinct.slice(0, max).join('、')}等${distinct.length}个${unit}`;
}

export function imitationText(facts: LetterHitFacts): string {
  return facts.reasons.map((reason) => REASON_LABELS[reason]).join('、') || '近似';
}

export interface ValueInput {
  settings: LetterSettings;
  recipient: string;
  documentNumber: string;
  /** YYYY-MM-DD of the letter */
  date: string;
  rows: readonly ResolvedRow[];
}

function earliestOpenDeadline(facts: readonly LetterHitFacts[], today: string): string {
  const open = facts.map((f) => f.oppositionDeadline).filter((d) => d !== '' && d >= today).sort();
  return open[0] ? chineseDate(open[0]) : '（已过异议期）';
}

/** The sentence on time limits that suits the filings' stages (the earliest limit still open). */
function periodText(rows: readonly ResolvedRow[], today: string): string {
  if (rows.some((r) => r.stage === 'published')) {
    const deadline = earliestOpenDeadline(rows.filter((r) => r.stage === 'published').map((r) => r.facts), today);
    return `上述商标申请的异议期最早将于${deadline}届满。`;
  }
  if (rows.some((r) => r.stage === 'registered')) {
    const open = rows.map((r) => invalidationDeadline(r.choice.registeredOn)).filter((d) => d !== '' && d >= today).sort();
    return open[0]
      ? `上述商标已注册，就相对理由请求宣告无效的期限最早将于${chineseDate(open[0])}届满。`
      : '上述商标已过异议期。';
  }
  return '上述商标申请尚在审查中，尚未初步审定公告。';
}

export function placeholderValues(input: ValueInput): PlaceholderValues {
  const { rows, settings } = input;
  const facts = rows.map((r) => r.facts);
  const evidence = rows
    .map((row) => row.choice.evidence.trim())
    .filter(Boolean)
    .join('；');
  return {
    发文机关: settings.issuingBody,
    文号: input.documentNumber,
    收文机关: input.recipient,
    申请人: listOf(facts.map((f) => f.applicant), 3, '申请人'),
    申请件数: String(new Set(facts.map((f) => f.applicationNumber)).size),
    被仿冒商标: listOf(facts.map((f) => `“${f.protectedMarkName}”`), 4, '商标'),
    保护类别: listOf(facts.map((f) => f.category), 6, '类别'),
    // A registry record without a holder still reads as a sentence: 损害相关权利人的合法权益.
    权利人: listOf(facts.map((f) => f.holder), 3, '权利人') || '相关权利人',
    仿冒方式: listOf(facts.flatMap((f) => f.reasons.map((r) => REASON_LABELS[r])), 6, '方式'),
    请求事项: listOf(rows.map((r) => r.choice.request), 3, '事项'),
    法律依据: formatGrounds(rows.flatMap((r) => r.choice.grounds)),
    最早异议截止日: earliestOpenDeadline(facts, input.date),
    期限说明: periodText(rows, input.date),
    公告期号: listOf(facts.map((f) => gazetteIssueLabel(f.gazetteIssue)), 4, '期'),
    证据说明: evidence === '' ? '' : `有关证据：${evidence}。`.replace(/。。$/, '。'),
    联系人: settings.contactPerson,
    联系电话: settings.contactPhone,
    成文日期: chineseDate(input.date),
  };
}

// A draft's rows are per hit (one filing may imitate several marks); a letter speaks of filings. Here the rows
// are joined to their facts with the stage in effect, and the attachment table gets one row per filing listing
// every mark it imitates.
import { AppFailure } from '../result';
import { gazetteIssueLabel } from '../gazette-issue';
import { formatGrounds } from './grounds';
import type { AttachmentRow, FigurePair, LetterHitFacts, LetterRowChoice } from './model';
import { effectiveStage, type FilingStage } from './stage';
import { imitationText } from './values';

export interface ResolvedRow {
  choice: LetterRowChoice;
  facts: LetterHitFacts;
  /** the clerk's stage, else the one decided on the letter's date */
  stage: FilingStage;
}

export function resolveRows(rows: readonly LetterRowChoice[], facts: readonly LetterHitFacts[], date: string): ResolvedRow[] {
  const byHit = new Map(facts.map((f) => [f.hitId, f]));
  return rows.map((choice) => {
    const found = byHit.get(choice.hitId);
    if (!found) throw new AppFailure('not-found', `函件涉及的筛查结果（编号 ${choice.hitId}）已不存在，请从草稿中移除后再试`);
    const stage = effectiveStage(choice.stage, { ...found, registeredOn: choice.registeredOn }, date);
    return { choice, facts: found, stage };
  });
}

/** Rows of one filing together, in the order their filing first appears. */
export function groupByFiling<T extends { facts: { applicationNumber: string } }>(rows: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = row.facts.applicationNumber;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

/** 第1935期 2026-07-07, from whatever form the file gave the issue in. */
export const publicationText = (facts: Pick<LetterHitFacts, 'gazetteIssue' | 'publishedOn'>): string =>
  [gazetteIssueLabel(facts.gazetteIssue), facts.publishedOn].filter(Boolean).join(' ');

const distinct = (values: readonly string[]) => [...new Set(values.filter(Boolean))];

/** One row for a filing: each imitated mark on its own line, with its category, number and kind of imitation. */
function filingRow(group: readonly ResolvedRow[]): AttachmentRow {
  const first = group[0];
  if (!first) throw new Error('empty filing group');
  const f = first.facts;
  // The same mark entered twice in the registry is still one mark here.
  const marks = new Map<string, { name: string; category: string; number: string; imitation: string }>();
  for (const { facts } of group) {
    const key = [facts.protectedMarkName, facts.category, facts.registrationNumber].join('\u0000');
    if (!marks.has(key)) {
      marks.set(key, { name: facts.protectedMarkName, category: facts.category, number: facts.registrationNumber || '—', imitation: imitationText(facts) });
    }
  }
  const list = [...marks.values()];
  const column = (pick: (m: (typeof list)[number]) => string) => list.map(pick).join('\n');
  return {
    applicationNumber: f.applicationNumber,
    markText: f.markText,
    niceClass: String(f.niceClass),
    applicant: f.applicant,
    publication: publicationText(f),
    deadline: f.oppositionDeadline,
    protectedMark: column((m) => m.name),
    category: column((m) => m.category),
    registrationNumber: column((m) => m.number),
    imitation: column((m) => m.imitation),
    request: distinct(group.map((r) => r.choice.request)).join('、'),
    grounds: formatGrounds(group.flatMap((r) => r.choice.grounds), '《商标法》'),
    ...figuresOf(group),
  };
}

/** The images of the filing's best image hit (the group is best first), when it was found by its image. */
function figuresOf(group: readonly ResolvedRow[]): { figures?: FigurePair } {
  const found = group.find((r) => r.facts.images)?.facts.images;
  return found ? { figures: found } : {};
}

export function attachmentRows(rows: readonly ResolvedRow[]): AttachmentRow[] {
  return groupByFiling(rows).map(filingRow);
}

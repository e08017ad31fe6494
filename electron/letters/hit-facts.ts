// Reading confirmed hits as letter facts: the hit joined to its filing and to the protected mark as it is now
// (or the hit's snapshot of it, when the mark was deleted since), and the applicant's record across the database.
import { CATEGORIES, HIT_REASONS, type Category, type HitReason } from '../../shared/domain';
import { oppositionDeadline } from '../../shared/deadlines';
import type { ApplicantProfile } from '../../shared/letters/grounds';
import type { LetterHitFacts, LetterKind } from '../../shared/letters/model';
import { AppFailure } from '../../shared/result';
import type { DataExecutor } from '../data/queries';

interface FactsRow {
  hitId: number;
  decision: string;
  applicationNumber: string;
  markText: string;
  niceClass: number;
  applicant: string;
  agency: string;
  gazetteIssue: string;
  publishedOn: string;
  deadline: string;
  protectedMarkId: string;
  protectedMarkName: string;
  category: string;
  registrationNumber: string;
  holder: string;
  classes: string | null;
  reasons: string;
  rowImage: string | null;
  markImage: string | null;
}

/** The hit joined to its filing and to the protected mark as it is now, or the hit's snapshot of it. */
function selectFacts(db: DataExecutor) {
  return db
    .selectFrom('hits as h')
    .innerJoin('filings as f', 'f.id', 'h.filing_id')
    .leftJoin('protected_marks as m', 'm.key', 'h.mark_key')
    .select((eb) => [
      'h.id as hitId',
      'h.decision as decision',
      'f.application_number as applicationNumber',
      'f.mark_text as markText',
      'f.nice_class as niceClass',
      'f.applicant as applicant',
      'f.agency as agency',
      'f.gazette_issue as gazetteIssue',
      'f.published_on as publishedOn',
      'f.opposition_deadline as deadline',
      'h.mark_id as protectedMarkId',
      eb.fn.coalesce('m.name', 'h.mark_name').as('protectedMarkName'),
      eb.fn.coalesce('m.category', 'h.mark_category').as('category'),
      eb.fn.coalesce('m.registration_number', eb.val('')).as('registrationNumber'),
      eb.fn.coalesce('m.holder', eb.val('')).as('holder'),
      'm.classes as classes',
      'h.reasons as reasons',
      'h.row_image as rowImage',
      'h.mark_image as markImage',
    ]);
}

const isCategory = (value: string): value is Category => (CATEGORIES as readonly string[]).includes(value);
const isReason = (value: string): value is HitReason => (HIT_REASONS as readonly string[]).includes(value);

function parseReasons(json: string): HitReason[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((r): r is HitReason => typeof r === 'string' && isReason(r)) : [];
  } catch {
    return [];
  }
}

/** The category decides the articles a legal letter cites: one this version does not know stops the letter. */
function categoryOf(row: FactsRow): Category {
  if (isCategory(row.category)) return row.category;
  throw new AppFailure(
    'invalid-input',
    `申请号 ${row.applicationNumber} 所涉保护对象「${row.protectedMarkName}」的类别「${row.category}」无法识别，不能据此起草或签发函件。请在保护名录中更正该保护对象的类别后重新筛查。`,
  );
}

function toFacts(row: FactsRow): LetterHitFacts {
  return {
    hitId: row.hitId,
    applicationNumber: row.applicationNumber,
    markText: row.markText,
    niceClass: row.niceClass,
    applicant: row.applicant,
    agency: row.agency,
    gazetteIssue: row.gazetteIssue,
    publishedOn: row.publishedOn,
    // Imports fill the column; computing it here keeps a letter right for rows written before they did.
    oppositionDeadline: row.deadline || oppositionDeadline(row.publishedOn),
    protectedMarkId: row.protectedMarkId,
    protectedMarkName: row.protectedMarkName,
    category: categoryOf(row),
    registrationNumber: row.registrationNumber,
    holder: row.holder,
    markClasses: row.classes ? row.classes.split(';').map(Number).filter(Number.isInteger) : [],
    reasons: parseReasons(row.reasons),
    ...(row.rowImage && row.markImage ? { images: { filing: row.rowImage, mark: row.markImage } } : {}),
  };
}

export function createHitFactsQueries(db: DataExecutor) {
  return {
    /** Facts of the given hits in the given order, with each hit's decision; hits that do not exist are left out. */
    async byHitIds(hitIds: readonly number[]): Promise<(LetterHitFacts & { decision: string })[]> {
      if (hitIds.length === 0) return [];
      const rows: FactsRow[] = await selectFacts(db).where('h.id', 'in', [...hitIds]).execute();
      const byId = new Map(rows.map((row) => [row.hitId, { ...toFacts(row), decision: row.decision }]));
      return hitIds.flatMap((id) => byId.get(id) ?? []);
    },
    /** Confirmed filing hits that no draft or issued letter of this kind covers yet, the nearest deadline first. */
    async candidates(kind: LetterKind): Promise<LetterHitFacts[]> {
      const rows: FactsRow[] = await selectFacts(db)
        .where('h.source', '=', 'filing')
        .where('h.decision', '=', 'confirmed')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('letter_hits as lh')
                .innerJoin('letters as l', 'l.id', 'lh.letter_id')
                .select('lh.id')
                .whereRef('lh.hit_id', '=', 'h.id')
                .where('l.kind', '=', kind)
                .where('l.status', 'in', ['draft', 'issued']),
            ),
          ),
        )
        .orderBy((eb) => eb.case().when('f.opposition_deadline', '=', '').then(1).else(0).end())
        .orderBy('f.opposition_deadline')
        .orderBy('h.mark_id')
        .orderBy('f.applicant')
        .limit(5000)
        .execute();
      return rows.map(toFacts);
    },
    async profiles(applicants: readonly string[]): Promise<Map<string, ApplicantProfile>> {
      const profiles = new Map<string, ApplicantProfile>();
      for (const name of new Set(applicants)) {
        const row = await db
          .selectFrom('hits as h')
          .innerJoin('filings as f', 'f.id', 'h.filing_id')
          .leftJoin('protected_marks as m', 'm.key', 'h.mark_key')
          .select((eb) => [
            eb.fn.countAll().as('hits'),
            eb.fn
              .count(eb.case().when(eb.fn.coalesce('m.holder', eb.val('')), '=', '').then(eb.ref('h.mark_id')).else(eb.ref('m.holder')).end())
              .distinct()
              .as('owners'),
          ])
          .where('f.applicant', '=', name)
          .where('h.decision', '<>', 'dismissed')
          .executeTakeFirst();
        // count() comes back as a string on PostgreSQL
        profiles.set(name, { hits: Number(row?.hits ?? 0), distinctOwners: Number(row?.owners ?? 0) });
      }
      return profiles;
    },
  };
}

export type HitFactsQueries = ReturnType<typeof createHitFactsQueries>;

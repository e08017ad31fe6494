// Reading confirmed hits as letter facts: the hit joined to its filing and to the protected mark as it is now
// (or the hit's snapshot of it, when the mark was deleted since), and the applicant's record across the database.
import { CATEGORIES, HIT_REASONS, type Category, type HitReason } from '../../shared/domain';
import { oppositionDeadline } from '../../shared/deadlines';
import type { ApplicantProfile } from '../../shared/letters/grounds';
import type { LetterHitFacts } from '../../shared/letters/model';
import { AppFailure } from '../../shared/result';
import type { Db } from '../db/open';

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

const SELECT_FACTS = /* sql */ `
  SELECT h.id AS hitId, h.decision AS decision, f.application_number AS applicationNumber, f.mark_text AS markText,
         f.nice_class AS niceClass, f.applicant AS applicant, f.agency AS agency, f.gazette_issue AS gazetteIssue,
         f.published_on AS publishedOn, f.opposition_deadline AS deadline, h.mark_id AS protectedMarkId,
         COALESCE(m.name, h.mark_name) AS protectedMarkName, COALESCE(m.category, h.mark_category) AS category,
         COALESCE(m.registration_number, '') AS registrationNumber, COALESCE(m.holder, '') AS holder,
         m.classes AS classes, h.reasons AS reasons, h.row_image AS rowImage, h.mark_image AS markImage
  FROM hits h JOIN filings f ON f.id = h.filing_id LEFT JOIN protected_marks m ON m.key = h.mark_key`;

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

export function createHitFactsQueries(db: Db) {
  const candidates = db.prepare<[string], FactsRow>(
    `${SELECT_FACTS}
     WHERE h.source = 'filing' AND h.decision = 'confirmed' AND NOT EXISTS (
       SELECT 1 FROM letter_hits lh JOIN letters l ON l.id = lh.letter_id
       WHERE lh.hit_id = h.id AND l.kind = ? AND l.status IN ('draft', 'issued'))
     ORDER BY CASE WHEN f.opposition_deadline = '' THEN 1 ELSE 0 END, f.opposition_deadline, h.mark_id, f.applicant
     LIMIT 5000`,
  );
  const profile = db.prepare<[string], { hits: number; owners: number }>(
    `SELECT count(*) AS hits,
            count(DISTINCT CASE WHEN COALESCE(m.holder, '') = '' THEN h.mark_id ELSE m.holder END) AS owners
     FROM hits h JOIN filings f ON f.id = h.filing_id LEFT JOIN protected_marks m ON m.key = h.mark_key
     WHERE f.applicant = ? AND h.decision <> 'dismissed'`,
  );
  return {
    /** Facts of the given hits in the given order, with each hit's decision; hits that do not exist are left out. */
    byHitIds(hitIds: readonly number[]): (LetterHitFacts & { decision: string })[] {
      if (hitIds.length === 0) return [];
      const rows = db
        .prepare<number[], FactsRow>(`${SELECT_FACTS} WHERE h.id IN (${hitIds.map(() => '?').join(',')})`)
        .all(...hitIds);
      const byId = new Map(rows.map((row) => [row.hitId, { ...toFacts(row), decision: row.decision }]));
      return hitIds.flatMap((id) => byId.get(id) ?? []);
    },
    candidates: (kind: string): LetterHitFacts[] => candidates.all(kind).map(toFacts),
    profiles(applicants: readonly string[]): Map<string, ApplicantProfile> {
      return new Map(
        [...new Set(applicants)].map((name) => {
          const row = profile.get(name) ?? { hits: 0, owners: 0 };
          return [name, { hits: row.hits, distinctOwners: row.owners }];
        }),
      );
    },
  };
}

export type HitFactsQueries = ReturnType<typeof createHitFactsQueries>;

// A hit with its filing or listing, as the queue, the detail view, the deadlines and the exports read it.
import type { HitRow } from '../../shared/contract/screening';
import type { Category, HitReason } from '../../shared/domain';
import { daysBetween } from '../../shared/deadlines';
import type { DataExecutor } from '../data/queries';

export const HIT_COLUMNS = [
  'h.id as hit_id', 'h.source', 'h.score', 'h.reasons', 'h.decision', 'h.dismiss_reason', 'h.decision_note', 'h.mark_key',
  'h.mark_id', 'h.mark_name', 'h.mark_category', 'h.matched_text', 'h.matched_mark', 'h.found_at', 'h.alignment',
  'h.decided_at', 'h.decided_by', 'h.version',
  'f.id as f_id', 'f.application_number', 'f.mark_text', 'f.nice_class', 'f.goods', 'f.applicant', 'f.applicant_address',
  'f.agency', 'f.filed_on', 'f.gazette_issue', 'f.published_on', 'f.opposition_deadline',
  'l.id as l_id', 'l.listing_id', 'l.platform', 'l.shop', 'l.title', 'l.url', 'l.price', 'l.seller_location',
] as const;

/** Hits (as `h`) with their filing (`f`) or listing (`l`) and every column a HitRow needs; callers add the filter. */
export function hitRecords(data: DataExecutor) {
  return data
    .selectFrom('hits as h')
    .leftJoin('filings as f', 'f.id', 'h.filing_id')
    .leftJoin('listings as l', 'l.id', 'h.listing_id')
    .select(HIT_COLUMNS);
}

/** One row of `hitRecords`: the hit, and its filing or listing (the other side's columns are null). */
export type HitRecord = Awaited<ReturnType<ReturnType<typeof hitRecords>['execute']>>[number];

export function toHitRow(r: HitRecord, today: string): HitRow {
  return {
    hitId: r.hit_id,
    source: r.source,
    score: r.score,
    reasons: JSON.parse(r.reasons) as HitReason[],
    decision: r.decision,
    dismissReason: r.dismiss_reason,
    decisionNote: r.decision_note,
    markKey: r.mark_key,
    markId: r.mark_id,
    markName: r.mark_name,
    markCategory: r.mark_category as Category,
    matchedText: r.matched_text,
    matchedMark: r.matched_mark,
    foundAt: r.found_at,
    version: r.version,
    filing: r.f_id === null ? null : filingOf(r, r.f_id, today),
    listing:
      r.l_id === null
        ? null
        : {
            id: r.l_id,
            listingId: r.listing_id ?? '',
            platform: r.platform ?? '',
            shop: r.shop ?? '',
            title: r.title ?? '',
            url: r.url ?? '',
            price: r.price ?? '',
            sellerLocation: r.seller_location ?? '',
          },
  };
}

// The filing's columns are null only when the hit has none (f_id null), which the caller has ruled out.
function filingOf(r: HitRecord, id: number, today: string): NonNullable<HitRow['filing']> {
  const deadline = r.opposition_deadline ?? '';
  return {
    id,
    applicationNumber: r.application_number ?? '',
    markText: r.mark_text ?? '',
    niceClass: r.nice_class ?? 0,
    goods: !r.goods ? [] : r.goods.split(';'),
    applicant: r.applicant ?? '',
    applicantAddress: r.applicant_address ?? '',
    agency: r.agency ?? '',
    filedOn: r.filed_on ?? '',
    gazetteIssue: r.gazette_issue ?? '',
    publishedOn: r.published_on ?? '',
    oppositionDeadline: deadline,
    daysLeft: deadline ? daysBetween(today, deadline) : null,
  };
}

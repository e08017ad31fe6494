// The dashboard a division head pastes into a report: totals, hits by category and by week, decisions, what
// falls due, and the applicants and agencies with the most hits; and its export to XLSX.
import type { Dashboard, ProfileRow } from '../../shared/contract/screening';
import { DUE_SOON_DAYS, isActionable } from '../../shared/deadlines';
import { CATEGORIES, type Category } from '../../shared/domain';
import type { AppContext } from '../context';
import { writeFileStreamed } from '../files/streamed';
import { presetPeriod, type Period } from '../../shared/periods';
import { addDays, countFilings, DEADLINE_SQL, OVERDUE_HITS } from '../db/repositories/hits-query';
import { writeXlsx, type XlsxCell, type XlsxSheet } from '../tabular/xlsx-writer';
import { createProfileService, BAD_FAITH_RULES } from './profiles';
import { createReviewService, localToday } from './review';

const TOP = 10;

type WeekBasis = Dashboard['weekBasis'];
export interface SummaryOptions {
  period?: Period;
  weekBasis?: WeekBasis;
}

/** The instant a local calendar day begins, as the ISO UTC text the database stores times in. */
function localDayStart(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).toISOString();
}
const WEEKS = 26;

export function createDashboardService(ctx: AppContext) {
  const profiles = createProfileService(ctx);
  const review = createReviewService(ctx);

  function totals(today: string): Dashboard['totals'] {
    const one = (sql: string, params: unknown[] = []) => (ctx.db.prepare(sql).get(...params) as { n: number | null }).n ?? 0;
    const open = "h.decision <> 'dismissed'";
    return {
      filings: one('SELECT count(*) AS n FROM filings'),
      listings: one('SELECT count(*) AS n FROM listings'),
      hits: one('SELECT count(*) AS n FROM hits'),
      undecided: one("SELECT count(*) AS n FROM hits WHERE decision = 'undecided'"),
      confirmed: one("SELECT count(*) AS n FROM hits WHERE decision = 'confirmed'"),
      dismissed: one("SELECT count(*) AS n FROM hits WHERE decision = 'dismissed'"),
      // the one definition of overdue (OVERDUE_HITS) the deadlines page lists; filings, as the queue and the notice count
      overdue: countFilings(ctx.db, OVERDUE_HITS, today),
      dueWithin14: one(
        `SELECT count(DISTINCT h.filing_id) AS n FROM hits h WHERE h.source = 'filing' AND ${open} AND ${DEADLINE_SQL.actionable} AND h.deadline <= @until`,
        [{ today, until: addDays(today, DUE_SOON_DAYS) }],
      ),
    };
  }

  function byCategory(): Dashboard['hitsByCategory'] {
    const rows = ctx.db
      .prepare<[], { category: Category; hits: number; confirmed: number }>(
        "SELECT mark_category AS category, count(*) AS hits, sum(decision = 'confirmed') AS confirmed FROM hits GROUP BY mark_category",
      )
      .all();
    return CATEGORIES.map((category) => rows.find((r) => r.category === category) ?? { category, hits: 0, confirmed: 0 });
  }

  // 公告日: a filing's week is its gazette publication week (a listing, which has none, the week it was found);
  // 导入日: every hit's week is the week it was found by screening.
  function perWeek(today: string, basis: WeekBasis): Dashboard['hitsPerWeek'] {
    const day = basis === 'published' ? "coalesce(nullif(h.published_on, ''), substr(h.found_at, 1, 10))" : 'substr(h.found_at, 1, 10)';
    return ctx.db
      .prepare<[string], { week: string; hits: number; confirmed: number }>(
        `SELECT strftime('%Y-%m-%d', ${day}, 'weekday 1', '-7 days') AS week,
                count(*) AS hits, sum(h.decision = 'confirmed') AS confirmed
         FROM hits h
         WHERE ${day} >= ?
         GROUP BY week ORDER BY week`,
      )
      .all(addDays(today, -7 * WEEKS));
  }

  /** What was done in the period: hits found, decisions now standing that were made in it, letters issued. */
  function inPeriod(period: Period): Dashboard['period'] {
    const [start, end] = [localDayStart(period.from), localDayStart(addDays(period.to, 1))];
    const one = (sql: string) => (ctx.db.prepare(sql).get({ start, end }) as { n: number | null }).n ?? 0;
    return {
      ...period,
      hitsFound: one('SELECT count(*) AS n FROM hits WHERE found_at >= @start AND found_at < @end'),
      confirmed: one("SELECT count(*) AS n FROM hits WHERE decision = 'confirmed' AND decided_at >= @start AND decided_at < @end"),
      dismissed: one("SELECT count(*) AS n FROM hits WHERE decision = 'dismissed' AND decided_at >= @start AND decided_at < @end"),
      lettersIssued: one("SELECT count(*) AS n FROM letters WHERE status <> 'draft' AND issued_at >= @start AND issued_at < @end"),
    };
  }

  function summary(options: SummaryOptions = {}): Dashboard {
    const today = localToday(ctx.now());
    const weekBasis = options.weekBasis ?? 'published';
    const period = options.period ?? presetPeriod('thisMonth', today) ?? { from: today, to: today };
    const top = (kind: 'applicant' | 'agency') =>
      profiles.list({ kind, onlyWithHits: true, sortBy: 'hits', sortDir: 'desc', offset: 0, limit: TOP }).rows;
    return {
      totals: totals(today),
      hitsByCategory: byCategory(),
      hitsPerWeek: perWeek(today, weekBasis),
      topApplicants: top('applicant'),
      topAgencies: top('agency'),
      dueSoon: review.upcoming(DUE_SOON_DAYS).filter((row) => isActionable(row.filing?.oppositionDeadline ?? '', today)),
      period: inPeriod(period),
      weekBasis,
    };
  }

  return {
    summary,
    async export(filePath: string): Promise<void> {
      const data = summary();
      const sheet = (name: string, header: string[], rows: Iterable<XlsxCell[]>): XlsxSheet => ({
        name,
        columns: header.map((h) => ({ header: h, width: Math.max(12, Math.min(40, h.length * 2 + 6)) })),
        rows,
      });
      const t = data.totals;
      const profileRows = (rows: ProfileRow[]) =>
        rows.map((p) => [p.name, p.filings, p.classes, p.hits, p.distinctMarksHit, p.flags.map((f) => BAD_FAITH_RULES[f].label).join('；')]);
      const profileHeader = ['名称', '申请量', '类别数', '命中', '涉及名录商标', '恶意迹象'];
      // Everything that falls due, not the fifty rows the page shows (issue 9, item 17).
      const due = review.upcoming(14).map((r) => [r.filing?.applicationNumber ?? '', r.filing?.markText ?? '', r.filing?.applicant ?? '', r.filing?.oppositionDeadline ?? '', r.filing?.daysLeft ?? null, r.markName]);
      await writeFileStreamed(filePath, (write) =>
        writeXlsx(write, [
          sheet('总体情况', ['项目', '数量'], [['商标申请', t.filings], ['电商商品', t.listings], ['命中', t.hits], ['待定', t.undecided], ['已确认', t.confirmed], ['已排除', t.dismissed], ['异议期已过（待定，件）', t.overdue], ['14 天内到期（件）', t.dueWithin14]]),
          sheet('按类别', ['类别', '命中', '已确认'], data.hitsByCategory.map((r) => [r.category, r.hits, r.confirmed])),
          sheet('按周', ['周（周一）', '命中', '已确认'], data.hitsPerWeek.map((r) => [r.week, r.hits, r.confirmed])),
          sheet('申请人', profileHeader, profileRows(data.topApplicants)),
          sheet('代理机构', profileHeader, profileRows(data.topAgencies)),
          sheet('即将到期', ['申请号', '商标', '申请人', '异议截止', '剩余天数', '名录商标'], due),
        ]),
      );
    },
  };
}

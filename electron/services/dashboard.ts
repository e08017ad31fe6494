// The dashboard a division head pastes into a report: totals, hits by category and by week, decisions, what
// falls due, and the applicants and agencies with the most hits; and its export to XLSX.
import type { Dashboard, ProfileRow } from '../../shared/contract/screening';
import { CATEGORIES, type Category } from '../../shared/domain';
import type { AppContext } from '../context';
import { writeFileStreamed } from '../files/streamed';
import { addDays, countHits, OVERDUE_HITS } from '../db/repositories/hits-query';
import { writeXlsx, type XlsxCell, type XlsxSheet } from '../tabular/xlsx-writer';
import { createProfileService, BAD_FAITH_RULES } from './profiles';
import { createReviewService, localToday } from './review';

const TOP = 10;
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
      overdue: countHits(ctx.db, OVERDUE_HITS, today),
      dueWithin14: one(`SELECT count(*) AS n FROM hits h WHERE h.source = 'filing' AND ${open} AND h.deadline BETWEEN ? AND ?`, [today, addDays(today, 14)]),
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

  // A filing's week is its gazette publication week; a listing's is the week it was found.
  function perWeek(today: string): Dashboard['hitsPerWeek'] {
    return ctx.db
      .prepare<[string], { week: string; hits: number; confirmed: number }>(
        `SELECT strftime('%Y-%m-%d', coalesce(nullif(h.published_on, ''), substr(h.found_at, 1, 10)), 'weekday 1', '-7 days') AS week,
                count(*) AS hits, sum(h.decision = 'confirmed') AS confirmed
         FROM hits h
         WHERE coalesce(nullif(h.published_on, ''), substr(h.found_at, 1, 10)) >= ?
         GROUP BY week ORDER BY week`,
      )
      .all(addDays(today, -7 * WEEKS));
  }

  function summary(): Dashboard {
    const today = localToday(ctx.now());
    const top = (kind: 'applicant' | 'agency') =>
      profiles.list({ kind, onlyWithHits: true, sortBy: 'hits', sortDir: 'desc', offset: 0, limit: TOP }).rows;
    return {
      totals: totals(today),
      hitsByCategory: byCategory(),
      hitsPerWeek: perWeek(today),
      topApplicants: top('applicant'),
      topAgencies: top('agency'),
      dueSoon: review.upcoming(14).slice(0, 50),
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
          sheet('总体情况', ['项目', '数量'], [['商标申请', t.filings], ['电商商品', t.listings], ['命中', t.hits], ['待定', t.undecided], ['已确认', t.confirmed], ['已排除', t.dismissed], ['异议期已过（待定）', t.overdue], ['14 天内到期', t.dueWithin14]]),
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

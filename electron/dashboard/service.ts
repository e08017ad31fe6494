// The dashboard a division head pastes into a report: totals, hits by category and by week, decisions, what
// falls due, and the applicants and agencies with the most hits; and its export to XLSX.
import type { Dashboard, ProfileRow } from '../../shared/contract/screening';
import { DUE_SOON_DAYS, isActionable } from '../../shared/deadlines';
import type { AppContext } from '../context';
import { writeFileStreamed } from '../files/streamed';
import { presetPeriod, type Period } from '../../shared/periods';
import { addDays, OVERDUE_HITS } from '../review/hit-filter';
import { localToday } from '../review/local-time';
import { countFilings } from '../review/queue-repository';
import { createReviewService } from '../review/service';
import { BAD_FAITH_RULES, createProfileService } from '../profiles/service';
import { writeXlsx, type XlsxCell, type XlsxSheet } from '../tabular/xlsx-writer';
import { countsInPeriod, dashboardTotals, hitsByCategory, hitsPerWeek } from './repository';

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

  async function totals(today: string): Promise<Dashboard['totals']> {
    return {
      ...(await dashboardTotals(ctx.data, today, DUE_SOON_DAYS)),
      // the one definition of overdue (OVERDUE_HITS) the deadlines page lists; filings, as the queue and the notice count
      overdue: await countFilings(ctx.data, OVERDUE_HITS, today),
    };
  }

  /** What was done in the period: hits found, decisions now standing that were made in it, letters issued. */
  async function inPeriod(period: Period): Promise<Dashboard['period']> {
    return { ...period, ...(await countsInPeriod(ctx.data, localDayStart(period.from), localDayStart(addDays(period.to, 1)))) };
  }

  async function summary(options: SummaryOptions = {}): Promise<Dashboard> {
    const today = localToday(ctx.now());
    const weekBasis = options.weekBasis ?? 'published';
    const period = options.period ?? presetPeriod('thisMonth', today) ?? { from: today, to: today };
    const top = async (kind: 'applicant' | 'agency') =>
      (await profiles.list({ kind, onlyWithHits: true, sortBy: 'hits', sortDir: 'desc', offset: 0, limit: TOP })).rows;
    return {
      totals: await totals(today),
      hitsByCategory: await hitsByCategory(ctx.data),
      hitsPerWeek: await hitsPerWeek(ctx.data, addDays(today, -7 * WEEKS), weekBasis),
      topApplicants: await top('applicant'),
      topAgencies: await top('agency'),
      dueSoon: (await review.upcoming(DUE_SOON_DAYS)).filter((row) => isActionable(row.filing?.oppositionDeadline ?? '', today)),
      period: await inPeriod(period),
      weekBasis,
    };
  }

  return {
    summary,
    async export(filePath: string): Promise<void> {
      const data = await summary();
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
      const due = (await review.upcoming(14)).map((r) => [r.filing?.applicationNumber ?? '', r.filing?.markText ?? '', r.filing?.applicant ?? '', r.filing?.oppositionDeadline ?? '', r.filing?.daysLeft ?? null, r.markName]);
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

// The review queue: query hits, show one in detail, record decisions (each audited), export the current view,
// list what falls due, and the per-platform complaint list for listings.
import ExcelJS from 'exceljs';
import type { Decision, HitDetail, HitQuery, HitRow } from '../../shared/contract/screening';
import { HitQuerySchema } from '../../shared/contract/screening';
import { REASON_LABELS, type AlignedPair, type HitReason } from '../../shared/domain';
import { neutraliseFormula } from '../../shared/formats/cells';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import { DEADLINE_SQL, getHitRecord, matchingHitIds, queryHits, toHitRow } from '../db/repositories/hits-query';
import { writeFileAtomically } from '../files/atomic';
import { csvField } from './registry-export';

export const DECISION_LABELS: Record<Decision, string> = { undecided: '待定', confirmed: '确认（疑似恶意抢注）', dismissed: '排除' };
const EXPORT_LIMIT = 100_000;

/** Today's date in the machine's time zone: deadlines are calendar days where the clerk sits. */
export function localToday(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const reasonsText = (reasons: readonly HitReason[]) => reasons.map((r) => REASON_LABELS[r]).join('、');

function exportRow(row: HitRow): (string | number)[] {
  const f = row.filing;
  const l = row.listing;
  return [
    row.score,
    f?.applicationNumber ?? l?.listingId ?? '',
    f?.markText ?? l?.title ?? '',
    f?.niceClass ?? '',
    f?.applicant ?? l?.shop ?? '',
    f?.agency ?? l?.platform ?? '',
    f?.gazetteIssue ?? '',
    f?.publishedOn ?? '',
    f?.oppositionDeadline ?? '',
    row.markId,
    row.markName,
    row.markCategory,
    reasonsText(row.reasons),
    DECISION_LABELS[row.decision],
    row.dismissReason,
    row.decisionNote,
  ];
}

const EXPORT_HEADERS = ['分数', '申请号/编号', '商标/标题', '类别', '申请人/店铺', '代理机构/平台', '公告期号', '公告日期', '异议截止', '名录编号', '名录商标', '名录类别', '理由', '结论', '排除原因', '备注'];

interface HitDecisionState {
  id: number;
  decision: Decision;
  dismiss_reason: string;
  decision_note: string;
  decided_at: string | null;
  decided_by: string | null;
}

export interface DecisionResult {
  updated: number;
  undoToken: number | null;
}

let undoTokens = 0;

export function createReviewService(ctx: AppContext) {
  const today = () => localToday(ctx.now());
  /** the hits of the latest decision as they were before it, for hits.undo */
  let lastDecision: { token: number; before: HitDecisionState[] } | null = null;

  function decide(hitIds: readonly number[], decision: Decision, dismissReason?: string, note?: string): DecisionResult {
    if (decision === 'dismissed' && !dismissReason) throw new AppFailure('invalid-input', '排除时请选择原因：不近似、权利人自有或其他');
    const now = ctx.now();
    const read = ctx.db.prepare<[number], HitDecisionState & { mark_name: string; matched_text: string }>(
      'SELECT id, decision, dismiss_reason, decision_note, decided_at, decided_by, mark_name, matched_text FROM hits WHERE id = ?',
    );
    const update = ctx.db.prepare(
      `UPDATE hits SET decision = @decision, dismiss_reason = @dismissReason, decision_note = @note,
         decided_at = @decidedAt, decided_by = @decidedBy WHERE id = @id`,
    );
    const before: HitDecisionState[] = [];
    const updated = ctx.db.transaction(() => {
      let n = 0;
      for (const id of hitIds) {
        const row = read.get(id);
        if (!row) continue;
        const { mark_name: markName, matched_text: matchedText, ...state } = row;
        before.push(state);
        update.run({
          id,
          decision,
          dismissReason: decision === 'dismissed' ? dismissReason : '',
          note: note ?? '',
          decidedAt: decision === 'undecided' ? null : now,
          decidedBy: decision === 'undecided' ? null : ctx.config.actor,
        });
        ctx.audit.record(
          {
            actor: ctx.config.actor,
            action: 'update',
            entity: 'hit',
            entityKey: String(id),
            before: null,
            after: null,
            note: `「${matchedText}」/「${markName}」：${DECISION_LABELS[row.decision]} → ${DECISION_LABELS[decision]}${dismissReason && decision === 'dismissed' ? `（${dismissReason}）` : ''}${note ? `；备注：${note}` : ''}`,
          },
          now,
        );
        n += 1;
      }
      return n;
    })();
    if (updated === 0) return { updated, undoToken: null };
    undoTokens += 1;
    lastDecision = { token: undoTokens, before };
    return { updated, undoToken: undoTokens };
  }

  return {
    query: (query: HitQuery) => queryHits(ctx.db, query, today()),

    get(hitId: number): HitDetail {
      const record = getHitRecord(ctx.db, hitId);
      if (!record) throw new AppFailure('not-found', '该命中记录不存在，可能已随批次删除');
      const mark = record.mark_key === null ? undefined : ctx.marks.get(record.mark_key);
      const others = ctx.db
        .prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM hits WHERE filing_id = ? AND id <> ?')
        .get(record.f_id ?? -1, hitId);
      return {
        ...toHitRow(record, today()),
        alignment: JSON.parse(record.alignment) as AlignedPair[],
        mark: mark
          ? { id: mark.id, name: mark.name, category: mark.category, classes: mark.classes, registrationNumber: mark.registrationNumber, holder: mark.holder, aliases: mark.aliases, region: mark.region }
          : null,
        otherHitsOfFiling: others?.n ?? 0,
        decidedAt: record.decided_at,
        decidedBy: record.decided_by,
      };
    },

    decide,

    decideMatching(query: HitQuery, decision: Decision, dismissReason?: string, note?: string): DecisionResult {
      const ids = matchingHitIds(ctx.db, HitQuerySchema.parse(query), today());
      if (ids.length === 0) return { updated: 0, undoToken: null };
      return decide(ids, decision, dismissReason, note);
    },

    /** Puts the hits of the latest decision back as they were before it (audited like a decision). */
    undo(undoToken: number): { restored: number } {
      const last = lastDecision;
      if (!last || last.token !== undoToken) throw new AppFailure('conflict', '只能撤销最近一次作出的结论；该结论已撤销或之后又作出了新的结论');
      const now = ctx.now();
      const update = ctx.db.prepare(
        `UPDATE hits SET decision = @decision, dismiss_reason = @dismiss_reason, decision_note = @decision_note,
           decided_at = @decided_at, decided_by = @decided_by WHERE id = @id`,
      );
      const restored = ctx.db.transaction(() => {
        let n = 0;
        for (const before of last.before) {
          if (update.run(before).changes === 0) continue;
          ctx.audit.record(
            { actor: ctx.config.actor, action: 'update', entity: 'hit', entityKey: String(before.id), before: null, after: null, note: `撤销结论：恢复为${DECISION_LABELS[before.decision]}` },
            now,
          );
          n += 1;
        }
        return n;
      })();
      lastDecision = null;
      return { restored };
    },

    async exportView(query: HitQuery, filePath: string): Promise<{ rows: number; path: string }> {
      const { rows } = queryHits(ctx.db, HitQuerySchema.parse({ ...query, offset: 0, limit: 1000 }), today());
      const all = rows.length < 1000 ? rows : queryAll(query);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(query.source === 'filing' ? '商标申请命中' : '电商商品命中');
      sheet.addRow(EXPORT_HEADERS).font = { bold: true };
      for (const row of all) sheet.addRow(exportRow(row).map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)));
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      await writeFileAtomically(filePath, Buffer.from(await workbook.xlsx.writeBuffer()));
      return { rows: all.length, path: filePath };
    },

    facets(source: 'filing' | 'listing') {
      const all = <T>(sql: string) => ctx.db.prepare(sql).all(source) as T[];
      const counts = all<{ decision: Decision; n: number }>('SELECT decision, count(*) AS n FROM hits WHERE source = ? GROUP BY decision');
      const count = (decision: Decision) => counts.find((c) => c.decision === decision)?.n ?? 0;
      return {
        marks: all<{ markId: string; markName: string; count: number }>(
          'SELECT mark_id AS markId, max(mark_name) AS markName, count(*) AS count FROM hits WHERE source = ? GROUP BY mark_id ORDER BY count DESC',
        ),
        gazetteIssues: all<{ v: string }>(
          "SELECT DISTINCT f.gazette_issue AS v FROM hits h JOIN filings f ON f.id = h.filing_id WHERE h.source = ? AND f.gazette_issue <> '' ORDER BY v DESC",
        ).map((r) => r.v),
        platforms: all<{ v: string }>(
          "SELECT DISTINCT l.platform AS v FROM hits h JOIN listings l ON l.id = h.listing_id WHERE h.source = ? AND l.platform <> '' ORDER BY v",
        ).map((r) => r.v),
        classes: all<{ v: number }>(
          'SELECT DISTINCT f.nice_class AS v FROM hits h JOIN filings f ON f.id = h.filing_id WHERE h.source = ? ORDER BY v',
        ).map((r) => r.v),
        counts: { undecided: count('undecided'), confirmed: count('confirmed'), dismissed: count('dismissed') },
        undecidedByDeadline: {
          actionable: undecidedWhere(source, DEADLINE_SQL.actionable),
          overdue: undecidedWhere(source, DEADLINE_SQL.overdue),
        },
      };
    },

    upcoming,

    async complaintList(platform: string, filePath: string): Promise<{ rows: number; path: string }> {
      const { rows } = queryHits(ctx.db, { source: 'listing', platform, decision: 'confirmed', sortBy: 'mark', sortDir: 'asc', limit: 1000, offset: 0 }, today());
      if (rows.length === 0) throw new AppFailure('not-found', `平台「${platform}」没有已确认的侵权商品`);
      const header = ['平台', '店铺', '商品编号', '商品标题', '链接', '所在地', '涉及商标', '商标类别', '权利人', '注册号', '理由'];
      const lines = rows.map((row) => {
        const mark = row.markKey === null ? undefined : ctx.marks.get(row.markKey);
        const l = row.listing;
        return [l?.platform ?? '', l?.shop ?? '', l?.listingId ?? '', l?.title ?? '', l?.url ?? '', l?.sellerLocation ?? '', row.markName, row.markCategory, mark?.holder ?? '', mark?.registrationNumber ?? '', reasonsText(row.reasons)];
      });
      const text = [header, ...lines].map((cells) => cells.map((c) => csvField(neutraliseFormula(c))).join(',')).join('\r\n');
      await writeFileAtomically(filePath, `\uFEFF${text}\r\n`);
      return { rows: rows.length, path: filePath };
    },
  };

  function undecidedWhere(source: 'filing' | 'listing', clause: string): number {
    return (
      ctx.db
        .prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM hits h WHERE h.source = @source AND h.decision = 'undecided' AND ${clause}`)
        .get({ source, today: today() })?.n ?? 0
    );
  }

  /**
   * What falls due: open (not dismissed) hits that can still be opposed with a deadline within `withinDays`,
   * nearest first; then the undecided ones whose deadline has passed (too late to oppose, still open to
   * invalidation under arts. 44/45), most recently passed first. Callers show the second group apart.
   */
  function upcoming(withinDays: number): HitRow[] {
    const base = { source: 'filing' as const, sortBy: 'deadline' as const, limit: 1000, offset: 0 };
    const due = queryHits(ctx.db, { ...base, sortDir: 'asc', deadline: 'open' }, today()).rows.filter(
      (row) => row.decision !== 'dismissed' && (row.filing?.daysLeft ?? Infinity) <= withinDays,
    );
    const overdue = queryHits(ctx.db, { ...base, sortDir: 'desc', deadline: 'overdue', decision: 'undecided' }, today()).rows;
    return [...due, ...overdue];
  }

  function queryAll(query: HitQuery): HitRow[] {
    const rows: HitRow[] = [];
    for (let offset = 0; offset < EXPORT_LIMIT; offset += 1000) {
      const page = queryHits(ctx.db, HitQuerySchema.parse({ ...query, offset, limit: 1000 }), today()).rows;
      rows.push(...page);
      if (page.length < 1000) break;
    }
    return rows;
  }
}

export type ReviewService = ReturnType<typeof createReviewService>;

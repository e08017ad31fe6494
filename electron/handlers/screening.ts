// The services behind the screening channels (shared/contract/screening.ts).
import type { screeningContract } from '../../shared/contract/screening';
import type { AppContext } from '../context';
import type { Handlers } from '../ipc/dispatch';
import { createJobManager, type JobManager } from '../screening/jobs';
import { createBatchService } from '../services/batches';
import { createDashboardService } from '../services/dashboard';
import { createProfileService } from '../services/profiles';
import { createQuickCheckService } from '../services/quick-check';
import { createReviewService } from '../services/review';

type ScreeningHandlers = Pick<Handlers, keyof typeof screeningContract>;

export function createScreeningHandlers(ctx: AppContext, jobs: JobManager = createJobManager(ctx, ctx.config.workerDir ? { workerDir: ctx.config.workerDir } : {})): ScreeningHandlers {
  const batches = createBatchService(ctx, jobs);
  const review = createReviewService(ctx);
  const profiles = createProfileService(ctx);
  const dashboard = createDashboardService(ctx);
  const quick = createQuickCheckService(ctx);
  return {
    'batches.previewFile': ({ path, kind }) => batches.previewFile(path, kind),
    'batches.startImport': ({ path, kind, mapping }) => batches.startImport(path, kind, mapping),
    'batches.resume': ({ batchId }) => batches.resume(batchId),
    'batches.progress': ({ batchId }) => jobs.progress(batchId),
    'batches.cancel': ({ batchId }) => ({ cancelled: jobs.cancel(batchId) }),
    'batches.list': () => batches.list(),
    'batches.problems': ({ batchId, offset, limit }) => batches.problems(batchId, offset, limit),
    'batches.remove': ({ batchId }) => batches.remove(batchId),
    'batches.rescreen': ({ batchId }) => batches.rescreen(batchId),
    'hits.query': (query) => review.query(query),
    'hits.get': ({ hitId }) => review.get(hitId),
    'hits.facets': ({ source }) => review.facets(source),
    'hits.decide': ({ hitIds, decision, dismissReason, note }) => review.decide(hitIds, decision, dismissReason, note),
    'hits.decideMatching': ({ query, decision, dismissReason, note }) => review.decideMatching(query, decision, dismissReason, note),
    'hits.undo': ({ undoToken }) => review.undo(undoToken),
    'hits.export': ({ query, path }) => review.exportView(query, path),
    'deadlines.upcoming': ({ withinDays }) => review.upcoming(withinDays),
    'profiles.list': (options) => profiles.list(options),
    'profiles.get': ({ kind, name }) => profiles.get(kind, name),
    'dashboard.summary': ({ period, weekBasis }) => dashboard.summary({ ...(period ? { period } : {}), weekBasis }),
    'dashboard.export': ({ path }) => dashboard.export(path),
    'listings.complaintExport': ({ platform, path }) => review.complaintList(platform, path),
    quickCheck: ({ text, niceClass }) => quick.check(text, niceClass),
  };
}

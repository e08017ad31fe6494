// The services behind the screening channels (shared/contract/screening.ts).
import type { screeningContract } from '../../shared/contract/screening';
import type { AppContext } from '../context';
import type { Handlers } from '../ipc/dispatch';
import { saveWithDialog } from '../files/save';
import { complaintExportSave, dashboardExportSave, hitsExportSave } from '../files/save-requests';
import type { ShellPorts } from './files';
import type { JobManager } from '../screening/jobs';
import { createBatchService } from '../services/batches';
import { createDashboardService } from '../services/dashboard';
import { createProfileService } from '../services/profiles';
import { createQuickCheckService } from '../registry/quick-check';
import { createReviewService, localToday } from '../services/review';
import { exportComplaints, exportHitView, requireComplaints } from '../services/hit-exports';

type ScreeningHandlers = Pick<Handlers, keyof typeof screeningContract>;

/** `jobs` is the app's one job manager (made with the context); tests may pass their own. */
export function createScreeningHandlers(ctx: AppContext, shell: ShellPorts, jobs: JobManager = ctx.jobs): ScreeningHandlers {
  const batches = createBatchService(ctx, jobs);
  const review = createReviewService(ctx);
  const profiles = createProfileService(ctx);
  const dashboard = createDashboardService(ctx);
  const quick = createQuickCheckService(ctx);
  const today = () => localToday(ctx.now());
  const table = (token: string) => shell.files.resolve(token, 'table');
  // a batch's images come as a ZIP or as a folder, each chosen with its own dialog
  const images = (token: string) => {
    try {
      return shell.files.resolve(token, 'images');
    } catch {
      return shell.files.resolve(token, 'imageFolder');
    }
  };
  return {
    'batches.previewFile': ({ fileToken, kind }) => batches.previewFile(table(fileToken), kind),
    'batches.startImport': ({ fileToken, kind, mapping, imagesToken }) =>
      batches.startImport(table(fileToken), kind, mapping, imagesToken === undefined ? undefined : images(imagesToken)),
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
    'hits.decide': ({ hitIds, decision, dismissReason, note, seen }) => review.decide(hitIds, decision, dismissReason, note, seen),
    'hits.decideMatching': ({ query, decision, dismissReason, note }) => review.decideMatching(query, decision, dismissReason, note),
    'hits.undo': ({ undoToken }) => review.undo(undoToken),
    'hits.export': ({ query }) => {
      return saveWithDialog(shell.dialogs, hitsExportSave({ query }, today()), (target) => exportHitView(ctx, query, target, today()));
    },
    'deadlines.upcoming': ({ withinDays }) => review.upcoming(withinDays),
    'profiles.list': (options) => profiles.list(options),
    'profiles.get': ({ kind, name }) => profiles.get(kind, name),
    'dashboard.summary': ({ period, weekBasis }) => dashboard.summary({ ...(period ? { period } : {}), weekBasis }),
    'dashboard.export': () => {
      return saveWithDialog(shell.dialogs, dashboardExportSave(today()), async (target) => {
        await dashboard.export(target);
        return {};
      });
    },
    'listings.complaintExport': async ({ platform }) => {
      requireComplaints(ctx, platform, today());
      return saveWithDialog(shell.dialogs, complaintExportSave({ platform }, today()), (target) =>
        exportComplaints(ctx, platform, target, target.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx', today()),
      );
    },
    quickCheck: ({ text, niceClass }) => quick.check(text, niceClass),
  };
}

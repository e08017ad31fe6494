// The review queue's channels (shared/contract/screening.ts): hits, deadlines and the exports of hits.
import type { AppContext } from '../context';
import { saveWithDialog } from '../files/save';
import { complaintExportSave, hitsExportSave } from '../files/save-requests';
import type { ShellPorts } from '../handlers/files';
import type { Handlers } from '../ipc/dispatch';
import { exportComplaints, exportHitView, requireComplaints } from './exports';
import { localToday } from './local-time';
import { createReviewService } from './service';

type ReviewChannel =
  | 'hits.query'
  | 'hits.get'
  | 'hits.facets'
  | 'hits.decide'
  | 'hits.decideMatching'
  | 'hits.undo'
  | 'hits.export'
  | 'deadlines.upcoming'
  | 'listings.complaintExport';

export function createReviewHandlers(ctx: AppContext, shell: ShellPorts): Pick<Handlers, ReviewChannel> {
  const review = createReviewService(ctx);
  const today = () => localToday(ctx.now());
  return {
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
    'listings.complaintExport': async ({ platform }) => {
      await requireComplaints(ctx, platform, today());
      return saveWithDialog(shell.dialogs, complaintExportSave({ platform }, today()), (target) =>
        exportComplaints(ctx, platform, target, target.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx', today()),
      );
    },
  };
}

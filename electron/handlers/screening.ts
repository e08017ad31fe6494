// The services behind the batch and quick-check channels of shared/contract/screening.ts; the review queue's,
// the dashboard's and the profiles' channels are in electron/review, electron/dashboard and electron/profiles.
import type { AppContext } from '../context';
import type { Handlers } from '../ipc/dispatch';
import type { ShellPorts } from './files';
import type { JobManager } from '../screening/jobs';
import { createBatchService } from '../services/batches';
import { createQuickCheckService } from '../registry/quick-check';

type ScreeningChannel = Extract<keyof Handlers, `batches.${string}`> | 'quickCheck';
type ScreeningHandlers = Pick<Handlers, ScreeningChannel>;

/** `jobs` is the app's one job manager (made with the context); tests may pass their own. */
export function createScreeningHandlers(ctx: AppContext, shell: ShellPorts, jobs: JobManager = ctx.jobs): ScreeningHandlers {
  const batches = createBatchService(ctx, jobs);
  const quick = createQuickCheckService(ctx);
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
    quickCheck: ({ text, niceClass }) => quick.check(text, niceClass),
  };
}

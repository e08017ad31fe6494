// Running a batch's image screening for the job manager: in the bundled worker thread when it exists (the app),
// else in this thread (tests from sources, where screenBatchImages yields between chunks).
import type { BatchKind } from '../../../shared/contract/screening';
import type { Hit } from '../../../shared/domain';
import type { AppContext } from '../../context';
import { runWorkerTask } from '../../workers/run-worker-task';
import { screenBatchImages } from './image-screen';
import type { ImageScreenDone, ImageScreenTask as WorkerTask } from './image-screen-protocol';

export interface ImageScreenTask {
  batchId: number;
  kind: BatchKind;
  markNames: ReadonlyMap<string, string>;
  signal: AbortSignal;
  /** out/image-screen-worker.cjs, when bundled */
  workerScript?: string;
}

export async function screenImagesOf(ctx: AppContext, task: ImageScreenTask): Promise<Map<number, Hit[]>> {
  if (!task.workerScript) {
    return screenBatchImages({ data: ctx.data, kind: task.kind, batchId: task.batchId, markNames: task.markNames, signal: task.signal });
  }
  const found = await runWorkerTask<WorkerTask, ImageScreenDone>({
    script: task.workerScript,
    task: { store: ctx.dataStore, kind: task.kind, batchId: task.batchId, markNames: [...task.markNames] },
    label: { name: '图样比对', advice: '，请重新筛查' },
    errorPrefix: '图样比对出错：',
    signal: task.signal,
  });
  return new Map(found);
}

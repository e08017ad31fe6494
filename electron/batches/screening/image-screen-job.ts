// Running a batch's image screening for the job manager: in the bundled worker thread when it exists (the app),
// else in this thread (tests from sources, where screenBatchImages yields between chunks).
import { Worker } from 'node:worker_threads';
import type { BatchKind } from '../../../shared/contract/screening';
import type { Hit } from '../../../shared/domain';
import type { AppContext } from '../../context';
import { screenBatchImages } from './image-screen';
import type { ImageScreenReply, ImageScreenRequest } from './image-screen-protocol';

export interface ImageScreenTask {
  batchId: number;
  kind: BatchKind;
  markNames: ReadonlyMap<string, string>;
  signal: AbortSignal;
  /** out/image-screen-worker.cjs, when bundled */
  workerScript?: string;
}

export function screenImagesOf(ctx: AppContext, task: ImageScreenTask): Promise<Map<number, Hit[]>> {
  if (!task.workerScript) {
    return screenBatchImages({ data: ctx.data, kind: task.kind, batchId: task.batchId, markNames: task.markNames, signal: task.signal });
  }
  const script = task.workerScript;
  return new Promise((resolve, reject) => {
    const worker = new Worker(script);
    let settled = false;
    const stop = () => worker.postMessage({ type: 'cancel' } satisfies ImageScreenRequest);
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      task.signal.removeEventListener('abort', stop);
      void worker.terminate();
      outcome();
    };
    task.signal.addEventListener('abort', stop);
    worker.on('message', (reply: ImageScreenReply) => {
      if (reply.type === 'done') settle(() => resolve(new Map(reply.hits)));
      else settle(() => reject(reply.cancelled ? new DOMException('已取消', 'AbortError') : new Error(`图样比对出错：${reply.message}`)));
    });
    worker.on('error', (error) => settle(() => reject(new Error(`图样比对线程出错：${error.message}`))));
    worker.on('exit', (code) => settle(() => reject(new Error(`图样比对线程意外退出（退出码 ${code}），请重新筛查`))));
    worker.postMessage({
      type: 'start', store: ctx.dataStore, kind: task.kind, batchId: task.batchId, markNames: [...task.markNames],
    } satisfies ImageScreenRequest);
  });
}

// A worker thread of the image features pool (electron/logos/features-pool.ts): each request's image hashed for its
// role and answered with the images table's columns, the thumb's bytes handed over rather than copied. Bundled to
// out/image-features-worker.cjs.
import { parentPort } from 'node:worker_threads';
import { fail, ok, type Result } from '../../shared/result';
import { encodedFeatures } from '../logos/encoded-features';
import type { FeaturesReply, FeaturesRequest } from '../logos/features-pool';
import type { ImageFeaturesRow } from '../logos/repository';

async function answer(request: FeaturesRequest): Promise<{ reply: FeaturesReply; transfer: ArrayBuffer[] }> {
  let result: Result<ImageFeaturesRow>;
  try {
    // a Buffer posted arrives as a plain Uint8Array: the decoders are given a Buffer over the same bytes
    result = await encodedFeatures(Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength), request.role);
  } catch (error) {
    // one image's failure is that image's, not the thread's
    result = fail('internal', `计算图形特征出错：${error instanceof Error ? error.message : String(error)}`);
  }
  if (!result.ok) return { reply: { seq: request.seq, result }, transfer: [] };
  // a Buffer may share a larger pooled ArrayBuffer: the thumb is copied into one of its own to be handed over
  const thumb = Uint8Array.from(result.value.thumb);
  return { reply: { seq: request.seq, result: ok({ ...result.value, thumb }) }, transfer: [thumb.buffer] };
}

parentPort?.on('message', (request: FeaturesRequest) => {
  void answer(request).then(({ reply, transfer }) => parentPort?.postMessage(reply, transfer));
});

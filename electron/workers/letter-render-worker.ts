// A worker thread that renders letters' files (electron/letters/render.ts), so that a letter being issued never
// holds the main process or the server's requests. Bundled to out/letter-render-worker.cjs; one request at a time.
import { parentPort } from 'node:worker_threads';
import { renderLetterFile, type RenderReply, type RenderRequest } from '../letters/render';

parentPort?.on('message', (request: RenderRequest) => {
  const figures = new Map(request.figures.map(([sha256, bytes]) => [sha256, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
  renderLetterFile(request.letter, request.format, request.lookup, figures)
    .then(({ content, font }) => {
      const bytes = new Uint8Array(content.buffer, content.byteOffset, content.byteLength);
      parentPort?.postMessage({ id: request.id, ok: true, content: bytes, font } satisfies RenderReply);
    })
    .catch((error: unknown) => {
      parentPort?.postMessage({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies RenderReply);
    });
});

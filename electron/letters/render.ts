// Rendering a letter's file (DOCX or PDF) from its frozen document: about a sixth of a second of CPU each, which on
// the server would hold every other clerk's request (the load test showed the event loop held for up to a second
// while heads issued letters). The app renders in a worker thread (letter-render-worker.cjs, kept alive and
// reused); tests from sources, without bundled workers, render in this thread. Both go through renderLetterFile.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LetterFormat } from '../../shared/contract/letters';
import type { LetterDocument } from '../../shared/letters/model';
import { onWorkerFailure, workerFailureMessage, type WorkerLabel } from '../workers/run-worker-task';
import { renderDocx } from './docx';
import type { LetterFigures } from './figures';
import { renderPdf } from './pdf';
import { describePdfFont, type FontLookup } from './pdf-fonts';

export interface RenderedFile {
  content: Buffer;
  /** for a PDF, the body font it embeds as the archive records it; '' for a DOCX */
  font: string;
}

export interface RenderRequest {
  id: number;
  letter: LetterDocument;
  format: LetterFormat;
  lookup: FontLookup;
  figures: Array<[string, Uint8Array]>;
}

export type RenderReply = { id: number; ok: true; content: Uint8Array; font: string } | { id: number; ok: false; message: string };

export const LETTER_RENDER_WORKER = 'letter-render-worker.cjs';
const RENDERER: WorkerLabel = { name: '函件生成', advice: '，请重试' };

/** The file of one format, rendered in this thread. */
export async function renderLetterFile(letter: LetterDocument, format: LetterFormat, lookup: FontLookup, figures: LetterFigures): Promise<RenderedFile> {
  if (format === 'docx') return { content: await renderDocx(letter, figures), font: '' };
  const pdf = await renderPdf(letter, lookup, figures);
  return { content: pdf.content, font: describePdfFont(pdf.font) };
}

interface RenderWorker {
  worker: Worker;
  pending: Map<number, { resolve: (file: RenderedFile) => void; reject: (error: Error) => void }>;
}

/**
 * One worker per script, started on first use and kept; a worker that dies is replaced at the next call. Kept, not
 * one-shot (electron/workers/run-worker-task.ts): starting the bundled renderer costs about as much as a render.
 */
const workers = new Map<string, RenderWorker>();
let nextId = 0;

function workerFor(script: string): RenderWorker {
  const running = workers.get(script);
  if (running) return running;
  const worker = new Worker(script);
  // an idle renderer must not keep the app (or a test) from exiting; one with work in hand must (see below)
  worker.unref();
  const entry: RenderWorker = { worker, pending: new Map() };
  const failAll = (error: Error) => {
    workers.delete(script);
    for (const { reject } of entry.pending.values()) reject(error);
    entry.pending.clear();
  };
  worker.on('message', (reply: RenderReply) => {
    const waiting = entry.pending.get(reply.id);
    if (!waiting) return;
    entry.pending.delete(reply.id);
    if (entry.pending.size === 0) worker.unref();
    if (reply.ok) waiting.resolve({ content: Buffer.from(reply.content.buffer, reply.content.byteOffset, reply.content.byteLength), font: reply.font });
    else waiting.reject(new Error(reply.message));
  });
  onWorkerFailure(worker, (failure) => failAll(new Error(workerFailureMessage(RENDERER, failure))));
  workers.set(script, entry);
  return entry;
}

/** The bundled worker script beside the app's other workers, if there is one. */
export function letterRenderScript(workerDir: string | undefined): string | undefined {
  const script = workerDir ? path.join(workerDir, LETTER_RENDER_WORKER) : undefined;
  return script && existsSync(script) ? script : undefined;
}

/** The file of one format, in the worker thread when `script` is given. */
export function renderLetterFileIn(
  script: string | undefined, letter: LetterDocument, format: LetterFormat, lookup: FontLookup, figures: LetterFigures,
): Promise<RenderedFile> {
  if (!script) return renderLetterFile(letter, format, lookup, figures);
  const entry = workerFor(script);
  const id = ++nextId;
  return new Promise<RenderedFile>((resolve, reject) => {
    entry.pending.set(id, { resolve, reject });
    // awaiting a promise does not keep Node's event loop alive; the worker does while it has work
    entry.worker.ref();
    entry.worker.postMessage({ id, letter, format, lookup, figures: [...figures] } satisfies RenderRequest);
  });
}

/** Ends the kept workers (the app's shutdown; tests). */
export async function stopLetterRenderers(): Promise<void> {
  const running = [...workers.values()];
  workers.clear();
  await Promise.all(running.map((w) => w.worker.terminate()));
}

// Letters rendered in a worker thread (electron/letters/render.ts): the same files as in this thread, several at
// once answered each to its caller, and a worker that dies replaced at the next call with a clear message for the
// calls it took with it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fontLookupOf } from '../../electron/letters/pdf-fonts';
import { LETTER_RENDER_WORKER, letterRenderScript, renderLetterFile, renderLetterFileIn, stopLetterRenderers } from '../../electron/letters/render';
import { sampleLetter } from '../unit/letters/sample-letter';

// inside the project, as out/ is, so that the worker resolves the fonts' packages from node_modules
const cache = path.resolve(__dirname, '../../node_modules/.cache');
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(path.join(cache, 'markguard-letter-worker-'));
const script = path.join(work, LETTER_RENDER_WORKER);

beforeAll(async () => {
  await build({ entryPoints: [path.resolve(__dirname, '../../electron/workers/letter-render-worker.ts')], outfile: script, bundle: true,
    platform: 'node', format: 'cjs', target: 'node20', external: ['electron', 'better-sqlite3', 'sharp', 'fontkit'], logLevel: 'warning' });
}, 60_000);
afterAll(async () => {
  await stopLetterRenderers();
  rmSync(work, { recursive: true, force: true });
});

/** A letter whose body says which one it is. */
const letter = (mark: string) => sampleLetter(`此为${mark}号附言。`);
const lookup = fontLookupOf({});

describe('letters rendered in a worker thread', () => {
  it('finds the bundled worker beside the others, and only there', () => {
    expect(letterRenderScript(work)).toBe(script);
    expect(letterRenderScript(path.join(work, 'nowhere'))).toBeUndefined();
    expect(letterRenderScript(undefined)).toBeUndefined();
  });

  it('gives the same DOCX text and the same PDF font as rendering in this thread', async () => {
    const doc = letter('七');
    const here = await renderLetterFile(doc, 'pdf', lookup, new Map());
    const there = await renderLetterFileIn(script, doc, 'pdf', lookup, new Map());
    expect(there.font).toBe(here.font);
    expect(there.content.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await renderLetterFileIn(script, doc, 'docx', lookup, new Map());
    expect(docx.content.subarray(0, 2).toString()).toBe('PK');
    expect(docx.font).toBe('');
  }, 60_000);

  it('answers several letters at once, each to its own caller', async () => {
    const marks = ['一', '二', '三'];
    const files = await Promise.all(marks.map((m) => renderLetterFileIn(script, letter(m), 'pdf', lookup, new Map())));
    marks.forEach((m, i) => {
      const file = path.join(work, `${i}.pdf`);
      writeFileSync(file, files[i]!.content);
      expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')).toContain(`此为${m}号附言`);
    });
  }, 60_000);

  it('a worker that dies fails the calls it had with a clear message, and the next call gets a new one', async () => {
    const dying = path.join(work, 'dies.cjs');
    writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));");
    const doc = letter('八');
    await expect(renderLetterFileIn(dying, doc, 'docx', lookup, new Map())).rejects.toThrow('函件生成线程意外退出（退出码 3），请重试');
    // not left waiting on the dead one
    await expect(renderLetterFileIn(dying, doc, 'docx', lookup, new Map())).rejects.toThrow('意外退出');
  }, 30_000);
});

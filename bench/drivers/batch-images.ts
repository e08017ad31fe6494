// A gazette that brings its images (issue 12), measured through the job manager as the app runs it: N filings
// without names, a ZIP of N JPEGs named by 申请号 — every other one a mirrored copy of one of R registry logos, the
// rest new figures — against R registry logos. In this process by default; with --workers through the bundled
// workers in out/ (`npm run build:main` first), as the app runs them: the import in its thread, the images'
// features on the pool's threads (electron/logos/features-pool.ts). Prints one JSON line: import and re-screen
// times, image hits right and wrong. Not part of `npm run bench`:
//   npx tsx bench/drivers/batch-images.ts [N=400] [R=200] [--workers]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import { createAppContext } from '../../electron/context';
import { addMarkImage } from '../../electron/logos/store';
import { createJobManager } from '../../electron/batches/jobs';
import { createBatchService } from '../../electron/batches/service';
import { createRegistryService } from '../../electron/registry/service';

const [nArg, rArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const N = Number(nArg ?? 400);
const R = Number(rArg ?? 200);
const WORKER_DIR = process.argv.includes('--workers') ? path.resolve('out') : undefined;
const FIRST = 90_000_000;

let state = 7;
/** A 32-bit xorshift: reproducible figures, no repeats within any size measured here. */
function random(): number {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 2 ** 32;
}

/** Four circles and turned bars in random places and colours on white. */
function figure(): string {
  const parts: string[] = [];
  for (let k = 0; k < 4; k++) {
    const x = 20 + random() * 160;
    const y = 20 + random() * 160;
    const s = 20 + random() * 60;
    const colour = `hsl(${Math.floor(random() * 360)},70%,${25 + Math.floor(random() * 40)}%)`;
    parts.push(random() < 0.5
      ? `<circle cx="${x}" cy="${y}" r="${s / 2}" fill="${colour}"/>`
      : `<rect x="${x - s / 2}" y="${y - s / 2}" width="${s}" height="${s * 0.6}" fill="${colour}" transform="rotate(${Math.floor(random() * 90)} ${x} ${y})"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240"><rect width="240" height="240" fill="#fff"/>${parts.join('')}</svg>`;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'markguard-batch-images-'));
  const ctx = createAppContext({ dataDir: dir, seedsDir: path.resolve('seeds'), actor: 'bench', transport: 'web', version: 'bench', ...(WORKER_DIR ? { workerDir: WORKER_DIR } : {}) });
  try {
    const registry = createRegistryService(ctx);
    const logos: string[] = [];
    for (let i = 0; i < R; i++) {
      const mark = await registry.create({
        id: `M${i}`, name: `图形${i}号`, category: '驰名商标', classes: [32], registrationNumber: '', holder: '', aliases: [], region: '', recognizedOn: '', notes: '',
      });
      logos.push(figure());
      const stored = await addMarkImage(ctx, mark.key, await sharp(Buffer.from(logos[i]!)).png().toBuffer());
      if (!stored.ok) throw new Error(stored.error.message);
    }
    const files: Record<string, Uint8Array> = {};
    const lines = ['申请号,商标名称,国际分类,商品服务,申请人名称,申请人地址,代理机构,申请日期,初审公告期号,初审公告日期'];
    for (let i = 0; i < N; i++) {
      const number = String(FIRST + i);
      lines.push(`${number},,32,啤酒,某公司,某地,某所,2026-05-01,第1970期,2026-11-20`);
      const copyOf = i % 2 === 0 && i / 2 < R ? logos[i / 2] : undefined;
      const image = sharp(Buffer.from(copyOf ?? figure()));
      files[`${number}.jpg`] = await (copyOf ? image.flop() : image).jpeg({ quality: 80 }).toBuffer();
    }
    writeFileSync(path.join(dir, 'gazette.csv'), lines.join('\r\n'));
    writeFileSync(path.join(dir, 'images.zip'), zipSync(files));

    const jobs = createJobManager(ctx);
    const batches = createBatchService(ctx, jobs);
    const started = Date.now();
    const mapping = { applicationNumber: 0, markText: 1, niceClass: 2, goods: 3, applicant: 4, applicantAddress: 5, agency: 6, filedOn: 7, gazetteIssue: 8, publishedOn: 9 };
    const { batchId } = await batches.startImport(path.join(dir, 'gazette.csv'), 'filing', mapping, path.join(dir, 'images.zip'));
    while (jobs.isRunning(batchId)) await wait(10);
    const importAndScreenMs = Date.now() - started;
    const again = Date.now();
    await jobs.screen(batchId);
    const rescreenMs = Date.now() - again;

    const hits = ctx.db.prepare<[number], { a: string; m: string }>(
      `SELECT f.application_number AS a, h.mark_id AS m FROM hits h JOIN filings f ON f.id = h.filing_id
        WHERE h.batch_id = ? AND h.reasons LIKE '%figurative%'`,
    ).all(batchId);
    const right = hits.filter((h) => (Number(h.a) - FIRST) % 2 === 0 && h.m === `M${(Number(h.a) - FIRST) / 2}`).length;
    console.log(JSON.stringify({
      images: N, registryLogos: R, workers: WORKER_DIR !== undefined, copies: Math.min(Math.ceil(N / 2), R), imageHits: hits.length, rightHits: right, wrongHits: hits.length - right,
      importAndScreenMs, msPerImage: +(importAndScreenMs / N).toFixed(1), rescreenMs, rssMb: Math.round(process.memoryUsage().rss / 1e6),
    }));
  } finally {
    ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

// Throughput (issue 12): 100,000 filing images against 10,000 registry logos, decoding and hashing included, with
// the multi-index search beside a scan of every logo for every filing in the same run.
//   scale generate DIR   draws the set once (10,000 registry logos; 10,000 filing logos, a tenth of them redrawn
//                        registry logos, each written in ten forms: as drawn, mirrored, turned, JPEG, smaller)
//   scale run DIR        measures; prints one JSON line
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { ORIENTATIONS, THUMB_SIDE } from '../../shared/engine/logo/hash';
import { COLOUR_BYTES } from '../../shared/engine/logo/colour';
import { LogoIndex, type LogoMatch, type LogoQuery, scanLogos } from '../../shared/engine/logo/logo-index';
import { LOGO_RULE } from '../../shared/engine/logo/rule';
import { logoSvg, randomLogo, rng } from './draw';
import { type HashedSet, type PackedParts, queryOf, storedOf, unpackParts, unpackPrintParts } from './hashing';
import { openLogo } from '../../electron/logos/decode';
import { logoFeatures } from '../../electron/logos/features';
import { FEATURES_THREAD_LIMITS } from '../../electron/logos/features-pool';

const REGISTRY = Number(process.env.MARKGUARD_BENCH_LOGOS ?? 10_000);
const BASES = Number(process.env.MARKGUARD_BENCH_LOGO_FILINGS ?? 100_000) / 10;
const WORKERS = 2;
const CHUNK = 250;
/** Filings also searched by scanning every registry entry, for the comparison. */
const SCANNED = 2_000;
const WORDS = ORIENTATIONS * 2;
/** The forms each drawing is written in, in file order (generate). */
const FORMS = ['as drawn', 'mirrored', 'upside down', 'turned 90°', 'turned 180°', 'turned 270° JPEG', 'JPEG 60', 'JPEG 85', '150 px JPEG', '120 px PNG'] as const;
const T = THUMB_SIDE * THUMB_SIDE;

async function generate(dir: string): Promise<void> {
  const r = rng(12_000);
  mkdirSync(path.join(dir, 'registry'), { recursive: true });
  mkdirSync(path.join(dir, 'filings'), { recursive: true });
  const registry = Array.from({ length: REGISTRY }, () => randomLogo(r));
  let k = 0;
  const pool = async <T>(items: readonly T[], work: (item: T, i: number) => Promise<void>) => {
    let next = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }));
  };
  await pool(registry, async (logo, i) => {
    await sharp(Buffer.from(logoSvg(logo, 200))).png().toFile(path.join(dir, 'registry', `R${String(i).padStart(5, '0')}.png`));
  });
  const bases = Array.from({ length: BASES }, (_, i) => (i % 10 === 0 ? registry[(i * 7) % REGISTRY]! : randomLogo(r)));
  await pool(bases, async (logo, i) => {
    const drawn = await sharp(Buffer.from(logoSvg(logo, i % 10 === 0 ? 240 : 200))).flatten({ background: '#fff' }).raw().toBuffer({ resolveWithObject: true });
    const raw = () => sharp(drawn.data, { raw: drawn.info });
    const forms: Array<[string, () => Promise<Buffer>]> = [
      ['png', () => raw().png().toBuffer()],
      ['png', () => raw().flop().png().toBuffer()],
      ['png', () => raw().flip().png().toBuffer()],
      ['png', () => raw().rotate(90).png().toBuffer()],
      ['png', () => raw().rotate(180).png().toBuffer()],
      ['jpg', () => raw().rotate(270).jpeg({ quality: 80 }).toBuffer()],
      ['jpg', () => raw().jpeg({ quality: 60 }).toBuffer()],
      ['jpg', () => raw().jpeg({ quality: 85 }).toBuffer()],
      ['jpg', () => raw().resize(150).jpeg({ quality: 75 }).toBuffer()],
      ['png', () => raw().resize(120).png().toBuffer()],
    ];
    for (const [f, [ext, make]] of forms.entries()) {
      writeFileSync(path.join(dir, 'filings', `${String(i * 10 + f).padStart(6, '0')}.${ext}`), await make());
    }
    if (++k % 1000 === 0) console.error(`drawn ${k} of ${BASES} filing logos`);
  });
  writeFileSync(path.join(dir, 'done'), '');
}

/** Hashes files in worker threads, chunk by chunk; onChunk gets each chunk's results in file order. */
async function hashInWorkers(files: string[], crops: boolean, onChunk: (start: number, set: HashedSet) => void): Promise<void> {
  const script = path.join(__dirname, 'bench-logos-worker.cjs');
  // limited as the app's pool limits its threads
  const workers = Array.from({ length: WORKERS }, () => new Worker(script, { resourceLimits: FEATURES_THREAD_LIMITS }));
  let next = 0;
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= files.length) return resolve();
        const start = next;
        next += CHUNK;
        w.once('message', (m: Omit<HashedSet, 'failed' | 'parts' | 'printParts'> & { failed: Array<[number, string]>; parts: PackedParts; printParts: { parts: PackedParts; printed: Uint8Array } }) => {
          // the worker gets its next chunk before this one is searched, so hashing and searching overlap
          send();
          onChunk(start, { ...m, failed: new Map(m.failed), parts: unpackParts(m.parts), printParts: unpackPrintParts(m.printParts) });
        });
        w.postMessage({ files: files.slice(start, start + CHUNK), crops });
      };
      w.once('error', reject);
      send();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

/** The process's resident memory now and its peak so far, in MB: where in the run the peak falls. */
const memoryNow = () => ({ rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20), peakMb: Math.round(process.resourceUsage().maxRSS / 1024) });

/**
 * What one image costs one thread, on the given files after the run (nothing else running): reading and decoding
 * to DECODE_SIDE alone, and reading with all of a filing's features. The first is the floor under any throughput.
 */
async function perImage(files: readonly string[]): Promise<{ decodeMs: number; featuresMs: number }> {
  let t = process.hrtime.bigint();
  for (const f of files) await openLogo(readFileSync(f)).decode();
  const decodeMs = (seconds(t) * 1000) / files.length;
  t = process.hrtime.bigint();
  for (const f of files) await logoFeatures(readFileSync(f), { crops: false });
  return { decodeMs, featuresMs: (seconds(t) * 1000) / files.length };
}

async function run(dir: string): Promise<void> {
  const list = (sub: string) => readdirSync(path.join(dir, sub)).sort().map((f) => path.join(dir, sub, f));
  const registryFiles = list('registry');
  const filingFiles = list('filings');
  const started = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  // registry: hashes as stored (orientation 0) with their crops
  const n = registryFiles.length;
  const registry: HashedSet = { phash: new Uint32Array(WORDS * n), dhash: new Uint32Array(WORDS * n), thumb: new Uint8Array(T * n), failed: new Map(), variants: [], aspect: new Float64Array(n), symmetric: [], parts: [], printParts: [], printSymmetric: [], colour: new Uint8Array(COLOUR_BYTES * n) };
  await hashInWorkers(registryFiles, true, (start, set) => {
    registry.phash.set(set.phash, start * WORDS);
    registry.dhash.set(set.dhash, start * WORDS);
    registry.thumb.set(set.thumb, start * T);
    registry.aspect.set(set.aspect, start);
    registry.colour.set(set.colour, start * COLOUR_BYTES);
    for (const [i, why] of set.failed) registry.failed.set(start + i, why);
    set.variants.forEach((v, i) => (registry.variants[start + i] = v));
    set.symmetric.forEach((s, i) => (registry.symmetric[start + i] = s));
    set.parts.forEach((p, i) => (registry.parts[start + i] = p));
    set.printParts.forEach((p, i) => (registry.printParts[start + i] = p));
    set.printSymmetric.forEach((s, i) => (registry.printSymmetric[start + i] = s));
  });
  const registryFailed = registry.failed.size;
  const memory: Record<string, ReturnType<typeof memoryNow>> = { registryHashed: memoryNow() };
  const stored = storedOf(registry);
  // the flat arrays hold all of it now: the per-logo objects the workers sent (190,000 variants) are let go, as the
  // app keeps only the stored arrays
  registry.variants = [];
  registry.symmetric = [];
  registry.parts = [];
  registry.printParts = [];
  registry.printSymmetric = [];
  const registrySeconds = seconds(started);
  memory.registryStored = memoryNow();
  const index = new LogoIndex(stored);
  memory.indexed = memoryNow();
  // filings: hash, then search as each chunk arrives; keep the queries for the scan below
  // only the filings the scan below compares are kept (copied out of their chunk, which can then be freed)
  // a stride prime to the ten forms (files run drawing by drawing, form by form): every 50th file would be the
  // lossless drawing each time, and the scan and the one-thread timing below would never see a JPEG
  let sample = Math.max(1, Math.round(filingFiles.length / SCANNED));
  while (sample > 1 && (sample % 2 === 0 || sample % 5 === 0)) sample++;
  const queries = new Map<number, LogoQuery>();
  const found: LogoMatch[][] = new Array(filingFiles.length);
  let failed = 0;
  let searchSeconds = 0;
  await hashInWorkers(filingFiles, false, (start, set) => {
    const t = process.hrtime.bigint();
    failed += set.failed.size;
    for (let i = 0; i < set.phash.length / WORDS; i++) {
      if (set.failed.has(i)) continue;
      const q = queryOf(set, i);
      if ((start + i) % sample === 0) queries.set(start + i, { ...q, phash: q.phash.slice(), dhash: q.dhash.slice(), thumb: q.thumb.slice(), colour: q.colour.slice() });
      found[start + i] = index.search(q, LOGO_RULE);
    }
    searchSeconds += seconds(t);
  });
  const totalSeconds = seconds(started);
  memory.filingsSearched = memoryNow();
  const cpu = process.cpuUsage(cpuStart);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  // the same searches by scanning every registry entry (logos and their crops), on every SAMPLE-th filing: a scan
  // of all 100,000 would take longer than the rest of the run; the index is timed again on the same filings
  let differ = 0;
  let sampled = 0;
  let indexSampleSeconds = 0;
  let scanSeconds = 0;
  for (let i = 0; i < filingFiles.length; i += sample) {
    const q = queries.get(i);
    if (!q) continue;
    sampled++;
    let t = process.hrtime.bigint();
    const again = index.search(q, LOGO_RULE);
    indexSampleSeconds += seconds(t);
    t = process.hrtime.bigint();
    const scanned = scanLogos(stored, q, LOGO_RULE);
    scanSeconds += seconds(t);
    if (JSON.stringify(scanned) !== JSON.stringify(again) || JSON.stringify(again) !== JSON.stringify(found[i])) differ++;
  }
  const oneThread = await perImage(filingFiles.filter((_, i) => i % sample === 0));
  const hits = found.reduce((a, f) => a + (f ? f.length : 0), 0);
  // which filings copy a registry logo (every tenth drawing is registry logo (base · 7) mod REGISTRY, in ten forms):
  // how many of those find it, per form, and how many of the other filings are flagged at all
  const copiesFound = new Array<number>(FORMS.length).fill(0);
  let copies = 0;
  let othersFlagged = 0;
  // the hits on other filings by the kind of pair that found them
  const othersByVia: Partial<Record<LogoMatch['via'], number>> = {};
  found.forEach((f, i) => {
    const base = Math.floor(i / FORMS.length);
    if (base % 10 === 0) {
      copies++;
      if (f?.some((m) => m.index === (base * 7) % registryFiles.length)) copiesFound[i % FORMS.length]!++;
    } else if (f && f.length > 0) {
      othersFlagged++;
      for (const m of f) othersByVia[m.via] = (othersByVia[m.via] ?? 0) + 1;
    }
  });
  console.log(JSON.stringify({
    registry: registryFiles.length, filings: filingFiles.length, registryFailed, filingsFailed: failed,
    registrySeconds, totalSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, searchSeconds, scanSeconds, sampled, indexSampleSeconds, peakMb, memory, ...oneThread,
    registryEntries: stored.phash.length / 2 + (stored.variants?.owner.length ?? 0), registryParts: stored.parts?.owner.length ?? 0,
    symmetricLogos: stored.symmetric?.variant?.filter((v) => v < 0).length ?? 0, symmetricPrints: stored.symmetric?.print?.filter((p) => p === 1).length ?? 0,
    symmetricCrops: stored.symmetric?.variant?.filter((v, k) => v >= 0 && stored.symmetric!.print![k] === 0).length ?? 0,
    printParts: stored.printParts?.owner.length ?? 0,
    hits, filingsWithHits: found.filter((f) => f && f.length).length, differ, rule: LOGO_RULE,
    copies, copiesFound: Object.fromEntries(FORMS.map((form, k) => [form, copiesFound[k]! / (copies / FORMS.length)])),
    others: found.length - copies, othersFlagged, othersByVia,
  }));
}

async function main() {
  const [mode, dir] = process.argv.slice(2);
  if (!dir || (mode !== 'generate' && mode !== 'run')) throw new Error('usage: scale generate|run DIR');
  if (mode === 'generate') {
    if (!existsSync(path.join(dir, 'done'))) await generate(dir);
  } else await run(dir);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});

// Throughput (issue 12): 100,000 filing images against 10,000 registry logos, decoding and hashing included, with
// the multi-index search beside a scan of every logo for every filing in the same run.
//   scale generate DIR   draws the set once (10,000 registry logos; 10,000 filing logos, a tenth of them redrawn
//                        registry logos, each written in ten forms: as drawn, mirrored, turned, JPEG, smaller)
//   scale run DIR        measures; prints one JSON line
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import sharp from 'sharp';
import { ORIENTATIONS, THUMB_SIDE } from '../../shared/engine/logo/hash';
import { LogoIndex, type LogoMatch, scanLogos } from '../../shared/engine/logo/logo-index';
import { LOGO_RULE } from '../../shared/engine/logo/rule';
import { logoSvg, randomLogo, rng } from './draw';
import type { HashedSet } from './hashing';

const REGISTRY = Number(process.env.MARKGUARD_BENCH_LOGOS ?? 10_000);
const BASES = Number(process.env.MARKGUARD_BENCH_LOGO_FILINGS ?? 100_000) / 10;
const WORKERS = 2;
const CHUNK = 250;
const WORDS = ORIENTATIONS * 2;
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
async function hashInWorkers(files: string[], onChunk: (start: number, set: HashedSet) => void): Promise<void> {
  const script = path.join(__dirname, 'bench-logos-worker.cjs');
  const workers = Array.from({ length: WORKERS }, () => new Worker(script));
  let next = 0;
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= files.length) return resolve();
        const start = next;
        next += CHUNK;
        w.once('message', (m: { phash: Uint32Array; dhash: Uint32Array; thumb: Uint8Array; failed: Array<[number, string]> }) => {
          onChunk(start, { phash: m.phash, dhash: m.dhash, thumb: m.thumb, failed: new Map(m.failed) });
          send();
        });
        w.postMessage(files.slice(start, start + CHUNK));
      };
      w.once('error', reject);
      send();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

async function run(dir: string): Promise<void> {
  const list = (sub: string) => readdirSync(path.join(dir, sub)).sort().map((f) => path.join(dir, sub, f));
  const registryFiles = list('registry');
  const filingFiles = list('filings');
  const started = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  // registry: hashes as stored (orientation 0)
  const stored = { phash: new Uint32Array(2 * registryFiles.length), dhash: new Uint32Array(2 * registryFiles.length), thumb: new Uint8Array(T * registryFiles.length) };
  let registryFailed = 0;
  await hashInWorkers(registryFiles, (start, set) => {
    const n = set.phash.length / WORDS;
    for (let i = 0; i < n; i++) {
      if (set.failed.has(i)) registryFailed++;
      stored.phash.set(set.phash.subarray(i * WORDS, i * WORDS + 2), (start + i) * 2);
      stored.dhash.set(set.dhash.subarray(i * WORDS, i * WORDS + 2), (start + i) * 2);
    }
    stored.thumb.set(set.thumb, start * T);
  });
  const registrySeconds = seconds(started);
  const index = new LogoIndex(stored);
  // filings: hash, then search as each chunk arrives; keep the hashes for the scan below
  const queries = { phash: new Uint32Array(WORDS * filingFiles.length), dhash: new Uint32Array(WORDS * filingFiles.length), thumb: new Uint8Array(T * filingFiles.length) };
  const failed = new Set<number>();
  const found: LogoMatch[][] = new Array(filingFiles.length);
  let searchSeconds = 0;
  await hashInWorkers(filingFiles, (start, set) => {
    queries.phash.set(set.phash, start * WORDS);
    queries.dhash.set(set.dhash, start * WORDS);
    queries.thumb.set(set.thumb, start * T);
    const t = process.hrtime.bigint();
    for (let i = 0; i < set.phash.length / WORDS; i++) {
      if (set.failed.has(i)) {
        failed.add(start + i);
        continue;
      }
      found[start + i] = index.search(query(queries, start + i), LOGO_RULE);
    }
    searchSeconds += seconds(t);
  });
  const totalSeconds = seconds(started);
  const cpu = process.cpuUsage(cpuStart);
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  // the same searches by scanning every registry logo
  const t = process.hrtime.bigint();
  let differ = 0;
  let hits = 0;
  for (let i = 0; i < filingFiles.length; i++) {
    if (failed.has(i)) continue;
    const scanned = scanLogos(stored, query(queries, i), LOGO_RULE);
    hits += scanned.length;
    if (JSON.stringify(scanned) !== JSON.stringify(found[i])) differ++;
  }
  const scanSeconds = seconds(t);
  console.log(JSON.stringify({
    registry: registryFiles.length, filings: filingFiles.length, registryFailed, filingsFailed: failed.size,
    registrySeconds, totalSeconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, searchSeconds, scanSeconds, peakMb,
    hits, filingsWithHits: found.filter((f) => f && f.length).length, differ, rule: LOGO_RULE,
  }));
}

const query = (q: { phash: Uint32Array; dhash: Uint32Array; thumb: Uint8Array }, i: number) => ({
  phash: q.phash.subarray(i * WORDS, (i + 1) * WORDS),
  dhash: q.dhash.subarray(i * WORDS, (i + 1) * WORDS),
  thumb: q.thumb.subarray(i * T, (i + 1) * T),
});

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

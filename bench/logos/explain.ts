// Why the shipped rule flags a negative or misses an imitation of the generated logo set: every hit of each such
// filing (the registry logo, the way it met — whole, crop, peel, symmetric, parts — its orientation, hash distances
// and thumbnail correlation), a count per kind, and optionally contact sheets (the filing, the logo it copies, the
// logos it met). The hashed sets may be kept in a cache folder: they are read back only when the set's files are
// the same bytes and the features of a sample of them are still byte for byte what the running code computes, so a
// change to the rule is studied in seconds and a change to the images or the features never meets stale hashes.
// --grey-filings reads the filings as a gazette printed in black and white gives them (quality.ts --grey-filings);
// --show lists the hits of the rows named, found or not.
//   explain.ts DATA_DIR [--seed N] [--half fit|holdout] [--grey-filings] [--cache DIR] [--sheet PREFIX] [--only KIND[,KIND]] [--show ID[,ID]]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import sharp, { type OverlayOptions } from 'sharp';
import { logoFeatures } from '../../electron/logos/features';
import { encodeFeatures } from '../../electron/logos/stored-features';
import { LogoIndex, type LogoMatch } from '../../shared/engine/logo/logo-index';
import { LOGO_RULE } from '../../shared/engine/logo/rule';
import { DEFAULT_SEED, NEGATIVE_KINDS, type Row, splitOf, writeDataset } from './dataset';
import { greyPrint, type HashedSet, hashFiles, queryOf, type Reading, storedOf } from './hashing';

/** Images whose features are compared with the cache's before it is trusted. */
const SAMPLE = 24;
/** Rows a contact sheet shows at most (the listing above names every one). */
const SHEET_ROWS = 40;
const CELL = 160;

/** sha256 over every file's bytes and the encoded features of a sample of them, as the running code computes them. */
async function featuresDigest(files: readonly string[], crops: boolean, reading: Reading): Promise<string> {
  const h = createHash('sha256');
  for (const f of files) h.update(readFileSync(f));
  const step = Math.max(1, Math.floor(files.length / SAMPLE));
  for (let i = 0; i < files.length; i += step) {
    const f = await logoFeatures(await reading(readFileSync(files[i]!)), { crops });
    h.update(f.ok ? encodeFeatures(f.value) : f.error.message);
  }
  return h.digest('hex');
}

/** The set's hashes, from the cache when the sample's features are unchanged, else hashed (and cached). */
async function hashedSet(files: readonly string[], crops: boolean, cacheFile: string | undefined, reading: Reading = (b) => b): Promise<HashedSet> {
  const digest = cacheFile ? await featuresDigest(files, crops, reading) : '';
  if (cacheFile && existsSync(cacheFile)) {
    const cached = v8.deserialize(readFileSync(cacheFile)) as { digest: string; set: HashedSet };
    if (cached.digest === digest) return cached.set;
    console.error(`${path.basename(cacheFile)}: the set's files or their features changed since it was written; hashing again`);
  }
  const set = await hashFiles(files, 8, { crops }, reading, true);
  if (cacheFile) writeFileSync(cacheFile, v8.serialize({ digest, set }));
  return set;
}

interface Explained {
  row: Row;
  hits: LogoMatch[];
}

const describeHit = (m: LogoMatch, ids: readonly string[]) =>
  `${ids[m.index]}/${m.via}/o${m.orientation}/p${m.phash}/d${m.dhash}/c${m.correlation.toFixed(3)}`;

/** A contact sheet: per row the filing, the logo it copies (for a miss), and up to three logos it met. */
async function contactSheet(file: string, dir: string, rows: readonly Explained[], logoFile: (index: number) => string, wanted: (row: Row) => string | undefined) {
  const shown = rows.slice(0, SHEET_ROWS);
  if (shown.length === 0) {
    console.log(`${file}: no rows, not written`);
    return;
  }
  const cells: OverlayOptions[] = [];
  for (const [r, { row, hits }] of shown.entries()) {
    const want = wanted(row);
    const images = [path.join(dir, row.file), ...(want ? [want] : []), ...hits.slice(0, 3).map((m) => logoFile(m.index))];
    for (const [c, image] of images.entries()) {
      const input = await sharp(image).resize(CELL - 6, CELL - 6, { fit: 'contain', background: '#ddd' }).flatten({ background: '#fff' }).png().toBuffer();
      cells.push({ input, left: c * CELL + 3, top: r * CELL + 3 });
    }
  }
  await sharp({ create: { width: CELL * 5, height: CELL * shown.length, channels: 3, background: '#888' } }).composite(cells).png().toFile(file);
  console.log(`${file}: ${shown.length} of ${rows.length} rows`);
}

async function main() {
  const [dir] = process.argv.slice(2);
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  if (!dir || dir.startsWith('--')) throw new Error('usage: explain DATA_DIR [--seed N] [--half fit|holdout] [--grey-filings] [--cache DIR] [--sheet PREFIX] [--only KIND[,KIND]] [--show ID[,ID]]');
  const seed = arg('--seed') === undefined ? DEFAULT_SEED : Number(arg('--seed'));
  if (!Number.isInteger(seed)) throw new Error('--seed needs an integer');
  const half = arg('--half') ?? 'fit';
  if (half !== 'fit' && half !== 'holdout') throw new Error('--half is fit or holdout');
  const only = arg('--only')?.split(',');
  const show = arg('--show')?.split(',');
  const cache = arg('--cache');
  if (cache) mkdirSync(cache, { recursive: true });
  const { rows, registry } = await writeDataset(dir, undefined, (m) => console.error(m), seed);
  const cacheFile = (name: string) => (cache ? path.join(cache, `explain-${seed}-${name}.v8`) : undefined);
  const reg = await hashedSet(registry.map((m) => path.join(dir, m.file)), true, cacheFile('registry'));
  const grey = process.argv.includes('--grey-filings');
  const fil = await hashedSet(rows.map((x) => path.join(dir, x.file)), false, cacheFile(grey ? 'filings-grey' : 'filings'), grey ? greyPrint : undefined);
  const index = new LogoIndex(storedOf(reg));
  const ids = registry.map((m) => m.id);
  const flagged: Explained[] = [];
  const missed: Explained[] = [];
  const perKind = new Map<string, { n: number; right: number }>();
  let failed = 0;
  for (const [i, row] of rows.entries()) {
    if (splitOf(row.family || row.id) !== half || (only && !only.includes(row.kind))) continue;
    if (fil.failed.has(i)) {
      failed++;
      continue;
    }
    const hits = index.search(queryOf(fil, i), LOGO_RULE);
    const tally = perKind.get(row.kind) ?? { n: 0, right: 0 };
    tally.n++;
    const right = row.expect ? hits.some((m) => ids[m.index] === row.expect) : hits.length === 0;
    if (right) tally.right++;
    else (row.expect ? missed : flagged).push({ row, hits });
    if (show?.includes(row.id)) console.log(`shown ${row.kind} ${row.id} ${row.file}${row.expect ? ` (copies ${row.expect})` : ''}: ${hits.map((m) => describeHit(m, ids)).join(' ') || 'no hit'}`);
    perKind.set(row.kind, tally);
  }
  for (const { row, hits } of flagged) console.log(`flagged ${row.kind} ${row.id} ${row.file}${row.family ? ` (from ${row.family})` : ''}: ${hits.map((m) => describeHit(m, ids)).join(' ')}`);
  for (const { row, hits } of missed) console.log(`missed ${row.kind} ${row.id} ${row.file} (copies ${row.expect}): ${hits.length ? hits.map((m) => describeHit(m, ids)).join(' ') : 'no hit'}`);
  const kinds = [...perKind].map(([kind, t]) => `${kind} ${t.right}/${t.n}${(NEGATIVE_KINDS as readonly string[]).includes(kind) ? ' not flagged' : ' found'}`);
  console.log(`${half} half of seed ${seed}${grey ? ', filings in grey' : ''}: ${kinds.join(', ')}${failed ? `; ${failed} filings unreadable` : ''}`);
  const sheet = arg('--sheet');
  if (sheet) {
    const logoFile = (index: number) => path.join(dir, registry[index]!.file);
    const byId = new Map(registry.map((m) => [m.id, path.join(dir, m.file)]));
    await contactSheet(`${sheet}-flagged.png`, dir, flagged, logoFile, () => undefined);
    await contactSheet(`${sheet}-missed.png`, dir, missed, logoFile, (row) => byId.get(row.expect));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});

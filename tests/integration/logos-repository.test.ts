// The logos' data on both databases: the same scenario on SQLite and on PostgreSQL gives the same results — an
// image stored with its features (once, and again when its features are stale), attached to marks in order, listed,
// the marks' first images with their counts, the logo index built from the stored features, a batch row's image
// linked, Vienna codes set and read, an image detached. The thumb column (BLOB / bytea) comes back byte for byte.
import path from 'node:path';
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createBatchesRepository } from '../../electron/batches/repository';
import { migrateDataStore } from '../../electron/data/postgres/migrate';
import { dataQueriesOn, inTransaction } from '../../electron/data/queries';
import type { DataSchema } from '../../electron/data/schema';
import { openDatabase } from '../../electron/db/open';
import { hitImageFiles } from '../../electron/logos/hit-images';
import { imagesRepository } from '../../electron/logos/repository';
import { loadRegistryLogosFrom, storeImageIn } from '../../electron/logos/store';
import { decodeFeatures } from '../../electron/logos/stored-features';
import { loadMarkViennaCodes, markViennaCodes, setMarkViennaCodes } from '../../electron/logos/vienna';
import { marksRepository } from '../../electron/registry/marks';
import type { StoreKind } from '../../electron/store/store';
import type { ProtectedMark } from '../../shared/domain';
import { tempDir } from './support/context';
import { openFreshStore, STORE_KINDS } from './support/stores';

interface Target {
  data: Kysely<DataSchema>;
  dataDir: string;
  close(): Promise<void>;
}

async function openTarget(kind: StoreKind): Promise<Target> {
  const folder = tempDir('markguard-logos-');
  if (kind === 'sqlite') {
    const db = openDatabase(path.join(folder.dir, 'markguard.sqlite'));
    return { data: dataQueriesOn(db), dataDir: folder.dir, close: () => Promise.resolve(db.close()).then(() => folder.remove()) };
  }
  const test = await openFreshStore('postgres');
  await migrateDataStore(test.store);
  return {
    // the store is typed for the accounts' tables; the same connections hold the data's
    data: test.store.db as unknown as Kysely<DataSchema>,
    dataDir: folder.dir,
    close: async () => {
      await test.drop();
      folder.remove();
    },
  };
}

const targets: Target[] = [];
afterEach(async () => {
  for (const target of targets.splice(0)) await target.close();
});

const drawn = (shape: string) => sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160">
  <rect width="160" height="160" fill="#fff"/>${shape}</svg>`)).png().toBuffer();
let flag: Buffer;
let ring: Buffer;
beforeAll(async () => {
  flag = await drawn('<rect x="20" y="15" width="12" height="130" fill="#123"/><polygon points="32,18 130,40 32,80" fill="#c22"/>');
  ring = await drawn('<circle cx="80" cy="80" r="50" fill="none" stroke="#222" stroke-width="20"/>');
});

const mark = (id: string, name: string): ProtectedMark => ({
  id, name, category: '驰名商标', classes: [33], registrationNumber: '', holder: '', aliases: [], region: '', recognizedOn: '', notes: '',
});
const NOW = '2026-12-01T08:00:00.000Z';

async function stored(target: Target, bytes: Buffer) {
  const result = await storeImageIn(target.data, target.dataDir, bytes, NOW);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

type Names = (sha256: string) => string;

/** Two images stored (one twice, and once more with stale features), attached to the two marks, read back. */
async function storeAndAttach(target: Target, keys: { w1: number; r1: number }, names: Map<string, string>) {
  const { data } = target;
  const images = imagesRepository(data);
  const name: Names = (sha256) => names.get(sha256) ?? sha256;
  const a = await stored(target, flag);
  const again = await stored(target, flag);
  const b = await stored(target, ring);
  names.set(a.sha256, 'flag').set(b.sha256, 'ring');
  const thumbOfA = (await images.image(a.sha256))!.thumb;
  // features of an older version (the figure alone): stored again, the row is brought up to date in place
  await data.updateTable('images').set({ thumb: Buffer.from(thumbOfA.subarray(0, 1024)) }).where('sha256', '=', a.sha256).execute();
  await stored(target, flag);
  const thumbAfter = (await images.image(a.sha256))!.thumb;
  const attached = [
    await images.attachToMark(keys.w1, a.sha256, NOW), await images.attachToMark(keys.w1, b.sha256, NOW),
    await images.attachToMark(keys.w1, a.sha256, NOW), await images.attachToMark(keys.r1, b.sha256, NOW),
  ];
  const logos = await loadRegistryLogosFrom(data);
  return {
    images: { a: a.sha256, b: b.sha256 },
    outcome: {
      stored: [a, again, b].map((i) => ({ ...i, sha256: name(i.sha256) })),
      thumbs: { isBytes: thumbOfA instanceof Uint8Array, current: decodeFeatures(thumbOfA) !== null, restored: Buffer.from(thumbAfter).equals(Buffer.from(thumbOfA)) },
      thumbBytes: Buffer.from(thumbAfter).toString('base64'),
      attached,
      listed: (await images.markImages(keys.w1)).map((i) => name(i.sha256)),
      firsts: (await images.firstMarkImages()).map((f) => ({ ...f, markKey: f.markKey === keys.w1 ? 'W1' : 'R1', sha256: name(f.sha256) })),
      logos: { entries: logos.entries.map((e) => [e.markId, name(e.sha256)]), size: logos.index.size, stale: logos.stale },
    },
  };
}

/** A batch row's image linked (twice, and once for a row the batch does not have), and the two images of two hits. */
async function rowsAndHits(data: Kysely<DataSchema>, keys: { w1: number; r1: number }, sha: { a: string; b: string }, name: Names) {
  const images = imagesRepository(data);
  const batchId = await createBatchesRepository(data).create({ kind: 'filing', fileName: 'a.csv', filePath: '/a.csv', fileSize: 1, columnMap: {} }, NOW);
  const filing = await data.insertInto('filings').values({ application_number: '80000001', batch_id: batchId, mark_text: '雪莲花', nice_class: 33 })
    .returning('id').executeTakeFirstOrThrow();
  await images.linkToRow('filing', batchId, '80000001', sha.b);
  await images.linkToRow('filing', batchId, '80000001', sha.b);
  await images.linkToRow('filing', batchId, '80000009', sha.a); // no such row: nothing
  const links = await data.selectFrom('filing_images').select(['filing_id', 'sha256']).execute();
  // the batch's images, each once (the features refresh computes a batch's own before it is screened)
  const batchImages = (await images.batchImagesWithThumbs('filing', batchId)).map((r) => [name(r.sha256), r.format, r.thumb.length > 1024]);
  const hit = (markKey: number, markId: string, named: { row: string | null; mark: string | null }) => data.insertInto('hits').values({
    source: 'filing', filing_id: filing.id, listing_id: null, mark_key: markKey, mark_id: markId, mark_name: '某', mark_category: '驰名商标',
    matched_text: '雪莲花', matched_mark: '某', score: 0.9, reasons: '["figurative"]', batch_id: batchId, found_at: NOW,
    decided_at: null, decided_by: null, row_image: named.row, mark_image: named.mark,
  }).returning('id').executeTakeFirstOrThrow();
  // an image hit names its pair; a text hit shows the first image of the filing and of the mark
  const imageHit = await hit(keys.r1, 'R1', { row: sha.b, mark: sha.a }); // R1's own image is the ring
  const textHit = await hit(keys.w1, 'W1', { row: null, mark: null });
  const hitFiles = async (id: number) => {
    const files = await hitImageFiles(data, id);
    return files && { row: files.row && name(files.row.sha256), mark: files.mark && name(files.mark.sha256) };
  };
  // whose the ring is: both marks, and the filing that brought it with its batch's file
  const uses = await images.usesOfImage(sha.b);
  return {
    batchImages,
    uses,
    links: links.map((l) => [l.filing_id === filing.id, name(l.sha256)]),
    firstOfFiling: name((await images.firstOfFiling(filing.id))?.sha256 ?? ''),
    hitImages: [await hitFiles(imageHit.id), await hitFiles(textHit.id), await hitFiles(textHit.id + 100)],
  };
}

async function scenario(kind: StoreKind) {
  const target = await openTarget(kind);
  targets.push(target);
  const { data } = target;
  const names = new Map<string, string>();
  const name: Names = (sha256) => names.get(sha256) ?? sha256;
  const marks = marksRepository(data);
  const keys = { w1: await marks.insert(mark('W1', '昆仑雪'), NOW), r1: await marks.insert(mark('R1', '圆环牌'), NOW) };
  const first = await storeAndAttach(target, keys, names);
  const rows = await rowsAndHits(data, keys, first.images, name);

  await inTransaction(data, (tx) => setMarkViennaCodes(tx, keys.w1, ['26.1.1', '3.7.1']));
  await inTransaction(data, (tx) => setMarkViennaCodes(tx, keys.r1, ['26.1.1']));
  await inTransaction(data, (tx) => setMarkViennaCodes(tx, keys.r1, ['1.1.1']));
  const codes = { w1: await markViennaCodes(data, keys.w1), all: [...(await loadMarkViennaCodes(data))].map(([id, set]) => [id, [...set]]) };

  const images = imagesRepository(data);
  // every stored image a page at a time, in hash order (the refresh's scan)
  const pages: string[][] = [];
  for (let after = ''; ;) {
    const page = await images.imagesWithThumbsAfter(after, 1);
    if (page.length === 0) break;
    pages.push(page.map((r) => name(r.sha256)));
    after = page[page.length - 1]!.sha256;
  }
  const detached = [await images.detachFromMark(keys.w1, first.images.a), await images.detachFromMark(keys.w1, first.images.a)];
  return {
    ...first.outcome,
    ...rows,
    pages,
    codes,
    detached,
    afterDetach: (await images.markImages(keys.w1)).map((i) => name(i.sha256)),
    firstOfMark: name((await images.firstOfMark(keys.w1))?.sha256 ?? ''),
  };
}

describe('the logos repository', () => {
  const outcomes = new Map<StoreKind, Awaited<ReturnType<typeof scenario>>>();

  it.each(STORE_KINDS)('stores, attaches, lists, links, codes and detaches on %s', async (kind) => {
    const outcome = await scenario(kind);
    outcomes.set(kind, outcome);
    expect(outcome.stored).toEqual([
      { sha256: 'flag', format: 'png', width: 160, height: 160 },
      { sha256: 'flag', format: 'png', width: 160, height: 160 },
      { sha256: 'ring', format: 'png', width: 160, height: 160 },
    ]);
    expect(outcome.thumbs).toEqual({ isBytes: true, current: true, restored: true });
    expect(outcome.attached).toEqual([true, true, false, true]);
    expect(outcome.listed).toEqual(['flag', 'ring']);
    expect(outcome.firsts).toEqual([
      { markKey: 'W1', sha256: 'flag', format: 'png', width: 160, height: 160, count: 2 },
      { markKey: 'R1', sha256: 'ring', format: 'png', width: 160, height: 160, count: 1 },
    ]);
    // by 编号, then the mark's order
    expect(outcome.logos).toEqual({ entries: [['R1', 'ring'], ['W1', 'flag'], ['W1', 'ring']], size: 3, stale: 0 });
    expect(outcome.links).toEqual([[true, 'ring']]);
    expect(outcome.batchImages).toEqual([['ring', 'png', true]]);
    expect(outcome.uses).toEqual({ marks: [{ id: 'R1', name: '圆环牌' }, { id: 'W1', name: '昆仑雪' }], filing: { key: '80000001', file: 'a.csv' } });
    expect(outcome.pages).toHaveLength(2);
    expect(outcome.pages.flat().sort()).toEqual(['flag', 'ring']);
    expect(outcome.firstOfFiling).toBe('ring');
    expect(outcome.codes).toEqual({ w1: ['26.1.1', '3.7.1'], all: [['R1', ['1.1.1']], ['W1', ['26.1.1', '3.7.1']]] });
    expect(outcome.hitImages).toEqual([{ row: 'ring', mark: 'flag' }, { row: 'ring', mark: 'flag' }, null]);
    expect(outcome.detached).toEqual([true, false]);
    expect(outcome.afterDetach).toEqual(['ring']);
    expect(outcome.firstOfMark).toBe('ring');
  });

  it('gives the same results, and the same stored feature bytes, on both databases', () => {
    expect(outcomes.size).toBe(STORE_KINDS.length);
    expect(outcomes.get('postgres')).toEqual(outcomes.get('sqlite'));
  });
});

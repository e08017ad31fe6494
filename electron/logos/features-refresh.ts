// Bringing stored image features up to FEATURES_VERSION without holding the clerk up. A new version of the features,
// or a restored backup made by an older one, leaves stored images with features the search cannot use: the
// registry's are left out of the logo index, a gazette's are searched by their bare figure. Computing them again
// takes about 5 ms an image, minutes for a registry with its gazettes, so the app no longer waits for it before its
// window answers: one pass runs in the background on the features pool (the registry's images first), and whatever
// compares images asks first for what it needs (`ensureCurrent`: the registry's images, and a batch's own), which is
// computed at once where the pass has not reached it yet. An image is computed once, whoever asks first.
import { readFile } from 'node:fs/promises';
import type { BatchKind } from '../../shared/contract/screening';
import { AppFailure } from '../../shared/result';
import type { AppContext } from '../context';
import type { ImageRole } from './encoded-features';
import { eachInHand, type FeaturesPool } from './features-pool';
import { imagesRepository, type ImageRef } from './repository';
import { imageFile } from './store';
import { featuresCurrent } from './stored-features';

/** Stored images read at once while looking for older features (each row carries its thumb column, 20–35 KB). */
const SCAN_PAGE = 1000;

interface StaleImage extends ImageRef {
  role: ImageRole;
}

export interface FeaturesRefreshStatus {
  /** a pass is under way */
  running: boolean;
  /** of the current (or last) pass: images brought up to date, or given up on, and how many it found */
  done: number;
  total: number;
  /** why each image that could not be brought up to date was not (sorted; such an image takes no part in the search) */
  failed: string[];
}

/** What a comparison needs current: always the registry's images; a batch's own when it screens one. */
export interface RefreshScope {
  batch?: { kind: BatchKind; id: number };
}

export interface FeaturesRefresh {
  /** Starts the background pass over every stored image, unless one runs (after stop(), accepts requests again). */
  start(): void;
  /** Resolves once the registry's images (and the scope's batch's) are current or given up on; rejects when aborted. */
  ensureCurrent(scope: RefreshScope, signal?: AbortSignal): Promise<void>;
  status(): FeaturesRefreshStatus;
  /** Resolves when no pass and no image is under way. */
  whenIdle(): Promise<void>;
  /**
   * Stops the pass and every image under way and waits until none can write (a restore, a close); until start()
   * again, ensureCurrent is refused.
   */
  stop(): Promise<void>;
}

/** The registry's images (hashed as logos) whose features are older, and the hashes of all of them. */
async function staleOfRegistry(ctx: AppContext): Promise<{ stale: StaleImage[]; marked: Set<string> }> {
  const rows = await imagesRepository(ctx.data).registryLogos();
  const stale = new Map<string, StaleImage>();
  for (const row of rows) {
    if (!featuresCurrent(row.thumb)) stale.set(row.sha256, { sha256: row.sha256, format: row.format, role: 'registry' });
  }
  return { stale: [...stale.values()], marked: new Set(rows.map((r) => r.sha256)) };
}

function staleAmong(rows: ReadonlyArray<ImageRef & { thumb: Uint8Array }>, marked: ReadonlySet<string>): StaleImage[] {
  // an image a mark also has is hashed as the registry's (its features are a query's and more)
  return rows.filter((r) => !featuresCurrent(r.thumb) && !marked.has(r.sha256)).map((r) => ({ sha256: r.sha256, format: r.format, role: 'query' }));
}

/** Every other stored image (a gazette's, a listing's) whose features are older, read a page at a time. */
async function staleOfOthers(ctx: AppContext, marked: ReadonlySet<string>, signal: AbortSignal): Promise<StaleImage[]> {
  const stale: StaleImage[] = [];
  for (let after = ''; ;) {
    signal.throwIfAborted();
    const page = await imagesRepository(ctx.data).imagesWithThumbsAfter(after, SCAN_PAGE);
    if (page.length === 0) return stale;
    stale.push(...staleAmong(page, marked));
    after = page[page.length - 1]!.sha256;
  }
}

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';

/** `makePool` is called when there is something to compute; the pool is closed again when nothing is under way. */
export function createFeaturesRefresh(ctx: AppContext, makePool: () => FeaturesPool): FeaturesRefresh {
  let pool: FeaturesPool | null = null;
  let users = 0;
  /** the computations under way (a pass's, a request's), each settled once its lanes ended and the pool it used closed */
  const computing = new Set<Promise<void>>();
  const inFlight = new Map<string, Promise<void>>();
  const failed = new Map<string, string>();
  let controller = new AbortController();
  let pass: Promise<void> | null = null;
  let progress = { done: 0, total: 0 };

  async function withPool<T>(work: (pool: FeaturesPool) => Promise<T>): Promise<T> {
    users++;
    pool ??= makePool();
    try {
      return await work(pool);
    } finally {
      if (--users === 0 && pool) {
        const idle = pool;
        pool = null;
        await idle.close();
      }
    }
  }

  /** An image as the clerk knows it: by the marks that have it, else by the filing or listing that brought it. */
  async function describe(image: StaleImage): Promise<string> {
    const uses = await imagesRepository(ctx.data).usesOfImage(image.sha256).catch(() => null);
    if (uses && uses.marks.length > 0) return `保护名录中${uses.marks.map((m) => `「${m.name}」（${m.id}）`).join('、')}的图样`;
    if (uses?.filing) return `「${uses.filing.file}」中申请号 ${uses.filing.key} 的图样`;
    if (uses?.listing) return `「${uses.listing.file}」中编号 ${uses.listing.key} 的图样`;
    return `图样 ${image.sha256.slice(0, 12)}`;
  }

  /** One image's features computed again and stored, or its reason kept; never written once stopped. */
  function refreshOne(image: StaleImage, on: FeaturesPool, stopped: AbortSignal): Promise<void> {
    const known = inFlight.get(image.sha256);
    if (known) return known;
    const work = (async () => {
      let bytes: Buffer;
      try {
        bytes = await readFile(imageFile(ctx, image));
      } catch {
        failed.set(image.sha256, `${await describe(image)}文件缺失（${image.sha256.slice(0, 12)}），无法重新计算图形特征，暂不参与图形比对`);
        return;
      }
      const features = await on.features(bytes, image.role);
      if (stopped.aborted || !ctx.isOpen()) return;
      if (!features.ok) {
        failed.set(image.sha256, `${await describe(image)}（${image.sha256.slice(0, 12)}）无法重新计算图形特征：${features.error.message}；暂不参与图形比对`);
        return;
      }
      await imagesRepository(ctx.data).setFeatures(image.sha256, features.value);
      failed.delete(image.sha256);
    })().finally(() => inFlight.delete(image.sha256));
    inFlight.set(image.sha256, work);
    return work;
  }

  function computeAll(images: readonly StaleImage[], signal: AbortSignal, each?: () => void): Promise<void> {
    if (images.length === 0) return Promise.resolve();
    const stopped = controller.signal;
    const work = withPool((on) => eachInHand(images, 2 * on.size, async (image) => {
      await refreshOne(image, on, stopped);
      each?.();
    }, signal));
    const settled = work.catch(() => undefined).finally(() => computing.delete(settled));
    computing.add(settled);
    return work;
  }

  async function runPass(signal: AbortSignal): Promise<void> {
    const { stale, marked } = await staleOfRegistry(ctx);
    const others = await staleOfOthers(ctx, marked, signal);
    progress = { done: 0, total: stale.length + others.length };
    await computeAll([...stale, ...others], signal, () => progress.done++);
  }

  return {
    start() {
      if (controller.signal.aborted) controller = new AbortController();
      if (pass || !ctx.isOpen()) return;
      pass = runPass(controller.signal)
        .catch((error: unknown) => {
          if (isAbort(error)) return;
          // the database refused a write (a full disk): what is left waits for the next start, and the clerk is told
          failed.set('', `图形特征未能全部重新计算（${error instanceof Error ? error.message : String(error)}），其余图样将在下次启动时重新计算`);
        })
        .finally(() => {
          pass = null;
        });
    },

    async ensureCurrent(scope, signal) {
      const stopped = controller.signal;
      // stopped for a restore or a close: nothing may be written into the database being replaced
      if (stopped.aborted) throw new AppFailure('conflict', '正在恢复数据或正在关闭，暂时不能比对图样，请稍后再试');
      const both = signal ? AbortSignal.any([signal, stopped]) : stopped;
      const { stale, marked } = await staleOfRegistry(ctx);
      const own = scope.batch ? staleAmong(await imagesRepository(ctx.data).batchImagesWithThumbs(scope.batch.kind, scope.batch.id), marked) : [];
      await computeAll([...stale, ...own], both);
    },

    status: () => ({ running: pass !== null, done: progress.done, total: progress.total, failed: [...failed.values()].sort() }),

    async whenIdle() {
      while (pass || inFlight.size > 0) await Promise.allSettled([pass, ...inFlight.values()]);
    },

    async stop() {
      controller.abort();
      // the lanes of a pass or of a screening's request end with the image each holds (an aborted one may leave its
      // images to finish unwritten), then give the pool back
      while (pass || computing.size > 0 || inFlight.size > 0) await Promise.allSettled([pass, ...computing, ...inFlight.values()]);
    },
  };
}

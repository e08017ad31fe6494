// Screening the images of a stored batch's filings or listings against the registry's logos (issue 12): each row's
// image is searched in the LogoIndex built from the registry's stored features (LOGO_RULE), and every mark with a
// near image becomes a hit with reason 图形近似, which shared/figurative.ts joins to the text engine's hits.
// A query's hashes in its eight orientations are read from its stored features (stored-features.ts). The search
// costs about a millisecond an image on this machine, so the app runs the whole batch's images in a worker thread
// (image-screen-worker.ts) while the text is screened; tests and the command line run it here, yielding to the
// event loop between chunks.
import type { BatchKind } from '../../../shared/contract/screening';
import { queryFromStored } from '../../logos/stored-features';
import type { Hit } from '../../../shared/domain';
import { logoHashes, THUMB_SIDE } from '../../../shared/engine/logo/hash';
import type { LogoQuery } from '../../../shared/engine/logo/logo-index';
import { LOGO_RULE } from '../../../shared/engine/logo/rule';
import type { DataExecutor } from '../../data/queries';
import { loadRegistryLogosFrom, type RegistryLogos } from '../../logos/store';

type ImageOfRow = { rowId: number; key: string; text: string; sha256: string; thumb: Uint8Array };

/** Rows searched between two turns of the event loop when this runs in the main thread. */
const CHUNK = 200;

/** The query of a stored figure: its hashes in the eight orientations and the figure itself. */
export function storedQuery(thumb: Uint8Array): LogoQuery | null {
  const side = THUMB_SIDE * THUMB_SIDE;
  if (thumb.length < side) return null;
  const figure = Uint8Array.from(thumb.subarray(0, side));
  return { ...logoHashes(Float64Array.from(figure)), thumb: figure };
}

function imagesOfBatch(data: DataExecutor, kind: BatchKind, batchId: number): Promise<ImageOfRow[]> {
  const rows = kind === 'filing'
    ? data.selectFrom('filings as r').innerJoin('filing_images as ri', 'ri.filing_id', 'r.id')
      .select(['r.application_number as key', 'r.mark_text as text'])
    : data.selectFrom('listings as r').innerJoin('listing_images as ri', 'ri.listing_id', 'r.id')
      .select(['r.listing_id as key', 'r.title as text']);
  return rows
    .innerJoin('images as i', 'i.sha256', 'ri.sha256')
    .select(['r.id as rowId', 'i.sha256', 'i.thumb'])
    .where('r.batch_id', '=', batchId)
    .orderBy('r.id')
    .orderBy('i.sha256')
    .execute();
}

/** The image hits of one image of a row, merged into the row's hits so far (a mark once, with its nearest image). */
function searchOne(image: ImageOfRow, kind: BatchKind, logos: RegistryLogos, markNames: ReadonlyMap<string, string>, best: Map<string, Hit>): void {
  // the stored features with the figure's peels and box shape; a figure stored by an older version, as it is
  const query = queryFromStored(image.thumb) ?? storedQuery(image.thumb);
  if (!query) return;
  for (const match of logos.index.search(query, LOGO_RULE)) {
    const entry = logos.entries[match.index];
    const name = entry && markNames.get(entry.markId);
    if (!entry || name === undefined) continue;
    const known = best.get(entry.markId);
    if (known && known.score >= match.score) continue;
    best.set(entry.markId, {
      source: kind, id: image.key, markId: entry.markId, score: match.score, reasons: ['figurative'],
      text: image.text, markText: name, images: { row: image.sha256, mark: entry.sha256 },
    });
  }
}

export interface BatchImageScreen {
  /** the batch's images and, unless `logos` is given, the registry's logos are read from it */
  data: DataExecutor;
  kind: BatchKind;
  batchId: number;
  /** 编号 → 商标名称 of the marks screened against (the job's registry snapshot) */
  markNames: ReadonlyMap<string, string>;
  /** the registry's logos; read from the database when absent */
  logos?: RegistryLogos;
  signal?: AbortSignal;
}

/** Every image hit of the batch by row id, best first within a row; none when the registry has no image. */
export async function screenBatchImages(job: BatchImageScreen): Promise<Map<number, Hit[]>> {
  const found = new Map<number, Hit[]>();
  const logos = job.logos ?? (await loadRegistryLogosFrom(job.data));
  if (logos.index.size === 0) return found;
  const images = await imagesOfBatch(job.data, job.kind, job.batchId);
  let row = new Map<string, Hit>();
  const flush = (rowId: number | undefined) => {
    if (rowId !== undefined && row.size > 0) {
      found.set(rowId, [...row.values()].sort((a, b) => b.score - a.score || a.markId.localeCompare(b.markId)));
    }
    row = new Map();
  };
  for (let i = 0; i < images.length; i++) {
    const image = images[i]!;
    if (i > 0 && images[i - 1]!.rowId !== image.rowId) flush(images[i - 1]!.rowId);
    searchOne(image, job.kind, logos, job.markNames, row);
    if (i % CHUNK === CHUNK - 1) {
      job.signal?.throwIfAborted();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  flush(images[images.length - 1]?.rowId);
  return found;
}

// The figurative marks' data through the query builder, the same on SQLite and PostgreSQL: stored images with their
// features (images), a registry mark's images (mark_images), the images a batch's rows bring (filing_images,
// listing_images) and the two images of a hit. No business rules here: store.ts, mark-images.ts and the handlers
// decide. The image files themselves are not here either (store.ts).
import type { Insertable } from 'kysely';
import type { BatchKind } from '../../shared/contract/screening';
import type { DataExecutor } from '../data/queries';
import type { ImagesTable } from '../data/schema';

/** Where a stored image's file is: its hash and its format. */
export interface ImageRef {
  sha256: string;
  format: string;
}

export interface ImageInfo extends ImageRef {
  width: number;
  height: number;
}

/** The stored features of an image: its two hashes (hex) and the thumb column (stored-features.ts). */
export interface ImageFeaturesRow {
  phash: string;
  dhash: string;
  /** a Buffer on both databases (better-sqlite3's BLOB, pg's bytea) */
  thumb: Uint8Array;
}

export type NewImage = Insertable<ImagesTable>;

/** A registry image with its mark, for the logo index, in the index's order. */
export interface RegistryLogoRow extends ImageFeaturesRow, ImageRef {
  markKey: number;
  markId: string;
}

/** A mark's first image and how many it has. */
export interface FirstMarkImage extends ImageInfo {
  markKey: number;
  count: number;
}

export interface HitImageRow {
  rowImage: string | null;
  markImage: string | null;
  filingId: number | null;
  listingId: number | null;
  markKey: number | null;
}

/** Where a stored image is used (ImagesRepository.usesOfImage). */
export interface ImageUses {
  marks: Array<{ id: string; name: string }>;
  filing?: { key: string; file: string };
  listing?: { key: string; file: string };
}

export function imagesRepository(db: DataExecutor) {
  return {
    /** A stored image with its thumb column (whose features may be of an older version), or undefined. */
    async image(sha256: string): Promise<(ImageInfo & { thumb: Uint8Array }) | undefined> {
      return db.selectFrom('images').select(['sha256', 'format', 'width', 'height', 'thumb']).where('sha256', '=', sha256).executeTakeFirst();
    },

    async imageRef(sha256: string): Promise<ImageRef | undefined> {
      return db.selectFrom('images').select(['sha256', 'format']).where('sha256', '=', sha256).executeTakeFirst();
    },

    /** Every stored image's hash and format (the backups carry their files). */
    imageRefs: (): Promise<ImageRef[]> => db.selectFrom('images').select(['sha256', 'format']).orderBy('sha256').execute(),

    /**
     * Up to `limit` stored images after the hash `after` ('' for the first), in hash order, with their thumb column
     * (the features' version is read from it): a page, so that tens of thousands are never held at once.
     */
    imagesWithThumbsAfter: (after: string, limit: number): Promise<Array<ImageRef & { thumb: Uint8Array }>> =>
      db.selectFrom('images').select(['sha256', 'format', 'thumb']).where('sha256', '>', after).orderBy('sha256').limit(limit).execute(),

    /** The images a batch's rows bring, each once, with their thumb column. */
    batchImagesWithThumbs(kind: BatchKind, batchId: number): Promise<Array<ImageRef & { thumb: Uint8Array }>> {
      const rows = kind === 'filing'
        ? db.selectFrom('filing_images as ri').innerJoin('filings as r', 'r.id', 'ri.filing_id')
        : db.selectFrom('listing_images as ri').innerJoin('listings as r', 'r.id', 'ri.listing_id');
      return rows
        .innerJoin('images as i', 'i.sha256', 'ri.sha256')
        .select(['i.sha256', 'i.format', 'i.thumb'])
        .where('r.batch_id', '=', batchId)
        .distinct()
        .orderBy('i.sha256')
        .execute();
    },

    /** Stores an image's row, or replaces the row of the same hash (its features computed again); one statement. */
    async putImage(row: NewImage): Promise<void> {
      await db
        .insertInto('images')
        .values(row)
        .onConflict((oc) =>
          oc.column('sha256').doUpdateSet((eb) => ({
            format: eb.ref('excluded.format'), size_bytes: eb.ref('excluded.size_bytes'), width: eb.ref('excluded.width'),
            height: eb.ref('excluded.height'), phash: eb.ref('excluded.phash'), dhash: eb.ref('excluded.dhash'), thumb: eb.ref('excluded.thumb'),
          })),
        )
        .execute();
    },

    async setFeatures(sha256: string, features: ImageFeaturesRow): Promise<void> {
      await db.updateTable('images').set(features).where('sha256', '=', sha256).execute();
    },

    /** Every registry mark's images with their features, by 编号 and then the mark's order. */
    async registryLogos(): Promise<RegistryLogoRow[]> {
      const rows = await db
        .selectFrom('mark_images as mi')
        .innerJoin('protected_marks as m', 'm.key', 'mi.mark_key')
        .innerJoin('images as i', 'i.sha256', 'mi.sha256')
        .select(['mi.mark_key', 'm.mark_id', 'i.sha256', 'i.format', 'i.phash', 'i.dhash', 'i.thumb'])
        .orderBy('m.mark_id')
        .orderBy('mi.position')
        .execute();
      return rows.map((r) => ({ markKey: r.mark_key, markId: r.mark_id, sha256: r.sha256, format: r.format, phash: r.phash, dhash: r.dhash, thumb: r.thumb }));
    },

    /** A mark's images in their order. */
    markImages: (markKey: number): Promise<ImageInfo[]> =>
      db
        .selectFrom('mark_images as mi')
        .innerJoin('images as i', 'i.sha256', 'mi.sha256')
        .select(['i.sha256', 'i.format', 'i.width', 'i.height'])
        .where('mi.mark_key', '=', markKey)
        .orderBy('mi.position')
        .execute(),

    /** The first image of every mark that has images, with how many it has, by mark key. */
    async firstMarkImages(): Promise<FirstMarkImage[]> {
      const rows = await db
        .selectFrom('mark_images as mi')
        .innerJoin('images as i', 'i.sha256', 'mi.sha256')
        .innerJoin(
          (eb) =>
            eb.selectFrom('mark_images')
              .select((s) => ['mark_key', s.fn.min('position').as('first'), s.fn.countAll().as('count')])
              .groupBy('mark_key')
              .as('c'),
          (join) => join.onRef('c.mark_key', '=', 'mi.mark_key').onRef('c.first', '=', 'mi.position'),
        )
        .select(['mi.mark_key', 'i.sha256', 'i.format', 'i.width', 'i.height', 'c.count'])
        .orderBy('mi.mark_key')
        .execute();
      // PostgreSQL's count is a bigint, which pg hands over as a string
      return rows.map((r) => ({ markKey: r.mark_key, sha256: r.sha256, format: r.format, width: r.width, height: r.height, count: Number(r.count) }));
    },

    /**
     * Puts an image on a mark after the images it has, in one statement (two clerks adding at once each get a
     * place); false when the mark has it already.
     */
    async attachToMark(markKey: number, sha256: string, now: string): Promise<boolean> {
      const added = await db
        .insertInto('mark_images')
        .columns(['mark_key', 'sha256', 'position', 'added_at'])
        .expression((eb) =>
          eb.selectFrom('mark_images')
            .select((s) => [
              s.cast<number>(s.val(markKey), 'integer').as('mark_key'),
              s.cast<string>(s.val(sha256), 'text').as('sha256'),
              s(s.fn.coalesce(s.fn.max('position'), s.lit(0)), '+', 1).as('position'),
              s.cast<string>(s.val(now), 'text').as('added_at'),
            ])
            .where('mark_key', '=', markKey),
        )
        .onConflict((oc) => oc.columns(['mark_key', 'sha256']).doNothing())
        .executeTakeFirst();
      return Number(added.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** Takes an image off a mark; false when the mark did not have it. */
    async detachFromMark(markKey: number, sha256: string): Promise<boolean> {
      const deleted = await db.deleteFrom('mark_images').where('mark_key', '=', markKey).where('sha256', '=', sha256).executeTakeFirst();
      return Number(deleted.numDeletedRows) > 0;
    },

    /** Links an image to the batch's row with this 申请号 (filings) or 编号 (listings); nothing when there is none. */
    async linkToRow(kind: BatchKind, batchId: number, key: string, sha256: string): Promise<void> {
      if (kind === 'filing') {
        await db
          .insertInto('filing_images')
          .columns(['filing_id', 'sha256'])
          .expression((eb) =>
            eb.selectFrom('filings')
              .select((s) => ['id', s.cast<string>(s.val(sha256), 'text').as('sha256')])
              .where('application_number', '=', key)
              .where('batch_id', '=', batchId),
          )
          .onConflict((oc) => oc.columns(['filing_id', 'sha256']).doNothing())
          .execute();
        return;
      }
      await db
        .insertInto('listing_images')
        .columns(['listing_id', 'sha256'])
        .expression((eb) =>
          eb.selectFrom('listings')
            .select((s) => ['id', s.cast<string>(s.val(sha256), 'text').as('sha256')])
            .where('listing_id', '=', key)
            .where('batch_id', '=', batchId),
        )
        .onConflict((oc) => oc.columns(['listing_id', 'sha256']).doNothing())
        .execute();
    },

    /** What a hit names of images and whose they could be, or undefined when there is no such hit. */
    async hit(hitId: number): Promise<HitImageRow | undefined> {
      const h = await db.selectFrom('hits').select(['row_image', 'mark_image', 'filing_id', 'listing_id', 'mark_key']).where('id', '=', hitId).executeTakeFirst();
      return h && { rowImage: h.row_image, markImage: h.mark_image, filingId: h.filing_id, listingId: h.listing_id, markKey: h.mark_key };
    },

    firstOfFiling: (filingId: number): Promise<ImageRef | undefined> =>
      db.selectFrom('filing_images as r').innerJoin('images as i', 'i.sha256', 'r.sha256').select(['i.sha256', 'i.format'])
        .where('r.filing_id', '=', filingId).orderBy('r.sha256').limit(1).executeTakeFirst(),

    firstOfListing: (listingId: number): Promise<ImageRef | undefined> =>
      db.selectFrom('listing_images as r').innerJoin('images as i', 'i.sha256', 'r.sha256').select(['i.sha256', 'i.format'])
        .where('r.listing_id', '=', listingId).orderBy('r.sha256').limit(1).executeTakeFirst(),

    /**
     * Whose an image is, for telling the clerk about it: the marks that have it (by 编号), and the first filing and
     * listing that bring it, with their batch's file.
     */
    async usesOfImage(sha256: string): Promise<ImageUses> {
      const marks = await db.selectFrom('mark_images as mi').innerJoin('protected_marks as m', 'm.key', 'mi.mark_key')
        .select(['m.mark_id as id', 'm.name']).where('mi.sha256', '=', sha256).orderBy('m.mark_id').execute();
      const filing = await db.selectFrom('filing_images as ri').innerJoin('filings as r', 'r.id', 'ri.filing_id').innerJoin('batches as b', 'b.id', 'r.batch_id')
        .select(['r.application_number as key', 'b.file_name as file']).where('ri.sha256', '=', sha256).orderBy('r.id').limit(1).executeTakeFirst();
      const listing = await db.selectFrom('listing_images as ri').innerJoin('listings as r', 'r.id', 'ri.listing_id').innerJoin('batches as b', 'b.id', 'r.batch_id')
        .select(['r.listing_id as key', 'b.file_name as file']).where('ri.sha256', '=', sha256).orderBy('r.id').limit(1).executeTakeFirst();
      return { marks, ...(filing ? { filing } : {}), ...(listing ? { listing } : {}) };
    },

    firstOfMark: (markKey: number): Promise<ImageRef | undefined> =>
      db.selectFrom('mark_images as r').innerJoin('images as i', 'i.sha256', 'r.sha256').select(['i.sha256', 'i.format'])
        .where('r.mark_key', '=', markKey).orderBy('r.position').limit(1).executeTakeFirst(),
  };
}

export type ImagesRepository = ReturnType<typeof imagesRepository>;

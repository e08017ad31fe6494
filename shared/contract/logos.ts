// Channels of the registry's images (issue 12): a mark's images with small thumbnails as data: URLs (the renderer
// never gets a file path), adding one the clerk chose with `files.open` (purpose 'image'), removing one.
import { z } from 'zod';
import { CategorySchema } from '../domain';
import { FileTokenSchema } from './files';

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, '图样标识无效');

export const MarkImageSchema = z.object({
  sha256: Sha256Schema,
  format: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  /** a PNG of at most 96 × 96 px as a data: URL; null when the stored file is missing or unreadable */
  thumbnail: z.string().nullable(),
});
export type MarkImage = z.infer<typeof MarkImageSchema>;

export const MarkThumbnailSchema = z.object({
  key: z.number().int().positive(),
  /** how many images the mark has; the thumbnail is the first one's */
  count: z.number().int(),
  thumbnail: z.string().nullable(),
});
export type MarkThumbnail = z.infer<typeof MarkThumbnailSchema>;

export const ImageCheckMatchSchema = z.object({
  key: z.number().int().positive(),
  id: z.string(),
  name: z.string(),
  category: CategorySchema,
  /** 0–1, the engine's logo score (thumbnail correlation in the matching orientation) */
  score: z.number(),
  /** how the checked image is turned against the mark's (0 as it is, 1 mirrored left-right, …; LogoHashes) */
  orientation: z.number().int().min(0).max(7),
  thumbnail: z.string().nullable(),
});
export type ImageCheckMatch = z.infer<typeof ImageCheckMatchSchema>;

export const ImageCheckSchema = z.object({
  /** the checked image's thumbnail (the image itself is not stored) */
  thumbnail: z.string().nullable(),
  /** how many images the registry has to compare with (0: nothing to check against) */
  registryImages: z.number().int(),
  /** every mark with an image near the checked one, nearest first, each mark once */
  matches: z.array(ImageCheckMatchSchema),
});
export type ImageCheck = z.infer<typeof ImageCheckSchema>;

export const HitImagesSchema = z.object({
  /** the filing's or listing's image (the one an image hit compared), a PNG data: URL; null when it has none */
  row: z.string().nullable(),
  /** the protected mark's image (the one an image hit compared, else its first), a PNG data: URL; null when none */
  mark: z.string().nullable(),
});
export type HitImages = z.infer<typeof HitImagesSchema>;

export const FeaturesRefreshSchema = z.object({
  /** stored images' features of an older version are being computed again in the background */
  running: z.boolean(),
  /** of that pass: images done (or given up on) and found */
  done: z.number().int(),
  total: z.number().int(),
  /** why each image that could not be computed again takes no part in the image search */
  failed: z.array(z.string()),
});
export type FeaturesRefreshStatus = z.infer<typeof FeaturesRefreshSchema>;

const MarkKey = z.object({ key: z.number().int().positive() }).strict();

export const logosContract = {
  /** A mark's images, in the order they were added. */
  'registry.images': { input: MarkKey, output: z.array(MarkImageSchema) },
  /** The first image of every mark that has one, for the registry table (every such mark, none left out). */
  'registry.thumbnails': { input: z.object({}).strict(), output: z.array(MarkThumbnailSchema) },
  /** Adds the image the clerk chose with `files.open` (purpose 'image') to a mark; BMP and non-images are refused. */
  'registry.addImage': { input: z.object({ key: z.number().int().positive(), fileToken: FileTokenSchema }).strict(), output: MarkImageSchema },
  /** Takes an image off a mark; the stored file stays (backups and other marks may refer to it). */
  'registry.removeImage': {
    input: z.object({ key: z.number().int().positive(), sha256: Sha256Schema }).strict(),
    output: z.object({ removed: z.boolean() }),
  },
  /** How far the background computing of older image features has come (after an upgrade or a restore). */
  'registry.featuresRefresh': { input: z.object({}).strict(), output: FeaturesRefreshSchema },
  /** 以图查询: the registry marks whose images are near the image chosen with `files.open` (purpose 'image'). */
  'registry.checkImage': { input: z.object({ fileToken: FileTokenSchema }).strict(), output: ImageCheckSchema },
  /** A mark's 图形要素 (Vienna codes such as 26.1.1), in order. */
  'registry.viennaCodes': { input: MarkKey, output: z.array(z.string()) },
  /** Replaces a mark's 图形要素 with the codes typed (separated by ; , 、 or spaces); a code that is none is refused. */
  'registry.setViennaCodes': {
    input: z.object({ key: z.number().int().positive(), codes: z.string().max(1000, '「图形要素」过长') }).strict(),
    output: z.array(z.string()),
  },
  /** The two images of a hit side by side in the review (thumbnails as data: URLs, never paths). */
  'hits.images': { input: z.object({ hitId: z.number().int().positive() }).strict(), output: HitImagesSchema },
} as const;

// Channels of the registry's images (issue 12): a mark's images with small thumbnails as data: URLs (the renderer
// never gets a file path), adding one the clerk chose with `files.open` (purpose 'image'), removing one.
import { z } from 'zod';
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
} as const;

// The registry's images channels (shared/contract/logos.ts): the file comes by a token from `files.open`.
import { readFile } from 'node:fs/promises';
import type { logosContract } from '../../shared/contract/logos';
import { AppFailure, type Result } from '../../shared/result';
import type { AppContext } from '../context';
import type { ShellPorts } from '../handlers/files';
import type { Handlers } from '../ipc/dispatch';
import { marksRepository } from '../registry/marks';
import { hitImageFiles } from './hit-images';
import { checkImage } from './image-check';
import { listMarkImages, markThumbnails, removeMarkImage, thumbnailOf } from './mark-images';
import { addMarkImage } from './store';
import { editMarkViennaCodes, markViennaCodes } from './vienna';

/** The review shows the two figures larger than the registry table's thumbnails. */
const DETAIL_SIDE = 160;

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new AppFailure(result.error.kind, result.error.message);
  return result.value;
}

export function createLogoHandlers(ctx: AppContext, shell: ShellPorts): Pick<Handlers, keyof typeof logosContract> {
  async function chosenImage(fileToken: string): Promise<Buffer> {
    const file = shell.files.resolve(fileToken, 'image');
    try {
      return await readFile(file);
    } catch (error) {
      throw new AppFailure('io', `无法读取所选图片：${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    'registry.images': async ({ key }) => valueOf(await listMarkImages(ctx, key)),
    'registry.thumbnails': () => markThumbnails(ctx),
    'registry.addImage': async ({ key, fileToken }) => {
      const image = valueOf(await addMarkImage(ctx, key, await chosenImage(fileToken)));
      return { ...image, thumbnail: await thumbnailOf(ctx, image) };
    },
    'registry.removeImage': async ({ key, sha256 }) => valueOf(await removeMarkImage(ctx, key, sha256)),
    'registry.viennaCodes': async ({ key }) => {
      if (!(await marksRepository(ctx.data).get(key))) throw new AppFailure('not-found', '找不到该保护名录记录');
      return markViennaCodes(ctx.data, key);
    },
    'registry.setViennaCodes': ({ key, codes }) => editMarkViennaCodes(ctx, key, codes),
    'hits.images': async ({ hitId }) => {
      const files = await hitImageFiles(ctx.data, hitId);
      if (!files) throw new AppFailure('not-found', '该命中不存在，可能已被删除');
      return {
        row: files.row ? await thumbnailOf(ctx, files.row, DETAIL_SIDE) : null,
        mark: files.mark ? await thumbnailOf(ctx, files.mark, DETAIL_SIDE) : null,
      };
    },
    'registry.checkImage': async ({ fileToken }) => valueOf(await checkImage(ctx, await chosenImage(fileToken))),
    'registry.featuresRefresh': () => Promise.resolve(ctx.imageFeatures.status()),
  };
}

// An image's features as the images table stores them (hashes in hex, the thumb column's bytes), for the role the
// image is stored for. One function, so that the import's worker threads (features-pool.ts) and this thread store
// the same bytes.
import { hashToHex } from '../../shared/engine/logo/hash';
import { ok, type Result } from '../../shared/result';
import { type FeatureOptions, logoFeatures } from './features';
import type { ImageFeaturesRow } from './repository';
import { encodeFeatures } from './stored-features';

/**
 * What a stored image is kept for, which says which of its features are hashed (features.ts FeatureOptions): a
 * registry logo's ('registry': it is searched, so its crops, soft copy and print, and a query's variants besides, for
 * the same image in a gazette) or a gazette's or a listing's ('query': only searched for, the query's variants). An
 * image stored for a query and later given to a mark is hashed again for the registry (store.ts storeImageIn).
 */
export type ImageRole = 'registry' | 'query';

export const featureOptions = (role: ImageRole): FeatureOptions => (role === 'query' ? { crops: false } : {});

/** The features of an encoded image for `role`, encoded for the table; or the Chinese reason it has none. */
export async function encodedFeatures(bytes: Uint8Array, role: ImageRole): Promise<Result<ImageFeaturesRow>> {
  const features = await logoFeatures(bytes, featureOptions(role));
  if (!features.ok) return features;
  return ok({ phash: hashToHex(features.value.phash), dhash: hashToHex(features.value.dhash), thumb: encodeFeatures(features.value) });
}

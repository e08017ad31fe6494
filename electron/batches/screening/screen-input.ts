// Screening one stored row: the same function in a worker thread and in-process.
import type { Hit } from '../../../shared/domain';
import { screenFiling, screenListing, type RegistryIndex } from '../../../shared/engine';
import type { StoredInput } from './stored-rows';

export function screenStoredInput(index: RegistryIndex, input: StoredInput): Hit[] {
  // a device mark without a name (a filing that came with its image) has only its image to screen
  if ('filing' in input && input.filing.markText.trim() === '') return [];
  return 'filing' in input ? screenFiling(index, input.filing) : screenListing(index, input.listing);
}

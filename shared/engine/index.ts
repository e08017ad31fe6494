// The matching engine (pure TypeScript: no Node, no DOM). Build the index once per registry, then screen.
export { buildRegistryIndex, type RegistryIndex } from './registry-index';
export { quickCheck, screenFiling, screenListing } from './screen';
export { normaliseText, normaliseOwner, type NormalisedText } from './normalise';

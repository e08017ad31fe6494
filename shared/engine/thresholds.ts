// The thresholds of the examination rules, shared by the candidate search (as bounds) and the scoring.

/**
 * The similarity a form needs, by its number of characters (examination guideline: two-character marks need both
 * characters alike; from three characters one changed character still leaves the marks similar).
 */
export function hanThreshold(length: number): number {
  if (length <= 1) return 1;
  if (length === 2) return 0.8;
  if (length === 3) return 0.64;
  return 0.62;
}

export const LATIN_THRESHOLD = 0.8;

/** Characters an imitation keeps verbatim: at least one in two (one for marks of two or three characters). */
export function minSameOf(length: number): number {
  return Math.max(1, Math.floor(length / 2));
}
